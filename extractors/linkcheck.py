"""Check the links and images of the pages a run fetched (不可用链接), with the crawl's own
Fetcher: the same per-host politeness, robots.txt and private-network guard.

Web pages are fetched (GET: a soft 404 — a 200 that says 页面不存在 — shows only in the
body); images and attachments are asked with HEAD, falling back to GET where HEAD is
refused. HTTP 4xx/5xx, DNS failures and time-outs are **broken**; 401, 403, 429 and
anti-bot challenge pages are **unverifiable** — link checkers' known false positives, not
broken; a URL robots.txt or the address guard refuses is **skipped**. Each distinct URL is
checked once per run (``LinkCache``), whatever number of pages and portals carry it.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from portal_audit.i18n import Msg, msg
from portal_audit.records import RECENTLY_WORKING, Link, LinkCheck
from portal_audit.text import decode_html
from portal_audit.urls import registered_domain

from .fetch import Fetcher, FetchError, Refused, TooLarge
from .markup import page_doc, text_of

ATTACHMENT = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|wps|et|ofd|zip|rar|7z|txt|csv|ceb|tif)$", re.I)
IMAGE = re.compile(r"\.(?:jpe?g|png|gif|bmp|webp|svg|ico)$", re.I)
SOFT_404 = re.compile(r"页面不存在|页面未找到|找不到(?:该|您要访问的|您所访问的)?页面"
                      r"|页面已(?:被)?删除|信息已(?:被)?删除"
                      r"|文章不存在|信息不存在|内容不存在|已被删除|您访问的页面不存在|404\s*(?:not found|错误|页面)"
                      r"|page not found|not found", re.I)
CHALLENGE = re.compile(r"__jsl_clearance|_guard/auto\.js|yunsuo_session|cdn-cgi/challenge|安全狗|请开启JavaScript|"
                       r"please enable javascript|访问验证|人机验证|滑动验证", re.I)
SOFT_404_TEXT = 1500  # a page that says "页面不存在" in this much text or less is a soft 404
SAMPLE = 600  # characters of an external page's text kept to notice it change owner (毒链)
_TITLE = re.compile(r"<title[^>]{0,200}>(.{0,1000}?)</title>", re.I | re.S)  # bounded: no rescans to the end


def classify(url: str, tag: str, portal_url: str) -> tuple[str, str]:
    """(scope, kind): 站内 same host, 域内 same registered domain, 域外 elsewhere;
    图片, 附件 (pdf, doc, xls, zip …) or 网页."""
    host, home = (urlsplit(url).hostname or ""), (urlsplit(portal_url).hostname or "")
    scope = "站内" if host == home else "域内" if registered_domain(host) == registered_domain(home) else "域外"
    path = urlsplit(url).path
    kind = "图片" if tag == "img" or IMAGE.search(path) else "附件" if ATTACHMENT.search(path) else "网页"
    return scope, kind


@dataclass(frozen=True)
class Outcome:
    status: str  # ok | broken | unverifiable | skipped
    http_status: int | None = None
    error: Msg | None = None
    title: str | None = None
    text_sample: str | None = None


@dataclass
class LinkCache:
    """URL → its check, shared by the portals crawling on one event loop: a URL is checked
    once. ``done`` holds what the run checked before this cache (other shards' links to
    other hosts). ``fresh`` holds URLs an earlier night found working recently; they are
    not fetched again (broken and unverifiable links are checked every night)."""

    results: dict[str, asyncio.Future[Outcome]] = field(default_factory=dict)
    fresh: set[str] = field(default_factory=set)
    done: dict[str, Outcome] = field(default_factory=dict)
    only_site: bool = False  # check only the portal's own host (a catalog run offline says so)


def _page_outcome(status: int, body: bytes, charset: str | None, external: bool) -> Outcome:
    text = decode_html(body[:200_000], charset)
    if CHALLENGE.search(text[:20_000]):
        return Outcome("unverifiable", status, msg("link.challenge"))
    found = _TITLE.search(text)
    title = " ".join(found.group(1).split()) if found else ""
    doc = page_doc(text)  # the parser's text, in C: a regex over tags rescanned hostile pages quadratically
    body = doc.find("body")
    visible = " ".join(text_of(body if body is not None else doc).split())
    gone = SOFT_404.search(title) or SOFT_404.search(visible) if len(visible) <= SOFT_404_TEXT else None
    if gone:
        return Outcome("broken", status, msg("link.soft_404", says=gone.group(0)))
    return Outcome("ok", status, None, title if external else None, visible[:SAMPLE] if external else None)


async def _check(fetcher: Fetcher, url: str, kind: str, external: bool) -> Outcome:
    try:
        if kind != "网页":
            try:
                page = await fetcher.get(url, method="HEAD")
                return Outcome("ok", page.status)
            except FetchError as exc:
                if exc.status not in (400, 403, 405, 501) or isinstance(exc, Refused):
                    raise
            # HEAD refused: ask with GET
        page = await fetcher.get(url)
        if kind != "网页":
            return Outcome("ok", page.status)
        return _page_outcome(page.status, page.body, page.charset, external)
    except TooLarge:
        return Outcome("ok", None, msg("link.over_cap"))
    except Refused as exc:
        return Outcome("skipped", None, exc.msg)
    except FetchError as exc:
        if exc.status in (401, 403, 412, 429, 521):
            return Outcome("unverifiable", exc.status, exc.msg)
        return Outcome("broken", exc.status, exc.msg)


async def check_links(fetcher: Fetcher, links: Sequence[Link], portal_url: str, cache: LinkCache) -> list[LinkCheck]:
    """Check a portal's links, each distinct URL once per run (``cache``)."""

    async def one(link: Link) -> LinkCheck:
        scope, kind = classify(link.url, link.tag, portal_url)
        blank = link.tag == "a" and not link.text.strip()
        if cache.only_site and scope != "站内":
            return LinkCheck(link, scope, kind, blank, "skipped", None, msg("link.site_only"))
        if link.url in cache.fresh:
            return LinkCheck(link, scope, kind, blank, "ok", None, RECENTLY_WORKING)
        o = cache.done.get(link.url)
        if o is None:
            future = cache.results.get(link.url)
            if future is None:
                future = cache.results[link.url] = asyncio.ensure_future(
                    _check(fetcher, link.url, kind, scope == "域外"))
            o = await asyncio.shield(future)
        return LinkCheck(link, scope, kind, blank, o.status, o.http_status, o.error, o.title, o.text_sample)

    return list(await asyncio.gather(*(one(link) for link in links)))
