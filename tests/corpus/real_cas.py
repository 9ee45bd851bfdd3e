"""A CAS research station's TRS WCM site: 中国科学院紫金山天文台青海观测站 (www.dlh.pmo.cas.cn).

Studied: bkichen/pmodlh_ac_cn (a static mirror, commit 5fd0c5eb2d7eac1c452b458a5f686cbd861c3e5b),
its tzgg/index.html and tzgg/index_1.html (通知公告, pages 1 and 2 of 2); saved as
/work/heldout/wave2c/06_pmo-qhz_tzgg_p1.html and 07_pmo-qhz_tzgg_p2.html.

Reproduced (our own titles, ids and wording; real class and id names kept): a 1000px table
layout (``cn53`` images) with a top bar (联系我们 | 网站地图 | English …, ``a.cn51white12``), a
search form, a top menu of ``a.cn51toppd1`` links each with a hidden drop-down
``div.apDiv2 > ul.mmul > li > a[target=_top]`` of sub-columns; a left ``td[width=235]`` that
only carries the column's name (``table.cn51white14b``) over an empty padded cell; the
breadcrumb "现在位置：首页 > …" (``a.CurrChnlCls``, the current one with ``href=""``); the list in
``td[width=731] > table.cn5rightkj … table[width=692]`` under a ``td.cn51black14b`` heading, one
row per item — bullet image, ``td.black_14 > a.cn51black14[title][target=_blank]``, and the date
in ``td.cn51hui122`` as a TWO-DIGIT-YEAR "YY-MM-DD<br>" — each followed by a one-pixel
separator row; titles carrying years and year ranges ("2014-2015年度…"-like) that look like
dates; the pager "共N页" with the current page as a red ``span#pagenav_N``, numbered
``a.Slan_12c`` links, 下一页/尾页 (首页/上一页 on later pages) to ``index_N.html``, and a
``var currentPage = 0;//所在页从0开始`` / ``var countPage`` jump script; the footer in
``td.cn51white13``. The mirror's ``javascript:;`` rewrites of unmirrored links (all of page
2's items) are an artefact of the mirror, not of the site, and are not reproduced.
"""

from __future__ import annotations

from datetime import date

from kit import Kit, Row

SOURCE = ("bkichen/pmodlh_ac_cn@5fd0c5eb2d7eac1c452b458a5f686cbd861c3e5b: tzgg/index.html, tzgg/index_1.html "
          "(static mirror of www.dlh.pmo.cas.cn)")
SITE = "中国科学院紫金山天文台青海观测站"
MENU = [  # (dir, name, [(sub dir, sub name)])
    ("qhzgk", "青海站概况", [("qhgczjj", "观测站简介"), ("xrld", "现任领导"), ("qhzfm", "站区风貌")]),
    ("jgsz", "机构设置", [("yxz", "运行组"), ("gcyjz", "观测研究组"), ("hqz", "后勤组")]),
    ("xwdt", "新闻动态", [("xw", "新闻"), ("tpxw", "图片新闻")]),
    ("wyjsbjs", "望远镜设备介绍", [("hmbwyj", "毫米波望远镜"), ("kjsp", "空间碎片")]),
    ("rydw", "人员队伍", [("kygg", "科研骨干"), ("yjy", "研究员")]),
    ("rczp", "人才招聘", [("gk", "概况"), ("zpxx", "招聘信息"), ("lyxx", "录用信息")]),
    ("hzjl", "合作交流", [("hzyjl", "合作交流")]),
    ("kycc", "科研产出", [("hjqk", "获奖情况"), ("lwcc", "论文产出")]),
    ("xzzq", "下载专区", [("sqb", "申请表")]),
    ("kpjd", "科普基地", [("kpdt", "科普动态"), ("kxtp", "科学图片")]),
]


def _menu(r: str) -> str:
    cells = []
    for k, (d, name, subs) in enumerate(MENU):
        lis = "".join(f"""
				
                <li><a href="{r}{d}/{s}/index.html" target="_top">{n}</a></li> """ for s, n in subs)
        cells.append(f"""
                <td width="2"><img src="{r}images/cn53top06.gif"></td>
                <td>
				<div class="apDiv2" id="menu{k + 1:02d}" onmousemove="MM_showHideLayers('menu{k + 1:02d}','','show')" onmouseout="MM_showHideLayers('menu{k + 1:02d}','','hide')">
                <ul class="mmul">{lis}
				
                </ul></div>  
				<a href="{r}{d}/index.html" class="cn51toppd1" onmousemove="MM_showHideLayers('menu{k + 1:02d}','','show')" onmouseout="MM_showHideLayers('menu{k + 1:02d}','','hide')" target="_top">{name}</a>
				</td>""")
    return "".join(cells)


