"""Prefect flows: the nightly audit over a catalog, the on-demand audit of one portal (or
some of its columns), and the catalog import.

Tasks are coarse: one crawl task per portal, one validation per batch of portals, one
load task per portal. A run streams: at most ``portals_at_once`` portals crawl at a time,
each crawl stores its page bodies as evidence and hands on only what it extracted, and
every ``batch_portals`` finished portals are validated and loaded before more pile up, so
a run's memory does not grow with the number of portals. A portal whose crawl crashes
gets its columns marked ``error`` and the other portals go on; the run's final state
names what failed. Each portal's crawl holds a Prefect global concurrency slot named
after its host, so two flow runs never crawl one portal at the same time. The task runner
is Prefect's default thread pool; for a cluster,
``nightly_audit.with_options(task_runner=DaskTaskRunner(...))`` (see README).
"""

from __future__ import annotations

import contextvars
import html
import re
import shutil
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture, as_completed
from prefect.states import Completed, Failed

from extractors.crawl import crawl_portal
from extractors.fetch import FetchPolicy, policy_for
from portal_audit.catalog import Portal, dump_catalog, load_catalog
from portal_audit.records import ColumnCrawl, PortalCrawl
from portal_audit.report import Filters, write_report
from portal_audit.summary import RunSummary
from validations.rules import DEFAULT_RULESET, load_ruleset
from validations.suite import Validation, validate
from warehouse.db import make_engine, mask_url, warehouse_url
from warehouse.load import finish_run, load_portal, start_run, store_evidence
from warehouse.read import column_paths, item_dates, known_items, previous_pages

T = TypeVar("T")

DEFAULT_DATA_DOCS = "data-docs"  # GE Data Docs per run: data-docs/<run_id>/index.html
DEFAULT_REPORTS = "reports"  # HTML report per portal and run: reports/<run_id>/<portal>.html
HISTORY_DAYS = 400  # stored item dates read back for the missed-period count
HOST_SLOTS = 1  # flow runs that may crawl one host at once (raise it with `prefect gcl update`)
PORTALS_AT_ONCE = 32  # portals crawling at the same time in one run
BATCH_PORTALS = 50  # finished portals validated and loaded together
CONTEXT_PAGES = 4  # other columns' first pages fetched when a run audits only some columns


def host_limit_name(portal: Portal) -> str:
    """The global concurrency limit guarding a portal's host, e.g. ``host-www-example-gov-cn``."""
    return "host-" + re.sub(r"[^a-z0-9]+", "-", (urlsplit(portal.base_url).netloc or portal.id).lower()).strip("-")


def _ensure_limit(name: str) -> None:
    from prefect.client.orchestration import get_client
    from prefect.exceptions import ObjectNotFound

    with get_client(sync_client=True) as client:
        try:
            client.read_global_concurrency_limit_by_name(name)
        except ObjectNotFound:
            from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate

            try:
                client.create_global_concurrency_limit(GlobalConcurrencyLimitCreate(name=name, limit=HOST_SLOTS))
            except Exception:  # created meanwhile by another run: fine
                client.read_global_concurrency_limit_by_name(name)


@task(name="crawl-portal", cache_policy=NO_CACHE, task_run_name="crawl-{portal.id}", retries=1, retry_delay_seconds=30)
def crawl_portal_task(portal: Portal, as_of: date, policy: FetchPolicy, url: str, incremental: bool,
                      run_id: str, context: list[str] | None = None) -> PortalCrawl:
    """Crawl one portal; its page bodies go to the warehouse's evidence store here and the
    task returns the crawl without them. Each column goes straight to the way the last
    run read its list (static, its API, or the browser)."""
    from prefect.concurrency.services import ConcurrencySlotAcquisitionWithLeaseService
    from prefect.concurrency.sync import concurrency

    engine = make_engine(url)
    previous, known = {}, {}
    if incremental:  # conditional requests and early stops from what earlier runs stored
        previous, known = previous_pages(engine, portal.id), known_items(engine, portal.id)
    paths = column_paths(engine, portal.id)
    name = host_limit_name(portal)
    _ensure_limit(name)

    def crawl_holding_the_host() -> PortalCrawl:
        # the slot's lease is renewed while the crawl runs; a killed run frees it within a minute
        with concurrency(name, occupy=1, strict=True, lease_duration=60):
            crawl = crawl_portal(portal, as_of, policy, previous=previous, known=known, paths=paths, context=context)
        # Prefect keeps one slot-acquisition service (and thread) per limit name until it
        # is drained: this host's is done with, so a run over 10,000 hosts keeps none
        ConcurrencySlotAcquisitionWithLeaseService.instance(frozenset([name])).drain()
        return crawl

    crawl = _detached(crawl_holding_the_host)
    store_evidence(engine, run_id, crawl.pages())
    return crawl.without_bodies()


