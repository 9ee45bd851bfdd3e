"""IPv6 support at three depths, as the national IPv6 deployment plan measures portals
(县级以上 portals: 85 % of their pages reachable over IPv6): the home page's host has an
AAAA record; its home page opens over IPv6; and its list pages and articles do — a portal
whose front page alone is on IPv6 (a proxy in front of it) is seen for what it is.

Fetched by a Fetcher of IPv6 connections only (``Fetcher(family=AF_INET6)``): the same
address guard, size cap and politeness per host. A machine with no IPv6 route learns
nothing this way and says so (``route`` False): the check is then unknown, never failed.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Sequence
from dataclasses import replace
from urllib.parse import urlsplit

from portal_audit.records import Ipv6State

from .fetch import Fetcher, FetchError, FetchPolicy
from .probe import has_ipv6_route

PER_KIND = 5  # list pages, and articles, tried over IPv6 a night


async def _aaaa(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).version == 6
    except ValueError:
        pass
    try:
        return bool(await asyncio.get_running_loop().getaddrinfo(host, 80, family=socket.AF_INET6,
                                                                 type=socket.SOCK_STREAM))
    except OSError:
        return False


async def _opens(v6: Fetcher, url: str) -> bool:
    try:
        page = await asyncio.wait_for(v6.get(url), v6.policy.page_deadline)
        return page.status < 400
    except (TimeoutError, FetchError):
        return False


async def ipv6_depth(policy: FetchPolicy, home: str, lists: Sequence[str], articles: Sequence[str],
                     route: bool | None = None) -> Ipv6State:
    """The portal's IPv6 at its three depths: AAAA, the home page, and up to ``PER_KIND``
    list pages and articles (those read over IPv4 tonight)."""
    host = urlsplit(home).hostname or ""
    loopback = host.strip("[]") == "::1"  # a portal served on this machine's IPv6 loopback (tests, the demo)
    if not (route if route is not None else has_ipv6_route()) and not loopback:
        return Ipv6State(route=False)
    try:
        literal = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        literal = None
    if literal is not None and literal.version == 4 and not literal.is_global:
        return Ipv6State(route=True)  # this machine or a private network, reached by an IPv4 address: not judged
    if not await _aaaa(host):
        return Ipv6State(route=True, aaaa=False)
    tried_lists, tried_articles = list(lists)[:PER_KIND], list(articles)[:PER_KIND]
    async with Fetcher(replace(policy, retries=0), family=socket.AF_INET6) as v6:
        opened = await asyncio.gather(*(_opens(v6, u) for u in [home, *tried_lists, *tried_articles]))
    home_ok, rest = opened[0], opened[1:]
    return Ipv6State(route=True, aaaa=True, home_ok=home_ok, lists=(sum(rest[:len(tried_lists)]), len(tried_lists)),
                     articles=(sum(rest[len(tried_lists):]), len(tried_articles)))
