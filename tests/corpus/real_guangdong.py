"""Two Guangdong provincial sites on the province's NFCMS platform (南方报业 集约化平台).

广东省监狱管理局 (gdjyj.gd.gov.cn). Studied: blue124qq/stw_gd_cn (an expired-domain site that
bundles untouched mirrors of Guangdong government pages), commit e25f1bac4ba8739ac09fe900fa286ff156973690,
zwgkn/tzgg/index.html (通知公告, page 1 of 5) and ywgkn/jxjsgs/index.html (减刑假释公示, page 1
of 2). Reproduced: the ``<meta name="SiteName|SiteIDCode|ColumnName|ColumnType">`` block and the
``window.NFCMS_SITE_ID / NFCMS_CAT_ID`` script, the mobile redirect to ``mindex.html``, the
``div.top`` tool bar and ``div.dh > div.itm`` menu, the ``div.detailCon`` body with a ``div.pos``
breadcrumb (首页 > 政务公开 > 通知公告), a ``div.leftPanel`` that is EMPTY in the static page
and filled by ``$.ajax`` from ``/postmeta/i/{section}.json`` (the JSON the script calls is
written too: the section's children with ``id``, ``name``, ``pub_point``, ``jump_url``), the
list ``div.rightCon > ul.newList > li`` of ``<a href="content/post_{id}.html">…</a><span
class="time">YYYY-MM-DD</span>`` (no dates in the URLs), ``div.line`` and the NFCMS pager
``div.page`` of ``<a class="first|prev|current|normal|next|last">`` (page n is
``index_n.html``), and the ``div.foot`` with its 联系我们|网站背景|交通指引|网站地图 line and the
"leaving the site" dialog script. The hard case: 通知公告 has an older item PINNED above the
newer ones with no marker at all (the real page: 2020-01-15 above 2020-12-01…), so the first
row is not the newest; 减刑假释公示 titles carry batch and number ranges ("2016年第5批1987-2436号")
that look like years. The mirror's ``javascript:;`` hrefs are a mirroring artefact and are not
reproduced.

广东省科学技术厅 — 广东省科技业务综合管理系统 (pro.gdstc.gd.gov.cn). Studied: the same repository
and commit, pro/tzgg/index.html (通知公告, page 1 of 27). Reproduced: an old hand-made table
template on NFCMS: ``<title>`` is the system's name only (no column, no meta tags), header and
footer are iframes (``../pro_head.html``, ``../tail.html``, written too), the column heading is a
``td.p14b``, the list is a ``table[width=92%]`` without class whose rows are ``<td>-</td><td><a
class="main">…</a></td><td><span class="STYLE1">YYYY-MM-DD</span></td>``, every long title is
cut to 30 characters + "..." with NO ``title`` attribute (the full title is not on the page),
post ids are not monotonic with the dates, the NFCMS pager sits in the table's last row (page n
is ``index_n.html``, up to 20 numbers), and a hidden ``<div id="cate">pro/tzgg</div>``.
"""

from __future__ import annotations

from datetime import date

from kit import Kit, Row

SOURCE_JYJ = ("blue124qq/stw_gd_cn@e25f1bac4ba8739ac09fe900fa286ff156973690: zwgkn/tzgg/index.html, "
              "ywgkn/jxjsgs/index.html (mirror of gdjyj.gd.gov.cn)")
SOURCE_STC = "blue124qq/stw_gd_cn@e25f1bac4ba8739ac09fe900fa286ff156973690: pro/tzgg/index.html (mirror of pro.gdstc.gd.gov.cn)"

# -- 广东省监狱管理局 ---------------------------------------------------------------------------
JYJ = "/gdjyj"
JYJ_NAME = "广东省监狱管理局"
MENU = [("newscenter", "新闻中心"), ("zwgkn", "政务公开"), ("ywgkn", "狱务公开"), ("jyjcn", "监狱警察"), ("gzqxn", "改造前线")]
SECTIONS = {  # section: (name, postmeta id, [(slug, name, cat id)])
    "newscenter": ("新闻中心", 25301, [("gzdt", "工作动态", 25311), ("jydt", "基层动态", 25312), ("mtjj", "媒体聚焦", 25313)]),
    "zwgkn": ("政务公开", 25329, [("tzgg", "通知公告", 25357), ("zcjd", "政策解读", 25358), ("ghjh", "规划计划", 25359),
                                ("czzj", "财政资金", 25360)]),
    "ywgkn": ("狱务公开", 25361, [("jxjsgs", "减刑假释公示", 25373), ("hjxz", "会见须知", 25374), ("zfyj", "执法依据", 25375)]),
}


