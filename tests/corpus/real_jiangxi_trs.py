"""Three old TRS WCM table-layout portals of 宜春市, Jiangxi: 袁州区人民政府 (www.yzq.gov.cn),
宜春市人民政府 (www.yichun.gov.cn) and 樟树市人民政府 (www.zhangshu.gov.cn), each modelled as its own
portal.

Studied: three list pages saved (c. October 2017) as triple-quoted ``doc=\"\"\"…\"\"\"`` strings inside
Python 2 BeautifulSoup scripts of one unknown repository, found with the search index's
``find_string`` (no repository, path or commit could be told): index id 38978784925 (袁州区
政务要闻, /zwgk/zwdt/zwyw/), 38956112616 (宜春市 政务要闻, /xxgk/zwdt/zwyw/) and 39464842799
(樟树市 综合信息, /zwgk/zhxx/); saved as /work/heldout/city/02_yuanzhou_zwyw.html,
03_yichun_zwyw.html and 04_zhangshu_zhxx.html.

Reproduced, per portal (our own titles, ids and wording; real class and id names kept):

* 袁州区: a 1004px table layout with upper-case list tags; the left ``td[width=262]`` box
  "政务动态" lists the sibling columns as ``a.lmmc`` (the current one as ``./``); the breadcrumb
  "您的当前位置 首页 >> 政务公开 >> 政务动态 >> …" (``a.CurrChnlCls``) sits in a table with
  ``id="bk"`` — and so do the list's cell and the friend-links box (three ``id="bk"``); the list
  ``td#bk > TABLE[width=97%] > TBODY > TR`` with ``<A`` broken across a line and the date in
  ``<TD width="60" align="right">YYYY-MM-DD``, every 5 rows a ``TR[height=1] > TD.GroupBlankLine``
  spacer; one shown date a day before the date in its URL; ``<title>`` is the site name only;
  the TRS ``createPageHTML`` function inlined in the page (``//WCM置标``), page 2 =
  ``index_1.html``; a "今天是：" date written by script; friend links as ``<select>`` options.
* 宜春市: a 999px layout, image nav; "您现在的位置：首页 >> 公开 >> 政务动态 >> …"; the list in
  ``td[height=500] > TABLE[width=100%][style="margin-top:5px;"]`` (rows with a 3px bullet image,
  ``<A style="font-size:14px;">``, the date in ``<TD width="80" … color:#999>``), groups of 5 with
  GroupBlankLine rows; the newest items show a date one day before their URL's; a right
  ``td[width=299]`` column of 信息公开 buttons (``a.gkzn``), 12 image links to sections and a
  "政府公告" box whose undated, "..."-truncated links sit in a table that ALSO has
  ``style="margin-top:5px;"`` — it lists the newest 政务公告, which is modelled as a column too
  (on that column's own page the box repeats its first six items); ``<title>`` names the
  section (公开), not the column.
* 樟树市: a whole second ``<!DOCTYPE><html><head><title>页头嵌套</title>…<body>`` document nested
  in a ``<div>`` for the header, holding a scrolling ticker ``div#mq`` of 12 dated links
  (``span.STYLE12 > a[title]`` truncated, ``td.STYLE10`` MM-DD, older notices out of order); a
  left ``td[width=232]`` column (领导介绍 image links, a mail login, 便民服务 ``td.bmfw`` links);
  the list ``td[width=770] > table[width=99%] … td[height=600] > table[width=99%] >
  tr[valign=center]`` (icon td, ``td.STYLE25.STYLE26 > a > span.STYLE25`` title truncated with
  "..." and no title attribute, ``span.STYLE12`` date as MM-DD, no year anywhere but the URL),
  rows not strictly sorted, an empty ``<tr><td></td></tr>`` closing the table; ``<title>`` is the
  column name; createPageHTML pager. One column is stale by more than a year: its MM-DD dates
  only get their year from the ``/YYYYMM/t{YYYYMMDD}_`` URLs (labelled with that year, as a
  careful reader would).
"""

from __future__ import annotations

from datetime import date, timedelta

from kit import Kit, Row

SOURCE_YZQ = "search index id 38978784925 (repo unknown): 袁州区 /zwgk/zwdt/zwyw/ list page embedded in a Python 2 script, c. 2017-10"
SOURCE_YC = "search index id 38956112616 (repo unknown): 宜春市 /xxgk/zwdt/zwyw/ list page embedded in a Python 2 script, c. 2017-10"
SOURCE_ZS = "search index id 39464842799 (repo unknown): 樟树市 /zwgk/zhxx/ list page embedded in a Python 2 script, c. 2017-10"

# (url path, date in the URL, date shown on the list, title)
Item = tuple[str, date, date, str]

PAGER_JS = """<script>
<!--
function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt)
{
//翻页函数
var styleDIY = "fystyle";
if(_nPageCount == null || _nPageCount<=0){
return;
}
function u(i){ return i == 0 ? _sPageName + "." + _sPageExt : _sPageName + "_" + i + "." + _sPageExt; }
function a(i, t){ return "<a href=\\"" + u(i) + "\\" class=\\"" + styleDIY + "\\">" + t + "</a> "; }
function f(t){ return "<font class=\\"" + styleDIY + "\\">" + t + "</font> "; }
document.write("　　");
document.write(_nCurrIndex > 0 ? a(0, "首页") + a(_nCurrIndex - 1, "上一页") : f("首页") + f("上一页"));
document.write(_nCurrIndex < _nPageCount - 1 ? a(_nCurrIndex + 1, "下一页") + a(_nPageCount - 1, "尾页") : f("下一页") + f("尾页"));
document.write("　" + f("总共" + _nPageCount + "页") + "　" + f("当前第" + (_nCurrIndex + 1) + "页") + "　");
document.write("<select name=\\"select\\" onchange=\\"location.replace(this.value)\\"><option selected >转到</option>");
for(var i=0; i<_nPageCount; i++) document.write("<option value=\\"" + u(i) + "\\">第" + (i + 1) + "页</option>");
document.write("</select>");
} //WCM置标
-->
</script>"""


