"""A county government portal on EmpireCMS (帝国CMS): 柘城县人民政府 (www.zhecheng.gov.cn).

Studied: viistar/testHtml at its first commit 7aa89516be59d9d3602c41d12958c7a054200c33 (an
HTTrack mirror of the site, July 2018; a later commit deleted it): xxgk/xxgkml/gsgg/index.html
and index_2.html (公示公告, pages 1 and 2 of 23), xxgk/xxgkml/zfwj/index.html (政府文件) and
hdjl/hfjs/index.html (党风政风热线). HTTrack's renamings (``index2522.html?link=zwgk``) and the
absolute links it left for pages it did not fetch are not reproduced; the nav uses the site's
own ``/index.html?link=…`` shape, as the unfetched links on page 2 show it.

Reproduced: the ``<body class="body_bg">`` skeleton with its included header and footer (each
starting with a stray ``<meta charset>``), ``div.header > div.link`` top links, the two copies
of the main nav (``div.mainnav_mobile`` and ``div.mainnav.home_mainHd``), a ``div.curmb``
breadcrumb ("当前位置：首页 > 信息公开 > 政府信息公开目录 > …" with a stray ``</span>``), the
left ``div.sideBar`` whose ``ul.sideMenu#sidemenu0`` of ``li.level_1`` links is hidden
(``display:none``) until a script shows it (the script still names a wrong channel, 图片新闻),
and the list ``div.pageMain.clearfix > div.mainContent > div.news_list > ul > li`` of
``<a href>title</a><span class="time">\\n  YYYY-MM-DD\\n </span>`` rows, article URLs
``{column}/{YYYY-MM-DD}/{id}.html`` whose date folder is the day the article was put on the
site, NOT the shown date. The EmpireCMS pager bar (``<a title="Total record"><b>N</b></a>``,
numbered links, 下一页, 尾页; pages ``index_2.html`` …) sits INSIDE the ``<ul>`` after the last
``<li>``, an empty ``div.pagediv#page_div`` follows.

Ordering quirks of the real pages: 公示公告 opens with two older items above the newest (no
pin marker), lists notices twice under two ids (same title, same date), and has titles that
hold a different date ("停电公告2025年07月02日" shown 2025-06-30); 政府文件 aggregates two
sub-columns (``xzfwj/zzb/…``, ``xzfwj/zz/…``) and lists re-imported documents twice with
different shown dates; 党风政风热线 titles START with a broadcast date in Chinese
("2025年6月24日  党风政风热线  节目回放", sometimes "2025年 6月7日") that is not the
publish date, and several replays share one upload date. 政策解读 is a short stale column whose
pager bar shows only page 1.
"""

from __future__ import annotations

from datetime import date, timedelta

from kit import Kit, Row

SOURCE = ("viistar/testHtml@7aa89516be59d9d3602c41d12958c7a054200c33: xxgk/xxgkml/gsgg/index.html, "
          "xxgk/xxgkml/gsgg/index_2.html, xxgk/xxgkml/zfwj/index.html, hdjl/hfjs/index.html (HTTrack mirror, 2018)")
XXGK_MENU = [("41", "zfld2", "政府领导"), ("13", "zcjd", "政策解读"), ("537", "zfwj", "政府文件"), ("15", "ldjh", "领导讲话"),
             ("16", "zyhy", "重要会议"), ("18", "tjsj", "统计数据"), ("19", "fzgh", "发展规划"), ("20", "yjgl", "应急管理"),
             ("569", "/gzjg/", "工作机构"), ("21", "gsgg", "公示公告")]
ZFWJ_MENU = [("538", "xzfwj/", "县政府文件"), ("567", "http://www.shangqiu.gov.cn/", "市政府文件"),
             ("568", "http://www.henan.gov.cn/zwgk/fgwj/", "省政府文件"), ("543", "http://www.gov.cn/zhengce/xxgkzl.htm", "国务院文件")]
HDJL_MENU = [("45", "/e/letter/", "县长信箱"), ("46", "/e/letter/?dept=1", "部门信箱"),
             ("47", "http://henan.12388.gov.cn/", "投诉举报"), ("48", "http://wsxfdt.hnxf.gov.cn/", "阳光信访"),
             ("52", "hfjs/", "行风热线"), ("53", "yjzj/", "意见征集")]
