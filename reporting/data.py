"""A run's report data, read from the warehouse once for every format: the tables the
HTML page, the exports and the Word 通报 (``bulletin.py``) all show. The writers import
this module; it imports none of them, so no writer imports another."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from datetime import date
from functools import cached_property

import numpy as np
import pandas as pd
from sqlalchemy import Engine, select, text

from portal_audit.answers import late_messages
from portal_audit.i18n import catalogue, fmt_date, has, label, language, status_label, t
from portal_audit.records import ITEMS, SECURITY, Message
from portal_audit.summary import ATTENTION, DUE_SOON_DAYS  # 即将超期: fresh columns this close to their allowance
from portal_audit.text import strip_control
from warehouse.models import ColumnAudit, Item, PageFetchRow, PortalVerdictRow
from warehouse.read import (
    availability_week,
    column_names,
    consultation_messages,
    content_findings,
    link_checks,
    portal_checks,
    run_info,
)
from warehouse.views import portal_scorecard, unit_scorecard

from .inspection import Names, excerpt, render_named

REPORT_COLUMNS = ["portal_id", "column_id", "path", "status", "last_published_on", "days_since_update",
                  "allowed_days", "frequency", "category", "responsible", "item_count", "url", "detail"]
_ORDER = {s: i for i, s in enumerate(["unreachable", "error", "empty", "stale", "fresh", "exempt"])}
BROKEN_NIGHTS = 2  # a link is reported broken once it has been broken this many runs running (one night's blip is not)

@dataclass
class Filters:
    portals: list[str] | None = None
    units: list[str] | None = None
    statuses: list[str] | None = None
    since: date | None = None  # runs from this date (trend)
    until: date | None = None

    def apply(self, df: pd.DataFrame) -> pd.DataFrame:
        if self.portals:
            df = df[df["portal_id"].isin(self.portals)]
        if self.units and "responsible" in df:
            df = df[df["responsible"].fillna("").isin(self.units)]
        if self.statuses and "status" in df:
            df = df[df["status"].isin(self.statuses)]
        return df.reset_index(drop=True)

    def where(self, query, model):
        """The portal filter pushed into SQL: a portal's report reads that portal's rows,
        not the whole run's (a run of thousands of portals writes thousands of reports)."""
        return query.where(model.portal_id.in_(self.portals)) if self.portals else query

    def where_text(self, sql: str, params: dict) -> str:
        if not self.portals:
            return sql
        params.update({f"p{i}": p for i, p in enumerate(self.portals)})
        return sql + (" AND " if " WHERE " in sql else " WHERE ") + \
            f"portal_id IN ({', '.join(f':p{i}' for i in range(len(self.portals)))})"