def _items(kit: Kit, base: str, n: int, newest: date, step: int, id0: int, later: frozenset[int] = frozenset()) -> list[Item]:
    """``n`` items of a TRS column at ``base``; those at the positions in ``later`` carry a URL
    dated a day after the date the list shows."""
    out = []
    for i, d in enumerate(kit.dates(n, newest, step)):
        ud = d + timedelta(days=1) if i in later else d
        out.append((f"{base}{ud:%Y%m}/t{ud:%Y%m%d}_{id0 - i * 3 - (i % 2)}.html", ud, d, kit.title(d.year)))
    return out


def _rel(base: str, url: str) -> str:
    return "./" + url[len(base):]


def _chunks(items: list[Item], per: int) -> list[list[Item]]:
    return [items[i:i + per] for i in range(0, max(len(items), 1), per)] or [[]]


def _label(kit: Kit, case: str, name: str, base: str, items: list[Item], pages: int, note: str) -> None:
    # the real column URL is the directory (…/zwyw/); the corpus server serves files, so its index.html
    rows: list[Row] = [(u, shown, t) for u, _, shown, t in items]
    kit.column(case, name, f"{base}index.html", rows, pages, note=note)


def _grouped(rows: list[str]) -> str:
    """TRS outline rows, a GroupBlankLine spacer row after every fifth."""
    out = []
    for i, r in enumerate(rows):
        out.append(r)
        if i % 5 == 4:
            out.append("""
                            <TR height=1>
                              <TD colspan=2 class="GroupBlankLine"></TD>
                            </TR>
                             
							""")
    return "".join(out)


# == 袁州区 ===================================================================================
YZQ_MENU = [("zwyw", "政务要闻"), ("zhxx", "综合信息"), ("yzsp", "袁州视频"), ("dbtxw", "大标题新闻"), ("gggs", "公告公示"), ("rdzt", "热点专题")]


