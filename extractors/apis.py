"""Lists that platforms serve as JSON: recognise the API behind a script-drawn column and
read it directly, page by page, as the platform's own script does — far cheaper than a
browser, and exactly the data the page would show.

Recognised from the column page's static HTML:

- Guangdong's 政府信息公开平台 (gkmlpt): ``/gkmlpt/index#721`` pages carry
  ``window._CONFIG = {SID: '…'}``; the list is ``/gkmlpt/api/all/721?page=N&sid=SID``,
  ``{"total": …, "articles": [{"title", "url", "display_publish_time": epoch, "created_at"}]}``.
- Hanweb's JPaaS page-building units: a ``<script … unitbuild.js url="…/front/page/build/unit"
  queryData="{'webId':…,'pageId':…,'tplSetId':…,'tagId':…}">`` tag; the unit answers
  ``{"data": {"html": "<ul>…</ul>"}}`` and pages with ``paramJson={"pageNo": N, "pageSize": S}``.

Learnt from a browser rendering: any JSON response holding a list of records with a title,
a link and a date (``json_records``) whose links match the rendered list; its URL is
remembered and paged through its ``page``/``pageNo``/… parameter on later nights.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from html import unescape
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from portal_audit.records import Item

from .dates import epoch_date, find_dates

MAX_JSON_DEPTH = 6


@dataclass(frozen=True, slots=True)
class ApiSource:
    """A list API: ``kind`` (gkmlpt, jpaas, json) and the URL of its first page."""

    kind: str
    url: str

    def as_text(self) -> str:
        return f"{self.kind} {self.url}"

    @classmethod
    def from_text(cls, text: str) -> "ApiSource | None":
        kind, _, url = (text or "").partition(" ")
        return cls(kind, url) if kind in ("gkmlpt", "jpaas", "json") and url else None


@dataclass(slots=True)
class ApiPage:
    """What one API response says: the records, the next page's URL, and whether the
    response was a list at all (an empty list is an empty column, not a failure)."""

    items: list[Item]
    next_url: str | None
    is_list: bool
    html: str | None = None  # jpaas: the unit's markup, read by the list-page extractor


# -- recognisers -----------------------------------------------------------------------
_GKMLPT_SID = re.compile(r"""\bSID\s*[:=]\s*["']?(\d+)""")
_UNIT_SCRIPT = re.compile(r"<script\b[^>]*\bqueryData\s*=\s*(\"[^\"]*\"|'[^']*')[^>]*>", re.I | re.S)
_UNIT_URL = re.compile(r"""\burl\s*=\s*["']([^"']+)["']""", re.I)
JPAAS_UNIT = "/api-gateway/jpaas-publish-server/front/page/build/unit"


def recognise(html: str, url: str, column_url: str | None = None) -> ApiSource | None:
    """The list API behind a column page, when its HTML names one we know."""
    column_url = column_url or url
    if "/gkmlpt/" in urlsplit(url).path or "/gkmlpt/" in urlsplit(column_url).path:
        sid = _GKMLPT_SID.search(html)
        category = urlsplit(column_url).fragment
        if sid and category.isdigit():
            path = urlsplit(url).path
            prefix = path[: path.index("/gkmlpt/")] if "/gkmlpt/" in path else ""
            return ApiSource("gkmlpt", urljoin(url, f"{prefix}/gkmlpt/api/all/{category}?page=1&sid={sid.group(1)}"))
    unit = _UNIT_SCRIPT.search(html)
    if unit:
        raw = unescape(unit.group(1)[1:-1])
        try:
            query = json.loads(raw.replace("'", '"'))
        except ValueError:
            query = None
        if isinstance(query, dict) and {"webId", "pageId"} <= query.keys():
            endpoint = _UNIT_URL.search(unit.group(0))
            target = endpoint.group(1) if endpoint and "unit" in endpoint.group(1) else JPAAS_UNIT
            params = {k: str(v) for k, v in query.items() if k != "paramJson"}
            params.setdefault("parseType", "bulidstatic")  # sic: the platform's own spelling
            params.setdefault("pageType", "column")
            size = _page_size(query.get("paramJson"))
            params["paramJson"] = json.dumps({"pageNo": 1, **({"pageSize": size} if size else {})}, separators=(",", ":"))
            return ApiSource("jpaas", urljoin(url, target) + "?" + urlencode(params))
    return None


