"""The 检查情况通报: a run's findings as the Word document inspection offices circulate —
overall results, the portals that failed and why (单项否决), availability over the week,
stale and blank columns and late messages per responsible unit (负责科室), columns about
to fall due (即将超期), wording errors and personal-data leaks, broken links, and the
request to correct them (整改要求)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from .i18n import fmt_date, label, msg, render, t
from .report import ReportData, findings_frame

BODY_FONT = "仿宋"  # official documents: 仿宋 body, 黑体 headings (the 党政机关公文格式 convention)
HEADING_FONT = "黑体"
ROW_LIMIT = 500  # rows per table; the rest is in the warehouse and the XLSX export


def _font(run, name: str, size: float | None = None, bold: bool | None = None) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = name
    rpr = run._element.get_or_add_rPr()  # noqa: SLF001 - python-docx has no API for the East Asian font
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), name)
    if size:
        run.font.size = Pt(size)
    if bold is not None:
        run.bold = bold


def _heading(doc, text: str) -> None:
    p = doc.add_paragraph()
    _font(p.add_run(text), HEADING_FONT, 16)


def _para(doc, text: str) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = None
    _font(p.add_run(text), BODY_FONT, 14)


def _table(doc, header: tuple[str, ...], rows: list[list]) -> None:
    """A table headed by the catalogue's names for ``header`` (keys)."""
    header = [t(k) for k in header]
    shown = rows[:ROW_LIMIT]
    table = doc.add_table(rows=1 + len(shown), cols=len(header))
    table.style = "Table Grid"
    for i, text in enumerate(header):
        cell = table.rows[0].cells[i]
        cell.text = ""
        _font(cell.paragraphs[0].add_run(text), HEADING_FONT, 10.5)
    for r, row in enumerate(shown, start=1):
        for i, value in enumerate(row):
            cell = table.rows[r].cells[i]
            cell.text = ""
            text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
            _font(cell.paragraphs[0].add_run(text), BODY_FONT, 10.5)
    if len(rows) > len(shown):
        _para(doc, t("bulletin.more_rows", n=len(rows) - len(shown)))


def _section(doc, heading: str, frame: pd.DataFrame | None, nothing: str, header: tuple[str, ...], row) -> None:
    """A numbered section: its table, one ``row(record)`` each, or the sentence saying there is nothing."""
    _heading(doc, t(heading))
    if frame is None or frame.empty:
        _para(doc, t(nothing))
    else:
        _table(doc, header, [row(r) for r in frame.itertuples(index=False)])


def write_bulletin(data: ReportData, out: str | Path) -> Path:
    """Write the run's 检查情况通报 as a .docx."""
    import docx

    out = Path(out)
    info, cols = data.info, data.columns
    doc = docx.Document()
    title = doc.add_paragraph()
    title.alignment = 1  # centred
    _font(title.add_run(t("bulletin.title")), "方正小标宋简体", 22, True)
    sub = doc.add_paragraph()
    sub.alignment = 1
    _font(sub.add_run(t("bulletin.date", as_of=info["as_of"])), BODY_FONT, 14)

    verdicts = data.verdicts
    failing = verdicts[verdicts["verdict"] == "fail"]
    unknown = verdicts[verdicts["verdict"] == "unknown"]
    counts = cols["status"].value_counts()
    _heading(doc, t("bulletin.h1"))
    _para(doc, t("bulletin.overall", ruleset=info["ruleset"], portals=len(verdicts), columns=len(cols), failing=len(failing),
                 passing=int((verdicts["verdict"] == "pass").sum()), unknown=len(unknown),
                 **{s: int(counts.get(s, 0)) for s in ("fresh", "stale", "empty", "unreachable", "error", "exempt")}))

    _heading(doc, t("bulletin.h2"))
    checks = data.checks if data.checks is not None else pd.DataFrame(columns=["portal_id", "item", "outcome", "reason"])
    rows = [[r.portal_id, label("item", r.item), label("outcome", r.outcome), render(r.reason)]
            for r in checks.itertuples(index=False) if r.outcome in ("fail", "unknown", "warn")]
    verdict_of = dict(zip(verdicts["portal_id"], verdicts["verdict"]))
    if rows:
        _para(doc, t("bulletin.verdicts", verdicts=[msg("bulletin.portal_verdict", portal=p, verdict=msg(f"verdict.{v}"))
                                                    for p, v in verdict_of.items()]))
        _table(doc, ("bulletin.portal", "col.item", "col.outcome", "bulletin.problem"), rows)
    else:
        _para(doc, t("bulletin.all_pass"))

    _section(doc, "bulletin.h3", data.availability, "bulletin.no_probes",
             ("bulletin.portal", "col.probes", "col.failed", "col.failed_share", "col.fewest_per_day"),
             lambda r: [r.portal_id, r.probes, r.failed, f"{r.failed_share:.1%}", r.fewest_per_day])

    _heading(doc, t("bulletin.h4"))
    bad = cols[cols["status"].isin(["stale", "empty", "unreachable", "error"])].copy()
    unnamed = t("bulletin.unit_unnamed")
    if bad.empty:
        _para(doc, t("bulletin.no_column_problems"))
    else:
        bad["responsible"] = bad["responsible"].fillna(unnamed)
        for unit, g in bad.groupby("responsible", sort=True):
            _para(doc, t("bulletin.unit_columns", unit=unit, n=len(g)))
            _table(doc, ("bulletin.portal", "col.path", "bulletin.problem_kind", "col.last_published_on",
                         "col.days_since_update", "col.allowed_days"),
                   [[r.portal_id, r.path, t(f"status.{r.status}"), fmt_date(r.last_published_on), r.days_since_update,
                     r.allowed_days] for r in g.itertuples(index=False)])

    _section(doc, "bulletin.h5", data.late, "bulletin.no_late",
             ("col.responsible", "bulletin.portal", "col.title", "col.asked_on", "col.answered_on", "col.waited_days"),
             lambda r: [r.responsible or unnamed, r.portal_id, r.title, fmt_date(r.asked_on),
                        fmt_date(r.answered_on) or t("message_state.unanswered"), r.waited_days])
    _section(doc, "bulletin.h6", data.due_soon, "bulletin.no_due",
             ("col.responsible", "bulletin.portal", "col.path", "col.last_published_on", "col.days_left"),
             lambda r: [r.responsible or unnamed, r.portal_id, r.path, fmt_date(r.last_published_on), r.days_left])
    _section(doc, "bulletin.h7", findings_frame(data), "bulletin.no_findings",
             ("bulletin.portal", "col.rule", "col.severity", "col.term", "col.expected", "col.sentence"),
             lambda r: [r.portal_id, label("finding_rule", r.rule), label("severity", r.severity), r.term, r.expected,
                        r.sentence])

    _heading(doc, t("bulletin.h8"))
    _para(doc, data.link_summary())
    broken = data.broken_links
    if not broken.empty:
        _table(doc, ("bulletin.portal", "col.url", "col.page_url", "col.text", "col.scope", "col.kind", "col.days_broken"),
               [[r.portal_id, r.url, r.page_url, r.text, r.scope, r.kind, r.days_broken] for r in broken.itertuples(index=False)])

    _heading(doc, t("bulletin.h9"))
    _para(doc, t("bulletin.demands"))
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(out))
    return out
