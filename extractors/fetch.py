"""Polite, guarded HTTP fetching with httpx.

One :class:`Fetcher` per crawl: it owns an ``httpx.AsyncClient``, enforces per-host
concurrency and delay, honours robots.txt, retries transient failures with backoff,
caps response size, decodes Chinese charsets, and refuses private/loopback addresses
(checked on every redirect hop, after DNS resolution) unless the catalog allows them.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import ssl
import time
import zlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx
from protego import Protego

from portal_audit.i18n import Msg, msg
from portal_audit.records import FetchState
from portal_audit.text import decode_html

from .wire import AsyncioBackend

USER_AGENT = "portal-audit/0.1 (government website timeliness audit)"


@dataclass(frozen=True)
class FetchPolicy:
    """Politeness and safety limits; everything a crawl may do is decided here."""

    timeout: float = 15.0
    connect_timeout: float = 5.0
    page_deadline: float = 60.0  # seconds for a whole response, however slowly it drips
    max_retry_after: int = 30  # longest Retry-After we wait for before calling it unreachable
    per_host_concurrency: int = 2
    per_host_delay: float = 0.5
    max_in_flight: int = 128  # requests open at once over all hosts: more adds memory, not speed (one core parses)
    max_bytes: int = 5 * 1024 * 1024
    max_pages_per_column: int = 20
    retries: int = 2
    backoff: float = 0.5
    max_redirects: int = 5
    obey_robots: bool = True
    allow_private_networks: bool = False
    trusted_hosts: frozenset[str] = frozenset()  # hosts exempt from the address guard
    user_agent: str = USER_AGENT
    browser: bool = True  # render script-drawn lists in headless Chromium when nothing cheaper finds them
    browser_pages: int = 4  # pages rendering at once
    browser_timeout: float = 30.0  # seconds for one rendered page
    column_budget: float = 600.0  # wall seconds for one column (a hostile page must not hold a run)
    portal_budget: float = 3600.0  # wall seconds for one portal's columns and links
    ca_file: str | None = None  # certificate authorities trusted besides the system's (a PEM file)


class FetchError(Exception):
    """A page could not be fetched. ``state`` is the column status it implies."""

    state: ClassVar[FetchState] = "unreachable"

    def __init__(self, url: str, message: Msg | str, status: int | None = None):
        self.msg = message if isinstance(message, Msg) else Msg("text", {"text": message})
        self.message = self.msg.render("en")  # logs and tracebacks; users read ``msg`` in their language
        super().__init__(f"{self.message} ({url})")
        self.url = url
        self.status = status


class Unreachable(FetchError):
    state = "unreachable"


class Refused(FetchError):
    """We chose not to fetch: private address, robots.txt, bad scheme."""

    state = "error"


class TooLarge(FetchError):
    state = "error"


@dataclass(frozen=True, slots=True)
class Page:
    url: str
    status: int
    text: str
    nbytes: int
    elapsed_ms: float
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    content_type: str | None = None
    charset: str | None = None  # as the response headers declared it
    certificate: bytes | None = None  # over HTTPS: the leaf certificate (DER) the final host presented, verified


def _dns_reason(exc: OSError) -> Msg:
    """Why a name did not resolve, in the reader's words (not the resolver's English)."""
    code = getattr(exc, "errno", None)
    if code in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", None)):
        return msg("net.no_such_name")
    if code == socket.EAI_AGAIN:
        return msg("net.dns_again")
    return msg("net.dns_other")


def _unresolved(exc: BaseException) -> socket.gaierror | None:
    """The resolver's "no such name" behind a connection error (a host connected to by name,
    where the catalog allows private networks), else None. A failure that may pass (EAI_AGAIN)
    is left to the retries."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, socket.gaierror) and seen.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", None)):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def _transport_reason(exc: Exception) -> Msg:
    """What went wrong on the wire, as a catalogue message: refused, reset, TLS …"""
    text = str(exc).lower()
    if "ssl" in text or "certificate" in text or "tls" in text:
        return msg("net.tls")
    if isinstance(exc, httpx.ConnectError):
        return msg("net.refused") if "refused" in text else msg("net.connect")
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
        return msg("net.dropped")
    if isinstance(exc, httpx.ProxyError):
        return msg("net.proxy")
    if isinstance(exc, httpx.DecodingError):
        return msg("net.decoding")
    return msg("net.other")


