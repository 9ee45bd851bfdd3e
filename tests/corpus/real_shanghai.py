"""A Shanghai municipal department on the city's shared site template: 上海市卫生健康委员会
(wsjkw.sh.gov.cn).

Studied: lvchengli/covid-spider src/htmlstr.js (commit c1f06ee1822205a3d9f02cff03fb69e36f6b73cd),
which embeds the 疫情通报 list page (yqtb/index.html, page 1 of 54, captured 2022-04-27).
Reproduced: the ``meta`` SiteName/SiteIDCode/ColumnName/ColumnDescription block and the title
"疫情通报_上海市卫生健康委员会"; a body whose site header and footer are NOT in the static HTML
but injected by ``/assets/js/header.js`` and ``footer.js`` (plus a ``jiansuo.js`` search
include); ``div#main > div.main-container > div.container`` holding ``div.relitive`` with an
``ol.breadcrumb`` that starts with a bare ``<span>您现在所在的位置：</span>`` before its
``<li>`` crumbs and an empty ``span#time`` live clock (filled every second by
``setInterval``); the heading ``div.page-header-1 > h2 > a``; the list ``ul.uli16.nowrapli.
list-date > li`` of ``<a href title target=_blank>…</a><span class="time">YYYY-MM-DD</span>``;
the pager drawn only by a jQuery plugin: ``$(".pagination").pagination({totalPage: N, …,
callBack: … location.href = 'index_' + i + '.html'})`` inside ``nav.text-center >
ul.pagination`` (page 2 is ``index_2.html``, 1-based, no link in the static page).
Quirks kept: in 疫情通报 the daily reports pair up — a "M月D日（0-24时）…" item and a
"上海YYYY年M月D日，…" item, each shown one day AFTER the date in its title (the title names
the reporting day), one title with a "【最新】" prefix; items of that column live under
another column's directory (``/xwfb/YYYYMMDD/<32 hex>.html``, the date in the URL agreeing
with the shown date). The real page links the "居住地信息" half off-site to
``mp.weixin.qq.com/s/<token>``; the kit labels item URLs on the corpus host only, so those
links keep their shape (a token path, no date) on our host: ``/mp/s/<22-char token>``.
"""

from __future__ import annotations

from datetime import date, timedelta

from kit import Kit, Row

SOURCE = "lvchengli/covid-spider: src/htmlstr.js (c1f06ee1822205a3d9f02cff03fb69e36f6b73cd), yqtb/index.html embedded"
TOKEN = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
HEX = "0123456789abcdef"
PER = 20


