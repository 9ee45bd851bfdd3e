"""Crawl one column: fetch its list pages, follow pagination, extract items — from the static
pages, the platform's list API, or the page rendered in headless Chromium — and say what the
crawl could read (``ColumnCrawl``).

Pagination stops at the page cap, when a page repeats, or once a page's newest
non-pinned items are older than the audit window (older pages cannot change a verdict;
pinned 置顶 items never stop it, since they are old by design).
"""

from __future__ import annotations

import asyncio
import logging
import zlib
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Protocol, TypeAlias

from portal_audit.i18n import Msg, msg
from portal_audit.profiles import Profile, get_profile
from portal_audit.records import (
    ColumnCrawl,
    ColumnPath,
    FetchState,
    Finding,
    HiddenLink,
    Item,
    Link,
    Message,
    PageFetch,
    Previous,
)
from portal_audit.text import decode_html

from .apis import ApiSource, Template, learn, next_page, read_page, recognise
from .browser import BrowserUnavailable, Renderer, RenderFailed, strip_fragment
from .fetch import Fetcher, FetchError
from .hidden import hidden_links
from .listpage import Hints, ListPage, article_date, parse_list_page
from .markup import page_blocks, page_embeds, page_links
from .messages import message_detail, parse_messages

log = logging.getLogger("portal_audit.crawl")
ARTICLE_PROBE = 3  # article pages fetched to date a list that shows no dates
DEFAULT_WINDOW_DAYS = 400  # a year of history plus slack: the longest periodic allowance is 366
MESSAGE_DETAILS = 40  # detail pages read per consultation column to learn when a message was answered
ANSWER_WAIT = timedelta(days=89)  # messages younger than this cannot be late yet: no detail page needed


class PageObserver(Protocol):
    """Reads every page a portal's crawl reads (its text blocks and links), for checks
    beyond freshness: wording, personal data, links (``validations.content.PageScan``)."""

    def page(self, page_url: str, column_id: str | None, text: str, blocks: Callable[[], list[tuple[str, str]]],
             links: Callable[[], list[tuple[str, str, str]]],
             embeds: Callable[[bool], list[tuple[str, str, str]]] = lambda captions: [],
             hidden: Callable[[], list[HiddenLink]] = list) -> None:
        """A page read: its visible text, and (asked for only when needed: they cost a
        walk of the page) its text blocks, its links, what it embeds (scripts, frames,
        and — ``embeds(True)`` — blocks captioned 广告: ``markup.page_embeds``) and the
        links a visitor cannot see (``hidden.hidden_links``)."""

    def links(self) -> list[Link]: ...

    def findings(self) -> list[Finding]: ...

    def origins(self) -> tuple[tuple[str, str, str], ...]: ...

    def attachment(self, url: str, blocks: list[tuple[str, str]]) -> tuple[Finding, ...]:
        """An attachment's text blocks (``attachments.py``) scanned for personal data: its findings."""

    def known(self, findings: Sequence[Finding]) -> None:
        """Findings an earlier night's reading of the same content made, found again tonight."""

    def rendered(self, page_url: str, hidden: Sequence[HiddenLink]) -> None:
        """The links a rendered page conceals by its computed styles (``hidden.rendered_hidden_links``)."""


