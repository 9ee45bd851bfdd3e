"""中国福彩网 (www.cwl.gov.cn), the 中国福利彩票发行管理中心's site: a Bootstrap template on its own
CMS ("CWL 中国福彩网内容管理系统", ZCMS statistics), articles at ``/c/{YYYY-MM-DD}/{id}.html``.

Studied: bkichen/cptz_net (a static mirror of the site on an expired domain), commit
f2a9e5f36a83dde89f3dd09ee6a6885569827830, xxgk/tzgg/index.html (信息公开 > 通知公告, page 1, 30
items). Reproduced: ``<title>{column}_中国福彩网</title>``; the ``nav.hidden-xs`` bar whose
网站导航 drop-down (``div.n_c_r_box_02 > dl.n_foreN > dd > div.n_item``) links some pages by
dated article URLs; the ``div.n_c_02`` menu; ``div.n_c_03`` with the section name (``a.wz_txt``);
an ``ol.breadcrumb`` "当前位置： 首页 > 通知公告"; the list in ``div.container > div.row#content >
div.list_content > ul.list-group > li.list-group-item`` as ``<span class="badge">YYYY-MM-DD</span>``
BEFORE ``<span class="white_space"><a>• title</a></span>`` (the bullet inside the link, long
titles cut with "...", spaces written ``&#32;``), split into groups of five by
``<li class="list-group-item cutting_line"><hr></li>`` rows (one more after the last); the SAME
list again for phones in ``ul.x_t_012`` (hidden by CSS, shown by a user-agent script): full
titles without the bullet and the date split into ``div.x_date_1`` (day) and ``div.x_date_2``
(YYYY-MM); the Bootstrap ``ul.pagination`` (« 1 2 3 », page n is ``index_n.html``); the
``div.img_text`` sidebar reusing ``ul.list-group`` for 热点视频 (3), 专题报道 (5) and the tabbed
一周热点排行 / 每日热点排行 (10 each, the daily one hidden) — undated links whose URLs carry
dates, often newer than the column's own items; the footer's link rows and the ZCMS
``PublishDate`` comment.
"""

from __future__ import annotations

from datetime import date, timedelta

from kit import Kit, Row

SOURCE = "bkichen/cptz_net@f2a9e5f36a83dde89f3dd09ee6a6885569827830: xxgk/tzgg/index.html (mirror of www.cwl.gov.cn)"
ROOT = "/cwl"
COLUMNS = {"tzgg": "通知公告", "ndfxxsqk": "年度销售情况", "cwyjs": "财务预决算", "gzzd": "规章制度"}
PER = 30
CUT = 32  # characters shown before "..."


class Ids:
    def __init__(self, kit: Kit) -> None:
        self.kit, self.n = kit, 480000

    def url(self, d: date) -> str:
        self.n -= self.kit.rng.randint(3, 60)
        return f"{ROOT}/c/{d:%Y-%m-%d}/{self.n}.html"


def _rel(u: str) -> str:
    return "../.." + u[len(ROOT):]


def _shown(t: str) -> str:
    return t if len(t) <= CUT else t[:CUT] + "..."


def _html_title(t: str) -> str:
    return Kit.esc(t).replace(" ", "&#32;")


def _list(rows: list[Row]) -> str:
    out = []
    for i, (u, d, t) in enumerate(rows):
        if i and i % 5 == 0:
            out.append("""
               <li class="list-group-item cutting_line" style="list-style-type: none;">
                <div style="width: 98%;margin: 0 auto;">
                 <hr style="border-style:dotted;">
                </div>
               </li>""")
        out.append(f"""
              <li class="list-group-item">
               <span class="badge">{d:%Y-%m-%d}</span>
               <span class="white_space"><a target="_blank" href="{_rel(u)}">• {_html_title(_shown(t))}</a></span>
              </li>
           """)
    out.append("""
     <li class="list-group-item cutting_line" style="list-style-type: none;">
      <div style="width: 98%;margin: 0 auto;">
       <hr style="border-style:dotted;">
      </div>
     </li>""")
    return "".join(out)


