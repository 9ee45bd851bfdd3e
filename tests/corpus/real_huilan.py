"""Two portals on Huilan (慧蓝/汇蓝) EasySite eportal: 辽宁省住房和城乡建设厅 (zjt.ln.gov.cn) and
中国人民银行 (www.pbc.gov.cn, its 沟通交流 subsite).

**辽宁省住房和城乡建设厅** — studied: caaaptaintop/newsnow test/fixtures/liaoning/gsgg.html,
tftz.html, zcjd.html (commit 7c7d3395a890fa0963a543720f622cb3e350d500) and gfxwj.html (commit
d0ed701d6bec831d839c582b19124a2538517534), real pages captured 2026-09. Reproduced: the
EasySite hidden ``div[easysite=easysiteHiddenDiv]`` inputs, ``meta`` ColumnName/ColumnType/
createDate (the page's generation time, fresh even on a stale column) and a ``<title>`` with a
trailing space; a site header whose four desktop mega-menus (``div.navigation_down >
div.nav_down_menu#nvd1..#nvd4``, shown on hover) hold a *dated* 新闻发布会 link
(``span.hsub_zwgklinktime``), an undated ``ul.xwfbh-list``, the 政务服务 system links, a dated
意见征集 box (``div.ywlist2 li`` with ``<font> YYYY-MM-DD </font>`` and hrefs starting with a
tab) and a 专题专栏 image carousel, then a hidden mobile menu (``div.ph_header_box
ul.gov_navu_main``) — all BEFORE the list. The ``tongp_lb`` list template: ``div.bg2 >
div.tp-lb-neirong``, breadcrumb ``div.tp-lb-dqwz`` ("首页 >> 公示公告"), the list in
``div.tp-lb-wzlb.column#tp-lb-nr > div.portlet > div > div.tp-lb-con > ul.tp-lb-mode >
li.tp-lb-li`` with the title in ``p.tp-lb-title`` and ``[YYYY-MM-DD]`` in a sibling
``p.tp-lb-time``; many items sharing one date; titles cut with "..." (full in ``title``); a
PDF-viewer item (``/uiFramework/js/pdfjs/web/viewer.html?file=…pdf``); ids
``YYYYMMDDhhmmss+5 digits`` on new items, 32-hex GUIDs on old ones; and the EasySite pager
whose links carry NO href — ``<a onclick="queryArticleByCondition(this,'/zjt/gsgg/5dbcf8b5-2.shtml')"
class="pagingNormal">`` (page N is ``/<column>/<8-hex module id>-N.shtml``), ``jumpToPage``
and a hidden ``input[name=article_paging_list_hidden][totalpage]``. The ``wjzuoyou_lb``
template of 厅发文件: a left 导航 box (``div.wjzy-lb-daoh``), "当前位置：首页 -> 厅发文件 ->
规范性文件", a table-like list of ``<p>`` cells under a header row (文件名/文件号/成文日期/
发布日期) — two dates per row, 成文日期 as "YYYY年M月D日", the template placeholder "年月日" or
empty, 发布日期 as YYYY-MM-DD (the one labelled) —, a 解读 link per row (hidden by script when
its href is empty) and, with one page, the inert ``[NEXTPAGE]``/``[LASTPAGE]`` pager.

**中国人民银行** — studied: newthinker/atlas internal/hestia/testdata/pboc-index-p1.html, -p2.html
(commit 99c8c6a1fcbabd7fa1af2e4f6baa1118235b828e), -p7.html (13aefb649372a44dc3d348cba7a6f4c867c0c9cf)
and pboc-index-p146-2020.html (97ae2a3c39c47546a0f949a97322c353026f95ae), the 新闻发布 column.
Reproduced: a 950px nested-table page; a ``div.header`` with ``a.hei12`` links (one written
by ``document.write``) and two rows of top navigation (``div#logo > div.logo2 table.cs``); a
``table.hui12`` bar with a script-written date and the breadcrumb "我的位置：" in
``span#dangqian`` (a script renames its first crumb 首页 and rewrites ``document.title``);
the left 机构设置 column of image links (``div#l_con > div.portlet table.qhkuang2``); the
heading cell ``td.buleB16`` filled by ``document.write(<title>)``; the list in ``div#r_con >
div.portlet > div[opentype=page]``, EVERY item its own ``<table><tbody><tr><td width=15>
<td height=22><font class=newslist_style><a …></font><span class=hui12>YYYY-MM-DD</span>``
(the class ``hui12`` also on the header's cells and table); titles cut at ~38 characters
with "..." (full in ``title``); 19-digit timestamp ids that sometimes lag the shown date by a
day (re-publication), 7-digit ids after a site rebuild, and — on an old column — ids minted
at a recent site migration while the shown dates are years old (a date-from-URL heuristic
would call it fresh); the pager without hrefs (``onclick="queryArticleByCondition(this,
'/goutongjiaoliu/113456/113469/11040-2.html')"`` plus ``tagname``; page 1 is index.html, page N
``11040-N.html``, later pages link page 1 as ``11040-1.html``), "总记录数:…,每页显示15条记录,
当前页: p /P", ``jumpTo(...)``; and the footer table.
"""

from __future__ import annotations

from datetime import date, timedelta

from kit import Kit, Row

LN_SOURCE = ("caaaptaintop/newsnow: test/fixtures/liaoning/gsgg.html, tftz.html, zcjd.html "
             "(7c7d3395a890fa0963a543720f622cb3e350d500), gfxwj.html (d0ed701d6bec831d839c582b19124a2538517534)")
PBC_SOURCE = ("newthinker/atlas: internal/hestia/testdata/pboc-index-p1.html, -p2.html "
              "(99c8c6a1fcbabd7fa1af2e4f6baa1118235b828e), -p7.html (13aefb649372a44dc3d348cba7a6f4c867c0c9cf), "
              "pboc-index-p146-2020.html (97ae2a3c39c47546a0f949a97322c353026f95ae)")
HEX = "0123456789abcdef"


def _hex(kit: Kit, n: int = 32) -> str:
    return "".join(kit.rng.choice(HEX) for _ in range(n))


def _ts_id(kit: Kit, d: date) -> str:
    """An EasySite article id: the publishing moment, yyyyMMddHHmmss, and five digits."""
    r = kit.rng
    return f"{d:%Y%m%d}{r.randint(8, 18):02d}{r.randint(0, 59):02d}{r.randint(0, 59):02d}{r.randint(10000, 99999)}"


def _long_title(kit: Kit) -> str:
    return f"{kit.title()}暨{kit.title()}"


def _cut(title: str, limit: int) -> str:
    return title if len(title) <= limit else title[:limit] + "..."


# ==================================================================================================
# 辽宁省住房和城乡建设厅
# ==================================================================================================
LN_NAV = {  # the mobile menu: section -> (name, path) of its columns (the desktop mega-menus share them)
    "首页": [("可替换飘窗", "/zjt/index/kthpc2/index.shtml")],
    "政务公开": [("厅领导", "/zjt/zwgk2/tld/index.shtml"), ("主要职责", "/zjt/zwgk2/jgzc/zyzz/index.shtml"),
             ("机构设置", "/zjt/zwgk2/jgzc/jgsz/index.shtml"), ("厅直单位", "/zjt/zwgk2/jgzc/tzdw/index.shtml"),
             ("决策执行", "/zjt/zwgk2/jczx/index.shtml"), ("预决算公开", "/zjt/zwgk2/yjsgk/index.shtml"),
             ("政府会议", "/zjt/zwgk2/hyzk/zfhy/index.shtml"), ("部门会议", "/zjt/zwgk2/hyzk/bmhy/index.shtml"),
             ("行政执法检查", "/zjt/zwgk2/xzzfjc/index.shtml"), ("权责清单", "/zjt/zwgk2/fgfgg/qzqd/index.shtml"),
             ("双随机一公开", "/zjt/zwgk2/fgfgg/ssjygk/index.shtml"), ("营商环境", "/zjt/zwgk2/fgfgg/yshj/index.shtml"),
             ("公示公告", "/zjt/gsgg/index.shtml"), ("厅发通知", "/zjt/tftz/index.shtml"),
             ("政策解读", "/zjt/zcjd/index.shtml"), ("辽住建", "/zjt/tfwj/lzj/index.shtml"),
             ("辽住建发", "/zjt/tfwj/lzjf/index.shtml"), ("处室文件", "/zjt/tfwj/cswj/index.shtml"),
             ("规范性文件", "/zjt/tfwj/gfxwj/index.shtml"), ("政府信息公开指南", "/zjt/zwgk2/zfxxgk/zfxxgkzn/index.shtml"),
             ("政府信息公开年度报告", "/zjt/zwgk2/zfxxgk/zfxxgknb/index.shtml")],
    "政务服务": [("政务大厅", "/zjt/zwfw32/zwdt/index.shtml"), ("办事指南", "/zjt/zwfw32/bszn/index.shtml"),
             ("表格下载", "/zjt/zwfw32/bgxz/index.shtml"), ("结果公开", "/zjt/zwfw32/jggk/index.shtml")],
    "政民互动": [("我要向厅长说句话", "/zjt/zmhd94/wyxtzsjh/index.shtml"), ("意见征集", "/zjt/zmhd94/yjzj/index.shtml"),
             ("在线访谈", "/zjt/zmhd94/zxft/index.shtml"), ("常见问题", "/zjt/zmhd94/cjwt/index.shtml")],
    "专题专栏": [("好房子建设", "/zjt/ztzl10/hfzjs/index.shtml"), ("供暖季服务专栏", "/zjt/ztzl10/gnjfwzl/index.shtml"),
             ("工程建设项目审批制度改革", "/zjt/ztzl10/gcjsxmspzdgg/index.shtml"), ("物业服务整治", "/zjt/ztzl10/wyfwzz/index.shtml")],
}


