"""Reports of a run read from the warehouse: a self-contained HTML page with charts
(plotly), CSV and XLSX exports of the same tables, and markdown for Prefect artifacts."""

from __future__ import annotations

import html
import zlib
from dataclasses import dataclass
from functools import cached_property
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy import Engine, select, text

from validations.verdicts import late_messages
from warehouse.models import AuditRun, ColumnAudit, Evidence, Item, PageFetchRow, PortalVerdictRow
from warehouse.read import (availability_week, column_names, consultation_messages, content_findings, link_checks,
                            portal_checks, run_info)

from extractors.fetch import decode_html

from .i18n import catalogue, coded, fmt_date, fmt_time, has, label, language, status_label, t
from .inspection import Names, excerpt, render_named, requirements
from .records import Message
from .summary import DUE_SOON_DAYS  # 即将超期: fresh columns this close to their allowance
from .text import md_cell, sheet_cell, strip_control

REPORT_COLUMNS = ["portal_id", "column_id", "path", "status", "last_published_on", "days_since_update",
                  "allowed_days", "frequency", "category", "responsible", "item_count", "url", "detail"]
_ORDER = {s: i for i, s in enumerate(["unreachable", "error", "empty", "stale", "fresh", "exempt"])}
BROKEN_NIGHTS = 2  # a link is reported broken once it has been broken this many runs running (one night's blip is not)
_COLOURS = {"fresh": "#2e7d32", "stale": "#ef6c00", "empty": "#c62828", "unreachable": "#616161", "error": "#8e24aa",
            "exempt": "#1565c0"}


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
    page_evidence: dict[str, str] = None  # page URL → content hash of what the run fetched there (findings' evidence)
    names: Names = None  # (portal, column id) → the column's path: reasons name columns by id, reports by name

    @cached_property
    def broken_links(self) -> pd.DataFrame:
        """Links broken at least ``broken_nights`` runs running, with the days since first found broken."""
        if self.links is None or self.links.empty:
            return pd.DataFrame(columns=["portal_id", "url", "page_url", "text", "scope", "kind", "http_status",
                                         "error", "nights_broken", "days_broken"])
        as_of = self.info["as_of"] if isinstance(self.info["as_of"], date) else date.fromisoformat(str(self.info["as_of"]))
        bad = self.links[(self.links["status"] == "broken") & (self.links["nights_broken"] >= self.broken_nights)]
        bad = bad.assign(days_broken=[(as_of - date.fromisoformat(str(f)[:10])).days + 1 for f in bad["first_broken_run"]])
        return bad[["portal_id", "url", "page_url", "text", "scope", "kind", "http_status", "error", "nights_broken",
                    "days_broken"]].reset_index(drop=True)

    def link_summary(self) -> str:
        if self.links is None or self.links.empty:
            return t("report.links_none")
        counts = self.links["status"].value_counts()
        listed = len(self.broken_links)  # "listed below" only when a table of them follows
        return t("report.links_summary", checked=len(self.links), ok=counts.get("ok", 0), broken=counts.get("broken", 0),
                 nights=self.broken_nights, listed=listed, below=t("inspector.links_below") if listed else "",
                 unverifiable=counts.get("unverifiable", 0),
                 skipped=counts.get("skipped", 0), blank=int(self.links["blank_title"].sum()),
                 hijacked=int(self.links["hijacked"].sum()))


