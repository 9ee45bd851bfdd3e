"""平潭综合实验区党工委管委会 (www.pingtan.gov.cn): Fujian's provincial intensive TRS platform —
TRS WCM pages (``t{YYYYMMDD}_{id}.htm``) under the "trt" UI (trt_ui_v2) driven by avalon.js
and ``list2.trsapi``, whose lists page through the platform's search API ``/fjdzapp/search``.

Studied (repository changwu/pingtan-gov-zwgk-archive, commit 6115fd44c19b346a6b58795ceaf18cc339f2e809,
an archive crawler's copy of each list page under ``_lists/``):

- ``pingtan/zwgk/ghxx/gzjzqk/_lists/index.html`` (工作进展情况) and ``pingtan/zwgk/gsgg/_lists/index.html``
  (公示公告): the "trt" static template. Reproduced: the ``div.header.menu_hov`` header (four
  ``header_link_01`` buttons, the ``menu_base`` six-item bar, the ``submenu menu_bd`` mega-menu of
  rows of links), ``banner_header`` (a script-drawn date, search forms), ``div.breadcrumb`` with
  "当前位置：" and one ``<li>`` per crumb (no ">" in the markup), ``div.title_extend`` with the
  column's ``title_name`` and the "更多栏目" sibling dropdown (``ul.dropdown_menu`` with ``li.on``),
  the ``filter_area`` (publish-year tags drawn by ms-repeat, keyword box), and the list in
  ``div.list_base.list_base_date_01.list_base_file_type[ms-controller=list] > div[ms-visible=showStatic]``:
  the first five pages (75 items) ALL in the static HTML as groups of five under
  ``<div ms-visible="$showStatic(k)">`` (k = 1, 6, 11 …), rows
  ``<li><a href target="_blank" title>…</a><em id="rel_N"></em><span class="bf-pass">YYYY-MM-DD</span></li>``,
  followed by the ``div[ms-visible=!showStatic]`` fallback whose avalon templates hold the
  text 暂无数据 although the column has items; the pager bar is drawn by script into the empty
  ``div.page_base[ms-controller=list_pagebar]``; ``pageChnlInfo`` ("动静结合", maxStaticIndex 5,
  prepage 15, recordCount) decides that pages past the fifth come from the search API.
  Quirks kept: order by the shown date with URL dates that differ from it (a later t-date),
  items linking into OTHER columns (``../../zdlyxxgk/…``, ``../../zfxxgk/…``), one document
  cross-posted from a department's 工作动态, identical titles on different URLs, a one-word
  title, titles with double spaces, many items on one day, the footer's friend-link tabs
  with IPv6-proxy hostnames (``*.ipv6best.cn``), the ``SiteInfo`` object.
- ``pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqbm/ptzhsyqjjf/fdzdgknr/gzdt/_lists/index.html`` (经济发展局 ›
  法定主动公开内容 › 工作动态): the 政府信息公开平台 template whose list is NOT in the static HTML:
  the ``info_public_tit`` banner (department name by ``ms-text=ext3['orgname']``), the
  ``info_menu_list`` left menu (its channel list drawn from ``vmArgsExt.chnllist``), the
  ``tabs.info_tabs`` box (tab ``ms-text=chnlname``), the header row ``div.rules_tabs_01.none_sm``
  (序号/标题/发文字号/成文日期/发布日期) and the ``div.rules_tabs_01`` of ``dl[ms-repeat=list]`` rows
  with five ``dd`` cells, two of them dates (成文日期 ``pubdate``, 发布日期 ``docreltime``), sorted
  by ``-pubdate`` (成文日期), ten a page, a ``var gklist`` of department channel URLs in a
  script, no breadcrumb.

Our own: every title (kit), every document id, the channel ids, the dates. The scripts are
short stand-ins written here (``/pingtan/images/model.min.js``) for model.min.js + list2.trsapi:
they show one static page of groups, draw the pager, and ask the search API for what is not
static. The real list2.trsapi POSTs its form to ``/fjdzapp/search``; the corpus server answers
GET only, so the same parameters go in the query string (``channelid``, ``classsql``,
``sortfield``, ``page``, ``prepage`` …) and the answer is the platform's JSON
``{"pageCount": N, "data": [{"doctitle", "docpuburl", "chnldocurl", "pubdate", "docreltime",
"fileno", …}]}``. Links the real site writes as absolute ``https://www.pingtan.gov.cn/…`` URLs
are root-relative here (``/pingtan/…``).

Columns: four on the static template (公示公告: 112 records, 75 static + three API pages;
人事信息: exactly 75, all static; 工作进展情况: 41, stale, cross-column links; 年度计划: 7, stale)
and three on the 信息公开平台 template (经济发展局 工作动态: 28 records, three API pages, one
written long before it was published, two cross-posted to 工作进展情况; 农业农村局 工作动态: 14, stale; 投资促进局 财政预算、决算信息:
none, the platform says 暂无数据).
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from urllib.parse import urlencode

from kit import Kit, Row

SOURCE = ("changwu/pingtan-gov-zwgk-archive@6115fd44c19b346a6b58795ceaf18cc339f2e809: "
          "pingtan/zwgk/ghxx/gzjzqk/_lists/index.html, pingtan/zwgk/gsgg/_lists/index.html, "
          "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqbm/ptzhsyqjjf/fdzdgknr/gzdt/_lists/index.html")
PT = "/pingtan"
SITE = "平潭综合实验区党工委管委会"
API = f"{PT}/fjdzapp/search"
SEARCH_ID = 200210  # the site's document-search channel (SiteInfo.searchId)

ZWGK = [("zfxxgk", "政府信息公开"), ("ldzc", "领导之窗"), ("zzjg", "政府机构"), ("yw", "要闻"), ("zfhy", "政府会议"),
        ("zxwj", "最新文件"), ("zcwjk", "政策文件库"), ("zfgzbg", "政府工作报告"), ("gsgg", "公示公告"), ("ghxx", "规划信息"),
        ("rsxx", "人事信息"), ("tjxx", "统计信息"), (None, "数据开放"), ("zdlyxxgk", "重点领域信息公开"), ("ztzl", "专题专栏")]
GHXX: list[tuple[str | None, str]] = [("ztgh", "中长期发展规划"), ("ndjh", "年度计划"), ("zxgh", "专项规划"), ("qygh", "区域规划"), ("kjgh", "空间规划"),
        ("gzjzqk", "工作进展情况")]


# == the site's chrome (both templates) =====================================================
def _header() -> str:
    def row(links: list[tuple[str, str]]) -> str:
        return "".join(f"""
                    <a href="{u}" target="_blank" title="{t}">{t}</a>  """ for u, t in links)
    zwgk = [(f"{PT}/zwgk/{s}/" if s else "https://data.fujian.gov.cn/#/oportal/index", t) for s, t in ZWGK]
    jdhy = [(f"{PT}/jdhy/zcjd/", "平潭政策解读"), (f"{PT}/jdhy/xwfbh/", "新闻发布会"), (f"{PT}/jdhy/hygq/", "回应关切")]
    bsfw = [("https://zwfw.fujian.gov.cn/", "福建网上办事大厅"), (f"{PT}/bsfw/xzfwzx/", "行政服务中心"),
            ("https://www.fujian.gov.cn/bsfw/mztapp/", "闽政通APP"), (f"{PT}/zjpt/cypt/", "畅游平潭"),
            (f"{PT}/bsfw/ztfw/zwdt/", "政务地图")]
    hdjl = [(f"{PT}/hdjl/bmfw/", "12345便民惠企服务平台"), (f"{PT}/hdjl/zxft/", "在线访谈"), (f"{PT}/hdjl/wsdc/", "网上调查"),
            (f"{PT}/hdjl/myzj/", "民意征集"), (f"{PT}/hdjl/hdjlzsk/", "互动交流知识库")]
    search_form = """
						<div class="input_select input_base input_group input_group_append input_group_prepend">
							<input type="text" placeholder="请输入您要搜索的内容" name="key" class="input_inner" id="selecttags" required="required" ms-duplex="searchTips.serKey" autocomplete="off" />
							<div class="input_group_append_01">
								<button  type="submit" class="btn_base btn_default" alt="点击搜索"><i class="trt-iconfont trt-icon-sousuo"></i></button>
							</div>
							<div class="lxglc-box_2021" ms-visible="searchTips.showlist&&searchTips.linkKeys.length>0">
								<ul>
								  <li ms-repeat="searchTips.linkKeys">
									<a href="javascript:;" ms-click="$setPost(el.wordName)" ms-text="el.wordNameHtml|html"></a>
								  </li>
								</ul>
							  </div>
						</div>"""
    return f"""		<!--头部开始-->
		<div class="header menu_hov">
	<div class="row">
		<div class="logo trt-col-9">
			<img src="{PT}/images/gh_logo.png" />
			<a href="{PT}/"><img src="{PT}/images/site_logo.png" /></a>
		</div>
		<div class="header_line clearflx" role="serve" des="头部信息">
			<div class="header_link_01">
				<a href="https://www.gov.cn/" Target="_blank" title="国务院" class="btn_base btn_outline btn_outline_primary btn_small">国务院</a>
				<a href="https://www.fujian.gov.cn/" Target="_blank" title="省政府" class="btn_base btn_outline btn_outline_primary btn_small">省政府</a>
				<a href="https://www.fjrd.gov.cn/" Target="_blank" title="省人大" class="btn_base btn_outline btn_outline_primary btn_small">省人大</a>
				<a href="http://www.fjzx.gov.cn/" Target="_blank" title="省政协" class="btn_base btn_outline btn_outline_primary btn_small">省政协</a>
			</div>
			<div class="header_link_02">
				<a href="javascript:;" class="none_sm">移动版</a>
				<div class="mzt_ewm"><div><img src="{PT}/images/mzt_ewm.png" /></div><p>闽政通APP</p></div>
			</div>
			<div class="header_link_02 none_sm">
				<em ms-visible="!isLogin">
					<a id="logined" href="javascript:void(0);" ms-click="$login" target="_blank" >登录</a>
					<a id="registered" href="javascript:void(0);" ms-click="$register" >注册</a>
				</em>
				<em ms-visible="isLogin" style="display:none;">
					<a href="{PT}/uc/indexs/index" ms-attr-title='loginInfo.showname'>你好，<font ms-text="loginInfo.showname | truncate(12)"></font></a>
					<a ms-attr-href="logoutUrl">注销</a>
				</em>
			</div>
			<span>网站支持IPV6</span>
		</div>
		<div class="menu_base menu_right menu_hd">
			<ul class="clearflx" role="navigation" des="站点主目录">
				<!--有下拉菜单的li加上parentNode-->
				<li ms-class="on:RootPath==''"><a href="{PT}/">首页</a></li>
				<li class="parentNode" ms-class="on:paths[3]=='zwgk' || paths[4]=='zfxxgk'"><a href="{PT}/zwgk/">政务公开</a></li>
				<li class="parentNode" ms-class="on:paths[3]=='jdhy'"><a href="{PT}/jdhy/">解读回应</a></li>
				<li class="parentNode"  ms-class="on:paths[3]=='bsfw'"><a href="{PT}/bsfw/">办事服务</a></li>
				<li class="parentNode" ms-class="on:paths[3]=='hdjl'"><a href="{PT}/hdjl/">互动交流</a></li>
				<li ms-class="on:paths[3]=='zjpt'"><a href="{PT}/zjpt/">走进平潭</a></li>
			</ul>
		</div>
		<div class="search_fixed">
			<form method="get" action="{PT}/ssp/main/index.html" target="_blank">
				<input type="hidden" name="siteId" value="4" />
				<input type="text" placeholder="请输入搜索内容" name="key" required="required" class="form-control" />
				<button class="btn_base"><i class="trt-iconfont trt-icon-sousuo"></i></button>
			</form>
		</div>
	</div>
	<div class="submenu menu_bd">
		<div class="row">
			<div></div>
		</div>
		<div class="row">
			<div>{row(zwgk)}
			</div>
		</div>
		<div class="row">
			<div>{row(jdhy)}
			</div>
		</div>
		<div class="row">
			<div>{row(bsfw)}
			</div>
		</div>
		<div class="row">
			<div>{row(hdjl)}
			</div>
		</div>
		<div class="row">
			<div></div>
		</div>
	</div>