def _mobile(rows: list[Row]) -> str:
    return "".join(f"""
       <li><a href="{_rel(u)}" target="_blank">
        <div class="x_t_0121">
         <div class="x_date_1">{d:%d}</div>
         <div class="x_date_2">{d:%Y-%m}</div>
        </div>
        <div class="x_t_0122">
         <p class="x_tit_1">{_html_title(t)}</p>
        </div></a>
       </li>
       <div class="cleardiv"></div>""" for u, d, t in rows)


def _pager(page: int, pages: int) -> str:
    def href(p: int) -> str:
        return "index.html" if p == 1 else f"index_{p}.html"

    prev = ('<li class="disabled"><a href="#" aria-label="Previous"><span aria-hidden=\'true\'>&laquo;</span></a></li>'
            if page == 1 else f'<li class=""><a href="{href(page - 1)}"><span aria-hidden=\'true\'>&laquo;</span></a></li>')
    nxt = ('<li class="disabled"><a href="#" aria-label="Next"><span aria-hidden=\'true\'>&raquo;</span></a></li>'
           if page == pages else f'<li class=""><a href="{href(page + 1)}"><span aria-hidden=\'true\'>&raquo;</span></a></li>')
    nums = "".join(f'<li class="active"><a href="#">{p}</a></li>' if p == page
                   else f'<li class=""><a href="{href(p)}">{p}</a></li>'
                   for p in range(max(1, page - 2), min(pages, max(1, page - 2) + 4) + 1))
    return f'<ul class="pagination">{prev}{nums}{nxt}</ul>'


