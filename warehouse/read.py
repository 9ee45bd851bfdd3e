"""Queries the report and the CLI ask of the warehouse."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd
from sqlalchemy import Engine, select, true

from portal_audit.records import INDICATORS, ITEMS

from .models import (
    AuditRun,
    AvailabilityProbe,
    ColumnAudit,
    ConsultationMessage,
    ContentFinding,
    HomeLink,
    Item,
    LinkCheckRow,
    PortalCheck,
    PortalVerdictRow,
)

CHINA = timedelta(hours=8)  # days of the availability week are China's days (UTC+8, no DST)


class NoRun(LookupError):
    pass


def resolve_run(engine: Engine, run: str | None = "latest") -> str:
    """A run id: 'latest' means the newest complete run (newest of any status if none)."""
    with engine.connect() as conn:
        if run and run != "latest":
            found = conn.execute(select(AuditRun.run_id).where(AuditRun.run_id == run)).scalar()
            if not found:
                raise NoRun(f"no run {run!r} in the warehouse")
            return found
        for cond in (AuditRun.status == "complete", true()):
            found = conn.execute(
                select(AuditRun.run_id).where(cond).order_by(AuditRun.as_of.desc(), AuditRun.started_at.desc())
            ).scalar()
            if found:
                return found
    raise NoRun("the warehouse holds no audit run yet: run `portal-audit audit CATALOG` first")


def run_info(engine: Engine, run_id: str) -> dict:
    with engine.connect() as conn:
        row = conn.execute(select(AuditRun).where(AuditRun.run_id == run_id)).mappings().one()
    return dict(row)


def column_audits(engine: Engine, run_id: str) -> pd.DataFrame:
    with engine.connect() as conn:
        return pd.read_sql(
            select(ColumnAudit).where(ColumnAudit.run_id == run_id)
            .order_by(ColumnAudit.portal_id, ColumnAudit.column_id),
            conn,
        )


def item_dates(engine: Engine, portal_ids: list[str], since: date) -> dict[tuple[str, str], list[date]]:
    """Publish dates stored from earlier runs, per (portal, column), for the period history."""
    out: dict[tuple[str, str], list[date]] = {}
    with engine.connect() as conn:
        rows = conn.execute(select(Item.portal_id, Item.column_id, Item.published_on).where(
            Item.portal_id.in_(portal_ids), Item.published_on >= since))
        for portal_id, column_id, published_on in rows:
            assert published_on is not None  # the query's >= leaves NULL out
            out.setdefault((portal_id, column_id), []).append(published_on)
    return out


def portal_verdicts(engine: Engine, run_id: str) -> pd.DataFrame:
    with engine.connect() as conn:
        return pd.read_sql(select(PortalVerdictRow).where(PortalVerdictRow.run_id == run_id)
                           .order_by(PortalVerdictRow.portal_id), conn)


def probe_window(as_of: date, days: int = 7) -> tuple[datetime, datetime]:
    """The ``days`` whole China days before ``as_of``, as naive UTC bounds [start, end)."""
    end = datetime.combine(as_of, datetime.min.time()) - CHINA
    return end - timedelta(days=days), end


def probe_counts(engine: Engine, portal_ids: list[str], as_of: date, days: int = 7
                 ) -> dict[str, tuple[int, int, dict[date, int]]]:
    """Per portal, the probes of the ``days`` whole China days before ``as_of``: (probes,
    failed, probes per day)."""
    start, end = probe_window(as_of, days)
    out: dict[str, tuple[int, int, dict[date, int]]] = {}
    with engine.connect() as conn:
        rows = conn.execute(select(AvailabilityProbe.portal_id, AvailabilityProbe.probed_at, AvailabilityProbe.ok)
                            .where(AvailabilityProbe.portal_id.in_(portal_ids), AvailabilityProbe.probed_at >= start,
                                   AvailabilityProbe.probed_at < end))
        for portal_id, probed_at, ok in rows:
            total, failed, per_day = out.get(portal_id, (0, 0, {}))
            day = (probed_at + CHINA).date()
            per_day[day] = per_day.get(day, 0) + 1
            out[portal_id] = (total + 1, failed + (not ok), per_day)
    return out


def home_link_history(engine: Engine, portal_id: str) -> dict[str, str]:
    """URL key (``portal_audit.urls.site_key``) → the run that first saw it on the portal's home page."""
    with engine.connect() as conn:
        return dict(conn.execute(select(HomeLink.url_key, HomeLink.first_seen_run)
                                 .where(HomeLink.portal_id == portal_id)).all())


