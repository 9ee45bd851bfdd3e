"""The shard task: one Prefect task crawls a shard's portals concurrently, in a process of
its own (``flows/crawler.py``: two shards at once crawl on two cores), stores their page
bodies as evidence as each finishes, and meanwhile validates and loads the
portals finished, every ``LOAD_EVERY`` seconds (a slow portal holds back none of its shard).
It holds the shard's host slots for its whole crawl; portals that were dark are held for the
run's canary (``flows/canary.py``) and settled by ``settle_dark``."""

from __future__ import annotations

import concurrent.futures
import contextvars
import os
import queue
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TypeVar

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from extractors.fetch import FetchPolicy
from extractors.linkcheck import Outcome
from portal_audit.catalog import Checks, Portal
from portal_audit.i18n import language, msg, t, using, with_names
from portal_audit.memory import give_back, resident_mb
from portal_audit.records import RECENTLY_WORKING, ColumnCrawl, ColumnVerdict, PortalCrawl
from validations.verdicts import PortalVerdict
from warehouse.db import is_outage, make_engine
from warehouse.load import store_evidence

from . import canary, crawler, surfaces
from .canary import is_dark
from .commit import RETRY_FOR, RunSpec, commit, failure
from .hosts import holding, host_limit_name, host_of

T = TypeVar("T")

DEFAULT_SPOOL = "spool"  # what the warehouse could not take: spool/<run_id>/<portal>.crawl.json
SHARD_PORTALS = 128  # portals in one shard task (as many crawl at once as keep 128 requests open)
SHARD_COLUMNS = 1_500  # … and about this many columns at most (their results wait for the shard's validation)
LOAD_EVERY = 30.0  # seconds: portals finished since are validated and loaded together while the others crawl


@dataclass
class ShardOutcome:
    """What a shard task hands back: verdicts only, never the crawls."""

    verdicts: list[ColumnVerdict]
    portals: list[PortalVerdict]  # named: as people read them (``named``)
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


def named(verdict: PortalVerdict, portal: Portal) -> PortalVerdict:
    """The verdict as people read it: the columns its reasons list by name, not by id (the
    warehouse keeps the ids)."""
    paths = {c.id: " › ".join(c.path) for c in portal.columns}
    checks = tuple(replace(c, message=with_names(c.message, lambda i: paths.get(i, i))) for c in verdict.checks)
    return replace(verdict, checks=checks)


@task(name="audit-shard", cache_policy=NO_CACHE, task_run_name="audit-{label}")
def audit_shard_task(portals: list[Portal], label: str, as_of: date, policy: FetchPolicy, url: str,
                     incremental: bool, run_id: str, ruleset: str, docs_dir: str | None, reports: str | None,
                     context: dict[str, list[str]], checks: Checks | None = None, lang: str | None = None,
                     loading: Loading = Loading(), apart: bool = True) -> ShardOutcome:
    """Crawl, validate and load a shard of portals. The crawl holds the shard's hosts; it runs
    in a process of its own when ``apart`` (see ``crawler.crawl_apart``)."""
    with using(lang):  # the portal reports it writes are in the run's language
        return _audit_shard(portals, label, as_of, policy, url, incremental, run_id, ruleset, docs_dir, reports,
                            context, checks or Checks(), loading, apart)


def _audit_shard(portals: list[Portal], label: str, as_of: date, policy: FetchPolicy, url: str, incremental: bool,
                 run_id: str, ruleset: str, docs_dir: str | None, reports: str | None, context: dict[str, list[str]],
                 checks: Checks, loading: Loading, apart: bool = True) -> ShardOutcome:
    """Crawl the shard's portals and, while they crawl, validate and load those finished:
    every ``LOAD_EVERY`` seconds the portals finished since go to the warehouse together
    (one Great Expectations run for them all). A shard that ends quickly loads once, as a
    whole; a slow portal holds back no other — they are loaded, reported and out of memory
    long before it ends, and a run killed on its time limit keeps them."""
    log = get_run_logger()
    engine = make_engine(url, create=False)  # checked as the run began; it may be out now, and come back
    spec = RunSpec(run_id, as_of, ruleset, checks.content, checks.site_registry)
    out = ShardOutcome([], [], {}, None, {}, {"crawl": 0.0, "validate and load": 0.0, "report": 0.0}, [], {})
    finished: queue.Queue[tuple[Portal, PortalCrawl] | None] = queue.Queue()
    start = time.perf_counter()
    crawling = _in_thread(_detached_context(), lambda: _crawl_holding_hosts(
        portals, as_of, policy, engine, incremental, run_id, context, checks, finished.put, apart))

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
            by_id = {p.id: p for p in batch_portals}
            out.portals += [named(v, by_id[v.portal_id]) for v in done.validation.portals if v.portal_id in loaded]
            out.data_docs = done.validation.data_docs or out.data_docs
        t = time.perf_counter()
        if reports:
            out.reports.update(surfaces.portal_reports(engine, run_id, [
                p.id for p in batch_portals if p.id in done.loaded and p.id not in out.failed], Path(reports) / run_id))
        out.seconds["report"] += time.perf_counter() - t

    batch: list[tuple[Portal, PortalCrawl]] = []
    first = 0.0
    while True:
        wait = None if not batch else max(0.0, LOAD_EVERY - (time.monotonic() - first))
        got: tuple[Portal, PortalCrawl] | tuple[()] | None
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


