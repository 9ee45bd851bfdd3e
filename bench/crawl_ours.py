"""portal-audit's crawl + extract over the farm catalog (one process); prints JSON figures.
With --pipeline it also validates (GE) and loads (SQLite) and times each stage."""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from farm import AS_OF

from extractors.crawl import crawl_portal_async
from extractors.fetch import policy_for
from portal_audit.catalog import load_catalog


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("catalog")
    ap.add_argument("--delay", type=float, default=None)
    ap.add_argument("--concurrency", type=int, default=None)
    ap.add_argument("--pipeline", action="store_true")
    args = ap.parse_args()
    catalog = load_catalog(args.catalog)
    pol = catalog.politeness.model_copy(update={
        k: v for k, v in (("delay", args.delay), ("concurrency_per_host", args.concurrency)) if v is not None})
    catalog = catalog.model_copy(update={"politeness": pol})
    policy = policy_for(catalog)

    async def run():
        return await asyncio.gather(*(crawl_portal_async(p, AS_OF, policy) for p in catalog.portals))

    t, c = time.perf_counter(), time.process_time()
    crawls = asyncio.run(run())
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    pages = sum(len(col.pages) for pc in crawls for col in pc.columns)
    items = sum(len(col.items) for pc in crawls for col in pc.columns)
    out = {"pages": pages, "items": items, "wall_s": wall, "cpu_s": cpu,
           "columns": sum(len(p.columns) for p in catalog.portals)}
    if args.pipeline:
        from validations.suite import warm_up

        warm_up()  # import time is not validation time
        from validations.rules import load_ruleset
        from validations.suite import validate
        from warehouse.db import make_engine
        from warehouse.load import finish_run, load_portal, start_run
        t = time.perf_counter()
        result = validate([c for pc in crawls for c in pc.columns], catalog.portals, load_ruleset(), AS_OF,
                          homes={pc.portal_id: pc.home_reachable for pc in crawls})
        out["validate_s"] = time.perf_counter() - t
        with tempfile.TemporaryDirectory() as tmp:
            engine = make_engine(f"sqlite:///{tmp}/bench.db")
            t = time.perf_counter()
            run_id = start_run(engine, AS_OF, "national-2019@1")
            for portal, pc in zip(catalog.portals, crawls):
                load_portal(engine, run_id, portal, list(pc.columns), result, pc.home)
            finish_run(engine, run_id, ok=True)
            out["load_s"] = time.perf_counter() - t
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))


if __name__ == "__main__":
    main()
