"""A provincial department on the Sichuan site-cluster platform: 四川省教育厅 (edu.sc.gov.cn).

Studied: bkichen/scest_net at 7d13c60368cc20fade5a4ae54799a707d2a7fd51 (a static mirror of the
site re-hosted on an expired domain, pages generated 2021-01): scedu/c100494/xwzx_list.html
(教育要闻), scedu/c100495/xwzx_list.html (通知公告), scedu/c100573/list_2.html (财政预决算),
scedu/cjfwj/zfxxgk_gknrz.html (川教发文件) and scedu/c102594/zfxxgk_gknrz.html (行政规范性文件),
plus the site's scedu/xhtml/js/page.js (its createPageHTML signature and page URL shape). The
mirror renamed the site inside every text and title, rewrote ``.shtml`` to ``.html`` and left
``javascript:;`` for pages it did not fetch; none of that is reproduced: the pages here use the
unit's own name, ``.shtml`` channel URLs and real-looking article links.

Reproduced, one column family per real template:

* ``xwzx_list.shtml`` (新闻动态 columns): after ``<body>`` a whole second HTML document is
  included as the header (its own doctype, ``<head>`` with ``<title>Document</title>`` and a
  second ``meta ColumnName="公共头"``, then ``div.header`` with ``div.menu > ul.clearfix > li >
  dl > dd`` drop-downs, one of which links to an article URL with a date in its path);
  ``div.main.clearfix`` holds a hidden ``div.dqwz`` breadcrumb ("[site] >> 新闻动态 >> …"), a
  ``div.leftBox.fl`` sub-column menu (``p.per`` + ``ul.child``) and ``div.rightBox.fr`` with
  ``div.title > span`` naming the column over ``ul.xwzxList > li`` rows of
  ``<span class="fr">YYYY-MM-DD</span><a href target title>…</a>`` (date BEFORE the link,
  titles cut to 40 characters + "..." with the full one in ``title``). The pager is a
  ``window.onload=createPageHTML('page_div', pages, cur, 'xwzx_list', 'shtml', total)`` script
  placed INSIDE the ``<ul>`` after the last ``<li>``; page N is ``xwzx_list_N.shtml``. 教育要闻
  keeps the real page's unsorted top row (an older item above the newest, no marker); 通知公告
  keeps the real ``meta ColumnName`` that names another column (省教育厅动态简报) and titles
  holding school-year ranges like "2024-2025学年".
* ``list_2.shtml`` (信息公开 lists): no left menu and no heading, a visible ``div.dqwz``
  breadcrumb, ``div.main > div.listBox > ul > li`` rows of ``<span class="fr">date</span><span
  class="mc">信息公开</span><a …>``, the same pager script inside the ``<ul>``; stale columns.
* ``zfxxgk_gknrz.shtml`` (政府信息公开 platform): another page skeleton (``div.xxgk_header``,
  ``meta name="channel" codename channelname``, a title padded with newlines), a left tree
  ``div.zfxxgk_left > ul > li.xxgk_live1 > ul > li.xxgk_live2 > a`` of ~25 undated channel
  links, and the list ``div.zfxxgk_right#zfxxgk_gknr > div.gknr_list#wzlm > dl`` with the
  column name in ``<dt><span>`` and ``<dd><a …>title</a><span>\\n  YYYY-MM-DD\\n </span></dd>``
  rows (date AFTER the link, wrapped in whitespace); titles carry document numbers like
  "（川教〔2024〕12号）"; the pager script ``createPageHTML('page-div', …, 'zfxxgk_gknrz', …)``
  sits inside the ``<dl>``. 川教发文件 is a two-item stale column, as on the real site.

Every page ends with the real footer: a link row, four ``<select>`` friend-site lists and a
``div.footer_right`` of four help links whose URLs are dated article paths.
"""

from __future__ import annotations

from datetime import date

from kit import Kit, Row

SOURCE = ("bkichen/scest_net@7d13c60368cc20fade5a4ae54799a707d2a7fd51: scedu/c100494/xwzx_list.html, "
          "scedu/c100495/xwzx_list.html, scedu/c100573/list_2.html, scedu/cjfwj/zfxxgk_gknrz.html, "
          "scedu/c102594/zfxxgk_gknrz.html, scedu/xhtml/js/page.js (static mirror, 2021)")
