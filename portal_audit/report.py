"""Reports of a run read from the warehouse: a self-contained HTML page with charts
(plotly), CSV and XLSX exports of the same tables, and markdown for Prefect artifacts."""

from __future__ import annotations

import html
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine, select, text

from validations.verdicts import ITEMS as ITEM_NAMES, OUTCOME_NAMES, VERDICT_NAMES, late_messages
from warehouse.models import AuditRun, ColumnAudit, Evidence, Item, PageFetchRow, PortalVerdictRow
from warehouse.read import (availability_week, consultation_messages, content_findings, link_checks, portal_checks,
                            run_info)

from .records import Message
from .summary import DUE_SOON_DAYS  # 即将超期: fresh columns this close to their allowance

REPORT_COLUMNS = ["portal_id", "column_id", "path", "status", "last_published_on", "days_since_update",
                  "allowed_days", "frequency", "category", "responsible", "item_count", "url", "detail"]
_ORDER = {s: i for i, s in enumerate(["unreachable", "error", "empty", "stale", "fresh", "exempt"])}
BROKEN_NIGHTS = 2  # a link is reported broken once it has been broken this many runs running (one night's blip is not)
SEVERITY_NAMES = {"serious": "严重", "suspected": "疑似"}
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
            return "本次未检查链接。"
        counts = self.links["status"].value_counts()
        return (f"检查链接{len(self.links)}个：可用{counts.get('ok', 0)}个，本次不可用{counts.get('broken', 0)}个"
                f"（连续{self.broken_nights}次及以上{len(self.broken_links())}个，列于下表），无法验证{counts.get('unverifiable', 0)}个"
                f"（403/429/防火墙，非失效），未检查{counts.get('skipped', 0)}个；空标题链接{int(self.links['blank_title'].sum())}个，"
                f"疑似被劫持的外链{int(self.links['hijacked'].sum())}个。")


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
        start = date(as_of.year - 1, as_of.month, 1) if as_of.month < 12 else date(as_of.year, 1, 1)
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
    heat.columns = [str(m) for m in months]
    heat.index = [f"{p}/{c} {path}"[:48] for p, c, path in keys.itertuples(index=False)]
    evidence = {(p, c): h for p, c, h in firsts}
    portal_ids = list(verdicts["portal_id"]) if filters.portals or filters.units else None
    checks = filters.apply(portal_checks(engine, run_id, filters.portals))
    late = filters.apply(late_frame(consultation_messages(engine, run_id, filters.portals), cols, as_of))
    week = availability_week(engine, portal_ids if portal_ids is not None else list(verdicts["portal_id"]), as_of)
    found = content_findings(engine, run_id, portal_ids)
    pages = {}
    if not found.empty:
        with engine.connect() as conn:
            pages = dict(conn.execute(select(PageFetchRow.url, PageFetchRow.content_hash).where(
                PageFetchRow.run_id == run_id, PageFetchRow.url.in_(set(found["page_url"])),
                PageFetchRow.content_hash.is_not(None))).all())
    return ReportData(info, cols, verdicts, units, heat, trend, evidence, checks, due_soon(cols, warn_days), late, week,
                      warn_days, link_checks(engine, run_id, portal_ids), found, BROKEN_NIGHTS, pages)


# -- markdown / csv / xlsx ------------------------------------------------------------------------
def _md_cell(v) -> str:
    return "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v).replace("|", "/").replace("\n", " ")


def _md_table(df: pd.DataFrame, cols: list[str]) -> list[str]:
    out = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    out += ["| " + " | ".join(_md_cell(v) for v in row) + " |" for row in df[cols].itertuples(index=False)]
    return out


