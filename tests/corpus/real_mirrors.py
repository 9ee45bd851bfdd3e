"""Two municipal bureaus known only from expired-domain mirrors (their site names were
text-replaced by the mirror; markup and dates are intact, so only the structure is used).

吉林市林业局 (TRS WCM). Studied: bkichen/atxlyj_cn, commit d8186ca76cc26a4264c239adb6d5dbfc05a79fe3,
xxgk/bmwj/index.html (信息公开 > 部门文件, page 1 of 3; SiteIDCode 2202000006 and the address tell
吉林市林业局). Reproduced: the ``<meta name="SiteName|ColumnName|ColumnType|ArticleTitle|PubDate">``
block with ``<title>`` = the site's name only; a ``Pager(settings)`` function in the head that
writes the pager with ``document.write`` (首页 上一页 1 2 3 下一页 末页; page 2 is
``index_1.html``) called as ``Pager({size:3, current:0, prefix:'index', suffix:'html', …})``
inside ``div.pz_fy#fenye`` — no pager link exists in the static page; the ``div.pz_top`` bar
with a search form, ``div.menu > ul`` top menu; ``div.pz_mian`` body with a plain-text
breadcrumb "当前位置：首页>信息公开>部门文件" (no links), a left column ``div.c_250`` (``div.t_250``
"信息公开 <br><span>News information</span>" over ``div.d_250 > ul > li`` of 11 sub-columns) and
the list ``div.c_800 > div.t_800`` heading + ``div.d_960_3 > ul > li`` of ``<li><span> YYYY-MM-DD
</span><a href><a href>title</a></li>`` (date first, padded with spaces; a doubled, unclosed
``<a>`` from a template bug). The hard cases: the list is NOT sorted (the newest date sits
anywhere on the page) and the shown date differs from the ``t{YYYYMMDD}_{id}.html`` date of
the URL (shown dates are earlier, by days or by years). Also the commented-out 相关链接
``select`` block and the ``TRS_Editor`` footer with the 网站标识码.

平顶山市教育体育局 (SiteServer CMS). Studied: bkichen/lgedu_net, commit
9ebd6db52e549bb5793f52c37d3744be5bd24036, channels/18108.html (机构设置 > 科室 > 办公室 > 工作动态,
page 1 of 5; SiteIDCode 4104000017 = 平顶山). Reproduced: ``<title>[工作动态]-{site}</title>``, the
``var $pageInfo = {publishmentSystemID…, channelID…, apiUrl : "/api"}`` script, the
``div.tops`` greeting bar, header search, ``#menu .blk ul > h3`` menu with ``div.sonNav``, the
phone header (``div.header-m``, ``ul.nav-m-list``), ``#part6`` with a left ``div.pl`` (``h2``
办公室 over ``ul > a`` links, the current one ``class="on"``) and ``div.pr1`` with ``div.dqwz``
breadcrumb "当前位置： 首页 - 机构设置 - 科室 - 办公室 - 工作动态", a phone ``div.title-m`` repeating
the 4 sub-column links, and the list as ``<a class="box">`` DIRECTLY inside ``<ul>`` (no
``<li>``), each with an optional ``<img>``, ``<h3>title(YYYY-MM-DD)</h3>`` — the date ONLY
glued to the end of the title — and ``<p>`` repeating the title without date; titles with
pictures begin "[图]" (sometimes as ``&#91;图&#93;``, full-width brackets as entities). The
SiteServer pager ``div.page > div#page_div > span.pagination-first``: 首页 上一页 1 2 3 4 5 下一页
尾页 and "共 N 条 当前第 1 / 5 页"; page n is ``{channel}_n.html``. Footers for desktop
(``#foot``) and phone (``div.footer-m``).
"""

from __future__ import annotations

from datetime import date, timedelta

from kit import Kit, Row

SOURCE_JL = ("bkichen/atxlyj_cn@d8186ca76cc26a4264c239adb6d5dbfc05a79fe3: xxgk/bmwj/index.html "
             "(mirror of 吉林市林业局, site name text-replaced)")
SOURCE_PDS = ("bkichen/lgedu_net@9ebd6db52e549bb5793f52c37d3744be5bd24036: channels/18108.html "
              "(mirror of 平顶山市教育体育局, 平顶山 text-replaced)")

