"""IPv6 at three depths, on this machine's IPv6 loopback (::1): a portal whose every page
opens over IPv6 passes; one whose list pages live on an IPv4-only host warns (its front page
alone is on IPv6); no IPv6 route or a private IPv4 address is unknown, never a fail."""

from __future__ import annotations

import asyncio
import socket
import threading
from datetime import date
from http.server import ThreadingHTTPServer

import pytest

from app.demo.site import _Handler
from extractors.crawl import crawl_portal_async
from extractors.fetch import FetchPolicy
from extractors.ipv6 import ipv6_depth
from portal_audit.catalog import Column, Portal
from validations.indicators import indicator_evidence
from validations.rules import load_ruleset
from validations.suite import validate

POLICY = FetchPolicy(allow_private_networks=True, per_host_delay=0, retries=0, max_pages_per_column=1)
AS_OF = date(2026, 3, 25)


class _V6Server(ThreadingHTTPServer):
    address_family = socket.AF_INET6


@pytest.fixture
def site6(site):
    """The ``site`` fixture's pages served on [::1] as well: (pages, IPv4 base, IPv6 base)."""
    pages, base = site
    try:
        server = _V6Server(("::1", 0), type("V6Handler", (_Handler,), {"site": pages}))
    except OSError:
        pytest.skip("no IPv6 loopback on this machine")
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    yield pages, base, f"http://[::1]:{server.server_address[1]}/"
    server.shutdown()


def serve_portal(pages) -> None:
    rows = "".join(f'<li><a href="/art/{i}.html">第{i}期工作简报</a><span>2026-03-{10 + i}</span></li>'
                   for i in range(3))
    pages.add("/", "<html><body><p>首页</p></body></html>")
    pages.add("/col/n/index.html", f'<html><body><div class="list"><ul>{rows}</ul></div></body></html>')
    for i in range(3):
        pages.add(f"/art/{i}.html", f"<html><body><h1>第{i}期工作简报</h1></body></html>")


def judged(home: str, column_url: str):
    portal = Portal(id="zf", name="某某县人民政府", base_url=home, columns=[
        Column(id="gzdt", path=["工作动态"], url=column_url, frequency="及时更新", category="news")])
    crawl = asyncio.run(crawl_portal_async(portal, AS_OF, POLICY, ipv6=True))
    v = validate(list(crawl.columns), [portal], load_ruleset(), AS_OF,
                 indicators={portal.id: indicator_evidence(portal, crawl)})
    return crawl, {c.item: c for c in v.portals[0].indicators}["ipv6"]


def test_every_depth_over_ipv6_passes_and_lists_on_an_ipv4_host_warn(site6):
    pages, base4, base6 = site6
    serve_portal(pages)
    crawl, check = judged(base6, "/col/n/index.html")
    assert crawl.ipv6 is not None and crawl.ipv6.aaaa and crawl.ipv6.home_ok
    assert crawl.ipv6.lists == (1, 1) and crawl.ipv6.articles == (1, 1)
    assert check.outcome == "pass" and "100%" in check.reason
    # the front page on IPv6, its columns on an IPv4-only host: 1 page of 3
    crawl, check = judged(base6, base4 + "col/n/index.html")
    assert crawl.columns[0].fetch_state == "ok" and crawl.ipv6.lists == (0, 1)
    assert check.outcome == "warn" and "33%" in check.reason and "目标85%" in check.reason


def test_no_route_or_a_private_ipv4_address_is_unknown(site):
    pages, base = site
    serve_portal(pages)
    crawl, check = judged(base, "/col/n/index.html")  # 127.0.0.1: not judged
    assert crawl.ipv6 is not None and crawl.ipv6.aaaa is None
    assert check.outcome == "unknown" and "不判定" in check.reason
    no_route = asyncio.run(ipv6_depth(POLICY, "http://www.example.gov.cn/", [], [], route=False))
    assert no_route.route is False and no_route.share is None
    from validations.indicators import IndicatorEvidence, ipv6_check

    check = ipv6_check(IndicatorEvidence(ipv6=no_route), {"min_share": 0.85})
    assert check.outcome == "unknown" and "本机无IPv6出口" in check.reason
