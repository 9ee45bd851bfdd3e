"""Reports of a run read from the warehouse: markdown, CSV, or a plain HTML page."""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine

from warehouse.read import column_audits, run_info

REPORT_COLUMNS = ["portal_id", "column_id", "path", "status", "last_published_on", "days_since_update",
                  "allowed_days", "frequency", "category", "responsible", "item_count", "url", "detail"]
_ORDER = {s: i for i, s in enumerate(["unreachable", "error", "empty", "stale", "fresh", "exempt"])}


def report_frame(engine: Engine, run_id: str) -> pd.DataFrame:
    df = column_audits(engine, run_id)
    df = df.assign(_o=df["status"].map(_ORDER)).sort_values(["_o", "days_since_update"], ascending=[True, False])
    return df[REPORT_COLUMNS].reset_index(drop=True)


def _md_cell(v) -> str:
    return "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v).replace("|", "/").replace("\n", " ")


def render_markdown(info: dict, df: pd.DataFrame) -> str:
    counts = df["status"].value_counts()
    out = [f"# Audit report — run {info['run_id']}", "",
           f"As of {info['as_of']}, ruleset {info['ruleset']}, status {info['status']}.", "",
           "| status | columns |", "|---|---|"]
    out += [f"| {s} | {int(counts[s])} |" for s in _ORDER if s in counts]
    cols = ["portal_id", "path", "status", "last_published_on", "days_since_update", "allowed_days", "responsible", "detail"]
    out += ["", "| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in df[cols].itertuples(index=False):
        out.append("| " + " | ".join(_md_cell(v) for v in row) + " |")
    return "\n".join(out) + "\n"


def render_html(info: dict, df: pd.DataFrame) -> str:
    counts = df["status"].value_counts()
    cards = "".join(f'<div class="card {s}"><b>{int(counts[s])}</b> {s}</div>' for s in _ORDER if s in counts)
    table = df.to_html(index=False, na_rep="", escape=True, classes="audit", render_links=True)
    return f"""<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8">
<title>Audit {html.escape(str(info['run_id']))}</title><style>
body{{font-family:sans-serif;margin:2em}} .cards{{display:flex;gap:1em}} .card{{padding:1em;border-radius:6px;background:#eee}}
.card.fresh{{background:#d4f4d4}} .card.stale{{background:#ffe0b3}} .card.empty{{background:#f4d4d4}}
.card.unreachable,.card.error{{background:#ddd}} table.audit{{border-collapse:collapse;margin-top:1em}}
table.audit td,table.audit th{{border:1px solid #ccc;padding:2px 6px;font-size:13px}}</style></head><body>
<h1>Audit report — run {html.escape(str(info['run_id']))}</h1>
<p>As of {info['as_of']}, ruleset {html.escape(str(info['ruleset']))}, status {html.escape(str(info['status']))}.</p>
<div class="cards">{cards}</div>{table}</body></html>"""


def write_report(engine: Engine, run_id: str, fmt: str, out: str | Path, portal_id: str | None = None) -> Path:
    info = run_info(engine, run_id)
    df = report_frame(engine, run_id)
    if portal_id:
        df = df[df["portal_id"] == portal_id].reset_index(drop=True)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        df.to_csv(out, index=False, encoding="utf-8-sig")  # BOM: Excel opens Chinese CSV correctly
    elif fmt == "md":
        out.write_text(render_markdown(info, df), encoding="utf-8")
    elif fmt == "html":
        out.write_text(render_html(info, df), encoding="utf-8")
    else:
        raise ValueError(f"unknown report format {fmt!r}: md, csv or html")
    return out