def _yzq_page(kit: Kit, slug: str, name: str, items: list[Item], base: str, page: int, pages: int) -> str:
    menu = "".join(f"""
        <tr>
          <td height="25" width="18%" align="center"><img src="../../../images/jian.gif" width="11" height="11" /></td>
          <td width="74%" align="left"><a href="{'./' if s == slug else f'../{s}/'}" target="_parent" class="lmmc">{n}</a></td>
        </tr>
          
           
       """ for s, n in YZQ_MENU)
    rows = _grouped([f"""
                            <TR>
                              <TD height=25 align="left"><IMG src="../../../images/lb-xtb.gif" width=4 height=6 />&nbsp;<A 
                        href="{_rel(base, u)}">{kit.esc(t)}</A></TD>
                              <TD width="60" align="right">{shown:%Y-%m-%d}</TD>
                            </TR>
                            """ for u, _, shown, t in items])
    return f"""

<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="Keywords" content="袁州区,袁州区人民政府,宜春市袁州区">
<meta name="Description" content="袁州区人民政府门户网站">
<title>袁州区人民政府</title>
<link href="../../../images/yzWeb.css" type="text/css" rel="stylesheet" />
<script src="../../../images/yzq.js"></script>
</head>
<body>
<table width="1004" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td height="30" background="../../../images/yz_sbg.gif"><table width="285" border="0" align="right" cellpadding="0" cellspacing="0">
      <tr>
        <td height="30" align="center" width="37"><img src="../../../images/she.jpg" width="13" height="13" /></td>
        <td width="57" align="left"><a title="把本站设为首页" href="#" class="she">设为首页</a></td>
        <td width="37" align="center"><img src="../../../images/she.jpg" width="13" height="13" /></td>
        <td width="57" align="left"><a title="把本站加入收藏夹" href="#" class="she">收藏本站</a></td>
        <td width="57" align="left"><script src="../../../images/2013jfzh.js"></script></td>
      </tr>
    </table></td>
  </tr>
  <tr>
    <td><img src="../../../images/yz_top.gif" width="1004" height="232" /></td>
  </tr>
  <tr>
    <td height="40" background="../../../images/yz_dhbg.gif"><table width="820" border="0" align="left" cellpadding="0" cellspacing="0">
     <tr><td height="8"></td></tr>
      <tr align="center">
        <td width="70"></td>
        <td height="31" width="100"><a href="../../../"><img src="../../../images/shouye.gif" width="85" height="31" /></a></td>
        <td width="130"><a href="../../../mlyz/" target=_blank><img src="../../../images/mlyz.gif" width="105" height="31" /></a></td>
        <td width="130"><a href="../../" target=_blank><img src="../../../images/zwgk.gif" width="105" height="31" /></a></td>
        <td width="130"><a href="../../../wsbs/" target=_blank><img src="../../../images/wsbs.gif" width="105" height="31" /></a></td>
        <td width="130"><a href="../../../zmhd/" target=_blank><img src="../../../images/zmhd.gif" width="105" height="31" /></a></td>
        <td width="130"><a href="../../../wzdh/" target=_blank><img src="../../../images/wzdh.gif" width="105" height="31" /></a></td>
      </tr>
    </table></td>
  </tr>
  <tr>
    <td height="40" background="../../../images/yz_tqbg.gif"><table width="100%" border="0" cellspacing="0" cellpadding="0">
      <tr>
        <td height="30" width="180" align="left" valign="middle">今天是：<span class="Content_ExtField">
              <script>
 today=new Date();
 var d=["星期日","星期一","星期二","星期三","星期四","星期五","星期六"];
 document.write("<font class=cn3>",today.getFullYear(),"年",today.getMonth()+1,"月",today.getDate(),"日 </font>",d[today.getDay()]," ");
                </script>
            </span></td>
        <td>
         <form name="SearchForm" method="post" accept-charset="utf-8" action="../../../was5/web/search" target="_blank" style="margin:0; padding:0">
        <table width="100%" border="0" cellspacing="0" cellpadding="0">
          <tr>
            <td width="70"><strong style="color:#e46120;">信息检索：</strong></td>
            <td width="130" valign="middle"><input type="hidden" name="searchword" /><input type="hidden" name="channelid" value="{310000 + len(slug)}" />
              <INPUT id="keyword" name="keyword" class=text maxLength=20 size=14 /></td>
            <td width="90"><SELECT name=type><OPTION selected value="DOCTITLE">信息标题</OPTION><OPTION value="doccontent">信息正文</OPTION></SELECT></td>
            <td width="130"><input type="submit" class="btn_blue55" name="button" value="搜 索" /></td>
          </tr>
        </table>
        </form>
        </td>
      </tr>
    </table></td>
  </tr>
  <tr>
    <td height="8"></td>
  </tr>
</table>
<table width="1004" border="0" align="center" cellpadding="0" cellspacing="0" bgcolor="#FFFFFF">
<tr></tr>
<tr>
  <td width="6"></td>
  <td width="262" valign="top"><table width="100%" border="0" cellspacing="0" cellpadding="0">
    <tr>
      <td height="27" background="../../../images/2014lblm.jpg"><table width="100%" border="0" cellspacing="0" cellpadding="0">
        <tr>
          <td height="27" width="20"></td>
          <td align="left" class="cjfw">政务动态</td>
        </tr>
      </table></td>
    </tr>
    <tr>
      <td id="bk" bgcolor="#ffefdb">
      <table width="92%" border="0" align="center" cellpadding="0" cellspacing="0" style="margin-top:10px;">
       
       {menu}
      </table>
      </td>
    </tr>
  </table></td>
  <td width="15"></td>
  <td valign="top" width="715"><table width="100%" border="0" cellspacing="0" cellpadding="0">
    <tr>
      <td background="../../../images/qysmbg.jpg"><table width="100%" border="0" cellspacing="0" cellpadding="0" id="bk">
                      <tr>
                        <td height="30" width="95" align="center" style="color:#7c7c7c">您的当前位置</td>
                        <td background="../../../images/2014zfzx.jpg" style="color:#7c7c7c" align="left"><a href="../../../" title="首页" class="CurrChnlCls">首页</a>&nbsp;&gt;&gt;&nbsp;<a href="../../" title="政务公开" class="CurrChnlCls">政务公开</a>&nbsp;&gt;&gt;&nbsp;<a href="../" title="政务动态" class="CurrChnlCls">政务动态</a>&nbsp;&gt;&gt;&nbsp;<a href="./" title="{name}" class="CurrChnlCls">{name}</a></td>
                      </tr>
                    </table></td>
    </tr>
    <tr>
      <td height="12"></td>
    </tr>
    <tr>
      <td><table width="100%" border="0" cellspacing="0" cellpadding="0">
        <tr>
          <td background="../../../images/2014mcbg.jpg" height="27"><table width="100%" border="0" cellspacing="0" cellpadding="0">
  <tr>
    <td height="27" width="20">&nbsp;</td>
    <td class="cjfw">{name}</td>
  </tr>
</table></td>
        </tr>
        <tr>
          <td id="bk"><TABLE width="97%" border=0 align="center" cellPadding=1 cellSpacing=1 style="margin-top:10px;">
                          <TBODY>
                            
							{rows}
                          </TBODY>
                      </TABLE></td>
        </tr>
        <tr><td><div align="center">
                                <table width="94%" border="0" align="center" cellpadding="0" cellspacing="0">
                                  <tr>
                                    <td align="center" height="40">{PAGER_JS}
<script>createPageHTML({pages}, {page}, "index", "html");</script></td>
                                  </tr>
                                </table>
                      </div></td></tr>
      </table></td>
    </tr>
  </table></td>
  <td width="6">&nbsp;</td>
</tr>
</table>
<table width="1004" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td><table border="0" cellspacing="0" cellpadding="0" width="100%" align="center" id="bk" background="../../../images/qysmbg.jpg">
            <tbody>
                <tr>
                    <td width="100" height="30" align="center" class="cjfw">友情链接</td>
                    <td width="242"><div align="center"><select class="zf1" onchange="javascript:window.open(this.options[this.selectedIndex].value)" name="select">
                    <option selected="selected">区政府部门网站</option>
                    <option value="../../../bmwz/ggzy/">区公共资源交易网</option>
                    <option value="../../../bmwz/lyj/">区旅游发展委员会</option>
                    </select></div></td>
                    <td width="220" align="center"><div align="center"><select class="zf1" onchange="javascript:window.open(this.options[this.selectedIndex].value)" name="select3">
                    <option selected="selected">县市区政府网站</option>
                    <option value="http://www.yichun.gov.cn/">宜春市人民政府</option>
                    <option value="http://www.zhangshu.gov.cn/">樟树市人民政府</option>
                    </select></div></td>
                    <td width="220"><div align="center"><select class="q2" onchange="javascript:window.open(this.options[this.selectedIndex].value)" name="select4">
                    <option selected="selected">江西省政府网站</option>
                    <option value="http://www.jiangxi.gov.cn/">江西省人民政府</option>
                    </select></div></td>
                </tr>
            </tbody>
    </table></td>
  </tr>
  <tr>
    <td height="142" background="../../../images/bottombg.gif" valign="top"><table width="70%" border="0" cellspacing="0" cellpadding="0" align="center">
      <tr>
        <td height="30" align="center">主办：袁州区人民政府　 承办：袁州区人民政府办公室</td>
      </tr>
      <tr>
        <td height="30" align="center">版权所有 袁州区人民政府</td>
      </tr>
    </table></td>
  </tr>
</table> 
</body>
</html>
"""


def _yzq_column(kit: Kit, case: str, slug: str, name: str, items: list[Item], note: str, per: int = 25) -> None:
    base = f"/yzq/zwgk/zwdt/{slug}/"
    chunks = _chunks(items, per)
    for p, chunk in enumerate(chunks):
        kit.write(f"{base}{'index' if p == 0 else f'index_{p}'}.html", _yzq_page(kit, slug, name, chunk, base, p, len(chunks)))
    _label(kit, case, name, base, items, len(chunks), note)


