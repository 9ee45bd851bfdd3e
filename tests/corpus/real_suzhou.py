"""苏州市公共资源交易中心 and its 张家港分中心 (新点/Epoint WebBuilder), szzyjy.fwzx.suzhou.gov.cn.

Studied: bkichen/zjgztb_com, commit b91d7a89c4c3817479f3e70412bbc179f750bfbb — a static mirror on
an expired domain that text-replaced the site name ("张家港市公共资源交易信息网-江苏信息网" in
``<title>`` and in some titles) and blanked unfetched links to ``javascript:;`` (neither is the
real site, so neither is reproduced): zjgsfzx/031001/zjgCity_moreinfo.html (张家港分中心 > 新闻动态,
a parent column whose list merges its two sub-columns), zjgsfzx/031001/031001001/zjgCity_moreinfo.html
(> 通知公告), jyxx/003001/tradeInfo.html (交易信息 > 建设工程) and ztzl/028001/moreinfo_new.html
(专题专栏 > 通知公告; its pager says page 1 is moreinfo.html).

Reproduced, for the 张家港分中心 template (``zjgCity_moreinfo.html``): the empty ``div#header`` and
``div#footer`` a script fills, ``div.ewb-nav2`` with an empty ``#menu_zjg``, the ``div.ewb-loc``
breadcrumb "当前位置： 首页 > 张家港分中心 > 新闻动态[ > 通知公告]" ending in ``span.cur#viewGuid``, the
placeholder ``meta SiteName/SiteDomain/SiteIDCode`` ("网站名称"…), the left ``ul#secondcategory.wb-tree``
of the two sub-columns under ``div.ewb-trade-tt``, and the list as ``table.ewb-trade-tb`` (header
row 序号/标题/发布时间) of ``tr.ewb-trade-tr`` rows: ``td.indexnum > span`` row number, ``<a href
target title>`` and the date alone in a third ``<td>`` after a newline. Article URLs are
``{cat}/{YYYYMMDD}/{8-4-4-4-8 hex}.html`` and the URL's date is often LATER than the shown date
(by 1-4 days); the parent column lists its sub-columns' articles (hrefs into 031001001/ and
031001002/), sorted by the shown date. The mricode jQuery pager is drawn by script on an empty
``div#page``: ``$("#page").pagination({pageIndex, pageSize:15, total:N, …})`` and a
``pageClicked`` handler going to ``/…/031001/{n}.html`` (n < 100) or
``zjgCity_moreinfo.html?categoryNum=…&pageIndex=n`` — no pager link is in the static page.

For the centre's 专题专栏 template (``moreinfo.html``): ``div.ewb-bread`` breadcrumb (首页 > 专题专栏 >
通知公告, a hidden ``input#catenum``), a 标题检索 box, the list inside ``div#jt``, rows whose title
cell ``td.newInfo`` also holds ``<img class="myimage" src="new.gif" date-value="YYYY/MM/DD
HH:MM:SS">`` (a second date, with time), a hidden twin ``div#dt[style=display:none] >
table.ewb-trade-tb > tbody#xxList`` (empty: a title search fills it) and a mustache
``<script type="text/template" id="info-template">`` row with ``{{date}}`` placeholders at the end
of the body. 通知公告 starts with a hand-ordered block (older notices and the newest one mixed)
before the newest-first run, as the real page does.

For the 交易信息 template (``tradeInfo.html``): a large left tree of trade categories whose
``li.wb-tree-items`` are all ``display:none`` in the static page (a script shows the current
one), a search form (项目名称/所属区域/发布时间 with two ``<select>`` and date inputs), a
5-column table 序号/交易分类/项目名称/所在地区/发布时间 in ``div#jt`` (category and district as plain
cells), ``input#mytotalnum``, and the empty search-result twin ``div#dt`` (not hidden here) with
``tbody#xxList`` and its mustache template.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from kit import Kit, Row

SOURCE = ("bkichen/zjgztb_com@b91d7a89c4c3817479f3e70412bbc179f750bfbb: zjgsfzx/031001/zjgCity_moreinfo.html, "
          "zjgsfzx/031001/031001001/zjgCity_moreinfo.html, jyxx/003001/tradeInfo.html, ztzl/028001/moreinfo_new.html "
          "(mirror of 苏州市公共资源交易中心, site name text-replaced)")
ROOT = "/szzyjy"
CENTRE = "苏州市公共资源交易中心"
PER = 15


def _guid(kit: Kit) -> str:
    h = f"{kit.rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:28]}"


def _pager_script(base: str, first: str, cat: str, total: int, page: int) -> str:
    """The mricode pagination call and its click handlers (root-relative page URLs)."""
    go = f"""if(data.pageIndex==0){{
                                                    window.location.href="{base}/{first}";
                                                }}else if(data.pageIndex<100){{
                                                    window.location.href="{base}/"+(data.pageIndex+1)+".html";
                                                }}else{{
                                               		window.location.replace("{base}/{first}?categoryNum={cat}&pageIndex="+(data.pageIndex+1));
                                            	}}"""
    return f"""<div id="page" value="{base}"></div>
                                        <script>
                                        	function getQueryString(name) {{
       											var reg = new RegExp("(^|&)" + name + "=([^&]*)(&|$)", "i");
        										var r = window.location.search.substr(1).match(reg);
        										if (r != null) return encodeURI(r[2]);
                                                return null;
    										}}

                                        	var pageIndex= {page - 1};
                                        	if(getQueryString('pageIndex')){{
                                        		pageIndex=getQueryString('pageIndex')-1;
                                        	}}
                                            $("#page").pagination({{
                                                pageIndex:pageIndex,
                                                pageSize: {PER},
                                                total: {total},
                                                pageBtnCount:10,
                                                debug: true,
                                                showInfo: true,
                                                showJump: true,
                                                showPageSizes: true,
                                                pageElementSort: ['$page', '$jump'],
                                            }});
                                            $("#page").on("pageClicked", function (event, data) {{
                                                {go}
                                            }}).on('jumpClicked', function (event, data) {{
                                                {go}
                                            }});

                                        </script>"""


def _page_path(base: str, first: str, p: int) -> str:
    return f"{base}/{first}" if p == 1 else f"{base}/{p}.html"


# -- 张家港分中心: zjgCity_moreinfo.html -------------------------------------------------------------
ZJG = f"{ROOT}/zjgsfzx"
ZJG_SUBS = [("031001001", "通知公告"), ("031001002", "工作动态")]


def _zjg_page(kit: Kit, cat: str, name: str, rows: list[tuple[str, date, str]], page: int, total: int) -> str:
    depth = "../../" if len(cat) == 6 else "../../../"
    here = f"{ZJG}/031001" if len(cat) == 6 else f"{ZJG}/031001/{cat}"
    if len(cat) == 6:
        crumb = f'<span class="cur" id="viewGuid" value="cms_{cat}">{name} </span>'
    else:
        crumb = (f'<a href="../zjgCity_moreinfo.html">新闻动态 </a> <span class="ewb-loc-span">&gt;</span>'
                 f'<span class="cur" id="viewGuid" value="cms_{cat}">{name}</span>')
    tree = "".join(f"""
									<li class="wb-tree-items haschild {'current' if sub == cat else ''}">
									<h3 class="wb-tree-node">
                                     <i class="wb-tree-iconr"></i>
                                        <span class="wb-tree-tt-bg">
                                        <a href="{sub + '/' if len(cat) == 6 else '../' + sub + '/'}zjgCity_moreinfo.html" class="wb-tree-tt">{label}</a>
                                     </span>
                                    </h3></li>	
                                   """ for sub, label in ZJG_SUBS)
    trs = "".join(f"""
								 <tr class="ewb-trade-tr">
                                            <td class="ewb-trade-td indexnum">
                                                 <span>{(page - 1) * PER + i + 1}</span>
                                            </td>
                                            <td class="ewb-trade-td">
                                                <a href="{href}" target="_blank" title="{kit.esc(t)}">
                                                     {kit.esc(t)}</a>
                                            </td>
                                            <td class="ewb-trade-td">
                                                {d:%Y-%m-%d}</td>
                                        </tr> 
                                 """ for i, (href, d, t) in enumerate(rows))
    return f"""<!DOCTYPE html>
