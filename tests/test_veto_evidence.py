"""The evidence the single-veto items read, extracted from pages served on loopback:
consultation messages (list and detail pages), explanatory notes, home-page links,
availability probes."""

import asyncio
from datetime import date

from extractors.column import crawl_column
from extractors.fetch import Fetcher, FetchPolicy
from extractors.listpage import home_links
from extractors.messages import message_detail, parse_messages
from extractors.probe import probe_portals
from portal_audit.catalog import Column, Portal
from portal_audit.i18n import msg
from tests.faults import serve_faults

POLICY = FetchPolicy(allow_private_networks=True, per_host_delay=0, retries=0, max_pages_per_column=5)
AS_OF = date(2025, 6, 30)

MAILBOX_TABLE = ("""<html><body><div class="nav"><a href="/">首页</a><a href="/hd/">互动交流</a></div>
<table class="xxlb"><tr><th>序号</th><th>信件标题</th><th>留言时间</th><th>回复时间</th><th>办理状态</th></tr>
<tr><td>1</td><td><a href="/hd/1.html">关于小区停车位规划的咨询</a></td>"""
                 """<td>2025-06-20</td><td>2025-06-25</td><td>已回复</td></tr>
<tr><td>2</td><td><a href="/hd/2.html">关于低保申请条件的咨询</a></td>"""
                 """<td>2025-01-10</td><td>2025-05-02</td><td>已回复</td></tr>
<tr><td>3</td><td><a href="/hd/3.html">关于道路破损维修的反映</a></td><td>2025-02-01</td><td></td><td>办理中</td></tr>
<tr><td>4</td><td><a href="/hd/4.html">关于社保转移接续的咨询</a></td><td>2025-02-12</td><td></td><td>已回复</td></tr>
</table><div class="zxfb"><h3>最新发布</h3>"""
                 """<ul><li><a href="/x/1.html">某某工作动态</a><span>2025-06-30</span></li></ul></div>
</body></html>""")

MAILBOX_ROWS = """<html><body><ul class="letters">
<li><a href="/mail/a.html">咨询公积金提取</a><span>留言时间：2025-05-06</span><span>状态：已答复</span></li>
<li><a href="/mail/b.html">反映噪音扰民问题</a><span>留言时间：2025-01-03</span><span>状态：未回复</span></li>
<li><a href="/mail/c.html">建议增设公交线路</a><span>留言时间：2025-03-01</span><span>答复时间：2025-03-09</span></li>
</ul></body></html>"""

DETAIL = """<html><body><h1>关于社保转移接续的咨询</h1><p>留言时间：2025-02-12 09:30</p><p>留言内容：……</p>
<div class="reply"><p>答复单位：区人社局</p><p>答复时间：2025-06-01</p><p>答复内容：……</p></div></body></html>"""


def test_messages_from_a_mailbox_table_and_labelled_rows():
    table = {m.title: m for m in parse_messages(MAILBOX_TABLE, "http://x.gov.cn/hd/index.html", AS_OF)}
    assert set(table) == {"关于小区停车位规划的咨询", "关于低保申请条件的咨询", "关于道路破损维修的反映",
                          "关于社保转移接续的咨询"}
    late = table["关于低保申请条件的咨询"]
    assert (late.asked_on, late.answered_on, late.state) == (date(2025, 1, 10), date(2025, 5, 2), "answered")
    assert (table["关于道路破损维修的反映"].state == "in_progress"
            and table["关于道路破损维修的反映"].answered_on is None)
    assert table["关于社保转移接续的咨询"].url == "http://x.gov.cn/hd/4.html"
    rows = {m.title: m for m in parse_messages(MAILBOX_ROWS, "http://x.gov.cn/mail/", AS_OF)}
    assert rows["反映噪音扰民问题"].state == "unanswered" and rows["反映噪音扰民问题"].asked_on == date(2025, 1, 3)
    assert rows["建议增设公交线路"].answered_on == date(2025, 3, 9) and rows["建议增设公交线路"].state == "answered"
    assert rows["咨询公积金提取"].state == "answered" and rows["咨询公积金提取"].answered_on is None
    assert message_detail(DETAIL, AS_OF) == (date(2025, 2, 12), date(2025, 6, 1), "answered")