</div>
<div class="banner_header">
	<div class="row">
		<div class="trt-row">
			<div class="trt-col-7 trt-col-sm-0">
				<div class="area_weather">
					<p><font ms-text="now|date('yyyy年MM月dd日 EEEE')"></font></p>
					<p font ms-text="weather+''+temp"></p>
				</div>
			</div>
			<div class="trt-col-10 trt-col-sm-18" role="interaction" des="搜索">
				<div class="search_area" id="header">
					<form ms-attr-action="searchAction" target="_blank" ms-if="!avalon.vmodels.windowRoot.isStatic" >{search_form}
					</form>
					<div class="search_content shadow_base" Id="searchTag">
						<div class="search_top">
							<span>热门搜索：</span>
							<a ms-repeat="hotWords" href="javascript:;" ms-text="el.title" ms-click="$setPost(el.title)"></a>
						</div>
					</div>
				</div>
			</div>
			<div class="trt-col-7 trt-col-sm-6 slb-trt-col-sm-24 text_align_right">
				<div class="aged_link">
                    <a href="javascript:void(0);" class="aged_link_01" ms-click="$inSlb()" ms-visible="!isSlb">长者模式</a>
                    <a href="javascript:void(0);" class="aged_link_01 none" ms-click="$outSlb()" ms-visible="isSlb">退出长者模式</a>
                    <a href="javascript:void(0);" class="aged_link_02" Id="barrierFreeBtn"><font id="WzaStatus">无障碍浏览</font></a>
                </div>
			</div>
		</div>
	</div>
