"""Which dated block of a list page is the column's own list: evidence, ranked, not vetoed.

A column page carries several blocks of link + date — the column's own list, a "最新发布"
box, a site-wide "每日关注" block, menus, friend links — and reading the wrong one flips a
verdict. Each block is judged by evidence that names the column, never by the words its
markup happens to use:

* **for** — a heading next to it that names the column (the catalog's name, or the page's
  own breadcrumb, ``<title>`` or ``ColumnName`` meta); links under the column's own URL
  directory; its size (a list split into halves or groups counts whole);
* **against** — a heading such as 最新发布/热点 next to it; links the portal's other columns
  repeat (site-wide); ``nav``, ``footer``, ``aside`` and ``header`` elements; weakly, class or
  id tokens such as ``sidebar``, ``hot``, ``friend``, matched as whole tokens (``photo`` is not
  ``hot``, ``inside`` is not ``side``).

Position and layout words (``left``, ``right``, ``main``, ``con``, ``box``, ``list`` …) are
evidence neither way. A block headed like a sidebar, inside nav/footer/aside/header, or made
only of site-wide links is no candidate; the others are ranked, and when the two best tie —
close scores and different newest dates, so the choice would decide the verdict — the page
says so, naming both, instead of guessing. The crawl can still break the tie with the
column's later pages (its list changes from page to page, a sidebar does not).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from html import unescape as html_unescape
from urllib.parse import urlsplit

from lxml import etree

from portal_audit.text import fold

from .dates import find_dates
from .markup import SKIP_HREF, Texts, join_url, joiner, link_title, spaced_text, text

RECORD_TAGS = {"li", "tr", "dl", "dd", "dt", "p", "div", "article", "section", "h3", "h4", "h5", "span", "td"}
TIE_RATIO = 1.5  # a best block scoring less than this times the second ties with it

Signature = tuple[tuple[str, str, str], ...]  # (tag, class, id) from a list's container up to the root


@dataclass(slots=True)
class Record:
    element: etree._Element
    link: etree._Element
    title: str
    url: str
    published_on: date | None


# -- records: one link and its date -------------------------------------------------------
# something date-shaped: a digit beside a date separator (every form find_dates reads)
_DATE_HINT = re.compile(r"\d\s*[-/.年月日－／．﹣]|[-/.年月－／．﹣]\s*\d")
_D = "[0-9０-９]"
_DATE = (rf"(?:19|20|１９|２０){_D}{{2}}\s*[-/.年－／．]\s*{_D}{{1,2}}\s*[-/.月－／．]\s*{_D}{{1,2}}\s*日?"
         rf"(?:\s*{_D}{{1,2}}[:：]{_D}{{2}}(?:[:：]{_D}{{2}})?)?")
# "今天是2021年3月4日 星期四" in a page's top bar is the visitor's day, not a publish date
_TODAY = re.compile(r"(?:今天是|今日是|今天|今日|现在是)\s*[:：]?\s*"
                    r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?")
_TRAILING_DATE = re.compile(rf"[\s\[【(（]*{_DATE}[\s\]】)）]*$")
_LEADING_DATE = re.compile(rf"^[\s\[【(（]*{_DATE}[\s\]】)）]*")


_CLIMB = 4  # levels above a link where its block may be
_CLIMB_ENDS = ("body", "html", "ul", "ol", "table", "tbody")  # a block is below these, never one of them


def _climb(a: etree._Element) -> tuple[list[etree._Element], etree._Element]:
    """The elements above link ``a`` where its block may be (up to ``_CLIMB`` levels, below
    any ``_CLIMB_ENDS`` element), and the element that holds them all and ``a``: where the
    climb ends."""
    levels: list[etree._Element] = []
    el = a
    for _ in range(_CLIMB):
        parent = el.getparent()
        if parent is None:
            return levels, el
        if parent.tag in _CLIMB_ENDS:
            return levels, parent
        levels.append(parent)
        el = parent
    return levels, el


def _record_for(a: etree._Element, as_of: date | None, texts: Texts, year_hint: str | None = None,
                levels: list[etree._Element] | None = None) -> tuple[etree._Element, date, bool] | None:
    """The smallest block around link ``a`` (among ``levels``, its ``_climb``) that carries
    exactly this link's date, and whether that date sits inside the link itself. A block with
    nothing date-shaped is passed over without a closer look: its parent's text and links
    contain its own, so any early exit it would take, the parent takes."""
    for el in _climb(a)[0] if levels is None else levels:
        if el.tag not in RECORD_TAGS:
            continue
        block = texts[el]
        if len(block) > 500:
            return None
        if not _DATE_HINT.search(block):
            continue
        link_text = texts[a]
        long_links = 0
        for x in el.iter("a"):
            long_links += len(texts[x]) >= 6
            if long_links > 1:
                return None
        outside = block.replace(link_text, " ", 1)
        dates = find_dates(_TODAY.sub(" ", outside) if "今" in outside or "现在" in outside else outside, as_of,
                           year_hint=year_hint)
        if dates:
            return el, _published(dates, as_of), False
        # inside the link: its elements' texts apart, so a date before a title's digits stays a date
        inside = _date_in_link(spaced_text(a), as_of)
        if inside:
            return el, inside, True
    return _card(a, as_of) if len(a) else None  # (most links have no children)


def _date_in_link(spaced: str, as_of: date | None) -> date | None:
    """The publish date inside a link's text: the one that ends it (court sites), else the
    one that opens it (``<em>2018-08-08</em><span>2018年…</span>``); a date in the middle is
    the title's own ("关于2023年12月1日停电的通知") unless it is the only one."""
    inside = find_dates(spaced, as_of, allow_yearless=False)
    if not inside:
        return None
    for edge in (_TRAILING_DATE.search(spaced), _LEADING_DATE.match(spaced)):
        if edge and edge.group(0).strip():
            found = find_dates(edge.group(0), as_of, allow_yearless=False)
            if found:
                return found[0]
    return inside[-1]