NAV = [("ywdt", "要闻动态", "nav1", 0), ("zwgk", "信息公开", "nav2", 1), ("bsfw", "政务服务", "nav3", 2),
       (None, "工作机构", "nav7", None), ("hdjl", "互动交流", "nav4", 3), ("zjzc", "柘城概况", "nav6", 5)]


def _nav(mobile: bool) -> str:
    out = []
    for link, label, cls, idx in NAV:
        href = "/gzjg/index.html" if link is None else f"/index.html?link={link}"
        if mobile:
            out.append(f'                <li><a href="{href}" >{label}</a></li>')
        else:
            attrs = f"data-index='{idx}' class=\"{cls} navslide\"" if idx is not None else f'class="{cls}"'
            out.append(f'            <li {attrs}><a href="{href}" ><i></i><b>{label}</b></a></li>')
    return "\n".join(out)


def _menu(entries: list[tuple[str, str, str]], base: str) -> str:
    out = []
    for mid, target, label in entries:
        href = target if target.startswith(("http", "/")) else (
            f"{base}{target}" if target.endswith("/") else f"{base}{target}/index.html")
        out.append(f"""<li class="level_1"><a class="a1" id="menuId_{mid}" href="{href}" >
                       {label}
                        </a></li>""")
    return "\n".join(out)


def _pager_bar(base: str, page: int, pages: int, total: int) -> str:
    def url(p: int) -> str:
        return f"{base}index.html" if p == 1 else f"index_{p}.html"
    parts = [f'<a title="Total record">&nbsp;<b>{total}</b> </a>&nbsp;&nbsp;']
    if page > 1:
        parts.append(f'<a href="{base}index.html">首页</a>&nbsp;<a href="{url(page - 1) if page > 2 else base + "index.html"}">上一页</a>&nbsp;')
    else:
        parts.append("&nbsp;")
    nums = []
    for p in range(1, min(pages, 10) + 1):
        nums.append(f"<b>{p}</b>" if p == page else f'<a href="{url(p)}">{p}</a>')
    parts.append("&nbsp;".join(nums))
    if page < pages:
        parts.append(f'&nbsp;<a href="{url(page + 1)}">下一页</a>&nbsp;<a href="{url(pages)}">尾页</a>')
    return f'<div style="text-align:center;">{"".join(parts)}</div>'


