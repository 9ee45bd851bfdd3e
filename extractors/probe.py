"""Availability probes: one visit of each portal's home page, timed the way inspectors
time it — a visit fails when the page has not fully loaded within 15 s (国办秘函〔2019〕19号:
站点无法访问, judged over a week of ≥ 20 visits a day). A probe is one GET (redirects
followed, each hop guarded against private addresses), no retry, no robots.txt request: a
probe is a visitor opening the home page, and thousands of portals must cost seconds.
Where this machine has IPv6, the home page is also opened over IPv6, as information.

Over HTTPS a probe also records the certificate: its last day, from the connection the
visit verified (no handshake of its own), and when the visit failed on TLS, why
(``tls.read_certificate``: expired, another host's name, the chain …) — so a certificate
that lapses is seen within the half hour, not at the next night's audit."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

from portal_audit.catalog import Portal
from portal_audit.i18n import Msg, msg
from portal_audit.records import Probe

from .fetch import Fetcher, FetchError, FetchPolicy, Refused, Unreachable
from .tls import certificate_until, read_certificate

PROBE_TIMEOUT = 15.0  # seconds for the whole home page, redirects included
PROBES_AT_ONCE = 256


def probe_policy(policy: FetchPolicy, timeout: float = PROBE_TIMEOUT) -> FetchPolicy:
    """The crawl's policy made a visitor's: one try, the probe's deadline, no robots.txt."""
    return replace(policy, retries=0, timeout=timeout, page_deadline=timeout, obey_robots=False, per_host_delay=0.0,
                   max_in_flight=PROBES_AT_ONCE, browser=False)


def has_ipv6_route() -> bool:
    """Whether this machine can reach the IPv6 internet (a UDP connect sends nothing)."""
    if not socket.has_ipv6:
        return False
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_DGRAM) as s:
            s.connect(("2001:4860:4860::8888", 53))
            return not s.getsockname()[0].startswith("::1")
    except OSError:
        return False


async def _ipv6_ok(v6: Fetcher, url: str) -> bool | None:
    """The home page opened over IPv6 (None: the host has no AAAA record) — by a Fetcher of
    IPv6 connections only: the private-network guard on every hop, the size cap."""
    try:
        page = await asyncio.wait_for(v6.get(url), v6.policy.page_deadline)
        return page.status < 400
    except Refused:
        return False
    except Unreachable as exc:
        return None if exc.msg.key == "fetch.dns" else False
    except (TimeoutError, FetchError):
        return False


def _on_tls(reason: Msg) -> bool:
    """Whether a fetch failed in the TLS handshake (``net.tls``, as itself or as its cause)."""
    return reason.key == "net.tls" or any(isinstance(v, Msg) and _on_tls(v) for v in reason.args.values())


async def probe_one(fetcher: Fetcher, portal: Portal, v6: Fetcher | None = None) -> Probe:
    """Open a portal's home page once (and over IPv6 with ``v6``, unless the visit was
    refused by the guard); never raises for what the portal does."""
    started = datetime.now(UTC).replace(tzinfo=None)
    t = time.perf_counter()
    status, error, until, problem, tls_failed = None, None, None, None, None
    try:
        page = await asyncio.wait_for(fetcher.get(portal.base_url), fetcher.policy.page_deadline)
        status = page.status
        until = certificate_until(page.certificate) if page.certificate else None
    except TimeoutError:
        error = msg("probe.timeout", seconds=f"{fetcher.policy.page_deadline:g}")
    except FetchError as exc:
        status, error = exc.status, exc.msg
        if isinstance(exc, Refused):
            v6 = None  # a refused address is not visited over another family either
        elif exc.url.startswith("https:") and _on_tls(exc.msg):
            tls_failed = exc.url
    elapsed = (time.perf_counter() - t) * 1000
    if error is None and elapsed > fetcher.policy.page_deadline * 1000:
        error = msg("probe.slow", seconds=f"{elapsed / 1000:.1f}", limit=f"{fetcher.policy.page_deadline:g}")
    if tls_failed:  # why, from the certificate itself: rare, so a handshake of its own
        state = await read_certificate(fetcher, tls_failed, fetcher.policy.page_deadline)
        until, problem = state.not_after, state.verified if state.error is None and state.verified != "ok" else None
    ipv6_ok = await _ipv6_ok(v6, portal.base_url) if v6 is not None else None
    return Probe(portal.id, portal.base_url, started, error is None, round(elapsed, 1), status, error, ipv6_ok,
                 until, problem)


async def probe_portals(portals: Sequence[Portal], policy: FetchPolicy, timeout: float = PROBE_TIMEOUT,
                        ipv6: bool | None = None, at_once: int = PROBES_AT_ONCE) -> list[Probe]:
    """Probe every portal's home page at once (``at_once`` requests open)."""
    ipv6 = has_ipv6_route() if ipv6 is None else ipv6
    turns = asyncio.Semaphore(at_once)  # a probe's 15 s start when its turn does, not in the queue

    async def one(portal: Portal) -> Probe:
        async with turns:
            return await probe_one(fetcher, portal, v6 if ipv6 else None)

    async with Fetcher(probe_policy(policy, timeout)) as fetcher, \
            Fetcher(probe_policy(policy, timeout), family=socket.AF_INET6) as v6:
        return list(await asyncio.gather(*(one(p) for p in portals)))
