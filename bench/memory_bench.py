"""Memory against the number of portals: ``portal-audit audit`` (the CLI, through the
flow) over synthetic portals served by bench/synth.py, each size in a fresh process.

Usage: .venv/bin/python bench/memory_bench.py [--sizes 160 2000 --columns 5]
Politeness is 8 per host and no delay, the CPU-bound case where the most pages are in
flight at once. Prints peak RSS, wall, CPU and whether every verdict is right.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from audit_cli import run_audit_cli  # noqa: E402
from synth import AS_OF, catalog, serving, truth  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[160, 2000])
    ap.add_argument("--columns", type=int, default=5)
    ap.add_argument("--port", type=int, default=18090)
    args = ap.parse_args()
    print(f"synthetic portals × {args.columns} columns × up to 3 pages (~30 KB), 8 per host, no delay")
    print(f"{'portals':>7} {'columns':>8} {'fetches':>8} {'peak RSS':>9} {'wall':>7} {'CPU':>7} verdicts")
    with tempfile.TemporaryDirectory() as tmp, serving(args.port):
        for n in args.sizes:
            path = Path(tmp) / f"synth-{n}.yaml"
            path.write_text(yaml.safe_dump(catalog(n, args.columns, args.port, politeness={
                "delay": 0, "concurrency_per_host": 8}), allow_unicode=True), encoding="utf-8")
            r = run_audit_cli(path, AS_OF.isoformat(), "--data-docs", "", "--reports", "")
            wrong = sum(1 for (p, c), s in r["statuses"].items() if s != truth(int(p[1:]), int(c[1:])))
            print(f"{n:>7} {r['columns']:>8,} {r['pages']:>8,} {r['peak_rss_mb']:>6,.0f} MB {r['wall_s']:>6.1f}s "
                  f"{r['cpu_s']:>6.1f}s {'all right' if not wrong else f'{wrong} WRONG'}", flush=True)


if __name__ == "__main__":
    main()
