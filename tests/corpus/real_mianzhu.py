"""A county-level city's disclosure lists on a JSP platform: 绵竹市人民政府 (www.mz.gov.cn).

Studied: RSSHub's route for 绵竹市 (DIYgod/RSSHub, ``lib/routes/gov/sichuan/deyang/mztoday``-era
files; find_string ids 4009358606, 570991515, 41866980, 400829795): the 法定主动内容 and 公示公告
lists are ``/info/iList.jsp?node_id=GKmzs&cat_id=N&cur_page=K``, each item a ``li`` under
``div.container > div.ewb-white > div.ewb-job > ul`` (later ``.list_div li``) holding an
``a[title]`` and a date ``span``; older pages put the same ``li`` under ``#list_content > ul``.
Reproduced with our own text: the list's URL is the column's only name for itself (query
parameters, no folder), every item's link goes to ``/info/iDetail.jsp?...`` (a different
file than the list's), the page is framed by a left tree of the disclosure catalogue's
categories (each an ``iList.jsp`` link like the column's own), a 最新公开 box of the whole
catalogue dated on the audit day, a ``span``-dated 图片新闻 strip, and a numbered pager of
``cur_page`` links — and one column whose newest item is eleven months old.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from kit import Kit, Row

SOURCE = "DIYgod/RSSHub: routes for 绵竹市 (find_string ids 4009358606, 570991515, 41866980, 400829795)"
CATEGORIES = {15971: "法定主动内容", 24186: "公示公告", 15980: "政策文件", 15990: "人事信息", 16001: "财政信息",
              16010: "规划计划", 16020: "应急管理", 16030: "重大决策"}


def _url(cat: int, page: int = 1) -> str:
    return f"/info/iList.jsp?node_id=GKmzs&cat_id={cat}&cur_page={page}"


def _href(url: str) -> str:
    return url.replace("&", "&amp;")


def _page(kit: Kit, cat: int, rows: list[Row], page: int, pages: int) -> str:
    name, active, current = CATEGORIES[cat], ' class="active"', ' class="current"'
    tree = "".join(f'<li{active if c == cat else ""}><a href="{_href(_url(c))}">{n}</a></li>'
                   for c, n in CATEGORIES.items())
    latest = "".join(
        f'<li><a href="/info/iDetail.jsp?cat_id={c}&amp;info_id={90000 + i}" title="{kit.esc(t)}">{kit.esc(t[:18])}</a>'
        f'<span class="ewb-date">{kit.as_of:%Y-%m-%d}</span></li>'
        for i, (c, t) in enumerate(zip((24186, 15980, 16001, 16020), kit.titles(4))))
    photos = "".join(f'<div class="pic-item"><a href="/news/pic/{700 + i}.html"><img src="/images/p{i}.jpg">'
                     f'<p>{kit.esc(t[:12])}</p></a><span>{kit.ago(i + 1):%m-%d}</span></div>'
                     for i, t in enumerate(kit.titles(3)))
    items = "".join(f"""
            <li class="ewb-job-item clearfix"><a href="{_href(u)}" target="_blank" title="{kit.esc(t)}">{kit.esc(t)}</a>
                <span class="ewb-job-date">{d:%Y-%m-%d}</span></li>""" for u, d, t in rows)
    nums = "".join(f'<a href="{_href(_url(cat, k))}"{current if k == page else ""}>{k}</a>'
                   for k in range(1, pages + 1))
    nxt = f'<a class="ewb-page-next" href="{_href(_url(cat, page + 1))}">下一页</a>' if page < pages else ""
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>绵竹市人民政府</title>
<link rel="stylesheet" href="/css/ewb-common.css"></head>
<body>
<div class="ewb-header"><div class="ewb-logo"><img src="/images/logo.png" alt="绵竹市人民政府"></div>
  <ul class="ewb-nav"><li><a href="/">首页</a></li><li><a href="/news/">新闻中心</a></li><li><a href="/info/">政府信息公开</a></li>
  <li><a href="/service/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="container">
  <div class="ewb-location">您现在的位置：<a href="/">首页</a> &gt; <a href="/info/">政府信息公开</a> &gt; 主动公开目录</div>
  <div class="ewb-white clearfix">
    <div class="ewb-left"><h3>主动公开目录</h3><ul class="ewb-tree">{tree}</ul>
      <div class="ewb-latest"><h4>最新公开</h4><ul>{latest}</ul></div></div>
    <div class="ewb-job">
      <div class="ewb-job-hd"><span>{name}</span></div>
      <ul class="ewb-job-list">{items}
      </ul>
      <div class="ewb-page">{nums}{nxt}<span>共{pages}页</span></div>
    </div>
  </div>
  <div class="ewb-pics"><h4>图片新闻</h4>{photos}</div>
</div>
<div class="ewb-footer"><p>主办：绵竹市人民政府办公室　网站标识码：5106830000　蜀ICP备00000000号</p>
  <p><a href="http://www.gov.cn/">中国政府网</a> | <a href="http://www.sc.gov.cn/">四川省人民政府</a></p></div>
</body></html>"""


def _column(kit: Kit, cat: int, n: int, newest: date, per: int = 15) -> None:
    rows = [(f"/info/iDetail.jsp?cat_id={cat}&info_id={418000 - i * 7}", d, kit.title(d.year))
            for i, d in enumerate(kit.dates(n, newest, 9))]
    chunks = kit.paged(rows, per)
    for p, chunk in enumerate(chunks, start=1):
        kit.write(_url(cat, p), _page(kit, cat, chunk, p, len(chunks)))
    kit.column(f"mianzhu-{cat}", CATEGORIES[cat], _url(cat), rows, len(chunks),
               note="JSP lists named by query alone, a tree of sibling iList.jsp links, 最新公开 dated today")


def build(kit: Kit) -> None:
    kit = replace(kit, rng=random.Random(5106))  # its own words: the modules after it keep theirs
    kit.start_portal("mianzhu", "绵竹市人民政府（模型）", SOURCE, "county", "JSP disclosure platform (ewb)",
                     "https://www.mz.gov.cn/")
    _column(kit, 15971, 38, kit.ago(2))
    _column(kit, 24186, 21, kit.ago(25))
    _column(kit, 16010, 17, date(2024, 7, 30))  # eleven months without a plan published: stale, 最新公开 today
