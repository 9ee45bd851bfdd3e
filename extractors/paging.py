"""The next page of a column's list: TRS createPageHTML scripts, 下一页 links, the link
numbered n+1, Hanweb/大汉 dataproxy.jsp record ranges."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape as html_unescape
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from lxml import etree

from .markup import SKIP_HREF, join_url, text

_NEXT_TEXT = {"下一页", "下页", "后页", "后一页", "下一頁", "下頁", "後頁", "後一頁",
              "next", "next page", "›", ">", "»", ">>"}
_ARROWS = " \u00a0[]【】<>«»‹›"  # what pagers put around 下一页
_TRS_PAGER = re.compile(r"createPageHTML\(\s*(\w+)\s*,\s*(\w+)\s*,\s*[\"'](\w+)[\"']\s*,\s*[\"'](\w+)[\"']")
# the site-cluster form (Sichuan, Gansu …): createPageHTML('page_div', 3, 1, 'xwzx_list', 'shtml', 55),
# pages counted from 1, page 2 being xwzx_list_2.shtml
_CLUSTER_PAGER = re.compile(r"""createPageHTML\(\s*["'][^"']*["']\s*,\s*(\d+)\s*,\s*(\d+)\s*,"""
                            r"""\s*["'](\w+)["']\s*,\s*["'](\w+)["']""")
# TRS's other pager script: Pager({size: 3, current: 0, prefix: 'index', suffix: 'html'})
_TRS_PAGER_OBJECT = re.compile(r"\bPager\(\s*\{([^}]{0,500})\}")  # bounded: linear on hostile scripts
_OBJECT_FIELD = re.compile(r"""(\w+)\s*:\s*["']?([\w.]+)["']?""")
# jQuery pagination: ….pagination("setPage", 1, 3) and a callBack setting location.href='index_'+i+'.html'
# TRS's inline pager: var currentPage = 0;//所在页从0开始 … var countPage = 2 … "index"+"_" + nextPage + "."+"html"
_COUNT_VAR = re.compile(r"\bcountPage\s*=\s*(\d+)")
_CURRENT_VAR = re.compile(r"\bcurrentPage\s*=\s*(\d+)")
_INLINE_NAME = re.compile(r"""["'](\w+)["']\s*\+\s*["']_["']\s*\+\s*nextPage\s*\+\s*["']\.["']\s*\+\s*["'](\w+)""")
_SET_PAGE = re.compile(r"""pagination\(\s*["']setPage["']\s*,\s*(\d+)\s*,\s*(\d+)""")
_TOTAL_PAGE = re.compile(r"""\btotalPages?\s*:\s*(\d+)""")
_TOTAL_RECORDS = re.compile(r"""\btotal\s*:\s*(\d+)""")
_PAGE_SIZE = re.compile(r"""\bpageSize\s*:\s*(\d+)""")
# location.href='index_'+i+'.html', or "/x/003001/"+(data.pageIndex+1)+".html"
_HREF_PATTERN = re.compile(
    r"""location\.href\s*=\s*["']([^"']*)["']\s*\+\s*\(?\s*[\w.]+\s*(?:\+\s*1\s*)?\)?\s*\+\s*["']([^"']*)["']""")
# a pager link with no href: its target in onclick="queryArticleByCondition(this,'/x/y-2.shtml')" or tagname=…
_SCRIPTED_TARGET = re.compile(r"""["']([^"'\s]+?\.(?:s?html?|jsp|aspx?|php|do)(?:\?[^"'\s]*)?)["']""", re.I)
_TARGET_ATTRS = ("tagname", "data-url", "data-href", "data-link")
_PAGE_IN_URL = [
    (re.compile(r"index_(\d+)\.s?html?$"), 1),        # TRS: index_1.html is page 2
    (re.compile(r"column-index-(\d+)\.s?html?$"), 0),
    (re.compile(r"[?&](?:page|cur_page|pageNum|pageNo|pagenum|pageno|currentPage|curpage|pageIndex|p)=(\d+)", re.I), 0),
    (re.compile(r"_(\d+)\.s?html?$"), 0),
]
_HANWEB_TOTAL = re.compile(r"(?:totalRecord\s*[:=]\s*[\"']?|<totalrecord>\s*)(\d+)", re.I)
_HANWEB_PERPAGE = re.compile(r"perPage\s*[:=]\s*[\"']?(\d+)", re.I)
_HANWEB_NEXTGROUP = re.compile(r"<nextgroup>\s*<!\[CDATA\[[^\]]*?href=[\"']([^\"']+)[\"']", re.S | re.I)


def current_page(url: str) -> int:
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


Pager = tuple[int, int, Callable[[int], str]]  # pages, this page (from 1), the link of page n


def _trs_call(scripts: str, url: str) -> Pager | None:
    """createPageHTML(5, 0, "index", "html"): pages counted from 0, page 2 is index_1.html."""
    m = _TRS_PAGER.search(scripts)
    count = _script_int(scripts, m.group(1)) if m else None
    current = _script_int(scripts, m.group(2)) if m else None
    if m is None or count is None or current is None:
        return None
    return count, current + 1, lambda n: f"{m.group(3)}_{n - 1}.{m.group(4)}"


def _trs_object(scripts: str, url: str) -> Pager | None:
    """Pager({size: 3, current: 0, prefix: 'index', suffix: 'html'})."""
    obj = _TRS_PAGER_OBJECT.search(scripts)
    fields = dict(_OBJECT_FIELD.findall(obj.group(1))) if obj else {}
    if not (fields.get("size", "").isdigit() and fields.get("current", "").isdigit()):
        return None
    name, ext = fields.get("prefix", "index"), fields.get("suffix", "html")
    return int(fields["size"]), int(fields["current"]) + 1, lambda n: f"{name}_{n - 1}.{ext}"


def _trs_inline(scripts: str, url: str) -> Pager | None:
    """var currentPage = 0;//所在页从0开始 … var countPage = 2 … "index"+"_" + nextPage + "."+"html"."""
    count, current = _COUNT_VAR.search(scripts), _CURRENT_VAR.search(scripts)
    if not (count and current):
        return None
    named = _INLINE_NAME.search(scripts)
    name, ext = named.groups() if named else _index_name(url)
    return int(count.group(1)), int(current.group(1)) + 1, lambda n: f"{name}_{n - 1}.{ext}"


def _cluster_call(scripts: str, url: str) -> Pager | None:
    """createPageHTML('page_div', 3, 1, 'xwzx_list', 'shtml', 55): pages counted from 1."""
    m = _CLUSTER_PAGER.search(scripts)
    return (int(m.group(1)), int(m.group(2)), lambda n: f"{m.group(3)}_{n}.{m.group(4)}") if m else None


_NAVIGATOR_VARS = tuple(re.compile(rf"\bm_n{name}\s*=\s*(\d+)") for name in ("RecordCount", "PageSize", "CurrPage"))


def _trs_navigator(scripts: str, url: str) -> Pager | None:
    """var m_nRecordCount = 137; var m_nCurrPage = 0; var m_nPageSize = 20, drawn by
    PageContext.drawNavigator() into an empty div (TRS's gov_list.jsp, 政府信息公开目录):
    pages counted from 0, page 2 of index_7401.htm is index_7401_1.htm."""
    found = [m.group(1) for p in _NAVIGATOR_VARS if (m := p.search(scripts))]
    if len(found) < 3 or not int(found[1]):
        return None
    records, size, current = map(int, found)
    m = re.search(r"/([^/]+?)\.(s?html?)$", url.split("?", 1)[0])
    stem, ext = m.groups() if m else ("index", "html")
    if current:
        stem = re.sub(rf"_{current}$", "", stem)
    return -(-records // size), current + 1, lambda n: f"{stem}_{n - 1}.{ext}"


def _jquery_pagination(scripts: str, url: str) -> Pager | None:
    """jQuery pagination plugins: ….pagination("setPage", 1, 3), or {totalPage: 3}, or
    {pageSize: 15, total: 58}, with a callback setting location.href='index_'+i+'.html' or
    "/x/"+(data.pageIndex+1)+".html" — pages counted from 1."""
    pattern = _HREF_PATTERN.search(scripts)
    if not pattern:
        return None
    set_page, pages = _SET_PAGE.search(scripts), _TOTAL_PAGE.search(scripts)
    records, size = _TOTAL_RECORDS.search(scripts), _PAGE_SIZE.search(scripts)
    if set_page:
        count = int(set_page.group(2))
    elif pages:
        count = int(pages.group(1))
    elif records and size and int(size.group(1)):
        count = -(-int(records.group(1)) // int(size.group(1)))
    else:
        return None
    current = int(set_page.group(1)) if set_page else _one_based(url)
    return count, current, lambda n: f"{pattern.group(1)}{n}{pattern.group(2)}"


# each reader with the word its script must contain: a substring test spares the regexes
_PAGER_SCRIPTS = (("createPageHTML", _trs_call), ("Pager(", _trs_object), ("countPage", _trs_inline),
                  ("createPageHTML", _cluster_call), ("m_nRecordCount", _trs_navigator),
                  ("location.href", _jquery_pagination))


def _scripted_pager(scripts: str, url: str) -> tuple[bool, str | None]:
    """A pager drawn by script: (found, the next page's URL or None on the last page)."""
    for word, read in _PAGER_SCRIPTS:
        if word not in scripts:
            continue
        pager = read(scripts, url)
        if pager is not None:
            pages, this, link = pager
            return True, urljoin(url, link(this + 1)) if this < pages else None
    return False, None


def _index_name(url: str) -> tuple[str, str]:
    """The page's own index name and extension (``index_2.shtml`` → index, shtml)."""
    m = re.search(r"/([A-Za-z]+)(?:_\d+)?\.(s?html?)$", url.split("?", 1)[0])
    return (m.group(1), m.group(2)) if m else ("index", "html")


def _one_based(url: str) -> int:
    """The page number a 1-based pager's URL carries: index_3.html, 3.html; else page 1."""
    m = re.search(r"(?:_|/)(\d+)\.s?html?$", url.split("?", 1)[0])
    return int(m.group(1)) if m else 1


def _scripted_target(a: etree._Element) -> str | None:
    """Where a link without an href goes: the URL its onclick or tagname attribute names."""
    for attr in _TARGET_ATTRS:
        value = (a.get(attr) or "").strip()
        if value and not value.startswith(SKIP_HREF) and ("/" in value or "." in value):
            return value
    m = _SCRIPTED_TARGET.search(a.get("onclick") or "")
    return m.group(1) if m else None


def find_next(doc: etree._Element, scripts: str, url: str) -> str | None:
    """The next list page: a pager script (TRS createPageHTML or Pager, jQuery pagination),
    a 下一页 link, or the link numbered n+1 — links whose target is in onclick too."""
    found, nxt = _scripted_pager(scripts, url)
    if found:
        return nxt
    numbered: dict[str, str] = {}
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(SKIP_HREF):
            href = _scripted_target(a)
            if not href:
                continue
        label = text(a).lower() or (a.get("title") or "").strip().lower()
        if label in _NEXT_TEXT or label.strip(_ARROWS) in _NEXT_TEXT:  # 下一页>> (WebPlus), [下一页], 下一页 »
            nxt = join_url(url, href)
            return None if nxt == url else nxt
        if label.strip("[]").isdigit():
            numbered.setdefault(label.strip("[]"), join_url(url, href))
    nxt = numbered.get(str(current_page(url) + 1))
    return None if nxt == url else nxt


def hanweb_next(raw: str, url: str, n_records: int) -> str | None:
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
        parts = urlsplit(join_url(url, html_unescape(group.group(1))))
        base, params = parts.path, [(k, v) for k, v in parse_qsl(parts.query)
                                    if k not in ("page", "startrecord", "endrecord", "perpage")]
    else:
        base = urlsplit(url).path
        params = [(k, v) for k, v in parse_qsl(urlsplit(url).query)
                  if k not in ("startrecord", "endrecord", "perpage")]
    end = min(int(total.group(1)), start + per_page * 3 - 1)  # jpage fetches three pages at a time
    records = urlencode([("startrecord", start), ("endrecord", end), ("perpage", per_page), *params])
    return urljoin(url, f"{base}?{records}")
