"""portal-audit vs Scrapy on the same portal farm, same concurrency and politeness.

Usage: .venv/bin/python bench/crawl_bench.py [--portals 20 --columns 30 --pages 3] [--skip-stages --repeat 3]
Installs what it needs (nginx-light from Debian, scrapy from PyPI) and prints, per crawler:
pages/s, CPU ms per page, peak memory; portal-audit's end-to-end columns/s with validate and
load; the second-night incremental bytes; and politeness efficiency (pages/s vs H/d).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from audit_cli import run_audit_cli, whole_process  # noqa: E402
from farm import AS_OF, Nginx, build  # noqa: E402


def run(script: str, *args: str) -> dict:
    proc = subprocess.run([sys.executable, str(HERE / script), *args], capture_output=True, text=True, cwd=HERE)
    if proc.returncode != 0:
        raise SystemExit(f"{script} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def fmt(name: str, r: dict) -> str:
    return (f"{name:<13} {r['pages']:>7,} pages {r['pages'] / r['wall_s']:>8,.0f} pages/s "
            f"{1000 * r['cpu_s'] / r['pages']:>6.2f} CPU ms/page {r['peak_rss_mb']:>7,.0f} MB peak")


def _with_politeness(catalog: Path, per_host: int, delay: float) -> Path:
    data = yaml.safe_load(catalog.read_text(encoding="utf-8"))
    data["politeness"].update({"concurrency_per_host": per_host, "delay": delay})
    out = catalog.with_name(f"farm-{per_host}-{delay}.yaml")
    out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


def _timed(script: str, *args: str) -> dict:
    """A bench script in a process of its own, timed as a whole (imports included)."""
    stdout, _, figures = whole_process([sys.executable, str(HERE / script), *args], cwd=HERE)
    return {**json.loads(stdout.strip().splitlines()[-1]), **figures}


def _median(runs: list[dict]) -> dict:
    """Each figure's median over runs (the first run's other fields)."""
    return {**runs[0], **{k: statistics.median(r[k] for r in runs) for k in ("wall_s", "cpu_s", "peak_rss_mb")}}


def politeness_rows(catalog: Path, per_host: int, delay: float, repeat: int = 1) -> None:
    """portal-audit audit (the CLI, through the flow, with its Data Docs and reports; and
    without them), the bare stages and the Scrapy spider at one politeness setting, each
    timed as a whole process; with ``repeat``, each figure the median of that many rounds
    of the four (taken in turn, so a busy minute on the machine hits them alike)."""
    cat = _with_politeness(catalog, per_host, delay)
    rounds = [(_timed("crawl_scrapy.py", str(cat)), _timed("crawl_ours.py", str(cat), "--pipeline"),
               run_audit_cli(cat, AS_OF.isoformat()),
               run_audit_cli(cat, AS_OF.isoformat(), "--data-docs", "", "--reports", ""))
              for _ in range(repeat)]
    spider, bare, flow, lean = (_median([r[i] for r in rounds]) for i in range(4))
    right = all(all(s == "fresh" for s in f["statuses"].values()) and f["statuses"] == n["statuses"]
                for _, _, f, n in rounds)
    print(f"\n{per_host} per host, {delay:g} s delay (whole processes: imports, API server, everything"
          f"{f'; median of {repeat}' if repeat > 1 else ''})")
    print(f"{'':<44} {'wall s':>7} {'CPU s':>7} {'peak MB':>8} {'CPU / spider':>13}")
    for name, r in (("Scrapy spider (crawl + extract)", spider), ("bare stages (crawl, validate, load)", bare),
                    ("portal-audit audit, no docs/reports", lean), ("portal-audit audit (defaults)", flow)):
        print(f"{name:<44} {r['wall_s']:>7.1f} {r['cpu_s']:>7.1f} {r['peak_rss_mb']:>8,.0f} "
              f"{r['cpu_s'] / spider['cpu_s']:>12.2f}×")
    print(f"orchestration: audit without docs/reports costs {100 * (lean['cpu_s'] / bare['cpu_s'] - 1):+.0f} % CPU "
          f"over the bare stages; {flow['columns']:,} columns, {flow['pages']:,} fetches, "
          f"verdicts {'all right' if right else 'WRONG'}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--portals", type=int, default=20)
    ap.add_argument("--columns", type=int, default=30)
    ap.add_argument("--pages", type=int, default=3)
    ap.add_argument("--port", type=int, default=18080)
    ap.add_argument("--flow-portals", type=int, default=120, help="farm for the audit-through-the-flow rows")
    ap.add_argument("--flow-columns", type=int, default=14)
    ap.add_argument("--flow-pages", type=int, default=2)
    ap.add_argument("--skip-stages", action="store_true", help="only the audit-through-the-flow rows")
    ap.add_argument("--repeat", type=int, default=1, help="rounds of the flow rows; each figure their median")
    args = ap.parse_args()
    try:
        import scrapy  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "scrapy"], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_stages:
            stages(Path(tmp) / "farm", args)
        root = Path(tmp) / "flow-farm"
        catalog = build(root, args.flow_portals, args.flow_columns, args.flow_pages, args.port + 1)
        print(f"\nfarm: {args.flow_portals} hosts × {args.flow_columns} columns × {args.flow_pages} pages: "
              "the audit as users run it")
        with Nginx(root, args.flow_portals, args.port + 1):
            politeness_rows(catalog, 8, 0.0, args.repeat)  # Scrapy's defaults: 8 per host, no delay
            politeness_rows(catalog, 2, 0.5, args.repeat)  # the catalog's defaults


def stages(root: Path, args: argparse.Namespace) -> None:
    """The crawler against Scrapy, stages called directly (crawl + extract figures)."""
    catalog = build(root, args.portals, args.columns, args.pages, args.port)
    size = sum(f.stat().st_size for f in root.rglob("index*.html")) / max(1, len(list(root.rglob("index*.html"))))
    print(f"farm: {args.portals} hosts × {args.columns} columns × {args.pages} pages, mean page {size / 1024:.1f} KB")
    with Nginx(root, args.portals, args.port):
        ours = run("crawl_ours.py", str(catalog), "--pipeline")
        theirs = run("crawl_scrapy.py", str(catalog))
        print(fmt("portal-audit", ours))
        print(fmt("Scrapy", theirs))
        ratio = (ours['pages'] / ours['wall_s']) / (theirs['pages'] / theirs['wall_s'])
        print(f"throughput ratio portal-audit / Scrapy: {ratio:.2f}")
        total = ours["wall_s"] + ours["validate_s"] + ours["load_s"]
        print(f"end to end (crawl + extract + validate + load): {ours['columns'] / total:,.0f} columns/s; "
              f"validate {ours['validate_s']:.1f} s + load {ours['load_s']:.1f} s = "
              f"{100 * (ours['validate_s'] + ours['load_s']) / total:.0f} % of {total:.1f} s")
        d, hosts = 0.5, args.portals
        p1 = run("crawl_ours.py", str(catalog), "--delay", str(d), "--concurrency", "1")
        s1 = run("crawl_scrapy.py", str(catalog), "--delay", str(d), "--concurrency", "1")
        ideal = hosts / d
        print(f"politeness, delay {d}s, 1 request at a time per host, {hosts} hosts (ideal {ideal:,.0f} pages/s): "
              f"portal-audit {p1['pages'] / p1['wall_s']:,.0f} pages/s "
              f"({100 * p1['pages'] / p1['wall_s'] / ideal:.0f} %), "
              f"Scrapy {s1['pages'] / s1['wall_s']:,.0f} pages/s ({100 * s1['pages'] / s1['wall_s'] / ideal:.0f} %)")


if __name__ == "__main__":
    main()
