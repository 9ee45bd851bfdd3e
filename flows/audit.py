"""Prefect flows: the nightly audit over a catalog, the on-demand audit of one portal (or
some of its columns), and the catalog import.

Prefect stays coarse, since every task run, state change, shipped log and lease is an API
round trip: a run is split into shards of portals (``flows/hosts.py``), and one task per
shard crawls its portals concurrently on one event loop, stores their page bodies as
evidence as each finishes, and meanwhile validates with Great Expectations and loads
(a transaction per portal) the portals finished, every ``LOAD_EVERY`` seconds — a slow
portal holds back none of its shard. ``shards_at_once`` shards run at a time, so one
shard crawls while another validates and loads, and memory follows the shard size, not
the catalog's. Each shard holds one Prefect global concurrency slot per host of its
portals, taken in one request for the whole shard, so two flow runs never crawl one host
at the same time; inside a run, per-host politeness is the crawler's. A portal whose
crawl crashes gets its columns marked ``error`` and the others go on; the run's final
state names what failed. The task runner is Prefect's default thread pool; for a cluster,
``nightly_audit.with_options(task_runner=DaskTaskRunner(...))`` (see README).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextvars
import html
import logging
import queue
import re
import shutil
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture, as_completed
from prefect.states import Completed, Failed

from extractors.crawl import PortalInputs, crawl_portals
from extractors.fetch import FetchPolicy, policy_for
from extractors.linkcheck import LinkCache
from portal_audit.catalog import Checks, Portal, dump_catalog, load_catalog
from portal_audit.records import ColumnCrawl, ColumnVerdict, PortalCrawl
from reporting.inspection import with_names
from portal_audit.i18n import china_today, fmt_date, language, msg, status_label, t, using
from reporting import Filters, write_report
from portal_audit.summary import RunSummary
from validations.content import PageScan, load_lexicon
from validations.rules import DEFAULT_RULESET, load_ruleset
from validations.suite import warm_up
from validations.verdicts import PortalVerdict
from warehouse.db import cause, is_outage, make_engine, mask_url, open_warehouse, warehouse_url
from warehouse.load import finish_run, start_run, store_evidence
from warehouse.read import column_paths, known_items, previous_pages, recently_working_links

from . import canary
from .canary import is_dark
from .commit import RETRY_FOR, RunSpec, failure, commit, load_spool, spool_finish, wait_out
from .hosts import ensure_limits, holding, host_limit_name, plan_shards

T = TypeVar("T")

DEFAULT_DATA_DOCS = "data-docs"  # GE Data Docs per run: data-docs/<run_id>/index.html
DEFAULT_REPORTS = "reports"  # HTML report per portal and run: reports/<run_id>/<portal>.html
DEFAULT_SPOOL = "spool"  # what the warehouse could not take: spool/<run_id>/<portal>.crawl.json
SHARD_PORTALS = 128  # portals in one shard task (as many crawl at once as keep 128 requests open)
SHARD_COLUMNS = 1_500  # … and about this many columns at most (their results wait for the shard's validation)
UNREAD = "unread"  # the Data Docs of the portals of which nothing was read
LOAD_EVERY = 30.0  # seconds: portals finished since are validated and loaded together while the others crawl
SHARDS_AT_ONCE = 2  # shard tasks running at once: one crawls while another validates and loads
CONTEXT_PAGES = 4  # other columns' first pages fetched when a run audits only some columns
LINK_ARTIFACTS = 10  # runs of at most this many portals get a link artifact per portal report


@dataclass
class ShardOutcome:
    """What a shard task hands back: verdicts only, never the crawls."""

    verdicts: list[ColumnVerdict]
    portals: list[PortalVerdict]
    failed: dict[str, str] = field(default_factory=dict)
    data_docs: str | None = None
    reports: dict[str, str] = field(default_factory=dict)  # portal id → its HTML report
    seconds: dict[str, float] = field(default_factory=dict)  # crawl, validate, load, report
    spooled: list[str] = field(default_factory=list)  # portals the warehouse could not take: in the spool
    read_by: dict[str, int] = field(default_factory=dict)  # columns by how their lists were read
    # portals of which nothing was read, not loaded: whether it was our outage is the run's to say
    dark: list[tuple[Portal, PortalCrawl]] = field(default_factory=list)


@dataclass(frozen=True)
class Loading:
    """How a run loads: how long it waits out a warehouse outage, and where what the
    warehouse still cannot take then goes (None: the run fails instead)."""

    retry_for: float = RETRY_FOR
    spool: str | None = DEFAULT_SPOOL


@task(name="audit-shard", cache_policy=NO_CACHE, task_run_name="audit-{label}")
def audit_shard_task(portals: list[Portal], label: str, as_of: date, policy: FetchPolicy, url: str,
                     incremental: bool, run_id: str, ruleset: str, docs_dir: str | None, reports: str | None,
                     context: dict[str, list[str]], checks: Checks | None = None, lang: str | None = None,
                     loading: Loading = Loading()) -> ShardOutcome:
    """Crawl, validate and load a shard of portals. The crawl holds the shard's hosts."""
    with using(lang):  # the portal reports it writes are in the run's language
        return _audit_shard(portals, label, as_of, policy, url, incremental, run_id, ruleset, docs_dir, reports, context,
                            checks or Checks(), loading)


