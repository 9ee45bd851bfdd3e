"""鄂尔多斯恩格贝生态示范区（管委会）网站: a sub-site of 鄂尔多斯市 on TRS WCM (relative
``./YYYYMM/tYYYYMMDD_NNNNNNN.html`` document URLs, ``CurrChnlCls`` breadcrumb links, a
``TRS_Editor`` banner, WAS40 search), built of nested layout tables.

Studied: taoqf/node-html-parser, ``test/tests/issues/69.js`` (commit 55a8aa75bb7414ea6c1b61cbc147442b9b735b92),
whose test keeps the site's 信息公开年报 list page (page 1 of 2) as a template literal. That copy
is a browser's DOM serialisation (``tbody`` inserted, the search ``<form>`` closed empty, the
pager ``<script>`` followed by the HTML it wrote); what is modelled here is what the server
sends: the same markup without the inserted ``tbody`` and with the pager as its script only.

Reproduced: the 1006-px layout tables — ``td#top`` with a ``div.TRS_Editor`` holding a flash
``<embed>``, ``table#memu`` (``td.td1``/``td.td3`` menu cells between ``menu_line`` images,
and a stray ``\\`` attribute), the weather ``iframe`` and the WAS40 search ``<form>`` opened
between table cells, ``table.mag1`` whose left ``td[bgcolor=#e1f1ff]`` holds the 信息公开 menu
``table.gl_left`` (11 links, undated) and whose right cell holds ``table.bor``: the breadcrumb
``td.pos`` "您现在的位置是：" with ``a.CurrChnlCls`` crumbs joined by ``&nbsp;&gt;&gt;&nbsp;``, then
``table.gl_list`` with one ``<tr valign="top">`` per item — an ``ico2.jpg`` icon cell, a
``td[width=550]`` with the bare ``<a href>`` (no title attribute, no target) and a third cell
holding the date YYYY-MM-DD between newlines and tabs — ten a page, and ``td.page`` with
TRS's inline pager script (``var currentPage = 0;//所在页从0开始``, ``var countPage = N``,
``document.write`` of 首页/上一页/numbers/下一页/尾页 built from split strings such as
``"index"+"_" + nextPage + "."+"html"``, a GO box calling ``window.navigate``); page 2 is
``index_1.html``. The footer ``table#down`` > ``table.about`` (主办, 网站地图, a statistics
script, 网站标识码, ICP and 公安备案 lines, the conac badge script). ``<title>`` is only the site
name; there is no ColumnName meta. Quirks kept: shown dates earlier than the dates in the
URLs for several items; a column that mixes annual reports with unrelated news.

Our own: titles (kit and our own report titles), document ids, dates. Columns: 信息公开年报
(14 items, 2 pages, stale), 政府采购 (23, 3 pages, fresh), 人事信息 (8, one page), 应急管理
(31, 4 pages, stale).
"""

from __future__ import annotations

from datetime import date, timedelta

from kit import Kit, Row

SOURCE = "taoqf/node-html-parser@55a8aa75bb7414ea6c1b61cbc147442b9b735b92: test/tests/issues/69.js (信息公开年报, page 1 of 2)"
EGB = "/egb"
PER = 10
MENU = [("xxgkgd", "信息公开规定"), ("xxgkzd", "信息公开制度"), ("xxgkzn", "信息公开指南"), ("xxgkml", "信息公开目录"),
        ("ysqgklm", "依申请公开"), ("xxgknb", "信息公开年报"), ("xxgkscx", "信息公开查询"), ("rsxx", "人事信息"),
        ("cwgk", "财务公开"), ("zfcg", "政府采购"), ("yjgl", "应急管理")]

