from datetime import date, timedelta
from functools import partial
from itertools import product
from urllib.parse import urljoin, urlsplit

from hypothesis import example, given
from hypothesis import strategies as st

from extractors.listpage import Hints, parse_list_page, site_wide_links
from extractors.markup import SKIP_HREF, join_url, parse_html
from extractors.markup import joiner as _joiner
from portal_audit.urls import _host, site_keyer

AS_OF = date(2025, 6, 30)
URL = "http://www.example.gov.cn/col/col101/index.html"

SIDEBAR = """<div class="right"><h3>最新发布</h3><ul>
<li><a href="/col/col200/202506/t20250630_9.html">全市安全生产工作会议召开</a><span>06-30</span></li>
<li><a href="/col/col300/202506/t20250630_8.html">关于开展2025年防汛工作的通知</a><span>06-30</span></li>
<li><a href="/col/col200/202506/t20250629_7.html">市政府常务会议研究部署重点工作</a><span>06-29</span></li>
<li><a href="/col/col400/202506/t20250629_6.html">全市民政工作推进会召开</a><span>06-29</span></li>
</ul></div>"""
NAV = ("<div class='nav'><ul>" + "".join(f"<li><a href='/col/col{i}/'>栏目名称{i}</a></li>" for i in range(40))
       + "</ul></div>")


def page(main: str, extra: str = "") -> str:
    return f"<html><head><meta charset='utf-8'></head><body>{NAV}<div class='main'>{main}</div>{SIDEBAR}{extra}" \
           "<div class='footer'><a href='http://www.gov.cn/'>中国政府网</a> 2025-01-01</div></body></html>"


def test_trs_list_beats_a_fresher_sidebar():
    main = ("""<ul class="list">
    <li><a href="./202401/t20240115_1.html" title="2024年第二季度低保资金发放情况">"""
            """2024年第二季度低保资金发放情况</a><span>2024-01-15</span></li>
    <li><a href="./202312/t20231201_2.html">临时救助工作通报</a><span>2023-12-01</span></li>
    </ul><script>createPageHTML(3, 0, "index", "html");</script>""")
    lp = parse_list_page(page(main), URL, AS_OF)
    assert [i.published_on for i in lp.items] == [date(2024, 1, 15), date(2023, 12, 1)]
    assert lp.items[0].url == "http://www.example.gov.cn/col/col101/202401/t20240115_1.html"
    assert lp.items[0].title == "2024年第二季度低保资金发放情况"
    assert lp.next_url == "http://www.example.gov.cn/col/col101/index_1.html"


def test_trs_last_page_has_no_next():
    main = ('<ul><li><a href="./a.html">某某工作动态信息</a>[2024-01-15]</li></ul>'
            '<script>createPageHTML(3, 2, "index", "html");</script>')
    assert parse_list_page(page(main), URL, AS_OF).next_url is None


def test_table_list_with_next_link_and_chinese_dates():
    main = """<table><tr><th>标题</th><th>日期</th></tr>
    <tr><td><a href="/art/2025/6/3/art_1_1.html">行政许可结果公示（第12期）</a></td><td>2025年6月3日</td></tr>
    <tr><td><a href="/art/2025/5/3/art_1_2.html">行政许可结果公示（第11期）</a></td><td>2025年5月3日</td></tr>
    </table><div><a href="list_2.html">首页</a> <a href="?page=2">下一页</a> <a href="?page=9">尾页</a></div>"""
    lp = parse_list_page(page(main), URL, AS_OF)
    assert [i.published_on for i in lp.items] == [date(2025, 6, 3), date(2025, 5, 3)]
    assert lp.next_url == URL + "?page=2"


def test_empty_placeholder_is_empty_not_the_sidebar():
    lp = parse_list_page(page("<div class='list'><p>暂无信息</p></div>"), URL, AS_OF)
    assert lp.items == [] and lp.empty_marker


def test_traditional_placeholder():
    lp = parse_list_page(page("<div class='list'><p>該欄目暫無內容</p></div>"), URL, AS_OF)
    assert lp.items == [] and lp.empty_marker


def test_pinned_item_is_flagged_and_kept():
    main = """<ul>
    <li class="top"><a href="./201901/t1.html"><em>[置顶]</em>政务公开工作制度</a><span>2019-01-02</span></li>
    <li><a href="./202506/t2.html">六月份工作动态汇总</a><span>2025-06-20</span></li>
    <li><a href="./202505/t3.html">五月份工作动态汇总</a><span>2025-05-20</span></li></ul>"""
    lp = parse_list_page(page(main), URL, AS_OF)
    assert [i.pinned for i in lp.items] == [True, False, False]
    assert max(i.published_on for i in lp.items) == date(2025, 6, 20)


def test_date_inside_the_link_and_year_in_title():
    main = """<div class="list">
    <p><a href="./x1.html">关于2023年12月1日停电的通知 2025-03-04</a></p>
    <p><a href="./x2.html">2024年度工作总结 2025-02-01</a></p></div>"""
    lp = parse_list_page(page(main), URL, AS_OF)
    assert [i.published_on for i in lp.items] == [date(2025, 3, 4), date(2025, 2, 1)]


def test_page_without_any_list():
    lp = parse_list_page("<html><body><p>机构职能：负责全市民政工作。</p></body></html>", URL, AS_OF)
    assert lp.items == [] and not lp.list_found and not lp.empty_marker


def test_garbage_does_not_raise():
    for junk in ["", "   ", "<<<>>>", "<?xml version='1.0' encoding='gbk'?><html><body>x</body></html>", "\x00\x01"]:
        assert parse_list_page(junk, URL, AS_OF).items == []


def test_sidebar_known_only_by_its_heading_and_a_column_named_like_one():
    plain_sidebar = SIDEBAR.replace('class="right"', 'class="box"')
    main = """<div class="title">养老服务热点回应</div><div class="crumb">当前位置：首页 &gt; 养老服务热点回应</div>
    <ul><li><a href="/art/2024/1/15/art_1.html">养老服务热点问题回应（一）</a><span>2024-01-15</span></li>
    <li><a href="/art/2023/12/1/art_2.html">养老服务热点问题回应（二）</a><span>2023-12-01</span></li></ul>"""
    html = f"<html><body><div class='main'>{main}</div>{plain_sidebar}</body></html>"
    # links outside the list's directory: only the headings can tell the lists apart
    lp = parse_list_page(html, "http://www.example.gov.cn/module/list.jsp?colid=5", AS_OF)
    assert [i.published_on for i in lp.items] == [date(2024, 1, 15), date(2023, 12, 1)]


def test_css_profile_narrows_the_search_where_automatic_detection_cannot_tell():
    from portal_audit.profiles import get_profile

    # two unmarked lists, links outside the list's directory: the bigger one is the wrong one
    other = "".join(f'<li><a href="/x/{i}.html">其他栏目的信息标题{i}</a><span>2025-06-30</span></li>'
                    for i in range(6))
    own = "".join(f'<li><a href="/y/{i}.html">本栏目的信息标题{i}</a><span>2024-0{i + 1}-01</span></li>'
                  for i in range(3))
    html = f"<html><body><div class='a'><ul>{other}</ul></div><div class='list-main'><ul>{own}</ul></div></body></html>"
    auto = parse_list_page(html, URL, AS_OF)
    assert max(i.published_on for i in auto.items) == date(2025, 6, 30)  # fooled without a profile
    lp = parse_list_page(html, URL, AS_OF, get_profile("css:div.list-main"))
    assert [i.published_on for i in lp.items] == [date(2024, 1, 1), date(2024, 2, 1), date(2024, 3, 1)]