def _nfcms_pager(page: int, pages: int, indent: str = "                ") -> str:
    """The NFCMS pager: page 1 is index.html, page n is index_n.html; links to the page shown
    are ``href=""``; no 上一页 on the first page, no 下一页 on the last."""
    def href(p: int) -> str:
        return "" if p == page else ("index.html" if p == 1 else f"index_{p}.html")

    links = [("first", href(1), "第一页")]
    if page > 1:
        links.append(("prev", href(page - 1), "上一页"))
    links += [("current" if p == page else "normal", href(p), str(p)) for p in range(1, min(pages, 20) + 1)]
    if page < pages:
        links.append(("next", href(page + 1), "下一页"))
    links.append(("last", href(pages), "最后一页"))
    return "".join(f"""
{indent}<a class="{cls}" href="{h}">
{indent}    {label}
{indent}</a>""" for cls, h, label in links)


def _jyj_page(kit: Kit, section: str, slug: str, name: str, cat: int, rows: list[Row], page: int, pages: int) -> str:
    parent, meta_id, _ = SECTIONS[section]
    menu = "".join(f"""
            <div class="itm">
                                    <a href="{'../index.html' if s == section else f'../../{s}/index.html'}">{n}</a>
                            </div>""" for s, n in MENU)
    items = "".join(f"""
                            <li>
                    <a href="content/{u.rsplit('/', 1)[-1]}">{kit.esc(t)}</a>
                    <span class="time">{d:%Y-%m-%d}</span>
                </li>""" for u, d, t in rows)
    here = f"{JYJ}/{section}/{slug}/"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="UTF-8">
    <base target="_blank">
    <title>{name} - {JYJ_NAME}</title>
    <meta http-equiv="X-UA-Compatible" content="IE=Edge">
<meta name="Keywords" content="{JYJ_NAME},监狱,政务公开,狱务公开,改造前线,监狱警察">
<meta name="description" content="{JYJ_NAME}网站由{JYJ_NAME}主办，{JYJ_NAME}办公室承办">
<meta name="SiteName" content="{JYJ_NAME}">
<meta name="SiteDomain" content="http://gdjyj.gd.gov.cn">
<meta name="SiteIDCode" content="4400000901">
<meta name="ColumnName" content="{name}">
<meta name="ColumnDescription" content="{name}">
<meta name="ColumnKeywords" content="广东、监狱、{name}">
<meta name="ColumnType" content="{name if slug == 'tzgg' else ''}">
<script>window.NFCMS_SITE_ID=163;window.NFCMS_PUB_TYPE="cat";window.NFCMS_CAT_ID="{cat}";</script><script src="../../scripts/s-1719000000.js"></script>
    <link type="text/css" rel="stylesheet" href="../../css/main.css">
    <link type="text/css" rel="stylesheet" href="../../jyjcn/css/view_leftPanel.css">
    <script src="../../js/jquery-1.8.3.min.js"></script>
    <script>(function(u){{if((u.indexOf("iP")>-1||u.indexOf("Android")>-1)&&location.pathname!="{here}mindex.html"){{location.href="{here}mindex.html"}}}})(navigator.userAgent);</script>
</head>
<body>
<link type="text/css" rel="stylesheet" href="../../public/head.css">
<div class="top">
    <div class="topTool">
        <div class="con">
            <img class="ipv6" src="../../public/ipv6_icon.png">
            <a id="btn_wza"><img class="itm" src="../../public/icon_wza.png"></a>
            <div class="wechatIcon"><img class="itm" src="../../public/icon_wechat.png"></div>
            <a href="../../wzxx/wzdt/content/post_2000101.html"><img class="itm" src="../../public/icon_map.png"></a>
            <a href="javascript:;" id="tool_znhd"><span class="itm"><img src="../../public/znhd.png"><span>智能互动</span></span></a>
        </div>
    </div>
    <div class="head">
        <div class="dh">
            <div class="itm"><a href="../../index5.html">首&nbsp;&nbsp;&nbsp;&nbsp;页</a></div>{menu}
            <div class="itm">
                                    <a href="../../hdjl/index.html">互动交流</a>
                            </div>
        </div>
    </div>
