"""Find a column's own item list on a list page, and the link to the next page.

Real column pages carry several lists of link + date: the column's own, a site-wide
"最新发布/热点信息" sidebar with today's dates, navigation, friend links. Reading the wrong
one flips verdicts, so candidate lists are scored: records are (link, date) blocks
grouped by their container; containers score by size, by how many of their links stay
under the column's own directory, and lose when they look like sidebars or menus.
Parsing uses lxml directly: it is the hot path (see bench/).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from html import unescape as html_unescape
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from lxml import etree
from lxml.cssselect import CSSSelector

from portal_audit.i18n import Msg, msg
from portal_audit.records import Item
from portal_audit.text import fold, strip_pinyin_notes

from .dates import find_dates
from .profiles import Profile

RECORD_TAGS = {"li", "tr", "dd", "dt", "p", "div", "article", "section", "h3", "h4", "h5", "span", "td"}
_SIDEBAR_HINT = re.compile(
    r"nav|menu|foot|side|right|hot|latest|zuixin|zxfb|redian|remen|rank|paihang|friend|yqlj|link|banner|header|breadcrumb|crumb",
    re.I,
)
# the whole text of a sidebar's heading (simplified; "更多 >>" stripped)
_SIDEBAR_HEADING = re.compile(
    r"^(?:最新(?:发布|信息|动态|文章|公开|更新)?|热点(?:信息|新闻|关注|推荐|专题)?|热门(?:信息|文章|新闻)?|推荐(?:信息|阅读|文章)?"
    r"|(?:阅读|点击|浏览)?排行(?:榜)?|相关(?:链接|信息|文章|阅读|新闻)|友情链接|图片新闻|专题专栏|要闻(?:动态)?)$"
)
_EMPTY = re.compile(
    r"暂无(?:信息|内容|数据|记录|相关|文章)|暫無(?:信息|內容|數據|記錄|相關|文章)|没有(?:找到)?相关(?:记录|信息|内容|数据)"
    r"|沒有(?:找到)?相關(?:記錄|信息|內容|數據)|该栏目暂无|該欄目暫無|无相关信息|無相關信息|没有记录|沒有記錄|无记录|無記錄"
)
# an explanatory note (说明/备注) saying why a column has nothing: with one a column is not
# blank (国办 rules: "确无信息的栏目应有说明"); a bare "暂无信息" placeholder is
_NOTE_WHY = (r"(?:无此类|無此類|无该类|無該類|无相关|無相關|无此项|無此項|未产生|未產生|不涉及|没有此类|沒有此類|没有相关|沒有相關"
             r"|暂无此类|暫無此類|暂未产生|暫未產生)")
_NOTE = re.compile(
    r"(?:说明|說明|备注|備註)\s*[:：]\s*[^。；;\n]{0,40}?" + _NOTE_WHY + r"[^。；;\n]{0,40}"
    r"|本(?:机关|機關|单位|單位|部门|部門|局|委|办|辦|院|机构|機構|级|級|乡|鄉|镇|鎮|街道)[^。；;\n]{0,24}?" + _NOTE_WHY
    + r"[^。；;\n]{0,40}"
)
_NEXT_TEXT = {"下一页", "下页", "后页", "后一页", "下一頁", "下頁", "後頁", "後一頁", "next", "next page", "›", ">", "»", ">>"}
_TRS_PAGER = re.compile(r"createPageHTML\(\s*(\w+)\s*,\s*(\w+)\s*,\s*[\"'](\w+)[\"']\s*,\s*[\"'](\w+)[\"']")
_PINNED = re.compile(r"置顶|置頂|\[顶\]|【置顶】")
_SKIP_HREF = ("javascript:", "#", "mailto:", "tel:")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")


Signature = tuple[tuple[str, str, str], ...]  # (tag, class, id) from a list's container up to the root


@dataclass(frozen=True, slots=True)
class Hints:
    """What the rest of the crawl knows when a page is read: the container of the list
    chosen on the column's first page (later pages read the same one), and link URLs that
    belong to site-wide blocks — they repeat on the column's pages or across the portal's
    columns — so a block made of them is never the column's list."""

    container: Signature | None = None
    site_wide: frozenset[str] = frozenset()