def test_unknown_profile_is_a_catalog_error():
    import pytest

    from portal_audit.catalog import CatalogError, parse_catalog

    with pytest.raises(CatalogError, match=r":6: portals\[0\].columns\[0\].profile: 未知的读取配置“joomla”"):
        parse_catalog("portals:\n  - id: p\n    name: x\n    base_url: http://x.gov.cn/\n    columns:\n"
                      "      - {id: a, path: [工作动态], url: /a/, frequency: 及时更新, profile: joomla}\n", "c.yaml")


HREF_PARTS = ["", "./", ".", "..", "../", "/", "//", "a", "b.html", "?q=1", "#x", "?", "#", "a/./b", "x:y",
              "mailto:q", "c d", "%20", ";", "\\x", "http://o/p", "https://o/./p", "a//b", "?#", "中文", "\t", "\n",
              " ", "\x00", "\x1f", "http://", "https://", "HTTP://", "http:", "h.gov.cn", "[::1]", "]", ":8080",
              "ftp://o/", "a／b", "http://h／x/"]


@given(st.sampled_from(["http://h.gov.cn/col/c1/index.html", "http://h.gov.cn", "https://h:8080/x/y.jsp?a=1#f",
                        "http://h/col/?p=2", "http://h/a;b/c", "http://h/col/../c3/list.htm", "http://h/a//b/./c.htm",
                        "http://h/a/.."]),
       st.lists(st.sampled_from(HREF_PARTS), max_size=4))
def test_joiner_is_urljoin(base, parts):
    """The fast link joiner takes shortcuts; it must never give another answer than urljoin
    where urljoin gives one; where urljoin fails (``//[``, ``//a／b``), it gives a URL with those
    characters escaped, and never fails."""
    href = "".join(parts)
    joined = _joiner(base)(href)
    assert joined == join_url(base, href)
    if _outcome(partial(urljoin, base), href) is ValueError:
        assert _outcome(urlsplit, joined) is not ValueError and "%" in joined
    else:
        assert joined == urljoin(base, href)


_PORTAL_PAGES = ["http://h.gov.cn/col/c1/index.html", "http://h.gov.cn/col/c2/index.html", "http://h.gov.cn",
                 "http://h.gov.cn/", "http://h.gov.cn/col/c1/index_1.html?p=2#f", "https://h.gov.cn/x/y.jsp?a=1",
                 "http://h.gov.cn/a;b/c", "http://h.gov.cn/col/c1/", "http://h.gov.cn/col/../c3/list.htm",
                 "http://h.gov.cn/a//c3/./list.htm", "http://h.gov.cn?p=1"]
_PLAIN_PARTS = [p for p in HREF_PARTS  # as a page's markup carries them: quoted, no spaces
                if p and not any(c.isspace() or c in "\"'<>&\x00\x1f" for c in p)]


@given(st.lists(st.tuples(st.sampled_from(_PORTAL_PAGES),
                          st.lists(st.lists(st.sampled_from(_PLAIN_PARTS), min_size=1, max_size=3), max_size=8)),
                min_size=3, max_size=8))
@example([("http://h.gov.cn/col/c1/index.html", []), ("http://h.gov.cn/col/../c3/list.htm", [["./"]]),
          ("http://h.gov.cn/col/../c3/list.htm", [["./"], ["./", "./"]])])  # dot segments in the page's path
@example([("http://h.gov.cn/col/c1/index.html", []), ("http://h.gov.cn", [[";"]]),
          ("http://h.gov.cn/", [["./"], ["."], [";"]])])  # no path: ";" is http://h.gov.cn, not …/
@example([("http://h.gov.cn/col/c1/index.html", []), ("http://h.gov.cn/col/c1/index.html", [["//"], [";"]]),
          ("http://h.gov.cn/col/c1/index_1.html?p=2#f", [[";"]])])  # ";" is the page itself, not its folder
def test_site_wide_links_resolve_each_link_as_its_own_page_would(pages: list[tuple[str, list[list[str]]]]) -> None:
    """Links are resolved once per origin (``/x``, ``http://host/x``) or folder (``x``) and
    reused for the portal's other pages: the links found on three pages must be exactly those
    urljoin finds, page by page."""
    html = [(url, "".join(f'<a href="{"".join(parts)}">x</a>' for parts in links)) for url, links in pages]
    counts: dict[str, int] = {}
    for url, links in pages:
        for href in {"".join(parts) for parts in links}:
            if not href.startswith(SKIP_HREF):
                joined = join_url(url, href)
                counts[joined] = counts.get(joined, 0) + 1
    assert site_wide_links(html) == frozenset(u for u, n in counts.items() if n >= 3)


def _outcome(fn, url: str) -> object:
    """What ``fn(url)`` gives, or the type of the ValueError it raises."""
    try:
        return fn(url)
    except ValueError as exc:
        return type(exc)


def _site_key_by_urlsplit(url: str, base_url: str) -> str:
    """``site_key`` as it was written first, all through urlsplit: the reference."""
    own, parts = _host(urlsplit(base_url).netloc), urlsplit(url)
    if not parts.netloc:
        return url
    rest = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return rest if _host(parts.netloc) == own else f"//{_host(parts.netloc)}{rest}"


URL_PARTS = ["http://", "https://", "HTTP://", "//", "www.h.gov.cn", "H.gov.cn:80", "u@h.gov.cn", "例子.cn", "a／b",
             "[::1]", "]", "/", "/x.html", "?a=1", "?", "#", "#f?g", "\t", "\n", " ", "\x00", ";", "%2F", ":"]


def test_site_keys_cut_by_the_regex_are_urlsplits():
    """Plain absolute URLs are keyed without urlsplit; every URL of up to three parts gets
    urlsplit's key (or its error) all the same."""
    for base in ("http://www.h.gov.cn/", "https://h.gov.cn:8443/x/"):
        fast, urls = site_keyer(base), ("".join(p) for n in (1, 2, 3) for p in product(URL_PARTS, repeat=n))
        slow = partial(lambda u, b: _site_key_by_urlsplit(u, b), b=base)
        differ = [u for u in urls if _outcome(fast, u) != _outcome(slow, u)]
        assert not differ, differ[:5]


_ROWS = st.sampled_from([
    '<li><a href="/a/{i}.html">导航{i}</a></li>',
    '<li><a href="/n/{i}.html">通知公告第{i}号</a><span>2025-06-{d:02d}</span></li>',
    '<li><a href="/c/{i}.html"><h3>卡片{i}</h3><p>2025年6月{d}日</p></a></li>', '<p>备案号 {i}-{d}</p>',
    '<div><div><div><div><a href="/deep/{i}.html">深处链接{i}</a></div></div></div><em>2024.0{d}</em></div>',
    '<a href="/bare/{i}.html">孤立链接 2023/1/{d}</a>',
    '<tr><td><a href="/t/{i}.html">表格行{i}</a></td><td>25-6-{d}</td></tr>'])


