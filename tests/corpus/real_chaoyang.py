"""共青团北京市朝阳区委员会 — 青春朝阳网 (www.qccy.org.cn), a home-made ASP.NET WebForms site.

Studied: bkichen/qccy_org_cn, commit 3356c1d54d66ce27a16a68a320e56a0b04544e6e (a mirror on the
expired domain that saved ``Default.aspx`` as ``Default.html`` and ``Detail.aspx?mark=…`` as
``Detail-….html``; its detail pages' form action keeps the real ``./Detail.aspx?mark={16 hex}``):
notice/Default.html (通知公告, page 1 of 25), news/Default.html (团委动态) and file/Default.html
(团区委文件); notice/Detail-05E18E8B63815C20.html for the article URL and the AspNetPager comment
left when a list fits on one page.

Reproduced: the whole page is ONE ``<form method="post" action="./Default.aspx" id="form1">`` with
the ``aspNetHidden`` inputs (__EVENTTARGET, __EVENTARGUMENT, __VIEWSTATE, __VIEWSTATEGENERATOR,
__EVENTVALIDATION — our own short values) and the ``__doPostBack`` script; ``<title>`` is only
"青春朝阳网"; the "CUI QCCY … PENG" template comments; ``div.indexTop > div.indexTopMenu > ul``
(10 menu items, ``li.wd`` and ``li.r``), a "今天是：" date written by script, the flash banner, the
站内搜索 box (``ctl00$txtSearch`` and a postback button), ``div.indexcpContent > div.indexcpLeft``
with the breadcrumb ``div.noticeListTit`` "首页>> 通知公告" and ``div.noticeList`` holding an
``<h3>`` heading and the list ``<ul>`` of ``<li><a href='Detail.aspx?mark=…'>·title</a>
<span>[YYYY-MM-DD]</span></li>`` (a middle dot opens every title, inside the link; one title cut
by the CMS with no ellipsis and no title attribute), then ``<center></center>`` and ``div.page``
with the AspNetPager V6.0.0 block: 第一页/上一页 as disabled ``<a disabled="true">``, the current
number as ``span.cpb``, numbers in groups of 4, "..." to the next group, 下一页, 最后一页 — every
link a ``javascript:__doPostBack('ctl00$ContentPlaceHolder1$anpPageIndex','n')``: page 2 has NO
URL, it is the answer to a form POST. The right column ``div.indexcpRight`` (nested twice, as the
included control does) holds image links only (相关链接). 团区委文件 is not sorted by date (two
inversions). 基层信息 fits on one page: the pager is hidden and only AspNetPager's comment says so.

Labelling choice: a reader following links reaches page 1 only; later pages need the form posted
back (``__EVENTTARGET``/``__EVENTARGUMENT`` with the page's ``__VIEWSTATE``), so each column is
labelled with its page 1 (``pages=1``). The postback answers ARE served (routes keyed by the
posted form fields, as a browser submits them: the demo server answers a form POST as a GET with
the fields in the query), so an extractor that learns postbacks will find more items than the
labels hold; the labels must then be extended to every page.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import date
from urllib.parse import urlencode

from kit import Kit, Row

SOURCE = ("bkichen/qccy_org_cn@3356c1d54d66ce27a16a68a320e56a0b04544e6e: notice/Default.html, news/Default.html, "
          "file/Default.html, notice/Detail-05E18E8B63815C20.html (mirror of qccy.org.cn)")
ROOT = "/qccy"
PER, BUTTONS = 20, 4
PAGER_ID = "ctl00$ContentPlaceHolder1$anpPageIndex"
MENU = [("../Default.aspx", "首 页", ""), ("../notice/Default.aspx", "通知公告", ""), ("../news/Default.aspx", "团委动态", ""),
        ("../dw/Default.aspx", "党务公开", ""), ("../org2/tqw.aspx", "组织机构", ""), ("../primary/Default.aspx", "基层信息", ""),
        ("../online/Default.aspx", "网上团校", ""), ("../magazine/Default.aspx", "电子刊物", ""),
        ("../file/Default.aspx", "团区委文件", "wd"), ("../CYQN/Default.aspx", "青年视频", "r")]


def _token(prefix: str, *parts: object) -> str:
    raw = hashlib.sha1("|".join(map(str, parts)).encode()).digest()[:15]
    return prefix + base64.b64encode(raw).decode().replace("+", "A").replace("/", "B")


def _state(slug: str, page: int) -> dict[str, str]:
    """The hidden fields a page's form carries (the view state says which page it shows)."""
    return {"__VIEWSTATE": _token("/wEPDwUKMTM4NjMx", slug, page), "__VIEWSTATEGENERATOR": "3D342507",
            "__EVENTVALIDATION": _token("/wEdAAP", slug, "ev")}