</div>
		<!--头部结束-->"""


FRIENDS = [
    ("省市政府网站", [("http://www.fj.gov.cn/", "福建省人民政府"), ("https://www.fuzhou.gov.cn/", "福州市政府网站"),
                 ("http://www.xm.gov.cn/", "厦门市政府网站"), ("http://www.quanzhou.gov.cn/", "泉州市政府网站"),
                 ("http://www.zhangzhou.gov.cn/", "漳州市政府网站"), ("https://www.putian.gov.cn/", "莆田市政府网站"),
                 ("https://www.sm.gov.cn/", "三明市政府网站"), ("https://www.np.gov.cn/", "南平市政府网站")]),
    ("友情链接", [("http://www.people.com.cn/", "人民网"), ("http://www.xinhuanet.com/", "新华网"),
              ("http://hxzc-orgx7a72968723868.ipv6best.cn/", "海峡两岸仲裁机构"), ("https://www.ptnet.cn/", "平潭网"),
              ("http://bzxx-fjx1e49968723868.ipv6best.cn:8060/", "标准信息服务平台")]),
    ("新闻媒体", [("https://fjrb-dailyx2d93968723868xx.ipv6best.cn/pc/col/node_01.html", "福建日报"),
              ("http://www.taihainet.com/", "海峡导报"), ("http://fj.sina.com.cn/", "新浪福建"), ("https://www.163.com/", "网易")]),
    ("其他", [("https://www.creditchina.gov.cn/", "信用中国"), ("https://xy.fujian.gov.cn/#/home", "信用福建"),
            ("https://xypt-ptxe076968723868xx.ipv6best.cn:91/#/double-publicity-info", "信用平潭"),
            ("http://www.hxrc.com/", "中国海峡人才市场")]),
]


def _footer() -> str:
    tabs = "".join(f"""
					<li class="trt-col-6" ms-click="$tog2({n})" ms-class="on:curr==={n}">
						<p>{head}</p>
						<div class="shadow_base" Id="yqlj_{n}">
							<ul class="trt-row">""" + "".join(f"""
									<li class="trt-col-ave-7 trt-col-sm-24">
										<a href="{u}" target="_blank" title="{t}">{t}</a>
									</li>""" for u, t in links) + """
							</ul>
						</div>
					</li>""" for n, (head, links) in enumerate(FRIENDS, 1))
    info = "".join(f"""
						  <a href="{PT}/zwzdb/{s}/" target="_blank" title="{t}">{t}</a>
						  <em>|</em>""" for s, t in [("sybz", "使用帮助"), ("lxwm", "联系我们"), ("ysbh", "隐私保护"),
                                                   ("xmtjz", "新媒体矩阵"), ("gywm", "关于我们")])
    return f"""	<!--底部开始-->
	<div class="footer">
	<div class="border_t_solid_01"></div>
	<div class="row">
		<div class="out_links" role="navigation" des="网站链接">
			<ul class="trt-row" ms-controller="tabYqlj">{tabs}
			</ul>
			<div class="out_links_close shadow_base"><i class="trt-iconfont trt-icon-dacha"></i></div>
		</div>
	</div>
	<div class="border_b_solid_01"></div>
	<div class="row mar_t_base mar_t_small_sm" role="serve" des="网站信息">
		<div class="trt-row clearflx">
			<div class="trt-col-11 trt-col-sm-24 website_info">
				<p>{info}
				<p>
					<span>网站标识码：3590000001</span>
					<span><img src="{PT}/images/babs.png" /> <a href="https://www-beian-gov-cnx45c8968723868xx.ipv6best.cn/portal/registerSystemInfo" Target="_blank">公安备案号：35012899001-19002</a></span>
					<span><a href="https://beian.miit.gov.cn" Target="_blank" title="闽ICP备09032658号">闽ICP备09032658号</a></span>
				</p>
				<p><span>版权所有：{SITE}网站</span></p>
			</div>
			<div class="trt-col-7 trt-col-sm-24 media_info">
				<h3><a href="{PT}/zwzdb/xmtjz/" target="_blank" title="新媒体矩阵">新媒体矩阵</a>  </h3>
				<ul class="trt-row">
					<li class="trt-col-12"><a href="javascript:;" title="平潭发布"><span class="trt-iconfont trt-icon-weixin1"></span>平潭发布</a></li>
					<li class="trt-col-12"><a href="javascript:;" title="闽政通APP"><span class="trt-iconfont trt-icon-minzhengtong"></span>闽政通APP</a></li>
				</ul>
			</div>
			<div class="trt-col-6 trt-col-sm-24 error_img">
				<span id="_span_jiucuo" title="政府网站找错"></span>
			</div>
		</div>
	</div>
	<div class="copyright_info">
		<div class="row">
			<p><span>主办单位：福建省平潭综合实验区管理委员会办公室</span></p>
			<p>为确保最佳浏览效果，建议您使用以下浏览器版本：IE浏览器9.0版本及以上； Google Chrome浏览器 63版本及以上。</p>
		</div>
	</div>
</div>
	<!--底部结束-->"""


def _site_info() -> str:
    return f"""	<script>
    var SiteInfo = {{
        itpSiteId: 21,    //互动站点ID
        itpStatus:true,
        searchId: {SEARCH_ID}, //默认的文档检索频道的ID
        defaultPgTemp: "pgBar_pt.html",  //本站点默认的分页模板名
        siteMsgType: "govSite",  //非政府网站提醒规则
        initWindowRoot: false,
        initPageview: true,
        defaultHotWords: '旅游;渔业;保障性住房',
        openSlb: true,//是否开启适老版
        openWza: true //是否开启无障碍
    }};
</script>
<script src="{PT}/images/model.min.js"></script>"""


def _head(column: str, title: str, chnlid: int, css: list[str]) -> str:
    links = "\n".join(f'<link rel="stylesheet" type="text/css" href="{PT}/images/{c}">' for c in css)
    return f"""<!DOCTYPE html>
<html ms-controller="windowRoot" ms-class="slb:isSlb">
<head>
	<meta charset="utf-8" name="viewport" content="width=device-width, initial-scale=1.0, maximum-scale=1.0">
	<meta http-equiv="x-UA-Compatible" content="IE=Edge,Chrome=1" />
	<meta name="SiteName" content="{SITE}"/>
<meta name="SiteDomain" content="www.pingtan.gov.cn">
<meta name="SiteIDCode" content="3590000001"/>
<meta name="ColumnName" content="{column}"/>
<meta name="ColumnDescription" content="{column}"/>
<meta name="ColumnKeywords" content="{column}"/>
<meta name="ColumnType" content="{column}"/>
<meta name="Keywords" content="平潭，福建平潭，{SITE}"/>
<meta name="ChnlId" content="{chnlid}">
<meta name="SiteId" content="4"/>
	<title>
		{title}
	</title>
	{links}
