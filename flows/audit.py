"""Prefect flows: the nightly audit over a catalog and the on-demand audit of one portal.

Tasks are coarse: one crawl task per portal, one validation over the whole run (one GE
Checkpoint), one load task per portal. A portal whose crawl crashes gets its columns
marked ``error`` and the other portals go on.
"""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from extractors.crawl import crawl_portal
from extractors.fetch import FetchPolicy, policy_for
from portal_audit.catalog import Portal, load_catalog
from portal_audit.records import ColumnCrawl, PortalCrawl
from portal_audit.summary import RunSummary
from validations.rules import DEFAULT_RULESET, load_ruleset
from validations.suite import Validation, validate
from warehouse.db import make_engine, mask_url, warehouse_url
from warehouse.load import finish_run, load_portal, start_run
from warehouse.read import item_dates

DEFAULT_DATA_DOCS = "data-docs"  # GE Data Docs per run: data-docs/<run_id>/index.html
HISTORY_DAYS = 400  # stored item dates read back for the missed-period count


@task(name="crawl-portal", cache_policy=NO_CACHE, task_run_name="crawl-{portal.id}")
def crawl_portal_task(portal: Portal, as_of: date, policy: FetchPolicy) -> PortalCrawl:
    return crawl_portal(portal, as_of, policy)


@task(name="validate-run", cache_policy=NO_CACHE)
def validate_task(crawls: list[PortalCrawl], portals: list[Portal], ruleset: str, as_of: date, url: str,
                  docs_dir: str | None, run_id: str) -> Validation:
    history = item_dates(make_engine(url), [p.id for p in portals], as_of - timedelta(days=HISTORY_DAYS))
    if docs_dir:
        shutil.rmtree(docs_dir, ignore_errors=True)  # a re-run of the day replaces its docs
    return validate([c for pc in crawls for c in pc.columns], portals, load_ruleset(ruleset), as_of,
                    homes={pc.portal_id: pc.home_reachable for pc in crawls}, history=history,
                    docs_dir=docs_dir, run_name=run_id)


@task(name="load-portal", cache_policy=NO_CACHE, task_run_name="load-{portal.id}")
def load_portal_task(url: str, run_id: str, portal: Portal, crawl: PortalCrawl, validation: Validation) -> None:
    load_portal(make_engine(url), run_id, portal, list(crawl.columns), validation, crawl.home)


def _crashed(portal: Portal, error: BaseException) -> PortalCrawl:
    msg = f"crawl crashed: {type(error).__name__}: {error}"
    return PortalCrawl(portal.id, None, tuple(
        ColumnCrawl(portal.id, c.id, portal.column_url(c), "error", error=msg) for c in portal.columns))


def run_audit(catalog: str, as_of: date | None, portals: list[str] | None, warehouse: str | None,
              ruleset: str, data_docs: str | None = DEFAULT_DATA_DOCS) -> RunSummary:
    """Body shared by both flows (must run inside a flow)."""
    log = get_run_logger()
    as_of = as_of or date.today()
    cat = load_catalog(catalog)
    selected = cat.select(portals)
    rules = load_ruleset(ruleset)
    url = warehouse_url(warehouse)
    engine = make_engine(url)
    try:
        from prefect.runtime import flow_run

        flow_run_id = str(flow_run.id) if flow_run.id else None
    except Exception:  # pragma: no cover - outside a flow run
        flow_run_id = None
    log.info("auditing %d portal(s) as of %s into %s with %s", len(selected), as_of, mask_url(url), rules.label)
    run_id = start_run(engine, as_of, rules.label, catalog=str(catalog), flow_run_id=flow_run_id)
    docs_dir = str(Path(data_docs) / run_id) if data_docs else None
    try:
        policy = policy_for(cat)
        futures = {p.id: crawl_portal_task.submit(p, as_of, policy) for p in selected}
        crawls: dict[str, PortalCrawl] = {}
        failed: dict[str, str] = {}
        for p in selected:
            try:
                crawls[p.id] = futures[p.id].result()
            except Exception as exc:  # one broken portal must not sink the others
                log.error("portal %s crashed: %s", p.id, exc)
                failed[p.id] = f"{type(exc).__name__}: {exc}"
                crawls[p.id] = _crashed(p, exc)
        validation = validate_task(list(crawls.values()), selected, ruleset, as_of, url, docs_dir, run_id)
        for p in selected:
            load_portal_task(url, run_id, p, crawls[p.id], validation)
        finish_run(engine, run_id, ok=True, message="; ".join(f"{k}: {v}" for k, v in failed.items()) or None,
                   data_docs=validation.data_docs)
    except BaseException as exc:
        finish_run(engine, run_id, ok=False, message=f"{type(exc).__name__}: {exc}")
        raise
    summary = RunSummary.of(validation.verdicts, run_id=run_id, as_of=as_of.isoformat(), ruleset=rules.label,
                            warehouse=mask_url(url), failed_portals=failed, portals=validation.portals,
                            data_docs=validation.data_docs)
    names = {(p.id, c.id): c.name for p in selected for c in p.columns}
    create_markdown_artifact(summary.markdown(names), key="audit-summary", description=summary.line())
    log.info(summary.line())
    return summary


@flow(name="nightly-audit", log_prints=True)
def nightly_audit(catalog: str = "catalogs/demo.yaml", as_of: date | None = None, portals: list[str] | None = None,
                  warehouse: str | None = None, ruleset: str = DEFAULT_RULESET,
                  data_docs: str | None = DEFAULT_DATA_DOCS) -> RunSummary:
    """Audit every portal of a catalog (or those named) and load the results."""
    return run_audit(catalog, as_of, portals, warehouse, ruleset, data_docs)


@flow(name="audit-portal", log_prints=True)
def audit_portal(catalog: str, portal_id: str, as_of: date | None = None, warehouse: str | None = None,
                 ruleset: str = DEFAULT_RULESET, data_docs: str | None = DEFAULT_DATA_DOCS) -> RunSummary:
    """Audit one portal on demand (the Prefect UI renders these parameters as a form)."""
    return run_audit(catalog, as_of, [portal_id], warehouse, ruleset, data_docs)
