"""Propose list URLs for catalog columns by crawling the portal's navigation.

The home page's links are read, and one level further the channel pages whose link names
a column's top level; every column is matched against the link texts by name (the full
path joined, then the leaf with its parent nearby, then the leaf alone, then a fuzzy
match). Each proposal carries a confidence; nothing under the threshold is filled in,
so no URL is ever invented silently.
"""

from __future__ import annotations

import asyncio
import difflib
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from extractors.fetch import Fetcher, FetchError, FetchPolicy
from extractors.markup import parse_html, text_of
from portal_audit.catalog import Portal
from portal_audit.text import fold

MAX_CHANNEL_PAGES = 30


@dataclass(frozen=True)
class Link:
    text: str  # folded
    url: str
    context: str  # folded text of the small block around the link (its section heading)
    page_title: str  # folded <title> of the page the link is on


_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "dt", "strong", "b", "caption", "legend"}


def _context(a) -> str:
    """Text of the nearest block above the link that carries a heading, if it is small."""
    el = a
    for _ in range(4):
        el = el.getparent()
        if el is None:
            return ""
        if any(child.tag in _HEADING_TAGS or "title" in (child.get("class") or "") for child in el.iterchildren()
               if isinstance(child.tag, str)):
            text = fold(text_of(el))
            return text if len(text) <= 400 else ""
    return ""


def _links(html: str, page_url: str) -> list[Link]:
    doc = parse_html(html)
    title = doc.find(".//title")
    page_title = fold(text_of(title)) if title is not None else ""
    out = []
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        text = fold(a.get("title") or text_of(a))
        if not href or href.startswith(("javascript:", "#", "mailto:")) or not text:
            continue
        out.append(Link(text, urljoin(page_url, href), _context(a), page_title))
    return out


@dataclass(frozen=True)
class Proposal:
    column_id: str
    url: str | None
    confidence: float
    how: str


async def crawl_navigation(portal: Portal, policy: FetchPolicy) -> list[Link]:
    """Links of the home page and of the channel pages named like a column's top level."""
    async with Fetcher(policy) as fetcher:
        home = await fetcher.get(portal.base_url)
        links = _links(home.text, home.url)
        tops = {fold(c.path[0]) for c in portal.columns if len(c.path) > 1}
        host = urlsplit(home.url).netloc
        channels = list(dict.fromkeys(k.url for k in links if k.text in tops and urlsplit(k.url).netloc == host))
        pages = await asyncio.gather(*(fetcher.get(u) for u in channels[:MAX_CHANNEL_PAGES]), return_exceptions=True)
        for page in pages:
            if not isinstance(page, FetchError) and not isinstance(page, BaseException):
                links += _links(page.text, page.url)
    return links


def match(portal: Portal, links: list[Link]) -> list[Proposal]:
    proposals = []
    for col in portal.columns:
        path = [fold(p) for p in col.path]
        leaf, parent = path[-1], (path[-2] if len(path) > 1 else None)
        best: tuple[float, str, str | None] = (0.0, "no matching link", None)
        for link in links:
            if link.text == "".join(path) or link.text == " ".join(path).replace(" ", ""):
                score, how = 1.0, "full path"
            elif link.text == leaf and (parent is None or parent in link.context
                                        or (len(path) == 2 and link.page_title.startswith(parent))):
                score, how = 0.95, "name under its parent"
            elif link.text == leaf:
                score, how = 0.75, "name only"
            else:
                ratio = difflib.SequenceMatcher(None, link.text, leaf).ratio()
                score, how = (round(0.7 * ratio, 2), "similar name") if ratio >= 0.6 else (0.0, "")
            if score > best[0]:
                best = (score, how, link.url)
        # the same leaf linked twice to different pages: ambiguous unless the parent decided
        same = {k.url for k in links if k.text == leaf}
        score, how, url = best
        if how == "name only" and len(same) > 1:
            score, how = 0.4, f"name only, {len(same)} links share it"
        proposals.append(Proposal(col.id, url if score > 0 else None, score, how))
    return proposals
