"""Run summaries: the one line the CLI prints and the markdown a Prefect artifact shows."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .records import STATUSES, ColumnVerdict


@dataclass
class RunSummary:
    run_id: str
    as_of: str
    ruleset: str
    warehouse: str
    counts: dict[str, int] = field(default_factory=dict)
    failed_portals: dict[str, str] = field(default_factory=dict)
    verdicts: list[ColumnVerdict] = field(default_factory=list)
    portals: list = field(default_factory=list)  # validations.verdicts.PortalVerdict
    data_docs: str | None = None

    @classmethod
    def of(cls, verdicts: list[ColumnVerdict], **kw) -> "RunSummary":
        counts = Counter(v.status for v in verdicts)
        return cls(counts={s: counts[s] for s in STATUSES if counts[s]}, verdicts=verdicts, **kw)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

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
            out += ["", "## Portal verdicts (单项否决)", "", "| portal | verdict | reasons |", "|---|---|---|"]
            out += [f"| {p.portal_id} | {'pass' if p.passed else '**fail**'} | {'<br>'.join(p.reasons)} |" for p in self.portals]
        for status in ("stale", "empty", "unreachable", "error"):
            rows = [v for v in self.verdicts if v.status == status]
            if not rows:
                continue
            out += ["", f"## {status} ({len(rows)})", "", "| portal | column | last published | days | allowed | detail |",
                    "|---|---|---|---|---|---|"]
            rows.sort(key=lambda v: -(v.days_since_update or 0))
            for v in rows:
                name = names.get((v.portal_id, v.column_id), v.column_id)
                out.append(f"| {v.portal_id} | {name} | {v.last_published_on or ''} | {v.days_since_update if v.days_since_update is not None else ''} "
                           f"| {v.allowed_days if v.allowed_days is not None else ''} | {v.detail.replace('|', '/')} |")
        if self.failed_portals:
            out += ["", "## portals that failed", ""] + [f"- {p}: {e}" for p, e in self.failed_portals.items()]
        return "\n".join(out) + "\n"
