"""Script-drawn lists in real headless Chromium on loopback: the browser's every request goes
through the crawler's Fetcher (guard, robots, politeness), the rendered DOM and the JSON it
loaded are evidence, and the next night goes straight to the list's API."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import tempfile
import threading
from datetime import date, timedelta

import pytest

from extractors.browser import Renderer, find_chromium
from extractors.column import crawl_column
from extractors.crawl import crawl_portal
from extractors.fetch import Fetcher, FetchPolicy
from portal_audit.catalog import Column, Portal
from portal_audit.records import ColumnPath

AS_OF = date(2025, 6, 30)
POLICY = FetchPolicy(allow_private_networks=True, per_host_delay=0, retries=0)

if find_chromium() is None:
    if os.environ.get("CI"):
        pytest.fail("chromium missing: scripts/ensure-chromium.sh should have installed it", pytrace=False)
    pytest.skip("headless Chromium not installed (scripts/ensure-chromium.sh)", allow_module_level=True)

SHELL = ("""<html><head><meta charset="utf-8"><title>通知公告</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>
<div class="main"><ul id="list"></ul></div>
<script>
var x = new XMLHttpRequest();
x.open('GET', '%s');
x.onload = function () {
  var rows = JSON.parse(x.responseText).data.list, out = '';
  for (var i = 0; i < rows.length; i++)
    out += '<li><a href="' + rows[i].url + '">' + rows[i].title + '</a><span>' """
         """+ rows[i].pubDate.substring(0, 10) + '</span></li>';
  document.getElementById('list').innerHTML = out || '<li>暂无信息</li>';
};
x.send();
</script></body></html>""")


def _api(n: int, newest: date) -> str:
    rows = [{"title": f"关于开展第{i + 1}批专项检查的通知", "url": f"/art/2025/{i}.html",
             "pubDate": f"{newest - timedelta(days=7 * i):%Y-%m-%d} 10:00:00"} for i in range(n)]
    return json.dumps({"code": 200, "data": {"total": n, "list": rows}}, ensure_ascii=False)


def _column(pages, base, path="/col/1/index.html", api="/api/list?col=1&page=1", n=5,
            newest=AS_OF - timedelta(days=40)):
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
    assert crawl.source == f"json@data.list {base}api/list?col=1&page=1"  # the list API, and where its records are


def test_without_a_browser_a_script_drawn_list_is_an_error_never_fresh(site):
    pages, base = site
    url = _column(pages, base)

    async def run():
        async with Fetcher(POLICY) as fetcher:
            return await crawl_column(fetcher, "p", "c", url, AS_OF)
    crawl = asyncio.run(run())
    assert (crawl.fetch_state == "error" and "list not found (drawn by script?)" in crawl.error.render("en")
            and not crawl.items)


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
    assert any(p.error and "private, loopback" in p.error.render("en") for p in crawl.pages)


def test_the_browser_requests_obey_robots_txt(site):
    pages, base = site
    pages.add("/robots.txt", "User-agent: *\nDisallow: /api/\n", ctype="text/plain")
    url = _column(pages, base)
    crawl = _crawl(url)
    assert "/api/list?col=1&page=1" not in pages.hits
    assert crawl.fetch_state == "error" and any(p.error and p.error.render("en") == "disallowed by robots.txt"
                                                for p in crawl.pages)


def test_a_blank_script_drawn_column_is_empty(site):
    pages, base = site
    url = _column(pages, base, n=0)
    crawl = _crawl(url)
    assert crawl.fetch_state == "ok" and crawl.empty_marker and not crawl.items


def test_profile_browser_renders_even_when_the_static_page_has_a_list(site):
    pages, base = site
    static_list = "".join(f'<li><a href="/old/{i}.html">旧的静态列表第{i}条信息</a><span>2019-01-0{i + 1}</span></li>'
                          for i in range(5))
    pages.add("/col/2/index.html", (SHELL % "/api/list?col=2&page=1").replace('<ul id="list"></ul>',
                                                                             f'<ul id="list">{static_list}</ul>'))
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
    pages.add("/api/list?col=1&page=2", json.dumps({"code": 200, "data": {"total": 5, "list": []}}),
              ctype="application/json")
    first = crawl_portal(portal, AS_OF, POLICY).columns[0]
    assert first.method == "browser" and first.source.startswith("json@data.list ")
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
    crawl = crawl_portal(portal, AS_OF, POLICY,
                         paths={"c9": ColumnPath("api", f"json {base}api/list?col=9&page=1&pageSize=15")})
    column = crawl.columns[0]
    assert column.method == "api" and len(column.items) == 22 and column.error is None
    assert "/api/list?col=9&page=3&pageSize=15" not in pages.hits


# -- what real pages do while they load (issue 26) ----------------------------------------------
DRAW = ("""<script>
var x = new XMLHttpRequest(); x.open('GET', '%s');
x.onload = function () {
  var rows = JSON.parse(x.responseText).data.list, out = '';
  for (var i = 0; i < rows.length; i++)
    out += '<li><a href="' + rows[i].url + '">' + rows[i].title + '</a><span>' """
        """+ rows[i].pubDate.substring(0, 10) + '</span></li>';
  document.getElementById('list').innerHTML = out;%s
};
x.send();
</script>""")


def _shell(api: str, after: str = "", head: str = "") -> str:
    return (f'<html><head><meta charset="utf-8"><title>通知公告</title>{head}</head>'
            '<body><div class="main"><ul id="list"></ul></div>'
            + DRAW % (api, after) + "</body></html>")


@pytest.mark.parametrize("how", ["location", "reload", "rewrite"])
def test_a_page_that_navigates_while_it_loads_is_read_once_it_settles(site, how):
    """``location`` set by a script, a reload, a page that rewrites itself with document.write:
    the crawl reads the document the page ends with."""
    pages, base = site
    api = "/api/list?col=7&page=1"
    pages.add(api, _api(6, AS_OF - timedelta(days=12)), ctype="application/json")
    if how == "location":
        pages.add("/col/7/index.html",
                  '<html><body>正在跳转……<script>location.replace("/col/7/list.html")</script></body></html>')
        pages.add("/col/7/list.html", _shell(api))
    elif how == "reload":
        once = ("<script>if (!sessionStorage.getItem('r')) { sessionStorage.setItem('r', '1'); location.reload(); }"
                "</script>")
        pages.add("/col/7/index.html", _shell(api, head=once))
    else:
        page = _shell(api).replace("<", "\\x3c").replace('"', '\\"').replace("\n", " ")
        pages.add("/col/7/index.html", f'<html><body><script>window.onload = function () {{ document.open(); '
                                       f'document.write("{page}"); document.close(); }};</script></body></html>')
    crawl = _crawl(base + "col/7/index.html")
    assert crawl.fetch_state == "ok" and crawl.method == "browser", crawl.error
    assert len(crawl.items) == 6 and crawl.newest == AS_OF - timedelta(days=12)


def test_a_list_drawn_a_moment_after_load_is_waited_for(site):
    """A list drawn by a timer set on load (``setTimeout(draw, 800)``) longer than the quiet
    the render waits for: what a busy machine does to a 300 ms timer. The pending timer keeps
    the page unsettled, so the list is read, not a blank column."""
    pages, base = site
    api = "/api/list?col=4&page=1"
    pages.add(api, _api(4, AS_OF - timedelta(days=3)), ctype="application/json")
    late = _shell(api).replace("x.send();", "setTimeout(function () { x.send(); }, 800);")
    pages.add("/col/4/index.html", late)
    crawl = _limited(base + "col/4/index.html", settle_ms=500)
    assert crawl.fetch_state == "ok" and crawl.method == "browser", crawl.error
    assert len(crawl.items) == 4 and crawl.newest == AS_OF - timedelta(days=3)


def test_a_ticker_rearming_its_timer_forever_does_not_hold_the_render(site):
    """A clock or scroller re-arming ``setTimeout(tick, 100)`` from its own callback never ends;
    only timers set outside another timer are waited for, so the page settles."""
    pages, base = site
    api = "/api/list?col=3&page=1"
    pages.add(api, _api(3, AS_OF - timedelta(days=5)), ctype="application/json")
    ticker = "<script>function tick() { document.title = Date.now(); setTimeout(tick, 100); } tick();</script>"
    pages.add("/col/3/index.html", _shell(api, head=ticker))
    crawl = _limited(base + "col/3/index.html", timeout=8.0)
    assert crawl.fetch_state == "ok" and len(crawl.items) == 3 and crawl.error is None


def _limited(url: str, **limits):
    from extractors.browser import RenderLimits

    async def run():
        async with Fetcher(POLICY) as fetcher, Renderer(fetcher, RenderLimits(**limits)) as renderer:
            return await crawl_column(fetcher, "p", "c", url, AS_OF, renderer=renderer)
    return asyncio.run(run())


def test_a_page_that_busy_loops_is_this_columns_error_in_chinese_and_the_crawl_goes_on(site):
    pages, base = site
    api = "/api/list?col=8&page=1"
    pages.add(api, _api(3, AS_OF), ctype="application/json")
    pages.add("/col/8/index.html", _shell(api, after=" setTimeout(function () { for (;;) {} }, 50);"))
    crawl = _limited(base + "col/8/index.html", call_timeout=2.0, timeout=5.0)
    assert crawl.fetch_state == "error" and not crawl.items
    assert (crawl.error.render("zh").startswith("未找到信息列表")
            and "页面脚本长时间占用浏览器" in crawl.error.render("zh"))
    assert "Error" not in crawl.error.render("zh")


def test_a_page_looping_on_alert_is_read(site):
    pages, base = site
    api = "/api/list?col=6&page=1"
    pages.add(api, _api(4, AS_OF - timedelta(days=2)), ctype="application/json")
    pages.add("/col/6/index.html", _shell(api, after=" for (var k = 0; k < 50; k++) alert('请使用IE浏览器');"))
    crawl = _limited(base + "col/6/index.html", call_timeout=5.0)
    assert crawl.fetch_state == "ok" and len(crawl.items) == 4


def test_time_queued_behind_politeness_is_not_the_pages_time(site):
    """A rendered page whose requests wait behind the crawl's per-host delay is not cut short
    (its clock counts only while it runs): 3 requests 1.5 s apart against a 2 s page limit."""
    pages, base = site
    api = "/api/list?col=5&page=1"
    pages.add(api, _api(5, AS_OF - timedelta(days=9)), ctype="application/json")
    pages.add("/js/a.js", "var a = 1;", ctype="application/javascript")
    pages.add("/col/5/index.html", _shell(api, head='<script src="/js/a.js"></script>'))
    from extractors.browser import RenderLimits

    async def run():
        polite = FetchPolicy(allow_private_networks=True, per_host_delay=1.5, retries=0, obey_robots=False)
        async with Fetcher(polite) as fetcher, Renderer(fetcher, RenderLimits(timeout=2.0)) as renderer:
            return await crawl_column(fetcher, "p", "c", base + "col/5/index.html", AS_OF, renderer=renderer,
                                      path=ColumnPath("browser", None))
    crawl = asyncio.run(run())
    assert crawl.fetch_state == "ok" and len(crawl.items) == 5 and crawl.error is None


def test_a_rendered_column_whose_page_is_gone_is_unreachable_not_error(site):
    pages, base = site
    crawl = _crawl(base + "col/gone/index.html", path=ColumnPath("browser", None))
    assert crawl.fetch_state == "unreachable" and crawl.method is None


def test_chromium_reaches_no_private_address_around_the_fetcher(site) -> None:
    """Issue 27: WebSocket and WebRTC (STUN over UDP, TURN over TCP) never pass through the
    route the Fetcher answers; none of them may reach a private address."""
    import socket
    import time

    pages, base = site
    tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    tcp.bind(("127.0.0.2", 0))
    tcp.listen(8)
    tcp.settimeout(0.2)
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind(("127.0.0.2", 0))
    udp.settimeout(0.2)
    seen: list[str] = []
    stop = threading.Event()

    def listen():
        while not stop.is_set():
            for sock, kind in ((tcp, "tcp"), (udp, "udp")):
                try:
                    if kind == "tcp":
                        conn, _ = sock.accept()
                        seen.append("tcp")
                        conn.close()
                    else:
                        sock.recvfrom(2048)
                        seen.append("udp")
                except OSError:
                    pass

    threading.Thread(target=listen, daemon=True).start()
    t, u = tcp.getsockname()[1], udp.getsockname()[1]
    script = (f"""
      for (const url of ['ws://127.0.0.2:{t}/', 'ws://localhost:{t}/', 'ws://[::1]:{t}/']) {{ """
              f"""try {{ new WebSocket(url); }} catch (e) {{}} }}
      try {{
        const pc = new RTCPeerConnection({{iceServers: [{{urls: 'stun:127.0.0.2:{u}'}},
          {{urls: 'turn:127.0.0.2:{t}?transport=tcp', username: 'u', credential: 'p'}}]}});
        pc.createDataChannel('x'); pc.createOffer().then(o => pc.setLocalDescription(o));
      }} catch (e) {{}}""")
    pages.add("/col/ws/index.html", _shell("/api/list?col=44&page=1", head=f"<script>{script}</script>"))
    pages.add("/api/list?col=44&page=1", _api(3, AS_OF - timedelta(days=1)), ctype="application/json")
    guarded = FetchPolicy(per_host_delay=0, retries=0, trusted_hosts=frozenset({"127.0.0.1"}))
    try:
        crawl = _crawl(base + "col/ws/index.html", guarded, path=ColumnPath("browser", None))
        time.sleep(1.0)  # anything the page started has had time to arrive
    finally:
        stop.set()
        tcp.close()
        udp.close()
    assert crawl.fetch_state == "ok" and len(crawl.items) == 3  # the page itself is read as usual
    assert seen == []


def _chromium_processes() -> list[tuple[int, int, str, bool]]:
    """(pid, real uid, command line, in a PID namespace of its own?) of every Chromium
    process this test process started."""
    found, me = [], os.getpid()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode(errors="replace")
            with open(f"/proc/{entry}/status") as f:
                status = dict(line.split(":", 1) for line in f if ":" in line)
        except OSError:
            continue
        pid, parent = int(entry), int(status["PPid"])
        while parent not in (0, 1, me):  # a descendant of this process?
            try:
                with open(f"/proc/{parent}/status") as f:
                    parent = int(next(line for line in f if line.startswith("PPid:")).split()[1])
            except (OSError, StopIteration):
                parent = 0
        if parent == me and "chrom" in cmdline.split(" ", 1)[0]:
            found.append((pid, int(status["Uid"].split()[0]), cmdline, len(status.get("NSpid", "").split()) > 1))
    return found


def test_chromium_keeps_its_sandbox_and_never_runs_as_root(site):
    """Issue 27: Chromium ran with --no-sandbox as root. As root it now runs as nobody with
    its sandbox on (this machine has user namespaces); as anyone else it keeps its sandbox.
    (Playwright itself passed --no-sandbox unless asked not to.) The sandboxed zygote that
    forks the renderers lives in a PID namespace of its own."""
    pages, base = site
    url = _column(pages, base)

    async def run():
        async with Fetcher(POLICY) as fetcher, Renderer(fetcher) as renderer:
            rendered = await renderer.render(url)
            return rendered, _chromium_processes()
    rendered, processes = asyncio.run(run())
    assert "关于开展第1批专项检查的通知" in rendered.html
    browsers = [p for p in processes if "--type=" not in p[2]]
    assert browsers, processes
    for pid, uid, cmdline, _ in processes:
        assert uid != 0, (pid, cmdline[:200])
        assert "--no-sandbox" not in cmdline, (pid, cmdline[:200])
    assert any("--type=zygote" in cmdline and "--no-zygote-sandbox" not in cmdline and own_namespace
               for _, _, cmdline, own_namespace in processes), processes


def test_a_dom_grown_past_the_size_cap_is_kept_to_the_cap(site):
    """Issue 27: a rendered DOM was stored without the size cap (6.7 MB against 5 MB). A page
    whose script writes 3 MB of markup under a 1 MB cap comes back at the cap, saying so."""
    pages, base = site
    pages.add("/grow/", """<html><head><meta charset="utf-8"><title>工作动态</title></head><body><div id="x"></div>