class Chrome:
    """The site-wide parts: drop-down navigation, sidebar boxes, footer (built once)."""

    def __init__(self, kit: Kit, ids: Ids) -> None:
        self.kit = kit
        as_of = kit.as_of
        self.nav_articles = [(ids.url(date(2019, 3, 1) - timedelta(days=90 * i)), n)
                             for i, n in enumerate(["机构设置", "机构职能", "领导介绍"])]
        self.video = [(ids.url(as_of - timedelta(days=5 + 7 * i)), f"《公益影像》2025{30 - i:02d}期") for i in range(4)]
        self.week = [(ids.url(as_of - timedelta(days=2 + 3 * i)), kit.title()) for i in range(10)]
        self.days = [(ids.url(as_of - timedelta(days=i)), kit.title()) for i in range(10)]
        self.specials = [(f"ztbd/zt{i + 1:02d}/index.html", kit.title()) for i in range(5)]

    def nav(self) -> str:
        arts = "".join(f'\n                <div class="n_item"><a href="{_rel(u)}" target="_blank"><span>{n}</span></a></div>'
                       for u, n in self.nav_articles)
        xxgk = "".join(
            f'\n                <div class="n_item"><a href="../{s}/index.html" target="_blank"><span>{n}</span></a></div>'
            for s, n in COLUMNS.items())
        return f"""<nav class="hidden-xs">
  <div class="n_c_01">
    <div class="n_c_011">
      <div class="n_c_011_l"><a href="../../index.html" target="_blank">中国福利彩票发行管理中心官方网站</a></div>
      <ul class="n_c_011_r">
        <li class="pop_backhome"><a href="../../index.html" target="_self">返回首页</a></li>
        <li class="pop_wzdh">网站导航<i></i>
          <div class="n_c_r_box_02">
            <dl class="n_fore1">
              <dt>机构</dt>
              <dd>
                <div class="n_item"><a href="../../zzjg/index.html" target="_blank">组织机构</a></div>{arts}
                <div class="n_item n_space"><a href="../index.html" target="_blank">信息公开</a></div>{xxgk}
              </dd>
            </dl>
            <dl class="n_fore3">
              <dt>开奖</dt>
              <dd>
                <div class="n_item"><a href="../../kjxx/index.html" target="_blank">阳光开奖</a></div>
                <div class="n_item"><a href="../../kjxx/wqkj/index.html" target="_blank"><span>往期开奖</span></a></div>
              </dd>
            </dl>
            <dl class="n_fore6">
              <dt>资讯</dt>
              <dd>
                <div class="n_item"><a href="../../xwzx/index.html" target="_blank">新闻资讯</a></div>
                <div class="n_item"><a href="../../xwzx/fcyw/index.html" target="_blank"><span>福彩要闻</span></a></div>
                <div class="n_item"><a href="../../xwzx/gszx/index.html" target="_blank"><span>各省资讯</span></a></div>
                <div class="n_item n_space"><a href="../../ztbd/index.html" target="_blank">专题报道</a></div>
              </dd>
            </dl>
            <dl class="n_fore9">
              <dt>服务</dt>
              <dd>
                <div class="n_item"><a href="../../gzfw/index.html" target="_blank">公众服务</a></div>
                <div class="n_item"><span data-code="wsly"><a target='_blank' href='../../cwl_admin/message/list-28_21.html'>网上留言 </a></span></div>
                <div class="n_item"><a href="../../gzfw/wjxz/index.html" target="_blank"><span>文件下载</span></a></div>
              </dd>
            </dl>
            <a href="../../wzdt/web/index.html" target="_blank"><img src="../../images/n_map.png" alt=""></a>
          </div>
        </li>
        <li class="pop_wx">微信<i></i></li>
        <li class="pop_client">客户端下载<i></i></li>
        </ul>
    </div>
  </div>
  <div class="n_c_02">
    <div class="n_c_021 n_c_021_kl8">
      <a href="../../djgz/index.html" target="_blank"><span>党建工作</span></a><a href="../../xwzx/index.html" target="_blank">新闻资讯</a><a href="../../kjxx/index.html" target="_blank">阳光开奖</a><a href="../../fcgy/index.html" target="_blank">福彩公益</a><a href="../../shzr/index.html" target="_blank">社会责任</a><a href="../../zzjg/index.html" target="_blank">组织机构</a><a href="../index.html" target="_blank">信息公开</a><a href="../../ztbd/index.html" target="_blank">专题报道</a><a href="../../zcjd/index.html" target="_blank">政策解读</a><a href="../../rdsp/index.html" target="_blank">热点视频</a><a href="../../gzfw/index.html" target="_blank">公众服务</a>
    </div>
  </div>
</nav>"""

    def sidebar(self) -> str:
        (vu, vt), rest = self.video[0], self.video[1:]
        videos = "".join(f"""
          <li class="list-group-item">
            <span class="corner_icon"><img src="../../images/news/3.png" alt=""></span>
            <a href="{_rel(u)}">{Kit.esc(t)}</a>
          </li>""" for u, t in rest)
        specials = "".join(f"""
          <li class="list-group-item">
            • <a href="../../{u}" target="_blank">{Kit.esc(t)}</a>
          </li>""" for u, t in self.specials)

        def hot(rows: list[tuple[str, str]]) -> str:
            return "".join(f"""
        <li class="list-group-item">
          <span class="corner_icon{' top_three' if i < 3 else ''}">{i + 1}</span>
          <a href="{_rel(u)}" target="_blank">{_html_title(t)}</a>
        </li>""" for i, (u, t) in enumerate(rows))
        return f"""
<div class="col-lg-4 col-md-4 col-sm-4 col-xs-12 img_text">
  <div class="head_line">
    <span class="title_more"><a href="../../rdsp/index.html" target="_blank">+ 更多 +</a></span>
    <div class="rdsp_bg">
      <a href="../../rdsp/index.html" target="_blank"><span class="title_text">热点视频</span></a>
    </div>
        <a href="{_rel(vu)}"><img class="banner banner_sp" src="../../upload/resources/image/2025/06/01/900001_320x180c.png"></a>
        <div class="hover_ybs">
          <h5 class="fc_ybs_title"><a href="{_rel(vu)}">{vt}</a></h5>
          <p class="small fc_ybs_explain">{self.kit.title()}，本期节目邀请嘉宾一同走进公益项目...</p>
        </div>
    <ul class="list-group">{videos}
    </ul>
  </div>

  <div class="head_line special_news">
    <span class="title_more"><a href="../../ztbd/index.html" target="_blank">+ 更多 +</a></span>
    <div class="ztbd_bg">
      <a href="../../ztbd/index.html" target="_blank"><span class="title_text">专题报道</span></a>
    </div>
        <a href="../../index1.html" target="_blank"><img src="../../upload/resources/image/2025/05/20/900002.jpg" class="banner"></a>
    <ul class="list-group">{specials}
    </ul>
  </div>

  <ul class="nav">
    <li role="presentation" data-num=".week_hot_list" class="active presentation col-lg-6 col-md-6 col-sm-6 col-xs-6"><span style="text-align: center;">一周热点排行</span>
    </li>
    <li role="presentation" data-num=".days_hot_list" class="col-lg-6 presentation col-md-6 col-sm-6 col-xs-6">
      <span style="text-align: center;">每日热点排行</span>
    </li>
  </ul>

  <ul class="list-group list_group_base week_hot_list">{hot(self.week)}
  </ul>

  <ul class="list-group list_group_base days_hot_list" data-c='0' style="display:none">{hot(self.days)}
  </ul>
</div>"""

    def footer(self, published: str) -> str:
        provinces = " | \n        ".join(f'<a href="javascript:;" target="_blank">{p}</a>' for p in
                                         ["北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江"])
        return f"""
<div class="f_c_01 hidden-xs">
  <div class="container">
    <div class="footer_01">
      <a href="../../index.html" target="_blank"><img src="../../images/footer_logo.png" alt=""></a>
      <p>管理机构：<a href="javascript:;" target="_blank">中华人民共和国财政部</a> | <a href="javascript:;" target="_blank">中华人民共和国民政部</a></p>
      <p>各地福彩：
        {provinces}
      </p>
    </div>
  </div>
</div>
<div class="f_c_02 hidden-xs">
  <div class="container">
    <ul>
      <li>
        <a href="../../kjxx/ssq/index.html" target="_blank"><img src="../../images/footer_02.png" alt="02"><span>双色球</span></a>
        <a href="../../kjxx/ssq/yxgz/index.html" target="_blank"><p>游戏规则</p></a>
        <a href="../../kjxx/ssq/kjgg/index.html" target="_blank"><p>往期开奖</p></a>
      </li>
      <li class="f_c_02_07">
        <a href="../index.html" target="_blank"><img src="../../images/footer_07.png" alt="07"><span>信息公开</span></a>
        <a href="../gzzd/index.html" target="_blank"><p>规章制度</p></a>
        <a href="../ndfxxsqk/index.html" target="_blank"><p>年度发行销售情况</p></a>
        <a href="../cwyjs/index.html" target="_blank"><p>财务预决算</p></a>
      </li>
    </ul>
  </div>
</div>
<div class="f_c_03">
  <div class="text-center">
    <p class="f_c_031">版权所有：中国福利彩票发行管理中心  网站主办：中国福利彩票发行管理中心</p>
    <p>ICP备案编号：京ICP备00000000</p>
  </div>
</div>
<script src="../../cwl_admin/stat/front/stat.js" type="text/javascript"></script>
<script>
if(window._zcms_stat)_zcms_stat("SiteID=21&CatalogInnerCode=000332000001&Type=null");
</script>

<!-- App=CWL(中国福彩网内容管理系统) 2.4.27543,CostTime=118,PublishDate={published} -->"""