_CARD_PARTS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "div")


def _card(a: etree._Element, as_of: date | None) -> tuple[etree._Element, date, bool] | None:
    """A card whose whole body is the link (``<a class="box"><h3>标题(2020-12-16)</h3><p>…</p></a>``
    straight inside a ``<ul>``): the link is the record, its date inside it."""
    if not len(a) or not any(isinstance(c.tag, str) and c.tag in _CARD_PARTS for c in a):
        return None
    spaced = spaced_text(a)
    if len(spaced) > 500:
        return None
    found = _date_in_link(spaced, as_of)
    if found is None:
        for child in a:
            if isinstance(child.tag, str) and child.tag in _CARD_PARTS:
                found = _date_in_link(spaced_text(child), as_of)
                if found:
                    break
    return (a, found, True) if found else None


def _published(dates: list[date], as_of: date | None) -> date:
    """The publish date among a row's dates: one date is it; of several (成文日期 and
    发布日期, 发布 and 更新) the latest that is not in the future — a document is published
    on or after it is written."""
    if len(dates) == 1:
        return dates[0]
    past = [d for d in dates if as_of is None or d <= as_of]
    return max(past) if past else dates[0]


def _link_title(a: etree._Element, texts: Texts, date_in_link: bool) -> str:
    """A link's title: its title attribute, else its text — without the publish date when
    that sits inside the link, after the title (court and procuratorate sites) or before
    it. Years inside the title itself ("2024年度…报告") stay."""
    title = " ".join((a.get("title") or "").split())
    if title or not date_in_link:
        return title or texts[a]
    heading = next((c for c in a if isinstance(c.tag, str) and c.tag in _CARD_PARTS[:6]), None)
    spaced = spaced_text(heading if heading is not None else a)  # a card's title is its heading
    trailing = _TRAILING_DATE.sub("", spaced).strip()
    if trailing != spaced:
        return trailing or texts[a]
    return _LEADING_DATE.sub("", spaced).strip() or texts[a]


