"""Validation time at national scale: 100,000 columns and 2,000,000 items by default.

Builds synthetic crawls (a mix of fresh, stale, empty and unreachable columns over every
frequency), then times the validate stage's parts: building the two tables, the Great
Expectations checkpoints, and mapping failures back to column verdicts.
Usage: .venv/bin/python bench/validate_bench.py [--columns N] [--items-per-column K]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from portal_audit.catalog import Column, Portal
from portal_audit.i18n import msg
from portal_audit.records import ColumnCrawl, Item
from validations.rules import load_ruleset
from validations.suite import build_frames, judge, run_checkpoint, warm_up
from validations.verdicts import portal_verdict

FREQS = ["及时更新", "每月更新", "季度更新", "年度更新", "每周"]
PATHS = [["工作动态"], ["通知公告"], ["政策文件"], ["人事信息"], ["规划计划"], ["机构职能"]]


def synth(n_columns: int, per_column: int, as_of: date, per_portal: int = 100):
    rng = random.Random(7)
    portals, crawls = [], []
    for p in range(n_columns // per_portal):
        cols = []
        for c in range(per_portal):
            cid = f"c{c}"
            cols.append(Column(id=cid, path=rng.choice(PATHS), url=f"/col/{c}/", frequency=rng.choice(FREQS)))
            roll = rng.random()
            if roll < 0.03:
                crawls.append(ColumnCrawl(f"p{p}", cid, "u", "unreachable", error=msg("fetch.http", status=404)))
                continue
            if roll < 0.10:
                crawls.append(ColumnCrawl(f"p{p}", cid, "u", "ok", (), empty_marker=True))
                continue
            newest = as_of - timedelta(days=rng.randint(0, 400))
            items = tuple(Item(f"t{i}", f"http://p{p}.gov.cn/col/{c}/{i}.html", newest - timedelta(days=3 * i))
                          for i in range(per_column))
            crawls.append(ColumnCrawl(f"p{p}", cid, "u", "ok", items))
        portals.append(Portal(id=f"p{p}", name=f"p{p}", base_url=f"http://p{p}.gov.cn/", columns=cols))
    return portals, crawls


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--columns", type=int, default=100_000)
    ap.add_argument("--items-per-column", type=int, default=23)  # ~2,000,000 items with the empty/dead share
    args = ap.parse_args()
    as_of, rules = date(2025, 6, 30), load_ruleset()
    t = time.perf_counter()
    portals, crawls = synth(args.columns, args.items_per_column, as_of)
    n_items = sum(len(c.items) for c in crawls)
    print(f"synthesised {len(crawls):,} columns, {n_items:,} items in {time.perf_counter() - t:.1f} s")

    t = time.perf_counter()
    col_df, item_df = build_frames(crawls, portals, rules, as_of)
    t_frames = time.perf_counter() - t
    warm_up()  # import time is not validation time (the project's import: its deferred modules too)

    t = time.perf_counter()
    outcomes = run_checkpoint(col_df, item_df)
    t_gx = time.perf_counter() - t
    t = time.perf_counter()
    verdicts = judge(col_df, outcomes)
    by_portal: dict[str, list] = {}
    for v in verdicts:
        by_portal.setdefault(v.portal_id, []).append(v)
    sites = [portal_verdict(p, by_portal[p.id], rules, as_of, True) for p in portals]
    t_judge = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"build tables {t_frames:.1f} s | GE checkpoints {t_gx:.1f} s | verdicts {t_judge:.1f} s | "
          f"total {t_frames + t_gx + t_judge:.1f} s | peak RSS {peak:,.0f} MB")
    print(f"{sum(v.status == 'stale' for v in verdicts):,} stale, "
          f"{sum(not s.passed for s in sites):,} of {len(sites):,} portals fail")


if __name__ == "__main__":
    main()