def _page(kit: Kit, chrome: Chrome, slug: str, rows: list[Row], page: int, pages: int, published: str) -> str:
    name = COLUMNS[slug]
    return f"""
<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
  <meta name="description" content="中国福彩网是由中国福利彩票发行管理中心主办的官方网站,服务社会公众,传播福彩公益,提供开奖结果、福彩资讯、通知公告。">
  <meta name="keywords" content="福彩,彩票,中国福彩网,福利彩票,开奖,公益,信息公开,政策解读,{name}">
<title>{name}_中国福彩网</title>
 <link href="../../css/bootstrap.css" rel="stylesheet">
 <link href="../../css/base.css" rel="stylesheet">
 <script type="text/javascript" src="../../js/jquery-1.12.2.min.js"></script>
 <script src="../../js/bootstrap.js"></script>
 <script type="text/javascript" src="../../js/paging.js"></script>
 <link rel="stylesheet" href="../../css/newsList.css">
  <style>
    .x_t_012{{display:none;}}
  .x_t_012 li{{margin-top: 20px;}}
  .x_t_0121{{width: 80px;float: left;color: #fff;text-align: center;}}
  .x_t_0121 .x_date_1{{font: 50px/55px "微软雅黑";background: #ddd;}}
  .x_t_0121 .x_date_2{{font: 15px/24px "微软雅黑";background: #ddd;margin-top: 1px;}}
  .x_t_0122{{margin-left: 100px;}}
  </style>
</head>
<body>
{chrome.nav()}

 <div class="n_c_03">
  <div class="n_c_031">
   <div class="hidden-lg hidden-md hidden-sm n_logo_back" onclick="javascript:window.history.go(-1);"></div>
      <span><a href="../index.html" target="_blank" class="wz_txt">信息公开</a></span>
    <a href="../../wzdt/h5/index.html" class="hidden-lg hidden-md hidden-sm n_logo_more" target="_self"></a>
  </div>
 </div>
 <div class="nev_top_line">
  <div class="container">
   <ol class="breadcrumb col-lg-12 col-sm-12 col-md-12">
    <span>当前位置：</span>
     <a href="../../index.html">首页</a>  &gt;  

  <a href="">{name}</a>
   </ol>
  </div>
 </div>
 <div class="container">
  <div class="row" id="content">
   <div class="col-lg-8 col-md-8 col-sm-8 col-xs-12 list_content">


    <ul class="list-group">
     {_list(rows)}
    </ul>
     
     <ul class="x_t_012">
     {_mobile(rows)}

    </ul>
     
    <div>{_pager(page, pages)}</div>
    <div></div>
   </div>

{chrome.sidebar()}

  </div>
 </div>
 <script type="text/javascript">
  $('#pageToolbar').Paging({{pagesize: 10, count: 1000, toolbar: true, callback: function (page, size, count) {{
    alert('当前第 ' + page + '页,总页数：' + count + '页');
  }}}});
  $(".nav .presentation").bind("mouseover", function () {{
    $(".nav .presentation").removeClass("active"); $(this).addClass("active");
    $(".list_group_base").hide(); $($(this).attr("data-num")).show();
  }});
  if (/android|iphone|ipad|ipod|micromessenger/i.test(navigator.userAgent)) {{
    $(".wz_txt").html("{name}"); $(".img_text").hide(); $(".x_t_012").show(); $(".list-group").hide();
  }}
 </script>
{chrome.footer(published)}
</body>
</html>"""