def render_markdown(data: ReportData) -> str:
    info, df = data.info, data.columns
    counts = df["status"].value_counts()
    out = [f"# Audit report — run {info['run_id']}", "",
           f"As of {info['as_of']}, ruleset {info['ruleset']}, status {info['status']}.", "",
           "| status | columns |", "|---|---|"]
    out += [f"| {s} | {int(counts[s])} |" for s in _ORDER if s in counts]
    if data.checks is not None and not data.checks.empty:
        verdicts = dict(zip(data.verdicts["portal_id"], data.verdicts["verdict"]))
        out += ["", "## 单项否决", ""]
        for portal_id, g in data.checks.groupby("portal_id"):
            v = verdicts.get(portal_id, "")
            out += [f"### {portal_id}: {VERDICT_NAMES.get(v, v)} ({v})", "", "| 指标 | 结果 | 说明 |", "|---|---|---|"]
            out += [f"| {ITEM_NAMES.get(r.item, r.item)} | {OUTCOME_NAMES.get(r.outcome, r.outcome)} ({r.outcome}) "
                    f"| {_md_cell(r.reason)} |" for r in g.itertuples(index=False)]
    if data.availability is not None and not data.availability.empty:
        out += ["", "## 站点可用性（检查前一周首页监测）", ""]
        out += _md_table(data.availability.assign(failed_share=data.availability["failed_share"].map("{:.1%}".format)),
                         ["portal_id", "probes", "failed", "failed_share", "fewest_per_day", "ipv6_probes", "ipv6_ok"])
    if data.due_soon is not None and not data.due_soon.empty:
        out += ["", f"## 即将超期栏目（{data.warn_days}天内）", ""]
        out += _md_table(data.due_soon, ["responsible", "portal_id", "path", "last_published_on", "days_left"])
    if data.late is not None and not data.late.empty:
        out += ["", "## 超过3个月未答复的留言", ""]
        out += _md_table(data.late, ["responsible", "portal_id", "title", "asked_on", "answered_on", "waited_days", "url"])
    frame = findings_frame(data)
    if not frame.empty:
        out += ["", "## 严重表述错误与个人信息泄露", ""] + _md_table(frame, list(frame.columns))
    if data.links is not None and not data.links.empty:
        out += ["", f"## 不可用链接（连续{data.broken_nights}次及以上）", "", data.link_summary()]
        broken = data.broken_links()
        if not broken.empty:
            out += [""] + _md_table(broken, ["portal_id", "url", "page_url", "text", "scope", "kind", "days_broken"])
    out += [""] + _md_table(df, ["portal_id", "path", "status", "last_published_on", "days_since_update",
                                 "allowed_days", "responsible", "detail"])
    return "\n".join(out) + "\n"


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
                                   hovertemplate="%{y}<br>%{x}: %{z} items<extra></extra>", xgap=1, ygap=1))
        fig.update_layout(title="Items published per month (last 12 months)", height=max(300, 16 * len(heat) + 100),
                          yaxis=dict(autorange="reversed"))
        out["heatmap"] = div(fig, "heatmap")
    cols = data.columns[data.columns["days_since_update"].notna()]
    if not cols.empty:
        labels = [f"{p}/{c} {path}"[:48] for p, c, path in cols[["portal_id", "column_id", "path"]].itertuples(index=False)]
        fig = go.Figure([
            go.Bar(y=labels, x=cols["days_since_update"], orientation="h", name="days since update",
                   marker_color=[_COLOURS.get(s, "#999") for s in cols["status"]]),
            go.Scatter(y=labels, x=cols["allowed_days"], mode="markers", name="allowed", marker=dict(symbol="line-ns-open", size=14, color="black")),
        ])
        fig.update_layout(title="Days since the newest item, against each column's allowance", barmode="overlay",
                          height=max(300, 16 * len(cols) + 100), yaxis=dict(autorange="reversed"), xaxis_type="log")
        out["bars"] = div(fig, "bars")
    trend = data.trend
    if not trend.empty:
        fig = go.Figure([go.Scatter(x=g["as_of"], y=g["share_fresh"], mode="lines+markers", name=p)
                         for p, g in trend.groupby("portal_id")])
        fig.update_layout(title="Share of fresh columns across runs", yaxis=dict(tickformat=".0%", range=[0, 1]), height=320)
        out["trend"] = div(fig, "trend")
    return out


