"""Two small sibling portals served beside the demo portal (``/jyj/`` and ``/zf/`` on the
same server), so the demo shows each supervision indicator passing, warning and failing:

| indicator | 宣城市民政局 (main) | 宣城市教育局 (jyj, a department) | 宣城市人民政府 (zf, kind not given) |
|---|---|---|---|
| annual_report | fail: 2 days late | pass: 20 January | warn: 20 February, on time only for a government |
| website_report | pass | fail: not on the home page | warn: an entry with no year |
| site_identity | fail: no conac badge | pass: every mark | warn: no 找错 entry |
| advertising | warn: a block captioned 广告 | fail: an ad network's frame on a list page | pass |
| disclosure_days | fail: 45 days, both dates on the page | pass | warn: 45 days, dated by its list only |
| interpretation | warn: linked one way | pass: linked both ways | fail: matched by title, linked neither way |
| accessibility | warn: serious problems, no entry | pass: clean, with its 无障碍 entry | fail: images without alt |
| hidden_links | fail: two gambling links off the screen | pass | pass |
| https | warn: plain HTTP | warn: plain HTTP | warn: HTTPS, its certificate expiring in 10 days |
| script_origins | warn: a script from a new origin since the week-old baseline | pass: first night | pass |
| defacement | fail: the title tampered with gambling words since the baseline | pass: first night | pass |
| ipv6 | unknown: served at 127.0.0.1 | unknown | unknown |

(Early in the year, before a deadline has passed, the annual items are not due yet: see
``_expected``.) Each sibling has four columns, all fresh, with their truth in the site's.
"""

from __future__ import annotations

import html
from datetime import date, timedelta

from portal_audit.catalog import Column, Portal

HTTPS_SIBLING = "xczf-demo"  # served over HTTPS, its certificate expiring in 10 days (the https check's warning)
PLACEHOLDER = "http://127.0.0.1/"  # the siblings' base URLs until the site is served (``served_at``)
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
_TOPICS = ["全市教育工作会议召开", "秋季学期开学工作部署", "校园安全专项检查", "教师培训工作推进", "招生工作动态",
           "防汛工作部署会", "营商环境优化推进会", "重点项目建设调度", "民生实事进展通报", "安全生产检查"]


def _page(title: str, body: str, footer: str, lang: bool, prefix: str) -> bytes:
    tag = '<html lang="zh-CN">' if lang else "<html>"
    return (f'<!DOCTYPE html>{tag}<head><meta charset="utf-8"><title>{html.escape(title)}</title></head><body>'
            f'<div class="top"><a href="/{prefix}/">首页</a></div><div class="main">{body}</div>'
            f'<div class="footer">{footer}</div></body></html>').encode()


def _list(title: str, rows: list[tuple[str, str, date]], extra: str = "") -> str:
    items = "".join(f'<li><a href="{u}">{html.escape(t)}</a><span>{d:%Y-%m-%d}</span></li>' for u, t, d in rows)
    return f'<div class="crumb">当前位置：首页 &gt; {title}</div><h2>{title}</h2><ul class="list">{items}</ul>{extra}'


def _article(title: str, on: date, written: date | None, both_dates: bool, links: list[tuple[str, str]],
             footer: str, lang: bool, prefix: str) -> bytes:
    meta = ""
    if written is not None:
        published = f'<td><b>发布日期：</b></td><td>{on:%Y年%m月%d日}</td>' if both_dates else ""
        meta = (f'<table class="xxgk"><tr><td><b>索 引 号：</b></td>'
                f'<td>11341800MB0000000X/{written.year}-00{on.day:02d}</td></tr><tr><td><b>成文日期：</b></td><td>{written:%Y年%m月%d日}</td>{published}</tr></table>')
    related = "".join(f'<p>{"原文链接" if "解读" in title else "相关解读"}：<a href="{u}">{html.escape(t)}</a></p>'
                      for u, t in links)
    return _page(title, f"{meta}<h1>{html.escape(title)}</h1><p>正文。</p>{related}", footer, lang, prefix)


def _footer(name: str, code: str, conac: bool, error_report: bool, elder: bool) -> str:
    parts = [f"主办单位：{html.escape(name)} 网站标识码：{code}",
             '<a href="https://beian.miit.gov.cn/">皖ICP备05001234号-3</a> 皖公网安备 34180202000456号']
    if conac:
        parts.append('<a href="https://bszs.conac.cn/sitename?method=show&amp;id=0A0B0C0D">党政机关</a>')
    if error_report:
        parts.append(f'<a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code={code}">我为政府网站找错</a>')
    if elder:
        parts.append('<a href="#" class="wza">无障碍浏览</a>')
    return "<p>" + " ".join(parts) + "</p>"


