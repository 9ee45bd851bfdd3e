"""Memory against the number of portals: the nightly-audit flow over farms of growing size.

Usage: .venv/bin/python bench/memory_bench.py [--sizes 10 40 160 --columns 30 --pages 3]
Each size runs twice in a fresh process (bench/flow_run.py): streamed, the way the flow runs
by default (8 portals crawling at once, validated and loaded 8 at a time), and holding the
whole run (every portal at once, one batch), the way a naive pipeline would. Prints peak RSS
of the flow's process and throughput for each.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from crawl_bench import run as run_script  # noqa: E402
from farm import Nginx, build  # noqa: E402


def run(catalog: Path, at_once: int, batch: int) -> dict:
    """One flow run in a fresh process (bench/flow_run.py), so each peak RSS is its own."""
    return run_script("flow_run.py", str(catalog), "--at-once", str(at_once), "--batch", str(batch))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10, 40, 160])
    ap.add_argument("--columns", type=int, default=30)
    ap.add_argument("--pages", type=int, default=3)
    ap.add_argument("--window", type=int, default=8)
    ap.add_argument("--port", type=int, default=18090)
    ap.add_argument("--streamed-only", action="store_true", help="skip the whole-run-held comparison")
    args = ap.parse_args()
    biggest = max(args.sizes)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "farm"
        full = yaml.safe_load(build(root, biggest, args.columns, args.pages, args.port).read_text(encoding="utf-8"))
        print(f"farm: up to {biggest} hosts × {args.columns} columns × {args.pages} pages (~28 KB each)")
        print(f"{'portals':>7} {'pages':>7} | {'streamed (window ' + str(args.window) + ')':>28} | {'whole run held':>28}")
        with Nginx(root, biggest, args.port):
            for n in sorted(args.sizes):
                catalog = Path(tmp) / f"farm-{n}.yaml"
                catalog.write_text(yaml.safe_dump({**full, "portals": full["portals"][:n]}, allow_unicode=True),
                                   encoding="utf-8")
                streamed = run(catalog, args.window, args.window)
                held = None if args.streamed_only else run(catalog, n, n)
                cells = [f"{r['peak_rss_mb']:>6,.0f} MB peak {r['pages'] / r['wall_s']:>6,.0f} pages/s" if r else "—"
                         for r in (streamed, held)]
                print(f"{n:>7} {streamed['pages']:>7,} | {cells[0]:>28} | {cells[1]:>28}", flush=True)


if __name__ == "__main__":
    main()