PAGER = r"""var currentPage = __CUR__;//所在页从0开始
var prevPage = currentPage-1//上一页
var nextPage = currentPage+1//下一页
var countPage = __COUNT__//共多少页
//共计多少页
document.write("共计"+"&nbsp;<font style='color:#FF8008'>"+"__COUNT__"+"&nbsp;</font>"+"页");
// 设置首页
document.write("&nbsp;<a href=\"index."+"html\">首页</a>&nbsp;|");
//设置上一页代码
if(countPage>1&&currentPage!=0&&currentPage!=1)
document.write("<a href=\"index"+"_" + prevPage + "."+"html\"><span class=greyfont>上一页</span></a>&nbsp;");
else if(countPage>1&&currentPage!=0&&currentPage==1)
document.write("<a href=\"index.html\">&nbsp;<span class=greyfont>上一页</span></a>&nbsp;");
else
document.write("&nbsp;上一页&nbsp;");
//循环
for(var i=0 ; i<=6 && (i<countPage); i++){
if(currentPage==i)
document.write("&nbsp;<font style='color:#FF8008'>"+(i+1)+"</font>&nbsp;|");
else if(i==0)
document.write("&nbsp;<a href=\"index.html\">1</a>&nbsp;|");
else
document.write("&nbsp;<a href=\"index"+"_" + i + "."+"html\">"+(i+1)+"</a>&nbsp;|");
}
//设置下一页代码
if(countPage>1&&currentPage!=(countPage-1))
document.write("&nbsp;<a href=\"index"+"_" + nextPage + "."+"html\">&nbsp;<span class=greyfont>下一页</span>&nbsp;</a>&nbsp;");
else
document.write("&nbsp;下一页&nbsp;");
// 设置尾页
if(countPage!=1)
document.write("&nbsp;<a href=\"index"+"_" + (countPage-1)  + "."+"html\">尾页</a>&nbsp;");
else
document.write("&nbsp;尾页&nbsp;");
 //跳转页数脚本开始
 document.write(" 转到 <input type='text' id='itemNum' size='5' style='height:15px; width:33px' />&nbsp;<input type='button' value='GO' onClick='goto();' />");
 var itemNum=document.getElementById("itemNum").value=currentPage+1;
 function goto(){
 var itemNum=document.getElementById("itemNum").value;
 if(itemNum>1&&itemNum<=countPage){
   window.navigate("index_"+(itemNum-1)+".html");
}
else if(itemNum==1){
   window.navigate("index.html");
}
else{
alert("输入的数字不在页数范围内！");
}
}
 //跳转页数脚本结束
"""


def _page(kit: Kit, slug: str, name: str, rows: list[tuple[str, date, str]], page: int, pages: int) -> str:
    """One list page; ``rows`` are (href as written, shown date, title)."""
    menu = "".join(f"""
		    <tr>
			<td width="19"><img src="../../images/gl_ico.jpg"></td>
			<td width="136"><a href="{'./' if s == slug else f'../{s}/'}" target="_self">{t}</a></td>
		    </tr>""" for s, t in MENU)
    items = "".join(f"""
			  <tr valign="top" style="padding-bottom:10px;">
				<td width="25" style="padding-top:10px;"><img src="../../images/ico2.jpg"></td>
				<td width="550">
					<a href="{href}">{kit.esc(t)}</a>
				</td>
				<td>
					{d:%Y-%m-%d}
				</td>
			  </tr>

""" for href, d, t in rows)
    tops = [("../../zjegb/", "走进恩格贝"), ("../../tzegb/", "投资恩格贝"), ("../../lyegb/", "旅游恩格贝"), ("../../stjj/scy/", "沙产业"),
            ("../../stjj/xny/", "新能源")]
    memu = "".join(f"""
	<td class="td3">
		<a href="{u}">{t}</a>
	</td>
	<td><img src="../../images/menu_line.jpg"></td>""" for u, t in tops)
    pager = PAGER.replace("__CUR__", str(page)).replace("__COUNT__", str(pages))
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>鄂尔多斯恩格贝生态示范区</title>
<link href="../../images/gl.css" type="text/css" rel="stylesheet" />
</head>

<body onload="scrollTo(document.body.scrollWidth/5.5,0)">
<script>
function submitA(){{
		var channelid=document.getElementById("channelid");
		channelid.value="214851";
        frmSearch.action="{EGB}/was40/search?channelid=214851";
        frmSearch.submit();
  }}
  </script>
<table width="1006" border="0" cellspacing="0" cellpadding="0" align="center">
  <tr>
    <td id="top" align="center" style="height:270px;">

		 	<div class="TRS_Editor"><embed width="1014" height="282" src="../../fzlm/top_falsh/201901/W020190119000000000001.swf" type="application/x-shockwave-flash" scale="ShowAll" play="true" loop="true" menu="true" wmode="Transparent" quality="1" mediatype="flash" oldsrc="W020190119000000000001.swf"></div>

	</td>
  </tr>
</table>
<table width="1006" border="0" cellspacing="0" cellpadding="0" id="memu" align="center" \\>
  <tr>

        <td class="td1">
	         <a href="../../">首页</a>
	</td>
	<td><img src="../../images/menu_line.jpg"></td>
	<td class="td3">
		<a href="../">信息公开</a>
	</td>
	<td><img src="../../images/menu_line.jpg"></td>{memu}

  </tr>
</table>
<table width="1006" border="0" cellspacing="0" cellpadding="0" align="center">
  <tr>
    <td><img src="../../images/s_bj.jpg"></td>
  </tr>