def _page(kit: Kit, base: str, name: str, trail: list[tuple[str, str]], menu: str, code: str, rows: list[Row],
          page: int, pages: int, total: int, target: bool) -> str:
    tgt = '  target="_blank"  ' if target else " "
    items = "".join(f"""
<li>
                            <a href="{u[len(base):]}"{tgt}>{kit.esc(t)}</a>
                            <span class="time">
                          {d:%Y-%m-%d}
                            </span> </li>
""" for u, d, t in rows)
    crumbs = "&nbsp;>&nbsp;".join(f'<a href="{h}">{n}</a>' for h, n in [("/index.html", "首页")] + trail)
    return f"""<!doctype html>
<html>

<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1" />
<meta name="viewport" content="width=device-width, initial-scale=1.0, maximum-scale=1.0, user-scalable=0">
<title>{name}</title>
<meta name="keywords" content="" />
<meta name="description" content="" />
<link rel="stylesheet" type="text/css" href="/skin/css/css/common.css"  />
<link rel="stylesheet" type="text/css" href="/skin/css/css/column_innerpage.css"  />
<script type="text/javascript" src="/skin/css/js/jquery-1.9.1.min.js" ></script>
<script src="/skin/css/js/sidemenu.js" ></script>
<script>
	var codeName = "{code}";
</script>
</head>

<body class="body_bg">
<!--header Start--> 
<meta charset="utf-8">
<div class="header">
	<div class="header_bg"></div>
	 <div class="xzs"><a href="http://jb.zhecheng.gov.cn/"  target="_blank" title="旧版本进去"><span>旧版本进入</span></a></div>
    <ul class="menu">

    </ul>
    <div class="link">
   <a href="http://www.gov.cn/"  target="_blank" >中国政府网</a>  |  <a href="http://www.henan.gov.cn/"  target="_blank" >河南政府网</a>  |  <a href="http://www.shangqiu.gov.cn/"  target="_blank" >商丘政府网</a>    </div>
</div>
<div class="container header2_container clearfix">
	<div class="header2">
        <div class="logo">
        	<img src="/skin/images/public/logo.png" >
            <span class="navtoggle"></span>
        </div>
           <div class="mainnav_mobile">
            <ul>
                <li class="nav0"><a href="/index.html" ><i></i><b>首页</b></a></li>
{_nav(True)}
            </ul>
        </div>
        <div class="search">
            <div class="ss">
           <form id="searchform" method="post" action="/e/search/index.php" name="searchform">
                <input name="show" value="title" type="hidden">
                <input class="ss_txt" name="keyboard" value="输入关键字" type="text">
                <input class="ss_btn" value="搜一下" type="submit">
</form>            </div>
        </div>
    </div>
    <div class="home_blankDiv"></div>
    <div class="mainnav home_mainHd">
       <ul>
            <li class="nav0"><a href="/index.html" ><i></i><b>首页</b></a></li>
{_nav(False)}
        </ul>
        <b class="mainnavbg"></b>
    </div>
</div>
<!--header End-->
<div class="container curmb_box">
    <div class="curmb"> 当前位置：
{crumbs}</span>

    </div>
</div>
<div class="container">
    <div class="pageMain clearfix">
        <div class="sideBar">
            <div class="parentName" id="sideTitle">网站导航</div>
            <ul class="sideMenu" id="sidemenu0" style="display:none">
                   {menu}
                   
            </ul>
            <ul class="sideMenu" id="sidemenu1" style="display:none">
            </ul>
            <!--  左侧频道列表板块用 Begin --> 
            <script>
            var parentChnlName="要闻动态";
            var currentChnlName="图片新闻";
                if (window.setLeftChnlTitle) {{ setLeftChnlTitle("sideTitle","sidemenu1"); }}
                document.getElementById("sidemenu0").style.display = "";
            </script> 
            <!--  左侧频道列表板块用 End --> 
        </div>
        <div class="mainContent">
            <div class="news_list">
                <ul>

                       {items}

{_pager_bar(base, page, pages, total)}              </ul>
                <!--page Start-->
                <div class="pagediv" id="page_div"></div>
                <!--page end--> 
            </div>
        </div>
    </div>
</div>

<!--footer Start--> 
<meta charset="utf-8">
<div class="footer">
       <div class="copyright" style="font-size:13px;"> 主办单位：柘城县人民政府办公室 <a href="/lxwm/index.html">联系我们 </a>  网站标识码：4114240009 网站备案：豫ICP备15000000号-1&nbsp;&nbsp;&nbsp;&nbsp;<a href="http://bszs.conac.cn/" target="_blank"><img src="/skin/images/dzjg.png" border="0"></a></div>
<div class="wzbs">
    </div>
</div>
<script type="text/javascript" src="/skin/css/js/common.js" ></script>
</body>

</html>"""


def _write(kit: Kit, base: str, name: str, trail, menu: str, code: str, rows: list[Row], per: int,
           target: bool) -> int:
    chunks = kit.paged(rows, per)
    for p, chunk in enumerate(chunks, 1):
        kit.write(f"{base}{'index' if p == 1 else f'index_{p}'}.html",
                  _page(kit, base, name, trail, menu, code, chunk, p, len(chunks), len(rows), target))
    return len(chunks)


def _id(kit: Kit, start: int) -> int:
    return start + kit.rng.randint(1, 40)