@dataclass(slots=True)
class ListPage:
    """What one list page says about its column."""

    items: list[Item] = field(default_factory=list)
    next_url: str | None = None
    empty_marker: bool = False  # the page says it has nothing: a placeholder ("暂无信息") or a note
    note: str | None = None  # an explanatory note saying why (not blank), as written
    list_found: bool = False
    container: Signature | None = None  # where the list was found (fixes later pages)
    blocks: frozenset[str] = frozenset()  # dated links outside the list: sidebars, site-wide blocks
    source: str = "static"  # "static", or "island" when the list came out of a comment/template
    reason: Msg | None = None  # why no list was found
    doc: etree._Element | None = None  # the parsed page (scripts dropped), for a content observer to read
    text: str = ""  # the page's visible text, whitespace folded


@dataclass(slots=True)
class _Record:
    element: etree._Element
    link: etree._Element
    title: str
    url: str
    published_on: date | None


def text_of(el: etree._Element) -> str:
    """All the text inside ``el`` (not its tail), as lxml.html's text_content() but
    serialised in C: the cheapest way to it."""
    return etree.tostring(el, method="text", encoding=str, with_tail=False)


def _text(el: etree._Element) -> str:
    return " ".join(text_of(el).split())


def _title(a: etree._Element) -> str:
    return " ".join((a.get("title") or text_of(a)).split())


class _Texts(dict):
    """Whitespace-folded element texts, computed when first asked for: a page has
    hundreds of links in menus and footers, and their blocks are shared."""

    def __missing__(self, el: etree._Element) -> str:
        text = self[el] = _text(el)
        return text


# something date-shaped: a digit beside a date separator (every form find_dates reads)
_DATE_HINT = re.compile(r"\d\s*[-/.年月日－／．﹣]|[-/.年月－／．﹣]\s*\d")


def _record_for(a: etree._Element, as_of: date | None, texts: _Texts) -> tuple[etree._Element, date, bool] | None:
    """The smallest block around link ``a`` that carries exactly this link's date, and
    whether that date sits inside the link itself. A block with nothing date-shaped is
    passed over without a closer look: its parent's
    text and links contain its own, so any early exit it would take, the parent takes."""
    el = a
    for _ in range(4):
        el = el.getparent()
        if el is None or el.tag in ("body", "html", "ul", "ol", "table", "tbody"):
            return None
        if el.tag not in RECORD_TAGS:
            continue
        text = texts[el]
        if len(text) > 500:
            return None
        if not _DATE_HINT.search(text):
            continue
        link_text = texts[a]
        long_links = 0
        for x in el.iter("a"):
            long_links += len(texts[x]) >= 6
            if long_links > 1:
                return None
        outside = text.replace(link_text, " ", 1)
        dates = find_dates(outside, as_of)
        if dates:
            return el, dates[0], False
        inside = find_dates(link_text, as_of, allow_yearless=False)
        if inside:
            return el, inside[-1], True  # a date inside the link trails the title
    return None


_D = "[0-9０-９]"
_TRAILING_DATE = re.compile(
    rf"[\s\[【(（]*(?:19|20|１９|２０){_D}{{2}}\s*[-/.年－／．]\s*{_D}{{1,2}}\s*[-/.月－／．]\s*{_D}{{1,2}}\s*日?"
    rf"(?:\s*{_D}{{1,2}}[:：]{_D}{{2}}(?:[:：]{_D}{{2}})?)?[\s\]】)）]*$")


def _link_title(a: etree._Element, texts: "_Texts", date_in_link: bool) -> str:
    """A link's title: its title attribute, else its text — without the publish date when
    that sits at the end of the link's own text (court and procuratorate sites put both in
    the ``<a>``). Years inside the title itself ("2024年度…报告") stay."""
    title = " ".join((a.get("title") or "").split())
    if title:
        return title
    return (_TRAILING_DATE.sub("", texts[a]).strip() or texts[a]) if date_in_link else texts[a]


def _is_heading(el: etree._Element) -> bool:
    """A short, link-free block naming a sidebar: "最新发布", "热点信息" …"""
    if not isinstance(el.tag, str) or el.tag in ("li", "tr", "a", "ul", "ol", "table"):
        return False
    text = _text(el)
    if len(text) > 16 or any(len(_text(a)) >= 6 for a in el.iter("a")):
        return False
    core = re.sub(r"更多|more|[>»›\s]+", "", fold(text), flags=re.I)
    return bool(_SIDEBAR_HEADING.match(core))