def _audit_shard(portals: list[Portal], label: str, as_of: date, policy: FetchPolicy, url: str, incremental: bool,
                 run_id: str, ruleset: str, docs_dir: str | None, reports: str | None, context: dict[str, list[str]],
                 checks: Checks, loading: Loading) -> ShardOutcome:
    """Crawl the shard's portals and, while they crawl, validate and load those finished:
    every ``LOAD_EVERY`` seconds the portals finished since go to the warehouse together
    (one Great Expectations run for them all). A shard that ends quickly loads once, as a
    whole; a slow portal holds back no other — they are loaded, reported and out of memory
    long before it ends, and a run killed on its time limit keeps them."""
    log = get_run_logger()
    engine = make_engine(url, create=False)  # checked as the run began; it may be out now, and come back
    spec = RunSpec(run_id, as_of, ruleset, checks.content)
    out = ShardOutcome([], [], {}, None, {}, {"crawl": 0.0, "validate and load": 0.0, "report": 0.0}, [], {})
    finished: queue.Queue[tuple[Portal, PortalCrawl] | None] = queue.Queue()
    start = time.perf_counter()
    crawling = _in_thread(_detached_context(), lambda: _crawl_holding_hosts(
        portals, as_of, policy, engine, incremental, run_id, context, checks, finished.put))

    def load(batch: list[tuple[Portal, PortalCrawl]]) -> None:
        batch_portals = [p for p, _ in batch]
        for _, c in batch:
            for column in c.columns:
                out.read_by[column.method or "none"] = out.read_by.get(column.method or "none", 0) + 1
        t = time.perf_counter()
        done = commit(engine, url, spec, batch_portals, {p.id: c for p, c in batch}, retry_for=loading.retry_for,
                      spool=loading.spool, docs_dir=docs_dir, log=log)
        out.seconds["validate and load"] += time.perf_counter() - t
        out.failed.update(done.failed)
        out.spooled += done.spooled
        if done.validation is not None:
            loaded = set(done.loaded)
            out.verdicts += [v for v in done.validation.verdicts if v.portal_id in loaded]
            out.portals += [v for v in done.validation.portals if v.portal_id in loaded]
            out.data_docs = done.validation.data_docs or out.data_docs
        t = time.perf_counter()
        if reports:
            for p in batch_portals:
                if p.id in done.loaded and p.id not in out.failed:
                    path = Path(reports) / run_id / f"{p.id}.html"
                    out.reports[p.id] = str(write_report(engine, run_id, "html", path, Filters(portals=[p.id])).resolve())
        out.seconds["report"] += time.perf_counter() - t

    batch: list[tuple[Portal, PortalCrawl]] = []
    first = 0.0
    while True:
        wait = None if not batch else max(0.0, LOAD_EVERY - (time.monotonic() - first))
        try:
            got = finished.get(timeout=wait)
        except queue.Empty:
            got = ()
        if got is None:  # the crawl is over
            break
        if got and is_dark(got[1]):
            out.dark.append(got)  # held back for the run: it may be our outage, not theirs
        elif got:
            if not batch:
                first = time.monotonic()
            batch.append(got)
        if batch and time.monotonic() - first >= LOAD_EVERY:
            load(batch)
            batch = []
    out.seconds["crawl"] = time.perf_counter() - start
    out.failed.update(crawling.result())  # a crawl that broke outright raises here, after what it finished loaded
    if batch:
        load(batch)
    del batch
    _give_back_memory()
    crawl, validate, report = (round(x, 1) for x in out.seconds.values())
    log.info("%s", t("log.shard", shard=label, portals=len(portals), columns=len(out.verdicts), crawl=crawl,
                     validate=validate, report=report, memory=_resident()))
    return out


