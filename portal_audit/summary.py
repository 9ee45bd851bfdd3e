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
DUE_SOON_DAYS = 7  # 即将超期: fresh columns this close to their allowance
VERDICT_WORDS = {"pass": "pass", "fail": "FAIL", "unknown": "UNKNOWN (not every item could be judged)"}
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
    due_soon: list[ColumnVerdict] = field(default_factory=list)  # fresh, at most due_soon_days left
    due_soon_days: int = DUE_SOON_DAYS  # the ruleset's

    def add(self, verdicts: Iterable[ColumnVerdict], portals: Iterable = ()) -> None:
        """Fold one batch's column and portal verdicts in."""
        counts = Counter(self.counts)
        needy = list(self.attention)
        for v in verdicts:
            counts[v.status] += 1
            if v.status in ATTENTION:
                needy.append(v)
            elif v.status == "fresh" and v.allowed_days is not None and v.days_since_update is not None \
                    and v.allowed_days - v.days_since_update <= self.due_soon_days and len(self.due_soon) < ATTENTION_ROWS:
                self.due_soon.append(v)
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

    @property
    def warnings(self) -> list[tuple[str, str]]:
        """(portal, line) of every item that warns or could not be judged."""
        return [(p.portal_id, f"{'预警' if c.outcome == 'warn' else '无法判定'} {c.line}")
                for p in self.portals for c in p.checks if c.outcome in ("warn", "unknown")]

    @property
    def vetoed(self) -> int:
        return sum(1 for p in self.portals if p.verdict == "fail")

    def verdict_lines(self) -> list[str]:
        """Each portal's verdict and every single-veto item judged, worst first."""
        from validations.verdicts import OUTCOME_NAMES

        rank = {o: i for i, o in enumerate(("fail", "warn", "unknown", "pass"))}
        out = []
        for p in self.portals:
            lines = [f"{OUTCOME_NAMES.get(c.outcome, c.outcome)} {c.line}"
                     for c in sorted(p.checks, key=lambda c: rank.get(c.outcome, 0))]
            out.append(f"{p.portal_id}: {VERDICT_WORDS.get(p.verdict, p.verdict)}" + "".join(f"\n  - {x}" for x in lines))
        if self.due_soon:
            out.append(f"即将超期 (≤ {self.due_soon_days} days left): {len(self.due_soon)} columns — see the report's 即将超期 section")
        return out

    def alert(self, lines: int = 20) -> str:
        """The notification a run sends (empty when nothing vetoes, warns or falls due)."""
        warnings = [w for w in self.warnings if w[1].startswith("预警")]
        if not (self.vetoed or warnings or self.due_soon):
            return ""
        out = [f"政府网站检查 {self.run_id}：{self.vetoed}个网站单项否决，{len(warnings)}项预警，"
               f"{len(self.due_soon)}个栏目即将超期（{self.due_soon_days}天内）"]
        out += [f"{p.portal_id} 否决 {r}" for p in self.portals for r in p.reasons]
        out += [f"{pid} {line}" for pid, line in warnings]
        if len(out) > lines + 1:
            out = out[:lines + 1] + [f"… 另有{len(out) - lines - 1}条，见运行报告"]
        return "\n".join(out)

    def markdown(self, names: dict[tuple[str, str], str] | None = None) -> str:
        names = names or {}
        out = [f"# Audit {self.run_id} ({self.ruleset})", "", f"**{self.line()}**", "",
               "| status | columns |", "|---|---|"]
        out += [f"| {s} | {n} |" for s, n in self.counts.items()]
        if self.portals:
            rank = {"fail": 0, "unknown": 1, "pass": 2}
            shown = sorted(self.portals, key=lambda p: rank.get(p.verdict, 1))[:MARKDOWN_PORTALS]
            out += ["", f"## Portal verdicts (单项否决): {self.vetoed} of {len(self.portals)} fail", "",
                    "| portal | verdict | items |", "|---|---|---|"]
            out += [f"| {p.portal_id} | {'**fail**' if p.verdict == 'fail' else p.verdict} | "
                    + "<br>".join(f"{c.outcome}: {c.line}".replace("|", "/") for c in p.checks
                                  if c.outcome != "pass") + " |" for p in shown]
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
        if self.due_soon:
            out += ["", f"## 即将超期 (≤ {self.due_soon_days} days left): {len(self.due_soon)}", "",
                    "| portal | column | last published | days | allowed |", "|---|---|---|---|---|"]
            out += [f"| {v.portal_id} | {names.get((v.portal_id, v.column_id), v.column_id)} | {v.last_published_on} "
                    f"| {v.days_since_update} | {v.allowed_days} |" for v in self.due_soon]
        if self.failed_portals:
            out += ["", "## portals that failed", ""] + [f"- {p}: {e}" for p, e in self.failed_portals.items()]
        return "\n".join(out) + "\n"