@dataclass
class ReportData:
    info: dict
    columns: pd.DataFrame
    verdicts: pd.DataFrame
    units: pd.DataFrame
    heatmap: pd.DataFrame  # rows: columns, cols: months, values: items published
    trend: pd.DataFrame
    evidence: dict[tuple[str, str], str]  # (portal, column) -> content hash of its first list page
    checks: pd.DataFrame = None  # single-veto items per portal: portal_id, item, outcome, reason
    due_soon: pd.DataFrame = None  # fresh columns within DUE_SOON_DAYS of their allowance (即将超期)
    late: pd.DataFrame = None  # messages answered after more than 3 months, or not at all
    availability: pd.DataFrame = None  # the week's probes per portal
    warn_days: int = DUE_SOON_DAYS
    links: pd.DataFrame = None  # every link checked on the run
    findings: pd.DataFrame = None  # wording errors and personal-data leaks (masked)
    broken_nights: int = BROKEN_NIGHTS
    page_evidence: dict[str, str] | None = None  # page URL → content hash of the run's fetch there (findings' evidence)
    names: Names | None = None  # (portal, column id) → the column's path: reasons name columns by id, reports by name
    indicators: pd.DataFrame = None  # supervision indicators (扣分项) per portal, as ``checks``; no veto
    security: pd.DataFrame = None  # security checks (安全监测: 暗链 …) per portal, as ``indicators``; no veto

    @cached_property
    def broken_links(self) -> pd.DataFrame:
        """Links broken at least ``broken_nights`` runs running, with the days since first found broken."""
        if self.links is None or self.links.empty:
            return pd.DataFrame(columns=["portal_id", "url", "page_url", "text", "scope", "kind", "http_status",
                                         "error", "nights_broken", "days_broken"])
        stored = self.info["as_of"]
        as_of = stored if isinstance(stored, date) else date.fromisoformat(str(stored))
        bad = self.links[(self.links["status"] == "broken") & (self.links["nights_broken"] >= self.broken_nights)]
        bad = bad.assign(days_broken=[(as_of - date.fromisoformat(str(f)[:10])).days + 1
                                      for f in bad["first_broken_run"]])
        return bad[["portal_id", "url", "page_url", "text", "scope", "kind", "http_status", "error", "nights_broken",
                    "days_broken"]].reset_index(drop=True)

    def portal(self, portal_id: str) -> ReportData:
        """This data cut to one portal: what ``load_report`` reads with ``Filters(portals=[portal_id])``,
        without reading it again."""
        return self.portals([portal_id])[portal_id]

    def portals(self, portal_ids: list[str]) -> dict[str, ReportData]:
        """``portal`` for each of ``portal_ids``: a shard's portals are read once and each report
        written from its own rows (a query a portal cost ~40 ms of every portal's report). Each
        table is split by portal once: a mask a portal and table was a third of the reports'
        time at 120 portals."""
        def split(df: pd.DataFrame) -> dict[str, pd.DataFrame]:
            groups = df.groupby("portal_id", sort=False).indices
            return {p: _renumbered(df.take(groups[p]) if p in groups else df.iloc[0:0]) for p in portal_ids}

        tables = {f.name: split(getattr(self, f.name)) for f in fields(self)
                  if isinstance(getattr(self, f.name), pd.DataFrame) and "portal_id" in getattr(self, f.name)
                  and f.name != "heatmap"}
        rows = self.columns.groupby("portal_id", sort=False).indices  # the heatmap's rows are the columns'
        evidence: dict[str, dict] = {p: {} for p in portal_ids}
        for k, h in self.evidence.items():
            if k[0] in evidence:
                evidence[k[0]][k] = h
        names: dict[str, dict] = {p: {} for p in portal_ids}
        for k, n in (self.names or {}).items():
            if k[0] in names:
                names[k[0]][k] = n
        out = {}
        for p in portal_ids:
            findings = tables["findings"][p] if "findings" in tables else None
            urls = set(findings["page_url"]) if findings is not None and not findings.empty else set()
            out[p] = replace(self, **{name: cut[p] for name, cut in tables.items()},
                             heatmap=self.heatmap.iloc[rows.get(p, np.array([], dtype=int))],
                             evidence=evidence[p],
                             page_evidence={u: h for u, h in (self.page_evidence or {}).items() if u in urls},
                             names=names[p])
        return out

    def link_summary(self) -> str:
        if self.links is None or self.links.empty:
            return t("report.links_none")
        counts = self.links["status"].value_counts()
        listed = len(self.broken_links)  # "listed below" only when a table of them follows
        return t("report.links_summary", checked=len(self.links), ok=counts.get("ok", 0),
                 broken=counts.get("broken", 0), nights=self.broken_nights, listed=listed,
                 below=t("inspector.links_below") if listed else "", unverifiable=counts.get("unverifiable", 0),
                 skipped=counts.get("skipped", 0), blank=int(self.links["blank_title"].sum()),
                 hijacked=int(self.links["hijacked"].sum()))


def _renumbered(df: pd.DataFrame) -> pd.DataFrame:
    """``df.reset_index(drop=True)`` for a frame of its own (a cut): its index replaced, not
    the whole frame copied once more."""
    df.index = pd.RangeIndex(len(df))
    return df


