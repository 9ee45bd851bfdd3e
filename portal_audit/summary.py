"""Run summaries: the one line the CLI prints and the markdown a Prefect artifact shows.

A summary is filled batch by batch while a run streams through its portals, and stays
small however big the run: counts by status, one verdict per portal, and the columns that
need attention (stale, empty, unreachable, error), at most ``ATTENTION_ROWS`` of them, the
most overdue first. Every column's verdict is in the warehouse (``column_audits``).
"""

from __future__ import annotations

import heapq
import pickle
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar, overload

from .i18n import coded, fmt_date, label, status_label, t
from .records import SECURITY, STATUSES, ColumnVerdict
from .text import md_cell

ATTENTION = ("unreachable", "error", "empty", "stale")  # worst first
ATTENTION_ROWS = 2000
DUE_SOON_DAYS = 7  # 即将超期: fresh columns this close to their allowance
MARKDOWN_PORTALS = 200  # portal verdict rows in the markdown (failing portals first)


READ_ORDER = ("static", "island", "api", "browser", "none")

T = TypeVar("T")


class Packed(Sequence[T]):
    """A list kept pickled and compressed, item by item, read back as it is iterated.

    Why: a national run keeps a verdict per portal in its summary until the run ends — seven
    checks and their messages each, ~5 KB a portal as objects, 70-90 MB at 14,000 portals,
    most of a run's growth. Packed, a verdict takes 0.1-0.2 KB: each is compressed against a
    dictionary of the first ones' own bytes (their class paths, keys and usual words), which
    shrinks one verdict 10x where compressing it alone halves it. A verdict of 15 checks packs in
    ~0.1 ms and decodes in ~75 µs (measured beside the test suite), and a summary reads its
    verdicts about a dozen times once the run has ended: ~13 s of a 14,000-portal run's 70 minutes
    of CPU."""

    ZDICT_FROM = 8  # items whose pickles make the dictionary

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._blobs: list[bytes] = []
        self._zdict = b""
        self.extend(items)

    def extend(self, items: Iterable[T]) -> None:
        raw = [pickle.dumps(item, pickle.HIGHEST_PROTOCOL) for item in items]
        if not self._zdict and raw:
            self._zdict = b"".join(raw[:self.ZDICT_FROM])[-32768:]  # zlib's window: a dictionary's last 32 KB
        for r in raw:
            packer = zlib.compressobj(zdict=self._zdict)
            self._blobs.append(packer.compress(r) + packer.flush())

    def sort(self, *, key: Callable[[T], Any], reverse: bool = False) -> None:
        self._blobs.sort(key=lambda blob: key(self._unpack(blob)), reverse=reverse)

    def _unpack(self, blob: bytes) -> T:
        return pickle.loads(zlib.decompressobj(zdict=self._zdict).decompress(blob))

    @overload
    def __getitem__(self, i: int) -> T: ...

    @overload
    def __getitem__(self, i: slice) -> list[T]: ...

    def __getitem__(self, i: int | slice) -> T | list[T]:
        if isinstance(i, slice):
            return [self._unpack(b) for b in self._blobs[i]]
        return self._unpack(self._blobs[i])

    def __iter__(self) -> Iterator[T]:
        return (self._unpack(b) for b in self._blobs)

    def __len__(self) -> int:
        return len(self._blobs)

    def __repr__(self) -> str:
        return f"Packed({len(self)} items, {sum(map(len, self._blobs)):,} bytes)"


