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
from .markup import join_url

MAX_JSON_DEPTH = 6


KINDS = ("gkmlpt", "jpaas", "json", "form")


@dataclass(frozen=True, slots=True)
class ApiSource:
    """A list API: ``kind`` — gkmlpt, jpaas, json (GET) or form (POST of a form whose fields
    are the URL's query, as TRS search endpoints take them) — the URL of its first page, and
    the record field the column's list shows as its date, when one was learnt, and where in
    its answer the records are (``records``: keys from the top, "data.list"), when a render
    showed them there — what makes an empty array there a blank column, not an answer that
    merely holds no list."""

    kind: str
    url: str
    date_key: str | None = None
    records: str | None = None

    def as_text(self) -> str:
        """``KIND[:DATE_KEY][@RECORDS] URL``, as the warehouse keeps it."""
        return (f"{self.kind}{':' + self.date_key if self.date_key else ''}"
                f"{'@' + self.records if self.records else ''} {self.url}")

    @classmethod
    def from_text(cls, text: str) -> ApiSource | None:
        head, _, url = (text or "").partition(" ")
        head, _, records = head.partition("@")
        kind, _, key = head.partition(":")
        return cls(kind, url, key or None, records or None) if kind in KINDS and url else None

    def at(self, url: str) -> ApiSource:
        """The same API at another page's URL."""
        return ApiSource(self.kind, url, self.date_key, self.records)

    def request(self, url: str) -> tuple[str, str, bytes | None, dict]:
        """How to ask for the page at ``url``: method, URL, body, headers."""
        if self.kind != "form":
            return "GET", url, None, {}
        parts = urlsplit(url)
        return ("POST", urlunsplit(parts._replace(query="")), parts.query.encode(),
                {"content-type": "application/x-www-form-urlencoded; charset=UTF-8",
                 "x-requested-with": "XMLHttpRequest"})


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
            params["paramJson"] = json.dumps({"pageNo": 1, **({"pageSize": size} if size else {})},
                                             separators=(",", ":"))
            return ApiSource("jpaas", urljoin(url, target) + "?" + urlencode(params))
    return None


# TRS "trt" pages (Fujian's site cluster and others): list2.trsapi shows the first
# maxStaticIndex pages from the static HTML ("动静结合") and asks the search API for the rest
_CHNL_INFO = re.compile(r"pageChnlInfo\s*=\s*\{([^{}]{0,2000})\}")  # bounded: linear on hostile scripts
_LIST_ARGS = re.compile(r"listArgs\s*:\s*\{([^{}]{0,2000})\}")
_LIST_API = re.compile(r"""listApi\s*:\s*\{\s*url\s*:\s*["']([^"']+)["']""")
_SEARCH_ID = re.compile(r"""\bsearchId\s*:\s*["']?(\w+)""")
_JS_FIELD = re.compile(r"""(\w+)\s*:\s*((?:["'][^"']*["']|[\w.]+)(?:\s*\|\|\s*(?:["'][^"']*["']|[\w.]+))*)""")
_JS_LITERAL = re.compile(r"""["']([^"']*)["']|([\w.]+)""")


def _js_fields(block: str) -> dict[str, str]:
    """``key: value`` pairs of a JS object literal, each value an expression of literals and
    dotted names joined by ``||`` (kept as written, resolved by ``_js_value``)."""
    return dict(_JS_FIELD.findall(block))


def _js_value(expr: str, scope: dict[str, dict[str, str]], site_id: str | None) -> str | None:
    """The value of ``a || b || 'c'``: the first operand that is a non-empty literal or a
    name the page defines (``pageChnlInfo.classsql``, ``SiteInfo.searchId``)."""
    for quoted, name in _JS_LITERAL.findall(expr):
        if quoted:
            return quoted
        if name.isdigit() or name in ("true", "false"):
            return name
        obj, _, key = name.partition(".")
        if obj == "SiteInfo" and key == "searchId" and site_id:
            return site_id
        if obj in scope and key in scope[obj]:
            value = _js_value(scope[obj][key], {}, site_id)
            if value:
                return value
    return None


