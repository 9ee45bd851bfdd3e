"""Reports of a run read from the warehouse: a self-contained HTML page with charts
(plotly), CSV and XLSX exports of the same tables, and markdown for Prefect artifacts."""

from __future__ import annotations

import html
import os
import threading
import zlib
from functools import cache
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine, select, text

from portal_audit.i18n import coded, fmt_date, fmt_time, label, language, status_label, t
from portal_audit.summary import DUE_SOON_DAYS  # 即将超期: fresh columns this close to their allowance
from portal_audit.text import decode_html, md_cell, sheet_cell
from warehouse.models import AuditRun, Evidence

from .bulletin import write_bulletin
from .data import (  # noqa: F401
    _ORDER,
    BROKEN_NIGHTS,
    REPORT_COLUMNS,
    Filters,
    ReportData,
    _texts,
    columns_of,
    due_soon,
    findings_frame,
    late_frame,
    load_report,
    month_label,
    months_before,
    present,
    present_rows,
    problems,
    report_frame,
)
from .inspection import render_named, requirements

_COLOURS = {"fresh": "#2e7d32", "stale": "#ef6c00", "empty": "#c62828", "unreachable": "#616161", "error": "#8e24aa",
            "exempt": "#1565c0"}


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
    headings, shown = present_rows(df[cols])
    out = ["| " + " | ".join(str(c) for c in headings) + " |", "|" + "---|" * len(cols)]
    out += ["| " + " | ".join(_md_cell(v) for v in row) + " |" for row in shown]
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
    for heading, frame in (("report.h_indicators", data.indicators), ("report.h_security", data.security)):
        if frame is None or frame.empty:
            continue
        out += ["", f"## {t(heading)}", "", f"| {t('col.portal_id')} | {t('col.item')} | "
                f"{t('col.outcome')} | {t('col.reason')} |", "|---|---|---|---|"]
        out += [f"| {_md_cell(r.portal_id)} | {label('item', r.item)} | {coded('indicator_outcome', r.outcome)} "
                f"| {_md_cell(render_named(r.reason, r.portal_id, data.names))} |"
                for r in frame.itertuples(index=False)]
    if data.availability is not None and not data.availability.empty:
        out += ["", f"## {t('report.h_availability')}", ""]
        out += _md_table(data.availability, ["portal_id", "probes", "failed", "failed_share", "fewest_per_day",
                                             "ipv6_probes", "ipv6_ok"])
    if data.due_soon is not None and not data.due_soon.empty:
        out += ["", f"## {t('report.h_due_soon', days=data.warn_days)}", ""]
        out += _md_table(data.due_soon, ["responsible", "portal_id", "path", "last_published_on", "days_left"])
    if data.late is not None and not data.late.empty:
        out += ["", f"## {t('report.h_late')}", ""]
        out += _md_table(data.late, ["responsible", "portal_id", "path", "title", "asked_on", "answered_on",
                                     "waited_days", "url"])
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


def _sheet(df: pd.DataFrame) -> pd.DataFrame:
    """Every cell a page or catalog wrote, made safe for a spreadsheet (``text.sheet_cell``)."""
    return df.apply(lambda col: col.map(sheet_cell) if _texts(col) else col)


def _sheets(data: ReportData) -> dict[str, pd.DataFrame]:
    """The XLSX workbook: one sheet per table of the report (keys: catalogue names)."""
    return {"columns": data.columns, "verdicts": data.verdicts, "checks": data.checks, "indicators": data.indicators,
            "security": data.security, "units": data.units,
            "trend": data.trend, "due_soon": data.due_soon, "late": data.late, "availability": data.availability,
            "findings": findings_frame(data), "broken_links": _links_frame(data.broken_links)}


# -- HTML ------------------------------------------------------------------------------------------
@cache
def _plotly_template() -> dict:
    """The default plotly template, as a figure built with ``plotly.graph_objects`` carries it."""
    import plotly.io as pio

    return pio.templates[pio.templates.default].to_plotly_json()