def dated_records(doc: etree._Element, url: str, as_of: date | None,
                  links: Iterable[etree._Element] | None = None) -> list[Record]:
    """Every link of ``doc`` (or of ``links``, in page order) that sits in a small block with
    its own date. A link's record depends on its own ancestors only, so the records of
    ``links`` are those the whole page gives them (``list_shaped``)."""
    records: list[Record] = []
    seen: set[int] = set()
    texts = Texts()
    join = joiner(url)
    # Whether an element's text holds anything date-shaped. A block's text is part of every
    # ancestor's, so where the top of a link's climb holds nothing date-shaped, neither does
    # any block below it nor the link: the menus' and footers' dozens of links (most of a
    # page's) are passed over by their shared ancestor, without a look at each one's block.
    dated: dict[etree._Element, bool] = {}
    for a in doc.iter("a") if links is None else links:
        href = (a.get("href") or "").strip()
        if not href or href.startswith(SKIP_HREF):
            continue
        levels, top = _climb(a)
        if (hinted := dated.get(top)) is None:
            hinted = dated[top] = _DATE_HINT.search(texts[top]) is not None
        if not hinted:
            continue
        found = _record_for(a, as_of, texts, href, levels)  # the link's URL dates a year-less date
        if found is None or id(found[0]) in seen:
            continue
        block, published_on, date_in_link = found
        title = _link_title(a, texts, date_in_link)
        if len(title) < 2:
            continue
        seen.add(id(block))
        records.append(Record(block, a, title, join(href), published_on))
    return records


def list_shaped(doc: etree._Element, container: Signature) -> list[etree._Element]:
    """The links, in page order, inside every element of the shape (tag and class) of
    ``container``: where a later page's list is when it sits where page one's did. Every
    container that ``blocks`` could join to such a list has that shape, so its records are
    among these links' — a later page need not read its menus and sidebars again."""
    if not container:
        return []
    tag, cls = container[0][:2]
    outer: list[etree._Element] = []
    inside: set[etree._Element] = set()
    for el in doc.iter(tag):
        if (el.get("class") or "") == cls and el not in inside:
            outer.append(el)
            inside.update(el.iter(tag))  # a nested one's links are its ancestor's already
    return [a for el in outer for a in el.iter("a")]


def grouped(records: list[Record]) -> dict[etree._Element, list[Record]]:
    """Records by their container (the element holding the rows), in page order."""
    groups: dict[etree._Element, list[Record]] = defaultdict(list)
    for rec in records:
        groups[rec.element.getparent()].append(rec)
    return groups


_ARTICLE_PATH = re.compile(r"(?:\.s?html?|\.jhtml|\.jsp|\.php|\.aspx?|\.do|\.pdf|\.docx?)$"
                           r"|/art/|/content|/t\d{8}_|\d{5,}", re.I)
_INDEX_PATH = re.compile(r"/(?:index|default|list)(?:_\d+)?\.s?html?$|/$", re.I)


def article_like(url: str) -> bool:
    """A URL that looks like an article, not a column index or a site's home page."""
    path = urlsplit(url).path
    return bool(_ARTICLE_PATH.search(path)) and not _INDEX_PATH.search(path)


def undated_groups(doc: etree._Element, url: str) -> dict[etree._Element, list[Record]]:
    """Rows of one long link each, for lists that show no dates at all (three or more,
    outside nav/footer/aside and not under a sidebar's heading). Menus, friend links and
    directories of sites look the same; the caller asks for evidence (``undated_list``)."""
    groups: dict[etree._Element, list[Record]] = defaultdict(list)
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        title = link_title(a)
        if not href or href.startswith(SKIP_HREF) or len(title) < 6:
            continue
        row = a.getparent()
        while row is not None and row.tag not in ("li", "tr", "dd", "p", "div", "article"):
            row = row.getparent()
        if row is None or sum(1 for x in row.iter("a") if len(text(x)) >= 6) > 1:
            continue
        groups[row.getparent()].append(Record(row, a, title, join_url(url, href), None))
    return {c: recs for c, recs in groups.items() if len(recs) >= 3 and _against(c, frozenset()) is None}


# -- what names the column ------------------------------------------------------------------
_CRUMB_LABEL = re.compile(r"(?:当前位置|您现在的位置|您的位置|您所在的位置|所在位置|现在位置|当前页面"
                          r"|當前位置|您現在的位置|您的位置|所在位置)\s*[:：]?")