def _postback(slug: str, from_page: int, to_page: int) -> str:
    """The route a browser's form POST reaches: every named input of the form, as submitted."""
    fields = {"__EVENTTARGET": PAGER_ID, "__EVENTARGUMENT": str(to_page), **_state(slug, from_page), "ctl00$txtSearch": ""}
    return f"{ROOT}/{slug}/Default.aspx?" + urlencode(sorted(fields.items()))


def _pager(page: int, pages: int) -> tuple[str, list[int]]:
    """AspNetPager V6.0.0's markup and the pages its links post back to."""
    if pages <= 1:
        return ("\n<!-- AspNetPager V6.0.0 for VS2005  Copyright:2003-2006 Webdiyer (www.webdiyer.com) -->\n"
                "<!--记录总数只有一页，AspNetPager已自动隐藏，若需在只有一页数据时显示AspNetPager，请将AlwaysShow属性值设为true！-->\n"
                "<!-- AspNetPager V6.0.0 for VS2005 End -->\n"), []
    targets: list[int] = []

    def link(n: int, label: str, styled: bool = True) -> str:
        targets.append(n)
        style = ' style="margin-right:5px;"' if styled else ""
        return f'<a href="javascript:__doPostBack(&#39;{PAGER_ID}&#39;,&#39;{n}&#39;)"{style}>{label}</a>'

    def off(label: str) -> str:
        return f'<a disabled="true" style="margin-right:5px;">{label}</a>'

    out = [off("第一页"), off("上一页")] if page == 1 else [link(1, "第一页"), link(page - 1, "上一页")]
    start = (page - 1) // BUTTONS * BUTTONS + 1
    end = min(start + BUTTONS - 1, pages)
    if start > 1:
        out.append(f'<span style="margin-right:5px;">{link(start - 1, "...", False)}</span>')
    for n in range(start, end + 1):
        out.append(f'<span class="cpb" style="margin-right:5px;">{n}</span>' if n == page else link(n, str(n)))
    if end < pages:
        out.append(f'<span style="margin-right:5px;">{link(end + 1, "...", False)}</span>')
    out += [off("下一页"), off("最后一页")] if page == pages else [link(page + 1, "下一页"), link(pages, "最后一页")]
    return ("\n<!-- AspNetPager V6.0.0 for VS2005  Copyright:2003-2006 Webdiyer (www.webdiyer.com) -->\n"
            f'<div id="ContentPlaceHolder1_anpPageIndex">\n\t{"".join(out)}\n</div>\n'
            "<!-- AspNetPager V6.0.0 for VS2005 End -->\n"), sorted(set(targets))