async def crawl_column(
    fetcher: Fetcher,
    portal_id: str,
    column_id: str,
    url: str | None,
    as_of: date,
    window_days: int = DEFAULT_WINDOW_DAYS,
    profile: str | None = None,
    previous: Mapping[str, Previous] | None = None,
    known: set[str] | None = None,
    *,
    renderer: Renderer | None = None,
    site_wide: frozenset[str] = frozenset(),
    first: First = None,
    path: ColumnPath | None = None,
    messages: bool = False,
    observer: PageObserver | None = None,
    name: str | None = None,
    siblings: Siblings | None = None,
) -> ColumnCrawl:
    """Crawl one column's list pages; never raises for what the portal does.

    The list is read the cheapest way that finds it: the static pages (a list shipped in a
    comment or template included), else the platform API the page names, else the page
    rendered in headless Chromium (``renderer``). ``path`` — how an earlier night read
    it — goes straight to that way; ``profile: browser`` forces rendering. The list is
    chosen by evidence (``evidence.py``): ``name``, the column's name in the catalog, is
    looked for in the headings beside the page's lists, ``site_wide`` (links the portal's
    other columns repeat) marks blocks that are no column's own. Two lists that tie are
    told apart by the column's second page; a column whose list still cannot be told is
    an ``error`` with the reason, never fresh, never empty — and never rendered, since the
    browser would draw the same tie. Whatever a page does, the column comes back judged:
    a failure no rule foresaw is this column's ``error``, not its portal's crash.

    Incremental nights: ``previous`` (URL → what an earlier run fetched) makes requests
    conditional, a 304 re-reads the stored body; ``known`` (item URLs already stored for
    this column) stops pagination at the first page that shows a known item. ``first``
    is the column's first page when the portal's crawl fetched it already.

    ``messages`` (a 政务咨询 column): the messages its list pages show are read too, with
    their detail pages where the list does not say when one was answered; its pages are
    read over the whole window, not stopped at known items (an old message's state counts).

    ``siblings``, shared by a portal's columns, hands on the list APIs its renders learn:
    a column about to be rendered reads its list through one its own page names instead."""
    if not url:
        return ColumnCrawl(portal_id, column_id, None, "error", error=msg("crawl.no_url"))
    job = _Column(fetcher, portal_id, column_id, url, as_of, as_of - timedelta(days=window_days),
                  get_profile(profile), previous or {}, set() if messages else known or set(), site_wide, first=first,
                  messages=[] if messages else None, observer=observer, names=(name,) if name else (),
                  siblings=siblings)
    del first  # the job holds it until read: a portal's first pages are not all kept while it crawls
    try:
        return await asyncio.wait_for(_judged(job, renderer, path), fetcher.policy.column_budget)
    except TimeoutError:  # over its budget: judged on what was read, if anything was
        over = msg("crawl.column_budget", s=round(fetcher.policy.column_budget))
        return job.finish("ok", over) if job.items else job.finish("error", over)
    except Exception:  # a page no rule foresaw: this column's error, never its portal's crash
        log.exception("column %s/%s (%s) failed", portal_id, column_id, url)
        job.items.clear()
        return job.finish("error", msg("crawl.failed"))


async def _judged(job: _Column, renderer: Renderer | None, path: ColumnPath | None) -> ColumnCrawl:
    result = await _read_column(job, renderer, path)
    if job.messages is None or result.fetch_state != "ok":
        return result
    found = await _message_details(job, list({m.url: m for m in job.messages}.values()))
    return replace(result, messages=tuple(found), pages=tuple(job.pages))


async def _read_column(job: _Column, renderer: Renderer | None, path: ColumnPath | None) -> ColumnCrawl:
    url = job.url
    remembered = ApiSource.from_text(path.source) if path and path.method == "api" and path.source else None
    if remembered is not None:
        result = await job.api(remembered)
        if result is not None:
            return result  # else the API moved or failed: judge the column afresh
    if renderer is not None and ((job.profile is not None and job.profile.render)
                                 or (path and path.method == "browser")):
        return await job.rendered(renderer)
    result, page, reason = await job.static()
    if result is not None:
        if job.paged_by_script and renderer is not None:
            # an island holds page one; its later pages come from the API the page's script
            # asks: drawn once, that API is learnt (and remembered for the next nights)
            drawn = await job.rendered(renderer, msg("list.island_paged"))
            if drawn.fetch_state == "ok" and len(drawn.items) > len(result.items):
                return drawn
        return result
    assert page is not None  # static() hands its first page over whenever it leaves the column unjudged
    api = recognise(page.text, page.url, url)
    if api is not None:
        result = await job.api(api)
        if result is not None:
            return result
    if renderer is not None:
        if job.siblings is None:
            return await job.rendered(renderer, reason)
        async with job.siblings.turn(page.text, page.url) as source:
            result = await job.api(source) if source is not None else None
            return result if result is not None else await job.rendered(renderer, reason)
    return job.finish("error", msg("crawl.no_list_no_browser", why=reason))


