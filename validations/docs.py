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
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
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


GE_SUBDIR = "ge"  # GE's own Data Docs site, relative to the table (a shard's later batches: ge-2, ge-3 …)


def ge_site(docs_dir: str | Path) -> Path:
    """The folder for the next batch's GE site. GE's index lists only what its own context
    validated, and deletes the other pages it finds (``skip_and_clean_missing``), so each
    batch of a shard gets a site of its own, and the table links them all."""
    docs_dir = Path(docs_dir)
    n = 1
    while (docs_dir / _ge_name(n)).exists():
        n += 1
    return docs_dir / _ge_name(n)


def _ge_name(n: int) -> str:
    return GE_SUBDIR if n == 1 else f"{GE_SUBDIR}-{n}"


def _ge_sites(docs_dir: Path) -> list[str]:
    """The GE sites written in ``docs_dir``, in batch order."""
    out, n = [], 1
    while (docs_dir / _ge_name(n) / "index.html").exists():
        out.append(f"{_ge_name(n)}/index.html")
        n += 1
    return out

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


def render(outcomes: Iterable[ExpectationOutcome], run_name: str, ge_docs: list[str] | None = None) -> str:
    """The table as one HTML page. ``ge_docs``: relative links to GE's own Data Docs, a site
    per batch validated."""
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
    ge_docs = ge_docs or []
    link = "".join(f'<p><a href="{esc(site)}">{esc(t("expectation_table.ge_link"))}'
                   f'{esc(t("expectation_table.ge_batch", n=n)) if len(ge_docs) > 1 else ""}</a></p>'
                   for n, site in enumerate(ge_docs, start=1))
    lang = "zh-CN" if language() == "zh" else language()
    return (f'<!DOCTYPE html>\n<html lang="{esc(lang)}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>"
            f"<h1>{esc(title)}</h1>"
            f'<p class="note">{esc(t("expectation_table.summary", n=len(outcomes), failed=failed))}</p>'
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{link}</body></html>\n")


SOFAR = "outcomes.json"  # the outcomes a folder's table shows, read back when the next batch is added


def merged(earlier: Iterable[ExpectationOutcome], later: Iterable[ExpectationOutcome]) -> list[ExpectationOutcome]:
    """Two batches' outcomes as one table's: an expectation holds if it held over both, over
    the rows of both, failed by the columns either failed it on."""
    out: dict[tuple[str, str, str | None], ExpectationOutcome] = {}
    for o in [*earlier, *later]:
        key = (o.suite, o.expectation, o.column)
        was = out.get(key)
        out[key] = o if was is None else ExpectationOutcome(
            o.suite, o.expectation, o.column, was.success and o.success, was.element_count + o.element_count,
            was.unexpected_count + o.unexpected_count, tuple(sorted({*was.failing_keys, *o.failing_keys})))
    return list(out.values())


def write(docs_dir: str | Path, outcomes: Iterable[ExpectationOutcome], run_name: str) -> Path:
    """Write the table to ``docs_dir/index.html`` (what ``Validation.data_docs`` names),
    linking GE's own Data Docs when they were written in ``docs_dir/ge/``. A shard validates
    its portals in batches as they finish, into one folder: each batch is added to the
    table the batches before it wrote (kept beside it in ``outcomes.json``), not put in
    its place."""
    docs_dir = Path(docs_dir)
    docs_dir.mkdir(parents=True, exist_ok=True)
    sofar = docs_dir / SOFAR
    if sofar.exists():
        outcomes = merged([ExpectationOutcome(**{**o, "failing_keys": tuple(o["failing_keys"])})
                           for o in json.loads(sofar.read_text(encoding="utf-8"))], outcomes)
    outcomes = list(outcomes)
    sofar.write_text(json.dumps([asdict(o) for o in outcomes], ensure_ascii=False), encoding="utf-8")
    index = docs_dir / "index.html"
    index.write_text(render(outcomes, run_name, _ge_sites(docs_dir)), encoding="utf-8")
    return index