def _page_size(param_json: object) -> int | None:
    if isinstance(param_json, str):
        try:
            param_json = json.loads(param_json.replace("'", '"'))
        except ValueError:
            return None
    if isinstance(param_json, dict):
        size = param_json.get("pageSize")
        return int(size) if str(size).isdigit() else None
    return None


# -- reading responses ------------------------------------------------------------------
def read_page(source: ApiSource, text: str, url: str, as_of: date | None) -> ApiPage:
    """One page of an API's answer, and the URL of the page after it."""
    try:
        data = json.loads(text)
    except ValueError:
        return ApiPage([], None, False)
    if source.kind == "jpaas":
        markup = data.get("data", {}).get("html") if isinstance(data, dict) and isinstance(data.get("data"), dict) else None
        if not isinstance(markup, str):
            return ApiPage([], None, False)
        return ApiPage([], next_page(url), True, html=markup)
    found = json_records(data, url, as_of)
    if found is None:
        return ApiPage([], None, False)
    items, total = found
    nxt = next_page(url) if items else None
    size = _page_size_of(url) or len(items)  # a short last page is shorter than the page size
    if nxt and total is not None and (_page_number(url) - 1) * size + len(items) >= total:
        nxt = None  # every record the API declares has been read
    return ApiPage(items, nxt, True)


_TITLE_KEYS = ("title", "name", "subject", "biaoti", "bt", "doctitle", "docTitle", "mc", "wjmc")
_URL_KEYS = ("url", "post_url", "link", "href", "docUrl", "docurl", "puburl", "pubUrl", "path", "detailUrl", "linkUrl")
_DATE_KEYS = ("display_publish_time", "publish_time", "publishTime", "publishDate", "publish_date", "pubDate", "pubdate",
              "docreltime", "docRelTime", "releaseTime", "release_time", "fbsj", "fbrq", "scrq", "pubtime", "pubTime",
              "first_publish_time", "date", "time", "created_at", "createTime", "create_time", "createDate", "ctime",
              "updateTime", "update_time")
_TOTAL_KEYS = ("total", "totalCount", "total_count", "totalRecord", "totalrecord", "recordCount", "count", "totalElements",
               "post_count")


def _first(record: dict, keys: tuple[str, ...]) -> object:
    lowered = {k.lower(): v for k, v in record.items() if isinstance(k, str)}
    for key in keys:
        value = lowered.get(key.lower())
        if value not in (None, ""):
            return value
    return None


def _record_date(value: object, as_of: date | None) -> date | None:
    if isinstance(value, (int, float)) or (isinstance(value, str) and value.strip().isdigit()):
        return epoch_date(value)
    if isinstance(value, str):
        found = find_dates(value, as_of, allow_yearless=False)
        return found[0] if found else None
    return None


def _as_item(record: dict, base: str, as_of: date | None) -> Item | None:
    title, link = _first(record, _TITLE_KEYS), _first(record, _URL_KEYS)
    if not isinstance(title, str) or not isinstance(link, str) or len(title.strip()) < 2:
        return None
    link = link.strip()
    if link.startswith(("javascript:", "#")):
        return None
    published = None
    for key in _DATE_KEYS:
        value = _first(record, (key,))
        if value is not None:
            published = _record_date(value, as_of)
            if published:
                break
    text = re.sub(r"<[^>]+>", "", unescape(title))  # search APIs highlight with <em>
    return Item(title=" ".join(text.split()), url=urljoin(base, link), published_on=published)