class Siblings:
    """What a portal's columns learn from each other as they crawl: the list APIs that
    rendering one of them showed the portal's pages write out whole (``apis.Template``).
    A column about to be rendered first waits for its portal's first render, if one is
    under way, then reads its list through a learnt API its own page names: a portal
    whose template draws every list from one API is rendered once, not once per column
    (a render costs ~100 static pages). Columns of one portal share one event loop."""

    def __init__(self) -> None:
        self.templates: list[Template] = []
        self._scout: asyncio.Event | None = None  # set once the portal's first render is over

    @asynccontextmanager
    async def turn(self, html: str, url: str) -> AsyncIterator[ApiSource | None]:
        """A column about to be rendered: the learnt API its page (``html`` at ``url``)
        names, if exactly one, else None (render it). The portal's first column here is
        its scout: it renders at once, and the others wait for that render to end."""
        if self._scout is None:
            self._scout = asyncio.Event()
            try:
                yield None
            finally:
                self._scout.set()
            return
        await self._scout.wait()
        found = {s.url: s for s in (t.sibling(html, url) for t in self.templates) if s is not None}
        yield next(iter(found.values())) if len(found) == 1 else None

    def learnt(self, source: ApiSource, rendered_html: str, page_url: str) -> None:
        template = Template.of(source, rendered_html, page_url)
        if template is not None and template not in self.templates:
            self.templates.append(template)


@dataclass(slots=True)
class Fetched:
    """One fetched page: its record, final URL and text (and the charset its headers
    declared, to decode it again)."""

    record: PageFetch
    url: str
    _text: str | None
    charset: str | None = None

    @property
    def text(self) -> str:
        if self._text is None:  # waiting light: decoded again from the compressed evidence
            return decode_html(zlib.decompress(self.record.content or b""), self.charset)
        return self._text

    def waiting(self) -> Fetched:
        """This page without its text while it waits to be read (a portal's first pages wait
        for one another: 75 decoded pages per portal otherwise, 4 MB), when the evidence
        it carries anyway can give the text back."""
        return self if self.record.content is None else Fetched(self.record, self.url, None, self.charset)


# a column's first page as the portal's crawl hands it over: read, failed, still being tried
# again (its retries' task: the other columns do not wait them out) or not fetched (None)
First: TypeAlias = "Fetched | FetchError | asyncio.Future[Fetched | FetchError | None] | None"