def _penalised(record: etree._Element) -> bool:
    """Does this record sit in a menu, footer or sidebar (by markup or by its heading)?"""
    el, depth = record, 0
    while el is not None and depth < 6:
        hint = f"{el.get('class') or ''} {el.get('id') or ''}"
        if el.tag in ("nav", "footer", "aside", "header") or (hint.strip() and _SIDEBAR_HINT.search(hint)):
            return True
        if depth:  # a heading just before the list or its box names a sidebar
            prev = el.getprevious()
            for _ in range(2):
                if prev is None:
                    break
                if _is_heading(prev):
                    return True
                prev = prev.getprevious()
        el, depth = el.getparent(), depth + 1
    return False


def _joiner(base: str) -> Callable[[str], str]:
    """``urljoin(base, href)`` for one page's many links. The shapes list pages use
    (``./x``, ``x``, ``/x``) are string concatenation; anything else (dot segments, other
    schemes, empty queries that urljoin drops) goes to urljoin itself."""
    parts = urlsplit(base)
    if not parts.scheme or not parts.netloc or ";" in parts.path:
        return lambda href: urljoin(base, href)
    origin = f"{parts.scheme}://{parts.netloc}"
    directory = origin + (parts.path[: parts.path.rfind("/") + 1] or "/")

    def join(href: str) -> str:
        if href[:1] <= " " or "\t" in href or "\n" in href or "\r" in href:  # urljoin drops these
            return urljoin(base, href)
        if href.startswith("./"):
            rest, prefix = href[2:], directory
        elif href.startswith("/") and not href.startswith("//"):
            rest, prefix = href[1:], origin + "/"
        elif not href.startswith((".", "?", "#")) and ":" not in href.split("/", 1)[0]:
            rest, prefix = href, directory
        else:
            return urljoin(base, href)
        if not href or rest.startswith((".", "/")) or rest.endswith(("?", "#")) or any(
                odd in rest for odd in ("/.", "//", "?#", ";")):
            return urljoin(base, href)
        return prefix + rest

    return join


def _column_dir(url: str) -> str:
    path = urlsplit(url).path
    return path.rsplit("/", 1)[0] + "/"


_PAGE_IN_URL = [
    (re.compile(r"index_(\d+)\.s?html?$"), 1),        # TRS: index_1.html is page 2
    (re.compile(r"column-index-(\d+)\.s?html?$"), 0),
    (re.compile(r"[?&](?:page|cur_page|pageNum|pageNo|pagenum|pageno|currentPage|curpage|pageIndex|p)=(\d+)", re.I), 0),
    (re.compile(r"_(\d+)\.s?html?$"), 0),
]
_HANWEB_TOTAL = re.compile(r"(?:totalRecord\s*[:=]\s*[\"']?|<totalrecord>\s*)(\d+)", re.I)
_HANWEB_PERPAGE = re.compile(r"perPage\s*[:=]\s*[\"']?(\d+)", re.I)
_HANWEB_RECORD = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S | re.I)
_HANWEB_NEXTGROUP = re.compile(r"<nextgroup>\s*<!\[CDATA\[[^\]]*?href=[\"']([^\"']+)[\"']", re.S | re.I)


def _current_page(url: str) -> int:
    for pattern, offset in _PAGE_IN_URL:
        m = pattern.search(url)
        if m:
            return int(m.group(1)) + offset
    return 1


def _script_int(scripts: str, token: str) -> int | None:
    """A createPageHTML argument: a literal, or a ``var countPage = 5`` set earlier."""
    if token.isdigit():
        return int(token)
    m = re.search(rf"\b{re.escape(token)}\s*=\s*(\d+)", scripts)
    return int(m.group(1)) if m else None


def _find_next(doc: etree._Element, scripts: str, url: str) -> str | None:
    """The next list page: TRS createPageHTML, a 下一页 link, or the link numbered n+1."""
    m = _TRS_PAGER.search(scripts)
    count = _script_int(scripts, m.group(1)) if m else None
    current = _script_int(scripts, m.group(2)) if m else None
    if m and count is not None and current is not None:
        name, ext = m.group(3), m.group(4)
        if current + 1 < count:
            return urljoin(url, f"{name}_{current + 1}.{ext}")
        return None
    numbered: dict[str, str] = {}
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(_SKIP_HREF):
            continue
        label = _text(a).lower() or (a.get("title") or "").strip().lower()
        if label in _NEXT_TEXT:
            nxt = urljoin(url, href)
            return None if nxt == url else nxt
        if label.strip("[]") .isdigit():
            numbered.setdefault(label.strip("[]"), urljoin(url, href))
    nxt = numbered.get(str(_current_page(url) + 1))
    return None if nxt == url else nxt