@cache
def _greens() -> list:
    """plotly's "Greens" as the steps ``go.Heatmap`` writes out (plotly.js's own differs)."""
    from plotly.colors import get_colorscale

    return get_colorscale("Greens")


def _chart(traces: list[dict], layout: dict, name: str) -> str:
    """A chart's ``<div>``, from plain plotly JSON: the figure a ``go.Figure`` would write, without
    its validation of every property (~25 ms a chart, most of a portal report's time)."""
    import plotly.io as pio

    layout = {"template": _plotly_template(), **layout, "margin": dict(l=10, r=10, t=40, b=10),
              "font": dict(family="Noto Sans CJK SC, sans-serif", size=11)}
    return pio.to_html({"data": traces, "layout": layout}, full_html=False, include_plotlyjs=False, div_id=name,
                       config={"displaylogo": False}, validate=False)


def _figures(data: ReportData) -> dict[str, str]:
    out = {}
    heat = data.heatmap
    if not heat.empty:
        out["heatmap"] = _chart(
            [dict(type="heatmap", z=heat.to_numpy().tolist(), x=list(heat.columns), y=list(heat.index),
                  colorscale=_greens(), hovertemplate=t("chart.heatmap_hover") + "<extra></extra>", xgap=1, ygap=1)],
            dict(title=dict(text=t("chart.heatmap")), height=max(300, 16 * len(heat) + 100),
                 xaxis=dict(type="category", automargin=True), yaxis=dict(autorange="reversed")), "heatmap")
    cols = data.columns[data.columns["days_since_update"].notna()]
    if not cols.empty:
        labels = [f"{p}/{c} {path}"[:48]
                  for p, c, path in cols[["portal_id", "column_id", "path"]].itertuples(index=False, name=None)]
        days = cols["days_since_update"].astype(int).tolist()
        out["bars"] = _chart([
            # a linear axis, each bar labelled with its days: a column updated today shows its 0
            dict(type="bar", y=labels, x=days, orientation="h", name=t("chart.days_since"),
                 text=[str(d) for d in days], textposition="outside", cliponaxis=False,
                 marker=dict(color=[_COLOURS.get(s, "#999") for s in cols["status"]]),
                 customdata=[status_label(s) for s in cols["status"]],
                 hovertemplate="%{y}<br>" + t("chart.days_since") + "：%{x}<br>%{customdata}<extra></extra>"),
            dict(type="scatter", y=labels, x=cols["allowed_days"].tolist(), mode="markers", name=t("chart.allowed"),
                 marker=dict(symbol="line-ns-open", size=14, color="black"),
                 hovertemplate="%{y}<br>" + t("chart.allowed") + "：%{x}<extra></extra>"),
        ], dict(title=dict(text=t("chart.bars")), barmode="overlay", height=max(300, 16 * len(cols) + 100),
                yaxis=dict(autorange="reversed"),
                xaxis=dict(title=dict(text=t("inspector.days_axis")), rangemode="tozero", automargin=True)), "bars")
    trend = data.trend
    if not trend.empty:
        out["trend"] = _chart(
            [dict(type="scatter", x=[fmt_date(d) for d in g["as_of"]], y=g["share_fresh"].tolist(),
                  mode="lines+markers", name=p) for p, g in trend.groupby("portal_id")],
            dict(title=dict(text=t("chart.trend")), yaxis=dict(tickformat=".0%", range=[0, 1]), height=320), "trend")
    return out


def _table(df: pd.DataFrame, cls: str, links: dict[int, str] | None = None) -> str:
    headings, shown = present_rows(df)
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in headings)
    body = []
    for i, row in enumerate(shown):
        cells = "".join(f"<td>{html.escape(_plain_cell(v))}</td>" for v in row)
        if links and i in links:
            cells += f"<td>{links[i]}</td>"
        body.append(f"<tr>{cells}</tr>")
    extra = f"<th>{t('report.links_col')}</th>" if links else ""
    return f'<table class="{cls}"><thead><tr>{head}{extra}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _anchors(url: str | None, evidence: str | None, evidence_dir: str | None) -> str:
    parts = [f'<a href="{html.escape(url)}">{t("report.page")}</a>'] if url else []
    if evidence and evidence_dir:
        parts.append(f'<a href="{html.escape(evidence_dir)}/{evidence}.html">{t("report.evidence")}</a>')
    return " · ".join(parts)


