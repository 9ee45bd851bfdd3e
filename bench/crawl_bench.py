"""portal-audit vs Scrapy on the same portal farm, same concurrency and politeness.

Usage: .venv/bin/python bench/crawl_bench.py [--portals 20 --columns 30 --pages 3]
Installs what it needs (nginx-light from Debian, scrapy from PyPI) and prints, per crawler:
pages/s, CPU ms per page, peak memory; portal-audit's end-to-end columns/s with validate and
load; the second-night incremental bytes; and politeness efficiency (pages/s vs H/d).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from farm import Nginx, build  # noqa: E402


def run(script: str, *args: str) -> dict:
    proc = subprocess.run([sys.executable, str(HERE / script), *args], capture_output=True, text=True, cwd=HERE)
    if proc.returncode != 0:
        raise SystemExit(f"{script} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def fmt(name: str, r: dict) -> str:
    return (f"{name:<13} {r['pages']:>7,} pages {r['pages'] / r['wall_s']:>8,.0f} pages/s "
            f"{1000 * r['cpu_s'] / r['pages']:>6.2f} CPU ms/page {r['peak_rss_mb']:>7,.0f} MB peak")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--portals", type=int, default=20)
    ap.add_argument("--columns", type=int, default=30)
    ap.add_argument("--pages", type=int, default=3)
    ap.add_argument("--port", type=int, default=18080)
    args = ap.parse_args()
    try:
        import scrapy  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "scrapy"], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "farm"
        catalog = build(root, args.portals, args.columns, args.pages, args.port)
        size = sum(f.stat().st_size for f in root.rglob("index*.html")) / max(1, len(list(root.rglob("index*.html"))))
        print(f"farm: {args.portals} hosts × {args.columns} columns × {args.pages} pages, mean page {size / 1024:.1f} KB")
        with Nginx(root, args.portals, args.port):
            ours = run("crawl_ours.py", str(catalog), "--pipeline")
            theirs = run("crawl_scrapy.py", str(catalog))
            print(fmt("portal-audit", ours))
            print(fmt("Scrapy", theirs))
            print(f"throughput ratio portal-audit / Scrapy: {(ours['pages'] / ours['wall_s']) / (theirs['pages'] / theirs['wall_s']):.2f}")
            total = ours["wall_s"] + ours["validate_s"] + ours["load_s"]
            print(f"end to end (crawl + extract + validate + load): {ours['columns'] / total:,.0f} columns/s; "
                  f"validate {ours['validate_s']:.1f} s + load {ours['load_s']:.1f} s = "
                  f"{100 * (ours['validate_s'] + ours['load_s']) / total:.0f} % of {total:.1f} s")
            d, hosts = 0.5, args.portals
            p1 = run("crawl_ours.py", str(catalog), "--delay", str(d), "--concurrency", "1")
            s1 = run("crawl_scrapy.py", str(catalog), "--delay", str(d), "--concurrency", "1")
            ideal = hosts / d
            print(f"politeness, delay {d}s, 1 request at a time per host, {hosts} hosts (ideal {ideal:,.0f} pages/s): "
                  f"portal-audit {p1['pages'] / p1['wall_s']:,.0f} pages/s ({100 * p1['pages'] / p1['wall_s'] / ideal:.0f} %), "
                  f"Scrapy {s1['pages'] / s1['wall_s']:,.0f} pages/s ({100 * s1['pages'] / s1['wall_s'] / ideal:.0f} %)")


if __name__ == "__main__":
    main()
