"""A national night, simulated: one shard of the country's ~14,000 portals × 75 columns,
synthesised on loopback by bench/synth.py, audited by ``portal-audit audit`` (the CLI,
through the flow) at the catalog's default politeness (2 requests at a time per host,
0.5 s apart), and the machines a million columns between 01:00 and 07:00 would take.

Usage: .venv/bin/python bench/national.py [--portals 64 --columns 75 --first 7000]
Prints columns/s, CPU per column, peak RSS, whether every verdict is right, and the estimate.
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from audit_cli import run_audit_cli  # noqa: E402
from synth import AS_OF, catalog, serving, truth  # noqa: E402

NIGHT_SECONDS = 6 * 3600  # 01:00–07:00
COLUMNS = 1_000_000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--portals", type=int, default=64)
    ap.add_argument("--columns", type=int, default=75)
    ap.add_argument("--first", type=int, default=7000, help="number of the shard's first portal (of ~14,000)")
    ap.add_argument("--port", type=int, default=18095)
    ap.add_argument("--nights", type=int, default=2, help="nights audited in a row into one warehouse")
    args = ap.parse_args()
    nights = []
    with tempfile.TemporaryDirectory() as tmp, serving(args.port):
        path = Path(tmp) / "national-shard.yaml"
        path.write_text(yaml.safe_dump(catalog(args.portals, args.columns, args.port, args.first),
                                       allow_unicode=True), encoding="utf-8")
        for night in range(args.nights):  # a later night: conditional requests, links recently found working skipped
            nights.append(run_audit_cli(path, AS_OF.isoformat() if night == 0 else
                                        (AS_OF + timedelta(days=night)).isoformat(), warehouse=f"sqlite:///{tmp}/w.db"))
    print(f"shard: portals {args.first}–{args.first + args.portals - 1} × {args.columns} columns, default politeness "
          f"(2 per host, 0.5 s delay); {nights[0]['summary']}")
    for night, r in enumerate(nights, start=1):
        wrong = sum(1 for (p, c), s in r["statuses"].items() if s != truth(int(p[1:]), int(c[1:]))) if night == 1 else 0
        print(f"night {night}: {r['columns']:,} columns, {r['pages']:,} list-page fetches, {r['links']:,} links "
              f"({r['links_fetched']:,} fetched) in {r['wall_s']:.0f} s: {r['columns'] / r['wall_s']:.1f} columns/s, "
              f"{1000 * r['cpu_s'] / r['columns']:.1f} ms CPU per column "
              f"({100 * r['cpu_s'] / r['wall_s']:.0f} % of a core), "
              f"peak RSS {r['peak_rss_mb']:,.0f} MB" + (f"; verdicts {'all right' if not wrong else f'{wrong} WRONG'}"
                                                          if night == 1 else ""))
    for name, r in (("a first night", nights[0]), ("a later night", nights[-1])):
        rate = r["columns"] / r["wall_s"]
        machines = math.ceil(COLUMNS / (rate * NIGHT_SECONDS))
        print(f"1,000,000 columns in 6 hours need {COLUMNS / NIGHT_SECONDS:.0f} columns/s: {machines} worker(s) at "
              f"{name}'s rate (one flow run each, its own share of the catalog)")


if __name__ == "__main__":
    main()
