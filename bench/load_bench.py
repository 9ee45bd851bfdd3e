"""Warehouse load time: 1,000,000 items and 100,000 column audits into SQLite and into a
real PostgreSQL server (started on 127.0.0.1 for the run).

Usage: .venv/bin/python bench/load_bench.py [--columns N] [--items-per-column K] [--only sqlite|postgresql]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.localpg import local_postgres
from portal_audit.catalog import Column, Portal
from portal_audit.records import ColumnCrawl, ColumnVerdict, Item, PageFetch
from validations.suite import Validation
from warehouse.db import make_engine
from warehouse.load import finish_run, load_portal, start_run

AS_OF = date(2025, 6, 30)


def synth(n_columns: int, per_column: int, per_portal: int = 1000):
    out = []
    for p in range(n_columns // per_portal):
        pid = f"p{p}"
        cols = [Column(id=f"c{c}", path=["工作动态", f"栏目{c}"], url=f"/col/{c}/", frequency="及时更新",
                       responsible="办公室")
                for c in range(per_portal)]
        portal = Portal(id=pid, name=pid, base_url=f"http://{pid}.gov.cn/", columns=cols)
        crawls, verdicts = [], []
        for c in range(per_portal):
            items = tuple(Item(f"第{i}条信息标题", f"http://{pid}.gov.cn/col/{c}/t{i}.html", AS_OF - timedelta(days=i))
                          for i in range(per_column))
            crawls.append(ColumnCrawl(pid, f"c{c}", f"http://{pid}.gov.cn/col/{c}/", "ok", items,
                                      (PageFetch(f"http://{pid}.gov.cn/col/{c}/", 200, 30000, 12.0),)))
            verdicts.append(ColumnVerdict(pid, f"c{c}", "fresh", "timely", "news", 14, AS_OF, 0, per_column))
        out.append((portal, crawls, Validation(verdicts, [], [])))
    return out


def bench(url: str, data) -> float:
    engine = make_engine(url)
    t = time.perf_counter()
    run_id = start_run(engine, AS_OF, "national-2019@1")
    for portal, crawls, validation in data:
        load_portal(engine, run_id, portal, crawls, validation)
    finish_run(engine, run_id, ok=True)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--columns", type=int, default=100_000)
    ap.add_argument("--items-per-column", type=int, default=10)
    ap.add_argument("--only", choices=["sqlite", "postgresql"])
    args = ap.parse_args()
    data = synth(args.columns, args.items_per_column)
    n_items = args.columns * args.items_per_column
    print(f"{args.columns:,} column audits, {n_items:,} items, {len(data)} portals (one transaction each)")
    if args.only in (None, "sqlite"):
        with tempfile.TemporaryDirectory() as tmp:
            s = bench(f"sqlite:///{tmp}/bench.db", data)
            print(f"SQLite:     {s:6.1f} s  ({n_items / s:,.0f} items/s)")
    if args.only in (None, "postgresql"):
        with local_postgres() as url:
            s = bench(url, data)
            print(f"PostgreSQL: {s:6.1f} s  ({n_items / s:,.0f} items/s)")


if __name__ == "__main__":
    main()
