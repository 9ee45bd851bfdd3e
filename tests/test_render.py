"""Script-drawn lists in real headless Chromium on loopback: the browser's every request goes
through the crawler's Fetcher (guard, robots, politeness), the rendered DOM and the JSON it
loaded are evidence, and the next night goes straight to the list's API."""

from __future__ import annotations

import asyncio
import json
import os
from datetime import date, timedelta

import pytest

from extractors.browser import Renderer, find_chromium
from extractors.crawl import crawl_column, crawl_portal
from extractors.fetch import Fetcher, FetchPolicy
from portal_audit.catalog import Column, Portal
from portal_audit.records import ColumnPath

AS_OF = date(2025, 6, 30)
POLICY = FetchPolicy(allow_private_networks=True, per_host_delay=0, retries=0)

if find_chromium() is None:
    if os.environ.get("CI"):
        pytest.fail("chromium missing: scripts/ensure-chromium.sh should have installed it", pytrace=False)
    pytest.skip("headless Chromium not installed (scripts/ensure-chromium.sh)", allow_module_level=True)

SHELL = """<html><head><meta charset="utf-8"><title>通知公告</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>
<div class="main"><ul id="list"></ul></div>
<script>
var x = new XMLHttpRequest();
x.open('GET', '%s');
x.onload = function () {
  var rows = JSON.parse(x.responseText).data.list, out = '';
  for (var i = 0; i < rows.length; i++)
    out += '<li><a href="' + rows[i].url + '">' + rows[i].title + '</a><span>' + rows[i].pubDate.substring(0, 10) + '</span></li>';
  document.getElementById('list').innerHTML = out || '<li>暂无信息</li>';
};
x.send();
</script></body></html>"""


def _api(n: int, newest: date) -> str:
    rows = [{"title": f"关于开展第{i + 1}批专项检查的通知", "url": f"/art/2025/{i}.html",
             "pubDate": f"{newest - timedelta(days=7 * i):%Y-%m-%d} 10:00:00"} for i in range(n)]
    return json.dumps({"code": 200, "data": {"total": n, "list": rows}}, ensure_ascii=False)


def _column(pages, base, path="/col/1/index.html", api="/api/list?col=1&page=1", n=5, newest=AS_OF - timedelta(days=40)):
    pages.add(path, SHELL % api)
    pages.add(api, _api(n, newest), ctype="application/json")
    return base.rstrip("/") + path


def _crawl(url: str, policy: FetchPolicy = POLICY, **kw):
    async def run():
        async with Fetcher(policy) as fetcher, Renderer(fetcher) as renderer:
            return await crawl_column(fetcher, "p", "c", url, AS_OF, renderer=renderer, **kw)
    return asyncio.run(run())


def test_a_script_drawn_list_is_rendered_and_its_dom_and_json_kept_as_evidence(site):
    pages, base = site
    url = _column(pages, base)
    crawl = _crawl(url)
    assert crawl.fetch_state == "ok" and crawl.method == "browser"
    assert len(crawl.items) == 5 and crawl.newest == AS_OF - timedelta(days=40)
    fetched = {p.url: p for p in crawl.pages}
    assert fetched[base + "api/list?col=1&page=1"].content_hash  # the JSON the page loaded
    rendered = fetched[url + "#rendered"]
    assert rendered.content_hash and rendered.nbytes > 0  # the DOM it ended with
    assert crawl.source == f"json {base}api/list?col=1&page=1"  # recognised as the list's API


def test_without_a_browser_a_script_drawn_list_is_an_error_never_fresh(site):
    pages, base = site
    url = _column(pages, base)

    async def run():
        async with Fetcher(POLICY) as fetcher:
            return await crawl_column(fetcher, "p", "c", url, AS_OF)
    crawl = asyncio.run(run())
    assert crawl.fetch_state == "error" and "list not found (drawn by script?)" in crawl.error.render("en") and not crawl.items