# -- 吉林市林业局 (TRS) ------------------------------------------------------------------------
JL = "/jllyj"
JL_NAME = "吉林市林业局"
JL_SUBS = [("bmwj", "部门文件"), ("ndbg", "年度报告"), ("ghjh", "规划计划"), ("yjgl", "应急管理"), ("czzxqd", "财政专项清单"),
           ("zqqd", "责权清单"), ("xzzf", "行政执法"), ("zcjd", "政策解读"), ("ssjygk", "双随机一公开"), ("sgs", "双公示"),
           ("zfxxgk", "政府信息公开")]
JL_PER = 13

PAGER_JS = """<script type="text/javascript">
    function Pager(cfg){
        var w = function(s){ document.write(s); };
        var url = function(i){ return cfg.prefix + (i ? '_' + i : '') + '.' + cfg.suffix; };
        w('<a href="' + url(0) + '">首页</a>');
        w(cfg.current == 0 ? '<a href="#"><span>上一页</span></a>' : '<a href="' + url(cfg.current - 1) + '" >上一页</a>');
        var from = Math.max(0, cfg.current - 2), to = Math.min(cfg.size, from + (cfg.visible || 5));
        for (var i = from; i < to; i++)
            w(i == cfg.current ? '<a href="#" style="color:red"><span>' + (i + 1) + '</span></a>' : '<a href="' + url(i) + '">' + (i + 1) + '</a>');
        w(cfg.current + 1 >= cfg.size ? '<a href="#"><span>下一页</span></a>' : '<a href="' + url(cfg.current + 1) + '" >下一页</a>');
        w('<a href="' + (cfg.size > 1 ? url(cfg.size - 1) : '#') + '">末页</a>');
    }
    </script>"""


def _jl_page(kit: Kit, slug: str, name: str, rows: list[Row], page: int, pages: int) -> str:
    subs = "".join(f"""
   
   <li><a href="{'' if s == slug else f'../{s}/index.html'}">{n}</a></li>""" for s, n in JL_SUBS)
    items = "".join(f"""

<li><span> {d:%Y-%m-%d} </span><a href="{u.split('/')[-2]}/{u.split('/')[-1]}"><a href="{u.split('/')[-2]}/{u.split('/')[-1]}">{kit.esc(t)}</a></li>"""
                    for u, d, t in rows)
    options = "".join(f"\n\n<option value='http://{h}/'><a href=\"http://{h}/\">{n}</a></option>" for h, n in
                      [("www.gov.cn", "中央政府网"), ("www.forestry.gov.cn", "国家林业和草原局"), ("www.jl.gov.cn", "吉林省人民政府"),
                       ("lyt.jl.gov.cn", "吉林省林业和草原局")])
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="SiteName" content="{JL_NAME}">
<meta name="SiteDomain" content="http://lyj.jlcity.gov.cn/">
<meta name="SiteIDCode" content="2202000906">
<meta name="ColumnName" content="{name}">
<meta name="ColumnDescription" content="{name}">
<meta name="ColumnKeywords" content="{name}">
<meta name="ColumnType" content="{name}">
<meta name="ArticleTitle" content="">
<meta name="PubDate" content="">
<meta name="ContentSource" content="{JL_NAME}">
<meta name="Url" content="####">

    <script src="../../images/userInfo_4.js"></script>
<title>{JL_NAME}</title>
<link href="../../images/jlcss.css" type="text/css" rel="stylesheet">
 <script src="../../images/jquery.min.js" type="text/javascript"></script>
    <script src="../../images/menu.js" type="text/javascript"></script>


{PAGER_JS}

</head>

<body>
<div class="pz_top">
<div class="c_0100_1">
	<div class="w_1200">
    	<div class="c_1200_1">
        	欢迎访问{JL_NAME}网站
<div style="float:right;">
<a id="loginBtn" style="cursor:pointer;float: left;color:#fff;margin-right:5px;">登录</a>
<a id="zcBtn" style="cursor:pointer;float: left;color:#fff;margin-right:5px;">注册</a>
<form id="searchform" name="searchform" action="../../was5/web/search" method="get" style="float: left;">
                    <input id="textfield" name="searchword" class="serch_txt" type="text" placeholder="请输入关键词" value="">
                    <input type="hidden" id="channelid" name="channelid" value="265496">
                    <input type="submit" class="serch_btn" value="搜索">
</form>
 <a class="pcss" style="cursor:pointer;color: #fff;" onclick="ywss()">一网搜索</a>
</div>
        </div>
    </div>