_CRUMB_SPLIT = re.compile(r"\s*(?:>|＞|»|›|→|/|>>|＞＞|-{1,2}>)\s*")
_TITLE_SPLIT = re.compile(r"\s*[-_|｜—–－·]+\s*")
_DECOR = re.compile(r"更多|more|查看全部|[>»›+＋\s]+|[【】\[\]]", re.I)


def _core(value: str) -> str:
    return _DECOR.sub("", fold(value))


def column_names(doc: etree._Element, given: tuple[str, ...] = (), html: str = "") -> frozenset[str]:
    """What the column is called: the catalog's name (``given``), the page's ``ColumnName``
    meta, the last step of its breadcrumb (read off ``html``, the raw page) and the parts of
    its ``<title>`` — folded (simplified script, no spaces) for comparison with the
    headings next to its blocks."""
    names = [n for n in given if n]
    for meta in doc.iter("meta"):
        if (meta.get("name") or "").strip().lower() in ("columnname", "column"):
            names.append(meta.get("content") or "")
    title = doc.find(".//title")
    if title is not None:
        names.extend(_TITLE_SPLIT.split(text(title))[:3])
    crumb = _breadcrumb(html)
    if crumb:
        steps = [s for s in _CRUMB_SPLIT.split(_CRUMB_LABEL.sub("", crumb)) if s.strip()]
        if steps:
            names.append(steps[-1])
    return frozenset(c for c in (_core(n) for n in names) if 2 <= len(c) <= 24)


_CRUMB_WORDS = ("crumb", "dqwz", "position", "location", "weizhi")
# the labelled breadcrumb read off the raw page, from its label to the end of its box
_CRUMB_RAW = re.compile(r"(?:当前位置|現在的位置|现在的位置|您的位置|所在位置|现在位置|當前位置|当前页面)"
                        r"\s*[:：]?(.{0,800}?)"
                        r"</(?:div|td|p|ul|ol|section|nav|dd|h\d|header)\s*>", re.S | re.I)
_TAG = re.compile(r"<[^>]*>")


_IN_MARK = re.compile(r"""(?:class|id)\s*=\s*["']?([^"'<>=]*)$""", re.I)
_MARK_REST = re.compile(r"""[^"'<>\s]*""")
_BOX_TEXT = re.compile(r">(.{0,800}?)</(?:div|td|p|ul|ol|section|nav|dd|h\d|header)\s*>", re.S | re.I)


def _crumb_marked(html: str) -> str | None:
    """The text of the box whose class or id marks it a breadcrumb, read off the raw page:
    each occurrence of a breadcrumb word is checked where it stands (``position`` is mostly
    CSS), and the box's text runs from its tag to the end of the box."""
    for word in _CRUMB_WORDS:
        at = html.find(word)
        while at >= 0:
            opened = html.rfind("<", max(0, at - 200), at)
            mark = _IN_MARK.search(html, opened, at) if opened > html.rfind(">", max(0, at - 200), at) else None
            if mark:
                rest = _MARK_REST.match(html, at)
                assert rest is not None  # a starred pattern matches anywhere, if only the empty string
                value = mark.group(1) + rest.group(0)
                if {t.lower() for t in _TOKEN.findall(value)} & _CRUMB_TOKENS:
                    box = _BOX_TEXT.search(html, at)
                    if box:
                        return html_unescape(_TAG.sub(" ", box.group(1)))
            at = html.find(word, at + 1)
    return None


def _breadcrumb(html: str) -> str | None:
    """The breadcrumb's text after its label ("首页 > 政务公开 > 通知公告"), read off the raw
    page from "当前位置：" to the end of the box that holds it, else the text of the box whose
    class or id says it is one: string searches where the words stand, not walks of the tree
    (this runs on every column's first page)."""
    at = html.find("位置")
    while at >= 0:
        m = _CRUMB_RAW.search(html, max(0, at - 8), at + 900)
        if m:
            return html_unescape(_TAG.sub(" ", m.group(1)))
        at = html.find("位置", at + 2)
    marked = _crumb_marked(html)
    return marked if marked and 2 <= len(marked.strip()) <= 160 else None


