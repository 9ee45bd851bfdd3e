"""Run summaries: the one line the CLI prints and the markdown a Prefect artifact shows.

A summary is filled batch by batch while a run streams through its portals, and stays
small however big the run: counts by status, one verdict per portal, and the columns that
need attention (stale, empty, unreachable, error), at most ``ATTENTION_ROWS`` of them, the
most overdue first. Every column's verdict is in the warehouse (``column_audits``).
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from .records import STATUSES, ColumnVerdict

ATTENTION = ("unreachable", "error", "empty", "stale")  # worst first
ATTENTION_ROWS = 2000
MARKDOWN_PORTALS = 200  # portal verdict rows in the markdown (failing portals first)


def _urgency(v: ColumnVerdict) -> tuple[int, int]:
    """Larger is more urgent: the status's rank, then days overdue."""
    return len(ATTENTION) - ATTENTION.index(v.status), v.days_since_update or 0


@dataclass
class RunSummary:
    run_id: str
    as_of: str
    ruleset: str
    warehouse: str
    counts: dict[str, int] = field(default_factory=dict)
    failed_portals: dict[str, str] = field(default_factory=dict)
    attention: list[ColumnVerdict] = field(default_factory=list)  # most urgent first, at most ATTENTION_ROWS
    portals: list = field(default_factory=list)  # validations.verdicts.PortalVerdict, one per portal
    data_docs: str | None = None

    def add(self, verdicts: Iterable[ColumnVerdict], portals: Iterable = ()) -> None:
        """Fold one batch's column and portal verdicts in."""
        counts = Counter(self.counts)
        needy = list(self.attention)
        for v in verdicts:
            counts[v.status] += 1
            if v.status in ATTENTION:
                needy.append(v)
        self.counts = {s: counts[s] for s in STATUSES if counts[s]}
        self.attention = heapq.nlargest(ATTENTION_ROWS, needy, key=_urgency)
        self.portals.extend(portals)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def attention_total(self) -> int:
        """All columns needing attention, listed in ``attention`` or not."""
        return sum(self.counts.get(s, 0) for s in ATTENTION)

    def line(self) -> str:
        parts = ", ".join(f"{n} {s}" for s, n in self.counts.items())
        return f"{self.total} columns: {parts}" if parts else "0 columns"

    def verdict_lines(self) -> list[str]:
        return [f"{p.portal_id}: {'pass' if p.passed else 'FAIL'}" + "".join(f"\n  - {r}" for r in p.reasons)
                for p in self.portals]

    def markdown(self, names: dict[tuple[str, str], str] | None = None) -> str:
        names = names or {}
        out = [f"# Audit {self.run_id} ({self.ruleset})", "", f"**{self.line()}**", "",
               "| status | columns |", "|---|---|"]
        out += [f"| {s} | {n} |" for s, n in self.counts.items()]
        if self.portals:
            shown = sorted(self.portals, key=lambda p: p.passed)[:MARKDOWN_PORTALS]
            failing = sum(1 for p in self.portals if not p.passed)
            out += ["", f"## Portal verdicts (单项否决): {failing} of {len(self.portals)} fail", "",
                    "| portal | verdict | reasons |", "|---|---|---|"]
            out += [f"| {p.portal_id} | {'pass' if p.passed else '**fail**'} | {'<br>'.join(p.reasons)} |" for p in shown]
            if len(self.portals) > len(shown):
                out.append(f"\n… {len(self.portals) - len(shown)} more portals in the warehouse (portal_verdicts).")
        for status in ATTENTION[::-1]:  # stale first: the reason most columns are listed
            rows = [v for v in self.attention if v.status == status]
            if not rows:
                continue
            out += ["", f"## {status} ({self.counts.get(status, 0)})", "",
                    "| portal | column | last published | days | allowed | detail |", "|---|---|---|---|---|---|"]
            for v in rows:
                name = names.get((v.portal_id, v.column_id), v.column_id)
                out.append(f"| {v.portal_id} | {name} | {v.last_published_on or ''} | {v.days_since_update if v.days_since_update is not None else ''} "
                           f"| {v.allowed_days if v.allowed_days is not None else ''} | {v.detail.replace('|', '/')} |")
        if self.attention_total > len(self.attention):
            out += ["", f"… {self.attention_total - len(self.attention)} more columns need attention: "
                        "see column_audits in the warehouse or `portal-audit report`."]
        if self.failed_portals:
            out += ["", "## portals that failed", ""] + [f"- {p}: {e}" for p, e in self.failed_portals.items()]
        return "\n".join(out) + "\n"