_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # the well-known prefix: the last 32 bits are the IPv4 address
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")  # RFC 8215, a network's own translators: never public
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")  # deprecated ::a.b.c.d, still routed by some stacks


def _is_public(ip: str) -> bool:
    """A global unicast address, judged by the IPv4 address inside it where an IPv6 form
    carries one (mapped, NAT64, 6to4, IPv4-compatible): ``64:ff9b::7f00:1`` is loopback."""
    addr = ipaddress.ip_address(ip.split("%", 1)[0])
    if isinstance(addr, ipaddress.IPv6Address):
        if addr in _NAT64_LOCAL:
            return False
        inner = addr.ipv4_mapped or addr.sixtofour
        if inner is None and (addr in _NAT64 or addr in _IPV4_COMPATIBLE):
            inner = ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
        if inner is not None and not (inner.is_global and not inner.is_multicast):
            return False
    return addr.is_global and not addr.is_multicast


_ZLIB_CODINGS = {"gzip", "x-gzip", "deflate"}


class _Inflater:
    """One content-coding layer (gzip, deflate) decompressed in bounded steps: no call may
    produce more than the size cap, so ``Content-Encoding: gzip, gzip`` of 2 KB cannot grow
    to gigabytes inside a single decompress call before the cap is looked at."""

    def __init__(self, coding: str, cap: int, too_large: Exception):
        wbits = 16 + zlib.MAX_WBITS if coding in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self._d, self._raw_deflate = zlib.decompressobj(wbits), coding == "deflate"
        self._cap, self._too_large, self._total, self._started = cap, too_large, 0, False

    def feed(self, data: bytes) -> bytes:
        if not self._started and self._raw_deflate and data:  # "deflate" is sent with or without its zlib header
            self._started = True
            if (data[0] & 0x0F) != 8:
                self._d = zlib.decompressobj(-zlib.MAX_WBITS)
        out = []
        while data:
            try:
                piece = self._d.decompress(data, self._cap - self._total + 1)
            except zlib.error:
                raise httpx.DecodingError("the content coding does not decode") from None
            self._total += len(piece)
            if self._total > self._cap:
                raise self._too_large
            out.append(piece)
            data = self._d.unconsumed_tail
        return b"".join(out)


PIN_TTL = 60.0  # seconds a checked DNS answer is connected to before it is resolved and checked again