<html lang="zh-CN">

<head>
    <meta charset="UTF-8">
    <meta http-equiv="X-UA-Compatible" content="IE=Edge">
    <meta name="renderer" content="webkit">
    <meta name="SiteName" content="网站名称">
    <meta name="SiteDomain" content="网站域名">
    <meta name="SiteIDCode" content="政府网站标识码">
    <meta name="Description" content="描述">
    <meta name="Keywords" content="关键词">
    <title>{CENTRE}---张家港分中心</title>
    <!-- 页面样式 -->
    <link rel="stylesheet" href="{depth}fzx/css/common.css">
    <link rel="stylesheet" href="{depth}fzx/css/moreinfo.css"> 
    <link rel="stylesheet" type="text/css" href="{depth}js/lib/pagination/mricode.pagination.css">
    <!-- jquery -->
    <script src="{depth}fzx/js/lib/jquery.min.js"></script>
    <script src="{depth}js/lib/pagination/mricode.pagination.js"></script>
	<script type="text/javascript" src="{depth}js/webBuilderCommon.js"></script>
</head>

<body>
    <!-- header -->
    <div id="header"> 
	</div>
    <div class="ewb-nav2">
        <div class="ewb-container clearfix">
            <div class="ewb-nav2-left">张家港分中心</div>
            <div class="ewb-nav2-right" id="menu_zjg"> 
            </div>
        </div>
    </div>
    <!-- main -->
    <div class="ewb-container">
        <!-- 面包屑 -->
        <div class="ewb-loc">
            <span>当前位置：</span>
			  <a href="{depth}index.html">首页</a> <span class="ewb-loc-span">&gt;</span><a href="{depth}zjgsfzx/index.html">张家港分中心</a> <span class="ewb-loc-span">&gt;</span>{crumb}
					<input type="hiden" id="catenum" value="{cat}"></div>
        <div class="ewb-middle">
		     <!-- 动态部分 -->
            <div class="ewb-page-main ewb-h698">
                <div class="sub-container clearfix">
                    <div class="clearfix ewb-mt20">
                        <!-- 左侧栏目列表 -->
                        <div class="ewb-span6">
                            <div class="ewb-trade-left">
                                <div class="ewb-trade-tt">
                                   新闻动态 </div>
                                <div>
                                    <ul id="secondcategory" class="wb-tree"> 
									{tree}</ul>
                                </div>
                            </div>
                        </div>
                        <!-- 左侧栏目列表结束 -->
                        <!-- 右侧信息部分 -->
                        <div class="ewb-span18 r">
                            <div class="ewb-ml10"> 
								 <table class="ewb-trade-tb">
                                    <thead>
                                        <tr>
                                            <th class="ewb-trade-th ewb-w44">
                                                序号
                                            </th>

                                            <th class="ewb-trade-th ewb-trade-pro">
                                                标题
                                            </th>

                                            <th class="ewb-trade-th ewb-w108">
                                                发布时间
                                            </th>
                                        </tr>
                                    </thead>
									 <tbody>
                                        {trs}</tbody>
                                </table> 
                                    <div class="ewb-page">
                                        {_pager_script(here, "zjgCity_moreinfo.html", cat, total, page)}
                                        </div>
                                </div>
                        </div>
                        <!-- 右侧信息部分结束 -->

                    </div>
                </div>
            </div>
        </div>
    </div>
    <!-- footer -->
    <div id="footer" class="ewb-mt20"></div>
    <!-- 页面脚本 -->
    <script src="{depth}fzx/js/lib/laydate/laydate.js"></script>
    <script src="{depth}fzx/js/common.js"></script>
    <script src="{depth}fzx/js/zjgCity.js"></script>