SITE = "四川省教育厅"
CODE = "5100000061"
ROOT = "/scedu"

NEWS_MENU = [("c100508", "jump", "重要转载"), ("c100494", "xwzx_list", "教育要闻"), ("c100495", "xwzx_list", "通知公告"),
             ("c100496", "xwzx_list", "视频新闻"), ("c100498", "xwzx_list", "市州区县动态"),
             ("c100499", "xwzx_list", "高等学校动态"), ("c100500", "xwzx_list", "基层学校动态"),
             ("c100507", "xwzx_list", "网信工作"), ("c100538", "jump", "政策文件"), ("c100503", "xwzx_list", "政策解读"),
             ("c100504", "xwzx_list", "人事任免"), ("c100505", "xwzx_list", "招考录用")]
POLICY_TREE = [("c102594", "zfxxgk_gknrz", "行政规范性文件"), ("cjfwj", "zfxxgk_gknrz", "川教发文件"),
               ("cjhfwj", "zfxxgk_gknrz", "川教函发文件")]
OPEN_TREE = [("c102577", "zfxxgk_gkjgsz", "机关简介"), ("c100562", "xxgk_list", "规划信息"),
             ("c100563", "xxgk_list", "统计信息"), ("c100564", "xxgk_list", "行政许可&frasl;处罚"),
             ("c100573", "list_2", "预算&frasl;决算"), ("c100574", "list_2", "收费项目"),
             ("c100575", "xxgk_list", "政府采购"), ("zdxm", "zfxxgk_gknrz", "重大项目"),
             ("c102583", "zfxxgk_gknr", "重大民生信息"), ("c100505", "xwzx_list", "招考录用"),
             ("c100568", "one", "主动公开基本目录"), ("c100570", "xwzx_list_2", "权责清单"),
             ("c100565", "xxgk_list", "法律法规"), ("c100538", "xxgk_list", "政策文件"),
             ("c100503", "xwzx_list", "文件解读"), ("c100580", "list_2", "建议提案"),
             ("c100555", "xwzx_list_1", "回应关切"), ("c100532", "xxgk_list", "教育概况"),
             ("c100566", "one", "咨询电话"), ("c100559", "zfxxgk_gknrz", "人事任免")]


def _hex(kit: Kit) -> str:
    return f"{kit.rng.getrandbits(128):032x}"


def _ch(code: str, page: str) -> str:
    return f"{ROOT}/{code}/{page}.shtml"


