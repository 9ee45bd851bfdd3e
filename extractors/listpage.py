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
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from portal_audit.records import Item
from portal_audit.text import fold

from .dates import find_dates

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
_NEXT_TEXT = {"下一页", "下页", "后页", "后一页", "下一頁", "下頁", "後頁", "後一頁", "next", "next page", "›", ">", "»", ">>"}
_TRS_PAGER = re.compile(r"createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*[\"'](\w+)[\"']\s*,\s*[\"'](\w+)[\"']")
_PINNED = re.compile(r"置顶|置頂|\[顶\]|【置顶】")
_SKIP_HREF = ("javascript:", "#", "mailto:", "tel:")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")


@dataclass(slots=True)
class ListPage:
    """What one list page says about its column."""

    items: list[Item] = field(default_factory=list)
    next_url: str | None = None
    empty_marker: bool = False
    list_found: bool = False


@dataclass(slots=True)
class _Record:
    element: etree._Element
    link: etree._Element
    title: str
    url: str
    published_on: date


def _text(el: etree._Element) -> str:
    return " ".join(el.text_content().split())


def _title(a: etree._Element) -> str:
    return " ".join((a.get("title") or a.text_content()).split())


def _record_for(a: etree._Element, as_of: date | None) -> tuple[etree._Element, date] | None:
    """The smallest block around link ``a`` that carries exactly this link's date."""
    link_text = _text(a)
    el = a
    for _ in range(4):
        el = el.getparent()
        if el is None or el.tag in ("body", "html", "ul", "ol", "table", "tbody"):
            return None
        if el.tag not in RECORD_TAGS:
            continue
        long_links = sum(1 for x in el.iter("a") if len(_text(x)) >= 6)
        if long_links > 1:
            return None
        text = _text(el)
        if len(text) > 500:
            return None
        outside = text.replace(link_text, " ", 1)
        dates = find_dates(outside, as_of)
        if not dates:
            inside = find_dates(link_text, as_of, allow_yearless=False)
            dates = inside[-1:]  # a date inside the link trails the title
        if dates:
            return el, dates[0]
    return None


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


def _column_dir(url: str) -> str:
    path = urlsplit(url).path
    return path.rsplit("/", 1)[0] + "/"


def _find_next(doc: etree._Element, scripts: str, url: str) -> str | None:
    m = _TRS_PAGER.search(scripts)
    if m:
        count, current, name, ext = int(m.group(1)), int(m.group(2)), m.group(3), m.group(4)
        if current + 1 < count:
            return urljoin(url, f"{name}_{current + 1}.{ext}")
        return None
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(_SKIP_HREF):
            continue
        label = _text(a).lower() or (a.get("title") or "").strip().lower()
        if label in _NEXT_TEXT:
            nxt = urljoin(url, href)
            return None if nxt == url else nxt
    return None


def parse_html(html: str | bytes) -> etree._Element:
    if isinstance(html, str):
        html = _XML_DECL.sub("", html, count=1)
    if not html or not str(html).strip():
        return lxml.html.document_fromstring("<html><body></body></html>")
    return lxml.html.document_fromstring(html)


def parse_list_page(html: str, url: str, as_of: date | None = None) -> ListPage:
    """Extract the column's items and the next-page URL from one list page."""
    doc = parse_html(html)
    scripts = " ".join(s.text or "" for s in doc.iter("script"))
    for el in list(doc.iter("script", "style", "noscript")):
        el.drop_tree()

    records: list[_Record] = []
    seen: set[int] = set()
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(_SKIP_HREF):
            continue
        title = _title(a)
        if len(title) < 2:
            continue
        found = _record_for(a, as_of)
        if found is None or id(found[0]) in seen:
            continue
        seen.add(id(found[0]))
        records.append(_Record(found[0], a, title, urljoin(url, href), found[1]))

    page = ListPage(next_url=_find_next(doc, scripts, url))
    body = doc.find("body")
    page.empty_marker = bool(_EMPTY.search(_text(body if body is not None else doc)))
    if records:
        groups: dict[etree._Element, list[_Record]] = defaultdict(list)
        for rec in records:
            groups[rec.element.getparent()].append(rec)
        col_dir = _column_dir(url)

        def score(container: etree._Element) -> float:
            recs = groups[container]
            inside = sum(1 for r in recs if urlsplit(r.url).path.startswith(col_dir)) / len(recs)
            return len(recs) * (1 + 2 * inside) * (0.1 if _penalised(recs[0].element) else 1.0)

        best = max(groups, key=score)
        if page.empty_marker and _penalised(groups[best][0].element):
            return page  # "暂无信息" in the column, only sidebars carry dates
        # lists split into several blocks of the same shape (common in TRS templates)
        sig = (best.tag, best.get("class"))
        chosen = [c for c in groups if c is best or (
            c.getparent() is best.getparent() and (c.tag, c.get("class")) == sig and not _penalised(groups[c][0].element))]
        items: dict[str, Item] = {}
        for container in chosen:
            for rec in groups[container]:
                if rec.url in items:
                    continue
                pinned = bool(_PINNED.search(_text(rec.element))) or "top" in (rec.element.get("class") or "").lower()
                items[rec.url] = Item(title=rec.title.replace("置顶", "").strip(), url=rec.url,
                                      published_on=rec.published_on, pinned=pinned)
        page.items = list(items.values())
        page.list_found = True
        page.empty_marker = False
    return page
