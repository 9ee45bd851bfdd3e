"""An outage on our side is not the portals' failure.

When the auditing machine loses its network or DNS, every portal looks dead, and a run
that recorded that would fail them all (站点无法访问, 互动回应差, 栏目无法访问). So a run
whose portals came back *dark* — nothing read, neither the home page nor any list — in a
share at or over the ruleset's ``outage_share`` (or all of them) asks a canary first:

1. after a pause, a second try of a few dark home pages: if one answers, the network is
   back — the dark portals are crawled again and judged on that crawl;
2. then the catalog's ``reference_urls`` (sites known to stay up): if one answers, the
   network works and the portals are down — their findings stand.

With neither answering, it is the auditing machine: the dark portals' columns are
``error`` with that reason, their single-veto items ``unknown``, and the run fails with
one line saying so. A single dark portal among live ones is a finding, as ever.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from dataclasses import replace

from extractors.fetch import Fetcher, FetchError, FetchPolicy
from portal_audit.catalog import Portal
from portal_audit.i18n import Msg, msg
from portal_audit.records import PortalCrawl

PAUSE = 10.0  # seconds before the second try
SECOND_TRIES = 3  # dark home pages tried again
_log = logging.getLogger("portal_audit.canary")


def is_dark(crawl: PortalCrawl) -> bool:
    """Nothing of the portal was read: its home page was tried and no page answered, home or
    list (a 304 is an answer). A crawl that broke down in our code is not dark: it failed."""
    return crawl.home is not None and not any(page.error is None and page.status is not None
                                              for page in crawl.pages())


def needs_canary(dark: int, total: int, outage_share: float) -> bool:
    """All portals dark, or a share at or over ``outage_share`` of two or more."""
    return dark > 0 and (dark == total or (total > 1 and dark / total >= outage_share))


async def _answers(urls: Sequence[str], policy: FetchPolicy) -> str | None:
    """The first of ``urls`` that answers at all (any HTTP status is an answer), or None."""
    async with Fetcher(replace(policy, obey_robots=False, retries=0)) as fetcher:
        for url in urls:
            try:
                await fetcher.get(url)
                return url
            except FetchError as exc:
                if exc.status is not None:  # an HTTP answer: the network carried it
                    return url
    return None


def second_try(portals: Sequence[Portal], policy: FetchPolicy, pause: float | None = None) -> str | None:
    """After ``pause``, the first dark home page that answers now, or None."""
    time.sleep(PAUSE if pause is None else pause)
    return asyncio.run(_answers([p.base_url for p in portals[:SECOND_TRIES]], policy))


def reference_answers(references: Sequence[str], policy: FetchPolicy) -> str | None:
    return asyncio.run(_answers(list(references), policy)) if references else None


def outage_reason(dark: int, total: int, references: Sequence[str]) -> Msg:
    return msg("outage.run", n=dark, total=total,
               refs=msg("outage.refs_down", n=len(references)) if references else msg("outage.no_refs"))


def in_outage(portal: Portal, crawl: PortalCrawl) -> PortalCrawl:
    """The dark crawl as an outage leaves it: every column ``error``, saying why (not
    ``unreachable``, which would count against the portal), no home page to judge."""
    reason = msg("outage.column")
    columns = tuple(replace(c, fetch_state="error", error=reason, items=(), messages=()) for c in crawl.columns)
    _log.warning("portal %s: nothing read during the outage; its verdicts are unknown", portal.id)
    return PortalCrawl(crawl.portal_id, None, columns)
