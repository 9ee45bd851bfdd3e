"""A realistic offline portal for a catalog, for demos and end-to-end tests.

Pages follow the TRS WCM shape most Chinese government portals use: a navigation menu
of every column, a site-wide "最新发布" sidebar with today's dates on every page (the
classic trap), list pages paginated as ``index.html``, ``index_1.html`` … through a
``createPageHTML`` script, article pages carrying the national ``PubDate`` metadata.
Some columns are table-shaped with "下一页" links, some are served in GBK, some carry a
pinned (置顶) old item, some say "暂无信息", one explains why it has nothing (说明), some are
dead. A 局长信箱 (``category: consultation``) lists messages answered in time, late and not
at all, with detail pages; the home page carries its own dated 要闻 and 通知公告 blocks and
fails one visit in ``flaky_home`` (a week of probes then warns, 3–5 %). Some are drawn by script, as on
many real portals: a list a script fills from a JSON endpoint (only a browser sees it),
a Hanweb JPaaS unit (read from its API), a list shipped inside an HTML comment. Dates are
relative to the audit date, so the ground truth (``DemoSite.truth``) holds whatever day
the demo runs.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import random
import ssl
import threading
from dataclasses import dataclass, field
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlencode

from portal_audit.catalog import Column, Portal
from validations.rules import Ruleset

from .files import pdf, xlsx

PER_PAGE = 15
SHARES = {"unreachable": 5, "empty": 9, "noted": 1, "stale": 20}  # the rest fresh (static columns: exempt)
FLAKY_HOME = 25  # every 25th visit of the home page fails: 4 % of a week of probes (a warning, not a veto)
_TOPICS = ["工作会议召开", "专项检查情况通报", "政务公开工作推进会", "业务培训班举办", "调研座谈会", "年度考核结果公示",
           "资金分配方案公示", "实施方案印发", "意见征集公告", "办理情况答复", "典型经验交流", "服务指南更新"]


@dataclass
class Article:
    url: str
    title: str
    published_on: date
    column: str
    written_on: date | None = None  # shown in a disclosure metadata table (成文日期) when set
    links: list[tuple[str, str]] = field(default_factory=list)  # (url, text) the page links to


@dataclass
class DemoSite:
    """Generated pages (path → (bytes, content type, status)) and the expected verdicts."""

    portal: Portal
    as_of: date
    pages: dict[str, tuple[bytes, str, int]] = field(default_factory=dict)
    truth: dict[str, str] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    api: dict[str, bytes] = field(default_factory=dict)  # canonical path?query → JSON
    shapes: dict[str, str] = field(default_factory=dict)  # column id → how its list is served
    late: dict[str, str] = field(default_factory=dict)  # message URL → why it is late (the mailbox's truth)
    broken: dict[str, str] = field(default_factory=dict)  # link path → how it is broken (the link check's truth)
    findings: dict[str, str] = field(default_factory=dict)  # rule → the term a content scan must find
    indicators: dict[str, dict[str, str]] = field(default_factory=dict)  # portal → indicator → its outcome
    hidden: set[str] = field(default_factory=set)  # the hidden links planted (暗链): all there are
    attached: set[str] = field(default_factory=set)  # the personal data planted in attachments (masked): all there is
    baseline: tuple[dict[str, str], list[str]] = ({}, [])  # the home page's parts and origins a week ago
    siblings: list[Portal] = field(default_factory=list)  # served beside it (``siblings.py``), base URLs relative
    flaky_home: int | None = FLAKY_HOME
    _home_visits: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def response(self, path: str) -> tuple[bytes, str, int]:
        if path == "/" and self.flaky_home:
            with self._lock:
                self._home_visits += 1
                down = self._home_visits % self.flaky_home == 0
            if down:
                return b"<html><body>502 Bad Gateway</body></html>", "text/html", 502
        if canonical(path) in self.api:
            return self.api[canonical(path)], "application/json; charset=utf-8", 200
        path = path.split("?", 1)[0].split("#", 1)[0]
        if path.endswith("/"):
            path += "index.html"
        if path in self.pages:
            return self.pages[path]
        if path in self.articles:
            return _article_page(self.portal, self.articles[path]), "text/html; charset=utf-8", 200
        return _not_found(), "text/html; charset=utf-8", 404


def canonical(route: str) -> str:
    """A route with its query in canonical order (and paramJson's JSON too), so an API
    answers whatever order a client writes the parameters in."""
    path, _, query = route.partition("?")
    if not query:
        return path
    pairs = []
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key == "paramJson":
            with contextlib.suppress(ValueError):
                value = json.dumps(json.loads(value), sort_keys=True, separators=(",", ":"))
        pairs.append((key, value))
    return f"{path}?{urlencode(sorted(pairs))}"


def _col_dir(col: Column) -> str:
    return f"/col/col{1000 + int(''.join(ch for ch in col.id if ch.isdigit()) or 0)}/"


def _plan(portal: Portal, ruleset: Ruleset, seed: int) -> dict[str, str]:
    rng = random.Random(seed)
    ids = [c.id for c in portal.columns if c.category != "consultation"]
    rng.shuffle(ids)
    plan, i = {}, 0
    for scenario, n in SHARES.items():
        for cid in ids[i:i + n]:
            plan[cid] = scenario
        i += n
    for cid in ids[i:]:
        plan[cid] = "fresh"
    for c in portal.columns:
        if c.category == "consultation":
            plan[c.id] = "mailbox"
    return plan


def _dates(rng: random.Random, scenario: str, allowed: int | None, as_of: date, n: int) -> list[date]:
    """Publish dates, newest first, that make a column ``scenario`` under ``allowed``."""
    allowed = allowed or 30
    if scenario == "stale":
        newest = as_of - timedelta(days=allowed + rng.randint(2, max(3, allowed)))
    else:
        newest = as_of - timedelta(days=rng.randint(0, max(0, allowed - 2)))
    step = max(1, min(allowed, 40) // 3)
    out, d = [], newest
    for _ in range(n):
        out.append(d)
        d -= timedelta(days=rng.randint(1, step))
    return out


def _channels(portal: Portal) -> dict[str, list[Column]]:
    """Top-level channels (一级栏目) and their columns, in catalog order."""
    out: dict[str, list[Column]] = {}
    for c in portal.columns:
        out.setdefault(c.path[0], []).append(c)
    return out


def _channel_href(portal: Portal, top: str) -> str:
    cols = _channels(portal)[top]
    if len(cols) == 1 and len(cols[0].path) == 1:
        return _col_dir(cols[0]) + "index.html"
    return f"/channel/{list(_channels(portal)).index(top) + 1}.html"


def _channel_page(portal: Portal, top: str, sidebar: str) -> str:
    """A channel page: its columns' links grouped under their second-level headings."""
    sections: dict[str, list[Column]] = {}
    for c in _channels(portal)[top]:
        sections.setdefault(c.path[1] if len(c.path) > 2 else "", []).append(c)
    body = "".join(
        f'<div class="sub-col">{f"<h3>{html.escape(head)}</h3>" if head else ""}<ul>'
        + "".join(f'<li><a href="{_col_dir(c)}index.html">{html.escape(c.path[-1])}</a></li>' for c in cols)
        + "</ul></div>" for head, cols in sections.items())
    return _layout(portal, top, f'<div class="channel">{body}</div>', sidebar, "utf-8")


def _layout(portal: Portal, title: str, body: str, sidebar: str, charset: str) -> str:
    nav = "".join(f'<li><a href="{_channel_href(portal, top)}">{html.escape(top)}</a></li>' for top in _channels(portal))
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<meta name="SiteName" content="{html.escape(portal.name)}"><meta name="SiteIDCode" content="{SITE_CODE}"><title>{html.escape(title)}_{html.escape(portal.name)}</title></head>
<body><div class="header"><a href="/">{html.escape(portal.name)}</a></div>
<div class="nav"><ul class="menu">{nav}</ul></div>
<div class="container"><div class="crumb">当前位置：<a href="/">首页</a> &gt; {html.escape(title)}</div>
<div class="main-left">{body}</div>
<div class="main-right">{sidebar}</div></div>
<div class="footer"><ul class="yqlj"><li><a href="http://www.gov.cn/">中国政府网</a> <span>2026-01-01</span></li></ul>
<p>主办：{html.escape(portal.name)} 网站标识码：{SITE_CODE}
<a href="https://beian.miit.gov.cn/" target="_blank">皖ICP备05001234号-1</a> 皖公网安备 34180202000123号</p>
<a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code={SITE_CODE}">我为政府网站找错</a></div>
</body></html>"""


# the footer's identity marks: the site code (meta and footer agree), ICP linked to MIIT, the
# public-security number, the error-report entry — and no 党政机关网站标识 (conac) badge: a
# planted fail of the site_identity indicator
SITE_CODE = "3417000001"
# a block captioned 广告 on the home page (a shop's link, no ad network): the advertising
# indicator's planted warning, for a person to confirm
_AD_BLOCK = ('<div class="gg"><span>广告</span><a href="http://shop.example.com/sale">年终大促 全场五折</a></div>')


# a 暗链 injected into the home page's footer: two gambling links in a box moved off the
# screen, as defaced portals carry them: the hidden_links check's planted fail (严重), and
# the only hidden links the demo has
_HIDDEN_HOST = "http://www.amdc-yule.example.com"
_HIDDEN_BLOCK = (f'<div style="position:absolute;left:-9999px;top:-9999px;"><a href="{_HIDDEN_HOST}/">澳门葡京娱乐城</a>'
                 f'<a href="{_HIDDEN_HOST}/bjl/">百家乐真人娱乐</a></div>')


# since the baseline the demo seeds (its home page as it was a week ago, 暗链 included), the
# home page's title was tampered with gambling words (defacement's planted fail) and a script
# from a new origin added (script_origins' planted warning, 疑似: not on any lexicon)
TAMPERED_WORDS = "-澳门葡京娱乐城官网"
NEW_SCRIPT = "http://js.tj-count.example.net/c.js"


def _tampered(page: str) -> str:
    return page.replace("</title>", TAMPERED_WORDS + "</title>", 1).replace(
        "</head>", f'<script src="{NEW_SCRIPT}"></script></head>', 1)


def _baseline_of(page: str) -> tuple[dict[str, str], list[str]]:
    """The home page's stable parts and its scripts' and frames' origins, as the audit reads them."""
    from extractors.markup import page_doc, page_embeds
    from extractors.surface import home_print
    from portal_audit.urls import origin

    doc = page_doc(page)
    origins = {o for url, tag, _ in page_embeds(doc, "http://127.0.0.1/", False) if (o := origin(url))}
    return home_print(doc), sorted(origins - {"http://127.0.0.1"})


def _reports(site: DemoSite, portal: Portal, as_of: date) -> str:
    """The home page's 年度报告 block, with what the annual indicators must find: last year's
    网站工作年度报表 on time (20 January; not yet out before then, and not yet due), and
    last year's 政府信息公开工作年度报告 of this department 2 days late (2 February; before
    that day the page shows it on 10 January, on time)."""
    year = as_of.year - 1
    planted = [(date(as_of.year, 1, 20), f"{year}年度{portal.name}政府网站工作年度报表"),
               (date(as_of.year, 2, 2) if as_of >= date(as_of.year, 2, 2) else date(as_of.year, 1, 10),
                f"{portal.name}{year}年政府信息公开工作年度报告")]
    rows = []
    for i, (on, title) in enumerate(planted):
        if on > as_of:
            continue
        url = f"/art/{on:%Y%m}/t{on:%Y%m%d}_{9001 + i}.html"  # a page of the home page's own, in no column
        site.pages[url] = (_article_page(portal, Article(url, title, on, "年度报告")), "text/html; charset=utf-8", 200)
        rows.append(f'<li><a href="{url}">{html.escape(title)}</a><span>{on:%Y-%m-%d}</span></li>')
    site.indicators.setdefault(portal.id, {}).update({
                            "annual_report": "fail" if as_of >= date(as_of.year, 2, 2) else "pass",
                            "website_report": "pass", "site_identity": "fail", "advertising": "warn",
                            # no 无障碍/关怀版 entry, no lang on <html>, an icon link without text: serious, not critical
                            "accessibility": "warn", "hidden_links": "fail", "https": "warn",
                            "script_origins": "warn", "defacement": "fail",
                            "ipv6": "unknown"})  # served at 127.0.0.1: an IPv4 address on this machine, not judged
    return f'<div class="ndbg"><div class="hd"><b>年度报告</b></div><ul>{"".join(rows)}</ul></div>' if rows else ""


def _policies(site: DemoSite, portal: Portal, per_column: dict[str, list[Article]], as_of: date) -> None:
    """The policy column's documents with their disclosure tables — formed 3 days before
    they were published, but the newest 45 days before (over 20 working days, whatever the
    holidays) — and its 解读 column's newest, a 解读 of that document linking to it, while
    the document does not link back: the disclosure_days indicator's planted fail and the
    interpretation indicator's planted warning."""
    from validations.articles import working_days_between

    policy = next(c for c in portal.columns if c.category == "policy")
    reading = next(c for c in portal.columns if c.category == "interpretation")
    documents, readings = per_column[policy.id], per_column[reading.id]
    for a in documents:
        a.written_on = a.published_on - timedelta(days=3)
    newest = documents[0]
    newest.written_on = newest.published_on - timedelta(days=45)
    newest.title = f"{portal.name}关于印发《宣城市困难群众基本生活救助家庭经济状况核对办法》的通知"
    explained = readings[0]  # the 解读 column's newest: two days after the document (or today), newest still
    explained.published_on = max(explained.published_on, min(as_of, newest.published_on + timedelta(days=2)))
    explained.title = "《宣城市困难群众基本生活救助家庭经济状况核对办法》政策解读"
    explained.links = [(newest.url, newest.title)]
    counted = working_days_between(newest.written_on, newest.published_on)
    site.indicators.setdefault(portal.id, {}).update(disclosure_days="fail" if counted is not None else "unknown",
                                                     interpretation="warn")


def _sidebar(latest: list[Article]) -> str:
    rows = "".join(f'<li><a href="{a.url}" title="{html.escape(a.title)}">{html.escape(a.title)}</a><span>{a.published_on:%m-%d}</span></li>'
                   for a in latest)
    return f'<div class="zxfb-box"><h3>最新发布</h3><ul class="list">{rows}</ul></div>'


def _trs_list(arts: list[Article], pinned: Article | None, page: int, pages: int) -> str:
    rows = []
    if pinned:
        rows.append(f'<li class="top"><a href="{pinned.url}" title="{html.escape(pinned.title)}"><em>[置顶]</em>{html.escape(pinned.title)}</a>'
                    f'<span class="date">{pinned.published_on:%Y-%m-%d}</span></li>')
    for a in arts:
        rows.append(f'<li><a href="./{a.url.rsplit("/", 2)[-2]}/{a.url.rsplit("/", 1)[-1]}" target="_blank" title="{html.escape(a.title)}">'
                    f'{html.escape(a.title)}</a><span class="date">{a.published_on:%Y-%m-%d}</span></li>')
    half = (len(rows) + 1) // 2  # TRS templates often split a list into blocks
    blocks = f'<ul class="xxgk-list">{"".join(rows[:half])}</ul><div class="line"></div><ul class="xxgk-list">{"".join(rows[half:])}</ul>'
    pager = f'<div class="page"><script language="JavaScript">createPageHTML({pages}, {page}, "index", "html");</script></div>'
    return blocks + pager


def _table_list(arts: list[Article], page: int, pages: int) -> str:
    rows = "".join(f'<tr><td class="bt"><a href="{a.url}">{html.escape(a.title)}</a></td><td class="rq">{a.published_on:%Y年%m月%d日}</td></tr>'
                   for a in arts)
    nxt = f'<a href="index_{page + 1}.html">下一页</a>' if page + 1 < pages else "<span>下一页</span>"
    return f'<table class="gkml"><tr><th>标题</th><th>发布日期</th></tr>{rows}</table><div class="pages">共{pages}页 {nxt}</div>'


_DRAW = """<script>
(function () {
  var box = document.getElementById('list'), tpl = document.getElementById('row').innerHTML;
  var xhr = new XMLHttpRequest();
  xhr.open('GET', '/api/front/list?colId=%s&pageNo=1&pageSize=%d');
  xhr.onload = function () {
    var rows = JSON.parse(xhr.responseText).data.list, out = '';
    for (var i = 0; i < rows.length; i++)
      out += tpl.replace(/{{url}}/g, rows[i].url).replace(/{{title}}/g, rows[i].title).replace(/{{date}}/g, rows[i].pubDate.substring(0, 10));
    box.innerHTML = out || '<li>暂无信息</li>';
  };
  xhr.send();
})();
</script>"""


def _script_shell(colid: str) -> str:
    """A column page whose list a script draws from JSON (Hanweb's newer platform)."""
    return ('<div class="list-main"><ul id="list"></ul></div><script type="text/x-handlebars-template" id="row">'
            '<li><a href="{{url}}" title="{{title}}">{{title}}</a><span>{{date}}</span></li></script>'
            + _DRAW % (colid, PER_PAGE))


def _script_api(site: DemoSite, colid: str, arts: list[Article]) -> None:
    pages = max(1, -(-len(arts) // PER_PAGE))
    for p in range(pages):
        rows = [{"title": a.title, "url": a.url, "pubDate": f"{a.published_on:%Y-%m-%d} 10:00:00"}
                for a in arts[p * PER_PAGE:(p + 1) * PER_PAGE]]
        body = {"code": 200, "data": {"total": len(arts), "pageNo": p + 1, "list": rows}}
        site.api[canonical(f"/api/front/list?colId={colid}&pageNo={p + 1}&pageSize={PER_PAGE}")] = \
            json.dumps(body, ensure_ascii=False).encode()


_UNIT = "/api-gateway/jpaas-publish-server/front/page/build/unit"


def _jpaas_shell(colid: str) -> str:
    """A Hanweb JPaaS column page: its list comes from the page-building unit API."""
    query = {"webId": "demo", "pageId": colid, "tplSetId": "demo-tpl", "tagId": "列表", "paramJson": {"pageNo": 1, "pageSize": PER_PAGE}}
    qd = html.escape(json.dumps(query, ensure_ascii=False).replace('"', "'"))
    return f'<div id="unit-{colid}"></div><script src="/module/jslib/unitbuild.js" url="{_UNIT}" queryData="{qd}"></script>'


def _jpaas_api(site: DemoSite, colid: str, arts: list[Article]) -> None:
    pages = max(1, -(-len(arts) // PER_PAGE))
    for p in range(pages + 1):  # one page past the end: the unit answers an empty list
        rows = "".join(f'<li><a href="{a.url}" title="{html.escape(a.title)}">{html.escape(a.title)}</a>'
                       f'<span>{a.published_on:%Y-%m-%d}</span></li>' for a in arts[p * PER_PAGE:(p + 1) * PER_PAGE])
        markup = f'<ul class="xxgk-list">{rows}</ul>' if rows else '<p class="no-data">暂无信息</p>'
        params = {"webId": "demo", "pageId": colid, "tplSetId": "demo-tpl", "tagId": "列表", "parseType": "bulidstatic",
                  "pageType": "column", "paramJson": json.dumps({"pageNo": p + 1, "pageSize": PER_PAGE})}
        site.api[canonical(f"{_UNIT}?{urlencode(params)}")] = json.dumps(
            {"success": True, "code": "200", "data": {"html": markup}}, ensure_ascii=False).encode()


def _comment_list(arts: list[Article], pinned: Article | None, page: int, pages: int) -> str:
    """A TRS list shipped inside an HTML comment; a script moves it into the page."""
    inner = _trs_list(arts, pinned, page, pages)
    listing, pager = inner.split('<div class="page">', 1)
    return ('<div id="doclist"></div><!--' + listing + '--><script>var c=document.getElementById("doclist");'
            'c.innerHTML=c.nextSibling.nodeValue;</script><div class="page">' + pager)


SCRIPT_SHAPES = {6: "script", 9: "jpaas", 11: "comment"}  # index % 13 → shape


def _article_page(portal: Portal, a: Article) -> bytes:
    meta = ""
    if a.written_on is not None:  # the gov.cn disclosure table: label cells before value cells
        meta = (f'<table class="xxgk"><tr><td><b>索 引 号：</b></td><td>11341800MB1234567X/{a.written_on.year}-'
                f'{abs(hash(a.url)) % 100000:05d}</td><td><b>发文机关：</b></td><td>{html.escape(portal.name)}</td></tr>'
                f'<tr><td><b>成文日期：</b></td><td>{a.written_on:%Y年%m月%d日}</td>'
                f'<td><b>发布日期：</b></td><td>{a.published_on:%Y年%m月%d日}</td></tr></table>')
    related = "".join(f'<p>{"原文链接" if "解读" in a.title else "相关解读"}：<a href="{u}">{html.escape(t)}</a></p>'
                      for u, t in a.links)
    body = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="SiteName" content="{html.escape(portal.name)}"><meta name="ColumnName" content="{html.escape(a.column)}">
<meta name="ArticleTitle" content="{html.escape(a.title)}"><meta name="PubDate" content="{a.published_on:%Y-%m-%d} 09:30">
<title>{html.escape(a.title)}</title></head><body>{meta}<h1>{html.escape(a.title)}</h1>
<div class="info">发布时间：{a.published_on:%Y-%m-%d} 09:30 来源：{html.escape(portal.name)}</div><p>正文。</p>{related}
</body></html>"""
    return body.encode("utf-8")


def _not_found() -> bytes:
    return b"<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1></body></html>"


def build_site(portal: Portal, ruleset: Ruleset, as_of: date, seed: int = 2019) -> DemoSite:
    """Generate every page of the demo portal and the verdict each column should get."""
    rng = random.Random(seed)
    plan = _plan(portal, ruleset, seed)
    site = DemoSite(portal=portal, as_of=as_of)
    per_column: dict[str, list[Article]] = {}
    serial = 1000
    for col in portal.columns:
        category, allowed = ruleset.allowance(col, as_of)
        scenario = plan[col.id]
        site.truth[col.id] = "exempt" if (allowed is None and scenario in ("fresh", "stale")) \
            or scenario in ("noted", "mailbox") else scenario
        if scenario == "mailbox":
            per_column[col.id] = []
            _mailbox(site, col, as_of, rng)
            continue
        if scenario in ("empty", "unreachable", "noted"):
            per_column[col.id] = []
            continue
        n = rng.choice([3, 8, 14, 22, 37])
        arts = []
        for d in _dates(rng, scenario, allowed, as_of, n):
            serial += 1
            topic = rng.choice(_TOPICS)
            title = f"{col.path[-1]}{topic}" if rng.random() < 0.7 else f"关于{d.year - 1}年度{col.path[-1]}{topic}的说明"
            url = f"{_col_dir(col)}{d:%Y%m}/t{d:%Y%m%d}_{serial}.html"
            arts.append(Article(url, title, d, col.path[-1]))
            site.articles[url] = arts[-1]
        per_column[col.id] = arts

    _policies(site, portal, per_column, as_of)
    news = next(c for c in portal.columns if plan[c.id] == "fresh" and per_column.get(c.id)
                and ruleset.infer_category(c) == "news")
    per_column[news.id][0].title = "深入学习贯彻党十九大精神暨" + per_column[news.id][0].title  # 党的十九大: 严重表述错误
    everything = sorted(site.articles.values(), key=lambda a: a.published_on, reverse=True)
    latest = [a for a in everything if a.published_on == as_of] or everything[:8]
    while len(latest) < 8:  # the sidebar always shows "today": the trap it sets is the point
        serial += 1
        a = Article(f"/art/{as_of:%Y%m}/t{as_of:%Y%m%d}_{serial}.html", f"全市{rng.choice(_TOPICS)}", as_of, "最新发布")
        site.articles[a.url] = a
        latest.append(a)
    sidebar = _sidebar(latest[:8])

    for index, col in enumerate(portal.columns):
        base = _col_dir(col)
        scenario = plan[col.id]
        gbk = index % 9 == 4
        charset = "gb2312" if gbk else "utf-8"
        if scenario == "unreachable":
            if index % 2:  # a dead column: some 404, some broken server
                site.pages[base + "index.html"] = (b"<html><body>Service Unavailable</body></html>", "text/html", 503)
            continue
        if scenario == "mailbox":
            continue
        arts = per_column[col.id]
        title = col.path[-1]
        if scenario == "noted":
            note = f'<div class="xxgk-list"><p class="note">说明：本机关{as_of.year}年未产生此类信息。</p></div>'
            site.pages[base + "index.html"] = (_layout(portal, title, note, sidebar, "utf-8").encode(),
                                               "text/html; charset=utf-8", 200)
            continue
        shape = SCRIPT_SHAPES.get(index % 13)
        if shape in ("script", "jpaas"):  # drawn by script: the static page holds no list
            site.shapes[col.id] = shape
            colid = base.strip("/").rsplit("col", 1)[-1]
            (_script_api if shape == "script" else _jpaas_api)(site, colid, arts)
            shell = (_script_shell if shape == "script" else _jpaas_shell)(colid)
            site.pages[base + "index.html"] = (_layout(portal, title, shell, sidebar, "utf-8").encode(),
                                               "text/html; charset=utf-8", 200)
            continue
        if not arts:
            page_html = _layout(portal, title, '<div class="xxgk-list"><p class="no-data">暂无信息</p></div>', sidebar, charset)
            site.pages[base + "index.html"] = (page_html.encode("gb18030" if gbk else "utf-8"), f"text/html; charset={charset}", 200)
            continue
        pinned = None
        if index % 7 == 3:
            old = date(as_of.year - 5, 3, 1)
            serial += 1
            pinned = Article(f"{base}{old:%Y%m}/t{old:%Y%m%d}_{serial}.html", f"{title}工作制度（置顶）", old, title)
            site.articles[pinned.url] = pinned
        shape = shape or ("table" if index % 5 == 2 else "trs")
        site.shapes[col.id] = shape
        pages = max(1, -(-len(arts) // PER_PAGE))
        for p in range(pages):
            chunk = arts[p * PER_PAGE:(p + 1) * PER_PAGE]
            if shape == "comment":
                body = _comment_list(chunk, pinned if p == 0 else None, p, pages)
            elif shape == "table":
                body = _table_list(chunk, p, pages)
            else:
                body = _trs_list(chunk, pinned if p == 0 else None, p, pages)
            page_html = _layout(portal, title, body, sidebar, charset)
            name = "index.html" if p == 0 else f"index_{p}.html"
            site.pages[base + name] = (page_html.encode("gb18030" if gbk else "utf-8"), f"text/html; charset={charset}" if not gbk else "text/html", 200)

    home = _home_body(portal, per_column) + _reports(site, portal, as_of) + _AD_BLOCK
    week_ago = _layout(portal, "首页", home, sidebar, "utf-8").replace("</div>\n</body>", _HIDDEN_BLOCK + "</div>\n</body>")
    home_page = _tampered(week_ago)
    site.baseline = _baseline_of(week_ago)
    site.pages["/index.html"] = (home_page.encode(), "text/html; charset=utf-8", 200)
    site.pages["/zt/old.html"] = (_SOFT_404.encode(), "text/html; charset=utf-8", 200)
    site.pages["/zt/rank.html"] = (_layout(portal, "排行", "<p>访问排行</p>", "", "utf-8").encode(), "text/html; charset=utf-8", 200)
    site.pages["/images/icon-rank.png"] = (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png", 200)
    site.pages["/uploads/2025/guide.pdf"] = (pdf(["Guide to government services", "Office hours 9:00-17:00"]),
                                             "application/pdf", 200)
    site.pages[ATTACHMENT] = (xlsx([["序号", "姓名", "身份证号", "救助金额"], [1, "李某某", ATTACHED_ID, 800]]),
                              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 200)
    site.broken = {"/zt/2019/index.html": "HTTP 404", "/zt/old.html": "soft 404", "/images/banner-2019.jpg": "HTTP 404"}
    site.findings = {"phrase": "党十九大", "id_card": DEMO_ID[:6] + "*" * 8 + DEMO_ID[-4:],
                     "mobile": DEMO_MOBILE[:3] + "****" + DEMO_MOBILE[-4:]}
    site.hidden = {f"{_HIDDEN_HOST}/", f"{_HIDDEN_HOST}/bjl/"}
    site.attached = {ATTACHED_ID[:6] + "*" * 8 + ATTACHED_ID[-4:]}
    for top in _channels(portal):
        href = _channel_href(portal, top)
        if href.startswith("/channel/"):
            site.pages[href] = (_channel_page(portal, top, sidebar).encode(), "text/html; charset=utf-8", 200)
    site.pages["/robots.txt"] = (b"User-agent: *\nDisallow: /admin/\n", "text/plain", 200)
    return site


def _home_body(portal: Portal, per_column: dict[str, list[Article]]) -> str:
    """The home page's own blocks: the newest items of its news and notice columns."""
    def block(name: str, cls: str, words: tuple[str, ...]) -> str:
        cols = [c for c in portal.columns if any(w in "".join(c.path) for w in words)]
        arts = sorted((a for c in cols for a in per_column.get(c.id, [])), key=lambda a: a.published_on, reverse=True)[:7]
        rows = "".join(f'<li><a href="{a.url}" title="{html.escape(a.title)}">{html.escape(a.title)}</a>'
                       f'<span>{a.published_on:%Y-%m-%d}</span></li>' for a in arts)
        return f'<div class="{cls}"><div class="hd"><b>{name}</b><a href="#">更多</a></div><ul>{rows}</ul></div>'

    return ('<div class="banner">政务公开</div>' + block("工作动态", "gzdt", ("動態", "动态", "工作"))
            + block("通知公告", "tzgg", ("通知", "公告", "公示")) + _HOME_EXTRAS)


# the home page's special-topic block and a 公示 table, with what a monitoring platform would
# catch: a dead topic page, a page that says it is gone (soft 404), a missing image, an
# attachment that works, an icon link without a title, an ID number and a mobile number
DEMO_ID = "342501198803154215"  # a valid check digit (GB 11643): a real-looking leak
DEMO_MOBILE = "13905631234"
# … and a 公示 spreadsheet linked beside it, with another ID number inside (the attachment check's planted leak)
ATTACHED_ID = "342501199001011233"
ATTACHMENT = "/uploads/2026/jzmd.xlsx"
_HOME_EXTRAS = (
    '<div class="ztzl"><div class="hd"><b>专题专栏</b></div><ul>'
    '<li><a href="/zt/2019/index.html">不忘初心 牢记使命主题教育</a></li>'
    '<li><a href="/zt/old.html">第七次全国人口普查</a></li>'
    '<li><a href="/uploads/2025/guide.pdf">政务服务事项办事指南（PDF）</a></li>'
    '<li><a href="/zt/rank.html"><img src="/images/icon-rank.png" alt=""></a></li></ul>'
    '<img class="banner" src="/images/banner-2019.jpg" alt="主题宣传"></div>'
    '<div class="gsgg"><div class="hd"><b>公示</b></div><table class="gs"><tr><th>姓名</th><th>身份证号</th><th>联系电话</th></tr>'
    f'<tr><td>张某某</td><td>{DEMO_ID}</td><td>{DEMO_MOBILE}</td></tr></table>'
    f'<p>附件：<a href="{ATTACHMENT}">2026年第一季度临时救助对象名单（Excel）</a></p></div>')
_SOFT_404 = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>提示信息</title></head><body>'
             '<div class="error"><p>对不起，您访问的页面不存在或已删除！</p><a href="/">返回首页</a></div></body></html>')


_MAILBOX = [  # (title, days before the audit it was asked, days it took to answer: None unanswered, state shown)
    ("咨询城乡低保申请条件", 6, 3, "已回复"),
    ("关于高龄津贴发放时间的咨询", 20, 5, "已回复"),
    ("养老机构床位补贴如何申领", 45, 12, None),  # the list shows no answer date: the detail page has it
    ("反映社区养老服务站未开放", 70, None, "办理中"),  # not yet 3 months: not late
    ("咨询婚姻登记预约办法", 130, 125, "已回复"),  # answered after more than 3 months: late
    ("关于殡葬惠民政策的咨询", 150, None, "未回复"),  # unanswered for about 5 months: late
    ("咨询社会组织年检材料", 200, 9, "已回复"),
    ("关于临时救助标准的咨询", 420, None, "未回复"),  # over a year before the check: outside the rule
]


def _mailbox(site: DemoSite, col: Column, as_of: date, rng: random.Random) -> None:
    """A 局长信箱: a table of messages with 留言时间/回复时间/办理状态, and detail pages."""
    base = _col_dir(col)
    rows = []
    for n, (title, ago, took, shown) in enumerate(_MAILBOX, start=1):
        asked = as_of - timedelta(days=ago)
        answered = asked + timedelta(days=took) if took is not None else None
        url = f"{base}letter/{n:04d}.html"
        state = shown or "已回复"
        list_answer = f"{answered:%Y-%m-%d}" if answered and shown else ""
        rows.append(f'<tr><td>{n}</td><td class="bt"><a href="{url}" title="{title}">{title}</a></td>'
                    f'<td>{asked:%Y-%m-%d}</td><td>{list_answer}</td><td>{state}</td></tr>')
        reply = (f'<div class="reply"><p>答复单位：{html.escape(col.responsible or "办公室")}</p>'
                 f'<p>答复时间：{answered:%Y-%m-%d}</p><p>答复内容：您好，来信收悉。……</p></div>') if answered else \
            '<div class="reply"><p>办理状态：' + state + '</p></div>'
        detail = (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>'
                  f'<h1>{title}</h1><p>留言时间：{asked:%Y-%m-%d} 10:{rng.randint(10, 59)}</p><p>留言内容：……</p>'
                  f'{reply}</body></html>')
        site.pages[url] = (detail.encode(), "text/html; charset=utf-8", 200)
        if ago <= 365 and ((answered and (answered - asked).days > 92) or (answered is None and ago > 92)):
            site.late[url] = "answered late" if answered else "unanswered"
    table = ('<table class="xxlb"><tr><th>序号</th><th>信件标题</th><th>留言时间</th><th>回复时间</th><th>办理状态</th></tr>'
             + "".join(rows) + "</table>")
    site.pages[base + "index.html"] = (_layout(site.portal, col.path[-1], table, "", "utf-8").encode(),
                                       "text/html; charset=utf-8", 200)


def column_url(col: Column) -> str:
    """The path the demo serves a column's list at (what the demo catalog says)."""
    return _col_dir(col) + "index.html"


class _Handler(BaseHTTPRequestHandler):
    site: DemoSite  # anything with .response(path) -> (body, content type, status)

    def do_POST(self) -> None:
        """A form POST (as TRS search endpoints take them) answers as a GET with the form's
        fields in the query."""
        length = min(int(self.headers.get("Content-Length") or 0), 1 << 20)
        form = self.rfile.read(length).decode("utf-8", errors="replace") if length else ""
        if form and "form-urlencoded" in (self.headers.get("Content-Type") or ""):
            self.path += ("&" if "?" in self.path else "?") + form
        self.do_GET()

    def do_GET(self) -> None:
        extra: list[dict[str, str]]  # a test site may answer with headers of its own
        body, ctype, status, *extra = self.site.response(self.path)
        if status == 200:  # conditional requests, as real web servers answer them
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            extra = [{**(extra[0] if extra else {}), "ETag": etag}]
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for name, value in (extra[0] if extra else {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # quiet
        pass


def serve(site, host: str = "127.0.0.1", port: int = 0, tls: ssl.SSLContext | None = None
          ) -> tuple[ThreadingHTTPServer, str]:
    """Serve ``site`` (a DemoSite, or any object with ``response(path)``) in a daemon
    thread, over HTTPS with ``tls`` (a server context: ``demo/tls.py``); returns the server
    and its base URL."""
    handler = type("DemoHandler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    if tls is not None:  # each connection's handshake in its own thread, on its first read
        server.socket = tls.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    threading.Thread(target=server.serve_forever, args=(0.05,), name="demo-portal", daemon=True).start()  # stops in 0.05 s, not 0.5
    return server, f"{'https' if tls else 'http'}://{host}:{server.server_address[1]}/"