def crawl(url: str, messages: bool = False):
    async def go():
        async with Fetcher(POLICY) as f:
            return await crawl_column(f, "p", "c", url, AS_OF, messages=messages)
    return asyncio.run(go())


def test_a_consultation_column_reads_its_messages_and_their_detail_pages(site):
    pages, base = site
    pages.add("/hd/index.html", MAILBOX_TABLE)
    pages.add("/hd/4.html", DETAIL)
    result = crawl(base + "hd/index.html", messages=True)
    assert result.fetch_state == "ok" and len(result.items) == 4
    found = {m.url.rsplit("/", 1)[-1]: m for m in result.messages}
    assert found["4.html"].answered_on == date(2025, 6, 1)  # from its detail page: answered after 3½ months
    assert "/hd/3.html" not in pages.hits  # 办理中 says it is unanswered: no detail page needed
    assert "/hd/1.html" not in pages.hits  # answered, and too young to be late anyway
    assert crawl(base + "hd/index.html").messages == ()  # other columns do not read messages


def test_explanatory_note_and_bare_placeholder_pages(site):
    pages, base = site
    layout = ('<html><body><div class="nav"><a href="/a/">机构概况</a><a href="/b/">政务公开</a></div>{}'
              '<div class="footer">主办单位：某某区人民政府</div></body></html>')
    pages.add("/note/index.html", layout.format('<div class="list"><p>说明：本机关2025年无此类信息。</p></div>'))
    pages.add("/bare/index.html", layout.format('<div class="list"><p>暂无信息</p></div>'))
    note, bare = crawl(base + "note/index.html"), crawl(base + "bare/index.html")
    assert note.fetch_state == "ok" and note.empty_marker and note.note == "说明：本机关2025年无此类信息"
    assert bare.fetch_state == "ok" and bare.empty_marker and bare.note is None


def test_home_page_links_are_dated_items_and_article_links():
    html = ("""<html><body><div class="nav"><a href="/col/col1/index.html">政务公开栏目首页</a></div>
    <ul class="yw"><li><a href="/art/2025/6/28/art_1_1.html">区政府召开常务会议研究部署工作</a>"""
            """<span>2025-06-28</span></li>
    <li><a href="/art/2025/6/20/art_1_2.html">全区安全生产工作会议召开</a><span>2025-06-20</span></li></ul>
    <div class="pic"><a href="/art/2025/6/29/art_1_3.html">图片新闻：志愿服务活动走进社区</a></div>
    <a href="javascript:void(0)">收藏本站收藏本站</a></body></html>""")
    found = {i.url.rsplit("/", 1)[-1]: i for i in home_links(html, "http://x.gov.cn/", AS_OF)}
    assert found["art_1_1.html"].published_on == date(2025, 6, 28)
    assert found["art_1_3.html"].published_on is None  # undated, article-like: kept to compare runs
    assert "index.html" not in found  # a column index is navigation, not content


def test_probes_time_each_home_page_once():
    server, base = serve_faults()
    try:
        portals = [Portal(id=name.replace("/", "-"), name=name, base_url=f"{base}/{name}", columns=[
            Column(id="c", path=["x"], url="/ok/c", frequency="每月")])
            for name in ("ok/home", "500", "timeout", "drip")]
        probes = {p.portal_id: p for p in asyncio.run(probe_portals(portals, POLICY, timeout=1.0, ipv6=False))}
    finally:
        server.shutdown()
    assert probes["ok-home"].ok and probes["ok-home"].status == 200 and probes["ok-home"].error is None
    assert not probes["500"].ok and probes["500"].status == 500
    # not loaded within the limit
    assert not probes["timeout"].ok and probes["timeout"].error == msg("probe.timeout", seconds="1")
    assert not probes["drip"].ok and probes["drip"].elapsed_ms < 3000
    assert all(p.ipv6_ok is None for p in probes.values())