</table>
<table width="1006" border="0" cellspacing="0" cellpadding="0" align="center" bgcolor="#FFFFFF">
  <tr>
        <td width="98" class="weather" style="padding-left:18px;">天气预报：</td>
	<td width="373" align="left">

<iframe allowtransparency="true" frameborder="0" width="317" height="28" scrolling="no" src="http://tianqi.2345.com/plugin/widget/index.htm?s=3&amp;z=1&amp;t=1&amp;c=60976&amp;w=317&amp;h=28&amp;align=left"></iframe>

	</td>
      <td width="84">站内搜索：</td>
	<form name="frmSearch" action="{EGB}/was40/search" target="_blank" onsubmit="javascript:return setSearchword(this);">
    <td width="300" valign="middle"><input type="text" name="searchword" id="input_t" />
          <input type="hidden" name="channelid" id="channelid" /></td>
    <td width="54" valign="middle"><img src="../../images/ss_btn.jpg" onclick="submitA();" style="cursor:hand;" /></td>
	</form>
        <td width="70"><img src="../../images/gs_btn.jpg" onclick="javascript:window.open('{EGB}/was40/searchtemplet/egb_gj.jsp','_blank');" style="cursor:hand;" /></td>
       <!--<td width="159"><a href="http://mail.ordos.gov.cn/"><img src="../../images/email.jpg" /></a></td>-->
  </tr>
</table>
<table width="1006" border="0" height="875" cellspacing="0" cellpadding="0" class="mag1" align="center">
  <tr>
    <td align="center" bgcolor="#e1f1ff" width="253" valign="top">
    <table width="220" border="0" cellspacing="0" cellpadding="0">
	  <tr>
		<td><img src="../../images/xx_tit.jpg"></td>
	  </tr>
	  <tr>
		<td style="background:url(../../images/g_lbj.jpg) repeat-y;" align="center">
		<table width="155" border="0" cellspacing="0" cellpadding="0" class="gl_left">{menu}

		</table>

		</td>
	  </tr>
	  <tr>
		<td><img src="../../images/g_ldb.jpg"></td>
	  </tr>
	</table>

	</td>
    <td bgcolor="#FFFFFF" valign="top">
	<table width="752" border="0" cellspacing="0" cellpadding="0" style="margin-bottom:5px;">
	  <tr>
		<td><img src="../../images/xx_tiao.jpg"></td>
	  </tr>
	</table>
     <table width="752" height="761" border="0" cellpadding="0" cellspacing="0" class="bor">
	  <tr>
		<td class="pos" height="27">您现在的位置是：
			<a href="../../" title="首页" class="CurrChnlCls">首页</a>&nbsp;&gt;&gt;&nbsp;<a href="../" title="信息公开" class="CurrChnlCls">信息公开</a>&nbsp;&gt;&gt;&nbsp;<a href="./" title="{name}" class="CurrChnlCls">{name}</a>
		</td>
	  </tr>
	  <tr>
		<td height="678" valign="top">
		<table width="682" border="0" cellspacing="0" cellpadding="0" class="gl_list">
{items}
		</table>

		</td>
	  </tr>
	  <tr>
		<td height="572" class="page">
                     <script language="JavaScript" type="text/javascript">
{pager}</script>
                </td>
	  </tr>
	</table>

	</td>
  </tr>
</table>
<table width="1006" border="0" cellspacing="0" cellpadding="0" height="136" id="down" align="center">
  <tr>
    <td align="center"><table width="684" height="91" border="0" cellpadding="0" cellspacing="0" class="about" style="margin-top:18px;">
  <!--<tr>
    <td width="609" align="center"><a href="../../dbdh/gywm/" >关于我们</a> | <a href="../../dbdh/lxwm/" >联系我们</a> |
      </td>
  </tr>-->
  <tr>
    <td align="center">主办：鄂尔多斯市恩格贝生态示范区管委会　<a href="../../wzdt/" target="_blank">网站地图</a> <script src="http://s17.cnzz.com/stat.php?id=2896628&amp;web_id=2896628&amp;show=pic" language="JavaScript"></script>   |  <a href="../../dbdh/lxwm/">联系我们</a> </td>
  </tr>
  <tr>
    <td align="center">违法和不良信息举报电话：0477-0000000(工作时间)&nbsp;&nbsp;邮箱：egb@ordos.gov.cn <br />
      　
      建议使用：1024×768分辩率 真彩32位浏览 <font color="#000000">网站标识码：1506000140</font></td>
  </tr>
  <tr>
    <td align="center">　中文域名：鄂尔多斯市恩格贝生态示范区管理委员会.政务&nbsp;<a href="http://www.beian.miit.gov.cn/" target="_blank"> 蒙ICP备13001412号-2</a>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;<br />
        <img src="../../images/W020190117000000000002.png" style="float:center;"/><a target="_blank" href="http://www.beian.gov.cn/portal/registerSystemInfo" style="color: #000000;text-decoration: none;">&nbsp;&nbsp;&nbsp;蒙公网安备 15062102000168号</a> </td>
  </tr>
  <tr>
    <td align="center"><script type="text/javascript">document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E"));</script>
    </td>
    <td width="96"> <script id="_jiucuo_" sitecode="1506000140" src="http://pucha.kaipuyun.cn/exposure/jiucuo.js"></script> </td>
  </tr>