@dataclass
class _Column:
    """One column's crawl in progress: the pages fetched and the items found so far."""

    fetcher: Fetcher
    portal_id: str
    column_id: str
    url: str
    as_of: date
    window_start: date
    profile: Profile | None
    previous: Mapping[str, Previous]
    known: set[str]
    site_wide: frozenset[str]
    pages: list[PageFetch] = field(default_factory=list)
    items: dict[str, Item] = field(default_factory=dict)
    partial: Msg | None = None
    first: First = None  # the first page, when the portal's crawl fetched it (or is fetching it again)

    messages: list[Message] | None = None  # a consultation column's messages, as its list pages show them
    observer: PageObserver | None = None
    names: tuple[str, ...] = ()  # the column's name in the catalog
    siblings: Siblings | None = None  # the portal's other columns' learnt list APIs
    paged_by_script: bool = False  # its list came out of an island whose later pages no link reaches

    def read_messages(self, text: str, url: str) -> None:
        if self.messages is not None:
            self.messages.extend(parse_messages(text, url, self.as_of))

    def observe(self, url: str, lp: ListPage | None = None, items: list[Item] | None = None) -> None:
        """Hand a page read to the observer: its text and links (an API page: its titles).
        The page's parsed tree is dropped here either way: a column waiting for its next
        page (politeness) must not hold the last one's tree — thousands of columns wait."""
        doc = lp.doc if lp is not None else None
        if lp is not None:
            lp.doc = None
        if self.observer is None:
            return
        if lp is not None and doc is not None:
            self.observer.page(url, self.column_id, lp.text, lambda: page_blocks(doc), lambda: page_links(doc, url),
                               lambda captions: page_embeds(doc, url, captions), lambda: hidden_links(doc, url))
        elif items:
            self.observer.page(url, self.column_id, "。".join(i.title for i in items),
                               lambda: [("li", i.title) for i in items], list)

    def finish(self, state: FetchState, error: Msg | None = None, method: str | None = None, source: str | None = None,
               empty: bool = False, note: str | None = None) -> ColumnCrawl:
        empty = empty and not self.items
        return ColumnCrawl(self.portal_id, self.column_id, self.url, state, tuple(self.items.values()),
                           tuple(self.pages), empty_marker=empty, error=error, method=method, source=source,
                           note=note if empty else None)

    def add(self, found: list[Item]) -> bool:
        """Keep the new items of a page; False when pagination should stop here: nothing
        new, past the audit window (older pages cannot change a verdict; pinned items,
        old by design, never stop it), a date-less list (its newest are on page one), or
        a page that shows items earlier runs stored."""
        new = [i for i in found if i.url not in self.items]
        for item in new:
            self.items[item.url] = item
        if not new:
            return False
        dated = [i.published_on for i in new if i.published_on and not i.pinned]
        if not dated or max(dated) < self.window_start:
            return False
        return not (self.known and any(i.url in self.known for i in new if not i.pinned))

    def room(self) -> bool:
        if len(self.pages) >= self.fetcher.policy.max_pages_per_column:
            self.partial = msg("crawl.page_cap", n=self.fetcher.policy.max_pages_per_column)
            return False
        return True

    async def static(self) -> tuple[ColumnCrawl | None, Fetched | None, Msg | None]:
        """Read the static list pages. Returns the crawl when it is judged (found, empty
        or unfetchable); else None, the first page for the other ways to read it, and why
        it holds no list."""
        visited: set[str] = set()
        next_url: str | None = self.url
        hints, empty_marker, note, head = Hints(site_wide=self.site_wide, names=self.names), False, None, None
        method = "static"
        early, self.first = self.first, None
        first = await early if isinstance(early, asyncio.Future) else early  # tried again: its retries end
        del early
        ahead: Fetched | None = None  # page two, when it was read to break page one's tie
        more: ApiSource | None = None  # the API that serves the list past its static pages
        going = True  # pagination ran out of pages (not of the audit window or new items)
        fetched: Fetched | FetchError
        while next_url and next_url not in visited and self.room():
            visited.add(next_url)
            try:
                if ahead is not None and ahead.url == next_url:
                    fetched, ahead = ahead, None
                else:
                    fetched = first if first is not None and head is None else await fetch_page(self.fetcher, next_url,
                                                                                             self.previous)
                first = None
                if isinstance(fetched, FetchError):
                    raise fetched
            except FetchError as exc:
                self.pages.append(PageFetch(next_url, exc.status, 0, 0.0, exc.msg))
                if head is None:  # the column's own first page failed: nothing to judge
                    return self.finish(exc.state, exc.msg), Fetched(self.pages[-1], next_url, ""), exc.msg
                self.partial = msg("crawl.page_failed", n=len(self.pages), error=exc.msg)
                break
            self.pages.append(fetched.record)
            visited.add(fetched.url)
            lp = parse_list_page(fetched.text, fetched.url, self.as_of, self.profile, hints)
            self.read_messages(fetched.text, fetched.url)
            self.observe(fetched.url, lp)
            if head is None:
                head = fetched
                if lp.tied:
                    ahead = await self.break_tie(lp)
                    if not lp.list_found:  # the same tie a browser would draw: no render
                        if ahead is not None:
                            self.pages.append(ahead.record)
                        return self.finish("error", lp.reason), head, lp.reason
                if not lp.list_found and not lp.empty_marker:
                    return None, head, lp.reason or msg("list.no_dated_list")
                head = Fetched(fetched.record, fetched.url, "")  # its list is read: the text is not needed again
                empty_marker, note = lp.empty_marker, lp.note
                method, more, self.paged_by_script = lp.source, lp.more, lp.paged_by_script
                # later pages read the container page one chose, and no link page one
                # showed outside its list (a sidebar repeats on every page)
                hints = Hints(container=lp.container, site_wide=self.site_wide | lp.blocks, names=self.names)
            if not self.add(lp.items):
                going = False
                break
            next_url = lp.next_url
        if more is not None and going and self.items and self.room():
            await self.api(more)  # the pages past the static ones, from the platform's search API
        if self.items and all(i.published_on is None for i in self.items.values()):
            for item in await _dates_from_articles(self.fetcher, list(self.items.values()), self.as_of, self.pages,
                                                   self.previous):
                self.items[item.url] = item
        return self.finish("ok", self.partial, method, empty=empty_marker, note=note), head, None

    async def break_tie(self, lp: ListPage) -> Fetched | None:
        """Page one holds two lists whose evidence ties: read page two, where every link
        page one showed counts as a sidebar's (a sidebar repeats, the column's list moves
        on). If page two's list sits where one of the two did, that one is the column's:
        ``lp`` takes it. Returns page two, read, for the crawl to go on with."""
        if not lp.next_url or not self.room():
            return None
        try:
            fetched = await fetch_page(self.fetcher, lp.next_url, self.previous)
        except FetchError:
            return None  # the tie stands
        second = parse_list_page(fetched.text, fetched.url, self.as_of, self.profile,
                                 Hints(site_wide=self.site_wide | lp.blocks, names=self.names))
        second.doc = None
        match = [items for where, items in lp.tied if second.list_found and where == second.container]
        if len(match) == 1:
            lp.items, lp.container, lp.list_found, lp.reason = list(match[0]), second.container, True, None
            lp.blocks = lp.blocks - {i.url for i in match[0]}
        return fetched

    async def api(self, source: ApiSource) -> ColumnCrawl | None:
        """Read a list API page by page; None when it answers no list (moved, failed)."""
        url: str | None = source.url
        visited: set[str] = set()
        hints, answered, empty, note = Hints(names=self.names), False, False, None
        while url and url not in visited and self.room():
            visited.add(url)
            try:
                fetched = await fetch_page(self.fetcher, url, self.previous, source)
            except FetchError as exc:
                self.pages.append(PageFetch(url, exc.status, 0, 0.0, exc.msg))
                if not answered:
                    return None
                self.partial = msg("crawl.api_failed", url=url, pages=len(visited) - 1, error=exc.msg)
                break
            self.pages.append(fetched.record)
            page = read_page(source, fetched.text, fetched.url, self.as_of)
            if not page.is_list:
                if not answered:
                    return None
                break
            found = page.items
            if page.html is None:
                self.observe(url, items=found)
            if page.html is not None:  # the API hands over markup: read it as a list page
                lp = parse_list_page(page.html, self.url, self.as_of, self.profile, hints)
                self.observe(url, lp)
                if not lp.list_found and not lp.empty_marker:
                    if not answered:
                        return None
                    break
                found, hints = lp.items, Hints(container=lp.container, names=self.names)
                if lp.empty_marker and not answered:
                    empty, note = True, lp.note
            elif not answered and not found:
                empty = True  # the API answers an empty list: a blank column
            answered = True
            if not self.add(found):
                break
            url = page.next_url
        return self.finish("ok", self.partial, "api", source.as_text(), empty=empty, note=note)

    async def _serves(self, source: ApiSource) -> bool:
        """Whether the API a render learnt answers its records to the crawler itself (not
        only to a browser holding the page's cookies): one request, before the portal's
        other columns are read through it — and an empty list there taken for a blank one."""
        try:
            fetched = await fetch_page(self.fetcher, source.url, self.previous, source)
        except FetchError as exc:
            self.pages.append(PageFetch(source.url, exc.status, 0, 0.0, exc.msg))
            return False
        self.pages.append(fetched.record)
        return bool(read_page(source, fetched.text, fetched.url, self.as_of).items)

    async def rendered(self, renderer: Renderer, reason: Msg | None = None) -> ColumnCrawl:
        """Render the list pages in headless Chromium and read the DOM they end with."""
        url: str | None = self.url
        visited: set[str] = set()
        hints = Hints(site_wide=self.site_wide, names=self.names)
        learnt: ApiSource | None = None
        empty, note = False, None
        for n in range(RENDERED_PAGES):
            if not url or url in visited or not self.room():
                break
            visited.add(url)
            try:
                out = await renderer.render(url)
            except BrowserUnavailable as exc:
                return self.finish("error", msg("crawl.no_browser", why=reason or msg("list.no_dated_list"),
                                                error=exc.msg))
            except RenderFailed as exc:
                if n == 0:
                    return self.finish("error", msg("crawl.render_failed", why=reason or msg("list.no_dated_list"),
                                                    error=exc.msg), "browser")
                self.partial = msg("crawl.rendered_failed", n=n + 1, error=exc.msg)
                break
            except FetchError as exc:
                self.pages.append(PageFetch(url, exc.status, 0, 0.0, exc.msg))
                if n == 0:
                    return self.finish(exc.state, exc.msg)
                self.partial = msg("crawl.rendered_failed", n=n + 1, error=exc.msg)
                break
            self.pages.extend(out.fetches)
            lp = parse_list_page(out.html, strip_fragment(url), self.as_of, self.profile, hints)
            self.read_messages(out.html, strip_fragment(url))
            self.observe(strip_fragment(url), lp)
            if n == 0:
                unsure = _unsure_render(out)
                if unsure is not None and not lp.list_found:
                    # nothing drawn while the page's data did not come (or time ran out): no proof of a blank column
                    return self.finish("error", msg("crawl.render_unsure", why=unsure), "browser")
                if not lp.list_found and not lp.empty_marker and lp.blank_list:
                    # drawn in full, the column's heading stands over an empty list: a blank column
                    return self.finish("ok", method="browser", empty=True)
                if not lp.list_found and not lp.empty_marker:
                    why = lp.reason or msg("list.no_dated_list")
                    return self.finish("error", msg("crawl.no_list_rendered", why=why, note=out.note or msg("empty")),
                                       "browser")
                empty, note = lp.empty_marker, lp.note
                learnt, learnt_items = learn(out.responses, lp.items, self.as_of) or (None, [])
                if learnt is not None and self.siblings is not None and await self._serves(learnt):
                    self.siblings.learnt(learnt, out.html, strip_fragment(url))
                hints = Hints(container=lp.container, site_wide=self.site_wide | lp.blocks, names=self.names)
            more = self.add(lp.items + (learnt_items if n == 0 else []))
            # (an island already gave page one's items: nothing new on it, yet the rest is to read)
            if (more or self.paged_by_script) and lp.next_url is None and learnt is not None and n == 0:
                # a script-only pager: the rest of the list comes from the API the page used
                following = next_page(learnt.url)
                if following:
                    await self.api(learnt.at(following))
                break
            if not more or lp.next_url is None:
                break
            url = lp.next_url
        return self.finish("ok", self.partial, "browser", learnt.as_text() if learnt else None,
                           empty=empty, note=note)