@given(st.lists(st.tuples(_ROWS, st.integers(1, 28)), max_size=12), st.lists(st.integers(0, 3), max_size=12))
def test_dated_records_pass_over_only_links_nothing_dated_sits_around(rows, wraps):
    """``dated_records`` skips links whose climb holds nothing date-shaped; it must find
    exactly the records a look at every link's own block finds."""
    from extractors.evidence import Record, _link_title, _record_for, dated_records
    from extractors.markup import SKIP_HREF, Texts, parse_html

    wrapped = {1: ("<ul>", "</ul>"), 2: ("<table>", "</table>"), 3: ("<div>", "</div>")}
    body = "".join(wrapped.get(w, ("", ""))[0] + r.format(i=i, d=d) + wrapped.get(w, ("", ""))[1]
                   for i, ((r, d), w) in enumerate(zip(rows, wraps + [0] * len(rows))))
    doc = parse_html(f"<html><body><div class='nav'><ul>{body}</ul></div>{body}</body></html>")
    url = "http://h.gov.cn/col/index.html"
    texts, seen, expected = Texts(), set(), []
    for a in doc.iter("a"):  # dated_records' loop, every link looked at
        href = (a.get("href") or "").strip()
        if not href or href.startswith(SKIP_HREF):
            continue
        hit = _record_for(a, AS_OF, texts, href)
        if hit is None or id(hit[0]) in seen:
            continue
        title = _link_title(a, texts, hit[2])
        if len(title) >= 2:
            seen.add(id(hit[0]))
            expected.append(Record(hit[0], a, title, _joiner(url)(href), hit[1]))
    assert dated_records(doc, url, AS_OF) == expected


SIDEBAR_ONLY = """<html><body><div class="main"><ul id="list"></ul></div>
<div class="box2"><div class="bt">每日关注</div><ul>{rows}</ul></div></body></html>"""
_DAILY = "".join(f'<li><a href="/ywdt/{i}.html">全市重点工作推进情况{i}</a><span>2025-06-30</span></li>'
                 for i in range(6))


def test_a_block_of_site_wide_links_is_never_the_list():
    html = SIDEBAR_ONLY.format(rows=_DAILY)
    url = "http://x.gov.cn/col/1/index.html"
    assert parse_list_page(html, url, date(2025, 6, 30)).list_found  # alone, it looks like a list
    site_wide = frozenset(f"http://x.gov.cn/ywdt/{i}.html" for i in range(6))
    page = parse_list_page(html, url, date(2025, 6, 30), hints=Hints(site_wide=site_wide))
    assert not page.list_found and not page.items and page.reason.key == "list.only_sidebars"


def test_later_pages_read_the_container_page_one_chose():
    own = '<ul class="doc_list"><li><a href="/col/1/a.html">关于印发实施方案的通知</a><span>2024-01-05</span></li></ul>'
    html = f"<html><body>{own}" + SIDEBAR_ONLY.format(rows=_DAILY)[12:]
    url = "http://x.gov.cn/col/1/index_2.html"
    assert max(i.published_on for i in parse_list_page(html, url).items) == date(2025, 6, 30)  # the trap
    rows = "".join(f'<li><a href="/col/1/{i}.html">第{i}号通知公告</a><span>2024-02-0{i}</span></li>'
                   for i in range(1, 8))
    first = parse_list_page(f"<html><body><ul class='doc_list'>{rows}</ul></body></html>", url)
    page = parse_list_page(html, url, hints=Hints(container=first.container))
    assert [i.published_on for i in page.items] == [date(2024, 1, 5)]


def test_a_list_shipped_in_a_comment_is_read_and_templates_are_not():
    rows = "".join(f'<li><a href="/col/1/{i}.html">第{i}号通知公告</a><span>2024-03-0{i}</span></li>'
                   for i in range(1, 6))
    page = parse_list_page(f"<html><body><ul id='l'></ul><!--<ul>{rows}</ul>--></body></html>", "http://x.gov.cn/col/1/")
    assert page.list_found and page.source == "island" and len(page.items) == 5
    tpl = '<script type="text/x-template"><li><a href="{{url}}">{{title}}</a><span>{{date}}</span></li></script>'
    assert not parse_list_page(f"<html><body>{tpl}</body></html>", "http://x.gov.cn/col/1/").list_found


def test_titles_never_carry_the_date_inside_the_link():
    html = ("<ul>" + "".join(f'<li><a href="/gg/{i}.shtml"><span>开庭公告（2025）皖1702民初{i}号</span>'
                             f'<span>2025-06-1{i}</span></a></li>'
                             for i in range(5)) + "</ul>")
    page = parse_list_page(html, "http://court.gov.cn/gg/index.shtml")
    assert [i.title for i in page.items][:1] == ["开庭公告（2025）皖1702民初0号"]
    assert page.items[0].published_on == date(2025, 6, 10)


def test_a_list_in_noscript_or_textarea_is_an_island():
    rows = "".join(f'<li><a href="/col/1/{i}.html">第{i}号通知公告</a><span>2024-03-0{i}</span></li>'
                   for i in range(1, 6))
    for wrapper in ("noscript", "textarea"):
        page = parse_list_page(f"<html><body><ul id='l'></ul><{wrapper}><ul>{rows}</ul></{wrapper}></body></html>",
                               "http://x.gov.cn/col/1/")
        assert page.source == "island" and len(page.items) == 5, wrapper


# -- evidence, not class-name words (issue 26) ------------------------------------------------
def _rows(prefix: str, dates: list[str], title: str = "关于做好民生实事项目的通知") -> str:
    return "".join(f'<li><a href="{prefix}{i}.html">{title}（{i}）</a><span>{d}</span></li>'
                   for i, d in enumerate(dates))


OLD = [f"2024-03-0{d}" for d in range(1, 10)]
TODAY = ["2025-06-30"] * 6


def test_position_words_are_no_evidence():
    """Real column lists sit in containers named for their place: right, right_con, main-right."""
    for wrapper in ('<div class="right">{}</div>', '<div id="right_con"><div class="con">{}</div></div>',
                    '<div class="main-right"><div class="list-box">{}</div></div>', '<div class="rightCon">{}</div>'):
        html = page(wrapper.format(f'<ul class="list">{_rows("/other/", OLD)}</ul>'))
        lp = parse_list_page(html, "http://www.example.gov.cn/module/list.jsp?id=5", AS_OF)
        assert lp.list_found and max(i.published_on for i in lp.items) == date(2024, 3, 9), wrapper


def test_hint_words_match_whole_tokens_only():
    from extractors.evidence import SIDEBAR_TOKENS, _tokens
    from extractors.markup import parse_html

    for klass in ("photo", "inside", "canvas", "linklist", "hotline", "main-right", "right_con", "leftNav2"[:4]):
        el = parse_html(f"<div class='{klass}'></div>").find(".//div")
        assert not (_tokens(el) & SIDEBAR_TOKENS), klass
    for klass in ("side-bar", "hot_news", "footLinks", "yqlj", "footer1", "subMenu"):
        el = parse_html(f"<div class='{klass}'></div>").find(".//div")
        assert _tokens(el) & SIDEBAR_TOKENS, klass