def _detached(fn: Callable[[], T]) -> T:
    """Run ``fn`` in a copy of this context without the task run's own context and
    transaction: a Prefect service started inside keeps the context it started in, and
    through the transaction it would keep this task's result — a whole portal's crawl —
    for the life of the process."""
    from prefect.context import TaskRunContext
    from prefect.transactions import Transaction

    ctx = contextvars.copy_context()
    for var in (TaskRunContext.__var__, Transaction.__var__):
        ctx.run(var.set, None)
    return ctx.run(fn)


@task(name="validate-batch", cache_policy=NO_CACHE)
def validate_task(crawls: list[PortalCrawl], portals: list[Portal], ruleset: str, as_of: date, url: str,
                  docs_dir: str | None, run_id: str) -> Validation:
    history = item_dates(make_engine(url), [p.id for p in portals], as_of - timedelta(days=HISTORY_DAYS))
    return validate([c for pc in crawls for c in pc.columns], portals, load_ruleset(ruleset), as_of,
                    homes={pc.portal_id: pc.home_reachable for pc in crawls}, history=history,
                    docs_dir=docs_dir, run_name=run_id)


@task(name="load-portal", cache_policy=NO_CACHE, task_run_name="load-{portal.id}", retries=2, retry_delay_seconds=5)
def load_portal_task(url: str, run_id: str, portal: Portal, crawl: PortalCrawl, validation: Validation) -> None:
    load_portal(make_engine(url), run_id, portal, list(crawl.columns), validation, crawl.home)


def _crashed(portal: Portal, error: BaseException) -> PortalCrawl:
    msg = f"crawl crashed: {type(error).__name__}: {error}"
    return PortalCrawl(portal.id, None, tuple(
        ColumnCrawl(portal.id, c.id, portal.column_url(c), "error", error=msg) for c in portal.columns))


def resolve_warehouse(warehouse: str | None) -> str:
    """``secret:NAME`` reads the URL from a Prefect Secret block (passwords stay out of
    parameters and logs); otherwise --warehouse / $PORTAL_AUDIT_WAREHOUSE / the default."""
    if warehouse and warehouse.startswith("secret:"):
        from prefect.blocks.system import Secret

        return Secret.load(warehouse.removeprefix("secret:")).get()
    return warehouse_url(warehouse)


def _artifacts(summary: RunSummary, portals: list[Portal], url: str, reports: str | None) -> None:
    names = {(p.id, c.id): c.name for p in portals for c in p.columns}
    links = {(p.id, c.id): p.column_url(c) for p in portals for c in p.columns}
    create_markdown_artifact(summary.markdown(names), key="audit-summary", description=summary.line())
    rows = [{"portal": v.portal_id, "column": names[(v.portal_id, v.column_id)], "status": v.status,
             "last_published_on": str(v.last_published_on or ""), "days": v.days_since_update,
             "allowed": v.allowed_days, "page": links[(v.portal_id, v.column_id)] or "", "detail": v.detail}
            for v in summary.attention]
    shown = f"the {len(rows)} most urgent of " if summary.attention_total > len(rows) else ""
    create_table_artifact(rows, key="audit-non-fresh-columns",
                          description=f"{shown}{summary.attention_total} columns stale, empty, unreachable or in error")
    if reports:
        engine = make_engine(url)
        for p in portals:
            out = write_report(engine, summary.run_id, "html", Path(reports) / summary.run_id / f"{p.id}.html",
                               Filters(portals=[p.id]))
            key = "report-" + re.sub(r"[^a-z0-9]+", "-", p.id.lower()).strip("-")
            create_link_artifact(out.resolve().as_uri(), link_text=f"{p.name} — audit {summary.run_id}", key=key)


