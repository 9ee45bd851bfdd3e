"""Write a run into the warehouse.

A run is opened (``start_run``), each portal is loaded in one transaction that first
removes whatever an earlier attempt of the same run left for that portal (so re-running
a day is idempotent), and the run is closed as ``complete`` or ``failed``. Readers only
trust ``complete`` runs; a crash leaves ``running``/``failed``, never half a portal.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite

from portal_audit.catalog import Portal
from portal_audit.records import ColumnCrawl, PageFetch
from validations.suite import Validation

from .models import AuditRun, ColumnAudit, ExpectationResult, Item, PageFetchRow, PortalRun, PortalVerdictRow

_BATCH = 5000


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def run_id_for(as_of: date) -> str:
    return as_of.isoformat()


def _insert(engine_or_conn, table):
    dialect = engine_or_conn.dialect.name
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"warehouse dialect {dialect!r} is not supported (use SQLite or PostgreSQL)")


def start_run(engine: Engine, as_of: date, ruleset: str, catalog: str | None = None,
              flow_run_id: str | None = None) -> str:
    """Open (or reopen) the run for ``as_of``; returns its run_id."""
    run_id = run_id_for(as_of)
    table = AuditRun.__table__
    values = dict(run_id=run_id, as_of=as_of, ruleset=ruleset, status="running", started_at=_now(),
                  finished_at=None, catalog=catalog, flow_run_id=flow_run_id, message=None)
    with engine.begin() as conn:
        stmt = _insert(conn, table).values(**values, portals=0, columns=0)
        conn.execute(stmt.on_conflict_do_update(index_elements=["run_id"], set_=values))
    return run_id


def load_portal(engine: Engine, run_id: str, portal: Portal, crawls: list[ColumnCrawl], validation: Validation,
                home: PageFetch | None = None) -> None:
    """Load one portal's results of a run in a single transaction."""
    verdicts, outcomes = validation.verdicts, validation.outcomes
    site = next((v for v in validation.portals if v.portal_id == portal.id), None)
    cols = {c.id: c for c in portal.columns}
    crawl_by_col = {c.column_id: c for c in crawls if c.portal_id == portal.id}
    audits = []
    for v in verdicts:
        if v.portal_id != portal.id:
            continue
        col, crawl = cols[v.column_id], crawl_by_col.get(v.column_id)
        audits.append(dict(
            run_id=run_id, portal_id=portal.id, column_id=v.column_id, status=v.status,
            last_published_on=v.last_published_on, allowed_days=v.allowed_days,
            days_since_update=v.days_since_update, path=" › ".join(col.path), url=portal.column_url(col),
            frequency=col.frequency, frequency_code=v.frequency_code, category=v.category,
            responsible=col.responsible, item_count=v.item_count,
            pages_fetched=len(crawl.pages) if crawl else 0, detail=v.detail,
            failed_expectations=",".join(v.failed_expectations),
            missed_periods=v.missed_periods, periods_checked=v.periods_checked,
        ))
    fetches = [
        dict(run_id=run_id, portal_id=portal.id, column_id=c.column_id, seq=i, url=p.url, http_status=p.status,
             nbytes=p.nbytes, elapsed_ms=p.elapsed_ms, error=p.error)
        for c in crawl_by_col.values() for i, p in enumerate(c.pages)
    ]
    if home is not None:  # the home page check is kept as the column "" of the portal
        fetches.append(dict(run_id=run_id, portal_id=portal.id, column_id="", seq=0, url=home.url,
                            http_status=home.status, nbytes=home.nbytes, elapsed_ms=home.elapsed_ms, error=home.error))
    site_rows = [] if site is None else [dict(
        run_id=run_id, portal_id=portal.id, verdict="pass" if site.passed else "fail", reasons="\n".join(site.reasons),
        home_reachable=site.home_reachable, home_updated=site.home_updated,
        veto_class_columns=len(site.veto_class_columns), stale_columns=len(site.stale_columns),
        blank_columns=len(site.blank_columns))]
    items = {}
    for c in crawl_by_col.values():
        for it in c.items:
            items[(c.column_id, it.url)] = dict(
                portal_id=portal.id, column_id=c.column_id, url=it.url, title=it.title,
                published_on=it.published_on, pinned=it.pinned, first_seen_run=run_id, last_seen_run=run_id)
    prefix = portal.id + "/"
    results = [
        dict(run_id=run_id, portal_id=portal.id, suite=o.suite, expectation=o.expectation,
             success=not any(k.startswith(prefix) for k in o.failing_keys),
             unexpected_count=sum(1 for k in o.failing_keys if k.startswith(prefix)),
             failing_columns=",".join(k[len(prefix):] for k in o.failing_keys if k.startswith(prefix)))
        for o in outcomes
    ]

    with engine.begin() as conn:
        for model in (ColumnAudit, PageFetchRow, ExpectationResult, PortalVerdictRow, PortalRun):
            conn.execute(delete(model).where(model.run_id == run_id, model.portal_id == portal.id))
        for table, rows in ((ColumnAudit.__table__, audits), (PageFetchRow.__table__, fetches),
                            (ExpectationResult.__table__, results), (PortalVerdictRow.__table__, site_rows)):
            for i in range(0, len(rows), _BATCH):
                conn.execute(table.insert(), rows[i:i + _BATCH])
        item_rows = list(items.values())
        for i in range(0, len(item_rows), _BATCH):
            stmt = _insert(conn, Item.__table__)
            stmt = stmt.on_conflict_do_update(
                index_elements=["portal_id", "column_id", "url"],
                set_={"title": stmt.excluded.title, "published_on": stmt.excluded.published_on,
                      "pinned": stmt.excluded.pinned, "last_seen_run": stmt.excluded.last_seen_run},
            )
            conn.execute(stmt, item_rows[i:i + _BATCH])
        conn.execute(PortalRun.__table__.insert().values(
            run_id=run_id, portal_id=portal.id, portal_name=portal.name, base_url=portal.base_url,
            loaded_at=_now(), columns=len(audits), pages_fetched=len(fetches),
            bytes_fetched=sum(f["nbytes"] for f in fetches)))


def finish_run(engine: Engine, run_id: str, ok: bool, message: str | None = None, data_docs: str | None = None) -> None:
    """Close a run: counts from what was loaded, status complete or failed."""
    with engine.begin() as conn:
        portals = conn.execute(select(PortalRun.portal_id).where(PortalRun.run_id == run_id)).all()
        n_cols = conn.execute(select(ColumnAudit.column_id).where(ColumnAudit.run_id == run_id)).all()
        conn.execute(update(AuditRun).where(AuditRun.run_id == run_id).values(
            status="complete" if ok else "failed", finished_at=_now(), portals=len(portals),
            columns=len(n_cols), message=message, data_docs=data_docs))
