"""A shard's crawl in a process of its own, so a run's shards crawl on every core.

Reading pages (fetching, parsing with lxml, dates, list choice, the content scan) is the
audit's CPU, and in one process it runs on one core however many shards crawl at once: the
GIL is held for most of a page's reading (threads measured slower, and one event loop for
all shards was the best a single process did). Here each shard's crawl runs in a child
process that streams its portals' crawls back, as each portal finishes; this process keeps
the host slots, stores the evidence, validates and loads. Two shards at once crawl on two
cores, and the validation and loading of the finished portals no longer wait for the GIL.

The children are forked from Python's forkserver, which imports the crawler once
(``start``, as the flow begins); a child starts in milliseconds and imports nothing of its
own. A child reads what earlier nights left from the warehouse itself (read only), and is
handed the run's checks of links to other hosts so a URL is checked once per run as before.
Prefect is not imported here: nothing in the child talks to the API.
"""

from __future__ import annotations

import asyncio
import atexit
import hashlib
import importlib
import multiprocessing
import multiprocessing.forkserver
import os
import queue
import threading
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from multiprocessing.connection import Connection
from typing import TypeVar

from extractors.crawl import PortalInputs, crawl_portals
from extractors.fetch import FetchPolicy
from extractors.linkcheck import LinkCache, Outcome
from portal_audit.catalog import Checks, Portal
from portal_audit.i18n import using
from portal_audit.lifetime import die_with_parent
from portal_audit.memory import started
from portal_audit.records import ColumnPath, PortalCrawl, Previous
from validations.content import PageScan, load_lexicon
from warehouse.db import cause, is_outage, make_engine
from warehouse.earlier import (
    attachments_read,
    column_paths,
    known_items,
    previous_pages,
    recently_working_links,
    tested_since,
)

T = TypeVar("T")

_CONTEXT = multiprocessing.get_context("forkserver")
# This module by its package's name. A Prefect worker loads a deployment's flow from its file
# (flows/audit.py as a module "audit"), and this module then comes as "audit.crawler", a
# name a child cannot import: what crosses to the child is named from the package instead.
PACKAGED = "flows.crawler"
STOP_TIMEOUT = 5.0  # seconds a child told to stop may take before it is killed


class CrawlerDied(RuntimeError):
    """The crawl's process died or broke: the portals it had not handed back have no crawl."""


class PortalCrashed(RuntimeError):
    """One portal's crawl died in the child (its exception, named, as text: any exception
    crosses the pipe this way, whether or not it pickles)."""


@dataclass(frozen=True)
class CrawlJob:
    """Everything a shard's crawl needs, handed to its process."""

    portals: list[Portal]
    as_of: date
    policy: FetchPolicy
    warehouse: str = field(repr=False)  # its URL (a password, maybe), read for what earlier nights left
    incremental: bool
    context: Mapping[str, list[str]]  # portal id → first pages of columns not audited, for site-wide blocks
    checks: Checks
    checked: Mapping[str, Outcome] = field(default_factory=dict)  # links to other hosts the run checked already
    lang: str = "zh"
    env: Mapping[str, str] = field(default_factory=dict, repr=False)  # this process's now (the forkserver's is older)


def start() -> None:
    """Start the forkserver now, importing the crawler once in it while the flow begins
    (about a second of CPU on the other core); the shards' children are forked from it.
    It is stopped, and waited for, as the process exits: so the process's own CPU figures
    (``wait4``, ``time``) count the crawls, which the forkserver waited for."""
    global _STARTED
    if not _STARTED:
        _CONTEXT.set_forkserver_preload(["portal_audit.quiet_start", "__main__", PACKAGED])
        atexit.register(_stop)
        _STARTED = True
    multiprocessing.forkserver.ensure_running()


_STARTED = False


def _stop() -> None:
    stop = getattr(getattr(multiprocessing.forkserver, "_forkserver", None), "_stop", None)
    if stop is not None:  # CPython's (3.8+); without it the forkserver still exits with this process
        stop()


def crawl_apart(job: CrawlJob, apart: bool = True) -> Iterator[tuple[Portal, PortalCrawl | Exception]]:
    """Crawl ``job``'s portals in a child process; yield each portal with its crawl (page
    bodies included) or the exception it crashed with, as it finishes. CrawlerDied if the
    child dies first; the child is stopped when the caller stops iterating. Not ``apart``
    (a run of one shard: no other crawl to share the cores with, and a child's forkserver
    costs the run a second), or in a daemonic process, which may have no children (a Dask
    worker's task), it crawls in a thread of this process instead."""
    by_id = {p.id: p for p in job.portals}
    here = not apart or multiprocessing.current_process().daemon
    for kind, *rest in _in_thread(job) if here else _in_child(job):
        if kind == "broke":
            raise CrawlerDied(rest[0])
        portal_id, got = rest
        yield by_id[portal_id], (PortalCrashed(got) if kind == "crashed" else got)


def _in_child(job: CrawlJob) -> Iterator[tuple]:
    """The child's messages until its ("end",)."""
    start()
    receive, send = _CONTEXT.Pipe(duplex=False)
    child = _CONTEXT.Process(target=importlib.import_module(PACKAGED)._child, args=(send, vars(job)),
                             name="portal-audit-crawl", daemon=True)
    child.start()
    send.close()  # the child's end: once the child exits, recv() says EOF
    try:
        while True:
            try:
                message = receive.recv()
            except EOFError:
                child.join(STOP_TIMEOUT)
                raise CrawlerDied(f"the crawl's process exited ({child.exitcode}) before the crawl ended") from None
            if message[0] == "end":
                break
            yield message
        child.join(STOP_TIMEOUT)
    finally:
        receive.close()
        if child.is_alive():
            child.terminate()
            child.join(STOP_TIMEOUT)
            if child.is_alive():
                child.kill()
                child.join()
        child.close()