def test_a_heading_naming_the_column_outranks_a_bigger_unmarked_box():
    """A 3-item column list beside a 6-item box dated today: the breadcrumb and the heading
    over the short list name the column, nothing names the box."""
    html = f"""<html><head><title>行政规范性文件-某某县人民政府</title></head><body>
    <div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 行政规范性文件</div>
    <div class="fl"><div class="tit">行政规范性文件</div><ul>{_rows("/zc/", OLD[:3])}</ul></div>
    <div class="fr"><div class="tit">每日关注</div><ul>{_rows("/ywdt/", TODAY, "全市重点工作推进情况")}</ul></div>
    </body></html>"""
    lp = parse_list_page(html, "http://www.example.gov.cn/module/list.jsp?id=5", AS_OF)
    assert [i.published_on for i in lp.items] == [date(2024, 3, 1), date(2024, 3, 2), date(2024, 3, 3)]
    # the catalog's name alone is evidence too (the page's title and breadcrumb say nothing)
    bare = (html.replace("行政规范性文件-某某县人民政府", "某某县人民政府")
            .replace("当前位置：首页 &gt; 政务公开 &gt; 行政规范性文件", ""))
    assert len(parse_list_page(bare, "http://www.example.gov.cn/module/list.jsp?id=5", AS_OF,
                               hints=Hints(names=("行政规范性文件",))).items) == 3


def test_a_sidebar_heading_is_evidence_against_not_a_veto_of_the_page():
    html = page(f'<div class="right"><div class="title">通知公告</div><ul>{_rows("/col/col101/", OLD[:3])}</ul></div>')
    lp = parse_list_page(html, URL, AS_OF)
    assert lp.list_found and len(lp.items) == 3  # the 4-item 最新发布 box beside it is no candidate


def test_two_lists_that_tie_are_an_error_naming_both():
    html = f"""<html><body><div class="a"><ul>{_rows("/x/", OLD[:5])}</ul></div>
    <div class="b"><ul>{_rows("/y/", TODAY[:5], "全市重点工作推进情况")}</ul></div></body></html>"""
    lp = parse_list_page(html, "http://www.example.gov.cn/list.jsp?id=5", AS_OF)
    assert not lp.list_found and not lp.items and len(lp.tied) == 2
    assert lp.reason.key == "list.tie"
    assert "2025年6月30日" in str(lp.reason) and "2024年3月5日" in str(lp.reason) and "5条" in str(lp.reason)


def test_two_lists_with_the_same_newest_date_do_not_tie():
    html = (f"""<html><body><ul>{_rows("/x/", TODAY[:5])}</ul>"""
            f"""<div><ul>{_rows("/y/", TODAY[:4])}</ul></div></body></html>""")
    lp = parse_list_page(html, "http://www.example.gov.cn/list.jsp?id=5", AS_OF)
    assert lp.list_found and len(lp.items) == 5  # either gives the same verdict: the larger is read


def test_a_placeholder_beside_an_unnamed_box_is_a_blank_column():
    html = f"""<html><body><div class="main"><div class="tit">通知公告</div><div class="list">暂无信息</div></div>
    <div class="box"><ul>{_rows("/ywdt/", TODAY, "全市重点工作推进情况")}</ul></div></body></html>"""
    lp = parse_list_page(html, "http://www.example.gov.cn/col/col9/index.html", AS_OF)
    assert lp.empty_marker and not lp.items  # a blank column is never called fresh by another box


def test_a_date_before_a_title_that_starts_with_digits():
    rows = ('<li><a href="/a/1.html"><span>2024-10-15</span>2024年全市旅游节开幕</a></li>'
            '<li><a href="/a/2.html"><span>2024-10-14</span>10月份全市安全生产检查情况</a></li>'
            '<li><a href="/a/3.html">2024-10-13 全市秋季征兵工作动员会召开</a></li>')
    lp = parse_list_page(f"<html><body><ul>{rows}</ul></body></html>", "http://x.gov.cn/a/index.html", AS_OF)
    assert [(i.title, i.published_on) for i in lp.items] == [
        ("2024年全市旅游节开幕", date(2024, 10, 15)), ("10月份全市安全生产检查情况", date(2024, 10, 14)),
        ("全市秋季征兵工作动员会召开", date(2024, 10, 13))]


def _webplus_page(n: int, pages: int = 3) -> str:
    """A column list page in WebPlus's (博达站群) shapes, our own text: the list in #wp_news_w6,
    a fresher dated 热点 sidebar in #wp_news_w7, the column menu, breadcrumb, and the
    wp_paging pager whose next link reads 下一页>> (javascript:void(0) on the last page)."""
    def row(day: date, href: str, title: str) -> str:
        return (f"<li class='news clearfix'><span class='news_title'><a href='{href}' target='_blank' title='{title}'>"
                f"{title}</a></span><span class='news_meta'>{day:%Y-%m-%d}</span></li>")

    own = "".join(row(date(2026, 9, 1) - timedelta(days=(n - 1) * 45 + 3 * i), f"/2026/0901/c2741a{n}{i:02d}/page.htm",
                      f"关于第{n}-{i}批农田水利项目验收的公告") for i in range(15))
    hot = "".join(row(date(2026, 11, 28) - timedelta(days=i), f"/2026/1128/c2739a{i}/page.htm",
                      f"县政府第{i}次常务会议召开") for i in range(8))
    nxt = f"/2741/list{n + 1}.htm" if n < pages else "javascript:void(0);"
    return (f"<html><head><meta charset='utf-8'><title>通知公告</title></head><body>"
            f"<ul class='wp-menu'><li><a href='/main.htm'>首页</a></li><li><a href='/2739/list.htm'>政务要闻</a></li>"
            f"<li><a href='/2741/list.htm'>通知公告</a></li></ul>"
            f"<div class='col_menu'><h3 class='col_name'>新闻中心</h3><ul class='wp_listcolumn'>"
            f"<li><a href='/2739/list.htm'>政务要闻</a></li>"
            f"<li class='selected'><a href='/2741/list.htm'>通知公告</a></li></ul>"
            f"<div class='side_news'><h3>热点信息</h3>"
            f"<div id='wp_news_w7'><ul class='news_list'>{hot}</ul></div></div></div>"
            f"<div class='col_news'><h2 class='col_name'>通知公告</h2>"
            f"<div class='col_path'>当前位置：<a href='/main.htm'>首页</a>"
            f" <a href='/2741/list.htm'>通知公告</a></div><div id='wp_news_w6'><ul class='news_list'>{own}</ul></div>"
            f"<div id='wp_paging_w6'><ul class='wp_paging clearfix'>"
            f"<li class='pages_count'>每页&nbsp;<em>15</em>&nbsp;记录"
            f"&nbsp;总共&nbsp;<em>{15 * pages}</em>&nbsp;记录</li><li class='page_nav'>"
            f"<a class='first' href='javascript:void(0);'><span>第一页</span></a>"
            f"<a class='prev' href='javascript:void(0);'><span>&lt;&lt;上一页</span></a>"
            f"<a class='next' href='{nxt}'><span>下一页&gt;&gt;</span></a>"
            f"<a class='last' href='/2741/list{pages}.htm'><span>尾页</span></a></li>"
            f"<li class='page_jump'>页码&nbsp;<em>{n}</em>/<em>{pages}</em></li></ul></div></div></body></html>")