def _hanweb_next(raw: str, url: str, n_records: int) -> str | None:
    """Hanweb/大汉 JCMS pages through /module/web/jpage/dataproxy.jsp in record ranges."""
    total = _HANWEB_TOTAL.search(raw)
    group = _HANWEB_NEXTGROUP.search(raw)
    if not total or (not group and "dataproxy.jsp" not in url):
        return None
    query = dict(parse_qsl(urlsplit(url).query))
    declared = _HANWEB_PERPAGE.search(raw)
    per_page = int(query.get("perpage") or (declared.group(1) if declared else 15))
    start = int(query.get("startrecord", 1)) + n_records
    if start > int(total.group(1)) or n_records == 0:
        return None
    if group:
        parts = urlsplit(urljoin(url, html_unescape(group.group(1))))
        base, params = parts.path, [(k, v) for k, v in parse_qsl(parts.query) if k not in ("page", "startrecord", "endrecord", "perpage")]
    else:
        base = urlsplit(url).path
        params = [(k, v) for k, v in parse_qsl(urlsplit(url).query) if k not in ("startrecord", "endrecord", "perpage")]
    end = min(int(total.group(1)), start + per_page * 3 - 1)  # jpage fetches three pages at a time
    return urljoin(url, f"{base}?{urlencode([('startrecord', start), ('endrecord', end), ('perpage', per_page)] + params)}")


_PARSER = etree.HTMLParser()  # plain elements: lxml.html's class lookup calls Python per element


def parse_html(html: str | bytes) -> etree._Element:
    """The document tree of ``html``; an empty or unreadable page is an empty document."""
    if isinstance(html, str):
        html = _XML_DECL.sub("", html, count=1)
    try:
        if html and html.strip():
            doc = etree.fromstring(html, _PARSER)
            if doc is not None:
                return doc
    except (etree.ParserError, ValueError):  # NUL bytes and the like: no document to read
        pass
    return etree.fromstring("<html><body></body></html>", _PARSER)


@lru_cache(maxsize=256)
def _selector(css: str) -> CSSSelector:
    return CSSSelector(css, translator="html")


def _drop(el: etree._Element) -> None:
    """Remove ``el`` and its subtree, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is None:
            parent.text = (parent.text or "") + el.tail
        else:
            prev.tail = (prev.tail or "") + el.tail
    parent.remove(el)


def _dated_records(doc: etree._Element, url: str, as_of: date | None) -> list[_Record]:
    records: list[_Record] = []
    seen: set[int] = set()
    texts = _Texts()
    join = _joiner(url)
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(_SKIP_HREF):
            continue
        found = _record_for(a, as_of, texts)
        if found is None or id(found[0]) in seen:
            continue
        block, published_on, date_in_link = found
        title = _link_title(a, texts, date_in_link)
        if len(title) < 2:
            continue
        seen.add(id(block))
        records.append(_Record(block, a, title, join(href), published_on))
    return records


def _undated_records(doc: etree._Element, url: str) -> dict[etree._Element, list[_Record]]:
    """Rows of one long link each, for lists that show no dates at all."""
    groups: dict[etree._Element, list[_Record]] = defaultdict(list)
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        title = _title(a)
        if not href or href.startswith(_SKIP_HREF) or len(title) < 6:
            continue
        row = a.getparent()
        while row is not None and row.tag not in ("li", "tr", "dd", "p", "div", "article"):
            row = row.getparent()
        if row is None or sum(1 for x in row.iter("a") if len(_text(x)) >= 6) > 1:
            continue
        groups[row.getparent()].append(_Record(row, a, title, urljoin(url, href), None))
    return {c: recs for c, recs in groups.items() if len(recs) >= 3 and not _penalised(recs[0].element)}


def _best(groups: dict[etree._Element, list[_Record]], url: str) -> tuple[etree._Element, float]:
    """The container most likely to be the column's own list, and its score."""
    col_dir = _column_dir(url)
    scores: dict[etree._Element, float] = {}
    for container, recs in groups.items():
        share = sum(1 for r in recs if urlsplit(r.url).path.startswith(col_dir)) / len(recs)
        scores[container] = len(recs) * (1 + 2 * share) * (0.1 if _penalised(recs[0].element) else 1.0)
    best = max(scores, key=scores.__getitem__)
    return best, scores[best]