def trs_continuation(scripts: str, url: str) -> ApiSource | None:
    """The search API that serves a "动静结合" TRS list past its static pages: the form
    list2.trsapi posts (``listArgs`` with ``page`` and ``prepage``), at the first page the
    static HTML does not hold."""
    info, args, api = _CHNL_INFO.search(scripts), _LIST_ARGS.search(scripts), _LIST_API.search(scripts)
    if not (info and args and api):
        return None
    chnl = _js_fields(info.group(1))
    if "动静结合" not in chnl.get("quickMode", ""):
        return None
    site = _SEARCH_ID.search(scripts)
    scope = {"pageChnlInfo": chnl}
    form = {k: _js_value(v, scope, site.group(1) if site else None) for k, v in _js_fields(args.group(1)).items()}
    if any(v is None for v in form.values()) or not form.get("channelid"):
        return None
    cache = _js_value(chnl.get("cache", "true"), {}, None) or "true"
    per = _js_value(chnl.get("prepage", "15"), {}, None) or "15"
    static_pages = _js_value(chnl.get("maxStaticIndex", "1"), {}, None) or "1"
    total = _js_value(chnl.get("recordCount", "0"), {}, None) or "0"
    if not (per.isdigit() and static_pages.isdigit()) or (
            total.isdigit() and int(total) <= int(per) * int(static_pages)):
        return None
    query = urlencode({**form, "cache": cache, "page": int(static_pages) + 1, "prepage": per})
    return ApiSource("form", urljoin(url, api.group(1)) + "?" + query)


def _page_size(param_json: object) -> int | None:
    if isinstance(param_json, str):
        try:
            param_json = json.loads(param_json.replace("'", '"'))
        except ValueError:
            return None
    if isinstance(param_json, dict):
        size = param_json.get("pageSize")
        return int(size) if isinstance(size, (int, str)) and str(size).isdigit() else None
    return None


# -- reading responses ------------------------------------------------------------------
def read_page(source: ApiSource, text: str, url: str, as_of: date | None) -> ApiPage:
    """One page of an API's answer, and the URL of the page after it."""
    try:
        data = json.loads(text)
    except ValueError:
        return ApiPage([], None, False)
    if source.kind == "jpaas":
        markup = (data.get("data", {}).get("html")
                  if isinstance(data, dict) and isinstance(data.get("data"), dict) else None)
        if not isinstance(markup, str):
            return ApiPage([], None, False)
        return ApiPage([], next_page(url), True, html=markup)
    if source.records is not None and _at(data, source.records) == []:
        return ApiPage([], None, True)  # where this API's records are, none: the list is empty
    found = json_records(data, url, as_of, (source.date_key,) if source.date_key else _DATE_KEYS)
    if found is None:
        return ApiPage([], None, False)
    items, total = found
    pages = _first(data, _PAGE_COUNT_KEYS) if isinstance(data, dict) else None
    if isinstance(pages, (int, str)) and str(pages).isdigit() and _page_number(url) >= int(pages):
        return ApiPage(items, None, True)  # the last page the API declares
    nxt = next_page(url) if items else None
    size = _page_size_of(url) or len(items)  # a short last page is shorter than the page size
    if nxt and total is not None and (_page_number(url) - 1) * size + len(items) >= total:
        nxt = None  # every record the API declares has been read
    return ApiPage(items, nxt, True)


_TITLE_KEYS = ("title", "name", "subject", "biaoti", "bt", "doctitle", "docTitle", "mc", "wjmc", "filename")
_URL_KEYS = ("url", "post_url", "link", "href", "docUrl", "docurl", "docpuburl", "chnldocurl", "puburl", "pubUrl",
             "path", "detailUrl", "linkUrl")
# release time before the generic "pubdate": TRS search answers carry both, and there PUBDATE is
# the document's written date (成文日期), DOCRELTIME its release (发布日期)
_DATE_KEYS = ("display_publish_time", "publish_time", "publishTime", "publishedTime", "publishedTimeStr",
              "publishDate", "publish_date", "docreltime", "docRelTime", "pubDate", "releaseTime", "release_time",
              "fbsj", "fbrq", "scrq", "pubtime", "pubTime",
              "first_publish_time", "date", "time", "created_at", "createTime", "create_time", "createDate", "ctime",
              "updateTime", "update_time")