def add_siblings(site, as_of: date) -> list[Portal]:
    """Serve the two siblings from ``site`` and add their columns' truth and their
    indicators' expected outcomes to it; their portals, at ``PLACEHOLDER`` until
    ``served_at`` moves them to where the site is served."""
    return [_education(site, as_of), _government(site, as_of)]


def served_at(portal: Portal, base_url: str) -> Portal:
    """A sibling at the address the demo site is served at."""
    return portal.model_copy(update={"base_url": base_url + portal.base_url[len(PLACEHOLDER):]})


def _dates(newest: date, n: int, step: int) -> list[date]:
    return [newest - timedelta(days=step * i) for i in range(n)]


def _columns(prefix: str) -> list[Column]:
    cols = [Column(id=f"{prefix}-gzdt", path=["工作动态"], url="col/gzdt/index.html", frequency="及时更新",
                   category="news", responsible="办公室"),
            Column(id=f"{prefix}-zcwj", path=["政策文件"], url="col/zcwj/index.html", frequency="及时更新",
                   category="policy", responsible="政策法规科"),
            Column(id=f"{prefix}-zcjd", path=["政策解读"], url="col/zcjd/index.html", frequency="及时更新",
                   category="interpretation", responsible="政策法规科")]
    cols.append(Column(id=f"{prefix}-ndbg", path=["公开年报"], url="col/ndbg/index.html", frequency="年度更新",
                       category="annual_report", responsible="办公室"))
    return cols


def _serve_common(site, prefix: str, name: str, as_of: date, footer: str, lang: bool, annual_on: date,
                  written_gap: int, both_dates: bool, linked: bool, ad: str = "") -> None:
    """The columns every sibling has: news, policy documents (and their 解读), annual reports."""
    root = f"/{prefix}/"
    news = [(f"{root}art/gzdt/{i}.html", f"{_TOPICS[i % len(_TOPICS)]}", d)
            for i, d in enumerate(_dates(as_of - timedelta(days=1), 8, 5))]
    subjects = ("学生资助", "校外培训", "教师招聘", "校车安全")
    docs = [(f"{root}art/zcwj/{i}.html", f"{name}关于印发《宣城市{k}管理办法》的通知", d)
            for i, (k, d) in enumerate(zip(subjects, _dates(as_of - timedelta(days=10), 4, 20)))]
    reports = [(f"{root}art/ndbg/{y}.html", f"{name}{y - 1}年政府信息公开工作年度报告", d)
               for y, d in ((as_of.year, annual_on), (as_of.year - 1, annual_on.replace(year=as_of.year - 1)))
               if d <= as_of]
    for rows, col, title in ((news, "gzdt", "工作动态"), (docs, "zcwj", "政策文件"), (reports, "ndbg", "公开年报")):
        site.pages[f"{root}col/{col}/index.html"] = (_page(title, _list(title, rows, ad if col == "zcwj" else ""),
                                                           footer, lang, prefix), "text/html; charset=utf-8", 200)
    readings = [(f"{root}art/zcjd/{i}.html", f"《宣城市{k}管理办法》政策解读", d + timedelta(days=2))
                for i, (k, d) in enumerate(zip(subjects[:2], (docs[0][2], docs[1][2])))]
    listed = _page("政策解读", _list("政策解读", readings), footer, lang, prefix)
    site.pages[f"{root}col/zcjd/index.html"] = (listed, "text/html; charset=utf-8", 200)
    back = {d[0]: r for d, r in zip(docs, readings)} if linked else {}
    for u, t, d in news + reports:
        site.pages[u] = (_article(t, d, None, True, [], footer, lang, prefix), "text/html; charset=utf-8", 200)
    for i, (u, t, d) in enumerate(docs):
        written = d - timedelta(days=written_gap if i == 0 else 3)
        links = [(back[u][0], back[u][1])] if u in back else []
        site.pages[u] = (_article(t, d, written, both_dates, links, footer, lang, prefix),
                         "text/html; charset=utf-8", 200)
    for (u, t, d), doc in zip(readings, docs):  # linked: each way; else matched by the titles alone
        site.pages[u] = (_article(t, d, None, True, [(doc[0], doc[1])] if linked else [], footer, lang, prefix),
                         "text/html; charset=utf-8", 200)


