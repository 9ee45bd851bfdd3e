"""Publish dates as Chinese portals write them: 2024-06-14, [2024-06-14], 2024/06/14,
2024.06.14, 2024年6月14日, full-width digits, and year-less 06-14 resolved against the run."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta, timezone

# table cells serialised without a space run two dates together ("2025-06-202025-06-25"):
# a two-digit day may be followed by the next date's year, and a year may follow a day.
# The separators agree — 2024-06-14, 2024.06.14, 2024年6月14日 — so a range in a title
# ("2018年1-7月…") is not read as 2018-01-07.
_DAY = r"(\d\d(?=(?:19|20)\d\d[-/.年])|\d{1,2}(?!\d))"
_FULL = re.compile(r"(?:(?<!\d)|(?<=[-/.]\d\d))((?:19|20)\d{2})\s*(?:年\s*(\d{1,2})\s*月|([-/.])\s*(\d{1,2})\s*\3)\s*"
                   + _DAY + r"\s*日?")
_YEARLESS = re.compile(r"(?<![\d\-/.年])(?:(\d{2})[-/](\d{2})|(\d{1,2})月(\d{1,2})日)(?![\d\-/.])")
# two-digit years, as some old templates print them ("20-09-22"): read only where no full date is
_SHORT_YEAR = re.compile(r"(?<![\d\-/.年])(\d{2})([-/.])(\d{2})\2(\d{2})(?![\d\-/.])")


def _make(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str, as_of: date | None = None, allow_yearless: bool = True,
               year_hint: date | str | None = None) -> list[date]:
    """All dates in ``text``, in order of appearance. Year-less dates take the year that
    puts them nearest ``year_hint`` (the date an item's URL carries: ``t20240322_…``,
    ``/202403/``) — a list showing "03-22" for an item of 2024 is not a year late — else the
    run's year, or the year before when that would put them more than a day in the future.
    ``year_hint`` may be the item's URL, read for its date only when a year-less date needs it."""
    text = unicodedata.normalize("NFKC", text)
    found: list[tuple[int, date]] = []
    spans: list[tuple[int, int]] = []
    for m in _FULL.finditer(text):
        d = _make(int(m.group(1)), int(m.group(2) or m.group(4)), int(m.group(5)))
        if d:
            found.append((m.start(), d))
            spans.append(m.span())
    if not found:
        ref = as_of or date.today()
        for m in _SHORT_YEAR.finditer(text):
            d = _make(2000 + int(m.group(1)), int(m.group(3)), int(m.group(4)))
            if d and d <= ref + timedelta(days=1):
                found.append((m.start(), d))
                spans.append(m.span())
    if allow_yearless and not found:
        ref = as_of or date.today()
        if isinstance(year_hint, str):
            year_hint = url_date(year_hint)
        for m in _YEARLESS.finditer(text):
            if any(a <= m.start() < b for a, b in spans):
                continue
            month, day = int(m.group(1) or m.group(3)), int(m.group(2) or m.group(4))
            if year_hint is not None:
                years = (year_hint.year - 1, year_hint.year, year_hint.year + 1)
                near = [c for c in (_make(y, month, day) for y in years) if c and c <= ref + timedelta(days=1)]
                d = min(near, key=lambda c: abs((c - year_hint).days)) if near else None
            else:
                d = _make(ref.year, month, day)
                if d and d > ref + timedelta(days=1):
                    d = _make(ref.year - 1, month, day)
            if d:
                found.append((m.start(), d))
    return [d for _, d in sorted(found, key=lambda p: p[0])]


_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-/]?(0[1-9]|1[0-2]|[1-9](?=/))"
                       r"(?:[-/]?(0[1-9]|[12]\d|3[01]|[1-9](?=/)))?(?=[_/.-]|$)")


def url_date(url: str) -> date | None:
    """The date a URL's path carries (``/202403/t20240322_1.html``, ``/art/2024/3/22/``,
    ``/c/2020-12-16/``): a year for a list that shows none. The day is the 15th when only
    the month is there."""
    path = url.split("?", 1)[0]
    for m in _URL_DATE.finditer(path):
        d = _make(int(m.group(1)), int(m.group(2)), int(m.group(3) or 15))
        if d:
            return d
    return None


def parse_date(text: str, as_of: date | None = None) -> date | None:
    """The first date in ``text`` or None."""
    dates = find_dates(text, as_of)
    return dates[0] if dates else None


CHINA = timezone(timedelta(hours=8))  # portals publish in Beijing time, whatever the server's clock says


def epoch_date(value: object) -> date | None:
    """A Unix timestamp (seconds or milliseconds, number or digit string) as a date in
    China time: 00:30 in Beijing is still the previous day in UTC, and an audit that read
    timestamps as UTC would date such items a day early."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        value = value.strip()
        if not value.isdigit():
            return None
        value = int(value)
    if not isinstance(value, (int, float)):
        return None
    if 1e12 <= value < 4.2e12:
        value = value / 1000
    if not 9e8 <= value < 4.2e9:  # 1998 … 2103: anything else is not a publish time
        return None
    return datetime.fromtimestamp(value, CHINA).date()