_PAGE_COUNT_KEYS = ("pageCount", "totalPage", "totalPages", "pages", "page_count")
_TOTAL_KEYS = ("total", "totalCount", "total_count", "totalRecord", "totalrecord", "recordCount", "count",
               "totalElements", "post_count")


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


def _as_item(record: dict, base: str, as_of: date | None, date_keys: tuple[str, ...] = _DATE_KEYS) -> Item | None:
    title, link = _first(record, _TITLE_KEYS), _first(record, _URL_KEYS)
    if not isinstance(title, str) or not isinstance(link, str) or len(title.strip()) < 2:
        return None
    link = link.strip()
    if link.startswith(("javascript:", "#")):
        return None
    published = None
    for key in date_keys:
        value = _first(record, (key,))
        if value is not None:
            published = _record_date(value, as_of)
            if published:
                break
    text = re.sub(r"<[^>]+>", "", unescape(title))  # search APIs highlight with <em>
    return Item(title=" ".join(text.split()), url=urljoin(base, link), published_on=published)


def _unwrapped(record: dict) -> dict:
    """A record wrapped in one object (``{"data": {"title", "url", "time"}}``), unwrapped."""
    if _first(record, _TITLE_KEYS) is None:
        inner = [v for v in record.values() if isinstance(v, dict)]
        if len(inner) == 1:
            return inner[0]
    return record


def json_records(data: object, base: str, as_of: date | None = None,
                 date_keys: tuple[str, ...] = _DATE_KEYS) -> tuple[list[Item], int | None] | None:
    """The list of records in a JSON document — the largest array of objects that each
    carry a title, a link and (for most of them) a date — and the total the API declares.
    None when the document holds no such list."""
    found = _records(data, base, as_of, date_keys)
    if found is None:
        if isinstance(data, dict) and any(isinstance(v, list) and not v for v in data.values()):
            return [], 0  # {"articles": [], "total": 0}: an empty list, said in JSON
        return None
    return found[0], found[1]


def _records(data: object, base: str, as_of: date | None, date_keys: tuple[str, ...]
             ) -> tuple[list[Item], int | None, str] | None:
    """``json_records``' list, its declared total and where it is ("data.list")."""
    best: tuple[list[Item], int | None, str] | None = None

    def walk(node: object, depth: int, total: int | None, path: tuple[str, ...]) -> None:
        nonlocal best
        if depth > MAX_JSON_DEPTH:
            return
        if isinstance(node, dict):
            here = _first(node, _TOTAL_KEYS)
            if isinstance(here, (int, str)) and str(here).isdigit():
                total = int(here)
            for key, value in node.items():
                walk(value, depth + 1, total, (*path, str(key)))
        elif isinstance(node, list) and node and all(isinstance(x, dict) for x in node):
            items = [i for i in (_as_item(_unwrapped(x), base, as_of, date_keys) for x in node) if i is not None]
            dated = sum(1 for i in items if i.published_on)
            if (len(items) * 2 >= len(node) and 2 * dated >= len(items)
                    and (best is None or len(items) > len(best[0]))):
                best = (items, total, ".".join(path))
            for i, value in enumerate(node):
                walk(value, depth + 1, total, (*path, str(i)))

    walk(data, 0, None, ())
    return best


def _at(data: object, path: str) -> object:
    """The value at ``path`` (keys and list indices from the top, "data.list"); None if absent."""
    for part in path.split(".") if path else []:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        else:
            return None
    return data


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


