"""Build the labelled list-page corpus: tests/corpus/site/** and tests/corpus/labels.json.

Each case is one column of a portal built the way real Chinese government CMSs build them
(TRS WCM, Hanweb/大汉 JCMS, 政府信息公开 tables, card lists, column-index-N.shtml,
traditional-script renderings, year-less dates, date-less lists with article pages, empty
placeholders, mis-declared charsets), wrapped in the usual chrome: a long navigation menu,
a breadcrumb, a "最新发布/热点信息" sidebar dated today, friend links in the footer.
The labels are the items a person reading the pages would list, with their publish dates.

Run from the repo root: python tests/corpus/build.py   (deterministic; commit the output)
"""

from __future__ import annotations

import html
import importlib.util
import json
import random
import shutil
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parents[1]))  # the repo: the demo's canonical query form
sys.path.insert(0, str(HERE))

from kit import Kit  # noqa: E402

SITE = HERE / "site"
AS_OF = date(2025, 6, 30)
rng = random.Random(20240614)

TOPICS = ["关于开展2025年度安全生产大检查的通知", "全市民政工作会议召开", "2024年第四季度低保资金发放情况公示", "养老服务机构等级评定结果公示",
          "关于征集2025年民生实事项目意见的公告", "社会组织年检结论公告", "临时救助政策解读", "政务公开工作要点分工",
          "城乡低保标准调整的通知", "困难残疾人生活补贴发放名单", "社区治理工作推进会召开", "第二季度重点工作完成情况",
          "行政许可决定公示", "行政处罚决定书", "关于印发《实施方案》的通知", "召开专题会议研究部署防汛工作"]
NAV = ["首页", "机构概况", "政务公开", "政策文件", "政策解读", "通知公告", "工作动态", "人事信息", "规划计划", "财政资金",
       "应急管理", "重点领域", "政务服务", "互动交流", "依申请公开", "公开指南", "公开年报", "专题专栏", "办事指南", "联系我们",
       "领导信息", "内设机构", "部门文件", "规范性文件", "建议提案", "新闻发布", "回应关切", "社会救助", "养老服务", "社会组织"]

labels: list[dict] = []
pages_written = 0


def write(path: str, body: str, encoding: str = "utf-8") -> None:
    global pages_written
    name = path.lstrip("/").replace("?", "@")
    target = SITE / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(body.encode(encoding))


def dates_desc(n: int, newest: date, max_step: int = 9) -> list[date]:
    out, d = [], newest
    for _ in range(n):
        out.append(d)
        d -= timedelta(days=rng.randint(1, max_step))
    return out


def titles(n: int, prefix: str = "") -> list[str]:
    return [f"{prefix}{rng.choice(TOPICS)}（{i + 1}）" for i in range(n)]