def _yuanzhou(kit: Kit) -> None:
    kit.start_portal("yzq", "袁州区人民政府（模型）", SOURCE_YZQ, "county", "TRS", "http://www.yzq.gov.cn/")
    zwyw = _items(kit, "/yzq/zwgk/zwdt/zwyw/", 68, kit.ago(1), 2, 612480, later=frozenset({4, 31}))
    _yzq_column(kit, "yzq-zwyw", "zwyw", "政务要闻", zwyw,
                "TRS table, td#bk > TABLE[97%] rows, GroupBlankLine every 5, createPageHTML; two shown dates a day before the URL's")
    _yzq_column(kit, "yzq-zhxx", "zhxx", "综合信息", _items(kit, "/yzq/zwgk/zwdt/zhxx/", 34, kit.ago(45), 9, 598211),
                "TRS table, GroupBlankLine every 5, 2 pages")
    _yzq_column(kit, "yzq-gggs", "gggs", "公告公示", _items(kit, "/yzq/zwgk/zwdt/gggs/", 11, date(2024, 5, 17), 30, 571066),
                "TRS table, stale, 11 items (last group of 1)")
    _yzq_column(kit, "yzq-yzsp", "yzsp", "袁州视频", _items(kit, "/yzq/zwgk/zwdt/yzsp/", 7, kit.ago(230), 40, 560318),
                "TRS table, stale, 7 items")


# == 宜春市 ===================================================================================
YC_SECTIONS = ["ldjs", "jgsz", "ghygb", "cjxx", "zdjcgk/zdgc", "ycsxwfbg", "jdjc", "wbkyc", "zcwj/zczy", "zfhy", "tjxx"]


def _yc_page(kit: Kit, parent: str, name: str, items: list[Item], base: str, page: int, pages: int, box: list[Item]) -> str:
    rows = _grouped([f"""
                            <TR>
                              <TD height=30 align="left">&nbsp;<img src="../../../images/2016hei.jpg" width="3" height="3" />&nbsp;<A style="font-size:14px;" 
                        href="{_rel(base, u)}">{kit.esc(t)}</A></TD>
                              <TD width="80" align="left" style="font-size:14px; color:#999">{shown:%Y-%m-%d}</TD>
                            </TR>
                            """ for u, _, shown, t in items])
    buttons = "".join(f"""
          <tr>
            <td style="padding-bottom:10px;"><table width="100%" border="0" cellspacing="0" cellpadding="0" bgcolor="#eeeeee">
              <tr>
                <td width="50" height="38" align="center"><img src="../../../images/2016gk{k + 1}.jpg" width="13" height="15" /></td>
                <td align="left"><a href="../../{href}" target="_blank" class="gkzn">{label}</a></td>
              </tr>
            </table></td>
          </tr>""" for k, (href, label) in enumerate([("gkzn/", "政府信息公开指南"), ("gkml/", "政府信息公开目录"),
                                                       ("gkndbg/", "政府信息公开年度报告"), ("bmgkml/", "政府部门信息公开目录"),
                                                       ("ysqgk/", "依申请公开")]))
    cells = [f'<td height="90"><a href="../../{s}/"><img id="xxgkpt{k + 1}" src="../../../images/2016xxgkpt{k + 1}_off.jpg" '
             f'width="90" height="77" /></a></td>' for k, s in enumerate(YC_SECTIONS)]
    cells.append('<td height="90"><a href="../../../ztbd/"><img id="xxgkpt12" src="../../../images/2016xxgkpt12_off.jpg" width="90" height="77" /></a></td>')
    grid = "".join(f'\n  <tr align="center">\n    {"".join(cells[r:r + 3])}\n  </tr>' for r in range(0, 12, 3))
    zfgg = "".join(f"""
                                        <tr>
                                        <td width="12" align="center"><img src="../../../images/2016hei.jpg" width="3" height="3" /></td>
                                          <td height="30" align="left"><a href="../..{u[len('/yichun/xxgk'):]}" target="_blank">{kit.esc(t if len(t) <= 20 else t[:20] + '...')}</a></td>              
                                        </tr>""" for u, _, _, t in box)
    return f"""

<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>宜春市人民政府_公开</title>
<link href="../../../images/2016yc_Web.css" type="text/css" rel="stylesheet" />
<script language="javascript" src="../../../images/jquery.pack.js"></script>
<script src="../../../images/2016yczfw.js"></script>
</head>
<body>
<table width="999" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td height="35" bgcolor="#f0f0f0"><table width="100%" border="0" cellspacing="0" cellpadding="0">
      <tr align="center">
        <td height="35" width="58"><a href="../../../"><img src="../../../images/2016sw.jpg" width="47" height="24" /></a></td>
        <td width="442" valign="middle">
        <table width="90%" border="0" cellspacing="0" cellpadding="0">
          <tr>
           <form action="../../../coremail/login.jsp" method="post" name="MailFormLogin" target="_self" id="MailFormLogin2" style="height:25px;">
            <td width="18%" align="center" style="color:#b70d0d;">政务邮箱：</td>
            <td width="13%">用户名</td>
            <td width="20%" align="center" valign="middle"><input type="text" name="uid" size="8" /></td>
            <td width="7%">密码</td>
            <td width="20%" align="center" valign="middle"><input type="password" name="password" size="8" /></td>
            <td width="11%" valign="middle"><input name="enter" type="submit" id="enter" value="登录" /></td>
            </form>
          </tr>
        </table>
        </td>
        <td width="65"><script src="../../../images/2016jfzh.js"></script></td>
        <td width="57"><a target="_blank" href="../../../English/index.html">English</a></td>
        <td width="49"><A href="../../../rss/" 
            target=_blank> RSS订阅</A></td>
      </tr>
    </table></td>
  </tr>
  <tr>
    <td height="152" background="../../../images/2016topbg.jpg" style="background-repeat:no-repeat;"><table width="100%" border="0" cellspacing="0" cellpadding="0">
  <tr>
    <td height="109"></td>
  </tr>
  <tr>
    <td><table width="100%" border="0" cellspacing="0" cellpadding="0">
      <tr align="left" valign="bottom">
        <td height="40" width="85" id="topdh1"><a href="../../../"><img id="headernavimg1" src="../../../images/2016headernavimg1_off.jpg" width="85" height="35" /></a></td>
        <td width="85" id="topdh2" height="40"><a href="../../../zjyc/" alt="市情"><img id="headernavimg2" src="../../../images/2016headernavimg2_off.jpg" width="85" height="35" /></a></td>
        <td width="85" id="topdh3"><a href="../../" alt="公开"><img id="headernavimg3" src="../../../images/2016headernavimg3_off.jpg" width="85" height="35" /></a></td>
        <td width="85" id="topdh4"><a href="../../../wsbs/" alt="服务"><img id="headernavimg4" src="../../../images/2016headernavimg4_off.jpg" width="85" height="35" /></a></td>
        <td width="85" id="topdh5"><a href="../../../zmhd/" alt="互动"><img id="headernavimg5" src="../../../images/2016headernavimg5_off.jpg" width="85" height="35" /></a></td>
        <td width="85" id="topdh6"><a href="../../../sj/" alt="数据"><img id="headernavimg6" src="../../../images/2016headernavimg6_off.jpg" width="85" height="35" /></a></td>
        <td width="320" id="topdh8"></td>
        <td><form name="SearchForm" method="post" accept-charset="utf-8" action="../../../was5/web/search" target="_blank" style="margin:0; padding:0"><table width="100%" border="0" cellspacing="0" cellpadding="0">
          <tr>
            <td width="226" height="40"><input type="hidden" name="searchword" /><input type="hidden" name="channelid" value="290182" />
              <INPUT id="keyword" name="keyword" maxLength=20 size=30 /></td>
            <td width="38"><input type="submit" class="btn_blue55" name="button" value="" /></td>
          </tr>
        </table></form>
        </td>
      </tr>
    </table></td>
  </tr>
</table>
</td>
  </tr>
</table>
<table width="999" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td height="20"></td>
  </tr>
  <tr>
    <td><table width="100%" border="0" cellspacing="0" cellpadding="0">
      <tr>
        <td width="680" valign="top"><table width="100%" border="0" cellspacing="0" cellpadding="0">
  <tr>
    <td height="30" class="grsm" valign="top">您现在的位置：<a href="../../../" title="首页" class="CurrChnlCls">首页</a>&nbsp;&gt;&gt;&nbsp;<a href="../../" title="公开" class="CurrChnlCls">公开</a>&nbsp;&gt;&gt;&nbsp;<a href="../" title="{parent}" class="CurrChnlCls">{parent}</a>&nbsp;&gt;&gt;&nbsp;<a href="./" title="{name}" class="CurrChnlCls">{name}</a> </td>
  </tr>
  <tr>
    <td><table width="100%" border="0" cellspacing="0" cellpadding="0">
      <tr>
        <td><table width="100%" border="0" cellspacing="0" cellpadding="0">
  <tr align="left">
    <td width="20" height="35"><img src="../../../images/2016gkb.jpg" width="8" height="21" /></td>
    <td class="gk" width="400">{name}</td>
    <td align="right" width="260"></td>
  </tr>
</table></td>
      </tr>
      <tr>
        <td></td>
      </tr>
    </table></td>
  </tr>
  <tr>
    <td><table width="100%" border="0" cellspacing="0" cellpadding="0" style="margin-top:15px;">
      <tr>
        <td height="500" valign="top"><TABLE width="100%" border=0 align="center" cellPadding=1 cellSpacing=1 style="margin-top:5px;">
                          <TBODY>
                            
							{rows}
                          </TBODY>
                      </TABLE>
                      </td>
      </tr>
      <tr><td><table width="94%" border="0" align="center" cellpadding="0" cellspacing="0">
                                  <tr>
                                    <td align="center" height="45">{PAGER_JS}
<script>createPageHTML({pages}, {page}, "index", "html");</script></td>
                                  </tr>
                        </table></td></tr>
    </table></td>
  </tr>
</table>
</td>
        <td width="20"></td>
        <td valign="top" width="299"><table width="100%" border="0" cellspacing="0" cellpadding="0">{buttons}
        </table>
          <table width="100%" border="0" cellspacing="0" cellpadding="0">{grid}
</table>
<table width="100%" border="0" cellspacing="0" cellpadding="0" style="margin-top:15px;">
  <tr>
    <td><table width="100%" border="0" cellspacing="0" cellpadding="0">
  <tr align="right">
    <td width="20" height="30"><img src="../../../images/2016gkb.jpg" width="8" height="21" /></td>
    <td width="100"><a href="../../zfgg/" target="_self"  class="gk">政府公告</a></td>
    <td width="179"></td>
  </tr>
</table></td>
  </tr>
  <tr>
    <td><table width="99%" border="0" align="center" cellpadding="0" cellspacing="0" style="margin-top:5px;">
                                      {zfgg}
                                      </table></td>
  </tr>
</table>

        </td>
      </tr>
    </table></td>
  </tr>
</table>
<table width="999" height="126" border="0" align="center" cellpadding="0" cellspacing="0" bgcolor="#f0f0f0">
  <tr>
    <td height="25" align="center"><a href="../../../fzxx/wzsm/" target="_blank">网站声明</a> | <a href="../../../wzdh/bwzdh/" target="_blank">网站地图</a> | <a href="../../../fzxx/wzbz/" target="_blank">网站帮助</a></td>
  </tr>
  <tr>
    <td height="30" align="center">主办：宜春市人民政府 承办：宜春市人民政府办公室</td>
  </tr>
</table>
</body>
</html>
"""