class _Queued:
    """A pipe's sending end, for a crawl in a thread of this process."""

    def __init__(self) -> None:
        self.queue: queue.Queue[tuple] = queue.Queue()

    def send(self, message: tuple) -> None:
        self.queue.put(message)

    def close(self) -> None:
        pass


def _in_thread(job: CrawlJob) -> Iterator[tuple]:
    """The same messages from a crawl in a thread of this process."""
    sink = _Queued()
    threading.Thread(target=_child, args=(sink, vars(job), False), name="portal-audit-crawl", daemon=True).start()
    while (message := sink.queue.get())[0] != "end":
        yield message


def _child(send: Connection | _Queued, fields: dict, own_process: bool = True) -> None:
    """The child: crawl, sending ("portal"|"crashed", id, crawl) per portal, then ("end",)
    — or ("broke", why) when the crawl itself broke. The job comes as its fields (see
    PACKAGED), every one of them of the ground's or the stages' types."""
    job = CrawlJob(**fields)
    if own_process:
        started()  # the forkserver imported without collecting garbage (portal_audit/quiet_start.py)
        die_with_parent()
        os.environ.clear()
        os.environ.update(job.env)
    try:
        with using(job.lang):
            asyncio.run(_crawl(send, job))
        send.send(("end",))
    except BrokenPipeError:  # the command stopped listening: nothing to tell it
        pass
    except BaseException as exc:
        send.send(("broke", f"{type(exc).__name__}: {exc}"))
    finally:
        send.close()


async def _crawl(send: Connection | _Queued, job: CrawlJob) -> None:
    engine = make_engine(job.warehouse, create=False)
    checks = job.checks
    links = checks.links != "none" and checks.links_per_portal > 0
    cache = LinkCache(only_site=checks.links == "site", done=dict(job.checked)) if links else None

    def inputs(p: Portal) -> PortalInputs:  # what earlier nights left, read as the portal starts
        nothing: tuple[dict[str, Previous], dict[str, set[str]]] = ({}, {})
        previous, known = _hint(lambda: (previous_pages(engine, p.id), known_items(engine, p.id))
                                if job.incremental else nothing, nothing)
        observer = None
        if links or checks.content:
            observer = PageScan(load_lexicon(), checks.links_per_portal if links else 0, checks.content)
        if cache is not None and checks.recheck_days:
            since = job.as_of - timedelta(days=checks.recheck_days)
            cache.fresh |= _hint(lambda: recently_working_links(engine, p.id, since), set())
        no_paths: dict[str, ColumnPath] = {}
        paths = _hint(lambda: column_paths(engine, p.id, p.base_url), no_paths)
        return PortalInputs(previous, known, paths, job.context.get(p.id, ()), observer, cache,
                            checks.articles_per_column, _axe_tonight(p.id, job.as_of, checks.axe_every_days, engine),
                            checks.https, checks.attachments_per_portal if observer is not None else 0,
                            _hint(lambda: attachments_read(engine, p.id), {}) if checks.attachments_per_portal else {},
                            checks.ipv6, checks.ocr)

    # one thread sends, in order: the loop crawls on while a portal's crawl is pickled and
    # while the command, busy storing the last one's evidence, does not read
    with ThreadPoolExecutor(1, thread_name_prefix="send") as sending:
        loop = asyncio.get_running_loop()
        sent: list[asyncio.Future] = []
        async for p, got in crawl_portals(job.portals, job.as_of, job.policy, inputs=inputs):
            message = (("crashed", p.id, f"{type(got).__name__}: {got}") if isinstance(got, Exception)
                       else ("portal", p.id, got))
            sent.append(loop.run_in_executor(sending, send.send, message))
            for s in [s for s in sent if s.done()]:
                s.result()  # a send's error (the pipe closed: the command stopped listening) ends the crawl
            sent = [s for s in sent if not s.done()]
        await asyncio.gather(*sent)


def on_rotation(portal_id: str, day: date, every: int) -> bool:
    """Whether ``day`` is the portal's day of an ``every``-day rotation (portals spread
    evenly over the days by a hash of their id: the same day each week, whatever the order)."""
    return (int(hashlib.blake2b(portal_id.encode(), digest_size=4).hexdigest(), 16) - day.toordinal()) % every == 0


def _axe_tonight(portal_id: str, as_of: date, every: int, engine) -> bool:
    """Whether tonight tests the portal with axe-core: on its day of an ``every``-day
    rotation (portals spread evenly by a hash of their id), or when no run within the last
    ``every`` days tested it (a new portal, or nights missed)."""
    if every <= 0:
        return False
    if on_rotation(portal_id, as_of, every):
        return True
    return not _hint(lambda: tested_since(engine, portal_id, as_of - timedelta(days=every - 1), as_of), False)


def _hint(read: Callable[[], T], without: T) -> T:
    """What earlier nights left only saves requests: with the warehouse out the crawl goes
    on without it."""
    try:
        return read()
    except Exception as exc:
        if not is_outage(exc):
            raise
        import logging

        logging.getLogger("portal_audit.audit").warning("warehouse unavailable, crawling without its hints: %s",
                                                         cause(exc))
        return without