def _ln_header(kit: Kit) -> str:
    """The site header every zjt page carries: hover mega-menus (one dated 新闻发布会 link, an
    undated press list, a dated 意见征集 box, a carousel) and the hidden mobile menu."""
    fbh_date = kit.ago(70)
    press = "".join(
        f"""
           <li> <span class="headsub_list3_dot"></span> <a href="https://mp.weixin.qq.com/s/{_hex(kit, 22)}" target="_blank"> {kit.esc(_cut(kit.title(), 22))} </a> </li>"""
        for _ in range(5))
    yjzj = "".join(
        f"""
            <li> <a href="	/zjt/zmhd94/yjzj/{_ts_id(kit, d)}/index.shtml"> {kit.esc(_cut('关于征求《' + kit.title() + '》意见的公告', 24))} </a> <font> {d:%Y-%m-%d} </font> </li>"""
        for d in (kit.ago(3), kit.ago(17), kit.ago(45), kit.ago(45), kit.ago(66)))
    middle = "".join(
        f"""
          <div class="hsub_zmlbox hei132">
           <img src="/uiFramework/commonResource/image/20211015113533{i:05d}.png" class="hsub_zmlpic">
           <p class="hsub_zmltt"><a href="{p}">{n}</a></p>
          </div>""" for i, (n, p) in enumerate(LN_NAV["政务公开"][:8]))
    carousel = "".join(
        f"""
            <li> <a href="{p}"><img src="/zjt/imageDir/2024/0{i + 1}/img_pc_site/{_ts_id(kit, date(2024, i + 1, 9))}.jpg" border="0" alt="{n}"></a> </li>"""
        for i, (n, p) in enumerate(LN_NAV["专题专栏"]))
    systems = "".join(
        f"""
            <li class=""> <a href="http://fwpt.zjt.example/{s}/"> <img src="/uiFramework/commonResource/image/2021101311122363825.jpg"><span></span> <p> {n} </p> </a> </li>"""
        for s, n in (("fdc", "房地产业信用信息系统"), ("jzsc", "建筑市场监管公共服务平台"), ("sgxk", "建筑施工许可管理信息系统"),
                     ("zyzc", "建设执业注册管理系统")))
    mobile = "".join(
        f"""
        <li> <a class="ph_navLink toOpen hasChild">{section}</a>
         <ul class="gov_navu_two">""" + "".join(f"""
          <li> <a href="{p}">{n}</a> </li>""" for n, p in cols) + """
         </ul> </li>""" for section, cols in LN_NAV.items())
    return f"""  <div class="pc_header_box">
    <link rel="stylesheet" type="text/css" href="/zjt/template/page/header/skin.css?timestamp=1711011489678">
<div class="header_common column" id="header_common" name="公用头部" runat="server">
</div>
<div class="headerbody" style="position: relative; z-index: 1; background: #198acc;">
 <div class="d1">
  <div class="d1d"><img src="/uiFramework/commonResource/image/2021092709461227417.png" style=""></div>
  <div class="d1d2"><a href="http://www.ln.gov.cn/" target="_blank">辽宁省人民政府</a></div>
  <div class="d1d3">
   <img src="/uiFramework/commonResource/image/2021092709492617499.png">
   <a target="_blank" href="javascript:void(0)">报送系统</a>
   <li class="sp4" style="height:34px; overflow:hidden;padding-left:10px;"><a href="javascript:void(0)" id="wza" title="无障碍浏览" data-type="Huilan-ass-btn">无障碍浏览</a></li>
  </div>
  <div class="d1d4">
   <form id="amj-form" name="amj-form" action="/search/pcRender" class="" method="get" target="_blank">
    <input type="hidden" name="sr" id="sr" value="dateTime desc">
    <input type="hidden" name="pNo" id="pNo" value="1">
    <input class="search-text" type="text" name="q" placeholder="请输入关键词检索" id="q" value="" autocomplete="off">
    <input name="button" type="submit" value="">
   </form>
  </div>
 </div>
 <div class="d2">
  <div class="d2d">
   <div class="navbar">
    <ul>
     <li class="nav_up_selected_inpage"> <a href="/zjt/index/index.shtml">网站首页</a> </li>
     <li _t_nav="nvd1"> <a href="/zjt/zwgk2/tld/index.shtml">政务公开</a> </li>
     <li _t_nav="nvd2"> <a href="/zjt/zwfw32/zwdt/index.shtml">政务服务</a> </li>
     <li> <img src="/uiFramework/commonResource/image/2021092711185278496.png"> </li>
     <li _t_nav="nvd3"> <a href="/zjt/zmhd94/wyxtzsjh/index.shtml">政民互动</a> </li>
     <li _t_nav="nvd4"> <a href="/zjt/ztzl10/index.shtml">专题专栏</a> </li>
    </ul>
   </div>
   <!-- booNav -->
   <div class="navigation_down">
    <div class="nav_down_menu" id="nvd1" _t_nav="nvd1">
     <div class="navigation_down_inner">
      <!-- Nav政务公开 -->
      <div class="headsub_menubox">
       <div class="hsub_zwgklefbox column" id="hsub_zwgklefbox" name="政务公开左侧切换" runat="server">
        <div class="portlet" id="{_hex(kit)}" pagemoduleid="{_hex(kit)}">
         <div align="left" class="eps-portlet-header"><div class="eps-shadow eps-dn"><ul class="float_list_ul"></ul></div></div>
         <div>
          <h5 class="hsub_zwgktitle" opentype="page"> 新闻发布会 </h5>
          <a href="https://mp.weixin.qq.com/s/{_hex(kit, 22)}" target="_blank" class="hsub_zwgklinkpic"> <img src="" class="hsub_zwgklinkpp"> <span class="hsub_zwgklinktt"> <span class="hsub_zwgklinktext"> 新闻发布会丨{kit.esc(_cut(kit.title(), 6))} </span> <span class="hsub_zwgklinktime"> {fbh_date:%Y-%m-%d} </span> </span> </a>
         </div>
        </div>
        <div class="portlet" id="{_hex(kit)}" pagemoduleid="{_hex(kit)}">
         <div align="left" class="eps-portlet-header"><div class="eps-shadow eps-dn"><ul class="float_list_ul"></ul></div></div>
         <div>
          <ul class="headsub_list3_box xwfbh-list" opentype="page">{press}
          </ul>
          <script>
$('.xwfbh-list li:first').hide();
</script>
         </div>
        </div>
       </div>
       <div class="hsub_zwgkmiddlebox column" id="hsub_zwgkmiddlebox " name="政务公开中间切换" runat="server">
        <div class="portlet" id="{_hex(kit)}" pagemoduleid="{_hex(kit)}">
         <div>{middle}
         </div>
        </div>
       </div>
       <div class="hsub_zwgkrigbox column" id="hsub_zwgkrigbox" name="政务公开右侧切换" runat="server">
        <div class="portlet" id="{_hex(kit)}" pagemoduleid="{_hex(kit)}">
         <div>
          <h5 class="hsub_zwgktitle2" opentype="page">政府信息公开</h5>
          <ul class="hsub_zplbox">
           <li> <img src="/uiFramework/commonResource/image/2021101511364131136.png" class="hsub_zpliocn"> <a href="/zjt/zwgk2/zfxxgk/zfxxgkzn/index.shtml" target="_blank">政府信息公开指南</a> <span class="hsub_zplmore"></span> </li>
           <li> <img src="/uiFramework/commonResource/image/2021101511370239380.png" class="hsub_zpliocn"> <a href="/zjt/zwgk2/zfxxgk/zfxxgknb/index.shtml" target="_blank">政府信息公开年度报告</a> <span class="hsub_zplmore"></span> </li>
           <li> <img src="/uiFramework/commonResource/image/2021101511372251767.png" class="hsub_zpliocn"> <a href="/zjt/zwgk2/zfxxgk/zfxxysqgk/index.shtml" target="_blank">政府信息依申请公开</a> <span class="hsub_zplmore"></span> </li>
          </ul>
         </div>
        </div>
       </div>
      </div>
      <!-- END Nav政务公开 -->
      <div class="up_arrow"></div>
     </div>
    </div>
    <!--政务服务-->
    <div class="nav_down_menu" id="nvd2" _t_nav="nvd2">
     <div class="navigation_down_inner">
      <div class="headsub_menubox">
       <div class="headsub_zwfwleftbox column" id="headsub_zwfwleftbox" name="政务服务左侧" runat="server">
        <div class="portlet" id="{_hex(kit)}" pagemoduleid="{_hex(kit)}">
         <div>
          <div class="headsub_zwfwleftbox">
           <h5 class="headsub_zwfwtitle">政务大厅</h5>
           <div class="headsub_zwfwttbox">
            <p class="hsub_zwfwtt">本厅在省政务服务中心设窗口，行政许可事项可在网上办理，受理、办结、公示一网通办。</p>
            <div class="l-zwdt-lj"><a href="/zjt/zwfw32/zwdt/index.shtml">进入政务大厅</a></div>
           </div>
           <div class="hstabbtnbox">
            <button class="mar_le0" id="hstabbtn1">行政许可办理</button>
            <div class="hsub_mttbbox" id="hsub_mttbbox1" style="display: none;">
             <a class="hsubluebtn"> 许可证核发 </a> <a class="hsubluebtn"> 建筑业资质认定 </a> <a class="hsubluebtn"> 工程监理企业资质认定 </a>
            </div>
           </div>
          </div>
         </div>
        </div>
       </div>
       <div class="headsub_zwfwrightbox column" id="headsub_zwfwrightbox" name="政务服务右侧切换" runat="server">
        <div class="portlet" id="{_hex(kit)}" pagemoduleid="{_hex(kit)}">
         <div>
          <div class="dt2_content zwgk-nav-top conTabTwo clearfix" opentype="page">
           <ul class="xxxt-list">{systems}
           </ul>
          </div>
         </div>
        </div>
       </div>
       <div class="up_arrow"></div>
      </div>
     </div>
    </div>
    <!--END政务服务-->
    <!--政民互动-->
    <div class="nav_down_menu" id="nvd3" _t_nav="nvd3">
     <div class="navigation_down_inner">
      <div class="headsub_menubox">
       <div class="headsub_zmhdleftbox column" id="headsub_zmhdleftbox" name="政民互动左侧" runat="server">
        <div class="portlet" id="{_hex(kit)}" pagemoduleid="{_hex(kit)}">
         <div>
          <div class="sylylb-lxxu-jswz">
           <div class="sylylb_title_box"><div class="sylylb_title_dot"></div><p class="sylylb_title_text">我要向厅长说句话</p></div>
          </div>
          <div class="easysite-mt10"><div class="sylylb_wosjh1"><p>欢迎您反映机关作风和营商环境方面的问题、提出意见建议。</p></div></div>
          <div class="easysite-board easysite-font">
           <div class="sylylb_linkbox">
            <a href="/eportal/ui?pageId={_hex(kit)}" target="_blank" class="sylylb-hslbtn"><span class="sylylb-hsltt">我也要说句话</span></a>
            <a href="/zjt/zmhd94/wyxtzsjh/index.shtml" target="_blank" class="sylylb-hslbtn"><span class="sylylb-hsltt">信件回复查询</span></a>
           </div>
          </div>
         </div>
        </div>
       </div>
       <div class="headsub_zmhdrightbox column" id="headsub_zmhdrightbox" name="政民互动右侧" runat="server">
        <div class="portlet" id="{_hex(kit)}" pagemoduleid="{_hex(kit)}">
         <div>
          <div class="headsub_yjzj" opentype="page">
           <!-- TitleBox -->
           <div class="headsub_title2_box">
            <p class="headsub_title2_text">意见征集</p>
            <a href="/zjt/zmhd94/yjzj/index.shtml" target="_blank" class="headsub_title2_more">更多&gt;&gt;</a>
            <ul class="headsub_list2_box">
             <li> <span class="headsub_list2_dot"></span> </li>
            </ul>
           </div>
          </div>
         </div>
        </div>
        <div class="portlet" id="{_hex(kit)}" pagemoduleid="{_hex(kit)}">
         <div>
          <div class="ywlist2" opentype="page">
           <ul>{yjzj}
           </ul>
          </div>
         </div>
        </div>
       </div>
       <div class="up_arrow"></div>
      </div>
     </div>
    </div>
    <!--END政民互动-->
    <!--专题专栏-->
    <div class="nav_down_menu" id="nvd4" _t_nav="nvd4">
     <div class="navigation_down_inner">
      <div class="headsub_menubox column" id="mr_frbox1" name="专题专栏" runat="server">
       <div class="portlet" id="{_hex(kit)}" pagemoduleid="{_hex(kit)}">
        <div>
         <h5 class="headsub_titlett" opentype="page">专题专栏</h5>
         <div class="mr_frbox1">
          <img class="mr_frBtnL1 prev" src="/uiFramework/commonResource/image/2021101516362867633.gif">
          <div class="mr_frUl1">
           <ul id="mr_fu">{carousel}
           </ul>
          </div>
          <img class="mr_frBtnR1 next" src="/uiFramework/commonResource/image/2021101516364221543.gif">
         </div>
         <script type="text/javascript">$(".mr_frbox1").slide({{mainCell: ".mr_frUl1 ul", effect: "leftLoop", vis: 3}});</script>
        </div>
       </div>
      </div>
      <div class="up_arrow"></div>
     </div>
    </div>
    <!--END专题专栏-->
   </div>
   <script>
jQuery(document).ready(function () {{
    $('[_t_nav]').hover(function () {{ $('#' + $(this).attr('_t_nav')).stop(true, true).slideDown(300); }},
                        function () {{ $('#' + $(this).attr('_t_nav')).stop(true, true).slideUp(300); }});
}});
</script>
  </div>
 </div>
 <div class="d3d"></div>
 <div class="menu_show_bg"></div>
</div>
<br>
<div class="header_common2 column" id="header_common2" name="公用头部" runat="server">
</div>
  </div>
  <div class="ph_header_box">
    <link rel="stylesheet" type="text/css" href="/zjt/template/page/ph_head/skin.css?timestamp=1637724339030">
<div class="ph_header_box column" runat="server" id="ph_header_box" name="ph_header">
 <div class="portlet" id="{_hex(kit)}" pagemoduleid="{_hex(kit)}">
  <div>
   <div class="headerCon">
    <div class="ph_head">
     <span><a href="/eportal/ui?pageId={_hex(kit)}">辽宁省住房和城乡建设厅</a><a href="/AiWza/index.html#/" id="wza" title="无障碍浏览" data-type="Huilan-ass-btn">无障碍浏览</a></span>
     <span class="ph_icon"></span>
    </div>
    <div class="gov_header">
     <div class="gov_header_main" style="display: none;">
      <!-- NavBox -->
      <div class="gov_navu_box">
       <ul class="gov_navu_main">{mobile}
       </ul>
      </div>
      <!-- END NavBox -->
     </div>
    </div>
   </div>
   <script>
$(".ph_icon").click(function(){{ $(".gov_header_main").toggle(); }});
$(".toOpen").click(function(){{ $(this).next().toggle(); $(this).toggleClass("isOpen"); }});
</script>
  </div>
 </div>
</div>
  </div>
"""