def _same_list(best: etree._Element, other: etree._Element, groups: dict[etree._Element, list[_Record]]) -> bool:
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


def _items(groups: dict[etree._Element, list[_Record]], best: etree._Element) -> list[Item]:
    chosen = [c for c in groups if c is best or (_same_list(best, c, groups) and not _penalised(groups[c][0].element))]
    items: dict[str, Item] = {}
    for container in chosen:
        for rec in groups[container]:
            if rec.url in items:
                continue
            pinned = bool(_PINNED.search(_text(rec.element))) or "top" in (rec.element.get("class") or "").lower().split()
            title = strip_pinyin_notes(_PINNED.sub("", rec.title)).strip(" []【】")
            items[rec.url] = Item(title=title, url=rec.url, published_on=rec.published_on, pinned=pinned)
    return list(items.values())


def _signature(container: etree._Element) -> Signature:
    sig = []
    el = container
    while el is not None and isinstance(el.tag, str):
        sig.append((el.tag, el.get("class") or "", el.get("id") or ""))
        el = el.getparent()
    return tuple(sig)


def _site_wide(recs: list[_Record], site_wide: frozenset[str]) -> bool:
    """A block all of whose links are known site-wide links is a site-wide block (a
    column's own list may share a few links with a "latest" box, never all of them)."""
    return bool(site_wide) and all(r.url in site_wide for r in recs)


_HREF = re.compile(r"""<a\s[^>]*?href\s*=\s*["']?([^"'\s>]+)""", re.I)


def site_wide_links(pages: list[tuple[str, str]], min_pages: int = 3) -> frozenset[str]:
    """Links found on the first pages of at least ``min_pages`` of a portal's columns:
    the "最新发布" boxes, menus and footers every page repeats. ``pages`` are (URL, HTML)."""
    counts: dict[str, int] = defaultdict(int)
    for url, html in pages:
        join = _joiner(url)
        for href in {html_unescape(h) for h in _HREF.findall(html)}:
            if not href.startswith(_SKIP_HREF):
                counts[join(href)] += 1
    return frozenset(u for u, n in counts.items() if n >= min_pages)


_ISLAND_SCRIPT_TYPES = {"text/x-template", "text/template", "text/html", "text/x-jquery-tmpl", "text/x-list"}
_PLACEHOLDER = re.compile(r"\{\{|\{%|<%|<\?=|\$\{|\{@")


def _islands(doc: etree._Element) -> list[str]:
    """Markup a page ships out of sight for a script to show: HTML comments, template
    scripts and textareas holding links. Templates with placeholders ({{title}}) are
    empty shells, not data."""
    found = []
    for node in doc.iter(etree.Comment):
        text = node.text or ""
        if "<a" in text and "href" in text:
            found.append(text)
    for node in doc.iter("script", "textarea", "noscript", "xmp"):
        if node.tag == "script" and (node.get("type") or "").strip().lower() not in _ISLAND_SCRIPT_TYPES:
            continue
        # a textarea holds its markup as text; the parser builds a noscript's as elements
        text = (node.text or "") + "".join(etree.tostring(child, encoding=str) for child in node)
        if "<a" in text and "href" in text and not _PLACEHOLDER.search(text):
            found.append(text)
    return found


def _groups(root: etree._Element, url: str, as_of: date | None) -> dict[etree._Element, list[_Record]]:
    groups: dict[etree._Element, list[_Record]] = defaultdict(list)
    for rec in _dated_records(root, url, as_of):
        groups[rec.element.getparent()].append(rec)
    return groups