def _cut(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[:n] + "..."


def _metas(column: str, kind: str, stamp: str) -> str:
    return f"""
<meta name="SiteName" content="{SITE}">
<meta name="SiteDomain" content="edu.sc.gov.cn">
<meta name="SiteIDCode" content="{CODE} ">
<meta name="ColumnName" content="{column}">
<meta name="ColumnDescription" content="{column} ">
<meta name="ColumnKeywords" content="{column} ">
<meta name="ColumnType" content="{kind}">

<meta name="others" content="页面生成时间 {stamp}">"""


def _header(kit: Kit, stamp: str) -> str:
    """The included header: a whole second HTML document inside <body>."""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  {_metas("公共头", "公共头", stamp)}
<title>Document</title>
 <link href="{ROOT}/xhtml/css/base1.css" rel="stylesheet" type="text/css">
  <script src="{ROOT}/xhtml/js/jquery-1.11.1.min.js"></script>
</head>
<body>
  <div class="header">
  <div class="banner clearfix">
    <div class="logo fl">
      <img src="{ROOT}/xhtml/images/logo.png" width="400">
      <p class="fr phone_search"><a href="javascript:;"><img src="{ROOT}/xhtml/images/search_2.png"></a></p>
    </div>
    <div class="fr">
      <div class="top">
        <a id="toolbarCtrl" href="#" onclick="openToolbar();" title="无障碍">无障碍浏览</a>
        <a href="{ROOT}/c100622/cont.shtml" target="_blank" title='移动门户'>移动门户</a>
        <a href="{ROOT}/c103038/media.shtml" target="_blank" style="position:relative;">新媒体矩阵</a>
      </div>
      <div class="search">
        <form name="searchForm" action="/guestweb4/s?uc=1&siteCode={CODE}" method="post" target="_blank" id="form1">
          <input type="text" placeholder="请输入搜索关键字" class="searchText" name="searchWord" id="searchWord">
          <input name="siteCode" type="hidden" id="siteCode" value="{CODE}">
          <input type="submit" name="button" id="button" value="搜索" class="searchBtn">
        </form>
      </div>
    </div>
  </div>
  <div class="menu">
    <ul class="clearfix">
        <li><a href="{_ch('c102577', 'zfxxgk_gkjgsz')}" target="_blank"><img src="{ROOT}/xhtml/images/index/jg.png">机构</a>
          <dl>
            <dd><a href="{_ch('c100514', 'ld_list')}">教育厅领导</a></dd>
            <dd><a href="{_ch('c100535', 'xwzx_list_2')}">机关处室</a></dd>
            <dd><a href="{_ch('c100536', 'xwzx_list_2')}">直属事业单位</a></dd>
            <dd><a href="{ROOT}/c100495/2024/6/5/{_hex(kit)}.shtml">四川省高校</a></dd>
            <dd><a href="{_ch('c100537', 'cont')}">驻厅纪检组</a></dd>
          </dl>
        </li>
        <li><a href="/" target="_blank"><img src="{ROOT}/xhtml/images/index/xw.png">新闻</a>
          <dl>
            <dd><a href="{_ch('c100494', 'xwzx_list')}">教育要闻</a></dd>
            <dd><a href="{_ch('c100498', 'xwzx_list')}">战线动态</a></dd>
            <dd><a href="{_ch('c100503', 'xwzx_list')}">政策解读</a></dd>
            <dd><a href="{_ch('c100596', 'ztzl')}">专题专栏</a></dd>
            <dd><a href="{_ch('c100496', 'xwzx_list')}">视频新闻</a></dd>
          </dl>
        </li>
        <li><a href="{_ch('c100528', 'zfxxgk_xxgkzn')}" target="_blank"><img src="{ROOT}/xhtml/images/index/gk.png">信息公开</a>
          <dl>
            <dd><a href="{_ch('c100528', 'zfxxgk_xxgkzn')}">信息公开指南</a></dd>
            <dd><a href="{_ch('xxgkzd', 'zfxxgk_xxgkzd')}">信息公开制度</a></dd>
            <dd><a href="{_ch('c102577', 'zfxxgk_gkjgsz')}">主动公开内容</a></dd>
            <dd><a href="{_ch('c100529', 'zfxxgk_xxgkzd')}">信息公开年报</a></dd>
            <dd><a href="{_ch('c100530', 'one')}">依申请公开</a></dd>
            <dd><a href="{_ch('c100495', 'xwzx_list')}">通知公告</a></dd>
          </dl>
        </li>
        <li><a href="javascript:;" target="_blank"><img src="{ROOT}/xhtml/images/index/fw.png">服务</a>
          <dl>
          </dl>
        </li>
        <li><a href="{_ch('c100582', 'hdjl')}" target="_blank"><img src="{ROOT}/xhtml/images/index/hd.png">互动</a>
          <dl>
            <dd><a href="{_ch('c100582', 'hdjl')}">厅长信箱</a></dd>
            <dd><a href="{_ch('c100556', 'xwzx_list_1')}">回应关切</a></dd>
            <dd><a href="{_ch('c100592', 'list')}">问答精选</a></dd>
            <dd><a href="{_ch('c100583', 'zxft')}">在线访谈</a></dd>
            <dd><a href="{_ch('c100769', 'list')}">结果反馈</a></dd>
          </dl>
        </li>
      </ul>
  </div>
</div>
<script>
  function openToolbar(){{ if(window.location==top.location){{ window.location.href = "/wza/wca.html?wcaUrl=" + window.location.href; }} }}
</script>

</body>
</html>"""


def _footer(kit: Kit, helps: list[str]) -> str:
    def select(head: str, names: list[str]) -> str:
        opts = "\n".join(f"""
                            <option value="http://www.example-{i}.cn/">{n}</option>""" for i, n in enumerate(names))
        return f"""
                    <select onchange="javascript:window.open(this.options[this.selectedIndex].value)">
                        <option>---{head}---</option>
                        {opts}
                    </select>"""
    cities = ["成都市教育局", "自贡市教育局", "泸州市教育和体育局", "绵阳市教育和体育局", "乐山市教育局", "宜宾市教育和体育局"]
    colleges = ["省属高校甲", "省属高校乙", "省属高校丙", "更多．．．"]
    units = ["省教育考试院", "省电化教育馆", "省学生资助管理中心"]
    others = ["省教育督导网", "省教育学会", "教育新闻网"]
    links = "".join(f"""
                    <li><a href="{h}" target="_blank"><img src="{ROOT}/xhtml/images/{img}.png"><span>{n}</span></a></li>"""
                    for h, (img, n) in zip(helps, [("sybz", "使用帮助"), ("wzsm", "网站声明"), ("lxfs", "联系方式"), ("zddt", "站点地图")]))
    return f"""<div class="footer">
    <div class="foot">
        <div class="clearfix">
            <div class="dzjg fl">
                <a href="http://bszs.conac.cn/" target="_blank"><img src="{ROOT}/xhtml/images/ared.png"></a>
                <script id="_jiucuo_" src="http://pucha.kaipuyun.cn/exposure/jiucuo.js" sitecode="{CODE}"></script>
            </div>
            <div class="fr lj">
                <p class="wzlj">
                    <a target="_blank" href="http://www.gov.cn/" title="中国政府网">中国政府网</a>
                    <a target="_blank" href="http://www.moe.gov.cn/" title="教育部">教育部</a>
                    <a target="_blank" href="http://www.sc.gov.cn/" title="四川省人民政府">四川省人民政府</a>
                    <a target="_blank" href="http://www.sczwfw.gov.cn/" title="四川政务服务网">四川政务服务网</a>
                </p>
                <div class="yqlj">{select("市州教育行政部门", cities)}{select("省内各高校", colleges)}{select("直属单位网站", units)}{select("其他教育网站", others)}
                </div>
            </div>
            <div class="footer_right">
                <ul>{links}
                </ul>
            </div>
        </div>
        <p class="copy">
            <span>主办：{SITE}</span>
          <span>制作维护：四川省教育管理信息中心</span>
          <span>网站标识码：{CODE}</span>
          <span>备案号：<a href="https://beian.miit.gov.cn/" target="_blank">蜀ICP备19000000号-1</a> </span>
        </p>
    </div>
</div>
<img src="{ROOT}/xhtml/images/top.png" id="gotoTop" class="goTop">
<script src="{ROOT}/xhtml/js/jquery-1.11.1.min.js"></script>
<script src="{ROOT}/xhtml/js/public.js"></script>"""


def _pager(div: str, pages: int, cur: int, name: str, total: int) -> str:
    return (f"""<script type="text/javascript" src="{ROOT}/xhtml/js/page.js"></script><script>window.onload=function() """
            f"""{{createPageHTML('{div}',{pages}, {cur},'{name}','shtml',{total});}}</script>""")


def _rel(code: str, url: str) -> str:
    return url[len(f"{ROOT}/{code}/"):]


# -- template A: xwzx_list (新闻动态) ------------------------------------------------------------
def _xwzx_page(kit: Kit, code: str, name: str, meta_name: str, rows: list[Row], page: int, pages: int,
               total: int, stamp: str, helps: list[str]) -> str:
    menu = "".join(f"""
						<li>
							<a href="{_ch(c, p)}" target="_self" title='{n}'>{n}</a>
						</li>""" for c, p, n in NEWS_MENU)
    items = "".join(f"""
						<li><span class="fr">{d:%Y-%m-%d}</span>
							<a href="{_rel(code, u)}" target="_blank" title='{kit.esc(t)}'>{kit.esc(_cut(t))}</a></li>
""" for u, d, t in rows)
    return f"""<!DOCTYPE html>
<html>
	<head>
		<meta charset="utf-8">
		<meta http-equiv="X-UA-Compatible" content="IE=edge">
		<meta name="viewport" content="width=device-width, initial-scale=1">
		{_metas(meta_name, "政务信息", stamp)}
<title>{name}-{SITE}</title>
		<link href="{ROOT}/xhtml/css/base.css" rel="stylesheet" type="text/css">
		<link href="{ROOT}/xhtml/css/list.css" rel="stylesheet" type="text/css">
	</head>
	<body>
		<!--header-->
		{_header(kit, stamp)}
		<!--header end-->
		<div class="main clearfix">
          <div class="dqwz" style="display:none;">
<a href='/' target="_blank">[{SITE}]</a>&nbsp;>>&nbsp;<a href='{_ch("c100492", "xwzx_list")}' target="_blank">新闻动态</a>&nbsp;>>&nbsp;<span>{name}</span>

			</div>
			<div class="leftBox fl">
				<p class="per">新闻动态</p>
				<ul class="child">{menu}

				</ul>
			</div>
			<div class="rightBox fr">
				<div class="title">
					<span>{name}</span>
				</div>
				<ul class="xwzxList">
{items}{_pager('page_div', pages, page, 'xwzx_list', total)}
				</ul>
				<div class="page">
					<div id="page_div">

					</div>
				</div>
			</div>
		</div>
		<!--footer-->
		{_footer(kit, helps)}
		<!--footer end-->
<script>
	$('.menu ul li').hover(function () {{ $(this).children('dl').slideDown(150); $(this).siblings().children('dl').slideUp(150); }})
</script>
	</body>
</html>"""


# -- template B: list_2 (信息公开 lists) -------------------------------------------------------
def _list2_page(kit: Kit, code: str, name: str, trail: str, rows: list[Row], page: int, pages: int,
                total: int, stamp: str, helps: list[str]) -> str:
    items = "".join(f"""
						<li><span class="fr">{d:%Y-%m-%d}</span><span class="mc">信息公开</span>
							<a href="{_rel(code, u)}" target="_blank" title='{kit.esc(t)}'>{kit.esc(_cut(t))}</a></li>
""" for u, d, t in rows)
    return f"""<!DOCTYPE html>
<html>
	<head>
		<meta charset="utf-8">
		<meta http-equiv="X-UA-Compatible" content="IE=edge">
		<meta name="viewport" content="width=device-width, initial-scale=1">
		{_metas(name, name, stamp)}
<title>{name}-{SITE}</title>
		<link href="{ROOT}/xhtml/css/base.css" rel="stylesheet" type="text/css">
		<link href="{ROOT}/xhtml/css/list.css" rel="stylesheet" type="text/css">
	</head>
	<body>
		<!--header-->
		{_header(kit, stamp)}
		<!--header end-->
		<div class="main">
			<div class="dqwz">
<a href='/' target="_blank">[{SITE}]</a>&nbsp;>>&nbsp;<a href='{_ch("c100528", "zfxxgk_xxgkzn")}' target="_blank">政府信息公开</a>&nbsp;>>&nbsp;<a href='{_ch("c100561", "list_2")}' target="_blank">{trail}</a>&nbsp;>>&nbsp;<span>{name}</span>

			</div>
			<div class="listBox">
				<ul>
{items}{_pager('page_div', pages, page, 'list_2', total)}

				</ul>
				<div class="page">
					<div id="page_div">

					</div>
				</div>
			</div>
		</div>
		<!--footer-->
		{_footer(kit, helps)}
		<!--footer end-->
	</body>
</html>"""


# -- template C: zfxxgk_gknrz (政府信息公开 platform) -------------------------------------------
def _tree(code: str) -> str:
    def live2(entries):
        return "".join(f"""
          <li class="xxgk_live2">
            <a href="{_ch(c, p)}">
              {n}
            </a>
          </li>""" for c, p, n in entries)

    def live1(href: str, img: str, label: str) -> str:
        return f"""
    <li class="xxgk_live1">
      <a href="{href}">
        <img src="{ROOT}/xhtml/images/zfxxgk/{img}.png" alt="" class="icon_img off">
        <img src="{ROOT}/xhtml/images/zfxxgk/{img}_active.png" alt="" class="icon_img on">
        <span>{label}</span>
      </a>
    </li>"""
    return f"""<div class="zfxxgk_left">
  <ul>{live1(_ch('c100528', 'zfxxgk_xxgkzn'), 'zn', '政府信息公开指南')}{live1(_ch('xxgkzd', 'zfxxgk_xxgkzd'), 'gkzd', '政府信息公开制度')}
     <li class="xxgk_live1 live_icon">
      <a href="javascript:;">
        <img src="{ROOT}/xhtml/images/zfxxgk/fdzd.png" alt="" class="icon_img off">
        <span class="zc">政策</span>
      </a>
      <ul>{live2(POLICY_TREE)}
      </ul>
    </li>
    <li class="xxgk_live1 live_icon">
      <a href="javascript:;">
        <img src="{ROOT}/xhtml/images/zfxxgk/fdzd.png" alt="" class="icon_img off">
        <span>法定主动公开内容</span>
      </a>
      <ul>{live2(OPEN_TREE)}
      </ul>
    </li>{live1(_ch('c100529', 'zfxxgk_xxgkzd'), 'gknb', '政府信息公开年报')}{live1(_ch('c100530', 'one'), 'ysqgk', '依申请公开')}
  </ul>
</div>"""


def _gknrz_page(kit: Kit, code: str, name: str, rows: list[Row], page: int, pages: int, total: int,
                stamp: str, helps: list[str]) -> str:
    items = "".join(f"""
                            <dd>
                                <a href="{_rel(code, u)}" target="_blank" title='{kit.esc(t)}'>{kit.esc(t)}</a>
                                <span>
                                    {d:%Y-%m-%d}
                                </span>
                            </dd>
""" for u, d, t in rows)
    return f"""<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml">

<head>
    <meta http-equiv="Content-Type" content="text/html;charset=utf-8">
    {_metas(name, name, stamp)}
<title>
        {name}_{SITE}
    </title>
    <meta name="channel" codename="{code}" channelname="{name}">
    <script src="{ROOT}/xhtml/js/jquery-1.11.1.min.js"></script>
     <link rel="stylesheet" href="{ROOT}/xhtml/css/reset.css">
     <link rel="stylesheet" href="{ROOT}/xhtml/css/common.css">
     <link rel="stylesheet" href="{ROOT}/xhtml/css/zfxxgk.css">
</head>

<body>
    <div class="xxgk_header">
        <a href="/"><img src="{ROOT}/xhtml/images/zfxxgk/zfxxgk_gh.png" alt="" srcset=""> {SITE}</a>
        <h1>政府信息公开</h1>
    </div>
    <div class="zfxxgk_container">
        <div class="zfxxgk_search">
            <div class="search_box">
                <form name="searchForm" action="/search4/s?uc=1&amp;siteCode={CODE}" method="post" target="_blank" id="form1">
           <input type="text" placeholder="请输入搜索关键字" class="searchText" name="searchWord" id="searchWord">
           <input name="siteCode" type="hidden" id="siteCode" value="{CODE}">
          <button type="submit" name="button" id="button" value="搜索" class="searchBtn">
               <img src="{ROOT}/xhtml/images/zfxxgk/icon_fdj.png" alt="" srcset="">
          </button>
    </form>
            </div>
        </div>
        <div class="zfxxgk_box">
            {_tree(code)}
            <div class="zfxxgk_right" id="zfxxgk_gknr">
                <div class="gknr_list" id="wzlm">
                    <dl>
                        <dt>
                            <span>
                                {name}
                            </span>
                        </dt>
{items}{_pager('page-div', pages, page, 'zfxxgk_gknrz', total)}
                    </dl>
                    <div id="page-div"></div>
                </div>

            </div>
        </div>

    </div>
{_footer(kit, helps)}
    <script src="{ROOT}/xhtml/js/zfxxgk.js"></script>
</body>

</html>"""


PAGE_JS = """/* createPageHTML(div, pages, current, name, ext, total): page 1 is name.ext, page N name_N.ext */
function createPageHTML(d, n, c, name, ext, total) {
  if (n == null || n < 1) return;
  var u = function (i) { return i == 1 ? name + "." + ext : name + "_" + i + "." + ext; };
  var s = '<div class="pagination-first"><a class="pagination-index" href="' + u(1) + '">首页</a>';
  s += '<a class="pagination-index" href="' + (c > 1 ? u(c - 1) : 'javascript:;') + '">上一页</a>';
  for (var i = Math.max(1, c - 2); i <= Math.min(n, c + 2); i++)
    s += '<a class="pagination-num' + (i == c ? ' active' : '') + '" href="' + (i == c ? 'javascript:;' : u(i)) + '">' + i + '</a>';
  s += '<a class="pagination-index" href="' + (c < n ? u(c + 1) : 'javascript:;') + '">下一页</a>';
  s += '<a class="pagination-index" href="' + (n > 1 ? u(n) : 'javascript:;') + '">末页</a></div>';
  s += '<div class="pagination-last"><span>共 ' + total + ' 条</span><span>共 ' + n + ' 页</span><span>当前第 ' + c + ' 页</span></div>';
  document.getElementById(d).innerHTML = s;
}
"""


def _rows(kit: Kit, code: str, dates: list[date], titles: list[str]) -> list[Row]:
    return [(f"{ROOT}/{code}/{d.year}/{d.month}/{d.day}/{_hex(kit)}.shtml", d, t) for d, t in zip(dates, titles)]


def _write_paged(kit: Kit, code: str, stem: str, rows: list[Row], per: int, render) -> int:
    chunks = kit.paged(rows, per)
    for p, chunk in enumerate(chunks, 1):
        kit.write(_ch(code, stem if p == 1 else f"{stem}_{p}"), render(chunk, p, len(chunks), len(rows)))
    return len(chunks)


def build(kit: Kit) -> None:
    kit.start_portal("scedu", "四川省教育厅（模型）", SOURCE, "department", "Sichuan site cluster (开普云-style)",
                     "http://edu.sc.gov.cn/")
    kit.write(f"{ROOT}/xhtml/js/page.js", PAGE_JS)
    helps = [f"{ROOT}/c100767/2024/4/20/{_hex(kit)}.shtml" for _ in range(4)]
    stamp = f"{kit.as_of:%Y-%m-%d} 08:24:49"

    def xwzx(case: str, code: str, name: str, rows: list[Row], note: str, meta_name: str | None = None) -> None:
        pages = _write_paged(kit, code, "xwzx_list", rows, 20, lambda ch, p, n, total: _xwzx_page(
            kit, code, name, meta_name or name, ch, p, n, total, stamp, helps))
        kit.column(case, name, _ch(code, "xwzx_list"), rows, pages, note=note)

    # 教育要闻: 3 pages; the top row is an older item above the newest one (unsorted, no marker)
    ds = kit.dates(54, kit.ago(1), 2)
    ds.insert(0, ds[7])
    titles = kit.titles(55)
    titles[3] = titles[3] + "——" + kit.title() + "并" + kit.title()  # one long title cut with "..."
    xwzx("scedu-jyyw", "c100494", "教育要闻", _rows(kit, "c100494", ds, titles),
         "Sichuan cluster xwzx_list: ul.xwzxList, span.fr date before the link, pager script inside the ul; "
         "older top row above the newest")
    # 通知公告: 2 pages, long truncated titles, school-year ranges, meta ColumnName naming another column
    ds = kit.dates(31, kit.ago(2), 3)
    titles = [f"{SITE}{' 四川省财政厅' if i % 4 == 0 else ''}关于{t}的通知（川教函〔{d.year}〕{640 - 2 * i}号）"
              if i % 3 != 1 else f"全省{2024 + (i % 2)}-{2025 + (i % 2)}学年{t}" for i, (t, d) in enumerate(zip(kit.titles(31), ds))]
    xwzx("scedu-tzgg", "c100495", "通知公告", _rows(kit, "c100495", ds, titles),
         "Sichuan cluster xwzx_list; meta ColumnName names another column; titles with '2024-2025学年' ranges",
         meta_name="省教育厅动态简报")
    # 市州区县动态: one page, stale
    ds = kit.dates(12, date(2024, 11, 18), 6)
    xwzx("scedu-szqx", "c100498", "市州区县动态", _rows(kit, "c100498", ds, kit.titles(12)),
         "Sichuan cluster xwzx_list, one page, stale")
    # 招考录用: one short page
    ds = kit.dates(7, kit.ago(38), 15)
    xwzx("scedu-zkly", "c100505", "招考录用", _rows(kit, "c100505", ds, kit.titles(7)),
         "Sichuan cluster xwzx_list, 7 items")

    def list2(case: str, code: str, name: str, trail: str, rows: list[Row], note: str) -> None:
        pages = _write_paged(kit, code, "list_2", rows, 20, lambda ch, p, n, total: _list2_page(
            kit, code, name, trail, ch, p, n, total, stamp, helps))
        kit.column(case, name, _ch(code, "list_2"), rows, pages, note=note)

    # 财政预决算: 18 items over ten years, newest long ago
    ds = [date(2024, 9, 3), date(2024, 6, 21), date(2023, 2, 22), date(2022, 9, 3), date(2021, 3, 9),
          date(2020, 3, 6), date(2019, 9, 25), date(2019, 9, 25), date(2019, 3, 17), date(2019, 3, 17),
          date(2019, 3, 17), date(2019, 3, 5), date(2018, 9, 28), date(2018, 9, 28), date(2018, 4, 10),
          date(2018, 4, 10), date(2018, 1, 30), date(2018, 1, 30)]
    titles = [f"{SITE}{d.year - 1}年部门{'决算' if d.month > 6 else '预算'}编制说明（{i + 1}）" for i, d in enumerate(ds)]
    list2("scedu-czyjs", "c100573", "财政预决算", "重点信息公开", _rows(kit, "c100573", ds, titles),
          "Sichuan cluster list_2: div.listBox ul li, span.fr + span.mc before the link; stale")
    # 建议提案: 2 pages
    ds = kit.dates(26, kit.ago(75), 12)
    list2("scedu-jyta", "c100580", "建议提案", "重点信息公开",
          _rows(kit, "c100580", ds, [f"对省十四届人大{d.year - 2022}次会议第{300 + i}号建议的答复" for i, d in enumerate(ds)]),
          "Sichuan cluster list_2, 2 pages")

    def gknrz(case: str, code: str, name: str, rows: list[Row], note: str, per: int = 20) -> None:
        pages = _write_paged(kit, code, "zfxxgk_gknrz", rows, per, lambda ch, p, n, total: _gknrz_page(
            kit, code, name, ch, p, n, total, stamp, helps))
        kit.column(case, name, _ch(code, "zfxxgk_gknrz"), rows, pages, note=note)

    def docs(ds: list[date], mark: str) -> list[str]:
        out = []
        for i, d in enumerate(ds):
            co = " 四川省财政厅" if i % 4 == 0 else "等三部门" if i % 4 == 2 else ""
            out.append(f"{SITE}{co}关于{kit.title()}（{mark}〔{d.year}〕{120 - i * 3}号）")
        return out

    ds = kit.dates(15, date(2025, 1, 9), 60)
    gknrz("scedu-xzgfxwj", "c102594", "行政规范性文件", _rows(kit, "c102594", ds, docs(ds, "川教")),
          "Sichuan zfxxgk template: dl > dt heading, dd a + padded span date after it; 15 items, one page")
    ds = [date(2024, 5, 20), date(2024, 1, 10)]
    gknrz("scedu-cjfwj", "cjfwj", "川教发文件", _rows(kit, "cjfwj", ds, docs(ds, "川教")),
          "Sichuan zfxxgk template, two stale items")
    ds = kit.dates(29, kit.ago(6), 9)
    gknrz("scedu-cjhfwj", "cjhfwj", "川教函发文件", _rows(kit, "cjhfwj", ds, docs(ds, "川教函")),
          "Sichuan zfxxgk template, 2 pages (zfxxgk_gknrz_2.shtml)")