LN_FOOTER = """  </div> <link rel="stylesheet" type="text/css" href="/zjt/template/page/footer/skin.css?timestamp=1688105320412">
<div class="bottom">
 <div class="bottomwrap clearfix">
  <div class="bottom_left">
   <span id="_span_jiucuo"><a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=2100000015"> <img style="margin:0;border:0;cursor: pointer;" src="/uiFramework/commonResource/image/2022072113090919850.png"></a></span>
  </div>
  <div class="bottom_right">
   <span id="_ideConac"> <a href="http://bszs.conac.cn/sitename?method=show" target="_blank"> <img border="0" id="imgConac" src="/uiFramework/commonResource/image/2022072119553629550.png"></a> </span>
  </div>
  <div class="bottom_middle">
   <p>版权所有：辽宁省住房和城乡建设厅 地址：辽宁省沈阳市和平区</p>
   <p>备案编号：<a href="https://beian.miit.gov.cn/">辽ICP备00000000号-1</a> 丨 <a href="/zjt/wzdt/index.shtml" target="_blank">网站地图</a> </p>
  </div>
 </div>
</div>
<br>
  <script>
$('.easysite-total-page .easysite-jump-btn').val('提交');
</script><div style="display:none" easysite="easysiteHiddenDiv">
	<input type="hidden"  id="currentLoginUserLoginName"/>
	<input type="hidden"  id="currentLoginUserLoginId"/>
	<script type="text/javascript" src="/uiFramework/js/counting/chanelCounting.js?a=15655"></script>
	<script type=text/javascript src='/uiFramework/js/counting/articleCounting.js?random=15655'></script>
</div>
 </body>
</html>"""