def parse_list_page(html: str, url: str, as_of: date | None = None, profile: Profile | None = None,
                    hints: Hints | None = None) -> ListPage:
    """Extract the column's items and the next-page URL from one list page. A profile
    narrows the search to its list selector (when that matches anything on the page);
    ``hints`` carry the first page's choice of container and the site-wide links.

    Never a sidebar: blocks of site-wide links are dropped, and when only blocks that look
    like sidebars or menus carry dates, no list is found (``reason`` says why) rather
    than reading a "最新发布" box dated today as the column's own list."""
    hints = hints or Hints()
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    hanweb = _HANWEB_RECORD.findall(html)
    if hanweb:  # Hanweb JCMS: the column's records sit in a <datastore>, nothing to guess
        doc = parse_html("<html><body><ul class='datastore'>" + "".join(hanweb) + "</ul></body></html>")
        groups = _groups(doc, url, as_of)
        if not groups:
            groups = defaultdict(list, _undated_records(doc, url))
        page = ListPage(next_url=_hanweb_next(html, url, len(hanweb)), list_found=True, doc=doc, text=_text(doc))
        if groups:
            page.items = _items(groups, _best(groups, url)[0])
        return page

    doc = parse_html(html)
    scripts = " ".join(s.text or "" for s in doc.iter("script"))
    islands = _islands(doc)
    for el in list(doc.iter("script", "style", "noscript", "textarea", "xmp")):
        _drop(el)
    page = ListPage(next_url=_find_next(doc, scripts, url), doc=doc)
    if profile and profile.next:
        link = next((a for a in _selector(profile.next)(doc) if a.get("href")), None)
        page.next_url = urljoin(url, link.get("href")) if link is not None else None
    body = doc.find("body")
    text = page.text = _text(body if body is not None else doc)
    page.note = explanatory_note(text)
    page.empty_marker = page.note is not None or bool(_EMPTY.search(text))

    roots = _selector(profile.list)(doc) if profile and profile.list else []
    groups: dict[etree._Element, list[_Record]] = defaultdict(list)
    for root in roots or [doc]:
        for container, recs in _groups(root, url, as_of).items():
            groups[container].extend(recs)
    if roots and groups:  # the profile says where the list is: no sidebar to fear
        return _found(page, groups, _best(groups, url)[0])
    if _choose(page, doc, groups, url, hints):
        return page
    if islands and not page.empty_marker:  # the list may be shipped in a comment or template
        island = parse_html("<html><body>" + "".join(f"<div class='island'>{t}</div>" for t in islands) + "</body></html>")
        if _choose(page, island, _groups(island, url, as_of), url, Hints(site_wide=hints.site_wide)):
            page.source = "island"
            return page
    if not page.empty_marker and not page.reason:
        page.reason = msg("list.no_dated_list")
    return page


def _choose(page: ListPage, doc: etree._Element, groups: dict[etree._Element, list[_Record]], url: str,
            hints: Hints) -> bool:
    """Pick the column's list in ``doc`` (its dated ``groups``, else an undated list whose
    dates are on the article pages) into ``page``; False when the column has none."""
    blocks = {r.url for recs in groups.values() for r in recs}
    own = {c: recs for c, recs in groups.items() if not _site_wide(recs, hints.site_wide)}
    if hints.container is not None:  # later pages: the list sits where page one had it
        same = [c for c in own if _signature(c) == hints.container]
        if same:
            return bool(_found(page, own, max(same, key=lambda c: len(own[c])), blocks))
    best = _best(own, url)[0] if own else None
    if best is not None and not _penalised(own[best][0].element):
        return bool(_found(page, own, best, blocks))
    if page.empty_marker:
        return False  # "暂无信息" in the column; only sidebars carry dates
    undated = {c: recs for c, recs in _undated_records(doc, url).items() if not _site_wide(recs, hints.site_wide)}
    if undated:
        return bool(_found(page, undated, _best(undated, url)[0], blocks))
    if groups:
        page.reason = msg("list.only_site_wide")
    return False


def _found(page: ListPage, groups: dict[etree._Element, list[_Record]], best: etree._Element,
           blocks: set[str] | None = None) -> ListPage:
    page.items = _items(groups, best)
    page.container = _signature(best)
    taken = {i.url for i in page.items}
    page.blocks = frozenset((blocks or set()) - taken)
    page.list_found, page.empty_marker, page.note, page.reason = True, False, None, None
    return page


def explanatory_note(text: str) -> str | None:
    """The note a column shows to say why it has no information ("说明：本机关无此类信息"),
    as written, or None (a bare "暂无信息" is no note)."""
    m = _NOTE.search(text)
    return m.group(0).strip()[:120] if m else None