</head>"""


# == the stand-in for model.min.js + list2.trsapi ===========================================
MODEL_JS = r"""/* 模型站的列表脚本：代替 avalon + list2.trsapi（按页显示静态分组、画分页条、向检索接口取其余页） */
(function () {
  function all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function one(sel, root) { return (root || document).querySelector(sel); }
  function esc(s) { return String(s == null ? "" : s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;"); }
  function day(s) { return s ? String(s).slice(0, 10) : ""; }
  function search(url, args, page, prepage, done) {
    var q = new URLSearchParams(args);
    q.set("page", page); q.set("prepage", prepage);
    var x = new XMLHttpRequest();
    x.open("GET", url + "?" + q.toString());
    x.onload = function () { var j = null; try { j = JSON.parse(x.responseText); } catch (e) {} done(j); };
    x.onerror = function () { done(null); };
    x.send();
  }
  function pagebar(box, count, current, go) {
    if (!box) return;
    var h = '<div class="pagination"><span>共' + count + '页</span>';
    h += '<a href="javascript:void(0);" data-p="' + Math.max(1, current - 1) + '">上一页</a>';
    for (var p = 1; p <= count; p++) h += '<a href="javascript:void(0);" data-p="' + p + '"' + (p === current ? ' class="on"' : '') + '>' + p + '</a>';
    h += '<a href="javascript:void(0);" data-p="' + Math.min(count, current + 1) + '">下一页</a></div>';
    box.innerHTML = h;
    all("a[data-p]", box).forEach(function (a) { a.onclick = function () { go(+a.getAttribute("data-p")); }; });
  }
  function listModel(o) {
    var box = one('[ms-controller="list"][role="viewlist"]') || one('.trt-col-19[ms-controller="list"]');
    var bar = one('[ms-controller="list_pagebar"]');
    var prepage = o.pagebar.prepage || 15, args = o.listArgs;
    if (o.quickMode === "动静结合") {
      var count = Math.max(1, Math.ceil((+o.pagebar.recordCount || 0) / prepage));
      var go = function (p) {
        var stat = p <= o.maxStaticIndex, dyn = one('[ms-visible="!showStatic"]', box);
        one('[ms-visible="showStatic"]', box).style.display = stat ? "" : "none";
        dyn.style.display = stat ? "none" : "";
        all('[ms-visible^="$showStatic("]', box).forEach(function (g) {
          var k = +g.getAttribute("ms-visible").replace(/\D/g, "");
          g.style.display = Math.floor((k - 1) / prepage) + 1 === p ? "" : "none";
        });
        if (!stat) search(o.listApi.url, args, p, prepage, function (j) {
          var rows = (j && j.data) || [];
          dyn.innerHTML = rows.length ? "<ul>" + rows.map(function (el) {
            return '<li><a title="' + esc(el.doctitle) + '" href="' + esc(el.chnldocurl) + '" target="_blank">' + esc(el.doctitle) +
              '</a><em></em><span class="bf-pass">' + day(el.docreltime) + "</span></li>";
          }).join("") + "</ul>" : '<div style="text-align: center; padding: 30px">暂无数据</div>';
        });
        pagebar(bar, count, p, go);
      };
      go(1);
      return {};
    }
    var vm = o.vmArgsExt || {};
    all('[ms-text="chnlname"]').forEach(function (e) { e.textContent = vm.chnlname || ""; });
    var menu = one('li[ms-repeat="chnllist"]');
    if (menu && vm.chnllist) {
      menu.parentNode.innerHTML = vm.chnllist.map(function (c) {
        return '<li' + (c.chnlid == vm.chnlid ? ' class="on"' : '') + '><p><a href="' + esc(c.url) + '">' + esc(c.chnlname) + "</a></p></li>";
      }).join("");
    }
    var load = function (p) {
      search(o.listApi ? o.listApi.url : "__API__", args, p, prepage, function (j) {
        var rows = (j && j.data) || [], tpl = one('dl[ms-repeat="list"]'), holder = tpl ? tpl.parentNode : one(".rules_tabs_01:not(.none_sm)");
        holder.innerHTML = rows.length ? rows.map(function (el, i) {
          return '<dl><dd class="trt-col-2 none_sm slb_none">' + ((p - 1) * prepage + i + 1) + '</dd>' +
            '<dd class="trt-col-10 trt-col-sm-24 slb-trt-col-24"><a href="' + esc(el.chnldocurl) + '" title="' + esc(el.doctitle) + '" target="_blank">' + esc(el.doctitle) + "</a></dd>" +
            '<dd class="trt-col-6 trt-col-sm-24 slb-trt-col-24">' + esc(el.fileno) + "</dd>" +
            '<dd class="trt-col-3 trt-col-sm-24 slb-trt-col-24">' + day(el.pubdate) + "</dd>" +
            '<dd class="trt-col-3 none_sm slb_none">' + day(el.docreltime) + "</dd></dl>";
        }).join("") : '<dl><dd colspan="5"><div>' + (j ? "暂无数据" : "加载失败") + "</div></dd></dl>";
        var count = (j && j.pageCount) || 0;
        if (count > 0) pagebar(bar, count, p, load); else if (bar) bar.parentNode.removeChild(bar);
      });
    };
    load(1);
    return {};
  }
  var orgs = function () {
    var here = location.pathname, g = window.gklist || {};
    for (var k in g) if (here.indexOf(k) === 0) return g[k];
    return null;
  };
  window.require = function (deps, cb) {
    var ext = orgs();
    if (ext) all("[ms-text=\"ext3['orgname']\"]").forEach(function (e) { e.textContent = ext.orgname; });
    cb.apply(null, deps.map(function (d) { return d === "list2.trsapi" ? listModel : { getQs: function () { return {}; } }; }));
  };
})();
""".replace("__API__", API)


def _api_answer(records: list[dict], page: int, per: int) -> str:
    count = -(-len(records) // per)
    chunk = records[(page - 1) * per:page * per]
    return json.dumps({"pageCount": count, "data": chunk}, ensure_ascii=False)


def _api_route(args: dict, page: int, per: int) -> str:
    return f"{API}?{urlencode({**args, 'page': page, 'prepage': per})}"


def _record(url: str, title: str, docid: int, shown: date, written: date | None, chnlid: int, fileno: str = "") -> dict:
    """One document as the platform's search API answers it."""
    stamp = f"{shown:%Y-%m-%d} {9 + docid % 9:02d}:{docid % 60:02d}:{(docid * 7) % 60:02d}"
    return {"docid": str(docid), "chnlid": str(chnlid), "doctitle": title, "doctitle_cp": title, "docpuburl": url,
            "chnldocurl": url, "pubdate": f"{written:%Y-%m-%d} 00:00:00" if written else "", "docreltime": stamp,
            "fileno": fileno, "docsourcename": "", "rels": []}


# == the "trt" static template ================================================================
def _trt_page(kit: Kit, section: list[tuple[str | None, str]], crumbs: list[tuple[str, str]], slug: str, name: str,
              chnlid: int, items: list[dict], record_count: int) -> str:
    """A column on the static template: the first five pages of items in groups of five."""
    crumb = "".join(f'<li><a href="{u}" title="{t}" class="active">{t}</a></li>' for u, t in crumbs)
    more = "".join(f"""
										
											
											
												<li{' class="on"' if s == slug else ''}>
													<a href="{'./' if s == slug else (f'../{s}/' if s else 'https://data.fujian.gov.cn/#/oportal/index')}" title="{t}">{t}</a>
												</li>
											""" for s, t in section)
    groups = []
    for k in range(0, len(items), 5):
        lis = "".join(f"""
										
										  <li>
											<a href="{i['href']}" target="_blank" title="{kit.esc(i['title'])}">{kit.esc(i['title'])}</a>
											<em id="rel_{i['docid']}"></em>
											<span class="bf-pass">{i['shown']:%Y-%m-%d}</span>
										  </li>""" for i in items[k:k + 5])
        groups.append(f"""
									<div ms-visible="$showStatic({k + 1})">
									  <ul>{lis}
										
									  </ul>
									  <div class="border_b_dashed border_b_solid_03_sm mar_t_small mar_t_base0_sm mar_b_small mar_b_base0_sm"></div>
									</div>
								  """)
    template = "".join(f"""
								<ul ms-if="list.length>{lo}">
								  <li ms-repeat="list" ms-if-loop="$index>{lo - 1} && $index<{lo + 5}">
									<a ms-attr-title="el.doctitle_cp" ms-attr-href="el.chnldocurl" Target="_blank" ms-text="el.doctitle|html|showkey"></a>
									<em ms-repeat-rel="el.rels" ms-if-loop="rel._reltype===1||rel._reltype===2"><a ms-attr-href="rel.url" ms-text="rel._doctype" Target="_blank" ms-attr-title="rel.tardoctitle"></a></em>
									<span ms-text="el.docreltime | date2('yyyy-MM-dd')" class="bf-pass"></span>
								  </li>
								  <div class="border_b_dashed border_b_solid_03_sm mar_t_small mar_t_base0_sm mar_b_small mar_b_base0_sm"></div>
								</ul>
			  """ for lo in (0, 5, 10))
    return f"""{_head(name, f"{name}_{SITE}", chnlid, ["trt_iconfont_v2.css", "trt_ui_v2.css", "trt_component_v2.css",
                                                      "230822_dgwgwh_header.css", "230822_dgwgwh_style.css", "23pingtan.css"])}
<body>
	<div class="wrap">
{_header()}
		<div class="main">
			<div class="content mar_t_large mar_t_base_sm">
				<div class="row content_bg_02 pad_large pad_base_sm shadow_base border_radius_large">
					<!--模板从这边开始拷贝-->
					<div class="breadcrumb" role='navigation' des="当前位置">
						<span><i class="trt-iconfont trt-icon-weizhi"></i>当前位置：</span>
						<ul>
							{crumb}
						</ul>
					</div>
					<div class="pad_l_base pad_r_base pad_l_base0_sm pad_r_base0_sm pingtgl">
						<div class="title_extend clearflx mar_t_small mar_t_base0_sm">
							<div class="title_extend_left">
								<div class="title_base current_title clearflx">
									<div class="title_name">{name}</div>
								</div>
							</div>
							<div class="title_extend_right">
								<div class="title_more">
									<button type="button" class="btn_base btn_outline btn_outline_info dropdown_toggle"><i class="trt-iconfont trt-icon-caidan caret"></i><span>更多栏目</span></button>
									<ul class="dropdown_menu dropdown_menu-right">{more}
									</ul>
								</div>
							</div>
							
						</div>
						<div class="filter_area content_bg_01 mar_t_small mar_t_xs_sm pad_t_small pad_b_small pad_l_large pad_r_large" ms-controller="list" role="interaction" des="搜索">
							<div class="tag_group">
								<label>发布时间:</label>
								<div class="tag_base">
									<span class="on" ms-repeat="helps.publishyearItems" ms-class="on:el.value==searchForm.publishyear">
										<a ms-click="$setVal('publishyear',el.value,$event)" href="javascript:void(0);">
										  <font ms-text="el.name"></font>
										  <em ms-visible="el.count" ms-text="'('+el.count + ')'"></em>
										</a>
									</span>
								</div>
							</div>
							<div class="border_b_solid_01 mar_t_xs mar_b_small mar_t_small_sm"></div>
							<div class="trt-row tag_group">
								<div class="none_sm"><label>关键字:</label></div>
								<div class="input_group trt-col-14 trt-col-sm-24 slb-trt-col-20 slb-trt-col-sm-24">
									<input type="text" class="form_control" placeholder="请输入关键字搜索" ms-duplex="searchForm.key" />
									<div class="input_group_btn">
                      <button type="button" class="btn_base btn_primary" ms-click="$search" alt="搜索">搜索</button>
										<button type="button" class="btn_base btn_warning" ms-visible="searchFlag"  ms-click="$cancalSearch" alt="取消搜索">取消搜索</button>
									</div>
								</div>
							</div>
						</div>
						<!--有文件类型的概览-->
						<div class="list_base list_base_date_01 list_base_file_type mar_t_base mar_t_small_sm" ms-controller="list" role="viewlist" des='{name}'>
							<div ms-visible="showStatic">
								{"".join(groups)}
							</div>
							<div ms-visible="!showStatic">
								<ul ms-if="list.length==0">
								  <div ms-if="!error" style="text-align: center; padding: 30px">
									<img src="{PT}/images/loading.gif" />
								  </div>
								  <div ms-if="error" style="text-align: center; padding: 30px">暂无数据</div>
								</ul>{template}
							  </div>
						</div>
						<div class="page_base mar_t_base" ms-controller="list_pagebar" ms-include-src="pgTemp" ></div>
					</div>

				</div>
			</div>
		</div>

	</div>
{_footer()}
	</div>
	<!--全站嵌套-->
{_site_info()}
	<!--全站嵌套-结束-->
	
	<script>
		var pageChnlInfo={{
		  quickMode:"动静结合",
		  maxStaticIndex: 5,
		  classsql: "" || "chnlid={chnlid}",
		  recordCount:'{record_count}',
		  sortfield:'-docorderpri,-docreltime',
		  prepage:15,
		  cache:true
		}}
	</script>
	<script type="text/javascript">
		if(!window['pageChnlInfo']){{
			console.log("获取pageChnlInfo失败，分页功能启动失败");
		}}else{{
			require(['list2.trsapi'], function(listModel) {{
				listModel({{
					quickMode:pageChnlInfo.quickMode,
					maxStaticIndex: pageChnlInfo.maxStaticIndex,
					listArgs: {{
						channelid: SiteInfo.searchId,
						classsql: pageChnlInfo.classsql,
						sortfield: pageChnlInfo.sortfield||'-docorderpri,-docreltime',
						classcol: 'publishyear', //需要获取发布年份的统计分类数据
						classsort: 0,
						cache: pageChnlInfo.cache
					}},
					listApi: {{
						url: "{API}"
					}},
					pagebar: {{
						recordCount: pageChnlInfo.recordCount,
						pgTemp: 'pgBar_pt.html',
						prepage: pageChnlInfo.prepage||15,
						pgCountMode: 'recordCount'
					}}
				}})
			}})
		}}
	</script>
</body>

</html>"""


def _trt_column(kit: Kit, case: str, section_slug: str | None, slug: str, name: str, chnlid: int,
                items: list[dict], note: str) -> None:
    """Write a static-template column: one HTML page with up to 75 items, the rest behind
    the search API (pages 6, 7 … of 15), and label it."""
    base = f"{PT}/zwgk/{section_slug}/{slug}/" if section_slug else f"{PT}/zwgk/{slug}/"
    if section_slug:
        section = GHXX
        crumbs = [("../../../", "首页"), ("../../", "政务公开"), ("../", "规划信息"), ("./", name)]
    else:
        section = ZWGK
        crumbs = [("../../", "首页"), ("../", "政务公开"), ("./", name)]
    static, rest = items[:75], items[75:]
    kit.write(f"{base}index.htm", _trt_page(kit, section, crumbs, slug, name, chnlid, static, len(items)))
    args = {"channelid": SEARCH_ID, "classsql": f"chnlid={chnlid}", "sortfield": "-docorderpri,-docreltime",
            "classcol": "publishyear", "classsort": 0, "cache": "true"}
    records = [_record(i["url"], i["title"], i["docid"], i["shown"], i["shown"], chnlid) for i in items]
    api_pages = -(-len(rest) // 15)
    for p in range(6, 6 + api_pages):
        kit.write(_api_route(args, p, 15), _api_answer(records, p, 15))
    rows: list[Row] = [(i["url"], i["shown"], i["title"]) for i in items]
    kit.column(case, name, f"{base}index.htm", rows, 1 + api_pages, note=note)


def _doc(base: str, href_base: str, shown: date, docid: int, title: str, url_day: date | None = None) -> dict:
    d = url_day or shown
    path = f"{d:%Y%m}/t{d:%Y%m%d}_{docid}.htm"
    return {"href": f"{href_base}{path}", "url": f"{base}{path}", "shown": shown, "docid": docid, "title": title}


# == the 政府信息公开平台 template (list drawn by script from the search API) ====================
DEPTS = {
    "ptzhsyqjjf": "平潭综合实验区经济发展局",
    "ptzhsyqnyn": "平潭综合实验区农业农村局",
    "ptzhsyqgyz": "平潭综合实验区投资促进局",
}
CHANNELS = [("gzdt", "工作动态"), ("hzgfxwj", "行政规范性文件"), ("czysjsxx", "财政预算、决算信息"),
            ("zfjzcgxmdm", "政府集中采购项目的目录、标准及实施情况"), ("hjbhggwsaq", "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况"),
            ("tfggsjdyjy", "突发公共事件的应急预案、预警信息及应对情况"), ("jgszzyznbs", "机构设置、主要职能、办事程序"),
            ("qtyzdgkdzf", "其他应主动公开的政府信息")]
CHNL_IDS = {dept: {slug: 2900 + 40 * n + k for k, (slug, _) in enumerate(CHANNELS)} for n, dept in enumerate(DEPTS)}


def _dept_base(dept: str) -> str:
    return f"{PT}/zwgk/zfxxgk/dfbmptlj/ptzhsyqbm/{dept}/"


def _xxgk_page(dept: str, slug: str, name: str) -> str:
    chnlid = CHNL_IDS[dept][slug]
    base = _dept_base(dept)
    chnllist = ",\n".join(f"""  {{
  chnlid: '{CHNL_IDS[dept][s]}',
  'url': '{base}fdzdgknr/{s}/',
  chnlname: '{t}'
  }}""" for s, t in CHANNELS)
    gklist = "\n      //\n    ,".join(
        f'"{_dept_base(d)}":{{orgname:"{o}",chnllist:[{{chnlid:\'{CHNL_IDS[d]["gzdt"] + 39}\',url:"{_dept_base(d)}fdzdgknr/",chnlname:"全部"}}'
        + "".join(f'\n        ,{{chnlid:\'{CHNL_IDS[d][s]}\',url:"{_dept_base(d)}fdzdgknr/{s}/",chnlname:"{t}"}}' for s, t in CHANNELS)
        + "\n        ]}" for d, o in DEPTS.items())
    menu = f"""<div class="trt-col-5 trt-col-sm-24 slb-trt-col-24">
	<div class="info_menu_list" role="navigation" des="政府信息公开">
		<ul>
			<li ms-class="on:paths[8]=='zfxxgkzn'">
				<h3><a href="{base}zfxxgkzn/"><i class="trt-iconfont trt-icon-banlizhinan"></i><span>政府信息<br>公开指南</span><em class="trt-iconfont trt-icon-jiahao1"></em></a></h3>
			</li>
			<li ms-class="on:paths[5]=='zfxxgkzd'">
				<h3><a href="{PT}/zwgk/zfxxgk/zfxxgkzd/"><i class="trt-iconfont trt-icon-gongwenzhidu"></i><span>政府信息<br>公开制度</span><em class="trt-iconfont trt-icon-jiahao1"></em></a></h3>
			</li>
			<li class="parentNode" ms-class="on:paths[8]=='fdzdgknr'">
				<h3><a href="javascript:;" ms-click="$togs('flags', 0 ,false)"><i class="trt-iconfont trt-icon-yijin06-jifenzhengce"></i><span>法定主动<br>公开内容</span><em class="trt-iconfont trt-icon-jiahao1"></em></a></h3>
				<ul ms-if="paths[8]=='fdzdgknr'">
					<!-- list.chnllist -->
					<li ms-repeat="chnllist" ms-class="on:el.chnlid==chnlid" ms-controller="list">
						<p><a ms-attr-href="el.url" ms-text='el.chnlname'><i class="trt-iconfont trt-icon-arrow"></i></a></p>
					</li>
				</ul>
			</li>
			<li ms-class="on:paths[8]=='zfxxgknb'">
				<h3><a href="{base}zfxxgknb/"><i class="trt-iconfont trt-icon-iconfont-nianbao"></i><span>政府信息<br>公开年报</span><em class="trt-iconfont trt-icon-jiahao1"></em></a></h3>
			</li>
			<li ms-class="on:paths[8]=='zfxxgksq'">
				<h3><a href="{base}zfxxgksq/"><i class="trt-iconfont trt-icon-shenqing1"></i><span>政府信息<br>公开申请</span><em class="trt-iconfont trt-icon-jiahao1"></em></a></h3>
			</li>
		</ul>
	</div>
</div>"""
    head = _head(name, f"{name}_法定主动公开内容_{SITE}", chnlid,
                 ["trt_iconfont_v2.css", "trt_ui_v2.css", "230822_dgwgwh_header.css", "22mb_info_public_style.css",
                  "23pt_xxgk_style.css"]).replace('ms-class="slb:isSlb"', 'ms-class-1="SLB:isSlb" ms-class-2="slb:isSlb"')
    return f"""{head}

<body>
    <div class="warp info_public_bg">
{_header()}
        <div class="main">
            <div class="content">
                <!--banner開始-->
                <div class="row">
	<div class="info_public_tit info_public_tit_01"><span class="text_align_center"  ms-text="ext3['orgname']"></span><img src="{PT}/images/20200907-wz-banner.png" alt="政府信息公开" /></div>
</div>
                <!--banner結束-->
                <div class="row content_bg_02 pad_xl pad_base_sm mar_t_200">
                    <div class="trt-row">
                        <!--描述左侧导航開始-->
                        {menu}
                        <!--描述左侧导航結束-->
                        <div class="trt-col-19 trt-col-sm-24 slb-trt-col-24" ms-controller="list">
                            <div class="public_search">
                                <div class="public_search_box">
                                    <input type="text" placeholder="请输入搜索内容" class="input_inner" ms-duplex="searchForm.key" required="required" />
                                    <button class="btn_base" ms-click="$search" alt="搜索"><i class="trt-iconfont trt-icon-sousuo"></i></button>
                                </div>
                            </div>
                            <div class="tabs info_tabs mar_t_large mar_t_base_sm">
                                <div class="tabs_header tabs_hd">
                                    <ul>
                                        <li class="on">
                                            <a href="javascript:void(0);" style="cursor: default;" ms-text="chnlname"></a>
                                        </li>
                                    </ul>
                                </div>
                                <div class="rules_tabs_01 none_sm slb_none">
                                    <dl>
                                        <dt class="trt-col-2">序号</dt>
                                        <dt class="trt-col-10">标题</dt>
                                        <dt class="trt-col-6">发文字号</dt>
                                        <dt class="trt-col-3">成文日期</dt>
                                        <dt class="trt-col-3">发布日期</dt>
                                    </dl>
                                </div>
                                <div class="rules_tabs_01">
                                    <dl ms-if="list.length==0">
                                        <dd colspan="5">
                                            <div ms-if="!error" class="loading"></div>
                                            <div ms-if="error" ms-text="error"></div>
                                        </dd>
                                    </dl>
                                    <dl ms-repeat="list" ms-if-loop="$index < 10">
                                        <dd class="trt-col-2 none_sm slb_none" ms-text="$index+1+pageBaseNum"></dd>
                                        <dd class="trt-col-10 trt-col-sm-24 slb-trt-col-24">
                                            <a ms-attr-href="el.chnldocurl" ms-attr-title="el.doctitle" ms-text="el.doctitle|html|showkey" target="_blank"></a>
                                        </dd>
                                        <dd class="trt-col-6 trt-col-sm-24 slb-trt-col-24" ms-text="el.fileno"></dd>
                                        <dd class="trt-col-3 trt-col-sm-24 slb-trt-col-24" ms-if="el.pubdate" ms-text="el.pubdate|date('yyyy-MM-dd')"></dd>
                                        <dd class="trt-col-3 trt-col-sm-24 slb-trt-col-24" ms-if="!el.pubdate"></dd>
                                        <dd class="trt-col-3 none_sm slb_none" ms-text="el.docreltime|date('yyyy-MM-dd')"></dd>
                                    </dl>
                                </div>
                                <div class="page_base mar_t_base" ms-controller="list_pagebar" ms-include-src="pgTemp" ms-if="pageCount>0"></div>
                            </div>
                        </div>
                    </div>
                </div>
            </div>
        </div>
        <!--底部开始-->
{_footer()}
    </div>
    <!-- 全站嵌套 -->
{_site_info()}
<script>
    var gklist ={{
      //
    {gklist}
      //
    }}
  </script>
    <!-- 全站嵌套 end-->
	<script>
		require(["tools", "list2.trsapi"], function (tools, listModel) {{
			var qs = tools.getQs();
			var chnlname = "{name}";
			localChnldesc = "{name}";
			var classsql = (localChnldesc == "法定主动公开内容") ? "parentid={chnlid}" :
					  "parentid,chnlid+={chnlid}";
			var list = listModel({{
					quickMode: "动态",
					listArgs: {{
						channelid: SiteInfo.searchId,
						classsql: classsql + "*modal=1",
						sortfield: '-pubdate'
					}},
					listApi: {{
						url: "{API}"
					}},
					pagebar: {{
						pgTemp: 'pgBar_xxgk.html',
						prepage: 10,
						displayNum: 2
					}},
					searchArgs: {{
						key: {{
							field: 'doctitle,doccontent+',
							type: "classsql",
							compare: 'like',
							value: "",
							valueType: "string"
						}}
					}},
					vmArgsExt: {{
						pageBaseNum: 0,
						chnlname: "{name}",
							  chnlid: "{chnlid}",
							  chnllist: [
{chnllist}
  ]
				}}
			}})
		}})
	  </script>
</body>

</html>"""


def _xxgk_column(kit: Kit, case: str, dept: str, slug: str, name: str, docs: list[dict], note: str) -> None:
    """A 信息公开平台 column: a page without its list and the API pages (10 a page) its
    script asks for. ``docs``: dicts with url, title, docid, shown (发布日期) and written
    (成文日期 or None), in the API's order (by 成文日期, newest first)."""
    chnlid = CHNL_IDS[dept][slug]
    start = f"{_dept_base(dept)}fdzdgknr/{slug}/index.htm"
    kit.write(start, _xxgk_page(dept, slug, name))
    args = {"channelid": SEARCH_ID, "classsql": f"parentid,chnlid+={chnlid}*modal=1", "sortfield": "-pubdate"}
    records = [_record(d["url"], d["title"], d["docid"], d["shown"], d["written"], chnlid, d.get("fileno", "")) for d in docs]
    pages = max(1, -(-len(records) // 10))
    for p in range(1, pages + 1):
        kit.write(_api_route(args, p, 10), _api_answer(records, p, 10))
    rows: list[Row] = [(d["url"], d["shown"], d["title"]) for d in docs]
    kit.column(case, name, start, rows, pages, note=note, empty=not rows, static=False)


def _xxgk_docs(kit: Kit, dept: str, n: int, newest: date, step: int, first_id: int, year_tag: str) -> list[dict]:
    """Documents of a department's 工作动态: 发布日期 going back from ``newest``; 成文日期 the
    same day or a few days earlier, sometimes none; a few with a 发文字号."""
    base = f"{_dept_base(dept)}fdzdgknr/gzdt/"
    docs = []
    for i, shown in enumerate(kit.dates(n, newest, step)):
        r = kit.rng.random()
        written = None if r < 0.08 else shown - timedelta(days=0 if r < 0.6 else kit.rng.randint(1, 6))
        fileno = f"岚{year_tag}〔{shown.year}〕{kit.rng.randint(3, 60)}号" if kit.rng.random() < 0.25 else ""
        docid = first_id - i * 13
        docs.append({"url": f"{base}{shown:%Y%m}/t{shown:%Y%m%d}_{docid}.htm", "title": kit.title(shown.year),
                     "docid": docid, "shown": shown, "written": written, "fileno": fileno})
    return docs


def _by_written(docs: list[dict]) -> list[dict]:
    """The platform's order: ``-pubdate`` (成文日期), documents without one last."""
    return sorted(docs, key=lambda d: (d["written"] is not None, d["written"] or date.min), reverse=True)


# == the portal ===============================================================================
def build(kit: Kit) -> None:
    kit.start_portal("pingtan", "平潭综合实验区党工委管委会（模型）", SOURCE, "city", "TRS", "https://www.pingtan.gov.cn/")
    kit.write(f"{PT}/images/model.min.js", MODEL_JS)

    # -- 经济发展局 工作动态 (信息公开平台): 27 documents; two are cross-posted to 工作进展情况 --
    jjf = _xxgk_docs(kit, "ptzhsyqjjf", 25, kit.ago(86), 17, 76140, "经发")
    jjf_base = f"{_dept_base('ptzhsyqjjf')}fdzdgknr/gzdt/"
    # written two months before it was published: sorted far down, yet the newest 发布日期
    late = kit.ago(79)
    jjf.append({"url": f"{jjf_base}{late:%Y%m}/t{late:%Y%m%d}_76171.htm", "title": kit.title(late.year),
                "docid": 76171, "shown": late, "written": late - timedelta(days=58), "fileno": f"岚经发〔{late.year}〕9号"})
    cross = []
    url_day: date | None
    for shown, url_day, docid in [(date(2024, 9, 26), date(2024, 9, 30), 71210), (date(2024, 7, 2), date(2024, 7, 9), 70388)]:
        doc = {"url": f"{jjf_base}{url_day:%Y%m}/t{url_day:%Y%m%d}_{docid}.htm", "title": kit.title(shown.year),
               "docid": docid, "shown": shown, "written": shown, "fileno": ""}
        cross.append(doc)
    jjf = _by_written(jjf + cross)

    # -- 公示公告: 112 records, newest yesterday; 75 in the static HTML, pages 6-8 by API --
    base = f"{PT}/zwgk/gsgg/"
    gsgg: list[dict] = []
    d, docid = kit.ago(1), 113470
    same = "关于注销不动产权证书的公告"
    for i in range(112):
        if i and kit.rng.random() < 0.3:
            d -= timedelta(days=1 if kit.rng.random() < 0.8 else 3)  # weekends: no postings
        title = kit.title(d.year)
        if i in (9, 23, 41):
            title = same  # the same title on three different documents
        elif i == 31:
            title = "公示"  # a one-word title
        elif i in (5, 48, 88):
            title = f"{title[:6]}  {title[6:]}  结果公示"  # double spaces inside
        url_day = min(d + timedelta(days=2 if i == 14 else 1), kit.as_of) if i in (14, 27, 60) else None  # t-date later
        gsgg.append(_doc(base, "./", d, docid, title, url_day))
        docid -= kit.rng.randint(1, 6)

    # -- 人事信息: exactly 75 records, all five static pages, no API page --
    base = f"{PT}/zwgk/rsxx/"
    rsxx = [_doc(base, "./", day, 98800 - 23 * i, kit.title(day.year)) for i, day in enumerate(kit.dates(75, kit.ago(12), 9))]

    # -- 工作进展情况: 41 records, stale; three link into other columns, URL dates differ --
    base = f"{PT}/zwgk/ghxx/gzjzqk/"
    gz: list[dict] = []
    sj = f"{PT}/zwgk/zdlyxxgk/ssjygk/sjccjg/"
    first = kit.ago(231)
    gz.append({"href": f"../../zdlyxxgk/ssjygk/sjccjg/{first:%Y%m}/t{first:%Y%m%d}_74102.htm",
               "url": f"{sj}{first:%Y%m}/t{first:%Y%m%d}_74102.htm", "shown": first, "docid": 74102, "title": kit.title(first.year)})
    for k, doc in enumerate(cross):
        rel = doc["url"][len(f"{PT}/zwgk/"):]
        gz.append({"href": f"../../{rel}", "url": doc["url"], "shown": doc["shown"], "docid": doc["docid"], "title": doc["title"]})
        if k == 0:
            day = date(2024, 8, 13)
            gz.append(_doc(base, "./", day, 69902, kit.title(day.year)))
    plan = [(date(2024, 4, 9), None, 3), (date(2024, 3, 15), date(2024, 4, 1), 1), (date(2023, 12, 21), None, 4),
            (date(2023, 12, 15), date(2023, 12, 18), 1), (date(2023, 10, 23), date(2023, 12, 28), 1),
            (date(2023, 9, 26), date(2023, 12, 20), 2), (date(2023, 7, 6), None, 12), (date(2023, 5, 29), date(2023, 12, 28), 1),
            (date(2023, 4, 21), date(2023, 4, 25), 6), (date(2023, 1, 5), date(2023, 12, 15), 1)]
    docid = 68800
    for shown, url_day, count in plan:
        for _ in range(count):
            gz.append(_doc(base, "./", shown, docid, kit.title(shown.year), url_day))
            docid -= kit.rng.randint(2, 40)
    twin = "实验区部门联合抽查事项清单（2022）"
    for url_day, did in [(date(2022, 4, 21), 33305), (date(2022, 10, 31), 37845), (date(2022, 10, 31), 37849)]:
        gz.append(_doc(base, "./", date(2022, 4, 21), did + 1000, twin, url_day))  # one title, three documents
    for i in range(41 - len(gz)):
        title = kit.title(2021)
        gz.append(_doc(base, "./", date(2021, 4, 16), 26627 - i, title if i != 1 else f"{title[:5]}  {title[5:]}"))

    # -- 年度计划: 7 records, the newest early 2023 --
    base = f"{PT}/zwgk/ghxx/ndjh/"
    ndjh = [_doc(base, "./", day, 45230 - 61 * i, f"{day.year}年{kit.title()}") for i, day in
            enumerate(kit.dates(7, date(2023, 2, 14), 120))]

    _trt_column(kit, "pingtan-gsgg", None, "gsgg", "公示公告", 1426, gsgg,
                "trt static template: 75 items in 15 $showStatic groups, pages 6-8 only from /fjdzapp/search; "
                "暂无数据 in the script fallback; 3 shown dates earlier than the URL date")
    _trt_column(kit, "pingtan-rsxx", None, "rsxx", "人事信息", 1433, rsxx,
                "trt static template: exactly 75 records, all in the static HTML (5 script pages)")
    _trt_column(kit, "pingtan-gzjzqk", "ghxx", "gzjzqk", "工作进展情况", 2780, gz,
                "trt static template: stale; items linking into other columns; shown dates differ from URL dates")
    _trt_column(kit, "pingtan-ndjh", "ghxx", "ndjh", "年度计划", 2776, ndjh, "trt static template: 7 items, stale")

    # -- 信息公开平台 columns: the list only after the script asked the API --
    _xxgk_column(kit, "pingtan-jjf-gzdt", "ptzhsyqjjf", "gzdt", "工作动态", jjf,
                 "信息公开平台: dl rows drawn from /fjdzapp/search (chnldocurl), 成文日期 + 发布日期, sorted by 成文日期")
    nyn = _by_written(_xxgk_docs(kit, "ptzhsyqnyn", 14, date(2024, 3, 12), 25, 66310, "农"))
    _xxgk_column(kit, "pingtan-nyn-gzdt", "ptzhsyqnyn", "gzdt", "工作动态", nyn,
                 "信息公开平台: another department's 工作动态, stale, two API pages")
    _xxgk_column(kit, "pingtan-gyz-czysjsxx", "ptzhsyqgyz", "czysjsxx", "财政预算、决算信息", [],
                 "信息公开平台: the API answers no document; the script says 暂无数据")