def build(kit: Kit) -> None:
    kit.start_portal("zhecheng", "柘城县人民政府（模型）", SOURCE, "county", "EmpireCMS", "http://www.zhecheng.gov.cn/")
    xxgk_trail = [("/index.html?link=zwgk", "信息公开"), ("/xxgk/xxgkml/index.html", "政府信息公开目录")]

    # 公示公告: 3 pages of 15; two older rows on top; notices listed twice; titles holding other dates
    base = "/xxgk/xxgkml/gsgg/"
    rows: list[Row] = []
    nid = 10200
    rows.append((f"{base}2025-03-28/48.html", date(2025, 3, 12), "县政府网站信息发布操作说明（附下载）"))
    rows.append((f"{base}2025-04-11/5855.html", date(2024, 11, 20), "县政府门户网站信息公开保密审查表"))
    ds = kit.dates(36, kit.ago(2), 4)
    i = 0
    while len(rows) < 40:
        d = ds[min(i, len(ds) - 1)]
        i += 1
        folder = d + timedelta(days=kit.rng.choice([0, 0, 1, 2]))
        if i % 5 == 0:  # an outage notice: its title names the outage day, two days after publication
            t = f"停电公告{(d + timedelta(days=2)):%Y年%m月%d日}"
        else:
            t = kit.title(d.year)
        nid = _id(kit, nid)
        rows.append((f"{base}{folder:%Y-%m-%d}/{nid}.html", d, t))
        if i % 4 == 0 and len(rows) < 40:  # imported twice under another id, same date
            rows.append((f"{base}{folder:%Y-%m-%d}/{nid + 306}.html", d, t))
    menu = _menu(XXGK_MENU, "/xxgk/xxgkml/")
    pages = _write(kit, base, "公示公告", xxgk_trail + [("index.html", "公示公告")], menu, "21", rows, 15, False)
    kit.column("zhecheng-gsgg", "公示公告", f"{base}index.html", rows, pages,
               note="EmpireCMS news_list: span.time after the link, pager bar inside the ul; two older rows on top, "
                    "duplicates, URL date folder differs from shown date, outage dates in titles")

    # 政府文件: 2 pages of 25, rows from two sub-columns, documents re-imported with other dates
    base = "/xxgk/xxgkml/zfwj/"
    rows = []
    ds = kit.dates(34, kit.ago(21), 6)
    nid = 6350
    for k, d in enumerate(ds):
        sub, who = ("zz", "柘城县人民政府") if k % 4 == 3 else ("zzb", "柘城县人民政府办公室")
        nid = _id(kit, nid)
        t = f"{who}{' ' if k == 9 else ''}关于{kit.title()}"
        rows.append((f"{base}xzfwj/{sub}/{kit.ago(19 - k % 2):%Y-%m-%d}/{nid}.html", d, t))
        if k in (8, 12, 16):  # the same document from an earlier import, shown with a later date
            rows.append((f"{base}xzfwj/{sub}/{kit.ago(20):%Y-%m-%d}/{160 + k}.html", d + timedelta(days=6), t))
    rows.sort(key=lambda r: r[1], reverse=True)
    menu = _menu(ZFWJ_MENU, base)
    pages = _write(kit, base, "政府文件", xxgk_trail + [("index.html", "政府文件")], menu, "537", rows, 25, True)
    kit.column("zhecheng-zfwj", "政府文件", f"{base}index.html", rows, pages,
               note="EmpireCMS news_list, 25 a page; parent column listing sub-column articles; re-imported duplicates")

    # 党风政风热线: 3 pages of 15; titles begin with the broadcast date, several replays share one upload date
    base = "/hdjl/hfjs/"
    rows = []
    aired = kit.ago(6)
    nid = 10300
    upload = kit.ago(3)
    for k in range(41):
        if k >= 6:
            upload = aired + timedelta(days=kit.rng.choice([0, 0, 1]))
        space = " " if k >= 6 else ""
        t = f"{aired.year}年{space}{aired.month}月{aired.day}日  党风政风热线  节目回放"
        nid = _id(kit, nid) if k < 6 else nid - kit.rng.randint(1, 5)
        rows.append((f"{base}{(upload + timedelta(days=kit.rng.choice([0, 2]))):%Y-%m-%d}/{nid}.html", upload, t))
        aired -= timedelta(days=kit.rng.choice([1, 2, 3, 4]))
    # one broadcast put up twice: a late copy above the regular one, shown with its own upload date
    rows.insert(6, (f"{base}{kit.ago(4):%Y-%m-%d}/7.html", kit.ago(4), rows[6][2]))
    rows.pop()
    menu = _menu(HDJL_MENU, "/hdjl/")
    trail = [("/index.html?link=hdjl", "互动交流"), ("index.html", "党风政风热线")]
    pages = _write(kit, base, "党风政风热线", trail, menu, "52", rows, 15, True)
    kit.column("zhecheng-hfjs", "党风政风热线", f"{base}index.html", rows, pages,
               note="EmpireCMS news_list; titles start with a Chinese broadcast date differing from the shown date")

    # 政策解读: one short stale page, pager bar with page 1 only
    base = "/xxgk/xxgkml/zcjd/"
    ds = kit.dates(6, date(2024, 12, 3), 40)
    rows = []
    nid = 3000
    for d in ds:
        nid = _id(kit, nid)
        rows.append((f"{base}{d:%Y-%m-%d}/{nid}.html", d, f"图解：{kit.title()}"))
    menu = _menu(XXGK_MENU, "/xxgk/xxgkml/")
    pages = _write(kit, base, "政策解读", xxgk_trail + [("index.html", "政策解读")], menu, "13", rows, 15, False)
    kit.column("zhecheng-zcjd", "政策解读", f"{base}index.html", rows, pages,
               note="EmpireCMS news_list, one page, stale")
