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
import logging
import os
import shutil
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from portal_audit.i18n import Msg, msg
from portal_audit.records import PageFetch
from portal_audit.text import decode_html

from .fetch import Fetcher, FetchError
from .sandbox import running_as_root, unprivileged_launcher

log = logging.getLogger("portal_audit.browser")
BLOCKED = {"image", "font", "media", "stylesheet", "manifest", "texttrack", "websocket", "eventsource", "beacon",
           "ping"}
DATA_TYPES = {"xhr", "fetch"}
FORWARDED_HEADERS = ("accept", "content-type", "x-requested-with")


@dataclass(frozen=True)
class RenderLimits:
    pages: int = 4  # pages rendering at once, overall
    pages_per_host: int = 1
    timeout: float = 30.0  # seconds for one page: its document, scripts and their requests
    settle_ms: int = 500  # the page is done once its network has been quiet this long
    timer_ms: int = 1000  # ... and no one-shot timer this short is still pending (a list drawn a moment late)
    max_requests: int = 200  # requests one page may make
    max_bytes: int = 20 * 1024 * 1024  # bytes one page may load
    js_heap_mb: int = 256  # V8 heap limit per renderer process
    call_timeout: float = 10.0  # seconds for one call into the browser (a busy-looping page blocks page.content())


@dataclass(slots=True)
class Rendered:
    """A rendered page: the DOM it ended with, every fetch it made through the Fetcher
    (document and data requests; the rendered DOM last, at ``URL#rendered``) and the text
    of the JSON/XML responses its scripts loaded."""

    url: str
    html: str
    fetches: list[PageFetch] = field(default_factory=list)
    responses: list[tuple[str, str, str, bytes | None]] = field(default_factory=list)  # URL, text, method, body
    elapsed_ms: float = 0.0
    note: Msg | None = None  # a limit the page hit (it is rendered as far as it got)
    inspected: Any = None  # what ``render(inspect=…)`` found on the settled page



class BrowserUnavailable(RuntimeError):
    """No headless Chromium to render with; ``msg`` says why, in the reader's language."""

    def __init__(self, why: Msg):
        super().__init__(why.key)
        self.msg = why


class RenderFailed(RuntimeError):
    """A page the browser could not read (it hung, crashed or kept navigating)."""

    def __init__(self, why: Msg):
        super().__init__(why.key)
        self.msg = why


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


