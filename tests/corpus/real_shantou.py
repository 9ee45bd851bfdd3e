"""A city bureau's list pages on a 广东 site group: 汕头市住房和城乡建设局 (www.shantou.gov.cn/zjj).

Studied: a public crawler's selectors for the bureau's 工作动态, 公告公示 and 文件通知 columns
(search index id 20591443785; no repository could be told): each item is a ``div`` inside
``div.con-right.fr``, holding a ``div.list-right_title.fon_1 > a`` title and a table whose first
cell says "发布时间：YYYY-MM-DD"; page two is ``index_2.html``. Reproduced here with our own
text: no ``ul``/``li`` at all, the date in a labelled table cell beside (not inside) the link,
a 来源 cell in every row, a ``div.weizhi`` breadcrumb, a left menu of the bureau's columns and a
热点关注 box dated on the audit day under it, a pager of numbered links with 上一页/下一页, a
footer of site-group links — and a column whose newest item is ten months old.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from kit import Kit, Row

SOURCE = "search index id 20591443785: a crawler's xpaths for shantou.gov.cn/zjj/zwgk/{gzdt,gggs,wjtz}/index.html"
COLUMNS = {"gzdt": "工作动态", "tzgg": "通知公告", "gggs": "公告公示", "wjtz": "文件通知", "bszn": "办事指南"}


def _page(kit: Kit, slug: str, rows: list[Row], page: int, pages: int) -> str:
    name = COLUMNS[slug]
    on, cur = ' class="on"', ' class="cur"'
    menu = "".join(f'<li{on if s == slug else ""}><a href="/zjj/zwgk/{s}/">{n}</a></li>' for s, n in COLUMNS.items())
    hot = "".join(f'<li><a href="/zjj/zwgk/tzgg/content/post_{880 + i}.html" title="{kit.esc(t)}">{kit.esc(t[:16])}</a>'
                  f'<span>{kit.as_of:%Y-%m-%d}</span></li>'
                  for i, t in enumerate(["关于开展住房公积金政策宣传月活动的通知", "全市房屋安全隐患排查整治工作方案",
                                         "关于公布建筑施工企业信用评价结果的通告"]))
    items = "".join(f"""
        <div class="list-right_item">
          <div class="list-right_title fon_1"><a href="{u}" target="_blank" title="{kit.esc(t)}">{kit.esc(t)}</a></div>
          <table class="list-right_table"><tbody><tr>
            <td>发布时间：{d:%Y-%m-%d}</td><td>来源：汕头市住房和城乡建设局</td>
          </tr></tbody></table>
        </div>""" for u, d, t in rows)

    def at(n: int) -> str:
        return "index.html" if n == 1 else f"index_{n}.html"
    pager = (f'<a href="{at(page)}">上一页</a>' if page > 1 else "") + "".join(
        f'<a href="{at(n)}"{cur if n == page else ""}>{n}</a>' for n in range(1, pages + 1)) + (
        f'<a class="next" href="{at(page + 1)}">下一页</a>' if page < pages else "") + f"<span>共{pages}页</span>"
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{name}-汕头市住房和城乡建设局</title></head>
<body>
<div class="top"><div class="logo"><a href="/zjj/"><img src="/zjj/images/logo.png" alt="汕头市住房和城乡建设局"></a></div>
  <div class="nav"><a href="/zjj/">首页</a><a href="/zjj/zwgk/">政务公开</a><a href="/zjj/bsfw/">办事服务</a><a href="/zjj/hdjl/">互动交流</a></div></div>
<div class="main">
  <div class="weizhi">当前位置：<a href="/zjj/">首页</a> &gt; <a href="/zjj/zwgk/">政务公开</a> &gt; <a href="/zjj/zwgk/{slug}/">{name}</a></div>
  <div class="con-left fl">
    <div class="left-title">政务公开</div><ul class="left-menu">{menu}</ul>
    <div class="rdgz"><div class="rdgz-title">热点关注</div><ul>{hot}</ul></div>
  </div>
  <div class="con-right fr">
    <div class="list-right_head"><span>{name}</span></div>{items}
    <div class="page">{pager}</div>
  </div>
</div>
<div class="foot"><p><a href="http://www.gov.cn/">中国政府网</a> | <a href="http://www.gd.gov.cn/">广东省人民政府</a> | <a href="/">汕头市人民政府</a></p>
  <p>主办：汕头市住房和城乡建设局　网站标识码：4405000000　粤ICP备00000000号</p></div>
</body></html>"""


def _column(kit: Kit, slug: str, n: int, newest: date, per: int = 15) -> None:
    base = f"/zjj/zwgk/{slug}/"
    rows = [(f"{base}content/post_{2093700 - i * 13}.html", d, kit.title(d.year))
            for i, d in enumerate(kit.dates(n, newest, 8))]
    chunks = kit.paged(rows, per)
    for p, chunk in enumerate(chunks, start=1):
        kit.write(f"{base}{'index' if p == 1 else f'index_{p}'}.html", _page(kit, slug, chunk, p, len(chunks)))
    kit.column(f"shantou-{slug}", COLUMNS[slug], f"{base}index.html", rows, len(chunks),
               note="广东 site group: div items, 发布时间 in a table cell beside the link, index_2.html")


def build(kit: Kit) -> None:
    kit = replace(kit, rng=random.Random(4405))  # its own words: the modules after it keep theirs
    kit.start_portal("shantou-zjj", "汕头市住房和城乡建设局（模型）", SOURCE, "city", "广东 site group",
                     "https://www.shantou.gov.cn/zjj/")
    _column(kit, "gzdt", 40, kit.ago(3))
    _column(kit, "gggs", 22, kit.ago(41))
    _column(kit, "wjtz", 33, date(2024, 8, 29))  # ten months without a new file: stale, though 热点关注 is dated today