def _education(site, as_of: date) -> Portal:
    """宣城市教育局: a department that does everything right but its website return, and
    carries an ad network's frame on its policy list."""
    prefix, name = "jyj", "宣城市教育局（演示站点）"
    footer = _footer(name, "3418000002", conac=True, error_report=True, elder=True)
    ad = ('<div class="tg"><iframe src="https://pos.baidu.com/s?hei=250&amp;wid=300&amp;di=u1234567" '
          'title="推广" width="300" height="250"></iframe></div>')
    _serve_common(site, prefix, name, as_of, footer, lang=True, annual_on=date(as_of.year, 1, 20), written_gap=3,
                  both_dates=True, linked=True, ad=ad)
    home = _list("工作动态", [(f"/{prefix}/art/gzdt/{i}.html", _TOPICS[i], as_of - timedelta(days=1 + 5 * i))
                             for i in range(3)])
    site.pages[f"/{prefix}/index.html"] = (_page(name, home, footer, True, prefix).replace(
        b"<head>", b'<head><meta name="SiteIDCode" content="3418000002">', 1), "text/html; charset=utf-8", 200)
    portal = Portal(id="xcjy-demo", name=name, base_url=f"{PLACEHOLDER}{prefix}/", kind="department",
                    columns=_columns(prefix))
    _truth(site, portal)
    site.indicators[portal.id] = _expected(as_of, annual=("department", date(as_of.year, 1, 20)), website=None,
                                           identity="pass", ads="fail", disclosure="pass", readings="pass",
                                           accessibility="pass")
    return portal


def _government(site, as_of: date) -> Portal:
    """宣城市人民政府: its kind not in the catalog, a yearless website-return entry, no 找错
    entry, policy documents dated by their list only and not linked to their 解读, images
    without alt."""
    prefix, name = "zf", "宣城市人民政府（演示站点）"
    footer = _footer(name, "3418000001", conac=True, error_report=False, elder=False)
    _serve_common(site, prefix, name, as_of, footer, lang=False, annual_on=date(as_of.year, 2, 20), written_gap=45,
                  both_dates=False, linked=False)
    site.pages[f"/{prefix}/images/logo.png"] = (PNG, "image/png", 200)
    site.pages[f"/{prefix}/art/ndbb.html"] = (_page("政府网站工作年度报表", "<p>报表。</p>", footer, False, prefix),
                                              "text/html; charset=utf-8", 200)
    home = (f'<div class="logo"><a href="/{prefix}/"><img src="/{prefix}/images/logo.png"></a></div>'
            + _list("政务要闻", [(f"/{prefix}/art/gzdt/{i}.html", _TOPICS[i], as_of - timedelta(days=1 + 5 * i))
                                 for i in range(3)])
            + f'<div class="ndbb"><a href="/{prefix}/art/ndbb.html">政府网站工作年度报表</a></div>')
    site.pages[f"/{prefix}/index.html"] = (_page(name, home, footer, False, prefix).replace(
        b"<head>", b'<head><meta name="SiteIDCode" content="3418000001">', 1), "text/html; charset=utf-8", 200)
    portal = Portal(id="xczf-demo", name=name, base_url=f"{PLACEHOLDER}{prefix}/",
                    columns=_columns(prefix))
    _truth(site, portal)
    site.indicators[portal.id] = _expected(as_of, annual=(None, date(as_of.year, 2, 20)), website="yearless",
                                           identity="warn", ads="pass", disclosure="warn", readings="fail",
                                           accessibility="fail")
    return portal


def _truth(site, portal: Portal) -> None:
    for c in portal.columns:  # every list's newest item within its allowance
        site.truth[c.id] = "fresh"


def _expected(as_of: date, annual: tuple[str | None, date], website: str | None, identity: str, ads: str,
              disclosure: str, readings: str, accessibility: str, https: str = "warn") -> dict[str, str]:
    """The outcomes the siblings must get on ``as_of``: the annual items by the calendar."""
    from validations.articles import working_days_between

    kind, published = annual
    deadline = date(as_of.year, 1, 31) if kind == "department" else date(as_of.year, 3, 31)
    if published <= as_of:  # 20 January: on time; 20 February: on time for a government only, its kind unknown
        annual_outcome = "pass" if kind == "department" else "warn"
    else:  # not out yet: not due, or due within the week
        annual_outcome = "warn" if (deadline - as_of).days <= 7 else "pass"
    january = date(as_of.year, 1, 31)
    if as_of > january:
        website_outcome = "warn" if website == "yearless" else "fail"
    else:
        website_outcome = "warn" if (january - as_of).days <= 7 else "pass"
    counted = working_days_between(as_of - timedelta(days=60), as_of - timedelta(days=10)) is not None
    return {"annual_report": annual_outcome, "website_report": website_outcome, "site_identity": identity,
            "advertising": ads, "disclosure_days": disclosure if counted else "unknown",
            "interpretation": readings, "accessibility": accessibility, "hidden_links": "pass", "https": https,
            "script_origins": "pass", "defacement": "pass", "ipv6": "unknown"}