def _as_finished(portals: list[Portal], submit: Callable[[Portal], PrefectFuture],
                 at_once: int) -> Iterator[tuple[Portal, PortalCrawl | BaseException]]:
    """Each portal's crawl (or the exception it died of) as it finishes, with at most
    ``at_once`` portals crawling: the next one starts before a finished one is handed on,
    so crawling goes on while the caller validates and loads."""
    queue = iter(portals)
    running: dict[PrefectFuture, Portal] = {}

    def start_next() -> None:
        portal = next(queue, None)
        if portal is not None:
            running[submit(portal)] = portal

    for _ in range(max(1, at_once)):
        start_next()
    while running:
        future = next(as_completed(list(running)))
        portal = running.pop(future)
        start_next()
        try:
            yield portal, future.result()
        except Exception as exc:  # one broken portal must not sink the others
            yield portal, exc


def _docs_index(docs_dir: Path, batches: list[str]) -> str:
    """One page linking the Data Docs of each batch of a run validated in several."""
    links = "".join(f'<li><a href="{html.escape(b)}/index.html">{html.escape(b)}</a></li>' for b in batches)
    index = docs_dir / "index.html"
    index.write_text(f"<!doctype html><meta charset=utf-8><title>Data Docs {docs_dir.name}</title>"
                     f"<h1>Great Expectations Data Docs, run {html.escape(docs_dir.name)}</h1><ul>{links}</ul>",
                     encoding="utf-8")
    return str(index)


def run_audit(catalog: str, as_of: date | None, portals: list[str] | None, warehouse: str | None, ruleset: str,
              data_docs: str | None = DEFAULT_DATA_DOCS, columns: list[str] | None = None,
              reports: str | None = DEFAULT_REPORTS, incremental: bool = True,
              portals_at_once: int = PORTALS_AT_ONCE, batch_portals: int = BATCH_PORTALS):
    """Body shared by the audit flows (must run inside a flow). Returns the run summary,
    wrapped in a Completed state that says which portals failed when some did."""
    log = get_run_logger()
    as_of = as_of or date.today()
    cat = load_catalog(catalog)
    selected = cat.select(portals)
    context: dict[str, list[str]] = {}
    if columns:
        wanted = set(columns)
        unknown = wanted - {c.id for p in selected for c in p.columns}
        if unknown:
            raise ValueError(f"unknown column id(s): {', '.join(sorted(unknown))}")
        # a few columns not audited: their first pages teach the portal's site-wide blocks
        context = {p.id: [u for u in (p.column_url(c) for c in p.columns if c.id not in wanted) if u][:CONTEXT_PAGES]
                   for p in selected}
        selected = [p.model_copy(update={"columns": [c for c in p.columns if c.id in wanted]})
                    for p in selected if any(c.id in wanted for c in p.columns)]
    rules = load_ruleset(ruleset)
    url = resolve_warehouse(warehouse)
    engine = make_engine(url)
    try:
        from prefect.runtime import flow_run

        flow_run_id = str(flow_run.id) if flow_run.id else None
    except Exception:  # pragma: no cover - outside a flow run
        flow_run_id = None
    batch_portals = max(1, batch_portals)
    log.info("auditing %d portal(s) as of %s into %s with %s (%d crawling at once, validated in batches of %d)",
             len(selected), as_of, mask_url(url), rules.label, portals_at_once, batch_portals)
    run_id = start_run(engine, as_of, rules.label, catalog=str(catalog), flow_run_id=flow_run_id)
    docs_root = Path(data_docs) / run_id if data_docs else None
    if docs_root:
        shutil.rmtree(docs_root, ignore_errors=True)  # a re-run of the day replaces its docs
    several = len(selected) > batch_portals
    summary = RunSummary(run_id=run_id, as_of=as_of.isoformat(), ruleset=rules.label, warehouse=mask_url(url))
    failed: dict[str, str] = {}
    docs: list[str] = []

    def settle(batch: list[tuple[Portal, PortalCrawl]]) -> None:
        """Validate and load one batch of crawled portals, and fold it into the summary."""
        name = f"batch-{len(docs) + 1:03d}"
        docs_dir = str(docs_root / name if several else docs_root) if docs_root else None
        validation = validate_task([c for _, c in batch], [p for p, _ in batch], ruleset, as_of, url, docs_dir,
                                   run_id)
        loads = [load_portal_task.submit(url, run_id, p, crawl, validation) for p, crawl in batch]
        for (p, _), fut in zip(batch, loads):
            try:
                fut.result()
            except Exception as exc:
                log.error("loading portal %s failed: %s", p.id, exc)
                failed[p.id] = f"load failed: {type(exc).__name__}: {exc}"
        summary.add(validation.verdicts, validation.portals)
        docs.append(name)
        if validation.data_docs and not several:
            summary.data_docs = validation.data_docs

    try:
        policy = policy_for(cat)

        def submit(p: Portal) -> PrefectFuture:
            return crawl_portal_task.submit(p, as_of, policy, url, incremental, run_id, context.get(p.id))

        batch: list[tuple[Portal, PortalCrawl]] = []
        for p, crawl in _as_finished(selected, submit, portals_at_once):
            if isinstance(crawl, BaseException):
                log.error("portal %s crashed: %s", p.id, crawl)
                failed[p.id] = f"{type(crawl).__name__}: {crawl}"
                crawl = _crashed(p, crawl)
            batch.append((p, crawl))
            if len(batch) >= batch_portals:
                settle(batch)
                batch = []
        if batch or not selected:
            settle(batch)
        if several and docs_root and docs_root.exists():
            summary.data_docs = _docs_index(docs_root, [d for d in docs if (docs_root / d / "index.html").exists()])
        order = {p.id: i for i, p in enumerate(selected)}
        summary.portals.sort(key=lambda v: order.get(v.portal_id, len(order)))
        summary.failed_portals = failed
        finish_run(engine, run_id, ok=len(failed) < len(selected) or not selected,
                   message="; ".join(f"{k}: {v}" for k, v in failed.items()) or None, data_docs=summary.data_docs)
    except BaseException as exc:
        finish_run(engine, run_id, ok=False, message=f"{type(exc).__name__}: {exc}")
        raise
    _artifacts(summary, selected, url, reports)
    log.info(summary.line())
    if failed and len(failed) == len(selected):
        return Failed(message=f"every portal failed: {'; '.join(f'{k}: {v}' for k, v in failed.items())}")
    if failed:
        return Completed(name="Partially failed", data=summary,
                         message=f"{len(failed)} of {len(selected)} portals failed: {', '.join(failed)}")
    return summary