</body>

</html>"""


def _zjg_articles(kit: Kit, sub: str, n: int, newest: date, step: int) -> list[tuple[str, date, str]]:
    """(absolute URL, shown date, title): the URL's date is the shown one or 1-4 days later."""
    out = []
    for d in kit.dates(n, newest, step):
        in_url = d + timedelta(days=kit.rng.choice([0, 0, 0, 1, 2, 3, 4]))
        out.append((f"{ZJG}/031001/{sub}/{in_url:%Y%m%d}/{_guid(kit)}.html", d, kit.title(d.year)))
    return out


def _zjg_column(kit: Kit, case: str, cat: str, name: str, arts: list[tuple[str, date, str]], note: str) -> None:
    here = f"{ZJG}/031001" if len(cat) == 6 else f"{ZJG}/031001/{cat}"
    chunks = kit.paged(arts, PER)
    for p, chunk in enumerate(chunks, start=1):
        shown = [(u[len(here) + 1:], d, t) for u, d, t in chunk]  # hrefs relative to the column's folder
        kit.write(_page_path(here, "zjgCity_moreinfo.html", p), _zjg_page(kit, cat, name, shown, p, len(arts)))
    rows: list[Row] = [(u, d, t) for u, d, t in arts]
    kit.column(case, name, f"{here}/zjgCity_moreinfo.html", rows, len(chunks), note=note)


