"""What an inspector acts on, shared by the HTML report (``report.py``) and the Word
通报 (``bulletin.py``): stored reasons with the columns they name shown by name, a
finding's sentence trimmed to the words around it, and the 整改要求 built from a run's
problems. Both modules import this one and it imports neither, so the two formats say
the same thing from one piece of code, without an import cycle."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Protocol

import pandas as pd

from portal_audit.i18n import Msg, loads, render, t, with_names

Names = Mapping[tuple[str, str], str]  # (portal id, column id) → the column's path (栏目 › 子栏目)
UNITS_NAMED = 8  # responsible units named in a requirement; the tables above list them all
EXCERPT = 40  # characters kept each side of a finding's term
BAD_COLUMNS = ("stale", "empty", "unreachable")  # statuses a responsible unit is asked to correct, in this order


def render_named(stored: Msg | str | None, portal_id: str, names: Names | None) -> str:
    """Stored messages (JSON of keys and arguments) of one portal as text, columns by name
    (the id itself when the run has no such column)."""
    found = [stored] if isinstance(stored, Msg) else loads(stored)
    names = names or {}
    return render([with_names(m, lambda c: names.get((portal_id, c)) or c) for m in found])


# A finding's sentence is cut where a page's blocks ran together: at white space (blocks are
# joined by a space), a sentence's end or a breadcrumb's '>', and where the text is still
# long, at a date (list items end with their date: 标题2026年10月24日下一标题).
_BREAK = re.compile(r"\s+|[。！？；!?;>]")
_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{2}-\d{2}")


def excerpt(sentence: Any, term: Any, width: int = EXCERPT) -> str:
    """The words around ``term`` in ``sentence``: a short sentence whole, a long one cut to
    the piece of text the term sits in, at most ``width`` characters each side, '…' where
    something was cut. The stored sentence of a list page can be a run of navigation,
    headings and titles; the reader needs the title."""
    if not isinstance(sentence, str):
        return ""
    term = term if isinstance(term, str) else ""
    if len(sentence) <= 2 * width + len(term):  # short enough to read whole: nothing to cut
        return sentence
    at = sentence.find(term) if term else -1
    if at < 0:
        return sentence[:2 * width] + "…"
    end = at + len(term)

    def cut_left(pattern: re.Pattern, floor: int) -> int:
        return max((m.end() for m in pattern.finditer(sentence, floor, at)), default=floor)

    def cut_right(pattern: re.Pattern, ceiling: int) -> int:  # a sentence's end and a date stay with the term
        m = pattern.search(sentence, end, ceiling)
        if m is None:
            return ceiling
        return m.start() if m.group().isspace() or m.group() == ">" else m.end()

    left, right = cut_left(_BREAK, 0), cut_right(_BREAK, len(sentence))
    if at - left > width:
        left = cut_left(_DATE, left)
    if right - end > width:
        right = cut_right(_DATE, right)
    left, right = max(left, at - width), min(right, end + width)
    text = sentence[left:right].strip()
    return ("…" if left > 0 else "") + text + ("…" if right < len(sentence.rstrip()) else "")


# -- 整改要求 -------------------------------------------------------------------------------------
class Inspected(Protocol):
    """What the requirements are built from: a run's report data (``report.ReportData``)."""

    columns: pd.DataFrame
    checks: pd.DataFrame | None
    late: pd.DataFrame | None
    findings: pd.DataFrame | None
    due_soon: pd.DataFrame | None

    @property
    def broken_links(self) -> pd.DataFrame: ...


def _units(frame: pd.DataFrame, each: str = "inspector.unit") -> str:
    """The responsible units of ``frame``'s rows with how many each (``each``: columns or
    messages), most first."""
    unnamed = t("bulletin.unit_unnamed")
    counts = frame["responsible"].fillna("").replace("", unnamed).value_counts(sort=True)
    parts = [t(each, unit=u, n=int(n)) for u, n in counts.items()]
    if len(parts) > UNITS_NAMED:
        return t("inspector.units_more", units=parts[:UNITS_NAMED], n=len(parts))
    return t("inspector.units", units=parts)


def _portals(checks: pd.DataFrame | None, item: str, outcomes: tuple[str, ...]) -> list[str]:
    if checks is None or checks.empty:
        return []
    hit = checks[(checks["item"] == item) & checks["outcome"].isin(outcomes)]
    return sorted(set(hit["portal_id"]))


def requirements(data: Inspected) -> list[str]:
    """The 整改要求 of a run: one requirement per kind of problem it found, with how many
    and which responsible units — only the problems there are. Empty when nothing needs
    correcting. The HTML report and the Word 通报 both print this list."""
    out = []
    for item, outcomes in (("site_unreachable", ("fail", "warn")), ("home_not_updated", ("fail",))):
        portals = _portals(data.checks, item, outcomes)
        if portals:
            out.append(t(f"inspector.rectify.{item}", portals=portals))
    cols = data.columns
    found_statuses = set(cols["status"].tolist())  # a mask only for the statuses there are (most portals: none)
    for status in BAD_COLUMNS:
        if status in found_statuses:
            bad = cols[cols["status"] == status]
            out.append(t(f"inspector.rectify.{status}", n=len(bad), units=_units(bad)))
    if data.late is not None and not data.late.empty:
        out.append(t("inspector.rectify.late", n=len(data.late), units=_units(data.late, "inspector.unit_messages")))
    found = data.findings
    if found is not None and not found.empty:
        wording, leaks = found[found["kind"] == "wording"], found[found["kind"] == "leak"]
        for key, hits in (("wording_serious", wording[wording["severity"] == "serious"]),
                          ("wording_suspected", wording[wording["severity"] != "serious"]), ("leak", leaks)):
            if not hits.empty:
                out.append(t(f"inspector.rectify.{key}", n=len(hits)))
    if not data.broken_links.empty:
        out.append(t("inspector.rectify.links", n=len(data.broken_links)))
    if data.due_soon is not None and not data.due_soon.empty:
        out.append(t("inspector.rectify.due_soon", n=len(data.due_soon), units=_units(data.due_soon)))
    return out