</table></td>
  </tr>
</table>

</body>
</html>"""


def _column(kit: Kit, case: str, slug: str, name: str, docs: list[tuple[date, date, str]], note: str) -> None:
    """``docs``: (shown date, URL date, title), in list order. Writes index.html,
    index_1.html … (ten a page) and labels the column."""
    base = f"{EGB}/xxgk/{slug}/"
    rows: list[Row] = []
    written: list[tuple[str, date, str]] = []
    docid = 3105000 + 9000 * [s for s, _ in MENU].index(slug)
    for shown, url_day, title in docs:
        docid -= kit.rng.randint(40, 9000)
        path = f"{url_day:%Y%m}/t{url_day:%Y%m%d}_{docid}.html"
        written.append((f"./{path}", shown, title))
        rows.append((f"{base}{path}", shown, title))
    chunks = [written[i:i + PER] for i in range(0, len(written), PER)] or [[]]
    for p, chunk in enumerate(chunks):
        kit.write(f"{base}{'index' if p == 0 else f'index_{p}'}.html", _page(kit, slug, name, chunk, p, len(chunks)))
    kit.column(case, name, f"{base}index.html", rows, len(chunks), note=note)


def _plain(kit: Kit, n: int, newest: date, step: int, lag_every: int = 0) -> list[tuple[date, date, str]]:
    """``n`` documents going back from ``newest``; every ``lag_every``-th one was put on the
    site (its URL date) some days after the date it shows."""
    out = []
    for i, d in enumerate(kit.dates(n, newest, step)):
        lag = timedelta(days=kit.rng.randint(3, 40)) if lag_every and i % lag_every == lag_every - 1 else timedelta(0)
        out.append((d, d + lag, kit.title(d.year)))
    return out


def build(kit: Kit) -> None:
    kit.start_portal("ordos-egb", "鄂尔多斯恩格贝生态示范区（模型）", SOURCE, "county", "TRS", None)

    # 信息公开年报: annual reports mixed with news; four shown dates earlier than their URL dates
    nb: list[tuple[date, date, str]] = []
    plan = [(date(2020, 8, 28), None, "report"), (date(2020, 5, 12), None, "news"), (date(2020, 3, 17), None, "report"),
            (date(2019, 6, 21), None, "news"), (date(2019, 5, 28), None, "report"), (date(2019, 5, 28), None, "report"),
            (date(2018, 3, 30), date(2018, 11, 6), "news"), (date(2018, 1, 9), date(2018, 11, 6), "news"),
            (date(2017, 3, 27), date(2018, 5, 22), "news"), (date(2017, 1, 11), date(2018, 2, 6), "news"),
            (date(2017, 1, 6), None, "report"), (date(2016, 4, 19), None, "report"), (date(2015, 12, 2), date(2016, 1, 8), "news"),
            (date(2015, 3, 30), None, "report")]
    units = ["恩格贝生态示范区管委会", "示范区管委会办公室", "示范区", "示范区党政办公室"]
    for k, (shown, url_day, kind) in enumerate(plan):
        title = (f"{units[k % len(units)]}{shown.year - 1}年政府信息公开工作年度报告" if kind == "report"
                 else kit.title(shown.year))
        nb.append((shown, url_day or shown, title))
    _column(kit, "egb-xxgknb", "xxgknb", "信息公开年报", nb,
            "TRS tables: gl_list rows (icon td, title td, date td), inline document.write pager (countPage=2)")
    _column(kit, "egb-zfcg", "zfcg", "政府采购", _plain(kit, 23, kit.ago(3), 11, lag_every=5),
            "TRS tables, fresh, three pages by the inline pager script")
    _column(kit, "egb-rsxx", "rsxx", "人事信息", _plain(kit, 8, kit.ago(150), 40),
            "TRS tables, one page (countPage=1)")
    _column(kit, "egb-yjgl", "yjgl", "应急管理", _plain(kit, 31, date(2024, 10, 16), 19, lag_every=7),
            "TRS tables, stale, four pages by the inline pager script")
