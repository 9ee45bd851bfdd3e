"""What a warehouse holds, comparable across warehouses of the same kind: every row of the
run-level tables, without what differs between two runs of the same night (times, the
catalog file's path, the Prefect flow run, surrogate ids)."""

from __future__ import annotations

from sqlalchemy import MetaData, select

from warehouse.db import make_engine

TABLES = ("audit_runs", "portal_runs", "column_audits", "items", "page_fetches", "evidence", "expectation_results",
          "portal_verdicts", "portal_checks", "home_links", "consultation_messages", "link_checks", "link_fingerprints",
          "content_findings", "column_paths", "catalog_versions", "catalog_columns", "portals", "item_title_changes")
VOLATILE = {"started_at", "finished_at", "loaded_at", "elapsed_ms", "flow_run_id", "catalog", "data_docs", "etag",
            "last_modified",
            "id"}  # surrogate keys: a rolled-back insert still uses up sequence numbers


def state(url: str, tables: tuple[str, ...] = TABLES, run_id: str | None = None) -> dict[str, list[tuple]]:
    """Table → its rows (sorted; without volatile columns), only ``run_id``'s where the table has runs."""
    engine = make_engine(url)
    meta = MetaData()
    meta.reflect(engine, only=list(tables))
    out = {}
    with engine.connect() as conn:
        for name in tables:
            table = meta.tables[name]
            query = select(*[c for c in table.columns if c.name not in VOLATILE])
            if run_id is not None and "run_id" in table.columns:
                query = query.where(table.columns["run_id"] == run_id)
            out[name] = sorted(tuple(repr(v) for v in row) for row in conn.execute(query))
    return out


def rows_of_run(url: str, run_id: str) -> dict[str, list[tuple]]:
    """The rows a run wrote in the tables keyed by run."""
    return state(url, ("audit_runs", "portal_runs", "column_audits", "page_fetches", "expectation_results",
                       "portal_verdicts", "portal_checks", "link_checks", "content_findings"), run_id)