def _long(kit: Kit) -> str:
    """A title long enough to be cut on the desktop list (full on the phone list)."""
    return f"{kit.title()} {kit.title()}有关事项的补充说明"


def _column(kit: Kit, chrome: Chrome, ids: Ids, case: str, slug: str, n: int, newest: date, max_step: int, note: str) -> None:
    base = f"{ROOT}/xxgk/{slug}/"
    rows: list[Row] = []
    for d in kit.dates(n, newest, max_step):
        r = kit.rng.random()
        t = (_long(kit) if r < 0.12 else f"关于清理{d.year - 11}-{d.year - 10}年度{kit.title()}档案的公告" if r < 0.18
             else kit.title(d.year))
        rows.append((ids.url(d), d, t))
    chunks = kit.paged(rows, PER)
    published = f"{newest:%Y-%m-%d} 16:{kit.rng.randint(10, 59)}:{kit.rng.randint(10, 59)}"
    for p, chunk in enumerate(chunks, 1):
        kit.write(f"{base}{'index' if p == 1 else f'index_{p}'}.html", _page(kit, chrome, slug, chunk, p, len(chunks), published))
    # labelled as a reader sees the (desktop) list: the bullet, the cut titles
    kit.column(case, COLUMNS[slug], f"{base}index.html", [(u, d, f"• {_shown(t)}") for u, d, t in rows], len(chunks), note=note)


def build(kit: Kit) -> None:
    kit.start_portal("cwl", "中国福彩网（模型）", SOURCE, "other", "CWL 内容管理系统 (ZCMS)", "http://www.cwl.gov.cn/")
    ids = Ids(kit)
    chrome = Chrome(kit, ids)
    _column(kit, chrome, ids, "cwl-tzgg", "tzgg", 75, kit.ago(4), 7,
            note="desktop ul.list-group (badge before link, groups of 5) + phone copy ul.x_t_012 (split date); "
                 "sidebar ul.list-group boxes with dated URLs; 3 pages")
    _column(kit, chrome, ids, "cwl-ndfxxsqk", "ndfxxsqk", 7, kit.ago(33), 200, note="same template; one page")
    _column(kit, chrome, ids, "cwl-cwyjs", "cwyjs", 14, kit.ago(62), 120, note="same template; one page")
    _column(kit, chrome, ids, "cwl-gzzd", "gzzd", 37, date(2023, 3, 15), 40, note="same template; stale; 2 pages")