def _pager(page: int, pages: int) -> str:
    def href(i: int) -> str:
        return "index.html" if i == 0 else f"index_{i}.html"

    a = 'class="Slan_12c" style="padding-left:3px;padding-right:3px;" target=\'_self\''
    out = f"共{pages}页&nbsp;&nbsp;"
    if page > 0:
        out += f"<a id='pagenav_head' {a} href='{href(0)}'>首页</a><a id='pagenav_{page - 1}' {a} href='{href(page - 1)}'>上一页</a>"
    for i in range(pages):
        out += (f"<span id='pagenav_{i}' style=\"color:#FF0000;padding-left:3px;padding-right:3px;\">{i + 1}</span>" if i == page
                else f"<a id='pagenav_{i}' {a} href='{href(i)}'>{i + 1}</a>")
    if page < pages - 1:
        out += f"<a id='pagenav_{page + 1}' {a} href='{href(page + 1)}'>下一页</a><a id='pagenav_tail' {a} href='{href(pages - 1)}'>尾页</a>"
    return out + f""" 					
<script>
var currentPage = {page};//所在页从0开始
var countPage = {pages}//共多少页	
document.write("<font class='Slan_12c'>转到第<input type='text' id='num' value="+(currentPage+1)+" style='width:30px;font-size:12px;' />页"+"&nbsp;<input style='font-size:12px' type='submit' value='提交' onClick=javascript:toPage() /></font>");
function toPage(){{
	var _num = document.getElementById("num").value;
	if(isNaN(_num)){{ alert("请输入数字"); return false; }}
	var url = location.href.substring(0,location.href.lastIndexOf("/")+1);
	if(_num<=1) location.href = url+"index.html";
	else if(_num>countPage) alert("本频道最多"+countPage+"页");
	else location.href = url+"index_"+(_num-1)+".html";
}}
</script>
"""


def _page(kit: Kit, r: str, crumbs: list[tuple[str, str]], name: str, rows: list[Row], base: str, page: int, pages: int) -> str:
    trail = "".join(f'&nbsp;&gt;&nbsp;<a href="{h}" title="{n}" class="CurrChnlCls">{n}</a>' for h, n in crumbs)
    items = "".join(f"""
					
                    <tr>
                      <td width="40" height="30" align="center"><img src="{r}images/cn53left14.gif"></td>
                      <td width="600" class="black_14"><a href="{u[len(base):]}" target="_blank" title="{kit.esc(t)}" class='cn51black14'>{kit.esc(t)}</a></td>
                      <td width="80" class="cn51hui122">{d:%y-%m-%d}<br></td>
                    </tr>
                    <tr>
                      <td height="1" colspan="3" background="{r}images/cn53right10.gif"></td>
                    </tr>""" for u, d, t in rows)
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{name}----{SITE}</title>
<link href="{r}images/cn53css.css" rel="stylesheet" type="text/css">
</head>
<body>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr valign="top">
    <td width="15" background="{r}images/cn53l02.gif"><img src="{r}images/cn53l01.jpg"></td>
    <td width="970">
	<style>