# -- headings next to a block -----------------------------------------------------------------
# the whole text of a sidebar's heading (simplified; "更多 >>" stripped)
_SIDEBAR_HEADING = re.compile(
    r"^(?:本站|全站|网站|站内|今日|本周|一周)?"
    r"(?:最新(?:发布|信息|动态|文章|公开|更新|消息|公告|文件|资讯)?|热点(?:信息|新闻|关注|推荐|专题|文章|排行)?"
    r"|热门(?:信息|文章|新闻|推荐|排行)?|推荐(?:信息|阅读|文章|新闻)?|精彩推荐|猜你喜欢|大家都在看"
    r"|(?:阅读|点击|浏览|人气|热度|访问)?排行(?:榜)?|相关(?:链接|信息|文章|阅读|新闻|推荐)|友情链接|图片新闻|专题专栏|要闻(?:动态)?)$"
)
_HEADING_SKIP = {"li", "tr", "a", "ul", "ol", "table", "tbody", "td", "dd", "dt", "script", "style", "head", "title",
                 "meta", "html", "body"}


def _heading_text(el: etree._Element) -> str | None:
    """A short, date-free block that reads as a heading ("通知公告", "最新发布 更多>>"), or None."""
    if not isinstance(el.tag, str) or el.tag in _HEADING_SKIP:
        return None
    value = text(el)
    if not 2 <= len(value) <= 24 or _DATE_HINT.search(value):
        return None
    if sum(1 for a in el.iter("a") if len(text(a)) >= 2) > 2:
        return None
    return value


def heading_of(container: etree._Element) -> str | None:
    """The heading next to a block: the nearest heading-like previous sibling of the block
    or of one of its boxes, up to five levels up — but not past another block of links
    (then the heading belongs to that block, not to this one)."""
    el = container
    for _ in range(6):
        if el.tag in ("body", "html"):
            return None
        prev, looked = el.getprevious(), 0
        while prev is not None and looked < 3:
            if isinstance(prev.tag, str):
                found = _heading_text(prev)
                if found is not None:
                    return found
                if any(len(text(a)) >= 6 for a in prev.iter("a")):
                    return None
                looked += 1
            prev = prev.getprevious()
        el = el.getparent()
        if el is None:
            return None
    return None


_LIST_BOX = ("ul", "ol", "table", "tbody", "dl", "div")


def blank_under_heading(doc: etree._Element, names_of: Callable[[], frozenset[str]]) -> bool:
    """Does a heading naming the column stand over an empty list box (a ``<ul>`` without a
    single link)? On a rendered page that is a blank column with no placeholder text."""
    names = names_of()
    if not names:
        return False
    body = doc.find("body")
    for el in (body if body is not None else doc).iter("h1", "h2", "h3", "h4", "h5", "div", "span", "p", "strong", "b"):
        heading = _heading_text(el)
        if heading is None or not names_column(heading, names):
            continue
        holder = el
        for _ in range(3):  # the heading itself, or the box it sits in as a title
            box = holder.getnext()
            while box is not None and not isinstance(box.tag, str):
                box = box.getnext()
            if box is not None and box.tag in _LIST_BOX:
                if box.find(".//a") is None and len(text(box)) < 20:
                    return True
                break  # the heading's box holds something: not a blank list
            holder = holder.getparent()
            if holder is None or holder.tag == "body":
                break
    return False


def names_column(heading: str, names: frozenset[str]) -> bool:
    core = _core(heading)
    return len(core) >= 2 and any(core == n or (len(n) >= 4 and n in core) or (len(core) >= 4 and core in n)
                                  for n in names)


def sidebar_heading(heading: str) -> bool:
    return bool(_SIDEBAR_HEADING.match(_core(heading)))


# -- markup words, as whole tokens ------------------------------------------------------------
_TOKEN = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+")
# Weak evidence against (a score halved, never a veto). Each word earned its place on the real
# pages studied for issue 26 (bench/hint_words.py: 58 pages of 33 portals): it marks menus,
# footers, banners or side boxes there and is never around a column's own list. Words that
# never occurred (sidebar, latest, zxfb, ranking …) were dropped. Position and layout words
# (left, right, main, con, content, box, wrap, list …) are not here: real column lists sit in
# class="right", id="right_con", "main-right".
SIDEBAR_TOKENS = frozenset({"nav", "navbar", "menu", "submenu", "foot", "footer", "header", "banner", "side", "hot",
                            "links", "yqlj"})
