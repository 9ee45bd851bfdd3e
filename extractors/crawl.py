"""Crawl a column: fetch its list pages, follow pagination, extract items.

Pagination stops at the page cap, when a page repeats, or once a page's newest
non-pinned items are older than the audit window (older pages cannot change a verdict;
pinned 置顶 items never stop it, since they are old by design).
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta

from portal_audit.catalog import Portal
from portal_audit.records import ColumnCrawl, Item, PageFetch, PortalCrawl, Previous

from .fetch import FetchError, Fetcher, FetchPolicy, decode_html
from .listpage import article_date, parse_list_page
from .profiles import get_profile

ARTICLE_PROBE = 3  # article pages fetched to date a list that shows no dates
DEFAULT_WINDOW_DAYS = 400  # a year of history plus slack: the longest periodic allowance is 366


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
) -> ColumnCrawl:
    """Crawl one column's list pages; never raises for what the portal does.

    Incremental nights: ``previous`` (URL → what an earlier run fetched) makes requests
    conditional, a 304 re-reads the stored body; ``known`` (item URLs already stored for
    this column) stops pagination at the first page that shows a known item."""
    previous = previous or {}
    if not url:
        return ColumnCrawl(portal_id, column_id, None, "error", error="no list URL in the catalog")
    window_start = as_of - timedelta(days=window_days)
    items: dict[str, Item] = {}
    pages: list[PageFetch] = []
    visited: set[str] = set()
    next_url: str | None = url
    empty_marker = list_found = False
    partial_error: str | None = None
    while next_url and next_url not in visited:
        if len(pages) >= fetcher.policy.max_pages_per_column:
            partial_error = f"stopped at the {fetcher.policy.max_pages_per_column}-page cap"
            break
        visited.add(next_url)
        try:
            fetch, page_url, text = await _fetch(fetcher, next_url, previous)
        except FetchError as exc:
            pages.append(PageFetch(next_url, exc.status, 0, 0.0, exc.message))
            if not pages[:-1]:  # the column's own first page failed: nothing to judge
                return ColumnCrawl(portal_id, column_id, url, exc.state, pages=tuple(pages), error=exc.message)
            partial_error = f"page {len(pages)} failed: {exc.message}"
            break
        pages.append(fetch)
        visited.add(page_url)
        lp = parse_list_page(text, page_url, as_of, get_profile(profile))
        empty_marker = empty_marker or (lp.empty_marker and not items)
        list_found = list_found or lp.list_found
        new = [i for i in lp.items if i.url not in items]
        for item in new:
            items[item.url] = item
        if not new:
            break
        dated = [i.published_on for i in new if i.published_on and not i.pinned]
        if not dated or max(dated) < window_start:
            break  # past the window, or a date-less list (its newest items are on page one)
        if known and any(i.url in known for i in new if not i.pinned):
            break  # older pages hold only what earlier runs stored
        next_url = lp.next_url
    if items and all(i.published_on is None for i in items.values()):
        for item in await _dates_from_articles(fetcher, list(items.values()), as_of, pages, previous):
            items[item.url] = item
    if not items and not empty_marker and not list_found:
        return ColumnCrawl(portal_id, column_id, url, "error", pages=tuple(pages),
                           error="no item list found on the page")
    return ColumnCrawl(portal_id, column_id, url, "ok", tuple(items.values()), tuple(pages),
                       empty_marker=empty_marker, error=partial_error)


async def _fetch(fetcher: Fetcher, url: str, previous: Mapping[str, Previous]) -> tuple[PageFetch, str, str]:
    """(fetch record, final URL, page text), conditional when an earlier run saw the URL."""
    prev = previous.get(url)
    page = await fetcher.get(url, prev.etag, prev.last_modified) if prev else await fetcher.get(url)
    if page.not_modified and prev is not None:
        record = PageFetch(page.url, 304, 0, page.elapsed_ms, None, prev.content_hash, None, prev.etag, prev.last_modified)
        return record, page.url, decode_html(prev.body)
    return PageFetch.of_body(page.url, page.status, page.body, page.elapsed_ms, page.etag, page.last_modified), page.url, page.text


async def _dates_from_articles(fetcher: Fetcher, items: list[Item], as_of: date, pages: list[PageFetch],
                               previous: Mapping[str, Previous]) -> list[Item]:
    """Date a date-less list from its article pages: only the first few non-pinned items
    (lists run newest first), fetched concurrently; a failed article just stays undated."""
    probe = [i for i in items if not i.pinned][:ARTICLE_PROBE]

    async def one(item: Item) -> Item:
        try:
            fetch, _, text = await _fetch(fetcher, item.url, previous)
        except FetchError as exc:
            pages.append(PageFetch(item.url, exc.status, 0, 0.0, exc.message))
            return item
        pages.append(fetch)
        return replace(item, published_on=article_date(text, as_of))

    return list(await asyncio.gather(*(one(i) for i in probe)))


async def check_home(fetcher: Fetcher, url: str, previous: Mapping[str, Previous] | None = None) -> PageFetch:
    """Can the portal's home page be opened (站点无法访问)?"""
    try:
        return (await _fetch(fetcher, url, previous or {}))[0]
    except FetchError as exc:
        return PageFetch(url, exc.status, 0, 0.0, exc.message)


async def crawl_portal_async(
    portal: Portal, as_of: date, policy: FetchPolicy, window_days: int = DEFAULT_WINDOW_DAYS,
    previous: Mapping[str, Previous] | None = None, known: Mapping[str, set[str]] | None = None,
) -> PortalCrawl:
    """Check the home page and crawl every column concurrently (politeness is the fetcher's
    job). ``previous``/``known`` from the warehouse make the night incremental."""
    known = known or {}
    async with Fetcher(policy) as fetcher:
        home, *columns = await asyncio.gather(
            check_home(fetcher, portal.base_url, previous),
            *(crawl_column(fetcher, portal.id, col.id, portal.column_url(col), as_of, window_days, col.profile,
                           previous, known.get(col.id))
              for col in portal.columns),
        )
    return PortalCrawl(portal.id, home, tuple(columns))


def crawl_portal(portal: Portal, as_of: date, policy: FetchPolicy, window_days: int = DEFAULT_WINDOW_DAYS,
                 previous: Mapping[str, Previous] | None = None, known: Mapping[str, set[str]] | None = None,
                 ) -> PortalCrawl:
    """Synchronous entry point for callers outside an event loop (CLI, Prefect tasks)."""
    return asyncio.run(crawl_portal_async(portal, as_of, policy, window_days, previous, known))