def _yichun(kit: Kit) -> None:
    kit.start_portal("yichun", "宜春市人民政府（模型）", SOURCE_YC, "city", "TRS", "http://www.yichun.gov.cn/")
    cols = [  # case, section dir, parent, slug, name, items, note
        ("yichun-zwyw", "zwdt", "政务动态", "zwyw", "政务要闻",
         _items(kit, "/yichun/xxgk/zwdt/zwyw/", 58, kit.ago(1), 3, 735620, later=frozenset({0, 1, 2})),
         "TRS table TABLE[style=margin-top:5px], GroupBlankLine every 5; three newest shown a day before their URL date"),
        ("yichun-bmdt", "zwdt", "政务动态", "bmdt", "部门动态", _items(kit, "/yichun/xxgk/zwdt/bmdt/", 33, kit.ago(9), 6, 722904),
         "TRS table, 2 pages, 政府公告 sidebar with the same style"),
        ("yichun-xsqdt", "zwdt", "政务动态", "xsqdt", "县市区动态",
         _items(kit, "/yichun/xxgk/zwdt/xsqdt/", 17, date(2024, 11, 8), 20, 690127, later=frozenset({5})),
         "TRS table, stale, one shown date a day before its URL's"),
        ("yichun-zwgg", "zfgg", "政府公告", "zwgg", "政务公告", _items(kit, "/yichun/xxgk/zfgg/zwgg/", 26, kit.ago(4), 7, 731558),
         "TRS table; the 政府公告 sidebar box repeats this column's newest six, undated"),
    ]
    box = cols[3][5][:6]
    for case, section, parent, slug, name, items, note in cols:
        base = f"/yichun/xxgk/{section}/{slug}/"
        chunks = _chunks(items, 20)
        for p, chunk in enumerate(chunks):
            kit.write(f"{base}{'index' if p == 0 else f'index_{p}'}.html", _yc_page(kit, parent, name, chunk, base, p, len(chunks), box))
        _label(kit, case, name, base, items, len(chunks), note)


