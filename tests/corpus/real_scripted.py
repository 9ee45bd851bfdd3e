"""Four portals whose list pages are NOT plain static HTML: the list sits in an HTML comment
and is redrawn from a search API, or is drawn by script from a JSON endpoint.

1. 甘肃省教育厅 (jyt.gansu.gov.cn), 政府信息公开 > 文件通知. Studied: jas0no7/local_spider_jason,
   ``甘肃省/1.html`` @ e76aee2179906c468c862b09daefc7abbdb8ab3c (the real page, saved after the
   瑞数 cookie challenge), and — for the data endpoint its ``#page``/``#pageSize`` inputs feed —
   the Gansu site cluster's list script as described in a crawl report in the public index
   (id 54310395271: ``GET /common/search/{channelId}?_isAgg=true&_isJson=true&_pageSize=20
   &_template=index&_rangeTimeGte=&_channelName=&page=N`` answering ``{"data": {"page", "rows",
   "total", "results": [{"title", "url", "publishedTimeStr", …}]}}``). Reproduced: ``<meta
   name="channelId">``/``code``/``others``=页面生成时间, the 瑞数 ``<meta r="m">`` stub, the top
   bar and ``div.nav_box`` menu, the 政府信息公开 left column (``dl_nav01`` h3 links, ``dl_nav02
   div.sideMenu`` with ``ul#fd_list > table > tbody > tr > td > li`` and the 年报 ``ul#nb_list``),
   no breadcrumb, the column named only in ``div.zfxxgk_zdgktit > a``, the hidden inputs
   ``#page``/``#pageSize``, and the list: 20 ``<li><a target href title>…</a><b>YYYY-MM-DD</b></li>``
   INSIDE an HTML comment in ``ul.jytxxgklist`` together with its commented-out
   ``createPageHTML('page_div',N, 1,'zwgklist','shtml',total)`` call, an empty ``#page_div``, and
   a script (ours, in the spirit of ``xxgkPage.js``) that asks the search API for page ``#page``
   and redraws the list and a click-only pager (``a.zxfPagenum``/``a.nextpage``). The comment
   holds page one only; pages 2.. exist only through the API. Shown dates older than the URL's
   month (upload month) and co-issuer titles with double spaces are kept. One column is blank:
   the comment holds only the pager call and the API answers no rows, no placeholder.

2. 江西省生态环境厅 (sthjt.jiangxi.gov.cn), 政务公开 > 政策法规解读· 以案释法 (col42150).
   Studied: jas0no7/local_spider_jason ``local_crawler/debug_page_1.html`` @
   9efa6dbfd1cf9332a3fee5c23b085f9a23cb3a06 and the same repo's ``policy_sthjt_jiangxi.py``
   (index id 2532683055: the list API ``/queryList`` with ``current``, ``unitid``,
   ``webSiteCode[]``, ``channelCode[]``, ``perPage`` … answering ``data.results[].source`` with
   ``title``, ``pubDate`` and ``urls`` = a JSON *string* ``{"pc": …}``; its Referer shows page
   URLs ``index.html?uid=380055&pageNum=2``). Reproduced: the Hanweb new-generation page with
   ``<base href="/jxssthjt/">``, ``HtmlGenerateTime`` meta older than the data, the inline
   ``channelsTagSelf``/``channelsTagParent`` channel JSON (``showName`` with ``<p>…</p>``) and
   ``var listData = {articleList: […]}`` (up to 50 records of the column) in ``<head>``,
   header/footer written by external scripts, the breadcrumb table and left menu drawn from
   handlebars templates, ``div.box03 h2 span.tit`` naming the column, an empty ``div#380055``
   with the ``script#div380055`` template (``ul.List_list > li > a + span.list_span``), and
   ``loadPageData(params, '380055')``. Our scripts draw the template and a jpage-style bar
   (``default_pgBtn default_pgNext`` … ``title="下页"`` links to ``?uid=380055&pageNum=N``).
   Deviation: the test server answers GET only, so ``/queryList`` is asked with GET and the
   same parameters in the query string (the real page POSTs them as a form).

3. 湖北省住房和城乡建设厅 (zjt.hubei.gov.cn), 政府信息公开 > 政策 > 规范性文件. Studied:
   caaaptaintop/newsnow ``test/fixtures/hubei/gfxwj.html`` and ``gfxwj.json`` @
   7c7d3395a890fa0963a543720f622cb3e350d500 (and its ``test/hubei-structured-list.test.ts``:
   the script downloads ``<column>/zcwj.json``). Reproduced: ``meta SiteCode``, the header, the
   site search box, the ``ul.info-tree`` 政府信息公开目录 (hrefs ending ``#test``), the
   ``div.ssboxxx`` search and the 分类查询 table with ``ul.navv.nav-pills`` filter buttons
   (``wjfl``/``ztfl``/``ztflnew``, ``href="javascript:void(0)" data-com``), the empty
   ``ul.info-list#ulList`` and ``div.pages``, and the footer's four link groups — 直属单位 among
   them linking to 2020 article pages (``…/202008/t20200804_….shtml``), 网站声明/联系我们 to
   2019 ones. Our ``zcwjlil.js`` fetches the whole column as ``zcwj.json``
   (``{"data": [{"IdxID", "URL", "FILENAME", "FILETYPE", "FILENUM", "PUBDATE", "DOCRELTIME", …}]}``)
   and pages it client-side (``pageTemp.pageSize`` 20, a click-only pager). The JSON is not
   strictly sorted and one record's URL date is newer than its PUBDATE, as in the fixture; the
   list shows PUBDATE. Deviation: record URLs are site-relative (the real JSON holds absolute
   ``http://zjt.hubei.gov.cn/…`` URLs).

4. 吉林省公共资源交易中心 (www.ggzyzx.jl.gov.cn), 交易信息 > 政府采购 > 招标公告. Studied:
   seraph115/bid-data ``list_page.html`` @ 5929520093a3c35b8e8493fe747cc16e92fe3273 and its
   ``bid_scraper/spiders/jl_zfcg_bidding.py`` / ``paging.js`` (the TRS 海云 search API
   ``/irs/front/search`` with ``code``, ``dataTypeId`` 501, ``pageNo``, ``pageSize`` 10,
   ``customFilter`` on ``channel_id``, answering ``data.pager.{pageNo,pageCount,total}`` and
   ``data.middle.listAndBox[] = {"type": "DATA", "data": {"title", "time", "url", "table-1"…}}``).
   Reproduced: the empty ``<title>`` set by script, the top bar with a stale server-side
   "今天是…" date that a ``tick()`` clock overwrites, the ``div#nav`` menu with ``li.nLi``
   drop-downs, the ``div.tit`` heading and ``div.Hamburg`` breadcrumb (empty ``<span>``
   separators, ``a.CurrChnlCls``), the ``div.sideMenu`` 交易信息 menu, the empty ``div#jyul`` and
   ``div#JgcxPage``, friend links as ``<select>`` drop-downs plus a hidden ``<ul>`` copy, and
   the script: ``initParams``/``getList`` drawing ``div.TradeInfo`` cards (``div.titH2`` with a
   hidden or visible ``<label>新</label>``, the link and ``span.fbrq``; a ``div.item`` row with
   项目编号/预算金额/开标日期 — shown for 招标公告 (69308), hidden for the other channels), the
   ``paging()`` bar of ``<a>`` without href, and "暂无数据" when the API has no rows (our blank
   column). Deviations: GET with the parameters in the query string (``customFilter``'s one
   condition as ``channel_id=…``) instead of a JSON POST to another host; the saved page's ``ul#jyUl`` tab list is empty,
   which would leave the list undrawn, so ours holds the one tab of the column (``data-id``).

Every column of these four portals is drawn by script: ``static=False``.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlencode

from kit import Kit, Row

SOURCE_GS = ("jas0no7/local_spider_jason: 甘肃省/1.html @ e76aee2179906c468c862b09daefc7abbdb8ab3c; "
             "list API /common/search/{channelId} from index id 54310395271")
SOURCE_JX = ("jas0no7/local_spider_jason: local_crawler/debug_page_1.html @ 9efa6dbfd1cf9332a3fee5c23b085f9a23cb3a06; "
             "/queryList from policy_sthjt_jiangxi.py (index id 2532683055)")
SOURCE_HB = ("caaaptaintop/newsnow: test/fixtures/hubei/gfxwj.html + gfxwj.json @ "
             "7c7d3395a890fa0963a543720f622cb3e350d500")
SOURCE_JL = ("seraph115/bid-data: list_page.html, bid_scraper/spiders/jl_zfcg_bidding.py, paging.js @ "
             "5929520093a3c35b8e8493fe747cc16e92fe3273")
BJ = timezone(timedelta(hours=8))


def _route(path: str, params: list[tuple[str, str]]) -> str:
    """An API answer's route: its query in canonical order (keys sorted), as the server matches it."""
    return f"{path}?{urlencode(sorted(params))}"


def _clock(kit: Kit) -> str:
    return f"{kit.rng.randint(8, 18):02d}:{kit.rng.randint(0, 59):02d}:{kit.rng.randint(0, 59):02d}"


# ======================================================================================
# 1. 甘肃省教育厅: the list in an HTML comment, redrawn from /common/search/{channelId}
# ======================================================================================
GS_PER = 20
GS_MENU_FD = [("c107278", "zwgklzyj", "履职依据"), ("c107283", "zwgkjgjj", "机关简介"), ("c107284", "zwgklzyj", "规划统计"),
              ("c107289", "zwgklzyj", "预算决算"), ("c107293", "zwgklzyj", "通知公告"), ("c240101", "zwgklist", "重要会议"),
              ("c020701", "zwgklist_xxjb", "信息简报"), ("c107296", "zwgklist", "综合工作"), ("c107307", "zwgklzyj", "考试招生"),
              ("c107315", "zwgklzyj", "人事工作"), ("c112712", "zwgklist", "政府采购"), ("c112713", "zwgklist", "处罚强制信息"),
              ("c112711", "zwgklist", "重大决策预公开"), ("c240502", "zwgklist", "决策草案意见征集")]