def render_html(data: ReportData, evidence_dir: str | None = None, plotly_src: str | None = None) -> str:
    """The report page; plotly.js inline (one file to mail), or from ``plotly_src`` beside it
    (a run's portal reports share one copy rather than carry 3.5 MB each)."""
    from plotly.offline import get_plotlyjs

    script = (f'<script src="{html.escape(plotly_src)}"></script>' if plotly_src
              else f"<script>{get_plotlyjs()}</script>")
    info, cols = data.info, data.columns
    counts = cols["status"].value_counts()
    tiles = "".join(f'<div class="tile" style="border-color:{_COLOURS[s]}"><b>{int(counts[s])}</b> '
                    f'{html.escape(status_label(s))}</div>' for s in _ORDER if s in counts)
    cards = _cards(data)
    bad = problems(cols)
    links = {i: _anchors(url, data.evidence.get((portal, column)), evidence_dir)
             for i, (url, portal, column) in enumerate(columns_of(bad, "url", "portal_id", "column_id"))}
    figures = _figures(data)
    unit_cols = ["portal_id", "responsible", "columns", "fresh", "stale", "empty", "unreachable", "error", "exempt",
                 "share_fresh"]
    units = data.units[unit_cols].sort_values("share_fresh") if not data.units.empty else data.units
    none = f"<p>{t('report.none')}</p>"
    return (f"""<!DOCTYPE html><html lang="{language()}"><head><meta charset="utf-8">
<title>{html.escape(t('report.title'))} {html.escape(str(info['run_id']))}</title>
{script}
<style>
body{{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#222}}
h1{{margin-bottom:4px}} .sub{{color:#666;margin-top:0}}
.tiles,.cards{{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}}
.tile{{border-left:6px solid;padding:8px 14px;background:#fafafa;min-width:90px}}"""
            f""" .tile b{{font-size:22px;display:block}}
.card{{padding:10px 16px;border-radius:6px;min-width:320px;max-width:900px}}"""
            f""" .card.pass{{background:#e8f5e9}} .card.fail{{background:#ffebee}}
.card.unknown{{background:#fff8e1}} .o-fail{{color:#c62828;font-weight:bold}} .o-warn{{color:#ef6c00;font-weight:bold}}
.o-pass{{color:#2e7d32}} .o-unknown{{color:#8d6e00}}
.card h3{{margin:4px 0}} .card li{{margin:3px 0;font-size:13px}}
table{{border-collapse:collapse;margin:8px 0 24px;font-size:12px}}"""
            f""" td,th{{border:1px solid #ddd;padding:3px 6px;vertical-align:top}}
th{{background:#f3f3f3;position:sticky;top:0}} section{{margin-top:28px}}
</style></head><body>
<h1>{html.escape(t('report.title'))}</h1>
<p class="sub">{html.escape(_subtitle(info))}</p>
<div class="tiles" id="tiles">{tiles}</div>
<section><h2>{t('report.h_verdicts')}</h2><div class="cards" id="verdicts">{cards}</div></section>
<section id="indicators"><h2>{t('report.h_indicators')}</h2>{_indicators(data.indicators, data) or none}</section>
<section id="security"><h2>{t('report.h_security')}</h2>{_indicators(data.security, data) or none}</section>
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
</body></html>""")