def _ln_pager(base: str, module: str, page: int, pages: int, more_class: str, full_id: str) -> str:
    """The EasySite pager: links with an onclick and no href; page N at <module>-N.shtml."""
    def link(n: int, label: str) -> str:
        return f"""<a onclick="queryArticleByCondition(this,'{base}{module}-{n}.shtml')" class="pagingNormal">{label}</a>"""

    out = [f"<b>共{pages}页</b>"]
    if page == 1:
        out += ['<a class="wzyema" tagname="[HOMEPAGE]" title="首页">首页</a>',
                '<a class="wzyema" tagname="[PREVIOUSPAGE]" title="上一页">上一页</a>']
    else:
        out += [f"""<a style="cursor:pointer" class="wzyema" title="首页" onclick="queryArticleByCondition(this,'{base}{module}-1.shtml')" tagname="{base}{module}-1.shtml">首页</a>""",
                f"""<a style="cursor:pointer" class="wzyema" title="上一页" onclick="queryArticleByCondition(this,'{base}{module}-{page - 1}.shtml')" tagname="{base}{module}-{page - 1}.shtml">上一页</a>"""]
    for n in range(1, min(pages, 10) + 1):
        out.append(f'<font class="NormalRed">{n}</font>' if n == page else link(n, str(n)))
        out.append('<span style="width:5px;display:inline-block;"></span>')
    if page < pages:
        out += [f"""<a style="cursor:pointer" class="wzyema" title="下一页" onclick="queryArticleByCondition(this,'{base}{module}-{page + 1}.shtml')" tagname="{base}{module}-{page + 1}.shtml">下一页</a>""",
                f"""<a style="cursor:pointer" class="wzyema" title="尾页" onclick="queryArticleByCondition(this,'{base}{module}-{pages}.shtml')" tagname="{base}{module}-{pages}.shtml">尾页</a>"""]
    else:
        out += ['<a class="wzyema" title="下一页" tagname="[NEXTPAGE]">下一页</a>',
                '<a class="wzyema" title="尾页" tagname="[LASTPAGE]">尾页</a>']
    out += ["<b>跳转至</b>",
            f"""<input type="text" value="{page}" size="5" class="easysite-page-text" onkeydown="jumpToPage(event,this,'{pages}','{page}','{base}{module}-%1.shtml')">""",
            "<b>页</b>",
            f"""<input class="easysite-jump-btn" type="button" value="跳转" onclick="jumpTo(this,'{pages}','{page}','{base}{module}-%1.shtml')">"""]
    body = "\n   ".join(out)
    return f""" <div class="{more_class}">
  <div class="easysite-total-page">
   {body}
  </div>
  <input type="hidden" name="article_paging_list_hidden" moduleid="{full_id}" modulekey="{full_id}" totalpage="{pages}">
 </div>"""


def _ln_page(kit: Kit, header: str, col: dict, rows: list, page: int, pages: int) -> str:
    """One list page of a zjt column; ``rows`` are (href, shown date, title, 文件号, 成文日期 text)."""
    name, base, module, skin = col["name"], col["base"], col["module"], col["skin"]
    created = kit.ago(col.get("regen", 1))
    if skin == "tongp_lb":
        items = "".join(
            f"""
  <li class="tp-lb-li"> <p class="tp-lb-title"><a href="{kit.esc(u)}" onclick="{kit.esc(click)}" target="_blank" title="{kit.esc(t)}" istitle="true"{extra}>{kit.esc(_cut(t, 40))}</a> </p> <p class="tp-lb-time">[{d:%Y-%m-%d}]</p> </li>"""
            for u, d, t, click, extra in rows)
        crumb_target = col.get("crumb_target", "_parent")
        body = f"""  <div class="bg2">
   <div class="tp-lb-neirong">
    <div class="tp-lb-dqwz">
     <img src="/zjt/imageDir/2021/11/img_pc_site/2021110115492988643.jpg" /><span><a class='SkinObject' href='/zjt/index/index.shtml' target='_parent' data-id='{col["home_id"]}' data-pid='-1'>首页</a> >> <a class='SkinObject' href='{base}index.shtml' target='{crumb_target}' data-id='{col["page_id"]}' data-pid='-1'>{name}</a></span>
    </div>
    <div class="tp-lb-wzlb column" id="tp-lb-nr" name="文章列表" runat="server">
  <div class="portlet" id="{module}{col['module_tail']}" pagemoduleid="{col['page_id']}">
 <div align="left" class="eps-portlet-header">
  <div id="submenu{module}{col['module_tail']}" class="eps-shadow eps-dn">
   <ul class="float_list_ul">
   </ul>
  </div>
 </div>
 <div>



<div class="tp-lb-con" opentype="page">
 <ul class="tp-lb-mode">{items}
 </ul>
{_ln_pager(base, module, page, pages, "tp-lb-more", module + col["module_tail"])}
</div>

 </div>
</div>      </div>
   </div>
"""
    else:  # wjzuoyou_lb: 厅发文件, a table of <p> cells, two dates per row
        items = "".join(
            f"""
  <li class="wjzy-lb-li"> <p class="wjzy-lb-wjm"> <a href="{kit.esc(u)}" onclick="void(0)" target="_blank" title="{kit.esc(t)}" istitle="true">{kit.esc(_cut(t, 36))}</a> </p> <p class="wjzy-lb-wjh">{wjh}</p> <p class="wjzy-lb-cwrq">{cwrq}</p> <p class="wjzy-lb-fbrq">{d:%Y-%m-%d}</p> <p class="wjzy-lb-jd"><a href="{jd}" target="_blank" class="color_ul_jd ">解读</a></p> </li>"""
            for u, d, t, wjh, cwrq, jd in rows)
        side = "".join(f"""
  <a  href="/zjt/tfwj/{s}/index.shtml">{n}</a>""" for s, n in (("lzj", "辽住建"), ("lzjf", "辽住建发"), ("cswj", "处室文件"), ("gfxwj", "规范性文件")))
        body = f"""  <div class="bg2">
   <div class="wjzy-lb-neirong">
    <div class="wjzy-lb-dqwz">
      当前位置：<span><a class='SkinObject' href='/zjt/index/index.shtml' target='_parent' data-id='{col["home_id"]}' data-pid='-1'>首页</a> -> <a class='SkinObject' href='/zjt/tfwj/lzj/index.shtml' target='_parent' data-id='{col["parent_id"]}' data-pid='-1'>厅发文件</a> -> <a class='SkinObject' href='{base}index.shtml' target='_parent' data-id='{col["page_id"]}' data-pid='{col["parent_id"]}'>{name}</a></span>
    </div>
    <div class="wjzy-lb-daoh column" id="wjzy-lb-dangh" name="导航" runat="server">
  <div class="portlet" id="{col['nav_id']}" pagemoduleid="{col['nav_id'][::-1]}">
 <div>
   <div class="wj-zygov_leftslidebox">
  <h5 class="wj-zydh-biaoti">厅发文件</h5>
<div class="wj-zydh-dhlb">{side}
</div>
</div>
 </div>
</div>      </div>
    <div class="wjzy-lb-wzlb column" id="wjzy-lb-wzlb" name="文章列表" runat="server">
  <div class="portlet" id="{module}{col['module_tail']}" pagemoduleid="{col['page_id']}">
 <div align="left" class="eps-portlet-header">
  <div id="submenu{module}{col['module_tail']}" class="eps-shadow eps-dn">
   <ul class="float_list_ul">
   </ul>
  </div>
 </div>
 <div>



<div class="wjzy-lb-con" opentype="page">
 <div class="wjzy-lb-xmbt">
  <p class="wjzy-lb-xm1">文件名</p>
  <p class="wjzy-lb-xm2">文件号</p>
  <p class="wjzy-lb-xm3">成文日期</p>
  <p class="wjzy-lb-xm4">发布日期</p>
 </div>
 <ul class="wjzy-lb-mode">{items}
 </ul>
{_ln_pager(base, module, page, pages, "wjzy-lb-more", module + col["module_tail"])}
</div>
<script>
       $(function() {{
        $('.wjzy-lb-li').each(function(){{
            if($(this).find('.color_ul_jd').attr('href')!=''){{ $(this).find('.color_ul_jd').show(); }}
            else{{ $(this).find('.color_ul_jd').hide(); }}
        }});
    }});
</script>

 </div>
</div>      </div>
   </div>
"""
    zheceng = """  <div id="zheceng" runat="server" name="遮层" class=" column">
    </div>
""" if skin == "tongp_lb" else ""
    description = col.get("description", f"初始化栏目：{name}")
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html>
 <head>
  <meta http-equiv="Content-Type" content="text/html; charset=utf-8" />  <title>{name} </title>
 <meta name="viewport" content="width=device-width,initial-scale=1,minimum-scale=1,maximum-scale=1,user-scalable=no">
