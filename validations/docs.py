"""The run's expectation table: the Data Docs page a run links, readable offline and in the
users' language.

Great Expectations' own Data Docs load their CSS and JavaScript from CDNs, so on the
offline machines audits run on they show as an unstyled wall of English. This page says
the same thing a reviewer needs — each expectation, whether it held, over how many rows,
and which columns (栏目) failed it — in one self-contained file: inline CSS, no script, no
external reference, every value escaped (column keys come from catalogs, which come from
outside). GE's own site, when written, sits in ``ge/`` beside it and is linked.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from portal_audit.i18n import has, language, t


@dataclass(frozen=True)
class ExpectationOutcome:
    """One expectation's result over a run's table, with the column keys that failed it."""

    suite: str
    expectation: str
    column: str | None
    success: bool
    element_count: int
    unexpected_count: int
    failing_keys: tuple[str, ...]


GE_SUBDIR = "ge"  # GE's own Data Docs site, relative to the table

_CSS = """
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2em;color:#222}
h1{font-size:1.4em}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #ccc;padding:.35em .6em;text-align:left;vertical-align:top}
th{background:#f2f2f2}
td.n{text-align:right;white-space:nowrap}
tr.fail td.r{color:#b00020;font-weight:bold}
tr.pass td.r{color:#1b5e20}
td.keys{font-family:monospace;font-size:.9em;word-break:break-all}
p.note{color:#555}
"""


def _label(group: str, name: str | None) -> str:
    """A suite's or expectation's name in the language in force; an unknown one as it is."""
    if not name:
        return ""
    key = f"expectation_table.{group}.{name}"
    return t(key) if has(key) else name


def render(outcomes: Iterable[ExpectationOutcome], run_name: str, ge_docs: str | None = None) -> str:
    """The table as one HTML page. ``ge_docs`` is a relative link to GE's own Data Docs."""
    outcomes = list(outcomes)
    esc = html.escape
    failed = sum(not o.success for o in outcomes)
    head = "".join(f"<th>{esc(t(f'expectation_table.head.{h}'))}</th>"
                   for h in ("suite", "expectation", "column", "result", "elements", "unexpected", "failing"))
    rows = []
    for o in outcomes:
        result = t("expectation_table.passed" if o.success else "expectation_table.failed")
        keys = t("format.list_sep").join(o.failing_keys)
        rows.append(
            f'<tr class="{"pass" if o.success else "fail"}"><td>{esc(_label("suite", o.suite))}</td>'
            f'<td>{esc(_label("name", o.expectation))}<br><small>{esc(o.expectation)}</small></td>'
            f'<td>{esc(o.column or "")}</td><td class="r">{esc(result)}</td>'
            f'<td class="n">{o.element_count}</td><td class="n">{o.unexpected_count}</td>'
            f'<td class="keys">{esc(keys)}</td></tr>')
    title = t("expectation_table.title", run=run_name)
    link = (f'<p><a href="{esc(ge_docs)}">{esc(t("expectation_table.ge_link"))}</a></p>' if ge_docs else "")
    lang = "zh-CN" if language() == "zh" else language()
    return (f'<!DOCTYPE html>\n<html lang="{esc(lang)}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>"
            f"<h1>{esc(title)}</h1>"
            f'<p class="note">{esc(t("expectation_table.summary", n=len(outcomes), failed=failed))}</p>'
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{link}</body></html>\n")


def write(docs_dir: str | Path, outcomes: Iterable[ExpectationOutcome], run_name: str) -> Path:
    """Write the table to ``docs_dir/index.html`` (what ``Validation.data_docs`` names),
    linking GE's own Data Docs when they were written in ``docs_dir/ge/``."""
    docs_dir = Path(docs_dir)
    docs_dir.mkdir(parents=True, exist_ok=True)
    ge_index = docs_dir / GE_SUBDIR / "index.html"
    index = docs_dir / "index.html"
    index.write_text(render(outcomes, run_name, f"{GE_SUBDIR}/index.html" if ge_index.exists() else None),
                     encoding="utf-8")
    return index