def _page(kit: Kit, slug: str, name: str, rows: list[tuple[str, date, str]], page: int, pages: int) -> str:
    st = _state(slug, page)
    menu = "\n".join(
        f'                    <li{f" class={chr(34)}{cls}{chr(34)}" if cls else ""}><a href="{href}" target="_blank"'
        f'{" style=" + chr(34) + "margin-left: 3px;" + chr(34) if cls == "wd" else ""}>{label}</a></li>'
        for href, label, cls in MENU)
    items = "".join(f"""
          
                 <li><a href='{href}'>{kit.esc(t)}</a><span>[{d:%Y-%m-%d}]</span></li>
              """ for href, d, t in rows)
    pager, _ = _pager(page, pages)
    return f"""

<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">

<html xmlns="http://www.w3.org/1999/xhtml">
<head>
    <meta charset="utf-8"><title>
	青春朝阳网
</title><link href="../Styles/main-1.2.css" rel="stylesheet" type="text/css">

     <style>
       .indexTopMenu ul li {{
           width: 65px !important;
       }}
       .indexTopMenu ul li.wd {{
	width:80px !important;
}}
   </style>
   <meta http-equiv="X-UA-Compatible" content="IE=8">
</head>
<body>
    <form method="post" action="./Default.aspx" id="form1">
<div class="aspNetHidden">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="">
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{st['__VIEWSTATE']}">
</div>

<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['form1'];
if (!theForm) {{
    theForm = document.form1;
}}
function __doPostBack(eventTarget, eventArgument) {{
    if (!theForm.onsubmit || (theForm.onsubmit() != false)) {{
        theForm.__EVENTTARGET.value = eventTarget;
        theForm.__EVENTARGUMENT.value = eventArgument;
        theForm.submit();
    }}
}}
//]]>
</script>


<div class="aspNetHidden">

	<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="{st['__VIEWSTATEGENERATOR']}">
	<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="{st['__EVENTVALIDATION']}">
</div>
        <!-- CUI QCCY -- indexTop -- START PENG -->
        <div class="indexTop">
            <!-- CUI QCCY -- indexTopMenu -- START PENG -->
            <div class="indexTopMenu">
                <ul>
{menu}
                </ul>
            </div>
            <!-- CUI QCCY -- indexTopMenu -- END PENG -->


            <!-- CUI QCCY -- indexTopDate -- START PENG -->
            <div class="indexTopDate">
                今天是：<script type="text/javascript">
                        var date = new Date();
                        document.write(date.getFullYear() + "年");
                        document.write((date.getMonth() + 1) + "月");
                        document.write(date.getDate() + "日&nbsp;&nbsp;");
                        var week = date.getDay();
                        document.write("星期" + "天一二三四五六".charAt(week));
                </script>
            </div>
            <!-- CUI QCCY -- indexTopDate -- END PENG -->
            <div style="position: fixed; float: right; margin-left: 1000px; margin-top: 270px">
                <img src="../images/douyin.jpg" style="width:132px;height:198px">
            </div>

        </div>
        <!-- CUI QCCY -- indexTop -- START END -->



        <!-- CUI QCCY -- indexTop -- START PENG -->
        <div class="indexBanner">
            <object classid="clsid:D27CDB6E-AE6D-11cf-96B8-444553540000" width="1000" height="191">
                <param name="movie" value="/images/BannerNew.swf">
                <param name="wmode" value="transparent">
                <embed src="../images/BannerNew.swf" quality="high" type="application/x-shockwave-flash" width="1000" height="191">
            </object>
        </div>
        <!-- CUI QCCY -- indexTop -- END PENG -->



        <!-- CUI QCCY -- indexSearch -- START PENG -->
        <div class="indexUnBannder">

            <!-- CUI QCCY -- search -- START PENG -->
            <div class="search">
                <span class="siteSearch">站内搜索：</span>
                <span style="height: 20px;">
                    <input name="ctl00$txtSearch" type="text" id="txtSearch" class="searchInfo">&nbsp;<input onclick="__doPostBack('ctl00$btnSearch','')" name="ctl00$btnSearch" type="button" id="btnSearch" value="搜索" class="searchButton"></span>
            </div>
            <!-- CUI QCCY -- search -- END PENG -->

            <!-- CUI QCCY -- indexLink -- START PENG -->
            <div class="indexLink">
                
            </div>
            <!-- CUI QCCY -- indexLink -- END PENG -->

        </div>
        <!-- CUI QCCY -- indexSearch -- END PENG -->
        
<!-- CUI QCCY -- indexcpContent -- START PENG -->
<div class="indexcpContent">

  <!-- CUI QCCY -- indexcpLeft -- START PENG -->
  <div class="indexcpLeft">
    <div class="noticeListTit"><a href="../Default.aspx">首页</a>>> {name}</div>
    <div class="noticeList">
      <h3>{name}</h3>
      <ul>{items}
      </ul>
      <center></center>
      <div class="page">
      {pager}

      </div>
    </div>
    
    <div class="cuiclearpeng"></div>
  </div>
  <!-- CUI QCCY -- indexcpLeft -- END PENG -->
  
  <!-- CUI QCCY -- indexcpRight -- START PENG -->
  <div class="indexcpRight">
    
<!-- CUI QCCY -- indexcpRight -- START PENG -->
<div class="indexcpRight">
 <div class="indexcpRight02">
        <a href="../QL/Default.aspx" target="_blank">
            <img src="../images/qinglian.jpg">
        </a> 
       <a href="../YQW/Default.aspx" target="_blank">
            <img src="../images/xxwbz.jpg">
       </a>
    </div>
    
    <div class="indexcpRight01">
        <h2 style="margin: 0 0 4px 0;">
            相关链接</h2>
        <a href="http://www.bjyouth.gov.cn/" target="_blank">
            <img src="../images/L01.jpg"></a> <a href="http://www.ccyl.org.cn/" target="_blank">
                <img src="../images/L02.jpg"></a> <a href="../index2.aspx" target="_blank">
                    <img src="../images/L03.jpg"></a> <a href="../AdminLogin.aspx" target="_blank">
                        <img src="../images/links-management.jpg"></a>
    </div>

    <div class="cuiclearpeng">
    </div>
</div>
<!-- CUI QCCY -- indexcpRight -- END PENG -->

    <div class="cuiclearpeng"></div>
  </div>
  <!-- CUI QCCY -- indexcpRight -- END PENG -->
  
  <div class="cuiclearpeng"></div>
</div>
<!-- CUI QCCY -- indexcpContent -- END PENG -->

<div class="indexBottom">
共青团北京市朝阳区委员会（模型）&nbsp;京公网安备:110105000000<br>
地址:北京市朝阳区（模型）     邮编:100020
</div>

</form>

</body>
</html>"""


