"""Memory against the number of portals: ``portal-audit audit`` (the CLI, through the
flow) over synthetic portals served by bench/synth.py, each size in a fresh process.

Usage: .venv/bin/python bench/memory_bench.py [--sizes 160 2000 14000 --columns 5]
Politeness is 8 per host and no delay, the CPU-bound case where the most pages are in
flight at once. Prints wall, CPU (the command and its API server), whether every verdict is
right, and peak resident memory per process: the audit's own and its shards' crawl
processes' (the figures the ≤ 400 MB target is about), and the temporary Prefect API
server's, a child process the command starts. ``wait4`` reports only the largest, so each
is sampled here (their kernel high-water marks, VmHWM, read every 0.2 s) with the largest
sum of them all at once (the forkserver the crawls are forked from included), as PSS: pages
the processes share counted once.
Each size runs with a Prefect home of its own: the ephemeral server's database starts
empty (its size is not this run's), and host slots a killed run left taken on the shared
one (the leases live in that server's memory and die with it) cannot stall the bench.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from audit_cli import run_audit_cli  # noqa: E402
from procs import Sampler, children, processes  # noqa: E402
from synth import AS_OF, catalog, serving, truth  # noqa: E402

SAMPLE_EVERY = 0.2  # seconds


def _status(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of ``pid`` in MB ({} once it is gone)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            return {k: int(v.split()[0]) // 1024 for k, _, v in (line.partition(":") for line in status)
                    if k in ("VmRSS", "VmHWM")}
    except (OSError, ValueError):
        return {}


def _pss(pid: int) -> int:
    """``pid``'s proportional set size in MB: its private pages and its share of those it
    shares (a crawl process shares most of the forkserver's it was forked from; summing
    their RSS would count those pages twice)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            return next((int(line.split()[1]) // 1024 for line in rollup if line.startswith("Pss:")), 0)
    except (OSError, ValueError):
        return 0


class Peaks(Sampler):
    """Samples, while the body runs, the ``portal-audit`` process this one starts (a child
    whose command line names it) and its descendants: the temporary API server (forked from
    it: a child with its command line), and the
    shards' crawl processes (children of Python's forkserver, which the command starts), and
    any other child, kept apart (a catalog once parsed in a child process peaked at 522 MB at
    14,000 portals, and was read here as the API server's)."""

    every = SAMPLE_EVERY

    def __init__(self) -> None:
        self.audit = self.crawler = self.server = self.other = self.together = 0
        self._pid: int | None = None
        super().__init__()

    def _audit_pid(self) -> int | None:
        for pid in children(os.getpid()):
            if any(os.path.basename(arg) == b"portal-audit" for arg in _cmdline(pid)):
                return pid
        return None

    def sample(self) -> None:
        pid = self._pid = self._pid or self._audit_pid()
        own = _status(pid) if pid is not None else {}
        if pid is None or not own:
            return
        procs = processes()
        kids = [child for child, (_, parent, _) in procs.items() if parent == pid]
        forkservers = [k for k in kids if any(b"forkserver" in arg for arg in _cmdline(k))]
        crawlers = [_status(c) for c, (_, parent, _) in procs.items() if parent in forkservers]
        # the API server: forked from the command (its command line), or a ``python -m uvicorn``
        servers = [k for k in kids if _cmdline(k) == _cmdline(pid) or any(b"uvicorn" in arg for arg in _cmdline(k))]
        others = [_status(k) for k in kids if k not in forkservers and k not in servers]
        everyone = [pid, *kids, *(c for c, (_, parent, _) in procs.items() if parent in forkservers)]
        self.audit = max(self.audit, own.get("VmHWM", 0))
        self.crawler = max([self.crawler] + [c.get("VmHWM", 0) for c in crawlers])
        self.server = max([self.server] + [_status(s).get("VmHWM", 0) for s in servers])
        self.other = max([self.other] + [o.get("VmHWM", 0) for o in others])
        self.together = max(self.together, sum(_pss(p) for p in everyone))


def _cmdline(pid: int) -> list[bytes]:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            return cmdline.read().split(b"\0")
    except OSError:
        return []


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[160, 2000])
    ap.add_argument("--columns", type=int, default=5)
    ap.add_argument("--port", type=int, default=18090)
    ap.add_argument("--links", choices=["site", "none"], default="site",
                    help="link checks (the portals' own links, 100 a portal: most of a night's requests) or none")
    args = ap.parse_args()
    print(f"synthetic portals × {args.columns} columns × up to 3 pages (~30 KB), 8 per host, no delay, "
          f"links checked: {args.links}")
    print(f"{'portals':>7} {'columns':>8} {'fetches':>8} {'links':>8} {'audit peak':>10} {'crawler':>10} "
          f"{'API server':>10} {'others':>8} {'together':>9} "
          f"{'wall':>7} {'CPU':>7} verdicts")
    with tempfile.TemporaryDirectory() as tmp, serving(args.port):
        for n in args.sizes:
            path = Path(tmp) / f"synth-{n}.yaml"
            cat = catalog(n, args.columns, args.port, politeness={"delay": 0, "concurrency_per_host": 8})
            cat["checks"] = {**cat.get("checks", {}), "links": args.links}
            path.write_text(yaml.safe_dump(cat, allow_unicode=True), encoding="utf-8")
            os.environ["PREFECT_HOME"] = str(Path(tmp) / f"prefect-{n}")  # inherited by the command
            with Peaks() as peaks:
                r = run_audit_cli(path, AS_OF.isoformat(), "--data-docs", "", "--reports", "")
            wrong = sum(1 for (p, c), s in r["statuses"].items() if s != truth(int(p[1:]), int(c[1:])))
            print(f"{n:>7} {r['columns']:>8,} {r['pages']:>8,} {r['links_fetched']:>8,} "
                  f"{peaks.audit:>7,} MB {peaks.crawler:>7,} MB {peaks.server:>7,} MB {peaks.other:>5,} MB "
                  f"{peaks.together:>6,} MB {r['wall_s']:>6.1f}s {r['cpu_s']:>6.1f}s "
                  f"{'all right' if not wrong else f'{wrong} WRONG'}", flush=True)


if __name__ == "__main__":
    main()