</div>  
<div class="c_0100_2">
	<div class="w_1200">
    	<div class="c_1200_2">
        	<div class="logo"> <a href="../../index.html"> <img src="../../images/jl_logo_03.png"></a></div>
        </div>   
        <div class="menu">
        	<ul>
                <li><a href="../../index.html">网站首页</a></li>
                <li><a href="../../lygk/index.html">林业概况</a></li>
                <li><a href="../../jgjj/dwjj/index.html">机构简介</a></li>
                <li><a href="../../xwdt/lyxx/index.html">新闻动态</a></li>
                <li><a href="../../zcfg/index.html">政策法规</a></li>
                <li><a href="../index.html">信息公开</a></li>
                <li><a href="../../bsfw/zwzx/index.html">办事服务</a></li>
                <li><a href="../../hdjl/index.html">互动交流</a></li>
              <!--  <li><a href="">专题专栏</a></li> -->
                <li><a href="../../gfxwj/index.html">规范性文件</a></li>

            </ul>
        </div> 
    </div>
</div>  
</div>
<div class="pz_mian">
	<div class="w_1200">
    	<div class="c_1200_6">
    	<div class="dz">
        	当前位置：首页>信息公开>{name}
        </div>
        <div class="db">
        	<div class="c_250">
            	<div class="t_250">信息公开 <br><span>News information</span></div>
                <div class="d_250">
                	<ul>
{subs}
   

                    </ul>
                </div>
            </div>
            <div class="c_800">
            	<div class="t_800">{name} </div>
                <div class="d_960_3">
                	<ul>
                    	{items}


                    </ul>    
                    					<div class="pz_fy" id="fenye">
                        <script type="text/javascript">Pager({{size:{pages}, current:{page}, prefix:'index',suffix:'html',visible:5,beforeEnd:2,textboxEnabled:true}});</script>
                    </div>
                        
                </div>
            </div>
        </div>
        </div>
    </div>
</div>
<script>
function tiaozou(a){{ window.open($('.tiao' + a).val()); }}
</script>


<!--
<div class="w_1200">
       <div class="c_xglj">
        	<div class="z1">相关链接</div>
            <div class="z2">

<select name="" onchange="tiaozou(1);" class="tiao1 xl" >
<option value='javascript:void(0);'>相关网站</option>{options}

</select>
            </div>
        </div>
</div>
-->
<div class="pz_down">
<div class="w_1200" style="position:relative;">
<div class="pf" style="margin-right:70px;">
<script id="_jiucuo_" sitecode='2202000906' src='../../images/jiucuo.js'></script>
</div>

<div class="TRS_Editor"><p align="center"><font style="font-size: 9pt">版权所有：{JL_NAME}&nbsp;电话：0432-00000000&nbsp;地址：吉林市丰满区  </font></p>
<p align="center"><font style="font-size: 9pt">网站标识码：2202000906&nbsp; </font><font style="font-size: 9pt"><a style="font-size: 9pt" target="_blank" href="https://beian.miit.gov.cn/">吉ICP备00000000号</a></font></p></div>

<a id="zdmap" href="../../zddt/index.html" style="color:#000;">网站地图</a>
</div>
</div>