RENDERED_PAGES = 5  # list pages followed in the browser (links only; a script-only pager stops at page one)


async def fetch_page(fetcher: Fetcher, url: str, previous: Mapping[str, Previous],
                     api: ApiSource | None = None, on_retry: Callable[[], None] | None = None) -> Fetched:
    """A page, conditional when an earlier run saw the URL; an API page as its API is asked
    (a form API: POSTed, its fields in the body, recorded under the URL with them as query).
    ``on_retry``: told when a try failed and another is to come."""
    if api is not None and api.kind == "form":
        method, target, body, headers = api.request(url)
        page = await fetcher.get(target, method=method, content=body, headers=headers)
        return Fetched(PageFetch.of_body(url, page.status, page.body, page.elapsed_ms), url, page.text, page.charset)
    prev = previous.get(url)
    page = await fetcher.get(url, prev.etag if prev else None, prev.last_modified if prev else None,
                             on_retry=on_retry)
    if page.not_modified and prev is not None:
        record = PageFetch(page.url, 304, 0, page.elapsed_ms, None, prev.content_hash, None, prev.etag,
                           prev.last_modified)
        return Fetched(record, page.url, decode_html(prev.body))
    return Fetched(PageFetch.of_body(page.url, page.status, page.body, page.elapsed_ms, page.etag, page.last_modified),
                   page.url, page.text, page.charset)