<meta http-equiv="X-UA-Compatible" content="ie=edge"> <meta  name="createDate" content="{created:%Y-%m-%d} 13:19:{page + 10}" />
<meta name=renderer content=webkit>
<script type="text/javascript">var _speedMark = new Date();</script>
<meta name="ColumnName" content="{name}" >
<meta name="ColumnType"  content="工作动态" >
<meta name="SiteName" content="辽宁省住房和城乡建设厅"><!--网站名称-->
<meta name="SiteDomain" content="https://zjt.ln.gov.cn"><!--网站域名-->
<meta name="SiteIDCode" content=""><!--网站标识-->
<meta name="ColumnDescription" content="{description}"><!--栏目描述-->
<meta name="ColumnKeywords" content=""><!--栏目关键词-->
<link rel="stylesheet" type="text/css"  href="/uiFramework/huilan-jquery-ui/css/huilan-jquery-ui.css" />
<script type="text/javascript" src="/uiFramework/huilan-jquery-ui/js/huilan-jquery-ui.js?self=true&skin=default&random=15655"></script>
  <link rel="stylesheet" type="text/css" href="/zjt/template/zjt.css?timestamp={col['css']}" />
  <script type="text/javascript" src="/zjt/template/zjt.js?timestamp={col['css']}"></script>
 </head>
 <body style="

					">
  <link rel="stylesheet" type="text/css" href="/zjt/template/page/{'tongp_lb' if skin == 'tongp_lb' else 'wjzuoyou_lb'}/skin.css?timestamp={col['css']}" /> <div style="display:none" easysite="easysiteHiddenDiv">
	<input id="contextPath" value="/eportal" type="hidden"/>
	<input id="eprotalCurrentPageId" value="{col['page_id']}" type="hidden"/>
	<input id="eprotalCurrentPageName" value="{name}" type="hidden"/>
	<input id="eprotalCurrentSiteId" value="{col['site_id']}" type="hidden"/>
	<input id="eprotalCurrentSiteName" value="辽宁省住房和城乡建设厅" type="hidden"/>
	<input id="eprotalCurrentSiteEnname" value="zjt" type="hidden"/>
	<input id="eprotalCurrentSiteType" value="WEB" type="hidden"/>
	<input id="isStaticRequest" value="yes" type="hidden"/>
	<input id="isOpenStaticPageList" value="no" type="hidden"/>
	<input id="defaultPublishPage" value="3" type="hidden"/>
	<input type="hidden" id="isOpenEasysiteToken" value="true"/>
	<input type="hidden" id="isOpenSiteVisitHotClick" value="yes"/>