<script id="_trs_ta_js" src="../../c/js/ta-79.js" async="async" defer="defer"></script>
</body>
</html>"""


def _jl_column(kit: Kit, case: str, slug: str, n: int, newest_url: date, max_step: int, note: str) -> None:
    """TRS orders by the document's position, the URL carries the day it was created and the
    list shows the publish date an editor typed: earlier, by days or by years, in no order."""
    name = dict(JL_SUBS)[slug]
    base = f"{JL}/xxgk/{slug}/"
    rows: list[Row] = []
    doc = 734000 + kit.rng.randint(0, 9000)
    for i, made in enumerate(kit.dates(n, newest_url, max_step)):
        r = kit.rng.random()
        back = (kit.rng.randint(120, 420) if i == 0 else 0 if r < 0.55 else kit.rng.randint(1, 25) if r < 0.85
                else kit.rng.randint(60, 700))
        doc -= kit.rng.randint(1, 900)
        rows.append((f"{base}{made:%Y%m}/t{made:%Y%m%d}_{doc}.html", made - timedelta(days=back), kit.title()))
    chunks = kit.paged(rows, JL_PER)
    for p, chunk in enumerate(chunks):
        kit.write(f"{base}{'index' if p == 0 else f'index_{p}'}.html", _jl_page(kit, slug, name, chunk, p, len(chunks)))
    kit.column(case, name, f"{base}index.html", rows, len(chunks), note=note)


# -- 平顶山市教育体育局 (SiteServer) ------------------------------------------------------------------
PDS = "/pdsjt"
PDS_NAME = "平顶山市教育体育局"
PDS_SUBS = [(18107, "公文通知"), (18108, "工作动态"), (18109, "教育大事记"), (18110, "规章制度")]
PDS_PER = 10


def _pds_pager(channel: int, page: int, pages: int, total: int) -> str:
    def href(p: int) -> str:
        return f"{channel}.html" if p == 1 else f"{channel}_{p}.html"

    off = "javascript:;"
    first = f'<a href="{off if page == 1 else href(1)}">首页</a>'
    prev = f'<a href="{off if page == 1 else href(page - 1)}">上一页</a>'
    start = max(1, min(page - 2, pages - 4))
    nums = "".join(f'<a class="current">{p}</a>' if p == page else f'<a href="{href(p)}">{p}</a>'
                   for p in range(start, min(pages, start + 4) + 1))
    nxt = f'<a href="{off if page == pages else href(page + 1)}">下一页</a>'
    last = f'<a href="{off if page == pages else href(pages)}">尾页</a>'
    return f"""
          <span class="pagination-first">
            {first}
            {prev}
            {nums}
            {nxt}
            {last}
            <a>共 {total} 条 当前第 {page} / {pages} 页</a>
          </span>"""


def _pds_h(t: str, entities: bool) -> str:
    """Title markup as SiteServer writes it: sometimes brackets as entities."""
    s = Kit.esc(t)
    if entities:
        s = s.replace("[", "&#91;").replace("]", "&#93;").replace("（", "&#65288;").replace("）", "&#65289;")
    return s


def _pds_page(kit: Kit, channel: int, rows: list[tuple[str, date, str, str | None]], page: int, pages: int, total: int) -> str:
    name = dict(PDS_SUBS)[channel]
    left = "".join(f"""
        
          <a href="{'' if c == channel else f'{c}.html'}"{' class="on"' if c == channel else ''}>{n}</a>
        """ for c, n in PDS_SUBS)
    mleft = "".join(f"""
            
              <li class="{'on' if c == channel else ''}"><a href="{'' if c == channel else f'{c}.html'}">{n}</a></li>
            """ for c, n in PDS_SUBS)
    boxes = []
    for i, (u, d, t, img) in enumerate(rows):
        ent = i % 4 == 0
        boxes.append(f"""
        
          <a href="..{u[len(PDS):]}" target="_blank" class="box">
            {f'<img src="{img}">' if img else ''}
            <h3>{_pds_h(t, ent)}({d:%Y-%m-%d})</h3>
            <p>{_pds_h(t, ent)}</p>
          </a>
        """)
    return f"""
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html xmlns="http://www.w3.org/1999/xhtml">
<head>
  <meta http-equiv="Content-Type" content="text/html; charset=utf-8">
  <meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
  <meta name="viewport" content="width=device-width, initial-scale=1.0, maximum-scale=1.0, user-scalable=0">
  <title>[{name}]-{PDS_NAME}</title>
  <meta name="MobileOptimized" content="960">
<meta name="SiteName" content="{PDS_NAME}">
<meta name="SiteDomain" content="http://jytj.pds.gov.cn">
<meta name="SiteIDCode" content="4104000917">
<meta name="keywords" content="教体局,{PDS_NAME},市教体局"><meta name="ColumnName" content="{name}">
<meta name="ColumnDescription" content="">
<meta name="ColumnKeywords" content="">
<meta name="ColumnType" content="{name}">
  <link href="../Css/base.css" rel="stylesheet" type="text/css">
  <link href="../Css/index.css" rel="stylesheet" type="text/css">
<script>var $pageInfo = {{publishmentSystemID : 18101, channelID : {channel}, contentID : 0, siteUrl : "{PDS}", homeUrl : "{PDS}/home", currentUrl : "{PDS}/channels/{channel}.html", rootUrl : "{PDS}", apiUrl : "/api"}};</script></head>