def _cards(data: ReportData) -> str:
    """One card per portal: its verdict and each single-veto item's outcome and reason."""
    checks = (data.checks if data.checks is not None
              else pd.DataFrame(columns=["portal_id", "item", "outcome", "reason"]))
    # a comprehension, not dict(): a GroupBy has a ``keys`` attribute, so dict() would take it for a mapping
    by_portal = {p: g for p, g in checks.groupby("portal_id")} if not checks.empty else {}  # noqa: C416
    out = []
    for v in data.verdicts.itertuples(index=False):
        def reason(stored, portal_id=v.portal_id) -> str:  # columns by name, not by id
            return render_named(stored, portal_id, data.names)

        own = by_portal.get(v.portal_id)
        if own is not None:
            items = "".join(f'<li><span class="o-{html.escape(outcome)}">'
                            f'{html.escape(label("outcome", outcome))}</span> '
                            f'{html.escape(t("verdict.line", item=label("item", item), reason=reason(stored)))}'
                            '</li>'
                            for outcome, item, stored in columns_of(own, "outcome", "item", "reason"))
        else:  # runs loaded before the items were stored one by one
            items = "".join(f"<li>{html.escape(reason(r))}</li>" for r in _reasons(v.reasons)) or "<li>—</li>"
        out.append(f'<div class="card {html.escape(v.verdict)}" data-portal="{html.escape(v.portal_id)}">'
                   f'<h3>{html.escape(t("verdict.heading", portal=v.portal_id, verdict=coded("verdict", v.verdict)))} '
                   f'<small>{t("report.single_veto")}</small></h3><ul>{items}</ul></div>')
    return "".join(out)


def _indicators(frame: pd.DataFrame | None, data: ReportData) -> str:
    """The supervision indicators or the security checks: a row per portal and item, its
    outcome coloured."""
    if frame is None or frame.empty:
        return ""
    body = "".join(f'<tr data-portal="{html.escape(portal)}" data-item="{html.escape(item)}">'
                   f"<td>{html.escape(portal)}</td><td>{html.escape(label('item', item))}</td>"
                   f'<td class="o-{html.escape(outcome)}">{html.escape(label("indicator_outcome", outcome))}</td>'
                   f"<td>{html.escape(render_named(reason, portal, data.names))}</td></tr>"
                   for portal, item, outcome, reason in columns_of(frame, "portal_id", "item", "outcome", "reason"))
    head = "".join(f"<th>{html.escape(t(k))}</th>" for k in ("col.portal_id", "col.item", "col.outcome", "col.reason"))
    return f'<table class="indicators"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _reasons(stored: str | None) -> list:
    """A portal's stored reasons: messages, or the lines an older run wrote."""
    from portal_audit.i18n import Msg, loads

    found = loads(stored)
    if len(found) == 1 and found[0].key == "text":
        return [Msg("text", {"text": line}) for line in found[0].args["text"].splitlines()]
    return found