GS_MENU_ZF = [("c110311", "zwgklist", "政策法规"), ("c107271", "zwgklzyj", "政府文件"), ("c107274", "zwgklist", "政策解读")]
GS_YEARS = [("c250121", 2024), ("c240106", 2023), ("c012001", 2022), ("c011901", 2021), ("c110268", 2020), ("c110269", 2019),
            ("c110270", 2018), ("c110271", 2017)]

GS_LIST_JS = r"""/* 政府信息公开列表：按 #page / #pageSize 向检索接口取数，重绘列表与分页 */
(function () {
  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : '';
  }
  function val(id) { return parseInt(document.getElementById(id).value, 10); }
  function table_ajax() {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', '/common/search/' + meta('channelId') + '?_isAgg=true&_isJson=true&_pageSize=' + val('pageSize')
      + '&_template=index&_rangeTimeGte=&_channelName=&page=' + val('page'));
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.onload = function () {
      var data = JSON.parse(xhr.responseText);
      table_each(data.data.results);
      table_page(data.data.total);
    };
    xhr.send();
  }
  function table_each(rows) {
    var html = '';
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      html += '<li><a target="_blank" href="' + r.url + '" title="' + r.title + '">' + r.title + '</a><b>'
        + r.publishedTimeStr.substring(0, 10) + '</b></li>';
    }
    document.querySelector('ul.jytxxgklist').innerHTML = html;
  }
  function go(n) { document.getElementById('page').value = n; table_ajax(); }
  function table_page(total) {
    var size = val('pageSize'), page = val('page'), count = Math.floor((total + size - 1) / size), html = '';
    if (count > 1) {
      html += '<a href="javascript:;" class="firstpage" data-p="1">首页</a>';
      if (page > 1) html += '<a href="javascript:;" class="prepage" data-p="' + (page - 1) + '">上一页</a>';
      for (var i = 1; i <= count; i++) {
        html += i == page ? '<span class="current">' + i + '</span>'
                          : '<a href="javascript:;" class="zxfPagenum" data-p="' + i + '">' + i + '</a>';
      }
      if (page < count) html += '<a href="javascript:;" class="nextpage" data-p="' + (page + 1) + '">下一页</a>';
      html += '<a href="javascript:;" class="lastpage" data-p="' + count + '">末页</a>';
      html += '<span class="zxfinfo">共' + count + '页</span>';
    }
    var box = document.getElementById('page_div');
    box.innerHTML = html;
    var links = box.getElementsByTagName('a');
    for (var k = 0; k < links.length; k++) {
      links[k].onclick = function () { go(parseInt(this.getAttribute('data-p'), 10)); return false; };
    }
  }
  window.table_ajax = table_ajax;
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', table_ajax);
  else table_ajax();
})();
"""


def _gs_menu(code: str) -> str:
    def tr(c: str, tpl: str, name: str) -> str:
        on = ' class="on"' if c == code else ' class=""'
        return (f'\n                                        <tr>\n                                            <td></td>\n'
                f'                                        </tr>\n                                        <tr>\n'
                f'                                            <td>\n                                                '
                f'<li id="erji_{c}"{on}><span>·</span><a href="/jyt/{c}/{tpl}.shtml">{name}</a></li>\n'
                f'                                            </td>\n                                        </tr>')
    years = "".join(f'\n                                    <li id="erji_{c}" class=""><span>·</span>\n'
                    f'                                        <a href="/jyt/{c}/zwgklist.shtml">{y}</a>\n'
                    f'                                    </li>' for c, y in GS_YEARS)
    def table(rows):
        return ('<ul id="fd_list" style="background:#fff;border:1px solid #e4e4e4;">\n'
                '                                    <table width="100%" cellspacing="0" cellpadding="0" border="0">\n'
                '                                        <tbody>' + "".join(tr(*r) for r in rows)
                + '\n                                        </tbody>\n                                    </table>\n'
                '                                </ul>')
    return f"""<div class="xinxigongkai_con_left float">
                    <div>
                        <div class="dl_nav01">
                            <h3 class="" id="" style=" margin-top: 0px;">
                                <a href="/jyt/c120901/zwgklist_gz.shtml" style="line-height: 60px;"><em class="zwxxgk_bnt2"></em>规　　章</a>
                            </h3>
                            <h3 id="c107268">
                                <a href="/jyt/c107268/zwgk.shtml"><em class="zwxxgk_bnt1"></em>政府信息<br>公开指南</a>
                            </h3>
                            <h3 class="" id="c107269">
                                <a href="/jyt/c107269/zwgklist.shtml"><em class="zwxxgk_bnt2"></em>政府信息<br>公开制度</a>
                            </h3>
                        </div>
                        <div class="dl_nav02">
                            <div class="sideMenu">
                                <h3>
                                    <em class="zwxxgk_bnt0"></em>
                                    <div style="line-height: 58px;">政府文件</div>
                                    <span class="zwxxgk_bnt5"></span>
                                </h3>
                                {table(GS_MENU_ZF)}
                                <h3 class="" id="c107277">
                                    <em class="zwxxgk_bnt3"></em>
                                    <div>法定主动<br>公开内容</div>
                                    <span class="zwxxgk_bnt5"></span>
                                </h3>
                                {table(GS_MENU_FD)}
                                <h3 class="">
                                    <em class="zwxxgk_bnt7"></em>
                                    <div>政府信息<br>公开年报</div>
                                    <span class="zwxxgk_bnt5"></span>
                                </h3>
                                <ul id="nb_list" style="background:#fff;border:1px solid #e4e4e4;">{years}
                                </ul>
                                <h3 class="">
                                    <em class="zwxxgk_bnt4"></em>
                                    <div style="width: 115px;text-align: center;margin-top: 15px;">依申请公开</div>
                                    <span class="zwxxgk_bnt5"></span>
                                </h3>
                                <ul style="background:#fff;border:1px solid #e4e4e4;">
                                    <li id="erji_c110282" class=""><span>·</span><a href="/jyt/c110282/zwgk.shtml">申请须知</a></li>
                                    <li id="erji_c110285" class=""><span>·</span><a href="/jyt/c110285/ysqgktj.shtml">在线申请</a></li>
                                    <li id="erji_c110286" class=""><span>·</span><a href="/jyt/c110286/ysqgkcx.shtml">申请结果查询</a></li>
                                </ul>
                            </div>
                        </div>
                    </div>
                </div>"""