</div>

<div class="detailCon">

    <div class="pos"><a href="../../index5.html">首页</a>&nbsp;&gt;&nbsp;<a href="../index.html">{parent}</a>&nbsp;&gt;&nbsp;<a href="index.html">{name}</a></div>
    <div class="leftPanel">
        <script>
            $.ajax({{type: "get", url: "{JYJ}/postmeta/i/{meta_id}.json", dataType: "json",
                success: function (data) {{
                    for (var i = 0; i < data.children.length; i++) {{
                        var tp = data.children[i];
                        var href = tp.jump_url.length > 0 ? tp.jump_url : "{JYJ}/" + tp.pub_point;
                        $(".leftPanel").append('<div class="itm' + (tp.id == {cat} ? ' current' : '') + '"><a target="_self" href="' + href + '">' + tp.name + '</a></div>');
                    }}
                }},
                error: function () {{
                    $(".leftPanel").append('<div class="itm current"><a href="{here}index.html">{name}</a></div>');
                }}
            }});
        </script>
    </div>
    <div class="rightCon">
        <ul class="newList">{items}
                    </ul>

        <div class="line"></div>

        <div class="page">{_nfcms_pager(page, pages)}
                    </div>
    </div>

</div>

<link type="text/css" rel="stylesheet" href="../../css/foot.css">
<div class="foot">
    <div class="con">
        <div class="info">
            <p>
                                    <a href="../../wzxx/lxwm/index.html">联系我们</a> |
                                                    <a href="../../wzxx/wzbj/index.html">网站背景</a> |
                                                    <a href="../../wzxx/jtzy/index.html">交通指引</a> |
                                                    <a href="../../wzxx/wzdt/content/post_2000101.html">网站地图</a>
                            </p>
            <p>主办：{JYJ_NAME}&nbsp;&nbsp;&nbsp;&nbsp;承办：{JYJ_NAME}办公室</p>
            <p>备案号：粤ICP备00000000号-1&nbsp;&nbsp;&nbsp;&nbsp;网站标识码：4400000901</p>
        </div>
    </div>
    <div class="filter" style="display:none;"></div>
    <div class="aTips" style="display:none;">
        <div class="text">您访问的链接即将离开“{JYJ_NAME}网站”，是否继续？</div>
        <div class="layui-layer-btn"><div date-url="" class="layui-layer-btn0">继续访问</div><div class="layui-layer-btn1">放弃</div></div>
    </div>
    <script>
        $("body a").click(function () {{
            var url = $(this).attr("href");
            if ($.trim(url).indexOf("./") == 0 || url.indexOf("/") == 0 || url.indexOf("gdjyj.gd.gov.cn") > -1) return true;
            $(".filter").show(); $(".aTips").show(); $(".layui-layer-btn0").attr("data-url", url);
            return false;
        }});
    </script>
    <script>window.NFCMS_SITE_ID=163;window.NFCMS_PUB_TYPE="page";</script><script src="../../scripts/s-1719000000.js"></script>
</div>
</body>
</html>"""


def _jyj_postmeta(kit: Kit) -> None:
    """The JSON the left panel's $.ajax reads (one per section)."""
    import json

    for section, (name, meta_id, children) in SECTIONS.items():
        kit.write(f"{JYJ}/postmeta/i/{meta_id}.json", json.dumps({
            "id": meta_id, "name": name, "pub_point": f"{section}/", "children": [
                {"id": cat, "name": n, "pub_point": f"{section}/{slug}/", "jump_url": ""} for slug, n, cat in children]},
            ensure_ascii=False))