def _launches(executable: str) -> list[tuple[str, bool]]:
    """The ways to start Chromium (path, sandbox on?), safest first. Playwright turns the
    sandbox off unless asked; here it stays on: as this user, or as root through a launcher
    that drops to ``nobody``. Only where a machine has no sandbox to offer (no user
    namespaces) is it off — still as ``nobody`` — and as root only with no way to drop."""
    if not running_as_root():
        return [(executable, True), (executable, False)]
    launcher = unprivileged_launcher(executable)
    if launcher is None:
        return [(executable, False)]
    return [(launcher, True), (launcher, False)]


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
        # renders nothing waits on (axe-core's tests) take at most half the pages, so a column's
        # render — which its list, and the columns that learn its API, wait for — finds a slot
        self._background = asyncio.Semaphore(max(1, self.limits.pages // 2))
        self._hosts: dict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(self.limits.pages_per_host))
        self.rendered = 0  # pages rendered by this renderer (for the crawl's figures)

    async def __aenter__(self) -> Renderer:
        return self

    async def __aexit__(self, *exc) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        browser, playwright = self._browser, self._playwright
        self._browser = self._playwright = None
        if browser is not None:
            with suppress(Exception):  # already gone: nothing to close
                await browser.close()
        if playwright is not None:
            await playwright.stop()

    async def _ensure(self):
        async with self._launch_lock:
            if self._browser is not None:
                return self._browser
            executable = self.executable or find_chromium()
            if not executable:
                raise BrowserUnavailable(msg("browser.missing"))
            try:
                from playwright.async_api import async_playwright
            except ImportError:  # pragma: no cover - a dependency of the package
                raise BrowserUnavailable(msg("browser.no_playwright")) from None
            args = ["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
                    "--disable-quic", "--mute-audio", f"--js-flags=--max-old-space-size={self.limits.js_heap_mb}",
                    *NO_NETWORK_ARGS]
            self._playwright = await async_playwright().start()
            failure = ""
            for launch_path, sandbox in _launches(executable):
                try:
                    self._browser = await self._playwright.chromium.launch(
                        executable_path=launch_path, args=args, headless=True, chromium_sandbox=sandbox)
                    if not sandbox:
                        log.warning("Chromium runs without its sandbox: %s", failure or "as root, without setpriv")
                    return self._browser
                except Exception as exc:
                    failure = str(exc).splitlines()[0]
            await self._playwright.stop()
            self._playwright = None
            log.warning("Chromium (%s) did not start: %s", executable, failure)
            raise BrowserUnavailable(msg("browser.no_start", path=executable)) from None

    async def render(self, url: str, inspect: Callable[[Any], Awaitable[Any]] | None = None,
                     background: bool = False, styles: bool = False) -> Rendered:
        """Load ``url`` in a fresh browser context, let its scripts run until the network
        is quiet (or the page's time is up), and return the DOM it ended with; a render
        that breaks (the page navigates while it is read, the renderer crashes) is tried
        once more. A ``background`` render (nothing of the crawl waits on it) takes at most
        half of the pages at once. ``styles``: its stylesheets are loaded (through the Fetcher,
        within the page's caps), for an ``inspect`` that reads what they draw; a list's render
        needs none. Raises :class:`FetchError` when the page's own document cannot be
        fetched, :class:`RenderFailed` when the page cannot be read, and
        :class:`BrowserUnavailable` when there is no browser."""
        blocked = BLOCKED - {"stylesheet"} if styles else BLOCKED
        try:
            return await self._render_once(url, inspect, background, blocked)
        except RenderFailed as exc:
            if exc.msg.key != "browser.crashed":
                raise  # a page that hung once hangs again: no second try
            return await self._render_once(url, inspect, background, blocked)

    async def _render_once(self, url: str, inspect: Callable[[Any], Awaitable[Any]] | None = None,
                           background: bool = False, blocked: frozenset[str] | set[str] = BLOCKED) -> Rendered:
        browser = await self._ensure()
        async with AsyncExitStack() as slots:
            if background:
                await slots.enter_async_context(self._background)
            await slots.enter_async_context(self._pages)
            await slots.enter_async_context(self._hosts[urlsplit(url).netloc])
            start = time.perf_counter()
            out = Rendered(url=url, html="")
            failure: list[FetchError] = []
            budget = {"requests": 0, "bytes": 0}
            network = _Network()
            try:
                context = await asyncio.wait_for(
                    browser.new_context(service_workers="block", user_agent=self.fetcher.policy.user_agent),
                    self.limits.call_timeout)
            except Exception:
                await self._restart()
                raise RenderFailed(msg("browser.crashed")) from None
            try:
                await context.route("**/*", lambda route, request: self._answer(route, request, out, failure, budget,
                                                                                network, blocked))
                await context.route_web_socket("**/*", _refuse_socket)  # closed before any connection is made
                await context.add_init_script(NO_WEBRTC)
                await context.add_init_script(PENDING_TIMERS % self.limits.timer_ms)
                page = await context.new_page()
                page.on("load", lambda *_: network.loaded())
                page.on("dialog", _dismiss)
                out.note = await self._settle(page, url, network)
                if failure:  # the page's own document could not be fetched: unreachable, not unreadable
                    raise failure[0]
                out.html = await self._content(page, network)
                if inspect is not None:  # on the settled page, before its context closes (it bounds its own time)
                    out.inspected = await inspect(page)
            except (FetchError, RenderFailed):
                raise
            except Exception:  # the renderer crashed or the page went away under us
                raise RenderFailed(msg("browser.crashed")) from None
            finally:
                try:
                    await asyncio.wait_for(context.close(), self.limits.call_timeout)
                except Exception:  # a renderer that will not close: the browser is wedged
                    await self._restart()
            out.elapsed_ms = _ms_since(start)
            if budget["requests"] > self.limits.max_requests or budget["bytes"] > self.limits.max_bytes:
                out.note = msg("both", first=out.note, second=msg("browser.cap")) if out.note else msg("browser.cap")
            body = out.html.encode("utf-8")
            if len(body) > self.fetcher.policy.max_bytes:  # a page that grows its DOM without end: kept to the cap
                body = body[:self.fetcher.policy.max_bytes]
                out.html = body.decode("utf-8", errors="ignore")
                out.note = msg("both", first=out.note, second=msg("browser.cap")) if out.note else msg("browser.cap")
            out.fetches.append(PageFetch.of_body(strip_fragment(url) + "#rendered", 200, body, out.elapsed_ms))
            self.rendered += 1
            return out

    async def _settle(self, page, url: str, network: _Network) -> Msg | None:
        """Navigate and wait until the page has loaded and its network has been quiet for
        ``settle_ms``. The page's time counts only while it runs: time its requests spend
        queued behind the crawl's politeness (other columns of the same host, a busy
        machine) is not its fault, so a page is not cut short for it — a hard cap of four
        times the limit still bounds it. Returns a note when the page is read unsettled."""
        limit = self.limits.timeout * 1000
        started = time.perf_counter()
        try:
            await page.goto(url, wait_until="commit", timeout=limit * 4)
        except Exception as exc:
            if "interrupted by another navigation" not in str(exc):
                return msg("browser.timeout", s=round(self.limits.timeout))
        while True:
            await asyncio.sleep(0.05)
            elapsed = _ms_since(started)
            if network.quiet_for() >= self.limits.settle_ms and network.has_loaded and not await _timers(page):
                return None
            if elapsed - network.waited_ms() > limit or elapsed > limit * 4:
                return msg("browser.timeout", s=round(self.limits.timeout))

    async def _content(self, page, network: _Network) -> str:
        """The page's DOM, read with a time limit (a script busy-looping blocks it). A page
        that navigates while it is read (``location`` set, a reload, a page rewriting
        itself) is read again once its new document has loaded."""
        for attempt in range(3):
            try:
                return await asyncio.wait_for(page.content(), self.limits.call_timeout)
            except TimeoutError:
                raise RenderFailed(msg("browser.hung")) from None
            except Exception as exc:
                if "navigating" not in str(exc) or attempt == 2:
                    raise RenderFailed(msg("browser.crashed")) from None
                network.has_loaded = False
                with suppress(Exception):
                    await page.wait_for_load_state("load", timeout=self.limits.timeout * 1000)
        raise RenderFailed(msg("browser.crashed"))  # pragma: no cover - the loop returns or raises

    async def _restart(self) -> None:
        """Drop a wedged browser; the next render launches a new one."""
        browser, self._browser = self._browser, None
        if browser is not None:
            try:
                await asyncio.wait_for(browser.close(), self.limits.call_timeout)
            except Exception:
                process = getattr(getattr(browser, "_impl_obj", None), "process", None)
                if process is not None:
                    process.kill()

    async def _answer(self, route, request, out: Rendered, failure: list[FetchError], budget: dict,
                      network: _Network, blocked: frozenset[str] | set[str] = BLOCKED) -> None:
        """Answer one request of a rendered page through the Fetcher."""
        with network.request():
            await self._answer_one(route, request, out, failure, budget, blocked)

    async def _answer_one(self, route, request, out: Rendered, failure: list[FetchError], budget: dict,
                          blocked: frozenset[str] | set[str] = BLOCKED) -> None:
        kind = request.resource_type
        is_document = kind == "document" and request.frame.parent_frame is None
        if kind in blocked or request.url.startswith("data:"):
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
                out.fetches.append(PageFetch(request.url, exc.status, 0, 0.0, exc.msg))
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
                out.responses.append((page.url, decode_html(page.body), request.method, request.post_data_buffer))
        with suppress(Exception):  # the page went away meanwhile
            await route.fulfill(status=page.status, body=page.body,
                                headers={"content-type": page.content_type or "application/octet-stream"})


def _ms_since(start: float) -> float:
    return (time.perf_counter() - start) * 1000


# Chromium has no way to the network but the Fetcher: whatever escapes the request route
# (WebSocket, WebRTC's STUN over UDP and TURN over TCP) goes to a proxy that is not there,
# loopback included (<-loopback>), and WebRTC may use no UDP but through a proxy; pages also
# find no RTCPeerConnection, and every WebSocket is closed by the route before it connects
NO_NETWORK_ARGS = ("--proxy-server=http://127.0.0.1:1", "--proxy-bypass-list=<-loopback>",
                   "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
                   "--webrtc-ip-handling-policy=disable_non_proxied_udp")
NO_WEBRTC = (
    "for (const name of ['RTCPeerConnection', 'webkitRTCPeerConnection', 'RTCDataChannel', 'RTCIceCandidate',\n"
    "                         'RTCSessionDescription'])"
    " { try { delete window[name]; window[name] = undefined; } catch (e) {} }")

# A list drawn "a moment later" (setTimeout(draw, 300) after load) leaves the network quiet
# while its timer is pending; on a busy machine that moment outlasts ``settle_ms``. So the
# page counts its short one-shot timers set outside another timer (a ticker re-arming itself
# from its own callback is not counted, or a page would never settle) until they fire.
PENDING_TIMERS = """(() => {
  const set = window.setTimeout, clear = window.clearTimeout, pending = new Set();
  let depth = 0;
  Object.defineProperty(window, '__portalAuditPending', {get: () => pending.size});
  window.setTimeout = function (fn, ms, ...args) {
    if (typeof fn !== 'function' || depth > 0 || (+ms || 0) > %d) return set.call(window, fn, ms, ...args);
    const id = set.call(window, function () {
      pending.delete(id); depth++;
      try { return fn.apply(this, args); } finally { depth--; }
    }, ms);
    pending.add(id);
    return id;
  };
  window.clearTimeout = function (id) { pending.delete(id); return clear.call(window, id); };
})();"""


async def _timers(page) -> int:
    """How many short timers the page still has pending (a page mid-navigation counts as one:
    its next document has not run yet)."""
    try:
        return int(await asyncio.wait_for(page.evaluate("window.__portalAuditPending || 0"), 2.0))
    except Exception:
        return 1


async def _refuse_socket(ws) -> None:
    with suppress(Exception):  # the page went away meanwhile
        await ws.close()


async def _dismiss(dialog) -> None:
    """alert(), confirm(), prompt(): answered at once (a page looping on alert() must not stall)."""
    with suppress(Exception):
        await dialog.dismiss()


class _Network:
    """A rendered page's requests as the route handler sees them: how many are open, when
    the last one ended, and how long the page has spent waiting for any (queued behind
    the crawl's politeness — not the page's own time)."""

    def __init__(self) -> None:
        self.open = 0
        self.has_loaded = False
        self._last = time.perf_counter()
        self._waiting_since: float | None = None
        self._waited = 0.0

    def loaded(self) -> None:
        """The document's load event: the quiet clock starts again here, as the scripts it
        runs (a list drawn on load) start here too, however late a busy machine fires it."""
        self.has_loaded = True
        self._last = max(self._last, time.perf_counter())

    @contextmanager
    def request(self):
        if self.open == 0:
            self._waiting_since = time.perf_counter()
        self.open += 1
        try:
            yield
        finally:
            self.open -= 1
            self._last = time.perf_counter()
            if self.open == 0 and self._waiting_since is not None:
                self._waited += self._last - self._waiting_since
                self._waiting_since = None

    def quiet_for(self) -> float:
        return 0.0 if self.open else _ms_since(self._last)

    def waited_ms(self) -> float:
        current = time.perf_counter() - self._waiting_since if self._waiting_since is not None else 0.0
        return (self._waited + current) * 1000