def settle_dark(dark: list[tuple[Portal, PortalCrawl]], total: int, as_of: date, policy: FetchPolicy, engine,
                incremental: bool, run_id: str, context: dict[str, list[str]], checks: Checks,
                references: Sequence[str], outage_share: float,
                log) -> tuple[list[tuple[Portal, PortalCrawl]], str | None]:
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
        _crawl_holding_hosts(portals, as_of, policy, engine, incremental, run_id, context, checks, keep, apart=False)
        return again, None
    if canary.reference_answers(references, policy) is not None:
        return dark, None  # the network works: the portals are down, and that is their finding
    reason = canary.outage_reason(len(dark), total, references)
    log.error("%s", reason)
    return [(p, canary.in_outage(p, c)) for p, c in dark], str(reason)


def _crawl_holding_hosts(portals: list[Portal], as_of: date, policy: FetchPolicy, engine, incremental: bool,
                         run_id: str, context: dict[str, list[str]], checks: Checks,
                         done: Callable[[tuple[Portal, PortalCrawl] | None], None],
                         apart: bool = True) -> dict[str, str]:
    """Crawl a shard's portals concurrently, in a process of its own if ``apart``
    (``flows/crawler.py``), while holding their hosts. Each portal's page bodies go to the evidence store as it
    finishes; the crawl without them goes to ``done``, and ``done(None)`` says the crawl is
    over. Returns the portals that failed."""
    failed: dict[str, str] = {}
    hosts = {host_of(p) for p in portals}
    job = crawler.CrawlJob(portals, as_of, policy, engine.url.render_as_string(hide_password=False), incremental,
                           context, checks, checked=dict(_CHECKED.get(run_id, {})), lang=language(),
                           env=dict(os.environ))
    try:
        with holding([host_limit_name(p) for p in portals]):
            for p, got in crawler.crawl_apart(job, apart):
                if isinstance(got, Exception):
                    failed[p.id] = failure("crawl", got)
                    done((p, _crashed(p, got)))
                    continue
                _remember_links(run_id, hosts, got)
                try:
                    store_evidence(engine, run_id, got.pages())
                    got = got.without_bodies()
                except Exception as exc:
                    if not is_outage(exc):  # the crawl still counts; its bodies are not kept
                        failed[p.id] = failure("evidence", exc)
                        got = got.without_bodies()
                    # the warehouse is out: the bodies stay with the crawl, stored when it loads (or spooled)
                done((p, got))
        return failed
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


# run id → what its shards found checking links to hosts outside their own, handed to the
# shards that start later: a URL on a shared site (www.gov.cn, a province's platform) is
# checked once per run, not once per shard. Links to a shard's own hosts are not kept: no
# other shard crawls those hosts (kept, they were ~0.9 KB a check, ~1.3 GB at 14,000 portals).
_CHECKED: dict[str, dict[str, Outcome]] = {}
_CHECKED_LOCK = threading.Lock()


def forget_links(run_id: str) -> None:
    """Drop a finished run's checked links."""
    with _CHECKED_LOCK:
        _CHECKED.pop(run_id, None)


def _remember_links(run_id: str, hosts: set[str], crawl: PortalCrawl) -> None:
    """Keep the outcomes of ``crawl``'s checks of links off the shard's own ``hosts``."""
    def netloc(url: str) -> str:  # of "http://host:port/…", 13 × faster than urlsplit's (a shard's 12,000 links)
        parts = url.split("/", 3)
        return parts[2].lower() if len(parts) > 2 else ""

    other = {c.link.url: Outcome(c.status, c.http_status, c.error, c.title, c.text_sample) for c in crawl.links
             if c.error != RECENTLY_WORKING and netloc(c.link.url) not in hosts}
    if other:
        with _CHECKED_LOCK:
            _CHECKED.setdefault(run_id, {}).update(other)


def _resident() -> str:
    """This process's resident memory now (Linux), for the shard's log line."""
    mb = resident_mb()
    return "unknown" if mb is None else f"{mb} MB"


def _give_back_memory() -> None:
    """What a finished shard freed, given back to the system (glibc keeps it otherwise,
    fragmented, and a long run's resident memory creeps up shard by shard)."""
    give_back()


def _detached_context() -> contextvars.Context:
    """A copy of this context without the task run's own context and transaction: a Prefect
    service started inside keeps the context it started in, and through the transaction it
    would keep this task's result — a whole shard's crawl — for the life of the process."""
    from prefect.context import TaskRunContext
    from prefect.transactions import Transaction

    ctx = contextvars.copy_context()
    # Prefect types these variables without None, yet None is what "no task run here" is
    ctx.run(TaskRunContext.__var__.set, None)  # type: ignore[arg-type]
    ctx.run(Transaction.__var__.set, None)  # type: ignore[arg-type]
    return ctx


def _crashed(portal: Portal, error: BaseException) -> PortalCrawl:
    """Every column of a portal whose crawl died: ``error``, with a reason in the reader's
    language (the exception itself goes to the run's log and message)."""
    reason = msg("crawl.crashed")
    return PortalCrawl(portal.id, None, tuple(
        ColumnCrawl(portal.id, c.id, portal.column_url(c), "error", error=reason) for c in portal.columns))