def learn(responses: list[tuple[str, str, str, bytes | None]], shown: list[Item], as_of: date | None
          ) -> tuple[ApiSource, list[Item]] | None:
    """Among the JSON responses a rendered page loaded — (URL, text, method, form body) —
    the one whose records are the links the page shows: that request is the column's list
    API (a form POST is remembered with its fields as the query). The record field whose
    dates agree with the dates the page shows is the one read from then on (an answer may
    carry a written date and a release date). Returns the API with all the records it
    answered — a column sent whole in one file and paged by script shows only its first
    page, and the rest is in the same answer."""
    if not shown:
        return None
    urls = {i.url for i in shown}
    best, best_hits, best_data = None, 0, None
    for url, text, method, body in responses:
        try:
            data = json.loads(text)
        except ValueError:
            continue
        found = json_records(data, url, as_of)
        if not found:
            continue
        hits = len(urls & {i.url for i in found[0]})
        if hits > best_hits:
            source = ApiSource("json", url)
            if method == "POST" and body is not None:
                form = body.decode("utf-8", errors="replace")
                if not form.lstrip().startswith(("{", "[")) and "=" in form:
                    source = ApiSource("form", urlunsplit(urlsplit(url)._replace(query=form)))
            best, best_hits, best_data = source, hits, data
    if best is None or 2 * best_hits < min(len(urls), 10):
        return None
    key = _shown_date_key(best_data, best.url, shown, as_of)
    records = _records(best_data, best.url, as_of, (key,) if key else _DATE_KEYS)
    # found before with these keys: the default ones in the loop, a learnt key by _shown_date_key's agreement
    assert records is not None
    return ApiSource(best.kind, best.url, key, records[2] or None), records[0]


def _shown_date_key(data: object, url: str, shown: list[Item], as_of: date | None) -> str | None:
    """The date field whose values are the dates the rendered list shows, when the default
    order would read another one."""
    dates = {i.url: i.published_on for i in shown if i.published_on}
    if not dates:
        return None

    def agreement(keys: tuple[str, ...]) -> int:
        found = json_records(data, url, as_of, keys)
        return sum(1 for i in (found[0] if found else []) if dates.get(i.url) == i.published_on)

    default = agreement(_DATE_KEYS)
    best = max(_DATE_KEYS, key=lambda k: agreement((k,)))
    return best if agreement((best,)) > default else None


# -- one render per template ----------------------------------------------------------
_QUOTED = re.compile(r"""(["'])([^"'\s<>\\]{1,1000})\1""")
_TEMPLATE_PIECES = set("+{}$%`")  # a URL concatenated, substituted or formatted: not written out whole


def _request_key(url: str) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """What a request asks, whatever its spelling: host, path and its query's fields."""
    parts = urlsplit(url)
    return parts.netloc.lower(), parts.path, tuple(sorted(parse_qsl(parts.query, keep_blank_values=True)))


def written_urls(html: str, page_url: str, path: str) -> dict[tuple, str]:
    """The URLs on ``path`` that a page writes out whole, quoted, in its markup or scripts
    (none concatenated or substituted: those are a script's to finish), by what they ask."""
    tail = path.rstrip("/").rsplit("/", 1)[-1] or path
    found: dict[tuple, str] = {}
    for quoted in _QUOTED.finditer(html):
        text = unescape(quoted.group(2))
        if tail not in text or _TEMPLATE_PIECES & set(text):
            continue
        full = join_url(page_url, text)
        if urlsplit(full).path == path:
            found[_request_key(full)] = full
    return found


@dataclass(frozen=True, slots=True)
class Template:
    """A list API learnt by rendering one column of a portal whose page writes the request
    out whole — the one URL on that API's path in the page, the very request its script
    made. A CMS template draws every column alike, so the portal's other columns whose own
    pages write one request to the same API, with their own values, are read through it:
    one render for the template, not one per column. The evidence is each column's own
    page; a page writing two such requests (a list and a sidebar) is not guessed at."""

    source: ApiSource

    @classmethod
    def of(cls, source: ApiSource, rendered_html: str, page_url: str) -> Template | None:
        """The template ``source`` shows, if the rendered page wrote exactly its request."""
        if source.kind != "json":  # a form's fields are a script's object, not a URL the page writes
            return None
        written = written_urls(rendered_html, page_url, urlsplit(source.url).path)
        return cls(source) if list(written) == [_request_key(source.url)] else None

    def sibling(self, html: str, page_url: str) -> ApiSource | None:
        """The same API for the column whose page this is: its one request to the API, on
        the same host with the same fields and other values; None unless there is one."""
        own = _request_key(self.source.url)
        fields = [name for name, _ in own[2]]
        written = [url for key, url in written_urls(html, page_url, own[1]).items()
                   if key != own and key[0] == own[0] and [name for name, _ in key[2]] == fields]
        return self.source.at(written[0]) if len(written) == 1 else None