<script>var s = '<p>' + 'a'.repeat(1024) + '</p>'; document.getElementById('x').innerHTML = s.repeat(3000);</script>
</body></html>""")
    policy = FetchPolicy(allow_private_networks=True, per_host_delay=0, retries=0, max_bytes=1024 * 1024)

    async def run():
        async with Fetcher(policy) as fetcher, Renderer(fetcher) as renderer:
            return await renderer.render(base + "grow/")
    rendered = asyncio.run(run())
    assert len(rendered.html.encode("utf-8")) <= 1024 * 1024 and rendered.html.count("<p>") > 500
    assert rendered.note is not None and "browser.cap" in str(rendered.note.to_json())


def test_a_page_whose_data_request_failed_is_no_blank_column(site):
    """A script-drawn list whose data request fails draws nothing (or its "暂无数据"): that
    proves nothing about the column — `error` saying why, never `empty` (a false blank)."""
    pages, base = site
    url = _column(pages, base, api="/api/gone?page=1")
    pages.add("/api/gone?page=1", "upstream down", status=503, ctype="text/plain")
    result = _crawl(url)
    assert result.fetch_state == "error" and not result.empty_marker, (result.fetch_state, result.error)
    assert "数据请求未完成" in result.error.render("zh") and "503" in result.error.render("zh")


def test_a_template_drawn_portal_is_rendered_once_and_its_other_columns_read_through_their_own_api(site):
    """Five columns of one CMS template, each page writing its own request to the same list
    API: the first is rendered, the others are read through the request their own page
    writes (one render, not five), each with its own verdict. A page writing two requests
    to the API (its list and a sidebar) and one that builds the URL in script are not
    guessed at: they are rendered."""
    pages, base = site
    newest = {1: AS_OF - timedelta(days=3), 2: AS_OF - timedelta(days=200), 3: AS_OF - timedelta(days=20),
              4: AS_OF - timedelta(days=90), 5: AS_OF - timedelta(days=8)}
    for k, day in newest.items():
        pages.add(f"/api/list?col={k}&page=1", _api(4 + k, day).replace("/art/2025/", f"/art/c{k}/"),
                  ctype="application/json")
        pages.add(f"/col/{k}/index.html", SHELL % f"/api/list?col={k}&page=1")
    # the sidebar page: its own request and the latest-news widget's, to the same API
    pages.add("/col/4/index.html", (SHELL % "/api/list?col=4&page=1").replace(
        "</body>", "<script>var hot = '/api/list?col=hot&page=1';</script></body>"))
    # the URL made by the script from a variable: nothing written out whole
    built = (SHELL % "/api/list?col=5&page=1").replace("'/api/list?col=5&page=1'",
                                                        "'/api/list?col=' + colId + '&page=1'")
    pages.add("/col/5/index.html", built.replace("<script>", "<script>var colId = 5;"))
    portal = Portal(id="p", name="p", base_url=base, columns=[
        Column(id=f"c{k}", path=["政务公开", f"栏目{k}"], url=f"/col/{k}/index.html", frequency="及时更新")
        for k in newest])
    columns = {c.column_id: c for c in crawl_portal(portal, AS_OF, POLICY).columns}
    assert {cid: c.newest for cid, c in columns.items()} == {f"c{k}": day for k, day in newest.items()}
    assert {cid: c.method for cid, c in columns.items()} == {
        "c1": "browser", "c2": "api", "c3": "api", "c4": "browser", "c5": "browser"}
    rendered = [p.url for c in columns.values() for p in c.pages if p.url.endswith("#rendered")]
    assert sorted(rendered) == [f"{base}col/{k}/index.html#rendered" for k in (1, 4, 5)]
    # the next night goes straight to it, knowing where its records are
    assert columns["c2"].source == f"json@data.list {base}api/list?col=2&page=1"
    assert {i.url for i in columns["c3"].items} == {f"{base}art/c3/{i}.html" for i in range(7)}


def test_a_dead_columns_retries_hold_back_no_other_column(site):
    """A column answering 503 is tried three times, seconds apart; the portal's other
    columns are crawled (their second pages read) meanwhile, not after its last try."""
    pages, base = site
    pages.add("/dead/index.html", "<html><body>Service Unavailable</body></html>", status=503)
    for k in range(3):
        rows = "".join(f'<li><a href="/c{k}/art/{i}.html">关于开展第{i}项检查工作的通知</a>'
                       f'<span>{AS_OF - timedelta(days=2 + 5 * i):%Y-%m-%d}</span></li>' for i in range(8))
        pages.add(f"/c{k}/index.html", f'<html><body><h2>栏目{k}</h2><ul class="list">{rows}</ul>'
                  f'<a href="index_1.html">下一页</a></body></html>')
        older = "".join(f'<li><a href="/c{k}/art/old{i}.html">关于开展第{i}项检查工作的通知</a>'
                        f'<span>{AS_OF - timedelta(days=45 + 5 * i):%Y-%m-%d}</span></li>' for i in range(8))
        pages.add(f"/c{k}/index_1.html", f'<html><body><h2>栏目{k}</h2><ul class="list">{older}</ul></body></html>')
    portal = Portal(id="p", name="p", base_url=base, columns=[
        Column(id=f"c{k}", path=[f"栏目{k}"], url=f"/c{k}/index.html", frequency="每月更新") for k in range(3)]
        + [Column(id="dead", path=["停更栏目"], url="/dead/index.html", frequency="每月更新")])
    policy = FetchPolicy(allow_private_networks=True, per_host_delay=0, retries=2, backoff=2.0, obey_robots=False)
    columns = {c.column_id: c for c in crawl_portal(portal, AS_OF, policy).columns}
    assert columns["dead"].fetch_state == "unreachable"
    assert pages.hits.count("/dead/index.html") == 3  # tried three times, by one fetch: not again by its column
    last_try = max(i for i, path in enumerate(pages.hits) if path == "/dead/index.html")
    assert all(pages.hits.index(f"/c{k}/index_1.html") < last_try for k in range(3))
    assert all(columns[f"c{k}"].fetch_state == "ok" and len(columns[f"c{k}"].items) == 16 for k in range(3))


BLANK_API = json.dumps({"code": 200, "data": {"total": 0, "list": []}})


def _template_portal(pages, base, blank: int = 3) -> Portal:
    """Three columns of one template, each page writing its own request to the list API;
    column ``blank``'s answers an empty list where the others' records are."""
    for k in (1, 2, 3):
        pages.add(f"/col/{k}/index.html", SHELL % f"/api/list?col={k}&page=1")
        pages.add(f"/api/list?col={k}&page=1", BLANK_API if k == blank else _api(5, AS_OF - timedelta(days=3 * k)),
                  ctype="application/json")
    return Portal(id="p", name="p", base_url=base, columns=[
        Column(id=f"c{k}", path=["政务公开", f"栏目{k}"], url=f"/col/{k}/index.html", frequency="及时更新")
        for k in (1, 2, 3)])


def test_a_blank_template_column_is_read_empty_through_the_api_not_rendered(site):
    """Where the render showed the template's records ("data.list"), the blank column's own
    request answers an empty list: a blank column, proven without a render of its own; the
    API was first asked once by the crawler itself (it serves more than a browser)."""
    pages, base = site
    columns = {c.column_id: c for c in crawl_portal(_template_portal(pages, base), AS_OF, POLICY).columns}
    assert {cid: (c.method, c.empty_marker, len(c.items)) for cid, c in columns.items()} == {
        "c1": ("browser", False, 5), "c2": ("api", False, 5), "c3": ("api", True, 0)}
    assert not any(p.url.endswith("#rendered") for p in columns["c3"].pages)
    assert pages.hits.count("/api/list?col=1&page=1") == 2  # the browser's request, and the crawler's own
    assert columns["c3"].source == f"json@data.list {base}api/list?col=3&page=1"


def test_an_api_that_answers_only_the_browser_is_no_template(site, monkeypatch):
    """An API that answers its records to the rendering browser only (a session, a token in
    the page) and an empty list to the crawler: its empty lists prove nothing, so the other
    columns are rendered — none is called blank on the API's word."""
    pages, base = site
    portal = _template_portal(pages, base, blank=0)
    served = pages.response

    def gated(path: str):
        if path.startswith("/api/") and pages.hits.count(path) >= 1:  # only the first ask, the browser's
            pages.hits.append(path)
            return BLANK_API.encode(), "application/json", 200, {}
        return served(path)

    monkeypatch.setattr(pages, "response", gated)
    columns = {c.column_id: c for c in crawl_portal(portal, AS_OF, POLICY).columns}
    assert {cid: (c.method, c.empty_marker, len(c.items)) for cid, c in columns.items()} == {
        f"c{k}": ("browser", False, 5) for k in (1, 2, 3)}


