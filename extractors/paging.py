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


def find_next(doc: etree._Element, scripts: str, url: str) -> str | None:
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
        if not href or href.startswith(SKIP_HREF):
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