def _settle_dark(dark: list[tuple[Portal, PortalCrawl]], total: int, as_of: date, policy: FetchPolicy, engine,
                 incremental: bool, run_id: str, context: dict[str, list[str]], checks: Checks,
                 references: Sequence[str], outage_share: float, log) -> tuple[list[tuple[Portal, PortalCrawl]], str | None]:
    """Dark portals (nothing read) as they are to be loaded, and the outage line when it
    was the auditing machine's network (``flows/canary.py``)."""
    if not canary.needs_canary(len(dark), total, outage_share):
        return dark, None
    portals = [p for p, _ in dark]
    back = canary.second_try(portals, policy)
    if back is not None:
        log.warning("%s", t("log.second_try", n=len(dark), total=total, url=back))
        again: list[tuple[Portal, PortalCrawl]] = []

        def keep(got: tuple[Portal, PortalCrawl] | None) -> None:
            if got is not None:
                again.append(got)
        _crawl_holding_hosts(portals, as_of, policy, engine, incremental, run_id, context, checks, keep)
        return again, None
    if canary.reference_answers(references, policy) is not None:
        return dark, None  # the network works: the portals are down, and that is their finding
    reason = canary.outage_reason(len(dark), total, references)
    log.error("%s", reason)
    return [(p, canary.in_outage(p, c)) for p, c in dark], str(reason)


def _crawl_holding_hosts(portals: list[Portal], as_of: date, policy: FetchPolicy, engine, incremental: bool,
                         run_id: str, context: dict[str, list[str]], checks: Checks,
                         done: Callable[[tuple[Portal, PortalCrawl] | None], None]) -> dict[str, str]:
    """Crawl a shard's portals concurrently while holding their hosts. Each portal's page
    bodies go to the evidence store as it finishes; the crawl without them goes to
    ``done``, and ``done(None)`` says the crawl is over. Returns the portals that failed."""
    links = checks.links != "none" and checks.links_per_portal > 0
    cache = _link_cache(run_id, checks) if links else None

    def inputs(p: Portal) -> PortalInputs:  # what earlier nights left, read as the portal starts
        previous, known = _hint(lambda: (previous_pages(engine, p.id), known_items(engine, p.id)) if incremental
                                else ({}, {}), ({}, {}))
        observer = None
        if links or checks.content:
            observer = PageScan(load_lexicon(), checks.links_per_portal if links else 0, checks.content)
        if cache is not None and checks.recheck_days:
            cache.fresh |= _hint(lambda: recently_working_links(engine, p.id, as_of - timedelta(days=checks.recheck_days)),
                                 set())
        paths = _hint(lambda: column_paths(engine, p.id), {})
        return PortalInputs(previous, known, paths, context.get(p.id, ()), observer, cache)

    async def crawl() -> dict[str, str]:
        failed: dict[str, str] = {}
        async for p, got in crawl_portals(portals, as_of, policy, inputs=inputs):
            if isinstance(got, Exception):
                failed[p.id] = failure("crawl", got)
                done((p, _crashed(p, got)))
                continue
            try:
                await asyncio.to_thread(store_evidence, engine, run_id, got.pages())
                got = got.without_bodies()
            except Exception as exc:
                if not is_outage(exc):  # the crawl still counts; its bodies are not kept
                    failed[p.id] = failure("evidence", exc)
                    got = got.without_bodies()
                # the warehouse is out: the bodies stay with the crawl, stored when it loads (or spooled)
            done((p, got))
        return failed

    try:
        with holding([host_limit_name(p) for p in portals]):
            return asyncio.run_coroutine_threadsafe(crawl(), _crawler_loop()).result()
    finally:
        done(None)


def _in_thread(ctx: contextvars.Context, fn: Callable[[], T]) -> concurrent.futures.Future[T]:
    """``fn()`` in a thread of its own, in ``ctx``; its result (or exception) in the future."""
    future: concurrent.futures.Future[T] = concurrent.futures.Future()

    def run() -> None:
        try:
            future.set_result(ctx.run(fn))
        except BaseException as exc:  # handed to whoever waits on the future
            future.set_exception(exc)

    threading.Thread(target=run, name="shard-crawl", daemon=True).start()
    return future


_LINK_CACHES: dict[str, LinkCache] = {}  # run id → its checked links: a URL is checked once per run


def _link_cache(run_id: str, checks: Checks) -> LinkCache:
    with _LOOP_LOCK:
        return _LINK_CACHES.setdefault(run_id, LinkCache(only_site=checks.links == "site"))


_LOOP: asyncio.AbstractEventLoop | None = None
_LOOP_LOCK = threading.Lock()