def availability_week(engine: Engine, portal_ids: list[str] | None, as_of: date, days: int = 7) -> pd.DataFrame:
    """Per portal, the home-page probes of the ``days`` China days before ``as_of``:
    probes, failed, failure share, fewest probes in a day, and IPv6 (information only)."""
    start, end = probe_window(as_of, days)
    query = select(AvailabilityProbe.portal_id, AvailabilityProbe.probed_at, AvailabilityProbe.ok,
                   AvailabilityProbe.ipv6_ok).where(AvailabilityProbe.probed_at >= start,
                                                    AvailabilityProbe.probed_at < end)
    if portal_ids is not None:
        query = query.where(AvailabilityProbe.portal_id.in_(portal_ids))
    with engine.connect() as conn:
        df = pd.read_sql(query, conn)
    columns = ["portal_id", "probes", "failed", "failed_share", "fewest_per_day", "ipv6_probes", "ipv6_ok"]
    if df.empty:
        return pd.DataFrame(columns=columns)
    df["day"] = (pd.to_datetime(df["probed_at"]) + CHINA).dt.date
    rows = []
    window = [as_of - timedelta(days=d) for d in range(days, 0, -1)]
    for portal_id, g in df.groupby("portal_id"):
        per_day = g.groupby("day").size()
        v6 = g["ipv6_ok"].dropna()
        rows.append(dict(portal_id=portal_id, probes=len(g), failed=int((~g["ok"].astype(bool)).sum()),
                         failed_share=float((~g["ok"].astype(bool)).mean()),
                         fewest_per_day=int(min(per_day.get(d, 0) for d in window)),
                         ipv6_probes=len(v6), ipv6_ok=int(v6.astype(bool).sum())))
    return pd.DataFrame(rows, columns=columns)


def portal_checks(engine: Engine, run_id: str, portal_ids: list[str] | None = None) -> pd.DataFrame:
    df = _of_run(engine, PortalCheck, run_id, portal_ids, PortalCheck.portal_id)
    order = {item: i for i, item in enumerate(ITEMS + INDICATORS)}  # the checklist's order, then the indicators
    return df.assign(_o=df["item"].map(order)).sort_values(["portal_id", "_o"], kind="stable").drop(
        columns="_o").reset_index(drop=True)


def consultation_messages(engine: Engine, run_id: str, portal_ids: list[str] | None = None) -> pd.DataFrame:
    """The messages a run read (its consultation columns' lists)."""
    query = select(ConsultationMessage).where(ConsultationMessage.last_seen_run == run_id)
    if portal_ids is not None:  # [] is no portal, not every portal
        query = query.where(ConsultationMessage.portal_id.in_(portal_ids))
    with engine.connect() as conn:
        return pd.read_sql(query, conn)


def _of_run(engine: Engine, model, run_id: str, portal_ids: list[str] | None, *order) -> pd.DataFrame:
    """A run's rows of ``model`` (optionally some portals'), as a frame."""
    query = select(model).where(model.run_id == run_id)
    if portal_ids is not None:  # [] is no portal, not every portal
        query = query.where(model.portal_id.in_(portal_ids))
    with engine.connect() as conn:
        return pd.read_sql(query.order_by(*order), conn)


def link_checks(engine: Engine, run_id: str, portal_ids: list[str] | None = None) -> pd.DataFrame:
    return _of_run(engine, LinkCheckRow, run_id, portal_ids, LinkCheckRow.portal_id, LinkCheckRow.url)


def content_findings(engine: Engine, run_id: str, portal_ids: list[str] | None = None) -> pd.DataFrame:
    return _of_run(engine, ContentFinding, run_id, portal_ids, ContentFinding.portal_id, ContentFinding.seq)


def column_names(engine: Engine, run_id: str, portal_ids: list[str] | None = None) -> dict[tuple[str, str], str]:
    """(portal, column id) → the column's path (栏目 › 子栏目) as the run audited it: what a
    report prints where stored reasons name columns by id."""
    query = select(ColumnAudit.portal_id, ColumnAudit.column_id, ColumnAudit.path).where(ColumnAudit.run_id == run_id)
    if portal_ids is not None:  # [] is no portal, not every portal
        query = query.where(ColumnAudit.portal_id.in_(portal_ids))
    with engine.connect() as conn:
        return {(p, c): path for p, c, path in conn.execute(query)}
