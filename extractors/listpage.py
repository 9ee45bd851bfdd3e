"""Find a column's own item list on a list page, and the link to the next page.

A page is parsed once (lxml, scripts dropped), its dated records — link + date blocks —
grouped by container into lists, and the column's own list chosen among them by evidence
(``evidence.py``): the headings beside them, the column's own URLs, site-wide blocks. A
Hanweb datastore is read directly; a list shipped in a comment or template (an "island")
is read when the visible page has none; a page with a placeholder ("暂无信息") or an
explanatory note is a blank column, not a list to guess.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from html import unescape as html_unescape
from urllib.parse import urlsplit

from lxml import etree

from portal_audit.i18n import Msg, msg
from portal_audit.profiles import Profile
from portal_audit.records import Item
from portal_audit.text import strip_pinyin_notes

from .apis import ApiSource, trs_continuation
from .dates import find_dates
from .evidence import (
    Block,
    Record,
    Signature,
    blank_under_heading,
    blocks,
    candidates,
    column_names,
    dated_records,
    grouped,
    list_shaped,
    signature,
    tied,
    undated_groups,
    undated_list,
    weigh,
)
from .markup import HIDDEN, SKIP_HREF, drop, join_url, joiner, link_title, page_doc, parse_html, selector, text
from .paging import find_next, hanweb_next

_EMPTY = re.compile(
    r"暂无(?:信息|内容|数据|记录|相关|文章)|暫無(?:信息|內容|數據|記錄|相關|文章)|没有(?:找到)?相关(?:记录|信息|内容|数据)"
    r"|沒有(?:找到)?相關(?:記錄|信息|內容|數據)|该栏目暂无|該欄目暫無|无相关信息|無相關信息|没有记录|沒有記錄|无记录|無記錄"
)
# an explanatory note (说明/备注) saying why a column has nothing: with one a column is not
# blank (国办 rules: "确无信息的栏目应有说明"); a bare "暂无信息" placeholder is
_NOTE_WHY = (r"(?:无此类|無此類|无该类|無該類|无相关|無相關|无此项|無此項|未产生|未產生|不涉及"
             r"|没有此类|沒有此類|没有相关|沒有相關|暂无此类|暫無此類|暂未产生|暫未產生)")
_NOTE = re.compile(
    r"(?:说明|說明|备注|備註)\s*[:：]\s*[^。；;\n]{0,40}?" + _NOTE_WHY + r"[^。；;\n]{0,40}"
    r"|本(?:机关|機關|单位|單位|部门|部門|局|委|办|辦|院|机构|機構|级|級|乡|鄉|镇|鎮|街道)[^。；;\n]{0,24}?" + _NOTE_WHY
    + r"[^。；;\n]{0,40}"
)
_PINNED = re.compile(r"置顶|置頂|\[顶\]|【置顶】")
_EMPTY_BRACKETS = re.compile(r"\[\s*\]|【\s*】|（\s*）|\(\s*\)")  # what a removed 置顶 leaves; "[图]" stays



@dataclass(frozen=True, slots=True)
class Hints:
    """What the rest of the crawl knows when a page is read: the container of the list
    chosen on the column's first page (later pages read the same one), link URLs that
    belong to site-wide blocks — they repeat on the column's pages or across the portal's
    columns — so a block made of them is never the column's list, and the column's name
    in the catalog (a heading beside a block that names it is evidence for that block)."""

    container: Signature | None = None
    site_wide: frozenset[str] = frozenset()
    names: tuple[str, ...] = ()


@dataclass(slots=True)
class ListPage:
    """What one list page says about its column."""

    items: list[Item] = field(default_factory=list)
    next_url: str | None = None
    empty_marker: bool = False  # the page says it has nothing: a placeholder ("暂无信息") or a note
    note: str | None = None  # an explanatory note saying why (not blank), as written
    list_found: bool = False
    container: Signature | None = None  # where the list was found (fixes later pages)
    # dated links outside the list: sidebars, site-wide blocks (page one's, which later pages
    # skip; a later page read where page one's list was gives only those of its list's shape)
    blocks: frozenset[str] = frozenset()
    source: str = "static"  # "static", or "island" when the list came out of a comment/template
    reason: Msg | None = None  # why no list was found
    blank_list: bool = False  # no list, and under the heading naming the column an empty list box
    more: ApiSource | None = None  # where the list goes on past its static pages (a TRS "动静结合" list)
    paged_by_script: bool = False  # an island list whose pager (in the island) declares pages no link reaches
    # two lists whose evidence ties: (where, items) each; the column's later pages can tell
    tied: tuple[tuple[Signature, tuple[Item, ...]], ...] = ()
    doc: etree._Element | None = None  # the parsed page (scripts dropped), for a content observer to read
    text: str = ""  # the page's visible text, whitespace folded


def _items(block: Block) -> list[Item]:
    items: dict[str, Item] = {}
    for rec in block.records:
        if rec.url in items:
            continue
        pinned = bool(_PINNED.search(text(rec.element))) or "top" in (rec.element.get("class") or "").lower().split()
        title = _EMPTY_BRACKETS.sub("", strip_pinyin_notes(_PINNED.sub("", rec.title))).strip()
        items[rec.url] = Item(title=title, url=rec.url, published_on=rec.published_on, pinned=pinned)
    return list(items.values())


_HREF = re.compile(r"""<a\s[^<>]{0,400}?href\s*=\s*["']?([^"'\s>]+)""", re.I)  # bounded: linear on hostile pages


def _hanweb_records(raw: str) -> list[str]:
    """The records of a Hanweb ``<datastore>`` (``<record><![CDATA[…]]></record>``), found by
    string search: a regex with a lazy ``.*?`` rescans to the end after every unclosed record."""
    if "<record>" not in raw and "<RECORD>" not in raw:
        return []
    low, at = raw.lower(), 0
    out: list[str] = []
    while True:
        at = low.find("<record>", at)
        if at < 0:
            return out
        opened = low.find("<![cdata[", at, at + 64)
        if opened < 0:
            at += 8
            continue
        closed = raw.find("]]>", opened + 9)
        if closed < 0:
            return out  # no record closes after this one: none after it either
        out.append(raw[opened + 9:closed])
        at = closed + 3


def site_wide_links(pages: list[tuple[str, str]], min_pages: int = 3) -> frozenset[str]:
    """Links found on the first pages of at least ``min_pages`` of a portal's columns:
    the "最新发布" boxes, menus and footers every page repeats. ``pages`` are (URL, HTML)."""
    counts: dict[str, int] = defaultdict(int)
    joined: dict[tuple[str, str], str] = {}  # (what it resolves against, href) → URL
    for url, html in pages:
        join = joiner(url)
        origin, folder = _bases(url)
        for href in {html_unescape(h) for h in _HREF.findall(html)}:
            if href.startswith(SKIP_HREF):
                continue
            if href[:1] == "/" and href[1:2] != "/" or (  # from the root, or absolute with a host
                    href.startswith(("http://", "https://")) and href[href.find("//") + 2:][:1] not in "/?#"):
                base = origin
            elif href[:1] not in "/?#;" and ":" not in href.split("/", 1)[0]:  # a path of its own, relative
                base = folder
            else:  # empty, a query, fragment or ";" (the page itself), "//…", another scheme: on their own
                base = None
            if base is None:
                counts[join(href)] += 1
                continue
            absolute = joined.get((base, href))
            if absolute is None:
                absolute = joined[base, href] = join(href)
            counts[absolute] += 1
    return frozenset(u for u, n in counts.items() if n >= min_pages)


def _bases(url: str) -> tuple[str | None, str | None]:
    """What a link on ``url`` resolves against (RFC 3986, 5.2): an absolute link with a host
    (``http://host/…``) or one from the root (``/x``), only the page's origin — the same on
    every page of a portal, so its menus' links resolve once; a relative path (``x``, ``./x``,
    ``../x``), the origin and the path's folder (up to its last ``/``). None where that is
    not plain (no origin, ``;params``)."""
    base = url.split("#", 1)[0].split("?", 1)[0]
    host = base.find("://")
    if host < 0 or ";" in base:
        return None, None
    path = base.find("/", host + 3)
    if path < 0:
        return base, base + "/"
    return base[:path], base[: base.rfind("/") + 1]


# a TRS pager call shipped inside the island: its first number is the page count
_ISLAND_PAGER = re.compile(r"createPageHTML\(\s*(?:['\"][^'\"]*['\"]\s*,\s*)?(\d+)")
_ISLAND_SCRIPT_TYPES = {"text/x-template", "text/template", "text/html", "text/x-jquery-tmpl", "text/x-list"}
_PLACEHOLDER = re.compile(r"\{\{|\{%|<%|<\?=|\$\{|\{@")


def _islands(doc: etree._Element) -> list[str]:
    """Markup a page ships out of sight for a script to show: HTML comments, template
    scripts and textareas holding links. Templates with placeholders ({{title}}) are
    empty shells, not data."""
    found = []
    for node in doc.iter(etree.Comment):
        value = node.text or ""
        if "<a" in value and "href" in value:
            found.append(value)
    for node in doc.iter("script", "textarea", "noscript", "xmp"):
        if node.tag == "script" and (node.get("type") or "").strip().lower() not in _ISLAND_SCRIPT_TYPES:
            continue
        # a textarea holds its markup as text; the parser builds a noscript's as elements
        value = (node.text or "") + "".join(etree.tostring(child, encoding=str) for child in node)
        if "<a" in value and "href" in value and not _PLACEHOLDER.search(value):
            found.append(value)
    return found


class _Lazy:
    """A value worked out on first use (the column's names: a later page read by its first
    page's container never needs them)."""

    def __init__(self, make):
        self._make, self._value = make, None

    def __call__(self):
        if self._value is None:
            self._value = self._make()
        return self._value


def _groups(root: etree._Element, url: str, as_of: date | None) -> dict[etree._Element, list[Record]]:
    return grouped(dated_records(root, url, as_of))


def parse_list_page(html: str, url: str, as_of: date | None = None, profile: Profile | None = None,
                    hints: Hints | None = None) -> ListPage:
    """Extract the column's items and the next-page URL from one list page. A profile
    narrows the search to its list selector (when that matches anything on the page);
    ``hints`` carry the first page's choice of container, the site-wide links and the
    column's name.

    Never a sidebar: blocks of site-wide links or under a sidebar's heading are no
    candidates, the others are ranked by evidence (``evidence.py``). When nothing but such
    blocks carries dates, or when the two best candidates tie, no list is found and
    ``reason`` says why (naming the tied lists) rather than reading a "最新发布" box dated
    today as the column's own list."""
    hints = hints or Hints()
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    hanweb = _hanweb_records(html)
    if hanweb:  # Hanweb JCMS: the column's records sit in a <datastore>, nothing to guess
        doc = parse_html("<html><body><ul class='datastore'>" + "".join(hanweb) + "</ul></body></html>")
        hanweb_groups = _groups(doc, url, as_of) or undated_groups(doc, url)
        page = ListPage(next_url=hanweb_next(html, url, len(hanweb)), list_found=True, doc=doc, text=text(doc))
        if hanweb_groups:
            page.items = _items(max(blocks(hanweb_groups), key=lambda b: len(b.records)))
        return page

    doc = parse_html(html)
    scripts = " ".join(s.text or "" for s in doc.iter("script"))
    islands = _islands(doc)
    names = _Lazy(lambda: column_names(doc, hints.names, html))  # read only if a heading asks
    for el in list(doc.iter(*HIDDEN)):
        drop(el)
    page = ListPage(next_url=find_next(doc, scripts, url), doc=doc,
                    more=(trs_continuation(scripts, url)
                          if hints.container is None and "pageChnlInfo" in scripts else None))
    if profile and profile.next:
        link = next((a for a in selector(profile.next)(doc) if a.get("href")), None)
        page.next_url = join_url(url, link.get("href")) if link is not None else None
    body = doc.find("body")
    page.text = text(body if body is not None else doc)
    page.note = explanatory_note(page.text)
    page.empty_marker = page.note is not None or bool(_EMPTY.search(page.text))

    roots = selector(profile.list)(doc) if profile and profile.list else []
    if hints.container is not None and not roots and (shaped := list_shaped(doc, hints.container)):
        # a later page: its list's records, where page one's list was, from the links of that
        # shape alone (the menus' and sidebars' hundreds unread); the whole page if not there
        own = grouped(dated_records(doc, url, as_of, shaped))
        if _where_page_one_was(page, blocks(own), hints, {r.url for recs in own.values() for r in recs}):
            return page
    groups: dict[etree._Element, list[Record]] = defaultdict(list)
    for root in roots or [doc]:
        for container, recs in _groups(root, url, as_of).items():
            groups[container].extend(recs)
    if roots and groups:  # the profile says where the list is: no sidebar to fear
        return _found(page, max(blocks(groups), key=lambda b: len(b.records)))
    if _choose(page, doc, groups, url, hints, names) or page.tied:
        return page
    if islands and not page.empty_marker:  # the list may be shipped in a comment or template
        island = parse_html("<html><body>" + "".join(f"<div class='island'>{t}</div>" for t in islands)
                            + "</body></html>")
        if _choose(page, island, _groups(island, url, as_of), url, Hints(site_wide=hints.site_wide), names):
            page.source = "island"
            declared = max((int(m.group(1)) for t in islands for m in _ISLAND_PAGER.finditer(t)), default=1)
            page.paged_by_script = declared > 1 and page.next_url is None
            return page
    if not page.empty_marker and not page.reason:
        page.reason = msg("list.no_dated_list")
        page.blank_list = blank_under_heading(doc, names)
    return page


def _choose(page: ListPage, doc: etree._Element, groups: dict[etree._Element, list[Record]], url: str,
            hints: Hints, names: Callable[[], frozenset[str]]) -> bool:
    """Pick the column's list in ``doc`` (its dated ``groups``, else an undated list whose
    dates are on the article pages) into ``page``; False when the column has none, or when
    the evidence ties (``page.tied`` then holds the two lists)."""
    dated = {r.url for recs in groups.values() for r in recs}
    found = blocks(groups)
    if hints.container is not None and _where_page_one_was(page, found, hints, dated):
        return True
    ranked = weigh(found, url, names, hints.site_wide)
    cands = candidates(ranked)
    if tied(cands):
        first, second = cands[:2]
        page.tied = tuple((signature(b.main), tuple(_items(b))) for b in (first, second))
        page.blocks = frozenset(dated)
        page.reason = msg("list.tie", first=_described(first), second=_described(second))
        return False
    best = cands[0] if cands else None
    if best is not None and page.empty_marker and not best.own and _placeholder_outside(doc, best):
        best = None  # the column's own area says "暂无信息": another box's dates are not its
    if best is not None:
        return bool(_found(page, best, dated))
    if page.empty_marker:
        return False  # "暂无信息" in the column; only sidebars carry dates
    undated = [b for b in weigh(blocks(undated_groups(doc, url)), url, names, hints.site_wide)
               if b.against is None and undated_list(b)]
    if undated:  # a list without dates: its article pages date it
        return bool(_found(page, undated[0], dated))
    if ranked:
        page.reason = msg("list.only_sidebars", blocks=[_described(b) for b in ranked[:3]])
    return False


def _where_page_one_was(page: ListPage, found: list[Block], hints: Hints, dated: set[str]) -> bool:
    """Later pages: the list sits where page one had it (its container's signature), unless
    all it links is site-wide. Read into ``page``; False when no list of ``found`` is there."""
    same = [b for b in found if any(signature(c) == hints.container for c in b.containers)
            and not all(r.url in hints.site_wide for r in b.records)]
    if same:
        _found(page, max(same, key=lambda b: len(b.records)), dated)
    return bool(same)


def _placeholder_outside(doc: etree._Element, block: Block) -> bool:
    """Does the page's "暂无信息" (or note) stand outside ``block``? Then the column's own
    area says it has nothing, and a block without evidence of its own is another box —
    reading it would call a blank column fresh."""
    inside = {id(el) for r in block.records for el in r.element.iter()}
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        for value, holder in ((el.text, el), (el.tail, el.getparent())):
            if value and (_EMPTY.search(value) or _NOTE.search(value)):
                return holder is None or id(holder) not in inside
    return False


def _described(block: Block) -> Msg:
    return msg("list.block", name=block.label(), n=len(block.records), newest=block.newest)


def _found(page: ListPage, block: Block, dated: set[str] | None = None) -> ListPage:
    page.items = _items(block)
    page.container = signature(block.main)
    taken = {i.url for i in page.items}
    page.blocks = frozenset((dated or set()) - taken)
    page.list_found, page.empty_marker, page.note, page.reason, page.tied = True, False, None, None, ()
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
        # name, property and content are single-valued attributes: bs4 gives them as str, its
        # stubs allow the AttributeValueList of multi-valued ones (class, rel)
        name = (meta.get("name") or meta.get("property") or "").strip().lower()  # type: ignore[union-attr]
        if name in _ARTICLE_META and meta.get("content"):
            found = find_dates(meta["content"], as_of, allow_yearless=False)  # type: ignore[arg-type]
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
    for rec in dated_records(doc, url, as_of):
        out.setdefault(rec.url, Item(rec.title, rec.url, rec.published_on))
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        title = link_title(a)
        if not href or href.startswith(SKIP_HREF) or len(title) < 6:
            continue
        link = join_url(url, href).split("#", 1)[0]
        path = urlsplit(link).path
        if link not in out and _ARTICLE_PATH.search(path) and not re.search(r"/index(?:_\d+)?\.s?html?$", path):
            out[link] = Item(title, link, None)
        if len(out) >= HOME_LINKS:
            break
    return list(out.values())