def _zjg(kit: Kit) -> None:
    kit.start_portal("szggzy-zjg", "苏州市公共资源交易中心张家港分中心（模型）", SOURCE, "department", "Epoint WebBuilder",
                     "http://szzyjy.fwzx.suzhou.gov.cn/zjgsfzx/")
    tzgg = _zjg_articles(kit, "031001001", 31, kit.ago(75), 16)
    gzdt = _zjg_articles(kit, "031001002", 40, kit.ago(12), 7)
    # the parent lists both sub-columns' articles by shown date (its own URLs are theirs)
    merged = sorted(tzgg + gzdt, key=lambda r: r[1], reverse=True)
    common = ("Epoint table.ewb-trade-tb, date alone in a third td, URL date often later than the shown one, "
              "mricode pagination drawn by script (page n = /031001/…/n.html)")
    _zjg_column(kit, "szzjg-xwdt", "031001", "新闻动态", merged,
                common + "; parent column merging its two sub-columns (hrefs into 031001001/ and 031001002/)")
    _zjg_column(kit, "szzjg-tzgg", "031001001", "通知公告", tzgg, common + "; stale")
    _zjg_column(kit, "szzjg-gzdt", "031001002", "工作动态", gzdt, common)


# -- the centre's 专题专栏: moreinfo.html -------------------------------------------------------------
ZTZL = f"{ROOT}/ztzl"
ZTZL_SUBS = [("028001", "通知公告"), ("028002", "中心动态")]


def _stamp(kit: Kit, d: date) -> str:
    t = datetime(d.year, d.month, d.day, kit.rng.randint(8, 17), kit.rng.randint(0, 59), kit.rng.choice([0, 0, kit.rng.randint(0, 59)]))
    return f"{t:%Y/%m/%d %H:%M:%S}"