def _page(kit: Kit, col: dict, rows: list[Row], page: int, pages: int) -> str:
    slug, name = col["slug"], col["name"]
    crumbs = "".join(f"""
                            <li><a href="{p}">{n}</a></li>""" for n, p in col["crumbs"])
    items = "".join(f"""
                        <li><a href="{u}" title="{kit.esc(t)}" target="_blank">{kit.esc(t)}</a><span class="time">{d:%Y-%m-%d}</span></li>"""
                    for u, d, t in rows)
    return f"""<!DOCTYPE html>
<html lang="zh-Hans">
<head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="upgrade-insecure-requests">
    <meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no">
    <meta http-equiv="X-UA-Compatible" content="IE=Edge,chrome=1">
    <meta name="renderer" content="webkit">
    <meta name="SiteName" content="上海市卫生健康委员会" />
    <meta name="SiteDomain" content="wsjkw.sh.gov.cn" />
    <meta name="SiteIDCode" content="3100000010" />
    <title>{name}_上海市卫生健康委员会</title>
    <meta name="ColumnName" content="{name}" />
    <meta name="ColumnDescription" content="{name}首页" />
    <meta name="ColumnKeywords" content="{name}" />
    <meta name="ColumnType" content="" >
    <meta name="applicable-device" content="pc;mobile">
    <link rel="stylesheet" href="/assets/css/ETUI/ETUI3.min.css">
    <link rel="stylesheet" href="/assets/iconfont/iconfont.css">
    <link rel="stylesheet" href="/assets/css/style.css">
    <link rel="stylesheet" href="/assets/css/responsive.css">
    <link rel="shortcut icon" href="/assets/img/ico/favicon.png">
    <noscript>不能读取工具条</noscript>
    <script type="text/javascript">
        function psubmmit(pageIndex){{
            $("#pageIndex").val(pageIndex);
            $("#searchForm").submit();
        }}
    </script>
</head>
<body>
    <div id="accessNull"></div>
    <div id="container">
        <div class="channelinfo hidden"></div>
        <script src="/assets/js/header.js"></script>
        <div class="main" id="main">
            <script src="/assets/js/jiansuo.js"></script>
            <div class="main-container margin-top-15">
                <div class="container">
                    <div class="relitive">
                        <ol class="breadcrumb">
                            <span>您现在所在的位置：</span>{crumbs}
                            <li><a href="/{slug}/index.html">{name}</a></li>
                        </ol>
                        <div class="date-se">
                            <i class="iconfont">&#xe60b;</i> <span id="time"></span>
                        </div>
                    </div>
                    <div class="page-header-1">
                        <h2><a href="/{slug}/index.html" title="{name}">{name}</a></h2>
                    </div>
                    <ul class="uli16 nowrapli list-date ">{items}
                    </ul>
                    <nav class="text-center">
                       <ul class="pagination">
                            <script type="text/javascript" src="/assets/js/ETUI/jquery.min.1.12.4.js"></script>
                            <script type="text/javascript" src="/assets/js/pagination.min.js"></script>
                            <script type="text/javascript">
                                    $(".pagination").pagination({{
                                        totalPage: {pages},
                                        showPageNum: 5,
                                        isShowFL: false,
                                        isShowSkip: true,
                                        isShowTotalPage: true,
                                        callBack: function (currPage) {{
                                            var i=currPage;
                                            if(i==1)
                                                location.href='index.html';
                                            else
                                                location.href='index_'+i+'.html';
                                        }}
                                    }});
                                     $(".pagination").pagination("setPage",{page},{pages});
                                </script>
                         </ul>
                    </nav>
                </div>
            </div>
        </div>
        <script src="/assets/js/footer.js"></script>
      </div>
    <script src="/assets/js/ETUI/jquery.min.1.12.4.js"></script>
    <script src="/assets/js/ETUI/ETUI3.min.js"></script>
    <script src="/assets/js/main.js"></script>
    <script>
        jQuery(document).ready(function () {{ Main.init(); }});
    </script>
<script>
        function currentTime(){{
            var d = new Date(),str = '';
            str += d.getFullYear()+'年';
            str  += d.getMonth() + 1+'月';
            str  += d.getDate()+'日';
            var a = new Array("日", "一", "二", "三", "四", "五", "六");
            str += ' 星期' + a[new Date().getDay()];
            return str;
        }}
        setInterval(function(){{$('#time').html(currentTime)}},1000);
    </script>
</body>
</html>"""


# the injected site chrome: menus and footer written by script, as the real header.js/footer.js do
HEADER_JS = """document.write('<header class="header"><div class="container"><a class="logo" href="/index.html">上海市卫生健康委员会</a>'
 + '<nav class="main-nav"><ul>'
 + '<li><a href="/index.html">首页</a></li><li><a href="/xwzx/index.html">新闻中心</a></li>'
 + '<li><a href="/xwfb/index.html">新闻发布</a></li><li><a href="/tzgg/index.html">通知公告</a></li>'
 + '<li><a href="/yqtb/index.html">疫情通报</a></li><li><a href="/jkts/index.html">健康提示</a></li>'
 + '<li><a href="/zwgk/index.html">政务公开</a></li><li><a href="/hdjl/index.html">互动交流</a></li>'
 + '</ul></nav></div></header>');
"""
FOOTER_JS = """document.write('<footer class="footer"><div class="container"><p><a href="/wzdt/index.html">网站地图</a> | '
 + '<a href="/lxwm/index.html">联系我们</a></p><p>主办：上海市卫生健康委员会</p></div></footer>');
"""