_CRUMB_TOKENS = frozenset({"crumb", "crumbs", "breadcrumb", "breadcrumbs", "position", "location", "dqwz", "weizhi"})
_SEMANTIC = ("nav", "footer", "aside", "header")


def _tokens(el: etree._Element) -> frozenset[str]:
    marks = f"{el.get('class') or ''} {el.get('id') or ''}"
    return frozenset(t.lower() for t in _TOKEN.findall(marks)) if marks.strip() else frozenset()


def _hinted(el: etree._Element) -> bool:
    for _ in range(5):
        if el is None or el.tag in ("body", "html"):
            return False
        if _tokens(el) & SIDEBAR_TOKENS:
            return True
        el = el.getparent()
    return False


def _semantic(el: etree._Element) -> bool:
    while el is not None:
        if el.tag in _SEMANTIC:
            return True
        el = el.getparent()
    return False


def _against(container: etree._Element, names: frozenset[str]) -> str | None:
    """Strong evidence that a block is not the column's list: a sidebar's heading beside it
    (unless the heading names the column), or a nav/footer/aside/header element around it."""
    heading = heading_of(container)
    if heading and sidebar_heading(heading) and not names_column(heading, names):
        return "heading"
    if _semantic(container):
        return "element"
    return None


# -- blocks: one list, possibly split into several containers --------------------------------
def _same_list(best: etree._Element, other: etree._Element, groups: dict[etree._Element, list[Record]]) -> bool:
    """Is ``other`` another block of ``best``'s list? Real templates split one list into
    blocks: two ``<ul>`` halves, groups of five under ``<div ms-visible="$showStatic(6)">``
    wrappers a script pager shows one at a time, nested tables between blank rows. Such a
    block has the same tag and class and the same record shape, hangs from a common
    ancestor at most three levels up through wrappers of the same tag and class, and sits
    among its sibling blocks with nothing between them but separators without links."""
    if (other.tag, other.get("class")) != (best.tag, best.get("class")):
        return False
    if {r.element.tag for r in groups[other]} != {r.element.tag for r in groups[best]}:
        return False
    a, b = best, other
    for _ in range(3):
        pa, pb = a.getparent(), b.getparent()
        if pa is None or pb is None:
            return False
        if pa is pb:
            return _consecutive(a, b)
        if (pa.tag, pa.get("class")) != (pb.tag, pb.get("class")):
            return False
        a, b = pa, pb
    return False


def _consecutive(a: etree._Element, b: etree._Element) -> bool:
    """Siblings ``a`` and ``b`` with only blocks like them or link-less separators between."""
    parent = a.getparent()
    i, j = parent.index(a), parent.index(b)
    shape = (a.tag, a.get("class"))
    for el in parent[min(i, j) + 1:max(i, j)]:
        if not isinstance(el.tag, str):
            continue
        if (el.tag, el.get("class")) != shape and next(el.iter("a"), None) is not None:
            return False
    return True


@dataclass(slots=True)
class Block:
    """One list on the page — its containers (one, or the halves/groups of a split list),
    its records — and the evidence about it."""

    containers: list[etree._Element]
    records: list[Record]
    heading: str | None = None
    named: bool = False  # a heading beside it names the column
    against: str | None = None  # "heading", "element" or "site_wide": not a candidate
    own_dir: float = 0.0  # share of its links under the column's own directory
    score: float = 0.0
    main: etree._Element = field(init=False)

    def __post_init__(self) -> None:
        self.main = self.containers[0]

    @property
    def own(self) -> bool:
        """Positive evidence that it is the column's: a heading naming the column, or most of
        its links under the column's own directory."""
        return self.named or self.own_dir >= 0.5

    @property
    def newest(self) -> date | None:
        dates = [r.published_on for r in self.records if r.published_on]
        return max(dates) if dates else None

    def label(self) -> str:
        """How a person finds it on the page: its heading, else its tag, class and id."""
        if self.heading:
            return self.heading
        el = self.main
        klass = ".".join((el.get("class") or "").split()[:2])
        return el.tag + (f".{klass}" if klass else "") + (f"#{el.get('id')}" if el.get("id") else "")