def _column(kit: Kit, case: str, slug: str, name: str, dates: list[date], note: str, *, cut: int | None = None) -> None:
    rows = []
    for k, d in enumerate(dates):
        mark = f"{kit.rng.getrandbits(64):016X}"
        title = "·" + kit.title(d.year)
        if k == cut:  # cut by the CMS at a fixed length: no ellipsis, no title attribute
            head, tail = "·" + kit.title(d.year) + "暨", kit.title()
            title = head + tail[:len(tail) // 2]  # ends mid-word
        rows.append((mark, d, title))
    chunks = [rows[i:i + PER] for i in range(0, len(rows), PER)]
    pages = len(chunks)
    for p, chunk in enumerate(chunks, start=1):
        shown = [(f"Detail.aspx?mark={m}", d, t) for m, d, t in chunk]
        html = _page(kit, slug, name, shown, p, pages)
        if p == 1:
            kit.write(f"{ROOT}/{slug}/Default.aspx", html)
    for p in range(1, pages + 1):  # each postback the page's pager offers, answered
        for target in _pager(p, pages)[1]:
            chunk = chunks[target - 1]
            shown = [(f"Detail.aspx?mark={m}", d, t) for m, d, t in chunk]
            kit.write(_postback(slug, p, target), _page(kit, slug, name, shown, target, pages))
    first: list[Row] = [(f"{ROOT}/{slug}/Detail.aspx?mark={m}", d, t) for m, d, t in chunks[0]]
    kit.column(case, name, f"{ROOT}/{slug}/Default.aspx", first, 1, note=note + (
        f"; {pages} list pages but pages 2-{pages} answer only an ASP.NET form postback (__doPostBack): "
        "labelled page 1, what links reach" if pages > 1 else "; one page, AspNetPager hidden"))


def build(kit: Kit) -> None:
    kit.start_portal("qccy", "共青团北京市朝阳区委员会（模型）", SOURCE, "other", "ASP.NET WebForms (home-made, AspNetPager)",
                     "http://www.qccy.org.cn/")
    common = "ASP.NET form page, div.noticeList > ul > li: ·title link then [YYYY-MM-DD] span"
    _column(kit, "qccy-tzgg", "notice", "通知公告", kit.dates(88, kit.ago(19), 16), common, cut=7)
    _column(kit, "qccy-twdt", "news", "团委动态", kit.dates(47, kit.ago(4), 8), common)
    # 团区委文件: yearly papers, two inversions (a summary posted before the next year's plan)
    files = kit.dates(34, date(2025, 2, 18), 60)
    files[4], files[5] = files[5], files[4]
    files[16], files[17] = files[17], files[16]
    _column(kit, "qccy-tqwwj", "file", "团区委文件", files, common + "; not sorted (two inversions)")
    _column(kit, "qccy-jcxx", "primary", "基层信息", kit.dates(13, date(2024, 9, 12), 25), common)
