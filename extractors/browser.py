"""Render a column page in headless Chromium — only for columns whose list a script draws.

The browser is one more download handler behind the crawler's :class:`Fetcher` (as
scrapy-playwright sits behind Scrapy's scheduler): every request a rendered page makes is
intercepted and answered by the Fetcher, so the private-network guard, robots.txt, the
per-host delay and concurrency, retries and size caps are exactly the crawler's own, and
Chromium itself never touches the network. Images, fonts, media and style sheets are
refused: a list needs none of them. What the page loaded (its document and the JSON/XML
its scripts asked for) and the DOM it ended with come back as evidence.

Chromium is Debian's (``/usr/bin/chromium``) or any named by ``$PORTAL_AUDIT_CHROMIUM``,
driven by Playwright; it starts on the first page that needs it, so a crawl that never
renders never launches it. Work is bounded: pages rendering at once overall and per host,
a time limit per page, a cap on the requests and bytes one page may load, and a V8 heap
limit per renderer process.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import time
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from portal_audit.i18n import Msg, msg
from portal_audit.records import PageFetch

from .fetch import FetchError, Fetcher, decode_html

BLOCKED = {"image", "font", "media", "stylesheet", "manifest", "texttrack", "websocket", "eventsource", "beacon", "ping"}
DATA_TYPES = {"xhr", "fetch"}
FORWARDED_HEADERS = ("accept", "content-type", "x-requested-with")


@dataclass(frozen=True)
class RenderLimits:
    pages: int = 4  # pages rendering at once, overall
    pages_per_host: int = 1
    timeout: float = 30.0  # seconds for one page: its document, scripts and their requests
    settle_ms: int = 500  # the page is done once its network has been quiet this long
    max_requests: int = 200  # requests one page may make
    max_bytes: int = 20 * 1024 * 1024  # bytes one page may load
    js_heap_mb: int = 256  # V8 heap limit per renderer process


@dataclass(slots=True)
class Rendered:
    """A rendered page: the DOM it ended with, every fetch it made through the Fetcher
    (document and data requests; the rendered DOM last, at ``URL#rendered``) and the text
    of the JSON/XML responses its scripts loaded."""

    url: str
    html: str
    fetches: list[PageFetch] = field(default_factory=list)
    responses: list[tuple[str, str]] = field(default_factory=list)
    elapsed_ms: float = 0.0
    note: Msg | None = None  # a limit the page hit (it is rendered as far as it got)


class BrowserUnavailable(RuntimeError):
    """No headless Chromium to render with."""


def find_chromium() -> str | None:
    """$PORTAL_AUDIT_CHROMIUM, else Debian's chromium (or another Chromium/Chrome on PATH)."""
    named = os.environ.get("PORTAL_AUDIT_CHROMIUM")
    if named:
        return named if os.path.exists(named) else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


def strip_fragment(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(fragment=""))


class Renderer:
    """Render pages through a Fetcher. Use as ``async with Renderer(fetcher) as r: await r.render(url)``."""

    def __init__(self, fetcher: Fetcher, limits: RenderLimits | None = None, executable: str | None = None):
        self.fetcher = fetcher
        self.limits = limits or RenderLimits()
        self.executable = executable
        self._playwright = None
        self._browser = None
        self._launch_lock = asyncio.Lock()
        self._pages = asyncio.Semaphore(self.limits.pages)
        self._hosts: dict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(self.limits.pages_per_host))
        self.rendered = 0  # pages rendered by this renderer (for the crawl's figures)

    async def __aenter__(self) -> "Renderer":
        return self

    async def __aexit__(self, *exc) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        browser, playwright = self._browser, self._playwright
        self._browser = self._playwright = None
        if browser is not None:
            try:
                await browser.close()
            except Exception:  # already gone: nothing to close
                pass
        if playwright is not None:
            await playwright.stop()

    async def _ensure(self):
        async with self._launch_lock:
            if self._browser is not None:
                return self._browser
            executable = self.executable or find_chromium()
            if not executable:
                raise BrowserUnavailable("no headless Chromium found (install Debian's chromium, "
                                         "or set PORTAL_AUDIT_CHROMIUM to a Chromium executable)")
            try:
                from playwright.async_api import async_playwright
            except ImportError as exc:  # pragma: no cover - a dependency of the package
                raise BrowserUnavailable(f"playwright is not installed: {exc}") from None
            args = ["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
                    "--disable-quic", "--mute-audio", f"--js-flags=--max-old-space-size={self.limits.js_heap_mb}"]
            if hasattr(os, "geteuid") and os.geteuid() == 0:
                args.append("--no-sandbox")  # Chromium refuses to sandbox as root
            self._playwright = await async_playwright().start()
            try:
                self._browser = await self._playwright.chromium.launch(executable_path=executable, args=args,
                                                                       headless=True)
            except Exception as exc:
                await self._playwright.stop()
                self._playwright = None
                raise BrowserUnavailable(f"Chromium ({executable}) did not start: {str(exc).splitlines()[0]}") from None
            return self._browser

    async def render(self, url: str) -> Rendered:
        """Load ``url`` in a fresh browser context, let its scripts run until the network
        is quiet (or the page's time is up), and return the DOM it ended with. Raises
        :class:`FetchError` when the page's own document cannot be fetched and
        :class:`BrowserUnavailable` when there is no browser."""
        browser = await self._ensure()
        async with self._pages, self._hosts[urlsplit(url).netloc]:
            start = time.perf_counter()
            out = Rendered(url=url, html="")
            failure: list[FetchError] = []
            budget = {"requests": 0, "bytes": 0}
            context = await browser.new_context(service_workers="block", user_agent=self.fetcher.policy.user_agent)
            try:
                await context.route("**/*", lambda route, request: self._answer(route, request, out, failure, budget))
                page = await context.new_page()
                deadline = self.limits.timeout * 1000
                try:
                    await page.goto(url, wait_until="load", timeout=deadline)
                    await page.wait_for_load_state("networkidle", timeout=max(1000.0, deadline - _ms_since(start)))
                except Exception as exc:  # a page that never settles is read as far as it got
                    if failure:
                        raise failure[0] from None
                    out.note = msg("browser.stopped", error=type(exc).__name__)
                if failure and not out.fetches[:1]:
                    raise failure[0]
                out.html = await page.content()
            finally:
                await context.close()
            out.elapsed_ms = _ms_since(start)
            if budget["requests"] > self.limits.max_requests or budget["bytes"] > self.limits.max_bytes:
                out.note = msg("both", first=out.note, second=msg("browser.cap")) if out.note else msg("browser.cap")
            body = out.html.encode("utf-8")
            out.fetches.append(PageFetch.of_body(strip_fragment(url) + "#rendered", 200, body, out.elapsed_ms))
            self.rendered += 1
            return out

    async def _answer(self, route, request, out: Rendered, failure: list[FetchError], budget: dict) -> None:
        """Answer one request of a rendered page through the Fetcher."""
        kind = request.resource_type
        is_document = kind == "document" and request.frame.parent_frame is None
        if kind in BLOCKED or request.url.startswith("data:"):
            await route.abort("blockedbyclient")
            return
        budget["requests"] += 1  # requests answered: refused images and fonts cost nothing
        if budget["requests"] > self.limits.max_requests or budget["bytes"] > self.limits.max_bytes:
            await route.abort("blockedbyclient")
            return
        headers = {k: v for k, v in request.headers.items() if k.lower() in FORWARDED_HEADERS}
        try:
            page = await self.fetcher.get(request.url, method=request.method, content=request.post_data_buffer,
                                          headers=headers)
        except FetchError as exc:
            if is_document and not out.fetches:
                failure.append(exc)
            if is_document or kind in DATA_TYPES:
                out.fetches.append(PageFetch(request.url, exc.status, 0, 0.0, exc.message))
            await route.abort("failed")
            return
        except Exception:  # the page closed while we fetched: nothing to answer
            return
        budget["bytes"] += page.nbytes
        if is_document or kind in DATA_TYPES:
            out.fetches.append(PageFetch.of_body(page.url, page.status, page.body, page.elapsed_ms, page.etag,
                                                 page.last_modified))
            ctype = (page.content_type or "").lower()
            if kind in DATA_TYPES and ("json" in ctype or "xml" in ctype or page.body[:1] in (b"{", b"[", b"<")):
                out.responses.append((page.url, decode_html(page.body)))
        try:
            await route.fulfill(status=page.status, body=page.body,
                                headers={"content-type": page.content_type or "application/octet-stream"})
        except Exception:  # the page went away meanwhile
            pass


def _ms_since(start: float) -> float:
    return (time.perf_counter() - start) * 1000