def test_webplus_list_beats_its_fresher_sidebar_and_pages_on():
    """A CMS the corpus lacked (博达 WebPlus): the column's own stale list, not the fresh 热点
    sidebar beside it, and its next page from a link reading 下一页>>."""
    for n, following in ((1, "/2741/list2.htm"), (2, "/2741/list3.htm"), (3, None)):
        url = "http://127.0.0.1/2741/list.htm" if n == 1 else f"http://127.0.0.1/2741/list{n}.htm"
        lp = parse_list_page(_webplus_page(n), url, date(2026, 11, 30))
        assert [i.title for i in lp.items] == [f"关于第{n}-{i}批农田水利项目验收的公告" for i in range(15)]
        newest = max(i.published_on for i in lp.items if i.published_on)
        assert newest == date(2026, 9, 1) - timedelta(days=(n - 1) * 45)
        assert lp.next_url == (urljoin(url, following) if following else None)


def _vsb_page(blocks: int, newest: date) -> str:
    """A column list page of VSB (博达站群, ``/system/resource/js/…``, ``info/<tree>/<id>.htm``
    articles, ``<column>/<N>.htm`` pages numbered backwards, the ``pb_sys_common`` pager),
    modelled on a saved public page of that CMS (a college's 招采与资产 column, whit.edu.cn) with
    our own text: the column's list is cut into sibling ``<ul class="list-ul">`` blocks of five
    (one per scroll animation), after a mega-menu of undated links and beside a left column
    whose 热点专题 box lists undated articles of another tree."""
    menu = "".join(f'<li><a href="../{k}.htm">{v}</a><ul class="sub">'
                   + "".join(f'<li><a href="../{k}/{j}.htm">{v}子栏目{j}</a></li>' for j in range(6)) + "</ul></li>"
                   for k, v in [("zwgk", "政务公开"), ("xwzx", "新闻中心"), ("bsfw", "办事服务"), ("hdjl", "互动交流")])
    hot = "".join(f'<li><a href="../info/1011/{3000 + i}.htm">热点专题第{i}期</a></li>' for i in range(8))
    lists, day, aid = [], newest, 9800
    for _ in range(blocks):
        rows = []
        for _ in range(5):
            rows.append(f'<li class="txt-elise">\n  <a href="../info/1002/{aid}.htm" target="_blank">'
                        f'关于做好第{aid}号事项的通知</a><span>{day.isoformat()}</span>\n</li>')
            aid, day = aid - 7, day - timedelta(days=3)
        lists.append(f'<ul class="list-ul wow fadeInUp animated">{"".join(rows)}</ul>')
    pager = "".join(f'<span class="p_no"><a href="tzgg/{30 - i}.htm">{i + 2}</a></span>' for i in range(4))
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告-示范县人民政府</title>
<script src="/system/resource/js/counter.js"></script></head><body>
<div class="header"><ul class="nav">{menu}</ul>
<form action="../searchresult.jsp?wbtreeid=1002" method="post"><input name="showkeycode"></form></div>
<div class="container page-box">
 <div class="pull-left list-left"><div class="list-left-top">新闻中心</div>
  <ul class="list-left-nav"><li><a href="gzdt.htm">工作动态</a></li>
  <li class="active"><a href="tzgg.htm">通知公告</a></li><li><a href="bmdt.htm">部门动态</a></li></ul>
  <div class="hot"><h3>热点专题</h3><ul>{hot}</ul></div></div>
 <div class="pull-right right-box">
  <div class="nav-address">您现在的位置： <a href="../index.htm">首页</a> -&gt; <a href="../xwzx.htm">新闻中心</a>
   -&gt; <a href="tzgg.htm">通知公告</a></div>
  <div class="page-title"><span><font>通知公告</font></span></div>
  <script language="javascript" src="/system/resource/js/centerCutImg.js"></script>
  {"".join(lists)}
  <div class="text-center"><div class="pb_sys_common pb_sys_full"><span class="p_pages">
  <span class="p_first_d">首页</span><span class="p_no_d">1</span>{pager}
  <span class="p_next p_fun"><a href="tzgg/30.htm">下页</a></span>
  <span class="p_last p_fun"><a href="tzgg/1.htm">尾页</a></span></span><span class="p_t">共31页</span></div></div>
  <script>_showDynClickBatch(['dynclicks_u13_9800'],[9800],"wbnews", 1655460640)</script>
 </div></div>
<div class="footer"><a href="https://beian.miit.gov.cn/">皖ICP备05000975号-3</a></div></body></html>"""


def test_a_vsb_list_cut_into_sibling_blocks_is_read_whole_with_its_next_page():
    """All five blocks are the column's one list (25 items, none of the sidebar's), read from the
    static HTML with its newest date and the pager's next page; a stale column stays stale."""
    url = "http://www.sfx.gov.cn/xwzx/tzgg.htm"
    for newest in (date(2025, 6, 20), date(2024, 11, 2)):
        lp = parse_list_page(_vsb_page(5, newest), url, AS_OF, hints=Hints(names=("通知公告",)))
        assert lp.list_found and not lp.tied and lp.source == "static"
        assert len(lp.items) == 25 and all("/info/1002/" in i.url for i in lp.items)
        assert max(i.published_on for i in lp.items if i.published_on) == newest
        assert lp.next_url == "http://www.sfx.gov.cn/xwzx/tzgg/30.htm"


def _date_first_table(newest: date) -> str:
    """A provincial department's column page whose list is a ``<table id="list">`` with the
    date in the first cell and the title in the second (modelled on the structure a public
    spider records for a Hunan department's 工信数据 column: rows ``tr[td[2]/a]``, date in
    ``td[1]``, pages ``index.html?page=N``), with our own text, beside a 最新发布 box dated today."""
    rows, day = [], newest
    for i in range(15):
        title = f"第{i}期全省工业经济运行数据"
        rows.append(f'<tr><td class="time">{day.isoformat()}</td><td class="title"><a href="./{day:%Y%m}/'
                    f't{day:%Y%m%d}_{4200 + i}.html" target="_blank" title="{title}">{title}</a></td></tr>')
        day -= timedelta(days=9)
    latest = "".join(f'<li><a href="../../gzdt/{AS_OF:%Y%m}/t{AS_OF:%Y%m%d}_{900 + i}.html">厅领导调研第{i}站</a>'
                     f'<span>{AS_OF.isoformat()}</span></li>' for i in range(8))
    sections = [("xxgk", "信息公开"), ("gzdt", "工作动态"), ("zcfg", "政策法规"), ("bsfw", "办事服务"),
                ("hdjl", "互动交流")]
    nav = "".join(f'<li><a href="../../{k}/index.html">{v}</a></li>' for k, v in sections)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>工信数据 - 某省工业和信息化厅</title></head>
