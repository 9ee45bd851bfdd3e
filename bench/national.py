"""A national night, simulated: one shard of the country's ~14,000 portals × 75 columns,
synthesised on loopback by bench/synth.py, audited by ``portal-audit audit`` (the CLI,
through the flow) at the catalog's default politeness (2 requests at a time per host,
0.5 s apart), and the machines a million columns between 01:00 and 07:00 would take.

A share of the columns is drawn by script (``--scripted``, 20 % by default, and the same
shard without them for comparison): the first night renders those whose API the extractor
does not know in headless Chromium and learns it, a later night reads the learnt APIs
directly; lists of platforms it knows are read from their APIs both nights.

Usage: .venv/bin/python bench/national.py [--portals 64 --columns 75 --first 7000 --scripted 0.2 0]
Prints, per share and night: columns/s, CPU per column (every process's, Chromium's
renderers included, and Chromium's apart),
pages rendered and rendered per second, how the lists were read, peak RSS, whether every
verdict is right (static and script-drawn columns apart), and the estimate.
"""

from __future__ import annotations

import argparse
import ctypes
import math
import os
import resource
import sys
import tempfile
import time
from collections import Counter, defaultdict
from contextlib import suppress
from datetime import timedelta
from pathlib import Path

import yaml
from sqlalchemy import create_engine, text

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from audit_cli import run_audit_cli  # noqa: E402
from procs import Sampler, processes  # noqa: E402
from synth import AS_OF, DRAWN, catalog, serving, shape, truth  # noqa: E402

NIGHT_SECONDS = 6 * 3600  # 01:00–07:00
COLUMNS = 1_000_000
PR_SET_CHILD_SUBREAPER = 36


def adopt_orphans() -> None:
    """Make this process the reaper of its descendants' orphans. When a crawl closes
    Chromium, the processes that ran its pages (its zygote's children) outlive the browser
    and are orphaned: reaped by init, their CPU reaches no one's rusage — not the audit's
    wait4, which then misses much of Chromium's CPU (60 renders of the demo's script-drawn
    pages: 20.4 s seen of 33.4 s used). Adopted and reaped here (``reap_orphans``),
    RUSAGE_CHILDREN counts them."""
    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER)")


def reap_orphans(keep: int, wait_s: float = 10.0) -> int:
    """Reap the processes a night left to this process (all but ``keep``, the server),
    waiting up to ``wait_s`` for them to end; returns how many were still running then."""
    deadline = time.monotonic() + wait_s
    while True:
        left = [pid for pid, (_, parent, _) in processes().items() if parent == os.getpid() and pid != keep]
        for pid in left:
            with suppress(ChildProcessError):
                os.waitpid(pid, os.WNOHANG)
        if not left or time.monotonic() > deadline:
            return len(left)
        time.sleep(0.1)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class BrowserWatch(Sampler):
    """Chromium's share of the CPU and its memory while a night runs, read from /proc
    every second: its processes are many, each small, and some end between samples.

    Each browser's process tree is summed — a process's own time and that of the children
    it has reaped, so a page's process that ends between two samples is still counted by
    the zygote that reaped it — and kept at its largest: the tree shrinks as the crawl
    closes the browser (its last second may be missed). A process keeps the browser it was
    first seen under, orphaned or not. Memory is the trees' proportional set size (shared
    pages counted once), at its peak. A sample reads every process's stat: once a second
    costs ~1 % of a core, four times ~6 %."""

    def __init__(self) -> None:
        self.cpu: dict[int, float] = {}  # browser process → CPU seconds of its tree, largest seen
        self.browser_of: dict[int, int] = {}  # Chromium process → its browser process
        self.peak_pss_mb = 0.0
        super().__init__()

    @property
    def cpu_s(self) -> float:
        return sum(self.cpu.values())

    def sample(self) -> None:
        procs = processes()
        children: dict[int, list[int]] = defaultdict(list)
        for pid, (_, parent, _) in procs.items():
            children[parent].append(pid)
        mine, stack = [], [os.getpid()]  # this process's descendants: the audit's browser, not another's
        while stack:
            for child in children[stack.pop()]:
                mine.append(child)
                stack.append(child)
        trees: dict[int, float] = defaultdict(float)
        pss = 0.0
        for pid in mine:
            name, _, cpu = procs[pid]
            if name == "chromium":
                trees[self._browser(pid, procs)] += cpu
                pss += _pss_mb(pid)
        for browser, cpu in trees.items():
            self.cpu[browser] = max(self.cpu.get(browser, 0.0), cpu)
        self.peak_pss_mb = max(self.peak_pss_mb, pss)

    def _browser(self, pid: int, procs: dict[int, tuple[str, int, float]]) -> int:
        """The browser process ``pid`` belongs to: its topmost Chromium ancestor when first seen."""
        chain = [pid]
        while chain[-1] not in self.browser_of and procs.get(procs[chain[-1]][1], ("",))[0] == "chromium":
            chain.append(procs[chain[-1]][1])
        browser = self.browser_of.get(chain[-1], chain[-1])
        for p in chain:
            self.browser_of[p] = browser
        return browser