<body>
  <div class="tops" id="tops">
    <div class="top_info">
        <span class="helloUser">
            <p> 欢迎光临{PDS_NAME}！今天是：
                <script src="../sitefiles/assets/scripts/datestring.js" type="text/javascript"></script><script language="javascript" type="text/javascript">RunGLNL(true);</script>
            </p>
        </span>
           <script type="text/javascript" src="../js/jquery-1.10.2.min.js"></script>
        <span class="readType"><a id="accessible" href="javascript:">无障碍阅读</a> | <a href="javascript:;" id="translateLink">繁体</a> | 网站已支持ipv6</span>
    </div>
</div>    
<div class="header">
      <div id="top">
        <div class="logo"><a href="../index.html">  <img src="../Picture/index_1.png"></a> </div>
        <div class="serach">
          <form action="../utils/searchAll.html" target="_blank">
                <input type="text" class="input" name="word" placeholder="请输入关键字">
              <input type="submit" class="btn" value="搜索">
          <input type="hidden" id="channelID" name="channelID" value="{channel}"></form>
<div class="keyword">
                                                       热搜词：
                                                     <a href="../utils/searchAll-1_18101.html">招生</a>
                                                     <a href="../utils/searchAll-2_18101.html">资格考试</a>
                                                     <a href="../utils/searchAll-3_18101.html">活动</a>
                                             </div>
        </div>
      </div>
    </div>
  
  <div id="menu">
    <div class="blk">
      <ul>
        <h3 href="#">
          <i class="iconfont icon-shouye"></i>
          <span class="a1">
             <a href="../index.html">首　 页</a>
          </span>
        </h3>
        <h3 href="#">
          <i class="iconfont icon-perftIco1"></i>
          <span class="a1">单位概况</span>
          <div class="sonNav">
            <a href="19124.html" target="_blank">机构职责</a>
            <a href="18103.html" target="_blank">领导分工</a>
            <a href="18104.html" target="_blank">机构科室</a>
            <a href="18184.html" target="_blank">二级机构</a>
            <a href="18237.html" target="_blank">直属学校</a>
          </div>
        </h3>
        <h3 href="#">
          <i class="iconfont icon-xinxi"></i>
          <span class="a1">
              <a href="1751.html">政府信息公开</a>
          </span>
        </h3>
        <h3>
          <i class="iconfont icon-hudongjiaoliu"></i>
          <span class="a1">
            <a href="18296.html">互动交流</a>
          </span>
        </h3>
        <h3>
          <i class="iconfont icon-zhuanti"></i>
          <span class="a1">
            <a href="18385.html" target="_blank">专题专栏</a>
          </span>
        </h3>
      </ul>
      <script type="text/javascript">
        $(function(){{ $("#menu .blk h3").hover(function(){{ $(this).children(".sonNav").slideDown(100); }},
                                                  function(){{ $(".sonNav").css({{'display':'none'}}); }}); }});
      </script>
    </div>
  </div>
  <div class="header-m">
  <div class="logo-m">
    <a href="../index.html"><img src="../Picture/index_1.png" width="100%"></a>
  </div>
  <div class="search-nav">
    <div class="nav-m-btn" onclick="navClick('nav-m-list')"></div>
    <ul class="nav-m-list" id="nav-m-list">
      <li><a href="../index.html">网站首页</a></li>
      <li><a href="18104.html">单位概况</a></li>
      <li><a href="1751.html">政府信息公开</a></li>  
      <li> <a href="18296.html">互动交流</a></li> 
      <li><a href="18385.html" target="_blank">专题专栏</a></li>
    </ul>
    <div class="clearfloat">
    </div>
  </div>