.apDiv2 {{ position:absolute; z-index:1; text-align:left; visibility: hidden; white-space:nowrap; }}
.mmul {{ padding:0px; border:1px #b9b9b9 solid; margin:29px 0px 0px 0px; background: #F6F6F6; }}
.mmul li {{ list-style-type:none; margin:0px; }}
</style>
<script type="text/javascript">
function MM_showHideLayers() {{
  var i,obj,args=MM_showHideLayers.arguments;
  for (i=0; i<(args.length-2); i+=3) if ((obj=document.getElementById(args[i]))!=null) obj.style.visibility=(args[i+2]=='show')?'visible':'hidden';
}}
</script>
<table width="970" border="0" cellpadding="0" cellspacing="0" class="logo" align="center">
        <tr>
          <td width="509" height="64" align="right" valign="top"><img src="{r}images/cn53logo01.jpg" width="484" height="60"></td>
          <td width="461" align="right" valign="top"><table border="0" cellpadding="0" cellspacing="0" class="cn51white12" style="margin-top:10px;">
              <tr>
                <td height="25" align="right" style="padding:0 10px 0 0"><a href="{r}lxwm/index.html" class="cn51white12" target="_top">联系我们</a> | <a href="{r}wzdt/index.html" class="cn51white12" target="_top">网站地图</a> | <a href="{r}index1.html" class="cn51white12" target="_top">English</a> | <a href="http://www.pmo.cas.cn/" class="cn51white12" target="_top">中国科学院紫金山天文台</a> | <a href="http://www.cas.cn/" class="cn51white12" target="_top">中国科学院</a></td>
              </tr>
            </table>
			<table border="0" cellpadding="0" cellspacing="0" style="margin:5px 15px 0 0;">
        <form name="searchform" action="{r}search" method="post" target="_top">
        <input type="hidden" name="channelid" value="44052">
        <input type="hidden" name="searchword" value="">
        <tr>
          <td align="left" valign="center">
          关键字：<input name="iptSword" id="iptSword" type="text" class="input" border="0" value="请输入关键字"></td>
          <td width="43" align="right"><input type="image" src="{r}images/cn53icon.jpg" width="27" height="18"></td>
        </tr></form>
      </table>
	  </td>
        </tr>
      </table>
      <table width="100%" border="0" cellpadding="0" cellspacing="0" class="banner" align="center">
        <tr>
          <td valign="bottom"><table width="100%" border="0" cellspacing="0" cellpadding="0" style="margin-bottom:15px;">
            <tr>
              <td align="right">&nbsp;</td>
            </tr>
          </table></td>
        </tr>
      </table>
      <table width="970" border="0" align="center" cellpadding="0" cellspacing="0">
        <tr>
          <td height="34" background="{r}images/cn53top04.gif"><table border="0" align="center" cellpadding="0" cellspacing="0">
              <tr>
                <td width="2"><img src="{r}images/cn53top06.gif"></td>
                <td>  
				<a href="{r}index.html" class="cn51toppd" target="_top">首页</a>
				</td>{_menu(r)}
                <td width="2"><img src="{r}images/cn53top06.gif"></td>
              </tr>
            </table></td>
        </tr>
        <tr>
          <td height="3" bgcolor="#46acfb"></td>
        </tr>
      </table>
      <table width="970" border="0" cellspacing="0" cellpadding="0">
        <tr valign="top">
          <td width="235" bgcolor="#EEEEEE">
		  <table width="235" border="0" cellspacing="0" cellpadding="0">
              <tr>
                <td height="1" bgcolor="#FFFFFF"></td>
              </tr>
              <tr>
                <td height="30" bgcolor="#1B67B0"><table width="235" border="0" cellpadding="0" cellspacing="0" class="cn51white14b">
                    <tr>
                      <td width="30" align="center"><img src="{r}images/cn53left02.gif" width="14" height="14"></td>
                      <td width="205">{name}</td>
                    </tr>
                </table></td>
              </tr>
              <tr>
                <td height="1" bgcolor="#738B98"></td>
              </tr>
            </table>
            <table width="235" border="0" cellspacing="0" cellpadding="0">
              <tr>
                <td align="center" valign="top" style="padding:16px">
				
                  </td>
              </tr>
            </table>			
			</td>
          <td width="3" bgcolor="#FFFFFF"></td>
          <td width="1" bgcolor="#D8D8D8"></td>
          <td width="731" bgcolor="#FFFFFF"><table width="731" border="0" cellspacing="0" cellpadding="0">
              <tr>
                <td height="30" bgcolor="#E9E9E9" style="padding:0 0 0 10px"><span>现在位置：</span><a href="{r}index.html" title="首页" class="CurrChnlCls">首页</a>{trail}</td>
              </tr>
              <tr>
                <td height="1" bgcolor="#BCC3B9"></td>
              </tr>
            </table>
            <table width="724" border="0" cellpadding="0" cellspacing="0" class="cn5rightkj">
              <tr>
                <td valign="top" style="padding:10px 0 10px 0"><table width="692" border="0" align="center" cellpadding="0" cellspacing="0">
                    <tr>
                      <td height="24" background="{r}images/cn53right07.gif"><table width="692" border="0" cellspacing="0" cellpadding="0">
                          <tr>
                            <td width="36" align="center"><img src="{r}images/cn53right09.gif" width="16" height="15"></td>
                            <td width="568" align="left" class="cn51black14b">{name}</td>
                            <td width="88"></td>
                          </tr>
                        </table></td>
                    </tr>
                    <tr>
                      <td><img src="{r}images/cn53right08.gif" width="692" height="2"></td>
                    </tr>
                  </table>
                  <table width="692" border="0" align="center" cellpadding="0" cellspacing="0">
                    <tr>
                      <td height="15" colspan="3"></td>
                    </tr>{items}
					
                  </table>
                  <table width="692" height="30" border="0" align="center" cellpadding="0" cellspacing="0">
                    <tr>
                      <td height="40" align="right" class="Slan_12c">
                      {_pager(page, pages)}</td>
                    </tr>
                  </table></td>
              </tr>
            </table></td>
        </tr>
      </table></td>
    <td width="15" background="{r}images/cn53r02.gif"><img src="{r}images/cn53r01.jpg"></td>
  </tr>
</table>
<table width="100%" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td height="77" align="center" valign="top" background="{r}images/cn53bottom01.gif"><table width="970" border="0" cellspacing="0" cellpadding="0">
        <tr>
          <td width="234" height="57" align="center"><img src="{r}images/cn53bottom04.jpg" width="186" height="57" border="0"></td>
          <td width="714" class="cn51white13" style="padding:0 0 0 20px">Copyright 2003-2025 {SITE} 版权所有<br>
            <span class="cn51blue124">地址：青海省德令哈市 观测站办公室</span></td>
        </tr>
      </table></td>
  </tr>
</table>
</body>
</html>"""


def _titles(kit: Kit, kind: str, d: date, k: int) -> str:
    """Our own titles; station notices carry years and year ranges as the real ones do."""
    if kind == "notice":
        return [f"{d.year}年度第{k % 3 + 1}批科研岗位招聘公告",
                f"观测站{d.year}年度拟录用人员名单公示（{'一二三'[k % 3]}）",
                kit.title(d.year),
                f"{d.year - 1}-{d.year}观测季望远镜开放共享机时安排的通知",
                kit.title()][k % 5]
    if kind == "news":
        return kit.rng.choice([f"观测站{kit.rng.choice(['开展', '组织', '举办'])}{kit.rng.choice(['科普开放日活动', '安全生产检查', '设备年度维护', '青年学术报告会'])}",
                               kit.title()])
    return kit.title(d.year)


def _column(kit: Kit, case: str, path: list[tuple[str, str]], n: int, newest: date, step: int, kind: str, id0: int,
            note: str, per: int = 20) -> None:
    base = "/pmoqhz/" + "".join(f"{d}/" for d, _ in path)
    r = "../" * len(path)
    crumbs = [("../" * (len(path) - 1 - i) + "index.html" if i < len(path) - 1 else "", n_) for i, (_, n_) in enumerate(path)]
    name = path[-1][1]
    rows: list[Row] = []
    for i, d in enumerate(kit.dates(n, newest, step)):
        rows.append((f"{base}{d:%Y%m}/t{d:%Y%m%d}_{id0 - i * 4171 - (i % 3)}.html", d, _titles(kit, kind, d, i)))
    chunks = kit.paged(rows, per)
    for p, chunk in enumerate(chunks):
        kit.write(f"{base}{'index' if p == 0 else f'index_{p}'}.html", _page(kit, r, crumbs, name, chunk, base, p, len(chunks)))
    kit.column(case, name, f"{base}index.html", rows, len(chunks), note=note)


def build(kit: Kit) -> None:
    kit.start_portal("pmo-qhz", "中国科学院紫金山天文台青海观测站（模型）", SOURCE, "other", "TRS", "http://www.dlh.pmo.cas.cn/")
    _column(kit, "pmo-qhz-tzgg", [("tzgg", "通知公告")], 28, date(2024, 9, 20), 150, "notice", 7702557,
            "CAS TRS table: td.cn51hui122 YY-MM-DD (two-digit year), titles with years and year ranges, 共2页 links")
    _column(kit, "pmo-qhz-xw", [("xwdt", "新闻动态"), ("xw", "新闻")], 47, kit.ago(6), 12, "news", 7813340,
            "CAS TRS table, two-digit years, 3 pages, second-level column")
    _column(kit, "pmo-qhz-zpxx", [("rczp", "人才招聘"), ("zpxx", "招聘信息")], 13, kit.ago(45), 40, "notice", 7790125,
            "CAS TRS table, two-digit years, one page (共1页)")
    _column(kit, "pmo-qhz-kpdt", [("kpjd", "科普基地"), ("kpdt", "科普动态")], 9, date(2022, 11, 3), 60, "news", 7350880,
            "CAS TRS table, two-digit years, stale")
