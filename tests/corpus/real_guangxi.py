"""广西壮族自治区哲学社会科学规划领导小组办公室（广西社科规划办）, www.gxpopss.cn — a small static
generator (the home page calls it 广西新闻网天工信息发布系统; footer 技术支持：广西新闻网).

Studied: bkichen/gxpopss_cn, commit f4b72d161578d4e5bf0db70ceaea5f8cc1f2acaa (a mirror on the
expired domain; it blanked unfetched article links to ``javascript:;`` and the current column's
nav link to ``href=""`` — mirror artefacts, not reproduced): staticmores/003/003-1.html, 003-2.html
and 003-7.html (通知公告, pages 1, 2 and the last of 7), staticmores/011/011-1.html and 011-2.html
(工作动态, 3 pages), staticmores/004/004-1.html (成果集萃, 5 pages).

Reproduced: ``<title>{栏目}_广西社科规划办</title>`` with empty keywords/description metas, the
``div.head > h1`` banner, the ``div.nav.bold > ul#nav`` menu (首  页, the four list columns, 联系我们
linking an article page), ``div.content > div.more-tag`` breadcrumb "当前位置：首页 --> 通知公告 -->
列表", and the list inside ``div.more-wrap`` split into several sibling ``<ul>`` of FIVE ``<li>``
each (20 a page, 4 groups; the last page 5 + 4), every item ``<li><span>[YYYY-MM-DD
HH:MM]</span><a href target="_blank">title</a></li>`` — bracketed date with time, BEFORE the link.
Article URLs are ``../../staticpages/{YYYYMMDD}/ghb{8 hex}-{id}.html`` where the hex is the
publish time as a Unix timestamp. Quirks kept: items of one day are in no time order (often
ascending within a day while days descend), a notice dated [2000-11-30 00:00] (a default date;
its URL says 20001130 too) sitting at the end of page 1 among 2017-2019 notices, titles with an
ASCII space inside personal names, a title ending in ``&nbsp;``. The pager is static links in
``div.more-page-wrap > div.more-page``: 上一页, numbers (window from current-5 to current+6, so the
last page of 7 skips "1"), the current as ``<span class="here">``, 下一页; page n is
``{cat}-{n}.html``. 资料下载 is a one-page column whose pager shows only the current number.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from kit import Kit, Row

SOURCE = ("bkichen/gxpopss_cn@f4b72d161578d4e5bf0db70ceaea5f8cc1f2acaa: staticmores/003/003-1.html, 003-2.html, "
          "003-7.html, staticmores/011/011-1.html, 011-2.html, staticmores/004/004-1.html (mirror of gxpopss.cn)")
ROOT = "/gxskgh"
COLUMNS = [("003", "通知公告"), ("011", "工作动态"), ("004", "成果集萃"), ("008", "资料下载")]
CST = timezone(timedelta(hours=8))
PER, GROUP = 20, 5
ROLES = ["市社科联主席", "研究所所长、研究员", "党校教授", "学院副院长", "报社副总编辑"]
NAMES = ["韦 宁", "陆 平", "覃 岚", "黄 川", "蒙 立"]  # two-character names padded with a space, as the site shows them


class _Ids:
    """The site's article ids: one sequence across columns, rising with time."""

    def __init__(self) -> None:
        self.n = 200

    def next(self) -> int:
        self.n += 2  # odd ids are left for the default-dated notice
        return self.n


def _url(stamp: datetime, aid: int) -> str:
    return f"{ROOT}/staticpages/{stamp:%Y%m%d}/ghb{int(stamp.timestamp()):08x}-{aid}.html"


def _pager(cat: str, page: int, pages: int) -> str:
    parts = []
    if page > 1:
        parts.append(f'<a href="{cat}-{page - 1}.html" target="_self">上一页</a>')
    for n in range(max(1, page - 5), min(pages, page + 6) + 1):
        parts.append(f'<span class="here">{n}</span>' if n == page else f'<a href="{cat}-{n}.html" target="_self">{n}</a>')
    if page < pages:
        parts.append(f'<a href="{cat}-{page + 1}.html" target="_self">下一页</a>')
    return " ".join(parts)