async def _dates_from_articles(fetcher: Fetcher, items: list[Item], as_of: date, pages: list[PageFetch],
                               previous: Mapping[str, Previous]) -> list[Item]:
    """Date a date-less list from its article pages: only the first few non-pinned items
    (lists run newest first), fetched concurrently; a failed article just stays undated."""
    probe = [i for i in items if not i.pinned][:ARTICLE_PROBE]

    async def one(item: Item) -> Item:
        try:
            fetched = await fetch_page(fetcher, item.url, previous)
        except FetchError as exc:
            pages.append(PageFetch(item.url, exc.status, 0, 0.0, exc.msg))
            return item
        pages.append(fetched.record)
        return replace(item, published_on=article_date(fetched.text, as_of))

    return list(await asyncio.gather(*(one(i) for i in probe)))


async def _message_details(job: _Column, found: list[Message]) -> list[Message]:
    """Messages whose list row does not say when (or whether) they were answered, old
    enough to be late, get their detail page read (at most ``MESSAGE_DETAILS``, newest
    first); a detail page that fails leaves the message as the list showed it."""
    oldest = job.as_of - timedelta(days=366)
    need = [m for m in found if m.answered_on is None and m.state in ("answered", "unknown")
            and m.asked_on is not None and oldest <= m.asked_on <= job.as_of - ANSWER_WAIT][:MESSAGE_DETAILS]

    async def one(m: Message) -> Message:
        try:
            fetched = await fetch_page(job.fetcher, m.url, job.previous)
        except FetchError as exc:
            job.pages.append(PageFetch(m.url, exc.status, 0, 0.0, exc.msg))
            return m
        job.pages.append(fetched.record)
        asked, answered, state = message_detail(fetched.text, job.as_of)
        return replace(m, asked_on=m.asked_on or asked, answered_on=answered,
                       state=state if state != "unknown" else m.state)

    done = {m.url: m for m in await asyncio.gather(*(one(m) for m in need))}
    return [done.get(m.url, m) for m in found]




def _unsure_render(out) -> Msg | None:
    """Why a rendered page that shows no list cannot prove its column blank: one of the data
    requests its scripts made failed, or the page's time ran out before it settled."""
    failed = [f for f in out.fetches[1:] if f.error is not None or (f.status or 0) >= 400]
    if failed:
        return failed[0].error or msg("fetch.http", status=failed[0].status)
    return out.note

