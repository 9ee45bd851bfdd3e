"""One nightly-audit flow run over a farm catalog (Prefect's ephemeral API, SQLite in a
temporary directory); prints JSON: wall time of the run (the API already up), pages,
columns, peak RSS of this process (the API server is a process of its own)."""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from farm import AS_OF


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("catalog")
    ap.add_argument("--shard-portals", type=int, required=True)
    ap.add_argument("--shards-at-once", type=int, required=True)
    args = ap.parse_args()
    from prefect import flow
    from sqlalchemy import func, select

    from flows.audit import nightly_audit

    flow(name="warm-up")(lambda: None)()  # start Prefect's ephemeral API before the clock does
    from warehouse.db import make_engine
    from warehouse.models import ColumnAudit, PageFetchRow

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        t = time.perf_counter()
        summary = nightly_audit(catalog=args.catalog, as_of=AS_OF, warehouse=url, data_docs=None, reports=None,
                                incremental=False, shard_portals=args.shard_portals,
                                shards_at_once=args.shards_at_once)
        wall = time.perf_counter() - t
        with make_engine(url).connect() as conn:
            pages = conn.execute(select(func.count()).select_from(PageFetchRow)).scalar()
            columns = conn.execute(select(func.count()).select_from(ColumnAudit)).scalar()
    print(json.dumps({"wall_s": wall, "pages": pages, "columns": columns, "line": summary.line(),
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


if __name__ == "__main__":
    main()