<body><div class="top"><ul class="nav">{nav}</ul></div>
<div class="main"><div class="location">当前位置：<a href="../../index.html">首页</a>
 &gt; <a href="../index.html">信息公开</a> &gt; <a href="index.html">工信数据</a></div>
<div class="left-box"><h3>最新发布</h3><ul>{latest}</ul></div>
<div class="right-box"><div class="lm-title">工信数据</div>
<table id="list" width="100%"><tbody>{"".join(rows)}</tbody></table>
<div class="page"><a href="index.html?page=1">首页</a> <a href="index.html?page=2">下一页</a>
 <a href="index.html?page=5">尾页</a> 共5页</div></div></div></body></html>"""


def test_a_table_with_its_date_before_its_title_is_the_columns_list_not_todays_sidebar():
    """Not generated from our corpus's shapes: the date cell comes first. The 15 rows are read
    with their own dates (fresh and stale alike), the 最新发布 box's today never counts, and
    the pager's next page is followed."""
    url = "http://gxt.example.gov.cn/gxt/xxgk/gzdt/sjfb/index.html"
    for newest in (date(2025, 6, 20), date(2024, 10, 2)):
        lp = parse_list_page(_date_first_table(newest), url, AS_OF, hints=Hints(names=("工信数据",)))
        assert lp.list_found and not lp.tied and lp.source == "static"
        assert len(lp.items) == 15 and all("/sjfb/" in i.url for i in lp.items)
        assert max(i.published_on for i in lp.items if i.published_on) == newest
        assert lp.next_url == url + "?page=2"


def _list_inside_a_div_inside_a_ul(newest: date) -> str:
    """A provincial department's 信息公开 column whose rows sit in a ``<div>`` placed inside a
    ``<ul>`` (invalid HTML the browser forgives), the date in a ``span.pull-right`` after the
    title — modelled on the structure a public spider records for a Henan department
    (``div.right_main/ul/div#ajaxpage-list/li``), with our own text — beside a left menu of
    the other columns and a 热点 box dated today; its pages come from a pager script."""
    rows, day = [], newest
    for i in range(12):
        title = f"关于做好第{i}批中小企业数字化转型试点工作的通知"
        rows.append(f'<li><a href="/2025/{day:%m-%d}/{31000 + i}.html" title="{title}">{title}</a>'
                    f'<span class="pull-right">{day.isoformat()}</span></li>')
        day -= timedelta(days=11)
    hot = "".join(f'<li><a href="/2025/{AS_OF:%m-%d}/{39000 + i}.html">厅长带队开展第{i}次企业走访</a>'
                  f'<span>{AS_OF.isoformat()}</span></li>' for i in range(6))
    menu = "".join(f'<li><a href="/xxgk/{k}/">{v}</a></li>' for k, v in (
        ("fzgh", "发展规划"), ("zcwj", "政策文件"), ("jsjf", "减税降费"), ("tzgg", "通知公告"), ("rsxx", "人事信息")))
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>政策文件-某省工业和信息化厅</title></head>
<body><div class="header"><a href="/">某省工业和信息化厅</a></div>
<div class="wz">您的位置：<a href="/">首页</a> &gt; <a href="/xxgk/">信息公开</a>
 &gt; <a href="/xxgk/zcwj/">政策文件</a></div>
<div class="left_nav"><h3>信息公开</h3><ul class="submenu">{menu}</ul>
<div class="rd"><h4>热点</h4><ul>{hot}</ul></div></div>
<div class="right_main"><div class="title">政策文件</div><ul><div id="ajaxpage-list">{"".join(rows)}</div></ul>
<div class="page"><script>createPageHTML(6, 0, "index", "html");</script></div></div></body></html>"""


def test_a_list_in_a_div_inside_a_ul_is_the_columns_list_not_the_hot_box():
    """Not generated from our corpus's shapes: the rows' container is a ``<div>`` misplaced in
    a ``<ul>``. The 12 rows are read with their own dates, fresh and stale alike, the 热点
    box's today never counts, and the pager script gives the next page."""
    url = "http://gxt.example.gov.cn/xxgk/zcwj/index.html"
    for newest in (date(2025, 6, 18), date(2024, 9, 3)):
        lp = parse_list_page(_list_inside_a_div_inside_a_ul(newest), url, AS_OF, hints=Hints(names=("政策文件",)))
        assert lp.list_found and not lp.tied and lp.source == "static"
        assert len(lp.items) == 12 and all("/2025/" in i.url and "数字化转型" in i.title for i in lp.items)
        assert max(i.published_on for i in lp.items if i.published_on) == newest
        assert lp.next_url == "http://gxt.example.gov.cn/xxgk/zcwj/index_1.html"


def _trs_public_catalogue(newest: date, current: int = 0) -> str:
    """A ministry's 政府信息公开目录 column on TRS's gov_list.jsp, as a public spider and the
    template record it (our own text): rows are ``div.row`` of bare ``<li>`` (序号, 名称, 发文日期
    written 2025年06月24日, 文号 with its own year), each followed by a hidden table repeating
    the row; a 公开目录 menu and a 最新公开 box dated today beside it; the pager only script
    variables that ``PageContext.drawNavigator()`` draws into an empty div."""
    rows, day = [], newest
    for i in range(12):
        title, mark, cn = f"对某某科技有限公司作出处罚的决定（第{40 - i}号）", f"某罚字〔{day.year}〕{40 - i}号", \
            f"{day.year}年{day.month:02d}月{day.day:02d}日"
        rows.append(f'<div class="row"><li class="xh">{i + 1}</li><li class="mc"><div><a href="../../G001/{day:%Y%m}/'
                    f't{day:%Y%m%d}_{500 + i}.htm">{title}</a></div></li><li class="fbrq">{cn}</li>'
                    f'<li class="wh">{mark}</li></div><div class="Tip" style="display:none"><table><tr><td>发文日期:'
                    f'{cn}</td><td>文号: {mark}</td></tr><tr><td>名称:{title}</td></tr></table></div>')
        day -= timedelta(days=19)
    newest_box = "".join(f'<li><a href="../../G002/t{AS_OF:%Y%m%d}_{600 + i}.htm">第{i + 1}批备案机构公示</a>'
                         f'<span>{AS_OF.isoformat()}</span></li>' for i in range(6))
    menu = "".join(f'<li><a href="../../index.htm?channel=3300/{k}">{v}</a></li>'
                   for k, v in (("3302", "机构职能"), ("3311", "行政许可"), ("3313", "行政处罚决定"),
                                ("3320", "统计信息")))
    return f"""<html><head><title>行政处罚决定 - 政府信息公开目录</title><script>var m_nRecordCount = 137;
var m_nCurrPage = {current}; var m_nPageSize = 20;
window.onload = function(){{ PageContext["RecordNum"] = m_nRecordCount; PageContext.drawNavigator(); }};</script></head>
<body><div class="position">当前位置：<a href="/">首页</a> &gt; <a href="../../index.htm">政府信息公开目录</a> &gt;
<a href="../../index.htm?channel=3300/3313">行政处罚决定</a></div>
<div class="left"><div class="treeTitle">公开目录</div><ul class="tree">{menu}</ul>
<div class="newest"><h4>最新公开</h4><ul>{newest_box}</ul></div></div>
<div class="main"><div class="headOfTable"><li class="xh">序号</li><li class="mc">名称</li>
<li class="fbrq">发文日期</li><li class="wh">文号</li></div><div id="documentContainer">{"".join(rows)}</div>
<div class="pageInfo" id="list_navigator"></div></div>
<div class="footer">主办单位：某监督管理委员会</div></body></html>"""