def _table(df: pd.DataFrame, cls: str, links: dict[int, str] | None = None) -> str:
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in df.columns)
    rows = []
    for i, row in enumerate(df.itertuples(index=False)):
        cells = "".join(f"<td>{html.escape(_md_cell(v))}</td>" for v in row)
        if links and i in links:
            cells += f"<td>{links[i]}</td>"
        rows.append(f"<tr>{cells}</tr>")
    extra = "<th>links</th>" if links else ""
    return f'<table class="{cls}"><thead><tr>{head}{extra}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def render_html(data: ReportData, evidence_dir: str | None = None) -> str:
    from plotly.offline import get_plotlyjs

    info, cols = data.info, data.columns
    counts = cols["status"].value_counts()
    tiles = "".join(f'<div class="tile" style="border-color:{_COLOURS[s]}"><b>{int(counts[s])}</b> {s}</div>'
                    for s in _ORDER if s in counts)
    cards = _cards(data)
    bad = cols[cols["status"].isin(["stale", "empty", "unreachable", "error"])].reset_index(drop=True)
    links = {}
    for i, row in bad.iterrows():
        parts = [f'<a href="{html.escape(row["url"])}">page</a>'] if row["url"] else []
        h = data.evidence.get((row["portal_id"], row["column_id"]))
        if h and evidence_dir:
            parts.append(f'<a href="{html.escape(evidence_dir)}/{h}.html">evidence</a>')
        links[i] = " · ".join(parts)
    figures = _figures(data)
    unit_cols = ["portal_id", "responsible", "columns", "fresh", "stale", "empty", "unreachable", "error", "exempt", "share_fresh"]
    units = data.units[unit_cols].sort_values("share_fresh") if not data.units.empty else data.units
    if not units.empty:
        units = units.assign(share_fresh=units["share_fresh"].map(lambda x: "" if pd.isna(x) else f"{x:.0%}"))
    return f"""<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8">
<title>Audit {html.escape(str(info['run_id']))}</title>
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
<h1>政府网站栏目更新检查 · Audit report</h1>
<p class="sub">Run {html.escape(str(info['run_id']))} · as of {info['as_of']} · ruleset {html.escape(str(info['ruleset']))} · status {html.escape(str(info['status']))}</p>
<div class="tiles" id="tiles">{tiles}</div>
<section><h2>单项否决 · Portal verdicts</h2><div class="cards" id="verdicts">{cards}</div></section>
<section id="availability"><h2>站点可用性（检查前一周首页监测）</h2>{_availability_table(data)}</section>
<section id="due-soon"><h2>即将超期栏目（{data.warn_days}天内），按负责科室</h2>{_table(data.due_soon, "due-soon")
    if data.due_soon is not None and not data.due_soon.empty else "<p>无。</p>"}</section>
<section id="late-messages"><h2>超过3个月未答复的留言（互动回应差）</h2>{_table(data.late, "late")
    if data.late is not None and not data.late.empty else "<p>无。</p>"}</section>
<section id="findings"><h2>严重表述错误与个人信息泄露</h2>{_findings_table(data, evidence_dir)}</section>
<section id="links"><h2>不可用链接（连续{data.broken_nights}次及以上）</h2><p>{html.escape(data.link_summary())}</p>{
    _table(data.broken_links(), "broken") if not data.broken_links().empty else ""}{_hijacked(data)}</section>
<section><h2>Freshness heatmap</h2>{figures.get('heatmap', '<p>No items.</p>')}</section>
<section><h2>Days since update</h2>{figures.get('bars', '')}</section>
<section><h2>Stale, empty and unreachable columns</h2>{_table(bad[REPORT_COLUMNS[:10]], "problems", links)}</section>
<section><h2>Scorecard by responsible unit (负责科室)</h2>{_table(units, "units")}</section>
<section><h2>Trend</h2>{figures.get('trend', '<p>One run so far.</p>')}</section>
<section><h2>All columns</h2>{_table(cols[REPORT_COLUMNS], "all")}</section>
</body></html>"""


def _cards(data: ReportData) -> str:
    """One card per portal: its verdict and each single-veto item's outcome and reason."""
    checks = data.checks if data.checks is not None else pd.DataFrame(columns=["portal_id", "item", "outcome", "reason"])
    by_portal = {p: g for p, g in checks.groupby("portal_id")} if not checks.empty else {}
    out = []
    for v in data.verdicts.itertuples(index=False):
        rows = by_portal.get(v.portal_id)
        if rows is not None:
            items = "".join(f'<li><span class="o-{html.escape(r.outcome)}">{OUTCOME_NAMES.get(r.outcome, r.outcome)}</span> '
                            f'{html.escape(ITEM_NAMES.get(r.item, r.item))}：{html.escape(r.reason)}</li>'
                            for r in rows.itertuples(index=False))
        else:  # runs loaded before the items were stored one by one
            items = "".join(f"<li>{html.escape(r)}</li>" for r in (v.reasons or "").splitlines()) or "<li>—</li>"
        out.append(f'<div class="card {html.escape(v.verdict)}" data-portal="{html.escape(v.portal_id)}">'
                   f'<h3>{html.escape(v.portal_id)}：{VERDICT_NAMES.get(v.verdict, v.verdict)} ({html.escape(v.verdict)}) '
                   f'<small>单项否决</small></h3><ul>{items}</ul></div>')
    return "".join(out)


def findings_frame(data: ReportData) -> pd.DataFrame:
    f = data.findings
    if f is None or f.empty:
        return pd.DataFrame(columns=["portal_id", "类型", "程度", "发现", "应为", "所在句子", "page_url"])
    return pd.DataFrame({"portal_id": f["portal_id"], "类型": f["rule"].map(
        {"phrase": "规范表述", "leader": "领导人姓名职务", "division": "行政区划/机构名称", "id_card": "身份证号",
         "mobile": "手机号码"}), "程度": f["severity"].map(SEVERITY_NAMES), "发现": f["term"], "应为": f["expected"],
        "所在句子": f["sentence"], "page_url": f["page_url"]})