def test_the_browser_requests_pass_the_private_network_guard(site):
    """Only the page's own host is trusted here; its script asks 'localhost', a loopback
    name: the Fetcher refuses it, so the server never sees the request."""
    pages, base = site
    port = base.rsplit(":", 1)[1].strip("/")
    url = _column(pages, base, api=f"http://localhost:{port}/api/list?col=1&page=1")
    guarded = FetchPolicy(per_host_delay=0, retries=0, trusted_hosts=frozenset({"127.0.0.1"}))
    crawl = _crawl(url, guarded)
    assert "/api/list?col=1&page=1" not in pages.hits
    assert crawl.fetch_state == "error" and not crawl.items
    assert any(p.error and "private, loopback" in p.error for p in crawl.pages)


def test_the_browser_requests_obey_robots_txt(site):
    pages, base = site
    pages.add("/robots.txt", "User-agent: *\nDisallow: /api/\n", ctype="text/plain")
    url = _column(pages, base)
    crawl = _crawl(url)
    assert "/api/list?col=1&page=1" not in pages.hits
    assert crawl.fetch_state == "error" and any(p.error == "disallowed by robots.txt" for p in crawl.pages)


def test_a_blank_script_drawn_column_is_empty(site):
    pages, base = site
    url = _column(pages, base, n=0)
    crawl = _crawl(url)
    assert crawl.fetch_state == "ok" and crawl.empty_marker and not crawl.items


def test_profile_browser_renders_even_when_the_static_page_has_a_list(site):
    pages, base = site
    static_list = "".join(f'<li><a href="/old/{i}.html">旧的静态列表第{i}条信息</a><span>2019-01-0{i + 1}</span></li>' for i in range(5))
    pages.add("/col/2/index.html", (SHELL % "/api/list?col=2&page=1").replace('<ul id="list"></ul>', f'<ul id="list">{static_list}</ul>'))
    pages.add("/api/list?col=2&page=1", _api(4, AS_OF - timedelta(days=3)), ctype="application/json")
    url = base + "col/2/index.html"
    assert _crawl(url).newest == date(2019, 1, 5)  # what the static page says
    forced = _crawl(url, profile="browser")
    assert forced.method == "browser" and forced.newest == AS_OF - timedelta(days=3)


def test_the_next_night_reads_the_learnt_api_directly(site):
    pages, base = site
    portal = Portal(id="p", name="p", base_url=base, columns=[
        Column(id="c1", path=["通知公告"], url="/col/1/index.html", frequency="及时更新")])
    _column(pages, base, api="/api/list?col=1&page=1", n=5)
    pages.add("/api/list?col=1&page=2", json.dumps({"code": 200, "data": {"total": 5, "list": []}}), ctype="application/json")
    first = crawl_portal(portal, AS_OF, POLICY).columns[0]
    assert first.method == "browser" and first.source.startswith("json ")
    pages.hits.clear()
    second = crawl_portal(portal, AS_OF, POLICY, paths={"c1": ColumnPath("api", first.source)}).columns[0]
    assert second.method == "api" and second.newest == first.newest
    assert {i.url for i in second.items} == {i.url for i in first.items}
    assert "/col/1/index.html" not in pages.hits and not any(p.url.endswith("#rendered") for p in second.pages)


def test_an_api_is_paged_until_the_records_it_declares_are_read(site):
    """22 records at 15 a page: two requests, no third one past the end (a short last page
    is shorter than the page size, not the page size)."""
    pages, base = site
    rows = json.loads(_api(22, AS_OF))["data"]["list"]
    for p in (1, 2):
        pages.add(f"/api/list?col=9&page={p}&pageSize=15", json.dumps(
            {"data": {"total": 22, "list": rows[(p - 1) * 15:p * 15]}}, ensure_ascii=False), ctype="application/json")
    portal = Portal(id="p", name="p", base_url=base, columns=[
        Column(id="c9", path=["通知公告"], url="/col/9/index.html", frequency="及时更新")])
    crawl = crawl_portal(portal, AS_OF, POLICY, paths={"c9": ColumnPath("api", f"json {base}api/list?col=9&page=1&pageSize=15")})
    column = crawl.columns[0]
    assert column.method == "api" and len(column.items) == 22 and column.error is None
    assert "/api/list?col=9&page=3&pageSize=15" not in pages.hits