class _PinnedBackend(AsyncioBackend):
    """The network backend, connecting to the addresses the Fetcher's guard checked instead
    of resolving the name again. httpcore keeps the name for TLS (SNI, certificate) and the
    request keeps it in its Host header."""

    def __init__(self, fetcher: Fetcher):
        self._fetcher = fetcher

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                          socket_options=None) -> httpcore.AsyncNetworkStream:
        error: Exception | None = None
        for address in await self._fetcher.addresses(host, port):
            try:
                return await super().connect_tcp(address, port, timeout=timeout, local_address=local_address,
                                                  socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        raise error or httpcore.ConnectError(f"no address for {host}")


class Fetcher:
    """Fetch pages politely. Use as ``async with Fetcher(policy) as f: await f.get(url)``."""

    def __init__(self, policy: FetchPolicy | None = None, transport: httpx.AsyncBaseTransport | None = None,
                 family: int = 0):
        """``family`` (``socket.AF_INET6``) makes every connection use that address family
        only — the availability probe's IPv6 visit, guarded and capped like any fetch."""
        self.policy = p = policy or FetchPolicy()
        self._transport = transport
        self.family = family
        # one connection pool per host: httpx scans every pooled connection on each
        # request, so one pool shared by the hosts of many portals costs O(connections)
        # per request; per host it stays a handful (one TLS context serves them all)
        self._clients: dict[str, httpx.AsyncClient] = {}
        self._tls = httpx.create_ssl_context()
        if p.ca_file:
            self._tls.load_verify_locations(cafile=p.ca_file)
        self._host_sem: dict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(p.per_host_concurrency))
        self._host_lock: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._in_flight = asyncio.Semaphore(p.max_in_flight)
        self._next_slot: dict[str, float] = defaultdict(float)
        self._pins: dict[tuple[str, int], tuple[list[str], float]] = {}  # checked addresses, until when
        self._robots: dict[str, Protego | None] = {}
        self._robots_lock: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)

    @property
    def tls_context(self) -> ssl.SSLContext:
        """The trust every HTTPS fetch verifies against (the system's and ``policy.ca_file``)."""
        return self._tls

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            await client.aclose()

    def _client(self, host: str) -> httpx.AsyncClient:
        client = self._clients.get(host)
        if client is None:
            p = self.policy
            conns = p.per_host_concurrency + 2  # robots.txt and a rendered page's requests share the host
            limits = httpx.Limits(max_connections=conns, max_keepalive_connections=conns)
            transport = self._transport
            if transport is None:  # connections go to the addresses the guard checked
                transport = httpx.AsyncHTTPTransport(verify=self._tls, limits=limits)
                transport._pool = httpcore.AsyncConnectionPool(
                    ssl_context=self._tls, max_connections=conns, max_keepalive_connections=conns,
                    keepalive_expiry=limits.keepalive_expiry, network_backend=_PinnedBackend(self))
            client = self._clients[host] = httpx.AsyncClient(
                timeout=httpx.Timeout(p.timeout, connect=p.connect_timeout), limits=limits,
                headers={"User-Agent": p.user_agent, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"},
                follow_redirects=False, verify=self._tls, transport=transport)
        return client

    # -- guards -------------------------------------------------------------------
    async def check_url(self, url: str) -> None:
        """Refuse non-HTTP URLs and, unless allowed, hosts that resolve to non-public IPs."""
        parts = urlsplit(url)
        try:
            parts.port  # noqa: B018 - raises on a port out of range
        except ValueError:
            raise Refused(url, msg("fetch.bad_port")) from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise Refused(url, msg("fetch.bad_scheme"))
        if self.policy.allow_private_networks or parts.hostname in self.policy.trusted_hosts:
            return
        await self.addresses(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80), url)

    def _guarded(self, host: str) -> bool:
        return not (self.policy.allow_private_networks or host in self.policy.trusted_hosts)

    async def addresses(self, host: str, port: int, url: str | None = None) -> list[str]:
        """The addresses of ``host`` the guard checked, and the only ones connected to: a
        resolver that answers public first and private second (DNS rebinding) never gets a
        connection to the second answer. Answers are kept for ``PIN_TTL`` seconds, then
        resolved and checked again. Raises :class:`Refused` for a non-public address."""
        if not self._guarded(host) and not self.family:
            return [host]  # the catalog allows private networks (or trusts the host): connect by name
        key, now = (host, port), time.monotonic()
        pinned = self._pins.get(key)
        if pinned is None or pinned[1] < now:
            try:
                literal = ipaddress.ip_address(host.strip("[]"))
                if self.family == socket.AF_INET6 and literal.version != 6:
                    raise Unreachable(url or host, msg("fetch.dns", error=msg("net.no_such_name")))
                addrs = [str(literal)]
            except ValueError:
                try:
                    infos = await asyncio.get_running_loop().getaddrinfo(host, port, family=self.family,
                                                                         type=socket.SOCK_STREAM)
                except OSError as exc:
                    raise Unreachable(url or host, msg("fetch.dns", error=_dns_reason(exc))) from None
                # an inet address's host is a string (the stubs allow any socket family's)
                addrs = list(dict.fromkeys(str(info[4][0]) for info in infos))
            guarded = self._guarded(host)
            pinned = self._pins[key] = (addrs if addrs and (not guarded or all(_is_public(a) for a in addrs)) else [],
                                        now + PIN_TTL)
        if not pinned[0]:
            raise Refused(url or host, msg("fetch.private", host=host))
        return pinned[0]

    async def _allowed_by_robots(self, url: str) -> bool:
        if not self.policy.obey_robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        async with self._robots_lock[origin]:
            if origin not in self._robots:
                rules = None
                try:
                    resp = await self._request(origin + "/robots.txt", retries=0)
                    if resp.status_code == 200:
                        body = resp.content[: 512 * 1024].decode("utf-8", errors="replace")
                        rules = Protego.parse(body)
                except FetchError:
                    rules = None  # no robots.txt we can read: nothing forbids us
                self._robots[origin] = rules
        rules = self._robots[origin]
        return rules is None or rules.can_fetch(url, self.policy.user_agent)

    # -- politeness ---------------------------------------------------------------
    async def _wait_turn(self, host: str) -> None:
        delay = self.policy.per_host_delay
        if delay <= 0:
            return
        async with self._host_lock[host]:
            loop = asyncio.get_running_loop()
            now = loop.time()
            slot = max(now, self._next_slot[host])
            self._next_slot[host] = slot + delay
        if slot > now:
            await asyncio.sleep(slot - now)

    # -- requests -----------------------------------------------------------------
    async def _request(self, url: str, retries: int | None = None, headers: dict | None = None, method: str = "GET",
                       content: bytes | None = None, on_retry: Callable[[], None] | None = None) -> httpx.Response:
        """GET one URL (no redirects) with retries, the size cap, a deadline for the whole
        response (a body dripping a byte at a time never trips a read timeout) and the
        politeness delay. 429/503 ``Retry-After`` is honoured up to ``max_retry_after``.
        ``on_retry`` is told when a try failed and another is to come."""
        retries = self.policy.retries if retries is None else retries
        host = urlsplit(url).netloc
        attempt = 0
        while True:
            attempt += 1
            wait = self.policy.backoff * 2 ** (attempt - 1)
            try:
                async with self._host_sem[host]:
                    await self._wait_turn(host)
                    async with self._in_flight:
                        resp = await asyncio.wait_for(self._read_capped(url, headers, method, content),
                                                      self.policy.page_deadline)
            except (TimeoutError, httpx.TimeoutException):
                err: FetchError = Unreachable(url, msg("fetch.timeout", tries=attempt))
            except (httpx.TransportError, httpx.DecodingError) as exc:
                unresolved = _unresolved(exc)
                if unresolved is not None:  # no such name: as final as the guard's own lookup, never retried
                    raise Unreachable(url, msg("fetch.dns", error=_dns_reason(unresolved))) from None
                err = Unreachable(url, msg("fetch.connect", tries=attempt, error=_transport_reason(exc)))
            else:
                if resp.status_code < 500 and resp.status_code != 429:
                    return resp
                err = Unreachable(url, msg("fetch.http_tries", status=resp.status_code, tries=attempt),
                                  resp.status_code)
                after = resp.headers.get("retry-after", "")
                if after.isdigit():
                    if int(after) > self.policy.max_retry_after:
                        raise Unreachable(url, msg("fetch.retry_after", status=resp.status_code, seconds=int(after)),
                                          resp.status_code)
                    wait = float(after)
            if attempt > retries:
                raise err
            if on_retry is not None:
                on_retry()
            await asyncio.sleep(wait)

    async def _read_capped(self, url: str, headers: dict | None = None, method: str = "GET",
                           content: bytes | None = None) -> httpx.Response:
        cap = self.policy.max_bytes
        async with self._client(urlsplit(url).netloc).stream(method, url, headers=headers, content=content) as resp:
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > cap:
                raise TooLarge(url, msg("fetch.too_large_declared", mb=cap // (1024 * 1024), declared=int(declared)))
            codings = [c.strip().lower() for c in resp.headers.get("content-encoding", "").split(",")]
            codings = [c for c in codings if c and c != "identity"]
            too_large = TooLarge(url, msg("fetch.too_large", mb=cap // (1024 * 1024)))
            chunks, total = [], 0
            if all(c in _ZLIB_CODINGS for c in codings):  # decoded here, layer by layer, never past the cap
                layers = [_Inflater(c, cap, too_large) for c in reversed(codings)]
                async for raw in resp.aiter_raw():
                    for layer in layers:
                        raw = layer.feed(raw)
                    total += len(raw)
                    if total > cap:
                        raise too_large
                    chunks.append(raw)
            else:  # br, zstd: httpx decodes them
                async for chunk in resp.aiter_bytes():
                    total += len(chunk)
                    if total > cap:
                        raise too_large
                    chunks.append(chunk)
            resp._content = b"".join(chunks)
            if url.startswith("https:"):  # the certificate this connection verified: free to keep (probes read it)
                stream = resp.extensions.get("network_stream")
                tls = stream.get_extra_info("ssl_object") if stream is not None else None
                resp.extensions["certificate"] = tls.getpeercert(binary_form=True) if tls is not None else None
            return resp

    async def get(self, url: str, etag: str | None = None, last_modified: str | None = None, *,
                  method: str = "GET", content: bytes | None = None, headers: dict[str, str] | None = None,
                  on_retry: Callable[[], None] | None = None) -> Page:
        """Fetch a page, following redirects by hand so each hop is guarded. With the
        validators of an earlier fetch the request is conditional: an unchanged page
        answers 304 and comes back with ``not_modified`` set and no body. ``method``,
        ``content`` and ``headers`` serve the requests a rendered page makes (a POST for
        its list, an ``Accept: application/json``); ``on_retry`` is told when a try
        failed and the page is to be tried again (after the backoff)."""
        start = time.perf_counter()
        current = url
        conditional = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        request_headers = {**(headers or {}), **conditional}
        for _hop in range(self.policy.max_redirects + 1):
            await self.check_url(current)
            if not await self._allowed_by_robots(current):
                raise Refused(current, msg("fetch.robots"))
            resp = await self._request(current, headers=request_headers or None, method=method, content=content,
                                       on_retry=on_retry)
            if resp.is_redirect and "location" in resp.headers:
                current = urljoin(current, resp.headers["location"])
                request_headers, conditional, method, content = dict(headers or {}), {}, "GET", None
                continue
            elapsed = (time.perf_counter() - start) * 1000
            if resp.status_code == 304 and conditional:
                return Page(url=str(resp.url), status=304, text="", nbytes=0, elapsed_ms=elapsed, body=b"",
                            etag=etag, last_modified=last_modified, not_modified=True)
            if resp.status_code >= 400:
                raise Unreachable(current, msg("fetch.http", status=resp.status_code), resp.status_code)
            text = decode_html(resp.content, resp.charset_encoding)
            return Page(url=str(resp.url), status=resp.status_code, text=text, nbytes=len(resp.content),
                        elapsed_ms=elapsed, body=resp.content, etag=resp.headers.get("etag"),
                        last_modified=resp.headers.get("last-modified"), content_type=resp.headers.get("content-type"),
                        charset=resp.charset_encoding, certificate=resp.extensions.get("certificate"))
        raise Unreachable(url, msg("fetch.redirects", n=self.policy.max_redirects))


def policy_for(catalog) -> FetchPolicy:
    """The fetch policy a catalog asks for (its ``politeness:`` block and network guard)."""
    p = catalog.politeness
    return FetchPolicy(
        timeout=p.timeout,
        page_deadline=4 * p.timeout,
        per_host_concurrency=p.concurrency_per_host,
        per_host_delay=p.delay,
        max_bytes=p.max_bytes,
        max_pages_per_column=p.max_pages_per_column,
        retries=p.retries,
        obey_robots=p.obey_robots,
        allow_private_networks=catalog.allow_private_networks,
        browser=p.browser,
        browser_pages=p.browser_pages,
        browser_timeout=p.browser_timeout,
        column_budget=p.column_budget,
        portal_budget=p.portal_budget,
        ca_file=p.ca_file,
    )