def read_by_line(counts: dict[str, int]) -> str:
    return t("cli.read_by", ways=[t(f"cli.read_{k}", n=counts[k]) for k in READ_ORDER if counts.get(k)])


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
    portals: Packed = field(default_factory=Packed)  # validations.verdicts.PortalVerdict, one per portal
    data_docs: str | None = None
    due_soon: list[ColumnVerdict] = field(default_factory=list)  # fresh, at most due_soon_days left
    due_soon_days: int = DUE_SOON_DAYS  # the ruleset's
    read_by: dict[str, int] = field(default_factory=dict)  # columns by how their lists were read

    def add(self, verdicts: Iterable[ColumnVerdict], portals: Iterable = (),
            read_by: dict[str, int] | None = None) -> None:
        """Fold one batch's column and portal verdicts (and how its lists were read) in."""
        self.read_by = dict(Counter(self.read_by) + Counter(read_by or {}))
        counts = Counter(self.counts)
        needy = list(self.attention)
        for v in verdicts:
            counts[v.status] += 1
            if v.status in ATTENTION:
                needy.append(v)
            elif v.status == "fresh" and v.allowed_days is not None and v.days_since_update is not None \
                    and v.allowed_days - v.days_since_update <= self.due_soon_days \
                    and len(self.due_soon) < ATTENTION_ROWS:
                self.due_soon.append(v)
        self.counts = {s: counts[s] for s in STATUSES if counts[s]}
        self.attention = heapq.nlargest(ATTENTION_ROWS, needy, key=_urgency)
        self.portals.extend(portals)

    def read_by_line(self) -> str:
        """How the run read the columns' lists: "列表读取方式：静态页面52个、页面内嵌数据5个…" —
        a render costs ~100× a static page, so a run says how many it paid for."""
        return read_by_line(self.read_by)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def attention_total(self) -> int:
        """All columns needing attention, listed in ``attention`` or not."""
        return sum(self.counts.get(s, 0) for s in ATTENTION)

    def line(self) -> str:
        parts = [t("summary.count", n=n, status=status_label(s)) for s, n in self.counts.items()]
        return t("summary.line", total=self.total, parts=parts) if parts else t("summary.none")

    @property
    def warnings(self) -> list[tuple[str, str]]:
        """(portal, line) of every item that warns (预警)."""
        return [(p.portal_id, f"{label('outcome', c.outcome)} {c.line}") for p in self.portals for c in p.checks
                if c.outcome == "warn"]

    @property
    def vetoed(self) -> int:
        return sum(1 for p in self.portals if p.verdict == "fail")

    def verdict_lines(self) -> list[str]:
        """Each portal's verdict and every single-veto item judged, worst first."""
        rank = {o: i for i, o in enumerate(("fail", "warn", "unknown", "pass"))}
        out = []
        for p in self.portals:
            lines = [f"{label('outcome', c.outcome)} {c.line}"
                     for c in sorted(p.checks, key=lambda c: rank.get(c.outcome, 0))]
            out.append(t("verdict.heading", portal=p.portal_id, verdict=coded("verdict", p.verdict))
                       + "".join(f"\n  - {x}" for x in lines))
        if self.due_soon:
            out.append(t("summary.due_soon_line", days=self.due_soon_days, n=len(self.due_soon)))
        return out

    def alert(self, lines: int = 20) -> str:
        """The notification a run sends (empty when nothing vetoes, warns, falls due or fails a
        security check: 暗链 and tampering are as urgent as a veto)."""
        warnings = self.warnings
        failed = label("indicator_outcome", "fail")
        insecure = [f"{p.portal_id} {failed} {c.line}" for p in self.portals for c in p.indicators
                    if c.item in SECURITY and c.outcome == "fail"]
        if not (self.vetoed or warnings or self.due_soon or insecure):
            return ""
        out = [t("summary.alert_head", run=self.run_id, vetoed=self.vetoed, warnings=len(warnings),
                 due=len(self.due_soon), days=self.due_soon_days)]
        out += [f"{p.portal_id} {label('outcome', 'fail')} {r}" for p in self.portals for r in p.reasons]
        out += insecure
        out += [f"{pid} {line}" for pid, line in warnings]
        if len(out) > lines + 1:
            out = out[:lines + 1] + [t("summary.alert_more", n=len(out) - lines - 1)]
        return "\n".join(out)

    def markdown(self, names: dict[tuple[str, str], str] | None = None) -> str:
        names = names or {}
        out = [f"# {t('summary.md_title', run=self.run_id, ruleset=self.ruleset)}", "", f"**{self.line()}**", "",
               f"| {t('col.status')} | {t('col.columns')} |", "|---|---|"]
        out += [f"| {status_label(s)} | {n} |" for s, n in self.counts.items()]
        if self.portals:
            rank = {"fail": 0, "unknown": 1, "pass": 2}
            # as sorted(…)[:MARKDOWN_PORTALS], holding only the rows shown (the portals are packed)
            shown = heapq.nsmallest(MARKDOWN_PORTALS, self.portals, key=lambda p: rank.get(p.verdict, 1))
            out += ["", f"## {t('summary.md_verdicts', vetoed=self.vetoed, portals=len(self.portals))}", "",
                    f"| {t('col.portal_id')} | {t('col.verdict')} | {t('summary.md_items')} |", "|---|---|---|"]
            out += [f"| {md_cell(p.portal_id)} | {self._verdict_cell(p.verdict)} | "
                    + "<br>".join(md_cell(f"{label('outcome', c.outcome)}：{c.line}") for c in p.checks
                                  if c.outcome != "pass") + " |" for p in shown]
            if len(self.portals) > len(shown):
                out.append("\n" + t("summary.md_more_portals", n=len(self.portals) - len(shown)))
        head = " | ".join(t(k) for k in ("col.portal_id", "col.path", "col.last_published_on", "col.days_since_update",
                                          "col.allowed_days", "col.detail"))
        for status in ATTENTION[::-1]:  # stale first: the reason most columns are listed
            rows = [v for v in self.attention if v.status == status]
            if not rows:
                continue
            out += ["", f"## {status_label(status)} ({self.counts.get(status, 0)})", "", f"| {head} |",
                    "|---|---|---|---|---|---|"]
            for v in rows:
                name = names.get((v.portal_id, v.column_id), v.column_id)
                out.append(f"| {md_cell(v.portal_id)} | {md_cell(name)} | {fmt_date(v.last_published_on)} | "
                           f"{v.days_since_update if v.days_since_update is not None else ''} "
                           f"| {v.allowed_days if v.allowed_days is not None else ''} | {md_cell(v.detail)} |")
        for key, items in (("summary.md_security", SECURITY), ("summary.md_indicators", None)):
            found = self._findings(items)
            if found:
                out += ["", f"## {t(key, n=len(found))}", "", f"| {t('col.portal_id')} | {t('summary.md_found')} |",
                        "|---|---|"]
                out += [f"| {md_cell(pid)} | " + "<br>".join(
                    md_cell(f"{label('indicator_outcome', c.outcome)}：{c.line}") for c in checks) + " |"
                    for pid, checks in found]
        if self.attention_total > len(self.attention):
            out += ["", t("summary.md_more_columns", n=self.attention_total - len(self.attention))]
        if self.due_soon:
            out += ["", f"## {t('summary.md_due_soon', days=self.due_soon_days, n=len(self.due_soon))}", "",
                    "| " + " | ".join(t(k) for k in ("col.portal_id", "col.path", "col.last_published_on",
                                                    "col.days_since_update", "col.allowed_days")) + " |",
                    "|---|---|---|---|---|"]
            out += [f"| {md_cell(v.portal_id)} | {md_cell(names.get((v.portal_id, v.column_id), v.column_id))} | "
                    f"{fmt_date(v.last_published_on)} | {v.days_since_update} | {v.allowed_days} |"
                    for v in self.due_soon]
        if self.failed_portals:
            out += ["", f"## {t('summary.md_failed_portals')}", ""] + [f"- {md_cell(p)}: {md_cell(e)}"
                                                                       for p, e in self.failed_portals.items()]
        return "\n".join(out) + "\n"

    def _findings(self, items: tuple[str, ...] | None) -> list[tuple[str, list]]:
        """(portal, its checks that fail or warn, failing first) of the security checks
        (``items``: ``SECURITY``) or, with None, of the other supervision indicators; portals
        with a failing check first, at most ``MARKDOWN_PORTALS``."""
        def found() -> Iterator[tuple[str, list]]:
            for p in self.portals:
                bad = sorted((c for c in p.indicators if c.outcome in ("fail", "warn")
                              and (c.item in items if items is not None else c.item not in SECURITY)),
                             key=lambda c: c.outcome != "fail")
                if bad:
                    yield p.portal_id, bad
        # as sorted(…)[:MARKDOWN_PORTALS], holding only the rows shown
        return heapq.nsmallest(MARKDOWN_PORTALS, found(), key=lambda pc: pc[1][0].outcome != "fail")

    @staticmethod
    def _verdict_cell(verdict: str) -> str:
        name = coded("verdict", verdict)
        return f"**{name}**" if verdict == "fail" else name