def _pss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:  # ended meanwhile, or not ours to read
        pass
    return 0.0


def night_figures(warehouse: str, run_id: str) -> dict:
    """What a night did, from its warehouse: how each list was read, and the pages rendered
    with the seconds each held a browser slot (median, and all of them together): its
    requests wait there behind the host's politeness too."""
    with create_engine(warehouse).connect() as conn:
        held = sorted(ms for (ms,) in conn.execute(text(
            "select elapsed_ms from page_fetches where run_id = :r and url like '%#rendered'"), {"r": run_id}))
        read = Counter({method or "none": n for method, n in conn.execute(text(
            "select extraction, count(*) from column_audits where run_id = :r group by extraction"), {"r": run_id})})
        security = Counter({(item, outcome): n for item, outcome, n in conn.execute(text(
            "select item, outcome, count(*) from portal_checks where run_id = :r and item in "
            "('hidden_links', 'script_origins', 'defacement', 'https') group by item, outcome"), {"r": run_id})})
    return {"rendered": len(held), "read": read, "render_s": (held[len(held) // 2] / 1000, sum(held) / 1000)
            if held else (0.0, 0.0), "security": security}


def verdicts(statuses: dict[tuple[str, str], str], scripted: float) -> tuple[Counter, list[str]]:
    """Right verdicts per kind of column (static, each drawn shape) out of how many, and the
    wrong ones named."""
    right: Counter = Counter()
    wrong = []
    for (p, c), status in sorted(statuses.items()):
        k, j = int(p[1:]), int(c[1:])
        kind = shape(k, j, scripted)
        right[(kind, "all")] += 1
        if status == truth(k, j):
            right[(kind, "right")] += 1
        else:
            wrong.append(f"{p}/{c} ({kind}): {status}, should be {truth(k, j)}")
    return right, wrong


def run_share(args: argparse.Namespace, scripted: float, tmp: str, server: int) -> list[dict]:
    """Audit the shard ``args.nights`` nights in a row into one warehouse, a share
    ``scripted`` of its columns drawn by script. A night's CPU is that of every process it
    ran, Chromium's orphans included (``adopt_orphans``); ``server`` is not one of them."""
    path = Path(tmp) / f"national-shard-{scripted}.yaml"
    politeness = {"browser_pages": args.browser_pages} if args.browser_pages else None
    path.write_text(yaml.safe_dump(catalog(args.portals, args.columns, args.port, args.first, politeness, scripted),
                                   allow_unicode=True), encoding="utf-8")
    warehouse = f"sqlite:///{tmp}/w-{scripted}.db"
    nights = []
    for night in range(args.nights):  # a later night: learnt APIs, conditional requests, links found working skipped
        as_of = (AS_OF + timedelta(days=night)).isoformat()
        cpu = children_cpu()
        with BrowserWatch() as watch:
            r = run_audit_cli(path, as_of, warehouse=warehouse)
            running = reap_orphans(keep=server)
        nights.append({**r, **night_figures(warehouse, as_of), "wait4_cpu_s": r["cpu_s"],
                       "cpu_s": children_cpu() - cpu, "browser_cpu_s": watch.cpu_s,
                       "browser_pss_mb": watch.peak_pss_mb, "orphans_running": running})
    return nights


def report(args: argparse.Namespace, scripted: float, nights: list[dict]) -> None:
    print(f"\n== {scripted:.0%} of the columns drawn by script "
          f"({', '.join(DRAWN)}: rendered the first night if their API is unknown) ==")
    print(f"shard: portals {args.first}–{args.first + args.portals - 1} × {args.columns} columns, default politeness "
          f"(2 per host, 0.5 s delay, {args.browser_pages or 4} pages rendering at once); {nights[0]['summary']}")
    for night, r in enumerate(nights, start=1):
        right, wrong = verdicts(r["statuses"], scripted)
        kinds = [k for k in ("static", *DRAWN) if right[(k, "all")]]
        read = ", ".join(f"{method} {n:,}" for method, n in r["read"].most_common())
        print(f"night {night}: {r['columns']:,} columns, {r['pages']:,} page fetches, {r['links']:,} links "
              f"({r['links_fetched']:,} fetched) in {r['wall_s']:.0f} s: {r['columns'] / r['wall_s']:.1f} columns/s, "
              f"{1000 * r['cpu_s'] / r['columns']:.1f} ms CPU per column "
              f"({100 * r['cpu_s'] / r['wall_s']:.0f} % of a core; the audit's wait4 saw "
              f"{1000 * r['wait4_cpu_s'] / r['columns']:.1f}), peak RSS {r['peak_rss_mb']:,.0f} MB"
              + (f"; {r['orphans_running']} processes left running" if r["orphans_running"] else ""))
        rendered = r["rendered"]
        median, held = r["render_s"]
        print(f"  lists read: {read}; {rendered:,} pages rendered, {rendered / r['wall_s']:.2f} per second"
              + (f", each holding a browser slot {median:.1f} s (median; {held / r['wall_s']:.1f} slots busy on "
                 f"average); Chromium {1000 * r['browser_cpu_s'] / r['columns']:.1f} ms of the CPU per column "
                 f"({1000 * r['browser_cpu_s'] / rendered:.0f} ms per page rendered), "
                 f"peak {r['browser_pss_mb']:,.0f} MB (PSS, all its processes)" if rendered else ""))
        print("  verdicts " + ("all right" if not wrong else f"{len(wrong)} WRONG") + ": " + ", ".join(
            f"{kind} {right[(kind, 'right')]:,}/{right[(kind, 'all')]:,}" for kind in kinds))
        for line in wrong[:20]:
            print(f"    {line}")
        # the shard plants no hidden link, injected script or tampering: any warn or fail of those is false;
        # its portals serve plain HTTP on loopback ports, which the https check rightly warns of
        security = r["security"]
        false = sum(n for (item, outcome), n in security.items() if item != "https" and outcome in ("warn", "fail"))
        print("  security checks: " + ", ".join(f"{item} {outcome} {n}" for (item, outcome), n in sorted(
            security.items())) + f"; false positives {false}")
    for name, r in [("a first night", nights[0])] + [("a later night", nights[-1])] * (len(nights) > 1):
        rate = r["columns"] / r["wall_s"]
        parts = math.ceil(COLUMNS / (rate * NIGHT_SECONDS))
        cores = COLUMNS * r["cpu_s"] / r["columns"] / NIGHT_SECONDS
        print(f"1,000,000 columns in 6 hours need {COLUMNS / NIGHT_SECONDS:.0f} columns/s: {parts} parts at "
              f"{name}'s rate (nightly-audit with parts: {parts}, a flow run each), {cores:.1f} cores of CPU, "
              f"{COLUMNS * r['rendered'] / r['columns'] / NIGHT_SECONDS:.1f} pages rendered per second")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--portals", type=int, default=64)
    ap.add_argument("--columns", type=int, default=75)
    ap.add_argument("--first", type=int, default=7000, help="number of the shard's first portal (of ~14,000)")
    ap.add_argument("--port", type=int, default=18095)
    ap.add_argument("--nights", type=int, default=2, help="nights audited in a row into one warehouse")
    ap.add_argument("--scripted", type=float, nargs="+", default=[0.2, 0.0],
                    help="shares of the columns drawn by script, each audited in its own warehouse")
    ap.add_argument("--browser-pages", type=int, help="the catalog's browser_pages (pages rendering at once; 4 unset)")
    args = ap.parse_args()
    adopt_orphans()
    with tempfile.TemporaryDirectory() as tmp, serving(args.port) as server:
        for scripted in args.scripted:
            report(args, scripted, run_share(args, scripted, tmp, server.pid))


if __name__ == "__main__":
    main()
