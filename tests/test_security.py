"""Security checks on the pages the audit reads (issue 32): links a visitor cannot see
(暗链), told apart from the tabs and menus every portal folds away; and HTTPS, with real
certificates made in the test and served on loopback (expiring in 10 days, untrusted,
expired, another host's)."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
from datetime import date

import pytest

from extractors.browser import find_chromium
from extractors.crawl import crawl_portal_async
from extractors.fetch import FetchPolicy
from extractors.hidden import hidden_links
from extractors.markup import parse_html
from portal_audit.catalog import Column, Portal
from portal_audit.i18n import china_today
from validations.content import PageScan, hidden_link_rule, load_hidden_lexicon
from validations.indicators import indicator_evidence
from validations.rules import load_ruleset
from validations.suite import validate
from validations.verdicts import SiteEvidence

needs_chromium = pytest.mark.skipif(find_chromium() is None and not os.environ.get("CI"),
                                    reason="headless Chromium not installed (scripts/ensure-chromium.sh)")

POLICY = FetchPolicy(allow_private_networks=True, per_host_delay=0, retries=0, max_pages_per_column=2)
AS_OF = date(2026, 3, 25)
PAGE = "http://www.xuancheng.gov.cn/index.html"
TABS = """<div class="tabs"><ul><li class="on">工作动态</li><li>通知公告</li></ul>
<div class="panel"><a href="/col/1/art1.html">关于开展春季安全检查的通知</a></div>
<div class="panel" style="display:none"><a href="/col/2/art2.html">关于做好防汛工作的通知</a>
<a href="https://www.gov.cn/zhengce/">中国政府网政策</a></div></div>"""


def found(body: str, url: str = PAGE) -> dict[str, tuple[str, str, str]]:
    """Each hidden link's URL → (how, rule, severity), as a page's scan judges it."""
    out = {}
    for link in hidden_links(parse_html(f"<html><body>{body}</body></html>"), url):
        judged = hidden_link_rule(link, url, load_hidden_lexicon())
        out[link.url] = (link.how, *(judged[:2] if judged else ("", "")))
    return out


def test_a_folded_tab_of_the_sites_own_news_is_no_hidden_link():
    got = found(TABS)
    assert {u: r for u, (_, r, _) in got.items()} == {"http://www.xuancheng.gov.cn/col/2/art2.html": "",
                                                       "https://www.gov.cn/zhengce/": ""}  # seen, judged no finding


def test_the_tricks_link_spam_uses_each_found_and_judged():
    body = """<style>.yq a{color:#333} .yq{font-size:0px} .nav li:hover ul{display:block}</style>
    <div style="position:absolute; top:-2000px; left:-2000px"><a href="http://www.shop-example.com/">优惠购物</a></div>
    <div class="yq"><a href="http://best-example.net/">友情链接</a></div>
    <p style="color:#FFF;background-color:#ffffff"><a href="http://pill-example.org/">保健品</a></p>
    <div style="height:0;overflow:hidden"><a href="/col/9/old.html">旧栏目</a></div>
    <marquee width="1" height="1"><a href="http://m-example.com/">滚动</a></marquee>
    <div style="display:none"><a href="http://www.vip-example.com/">澳门百家乐真人娱乐</a></div>
    <div style="display:none"><a href="http://www.media-example.com/">媒体报道</a></div>"""
    got = found(body)
    assert got["http://www.shop-example.com/"] == ("offscreen", "external", "serious")
    assert got["http://best-example.net/"] == ("font_zero", "external", "serious")
    assert got["http://pill-example.org/"] == ("same_colour", "external", "serious")
    assert got["http://www.xuancheng.gov.cn/col/9/old.html"] == ("zero_size", "internal", "suspected")
    assert got["http://m-example.com/"] == ("marquee", "external", "serious")
    assert got["http://www.vip-example.com/"] == ("display_none", "gambling", "serious")  # its words, however hidden
    assert got["http://www.media-example.com/"] == ("display_none", "folded_external", "suspected")
    assert len(got) == 7


def test_a_row_sized_0_whose_items_size_their_text_again_hides_nothing():
    """A footer's friend-sites box set to font-size:0 (closing the gaps between inline
    items) whose items size their text again, inside a panel that opens on a click: folded,
    not concealed — as a real portal's stylesheet has it (four serious findings before). A
    link in the same kind of box whose text is never sized again is still concealed."""
    page = ("<style>.webs-box{font-size:0} .about-webs li{font-size:18px} .panel{display:none}"
            ".spam{font-size:0}</style><div class='webs-box'><div class='panel'><ul class='about-webs'>"
            "<li><a href='http://www.academy.example.cn/'>中国科学院</a></li></ul></div></div>"
            "<a style='font-size:0' href='http://icon.example.com/'><span style='font-size:12px'>微博</span></a>"
            "<div class='spam'><a href='http://www.bet-example.com/'>澳门葡京</a></div>")
    assert found(page) == {"http://www.academy.example.cn/": ("display_none", "folded_external", "suspected"),
                           "http://www.bet-example.com/": ("font_zero", "gambling", "serious")}


def test_a_submenu_folded_under_its_label_is_no_finding_unlike_a_link_folded_into_the_footer():
    """A navigation item's drop-down (<li>, its label, a display:none panel) and a 友情链接
    drop-down under its title lead off the site as menus do: no finding — as on a real
    district portal whose 新闻动态 menu links its Weibo. A link folded into the footer's
    copyright line is still 疑似, and gambling words fail wherever they are folded."""
    page = ("<ul class='nav'><li><a href='/xwdt/'>新闻动态</a><div style='display:none'><a href='/tpxw/'>图片新闻</a>"
            "<a href='https://weibo.example.com/u/1'>微动态</a></div></li></ul>"
            "<div class='yqlj'><span>友情链接 ▼</span><ul style='display:none'><li><a href='http://www.news.example.com/'>"
            "某某新闻网</a></li><li><a href='http://www.bet-example.com/'>葡京娱乐城</a></li></ul></div>"
            "<p>版权所有：某某市人民政府办公室 地址：某某路1号 电话：0563-1234567"
            "<span style='display:none'><a href='http://www.seo-example.com/'>网站优化</a></span></p>")
    assert found(page) == {"https://weibo.example.com/u/1": ("menu_panel", "", ""),
                           "http://www.news.example.com/": ("menu_panel", "", ""),
                           "http://www.bet-example.com/": ("menu_panel", "gambling", "serious"),
                           "http://www.seo-example.com/": ("display_none", "folded_external", "suspected"),
                           "http://www.xuancheng.gov.cn/tpxw/": ("menu_panel", "", "")}


def test_visible_links_and_skip_links_are_not_hidden():
    body = """<a class="skip" href="#main" style="position:absolute;left:-9999px">跳到主要内容</a>
    <div style="color:#fff;background:#c00"><a href="http://www.example.com/">彩票</a></div>
    <p style="text-indent:2em"><a href="/a.html">正文</a></p>"""
    assert found(body) == {}


def test_a_gambling_link_in_the_footer_fails_the_portal_and_a_tabbed_home_page_passes(site):
    pages, base = site
    footer = ('<div class="foot">主办：某某市民政局<div style="position:absolute;left:-9999px;top:-9999px">'
              '<a href="http://www.bet-example.com/">澳门葡京娱乐城</a><a href="http://www.bet-example.com/a">'
              '六合彩开奖</a></div></div>')
    rows = "".join(f'<li><a href="/art/{i}.html">第{i}期工作简报</a><span>2026-03-{10 + i}</span></li>'
                   for i in range(5))
    pages.add("/", f"<html><body>{TABS}{footer}</body></html>")
    pages.add("/col/n/index.html", f'<html><body><div class="list"><ul>{rows}</ul></div>{footer}</body></html>')
    portal = Portal(id="mz", name="某某市民政局", base_url=base, columns=[
        Column(id="gzdt", path=["工作动态"], url="/col/n/index.html", frequency="及时更新", category="news")])

    def judge():
        crawl = asyncio.run(crawl_portal_async(portal, AS_OF, POLICY, observer=PageScan()))
        v = validate(list(crawl.columns), [portal], load_ruleset(), AS_OF, evidence={portal.id: SiteEvidence()},
                     indicators={portal.id: indicator_evidence(portal, crawl)})
        return crawl, {c.item: c for c in v.portals[0].indicators}["hidden_links"]

    crawl, check = judge()
    hidden = [f for f in crawl.findings if f.kind == "hidden"]
    assert sorted(f.term for f in hidden) == ["http://www.bet-example.com/", "http://www.bet-example.com/a"]
    assert all(f.severity == "serious" and f.rule == "gambling" and f.column_id is None for f in hidden)  # once each
    assert check.outcome == "fail" and "澳门葡京娱乐城" in check.reason and "移出屏幕外" in check.reason
    pages.add("/", f"<html><body>{TABS}</body></html>")
    pages.add("/col/n/index.html", f'<html><body><div class="list"><ul>{rows}</ul></div></body></html>')
    _, check = judge()
    assert check.outcome == "pass" and "2个页面" in check.reason


STYLESHEET = """body{background:#fff;color:#333} .yqlj{position:absolute;left:-9999px;top:0}
.tj{color:#ffffff} .nav .sub{display:none} .nav li:hover .sub{display:block}
.logo a{display:block;width:200px;height:60px;text-indent:-9999px;background:url(/img/logo.png)}
.share a{font-size:0} .share a::before{content:"微";font-size:14px}
.slider{position:relative;width:600px;height:200px;overflow:hidden} .track{position:absolute;left:-2400px;width:3600px}
.acc{height:0;overflow:hidden} .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.menu{font-size:0} .menu a span{font-size:16px;padding:0 12px}
.badge{width:25px;height:26px;background:url(/img/jy.png);font-size:0} .badge a{display:block;width:25px;height:26px}"""
STYLED_HOME = """<html><head><link rel="stylesheet" href="/css/site.css"></head><body>
<div class="logo"><a href="/">某某市人民政府</a></div>
<a class="sr" href="/wza/index.html">无障碍浏览</a>
<ul class="nav"><li>友情链接<ul class="sub"><li><a href="http://www.xinhuanet.com/">新华网</a></li></ul></li></ul>
<div class="share"><a href="https://weibo.example.com/gov">微博</a></div>
<div class="slider"><div class="track"><a href="http://www.people.example.com/1">专题报道</a></div></div>
<div class="acc"><a href="http://www.partner.example.com/">合作单位</a></div>
<div class="menu"><a href="/col/yw/"><span>要闻动态</span></a><a href="http://www.portal.example.com/"><span>政务服务</span></a></div>
<div class="badge"><a href="http://jy.example.com/">集</a></div>
<p>主办：某某市人民政府办公室 <a class="tj" href="http://tj.example.org/c.html">统计</a></p>
<div class="yqlj"><a href="http://www.bet-example.com/">澳门葡京娱乐城</a><a href="http://shop.example.net/">特价商城</a></div>
</body></html>"""


@needs_chromium
def test_links_hidden_by_an_external_stylesheet_are_found_in_the_render_axe_makes(site):
    """The static pass reads inline and <style> CSS only; here every rule is in /css/site.css.
    The home page's axe render loads it and reads computed styles: a box moved off the page
    and a link coloured as the page are found; a folded menu, a logo's text moved off its
    image, an icon drawn by ::before, a slider's hidden slide, a collapsed accordion, a
    screen-reader link inside the site, a menu row sized 0 whose items size their text again
    and a badge link over its box's image are not (the last two seen on real portals)."""
    pages, base = site
    pages.add("/css/site.css", STYLESHEET, ctype="text/css")
    pages.add("/", STYLED_HOME)
    rows = "".join(f'<li><a href="/art/{i}.html">第{i}期工作简报</a><span>2026-03-{10 + i}</span></li>'
                   for i in range(3))
    pages.add("/col/n/index.html", f'<html><body><div class="list"><ul>{rows}</ul></div></body></html>')
    portal = Portal(id="zf", name="某某市人民政府", base_url=base, columns=[
        Column(id="gzdt", path=["工作动态"], url="/col/n/index.html", frequency="及时更新", category="news")])
    static = hidden_links(parse_html(STYLED_HOME), base + "/")
    assert static == []  # nothing the HTML itself declares
    crawl = asyncio.run(crawl_portal_async(portal, AS_OF, POLICY, observer=PageScan(), axe=True))
    assert any(a.error is None for a in crawl.accessibility), crawl.accessibility
    hidden = {f.term: (f.rule, f.severity, f.expected) for f in crawl.findings if f.kind == "hidden"}
    assert hidden == {"http://www.bet-example.com/": ("gambling", "serious", "offscreen"),
                      "http://shop.example.net/": ("external", "serious", "offscreen"),
                      "http://tj.example.org/c.html": ("external", "serious", "same_colour")}
    assert pages.hits.count("/css/site.css") >= 1  # the render loaded the stylesheet


# -- HTTPS ----------------------------------------------------------------------------
def https_site(tmp_path, pages, **issued):
    """``pages`` served over HTTPS on loopback with a certificate made here (``app.demo.tls``)."""
    from app.demo.site import serve
    from app.demo.tls import issue

    certs = issue(tmp_path / "certs", **issued)
    server, base = serve(pages, tls=certs.server_context())
    return server, base, certs


def https_judged(base: str, ca: str | None, today: date, pages=None):
    portal = Portal(id="zf", name="某某市人民政府", base_url=base, columns=[
        Column(id="tzgg", path=["通知公告"], url="/col/t/index.html", frequency="及时更新", category="notice")])
    policy = FetchPolicy(allow_private_networks=True, per_host_delay=0, retries=0, max_pages_per_column=1, ca_file=ca)
    crawl = asyncio.run(crawl_portal_async(portal, today, policy, observer=PageScan(), tls=True))
    v = validate(list(crawl.columns), [portal], load_ruleset(), today, evidence={portal.id: SiteEvidence()},
                 indicators={portal.id: indicator_evidence(portal, crawl)})
    return crawl, {c.item: c for c in v.portals[0].indicators}["https"]


def tls_pages(pages, today: date, mixed: bool = False) -> None:
    rows = "".join(f'<li><a href="/art/{i}.html">关于开展第{i}批检查的通知</a><span>{today:%Y-%m-%d}</span></li>'
                   for i in range(3))
    extra = '<script src="http://cdn.example.com/old.js"></script><img src="http://img.example.com/a.png">' if mixed \
        else '<script src="/js/site.js"></script>'
    pages.add("/", f"<html><head>{extra}</head><body><p>首页</p></body></html>")
    pages.add("/col/t/index.html", f'<html><body><div class="list"><ul>{rows}</ul></div></body></html>')


def test_a_certificate_expiring_in_ten_days_warns_and_the_pages_are_read_over_https(tmp_path):
    from tests.conftest import Pages

    today = china_today()  # the day a certificate is read on
    pages = Pages()
    tls_pages(pages, today, mixed=True)
    server, base, certs = https_site(tmp_path, pages)
    try:
        crawl, check = https_judged(base, str(certs.ca), today)
    finally:
        server.shutdown()
    assert crawl.columns[0].fetch_state == "ok" and len(crawl.columns[0].items) == 3  # read through the CA
    state = crawl.tls
    assert state is not None and state.verified == "ok" and (state.not_after - today).days == 10
    assert "127.0.0.1" in state.names and state.issuer == "portal-audit demo CA"
    assert check.outcome == "warn", check.reason
    assert "剩余10天" in check.reason and "混合内容" in check.reason and "http://cdn.example.com/old.js" in check.reason


def test_an_untrusted_an_expired_and_another_hosts_certificate_fail(tmp_path):
    from tests.conftest import Pages

    today = china_today()  # the day a certificate is read on
    pages = Pages()
    tls_pages(pages, today)
    server, base, certs = https_site(tmp_path / "a", pages, valid_for=dt.timedelta(days=200))
    try:  # the catalog does not trust the authority: the chain ends nowhere
        crawl, check = https_judged(base, None, today)
        assert crawl.tls.verified == "chain" and check.outcome == "fail" and "证书链不完整" in check.reason
        crawl, check = https_judged(base, str(certs.ca), today)  # trusted: 200 days left passes
        assert check.outcome == "pass" and "剩余200天" in check.reason, check.reason
    finally:
        server.shutdown()
    for name, issued, words in (("expired", {"valid_for": dt.timedelta(days=-3)}, "已于"),
                                ("other", {"names": ("www.other.example",)}, "证书与域名不符")):
        server, base, certs = https_site(tmp_path / name, pages, **issued)
        try:
            crawl, check = https_judged(base, str(certs.ca), today)
        finally:
            server.shutdown()
        assert check.outcome == "fail" and words in check.reason, (name, check.reason)
        assert crawl.tls.verified == ("expired" if name == "expired" else "hostname")


def test_a_plain_http_portal_is_advised_to_enable_https(site):
    pages, base = site
    today = china_today()  # the day a certificate is read on
    tls_pages(pages, today)
    crawl, check = https_judged(base, None, today)
    assert crawl.tls is not None and crawl.tls.url is None
    assert check.outcome == "warn" and "未启用HTTPS" in check.reason


# -- baselines: injected scripts (挂马) and tampering (篡改) ---------------------------------
MENU = ("首页", "政务公开", "政策文件", "通知公告")
NEW_MENU = ("首页", "信息公开", "办事服务", "互动交流", "走进民政")


def home_html(title: str, script: str = "", menu: tuple[str, ...] = MENU) -> str:
    nav = "".join(f'<a href="/col/{i}/index.html">{m}</a>' for i, m in enumerate(menu))
    extra = f'<script src="{script}"></script>' if script else ""
    return (f'<html><head><title>{title}</title><meta name="keywords" content="某某市,民政">{extra}</head><body>'
            f'<nav>{nav}</nav><div class="news"><a href="/art/1.html">今日要闻</a><span>2026-03-25</span></div>'
            f'<footer><a href="/about.html">关于本站</a> 主办：某某市民政局 访问量：12345</footer></body></html>')


def night(engine, portal: Portal, as_of: date):
    """One night as the flow runs it: crawl, read the baseline, judge, load (surface and all)."""
    from warehouse.earlier import baselines
    from warehouse.load import finish_run, load_portal, start_run

    crawl = asyncio.run(crawl_portal_async(portal, as_of, POLICY, observer=PageScan()))
    v = validate(list(crawl.columns), [portal], load_ruleset(), as_of, evidence={portal.id: SiteEvidence()},
                 indicators={portal.id: indicator_evidence(portal, crawl, baseline=baselines(engine, [portal.id]).get(
                     portal.id))})
    run = start_run(engine, as_of, "national-2019@1")
    load_portal(engine, run, portal, list(crawl.columns), v, crawl.home, surface=crawl.surface)
    finish_run(engine, run, ok=True)
    return {c.item: c for c in v.portals[0].indicators}


def test_a_new_script_origin_and_a_redesign_warn_until_accepted_and_gambling_words_fail(site, tmp_path):
    from app.cli import main
    from warehouse.db import make_engine

    pages, base = site
    rows = "".join(f'<li><a href="/art/{i}.html">第{i}期工作简报</a><span>2026-03-{10 + i}</span></li>'
                   for i in range(5))
    pages.add("/col/n/index.html", f'<html><body><div class="list"><ul>{rows}</ul></div></body></html>')
    pages.add("/", home_html("某某市民政局", "https://hm.baidu.com/hm.js"))
    portal = Portal(id="mz", name="某某市民政局", base_url=base, columns=[
        Column(id="gzdt", path=["工作动态"], url="/col/n/index.html", frequency="及时更新", category="news")])
    url = f"sqlite:///{tmp_path / 'w.db'}"
    engine = make_engine(url)
    first = night(engine, portal, AS_OF - dt.timedelta(days=2))
    assert first["script_origins"].outcome == first["defacement"].outcome == "pass"
    assert "首次检查" in first["defacement"].reason
    # since then: a script from a new origin, a new title and a new menu (a redesign, or not)
    pages.add("/", home_html("某某市民政局门户网站", "http://s.counter-example.net/c.js", NEW_MENU))
    second = night(engine, portal, AS_OF - dt.timedelta(days=1))
    origins = second["script_origins"]
    assert origins.outcome == "warn" and "http://s.counter-example.net" in origins.reason
    assert "hm.baidu.com" not in origins.reason  # in the baseline: not new
    deface = second["defacement"]
    assert deface.outcome == "warn" and "2处" in deface.reason
    assert "「某某市民政局」→「某某市民政局门户网站」" in deface.reason
    again = night(engine, portal, AS_OF - dt.timedelta(days=1))  # the same night again: the baseline stays
    assert again["defacement"].outcome == "warn"
    assert main(["baseline", "accept", "mz", "nobody", "--warehouse", url]) == 2  # a portal never read: said, not made
    assert main(["baseline", "accept", "mz", "--warehouse", url]) == 0
    third = night(engine, portal, AS_OF)
    assert third["script_origins"].outcome == third["defacement"].outcome == "pass"
    assert "经人工接受" in third["defacement"].reason
    pages.add("/", home_html("某某市民政局门户网站-澳门百家乐真人娱乐", "http://s.counter-example.net/c.js", NEW_MENU))
    tampered = night(engine, portal, AS_OF)["defacement"]
    assert tampered.outcome == "fail" and "澳门百家乐" in tampered.reason and "访问量" not in tampered.reason


def test_each_probe_reads_the_certificate_and_the_round_names_those_failing_or_expiring(tmp_path, prefect_harness):
    """Three HTTPS portals on loopback, certificates made here: 10 days left, expired 3 days
    ago, 200 days left. The probe-homes flow stores each certificate's last day with its
    probe (the expired one's visit fails, and says why), and its artifact names exactly the
    two that need attention."""
    import json

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, ArtifactFilterKey
    from sqlalchemy import select

    from flows.probes import probe_homes
    from tests.conftest import Pages
    from warehouse.db import make_engine
    from warehouse.models import AvailabilityProbe

    today = china_today()
    pages = Pages()
    tls_pages(pages, today)
    served, portals, authorities = [], [], []
    for pid, days in (("soon", 10), ("old", -3), ("fine", 200)):
        server, base, certs = https_site(tmp_path / pid, pages, valid_for=dt.timedelta(days=days))
        served.append(server)
        authorities.append(certs.ca.read_text())
        portals.append({"id": pid, "name": f"{pid}市人民政府", "base_url": base, "columns": [
            {"id": "tzgg", "path": ["通知公告"], "url": "/col/t/index.html", "frequency": "及时更新"}]})
    (tmp_path / "ca.pem").write_text("".join(authorities))
    catalog = tmp_path / "catalog.yaml"
    catalog.write_text(json.dumps({"allow_private_networks": True, "politeness": {"ca_file": str(tmp_path / "ca.pem")},
                                   "portals": portals}, ensure_ascii=False), encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'probes.db'}"
    try:
        state = probe_homes(catalog=str(catalog), warehouse=url, return_state=True)
    finally:
        for server in served:
            server.shutdown()
    assert state.is_completed() and state.result().probes == 3 and state.result().failed == 1
    with make_engine(url).connect() as conn:
        rows = {r.portal_id: r for r in conn.execute(select(AvailabilityProbe))}
    assert rows["soon"].ok and (rows["soon"].cert_not_after - today).days == 10 and rows["soon"].cert_problem is None
    old = rows["old"]
    assert not old.ok and old.cert_problem == "expired" and (old.cert_not_after - today).days == -3
    assert rows["fine"].ok and (rows["fine"].cert_not_after - today).days == 200
    with get_client(sync_client=True) as client:
        found = client.read_artifacts(artifact_filter=ArtifactFilter(
            key=ArtifactFilterKey(any_=["probe-homes-certificates"]),
            flow_run_id=ArtifactFilterFlowRunId(any_=[state.state_details.flow_run_id])))
    table = json.loads(found[0].data)
    assert [(r["网站"], r["剩余天数"], r["问题"]) for r in table] == [("old", -3, "已过期"), ("soon", 10, "即将到期")]
    assert found[0].description == "2个网站的证书未通过验证或即将到期"
    from extractors.tls import certificate_until

    assert certificate_until(b"\x30\x03\x02\x01\x00") is None  # a body the parser refuses: no date, no crash
