"""Crawl a column: fetch its list pages, follow pagination, extract items.

Pagination stops at the page cap, when a page repeats, or once a page's newest
non-pinned items are older than the audit window (older pages cannot change a verdict;
pinned 置顶 items never stop it, since they are old by design).
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import date, timedelta

from portal_audit.catalog import Portal
from portal_audit.records import ColumnCrawl, Item, PageFetch, PortalCrawl

from .fetch import FetchError, Fetcher, FetchPolicy
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
) -> ColumnCrawl:
    """Crawl one column's list pages; never raises for what the portal does."""
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
            page = await fetcher.get(next_url)
        except FetchError as exc:
            pages.append(PageFetch(next_url, exc.status, 0, 0.0, exc.message))
            if not pages[:-1]:  # the column's own first page failed: nothing to judge
                return ColumnCrawl(portal_id, column_id, url, exc.state, pages=tuple(pages), error=exc.message)
            partial_error = f"page {len(pages)} failed: {exc.message}"
            break
        pages.append(PageFetch.of_body(page.url, page.status, page.body, page.elapsed_ms))
        visited.add(page.url)
        lp = parse_list_page(page.text, page.url, as_of, get_profile(profile))
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
        next_url = lp.next_url
    if items and all(i.published_on is None for i in items.values()):
        for item in await _dates_from_articles(fetcher, list(items.values()), as_of, pages):
            items[item.url] = item
    if not items and not empty_marker and not list_found:
        return ColumnCrawl(portal_id, column_id, url, "error", pages=tuple(pages),
                           error="no item list found on the page")
    return ColumnCrawl(portal_id, column_id, url, "ok", tuple(items.values()), tuple(pages),
                       empty_marker=empty_marker, error=partial_error)


async def _dates_from_articles(fetcher: Fetcher, items: list[Item], as_of: date, pages: list[PageFetch]) -> list[Item]:
    """Date a date-less list from its article pages: only the first few non-pinned items
    (lists run newest first), fetched concurrently; a failed article just stays undated."""
    probe = [i for i in items if not i.pinned][:ARTICLE_PROBE]

    async def one(item: Item) -> Item:
        try:
            page = await fetcher.get(item.url)
        except FetchError as exc:
            pages.append(PageFetch(item.url, exc.status, 0, 0.0, exc.message))
            return item
        pages.append(PageFetch.of_body(page.url, page.status, page.body, page.elapsed_ms))
        return replace(item, published_on=article_date(page.text, as_of))

    return list(await asyncio.gather(*(one(i) for i in probe)))


async def check_home(fetcher: Fetcher, url: str) -> PageFetch:
    """Can the portal's home page be opened (站点无法访问)?"""
    try:
        page = await fetcher.get(url)
    except FetchError as exc:
        return PageFetch(url, exc.status, 0, 0.0, exc.message)
    return PageFetch.of_body(page.url, page.status, page.body, page.elapsed_ms)


async def crawl_portal_async(
    portal: Portal, as_of: date, policy: FetchPolicy, window_days: int = DEFAULT_WINDOW_DAYS
) -> PortalCrawl:
    """Check the home page and crawl every column concurrently (politeness is the fetcher's job)."""
    async with Fetcher(policy) as fetcher:
        home, *columns = await asyncio.gather(
            check_home(fetcher, portal.base_url),
            *(crawl_column(fetcher, portal.id, col.id, portal.column_url(col), as_of, window_days, col.profile)
              for col in portal.columns),
        )
    return PortalCrawl(portal.id, home, tuple(columns))


def crawl_portal(portal: Portal, as_of: date, policy: FetchPolicy, window_days: int = DEFAULT_WINDOW_DAYS) -> PortalCrawl:
    """Synchronous entry point for callers outside an event loop (CLI, Prefect tasks)."""
    return asyncio.run(crawl_portal_async(portal, as_of, policy, window_days))