def _token(kit: Kit, n: int = 22) -> str:
    return "".join(kit.rng.choice(TOKEN) for _ in range(n))


def _article(kit: Kit, d: date) -> str:
    return f"/xwfb/{d:%Y%m%d}/{''.join(kit.rng.choice(HEX) for _ in range(32))}.html"


def _column(kit: Kit, case: str, col: dict, rows: list[Row], note: str) -> None:
    chunks = kit.paged(rows, PER)
    base = f"/{col['slug']}/"
    for p, chunk in enumerate(chunks, start=1):
        kit.write(f"{base}index.html" if p == 1 else f"{base}index_{p}.html", _page(kit, col, chunk, p, len(chunks)))
    kit.column(case, col["name"], f"{base}index.html", rows, len(chunks), note=note)


def _outbreak_rows(kit: Kit, newest: date, days: int) -> list[Row]:
    """Two reports a day, each shown the day after the reporting day its title names."""
    rows: list[Row] = []
    for k in range(days):
        shown = newest - timedelta(days=k)
        day = shown - timedelta(days=1)
        first = f"{day.month}月{day.day}日（0-24时）{kit.title()}"
        if k == 1:
            first = "【最新】" + first
        rows.append((f"/mp/s/{_token(kit)}", shown, first))
        if k > 0:  # the newest day's second report is not out yet
            rows.append((_article(kit, shown), shown, f"上海{day.year}年{day.month}月{day.day}日，{kit.title()} {kit.title()}"))
    return rows


def build(kit: Kit) -> None:
    kit.start_portal("sh-wsjkw", "上海市卫生健康委员会（模型）", SOURCE, "department", "Shanghai municipal template",
                     "https://wsjkw.sh.gov.cn/")
    kit.write("/assets/js/header.js", HEADER_JS)
    kit.write("/assets/js/footer.js", FOOTER_JS)
    # 疫情通报: stale (the daily reports stopped in January 2023), three pages
    _column(kit, "sh-wsjkw-yqtb", {"slug": "yqtb", "name": "疫情通报",
                                    "crumbs": [("首页", "/index.html"), ("新冠肺炎疫情防控", "/yqfk2020/index.html")]},
            _outbreak_rows(kit, date(2023, 1, 9), 26),
            "Shanghai template: ul.uli16.nowrapli.list-date li a + span.time; shown date a day after the date in "
            "the title; items under /xwfb/ and token paths; pager only in $('.pagination').pagination({totalPage}) "
            "callBack index_N.html (1-based); 3 pages")
    # 新闻发布: fresh, three pages
    dates = kit.dates(47, kit.ago(3), 4)
    _column(kit, "sh-wsjkw-xwfb", {"slug": "xwfb", "name": "新闻发布",
                                    "crumbs": [("首页", "/index.html"), ("新闻中心", "/xwzx/index.html")]},
            [(_article(kit, d), d, kit.title()) for d in dates],
            "Shanghai template, fresh; script-only pager (index_2.html, index_3.html)")
    # 通知公告: one page (totalPage: 1)
    dates = kit.dates(14, kit.ago(26), 15)
    _column(kit, "sh-wsjkw-tzgg", {"slug": "tzgg", "name": "通知公告",
                                    "crumbs": [("首页", "/index.html"), ("新闻中心", "/xwzx/index.html")]},
            [(f"/tzgg/{d:%Y%m%d}/{''.join(kit.rng.choice(HEX) for _ in range(32))}.html", d, kit.title()) for d in dates],
            "Shanghai template, one page")
    # 健康提示: half a year old, two pages
    dates = kit.dates(31, kit.ago(190), 10)
    _column(kit, "sh-wsjkw-jkts", {"slug": "jkts", "name": "健康提示",
                                    "crumbs": [("首页", "/index.html"), ("健康科普", "/jkkp/index.html")]},
            [(f"/jkts/{d:%Y%m%d}/{''.join(kit.rng.choice(HEX) for _ in range(32))}.html", d, kit.title()) for d in dates],
            "Shanghai template, stale; script-only pager, 2 pages")