def months_before(day: date, n: int) -> date:
    """The first day of the month ``n`` months before ``day``'s (0: its own month)."""
    index = day.year * 12 + day.month - 1 - n
    return date(index // 12, index % 12 + 1, 1)


def month_label(day: date) -> str:
    """A month the reader's way (2025年11月; Nov 2025 in English). A label, not a date:
    plotly would write a date axis in English whatever the report's language."""
    template = catalogue(language()).get("inspector.month") or catalogue("zh")["inspector.month"]
    return template.format(d=day)


def problems(cols: pd.DataFrame) -> pd.DataFrame:
    """The columns a report lists as problems (the summary's ``ATTENTION`` statuses), each
    with its page and evidence."""
    return cols[cols["status"].isin(ATTENTION)].reset_index(drop=True)


def due_soon(cols: pd.DataFrame, days: int = DUE_SOON_DAYS) -> pd.DataFrame:
    """Fresh columns with at most ``days`` left before their allowance runs out, by unit."""
    ok = cols[(cols["status"] == "fresh") & cols["allowed_days"].notna() & cols["days_since_update"].notna()]
    ok = ok.assign(days_left=(ok["allowed_days"] - ok["days_since_update"]).astype(int))
    ok = ok[ok["days_left"] <= days].assign(responsible=lambda d: d["responsible"].fillna(""),
                                            days_since_update=lambda d: d["days_since_update"].astype(int),
                                            allowed_days=lambda d: d["allowed_days"].astype(int))
    return ok.sort_values(["responsible", "days_left"])[
        ["responsible", "portal_id", "column_id", "path", "last_published_on", "days_since_update", "allowed_days",
         "days_left", "url"]].reset_index(drop=True)


def late_frame(messages: pd.DataFrame, cols: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """The late messages of a run's consultation columns, with their unit."""
    def day(v):
        return None if v is None or (not isinstance(v, date) and pd.isna(v)) else pd.Timestamp(v).date()

    units = {(p, c): u for p, c, u in cols[["portal_id", "column_id", "responsible"]].itertuples(index=False)}
    rows = []
    for (portal_id, column_id), g in messages.groupby(["portal_id", "column_id"]) if not messages.empty else []:
        found = tuple(Message(m.title, m.url, day(m.asked_on), day(m.answered_on), m.state)
                      for m in g.itertuples(index=False))
        for x in late_messages({column_id: found}, as_of):
            rows.append(dict(responsible=units.get((portal_id, column_id)) or "", portal_id=portal_id,
                             column_id=column_id, title=x.message.title, asked_on=x.message.asked_on,
                             answered_on=x.message.answered_on, state=x.message.state, waited_days=x.waited_days,
                             url=x.message.url))
    return pd.DataFrame(rows, columns=["responsible", "portal_id", "column_id", "title", "asked_on", "answered_on",
                                       "state", "waited_days", "url"])


def report_frame(engine: Engine, run_id: str, filters: Filters | None = None) -> pd.DataFrame:
    with engine.connect() as conn:
        filters = filters or Filters()
        df = pd.read_sql(filters.where(select(ColumnAudit).where(ColumnAudit.run_id == run_id), ColumnAudit), conn)
    df = filters.apply(df)
    df = df.assign(_o=df["status"].map(_ORDER), _over=df["days_since_update"].fillna(0) - df["allowed_days"].fillna(0))
    df = df.sort_values(["_o", "_over"], ascending=[True, False])
    return df[REPORT_COLUMNS].reset_index(drop=True)


def load_report(engine: Engine, run_id: str, filters: Filters | None = None,
                warn_days: int = DUE_SOON_DAYS) -> ReportData:
    filters = filters or Filters()
    info = run_info(engine, run_id)
    cols = report_frame(engine, run_id, filters)
    as_of = info["as_of"] if isinstance(info["as_of"], date) else date.fromisoformat(str(info["as_of"]))
    with engine.connect() as conn:
        verdicts = filters.apply(pd.read_sql(filters.where(select(PortalVerdictRow).where(
            PortalVerdictRow.run_id == run_id), PortalVerdictRow), conn).drop(columns=["responsible"], errors="ignore"))
        # the evaluation views' counts, of this run whatever its state (a portal's report is
        # written while its run goes on) and, for the trend, of the complete runs before it
        params: dict = {"r": run_id}
        units = pd.read_sql(text(filters.where_text(
            f"SELECT * FROM ({unit_scorecard('ca.run_id = :r')}) u WHERE 1 = 1", params)), conn, params=params)
        params = {"r": run_id}
        runs = portal_scorecard("r.status = 'complete' OR ca.run_id = :r")
        trend = pd.read_sql(text(filters.where_text(
            f"SELECT run_id, as_of, portal_id, share_fresh, fresh, stale, empty, columns FROM ({runs}) s WHERE 1 = 1",
            params) + " ORDER BY as_of"), conn, params=params)
        start = months_before(as_of, 11)  # the heatmap's 12 months: this one and the 11 before
        items = pd.read_sql(filters.where(select(Item.portal_id, Item.column_id, Item.published_on)
                                          .where(Item.published_on >= start, Item.published_on <= as_of), Item), conn)
        firsts = conn.execute(filters.where(select(PageFetchRow.portal_id, PageFetchRow.column_id,
                                                   PageFetchRow.content_hash)
                                            .where(PageFetchRow.run_id == run_id, PageFetchRow.seq == 0,
                                                   PageFetchRow.content_hash.is_not(None)), PageFetchRow)).all()
    units = filters.apply(units)
    trend = filters.apply(trend)
    if filters.since:
        trend = trend[pd.to_datetime(trend["as_of"]).dt.date >= filters.since]
    if filters.until:
        trend = trend[pd.to_datetime(trend["as_of"]).dt.date <= filters.until]
    months = pd.period_range(start, as_of, freq="M")
    keys = cols[["portal_id", "column_id", "path"]]
    if not items.empty:
        items["month"] = pd.to_datetime(items["published_on"]).dt.to_period("M")
        counts = items.groupby(["portal_id", "column_id", "month"]).size().unstack(fill_value=0)
    else:
        counts = pd.DataFrame()
    heat = pd.DataFrame(0, index=pd.MultiIndex.from_frame(keys[["portal_id", "column_id"]]), columns=months)
    if not counts.empty:
        common = heat.index.intersection(counts.index)
        for m in months:
            if m in counts.columns:
                heat.loc[common, m] = counts.loc[common, m].values
    heat.columns = [month_label(m.start_time.date()) for m in months]
    heat.index = [f"{p}/{c} {path}"[:48] for p, c, path in keys.itertuples(index=False, name=None)]
    evidence = {(p, c): h for p, c, h in firsts}
    # a portal or unit filter reads only the portals it selects (none, if it selects none)
    portal_ids = None
    if filters.units is not None:  # the portals with columns of these units
        portal_ids = sorted(set(cols["portal_id"]))
    elif filters.portals is not None:
        portal_ids = list(verdicts["portal_id"])
    judged = filters.apply(portal_checks(engine, run_id, portal_ids))
    vetoes = judged["item"].isin(ITEMS)
    secure = judged["item"].isin(SECURITY)
    checks, indicators = judged[vetoes].reset_index(drop=True), judged[~vetoes & ~secure].reset_index(drop=True)
    security = judged[secure].reset_index(drop=True)
    names = {k: strip_control(v) for k, v in column_names(engine, run_id, portal_ids).items()}
    late = filters.apply(late_frame(consultation_messages(engine, run_id, portal_ids), cols, as_of))
    late.insert(3, "path", [names.get(k, "") for k in zip(late["portal_id"], late["column_id"])])
    week = availability_week(engine, portal_ids if portal_ids is not None else list(verdicts["portal_id"]), as_of)
    found = content_findings(engine, run_id, portal_ids)
    pages: dict[str, str] = {}
    if not found.empty:
        with engine.connect() as conn:
            pages = {url: h for url, h in conn.execute(select(PageFetchRow.url, PageFetchRow.content_hash).where(
                PageFetchRow.run_id == run_id, PageFetchRow.url.in_(set(found["page_url"])),
                PageFetchRow.content_hash.is_not(None))) if h is not None}  # None: filtered out by the query
    data = ReportData(info, cols, verdicts, units, heat, trend, evidence, checks, due_soon(cols, warn_days), late, week,
                      warn_days, link_checks(engine, run_id, portal_ids), found, BROKEN_NIGHTS, pages, names,
                      indicators, security)
    for name, value in vars(data).items():  # rows stored before text was cleaned: no control character reaches a report
        if isinstance(value, pd.DataFrame):
            setattr(data, name, value.apply(lambda col: col.map(strip_control) if _texts(col) else col))
    return data


# -- presentation: codes to the reader's words ---------------------------------------------------
_LABELS = {"status": status_label, "outcome": lambda v: label("outcome", v), "verdict": lambda v: label("verdict", v),
           "item": lambda v: label("item", v), "category": lambda v: label("category", v),
           "state": lambda v: label("message_state", v), "link_status": lambda v: label("link_status", v),
           "rule": lambda v: label("finding_rule", v), "severity": lambda v: label("severity", v)}
_MESSAGES = ("detail", "reason", "reasons", "link_error")  # stored as message keys and arguments
_DATES = ("as_of", "last_published_on", "asked_on", "answered_on", "first_broken_run")
_SHARES = ("share_fresh", "failed_share")


def outcome_label(outcome: str, item: str) -> str:
    """An outcome in the reader's words: a single-veto item fails as 否决, an indicator as 不合格."""
    return label("outcome" if item in ITEMS else "indicator_outcome", outcome)


def columns_of(df: pd.DataFrame, *names: str) -> zip:
    """The named columns' values, row by row (``zip`` of their lists)."""
    return zip(*(df[n].tolist() for n in names))


def present(df: pd.DataFrame, codes: bool = False, names: Names | None = None) -> pd.DataFrame:
    """A table as its reader sees it: column names, statuses, outcomes, categories and
    reasons in the language in force, dates the users' way; with ``names``, the columns a
    portal's reasons name by id shown by name. ``codes``: as stored, for scripts (stable
    English column names and codes, ISO dates)."""
    if codes or df is None:
        return df
    out = df.drop(columns=_stored_texts(df))
    for c, values in _shown(df, names):
        if values is not None:
            out[c] = values
    return out.rename(columns=heading)


def present_rows(df: pd.DataFrame, names: Names | None = None) -> tuple[list[str], list[tuple]]:
    """``present(df)``'s headings and rows, as tuples of plain values (missing ones as NaN,
    NA, NaT), without building its frame: a portal's report shows a dozen small tables, and
    setting a frame's columns one by one was most of their time."""
    shown = list(_shown(df, names))
    values = [df[c].tolist() if v is None else v if isinstance(v, list) else v.tolist() for c, v in shown]
    return [heading(c) for c, _ in shown], list(zip(*values)) if values else [() for _ in range(len(df))]


def heading(column: str) -> str:
    """A column's heading in the language in force (its name when it has none)."""
    return t(f"col.{column}") if has(f"col.{column}") else column


def _stored_texts(df: pd.DataFrame) -> list[str]:
    """A message's stored text (``reason_text``: written out at audit time, for SQL and BI
    tools), left out of what readers see: they get the message itself, in their language,
    columns by name."""
    return [f"{c}_text" for c in _MESSAGES if c in df and f"{c}_text" in df]


def _shown(df: pd.DataFrame, names: Names | None) -> Iterator[tuple[str, pd.Series | list | None]]:
    """Each column ``present`` shows, with its values as the reader sees them (None where
    they are shown as stored)."""
    hidden = set(_stored_texts(df))
    portals = df["portal_id"] if "portal_id" in df else pd.Series("", index=df.index)
    for c in df.columns:
        if c in hidden:
            continue
        values = df[c]
        if c in _MESSAGES:
            yield c, [render_named(v, p, names) if isinstance(v, str) else v for v, p in zip(values, portals)]
        elif c in _DATES:
            yield c, values.map(fmt_date)
        elif c in _SHARES:
            yield c, values.map(lambda x: "" if x is None or pd.isna(x) else f"{x:.1%}")
        elif c == "outcome" and "item" in df:  # an indicator's fail is 不合格, a veto item's 否决
            yield c, [outcome_label(o, i) for o, i in zip(values, df["item"])]
        elif c in _LABELS:
            yield c, values.map(_LABELS[c])
        elif values.dtype.kind == "f" and _whole(values):
            yield c, values.astype("Int64")  # days and counts: 183, not 183.0
        elif _has_bools(values):
            yield c, values.map(lambda v: label("bool", str(bool(v)).lower()) if isinstance(v, (bool, np.bool_))
                                else v)
        else:
            yield c, None


# A report's dozen tables a portal ask these of every column: as plain loops over a NumPy
# column's values, not Series.map's (~40 µs a call on frames of a few rows)
def _whole(values: pd.Series) -> bool:
    """Whether a float column's values, missing ones aside, are whole numbers."""
    if isinstance(values.dtype, np.dtype):
        return all(float.is_integer(v) for v in values.tolist() if v == v)  # NaN != NaN
    return bool(values.dropna().map(float.is_integer).all())


def _has_bools(values: pd.Series) -> bool:
    """Whether any of a column's values is a boolean."""
    if isinstance(values.dtype, np.dtype):
        if values.dtype.kind == "b":
            return len(values) > 0
        return values.dtype.kind == "O" and any(isinstance(v, (bool, np.bool_)) for v in values.tolist())
    return bool(values.map(lambda v: isinstance(v, (bool, np.bool_))).any())


def findings_frame(data: ReportData, excerpts: bool = False) -> pd.DataFrame:
    """The run's wording errors and leaks. ``excerpts``: each sentence trimmed to the words
    around the term (``inspection.excerpt``) — for documents read by people; the XLSX
    export keeps the sentence as stored."""
    cols = ["portal_id", "rule", "severity", "term", "expected", "sentence", "page_url"]
    f = data.findings
    if f is None or f.empty:
        return pd.DataFrame(columns=cols)
    if "kind" in f:
        f = f[~f["kind"].isin(["advert", "hidden"])]  # their own checks (商业广告, 暗链) name them
    f = f[cols].reset_index(drop=True)
    if excerpts:
        f["sentence"] = [excerpt(s, term) for s, term in zip(f["sentence"], f["term"])]
    return f


def _texts(col: pd.Series) -> bool:
    """A column that may hold text (object, or pandas' own string dtype)."""
    return pd.api.types.is_object_dtype(col) or pd.api.types.is_string_dtype(col)
