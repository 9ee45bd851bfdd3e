"""Crawl portals: each portal's home page and its columns' first pages at once (the site-wide
links and home links come from them), then every column (``column.py``) within the portal's
and the column's time budgets, many portals at once on one event loop, one ``PortalCrawl``
each. Politeness per host, robots.txt and the address guard are the fetcher's
(``fetch.py``); the browser is only for the columns marked for it (``browser.py``).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from portal_audit.catalog import Portal
from portal_audit.i18n import msg
from portal_audit.records import (
    ArticleMeta,
    AttachmentScan,
    AxeResult,
    ColumnCrawl,
    ColumnPath,
    Item,
    LinkCheck,
    PageFetch,
    PortalCrawl,
    Previous,
    SiteIdentity,
    Surface,
    TlsState,
)

from .accessibility import axe_portal
from .article import read_article
from .attachments import read_attachments
from .browser import Renderer, RenderLimits
from .column import DEFAULT_WINDOW_DAYS, Fetched, First, PageObserver, Siblings, crawl_column, fetch_page
from .fetch import Fetcher, FetchError, FetchPolicy, Unreachable
from .hidden import hidden_links
from .identity import site_identity
from .ipv6 import ipv6_depth
from .linkcheck import LinkCache, check_links
from .listpage import home_links, site_wide_links
from .markup import mixed_content, page_blocks, page_doc, page_embeds, page_links, text_of
from .surface import home_print
from .tls import inspect_https


async def _first_page(fetcher: Fetcher, url: str | None, previous: Mapping[str, Previous],
                      tried: Callable[[], None]) -> Fetched | FetchError | None:
    """A first page; ``tried`` is told once its first try is over (read, failed for good,
    or to be tried again)."""
    try:
        if not url:
            return None
        return (await fetch_page(fetcher, url, previous, on_retry=tried)).waiting()
    except FetchError as exc:
        return exc
    finally:
        tried()


@dataclass(frozen=True)
class PortalInputs:
    """What a portal's crawl starts from besides the catalog: what earlier nights left
    (``previous`` pages for conditional requests, ``known`` item URLs per column, the
    ``paths`` each column's list was read by) and ``context``, first pages of columns not
    audited this run, fetched only to learn the portal's site-wide blocks."""

    previous: Mapping[str, Previous] = field(default_factory=dict)
    known: Mapping[str, set[str]] = field(default_factory=dict)
    paths: Mapping[str, ColumnPath] = field(default_factory=dict)
    context: Sequence[str] = ()
    observer: PageObserver | None = None  # reads every page (wording, personal data, links)
    link_cache: LinkCache | None = None  # set: the observer's links are checked, once per URL and run
    articles: int = 0  # newest articles read per policy or 解读 column (``newest_articles``)
    axe: bool = False  # test the home page and a list page with axe-core tonight (``accessibility.py``)
    tls: bool = False  # read the portal's HTTPS certificate (``tls.py``)
    attachments: int = 0  # attachments read for personal data, at most (``attachments.py``)
    attachments_read: Mapping[str, AttachmentScan] = field(default_factory=dict)  # URL → an earlier night's reading
    ipv6: bool = False  # try the home page, list pages and articles over IPv6 (``ipv6.py``)
    ocr: bool = False  # read images and scanned PDFs among the attachments by OCR (``ocr.py``)


async def crawl_portal_async(
    portal: Portal, as_of: date, policy: FetchPolicy, window_days: int = DEFAULT_WINDOW_DAYS,
    previous: Mapping[str, Previous] | None = None, known: Mapping[str, set[str]] | None = None,
    paths: Mapping[str, ColumnPath] | None = None, context: Sequence[str] | None = None,
    *, fetcher: Fetcher | None = None, renderer: Renderer | None = None,
    observer: PageObserver | None = None, link_cache: LinkCache | None = None, articles: int = 0,
    axe: bool = False, tls: bool = False, attachments: int = 0,
    attachments_read: Mapping[str, AttachmentScan] | None = None, ipv6: bool = False, ocr: bool = False,
) -> PortalCrawl:
    """Check the home page and crawl every column concurrently (politeness is the fetcher's
    job). The home page and the columns' first pages come first: links that three of them
    repeat are the portal's site-wide blocks, never a column's list (``context``: first
    pages of columns not audited this run, fetched only to learn those blocks when a run
    audits a few columns). ``previous``/``known`` from the warehouse make the night
    incremental; ``paths`` send each column straight to the way an earlier night read its
    list. A ``fetcher`` and ``renderer`` shared by many portals' crawls may be passed in;
    else the crawl opens its own (Chromium starts only if a column needs it)."""
    if fetcher is None:
        async with Fetcher(policy) as own, Renderer(own, render_limits(policy)) as rendering:
            return await crawl_portal_async(portal, as_of, policy, window_days, previous, known, paths, context,
                                            fetcher=own, renderer=rendering, observer=observer, link_cache=link_cache,
                                            articles=articles, axe=axe, tls=tls, attachments=attachments,
                                            attachments_read=attachments_read, ipv6=ipv6, ocr=ocr)
    known, paths, previous = known or {}, paths or {}, previous or {}

    def direct(col) -> bool:  # read by API or browser without its static page
        p = paths.get(col.id)
        return (p is not None and p.method in ("api", "browser")) or col.profile == "browser"

    loop = asyncio.get_running_loop()
    deadline = loop.time() + policy.portal_budget  # the portal's budget: first pages, columns and links
    home, *firsts = await _first_pages(fetcher, [portal.base_url] + [
        None if direct(col) else portal.column_url(col) for col in portal.columns] + list(context or []), previous,
        policy.portal_budget / 2)  # a page that does not come leaves its column the rest of the budget
    # the catalog's base URL is never empty, and the home page is waited for whole (a home page
    # still coming is Unreachable): read or failed, never None nor still being tried
    assert isinstance(home, (Fetched, FetchError))
    site_wide = site_wide_links([(f.url, f.text) for f in [home, *firsts] if isinstance(f, Fetched)])
    home_fetch = home.record if isinstance(home, Fetched) else PageFetch(portal.base_url, home.status, 0, 0.0, home.msg)
    on_home: tuple[Item, ...] = ()
    identity: SiteIdentity | None = None
    home_read = home.url if isinstance(home, Fetched) else None
    mixed: tuple[str, ...] = ()
    printed: tuple[tuple[str, str], ...] = ()  # the home page's stable parts (``surface.py``)
    if isinstance(home, Fetched):
        doc = page_doc(home.text)
        on_home = tuple(home_links(doc, home.url, as_of))
        body, home_url = doc.find("body"), home.url  # the lambdas close over values, not the names deleted below
        home_text = text_of(body if body is not None else doc)
        identity = site_identity(doc, home_url, home_text, home.text)
        mixed = mixed_content(doc, home_url) if tls else ()
        printed = tuple(home_print(doc).items())
        if observer is not None:
            observer.page(home_url, None, home_text, lambda: page_blocks(doc), lambda: page_links(doc, home_url),
                          lambda captions: page_embeds(doc, home_url, captions), lambda: hidden_links(doc, home_url))
        del doc, home_text
    securing: asyncio.Future | None = None  # the portal's HTTPS, while its columns crawl
    if tls:
        securing = asyncio.ensure_future(inspect_https(fetcher, portal.base_url, home_read, mixed,
                                                       policy.connect_timeout * 2))
    testing: asyncio.Future | None = None  # axe-core on the home page and the first list page read, while columns crawl
    if axe and policy.browser and renderer is not None and home_read:
        listed = next((f.url for f in firsts[:len(portal.columns)] if isinstance(f, Fetched)), None)
        testing = asyncio.ensure_future(axe_portal(renderer, home_read, listed))
    siblings = Siblings()  # one render per template: the list APIs the portal's renders learn
    crawls = [crawl_column(fetcher, portal.id, col.id, portal.column_url(col), as_of, window_days, col.profile,
                           previous, known.get(col.id), renderer=renderer if policy.browser else None,
                           site_wide=site_wide, first=first, path=paths.get(col.id),
                           messages=col.category == "consultation", observer=observer, name=col.path[-1],
                           siblings=siblings)
              for col, first in zip(portal.columns, firsts)]
    for extra in firsts[len(portal.columns):]:  # context pages still being tried: no column awaits them
        if isinstance(extra, asyncio.Future):
            extra.cancel()
    del home, firsts  # each column's crawl holds its first page only until it has read it
    checking = _LinksAsRead(fetcher, observer, portal.base_url, link_cache) if observer and link_cache else None
    if checking is not None:  # the home page's and first pages' links are checked while the columns crawl
        checking.more()
    wanted = {c.id for c in portal.columns if c.category in ARTICLE_CATEGORIES} if articles else set()
    scanning: asyncio.Future | None = None  # the attachments linked from the pages read
    depth: asyncio.Future | None = None  # IPv6 at three depths
    reading: dict[str, list[tuple[Item, asyncio.Future]]] = {}  # column id → its articles, read once its list is

    def finished(col_id: str, crawl: ColumnCrawl) -> None:
        """A column's list is read: its articles and its pages' links are read while the others crawl."""
        if col_id in wanted and crawl.fetch_state == "ok":
            reading[col_id] = [(item, asyncio.ensure_future(read_one_article(fetcher, item)))
                               for item in newest_articles(crawl, as_of, articles)]
        if checking is not None:
            checking.more()

    try:
        columns = await _within(portal, crawls, max(0.0, deadline - loop.time()), policy.portal_budget, finished)
        if attachments and observer is not None:  # linked from the pages read, read while the articles are
            scanning = asyncio.ensure_future(read_attachments(fetcher, observer.links(), observer, attachments,
                                                              attachments_read or {}, deadline - loop.time(), ocr))
        if ipv6 and home_read:  # the pages read tonight, tried over IPv6 while the articles are read
            read = [c for c in columns if c.fetch_state == "ok" and c.url]
            depth = asyncio.ensure_future(ipv6_depth(policy, home_read, [c.url for c in read if c.url],
                                                     [c.items[0].url for c in read if c.items]))
        if reading:
            columns = await _with_articles(columns, reading, deadline - loop.time())
        tested = None
        if testing is not None:
            try:
                tested = await asyncio.wait_for(testing, max(1.0, deadline - loop.time()))
            except TimeoutError:  # the portal's time is up: the test is a finding of its own, not the crawl's end
                tested = (AxeResult(home_read or portal.base_url, error=msg("article.out_of_time")),)
            if observer is not None:  # what their stylesheets conceal, read in the same renders
                for result in tested:
                    observer.rendered(result.page_url, result.hidden_links)
        scanned: tuple[AttachmentScan, ...] = await scanning if scanning is not None else ()
        six = await depth if depth is not None else None
        secured = None
        if securing is not None:
            try:
                secured = await asyncio.wait_for(securing, max(1.0, deadline - loop.time()))
            except TimeoutError:
                secured = TlsState(home_read or portal.base_url, error=msg("article.out_of_time"))
    except BaseException:
        for pending in (scanning, depth):
            if pending is not None:
                pending.cancel()
        if securing is not None:
            securing.cancel()
        for pairs in reading.values():
            for _, task in pairs:
                task.cancel()
        if checking is not None:
            checking.cancel()
        if testing is not None:
            testing.cancel()
        raise
    # records hold no personal data and no control characters: what the pages show is cleaned here
    if observer is None:
        return PortalCrawl(portal.id, home_fetch, columns, on_home, identity=identity,
                           accessibility=tested, tls=secured, ipv6=six).recorded()
    links = await checking.all(deadline - loop.time()) if checking is not None else []  # the portal's budget
    surface = Surface(printed, observer.origins()) if printed else None
    return PortalCrawl(portal.id, home_fetch, columns, on_home, tuple(links), tuple(observer.findings()),
                       identity, tested, secured, surface, scanned, six).recorded()


class _LinksAsRead:
    """A portal's links checked as its pages are read: ``more()`` (after its first pages,
    then as each column ends) starts checking the links the observer saw since the last
    call, so link checks overlap the crawl instead of waiting for its end; ``all`` waits for
    every check. Each URL is checked once per run (the ``LinkCache``)."""

    def __init__(self, fetcher: Fetcher, observer: PageObserver, portal_url: str, cache: LinkCache):
        self.fetcher, self.observer, self.portal_url, self.cache = fetcher, observer, portal_url, cache
        self.sent = 0  # the observer's links come in the order it saw them, each URL once
        self.parts: list[asyncio.Future] = []

    def more(self) -> None:
        new = self.observer.links()[self.sent:]
        if new:
            self.sent += len(new)
            self.parts.append(asyncio.ensure_future(check_links(self.fetcher, new, self.portal_url, self.cache)))

    async def all(self, left: float) -> list[LinkCheck]:
        """Every link checked, or none when the portal's time (``left`` seconds) runs out."""
        self.more()
        try:
            parts = await asyncio.wait_for(asyncio.gather(*self.parts), max(0.0, left))
        except TimeoutError:
            self.cancel()
            return []
        return [check for part in parts for check in part]

    def cancel(self) -> None:
        for part in self.parts:
            part.cancel()


ARTICLE_CATEGORIES = ("policy", "interpretation")  # columns whose articles are read (disclosure dates, 解读 links)
ARTICLE_DAYS = 366  # … when listed within a year of the run


def newest_articles(column: ColumnCrawl, as_of: date, per_column: int) -> list[Item]:
    """The newest ``per_column`` items a column listed within a year of ``as_of``, pinned
    items aside: the articles whose pages are read."""
    since = as_of - timedelta(days=ARTICLE_DAYS)
    return sorted((i for i in column.items if i.published_on and i.published_on >= since and not i.pinned),
                  key=lambda i: i.published_on or since, reverse=True)[:per_column]


async def read_one_article(fetcher: Fetcher, item: Item) -> ArticleMeta:
    """An article's page read for its disclosure table and links; one that fails is kept
    with its reason, never dropped silently."""
    try:
        page = await fetcher.get(item.url)
    except FetchError as exc:
        return ArticleMeta(item.url, item.title, item.published_on, error=exc.msg)
    return read_article(page.text, page.url, item.title, item.published_on)


async def _with_articles(columns: tuple[ColumnCrawl, ...], reading: Mapping[str, list[tuple[Item, asyncio.Future]]],
                         left: float) -> tuple[ColumnCrawl, ...]:
    """The columns with the articles ``reading`` read for them, waited for within ``left``
    seconds of the portal's budget (at least one); an article not read by then is kept
    with the reason."""
    tasks = [task for pairs in reading.values() for _, task in pairs]
    if tasks:
        await asyncio.wait(tasks, timeout=max(1.0, left))
    late = msg("article.out_of_time")

    def got(item: Item, task: asyncio.Future) -> ArticleMeta:
        if task.done() and not task.cancelled() and task.exception() is None:
            return task.result()
        task.cancel()
        return ArticleMeta(item.url, item.title, item.published_on, error=late)

    return tuple(replace(c, articles=tuple(got(i, t) for i, t in reading[c.column_id])) if c.column_id in reading
                 else c for c in columns)


async def crawl_portals(
    portals: Sequence[Portal], as_of: date, policy: FetchPolicy, *, at_once: int | None = None,
    inputs: Callable[[Portal], PortalInputs] | None = None, window_days: int = DEFAULT_WINDOW_DAYS,
) -> AsyncIterator[tuple[Portal, PortalCrawl | Exception]]:
    """Crawl many portals on one event loop with one Fetcher and one Renderer (so per-host
    politeness holds across portals sharing a host, and Chromium starts once), at most
    ``at_once`` at a time; yields each portal with its crawl — or the exception a crash
    died of — as it finishes. By default as many portals crawl at once as keep the
    fetcher's ``max_in_flight`` requests open (``max_in_flight / per_host_concurrency``):
    more would only hold more half-crawled portals in memory, since one core parses.
    ``inputs(portal)`` (run in a thread: it may read a database) gives what the portal's
    crawl starts from; it is called just before the portal starts, so only the portals in
    flight hold their stored pages."""
    async with Fetcher(policy) as fetcher, Renderer(fetcher, render_limits(policy)) as renderer:
        async def one(portal: Portal) -> PortalCrawl:
            given = await asyncio.to_thread(inputs, portal) if inputs else PortalInputs()
            return await crawl_portal_async(portal, as_of, policy, window_days, given.previous, given.known,
                                            given.paths, given.context, fetcher=fetcher, renderer=renderer,
                                            observer=given.observer, link_cache=given.link_cache,
                                            articles=given.articles, axe=given.axe, tls=given.tls,
                                            attachments=given.attachments, attachments_read=given.attachments_read,
                                            ipv6=given.ipv6, ocr=given.ocr)

        queue = iter(portals)
        running: dict[asyncio.Task, Portal] = {}

        def start_next() -> None:
            portal = next(queue, None)
            if portal is not None:
                running[asyncio.ensure_future(one(portal))] = portal

        if at_once is None:
            at_once = -(-policy.max_in_flight // max(1, policy.per_host_concurrency))
        for _ in range(max(1, at_once)):
            start_next()
        try:
            while running:
                done, _ = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
                for task in done:
                    portal = running.pop(task)
                    start_next()
                    error = task.exception()
                    yield portal, (error if isinstance(error, Exception) else task.result())
        finally:
            for task in running:
                task.cancel()


async def _first_pages(fetcher: Fetcher, urls: list[str | None], previous: Mapping[str, Previous],
                       budget: float) -> list[First]:
    """The home page and the columns' first pages, fetched together within ``budget``; one
    still coming then is left to its column's own crawl (None), its home page unreachable.
    A column's page whose first try failed is not waited for while it is tried again (a
    dead column's backoff would hold every other column back): it goes to its column still
    coming, as the task of its retries, and adds nothing to the site-wide blocks."""
    tried = [asyncio.Event() for _ in urls]
    tasks = [asyncio.ensure_future(_first_page(fetcher, url, previous, done.set)) for url, done in zip(urls, tried)]
    waits = [tasks[0], *(asyncio.ensure_future(done.wait()) for done in tried[1:])] if tasks else []
    if waits:
        await asyncio.wait(waits, timeout=budget)
    for wait in waits[1:]:
        wait.cancel()  # an Event's waiter: nothing to undo
    out: list[First] = []
    stopped = []
    for i, task in enumerate(tasks):
        if task.done():
            out.append(task.result())
        elif i > 0 and tried[i].is_set():
            out.append(task)  # being tried again: its column awaits the outcome
        else:
            task.cancel()
            stopped.append(task)
            out.append(Unreachable(urls[0] or "", msg("fetch.timeout", tries=1)) if i == 0 else None)
    if stopped:
        await asyncio.gather(*stopped, return_exceptions=True)
    return out


async def _within(portal: Portal, crawls: list, left: float, budget: float,
                  finished: Callable[[str, ColumnCrawl], None] | None = None) -> tuple[ColumnCrawl, ...]:
    """The portal's columns crawled together within the ``left`` seconds of its ``budget``; a
    column still going then is stopped and is ``error`` (its portal's other columns are kept).
    ``finished(column id, crawl)`` is told of each column as it ends, while the others go on."""
    tasks = [asyncio.ensure_future(c) for c in crawls]
    if finished is not None:
        for task, col in zip(tasks, portal.columns):
            task.add_done_callback(lambda t, cid=col.id: None if t.cancelled() or t.exception() is not None
                                   else finished(cid, t.result()))
    done, pending = await asyncio.wait(tasks, timeout=left) if tasks else (set(), set())
    for task in pending:
        task.cancel()
    if pending:
        await asyncio.gather(*pending, return_exceptions=True)
    over = msg("crawl.portal_budget", s=round(budget))
    return tuple(t.result() if t in done
                 else ColumnCrawl(portal.id, col.id, portal.column_url(col), "error", error=over)
                 for t, col in zip(tasks, portal.columns))


def crawl_portal(portal: Portal, as_of: date, policy: FetchPolicy, window_days: int = DEFAULT_WINDOW_DAYS,
                 previous: Mapping[str, Previous] | None = None, known: Mapping[str, set[str]] | None = None,
                 paths: Mapping[str, ColumnPath] | None = None, context: Sequence[str] | None = None) -> PortalCrawl:
    """Synchronous entry point for callers outside an event loop (CLI, Prefect tasks)."""
    return asyncio.run(crawl_portal_async(portal, as_of, policy, window_days, previous, known, paths, context))


def render_limits(policy: FetchPolicy) -> RenderLimits:
    """Rendering bounds from the catalog: pages at once overall, and per host no more than
    the host's own request concurrency allows."""
    return RenderLimits(pages=policy.browser_pages,
                        pages_per_host=min(policy.browser_pages, policy.per_host_concurrency),
                        timeout=policy.browser_timeout)