def chrome(title: str, body: str, charset: str = "utf-8", sidebar: str = "", trad: bool = False, site: str = "某某市民政局") -> str:
    nav = "".join(f'<li><a href="/{i}/">{n}</a></li>' for i, n in enumerate(NAV))
    today = [(f"/col/col9{i}/202506/t20250630_{900 + i}.html", rng.choice(TOPICS)) for i in range(7)]
    side = sidebar or (
        '<div class="fr w300"><div class="tit"><span>' + ("熱點信息" if trad else "最新发布") + '</span><a href="/zxfb/">更多&gt;&gt;</a></div><ul>'
        + "".join(f'<li><a href="{u}" title="{html.escape(t)}">{html.escape(t)}</a><span>{AS_OF:%m-%d}</span></li>' for u, t in today)
        + "</ul></div>")
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<meta name="SiteName" content="{site}" /><meta name="ColumnName" content="{html.escape(title)}" />
<title>{html.escape(title)}-{site}</title><link rel="stylesheet" href="/css/style.css" /></head>
<body><div class="top-bar"><a href="/">{site}</a> | <a href="/wza/">无障碍</a> | <a href="/en/">English</a></div>
<div class="header"><img src="/images/logo.png" alt="{site}" /></div>
<div class="mainnav"><ul>{nav}</ul></div>
<div class="wrap clearfix"><div class="position">您现在的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <span>{html.escape(title)}</span></div>
<div class="fl w880"><div class="column-title">{html.escape(title)}</div>{body}</div>{side}</div>
<div class="foot"><div class="links"><a href="http://www.gov.cn/">中国政府网</a><a href="http://www.ah.gov.cn/">安徽省人民政府</a></div>
<p>版权所有：{site} 网站标识码：3417000016 皖ICP备05003513号 更新时间：{AS_OF:%Y-%m-%d}</p></div></body></html>"""


def add_case(case: str, shape: str, start: str, items: Sequence[tuple[str, date | None]], list_pages: int,
             empty: bool = False, newest: date | None = None, note: str = "") -> None:
    global pages_written
    pages_written += list_pages
    dated = [d for _, d in items if d]
    labels.append({"case": case, "shape": shape, "start": start, "pages": list_pages, "empty": empty, "note": note,
                   "newest": (newest or (max(dated) if dated else None)) and (newest or max(dated)).isoformat(),
                   "items": [{"url": u, "published_on": d.isoformat() if d else None} for u, d in items]})


def article(url: str, title: str, d: date, style: str = "meta") -> None:
    if style == "meta":
        head = f'<meta name="PubDate" content="{d:%Y-%m-%d} 16:01" /><meta name="ArticleTitle" content="{html.escape(title)}" />'
        info = ""
    elif style == "gkml":
        head = ""
        info = (f'<table class="xxgk_table"><tr><th>索引号：</th><td>11341700003244799H/{d:%Y%m}-00023</td><th>组配分类：</th><td>工作推进</td></tr>'
                f'<tr><th>发布机构：</th><td>某某市民政局</td><th>主题分类：</th><td>民政、扶贫、救灾</td></tr>'
                f'<tr><th>名称：</th><td colspan="3">{html.escape(title)}</td></tr><tr><th>文号：</th><td></td><th>生成日期：</th><td>{d - timedelta(days=2):%Y-%m-%d}</td></tr>'
                f'<tr><th>发布日期：</th><td>{d:%Y-%m-%d}</td></tr></table>')
    else:
        head = ""
        info = f'<div class="info">发布时间：{d:%Y-%m-%d} 09:30 来源：某某市民政局 浏览次数：<span>128</span></div>'
    write(url, f'<html><head><meta charset="utf-8" />{head}<title>{html.escape(title)}</title></head><body>'
               f'<div class="position">首页 &gt; 政务公开</div>{info}<h1>{html.escape(title)}</h1><p>根据2019年12月1日印发的文件要求，现将有关事项通知如下。</p></body></html>')


# 1. TRS WCM ------------------------------------------------------------------------
def trs(case: str, colid: int, n: int, newest: date, charset: str = "utf-8", pinned: bool = False, per: int = 20) -> None:
    base = f"/col/col{colid}/"
    ds, ts = dates_desc(n, newest), titles(n)
    urls = [f"{base}{d:%Y%m}/t{d:%Y%m%d}_{colid}{i:03d}.html" for i, d in enumerate(ds)]
    items = list(zip(urls, ds))
    pages = -(-n // per)
    enc = "gb18030" if charset.lower().startswith("gb") else "utf-8"
    for p in range(pages):
        rows = []
        if pinned and p == 0:
            old = date(2019, 3, 1)
            u = f"{base}201903/t20190301_{colid}999.html"
            rows.append(f'<li class="top"><img src="/images/zd.gif" alt="置顶" /><a href="./201903/t20190301_{colid}999.html" target="_blank">政务公开工作制度汇编</a><span>{old:%Y-%m-%d}</span></li>')
            items.insert(0, (u, old))
        for u, d, t in list(zip(urls, ds, ts))[p * per:(p + 1) * per]:
            rel = "./" + u[len(base):]
            rows.append(f'<li><a href="{rel}" target="_blank" title="{html.escape(t)}">{html.escape(t)}</a><span>{d:%Y-%m-%d}</span></li>')
        half = len(rows) // 2
        body = (f'<div class="list-box"><ul class="doc_list">{"".join(rows[:half])}</ul><div class="hr"></div><ul class="doc_list">{"".join(rows[half:])}</ul></div>'
                f'<div class="page_num"><script language="JavaScript">var currentPage = {p};var countPage = {pages};'
                f'createPageHTML(countPage, currentPage, "index", "html");</script></div>')
        write(f"{base}{'index' if p == 0 else f'index_{p}'}.html", chrome("工作动态", body, charset), enc)
    add_case(case, "trs", f"{base}index.html", items, pages, note=f"TRS, {charset}{', pinned' if pinned else ''}")


# 2. Hanweb JCMS --------------------------------------------------------------------------
def hanweb(case: str, colid: int, total: int, per: int, newest: date, bracket: bool = False) -> None:
    ds, ts = dates_desc(total, newest, 5), titles(total)
    urls = [f"/art/{d.year}/{d.month}/{d.day}/art_{colid}_{5000 + i}.html" for i, d in enumerate(ds)]

    def record(i: int) -> str:
        when = f"[{ds[i]:%Y-%m-%d}]" if bracket else f"{ds[i]:%Y-%m-%d}"
        return (f'<record><![CDATA[\n<li><a href="{urls[i]}" target="_blank" title="{html.escape(ts[i])}">{html.escape(ts[i])}</a>'
                f'<span class="bt-data-time">{when}</span></li>]]></record>')

    params = f"col=1&appid=1&webid=25&path=%2F&columnid={colid}&sourceContentType=1&unitid=39117&webname=%E6%9F%90%E6%9F%90%E5%B8%82&permissiontype=0"
    first = range(0, min(total, per * 3))
    store = (f'<div id="39117"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&{params}"></a>]]></nextgroup>'
             f'<recordset>{"".join(record(i) for i in first)}</recordset></datastore></script>'
             f'<script language="javascript" src="/module/web/jpage/jquery.jpage.js"></script>'
             f'<script>$("#39117").jpage({{dataStore: dataStore, perPage: {per}, totalRecord: {total}, proxyUrl: "/module/web/jpage/dataproxy.jsp", groupSize: 3}});</script></div>')
    write(f"/col/col{colid}/index.html", chrome("通知公告", store))
    n_pages = 1
    start = len(first) + 1
    while start <= total:
        end = min(total, start + per * 3 - 1)
        q = f"startrecord={start}&endrecord={end}&perpage={per}&{params}"
        xml = (f'<?xml version="1.0" encoding="utf-8"?><datastore><nextgroup><![CDATA[]]></nextgroup><recordset>'
               f'{"".join(record(i) for i in range(start - 1, end))}</recordset><totalrecord>{total}</totalrecord></datastore>')
        write(f"/module/web/jpage/dataproxy.jsp?{q}", xml)
        n_pages += 1
        start = end + 1
    add_case(case, "hanweb", f"/col/col{colid}/index.html", list(zip(urls, ds)), n_pages, note="Hanweb datastore + dataproxy.jsp")


# 3. 政府信息公开 tables, GBK, 下一页 ?page=N --------------------------------------------------
def gkml(case: str, colid: int, n: int, newest: date, per: int = 15, wenhao: bool = False) -> None:
    ds, ts = dates_desc(n, newest, 12), titles(n)
    urls = [f"/xxgk/{colid}/{d:%Y%m}/t{d:%Y%m%d}_{i}.shtml" for i, d in enumerate(ds)]
    pages = -(-n // per)
    for p in range(pages):
        rows = "".join(
            f'<tr><td>11341700003244799H/{d:%Y%m}-{i:05d}</td><td class="tl"><a href="{u}" title="{html.escape(t)}">{html.escape(t)}</a></td>'
            + (f"<td>民政〔{d.year}〕{i}号</td>" if wenhao else "") + f"<td>{d:%Y-%m-%d}</td></tr>"
            for i, (u, d, t) in enumerate(list(zip(urls, ds, ts))[p * per:(p + 1) * per]))
        head = "<tr><th>索引号</th><th>名称</th>" + ("<th>文号</th>" if wenhao else "") + "<th>发布日期</th></tr>"
        nav = f'<a href="gkml.jsp?page={p}">上一页</a> ' if p else ""
        nav += f'<a href="gkml.jsp?page={p + 2}">下一页</a>' if p + 1 < pages else ""
        body = f'<table class="gkml_list" width="100%">{head}{rows}</table><div class="fanye">共{n}条 第{p + 1}/{pages}页 {nav}</div>'
        path = f"/xxgk/{colid}/gkml.jsp" + (f"?page={p + 1}" if p else "")
        write(path, chrome("政府信息公开目录", body, "gb2312"), "gb18030")
    add_case(case, "table", f"/xxgk/{colid}/gkml.jsp", list(zip(urls, ds)), pages, note="gkml table, GBK, 下一页")


# 4. card / div list, numbered ?page=N links -------------------------------------------------
def cards(case: str, n: int, newest: date, per: int = 8) -> None:
    ds, ts = dates_desc(n, newest, 4), titles(n, "【工作动态】")
    urls = [f"/news/detail/{d:%Y%m%d}{i:02d}.html" for i, d in enumerate(ds)]
    pages = -(-n // per)
    for p in range(pages):
        cards_html = "".join(
            f'<div class="news-item"><div class="pic"><img src="/upload/{i}.jpg" alt="" /></div><div class="txt"><h3><a href="{u}">{html.escape(t)}</a></h3>'
            f'<p class="summary">近日，我局召开专题会议，研究部署2025年重点工作……</p><div class="time">{d:%Y年%m月%d日}</div></div></div>'
            for i, (u, d, t) in enumerate(list(zip(urls, ds, ts))[p * per:(p + 1) * per]))
        nums = " ".join(f"<span class='cur'>{k + 1}</span>" if k == p else f'<a href="/news/list.html?page={k + 1}">{k + 1}</a>' for k in range(pages))
        write("/news/list.html" + (f"?page={p + 1}" if p else ""), chrome("工作动态", f'<div class="news-list">{cards_html}</div><div class="pagination">{nums}</div>'))
    add_case(case, "cards", "/news/list.html", list(zip(urls, ds)), pages, note="card list, numbered ?page=N")


# 5. column-index-N.shtml with <em>[date]</em> ----------------------------------------------------
def column_index(case: str, n: int, newest: date, per: int = 12) -> None:
    ds, ts = dates_desc(n, newest, 15), titles(n)
    urls = [f"/zwgk/tzgg/{d:%Y%m}/{d:%Y%m%d}{i:03d}.shtml" for i, d in enumerate(ds)]
    pages = -(-n // per)
    for p in range(pages):
        rows = "".join(f'<li><a href="{u}" target="_blank">{html.escape(t)}</a><em>[{d:%Y-%m-%d}]</em></li>'
                       for u, d, t in list(zip(urls, ds, ts))[p * per:(p + 1) * per])
        links = " ".join(f'<a href="column-index-{k + 1}.shtml">{k + 1}</a>' for k in range(pages))
        nxt = f' <a href="column-index-{p + 2}.shtml">下一页</a>' if p + 1 < pages else ""
        write(f"/zwgk/tzgg/column-index-{p + 1}.shtml", chrome("通知公告", f'<ul class="list-ul">{rows}</ul><div class="page">{links}{nxt}</div>'))
    add_case(case, "column-index", "/zwgk/tzgg/column-index-1.shtml", list(zip(urls, ds)), pages, note="column-index-N.shtml, <em>[date]</em>")


# 6. traditional-script rendering with pinyin notes, 下一頁 -------------------------------------------
def traditional(case: str, n: int, newest: date, per: int = 10) -> None:
    ds = dates_desc(n, newest, 20)
    ts = [f"鄉(xiāng)鎮(zhèn)民政工作推進會召開（{i + 1}）" if i % 2 else f"關于做好城鄉(xiāng)低保工作的通知（{i + 1}）" for i in range(n)]
    urls = [f"/fanti/zwdt/{d:%Y%m}/t{d:%Y%m%d}_{i}.html" for i, d in enumerate(ds)]
    pages = -(-n // per)
    for p in range(pages):
        rows = "".join(f'<li><span class="date">{d.year}年{d.month}月{d.day}日</span><a href="{u}">{t}</a></li>'
                       for u, d, t in list(zip(urls, ds, ts))[p * per:(p + 1) * per])
        nxt = f'<a href="index_{p + 1}.html">下一頁</a>' if p + 1 < pages else ""
        write(f"/fanti/zwdt/{'index' if p == 0 else f'index_{p}'}.html",
              chrome("工作動態", f'<ul class="xwlb">{rows}</ul><div class="fy">{nxt}</div>', trad=True, site="某某市民政局（繁體版）"))
    add_case(case, "traditional", "/fanti/zwdt/index.html", list(zip(urls, ds)), pages, note="traditional, pinyin notes, 下一頁")


# 7. year-less dates, iList.jsp?cur_page=N --------------------------------------------------------
def yearless(case: str, n: int, newest: date, per: int = 10) -> None:
    ds, ts = dates_desc(n, newest, 14), titles(n)
    urls = [f"/module/iList/detail.jsp?id={7000 + i}" for i in range(n)]
    pages = -(-n // per)
    for p in range(pages):
        rows = "".join(f'<tr><td><a href="{u}">{html.escape(t)}</a></td><td class="date">{d:%m-%d}</td></tr>'
                       for u, d, t in list(zip(urls, ds, ts))[p * per:(p + 1) * per])
        nums = " ".join(f'<a href="iList.jsp?cur_page={k + 1}&amp;catid=12">[{k + 1}]</a>' for k in range(pages))
        write("/module/iList/iList.jsp" + (f"?cur_page={p + 1}&catid=12" if p else "?catid=12"),
              chrome("部门动态", f'<table class="ilist">{rows}</table><div>{nums}</div>'))
    add_case(case, "yearless", "/module/iList/iList.jsp?catid=12", list(zip(urls, ds)), pages, note="MM-DD dates, cur_page")


# 8. date-less lists, dates on the article pages ---------------------------------------------------
def dateless(case: str, colid: int, n: int, newest: date, style: str) -> None:
    ds, ts = dates_desc(n, newest, 30), titles(n)
    urls = [f"/col/col{colid}/art/{i}.html" for i in range(n)]
    for u, d, t in zip(urls, ds, ts):
        article(u, t, d, style)
    rows = "".join(f'<li><a href="{u}" title="{html.escape(t)}">{html.escape(t)}</a></li>' for u, t in zip(urls, ts))
    write(f"/col/col{colid}/index.html", chrome("规划计划", f'<ul class="nodate">{rows}</ul>'))
    # only the probed (newest) items get dates; the label says what a reader learns from the list
    add_case(case, "dateless", f"/col/col{colid}/index.html", [(u, None) for u in urls], 1, newest=newest,
             note=f"date-less list, article dates via {style}")


# 9. empty placeholders ------------------------------------------------------------------------------
def empty(case: str, path: str, text: str, trad: bool = False) -> None:
    write(path, chrome("年度报表", f'<div class="list-box"><div class="no-data">{text}</div></div>', trad=trad))
    add_case(case, "empty", path, [], 1, empty=True, note=text)


# 10. date inside the link, year inside titles, pageNum=N with 下页 ----------------------------------------------
def date_in_link(case: str, n: int, newest: date, per: int = 10) -> None:
    ds = dates_desc(n, newest, 6)
    ts = [f"{d.year - 1}年度{rng.choice(['政府信息公开工作年度报告', '部门决算公开', '预算执行情况'])}" for d in ds]
    urls = [f"/doc/{d:%Y}/{i}.htm" for i, d in enumerate(ds)]
    pages = -(-n // per)
    for p in range(pages):
        rows = "".join(f'<p class="row"><a href="{u}"><span class="t">{t}</span><span class="d">{d:%Y/%m/%d}</span></a></p>'
                       for u, d, t in list(zip(urls, ds, ts))[p * per:(p + 1) * per])
        nxt = f'<a href="list.do?pageNum={p + 2}">下页</a>' if p + 1 < pages else ""
        write("/doc/list.do" + (f"?pageNum={p + 1}" if p else ""), chrome("财政资金", f'<div class="rows">{rows}</div><div class="pg">{nxt}</div>'))
    add_case(case, "date-in-link", "/doc/list.do", list(zip(urls, ds)), pages, note="date inside <a>, years in titles")


# 11. mis-declared charset: says UTF-8, is GBK ----------------------------------------------------
def misdeclared(case: str, n: int, newest: date) -> None:
    ds, ts = dates_desc(n, newest, 10), titles(n)
    urls = [f"/gbk/xw/{i}.html" for i in range(n)]
    rows = "".join(f'<li><a href="{u}">{html.escape(t)}</a> <span>{d:%Y.%m.%d}</span></li>' for u, d, t in zip(urls, ds, ts))
    write("/gbk/xw/index.html", chrome("新闻发布", f'<ul class="lb">{rows}</ul>', "utf-8"), "gb18030")
    add_case(case, "misdeclared", "/gbk/xw/index.html", list(zip(urls, ds)), 1, note="declared UTF-8, body GBK")


# == shapes of script-drawn and tricky real pages (issue #14) ====================================
# Each page opens with a comment naming the real site whose structure it models; the pages are
# written here, not copied. A box of "daily" links without any sidebar markup or heading the
# extractor knows sits on every one of them (as on many real portals): only the fact that it
# repeats across the portal's columns and pages tells it from the column's own list.
DAILY = [(f"/ywdt/202506/t20250630_{800 + i}.html", f"全市重点工作推进情况（{i + 1}）") for i in range(6)]


def daily_box() -> str:
    rows = "".join(f'<li><a href="{u}">{t}</a><span>{AS_OF:%Y-%m-%d}</span></li>' for u, t in DAILY)
    return f'<div class="fr w300"><div class="box2"><div class="bt">每日关注</div><ul>{rows}</ul></div></div>'


def modelled(source: str, page: str) -> str:
    return f"<!-- corpus page; structure modelled on {source} -->\n" + page


def api_route(path: str, params: dict) -> str:
    """The file name of an API answer: its query in canonical order (the test server
    matches requests by the same canonical form)."""
    from urllib.parse import urlencode

    from app.demo.site import canonical

    return canonical(f"{path}?{urlencode(dict(params))}")


def add_titled(case: str, shape: str, start: str, rows: list[tuple[str, date, str]], pages: int, note: str,
               empty: bool = False) -> None:
    add_case(case, shape, start, [(u, d) for u, d, _ in rows], pages, empty=empty, note=note)
    labels[-1]["new"] = True
    for label, (_, _, t) in zip(labels[-1]["items"], rows):
        label["title"] = t


# 12. script-drawn list: a handlebars-style template filled from a JSON endpoint (Hanweb's newer
# platform, e.g. the 浙江政务服务网-style column pages); only the daily box is in the static HTML.
DRAW_JS = """<script>
(function () {
  var box = document.getElementById('%(box)s'), tpl = document.getElementById('%(tpl)s').innerHTML;
  var xhr = new XMLHttpRequest();
  xhr.open('GET', '%(api)s');
  xhr.setRequestHeader('Accept', 'application/json');
  xhr.onload = function () {
    var res = JSON.parse(xhr.responseText), rows = res.data.list, html = '';
    if (!rows.length) { box.innerHTML = '<li class="none">暂无信息</li>'; return; }
    for (var i = 0; i < rows.length; i++) {
      html += tpl.replace(/{{url}}/g, rows[i].url).replace(/{{title}}/g, rows[i].title)
                 .replace(/{{date}}/g, rows[i].pubDate.substring(0, 10));
    }
    box.innerHTML = html;
  };
  xhr.send();
})();
</script>"""


def script_drawn(case: str, colid: int, n: int, newest: date | None) -> None:
    ds = dates_desc(n, newest, 11) if newest else []
    ts = titles(n)
    urls = [f"/col/col{colid}/art/{d:%Y}/art_{colid}_{i}.html" for i, d in enumerate(ds)]
    api = f"/api/front/list?colId={colid}&pageNo=1&pageSize=20"
    data = {"code": 200, "data": {"total": n, "pageNo": 1, "list": [
        {"title": t, "url": u, "pubDate": f"{d:%Y-%m-%d} 09:{i % 60:02d}:00", "source": "某某市民政局"}
        for i, (u, d, t) in enumerate(zip(urls, ds, ts))][:20]}}
    write(api_route("/api/front/list", {"colId": colid, "pageNo": 1, "pageSize": 20}),
          json.dumps(data, ensure_ascii=False))
    body = ('<div class="list-main"><ul id="lb"></ul></div>'
            '<script type="text/x-handlebars-template" id="lb-tpl"><li><a href="{{url}}" target="_blank" title="{{title}}">'
            '{{title}}</a><span class="date">{{date}}</span></li></script>'
            + DRAW_JS % {"box": "lb", "tpl": "lb-tpl", "api": api})
    page = chrome("通知公告", body, sidebar=daily_box())
    write(f"/col/col{colid}/index.html", modelled("a Hanweb column page filled from a JSON endpoint "
                                                 "through a handlebars template (浙江-style 政府门户)", page))
    rows = list(zip(urls, ds, ts))[:20]
    add_titled(case, "script-drawn", f"/col/col{colid}/index.html", rows, 1,
               "list drawn by script from JSON; needs the browser", empty=not rows)


# 13. list shipped inside an HTML comment, moved into the page by a script (TRS provincial portal)
def comment_list(case: str, colid: int, n: int, newest: date, per: int = 20) -> None:
    base = f"/col/col{colid}/"
    ds, ts = dates_desc(n, newest, 13), titles(n)
    urls = [f"{base}{d:%Y%m}/t{d:%Y%m%d}_{colid}{i:03d}.html" for i, d in enumerate(ds)]
    pages = -(-n // per)
    for p in range(pages):
        rows = "".join(f'<li><a href="./{u[len(base):]}" target="_blank" title="{html.escape(t)}">{html.escape(t)}</a>'
                       f'<span>{d:%Y-%m-%d}</span></li>' for u, d, t in list(zip(urls, ds, ts))[p * per:(p + 1) * per])
        body = (f'<div class="zfxxgk_zdgkc"><ul id="docList"></ul><!--<ul class="hidden-list">{rows}</ul>-->'
                f'<script>var c=document.getElementById("docList").nextSibling;'
                f'document.getElementById("docList").innerHTML=c.nodeValue.replace(/^<ul[^>]*>|<\\/ul>$/g,"");</script>'
                f'<div class="page_num"><script language="JavaScript">var currentPage = {p};var countPage = {pages};'
                f'createPageHTML(countPage, currentPage, "index", "html");</script></div></div>')
        page = chrome("政策文件", body, sidebar=daily_box())
        write(f"{base}{'index' if p == 0 else f'index_{p}'}.html",
              modelled("a TRS provincial 政府信息公开 page that ships its list in an HTML comment", page))
    titled = list(zip(urls, ds, ts))
    add_titled(case, "comment", f"{base}index.html", titled, pages, "list inside <!-- -->, a script shows it")


# 14. Guangdong's 政府信息公开平台 (gkmlpt): an app shell, the list from /gkmlpt/api/all/{id}
def gkmlpt(case: str, prefix: str, cat: int, sid: str, n: int, newest: date, per: int = 15) -> None:
    ds = dates_desc(n, newest, 7)
    ts = titles(n)
    ids = [963100 - i * 7 for i in range(n)]
    urls = [f"{prefix}/gkmlpt/content/0/{i // 1000}/post_{i}.html" for i in ids]
    tz8 = 8 * 3600
    # the newest item went out at 00:30 Beijing time: still the previous day in UTC
    stamps = [int(datetime(d.year, d.month, d.day, 0 if k == 0 else 15, 30, tzinfo=UTC).timestamp()) - tz8
              for k, d in enumerate(ds)]
    pages = -(-n // per)
    for p in range(pages):
        chunk = range(p * per, min(n, (p + 1) * per))
        data = {"total": n, "classify": {"id": cat, "name": "通知公告", "post_count": n}, "articles": [
            {"id": ids[k], "title": ts[k], "url": urls[k],
             "post_url": urls[k], "display_publish_time": stamps[k], "created_at": f"{ds[k]:%Y-%m-%d} 16:25:04",
             "document_number": "", "identifier": f"007482920/{ds[k]:%Y}-{ids[k]}"} for k in chunk]}
        write(api_route(f"{prefix}/gkmlpt/api/all/{cat}", {"page": p + 1, "sid": sid}), json.dumps(data, ensure_ascii=False))
    tree = json.dumps([{"id": cat, "name": "通知公告", "parent": 0, "post_count": n, "children": []}], ensure_ascii=False)
    shell = (f'<div id="app"><div class="gkml-loading">加载中……</div></div>'
             f"<script>window._CONFIG = {{SID: '{sid}', TREE: {tree}, SERVICE_AREA_ID: 0, CLASSIFY_ID: 0}};</script>"
             f'<script src="{prefix}/gkmlpt/gkml/pc/js/chunk-vendors.js"></script>')
    page = chrome("政府信息公开", shell, sidebar=daily_box())
    write(f"{prefix}/gkmlpt/index", modelled("Guangdong's gkmlpt 政府信息公开平台 (window._CONFIG + /gkmlpt/api/all)", page))
    rows = list(zip(urls, ds, ts))
    add_titled(case, "gkmlpt", f"{prefix}/gkmlpt/index#{cat}", rows, pages, "gkmlpt JSON API, epoch in Beijing time")


# 15. Hanweb JPaaS page-building unit: the column's list comes from /front/page/build/unit
def jpaas(case: str, colid: int, n: int, newest: date, per: int = 15) -> None:
    ds, ts = dates_desc(n, newest, 9), titles(n)
    urls = [f"/art/{d:%Y}/{d.month}/{d.day}/art_{colid}_{i}.html" for i, d in enumerate(ds)]
    query = {"webId": "8f43c7ad3afc411fb56f281724b73708", "pageId": f"fc8bdff48fa345a4{colid}", "tplSetId": "52551ea0e2c14bca",
             "tagId": "分页列表", "editType": "null"}
    pages = -(-n // per)
    for p in range(pages + 1):  # and one page past the end, which the platform answers empty
        rows = "".join(f'<li><a href="{u}" target="_blank" title="{html.escape(t)}">{html.escape(t)}</a><span>{d:%Y-%m-%d}</span></li>'
                       for u, d, t in list(zip(urls, ds, ts))[p * per:(p + 1) * per])
        markup = f'<ul class="xxgk-list">{rows}</ul>' if rows else '<div class="no-data">暂无数据</div>'
        params = {**query, "parseType": "bulidstatic", "pageType": "column",
                  "paramJson": json.dumps({"pageNo": p + 1, "pageSize": per})}
        write(api_route("/api-gateway/jpaas-publish-server/front/page/build/unit", params),
              json.dumps({"success": True, "code": "200", "data": {"html": markup}}, ensure_ascii=False))
    qd = json.dumps({**query, "paramJson": {"pageNo": 1, "pageSize": per}}, ensure_ascii=False).replace('"', "'")
    body = (f'<div class="list-content" id="unit-{colid}"></div>'
            f'<script src="/module/jslib/AuthorizedRead/unitbuild.js" url="/api-gateway/jpaas-publish-server/front/page/build/unit" '
            f'queryData="{html.escape(qd)}"></script>')
    write(f"/col/col{colid}/index.html", modelled("a Hanweb JPaaS column page (unitbuild.js + queryData)",
                                                 chrome("行政规范性文件", body, sidebar=daily_box())))
    add_titled(case, "jpaas", f"/col/col{colid}/index.html", list(zip(urls, ds, ts)), pages + 1, "JPaaS unit API, paramJson pages")


# 16. the short last page: 41 items at 20 a page; on page 3 the list holds 1 item, the daily box 6
def short_last_page(case: str, colid: int, n: int, newest: date, per: int = 20) -> None:
    base = f"/col/col{colid}/"
    ds, ts = dates_desc(n, newest, 8), titles(n)
    urls = [f"{base}{d:%Y%m}/t{d:%Y%m%d}_{colid}{i:03d}.html" for i, d in enumerate(ds)]
    pages = -(-n // per)
    for p in range(pages):
        rows = "".join(f'<li><a href="./{u[len(base):]}" title="{html.escape(t)}">{html.escape(t)}</a><span>{d:%Y-%m-%d}</span></li>'
                       for u, d, t in list(zip(urls, ds, ts))[p * per:(p + 1) * per])
        body = (f'<ul class="doc_list">{rows}</ul><div class="page_num"><script>createPageHTML({pages}, {p}, "index", "html");'
                f'</script></div>')
        write(f"{base}{'index' if p == 0 else f'index_{p}'}.html",
              modelled("a TRS column whose last page holds fewer items than the daily box beside it",
                       chrome("工作动态", body, sidebar=daily_box())))
    add_titled(case, "short-last-page", f"{base}index.html", list(zip(urls, ds, ts)), pages, "1 item on the last page, 6 in the box")


# 17. court site: the date inside the <a>, after the title (人民法院 公告 lists)
def court(case: str, n: int, newest: date, per: int = 15) -> None:
    ds = dates_desc(n, newest, 5)
    ts = [f"{rng.choice(['开庭公告', '送达公告', '执行公告', '拍卖公告'])}（{d.year}）皖1702民初{1000 + i}号" for i, d in enumerate(ds)]
    urls = [f"/court/gg/{d:%Y%m}/{i}.shtml" for i, d in enumerate(ds)]
    pages = -(-n // per)
    for p in range(pages):
        rows = "".join(f'<li><a href="{u}" target="_blank"><span class="fl">{html.escape(t)}</span><span class="fr">{d:%Y-%m-%d}</span></a></li>'
                       for u, d, t in list(zip(urls, ds, ts))[p * per:(p + 1) * per])
        nxt = f'<a href="/court/gg/index_{p + 1}.shtml">下一页</a>' if p + 1 < pages else ""
        write(f"/court/gg/{'index' if p == 0 else f'index_{p}'}.shtml",
              modelled("a 人民法院 site's 法院公告 list (date inside the link)",
                       chrome("法院公告", f'<div class="ggList"><ul>{rows}</ul></div><div class="fy">{nxt}</div>',
                              sidebar=daily_box())))
    add_titled(case, "court", "/court/gg/index.shtml", list(zip(urls, ds, ts)), pages, "date inside <a>, titles without it")


# == lists split into groups (issue #20) ======================================================
# 18. TRS "trt" template with avalon (as www.pingtan.gov.cn serves it): the whole static list in
# groups of five, each under <div ms-visible="$showStatic(n)">, a script pager showing one group
def avalon_groups(case: str, colid: int, n: int, newest: date) -> None:
    base = f"/col/col{colid}/"
    ds, ts = dates_desc(n, newest, 6), titles(n)
    urls = [f"{base}{d:%Y%m}/t{d:%Y%m%d}_{colid}{i:03d}.html" for i, d in enumerate(ds)]
    groups = "".join(
        f'<div ms-visible="$showStatic({k + 1})"><ul class="list-ul">'
        + "".join(f'<li><a href="{u}" target="_blank" title="{html.escape(t)}">{html.escape(t)}</a><span>{d:%Y-%m-%d}</span></li>'
                  for u, d, t in list(zip(urls, ds, ts))[k:k + 5]) + "</ul></div>"
        for k in range(0, n, 5))
    pager = ('<div class="pagination" ms-controller="pager"><a href="javascript:;" ms-click="prev()">上一页</a>'
             + "".join(f'<a href="javascript:;" ms-click="go({p + 1})">{p + 1}</a>' for p in range(-(-n // 5)))
             + '<a href="javascript:;" ms-click="next()">下一页</a></div>')
    body = f'<div class="gl-list" ms-controller="staticList">{groups}</div>{pager}<script src="/js/avalon.js"></script>'
    write(f"{base}index.html", modelled("a TRS trt template with avalon (www.pingtan.gov.cn): static groups of 5, script pager",
                                        chrome("政务动态", body, sidebar=daily_box())))
    add_titled(case, "groups", f"{base}index.html", list(zip(urls, ds, ts)), 1, "groups of 5 under ms-visible divs")


# 19. a table whose items come in groups of five, each group its own table, blank GroupBlankLine rows between
def table_groups(case: str, colid: int, n: int, newest: date) -> None:
    base = f"/col/col{colid}/"
    ds, ts = dates_desc(n, newest, 10), titles(n)
    urls = [f"{base}{d:%Y%m}/t{d:%Y%m%d}_{colid}{i:03d}.html" for i, d in enumerate(ds)]
    rows = []
    for k in range(0, n, 5):
        inner = "".join(f'<tr><td class="bt"><a href="{u}" title="{html.escape(t)}">{html.escape(t)}</a></td><td class="rq">{d:%Y-%m-%d}</td></tr>'
                        for u, d, t in list(zip(urls, ds, ts))[k:k + 5])
        rows.append(f'<tr><td><table class="group" width="100%">{inner}</table></td></tr>')
    body = '<table class="list" width="100%">' + '<tr class="GroupBlankLine"><td height="8"></td></tr>'.join(rows) + "</table>"
    write(f"{base}index.html", modelled("a TRS table template whose rows come in groups of 5 between blank GroupBlankLine rows",
                                        chrome("通知公告", body, sidebar=daily_box())))
    add_titled(case, "groups", f"{base}index.html", list(zip(urls, ds, ts)), 1, "groups of 5 between blank rows")


def main() -> None:
    if SITE.exists():
        shutil.rmtree(SITE)
    write("/robots.txt", "User-agent: *\nDisallow: /admin/\n")
    trs("trs-fresh", 3001, 75, AS_OF - timedelta(days=2))
    trs("trs-gbk-pinned", 3002, 46, AS_OF - timedelta(days=40), "gb2312", pinned=True)
    trs("trs-stale-pinned", 3003, 31, date(2024, 9, 9), pinned=True)
    trs("trs-short", 3004, 7, AS_OF - timedelta(days=200))
    hanweb("hanweb-paged", 4001, 130, 10, AS_OF - timedelta(days=1))
    hanweb("hanweb-bracket", 4002, 38, 15, AS_OF - timedelta(days=95), bracket=True)
    gkml("gkml-table", 5001, 40, AS_OF - timedelta(days=9))
    gkml("gkml-table-wenhao", 5002, 33, date(2024, 12, 20), per=20, wenhao=True)
    cards("cards", 22, AS_OF)
    column_index("column-index", 30, AS_OF - timedelta(days=17))
    traditional("traditional", 24, AS_OF - timedelta(days=5))
    yearless("yearless", 18, AS_OF - timedelta(days=3))
    dateless("dateless-meta", 6001, 9, AS_OF - timedelta(days=21), "meta")
    dateless("dateless-gkml", 6002, 6, date(2025, 1, 10), "gkml")
    dateless("dateless-line", 6003, 12, AS_OF - timedelta(days=60), "line")
    empty("empty-zwxx", "/col/col7001/index.html", "暂无信息")
    empty("empty-norecord", "/col/col7002/index.html", "没有找到相关记录！")
    empty("empty-trad", "/col/col7003/index.html", "該欄目暫無內容", trad=True)
    date_in_link("date-in-link", 17, AS_OF - timedelta(days=30))
    misdeclared("misdeclared", 12, AS_OF - timedelta(days=8))
    script_drawn("script-drawn-stale", 8101, 14, AS_OF - timedelta(days=80))
    script_drawn("script-drawn-blank", 8102, 0, None)
    comment_list("comment-list", 8201, 27, AS_OF - timedelta(days=45))
    gkmlpt("gkmlpt", "/gdzj", 721, "200165", 40, AS_OF - timedelta(days=3))
    jpaas("jpaas-unit", 8301, 33, AS_OF - timedelta(days=120))
    short_last_page("short-last-page", 8401, 41, AS_OF - timedelta(days=200))
    court("court-date-in-link", 19, AS_OF - timedelta(days=6))
    avalon_groups("avalon-groups-75", 8501, 75, AS_OF - timedelta(days=4))
    avalon_groups("avalon-groups-19", 8502, 19, AS_OF - timedelta(days=33))
    table_groups("table-groups-39", 8601, 39, AS_OF - timedelta(days=12))
    kit = Kit(SITE, labels, AS_OF, random.Random(20261130))
    for module in sorted(HERE.glob("real_*.py")):  # modelled real portals (issue 26)
        spec = importlib.util.spec_from_file_location(module.stem, module)
        assert spec is not None and spec.loader is not None  # a .py file always has a source loader
        loaded = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(loaded)
        loaded.build(kit)
    (HERE / "labels.json").write_text(json.dumps({"as_of": AS_OF.isoformat(), "cases": labels}, ensure_ascii=False, indent=1),
                                      encoding="utf-8")
    print(f"{len(labels)} cases, {sum(c['pages'] for c in labels)} list pages, "
          f"{len({c['shape'] for c in labels})} shapes, {len({c.get('portal', 'corpus') for c in labels})} portals")


if __name__ == "__main__":
    main()