def _ztzl_page(kit: Kit, cat: str, name: str, rows: list[tuple[str, date, str]], page: int, total: int) -> str:
    tree = "".join(f"""
									<li class="wb-tree-items haschild {'current' if sub == cat else ''}">
									<h3 class="wb-tree-node">
                                     <i class="wb-tree-iconr"></i>
                                        <span class="wb-tree-tt-bg">
                                        <a href="../{sub}/moreinfo.html" class="wb-tree-tt">{label}</a>
                                     </span>
                                    </h3></li>	
                                   """ for sub, label in ZTZL_SUBS)
    trs = "".join(f"""
                                                <tr class="ewb-trade-tr">
                                                    <td class="ewb-trade-td indexnum">
                                                        <span>{(page - 1) * PER + i + 1}</span>
                                                    </td>
                                                    <td class="ewb-trade-td newInfo">
                                                        <a href="{href}" target="_blank" title="{kit.esc(t)}">
                                                            {kit.esc(t)}</a>
                                                        <img src="../../images/new.gif" class="myimage" date-value="{_stamp(kit, d)}">
                                                    </td>
                                                    <td class="ewb-trade-td">
                                                        {d:%Y-%m-%d}</td>
                                                </tr> 
                                             """ for i, (href, d, t) in enumerate(rows))
    return f"""<!DOCTYPE html>
<html lang="zh-CN">

<head>
    <meta charset="UTF-8">
    <meta http-equiv="X-UA-Compatible" content="IE=Edge">
    <meta name="renderer" content="webkit">
    <link rel="stylesheet" href="../../css/Common.css">
    <link rel="stylesheet" href="../../css/subcommon.css">
    <link rel="stylesheet" href="../../css/moreinfo.css">
    <link rel="stylesheet" type="text/css" href="../../js/lib/pagination/mricode.pagination.css">

    <script src="../../fzx/js/lib/jquery.min.js"></script>
    <script src="../../js/ServiceUtil.js"></script>
    <script src="../../js/lib/pagination/mricode.pagination.js"></script>
    <title>{CENTRE}</title>
    <script type="text/javascript" src="../../js/webBuilderCommon.js"></script>
</head>

<body>
    <!-- head begin -->
    <div id="header"></div>
    <!-- head finish -->
    <!-- 中间部分 -->
    <div class="ewb-trade-mid">
        <div class="ewb-page-wrap">
            <div class="ewb-bread"><a href="../../index.html">首页</a>&nbsp;&gt; <a href="../moreinfo.html">专题专栏</a>&nbsp;&gt; <span style="color:#ff5500" id="viewGuid" value="cms_{cat}">{name}</span>
					<div style="display:none"><input type="hiden" id="catenum" value="{cat}"></div></div><!-- 动态部分 -->
            <div class="ewb-page-main ewb-h698">
                <div class="sub-container clearfix">
                    <div class="clearfix ewb-mt20">
                        <!-- 左侧栏目列表 -->
                        <div class="ewb-span6">
                            <div class="ewb-trade-left">
                                <div class="ewb-trade-tt">
                                    专题专栏</div>
                                <div>
                                    <ul id="secondcategory" class="wb-tree">
                                        {tree}</ul>
                                </div>
                            </div>
                        </div>
                        <!-- 左侧栏目列表结束 -->
                        <!-- 右侧信息部分 -->
                        <div class="ewb-span18 r">
                            <div class="ewb-ml10">
                                <div class="ewb-area-tt clearfix">
                                    <span style="padding-left:515px;line-height:30px">标题检索：</span>
                                    <button onclick="onClickSelect()" class="ewb-sbtn r" type="button"></button>
                                    <input id="infoContent" type="text" class="ewb-law-input r" style="width:220px">
                                </div>
                                <div id="jt">
								 <table class="ewb-trade-tb">
                                    <thead>
                                        <tr>
                                            <th class="ewb-trade-th ewb-w44">
                                                序号
                                            </th>

                                            <th class="ewb-trade-th ewb-trade-pro">
                                                标题
                                            </th>

                                            <th class="ewb-trade-th ewb-w108">
                                                发布时间
                                            </th>
                                        </tr>
                                    </thead>
									 <tbody>
                                        {trs}</tbody>
                                </table> 
                                    <div class="ewb-page" style="margin-top: 20px;">
                                        {_pager_script(f"{ZTZL}/{cat}", "moreinfo.html", cat, total, page)}
                                        </div>
                                </div>
                                <div id="dt" style="display:none">
                                    <table class="ewb-trade-tb">
                                        <thead>
                                            <tr>
                                                <th class="ewb-trade-th ewb-w44">
                                                    序号
                                                </th>

                                                <th class="ewb-trade-th ewb-trade-pro">
                                                    标题
                                                </th>

                                                <th class="ewb-trade-th ewb-w108">
                                                    发布时间
                                                </th>
                                            </tr>
                                        </thead>
                                        <tbody id="xxList">
                                        </tbody>
                                    </table>
                                    <div id="pager" class="ewb-page"></div>
                                </div>
                            </div>
                        </div>
                        <!-- 右侧信息部分结束 -->

                    </div>
                </div>
            </div>
        </div>
    </div>
    <!-- foot begin -->
    <div id="footer"></div>
    <!-- foot finish -->
    <!-- 模板	 -->
    <script type="text/template" id="info-template">

        {{{{#Table}}}}
        <tr class="ewb-trade-tr">
            <td class="ewb-trade-td">
                {{{{index}}}}
            </td>
            <td class="ewb-trade-td newInfo">
                <a href="/jump.html?infoguid={{{{infoid}}}}&categorynum={{{{categorynum}}}}" target="_blank" title="{{{{title1}}}}">
                    {{{{{{title}}}}}}
                </a>
                <img src="/images/new.gif" class="myimage"  date-value="{{{{date}}}}" />
            </td>
            <td class="ewb-trade-td">
                {{{{date}}}}
            </td>
        </tr>
        {{{{/Table}}}}
    </script>
    <script src="../../search/js/mustache.js"></script>
    <script src="../../fzx/js/lib/laydate/laydate.js"></script>
    <script src="../../js/common.js"></script>
    <script src="../../js/morelist.js"></script>
</body>

</html>"""


def _ztzl_column(kit: Kit, case: str, cat: str, name: str, rows: list[tuple[str, date, str]], note: str) -> None:
    here = f"{ZTZL}/{cat}"
    chunks = kit.paged(rows, PER)
    for p, chunk in enumerate(chunks, start=1):
        shown = [(u[len(here) + 1:], d, t) for u, d, t in chunk]
        kit.write(_page_path(here, "moreinfo.html", p), _ztzl_page(kit, cat, name, shown, p, len(rows)))
    kit.column(case, name, f"{here}/moreinfo.html", list(rows), len(chunks), note=note)