def _crawler_loop() -> asyncio.AbstractEventLoop:
    """The process's one crawling event loop, in a thread of its own. Shards running at
    once crawl on it side by side: two event loops in two threads would hand the GIL
    back and forth for every page (15 % more CPU, measured), one loop interleaves them
    cooperatively, while validation and loading run in the task threads."""
    global _LOOP
    with _LOOP_LOCK:
        if _LOOP is None or _LOOP.is_closed():
            _LOOP = asyncio.new_event_loop()
            threading.Thread(target=_LOOP.run_forever, name="crawler-loop", daemon=True).start()
        return _LOOP


def _resident() -> str:
    """This process's resident memory now (Linux), for the shard's log line."""
    try:
        with open("/proc/self/status") as status:
            kb = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
        return f"{kb // 1024} MB"
    except (OSError, StopIteration):
        return "unknown"


def _give_back_memory() -> None:
    """Hand the heap a finished shard freed back to the system (glibc keeps it otherwise,
    fragmented, and a long run's resident memory creeps up shard by shard)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


def _hint(read: Callable[[], T], without: T) -> T:
    """What earlier nights left (validators, known items, list paths, working links) only
    saves requests: with the warehouse out the crawl goes on without it."""
    try:
        return read()
    except Exception as exc:
        if not is_outage(exc):
            raise
        logging.getLogger("portal_audit.audit").warning("warehouse unavailable, crawling without its hints: %s",
                                                         cause(exc))
        return without


def _detached_context() -> contextvars.Context:
    """A copy of this context without the task run's own context and transaction: a Prefect
    service started inside keeps the context it started in, and through the transaction it
    would keep this task's result — a whole shard's crawl — for the life of the process."""
    from prefect.context import TaskRunContext
    from prefect.transactions import Transaction

    ctx = contextvars.copy_context()
    for var in (TaskRunContext.__var__, Transaction.__var__):
        ctx.run(var.set, None)
    return ctx


def _crashed(portal: Portal, error: BaseException) -> PortalCrawl:
    """Every column of a portal whose crawl died: ``error``, with a reason in the reader's
    language (the exception itself goes to the run's log and message)."""
    reason = msg("crawl.crashed")
    return PortalCrawl(portal.id, None, tuple(
        ColumnCrawl(portal.id, c.id, portal.column_url(c), "error", error=reason) for c in portal.columns))


def resolve_warehouse(warehouse: str | None) -> str:
    """``secret:NAME`` reads the URL from a Prefect Secret block (passwords stay out of
    parameters and logs); otherwise --warehouse / $PORTAL_AUDIT_WAREHOUSE / the default."""
    if warehouse and warehouse.startswith("secret:"):
        from prefect.blocks.system import Secret

        return Secret.load(warehouse.removeprefix("secret:")).get()
    return warehouse_url(warehouse)


def _artifacts(summary: RunSummary, portals: list[Portal], reports: dict[str, str]) -> None:
    """The run's artifacts: a handful of API calls whatever the number of portals."""
    names = {(p.id, c.id): c.name for p in portals for c in p.columns}
    units = {(p.id, c.id): c.responsible or "" for p in portals for c in p.columns}
    links = {(p.id, c.id): p.column_url(c) for p in portals for c in p.columns}
    create_markdown_artifact(summary.markdown(names), key="audit-summary", description=summary.line())
    col = {k: t(f"col.{k}") for k in ("responsible", "portal_id", "path", "status", "last_published_on",
                                      "days_since_update", "allowed_days", "days_left", "url", "detail")}
    rows = [{col["portal_id"]: v.portal_id, col["path"]: names[(v.portal_id, v.column_id)],
             col["status"]: status_label(v.status), col["last_published_on"]: fmt_date(v.last_published_on),
             col["days_since_update"]: v.days_since_update, col["allowed_days"]: v.allowed_days,
             col["url"]: links[(v.portal_id, v.column_id)] or "", col["detail"]: v.detail}
            for v in summary.attention]
    create_table_artifact(rows, key="audit-non-fresh-columns",
                          description=t("artifact.attention_some" if summary.attention_total > len(rows)
                                        else "artifact.attention", shown=len(rows), n=summary.attention_total))
    if summary.due_soon:
        due = sorted(summary.due_soon, key=lambda v: (units[(v.portal_id, v.column_id)], v.allowed_days - v.days_since_update))
        create_table_artifact([{col["responsible"]: units[(v.portal_id, v.column_id)], col["portal_id"]: v.portal_id,
                                col["path"]: names[(v.portal_id, v.column_id)],
                                col["last_published_on"]: fmt_date(v.last_published_on),
                                col["days_left"]: v.allowed_days - v.days_since_update,
                                col["url"]: links[(v.portal_id, v.column_id)] or ""} for v in due],
                              key="audit-due-soon", description=t("artifact.due_soon", n=len(due)))
    if not reports:
        return
    titles = {p.id: p.name for p in portals}
    index = Path(next(iter(reports.values()))).parent / "index.html"
    items = "".join(f'<li><a href="{html.escape(Path(path).name)}">{html.escape(titles.get(pid, pid))}</a></li>'
                    for pid, path in reports.items())
    heading = html.escape(t("artifact.reports", run=summary.run_id))
    index.write_text(f'<!doctype html><html lang="{language()}"><meta charset=utf-8><title>{heading}</title>'
                     f"<h1>{heading}</h1><ul>{items}</ul>", encoding="utf-8")
    create_link_artifact(index.resolve().as_uri(), link_text=t("artifact.reports", run=summary.run_id),
                         key="audit-reports")
    if len(reports) <= LINK_ARTIFACTS:
        for pid, path in reports.items():
            key = "report-" + re.sub(r"[^a-z0-9]+", "-", pid.lower()).strip("-")
            create_link_artifact(Path(path).as_uri(), link_text=t("artifact.report", portal=titles.get(pid, pid),
                                                                  run=summary.run_id),
                                 key=key)


def send_notification(block: str, summary: RunSummary) -> bool:
    """Send the run's alert through a Prefect notification block (``block-type/name``, e.g.
    ``custom-webhook/wecom`` for a 企业微信/钉钉 robot, or an e-mail block) when something
    vetoes, warns or falls due. A notification that fails is logged, never fails the run."""
    text = summary.alert()
    if not text:
        return False
    from prefect.blocks.core import Block

    try:
        Block.load(block).notify(text, subject=f"portal-audit {summary.run_id}")
    except Exception as exc:  # the audit is stored either way
        get_run_logger().error("notification through %s failed: %s: %s", block, type(exc).__name__, exc)
        return False
    return True


def _as_finished(jobs: Sequence[T], submit: Callable[[T], PrefectFuture],
                 at_once: int) -> Iterator[tuple[T, object]]:
    """Each job's result (or the exception it died of) as it finishes, with at most
    ``at_once`` running: the next one starts before a finished one is handed on."""
    queue = iter(jobs)
    running: dict[PrefectFuture, T] = {}

    def start_next() -> None:
        job = next(queue, None)
        if job is not None:
            running[submit(job)] = job

    for _ in range(max(1, at_once)):
        start_next()
    while running:
        future = next(as_completed(list(running)))
        job = running.pop(future)
        start_next()
        try:
            yield job, future.result()
        except Exception as exc:  # one broken shard must not sink the others
            yield job, exc


def _docs_index(docs_dir: Path, folders: list[str], pages: Sequence[str] = ()) -> str:
    """One page linking the expectation tables of a run's parts: each shard's, and the
    portals of which nothing was read (validated once the run's crawl was over)."""
    def label(name: str) -> str:
        return t("docs.unread") if name == UNREAD else t("docs.shard", shard=name)

    links = "".join(f'<li><a href="{html.escape(p)}">{html.escape(t("docs.portals_read"))}</a></li>' for p in pages)
    links += "".join(f'<li><a href="{html.escape(f)}/index.html">{html.escape(label(f))}</a></li>' for f in folders)
    index = docs_dir / "index.html"
    title = html.escape(t("docs.index", run=docs_dir.name))
    index.write_text(f"<!doctype html><meta charset=utf-8><title>{title}</title><h1>{title}</h1><ul>{links}</ul>",
                     encoding="utf-8")
    return str(index)


def run_audit(catalog: str, as_of: date | None, portals: list[str] | None, warehouse: str | None, ruleset: str,
              data_docs: str | None = DEFAULT_DATA_DOCS, columns: list[str] | None = None,
              reports: str | None = DEFAULT_REPORTS, incremental: bool = True,
              shard_portals: int = SHARD_PORTALS, shards_at_once: int = SHARDS_AT_ONCE,
              shard_columns: int = SHARD_COLUMNS, notify: str | None = None, lang: str | None = None,
              loading: Loading = Loading()):
    """Body shared by the audit flows (must run inside a flow). Returns the run summary,
    wrapped in a Completed state that says which portals failed when some did. ``lang``:
    the language of its reports, artifacts and alert (default $PORTAL_AUDIT_LANG, else Chinese)."""
    with using(lang) as lang:
        return _run_audit(catalog, as_of, portals, warehouse, ruleset, data_docs, columns, reports, incremental,
                          shard_portals, shards_at_once, shard_columns, notify, lang, loading)


def _run_audit(catalog: str, as_of: date | None, portals: list[str] | None, warehouse: str | None, ruleset: str,
               data_docs: str | None, columns: list[str] | None, reports: str | None, incremental: bool,
               shard_portals: int, shards_at_once: int, shard_columns: int, notify: str | None, lang: str,
               loading: Loading):
    log = get_run_logger()
    as_of = as_of or china_today()
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
    engine = open_warehouse(url)  # one clear line, before any crawling, when it cannot take the run
    if loading.spool:  # what an earlier run could not load goes in first: nights stay in order
        earlier = load_spool(engine, url, loading.spool, loading.retry_for, log)
        if earlier.runs:
            log.info("%s", t("log.spool_loaded", runs=", ".join(earlier.runs), n=earlier.portals))
    try:
        from prefect.runtime import flow_run

        flow_run_id = str(flow_run.id) if flow_run.id else None
    except Exception:  # pragma: no cover - outside a flow run
        flow_run_id = None
    shards = plan_shards(selected, shard_portals, shard_columns)
    log.info("%s", t("log.start", portals=len(selected), shards=len(shards), at_once=shards_at_once, as_of=as_of,
                     warehouse=mask_url(url), ruleset=rules.label))
    run_id = wait_out(lambda: start_run(engine, as_of, rules.label, catalog=str(catalog), flow_run_id=flow_run_id),
                      time.monotonic() + loading.retry_for, "opening the run", log)
    docs_root = Path(data_docs) / run_id if data_docs else None
    if docs_root:
        shutil.rmtree(docs_root, ignore_errors=True)  # a re-run of the day replaces its docs
    several = len(shards) > 1
    labels = {id(s): f"shard-{i + 1:03d}" for i, s in enumerate(shards)}
    summary = RunSummary(run_id=run_id, as_of=as_of.isoformat(), ruleset=rules.label, warehouse=mask_url(url),
                         due_soon_days=rules.due_soon_days)
    failed: dict[str, str] = {}
    written: dict[str, str] = {}
    spooled: list[str] = []
    dark: list[tuple[Portal, PortalCrawl]] = []  # portals of which nothing was read, held for the canary
    by_id = {p.id: p for p in selected}
    outage: str | None = None  # the auditing machine's own, when the canary finds one
    try:
        threading.Thread(target=warm_up, name="import-great-expectations", daemon=True).start()
        ensure_limits(sorted({host_limit_name(p) for p in selected}))
        policy = policy_for(cat)

        def submit(shard: list[Portal]) -> PrefectFuture:
            label = labels[id(shard)]
            docs_dir = str(docs_root / label if several else docs_root) if docs_root else None
            return audit_shard_task.submit(shard, label, as_of, policy, url, incremental, run_id, ruleset, docs_dir,
                                           reports, {p.id: context[p.id] for p in shard if p.id in context},
                                           cat.checks, lang, loading)

        for shard, outcome in _as_finished(shards, submit, shards_at_once):
            if isinstance(outcome, BaseException):  # the shard's own machinery broke: its portals failed
                log.error("%s crashed: %s", labels[id(shard)], outcome)
                for p in shard:
                    failed[p.id] = failure("shard", outcome)
                continue
            summary.add(outcome.verdicts, [_named(v, by_id[v.portal_id]) for v in outcome.portals], outcome.read_by)
            failed.update(outcome.failed)
            dark += outcome.dark
            spooled += outcome.spooled
            written.update(outcome.reports)
            if outcome.data_docs and not several:
                summary.data_docs = outcome.data_docs
        if dark:
            dark, outage = _settle_dark(dark, len(selected), as_of, policy, engine, incremental, run_id, context,
                                        cat.checks, cat.reference_urls, rules.outage_share, log)
            done_dark = commit(engine, url, RunSpec(run_id, as_of, ruleset, cat.checks.content), [p for p, _ in dark],
                               dict((p.id, c) for p, c in dark), retry_for=loading.retry_for, spool=loading.spool,
                               docs_dir=str(docs_root / UNREAD) if docs_root else None, log=log)
            failed.update(done_dark.failed)
            spooled += done_dark.spooled
            if done_dark.validation is not None:
                loaded = set(done_dark.loaded)
                summary.add([v for v in done_dark.validation.verdicts if v.portal_id in loaded],
                            [_named(v, by_id[v.portal_id]) for v in done_dark.validation.portals
                             if v.portal_id in loaded], dict(Counter(c.method or "none" for _, k in dark
                                                                     for c in k.columns)))
                if reports:
                    for p in (p for p, _ in dark if p.id in loaded):
                        out = Path(reports) / run_id / f"{p.id}.html"
                        written[p.id] = str(write_report(engine, run_id, "html", out,
                                                         Filters(portals=[p.id])).resolve())
        if docs_root and docs_root.exists() and (several or (docs_root / UNREAD).exists()):
            folders = [labels[id(s)] for s in shards if (docs_root / labels[id(s)] / "index.html").exists()]
            if not several and (docs_root / "index.html").exists():  # the one shard's own table, kept aside
                (docs_root / "index.html").replace(docs_root / "shard.html")
            summary.data_docs = _docs_index(docs_root, folders + ([UNREAD] if (docs_root / UNREAD).exists() else []),
                                            [] if several else ["shard.html"])
        order = {p.id: i for i, p in enumerate(selected)}
        summary.portals.sort(key=lambda v: order.get(v.portal_id, len(order)))
        summary.failed_portals = failed
        still_dark = [p.id for p, c in dark if is_dark(c)]
        ok = (len(failed) < len(selected) or not selected) and outage is None
        message = "; ".join([*([outage] if outage else []), *(f"{k}: {v}" for k, v in failed.items())]) or None
        waiting = _close_run(engine, url, run_id, ok, message, summary.data_docs, loading, bool(spooled), log)
    except BaseException as exc:
        try:
            finish_run(engine, run_id, ok=False, message=f"{type(exc).__name__}: {exc}")
        except Exception as closing:  # the warehouse is out too: the run stays 'running', re-run the day
            log.error("could not mark run %s failed: %s", run_id, cause(closing))
        raise
    finally:
        _LINK_CACHES.pop(run_id, None)
    _artifacts(summary, selected, {p.id: written[p.id] for p in selected if p.id in written})
    log.info(summary.line())
    if notify and send_notification(notify, summary):
        log.info("%s", t("log.alert_sent", block=notify))
    if waiting:  # what was loaded is summarised above; the rest waits in the spool
        log.error("%s", t("log.spooled", warehouse=mask_url(url), n=len(spooled), spool=loading.spool))
        return Failed(message=t("run.spooled" if spooled else "run.closing_spooled", warehouse=mask_url(url),
                                n=len(spooled), spool=loading.spool, run=run_id,
                                minutes=f"{loading.retry_for / 60:g}"), data=summary)
    if outage:  # not the portals' failure: their verdicts are unknown, and the run is not green
        return Failed(message=outage)
    if selected and len(still_dark) == len(selected):
        return Failed(message=t("outage.all_down", n=len(selected)))
    if failed and len(failed) == len(selected):
        return Failed(message=t("run.all_failed", failed="; ".join(f"{k}: {v}" for k, v in failed.items())))
    if failed:
        return Completed(name="Partially failed", data=summary,
                         message=t("run.some_failed", n=len(failed), total=len(selected), ids=", ".join(failed)))
    return summary


def _named(verdict: PortalVerdict, portal: Portal) -> PortalVerdict:
    """The verdict as people read it: the columns its reasons list by name, not by id (the
    warehouse keeps the ids)."""
    paths = {c.id: " › ".join(c.path) for c in portal.columns}
    checks = tuple(replace(c, message=with_names(c.message, lambda i: paths.get(i, i))) for c in verdict.checks)
    return replace(verdict, checks=checks)


def _close_run(engine, url: str, run_id: str, ok: bool, message: str | None, data_docs: str | None,
               loading: Loading, spooled: bool, log) -> bool:
    """Close the run, or leave its closing to whoever loads the spool (when portals wait
    there, or the warehouse is out now); True when the spool has it."""
    if not spooled:
        try:
            wait_out(lambda: finish_run(engine, run_id, ok=ok, message=message, data_docs=data_docs),
                     time.monotonic() + loading.retry_for, "closing the run", log)
            return False
        except Exception as exc:
            if not (is_outage(exc) and loading.spool):
                raise
    spool_finish(loading.spool, url, run_id, ok, message, data_docs)
    return True


@flow(name="nightly-audit", log_prints=True)
def nightly_audit(catalog: str = "catalogs/demo.yaml", as_of: date | None = None, portals: list[str] | None = None,
                  warehouse: str | None = None, ruleset: str = DEFAULT_RULESET,
                  data_docs: str | None = DEFAULT_DATA_DOCS, reports: str | None = DEFAULT_REPORTS,
                  incremental: bool = True, shard_portals: int = SHARD_PORTALS,
                  shards_at_once: int = SHARDS_AT_ONCE, notify: str | None = None,
                  lang: str | None = None, spool: str | None = DEFAULT_SPOOL,
                  load_retry_minutes: float = RETRY_FOR / 60) -> RunSummary:
    """Audit every portal of a catalog (or those named) and load the results. Portals are
    crawled, validated and loaded in shards (memory follows the shards, not the catalog);
    a warehouse outage is waited out, then what it cannot take goes to the spool and the
    run fails saying so (``portal-audit db load-spool``, or the next run, loads it). The
    Args below are what the Prefect UI's run form shows, in the users' language.

    Args:
        catalog: 网站目录文件（YAML），相对于工作目录
        as_of: 检查日期（默认中国今天）
        portals: 只检查这些网站（目录中的 id，可多个；留空检查全部）
        warehouse: 数据仓库地址（SQLAlchemy URL，如 postgresql+psycopg://…），或 secret:名称 读取 Prefect Secret 块
        ruleset: 检查规则（内置名称或 YAML 路径）
        data_docs: 每次检查的期望校验表所在文件夹（留空不写）
        reports: 每个网站的 HTML 报告所在文件夹（留空不写）
        incremental: 按上次抓取结果发送条件请求，未变化的页面不再下载
        shard_portals: 每批网站数（内存随批大小而定）
        shards_at_once: 同时运行的批数
        notify: Prefect 通知块（如 custom-webhook/wecom），发送否决、预警与即将超期栏目
        lang: 报告、产物与通知的语言（zh 或 en；默认 $PORTAL_AUDIT_LANG，否则中文）
        spool: 数据仓库不可用时暂存抓取结果的文件夹（留空则检查失败）
        load_retry_minutes: 等待数据仓库恢复的分钟数
    """
    return run_audit(catalog, as_of, portals, warehouse, ruleset, data_docs, reports=reports, incremental=incremental,
                     shard_portals=shard_portals, shards_at_once=shards_at_once, notify=notify, lang=lang,
                     loading=Loading(load_retry_minutes * 60, spool))


@flow(name="audit-portal", log_prints=True)
def audit_portal(catalog: str, portal_id: str, columns: list[str] | None = None, as_of: date | None = None,
                 ruleset: str = DEFAULT_RULESET, warehouse: str | None = None,
                 data_docs: str | None = DEFAULT_DATA_DOCS, reports: str | None = DEFAULT_REPORTS,
                 notify: str | None = None, lang: str | None = None, spool: str | None = DEFAULT_SPOOL,
                 load_retry_minutes: float = RETRY_FOR / 60) -> RunSummary:
    """Audit one portal on demand, all its columns or the column ids given (the Prefect UI
    renders these parameters as a form, with the Args below).

    Args:
        catalog: 网站目录文件（YAML），相对于工作目录
        portal_id: 要检查的网站（目录中的 id）
        columns: 只检查这些栏目（栏目 id，可多个；留空检查全部栏目）
        as_of: 检查日期（默认中国今天）
        ruleset: 检查规则（内置名称或 YAML 路径）
        warehouse: 数据仓库地址（SQLAlchemy URL），或 secret:名称 读取 Prefect Secret 块
        data_docs: 期望校验表所在文件夹（留空不写）
        reports: HTML 报告所在文件夹（留空不写）
        notify: Prefect 通知块（如 custom-webhook/wecom）
        lang: 报告与产物的语言（zh 或 en）
        spool: 数据仓库不可用时暂存抓取结果的文件夹（留空则检查失败）
        load_retry_minutes: 等待数据仓库恢复的分钟数
    """
    return run_audit(catalog, as_of, [portal_id], warehouse, ruleset, data_docs, columns, reports, notify=notify,
                     lang=lang, loading=Loading(load_retry_minutes * 60, spool))


@flow(name="import-catalog", log_prints=True)
def import_catalog(table: str, output: str, portal_id: str = "portal", name: str = "",
                   base_url: str = "http://example.gov.cn/", simplified: bool = False) -> int:
    """Import a published column table (text, HTML, XLSX, DOCX) as a catalog file.

    Args:
        table: 栏目分工表文件（文本、HTML、XLSX、DOCX），相对于工作目录
        output: 写出的网站目录文件（YAML）
        portal_id: 网站 id（字母、数字、点、横线）
        name: 网站名称
        base_url: 网站首页地址
        simplified: 将繁体字转为简体字
    """
    from portal_audit.importer import import_file

    result = import_file(table, portal_id=portal_id, name=name, base_url=base_url, simplified=simplified)
    log = get_run_logger()
    for w in result.warnings:
        log.warning(w)
    Path(output).write_text(dump_catalog(result.catalog), encoding="utf-8")
    n = sum(len(p.columns) for p in result.catalog.portals)
    create_markdown_artifact(t("artifact.imported", n=n, table=table, output=output) + "\n\n"
                             + "\n".join(f"- {t('artifact.warning', warning=w)}" for w in result.warnings),
                             key="catalog-import")
    return n
