"""The next page of a column's list: TRS createPageHTML scripts, 下一页 links, the link
numbered n+1, Hanweb/大汉 dataproxy.jsp record ranges."""

from __future__ import annotations

import re
from html import unescape as html_unescape
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from lxml import etree

from .markup import SKIP_HREF, text

_NEXT_TEXT = {"下一页", "下页", "后页", "后一页", "下一頁", "下頁", "後頁", "後一頁", "next", "next page", "›", ">", "»", ">>"}
_TRS_PAGER = re.compile(r"createPageHTML\(\s*(\w+)\s*,\s*(\w+)\s*,\s*[\"'](\w+)[\"']\s*,\s*[\"'](\w+)[\"']")
# TRS's other pager script: Pager({size: 3, current: 0, prefix: 'index', suffix: 'html'})
_TRS_PAGER_OBJECT = re.compile(r"\bPager\(\s*\{([^}]*)\}")
_OBJECT_FIELD = re.compile(r"""(\w+)\s*:\s*["']?([\w.]+)["']?""")
# jQuery pagination: ….pagination("setPage", 1, 3) and a callBack setting location.href='index_'+i+'.html'
# TRS's inline pager: var currentPage = 0;//所在页从0开始 … var countPage = 2 … "index"+"_" + nextPage + "."+"html"
_COUNT_VAR = re.compile(r"\bcountPage\s*=\s*(\d+)")
_CURRENT_VAR = re.compile(r"\bcurrentPage\s*=\s*(\d+)")
_INLINE_NAME = re.compile(r"""["'](\w+)["']\s*\+\s*["']_["']\s*\+\s*nextPage\s*\+\s*["']\.["']\s*\+\s*["'](\w+)""")
_SET_PAGE = re.compile(r"""pagination\(\s*["']setPage["']\s*,\s*(\d+)\s*,\s*(\d+)""")
_TOTAL_PAGE = re.compile(r"""\btotalPages?\s*:\s*(\d+)""")
_HREF_PATTERN = re.compile(r"""location\.href\s*=\s*["']([^"']*)["']\s*\+\s*\w+\s*\+\s*["']([^"']*)["']""")
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


def _scripted_pager(scripts: str, url: str) -> tuple[bool, str | None]:
    """A pager drawn by script: (found, the next page's URL or None on the last page)."""
    m = _TRS_PAGER.search(scripts)
    count = _script_int(scripts, m.group(1)) if m else None
    current = _script_int(scripts, m.group(2)) if m else None
    name, ext = (m.group(3), m.group(4)) if m else ("index", "html")
    if count is None or current is None:
        obj = _TRS_PAGER_OBJECT.search(scripts)
        fields = dict(_OBJECT_FIELD.findall(obj.group(1))) if obj else {}
        if fields.get("size", "").isdigit() and fields.get("current", "").isdigit():
            count, current = int(fields["size"]), int(fields["current"])
            name, ext = fields.get("prefix", "index"), fields.get("suffix", "html")
    if count is None or current is None:
        count_var, current_var = _COUNT_VAR.search(scripts), _CURRENT_VAR.search(scripts)
        if count_var and current_var:
            count, current = int(count_var.group(1)), int(current_var.group(1))
            named = _INLINE_NAME.search(scripts)
            name, ext = named.groups() if named else _index_name(url)
    if count is not None and current is not None:  # TRS: page n+1 is {name}_{n}.{ext}, counted from 0
        return True, urljoin(url, f"{name}_{current + 1}.{ext}") if current + 1 < count else None
    pattern = _HREF_PATTERN.search(scripts)
    if pattern:  # jQuery pagination: pages counted from 1, page 1 is the column's index
        set_page, total = _SET_PAGE.search(scripts), _TOTAL_PAGE.search(scripts)
        count = int(set_page.group(2)) if set_page else int(total.group(1)) if total else None
        if count is not None:
            current = int(set_page.group(1)) if set_page else _one_based(url)
            return True, urljoin(url, f"{pattern.group(1)}{current + 1}{pattern.group(2)}") if current < count else None
    return False, None


def _index_name(url: str) -> tuple[str, str]:
    """The page's own index name and extension (``index_2.shtml`` → index, shtml)."""
    m = re.search(r"/([A-Za-z]+)(?:_\d+)?\.(s?html?)$", url.split("?", 1)[0])
    return (m.group(1), m.group(2)) if m else ("index", "html")


def _one_based(url: str) -> int:
    m = re.search(r"_(\d+)\.s?html?$", url)
    return int(m.group(1)) if m else 1


def _target(a: etree._Element) -> str | None:
    """Where a link goes: its href, else the URL its onclick or tagname attribute names."""
    href = (a.get("href") or "").strip()
    if href and not href.startswith(SKIP_HREF):
        return href
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
        href = _target(a)
        if not href:
            continue
        label = text(a).lower() or (a.get("title") or "").strip().lower()
        if label in _NEXT_TEXT:
            nxt = urljoin(url, href)
            return None if nxt == url else nxt
        if label.strip("[]").isdigit():
            numbered.setdefault(label.strip("[]"), urljoin(url, href))
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
        parts = urlsplit(urljoin(url, html_unescape(group.group(1))))
        base, params = parts.path, [(k, v) for k, v in parse_qsl(parts.query) if k not in ("page", "startrecord", "endrecord", "perpage")]
    else:
        base = urlsplit(url).path
        params = [(k, v) for k, v in parse_qsl(urlsplit(url).query) if k not in ("startrecord", "endrecord", "perpage")]
    end = min(int(total.group(1)), start + per_page * 3 - 1)  # jpage fetches three pages at a time
    return urljoin(url, f"{base}?{urlencode([('startrecord', start), ('endrecord', end), ('perpage', per_page)] + params)}")