@flow(name="nightly-audit", log_prints=True)
def nightly_audit(catalog: str = "catalogs/demo.yaml", as_of: date | None = None, portals: list[str] | None = None,
                  warehouse: str | None = None, ruleset: str = DEFAULT_RULESET,
                  data_docs: str | None = DEFAULT_DATA_DOCS, reports: str | None = DEFAULT_REPORTS,
                  incremental: bool = True, portals_at_once: int = PORTALS_AT_ONCE,
                  batch_portals: int = BATCH_PORTALS) -> RunSummary:
    """Audit every portal of a catalog (or those named) and load the results.
    ``warehouse`` may be ``secret:NAME`` to read the URL from a Prefect Secret block;
    ``incremental`` makes requests conditional on what earlier runs fetched;
    ``portals_at_once`` portals crawl at a time and every ``batch_portals`` finished ones
    are validated and loaded (memory follows these two, not the catalog's size)."""
    return run_audit(catalog, as_of, portals, warehouse, ruleset, data_docs, reports=reports, incremental=incremental,
                     portals_at_once=portals_at_once, batch_portals=batch_portals)


@flow(name="audit-portal", log_prints=True)
def audit_portal(catalog: str, portal_id: str, columns: list[str] | None = None, as_of: date | None = None,
                 ruleset: str = DEFAULT_RULESET, warehouse: str | None = None,
                 data_docs: str | None = DEFAULT_DATA_DOCS, reports: str | None = DEFAULT_REPORTS) -> RunSummary:
    """Audit one portal on demand, all its columns or the column ids given (the Prefect UI
    renders these parameters as a form)."""
    return run_audit(catalog, as_of, [portal_id], warehouse, ruleset, data_docs, columns, reports)


@flow(name="import-catalog", log_prints=True)
def import_catalog(table: str, output: str, portal_id: str = "portal", name: str = "",
                   base_url: str = "http://example.gov.cn/", simplified: bool = False) -> int:
    """Import a published column table (text, HTML, XLSX, DOCX) as a catalog file."""
    from portal_audit.importer import import_file

    result = import_file(table, portal_id=portal_id, name=name, base_url=base_url, simplified=simplified)
    log = get_run_logger()
    for w in result.warnings:
        log.warning(w)
    Path(output).write_text(dump_catalog(result.catalog), encoding="utf-8")
    n = sum(len(p.columns) for p in result.catalog.portals)
    create_markdown_artifact(f"Imported **{n} columns** from `{table}` into `{output}`.\n\n"
                             + "\n".join(f"- warning: {w}" for w in result.warnings), key="catalog-import")
    return n
