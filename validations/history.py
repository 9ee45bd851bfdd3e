"""Periodic columns are judged on their record too: a monthly column that published in
June but skipped March, April and May missed three periods, though it is fresh today."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

_MONTHS = {"monthly": 1, "quarterly": 3, "halfyearly": 6, "yearly": 12}


def _period_index(d: date, months: int) -> int:
    return (d.year * 12 + d.month - 1) // months


def missed_periods(dates: Iterable[date], frequency_code: str, as_of: date) -> tuple[int, int] | None:
    """(missed, checked) over the complete calendar periods of the last 12 months before
    ``as_of``'s own period; None for frequencies without calendar periods.

    >>> missed_periods([date(2025, 1, 5), date(2025, 5, 9)], "quarterly", date(2025, 7, 1))
    (2, 4)
    """
    months = _MONTHS.get(frequency_code)
    if months is None:
        return None
    current = _period_index(as_of, months)
    checked = range(current - 12 // months, current)
    published = {_period_index(d, months) for d in dates if d and d <= as_of}
    return sum(1 for p in checked if p not in published), len(checked)