def blocks(groups: dict[etree._Element, list[Record]]) -> list[Block]:
    """The page's lists: containers of one split list joined (by the largest container,
    compared only with containers of the same tag and class)."""
    by_shape: dict[tuple, list[etree._Element]] = defaultdict(list)
    for c in groups:
        by_shape[(c.tag, c.get("class"))].append(c)
    owner: dict[etree._Element, etree._Element] = {}
    for containers in by_shape.values():
        for c in sorted(containers, key=lambda c: -len(groups[c])):
            if c in owner:
                continue
            owner[c] = c
            for other in containers:
                if other not in owner and _same_list(c, other, groups):
                    owner[other] = c
    members: dict[etree._Element, list[etree._Element]] = defaultdict(list)
    for c in groups:  # page order
        members[owner[c]].append(c)
    out = []
    for head, cs in members.items():
        recs = [r for c in cs for r in groups[c]]  # page order
        out.append(Block([head] + [c for c in cs if c is not head], recs))  # the largest first: its signature
    return out


def column_dir(url: str) -> str:
    """The column's own directory as an absolute URL prefix (``http://h/col/c1/``): its
    items' URLs, joined absolute, start with it."""
    return url.split("?", 1)[0].split("#", 1)[0].rsplit("/", 1)[0] + "/"


def weigh(found: list[Block], url: str, names_of: Callable[[], frozenset[str]],
          site_wide: frozenset[str]) -> list[Block]:
    """Score each block by the evidence about it; the candidates (no strong evidence
    against) best first, then the rest. ``names_of`` gives the column's names, asked only
    when a block has a heading to compare."""
    col_dir = column_dir(url)
    for b in found:
        b.heading = heading_of(b.main)
        b.named = bool(b.heading and names_column(b.heading, names_of()))
        urls = [r.url for r in b.records]
        shared = sum(u in site_wide for u in urls) / len(urls) if site_wide else 0.0
        if shared == 1.0:
            b.against = "site_wide"
        elif b.heading and sidebar_heading(b.heading) and not b.named:
            b.against = "heading"
        elif _semantic(b.main) and not b.named:
            b.against = "element"
        b.own_dir = own = sum(u.startswith(col_dir) for u in urls) / len(urls)
        b.score = (len(urls) * (1 + 2 * own) * (3.0 if b.named else 1.0) * (0.5 if _hinted(b.main) else 1.0)
                   * (1 - 0.5 * shared))
    return sorted(found, key=lambda b: (b.against is not None, -b.score))


def undated_list(block: Block) -> bool:
    """Is an undated block a column's list? It must link to articles (not to columns or
    other sites' home pages: menus, friend links) and carry evidence of its own — a
    heading naming the column, or links under the column's directory — since without
    dates nothing else tells it from a block of links."""
    articles = sum(article_like(r.url) for r in block.records) / len(block.records)
    return articles >= 0.6 and block.own


def lone(block: Block) -> bool:
    """A single dated link without evidence of its own (a footer's 更新时间, a ticker):
    no list to read a column by."""
    return len(block.records) == 1 and not block.own


def candidates(ranked: list[Block]) -> list[Block]:
    """The blocks that may be the column's list, best first."""
    return [b for b in ranked if b.against is None and not lone(b)]


def tied(cands: list[Block]) -> bool:
    """Do the two best candidates tie — close in evidence, and the choice would change the
    column's newest date (else either gives the same verdict)?"""
    if len(cands) < 2:
        return False
    best, second = cands[0], cands[1]
    return second.score * TIE_RATIO > best.score and best.newest != second.newest


def signature(container: etree._Element) -> Signature:
    sig = []
    el = container
    while el is not None and isinstance(el.tag, str):
        sig.append((el.tag, el.get("class") or "", el.get("id") or ""))
        el = el.getparent()
    return tuple(sig)