def _ztzl_rows(kit: Kit, cat: str, ds: list[date]) -> list[tuple[str, date, str]]:
    return [(f"{ZTZL}/{cat}/{d:%Y%m%d}/{_guid(kit)}.html", d, kit.title(d.year)) for d in ds]


# -- the centre's 交易信息: tradeInfo.html -------------------------------------------------------------
JYXX = f"{ROOT}/jyxx"
TRADE_TREE = [
    ("003001", "建设工程", [("003001001", "招标公告/资审公告"), ("003001003", "变更公告"), ("003001006", "未入围公示"),
                          ("003001005", "最高限价公示"), ("003001007", "中标候选人公示"), ("003001008", "中标结果公告")]),
    ("003002", "交通工程", [("003002001", "招标公告"), ("003002003", "中标候选人公示"), ("003002004", "中标结果公告")]),
    ("003003", "水利工程", [("003003001", "招标公告"), ("003003003", "中标候选人公示"), ("003003004", "中标结果公告")]),
    ("003004", "政府采购", [("003004002", "采购公告"), ("003004003", "更正公告"), ("003004006", "结果公告")]),
    ("003005", "土地矿产", [("003005002", "出让公告"), ("003005004", "成交结果")]),
    ("003006", "国有产权", [("003006001", "挂牌公告"), ("003006004", "成交公示")]),
    ("003020", "国企采购栏目", []),
    ("003025", "农村集体工程", [("003025001", "招标/资审公告"), ("003025007", "中标结果公告")]),
]
KINDS = {"003001": ["工程", "工程", "服务", "货物"], "003002": ["工程", "服务"], "003003": ["工程", "服务"]}
AREAS = ["苏州市区", "姑苏区", "吴中区", "相城区", "工业园区", "高新区", "吴江区"]