def json_records(data: object, base: str, as_of: date | None = None) -> tuple[list[Item], int | None] | None:
    """The list of records in a JSON document — the largest array of objects that each
    carry a title, a link and (for most of them) a date — and the total the API declares.
    None when the document holds no such list."""
    best: list[Item] | None = None
    best_total: int | None = None

    def walk(node: object, depth: int, total: int | None) -> None:
        nonlocal best, best_total
        if depth > MAX_JSON_DEPTH:
            return
        if isinstance(node, dict):
            here = _first(node, _TOTAL_KEYS)
            if isinstance(here, (int, str)) and str(here).isdigit():
                total = int(here)
            for value in node.values():
                walk(value, depth + 1, total)
        elif isinstance(node, list) and node and all(isinstance(x, dict) for x in node):
            items = [i for i in (_as_item(x, base, as_of) for x in node) if i is not None]
            dated = sum(1 for i in items if i.published_on)
            if len(items) * 2 >= len(node) and 2 * dated >= len(items) and (best is None or len(items) > len(best)):
                best, best_total = items, total
            for value in node:
                walk(value, depth + 1, total)

    walk(data, 0, None)
    if best is None:
        if isinstance(data, dict) and any(isinstance(v, list) and not v for v in data.values()):
            return [], 0  # {"articles": [], "total": 0}: an empty list, said in JSON
        return None
    return best, best_total


_PAGE_PARAMS = ("page", "pageNo", "pageno", "pageIndex", "pageindex", "currentPage", "curPage", "cur_page", "pageNum",
                "pagenum", "p")


_SIZE_PARAMS = ("pageSize", "pagesize", "page_size", "size", "rows", "limit", "perPage", "perpage")


def _page_size_of(url: str) -> int | None:
    """The page size a list request asks for (its parameter, or paramJson.pageSize)."""
    query = dict(parse_qsl(urlsplit(url).query))
    for name in _SIZE_PARAMS:
        if str(query.get(name, "")).isdigit():
            return int(query[name])
    return _page_size(query.get("paramJson"))


def _page_number(url: str) -> int:
    query = dict(parse_qsl(urlsplit(url).query))
    for name in _PAGE_PARAMS:
        if str(query.get(name, "")).isdigit():
            return int(query[name])
    if "paramJson" in query:
        try:
            return int(json.loads(query["paramJson"]).get("pageNo", 1))
        except (ValueError, AttributeError, TypeError):
            return 1
    return 1


def next_page(url: str) -> str | None:
    """The same request one page further: its page parameter (or paramJson.pageNo) + 1."""
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    for i, (name, value) in enumerate(pairs):
        if name in _PAGE_PARAMS and value.isdigit():
            pairs[i] = (name, str(int(value) + 1))
            return urlunsplit(parts._replace(query=urlencode(pairs)))
        if name == "paramJson":
            try:
                param = json.loads(value)
            except ValueError:
                return None
            if isinstance(param, dict) and str(param.get("pageNo", "")).isdigit():
                param["pageNo"] = int(param["pageNo"]) + 1
                pairs[i] = (name, json.dumps(param, separators=(",", ":")))
                return urlunsplit(parts._replace(query=urlencode(pairs)))
    return None


def learn(responses: list[tuple[str, str]], shown: list[Item], as_of: date | None) -> ApiSource | None:
    """Among the JSON responses a rendered page loaded, the one whose records are the
    links the page shows: that request is the column's list API."""
    if not shown:
        return None
    urls = {i.url for i in shown}
    best, best_hits = None, 0
    for url, text in responses:
        try:
            data = json.loads(text)
        except ValueError:
            continue
        found = json_records(data, url, as_of)
        if not found:
            continue
        hits = len(urls & {i.url for i in found[0]})
        if hits > best_hits:
            best, best_hits = url, hits
    if best is None or 2 * best_hits < min(len(urls), 10):
        return None
    return ApiSource("json", best)