def _findings_table(data: ReportData, evidence_dir: str | None = None) -> str:
    frame = findings_frame(data)
    if frame.empty:
        return "<p>未发现。</p>"
    links = {}
    for i, url in enumerate(frame["page_url"]):
        parts = [f'<a href="{html.escape(url)}">page</a>']
        h = (data.page_evidence or {}).get(url)
        if h and evidence_dir:
            parts.append(f'<a href="{html.escape(evidence_dir)}/{h}.html">evidence</a>')
        links[i] = " · ".join(parts)
    return _table(frame.drop(columns=["page_url"]), "findings", links)


def _hijacked(data: ReportData) -> str:
    if data.links is None or data.links.empty or not data.links["hijacked"].any():
        return ""
    rows = data.links[data.links["hijacked"]][["portal_id", "url", "page_url", "text"]]
    return "<h3>疑似被劫持的外链（毒链）：页面标题与内容已与首次发现时完全不同</h3>" + _table(rows, "hijacked")


def _availability_table(data: ReportData) -> str:
    week = data.availability
    if week is None or week.empty:
        return "<p>检查前一周无首页监测记录：请部署 probe-homes（每30分钟一次）。</p>"
    shown = week.assign(failed_share=week["failed_share"].map(lambda x: f"{x:.1%}"),
                        ipv6=[f"{ok}/{n}" if n else "—" for ok, n in zip(week["ipv6_ok"], week["ipv6_probes"])])
    return _table(shown[["portal_id", "probes", "failed", "failed_share", "fewest_per_day", "ipv6"]], "availability")


def _write_evidence(engine: Engine, data: ReportData, folder: Path) -> None:
    hashes = set(data.evidence.values()) | set((data.page_evidence or {}).values())
    if not hashes:
        return
    folder.mkdir(parents=True, exist_ok=True)
    with engine.connect() as conn:
        for h, blob in conn.execute(select(Evidence.content_hash, Evidence.compressed).where(Evidence.content_hash.in_(hashes))):
            (folder / f"{h}.html").write_bytes(zlib.decompress(blob))


def write_report(engine: Engine, run_id: str, fmt: str, out: str | Path, filters: Filters | None = None,
                 warn_days: int = DUE_SOON_DAYS) -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "md":
        out.write_text(render_markdown(load_report(engine, run_id, filters, warn_days)), encoding="utf-8")
    elif fmt == "csv":
        report_frame(engine, run_id, filters).to_csv(out, index=False, encoding="utf-8-sig")  # BOM: Excel reads Chinese
    elif fmt == "xlsx":
        data = load_report(engine, run_id, filters, warn_days)
        with pd.ExcelWriter(out, engine="openpyxl") as xl:
            data.columns.to_excel(xl, sheet_name="columns", index=False)
            data.verdicts.to_excel(xl, sheet_name="portal verdicts", index=False)
            data.units.to_excel(xl, sheet_name="units", index=False)
            data.trend.to_excel(xl, sheet_name="trend", index=False)
            data.checks.to_excel(xl, sheet_name="single-veto items", index=False)
            data.due_soon.to_excel(xl, sheet_name="due soon", index=False)
            data.late.to_excel(xl, sheet_name="late messages", index=False)
            data.availability.to_excel(xl, sheet_name="availability", index=False)
            findings_frame(data).to_excel(xl, sheet_name="findings", index=False)
            data.broken_links().to_excel(xl, sheet_name="broken links", index=False)
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
            link = f'<a href="{name}">report</a>'
        counts = " · ".join(f"{int(getattr(r, s))} {s}" for s in _ORDER if not pd.isna(getattr(r, s)) and getattr(r, s))
        rows.append(f"<tr><td>{html.escape(str(r.run_id))}</td><td>{html.escape(str(r.ruleset))}</td>"
                    f"<td>{html.escape(str(r.status))}</td><td>{r.portals}</td><td>{counts}</td><td>{link}</td></tr>")
    done = runs[runs["status"] == "complete"].sort_values("as_of")
    judged = done[["fresh", "stale", "empty"]].sum(axis=1).replace(0, float("nan"))
    fig = go.Figure(go.Scatter(x=done["as_of"], y=done["fresh"] / judged, mode="lines+markers"))
    fig.update_layout(title="Share of fresh columns per run", yaxis=dict(tickformat=".0%", range=[0, 1]), height=320)
    chart = fig.to_html(full_html=False, include_plotlyjs=False, div_id="trend")
    out.write_text(f"""<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>Audit runs</title>
<script>{get_plotlyjs()}</script><style>body{{font-family:"Noto Sans CJK SC",sans-serif;margin:24px}}
table{{border-collapse:collapse}} td,th{{border:1px solid #ddd;padding:4px 8px}}</style></head><body>
<h1>Audit runs</h1>{chart}<table><thead><tr><th>run</th><th>ruleset</th><th>status</th><th>portals</th><th>columns</th><th></th></tr></thead>
<tbody>{''.join(rows)}</tbody></table></body></html>""", encoding="utf-8")
    return out