def test_a_trs_public_catalogue_of_bare_li_rows_is_read_with_its_script_drawn_pager():
    """Studied from a public repository, not our corpus: bare ``<li>`` rows in ``div.row``, a
    文号 carrying a year, hidden tables repeating each row, a 最新公开 box dated today. List
    choice takes the 12 rows with their dates, fresh and stale, once each; the pager is only
    m_nRecordCount/m_nPageSize/m_nCurrPage (137 records, 20 a page: index_7401_1.htm next,
    none after the seventh page)."""
    url = "http://www.zjh.example.gov.cn/pub/public/3300/3313/index_7401.htm"
    for newest in (date(2025, 6, 24), date(2024, 9, 27)):
        lp = parse_list_page(_trs_public_catalogue(newest), url, AS_OF, hints=Hints(names=("行政处罚决定",)))
        assert lp.list_found and not lp.tied and len(lp.items) == 12
        assert len({i.url for i in lp.items}) == 12 and all("/G001/" in i.url for i in lp.items)
        assert max(i.published_on for i in lp.items if i.published_on) == newest
        assert lp.next_url == "http://www.zjh.example.gov.cn/pub/public/3300/3313/index_7401_1.htm"
    last = parse_list_page(_trs_public_catalogue(date(2025, 6, 24), current=6), url.replace(".htm", "_6.htm"), AS_OF,
                           hints=Hints(names=("行政处罚决定",)))
    assert last.list_found and last.next_url is None


def _trs_table_layout(newest: date, current: int = 0) -> str:
    """A county portal's 通知公告 column on TRS WCM, all nested tables (structure studied from a
    saved page in a public repository; our own text): a menu row of ``td.td3`` cells, a column
    nav table whose rows are ``<td><img></td><td><a>`` — the list's shape without a date —, a
    热点信息 box in the list's very shape dated today, the breadcrumb in ``td.pos``, the list in
    ``table.gl_list`` with each date in its own padded cell (a re-published row's URL dated 17
    days after the date shown), and TRS's inline pager script with the links it writes."""
    cells = '<td><img src="../../images/gl_ico.jpg"></td>'
    nav = "".join(f'<tr>{cells}<td><a href="../{k}/">{v}</a></td></tr>'
                  for k, v in (("xxgkzn", "信息公开指南"), ("gzdt", "工作动态"), ("rsxx", "人事信息"),
                               ("cwgk", "财务公开")))
    hot = "".join(f'<tr valign="top">{cells}<td><a href="../../rdxx/202506/t{AS_OF:%Y%m%d}_{700 + i}.html">'
                  f'县领导督导检查第{i + 1}片区汛期安全</a></td><td>{AS_OF.isoformat()}</td></tr>' for i in range(5))
    rows, day = [], newest
    for i in range(16):
        shown = day
        in_url = day + timedelta(days=17) if i % 5 == 4 else day
        rows.append(f'<tr valign="top"><td width="25">{cells}</td><td width="550"><a href="./{in_url:%Y%m}/'
                    f't{in_url:%Y%m%d}_{900 + i}.html" target="_blank">'
                    f'关于做好第{16 - i}批村级公益设施维护的通知</a></td>'
                    f'<td>\n            {shown.isoformat()}\n        </td></tr>')
        day -= timedelta(days=9)
    script = f"""<script language="JavaScript">var currentPage = {current};var countPage = 2;
document.write("&nbsp;<a href=\\"index.html\\">首页</a>&nbsp;|");
if(countPage>1&&currentPage!=(countPage-1))
  document.write("<a href=\\"index_" + (currentPage+1) + ".html\\">下一页</a>");
</script>"""
    menu = "".join(f'<td class="td3"><a href="../../{k}/">{v}</a></td><td><img src="../../images/line.jpg"></td>'
                   for k, v in (("zjqh", "走进本县"), ("xxgk", "信息公开"), ("tzqh", "投资本县")))
    return f"""<html><head><title>某县人民政府</title></head><body>
<table id="memu"><tr><td class="td1"><a href="../../">首页</a></td>{menu}</tr></table>
<table class="mag1"><tr><td valign="top"><table class="gl_left">{nav}</table>
<table class="gl_hot"><tr><td colspan="3">热点信息</td></tr>{hot}</table></td>
<td valign="top"><table><tr><td class="pos">您现在的位置是：<a href="../../">首页</a>&gt;&gt;
<a href="../">信息公开</a>&gt;&gt;<a href="./">通知公告</a></td></tr></table>
<table class="gl_list">{"".join(rows)}</table>
<table><tr><td class="page">{script}</td></tr></table></td></tr></table>
<table id="down"><tr><td><a href="../../wzdt/">网站地图</a> | <a href="../../lxwm/">联系我们</a>
备案号 标识码</td></tr></table>
</body></html>"""


def test_a_trs_table_layout_list_is_read_not_its_hot_box_nor_its_nav_table():
    """Studied from a real county page (TRS WCM, all tables), not our corpus: the 热点信息 box
    has the list's row shape and today's dates; the nav table the same shape without dates.
    List choice takes the 16 rows, each with the date the page shows (not the one in a
    re-published row's URL), fresh and stale alike, and the pager script's next page."""
    url = "http://www.qh.example.gov.cn/xxgk/tzgg/index.html"
    for newest in (date(2025, 6, 20), date(2024, 11, 5)):
        lp = parse_list_page(_trs_table_layout(newest), url, AS_OF, hints=Hints(names=("通知公告",)))
        assert lp.list_found and not lp.tied and len(lp.items) == 16
        assert all("/tzgg/" in i.url and "rdxx" not in i.url for i in lp.items)
        assert max(i.published_on for i in lp.items if i.published_on) == newest
        assert [i.published_on for i in lp.items] == [newest - timedelta(days=9 * k) for k in range(16)]
        assert lp.next_url == "http://www.qh.example.gov.cn/xxgk/tzgg/index_1.html"
    last = parse_list_page(_trs_table_layout(date(2025, 6, 20), current=1), url.replace(".html", "_1.html"), AS_OF,
                           hints=Hints(names=("通知公告",)))
    assert last.list_found and last.next_url is None