def _trade_page(kit: Kit, cat: str, name: str, rows: list[tuple[str, date, str, str, str]], page: int, total: int) -> str:
    tree = ""
    for top, label, subs in TRADE_TREE:
        sub_html = "".join(f"""
									<li class="wb-tree-item " id="{s}">
                                       <a href="../{top}/{s}/tradeInfo.html">{sl}</a>
                                     </li>""" for s, sl in subs)
        tree += f"""
									<li class="wb-tree-items haschild {'current' if top == cat else ''}" id="{top}" style="display: none;">
									<input type="hidden" class="column" value="{label}">
									<h3 class="wb-tree-node">
                                     <i class="wb-tree-iconr"></i>
                                        <span class="wb-tree-tt-bg">
                                        <a href="../{top}/tradeInfo.html" class="wb-tree-tt">{label}</a>
                                     </span>
                                    </h3>{f' <ul class="wb-tree-sub">{sub_html}</ul>' if subs else ''}</li>	
                                   """
    trs = "".join(f"""
								 <tr class="ewb-trade-tr">
                                            <td class="ewb-trade-td  indexnum">
												 <span>{(page - 1) * PER + i + 1}</span>
                                            </td> 
											<td class="ewb-trade-td ewb-ycf3" style="color: #5cc5fb;" title=" {kind}">
                                                {kind}</td>
                                            <td class="ewb-trade-td">
                                                <a href="{href}" target="_blank" title="{kit.esc(t)}">{kit.esc(t)}</a>
                                            </td>
                                            <td class="ewb-trade-td">
                                                {area}</td>
                                            <td class="ewb-trade-td">
                                                {d:%Y-%m-%d}</td>
                                        </tr>    
""" for i, (href, d, t, kind, area) in enumerate(rows))
    head = """<thead>
                                        <tr id="headdepart">
                                            <th class="ewb-trade-th ewb-w44">
                                                序号
                                            </th>
                                            <th class="ewb-trade-th ewb-w44 ewb-ycf2" style="width:100px">
                                                交易分类
                                            </th> 
                                            <th class="ewb-trade-th ewb-trade-pro" id="xmmc-style">
                                                项目名称
                                            </th>
                                            <th class="ewb-trade-th ewb-w108">
                                                所在地区
                                            </th>
                                            <th class="ewb-trade-th ewb-w108">
                                                发布时间
                                            </th>
                                        </tr>
                                    </thead>"""
    search = "".join(f"""
									<div id="{box}">
									   <ul>
									      <li class="clearfix">
                                            <span class="ewb-stxt l">
                                                项目名称：
                                            </span>
                                            <input type="text" class="ewb-trade-input l" id="titletxt{n}" style="width:220px">
											 <span class="ewb-stxt l">
                                                所属区域：
                                            </span>
                                            <select id="xiaqutxt{n}" class="ewb-trade-input l" style="width:180px"> 
											</select> 
											<!--苏州区-->
											<select id="suzhou{n}" class="ewb-trade-input l" style="width:110px;"> 
											</select>
										  </li>
										   <li class="clearfix">
                                            <span class="ewb-stxt l">
                                                发布时间：
                                            </span>
                                            <input type="text" class="ewb-trade-input ewb-time-input l" id="infodatefrom{n}" style="width:220px">  
											<span class="ewb-stxt l">&nbsp;到&nbsp;</span> 
                                            <input type="text" class="ewb-trade-input ewb-time-input l" id="infodateto{n}" style="width:220px"> 
											 <button class="ewb-sbtn r" type="button" onclick="search2('')" text="搜  索">搜  索</button>
										  </li>
									   </ul>  
									</div>""" for box, n in (("jsgc", ""), ("nojsgc", "2")))
    return f"""<!DOCTYPE html>
<html lang="zh-CN">

<head>
    <meta charset="UTF-8">
    <meta http-equiv="X-UA-Compatible" content="IE=Edge">
    <meta name="renderer" content="webkit"> 
	<link rel="stylesheet" href="../../fzx/js/lib/chosen/chosen.css">
	<link rel="stylesheet" href="../../css/Common.css">
    <link rel="stylesheet" href="../../css/tradeInfo.css"> 
    <link rel="stylesheet" type="text/css" href="../../js/lib/pagination/mricode.pagination.css">
    
    <script src="../../fzx/js/lib/jquery.min.js"></script>
	<script src="../../js/ServiceUtil.js"></script>
    <script src="../../js/lib/pagination/mricode.pagination.js"></script>
    <title>{CENTRE}</title>
	<script type="text/javascript" src="../../js/webBuilderCommon.js"></script>
</head>

<body>
     <!-- head begin -->
    <div id="header"></div> 
    <!-- head finish -->
    <!-- 中间部分 -->
    <div class="ewb-trade-mid">
        <div class="ewb-page-wrap">
            <div class="ewb-bread"> 
				<div class="ewb-bread"><a href="../../index.html">首页</a>&nbsp;&gt; <a href="../tradeInfo.html">交易信息</a>&nbsp;&gt; <span style="color:#ff5500" id="viewGuid" value="cms_{cat}">{name}</span>
					<div style="display:none"><input type="hiden" id="categorynum" value="{cat}"></div></div></div>
            <div class="ewb-page-main ewb-h918">
                <div class="sub-container clearfix">
                    <div class="clearfix ewb-mt20">
                        <div class="ewb-span6">
                            <div class="ewb-trade-left">
                                <div class="ewb-trade-tt">
                                    交易信息
                                </div>
                                <div>
                                    <ul class="wb-tree">
									{tree}</ul>
                                </div>
                            </div>
                        </div>
                        <div class="ewb-span18 r">
                            <div class="ewb-ml10">
                                <div class="ewb-area-tt">
                                   <div class="ewb-trade-search clearfix">{search}
                                    </div>
								</div> 
								<div id="jt">
								 <table class="ewb-trade-tb">
                                    {head}  
                                    <tbody>
{trs}                                </tbody>
                                </table> 
                                  <div class="pagemargin" style="margin-top: 20px;">
                                        {_pager_script(f"{JYXX}/{cat}", "tradeInfo.html", cat, total, page).replace(
        '<script>', f'<input type="hidden" id="mytotalnum" value="{total}">{chr(10)}                                        <script>', 1)}
                                        </div>
                                </div>
								<div id="dt">
                                <table class="ewb-trade-tb">
                                    {head}  
                                    <tbody id="xxList">
                                       
                                    </tbody>
                                </table>
								<div id="pager" class="ewb-page" style="margin-top: 20px;"></div>
                                </div> 
							</div>
                        </div>
                    </div>
                </div>
            </div>
        </div>
    </div>
    <!-- foot begin -->
    <div id="footer"></div> 
    <!-- foot finish --> 
<!-- 模板	 -->
	 <script type="text/template" id="info-template">
        {{{{#Table}}}} 
                                    <tr class="ewb-trade-tr">
                                            <td class="ewb-trade-td">
												{{{{index}}}}
                                            </td> 
											<td class="ewb-trade-td ewb-ycf3" style="color: #5cc5fb;" title="{{{{jyfl}}}}">
                                                {{{{jyfl}}}}
                                            </td>
                                            <td class="ewb-trade-td">
                                                <a href="/jump.html?infoguid={{{{infoid}}}}&categorynum={{{{categorynum}}}}" target="_blank" title="{{{{title1}}}}">{{{{{{title}}}}}}</a>
                                            </td>
                                            <td class="ewb-trade-td">
                                                {{{{city}}}}
                                            </td>
                                            <td class="ewb-trade-td">
                                                {{{{postdate}}}}
                                            </td>
                                        </tr>   
        {{{{/Table}}}}  
    </script> 
	<script src="../../search/js/mustache.js"></script> 
    <script src="../../fzx/js/lib/laydate/laydate.js"></script>
    <script src="../../js/common.js"></script>
    <script src="../../js/tradeInfo.js"></script>
	<script src="../../js/tradelist.js"></script>  
</body>

</html>"""