def _jyj_column(kit: Kit, case: str, section: str, slug: str, n: int, newest: date, *, pinned: date | None = None,
                batches: bool = False, max_step: int = 9, note: str) -> None:
    name, cat = next((nm, c) for s, nm, c in SECTIONS[section][2] if s == slug)
    base = f"{JYJ}/{section}/{slug}/"
    ds = kit.dates(n, newest, max_step)
    if batches:  # 罪犯减刑假释情况公示（2016年第5批1987-2436号）-like: batch and number ranges
        left = {y: sum(d.year == y for d in ds) for y in {d.year for d in ds}}
        titles, hi = [], 2900
        for d in ds:
            lo = hi - kit.rng.randint(180, 520)
            titles.append(f"{kit.title()}（{d.year}年第{left[d.year]}批{lo}-{hi}号）")
            left[d.year] -= 1
            hi = lo - 1 if lo > 600 else 2900
    else:
        titles = [kit.title() for _ in ds]
    post = 3200000 + kit.rng.randint(0, 90000)
    rows: list[Row] = []
    for d, t in zip(ds, titles):
        post -= kit.rng.randint(40, 4000)
        rows.append((f"{base}content/post_{post}.html", d, t))
    if pinned:  # an older item pinned on top, no marker; its post id is an older one too
        rows.insert(0, (f"{base}content/post_{post - 50000}.html", pinned, kit.title(pinned.year)))
    chunks = kit.paged(rows, 20)
    for p, chunk in enumerate(chunks, 1):
        page = _jyj_page(kit, section, slug, name, cat, chunk, p, len(chunks))
        kit.write(f"{base}{'index' if p == 1 else f'index_{p}'}.html", page)
    kit.column(case, name, f"{base}index.html", rows, len(chunks), note=note)


# -- 广东省科技业务综合管理系统 -------------------------------------------------------------------
STC = "/gdstc/pro"
STC_NAME = "广东省科技业务综合管理系统"
STC_COLUMNS = [("tzgg", "通知公告"), ("gsgg", "公示公告"), ("zcfg", "政策法规"), ("cjwt", "常见问题")]
HEADS = ["广东省科学技术厅关于", "广东省科学技术厅关于组织申报{y}～{z}年度", "省科技业务管理办公室关于征求", "关于{y}年度",
         "广东省科学技术厅 广东省财政厅关于印发", "政策解读：关于"]


def _stc_title(kit: Kit, d: date) -> str:
    head = kit.rng.choice(HEADS).format(y=d.year, z=d.year + 1)
    return f"{head}{kit.title()}"


def _shown(t: str) -> str:
    return t if len(t) <= 30 else t[:30] + "..."