# == 樟树市 ===================================================================================
ZS_TICKER = ["城区部分线路计划停电检修的通知", "关于部分路段临时停水的公告", "节假日期间道路交通安全提示", "城南片区供水管网改造停水通告",
             "供电线路周检修计划安排表", "关于部分小区临时停电的通知", "春运期间部分路口交通管制的通告", "老城区燃气管道检修公告",
             "关于驾驶机动车安全文明出行的通告", "工业园区线路检修停电公告", "城北水厂设备检修停水通知", "重大活动期间交通组织提示"]


def _zs_ticker(kit: Kit) -> str:
    """The header ticker: older notices, MM-DD dates, out of order (as the real one)."""
    rng = kit.rng
    out = []
    for k, t in enumerate(ZS_TICKER):
        d = date(2022, 3, 1) + timedelta(days=rng.randint(0, 1000))
        kind = ("tdgg", "tsgg", "ldgz")[k % 3]
        shown = t if len(t) <= 15 else t[:15] + "..."
        out.append(f"""
                  <tr>
                    <td><table width="100%" border="0" cellspacing="0" cellpadding="0">
                      <tr>
                        <td width="82%" height="25" align="left"><span class="STYLE12"><a href="../../wsfw/fwsm/smgg/{kind}/{d:%Y%m}/t{d:%Y%m%d}_{401200 + k * 37}.html" title="{kit.esc(t)}" target="_blank">
                          {kit.esc(shown)}
                          </a></span></td>
                        <td width="12%" class="STYLE10" style=" font-size:12px">{d:%m-%d}</td>
                        </tr>
                      </table></td>
                    </tr>
                  """)
    return "".join(out)


ZS_HEADER_NAV = [("../../", "网站首页"), ("../../zjzs/", "走进樟树"), ("../", " 政务公开"), ("../../zmhd/", "政民互动"),
                 ("../../wsfw/", "网上服务"), ("../../tzzs/", "投资樟树"), ("../../lyzs/", "旅游樟树"), ("../../wsfw/fwsn/", "服务三农")]
ZS_BMFW = [("bgxz", "表格下载"), ("gjqc", "公交汽车"), ("ztqc", "长途汽车"), ("hcsk", "火车时刻"), ("fjhb", "飞机航班"), ("cydh", "常用电话"),
           ("yzbm", "邮政编码"), ("xxyl", "学校一览"), ("yyyl", "医院一览")]