def test_a_columns_render_is_not_queued_behind_background_renders(site):
    """axe-core's renders (``background``) take at most half the browser's pages, so a
    column's render — which its list waits on — finds a slot: here two background pages
    hold their script until the column's page has been asked for (or 10 s), so what is
    seen is the order, not a time."""
    from extractors.browser import RenderLimits

    pages, base = site
    released = pages.gate("/hold.js", until="/col/")
    pages.add("/hold.js", "var held = 1;", ctype="application/javascript")
    for name in ("a", "b"):
        pages.add(f"/home-{name}.html", '<html><body><p>首页</p><script src="/hold.js"></script></body></html>')
    url = _column(pages, base)

    async def run():
        async with Fetcher(POLICY) as fetcher, Renderer(fetcher, RenderLimits(pages=2, pages_per_host=2)) as renderer:
            tests = [asyncio.ensure_future(renderer.render(f"{base}home-{n}.html", background=True)) for n in "ab"]
            await asyncio.sleep(0.5)  # both background renders have asked for their slots
            column = await renderer.render(url)
            await asyncio.gather(*tests)
            return column

    column = asyncio.run(run())
    assert "关于开展第1批专项检查的通知" in column.html
    assert released[0] is True  # the first background page was still held when the column's page came


def _make_launcher(executable: str, send) -> None:
    from extractors.sandbox import unprivileged_launcher

    path = unprivileged_launcher(executable)
    send.send(os.path.dirname(path) if path else None)


def test_a_crawl_process_leaves_no_launcher_folder_behind():
    """A crawl process leaves by os._exit, past atexit: the folder of Chromium's launcher it
    made (as root) stayed in /tmp, one a shard that rendered each night."""
    from extractors.sandbox import running_as_root

    if not running_as_root() or not shutil.which("setpriv"):
        pytest.skip("the launcher is made only for root, with setpriv")
    from flows import crawler

    crawler.start()  # the forkserver the crawl processes come from
    context = crawler._CONTEXT
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_make_launcher, args=("/usr/bin/chromium", send))
    child.start()
    folder = receive.recv()
    child.join(30)
    assert child.exitcode == 0 and folder and folder.startswith(tempfile.gettempdir())
    assert not os.path.exists(folder)