def _stc_page(kit: Kit, slug: str, name: str, rows: list[Row], page: int, pages: int) -> str:
    items = "".join(f"""
 
  <tr><td width="16">-</td><td height="26" align="left"><a href="content/{u.rsplit('/', 1)[-1]}" target="_blank" class="main">{kit.esc(t)}</a></td><td width="100" align="left"><span class="STYLE1">{d:%Y-%m-%d}</span></td></tr>"""
                    for u, d, t in rows)
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{STC_NAME}</title>
<link href="../images/style_new.css" rel="stylesheet" type="text/css">
<style type="text/css">
<!--
body {{
	background-color: #CCCCCC;
}}
.STYLE1 {{color: #999999}}
-->
</style>

</head>
<body>
<table width="1004" border="0" align="center" cellpadding="0" cellspacing="0" bgcolor="#FFFFFF">
  <tr><td>
<table width="966" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td height="14"></td>
  </tr>
</table>
<table width="966" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td><iframe src="../pro_head.html" width="100%" height="134" frameborder="0" scrolling="no"></iframe></td>
  </tr>
</table>
<table width="966" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td height="50" align="center" class="p14b">{name}</td>
  </tr>
  <tr>
    <td align="center"><table width="92%" border="0" cellspacing="0" cellpadding="0">
    {items}
 
  

      <tr>
        <td height="32" colspan="3" align="center" valign="bottom">
        {_nfcms_pager(page, pages, '    ')}
        
        </td>      </tr>
      </table></td>
  </tr>
  <tr>
    <td align="center">&nbsp;</td>
  </tr>
</table>
<table width="966" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td><iframe src="../tail.html" width="100%" height="40" frameborder="0" scrolling="no"></iframe></td>
  </tr>
</table>
</td></tr></table>
    <div style="display:none;" id="cate">pro/{slug}</div>

</body>
</html>"""


def _stc_frames(kit: Kit) -> None:
    links = "".join(f'<td class="menu"><a href="{s}/index.html" target="_top">{n}</a></td>' for s, n in STC_COLUMNS)
    kit.write(f"{STC}/pro_head.html", f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{STC_NAME}</title></head><body>
<table width="966" border="0" cellpadding="0" cellspacing="0"><tr><td><img src="images/pro_banner.jpg"></td></tr>
<tr><td><table><tr><td class="menu"><a href="../index.html" target="_top">首页</a></td>{links}
<td class="menu"><a href="https://pro.gdstc.gd.gov.cn/egrantweb/" target="_top">系统登录</a></td></tr></table></td></tr></table>
</body></html>""")
    kit.write(f"{STC}/tail.html", """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>
<table width="966" border="0" cellpadding="0" cellspacing="0"><tr><td align="center" class="p12">
主办：广东省科学技术厅&nbsp;&nbsp;技术支持热线：020-00000000</td></tr></table></body></html>""")


def _stc_column(kit: Kit, case: str, slug: str, n: int, newest: date, max_step: int, note: str) -> None:
    name = dict(STC_COLUMNS)[slug]
    base = f"{STC}/{slug}/"
    ds = kit.dates(n, newest, max_step)
    post = 4300000 + kit.rng.randint(0, 50000)
    ids = []
    for _ in ds:
        post -= kit.rng.randint(20, 3000)
        ids.append(post)
    for i in range(3, len(ids) - 1, 11):  # ids are not monotonic with the dates (items edited later)
        ids[i], ids[i + 1] = ids[i + 1] + 9000, ids[i]
    rows: list[Row] = [(f"{base}content/post_{pid}.html", d, _shown(_stc_title(kit, d))) for pid, d in zip(ids, ds)]
    chunks = kit.paged(rows, 20)
    for p, chunk in enumerate(chunks, 1):
        kit.write(f"{base}{'index' if p == 1 else f'index_{p}'}.html", _stc_page(kit, slug, name, chunk, p, len(chunks)))
    kit.column(case, name, f"{base}index.html", rows, len(chunks), note=note)


def build(kit: Kit) -> None:
    kit.start_portal("gdjyj", "广东省监狱管理局（模型）", SOURCE_JYJ, "department", "NFCMS", "http://gdjyj.gd.gov.cn/")
    _jyj_postmeta(kit)
    _jyj_column(kit, "gdjyj-tzgg", "zwgkn", "tzgg", 52, kit.ago(5), pinned=kit.ago(90), max_step=6,
                note="NFCMS ul.newList, span.time; an older item pinned first with no marker; 3 pages (index_n.html)")
    _jyj_column(kit, "gdjyj-gzdt", "newscenter", "gzdt", 44, kit.ago(1), max_step=4,
                note="NFCMS ul.newList; left panel drawn by $.ajax from postmeta JSON; 3 pages")
    _jyj_column(kit, "gdjyj-jxjsgs", "ywgkn", "jxjsgs", 31, date(2024, 4, 19), batches=True, max_step=70,
                note="NFCMS ul.newList; titles carry batch/number ranges like years; stale; 2 pages")
    _jyj_column(kit, "gdjyj-zcjd", "zwgkn", "zcjd", 9, kit.ago(96), max_step=40,
                note="NFCMS ul.newList; one page")

    kit.start_portal("gdstc-pro", "广东省科技业务综合管理系统（模型）", SOURCE_STC, "department", "NFCMS (table template)",
                     "http://pro.gdstc.gd.gov.cn/")
    _stc_frames(kit)
    _stc_column(kit, "gdstc-tzgg", "tzgg", 67, kit.ago(3), 4,
                note="table template, a.main + span.STYLE1 in separate tds; titles cut to 30 chars + ... without title; 4 pages")
    _stc_column(kit, "gdstc-gsgg", "gsgg", 28, kit.ago(18), 9, note="table template; 2 pages")
    _stc_column(kit, "gdstc-zcfg", "zcfg", 14, date(2024, 9, 30), 30, note="table template; one page; stale")
    _stc_column(kit, "gdstc-cjwt", "cjwt", 6, date(2022, 3, 11), 60, note="table template; one page; long stale")