def _findings_table(data: ReportData, evidence_dir: str | None = None) -> str:
    frame = findings_frame(data, excerpts=True)
    if frame.empty:
        return f"<p>{t('report.not_found')}</p>"
    links = {i: _anchors(url, (data.page_evidence or {}).get(url), evidence_dir)
             for i, url in enumerate(frame["page_url"])}
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
    """The pages a report cites (its problem columns' and findings' pages), as fetched —
    never as live pages: each is shown in a sandboxed frame (no scripts, an origin of its
    own, nothing loaded: the report's folder stays out of its reach), beside its raw bytes
    as a download. A fresh column's page is cited nowhere, and not written."""
    cited = {(p, c) for p, c in problems(data.columns)[["portal_id", "column_id"]].itertuples(index=False)}
    hashes = {h for key, h in data.evidence.items() if key in cited} | set((data.page_evidence or {}).values())
    if not hashes:
        return
    folder.mkdir(parents=True, exist_ok=True)
    with engine.connect() as conn:
        for h, blob in conn.execute(select(Evidence.content_hash, Evidence.compressed)
                                    .where(Evidence.content_hash.in_(hashes))):
            raw = zlib.decompress(blob)
            (folder / f"{h}.txt").write_bytes(raw)
            (folder / f"{h}.html").write_text(_EVIDENCE_PAGE.format(
                title=html.escape(t("report.evidence")), raw=f"{h}.txt",
                raw_label=html.escape(t("report.evidence_raw")),
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
        write_bulletin(load_report(engine, run_id, filters, warn_days), out)
    elif fmt == "html":
        data = load_report(engine, run_id, filters, warn_days)
        evidence_dir = out.stem + "_evidence"
        _write_evidence(engine, data, out.parent / evidence_dir)
        out.write_text(render_html(data, evidence_dir), encoding="utf-8")
    else:
        raise ValueError(f"unknown report format {fmt!r}: md, csv, xlsx, html or docx")
    return out


PLOTLY_JS = "plotly.min.js"


def write_portal_reports(engine: Engine, run_id: str, portal_ids: list[str], folder: str | Path) -> dict[str, Path]:
    """Each portal's HTML report of a run, ``folder/<portal>.html`` with its evidence beside
    it: the pages the nightly flow links from its artifacts. The portals are read from the
    warehouse once and each page written from its own rows (``ReportData.portal``), and the
    pages share one plotly.js in the folder: read and written one by one, a report cost
    ~100 ms a portal and 3.5 MB of script on disk."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if not portal_ids:
        return {}
    from plotly.offline import get_plotlyjs

    script, js = folder / PLOTLY_JS, get_plotlyjs().encode()
    if not script.exists() or script.stat().st_size != len(js):  # an upgraded plotly's, on a re-run
        tmp = script.with_name(f"{PLOTLY_JS}.{os.getpid()}.{threading.get_ident()}")  # shards write at once
        tmp.write_bytes(js)
        tmp.replace(script)
    data = load_report(engine, run_id, Filters(portals=list(portal_ids)))
    written = {}
    for portal_id, own in data.portals(list(portal_ids)).items():
        out = folder / f"{portal_id}.html"
        _write_evidence(engine, own, folder / f"{out.stem}_evidence")
        out.write_text(render_html(own, f"{out.stem}_evidence", PLOTLY_JS), encoding="utf-8")
        written[portal_id] = out
    return written


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
        rows.append(f"<tr><td>{html.escape(str(r.run_id))}</td><td>{fmt_date(r.as_of)}</td>"
                    f"<td>{html.escape(str(r.ruleset))}</td><td>{html.escape(label('run_status', r.status))}</td>"
                    f"<td>{r.portals}</td><td>{html.escape(counts)}</td><td>{link}</td></tr>")
    done = runs[runs["status"] == "complete"].sort_values("as_of")
    judged = done[["fresh", "stale", "empty"]].sum(axis=1).replace(0, float("nan"))
    fig = go.Figure(go.Scatter(x=[fmt_date(d) for d in done["as_of"]], y=done["fresh"] / judged, mode="lines+markers",
                               name=t("chart.trend_runs")))
    fig.update_layout(title=t("chart.trend_runs"), yaxis=dict(tickformat=".0%", range=[0, 1]), height=320)
    chart = fig.to_html(full_html=False, include_plotlyjs=False, div_id="trend")
    head = "".join(f"<th>{t(k)}</th>" for k in ("col.run_id", "col.as_of", "col.ruleset", "col.run_status",
                                                  "col.portals", "col.columns")) + "<th></th>"
    out.write_text(f"""<!DOCTYPE html><html lang="{language()}"><head><meta charset="utf-8">"""
                   f"""<title>{t('report.runs')}</title>
<script>{get_plotlyjs()}</script><style>body{{font-family:"Noto Sans CJK SC",sans-serif;margin:24px}}
table{{border-collapse:collapse}} td,th{{border:1px solid #ddd;padding:4px 8px}}</style></head><body>
<h1>{t('report.runs')}</h1><p class="sub">{t('report.generated', generated=fmt_time())}</p>{chart}
<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></body></html>""", encoding="utf-8")
    return out