</div>
  
  <div id="part6" class="clearfix">
    <div class="pl">
      <h2>办公室</h2>
      <ul>
        {left}
      </ul>
    </div>
    <div class="pr1">
      <div class="dqwz">
        <p>当前位置：
          <a href="../index.html">首页</a>&nbsp;-&nbsp;<a href="18104.html">机构设置</a>&nbsp;-&nbsp;<a href="18105.html">科室</a>&nbsp;-&nbsp;<a href="18106.html">办公室</a>&nbsp;-&nbsp;<a href="">{name}</a>
        </p>
      </div>
      <div class="title-m">                  
        <span>{name}</span>
        <div class="menu-m" id="menu-m" onclick="navClick('menu-m-list')"></div>
        <div class="menu-m-list" id="menu-m-list">
          <ul class="clear-fix">
            {mleft}</ul>
        </div>
      </div>
      <ul>
        {''.join(boxes)}
        <div class="clearit"></div>
      </ul>
      <div class="page " style="margin:15px 0;">
        <div id="page_div">{_pds_pager(channel, page, pages, total)}</div>
          
          
        </div>
      </div>
    </div>
    <div class="clearit"></div>
  
      <div id="foot">
      <ul>
        <p>版权所有：{PDS_NAME}&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
        联系地址：平顶山市新城区&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;技术支持：平顶山市电子政务运维中心</p>
        <p>
          <a style="color:#FFFFFF" href="https://beian.miit.gov.cn/" target="_self">ICP证号：豫ICP备00000000号-1</a>
          &nbsp;&nbsp;&nbsp;网站标识码&nbsp;4104000917&nbsp;&nbsp;&nbsp;
        </p>
        <div class="ico1">
          <a href="javascript:;" target="_blank"><img src="../Picture/red.png"></a></div>
      </ul>
    </div>
  <div class="footer-m">
  <p>版权所有/主办单位：{PDS_NAME}</p>
  <p>网站标识码：4104000917</p>
  <p>技术支持：平顶山市电子政务运维中心</p>
</div>
<script type="text/javascript">
  function navClick(id) {{ document.getElementById(id).classList.toggle('show'); }}
</script>
</body>
</html>
"""


def _pds_column(kit: Kit, case: str, channel: int, n: int, newest: date, max_step: int, note: str) -> None:
    name = dict(PDS_SUBS)[channel]
    cid = 386000 + kit.rng.randint(0, 3000)
    rows: list[tuple[str, date, str, str | None]] = []
    for d in kit.dates(n, newest, max_step):
        cid -= kit.rng.randint(1, 2500)
        pic = kit.rng.random() < 0.4
        title = f"[图]{kit.title()}" if pic else kit.title()
        img = f"../upload/images/{d:%Y}/{d:%m}/t_{cid}{kit.rng.randint(100, 999)}.jpg" if pic else None
        rows.append((f"{PDS}/contents/{channel}/{cid}.html", d, title, img))
    chunks = [rows[i:i + PDS_PER] for i in range(0, len(rows), PDS_PER)]
    for p, chunk in enumerate(chunks, 1):
        kit.write(f"{PDS}/channels/{channel}{'' if p == 1 else f'_{p}'}.html", _pds_page(kit, channel, chunk, p, len(chunks), n))
    # a reader lists the title and, apart, the date glued to its end in <h3> (the project's
    # labels never keep a date in a title; the <p> under it shows the same title without it)
    kit.column(case, name, f"{PDS}/channels/{channel}.html", [(u, d, t) for u, d, t, _ in rows], len(chunks), note=note)


def build(kit: Kit) -> None:
    kit.start_portal("jilin-lyj", "吉林市林业局（模型）", SOURCE_JL, "department", "TRS", None)
    _jl_column(kit, "jllyj-bmwj", "bmwj", 34, kit.ago(6), 12,
               note="TRS d_960_3 list: date span before a doubled <a>; unsorted; shown dates earlier than URL dates; "
                    "pager drawn only by document.write (Pager({size:3,…})); 3 pages")
    _jl_column(kit, "jllyj-yjgl", "yjgl", 20, kit.ago(40), 20,
               note="same template; unsorted, shown dates differ from URL dates; script pager; 2 pages")
    _jl_column(kit, "jllyj-ghjh", "ghjh", 9, date(2024, 2, 20), 90, note="same template; one page; stale")
    _jl_column(kit, "jllyj-ndbg", "ndbg", 6, date(2025, 1, 24), 365, note="same template; annual reports; one page")

    kit.start_portal("pds-jytj", "平顶山市教育体育局（模型）", SOURCE_PDS, "department", "SiteServer CMS", None)
    _pds_column(kit, "pdsjt-gzdt", 18108, 48, kit.ago(3), 6,
                note="SiteServer a.box directly in ul; date only inside the title (h3 …(YYYY-MM-DD)); 5 pages {channel}_n.html")
    _pds_column(kit, "pdsjt-gwtz", 18107, 23, kit.ago(21), 14, note="same template; 3 pages")
    _pds_column(kit, "pdsjt-jydsj", 18109, 7, date(2024, 12, 31), 50, note="same template; one page; stale")
    _pds_column(kit, "pdsjt-gzzd", 18110, 4, date(2021, 8, 16), 200, note="same template; one page; long stale")