def months_before(day: date, n: int) -> date:
    """The first day of the month ``n`` months before ``day``'s (0: its own month)."""
    index = day.year * 12 + day.month - 1 - n
    return date(index // 12, index % 12 + 1, 1)


def month_label(day: date) -> str:
    """A month the reader's way (2025年11月; Nov 2025 in English). A label, not a date:
    plotly would write a date axis in English whatever the report's language."""
    template = catalogue(language()).get("inspector.month") or catalogue("zh")["inspector.month"]
    return template.format(d=day)


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
        params: dict = {"r": run_id}
        units = pd.read_sql(text(filters.where_text("SELECT * FROM v_unit_scorecard WHERE run_id = :r", params)), conn,
                            params=params)
        params = {}
        trend = pd.read_sql(text(filters.where_text("SELECT run_id, as_of, portal_id, share_fresh, fresh, stale, "
                                                    "empty, columns FROM v_portal_scorecard", params)
                                 + " ORDER BY as_of"), conn, params=params)
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
    heat.index = [f"{p}/{c} {path}"[:48] for p, c, path in keys.itertuples(index=False)]
    evidence = {(p, c): h for p, c, h in firsts}
    # a portal or unit filter reads only the portals it selects (none, if it selects none)
    portal_ids = None
    if filters.units is not None:  # the portals with columns of these units
        portal_ids = sorted(set(cols["portal_id"]))
    elif filters.portals is not None:
        portal_ids = list(verdicts["portal_id"])
    checks = filters.apply(portal_checks(engine, run_id, portal_ids))
    names = {k: strip_control(v) for k, v in column_names(engine, run_id, portal_ids).items()}
    late = filters.apply(late_frame(consultation_messages(engine, run_id, portal_ids), cols, as_of))
    late.insert(3, "path", [names.get(k, "") for k in zip(late["portal_id"], late["column_id"])])
    week = availability_week(engine, portal_ids if portal_ids is not None else list(verdicts["portal_id"]), as_of)
    found = content_findings(engine, run_id, portal_ids)
    pages = {}
    if not found.empty:
        with engine.connect() as conn:
            pages = dict(conn.execute(select(PageFetchRow.url, PageFetchRow.content_hash).where(
                PageFetchRow.run_id == run_id, PageFetchRow.url.in_(set(found["page_url"])),
                PageFetchRow.content_hash.is_not(None))).all())
    data = ReportData(info, cols, verdicts, units, heat, trend, evidence, checks, due_soon(cols, warn_days), late, week,
                      warn_days, link_checks(engine, run_id, portal_ids), found, BROKEN_NIGHTS, pages, names)
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


def present(df: pd.DataFrame, codes: bool = False, names: Names | None = None) -> pd.DataFrame:
    """A table as its reader sees it: column names, statuses, outcomes, categories and
    reasons in the language in force, dates the users' way; with ``names``, the columns a
    portal's reasons name by id shown by name. ``codes``: as stored, for scripts (stable
    English column names and codes, ISO dates)."""
    if codes or df is None:
        return df
    # a message's stored text (``reason_text``: written out at audit time, for SQL and BI
    # tools) is left out: the reader gets the message itself, in their language, columns by name
    out = df.drop(columns=[f"{c}_text" for c in _MESSAGES if c in df and f"{c}_text" in df])
    portals = out["portal_id"] if "portal_id" in out else pd.Series("", index=out.index)
    for c in out.columns:
        values = out[c]
        if c in _MESSAGES:
            out[c] = [render_named(v, p, names) if isinstance(v, str) else v for v, p in zip(values, portals)]
        elif c in _DATES:
            out[c] = values.map(fmt_date)
        elif c in _SHARES:
            out[c] = values.map(lambda x: "" if x is None or pd.isna(x) else f"{x:.1%}")
        elif c in _LABELS:
            out[c] = values.map(_LABELS[c])
        elif values.dtype.kind == "f" and values.dropna().map(float.is_integer).all():
            out[c] = values.astype("Int64")  # days and counts: 183, not 183.0
        elif values.map(lambda v: isinstance(v, (bool, np.bool_))).any():
            out[c] = values.map(lambda v: label("bool", str(bool(v)).lower()) if isinstance(v, (bool, np.bool_)) else v)
    return out.rename(columns=lambda c: t(f"col.{c}") if has(f"col.{c}") else c)


def _links_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A link table: its ``status`` and ``error`` are a link's, not a column's."""
    return df.rename(columns={"status": "link_status", "error": "link_error"})


# -- markdown / csv / xlsx ------------------------------------------------------------------------
def _md_cell(v) -> str:
    return "" if v is pd.NA else md_cell(v)


def _plain_cell(v) -> str:
    """A value as one line of text (for HTML cells, escaped by the caller)."""
    missing = v is None or v is pd.NA or (isinstance(v, float) and pd.isna(v))
    return "" if missing else " ".join(str(v).split())


def _md_table(df: pd.DataFrame, cols: list[str]) -> list[str]:
    shown = present(df[cols])
    out = ["| " + " | ".join(str(c) for c in shown.columns) + " |", "|" + "---|" * len(cols)]
    out += ["| " + " | ".join(_md_cell(v) for v in row) + " |" for row in shown.itertuples(index=False)]
    return out


def _subtitle(info: dict) -> str:
    return t("report.subtitle", run=info["run_id"], as_of=info["as_of"], ruleset=info["ruleset"],
             status=label("run_status", info["status"]), generated=fmt_time())


def render_markdown(data: ReportData) -> str:
    info, df = data.info, data.columns
    counts = df["status"].value_counts()
    out = [f"# {t('report.title')}", "", _subtitle(info), "",
           f"| {t('col.status')} | {t('col.columns')} |", "|---|---|"]
    out += [f"| {status_label(s)} | {int(counts[s])} |" for s in _ORDER if s in counts]
    if data.checks is not None and not data.checks.empty:
        verdicts = dict(zip(data.verdicts["portal_id"], data.verdicts["verdict"]))
        out += ["", f"## {t('report.h_verdicts')}", ""]
        for portal_id, g in data.checks.groupby("portal_id"):
            v = verdicts.get(portal_id, "")
            out += [f"### {t('verdict.heading', portal=portal_id, verdict=coded('verdict', v))}", "",
                    f"| {t('col.item')} | {t('col.outcome')} | {t('col.reason')} |", "|---|---|---|"]
            out += [f"| {label('item', r.item)} | {coded('outcome', r.outcome)} "
                    f"| {_md_cell(render_named(r.reason, portal_id, data.names))} |" for r in g.itertuples(index=False)]
    if data.availability is not None and not data.availability.empty:
        out += ["", f"## {t('report.h_availability')}", ""]
        out += _md_table(data.availability, ["portal_id", "probes", "failed", "failed_share", "fewest_per_day",
                                             "ipv6_probes", "ipv6_ok"])
    if data.due_soon is not None and not data.due_soon.empty:
        out += ["", f"## {t('report.h_due_soon', days=data.warn_days)}", ""]
        out += _md_table(data.due_soon, ["responsible", "portal_id", "path", "last_published_on", "days_left"])
    if data.late is not None and not data.late.empty:
        out += ["", f"## {t('report.h_late')}", ""]
        out += _md_table(data.late, ["responsible", "portal_id", "path", "title", "asked_on", "answered_on", "waited_days",
                                     "url"])
    frame = findings_frame(data, excerpts=True)
    if not frame.empty:
        out += ["", f"## {t('report.h_findings')}", ""] + _md_table(frame, list(frame.columns))
    if data.links is not None and not data.links.empty:
        out += ["", f"## {t('report.h_links', nights=data.broken_nights)}", "", data.link_summary()]
        broken = data.broken_links
        if not broken.empty:
            out += [""] + _md_table(broken, ["portal_id", "url", "page_url", "text", "scope", "kind", "days_broken"])
    out += ["", f"## {t('inspector.h_rectify')}", ""] + _requirements_md(data)
    out += ["", f"## {t('report.h_all')}", ""]
    out += _md_table(df, ["portal_id", "path", "status", "last_published_on", "days_since_update", "allowed_days",
                          "responsible", "detail"])
    return "\n".join(out) + "\n"


def _requirements_md(data: ReportData) -> list[str]:
    """The 整改要求 as a numbered list (``inspection.requirements``, as the HTML and Word say)."""
    found = requirements(data)
    if not found:
        return [t("inspector.rectify_none")]
    return [t("inspector.rectify_lead"), ""] + [f"{i}. {md_cell(line)}" for i, line in enumerate(found, start=1)]


def _texts(col: pd.Series) -> bool:
    """A column that may hold text (object, or pandas' own string dtype)."""
    return pd.api.types.is_object_dtype(col) or pd.api.types.is_string_dtype(col)


def _sheet(df: pd.DataFrame) -> pd.DataFrame:
    """Every cell a page or catalog wrote, made safe for a spreadsheet (``text.sheet_cell``)."""
    return df.apply(lambda col: col.map(sheet_cell) if _texts(col) else col)


def _sheets(data: ReportData) -> dict[str, pd.DataFrame]:
    """The XLSX workbook: one sheet per table of the report (keys: catalogue names)."""
    return {"columns": data.columns, "verdicts": data.verdicts, "checks": data.checks, "units": data.units,
            "trend": data.trend, "due_soon": data.due_soon, "late": data.late, "availability": data.availability,
            "findings": findings_frame(data), "broken_links": _links_frame(data.broken_links)}


# -- HTML ------------------------------------------------------------------------------------------
def _figures(data: ReportData) -> dict[str, str]:
    import plotly.graph_objects as go

    def div(fig, name: str) -> str:
        fig.update_layout(margin=dict(l=10, r=10, t=40, b=10), font=dict(family="Noto Sans CJK SC, sans-serif", size=11))
        return fig.to_html(full_html=False, include_plotlyjs=False, div_id=name, config={"displaylogo": False})

    out = {}
    heat = data.heatmap
    if not heat.empty:
        fig = go.Figure(go.Heatmap(z=heat.values, x=list(heat.columns), y=list(heat.index), colorscale="Greens",
                                   hovertemplate=t("chart.heatmap_hover") + "<extra></extra>", xgap=1, ygap=1))
        fig.update_layout(title=t("chart.heatmap"), height=max(300, 16 * len(heat) + 100),
                          xaxis=dict(type="category", automargin=True), yaxis=dict(autorange="reversed"))
        out["heatmap"] = div(fig, "heatmap")
    cols = data.columns[data.columns["days_since_update"].notna()]
    if not cols.empty:
        labels = [f"{p}/{c} {path}"[:48] for p, c, path in cols[["portal_id", "column_id", "path"]].itertuples(index=False)]
        days = cols["days_since_update"].astype(int)
        fig = go.Figure([
            # a linear axis, each bar labelled with its days: a column updated today shows its 0
            go.Bar(y=labels, x=days, orientation="h", name=t("chart.days_since"), text=[str(d) for d in days],
                   textposition="outside", cliponaxis=False, marker_color=[_COLOURS.get(s, "#999") for s in cols["status"]],
                   customdata=[status_label(s) for s in cols["status"]],
                   hovertemplate="%{y}<br>" + t("chart.days_since") + "：%{x}<br>%{customdata}<extra></extra>"),
            go.Scatter(y=labels, x=cols["allowed_days"], mode="markers", name=t("chart.allowed"),
                       marker=dict(symbol="line-ns-open", size=14, color="black"),
                       hovertemplate="%{y}<br>" + t("chart.allowed") + "：%{x}<extra></extra>"),
        ])
        fig.update_layout(title=t("chart.bars"), barmode="overlay", height=max(300, 16 * len(cols) + 100),
                          yaxis=dict(autorange="reversed"),
                          xaxis=dict(title=t("inspector.days_axis"), rangemode="tozero", automargin=True))
        out["bars"] = div(fig, "bars")
    trend = data.trend
    if not trend.empty:
        fig = go.Figure([go.Scatter(x=[fmt_date(d) for d in g["as_of"]], y=g["share_fresh"], mode="lines+markers", name=p)
                         for p, g in trend.groupby("portal_id")])
        fig.update_layout(title=t("chart.trend"), yaxis=dict(tickformat=".0%", range=[0, 1]), height=320)
        out["trend"] = div(fig, "trend")
    return out


def _table(df: pd.DataFrame, cls: str, links: dict[int, str] | None = None) -> str:
    shown = present(df)
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in shown.columns)
    rows = []
    for i, row in enumerate(shown.itertuples(index=False)):
        cells = "".join(f"<td>{html.escape(_plain_cell(v))}</td>" for v in row)
        if links and i in links:
            cells += f"<td>{links[i]}</td>"
        rows.append(f"<tr>{cells}</tr>")
    extra = f"<th>{t('report.links_col')}</th>" if links else ""
    return f'<table class="{cls}"><thead><tr>{head}{extra}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _anchors(url: str | None, evidence: str | None, evidence_dir: str | None) -> str:
    parts = [f'<a href="{html.escape(url)}">{t("report.page")}</a>'] if url else []
    if evidence and evidence_dir:
        parts.append(f'<a href="{html.escape(evidence_dir)}/{evidence}.html">{t("report.evidence")}</a>')
    return " · ".join(parts)


def render_html(data: ReportData, evidence_dir: str | None = None) -> str:
    from plotly.offline import get_plotlyjs

    info, cols = data.info, data.columns
    counts = cols["status"].value_counts()
    tiles = "".join(f'<div class="tile" style="border-color:{_COLOURS[s]}"><b>{int(counts[s])}</b> '
                    f'{html.escape(status_label(s))}</div>' for s in _ORDER if s in counts)
    cards = _cards(data)
    bad = cols[cols["status"].isin(["stale", "empty", "unreachable", "error"])].reset_index(drop=True)
    links = {i: _anchors(row["url"], data.evidence.get((row["portal_id"], row["column_id"])), evidence_dir)
             for i, row in bad.iterrows()}
    figures = _figures(data)
    unit_cols = ["portal_id", "responsible", "columns", "fresh", "stale", "empty", "unreachable", "error", "exempt", "share_fresh"]
    units = data.units[unit_cols].sort_values("share_fresh") if not data.units.empty else data.units
    none = f"<p>{t('report.none')}</p>"
    return f"""<!DOCTYPE html><html lang="{language()}"><head><meta charset="utf-8">
<title>{html.escape(t('report.title'))} {html.escape(str(info['run_id']))}</title>
<script>{get_plotlyjs()}</script>
<style>
body{{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#222}}
h1{{margin-bottom:4px}} .sub{{color:#666;margin-top:0}}
.tiles,.cards{{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}}
.tile{{border-left:6px solid;padding:8px 14px;background:#fafafa;min-width:90px}} .tile b{{font-size:22px;display:block}}
.card{{padding:10px 16px;border-radius:6px;min-width:320px;max-width:900px}} .card.pass{{background:#e8f5e9}} .card.fail{{background:#ffebee}}
.card.unknown{{background:#fff8e1}} .o-fail{{color:#c62828;font-weight:bold}} .o-warn{{color:#ef6c00;font-weight:bold}}
.o-pass{{color:#2e7d32}} .o-unknown{{color:#8d6e00}}
.card h3{{margin:4px 0}} .card li{{margin:3px 0;font-size:13px}}
table{{border-collapse:collapse;margin:8px 0 24px;font-size:12px}} td,th{{border:1px solid #ddd;padding:3px 6px;vertical-align:top}}
th{{background:#f3f3f3;position:sticky;top:0}} section{{margin-top:28px}}
</style></head><body>
<h1>{html.escape(t('report.title'))}</h1>
<p class="sub">{html.escape(_subtitle(info))}</p>
<div class="tiles" id="tiles">{tiles}</div>
<section><h2>{t('report.h_verdicts')}</h2><div class="cards" id="verdicts">{cards}</div></section>
<section id="availability"><h2>{t('report.h_availability')}</h2>{_availability_table(data)}</section>
<section id="due-soon"><h2>{t('report.h_due_soon_units', days=data.warn_days)}</h2>{_table(data.due_soon, "due-soon")
    if data.due_soon is not None and not data.due_soon.empty else none}</section>
<section id="late-messages"><h2>{t('report.h_late_veto')}</h2>{_table(data.late, "late")
    if data.late is not None and not data.late.empty else none}</section>
<section id="findings"><h2>{t('report.h_findings')}</h2>{_findings_table(data, evidence_dir)}</section>
<section id="links"><h2>{t('report.h_links', nights=data.broken_nights)}</h2><p>{html.escape(data.link_summary())}</p>{
    _table(_links_frame(data.broken_links), "broken") if not data.broken_links.empty else ""}{_hijacked(data)}</section>
<section id="rectification"><h2>{t('inspector.h_rectify')}</h2>{_requirements_html(data)}</section>
<section><h2>{t('report.h_heatmap')}</h2>{figures.get('heatmap', f"<p>{t('report.no_items')}</p>")}</section>
<section><h2>{t('report.h_days')}</h2>{figures.get('bars', '')}</section>
<section><h2>{t('report.h_problems')}</h2>{_table(bad[REPORT_COLUMNS[:10] + ["detail"]], "problems", links)}</section>
<section><h2>{t('report.h_units')}</h2>{_table(units, "units")}</section>
<section><h2>{t('report.h_trend')}</h2>{figures.get('trend', f"<p>{t('report.one_run')}</p>")}</section>
<section><h2>{t('report.h_all')}</h2>{_table(cols[REPORT_COLUMNS], "all")}</section>
</body></html>"""


def _cards(data: ReportData) -> str:
    """One card per portal: its verdict and each single-veto item's outcome and reason."""
    checks = data.checks if data.checks is not None else pd.DataFrame(columns=["portal_id", "item", "outcome", "reason"])
    by_portal = {p: g for p, g in checks.groupby("portal_id")} if not checks.empty else {}
    out = []
    for v in data.verdicts.itertuples(index=False):
        def reason(stored, portal_id=v.portal_id) -> str:  # columns by name, not by id
            return render_named(stored, portal_id, data.names)

        rows = by_portal.get(v.portal_id)
        if rows is not None:
            items = "".join(f'<li><span class="o-{html.escape(r.outcome)}">{html.escape(label("outcome", r.outcome))}</span> '
                            f'{html.escape(t("verdict.line", item=label("item", r.item), reason=reason(r.reason)))}</li>'
                            for r in rows.itertuples(index=False))
        else:  # runs loaded before the items were stored one by one
            items = "".join(f"<li>{html.escape(reason(r))}</li>" for r in _reasons(v.reasons)) or "<li>—</li>"
        out.append(f'<div class="card {html.escape(v.verdict)}" data-portal="{html.escape(v.portal_id)}">'
                   f'<h3>{html.escape(t("verdict.heading", portal=v.portal_id, verdict=coded("verdict", v.verdict)))} '
                   f'<small>{t("report.single_veto")}</small></h3><ul>{items}</ul></div>')
    return "".join(out)


def _reasons(stored: str | None) -> list:
    """A portal's stored reasons: messages, or the lines an older run wrote."""
    from .i18n import Msg, loads

    found = loads(stored)
    if len(found) == 1 and found[0].key == "text":
        return [Msg("text", {"text": line}) for line in found[0].args["text"].splitlines()]
    return found


def findings_frame(data: ReportData, excerpts: bool = False) -> pd.DataFrame:
    """The run's wording errors and leaks. ``excerpts``: each sentence trimmed to the words
    around the term (``inspection.excerpt``) — for documents read by people; the XLSX
    export keeps the sentence as stored."""
    cols = ["portal_id", "rule", "severity", "term", "expected", "sentence", "page_url"]
    f = data.findings
    if f is None or f.empty:
        return pd.DataFrame(columns=cols)
    f = f[cols].reset_index(drop=True)
    if excerpts:
        f["sentence"] = [excerpt(s, term) for s, term in zip(f["sentence"], f["term"])]
    return f


def _findings_table(data: ReportData, evidence_dir: str | None = None) -> str:
    frame = findings_frame(data, excerpts=True)
    if frame.empty:
        return f"<p>{t('report.not_found')}</p>"
    links = {i: _anchors(url, (data.page_evidence or {}).get(url), evidence_dir) for i, url in enumerate(frame["page_url"])}
    return _table(frame.drop(columns=["page_url"]), "findings", links)


def _requirements_html(data: ReportData) -> str:
    """The 整改要求 (``inspection.requirements``: the Word 通报 prints the same list)."""
    found = requirements(data)
    if not found:
        return f"<p>{html.escape(t('inspector.rectify_none'))}</p>"
    items = "".join(f"<li>{html.escape(line)}</li>" for line in found)
    return f"<p>{html.escape(t('inspector.rectify_lead'))}</p><ol>{items}</ol>"


def _hijacked(data: ReportData) -> str:
    if data.links is None or data.links.empty or not data.links["hijacked"].any():
        return ""
    rows = data.links[data.links["hijacked"]][["portal_id", "url", "page_url", "text"]]
    return f"<h3>{t('report.h_hijacked')}</h3>" + _table(rows, "hijacked")


def _availability_table(data: ReportData) -> str:
    week = data.availability
    if week is None or week.empty:
        return f"<p>{t('report.no_probes')}</p>"
    shown = week.assign(ipv6=[f"{ok}/{n}" if n else "—" for ok, n in zip(week["ipv6_ok"], week["ipv6_probes"])])
    return _table(shown[["portal_id", "probes", "failed", "failed_share", "fewest_per_day", "ipv6"]], "availability")


_EVIDENCE_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'">
<title>{title}</title><style>body{{margin:0;font:14px sans-serif}}p{{margin:6px 10px}}
iframe{{border:0;border-top:1px solid #ccc;width:100%;height:calc(100vh - 40px)}}</style></head>
<body><p>{title} · <a href="{raw}" download>{raw_label}</a></p>
<iframe sandbox srcdoc="{page}"></iframe></body></html>"""


def _write_evidence(engine: Engine, data: ReportData, folder: Path) -> None:
    """The pages a report cites, as fetched — never as live pages: each is shown in a
    sandboxed frame (no scripts, an origin of its own, nothing loaded: the report's folder
    stays out of its reach), beside its raw bytes as a download."""
    hashes = set(data.evidence.values()) | set((data.page_evidence or {}).values())
    if not hashes:
        return
    folder.mkdir(parents=True, exist_ok=True)
    with engine.connect() as conn:
        for h, blob in conn.execute(select(Evidence.content_hash, Evidence.compressed).where(Evidence.content_hash.in_(hashes))):
            raw = zlib.decompress(blob)
            (folder / f"{h}.txt").write_bytes(raw)
            (folder / f"{h}.html").write_text(_EVIDENCE_PAGE.format(
                title=html.escape(t("report.evidence")), raw=f"{h}.txt", raw_label=html.escape(t("report.evidence_raw")),
                page=html.escape(decode_html(raw), quote=True)), encoding="utf-8")


def write_report(engine: Engine, run_id: str, fmt: str, out: str | Path, filters: Filters | None = None,
                 warn_days: int = DUE_SOON_DAYS, codes: bool = False) -> Path:
    """Write a run's report. CSV and XLSX name their columns in the reader's language;
    ``codes`` writes them as stored instead (English column names, status codes, ISO dates),
    a header scripts can rely on whatever the language."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "md":
        out.write_text(render_markdown(load_report(engine, run_id, filters, warn_days)), encoding="utf-8")
    elif fmt == "csv":
        frame = report_frame(engine, run_id, filters)
        _sheet(present(frame, codes)).to_csv(out, index=False, encoding="utf-8-sig")  # BOM: Excel reads Chinese
    elif fmt == "xlsx":
        data = load_report(engine, run_id, filters, warn_days)
        with pd.ExcelWriter(out, engine="openpyxl") as xl:
            for name, frame in _sheets(data).items():
                _sheet(present(frame, codes, data.names)).to_excel(xl, sheet_name=name if codes else t(f"sheet.{name}"),
                                                                   index=False)
    elif fmt == "docx":
        from .bulletin import write_bulletin

        write_bulletin(load_report(engine, run_id, filters, warn_days), out)
    elif fmt == "html":
        data = load_report(engine, run_id, filters, warn_days)
        evidence_dir = out.stem + "_evidence"
        _write_evidence(engine, data, out.parent / evidence_dir)
        out.write_text(render_html(data, evidence_dir), encoding="utf-8")
    else:
        raise ValueError(f"unknown report format {fmt!r}: md, csv, xlsx, html or docx")
    return out


def write_index(engine: Engine, out: str | Path, filters: Filters | None = None) -> Path:
    """An index across runs: every run's report beside it, and a page listing the runs with
    their counts and the trend of the share of fresh columns."""
    import plotly.graph_objects as go
    from plotly.offline import get_plotlyjs

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with engine.connect() as conn:
        runs = pd.read_sql(select(AuditRun.run_id, AuditRun.as_of, AuditRun.ruleset, AuditRun.status, AuditRun.portals,
                                  AuditRun.columns).order_by(AuditRun.as_of.desc()), conn)
        score = pd.read_sql(text("SELECT run_id, SUM(fresh) AS fresh, SUM(stale) AS stale, SUM(empty) AS empty, "
                                 "SUM(unreachable) AS unreachable, SUM(error) AS error, SUM(exempt) AS exempt "
                                 "FROM v_portal_scorecard GROUP BY run_id"), conn)
    runs = runs.merge(score, on="run_id", how="left")
    rows = []
    for r in runs.itertuples(index=False):
        link = ""
        if r.status == "complete":
            name = f"{out.stem}-{r.run_id}.html"
            write_report(engine, r.run_id, "html", out.parent / name, filters=filters)
            link = f'<a href="{name}">{t("report.report")}</a>'
        counts = " · ".join(f"{status_label(s)} {int(getattr(r, s))}" for s in _ORDER
                            if not pd.isna(getattr(r, s)) and getattr(r, s))
        rows.append(f"<tr><td>{html.escape(str(r.run_id))}</td><td>{fmt_date(r.as_of)}</td><td>{html.escape(str(r.ruleset))}</td>"
                    f"<td>{html.escape(label('run_status', r.status))}</td><td>{r.portals}</td><td>{html.escape(counts)}</td>"
                    f"<td>{link}</td></tr>")
    done = runs[runs["status"] == "complete"].sort_values("as_of")
    judged = done[["fresh", "stale", "empty"]].sum(axis=1).replace(0, float("nan"))
    fig = go.Figure(go.Scatter(x=[fmt_date(d) for d in done["as_of"]], y=done["fresh"] / judged, mode="lines+markers",
                               name=t("chart.trend_runs")))
    fig.update_layout(title=t("chart.trend_runs"), yaxis=dict(tickformat=".0%", range=[0, 1]), height=320)
    chart = fig.to_html(full_html=False, include_plotlyjs=False, div_id="trend")
    head = "".join(f"<th>{t(k)}</th>" for k in ("col.run_id", "col.as_of", "col.ruleset", "col.run_status", "col.portals",
                                                  "col.columns")) + "<th></th>"
    out.write_text(f"""<!DOCTYPE html><html lang="{language()}"><head><meta charset="utf-8"><title>{t('report.runs')}</title>
<script>{get_plotlyjs()}</script><style>body{{font-family:"Noto Sans CJK SC",sans-serif;margin:24px}}
table{{border-collapse:collapse}} td,th{{border:1px solid #ddd;padding:4px 8px}}</style></head><body>
<h1>{t('report.runs')}</h1><p class="sub">{t('report.generated', generated=fmt_time())}</p>{chart}
<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></body></html>""", encoding="utf-8")
    return out