def _gs_page(kit: Kit, code: str, parent: str, channel_id: str, name: str, first: list[Row], pages: int, total: int,
             generated: datetime) -> str:
    rows = "".join(f"""

                                <li>
                                    <a target="_blank" href="{u}" title="{kit.esc(t)}">
                                        {kit.esc(t)}
                                    </a>
                                    <b>{d:%Y-%m-%d}</b>
                                </li>""" for u, d, t in first)
    token = "".join(kit.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz0123456789._") for _ in range(64))
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
    <meta name="channelId" content="{channel_id}">
    <meta name="code" content="{code}">
    <meta http-equiv="Content-Type" content="text/html; charset=utf-8">
    <meta name="SiteName" content="甘肃省教育厅"/>
    <meta name="SiteIDCode" content="6200000068"/>
    <meta name="ColumnName" content="{name}"/>
    <meta name="ColumnType" content="政府信息公开"/>
    <meta name="others" content="页面生成时间 {generated:%Y-%m-%d %H:%M:%S}"/>
    <title>{name} - 甘肃省教育厅</title>
    <meta name="ColumnName"  content="{name}">
    <meta name="ColumnType"  content="{name}">
    <link rel="stylesheet" type="text/css" href="/jyt/xhtml/static/css/style.css">
    <meta content="{token}" r="m">
    <script type="text/javascript" r='m'>$_ts=window['$_ts'];if(!$_ts)$_ts={{}};$_ts.nsd={kit.rng.randint(10000, 99999)};$_ts.cd="{token[::-1]}";</script>
    <script type="text/javascript" src="/jyt/xhtml/static/js/xxgkPage.js"></script>
</head>

<body>
<div class="top_box">
    <div class="top">
        <div class="logo_box">
            <img class="guohui" src="/jyt/xhtml/skin202209/img/logo_guohui.png"/>
            <img class="logo" src="/jyt/xhtml/skin202209/img/logo.svg"/>
        </div>
        <p>
            <a class="wza" href="javascript:;" onclick="aria.start()">网站无障碍</a>
            <a class="slh" href="javascript:;" onclick="aria.oldFixedStart()">适老版</a>
            <span>
                <a href="/uids-sso/api/login" class="login">登录</a>
                <a href="/uids-sso/api/register" class="register" style="color: #333;">注册</a>
            </span>
        </p>
        <!--<a class="ztlink" href="/jyt/c250100/jygzindex.shtml" target="_blank"></a> -->
    </div>
    <div class="nav_box">
        <div class="nav_main">
            <div class="nav d float">
                <a href="/jyt/index.shtml"><img src="/jyt/xhtml/skin202209/img/icon_home.svg"/></a>
                <a href="/jyt/c107171/jytjgsz.shtml">机构设置</a>
                <a href="/jyt/c120301/jytjydt_jyyw.shtml">新闻动态</a>
                <a href="/jyt/c107268/zwgk.shtml">政府信息公开</a>
                <a href="/jyt/c107345/bsfw.shtml" target="_blank">办事服务</a>
                <a href="/jyt/c107347/hdjl.shtml">互动交流</a>
                <a href="/jyt/c107352/jyzx.shtml">教育网视</a>
            </div>
            <div class="search_box d floatr">
                <input class="search_txt" type="text" id="allsearch_text" placeholder="请输入搜索关键字"/>
                <input class="search_btn" type="submit" onclick="allSearch();" value=""/>
            </div>
        </div>
    </div>
</div>
<div class="index_box">
    <div class="xinxigongkai_box">
        <div class="xinxigongkai_top"></div>
        <div class="xinxigongkai_main">
            <div class="xinxigongkai_con container">
                <!-- 搜索 -->
                <div class="zwxxgk_ss">
                    <div class="inputText1">
                        <input class="int" name="q" value="请输入关键字" id="allsearch_textzwgk" type="text">
                        <input id="inp-submit" type="button" value="提交查询内容" onclick="allSearchzwgk();">
                    </div>
                </div>

                <!-- 左侧导航 -->
                {_gs_menu(code)}
                <div class="scroll_main1">
                    <div class="zfxxgk_zdgktit">
                        <a style="cursor: default;">{name}</a>
                    </div>

                    <div class="zfxxgk_zdgkc" style=" padding:0px 20px;">
                        <input id="page" type="hidden" value="1">
                        <input id="pageSize" type="hidden" value="{GS_PER}">
                        <ul class="jytxxgklist">
                            <!--{rows}
<script type="text/javascript" src="/jyt/xhtml/js/page.js"></script><script>createPageHTML('page_div',{pages}, 1,'zwgklist','shtml',{total});</script>-->

                        </ul>
                    </div>

                    <div class="fenye2 d float">
                        <div class="page">
                            <div id="page_div"></div>
                        </div>
                    </div>
                </div>
                <div class="clear"></div>
            </div>
        </div>
    </div>
    <div class="foot_box">
        <div class="foot_con">
            <div class="foot_middle">
                <p>版权所有：甘肃省教育厅　　制作维护：甘肃教育融媒体中心</p>
                <p style="display:flex;">
                    <a href="https://beian.miit.gov.cn/" target="_blank" class="longClass">陇ICP备17003689号-1</a>　　
                    网站标识码：6200000068　　
                    <a href="http://www.beian.gov.cn/portal/registerSystemInfo" target="_blank" class="ganClass">甘公网安备62010202000617号</a>
                </p>
            </div>
        </div>
    </div>
</div>
<div class="clear"></div>
<script>
    (function () {{
      var pageid = "{code}", ppid = "{parent}";
      var a = document.getElementById("erji_" + pageid) || document.getElementById("erji_" + ppid);
      if (a) a.className = "on";
    }})();
</script>
</body>
</html>
"""


def _gs_column(kit: Kit, case: str, code: str, parent: str, name: str, n: int, newest: date | None,
               late_uploads: int = 0) -> None:
    channel_id = "".join(kit.rng.choice("0123456789abcdef") for _ in range(32))
    shown = kit.dates(n, newest, 11) if newest else []
    titles = [kit.title(d.year) for d in shown]
    for k in range(0, n, 6):  # co-issued documents: the bodies apart by a double space
        titles[k] = f"省教育厅  省财政厅关于{titles[k].removeprefix('关于')}"
    uploads = list(shown)
    # a few documents are uploaded weeks after the date they show: the URL's month is the upload's
    late = [k for k in range(2, n, 5) if shown[k] + timedelta(days=45) <= kit.as_of][:late_uploads]
    for k in late:
        uploads[k] = shown[k] + timedelta(days=kit.rng.randint(28, 45))
    order = sorted(range(n), key=lambda k: uploads[k])
    ids = {k: 173800000 + 4217 * rank + kit.rng.randint(0, 4000) for rank, k in enumerate(order)}
    rows: list[Row] = [(f"/jyt/{code}/{uploads[k]:%Y%m}/{ids[k]}.shtml", shown[k], titles[k]) for k in range(n)]
    pages = max(1, -(-n // GS_PER))
    chunks = kit.paged(rows, GS_PER)
    generated = datetime.combine(kit.ago(1), datetime.min.time()) + timedelta(hours=15, minutes=9)
    for p in range(pages):
        chunk = chunks[p] if p < len(chunks) else []
        results = []
        for u, d, t in chunk:
            clock = _clock(kit)
            stamp = datetime.fromisoformat(f"{d:%Y-%m-%d}T{clock}").replace(tzinfo=BJ)
            results.append({"title": t, "content": f"{t}。各有关单位：……", "url": u, "subTitle": t,
                            "manuscriptId": u.rsplit("/", 1)[1].split(".")[0],
                            "publishedTime": int(stamp.timestamp() * 1000), "publishedTimeStr": f"{d:%Y-%m-%d} {clock}",
                            "channelName": name, "channelCodeName": code, "channelId": channel_id,
                            "domainMetaList": [{"resultList": [{"key": "source", "name": "来源", "value": "甘肃省教育厅"}]}]})
        answer = {"data": {"page": p + 1, "rows": GS_PER, "channelId": channel_id, "total": n, "relateSubChannels": "true",
                           "results": results}, "locationUrl": f"/jyt/{code}/zwgklist.shtml", "channelName": name}
        params = [("_isAgg", "true"), ("_isJson", "true"), ("_pageSize", str(GS_PER)), ("_template", "index"),
                  ("_rangeTimeGte", ""), ("_channelName", ""), ("page", str(p + 1))]
        kit.write(_route(f"/common/search/{channel_id}", params), json.dumps(answer, ensure_ascii=False))
    kit.write(f"/jyt/{code}/zwgklist.shtml",
              _gs_page(kit, code, parent, channel_id, name, chunks[0] if rows else [], pages if n else 0, n, generated))
    kit.column(case, name, f"/jyt/{code}/zwgklist.shtml", rows, pages, empty=not rows, static=False,
               note="甘肃 zwgklist: page one's 20 rows inside <!-- --> in ul.jytxxgklist, redrawn from "
                    "/common/search/{channelId}; later pages only through the API (click-only pager)"
                    + ("; blank: comment holds only the pager call, API has no rows" if not rows else ""))


# ======================================================================================
# 2. 江西省生态环境厅: Hanweb new generation, template + /queryList
# ======================================================================================
JX_PER = 15
JX_UNIT = "380055"
JX_PARENT = [("col42142", "机构信息", 1), ("col42143", "<p>权责清单</p>", 1), ("col42144", "环保标准", 1),
             ("col42145", "公示公告", 1), ("col42146", "信用江西宣传专栏", 1), ("col42148", "信息公开", 0),
             ("col42149", "文件通知", 1), ("col62902", "法规规章库", 1), ("col42150", "<p>政策法规解读· 以案释法</p>", 1),
             ("col57149", "<p>规范性文件</p>", 1), ("col42381", "政府信息公开", 1), ("col84654", "政务服务网网址", 0)]

JX_TOOLS_JS = r"""/* Handlebars.tools.js (stand-in): draw a channel template next to its script tag */
function renderChannelTemplate(tplId, items, containerId, isMenu, opts) {
  var tpl = document.getElementById(tplId), src = tpl.innerHTML;
  var m = src.match(/\{\{#each items\}\}\{\{#with this\}\}([\s\S]*?)\{\{\/with\}\}\{\{\/each\}\}/);
  var row = m ? m[1] : src, html = '', max = (opts && opts.titleMax) || 0;
  for (var i = 0; i < items.length; i++) {
    var it = items[i];
    if (isMenu && it.showOrNot != 1) continue;
    var urls = typeof it.urls === 'string' ? JSON.parse(it.urls) : it.urls;
    var name = it.name || it.showName;
    if (max && name.length > max) name = name.substring(0, max);
    html += row.replace(/\{\{pcUrl\}\}/g, urls.pc).replace(/\{\{showName\}\}/g, it.showName || it.name)
               .replace(/\{\{name\}\}/g, name);
  }
  var holder = document.createElement('template');
  holder.innerHTML = html;
  tpl.parentNode.insertBefore(holder.content, tpl);
}
"""

JX_UTILS_JS = r"""/* utils.js (stand-in): loadPageData asks /queryList for one page and draws template + jpage bar */
function loadPageData(params, unitid) {
  var m = location.search.match(/[?&]pageNum=(\d+)/);
  if (m) params.current = parseInt(m[1], 10);
  var q = [];
  for (var k in params) {
    var v = params[k];
    if (Object.prototype.toString.call(v) === '[object Array]') {
      for (var i = 0; i < v.length; i++) q.push(encodeURIComponent(k + '[]') + '=' + encodeURIComponent(v[i]));
    } else {
      q.push(encodeURIComponent(k) + '=' + encodeURIComponent(v));
    }
  }
  var xhr = new XMLHttpRequest();
  xhr.open('GET', '/queryList?' + q.join('&'));
  xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
  xhr.onload = function () {
    var res = JSON.parse(xhr.responseText), rows = res.data.results, max = parseInt(params.titleMax, 10);
    var src = document.getElementById(params.templateContainerId).innerHTML;
    var each = src.match(/\{\{#each data\}\}\{\{#with this\}\}([\s\S]*?)\{\{\/with\}\}\{\{\/each\}\}/);
    var body = '';
    for (var i = 0; i < rows.length; i++) {
      var s = rows[i].source, pc = JSON.parse(s.urls).pc, d = s.pubDate;
      var shown = s.title.length > max ? s.title.substring(0, max) + '...' : s.title;
      body += each[1].replace(/\{\{pcUrl\}\}/g, pc)
        .replace(/title='\{\{title\}\}'/g, "title='" + s.title + "'").replace(/\{\{title\}\}/g, shown)
        .replace(/\{\{formatDate\s+pubDate\s+'YYYY'\s*\}\}/g, d.substring(0, 4))
        .replace(/\{\{formatDate\s+pubDate\s+'MM'\s*\}\}/g, d.substring(5, 7))
        .replace(/\{\{formatDate\s+pubDate\s+'DD'\s*\}\}/g, d.substring(8, 10));
    }
    var list = src.replace(/\{\{#each data\}\}[\s\S]*\{\{\/each\}\}/, body);
    var per = parseInt(params.perPage, 10), pages = Math.max(1, Math.ceil(res.data.total / per)), cur = params.current;
    var base = location.pathname + '?uid=' + unitid + '&pageNum=';
    function btn(cls, title, n, on) {
      return on ? '<a class="default_pgBtn ' + cls + '" title="' + title + '" href="' + base + n + '"></a>'
                : '<span class="default_pgBtn ' + cls + 'Disabled" title="' + title + '"></span>';
    }
    var bar = '<div class="default_pgToolbar"><div class="default_pgPanel">'
      + btn('default_pgFirst', '首页', 1, cur > 1) + btn('default_pgPrev', '上页', cur - 1, cur > 1)
      + '<span class="default_pgCurrentPage">' + cur + '</span>/<span class="default_pgTotalPage">' + pages + '</span>'
      + btn('default_pgNext', '下页', cur + 1, cur < pages) + btn('default_pgLast', '尾页', pages, cur < pages)
      + '<span class="default_pgSearchInfo">共' + res.data.total + '条</span></div></div>';
    document.getElementById(unitid).innerHTML = '<div class="default_pgContainer">' + list + '</div>' + bar;
  };
  xhr.send();
}
"""

JX_HEADER_JS = r"""document.write('<div class="header"><div class="logo"><a href="/jxssthjt/index.html"><img src="/jxssthjt/images/logo.png" alt="江西省生态环境厅"></a></div>'
 + '<div class="nav"><ul><li><a href="/jxssthjt/index.html">首页</a></li><li><a href="/jxssthjt/col/col42062/index.html">政务公开</a></li>'
 + '<li><a href="/jxssthjt/col/col42063/index.html">新闻资讯</a></li><li><a href="/jxssthjt/col/col42064/index.html">政务服务</a></li>'
 + '<li><a href="/jxssthjt/col/col42065/index.html">互动交流</a></li><li><a href="/jxssthjt/col/col42066/index.html">专题专栏</a></li></ul></div></div>');
"""

JX_FOOTER_JS = r"""document.write('<div class="footer"><div class="friendlink"><span>友情链接</span><ul style="display:none">'
 + '<li><a href="https://www.mee.gov.cn/" target="_blank">生态环境部</a></li><li><a href="http://www.jiangxi.gov.cn/" target="_blank">江西省人民政府</a></li></ul></div>'
 + '<p>主办：江西省生态环境厅　网站标识码：3600000076</p><p><a href="/jxssthjt/col/col42070/index.html">网站地图</a>　<a href="/jxssthjt/col/col42071/index.html">联系我们</a></p></div>');
"""


def _jx_channel(code: str, name: str, show: str, count: int) -> dict:
    return {"code": code, "releaseTime": 1749181130585, "showName": show, "channelType": "0", "childCount": 0,
            "articleCount": count, "sort": 98, "describes": name, "parentId": "1765024993942487040", "tags": name,
            "urls": json.dumps({"pc": f"/jxssthjt/col/{code}/index.html"}),
            "crumbs": [{"urls": {"pc": "/jxssthjt/col/col42062/index.html"}, "name": "政务公开"},
                       {"urls": {"pc": f"/jxssthjt/col/{code}/index.html"}, "name": name}],
            "name": name, "showOrNot": 1, "id": f"17650251{int(code[3:]) * 7919:011d}", "aggregationChannel": "0"}


def _jx_page(kit: Kit, code: str, name: str, show: str, records: list[dict], count: int, generated: datetime) -> str:
    me = _jx_channel(code, name, show, count)
    parent = {"code": "col42062", "showName": "政务公开", "channelType": "0", "childCount": len(JX_PARENT), "articleCount": 2,
              "urls": json.dumps({"pc": "/jxssthjt/col/col42062/index.html"}), "name": "政务公开", "showOrNot": 1,
              "children": [{"code": c, "showName": s, "name": s.removeprefix("<p>").removesuffix("</p>"), "showOrNot": on,
                            "urls": json.dumps({"pc": f"/jxssthjt/col/{c}/index.html"})} for c, s, on in JX_PARENT]}
    self_json = json.dumps(me, ensure_ascii=False, separators=(",", ":"))
    parent_json = json.dumps(parent, ensure_ascii=False, separators=(",", ":"))
    list_json = json.dumps(records, ensure_ascii=False, separators=(",", ":"))
    params = f"""{{
                      current: 1,
                      unitid: '{JX_UNIT}',
                      webSiteCode: ['jxssthjt'],
                      channelCode: ['{code}'],
                      dataBefore: '',
                      dataAfter: '',
                      perPage: '{JX_PER}',
                      notReturnContent:false,
                      showMode: 'normal',
                      groupSize: 1,
                      barPosition: 'bottom',
                      titleMax: '34',
                      templateContainerId: 'div{JX_UNIT}',
                      themeName: 'lucidity',
                    }}"""
    return f"""<!doctype html>
<html>
  <head>
  <base href="/jxssthjt/" /> 
  <meta name="SiteName" content="江西省生态环境厅" /> 
  <meta name="SiteDomain" content="http://sthjt.jiangxi.gov.cn" /> 
  <meta name="SiteIDCode" content="3600000076" /> 
  <meta name="ColumnName" content="{name}" /> 
  <meta name="ColumnDescription" content="{name}" /> 
  <meta name="ColumnKeywords" content="{name}" /> 
  <meta name="ColumnType" content="" /> 
  <meta name="HtmlGenerateTime" content="{generated:%Y-%m-%d %H:%M:%S}" /> 
    <meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
    <title>{name} - 江西省生态环境厅</title>
    <link rel="stylesheet" href="/jxssthjt/images/style.css">
    <script src="commonfiles/Handlebars.tools.js"></script>
    <script>
      var websiteId = '1753255916894359552',
        websiteCode = 'jxssthjt',
        channelId = '{me["id"]}',
        codeName = '{code}';
      var channelsTagSelf = {self_json}; //当前栏目信息
      var channelsTagParent = [
        {parent_json},
      ]; //父级栏目信息
      var listData = {{
        articleList: {list_json},
      }};
    </script>
  <meta charset="UTF-8"></head>

  <body>
    <img class="img_bg" src="/jxssthjt/images/IndexPage_BG.jpg">
    <!--new-->

    <script src="/jxssthjt/images/2007291150515820.js"></script>
    <div class="container" style="margin-bottom: 100px">
      <!--机构职能-->
      <div class="jgzn_mian">
        <div class="Location">
          <table cellspacing="0" cellpadding="0" border="0" style="margin-left: 20px">
            <tbody>
              <tr>
                <td tabindex="0">
                  <a href="/jxssthjt/index.html" style="color: #333333">首页</a>
                </td>
                <td tabindex="0">
                  <table width="100%" cellspacing="0" cellpadding="0" border="0">
                    <tbody>
                      <tr>
                        <script id="div491845" type="text/x-handlebars-template">
                          {{{{#each items}}}}{{{{#with this}}}}
                              <td tabindex='0'>
                                >>
                                <a href='{{{{pcUrl}}}}' style='color: #333333'>
                                  {{{{showName}}}}
                                </a>
                              </td>
                            {{{{/with}}}}{{{{/each}}}}
                        </script>
                        <script>
                          try {{
                            renderChannelTemplate('div491845', ({self_json}).crumbs, 'div491845');
                          }} catch (e) {{}}
                        </script>
                      </tr>
                    </tbody>
                  </table>
                </td>
              </tr>
            </tbody>
          </table>
        </div>
        <div class="jgzn_content">
          <div class="jgzn_nav">
            <ul>
              <li style="color: #fff; text-align: center">
                <a>{name}</a>
              </li>
            </ul>
          </div>

          <div class="jgz_box">
            <div class="zgjn_bor"></div>

            <div class="ldxx-left-menu">
              <div class="ldxx-left-menu-tit-img">
                <p class="list-left-title">
                  <span tabindex="0"><script>
                      document.write(channelsTagParent[0].showName);
                    </script></span>
                </p>
              </div>
              <ul class="ldxx-public-left-menu-img">
                <script id="subMenu" type="text/x-handlebars-template">
                  {{{{#each items}}}}{{{{#with this}}}}
                      <li>
                        <a href='{{{{pcUrl}}}}' class='ariaskiptheme'>
                          <img src='/jxssthjt/images/e8b84c4d276c42e48469b85ab08a7fa7.png' />
                          <span tabindex='0'><strong>{{{{name}}}}</strong><span class='ldxx-left-menu-span' style='float: none' tabindex='0'></span></span>
                        </a>
                      </li>
                    {{{{/with}}}}{{{{/each}}}}
                </script>
                <script>
                  renderChannelTemplate('subMenu', channelsTagParent[0].children, 'subMenu', true, {{ titleMax:10 }});
                </script>
              </ul>
            </div>

            <div class="container_ny pie mgt20">
              <div class="block_b">
                <div class="box03">
                  <h2>
                    <span class="tit pie white fl cur" tabindex="0">{name}</span>
                  </h2>
                </div>
                <div class="box03_con clearfix" style="margin-bottom: 25px; height: auto">
                  <div id="{JX_UNIT}"></div>
                  <script id="div{JX_UNIT}" type="text/x-handlebars-template">
                    <ul class='List_list'>
                      {{{{#each data}}}}{{{{#with this}}}}<li>
                            <a
                              href='{{{{pcUrl}}}}'
                              target='_blank'
                              title='{{{{title}}}}'
                            >{{{{title}}}}</a><span class='list_span'>{{{{formatDate pubDate 'YYYY'}}}}-{{{{formatDate pubDate 'MM'}}}}-{{{{formatDate pubDate 'DD'}}}}</span>
                          </li>{{{{/with}}}}{{{{/each}}}}
                    </ul>
                  </script>
                  <link rel="stylesheet" type="text/css" href="commonfiles/jpage/theme/lucidity/css/jpage.css">
                  <script src="commonfiles/utils.js"></script>
                  <script>
                    var params = {params};

                    loadPageData(params, '{JX_UNIT}');
                  </script>
                </div>
              </div>
            </div>

            <div class="zgjn_bor"></div>
          </div>
        </div>
      </div>
      <!--机构职能-->
    </div>

    <!--尾部 -->
    <script src="/jxssthjt/images/2007291150515374.js"></script>
</body></html>
"""


def _jx_column(kit: Kit, case: str, code: str, name: str, show: str, n: int, newest: date) -> None:
    shown = kit.dates(n, newest, 16)
    base_id = 1951206363677671424 - kit.rng.randint(10 ** 12, 10 ** 13)
    rows: list[Row] = []
    sources = []
    for k, d in enumerate(shown):
        art = base_id - k * 1166014327009 - kit.rng.randint(0, 10 ** 9)
        url = f"/jxssthjt/col/{code}/content/content_{art}.html"
        title = kit.title(d.year)
        rows.append((url, d, title))
        sources.append({"classify": 0, "images": [{}], "metadata": {}, "attDownloadType": 0, "title": title, "type": 0,
                        "pubDate": f"{d:%Y-%m-%d} {_clock(kit)[:5]}", "relation": 0,
                        "urls": json.dumps({"pc": url}), "contentSource": kit.rng.choice(["法规与标准处", "生态环境执法局", "办公室"]),
                        "showTitle": f"<p>{title}</p>", "topStatus": 0, "archiveStatus": 0, "id": str(art)})
    pages = -(-n // JX_PER)
    for p in range(pages):
        params = [("current", str(p + 1)), ("unitid", JX_UNIT), ("webSiteCode[]", "jxssthjt"), ("channelCode[]", code),
                  ("dataBefore", ""), ("dataAfter", ""), ("perPage", str(JX_PER)), ("notReturnContent", "false"),
                  ("showMode", "normal"), ("groupSize", "1"), ("barPosition", "bottom"), ("titleMax", "34"),
                  ("templateContainerId", f"div{JX_UNIT}"), ("themeName", "lucidity")]
        answer = {"success": True, "code": 200, "msg": "操作成功",
                  "data": {"total": n, "current": p + 1, "size": JX_PER, "pages": pages,
                           "results": [{"source": s} for s in sources[p * JX_PER:(p + 1) * JX_PER]]}}
        kit.write(_route("/queryList", params), json.dumps(answer, ensure_ascii=False))
    # the page was generated before its newest records (the data block refreshed later)
    generated = datetime.combine(newest - timedelta(days=40), datetime.min.time()) + timedelta(hours=11, minutes=38)
    page = _jx_page(kit, code, name, show, sources[:50], n, generated)
    start = f"/jxssthjt/col/{code}/index.html"
    kit.write(start, page)
    for p in range(2, pages + 1):  # the jpage bar's links: the same page, the number in the query
        kit.write(_route(start, [("uid", JX_UNIT), ("pageNum", str(p))]), page)
    kit.column(case, name, start, rows, pages, static=False,
               note="Hanweb new-gen: empty div#380055 + handlebars template, /queryList (GET here), jpage links "
                    "?uid=380055&pageNum=N; listData JSON inline in <head>")


# ======================================================================================
# 3. 湖北省住房和城乡建设厅: the whole column as zcwj.json, paged client-side
# ======================================================================================
HB = "/hbzjt"
HB_PER = 20
HB_COLUMNS = {"gfxwj": ("30851", "规范性文件"), "qtzdgkwj": ("30852", "其他主动公开文件"), "zcjd": ("30853", "政策解读")}
HB_DEPTS = [("fgw", "湖北省发展和改革委员会"), ("jyt", "湖北省教育厅"), ("kjt", "湖北省科学技术厅"), ("czt", "湖北省财政厅"),
            ("zrzyt", "湖北省自然资源厅"), ("sthjt", "湖北省生态环境厅"), ("jtt", "湖北省交通运输厅"), ("slt", "湖北省水利厅"),
            ("yjt", "湖北省应急管理厅"), ("tjj", "湖北省统计局")]
HB_PROVS = [("zjw.beijing", "北京"), ("zfcxjs.tj", "天津"), ("zfcxjst.hebei", "河北"), ("zjt.shanxi", "山西"),
            ("jst.jl", "吉林"), ("zjt.ln", "辽宁"), ("zjw.sh", "上海"), ("dohurd.ah", "安徽"), ("zjt.jiangxi", "江西"),
            ("zjt.hunan", "湖南")]
HB_CITIES = [("zgj.wuhan", "武汉市住房和城市更新局"), ("zj.yichang", "宜昌市住房和城市更新局"),
             ("szjj.xiangyang", "襄阳市住房和城市更新局"), ("zjj.huangshi", "黄石市住房和城市更新局"),
             ("zjj.shiyan", "十堰市住房和城市更新局"), ("zjj.jingzhou", "荆州市住房和城市更新局")]
HB_UNITS = [("202008/t20200804_2710031", "省住建厅机关服务中心"), ("202008/t20200804_2710038", "省建筑业发展服务中心"),
            ("202008/t20200804_2710032", "省住房保障服务中心"), ("202008/t20200804_2710033", "省建设工程质量安全监督站"),
            ("202010/t20201022_2954107", "省建设科技与节能办公室"), ("202008/t20200804_2710035", "省城乡建设发展中心")]

HB_LIST_JS = r"""/* zcwjlil.js (stand-in): the whole column as zcwj.json, drawn and paged in the browser */
var allData = [], curData = [], pageTemp = { pageSize: 20, pageNum: 1, totalSize: 0, totalPage: 0 };
function htmlData() {
  var start = (pageTemp.pageNum - 1) * pageTemp.pageSize, html = '';
  var rows = curData.slice(start, start + pageTemp.pageSize);
  for (var i = 0; i < rows.length; i++) {
    var r = rows[i], num = r.FILENUM === '*' ? '' : r.FILENUM;
    html += '<li><a href="' + r.URL + '" target="_blank" title="' + r.FILENAME + '">' + r.FILENAME + '</a>'
      + '<span class="wh">' + num + '</span><span class="time">' + r.PUBDATE.substring(0, 10) + '</span></li>';
    if ((i + 1) % 10 === 0 && i + 1 < rows.length) html += '<li class="line"></li>';
  }
  document.getElementById('ulList').innerHTML = html;
  var bar = '', n = pageTemp.totalPage;
  if (n > 1) {
    bar += '<a href="javascript:void(0)" data-p="' + Math.max(1, pageTemp.pageNum - 1) + '">上一页</a>';
    for (var p = 1; p <= n; p++) {
      bar += p === pageTemp.pageNum ? '<span class="current">' + p + '</span>'
                                   : '<a href="javascript:void(0)" data-p="' + p + '">' + p + '</a>';
    }
    bar += '<a href="javascript:void(0)" data-p="' + Math.min(n, pageTemp.pageNum + 1) + '">下一页</a>';
    bar += '<span>共' + pageTemp.totalSize + '条</span>';
  }
  var pages = document.querySelector('.pages');
  pages.innerHTML = bar;
  var links = pages.getElementsByTagName('a');
  for (var k = 0; k < links.length; k++) {
    links[k].onclick = function () { pageTemp.pageNum = parseInt(this.getAttribute('data-p'), 10); htmlData(); };
  }
}
(function () {
  var xhr = new XMLHttpRequest();
  xhr.open('GET', location.pathname.replace(/[^\/]*$/, '') + 'zcwj.json');
  xhr.onload = function () {
    allData = JSON.parse(xhr.responseText).data;
    curData = allData;
    pageTemp.totalSize = curData.length;
    pageTemp.totalPage = Math.ceil(pageTemp.totalSize / pageTemp.pageSize);
    pageTemp.pageNum = 1;
    htmlData();
  };
  xhr.send();
})();
"""

HB_FILTER_JS = r"""<script>
  (function () {
    function bind(cls, test) {
      var items = document.querySelectorAll('.' + cls + ' li');
      for (var i = 0; i < items.length; i++) {
        items[i].onclick = function () {
          var v = this.getElementsByTagName('a')[0].getAttribute('data-com');
          curData = v === '' ? allData : allData.filter(function (r) { return test(r, v); });
          pageTemp.totalSize = curData.length;
          pageTemp.totalPage = Math.ceil(pageTemp.totalSize / pageTemp.pageSize);
          pageTemp.pageNum = 1;
          htmlData();
        };
      }
    }
    bind('wjfl', function (r, v) { return r.FILENAME.indexOf(v) >= 0; });
    bind('ztfl', function (r, v) { return r.FILENUM.indexOf(v) >= 0; });
    bind('ztflnew', function (r, v) { return r.FILENAME.indexOf(v) >= 0 || r.FILETYPE.indexOf(v) >= 0; });
    var cur = document.getElementById('%(treeid)s');
    if (cur) cur.className = 'current';
  })();
</script>"""


def _hb_tree(slug: str) -> str:
    def li(lid: str, path: str, name: str, sub: str = "") -> str:
        return f'<li id="{lid}"><a href="{HB}/zfxxgk/{path}#test">{name}</a><ul>{sub}</ul></li>'
    zc = "".join(li(lid, f"zc/{s}/", n) for s, (lid, n) in HB_COLUMNS.items())
    fd = "".join(li(*x) for x in [("30863", "fdzdgknr/jgjj/", "机构简介"), ("30879", "fdzdgknr/ghxx/", "规划信息"),
                                  ("30880", "fdzdgknr/xkfw/", "许可/服务"), ("30883", "fdzdgknr/cfqz/", "处罚/强制"),
                                  ("30889", "fdzdgknr/czzj/", "财政资金"), ("30892", "fdzdgknr/zfcg/", "政府采购"),
                                  ("30895", "fdzdgknr/gysyjs/", "公益事业建设"), ("30910", "fdzdgknr/zkly/", "招考录用"),
                                  ("30911", "fdzdgknr/qtzdgknr/", "其他主动公开内容")])
    return ('<ul class="info-tree">\n' + li("30850", "zc/", "政策", zc) + li("30856", "zfxxgkzn/", "政府信息公开指南")
            + li("30857", "zfxxgkzd/", "政府信息公开制度") + li("30858", "fdzdgknr/", "法定主动公开内容", fd)
            + li("30859", "zfxxgkgzndbg/", "政府信息公开年度报告") + li("30862", "ysqgk/", "依申请公开") + "</ul>")


def _hb_page(slug: str, name: str) -> str:
    def group(names: list[tuple[str, str]]) -> str:
        return "".join(f'\n                      <li><a href="http://{h if "." in h else h + ".hubei"}.gov.cn/"  target="_blank" '
                       f'title="{n}">{n}</a></li>\n' for h, n in names)
    units = "".join(f'\n                  <li><a href="{HB}/zfxxgk/fdzdgknr/jgjj/zsdw/{u}.shtml"  target="_blank" title="{n}" ><span>{n}</span></a></li>'
                    for u, n in HB_UNITS)
    treeid = HB_COLUMNS[slug][0]
    return f"""<!DOCTYPE html>
<html>
<head>
    <!-- 必须，不要动 -->
    <meta charset="utf-8">
    <meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1" />
<meta name="SiteName" content="湖北省住房和城乡建设厅">
<meta name="SiteDomain" content="zjt.hubei.gov.cn">
<meta name="SiteCode" content="4200000048">
<!-------------二级meta标签开始 ------------------->
<meta name="ColumnName" content="{name}">
<meta name="ColumnDescription" content="{name},主要用于湖北省住房和城乡建设厅{name}等信息的发布" />
<meta name="ColumnType" content="{name} ">
<!-------------二级meta标签结束 ------------------->
    <title>{name}-湖北省住房和城乡建设厅</title>
    <link type="text/css" rel="stylesheet" href="{HB}/material/css/newinfo_css/xxgk.css" />
</head>
<body>
<!-- dom 开始 -->
<div class="wrap">
    <!-- header 开始 -->
     <div class="header">
    <div class="inner clearfix">
      <h1><a href="{HB}/">湖北省住房和城乡建设厅</a></h1>
      <h2><a href="{HB}/" class="nt">政府信息公开</a></h2>
    </div>
</div>
    <!-- header 结束 -->
    <!-- content 开始 -->
    <div class="content">
        <div class="grid p1" name="test">
            <a href="javascript:void(0);" name="test"></a>
            <div class="row">
           <div class="search-box">
          <input type="text" maxlength="20" value="" placeholder="" id="textfields" />
          <button onclick="chkSearchs()">搜 索</button>
        </div>
            </div>
            <div class="row">
                <div class="col-md-3">
                    <!-- 信息公开树 开始 -->
      <div class="side_info">
       {_hb_tree(slug)}
      </div>
                    <!-- 信息公开树 结束 -->
                </div>
                <div class="col-md-9">
                    <div class="main">
                        <div class="ssboxxx">
                            <select class="wj-xzlx" id="choose">
                                <option value="文件名称">文件名称</option>
                                <option value="发文字号">发文字号</option>
                            </select>
                            <input type="text" maxlength="50" placeholder="请输入关键字" id="textfield3" />
                            <button id="seachBtn">搜索</button>
                        </div>
                        <h4 class="t4"><b>分类查询</b></h4>
                        <table class="table table-bordered table-hover">
                            <tbody>
                            <ul class="navv nav-pills wjfl clearfix">
                                <span role><a style="cursor: none;">文件类型</a></span>
                                <li role="presentation"><a href="javascript:void(0)" data-com="">全部</a></li>
                                <li role="presentation"><a href="javascript:void(0)" data-com="办法">办法</a></li>
                                <li role="presentation"><a href="javascript:void(0)" data-com="意见">意见</a></li>
                                <li role="presentation"><a href="javascript:void(0)" data-com="方案">方案</a></li>
                                <li role="presentation"><a href="javascript:void(0)" data-com="细则">细则</a></li>
                            </ul>
                             <ul class="navv nav-pills ztfl">
                            <span role=""><a style=" cursor: none;" title="">发文字号</a></span>
                            <li role="presentation"><a href="javascript:void(0)" data-com="" title="">全部</a></li>
                            <li role="presentation"><a href="javascript:void(0)" data-com="鄂建设规" title="" >鄂建设规</a></li>
                            <li role="presentation"><a href="javascript:void(0)" data-com="鄂建文" title="" >鄂建文</a></li>
                            <li role="presentation"><a href="javascript:void(0)" data-com="鄂建函" title="" >鄂建函</a></li>
                        </ul>
                         <ul class="navv nav-pills ztflnew">
                            <span role=""><a style=" cursor: none;" title="">主题分类</a></span>
                            <li role="presentation"><a href="javascript:void(0)" data-com="" title="">全部</a></li>
                            <li role="presentation"><a href="javascript:void(0)" data-com="营商环境" title="" >营商环境</a></li>
                            <li role="presentation"><a href="javascript:void(0)" data-com="其他">其他</a></li>
                        </ul>
                            </tbody>
                        </table>
                        <!-- 信息检索列表 开始 -->
                        <ul class="info-list" id="ulList">

                        </ul>
                        <!-- 信息检索列表 结束 -->
                        <!-- 分页 开始 -->
                        <div class="pages"></div>
                        <!-- 分页 结束 -->
                    </div>
                </div>
            </div>
        </div>
    </div>
    <!-- footer 开始 -->
  <div class="footer">
  <div class="links">
      <ul class="row rowyw">
          <li class="col-md-3 col-xs-6"><a href="javascript:">省直部门</a>
              <ul>{group(HB_DEPTS)}
              </ul>
          </li>
          <li class="col-md-3 col-xs-6"><a href="javascript:">省级住建部门</a>
              <ul>{group(HB_PROVS)}
              </ul>
          </li>
          <li class="col-md-3 col-xs-6"><a href="javascript:">直属单位</a>
              <ul>{units}
              </ul>
          </li>
          <li class="col-md-3 col-xs-6"><a href="javascript:">市州住建部门</a>
              <ul>{group(HB_CITIES)}
              </ul>
          </li>
      </ul>
  </div>
  <div class="copyright clearfix">
      <div class="footer-map p20 fl">
          <p>
               <a href="{HB}/fzlm/wzdt/" target="_blank">网站地图</a>
               <a href="{HB}/fzlm/wzsm/201910/t20191018_120733.shtml" target="_blank">网站声明</a>
              <a href="{HB}/fzlm/lxwm/201910/t20191018_120732.shtml" target="_blank">联系我们</a>
          </p>
          <p>
              <span>网站标识码：4200000048</span>
              <span>鄂ICP备05011090号-1</span>
          </p>
          <p>
              <span>主办：湖北省住房和城乡建设厅</span>
              <span>承办：湖北省建设信息中心</span>
          </p>
      </div>
  </div>
</div>
    <!-- footer 结束 -->
</div>
<!-- dom 结束 -->
<!-- js -->
<script type="text/javascript" src="{HB}/material/js/zjt_js/zcwjlil.js"></script>
{HB_FILTER_JS % {"treeid": treeid}}

</body>
</html>
"""


def _hb_column(kit: Kit, case: str, slug: str, n: int, newest: date, odd: int | None = None) -> None:
    name = HB_COLUMNS[slug][1]
    base = f"{HB}/zfxxgk/zc/{slug}/"
    shown = kit.dates(n, newest, 26)
    records, rows = [], []
    left = {y: sum(1 for d in shown if d.year == y) for y in {d.year for d in shown}}  # 〔年〕N号, counted down
    for k, d in enumerate(shown):
        clock = _clock(kit)
        pub = datetime.fromisoformat(f"{d:%Y-%m-%d}T{clock}")
        # DOCRELTIME: when it went online, the same day or some days after the document's PUBDATE
        released = min(pub + timedelta(days=kit.rng.choice([0, 0, 0, 1, 2, 13]), minutes=kit.rng.randint(5, 300)),
                       datetime.combine(kit.as_of, pub.time()))
        url_day = released.date()
        if k == odd:  # re-issued: the URL carries a new date, the list keeps the document's PUBDATE
            url_day = min(kit.as_of, newest + timedelta(days=12))
        title = kit.title(d.year)
        number = left[d.year]
        left[d.year] -= 1
        if slug == "gfxwj":
            num = kit.rng.choice([f"鄂建设规〔{d.year}〕{number}号"] * 3 + ["*"])
        else:
            num = kit.rng.choice([f"鄂建文〔{d.year}〕{kit.rng.randint(2, 60)}号", f"鄂建函〔{d.year}〕{kit.rng.randint(2, 300)}号", "*"])
        url = f"{base}{url_day:%Y%m}/t{url_day:%Y%m%d}_{5123000 + 3917 * (n - k) + kit.rng.randint(0, 3000)}.shtml"
        records.append({"IdxID": f"01104325X/{d.year}-{kit.rng.randint(1000, 49999):05d}", "URL": url, "FILENAME": title,
                        "FILETYPE": "通知", "FILENUM": num, "PUBLISHER": "湖北省住房和城乡建设厅",
                        "PUBDATE": f"{pub:%Y-%m-%d %H:%M:%S}", "DOCRELTIME": f"{released:%Y-%m-%d %H:%M:%S}",
                        "EFFECTIVESTATE": "有效", "EFECTDATE": "", "ABOLIDATE": "", "SUBJECTCLASS": "城乡建设（含住房）",
                        "REVISIONNOTES": "", "RECURL": "", "XGJD": ""})
        rows.append((url, d, title))
    if odd is not None and odd + 3 < n:  # the JSON is not strictly sorted: that record sits lower down
        records.insert(odd + 3, records.pop(odd))
        rows.insert(odd + 3, rows.pop(odd))
    kit.write(f"{base}zcwj.json", json.dumps({"data": records}, ensure_ascii=False, indent=2))
    kit.write(f"{base}index.shtml", _hb_page(slug, name))
    pages = max(1, -(-n // HB_PER))
    kit.column(case, name, f"{base}index.shtml", rows, pages, static=False,
               note="湖北住建 zcwj: empty ul#ulList, the whole column fetched as zcwj.json and paged client-side "
                    "(click-only pager); footer 直属单位 links to 2020 article URLs")


# ======================================================================================
# 4. 吉林省公共资源交易中心: cards drawn from the 海云 search API
# ======================================================================================
JL = "/jlggzy"
JL_PER = 10
JL_SECTIONS = {"zfcg": ("69307", "政府采购"), "yxcg": ("69314", "药械采购"), "gcjs": ("69320", "工程建设"),
               "cqjy": ("69329", "产权交易"), "kqjy": ("69325", "矿业权交易")}
JL_MENU = [("69292", "jgsz", "机构设置", [("zxjj", "中心简介"), ("ldfg", "领导分工"), ("lxwm", "联系我们")]),
           ("69297", "ddjs", "党的建设", [("djyw", "党建要闻"), ("zzjs", "组织建设"), ("dflz", "党风廉政")]),
           ("69303", "gzdt", "工作动态", [("tzgg", "通知公告"), ("xydt", "中心动态")]),
           ("69306", "jyxx", "交易信息", [(s, n) for s, (_, n) in JL_SECTIONS.items()]),
           ("69340", "zcfg", "政策法规", [("zfcgfg", "政府采购"), ("yxcg", "药械采购"), ("gcjs", "工程建设"), ("zcjd", "政策解读")]),
           ("69377", "fwzn", "服务指南", [("bsbqr", "办事不求人"), ("xzzq", "下载专区")]),
           ("70729", "hdjl", "互动交流", [("zrxx", "主任信箱"), ("lyxd", "留言选登")])]
JL_LINKS = [("省政府及行业监管部门", [("https://www.ndrc.gov.cn/", "国家发改委"), ("http://www.ccgp.gov.cn/", "中国政府采购网"),
                                      ("http://www.jl.gov.cn/", "吉林省人民政府"), ("http://czt.jl.gov.cn/", "吉林省财政厅")]),
            ("其他省本级交易平台", [("http://ggzyjyw.hlj.gov.cn/", "黑龙江省公共资源交易网"),
                                   ("http://ggzyjy.nmg.gov.cn/", "内蒙古公共资源交易网"),
                                   ("http://jsggzy.jszwfw.gov.cn/", "江苏省公共资源交易网")]),
            ("省内市级交易平台", [("http://ggzy.siping.gov.cn/", "四平市公共资源交易中心"),
                                 ("http://www.ccggzy.com.cn/", "长春市公共资源交易中心")])]
JL_METHODS = ["公开招标", "竞争性磋商", "竞争性谈判", "询价"]
OPT_PAD = " " * 82  # the friend-link <option>s sit far to the right, as in the real template

JL_LIST_JS = r"""<script>
var urlId = getUrlParam("id");
var id;//栏目id
var word = null;//检索词
var pagerIndex = 1;
var params;
function initParams(id, word, pagerIndex) {
  params = {
    code: "1892dd01822", searchWord: word, orderBy: "time", dataTypeId: '501', searchBy: "all",
    pageNo: pagerIndex, pageSize: 10, granularity: "ALL", beginDateTime: '', endDateTime: '', isSearchForced: 0,
    customFilter: { "operator": "and", "properties": [{ "property": "channel_id", "operator": "eq", "value": id, "weight": 100 }] }
  };
}
function toQuery(p) {
  /* the JSON body as a query: customFilter's channel_id condition as channel_id=… */
  var out = [];
  for (var k in p) {
    var v = p[k];
    if (k === 'customFilter') { k = v.properties[0].property; v = v.properties[0].value; }
    if (v === null || v === undefined) v = '';
    out.push(encodeURIComponent(k) + '=' + encodeURIComponent(v));
  }
  return out.join('&');
}
function isWithinsixDays(oldDate, currentDate) {
  return Math.floor((new Date(currentDate) - new Date(oldDate)) / (1000 * 60 * 60 * 24)) <= 6;
}
function pad(n) { return n < 10 ? '0' + n : '' + n; }
var now = new Date(), today = now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate());
function paging(box, pageNo, totalPage, totalSize) {
  var html = '<a id="firstPage">首页</a><a id="prePage">上一页</a>';
  for (var i = 1; i <= totalPage; i++) html += i == pageNo ? "<a class='current'>" + i + "</a>" : "<a>" + i + "</a>";
  html += "<a id='nextPage'>下一页</a><a id=\"lastPage\">尾页</a>";
  html += "<span class='totalPages'> 共<span>" + totalPage + "</span>页 </span><span class='totalSize'> 共<span>" + totalSize + "</span>条 </span>";
  box.innerHTML = html;
  var links = box.getElementsByTagName('a');
  for (var k = 0; k < links.length; k++) {
    links[k].onclick = function () {
      var n = this.id == 'prePage' ? pageNo - 1 : this.id == 'nextPage' ? pageNo + 1 : this.id == 'firstPage' ? 1
            : this.id == 'lastPage' ? totalPage : parseInt(this.innerHTML, 10);
      n = Math.max(1, Math.min(totalPage, n));
      initParams(id, word, n);
      getList();
    };
  }
}
function getList() {
  var xhr = new XMLHttpRequest();
  xhr.open('GET', '/irs/front/search?' + toQuery(params));
  xhr.setRequestHeader('Accept', 'application/json');
  xhr.onload = function () {
    var data = JSON.parse(xhr.responseText), box = document.getElementById('jyul');
    var pager = data.data.pager;
    paging(document.getElementById('JgcxPage'), pager.pageNo, pager.pageCount, pager.total);
    box.innerHTML = '';
    var rows = data.data.middle.listAndBox, html = '';
    if (rows != "") {
      for (var i = 0; i < rows.length; i++) {
        var result = rows[i].data;
        var fbrq = result.time.substring(0, 10);
        var xmbh = result["table-1"] || "", money = result["table-2"] || "", cgfs = result["table-3"] || "";
        var kbrq = result["table-4"] ? result["table-4"].substring(0, 10) : "";
        var newD = isWithinsixDays(fbrq, today) ? '<label >新</label>' : '<label style="display:none;">新</label>';
        if (id == 69308) {
          html += '<div class="TradeInfo "><div class="titH2">' + newD + '<a href="' + result.url + '" target="_blank">' + result.title
            + '</a><span class="fbrq">' + fbrq + '</span></div><div class="item"><label>项目编号</label><span>' + xmbh
            + '</span><label>预算金额</label><span>' + money + '万元</span><label>开标日期</label><span>' + kbrq + '</span></div> </div>';
        } else {
          html += '<div class="TradeInfo "><div class="titH2">' + newD + '<a href="' + result.url + '" target="_blank">' + result.title
            + '</a><span class="fbrq">' + fbrq + '</span></div><div class="item"  style="display:none;"><label>项目编号</label><span>'
            + xmbh + '</span><label>预算金额</label><span>' + money + '</span><label>采购方式</label><span>' + cgfs
            + '</span> <label>开标日期</label><span>' + kbrq + '</span></div> </div>';
        }
      }
      box.innerHTML = html;
    } else {
      box.innerHTML = "暂无数据";
    }
  };
  xhr.send();
}
function getUrlParam(name) {
  var r = window.location.search.substr(1).match(new RegExp("(^|&)" + name + "=([^&]*)(&|$)"));
  return r != null ? unescape(r[2]) : null;
}
var tabs = document.querySelectorAll("#jyUl li");
for (var t = 0; t < tabs.length; t++) {
  tabs[t].onclick = function () {
    document.getElementById("zbName").innerHTML = this.textContent;
    for (var j = 0; j < tabs.length; j++) tabs[j].className = "";
    this.className = "on";
    id = this.getElementsByTagName("a")[0].getAttribute("data-id");
    initParams(id, word, pagerIndex);
    getList();
  };
}
if (urlId) {
  for (var j = 0; j < tabs.length; j++) {
    if (tabs[j].getElementsByTagName("a")[0].getAttribute("data-id") == urlId) tabs[j].onclick();
  }
} else if (tabs.length) {
  tabs[0].onclick();
}
</script>"""


def _jl_page(kit: Kit, section: str, slug: str, name: str, cid: str) -> str:
    sec_id, sec_name = JL_SECTIONS[section]
    nav = "".join(f"""
	 <li Y={y} class="nLi changeStyle">
             <a href="../../../{d}/" title="{n}">{n}</a>
             <ul class="sub">""" + "".join(f'\n		     <li><a href="../../../{d}/{s}/" title="{sn}">{sn}</a></li>' for s, sn in subs)
                  + "\n		</ul>\n         </li>" for y, d, n, subs in JL_MENU)
    side = "".join(f'\n         <li Y={y} class="changeStyle0{" on" if s == section else ""}"><a href="../../{s}/">{n}</a></li>'
                   for s, (y, n) in JL_SECTIONS.items())
    selects = "".join('\n								<select onchange="if(this.options[this.selectedIndex].value != \'\'){window.open(this.options[this.selectedIndex].value,\'_blank\');}">'
                      + "".join(f'\n{OPT_PAD}<option value="{u}">\n{OPT_PAD}  {t}\n{OPT_PAD}</option>' for u, t in links)
                      + "\n								</select>" for _, links in JL_LINKS)
    hidden = "".join(f'\n			<li class="link_W_Sub">\n			 <p>{h}</p>\n			 <div class="link_hidden_box">\n				<div>'
                     + "".join(f'\n				 <a href="{u}" target="_blank" title="{t}">{t}</a>' for u, t in links)
                     + "\n				</div>\n			 </div>\n			</li>" for h, links in JL_LINKS)
    stale = date(2023, 6, 6)
    return f"""<!doctype html>
<html>
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=Edge" />
<title></title>
<link href="../../../images/common_ggzy_20230606.css" rel="stylesheet" type="text/css" />
<meta name="SiteName" content="吉林省公共资源交易中心"/>
<meta name="SiteIDCode" content="2200000074"/>
<meta name="ColumnName" content="{name}"/>
<meta name="ColumnType" content="{name}"/>
<meta name="ArticleTitle" content=""/>
<meta name="PubDate" content=""/>
<script>
document.addEventListener("DOMContentLoaded", function () {{
  var xl_name = "", lm_name = "{name}", zd_name = "吉林省公共资源交易中心";
  document.title = xl_name === "" && lm_name === "" ? zd_name : (xl_name === "" ? lm_name + "-" + zd_name : xl_name + "-" + zd_name);
}});
</script>
</head>
<body>
<div class="warp">
 <!-- top bar-->
 <div class="topbar">
	<div class="topbar_box">
	 <ul class="user_Box">
		<li><a href="javascript:void(0)" id="loginBtn">登录</a> </li>
		<li>  <a href="javascript:void(0)" id="tcBtn" style="display:none">退出登录</a></li>
                <li> <a href="javascript:void(0)" id="zcBtn">注册</a></li>
	 </ul>
	 <p>
		<span id="time">今天是{stale.year}年{stale.month}月{stale.day}日 星期二 </span>
		<label class="weather"></label>
	 </p>
	 <script type="text/javascript">
		function showLocale(objD) {{
		 var yy = objD.getFullYear(), MM = objD.getMonth() + 1, dd = objD.getDate(), ww = "日一二三四五六".charAt(objD.getDay());
		 return "<font>" + yy + "年" + (MM < 10 ? "0" + MM : MM) + "月" + (dd < 10 ? "0" + dd : dd) + "日 星期" + ww + "</font>";
		}}
		function tick() {{
		 document.getElementById("time").innerHTML = showLocale(new Date());
		 window.setTimeout("tick()", 1000);
		}}
		tick();
	 </script>
	</div>
 </div>
 <!-- top bar end-->
 <div class="logo"><a href="{JL}/"><img src="../../../images/logo_20230606.png" width="50%" /></a></div>
 <!-- 导航 -->
 <div id="nav" class="head nav">
	<ul>
	 <li><a href="{JL}/">首 页</a></li>{nav}
	</ul>
	<form name="form1" method="get" target="_blank" class="i_search fl">
	 <input type="text" class="search_input" value="请输入关键词查询" name="q" id="search_val_nav" />
	 <input class="search_btn" value="" type="submit" style="cursor: pointer;" />
	</form>
	<div class="search_btn1 fr">搜全省政府网站</div>
 </div>
 <!-- 导航 end -->
 <div class="contents">
	<div class="tit">
   <h2>{name}</h2>
   <!--当前位置-->
   <div class="Hamburg">当前位置： <a href="../../../" target="_blank" title="首页" class="CurrChnlCls">首页</a><span></span><a href="../../" target="_blank" title="交易信息" class="CurrChnlCls">交易信息</a><span></span><a href="../" target="_blank" title="{sec_name}" class="CurrChnlCls">{sec_name}</a><span></span><a href="./" target="_blank" title="{name}" class="CurrChnlCls">{name}</a></div>
  </div>
	<div class="clearfix ">
	 <div class="sideMenu fl">
          <ul>{side}
</ul>
	 </div>
	 <div class="R_main fr">
		<div class="tit1">
		 <h2 id="zbName"></h2>
		</div>
		<div class="flfg_search">
		 <ul id="jyUl" class="tab_links jyxx_tab">
		  <li><a href="javascript:;" data-id="{cid}">{name}</a></li>
		 </ul>
                <div class="btnMain">
			<input class="flfg_input" type="text" />
			<a href="javascript:;" class="btn btn_retrieval" onclick="jsClick()">检索</a>
			<a href="javascript:;" class="btn btn_resetting"  onclick="czClick()" style="display:none;">重置</a>
		 </div>
		</div>
		<div id="jyul" class="clearfix mt20">
		</div>
		<div id="JgcxPage" class="paging"></div>
	 </div>
	 </div>
	</div>
 </div>
<div class="footer_box">
	<!-- 友情链接 -->
	<div class="LinksBox ">
	 <div class="Links">
		<div class="Links_top">
		 <h2>友情链接</h2>
                 <div class="yqlj_right">{selects}
		  </div>
		 <ul style="display:none;">{hidden}
		 </ul>
		</div>
	 </div>
	</div>
	<!--友情链接 end -->
<!-- 底部 -->
	<div class="footer">
	 <div class="f_box">
		<div class="f_main fl">
		 <div class="f_Text fl">
			<div class="zbdw"><p>主办单位：吉林省公共资源交易中心</p></div>
			<p><a href="https://beian.miit.gov.cn/" target="_blank"><label>吉ICP备18000204号</label></a> <label>网站标识码：2200000074</label></p>
			<p class="f_ico"><a href="../../../kzgn/wzdt/" target="_blank" style="color: #2A4689">网站地图</a></p>
		 </div>
		</div>
		<div class="f_links">
		 <a href="../../../jgsz/lxwm/" target="_blank">联系我们 </a>
		 <a href="../../../dzdt/" target="_blank"> 电子地图 </a>
		</div>
	 </div>
	</div>
	<!-- 底部 -->
 </div>
</div>
</body>
</html>
{JL_LIST_JS}
"""


def _jl_column(kit: Kit, case: str, section: str, slug: str, name: str, cid: str, n: int, newest: date | None) -> None:
    base = f"{JL}/jyxx/{section}/{slug}/"
    shown = kit.dates(n, newest, 4) if newest else []
    rows: list[Row] = []
    records = []
    for k, d in enumerate(shown):
        url = f"{base}{d:%Y%m}/t{d:%Y%m%d}_{8800000 + 2311 * (n - k) + kit.rng.randint(0, 2000)}.html"
        title = f"{kit.rng.choice(['吉林省', '省直', '省本级'])}{kit.title()}项目{kit.rng.choice(['招标公告', '采购公告', '公开招标公告'])}" \
            if cid == "69308" else kit.title(d.year)
        opening = d + timedelta(days=kit.rng.randint(15, 24))  # 开标日期: weeks after the notice
        records.append({"type": "DATA", "data": {
            "title": title, "time": f"{d:%Y-%m-%d} {_clock(kit)}", "url": url, "channel_id": cid,
            "table-1": f"JLSZC{d.year}-{kit.rng.randint(100, 999)}", "table-2": f"{kit.rng.randint(20, 900)}.{kit.rng.randint(0, 99):02d}",
            "table-3": kit.rng.choice(JL_METHODS), "table-4": f"{opening:%Y-%m-%d} 09:30:00"}})
        rows.append((url, d, title))
    pages = max(1, -(-n // JL_PER))
    for p in range(pages):
        params = [("code", "1892dd01822"), ("searchWord", ""), ("orderBy", "time"), ("dataTypeId", "501"), ("searchBy", "all"),
                  ("pageNo", str(p + 1)), ("pageSize", str(JL_PER)), ("granularity", "ALL"), ("beginDateTime", ""),
                  ("endDateTime", ""), ("isSearchForced", "0"), ("channel_id", cid)]
        answer = {"code": 200, "msg": "success", "data": {
            "pager": {"pageNo": p + 1, "pageSize": JL_PER, "pageCount": pages if n else 0, "total": n},
            "middle": {"listAndBox": records[p * JL_PER:(p + 1) * JL_PER]}}}
        kit.write(_route("/irs/front/search", params), json.dumps(answer, ensure_ascii=False))
    kit.write(f"{base}index.html", _jl_page(kit, section, slug, name, cid))
    kit.column(case, name, f"{base}index.html", rows, pages, empty=not rows, static=False,
               note="吉林 ggzyzx: empty div#jyul drawn from /irs/front/search (GET here) as div.TradeInfo cards "
                    "(titH2 a + span.fbrq; item row with 开标日期), click-only paging()"
                    + ("; blank: the script writes 暂无数据" if not rows else ""))


# ======================================================================================
def build(kit: Kit) -> None:
    kit.write("/jyt/xhtml/static/js/xxgkPage.js", GS_LIST_JS)
    kit.start_portal("gansu-jyt", "甘肃省教育厅（模型）", SOURCE_GS, "province", "开普云 site cluster (瑞数 WAF)",
                     "https://jyt.gansu.gov.cn/")
    _gs_column(kit, "gsjyt-wjtz", "c110634", "c107293", "文件通知", 47, kit.ago(9), late_uploads=3)
    _gs_column(kit, "gsjyt-zcjd", "c107274", "c107274", "政策解读", 14, kit.ago(75), late_uploads=1)
    _gs_column(kit, "gsjyt-zyhy", "c240101", "c240101", "重要会议", 8, date(2023, 11, 14))
    _gs_column(kit, "gsjyt-cfqz", "c112713", "c112713", "处罚强制信息", 0, None)

    kit.write("/jxssthjt/commonfiles/Handlebars.tools.js", JX_TOOLS_JS)
    kit.write("/jxssthjt/commonfiles/utils.js", JX_UTILS_JS)
    kit.write("/jxssthjt/images/2007291150515820.js", JX_HEADER_JS)
    kit.write("/jxssthjt/images/2007291150515374.js", JX_FOOTER_JS)
    kit.start_portal("jiangxi-sthjt", "江西省生态环境厅（模型）", SOURCE_JX, "province", "Hanweb (new generation)",
                     "https://sthjt.jiangxi.gov.cn/")
    _jx_column(kit, "jxsthjt-zcfgjd", "col42150", "政策法规解读· 以案释法", "<p>政策法规解读· 以案释法</p>", 38, kit.ago(12))
    _jx_column(kit, "jxsthjt-gfxwj", "col57149", "规范性文件", "<p>规范性文件</p>", 9, kit.ago(140))
    _jx_column(kit, "jxsthjt-wjtz", "col42149", "文件通知", "文件通知", 23, date(2024, 8, 6))
    _jx_column(kit, "jxsthjt-gsgg", "col42145", "公示公告", "公示公告", 52, kit.ago(2))

    kit.write(f"{HB}/material/js/zjt_js/zcwjlil.js", HB_LIST_JS)
    kit.start_portal("hubei-zjt", "湖北省住房和城乡建设厅（模型）", SOURCE_HB, "province", "TRS", "https://zjt.hubei.gov.cn/")
    _hb_column(kit, "hbzjt-gfxwj", "gfxwj", 20, kit.ago(31), odd=12)
    _hb_column(kit, "hbzjt-qtzdgkwj", "qtzdgkwj", 47, kit.ago(3), odd=25)
    _hb_column(kit, "hbzjt-zcjd", "zcjd", 11, kit.ago(160))

    kit.start_portal("jl-ggzyzx", "吉林省公共资源交易中心（模型）", SOURCE_JL, "other", "TRS + 海云 IRS search",
                     "http://www.ggzyzx.jl.gov.cn/")
    _jl_column(kit, "jlggzy-zbgg", "zfcg", "zbgg", "招标公告", "69308", 34, kit.ago(1))
    _jl_column(kit, "jlggzy-zbgs", "zfcg", "zbgs", "中标公告", "69311", 12, kit.ago(20))
    _jl_column(kit, "jlggzy-gzgg", "zfcg", "gzgg", "更正公告", "69310", 6, kit.ago(95))
    _jl_column(kit, "jlggzy-yxcg", "yxcg", "cggg", "采购公告", "69315", 0, None)