def _trade_column(kit: Kit, case: str, cat: str, n: int, newest: date, step: int, note: str) -> None:
    top = next(t for t in TRADE_TREE if t[0] == cat)
    here = f"{JYXX}/{cat}"
    rows = []
    for d in kit.dates(n, newest, step):
        sub = kit.rng.choice(top[2])[0]
        rows.append((f"{here}/{sub}/{d:%Y%m%d}/{_guid(kit)}.html", d, kit.title(d.year),
                     kit.rng.choice(KINDS[cat]), kit.rng.choice(AREAS)))
    chunks = kit.paged(rows, PER)
    for p, chunk in enumerate(chunks, start=1):
        shown = [(u[len(here) + 1:], d, t, k, a) for u, d, t, k, a in chunk]
        kit.write(_page_path(here, "tradeInfo.html", p), _trade_page(kit, cat, top[1], shown, p, n))
    kit.column(case, top[1], f"{here}/tradeInfo.html", [(u, d, t) for u, d, t, _, _ in rows], len(chunks), note=note)


def _centre(kit: Kit) -> None:
    kit.start_portal("szggzy", "苏州市公共资源交易中心（模型）", SOURCE, "city", "Epoint WebBuilder",
                     "http://szzyjy.fwzx.suzhou.gov.cn/")
    # 通知公告: a hand-ordered block first (old notices, the newest one in sixth place), then newest first
    block = [kit.ago(26), kit.ago(38), kit.ago(290), kit.ago(275), kit.ago(330), kit.ago(3), kit.ago(410)]
    run = kit.dates(30, kit.ago(3), 5)
    _ztzl_column(kit, "szggzy-tzgg", "028001", "通知公告", _ztzl_rows(kit, "028001", block + run),
                 "Epoint moreinfo: list in div#jt, hidden empty twin table div#dt > tbody#xxList, mustache row "
                 "template with {{date}}, new.gif date-value second date; a hand-ordered block of 7 before the "
                 "newest-first run (the newest in 6th place); mricode pagination by script")
    _ztzl_column(kit, "szggzy-zxdt", "028002", "中心动态", _ztzl_rows(kit, "028002", kit.dates(19, kit.ago(47), 11)),
                 "Epoint moreinfo as 通知公告; sorted")
    note = ("Epoint tradeInfo: 5-column table (分类/名称/地区/日期) in div#jt after a search form, all tree items "
            "display:none, empty search twin div#dt > tbody#xxList, mricode pagination by script")
    _trade_column(kit, "szggzy-jsgc", "003001", 58, kit.ago(1), 1, note)
    _trade_column(kit, "szggzy-jtgc", "003002", 24, kit.ago(9), 6, note)
    _trade_column(kit, "szggzy-slgc", "003003", 11, date(2024, 10, 17), 20, note + "; one page, stale")


def build(kit: Kit) -> None:
    _centre(kit)
    _zjg(kit)
