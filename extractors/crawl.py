"""Crawl a column: fetch its list pages, follow pagination, extract items.

Pagination stops at the page cap, when a page repeats, or once a page's newest
non-pinned items are older than the audit window (older pages cannot change a verdict;
pinned 置顶 items never stop it, since they are old by design).
"""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

from portal_audit.catalog import Portal
from portal_audit.records import ColumnCrawl, Item, PageFetch

from .fetch import FetchError, Fetcher, FetchPolicy
from .listpage import parse_list_page

DEFAULT_WINDOW_DAYS = 400  # a year of history plus slack: the longest periodic allowance is 366


async def crawl_column(
    fetcher: Fetcher,
    portal_id: str,
    column_id: str,
    url: str | None,
    as_of: date,
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> ColumnCrawl:
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
        pages.append(PageFetch(page.url, page.status, page.nbytes, page.elapsed_ms))
        visited.add(page.url)
        lp = parse_list_page(page.text, page.url, as_of)
        empty_marker = empty_marker or (lp.empty_marker and not items)
        list_found = list_found or lp.list_found
        new = [i for i in lp.items if i.url not in items]
        for item in new:
            items[item.url] = item
        if not new:
            break
        dated = [i.published_on for i in new if i.published_on and not i.pinned]
        if dated and max(dated) < window_start:
            break
        next_url = lp.next_url
    if not items and not empty_marker and not list_found:
        return ColumnCrawl(portal_id, column_id, url, "error", pages=tuple(pages),
                           error="no item list found on the page")
    return ColumnCrawl(portal_id, column_id, url, "ok", tuple(items.values()), tuple(pages),
                       empty_marker=empty_marker, error=partial_error)


async def crawl_portal_async(
    portal: Portal, as_of: date, policy: FetchPolicy, window_days: int = DEFAULT_WINDOW_DAYS
) -> list[ColumnCrawl]:
    """Crawl every column of a portal concurrently (politeness is the fetcher's job)."""
    async with Fetcher(policy) as fetcher:
        return list(await asyncio.gather(*(
            crawl_column(fetcher, portal.id, col.id, portal.column_url(col), as_of, window_days)
            for col in portal.columns
        )))


def crawl_portal(portal: Portal, as_of: date, policy: FetchPolicy, window_days: int = DEFAULT_WINDOW_DAYS) -> list[ColumnCrawl]:
    """Synchronous entry point for callers outside an event loop (CLI, Prefect tasks)."""
    return asyncio.run(crawl_portal_async(portal, as_of, policy, window_days))