def _zs_page(kit: Kit, name: str, items: list[Item], base: str, page: int, pages: int, ticker: str) -> str:
    nav = "".join(f"""
                <td width="100" align="center"><table width="76" border="0" cellspacing="0" cellpadding="0">
                    <tr>
                      <td height="37" align="center" class="{'STYLE60' if k == 0 else 'STYLE2'}" id="qh{k}" onmousemove="qh({k})"><span><a href="{h}" target="_blank">{n}</a></span></td>
                    </tr>
                </table></td>
                <td width="2" align="center"><img src="../../images/zgzstop_12.jpg" width="2" height="37" /></td>""" for k, (h, n) in enumerate(ZS_HEADER_NAV))
    bmfw = "".join(
        ('\n                      <tr valign="top">' if k % 3 == 0 else "") + f"""
                        <td align="center"><table width="72" border="0" cellspacing="0" cellpadding="0">
                            <tr>
                              <td width="17" height="20" align="center"><img src="../../images/zgzsz3_93.jpg" width="6" height="5" /></td>
                              <td width="55" align="left" class="bmfw"><a href="../../wsfw/bmfw/{s}/" target="_blank">
                                  {n}
                                  </a></td>
                            </tr>
                        </table></td>""" + ("\n                       </tr>" if k % 3 == 2 else "") for k, (s, n) in enumerate(ZS_BMFW))
    rows = "".join(f"""
              <tr valign="center" style="padding:0 3px; marign:0 3px;">
              <td width="3%" height="25" align="center"><img src="../../images/zgzszy01_07.jpg" width="6" height="7" /></td>
                <td width="87%" height="25" align="left" class="STYLE25 STYLE26"><a href="{_rel(base, u)}" target="_blank"><span class="STYLE25">{kit.esc(t)}</span></a></td>
                <td width="10%"><span class="STYLE12">{shown:%m-%d}</span></td>
              </tr>""" for u, _, shown, t in items)
    return f"""

<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{name}</title>
<link href="../../images/zgzs.css" rel="stylesheet" type="text/css" />
</head>

<body style="margin:0; padding:0; background:url(../../images/zgzsbg_01.jpg) top center no-repeat" background="../../images/zgzsbg_01.jpg">
<div><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>页头嵌套</title>
<link href="../../images/zgzs.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="../../images/zgzs_js.js"></script>
</head>
<body background="../../images/zgzstop_28.jpg" style="margin:0; padding:0; font-size: 9px;">
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
  </tr>

        <td width="57%" height="21" align="left" class="STYLE20"></td>
        <td>&nbsp;</td>
        <td width="43%" align="right" class="STYLE20"><a href="../../zt/dwgk/" target="_blank"><font color="#FF0000">阳光党务</font></a> | <script language="javascript" src="../../images/jfzh.js"></script> | <a href="../../rssdy/" target="_blank">RSS</a> </td>
      </tr>
    </table></td>
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td height="27" background="../../images/zgzstop_02.jpg"><img src="../../images/top.jpg" width="1002" height="266" /></td>
  </tr>
</table>
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td height="37"><table width="100%" border="0" cellspacing="0" cellpadding="0">
      <tr>
        <td width="98%" background="../../images/zgzstop_10.jpg"><table width="100%" border="0" cellspacing="0" cellpadding="0">
          <tr>
            <td width="75%" height="37"><table width="100%" border="0" cellspacing="0" cellpadding="0">
              <tr>{nav}
              </tr>
            </table></td>
            <td width="25%">
            <form name="SearchForm" method="post" accept-charset="utf-8" action="../../was5/web/search" target="_blank" style="margin:0; padding:0">
            <table width="100%" border="0" cellspacing="0" cellpadding="0">
              <tr>
                <td width="60%" height="37" align="center"><input type="hidden" id="searchword" name="searchword" /><input type="hidden" name="channelid" value="251664" />
                <INPUT id="keyword" name="keyword" width="145" height="25" /></td>
                <td width="18%" align="center"><input type="image" src="../../images/zgzstop_19.jpg" width="39" height="21" name="button" id="button" /></td>
              </tr>
            </table>
            </form>
            </td>
          </tr>
        </table></td>
      </tr>
    </table></td>
  </tr>
  <tr>
    <td height="50"><table width="100%" border="0" cellspacing="0" cellpadding="0">
      <tr>
        <td width="93%" height="50" background="../../images/zgzstop_28.jpg"><table width="100%" border="0" cellspacing="0" cellpadding="0">
          <tr>
            <td width="38%" height="50" align="left" valign="top" background="../../images/zgzsmain01_44.jpg"><div style="width:100%; height: 50px; overflow: hidden" id="mq" onmouseover="iScrollAmount=0" onmouseout="iScrollAmount=2">
              <table width="100%" border="0" cellspacing="0" cellpadding="0">
                {ticker}
                </table>
              </div>
              <script language="javascript">
                       var oMarquee = document.getElementById("mq"); //滚动对象
                       var iLineHeight = 25, iScrollAmount = 2;
                       function run() {{
                        oMarquee.scrollTop += iScrollAmount;
                        window.setTimeout("run()", oMarquee.scrollTop % iLineHeight == 0 ? 2000 : 50);
                       }}
                       oMarquee.innerHTML += oMarquee.innerHTML;
                       window.setTimeout("run()", 2000);
                       </script></td>
            <td width="22%" height="50"><table width="100%" border="0" cellspacing="0" cellpadding="0">
              <tr>
                <td width="13%" height="31" align="center"><img src="../../images/zgzstop_35.jpg" width="13" height="16" /></td>
                <td width="87%" align="center" class="STYLE3"><script type="text/javascript">
var oMyDate=new Date();
var days=["星期日","星期一","星期二","星期三","星期四","星期五","星期六"];
document.write(""+oMyDate.getFullYear()+"年"+(oMyDate.getMonth()+1)+"月"+oMyDate.getDate()+"日 "+days[oMyDate.getDay()]);
</script></td>
                </tr>
            </table></td>
            <td width="13%"><table width="100%" border="0" cellspacing="0" cellpadding="0">
              <tr>
                <td width="82%" height="24" align="center" valign="middle"><a href="../../zt/wfxxjb/"><span class="STYLE5">在线举报平台</span></a></td>
              </tr>
            </table></td>
            </tr>
        </table></td>
        </tr>
    </table></td>
  </tr>
</table>
</body>
</html></div>
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td height="25"><table width="100%" height="25" border="0" cellpadding="0" cellspacing="0">
      <tr>
        <td width="3%" align="center"><img src="../../images/zgzs01_03.jpg" width="14" height="14" /></td>
        <td width="97%" align="left" class="STYLE16 STYLE25"><strong>您的当前位置：</strong><a href="../../" title="首页" class="CurrChnlCls">首页</a>&nbsp;&gt;&gt;&nbsp;<a href="../" title="政务公开" class="CurrChnlCls">政务公开</a>&nbsp;&gt;&gt;&nbsp;<a href="./" title="{name}" class="CurrChnlCls">{name}</a></td>
      </tr>
    </table></td>
  </tr>
</table>
<table width="1002" height="672" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
  <td width="232" valign="top"><table width="231" border="0" cellspacing="0" cellpadding="0">
      <tr>
        <td height="372" valign="top"><table width="100%" border="0" cellspacing="0" cellpadding="0">
          <tr>
            <td height="241" valign="top"><table width="100%" border="0" cellspacing="0" cellpadding="0">
                <tr>
                  <td height="34" background="../../images/zgzsmain01_05.jpg"><table width="100%" border="0" cellspacing="0" cellpadding="0">
                      <tr>
                        <td width="10%" height="34" align="left"><img src="../../images/zgzsmain01_03.jpg" width="23" height="34" /></td>
                        <td width="82%" align="left" class="STYLE8">领导介绍</td>
                        <td width="8%" align="right"><img src="../../images/zgzsmain01_07.jpg" width="6" height="34" /></td>
                      </tr>
                  </table></td>
                </tr>
                <tr>
                  <td height="205"><table width="100%" height="201" border="0" cellpadding="0" cellspacing="0">
                      <tr><td align="center"><a href="../ldjs/sw/" target="_blank"><img src="../../images/zgzsmain01_20.jpg" width="213" height="44" /></a></td></tr>
                      <tr><td align="center"><a href="../ldjs/rd/" target="_blank"><img src="../../images/zgzsmain01_23.jpg" width="213" height="44" /></a></td></tr>
                      <tr><td align="center"><a href="../ldjs/zf/" target="_blank"><img src="../../images/zgzsmain01_30.jpg" width="213" height="44" /></a></td></tr>
                      <tr><td align="center"><a href="../ldjs/zx/" target="_blank"><img src="../../images/zgzsmain01_32.jpg" width="213" height="44" /></a></td></tr>
                  </table></td>
                </tr>
            </table></td>
          </tr>
          <tr>
            <td height="136" valign="top"><table width="231" border="0" cellspacing="0" cellpadding="0">
              <tr>
                <td height="95"><FORM id="MailFormLogin2" method="post" name="MailFormLogin" action="../../coremail/fcg/login" target="_self"><table width="100%" border="0" cellspacing="0" cellpadding="0">
                    <tr><td width="30%" align="center" class="STYLE12">用户名：</td><td width="70%" align="left"><INPUT size=12 name=user /></td></tr>
                    <tr><td width="30%" align="center" class="STYLE12">密  码：</td><td width="70%" align="left"><INPUT size=12 type=password name=pass /></td></tr>
                    <tr><td align="center" colspan="2"><input type="image" width="57" height="23" src="../../images/zgzsmain01_51.jpg" /></td></tr>
                </table></FORM></td>
              </tr>
            </table></td>
          </tr>
        </table></td>
      </tr>
      <tr>
        <td valign="top"><table width="100%" border="0" cellspacing="0" cellpadding="0">
          <tr>
            <td height="31" background="../../images/zgzsmain01_05.jpg"><table width="100%" border="0" cellspacing="0" cellpadding="0">
                <tr>
                  <td width="10%" height="34" align="left"><img src="../../images/zgzsmain01_03.jpg" width="23" height="34" /></td>
                  <td width="82%" align="left" class="STYLE8">便民服务</td>
                  <td width="8%" align="right"><img src="../../images/zgzsmain01_07.jpg" width="6" height="34" /></td>
                </tr>
            </table></td>
          </tr>
          <tr>
            <td height="107" valign="top" bgcolor="#FFFFFF"><table width="100%" height="104" border="0" cellpadding="0" cellspacing="0">
                <tr>
                  <td><table width="100%" height="96" border="0" cellpadding="0" cellspacing="0">{bmfw}
                  </table></td>
                </tr>
            </table></td>
          </tr>
        </table></td>
      </tr>
      <tr>
        <td height="138" valign="top"><table width="100%" height="145" border="0" cellpadding="0" cellspacing="0" bgcolor="#FFFFFF">
          <tr><td height="74" align="center" valign="middle"><a href="../../zmhd/szxx/" target="_blank"><img src="../../images/zgzsz2_24.jpg" width="207" height="67" /></a></td></tr>
          <tr><td height="69" align="center" valign="middle"><a href="../../zmhd/12388jbsl/" target="_blank"><img src="../../images/zgzsz2_28.jpg" width="207" height="58" /></a></td></tr>
        </table></td>
      </tr>
    </table></td>
    <td width="770" height="672" valign="top"><table width="99%" border="0" cellspacing="0" cellpadding="0">
      <tr>
        <td height="34" background="../../images/zgzsmain01_05.jpg"><table width="100%" border="0" cellspacing="0" cellpadding="0">
            <tr>
              <td width="3%" height="34" align="left"><img src="../../images/zgzsmain01_03.jpg" width="23" height="34" /></td>
              <td width="89%" align="left" class="STYLE8">{name}</td>
              <td width="8%" align="right"><img src="../../images/zgzsmain01_07.jpg" width="6" height="34" /></td>
            </tr>
        </table></td>
      </tr>
      <tr>
        <td height="624" valign="top"><table width="100%" height="629" border="0" cellpadding="0" cellspacing="0">
          <tr>
            <td height="600" align="center" valign="top"><table width="99%" border="0" cellspacing="0" cellpadding="0">{rows}
              <tr><td>
                </td>
              </tr>
            </table></td>
          </tr>
          <tr><td><table width="100%" cellpadding="0" cellspacing="0">
              <tr>
                <td width="100%" height="25" align="center" style="font-size:12px">{PAGER_JS}
<script>createPageHTML({pages}, {page}, "index", "html");</script></td>
                </tr>
                </table></td></tr>
        </table></td>
      </tr>
    </table></td>
  </tr>
</table>
<div><style type="text/css">
.STYLE2.STYLE26 a {{
	color: #0080FF;
}}
</style>
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td height="118" valign="top"><table width="100%" border="0" cellspacing="0" cellpadding="0">
        <tr>
          <td height="33" colspan="3" align="center" class="STYLE2 STYLE26"><a href="../../lxwm/" target="_blank">联系我们</a> | <a href="javascript:;">设为首页</a> | <a href="javascript:;">加入收藏</a></td>
        </tr>
        <tr>
          <td width="50%" align="center" class="STYLE3 a1"><p>主办：樟树市人民政府 承办：樟树市信息中心<br />樟树市人民政府版权所有</p></td>
        </tr>
      </table></td>
  </tr>
</table></div>
</body>
</html>
"""