_ARTICLE_META = ("pubdate", "publishdate", "firstpublishedtime", "article:published_time", "dc.date", "createdate")
# labels in order of trust: the publish date first, the document's own date last
_ARTICLE_LABELS = [re.compile(p + r"\s*[:：]?\s*") for p in (
    r"发布日期|發布日期|公开日期|公開日期", r"发布时间|發布時間", r"发文日期|發文日期", r"生成日期|成文日期", r"日期")]


def article_date(html: str, as_of: date | None = None) -> date | None:
    """An article page's publish date: the national ``PubDate`` meta convention, else the
    政府信息公开 table (发布日期/生成日期), else a "发布时间：" line."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for meta in soup.find_all("meta"):
        name = (meta.get("name") or meta.get("property") or "").strip().lower()
        if name in _ARTICLE_META and meta.get("content"):
            found = find_dates(meta["content"], as_of, allow_yearless=False)
            if found:
                return found[0]
    text = soup.get_text(" ", strip=True)
    for label in _ARTICLE_LABELS:
        for m in label.finditer(text):
            found = find_dates(text[m.end():m.end() + 24], as_of, allow_yearless=False)
            if found:
                return found[0]
    return None


_ARTICLE_PATH = re.compile(r"(?:\.s?html?|\.jhtml|\.jsp|\.php|\.aspx?)$|/art/|/content|/t\d{8}_|\d{5,}", re.I)
HOME_LINKS = 400  # links kept from one home page


def home_links(html: str | etree._Element, url: str, as_of: date | None = None) -> list[Item]:
    """The home page's own content links: every dated link (its 要闻, 通知公告 and
    最新发布 blocks, which on the home page are its content) and the article-like links
    without a date (a title of six characters or more, a URL that looks like an article,
    not a column index), so that runs can tell which links are new."""
    doc = page_doc(html) if isinstance(html, (str, bytes)) else html
    out: dict[str, Item] = {}
    for rec in _dated_records(doc, url, as_of):
        out.setdefault(rec.url, Item(rec.title, rec.url, rec.published_on))
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        title = _title(a)
        if not href or href.startswith(_SKIP_HREF) or len(title) < 6:
            continue
        link = urljoin(url, href).split("#", 1)[0]
        path = urlsplit(link).path
        if link not in out and _ARTICLE_PATH.search(path) and not re.search(r"/index(?:_\d+)?\.s?html?$", path):
            out[link] = Item(title, link, None)
        if len(out) >= HOME_LINKS:
            break
    return list(out.values())


def page_doc(html: str | bytes) -> etree._Element:
    """A page parsed, its scripts, styles and hidden text dropped: what a visitor reads."""
    doc = parse_html(html)
    for el in list(doc.iter("script", "style", "noscript", "textarea", "xmp")):
        _drop(el)
    return doc


BLOCK_TAGS = ("title", "h1", "h2", "h3", "h4", "p", "li", "td", "th", "dd", "dt", "span", "em", "strong", "font")
LIST_TAGS = frozenset({"li", "td", "th", "dd", "dt"})


def page_blocks(doc: etree._Element) -> list[tuple[str, str]]:
    """The readable text of a page as (tag, text) blocks, innermost first and without
    repeats, for lexicon and personal-data scans (a tag says whether text sits in a list
    or table)."""
    out, seen = [], set()
    for el in doc.iter(*BLOCK_TAGS):
        if any(child.tag in BLOCK_TAGS for child in el if isinstance(child.tag, str)) and el.tag not in LIST_TAGS:
            continue  # a wrapper: its blocks speak for it
        text = _text(el)
        if len(text) >= 4 and text not in seen:
            seen.add(text)
            out.append((el.tag, text))
    return out


def page_links(doc: etree._Element, url: str) -> list[tuple[str, str, str]]:
    """Every link and image of a page: (absolute URL, its text or alt or title, tag)."""
    join = _joiner(url)
    out = []
    for el in doc.iter("a", "img"):
        ref = (el.get("href") if el.tag == "a" else el.get("src")) or ""
        ref = ref.strip()
        if not ref or ref.startswith(_SKIP_HREF) or ref.startswith("data:"):
            continue
        label = _title(el) if el.tag == "a" else " ".join((el.get("alt") or el.get("title") or "").split())
        if el.tag == "a" and not label:
            img = next(el.iter("img"), None)
            label = " ".join(((img.get("alt") or img.get("title") or "") if img is not None else "").split())
        out.append((join(ref).split("#", 1)[0], label, el.tag))
    return out