</div>
{zheceng}  <div>
   <script src="/uiFramework/commonResource/js/jquery.SuperSlide.2.1.1.js"></script>
   <script src="/uiFramework/commonResource/js/tab.js"></script>
  </div>
{header}{body}{LN_FOOTER}"""


def _ln_rows(kit: Kit, col: dict, dates: list[date], pdf_at: int | None = None, guid_before: date | None = None) -> list:
    out = []
    for i, d in enumerate(dates):
        title = _long_title(kit) if kit.rng.random() < 0.25 else kit.title()
        if i == pdf_at:
            key = _hex(kit)
            url = f"/uiFramework/js/pdfjs/web/viewer.html?file=/zjt/articleFileDir/{d:%Y-%m}/{d:%d}/{key}/{_ts_id(kit, d)}.pdf"
            click = f"recordLinkArticleHits('{key}','{_hex(kit)}','{title}',this)"
            extra = f' aisite-article-file="zjt,{key},{d:%Y-%m-%d} 15:03:05"'
        else:
            ident = _hex(kit).upper() if guid_before and d < guid_before else _ts_id(kit, d)
            url, click, extra = f"{col['base']}{ident}/index.shtml", "void(0)", ""
        out.append((url, d, title, click, extra))
    return out


def _ln_file_rows(kit: Kit, col: dict, dates: list[date], prefix: str) -> list:
    """厅发文件 rows: 文件号, 成文日期 (days to months before publication, sometimes the
    placeholder "年月日" or nothing) and a 解读 link that is mostly empty."""
    out = []
    for i, d in enumerate(dates):
        title = ("辽宁省住房和城乡建设厅关于印发《" + kit.title() + "》的通知") if kit.rng.random() < 0.4 else kit.title()
        ident = _ts_id(kit, d) if d.year >= 2024 else _hex(kit).upper()
        r = kit.rng.random()
        if i == 0 or r < 0.12:
            wjh, cwrq = ("", "") if i == 0 else (f"{prefix}〔{d.year}〕{i + 1}号", "年月日")
        else:
            written = d - timedelta(days=kit.rng.randint(2, 200))
            fmt = f"{written.year}年{written.month:02d}月{written.day:02d}日" if r < 0.4 else f"{written.year}年{written.month}月{written.day}日"
            num = str(kit.rng.randint(1, 60))
            if i == 3:  # one 文件号 typed with full-width digits
                num = num.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
            wjh, cwrq = f"{prefix}〔{written.year}〕{num}号", fmt
        jd = f"/zjt/zcjd/{_hex(kit).upper()}/index.shtml" if i == 5 else ""
        out.append((f"{col['base']}{ident}/index.shtml", d, title, wjh, cwrq, jd))
    return out


def _ln_column(kit: Kit, header: str, case: str, col: dict, rows: list, note: str) -> None:
    per = 15
    chunks = kit.paged(rows, per)
    for p, chunk in enumerate(chunks, start=1):
        html = _ln_page(kit, header, col, chunk, p, len(chunks))
        kit.write(f"{col['base']}index.shtml" if p == 1 else f"{col['base']}{col['module']}-{p}.shtml", html)
        if p == 1 and len(chunks) > 1:  # later pages link page one as <module>-1.shtml
            kit.write(f"{col['base']}{col['module']}-1.shtml", html)
    kit.column(case, col["name"], f"{col['base']}index.shtml", [(r[0], r[1], r[2]) for r in rows], len(chunks),
               note=note)


def _liaoning(kit: Kit) -> None:
    kit.start_portal("ln-zjt", "辽宁省住房和城乡建设厅（模型）", LN_SOURCE, "department", "Huilan EasySite",
                     "https://zjt.ln.gov.cn/")
    header = _ln_header(kit)
    site_id, home_id = _hex(kit), _hex(kit)

    def col(name: str, base: str, skin: str = "tongp_lb", **more) -> dict:
        module = _hex(kit, 8)
        return {"name": name, "base": base, "module": module, "module_tail": _hex(kit, 24), "skin": skin,
                "page_id": _hex(kit), "site_id": site_id, "home_id": home_id, "parent_id": "92ee" + _hex(kit, 28),
                "nav_id": _hex(kit), "css": "1752738888322" if skin == "tongp_lb" else "1637656516319", **more}

    # 公示公告: fresh, several items a day sharing their date, four pages
    gsgg = col("公示公告", "/zjt/gsgg/")
    _ln_column(kit, header, "ln-zjt-gsgg", gsgg, _ln_rows(kit, gsgg, kit.dates(52, kit.ago(1), 2)),
               "Huilan tongp_lb: li.tp-lb-li, [date] in sibling p.tp-lb-time; pager links onclick only "
               "(queryArticleByCondition '<module>-N.shtml', no href); hidden mega-menus with dated 意见征集 box")
    # 厅发通知: weeks between items, a PDF-viewer item, long titles cut with "..."
    tftz = col("厅发通知", "/zjt/tftz/")
    _ln_column(kit, header, "ln-zjt-tftz", tftz, _ln_rows(kit, tftz, kit.dates(24, kit.ago(12), 24), pdf_at=4),
               "Huilan tongp_lb; item 5 links the pdfjs viewer (?file=….pdf); onclick-only pager, 2 pages")
    # 政策解读: stale (a page regenerated yesterday, content from January), old GUID ids, three pages
    zcjd = col("政策解读", "/zjt/zcjd/", crumb_target="_blank", description="政策解读", regen=2)
    dates = [date(2025, 1, 9), date(2023, 4, 26), date(2022, 4, 29)] + kit.dates(30, date(2021, 12, 7), 9)
    _ln_column(kit, header, "ln-zjt-zcjd", zcjd, _ln_rows(kit, zcjd, dates, guid_before=date(2023, 1, 1)),
               "Huilan tongp_lb, stale: createDate fresh, newest 2025-01-09 then 2023/2022/2021; 32-hex GUID ids "
               "on old items; onclick-only pager, 3 pages")
    # 规范性文件: the 厅发文件 template, two dates a row, one page with an inert pager
    gfxwj = col("规范性文件", "/zjt/tfwj/gfxwj/", skin="wjzuoyou_lb", regen=3)
    dates = [date(2024, 11, 20), date(2021, 12, 17), date(2021, 12, 2)] + [date(2021, 11, 19)] * 6 + [
        date(2021, 10, 15), date(2021, 2, 9), date(2020, 7, 14)]
    _ln_column(kit, header, "ln-zjt-gfxwj", gfxwj, _ln_file_rows(kit, gfxwj, dates, "辽住建发"),
               "Huilan wjzuoyou_lb: <p> cells 文件名/文件号/成文日期/发布日期 (成文 'YYYY年M月D日', '年月日' or empty), "
               "labelled with 发布日期; 解读 link per row; stale; one page, inert [NEXTPAGE]")
    # 处室文件: same template, fresh, two pages
    cswj = col("处室文件", "/zjt/tfwj/cswj/", skin="wjzuoyou_lb")
    _ln_column(kit, header, "ln-zjt-cswj", cswj, _ln_file_rows(kit, cswj, kit.dates(21, kit.ago(9), 11), "辽住建办"),
               "Huilan wjzuoyou_lb, fresh, two dates a row; onclick-only pager, 2 pages")


# ==================================================================================================
# 中国人民银行
# ==================================================================================================
PBC_NAV1 = [("新闻发布", "/goutongjiaoliu/113456/113469/index.html"), ("法律法规", "/tiaofasi/144941/index.html"),
            ("货币政策", "/rmyh/105145/index.html"), ("宏观审慎", "/huobizhengceersi/214481/index.html"),
            ("信贷政策", "/xindaishichangsi/5443861/index.html"), ("金融市场", "/jinrongshichangsi/147160/index.html"),
            ("金融稳定", "/jinrongwendingju/146766/index.html"), ("调查统计", "/diaochatongjisi/116219/index.html"),
            ("银行会计", "/kuaijicaiwusi/145920/index.html"), ("支付体系", "/zhifujiesuansi/128525/index.html"),
            ("金融科技", "/kejisi/146812/index.html"), ("人民币", "/huobijinyinju/147948/index.html"),
            ("经理国库", "/guokuju/136142/index.html"), ("国际交往", "/guojisi/144449/index.html"),
            ("人员招录", "/renshisi/144501/144513/index.html"), ("学术交流", "/yanjiuju/3911332/index.html"),
            ("征信管理", "/zhengxinguanliju/128332/index.html"), ("反洗钱", "/fanxiqianju/135153/index.html"),
            ("党建工作", "/dangweixuanchuanbu/110698/index.html")]
PBC_NAV2 = [("政务公开", "/zhengwugongkai/4081330/4081338/index.html"), ("政策解读", "/rmyh/3963412/index.html"),
            ("公告信息", "/rmyh/105208/index.html"), ("答记者问", "/goutongjiaoliu/113456/113475/index.html"),
            ("央行研究", "/redianzhuanti/118742/4122386/index.html"), ("音频视频", "/rmyh/105232/index.html"),
            ("市场动态", "/rmyh/105205/index.html"), ("网上展厅", "/rmyh/105247/index.html"),
            ("报告下载", "/rmyh/106866/index.html"), ("报刊年鉴", "/rmyh/105223/index.html"),
            ("网送文告", "/chubanwu/114566/index.html"), ("办事大厅", "/rmyh/107046/index.html"),
            ("在线申报", "/rmyh/107046/107162/index.html"), ("下载中心", "/rmyh/107046/107165/index.html"),
            ("讲话演讲", "/goutongjiaoliu/113456/113470/index.html"), ("意见征集", "/tiaofasi/144941/144979/index.html"),
            ("金融知识", "/goutongjiaoliu/113456/113466/index.html"), ("关于我们", "/rmyh/105226/index.html")]


def _nav_rows(links: list[tuple[str, str]]) -> str:
    rows = []
    for start in range(0, len(links), 10):
        cells = "".join(f"""
                <td width="83"><a href="{p}"  target="_parent">{n}</a></td>""" for n, p in links[start:start + 10])
        rows.append(f"""
              <tr>{cells}
              </tr>""")
    return """
              <tr>
                <td colspan="10" style="border-right-style:none; height:6px;"></td>
              </tr>""".join(rows)


PBC_HEADER = f"""<style>
body{{margin:0;padding:0;}}
a{{ text-decoration:none; color:#333333;font-size: 12px;}}
.header{{ width:950px; height:auto; clear:both; margin:0 auto;font-size: 12px;font-family: "宋体";}}
#logo .logo2 {{ width:950px; height:48px; color:#ffffff;}}
.cs a{{color:#ffffff;text-decoration:none;}}
</style>
 <div class="header">
<table width="950" height="20" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td align="left" valign="middle">　
<img src="/canshishi/fileDir/template/common/header/dh_r1_c1.jpg" border="0" /> <a href="/rmyh/109339/index.html" class="hei12">术语表</a>
<img src="/canshishi/fileDir/template/common/header/dh_r1_c8.jpg" border="0" /> <a href="/rmyh/109342/index.html" class="hei12">网站地图</a>　
<img src="/canshishi/fileDir/template/common/header/dh_r1_c14.jpg" border="0" /> <script  type="text/javascript">
	var wa='<a href="/goutongjiaoliu/113456/2986536/index.html" class="hei12">RSS订阅</a>';
document.write(wa);
	</script>　
</td>
    <td align="right" valign="middle" class="hei12yw"><a href="/AiWza/index.html" style="  margin-right: 10px;" class="hei12">无障碍浏览</a><a href="/english/130437/index.html" class="hei12">English</a></td>
  </tr>
</table>
<div role="region" aria-label="中国人民银行">
<table width="950" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td height="114" valign="top"><img src="/rmyh/fileDir/template/common/header/index_r1_c1.jpg" /></td>
  </tr>
</table></div>
<!--导航 -->
<div id="logo" >
	<div class="logo2" role="region" aria-label="信息公开导航区">
		<table width="950" height="100%" cellpadding="0" cellspacing="0" border="0" role="navigation" aria-label="导航">
        <tr>
          <td width="119" align="center" valign="middle" id="biaotou" style="background-image:url(/rmyh/fileDir/template/common/header/gongkai1.jpg);">信息公开</td>
          <td width="831"><table width="100%" height="100%" cellpadding="0" cellspacing="0" border="0" class="cs">{_nav_rows(PBC_NAV1)}
            </table></td>
        </tr>
      </table>
	</div>
<div class="logo2 logo3"  role="region" aria-label="服务互动导航区">
		<table width="950" height="100%" cellpadding="0" cellspacing="0" border="0" role="navigation" aria-label="导航">
        <tr>
          <td width="119" id="biaotou" style="background-image:url(/rmyh/fileDir/template/common/header/fuwu1.jpg);">服务互动</td>
          <td width="831"><table width="831" height="100%" cellpadding="0" cellspacing="0" border="0"
class="cs">{_nav_rows(PBC_NAV2)}
            </table></td>
        </tr>
      </table>
	</div>
</div>
</div>"""

PBC_LEFT = "".join(f"""
     <table border="0" cellpadding="0" cellspacing="0" width="100%">
      <tbody>
       <tr>
        <td align="left" width="12"></td>
        <td align="left" height="10"></td>
       </tr>
       <tr>
        <td align="left" width="12"></td>
        <td align="left"><a href="{href}" target="_blank" title="{title}"><img src="/goutongjiaoliu/template/module/jgsz_mk/{img}" border="0"></a></td>
       </tr>
       <tr>
        <td align="left" width="12"></td>
        <td align="left" height="15" valign="middle"><img src="/goutongjiaoliu/template/module/jgsz_mk/index_r46_c4.jpg" height="5" width="200"></td>
       </tr>
      </tbody>
     </table>""" for href, title, img in (
    ("/rmyh/105226/105442/index.html#纪检监察组", "驻行纪检监察组", "dongwei_03.gif"),
    ("/rmyh/105226/105442/index.html#内设部门", "内设部门", "lefti3.jpg"),
    ("http://shanghai.pbc.gov.cn/", "上海总部", "dongwei_07.gif"),
    ("/rmyh/105226/105442/index.html#所属单位", "所属单位", "ssdw.jpg"),
    ("/rmyh/105226/105442/index.html#分支机构", "分支机构", "leftimg01.gif")))

PBC_FOOTER = """<script type="text/javascript" language="javascript">
/*页面当前位置*/
$(".SkinObject").eq(0).text("首页");
$(".SkinObject").eq(0).attr("href","/rmyh/index.html");
</script>
<style>
.footer{ width:950px; height:auto; margin:0 auto;color: #666666; font-size:12px;}
</style>
<div class="footer" role="region" aria-label="底部区域">
<table width="950" height="140" border="0" align="center" cellpadding="0" cellspacing="0" background="/goutongjiaoliu/template/common/footer/bottomBg.jpg">
    <tr>
      <td align="center" valign="top" style="padding-top:25px;"><table width="650" border="0" cellspacing="0" cellpadding="0">
         <tr>
<td  align="center" valign="middle" ><span id='_ideConac' ></span></td>
<td  align="center" valign="middle">
<table>
<tr>
            <td height="20" align="center" valign="middle" style="color:#666666"><A onClick="window.open ('/rmyh/109345/index.html','go')" href="#" >法律声明</A> | <a href="/rmyh/3310364/index.html">联系我们</a> | <a href="#" onClick="setHome(this)">设为首页</a> | <a href="#" onClick="bookmarkit()">加入收藏</a> | <a href="/rmyh/109342/index.html" target="_blank">网站地图</a></td>
          </tr>
         <tr>
            <td height="20" align="center" valign="middle" style="color:#666666"><a href="https://beian.miit.gov.cn/" target="_blank">京ICP备00000000号</a> 网站标识码：bm00000000</td>
</tr>
<tr>
            <td height="20" align="center" valign="middle" style="color:#666666">网站主办单位：中国人民银行办公厅　最佳分辨率：1024*768</td>
</tr>
</table>
</td>
          </tr>
        </table></td>
    </tr>
  </table>
</div><div style="display:none" easysite="easysiteHiddenDiv">
	<input type="hidden"  id="currentLoginUserLoginName"/>
	<script type="text/javascript" src="/uiFramework/js/counting/chanelCounting.js?a=15658"></script>
</div>
 </body>
</html>"""


def _pbc_pager(col: dict, page: int, pages: int, total: int) -> str:
    path = f"/goutongjiaoliu/113456/{col['id']}/{col['module']}-"

    def link(n: int, label: str) -> str:
        return (f"""<a style="cursor:pointer" onclick="queryArticleByCondition(this,'{path}{n}.html')" """
                f"""tagname="{path}{n}.html" class="pagingNormal">{label}</a>""")

    sep = ' <span style="width:5px;display:inline-block;"></span> '
    first = (link(1, "首页") + sep + link(page - 1, "上一页")) if page > 1 else (
        '<a tagname="[HOMEPAGE]" class="">首页</a>' + sep + '<a tagname="[PREVIOUSPAGE]" class="">上一页</a>')
    last = (link(page + 1, "下一页") + sep + link(pages, "尾页")) if page < pages else (
        '<a tagname="[NEXTPAGE]" class="">下一页</a>' + sep + '<a tagname="[LASTPAGE]" class="">尾页</a>')
    return f"""<div style="width:90%; font-family: Tahoma,Arial,Helvetica;font-size: 12px;font-weight: normal; margin:0 auto 20px">
 <table cellspacing="0" cellpadding="0" border="0" width="100%">
  <tbody>
   <tr>
    <td nowrap="true" align="notset" valign="bottom" style="width:35%;"> {first}{sep}<span style="width:5px;"></span> {last}{sep}</td>
    <td nowrap="true" align="left" valign="bottom" style="width:40%;" class="Normal"> 总记录数:{total},每页显示15条记录,当前页: <font color="red" style="font-family:雅黑,宋体">{page}</font> /{pages} </td>
    <td align="right" class="easysite-jump-page"> <span>跳转至</span> <input type="text" value="{page}" size="5" class="easysite-page-text" onkeydown="jumpToPage(event,this,'{pages}','{page}','{path}%1.html')">页 <input class="easysite-jump-btn" type="button" value="跳转" onclick="jumpTo(this,'{pages}','{page}','{path}%1.html')"></td>
   </tr>
  </tbody>
 </table>
</div>
<input type="hidden" name="article_paging_list_hidden" moduleid="{col['module']}" modulekey="{col['module']}" totalpage="{pages}"> """


def _pbc_page(kit: Kit, col: dict, rows: list[Row], page: int, pages: int, total: int) -> str:
    name, cid = col["page_name"], col["id"]
    items = "".join(f"""
     <table cellspacing="0" cellpadding="0" border="0" width="100%">
      <tbody>
       <tr>
        <td width="15"></td>
        <td height="22" align="left"><font class="newslist_style" style="margin-right:10px;"><a href="{u}" onclick="void(0)" target="_blank" title="{kit.esc(t)}" istitle="true">{kit.esc(_cut(t, 38))}</a></font><span class="hui12">{d:%Y-%m-%d}</span></td>
       </tr>
      </tbody>
     </table>""" for u, d, t in rows)
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html>
 <head>
  <meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><title>{name} </title>
<meta  name="createDate" content="{kit.ago(col.get('regen', 1)):%Y-%m-%d} 18:20:{50 + page % 10}" />
<meta name=renderer content=webkit>
<link rel="shortcut icon" type="image/x-icon" href="/uiFramework/images/huilan.ico" />
<meta name="ColumnName" content="{name}" >
<meta name="ColumnType"  content="工作动态" >
<meta name="SiteName" content="沟通交流"><!--网站名称-->
<meta name="SiteDomain" content=""><!--网站域名-->
<meta name="SiteIDCode" content="goutongjiaoliu"><!--网站标识-->
<meta name="ColumnDescription" content="初始化频道：{name}"><!--栏目描述-->
<meta name="ColumnKeywords" content=""><!--栏目关键词--><link rel="stylesheet" type="text/css"  href="/uiFramework/huilan-jquery-ui/css/huilan-jquery-ui.css" />
<script type="text/javascript" src="/uiFramework/huilan-jquery-ui/js/huilan-jquery-ui.js?self=true&skin=default&random=15658"></script>
  <link rel="stylesheet" type="text/css" href="/goutongjiaoliu/template/goutongjiaoliu.css" />
 </head>
 <body>
  <link rel="stylesheet" type="text/css" href="/goutongjiaoliu/template/page/news/skin.css" /><div style="display:none" easysite="easysiteHiddenDiv">
	<input id="contextPath" value="/eportal" type="hidden"/>
	<input id="eprotalCurrentPageId" value="{cid}" type="hidden"/>
	<input id="eprotalCurrentPageName" value="{name}" type="hidden"/>
	<input id="eprotalCurrentSiteId" value="113450" type="hidden"/>
	<input id="eprotalCurrentSiteName" value="沟通交流" type="hidden"/>
	<input id="eprotalCurrentSiteEnname" value="goutongjiaoliu" type="hidden"/>
	<input id="isStaticRequest" value="yes" type="hidden"/>
	<input id="isOpenStaticPageList" value="no" type="hidden"/>
</div>{PBC_HEADER}  <div class="mainw950">
   <table class="hui12" align="center" border="0" cellpadding="0" cellspacing="0" width="950">
    <tbody>
     <tr bgcolor="#F0F0F0">
      <td style="border-bottom:1px #D0D0D0 solid; " height="28" width="63"> <a href="/rmyh/index.html"><img src="/uiFramework/images/pbcimage/indexbtn.jpg" border="0" height="21" width="50" /></a> </td>
      <td class="hui12" style="border-bottom:1px #D0D0D0 solid; " align="left" valign="middle"> <script language="JavaScript" type="text/javascript">
var mydate=new Date(), weekday=["星期日","星期一","星期二","星期三","星期四","星期五","星期六"][mydate.getDay()];
document.write(mydate.getFullYear()+"年"+(mydate.getMonth()+1)+"月"+mydate.getDate()+"日 "+weekday);
  </script> 　|　我的位置：<span id="dangqian"><span><a class='SkinObject' href='/goutongjiaoliu/113456/index.html' target='_parent' data-id='113456' data-pid='-1'>沟通交流</a> > <a class='SkinObject' href='/goutongjiaoliu/113456/index.html' target='_parent' data-id='113456' data-pid='-1'>沟通交流</a> > <a class='SkinObject' href='/goutongjiaoliu/113456/{cid}/index.html' target='_parent' data-id='{cid}' data-pid='113456'>{name}</a></span></span> <script>
$(function(){{
var a_one=$("#dangqian").find("a");
var a_two="中国人民银行";
for(var o=1;o<a_one.length;o++){{ a_two+="-"+a_one.eq(o).text(); }}
document.title=a_two;
}})
</script> </td>
      <td style="border-bottom:1px #D0D0D0 solid; " valign="middle" width="260">
       <div id="ss" name="搜索" runat="server" class=" column">
<form class="searach_form portlet" action="/search/pcRender" method="get" id="11038" target="_blank" pagemoduleid="13590">
 <table width="260" border="0" cellspacing="0" cellpadding="0">
  <tbody>
   <tr>
    <td valign="middle" width="150" class="hui12"> <input type="text" size="16" class="inputkuang1" autocomplete="off" id="q" name="q" value="" placeholder="请输入搜索关键字"> </td>
    <td valign="middle" width="50" class="hui12"> <button type="submit" style="padding: 0;border: none;"><img src="/uiFramework/images/pbcimage/index_r3_c57.jpg" width="40" height="22" border="0"></button> </td>
    <td valign="middle" width="60" class="hui12"> <a href="javascript:;" class="colorls">高级搜索</a> </td>
   </tr>
  </tbody>
 </table>
</form>        </div></td>
      <td class="hui12" style="border-bottom:1px #D0D0D0 solid; " valign="middle"></td>
     </tr>
     <tr>
      <td colspan="2" height="15"></td>
     </tr>
    </tbody>
   </table>
   <table align="center" border="0" cellpadding="0" cellspacing="0" width="950">
    <tbody>
     <tr>
      <td valign="top" width="220">
       <div id="l_con" runat="server" name="左侧内容" class=" column">
<div role="region" aria-label="机构设置区" id="11042" class="portlet" pagemoduleid="13598">
 <table class="qhkuang1" border="0" cellpadding="0" cellspacing="0" height="26" width="100%">
  <tbody><tr><td align="left" valign="middle"><a href="/rmyh/105226/105442/index.html" target="_blank"><img src="/goutongjiaoliu/template/module/jgsz_mk/dongwei_03.gif" border="0"></a></td></tr></tbody>
 </table>
 <table class="qhkuang2" border="0" cellpadding="0" cellspacing="0" width="100%">
  <tbody>
   <tr>
    <td align="center">{PBC_LEFT}</td>
   </tr>
  </tbody>
 </table>
</div>        </div> </td>
      <td width="10"></td>
      <td valign="top" width="720">
       <table style="border:1px #cccccc solid; " bgcolor="#f6f6f6" border="0" cellpadding="0" cellspacing="0" width="100%">
        <tbody>
         <tr>
          <td align="center" height="570" valign="top">
           <table border="0" cellpadding="0" cellspacing="0" width="100%">
            <tbody>
             <tr>
              <td class="buleB16" align="center" height="60" valign="middle"><script>document.write(document.getElementsByTagName('title')[0].innerHTML)</script></td>
             </tr>
            </tbody>
           </table>
           <div id="r_con" runat="server" name="右侧内容" style="padding-bottom:20px;" role="region" aria-label="栏目信息内容区" class=" column">
 <div class="portlet" id="{col['module']}" pagemoduleid="{col['module'] + 2554}">
 <div align="left" class="eps-portlet-header">
  <div id="submenu{col['module']}" class="eps-shadow eps-dn">
   <ul class="float_list_ul">
   </ul>
  </div>
 </div>
 <div>
<div style="height:480px" opentype="page">
 <table width="90%" border="0" cellspacing="0" cellpadding="0" style="border-top:1px #4A6078 solid; margin-bottom:20px;">
  <tbody>
   <tr>
    <td width="20" align="left"> </td>
    <td height="15" align="left"> </td>
   </tr>
   <tr>
    <td colspan="2" align="left" valign="top">{items}</td>
   </tr>
  </tbody>
 </table>
</div>
{_pbc_pager(col, page, pages, total)}
<script>
$(function () {{
$('#r_con .newslist_style a').each(function (index, e) {{
var oldtitle = $(e).attr('title');
$(e).attr('title', oldtitle.replace(new RegExp('<br>|<br/>|<br />', 'g'),""));
}});
}});
</script>
 </div>
</div>            </div> </td>
         </tr>
        </tbody>
       </table></td>
     </tr>
    </tbody>
   </table>
  </div> {PBC_FOOTER}"""


def _pbc_column(kit: Kit, case: str, col: dict, dates: list[date], ids: str, note: str) -> None:
    """``ids``: "stamp" (19-digit publishing timestamps, a few a day behind the shown date),
    "serial" (7-digit ids of the rebuilt site) or "migrated" (every id the timestamp of a
    recent migration, the shown dates years older)."""
    base = f"/goutongjiaoliu/113456/{col['id']}/"
    serial = kit.rng.randint(5_800_000, 5_900_000)
    migrated = kit.ago(41)
    rows: list[Row] = []
    for d in dates:
        if ids == "stamp":
            ident = _ts_id(kit, d - timedelta(days=1) if kit.rng.random() < 0.2 else d)
        elif ids == "serial":
            serial -= kit.rng.randint(20, 2500)
            ident = str(serial)
        else:
            ident = f"{migrated:%Y%m%d}1255{kit.rng.randint(0, 59):02d}{kit.rng.randint(10000, 99999)}"
        title = _long_title(kit) if kit.rng.random() < 0.3 else kit.title()
        rows.append((f"{base}{ident}/index.html", d, title))
    chunks = kit.paged(rows, 15)
    total = len(rows)
    for p, chunk in enumerate(chunks, start=1):
        html = _pbc_page(kit, col, chunk, p, len(chunks), total)
        kit.write(f"{base}index.html" if p == 1 else f"{base}{col['module']}-{p}.html", html)
        if p == 1 and len(chunks) > 1:
            kit.write(f"{base}{col['module']}-1.html", html)  # later pages link page one so
    kit.column(case, col["name"], f"{base}index.html", rows, len(chunks), note=note)


def _pbc(kit: Kit) -> None:
    kit.start_portal("pbc", "中国人民银行（模型）", PBC_SOURCE, "ministry", "Huilan EasySite", "https://www.pbc.gov.cn/")
    # 新闻发布 (the page calls itself 新闻): fresh, four pages, 19-digit timestamp ids
    _pbc_column(kit, "pbc-xwfb", {"name": "新闻发布", "page_name": "新闻", "id": 113469, "module": 11040},
                kit.dates(56, kit.ago(2), 3), "stamp",
                "Huilan nested tables: one <table> per item, font.newslist_style a + span.hui12 date; "
                "pager onclick queryArticleByCondition('…/11040-N.html') + tagname, no href; 4 pages")
    # 答记者问: a month old, two pages, ids of the rebuilt site (no date in the URL)
    _pbc_column(kit, "pbc-djzw", {"name": "答记者问", "page_name": "答记者问", "id": 113475, "module": 11046},
                kit.dates(22, kit.ago(35), 16), "serial",
                "Huilan nested tables, 7-digit ids; onclick-only pager, 2 pages")
    # 讲话演讲: one page, the pager's links all inert
    _pbc_column(kit, "pbc-jhyj", {"name": "讲话演讲", "page_name": "讲话演讲", "id": 113470, "module": 11048},
                kit.dates(9, kit.ago(76), 30), "serial",
                "Huilan nested tables, one page (inert [NEXTPAGE]/[LASTPAGE])")
    # 金融知识: stale for years, but every id is the timestamp of last month's migration
    _pbc_column(kit, "pbc-jrzs", {"name": "金融知识", "page_name": "金融知识", "id": 113466, "module": 11044},
                kit.dates(38, date(2020, 11, 18), 12), "migrated",
                "Huilan nested tables, stale (2020) while the URL ids carry a 2025 migration timestamp; "
                "onclick-only pager, 3 pages")


def build(kit: Kit) -> None:
    _liaoning(kit)
    _pbc(kit)