def _epoint_open_catalogue(newest: date, page: int = 1, last: int = 3) -> str:
    """A county's 公示公告 column on Epoint (国泰新点), studied from a public scraper's selectors
    for a real county portal (our own text): ``div.container > div.ewb-white > div.ewb-job > ul
    > li`` rows of ``<a title="full title">truncated…</a><span>date</span>``, two years-old
    items pinned on top of page one, pages by ``iList.jsp?…&cur_page=N``; beside the list, the
    catalogue's nav and a 热点关注 box in the list's very shape dated today."""
    base = "/info/iList.jsp?node_id=GKqx&cat_id=24186&cur_page="
    pinned = "".join(f'<li><a title="关于公布{y}年度县级权责清单的公告（长期有效）" href="/info/{1000 + y}.html">'
                     f'关于公布{y}年度县级权责清单的公...</a><span>{y}-03-0{k + 1}</span></li>'
                     for k, y in enumerate((2021, 2022))) if page == 1 else ""
    rows, day = [], newest - timedelta(days=400 * (page - 1))
    for i in range(10):
        title = f"青溪县关于第{(page - 1) * 10 + i + 1}批农村危房改造补助资金发放情况的公示"
        rows.append(f'<li><a title="{title}" href="/info/{50000 - (page - 1) * 10 - i}.html" target="_blank">'
                    f'{title[:16]}...</a><span>{day.isoformat()}</span></li>')
        day -= timedelta(days=40)
    nav = "".join(f'<li><a href="/info/iList.jsp?node_id=GKqx&cat_id={c}&cur_page=1">{name}</a></li>'
                  for c, name in ((15971, "法定主动内容"), (24186, "公示公告"), (24187, "政策解读")))
    hot = "".join(f'<li><a href="/news/{i}.html" title="县领导带队检查安全生产">县领导带队检查安全生产</a>'
                  f'<span>{AS_OF.isoformat()}</span></li>' for i in range(6))
    pager = (f'<div class="ewb-page"><a href="{base}1">首页</a>'
             + (f'<a href="{base}{page - 1}">上页</a>' if page > 1 else "")
             + (f'<a href="{base}{page + 1}">下页</a>' if page < last else "")
             + f'<a href="{base}{last}">末页</a></div>')
    return f"""<html><head><meta charset="utf-8"><title>公示公告-青溪县人民政府</title></head><body>
<div class="ewb-header"><ul class="ewb-nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li></ul>
</div>
<div class="container"><div class="ewb-location">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政府信息公开</a>
&gt; 公示公告</div><div class="ewb-white"><div class="ewb-side"><h3>政府信息公开目录</h3><ul>{nav}</ul>
<div class="ewb-hot"><h4>热点关注</h4><ul>{hot}</ul></div></div>
<div class="ewb-job"><ul>{pinned}{"".join(rows)}</ul>{pager}</div></div></div>
<div class="ewb-footer"><a href="/wzdt/">网站地图</a> 主办单位：青溪县人民政府办公室</div></body></html>"""


def test_an_epoint_open_catalogue_is_read_not_its_hot_box_and_its_pinned_items_date_nothing():
    """Studied from a real county portal's structure (Epoint), not our corpus: the list's rows
    carry their full titles in ``title`` and show them cut; two old items pinned on top do not
    make the column look stale, a 热点关注 box dated today does not make it fresh, and the pages
    go on by their query string."""
    url = "http://www.qx.example.gov.cn/info/iList.jsp?node_id=GKqx&cat_id=24186&cur_page=1"
    for newest in (date(2025, 6, 18), date(2024, 9, 2)):
        lp = parse_list_page(_epoint_open_catalogue(newest), url, AS_OF, hints=Hints(names=("公示公告",)))
        assert lp.list_found and not lp.tied and len(lp.items) == 12
        assert all("/info/" in i.url and "/news/" not in i.url for i in lp.items)
        assert max(i.published_on for i in lp.items if i.published_on) == newest
        assert lp.items[2].title == "青溪县关于第1批农村危房改造补助资金发放情况的公示"
        assert lp.next_url == url.replace("cur_page=1", "cur_page=2")
    last = parse_list_page(_epoint_open_catalogue(date(2025, 6, 18), page=3), url.replace("=1", "=3"), AS_OF,
                           hints=Hints(names=("公示公告",)))
    assert last.list_found and last.next_url is None and len(last.items) == 10


def test_a_row_whose_link_urljoin_refuses_is_read_and_does_not_fail_the_list():
    """``//[`` (a stray bracket) or a look-alike slash in a link's host made urljoin raise,
    and one such typo read the whole column as an error. The row is an item like any other,
    its URL escaped; the next page's link the same."""
    rows = "".join(f'<li><a href="/xxgk/{i}.html">关于做好第{i}批项目申报工作的通知</a>'
                   f'<span>2025-06-{20 - i:02d}</span></li>' for i in range(5))
    odd = ('<li><a href="//[">转发省厅关于开展专项检查的通知</a><span>2025-06-28</span></li>'
           '<li><a href="//a／b/1.html">市政府办公室关于调整节假日安排的通知</a><span>2025-06-27</span></li>')
    html = (f'<html><body><h2>通知公告</h2><ul class="list">{odd}{rows}</ul>'
            '<div class="page"><a href="//]next">下一页</a></div></body></html>')
    lp = parse_list_page(html, URL, AS_OF)
    assert lp.list_found and len(lp.items) == 7
    assert max(i.published_on for i in lp.items) == date(2025, 6, 28)
    assert {i.url for i in lp.items[:2]} == {"http://%5B", "http://a%EF%BC%8Fb/1.html"}
    assert lp.next_url == "http://%5Dnext"  # a page that fails to load, as a dead link does: said, not a crash


def test_a_later_page_read_where_page_one_had_its_list_reads_as_the_whole_page_would(monkeypatch):
    """A later page's records are read from the links of its list's shape alone
    (``list_shaped``): on every multi-page column of the corpus, each later page must read
    the same items, container, next page and reason as when every link of it is read."""
    import json
    from pathlib import Path

    from extractors import listpage
    from portal_audit.text import decode_html

    site = Path(__file__).parent / "corpus" / "site"
    labels = json.loads((site.parent / "labels.json").read_text(encoding="utf-8"))
    origin, whole, pages, fast = "http://www.example.gov.cn", listpage.list_shaped, 0, 0

    def read(url: str) -> str | None:
        path = site / url.removeprefix(origin).lstrip("/").split("?")[0]
        return decode_html(path.read_bytes(), None) if path.is_file() and "?" not in url else None

    def later(html: str, url: str, hints: Hints):
        monkeypatch.setattr(listpage, "list_shaped", lambda doc, c: [])  # every link read
        expected = parse_list_page(html, url, AS_OF, hints=hints)
        monkeypatch.setattr(listpage, "list_shaped", whole)
        return expected, parse_list_page(html, url, AS_OF, hints=hints)

    for case in labels["cases"]:
        url = origin + case["start"]
        html = read(url)
        if case["pages"] < 2 or html is None:
            continue
        first = parse_list_page(html, url, AS_OF)
        if not first.list_found:
            continue
        hints = Hints(container=first.container, site_wide=first.blocks)
        url, seen = first.next_url, {url}
        while url and url not in seen and (html := read(url)) is not None:
            seen.add(url)
            expected, got = later(html, url, hints)
            assert ([(i.url, i.title, i.published_on) for i in got.items], got.container, got.list_found,
                    got.next_url, got.reason) == ([(i.url, i.title, i.published_on) for i in expected.items],
                                                  expected.container, expected.list_found, expected.next_url,
                                                  expected.reason), url
            pages += 1
            fast += bool(whole(parse_html(html), first.container)) and got.list_found
            url = got.next_url
    assert pages >= 20 and fast >= pages // 2, (pages, fast)  # the corpus's later pages, most read the fast way