def test_ipv6_reachability_is_recorded_as_information():
    import socket
    import threading
    from http.server import ThreadingHTTPServer

    from app.demo.site import _Handler
    from app.localpg import free_port
    from tests.conftest import Pages

    class V6Server(ThreadingHTTPServer):
        address_family = socket.AF_INET6

    pages = Pages()
    pages.add("/", "<html><body>首页</body></html>")
    try:
        server = V6Server(("::1", 0), type("H", (_Handler,), {"site": pages}))
    except OSError:
        import pytest

        pytest.skip("no IPv6 loopback on this machine")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    v6 = f"http://[::1]:{server.server_address[1]}/"
    portals = [Portal(id="v6", name="v6", base_url=v6, columns=[Column(id="c", path=["x"], url="/", frequency="每月")]),
               Portal(id="v6-dead", name="d", base_url=f"http://[::1]:{free_port()}/",
                      columns=[Column(id="c", path=["x"], url="/", frequency="每月")]),
               Portal(id="v4", name="v4", base_url=f"http://127.0.0.1:{server.server_address[1]}/",
                      columns=[Column(id="c", path=["x"], url="/", frequency="每月")])]
    try:
        probes = {p.portal_id: p for p in asyncio.run(probe_portals(portals, POLICY, timeout=2.0, ipv6=True))}
    finally:
        server.shutdown()
    assert probes["v6"].ok and probes["v6"].ipv6_ok is True
    assert not probes["v6-dead"].ok and probes["v6-dead"].ipv6_ok is False
    assert probes["v4"].ipv6_ok is None  # an IPv4-only host: nothing to say about IPv6


def test_the_ipv6_visit_is_guarded_like_any_fetch(monkeypatch):
    """Issue 27: a name whose IPv6 answer is loopback is refused on the IPv6 visit too (the
    loopback service never sees a request), and a refused IPv4 visit is not retried over IPv6."""
    import socket
    import threading
    from http.server import ThreadingHTTPServer

    import pytest

    from app.demo.site import _Handler
    from extractors.fetch import FetchPolicy
    from tests.conftest import Pages

    class V6Server(ThreadingHTTPServer):
        address_family = socket.AF_INET6

    pages = Pages()
    pages.add("/", "<html><body>内部服务</body></html>")
    try:
        server = V6Server(("::1", 0), type("H", (_Handler,), {"site": pages}))
    except OSError:
        pytest.skip("no IPv6 loopback on this machine")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    real = socket.getaddrinfo

    def resolve(host, p, family=0, *args, **kwargs):
        if (host.decode() if isinstance(host, bytes) else host) == "v6.example.gov.cn":
            if family == socket.AF_INET6:
                return [(socket.AF_INET6, socket.SOCK_STREAM, 6, "", ("::1", p, 0, 0))]
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", p))]
        return real(host, p, family, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    guarded = FetchPolicy(per_host_delay=0, retries=0, connect_timeout=1)
    portals = [Portal(id="rebound", name="r", base_url=f"http://v6.example.gov.cn:{port}/",
                      columns=[Column(id="c", path=["x"], url="/", frequency="每月")]),
               Portal(id="loop", name="l", base_url=f"http://[::1]:{port}/",
                      columns=[Column(id="c", path=["x"], url="/", frequency="每月")])]
    try:
        probes = {p.portal_id: p for p in asyncio.run(probe_portals(portals, guarded, timeout=2.0, ipv6=True))}
    finally:
        server.shutdown()
    assert pages.hits == []
    assert probes["rebound"].ipv6_ok is False and not probes["rebound"].ok
    assert probes["loop"].error.key == "fetch.private" and probes["loop"].ipv6_ok is None