def _zs_shuffle(chunk: list[Item]) -> list[Item]:
    """The page order is not strictly by date (as on the real page): two neighbours swapped,
    and an older item listed before three newer ones near the end."""
    out = list(chunk)
    if len(out) >= 14:
        out[12], out[13] = out[13], out[12]
    if len(out) >= 24:
        out.insert(23, out.pop(20))
    return out


def _zhangshu(kit: Kit) -> None:
    kit.start_portal("zhangshu", "樟树市人民政府（模型）", SOURCE_ZS, "county", "TRS", "http://www.zhangshu.gov.cn/")
    ticker = _zs_ticker(kit)

    def title(t: str) -> str:
        return t if len(t) <= 28 else t[:28] + "..."

    cols = [
        ("zhangshu-zhxx", "zhxx", "综合信息", 62, kit.ago(2), 4, 498276, "MM-DD dates, unsorted rows, nested header document with a dated MM-DD ticker"),
        ("zhangshu-bmdt", "bmdt", "部门动态", 40, kit.ago(20), 13, 487150, "MM-DD dates across the new year (12-xx below 01-xx), unsorted rows, 2 pages"),
        ("zhangshu-xzdt", "xzdt", "乡镇动态", 30, date(2024, 3, 22), 14, 452613,
         "MM-DD dates of 2023-2024 (stale over a year): the year only in the /YYYYMM/ URLs"),
        ("zhangshu-gsgg", "gsgg", "公示公告", 15, kit.ago(70), 10, 491002, "MM-DD dates, 1 page"),
    ]
    for case, slug, name, n, newest, step, id0, note in cols:
        base = f"/zhangshu/zwgk/{slug}/"
        items = [(u, ud, d, title(t)) for u, ud, d, t in _items(kit, base, n, newest, step, id0)]
        chunks = [_zs_shuffle(c) for c in _chunks(items, 24)]
        for p, chunk in enumerate(chunks):
            kit.write(f"{base}{'index' if p == 0 else f'index_{p}'}.html", _zs_page(kit, name, chunk, base, p, len(chunks), ticker))
        _label(kit, case, name, base, [i for c in chunks for i in c], len(chunks), note)


def build(kit: Kit) -> None:
    _yuanzhou(kit)
    _yichun(kit)
    _zhangshu(kit)
