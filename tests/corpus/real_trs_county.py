"""A county bureau's TRS WCM site: 道真县人力资源和社会保障局 (rsj.gzdaozhen.gov.cn).

Studied: bkichen/gzdzhrss_com (a static mirror of the site, 2021), its gzdt/tzgg/index.html
(通知公告, page 1 of 4) and zwgk/fpgz/index.html (扶贫工作, blank). Reproduced here: the
``div.content-main`` body with a ``div.dqwz`` breadcrumb ("您当前所在位置：" and ``CurrChnlCls``
links), a ``div.zb_lb.f_l`` left column whose menu items are written by inline
``document.write`` scripts (so the static page shows only its ``<h2>``), the list in
``div.yb_nr.f_r > div.NewsList`` under ``<h1><span>`` naming the column, rows of
``<li><a href title target>…</a><span>YYYY-MM-DD</span></li>`` full of template blank lines,
titles truncated with "..." (the full one in ``title``), the TRS ``createPageHTML`` pager
(page 2 is ``index_1.html``), a "今天是:" date written by script in the top bar, and a
column that is blank with no placeholder at all: an empty ``<ul>`` under its heading.
"""

from __future__ import annotations

from datetime import date

from kit import Kit, Row

SOURCE = "bkichen/gzdzhrss_com: gzdt/tzgg/index.html, zwgk/fpgz/index.html (static mirror, 2021)"
SECTIONS = {"gzdt": ("工作动态", ["业务要闻", "行业动态", "领导活动", "通知公告", "人事考试"]),
            "zwgk": ("政务公开", ["机构职能", "政策法规", "人事信息", "财政预决算", "扶贫工作"])}


def _page(kit: Kit, section: str, name: str, rows: list[Row], page: int, pages: int) -> str:
    parent, subs = SECTIONS[section]
    menu = "".join(
        f"""<script type="text/javascript">
							var  str3='{s}';
							var  str4 = '../{s}/';
							document.write('<li class="li_nav"><a href="'+str4+'">'+str3+'</a></li>');
						</script>""" for s in subs)
    items = "".join(
        f"""
						<li>
									<a href="{u.rsplit('/', 2)[-2]}/{u.rsplit('/', 1)[-1]}" title="{kit.esc(t)}" target="_blank">
								{kit.esc(t if len(t) <= 38 else t[:38] + '...')}
							</a>
							<span>{d:%Y-%m-%d}</span>
						</li>""" for u, d, t in rows)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>道真县人力资源网-{name}</title>
<link href="../../images/style.css" rel="stylesheet" type="text/css"></head>
<body>
	<input id="Chid" value='54410{page}' type="hidden">
<div class="banner">
	<div class="dingb_bj"><div class="dingb_nr">
			<div class="riqi f_l"><ul><li><span>今天是: </span>
						<script type="text/javascript">document.write("<div class='time'>" + new Date().getFullYear() + "年</div>");</script>
					</li></ul></div>
			<div class="f_r ding_y"><a href="javascript:void(0)">设为首页</a>|<a href="javascript:void(0)">加入收藏</a></div>
	</div></div>
	<div class="logo_by"><ul><li class="f_l"><a href="../../index.html"><img src="../../images/logo.png"></a></li></ul></div>
	<div class="nav_bj"><div class="nav f_l"><ul>
				<li><a href="../../index.html">网站首页</a></li><li><a href="../../gzdt/index.html">工作动态</a></li>
				<li><a href="../../ywgz/index.html">业务工作</a></li><li><a href="../../bmgk/index.html">部门概况</a></li>
				<li><a href="../../zwgk/index.html">政务公开</a></li></ul></div></div>
</div>
	<div class="content-main">
		<div class="dqwz">
			您当前所在位置：<a href="../../index.html" title="首页" class="CurrChnlCls">首页</a>&nbsp;&raquo;&nbsp;<a href="../index.html" title="{parent}" class="CurrChnlCls">{parent}</a>&nbsp;&raquo;&nbsp;<a href="" title="{name}" class="CurrChnlCls">{name}</a>
		</div>
		<div class="zb_lb f_l">
			<h2>{parent}</h2>
			<div class="Left_Nav"><ul>{menu}</ul><div class="hover" style="top: 0px;"></div></div>
		</div>
		<div class="yb_nr f_r">
			<div class="NewsList">
				<h1><span>{name}</span></h1>
				<ul>{items}
				</ul>
			</div>
 <script type="text/javascript" src="../../images/createpage.js"></script>
 <div class="page">
    <script>createPageHTML({pages}, {page}, "index", "html")</script>
</div>
		</div>
	</div>
	<div class="foot_bj"><div class="foot_nr">
		<p><a href="../../syqt/rssdy/index.html">RSS订阅</a>|<a href="../../syqt/lxfs/index.html">联系方式</a>|<a href="../../syqt/wzdt/index.html">网站地图</a></p>
		<p>Copyright 2010 All Rights Reserved      主办：道真县人力资源网</p>
	</div></div>
</body></html>"""


def _column(kit: Kit, case: str, section: str, slug: str, name: str, n: int, newest: date | None, per: int = 20) -> None:
    base = f"/gzdz/{section}/{slug}/"
    ds = kit.dates(n, newest, 12) if newest else []
    rows = [(f"{base}{d:%Y%m}/t{d:%Y%m%d}_{65399695 - i * 7}.html", d, kit.title(d.year)) for i, d in enumerate(ds)]
    chunks = kit.paged(rows, per)
    for p, chunk in enumerate(chunks):
        kit.write(f"{base}{'index' if p == 0 else f'index_{p}'}.html", _page(kit, section, name, chunk, p, len(chunks)))
    # a blank column with no placeholder is told from a list a script would draw only once drawn
    kit.column(case, name, f"{base}index.html", rows, len(chunks), empty=not rows, static=bool(rows),
               note="TRS county bureau: NewsList under h1 span, createPageHTML" + ("; blank, no placeholder" if not rows else ""))


def build(kit: Kit) -> None:
    kit.start_portal("daozhen-rsj", "道真县人力资源和社会保障局（模型）", SOURCE, "county", "TRS", "http://rsj.gzdaozhen.gov.cn/")
    _column(kit, "daozhen-tzgg", "gzdt", "tzgg", "通知公告", 68, kit.ago(23))
    _column(kit, "daozhen-ywyw", "gzdt", "ywyw", "业务要闻", 7, kit.ago(160))
    _column(kit, "daozhen-zcfg", "zwgk", "zcfg", "政策法规", 26, date(2023, 12, 28))
    _column(kit, "daozhen-fpgz", "zwgk", "fpgz", "扶贫工作", 0, None)