def _page(kit: Kit, cat: str, name: str, rows: list[tuple[str, datetime, str]], page: int, pages: int) -> str:
    nav = "".join(f'\n    <li><a href="../{c}/{c}-1.html" target="_blank">{n}</a></li>' for c, n in COLUMNS)
    groups = []
    for g in range(0, len(rows), GROUP):
        lis = "\n       ".join(
            f'\n            <li><span>[{s:%Y-%m-%d %H:%M}]</span><a href="../..{u[len(ROOT):]}" target="_blank">'
            f'{kit.esc(t.rstrip(chr(160)))}{"&nbsp;" if t.endswith(chr(160)) else ""}</a></li>'
            for u, s, t in rows[g:g + GROUP])
        groups.append(f"    <ul>{lis}\n          </ul>")
    return f"""
<!doctype html>
<html>
<head>
<meta charset="utf-8">
<title>{name}_广西社科规划办</title>
<meta name="keywords" content="">
<meta name="description" content="">
<link href="../../css/2018/base.css" rel="stylesheet">
<link href="../../css/2018/css.css" rel="stylesheet">
</head>
<body>
<div class="head">
  <h1>广西社科规划办-国家社科规划办</h1>
</div>
<div class="nav bold">
  <ul id="nav">
    <li><a href="../../index.html" target="_blank">首  页</a></li>{nav}
    <li><a href="../../staticpages/20180330/ghb5abdfa00-160.html" target="_blank">联系我们</a></li>
  </ul>
</div><div class="content">
  <div class="more-tag"> 当前位置：<a href="../../index.html">首页</a> --> {name} --> 列表 </div>
  <div class="more-wrap">
{chr(10).join(groups)}
    <div class="more-page-wrap">
      <div class="more-page">{_pager(cat, page, pages)}</div>
    </div>
  </div>
</div>
<div class="footer">
  <div class="footer-main">
    <p>版权所有&copy;2002-2025广西壮族自治区哲学社会科学规划领导小组办公室</p>
    <p>电话：0771-0000000　传真：0771-0000001　邮编：530000</p>
    <p>地址：广西南宁市（模型）　投稿邮箱：skgh@example.cn<br><a href="https://beian.miit.gov.cn/" target="_blank">ICP证：桂B2-00000000-1</a></p>
    <p>技术支持：<a href="http://www.gxnews.com.cn/" target="_blank">广西新闻网</a></p>
  </div>
</div>
<script src="../../js/2016/jquery-1.8.2.min.js"></script>
<script src="../../js/2016/index.js"></script>

</body>
</html>"""


def _stamps(kit: Kit, n: int, newest: date, step: int) -> list[datetime]:
    """Publish times, days newest first; items of one day often run in ascending time."""
    out: list[datetime] = []
    for d in kit.dates(n, newest, step):
        t = datetime(d.year, d.month, d.day, kit.rng.randint(8, 22), kit.rng.randint(0, 59), tzinfo=CST)
        out.append(t)
    i = 0
    while i < len(out):  # reorder each day's run: ascending, or ascending after its first item
        j = i
        while j < len(out) and out[j].date() == out[i].date():
            j += 1
        day = sorted(out[i:j])
        if j - i > 2 and kit.rng.random() < 0.5:
            day = [day[-1]] + day[:-1]
        elif kit.rng.random() < 0.5:
            day = day[::-1]
        out[i:j] = day
        i = j
    return out


def _column(kit: Kit, ids: _Ids, case: str, cat: str, n: int, newest: date, step: int, note: str, *,
            bogus_at: int | None = None, people: bool = False, nbsp_last: bool = False, burst: int = 0) -> None:
    name = dict(COLUMNS)[cat]
    stamps = _stamps(kit, n - burst, newest, step)
    if burst:  # a day of many postings (a seminar's talks), their times scrambled after the first
        at = len(stamps) // 2
        day = stamps[at].replace(hour=16, minute=0)
        run = [day + timedelta(minutes=m) for m in kit.rng.sample(range(1, 15), burst)]
        stamps[at + 1:at + 1] = run
    aids = sorted((ids.next() for _ in stamps), reverse=True)
    rows: list[tuple[str, datetime, str]] = []
    for k, (s, aid) in enumerate(zip(stamps, aids)):
        title = kit.title(s.year)
        if people and k % 3 == 1:
            title = f"{kit.rng.choice(ROLES)} {kit.rng.choice(NAMES)}：{title}"
        rows.append((_url(s, aid), s, title))
    if bogus_at is not None:  # a notice left at the system's default date, on page 1
        s = datetime(2000, 11, 30, 0, 0, tzinfo=CST)
        rows.insert(bogus_at, (_url(s, aids[bogus_at] - 1), s, kit.title()))
    if nbsp_last:
        u, s, t = rows[-1]
        rows[-1] = (u, s, t + "\u00a0")
    chunks = [rows[i:i + PER] for i in range(0, len(rows), PER)]
    for p, chunk in enumerate(chunks, start=1):
        kit.write(f"{ROOT}/staticmores/{cat}/{cat}-{p}.html", _page(kit, cat, name, chunk, p, len(chunks)))
    labelled: list[Row] = [(u, s.date(), t) for u, s, t in rows]
    kit.column(case, name, f"{ROOT}/staticmores/{cat}/{cat}-1.html", labelled, len(chunks), note=note)


def build(kit: Kit) -> None:
    kit.start_portal("gxskgh", "广西壮族自治区哲学社会科学规划领导小组办公室（模型）", SOURCE, "department",
                     "static generator (广西新闻网 天工信息发布系统)", "http://www.gxpopss.cn/")
    ids = _Ids()
    common = ("div.more-wrap split into <ul> groups of 5, [YYYY-MM-DD HH:MM] span before the link, "
              "times unordered within a day, static pager {cat}-{n}.html")
    # built oldest column first so article ids rise with time across the site
    _column(kit, ids, "gxskgh-zlxz", "008", 8, date(2021, 3, 15), 120, common + "; one page, stale")
    _column(kit, ids, "gxskgh-cgjc", "004", 93, date(2023, 5, 23), 12, common + "; stale, 5 pages")
    _column(kit, ids, "gxskgh-gzdt", "011", 47, kit.ago(40), 9, common + "; names with ASCII spaces, a day of 9 postings in no time order",
            people=True, burst=9)
    _column(kit, ids, "gxskgh-tzgg", "003", 128, kit.ago(9), 20, common + "; a [2000-11-30 00:00] default date at "
            "the end of page 1, last page 5 + 4 items, its pager skips 1, a title ending in &nbsp;",
            bogus_at=19, nbsp_last=True)
