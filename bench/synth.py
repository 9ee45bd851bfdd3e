"""A national night on loopback: a server that synthesises government portals on the fly.

Portal ``k`` (0 ≤ k < 14,000 and beyond) lives at its own loopback address
(``127.A.B.C``, so per-host politeness applies per portal as on the real web) and has
up to 75 columns, each a list of 20 items a page over up to 3 pages of ~30 KB in the
farm's shapes (TRS lists, tables with 下一页, a seventh of them GBK, menus, friend
links and a dated "最新发布" sidebar). Every byte is computed from the URL: nothing is
written to disk, the same URL always answers the same page, and ``truth(k, j)`` says how
an audit must judge column ``j`` of portal ``k`` (fresh, stale or empty).

A share of the columns may be drawn by script instead (``catalog(…, scripted=0.2)``;
``shape(k, j, scripted)`` says which and how). Their pages hold no list: a script fills it
from JSON — an XHR to an API the extractor does not know, an app shell whose script file
fetches its list, a form POST to a search endpoint — so an audit renders them in Chromium
the first night and learns the API; or they name a platform API the extractor knows (a
Hanweb JPaaS unit, Guangdong's gkmlpt) and are read from it without a browser. Both kinds
live under URLs of their own, so the server needs no setting: the catalog decides which
columns are drawn, and the verdicts are ``truth``'s whatever the shape.

    python bench/synth.py serve --port 18200        # serve until killed
    python bench/synth.py catalog N M --port 18200  # print a catalog of N portals × M columns

The server listens on all addresses but answers only connections made to a 127/8
address (anything else is closed at once), so it serves nothing beyond this machine.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import ipaddress
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta, timezone
from html import escape
from pathlib import Path
from urllib.parse import parse_qsl

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from farm import column_page, list_body

AS_OF = date(2025, 6, 30)
PAGES = 3  # list pages per column
PER_PAGE = 20  # items a list page (or an API page) shows
MAX_COLUMNS = 75
# script-drawn shapes, equally likely among drawn columns: the first three are drawn from an
# API the extractor must learn by rendering, the last two name a platform API it reads directly
LEARNT = ("xhr", "shell", "form")
KNOWN = ("jpaas", "gkmlpt")
DRAWN = LEARNT + KNOWN
# a rendered column's first page is three fetch records (its document, the JSON its script
# loaded, the DOM it ended with) after its static page, then the API's later pages: a cap of
# PAGES would stop it after page one
DRAWN_PAGE_CAP = 2 * PAGES + 2
CHINA = timezone(timedelta(hours=8))


def address(k: int) -> str:
    """Portal k's loopback address: 127.0.0.2 onwards, skipping .0/.1/.255 endings."""
    a, rest = divmod(k, 250 * 250)
    b, c = divmod(rest, 250)
    return f"127.{a}.{b}.{c + 2}"


def portal_of(ip: str) -> int | None:
    parts = ip.split(".")
    if len(parts) != 4 or parts[0] != "127":
        return None
    a, b, c = (int(x) for x in parts[1:])
    return (a * 250 + b) * 250 + c - 2 if 2 <= c < 252 else None


def _h(*key: object) -> int:
    return int.from_bytes(hashlib.blake2b(repr(key).encode(), digest_size=8).digest(), "big")


def truth(k: int, j: int) -> str:
    """How column j of portal k must be judged (frequency 每月更新): one in 20 blank, three
    in 20 not updated for two months or more, the rest updated within the last 12 days."""
    r = _h("kind", k, j) % 20
    return "empty" if r == 0 else "stale" if r <= 3 else "fresh"


def shape(k: int, j: int, scripted: float = 0.0) -> str:
    """How column j of portal k draws its list when a share ``scripted`` of the catalog's
    columns is drawn by script: ``static``, or one of ``DRAWN`` (about equally often each).
    A column drawn at a share stays drawn at any larger share, in the same shape."""
    if _h("drawn", k, j) % 1000 >= round(scripted * 1000):
        return "static"
    return DRAWN[_h("shape", k, j) % len(DRAWN)]


def _newest(k: int, j: int) -> date:
    days = _h("age", k, j) % 12 if truth(k, j) == "fresh" else 60 + _h("age", k, j) % 300
    return AS_OF - timedelta(days=days)


def column_url(k: int, j: int, scripted: float = 0.0) -> str:
    """The catalog's URL of column j of portal k: its static list, or its script-drawn page."""
    kind = shape(k, j, scripted)
    if kind == "static":
        return f"/col/c{j}/index.html"
    if kind == "gkmlpt":
        return f"/gkmlpt/index#{_category(j)}"
    return f"/{_DIRS[kind]}/c{j}/index.html"


# -- script-drawn columns: their pages, script files and APIs ---------------------------------
_DIRS = {"xhr": "xxgk", "shell": "gkml", "form": "zfxxgk", "jpaas": "jpaas"}
_KIND_OF_DIR = {d: kind for kind, d in _DIRS.items()}
_UNIT = "/api-gateway/jpaas-publish-server/front/page/build/unit"
_ARTICLE = re.compile(r"^/(?:xxgk|gkml|zfxxgk|jpaas)/c\d+/\d{6}/t\d{8}_\d+\.html$|^/gkmlpt/content/\d+/post_\d+\.html$")


def _category(j: int) -> int:
    return 700 + j  # gkmlpt's category number of column j


def _sid(k: int) -> str:
    return str(1000 + k % 9000)  # gkmlpt's site id (window._CONFIG.SID)


def _records(k: int, j: int, kind: str, n: int) -> list[tuple[str, str, date]]:
    """Page ``n`` (from 0) of a drawn column's records — title, link, date — newest first,
    40 days a page as the static lists; none for a blank column or past the last page."""
    if truth(k, j) == "empty" or not 0 <= n < PAGES:
        return []
    out = []
    for i in range(PER_PAGE):
        d = _newest(k, j) - timedelta(days=n * 40 + i * 2)
        serial = f"{n}{i:02d}"
        link = (f"/gkmlpt/content/{_category(j)}/post_{j}{serial}.html" if kind == "gkmlpt"
                else f"/{_DIRS[kind]}/c{j}/{d:%Y%m}/t{d:%Y%m%d}_{j}{serial}.html")
        out.append((f"关于印发2025年第{i + 1}批重点民生实事项目推进方案的通知（{k}-{j}-{n}-{i}）", link, d))
    return out


def _total(k: int, j: int) -> int:
    """The records a drawn column's API declares."""
    return 0 if truth(k, j) == "empty" else PER_PAGE * PAGES


def _epoch(d: date, first: bool) -> int:
    """A publish time on ``d`` in China time: 00:30 for a list's newest record (the previous
    day in UTC: read as UTC, the column would be dated a day early), else 09:30."""
    return int(datetime.combine(d, time(0, 30) if first else time(9, 30), CHINA).timestamp())


def _json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode()


# an XHR to the list API of a platform the extractor does not know ("Hanweb's newer platform"),
# drawn under the column's heading, with a pager only the script can turn
_XHR = """<h2 class="lm-title">%(name)s</h2>
<div class="list-main"><ul id="list"></ul><div class="page" id="pager"></div></div>
<script>
(function () {
  var x = new XMLHttpRequest();
  x.open('GET', '/api/front/list?colId=%(j)d&pageNo=1&pageSize=%(per)d');
  x.onload = function () {
    var d = JSON.parse(x.responseText).data, rows = d.list, out = '';
    for (var i = 0; i < rows.length; i++)
      out += '<li><a href="' + rows[i].url + '" title="' + rows[i].title + '">' + rows[i].title + '</a><span>'
        + rows[i].pubDate.substring(0, 10) + '</span></li>';
    document.getElementById('list').innerHTML = out || '<li class="none">暂无信息</li>';
    if (d.pageCount > 1)
      document.getElementById('pager').innerHTML = '<span>共' + d.pageCount + '页</span> '
        + '<a href="javascript:void(0);" onclick="turn(2)">下一页</a>';
  };
  x.send();
})();
</script>"""

# an app shell: the page is a mount point, a script file draws heading, list and pager from
# fetch() (epoch milliseconds, shown in China time); a blank column is its heading over an empty list
_SHELL = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>%(name)s</title></head><body>
<div class="top">政府信息公开</div><div id="app"></div>
<script>window.COLUMN = {id: %(cat)d, name: '%(name)s'};</script><script src="/gkml/static/app.js"></script>
<div class="foot">版权所有 主办单位</div></body></html>"""
_APP_JS = """(function () {
  var c = window.COLUMN, app = document.getElementById('app');
  app.innerHTML = '<div class="crumb">当前位置：首页 &gt; 信息公开 &gt; ' + c.name + '</div>'
    + '<h2 class="title">' + c.name + '</h2><ul class="list" id="list"></ul><div class="pager" id="pager"></div>';
  fetch('/gkml/api/list/' + c.id + '?page=1').then(function (r) { return r.json(); }).then(function (d) {
    var rows = d.result.records, out = '';
    for (var i = 0; i < rows.length; i++) {
      var day = new Date(rows[i].publishTime + 8 * 3600 * 1000).toISOString().substring(0, 10);
      out += '<li><a href="' + rows[i].url + '">' + rows[i].title + '</a><span class="date">' + day + '</span></li>';
    }
    document.getElementById('list').innerHTML = out;
    if (d.result.total > rows.length)
      document.getElementById('pager').innerHTML = '<a href="javascript:;" onclick="go(2)">下一页</a>';
  });
})();
"""

# a form POST to a TRS-style search endpoint, drawn into a table; records carry the written
# date (pubdate) and the release date the page shows (docreltime)
_FORM = """<div class="xxgk-title">%(name)s</div>
<table class="xxgk-table" id="docs"></table><div class="pagination" id="pg"></div>
<script>
(function () {
  var x = new XMLHttpRequest();
  x.open('POST', '/irs/front/list');
  x.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded; charset=UTF-8');
  x.onload = function () {
    var d = JSON.parse(x.responseText).data, docs = d.docs, out = '';
    for (var i = 0; i < docs.length; i++)
      out += '<tr><td><a href="' + docs[i].docpuburl + '">' + docs[i].doctitle + '</a></td><td>'
        + docs[i].docreltime.substring(0, 10) + '</td></tr>';
    document.getElementById('docs').innerHTML = out || '<tr><td colspan="2">没有找到相关记录</td></tr>';
    if (d.totalcount > docs.length)
      document.getElementById('pg').innerHTML = '1/' + Math.ceil(d.totalcount / %(per)d)
        + ' <a href="javascript:;" onclick="query(2)">下一页</a>';
  };
  x.send('channelid=%(j)d&page=1&prepage=%(per)d');
})();
</script>"""

# Guangdong's 政府信息公开平台: one app shell for every category, the category in the fragment
_GKMLPT = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开</title>
<script>window._CONFIG = {SID: '%(sid)s', PLATFORM: 'gkmlpt'};</script></head><body><div id="app"></div>
<script src="/gkmlpt/static/js/app.js"></script></body></html>"""


def _drawn_page(k: int, j: int, kind: str) -> bytes:
    """The static page of a script-drawn column: no list in it, only what draws one."""
    name, side = f"栏目{j}", [_h("side", k, i) % 99 for i in range(10)]
    if kind == "shell":
        return (_SHELL % {"name": name, "cat": _category(j)}).encode()
    if kind == "xhr":
        return column_page(j, _XHR % {"name": name, "j": j, "per": PER_PAGE}, side, False)
    if kind == "form":
        return column_page(j, _FORM % {"name": name, "j": j, "per": PER_PAGE}, side, False)
    query = {"webId": f"w{k}", "pageId": str(j), "tplSetId": "tpl1", "tagId": "列表",
             "paramJson": {"pageNo": 1, "pageSize": PER_PAGE}}
    data = escape(json.dumps(query, ensure_ascii=False).replace('"', "'"))
    return column_page(j, f'<div id="unit-{j}"></div><script src="/module/jslib/unitbuild.js" url="{_UNIT}" '
                          f'queryData="{data}"></script>', side, False)


def _api(k: int, path: str, query: dict[str, str]) -> bytes | None:
    """A drawn column's API answer, as each platform words it; None for a request it refuses."""
    def number(key: str, default: int = 1) -> int | None:
        value = query.get(key, str(default))
        return int(value) if value.isdigit() else None

    if path == "/api/front/list":  # xhr
        j, n = number("colId", -1), number("pageNo")
        if j is None or n is None or not 0 <= j < MAX_COLUMNS:
            return None
        total = _total(k, j)
        return _json({"code": 200, "data": {"total": total, "pageNo": n, "pageCount": -(-total // PER_PAGE),
                                            "list": [{"title": t, "url": u, "pubDate": f"{d} 10:00:00"}
                                                     for t, u, d in _records(k, j, "xhr", n - 1)]}})
    if path.startswith("/gkml/api/list/"):  # shell
        cat, n = path.rsplit("/", 1)[1], number("page")
        if not cat.isdigit() or n is None or not 0 <= int(cat) - 700 < MAX_COLUMNS:
            return None
        j = int(cat) - 700
        rows = _records(k, j, "shell", n - 1)
        return _json({"result": {"total": _total(k, j), "records": [
            {"title": t, "url": u, "publishTime": 1000 * _epoch(d, n == 1 and i == 0)} for i, (t, u, d) in
            enumerate(rows)]}})
    if path == "/irs/front/list":  # form: its fields in the POST body
        j, n = number("channelid", -1), number("page")
        if j is None or n is None or not 0 <= j < MAX_COLUMNS:
            return None
        rows = _records(k, j, "form", n - 1)
        return _json({"data": {"totalcount": _total(k, j), "docs": [
            {"doctitle": t, "docpuburl": u, "docreltime": f"{d} 09:00:00", "pubdate": f"{d - timedelta(days=3)}"}
            for t, u, d in rows]}})
    if path == _UNIT:  # jpaas: the unit answers markup, and past the last page a placeholder
        j = number("pageId", -1)
        try:
            n = int(json.loads(query.get("paramJson", "{}")).get("pageNo", 1))
        except (ValueError, AttributeError, TypeError):
            return None
        if j is None or query.get("webId") != f"w{k}" or not 0 <= j < MAX_COLUMNS:
            return None
        lis = "".join(f'<li><a href="{u}" title="{t}">{t}</a><span>{d}</span></li>'
                      for t, u, d in _records(k, j, "jpaas", n - 1))
        markup = f'<ul class="xxgk-list">{lis}</ul>' if lis else '<p class="no-data">暂无信息</p>'
        return _json({"success": True, "code": "200", "data": {"html": markup}})
    if path.startswith("/gkmlpt/api/all/"):  # gkmlpt: epoch seconds
        cat, n = path.rsplit("/", 1)[1], number("page")
        if not cat.isdigit() or n is None or query.get("sid") != _sid(k) or not 0 <= int(cat) - 700 < MAX_COLUMNS:
            return None
        j = int(cat) - 700
        rows = _records(k, j, "gkmlpt", n - 1)
        return _json({"total": _total(k, j), "articles": [
            {"title": t, "url": u, "display_publish_time": _epoch(d, n == 1 and i == 0),
             "created_at": _epoch(d, False) - 86400} for i, (t, u, d) in enumerate(rows)]})
    return None


def _drawn(k: int, path: str, query: dict[str, str]) -> bytes | None:
    """What the script-drawn columns' URLs answer (None: not one of theirs, or 404)."""
    if _ARTICLE.match(path):
        return (f'<html><head><meta charset="utf-8"><title>信息{_h("art", k, path) % 9999}</title></head>'
                f'<body><h1>信息</h1><p>正文。</p></body></html>').encode()
    if path == "/gkmlpt/index":
        return (_GKMLPT % {"sid": _sid(k)}).encode()
    if path == "/gkml/static/app.js":
        return _APP_JS.encode()
    if path == "/gkmlpt/static/js/app.js":
        return b"/* the platform's app: draws the list from /gkmlpt/api/all/<category> */"
    parts = path.strip("/").split("/")
    if len(parts) == 3 and parts[0] in _KIND_OF_DIR and parts[1][:1] == "c" and parts[1][1:].isdigit() \
            and parts[2] == "index.html" and int(parts[1][1:]) < MAX_COLUMNS:
        return _drawn_page(k, int(parts[1][1:]), _KIND_OF_DIR[parts[0]])
    return _api(k, path, query)


def content_type(path: str) -> str:
    if path.endswith(".txt"):
        return "text/plain"
    if path.endswith(".js"):
        return "application/javascript"
    if path.startswith(("/api/", "/api-gateway/", "/gkml/api/", "/gkmlpt/api/", "/irs/")):
        return "application/json; charset=utf-8"
    return "text/html"


def page(k: int, path: str, query: str = "") -> bytes | None:
    """The body at ``path`` (with its query string, or a form POST's body) of portal k, or None (404)."""
    if path == "/robots.txt":
        return b"User-agent: *\nDisallow: /admin/\n"
    if path in ("/", "/index.html"):
        cols = "".join(f'<li><a href="/col/c{j}/index.html">栏目{j}</a></li>' for j in range(12))
        return (f'<html><head><meta charset="utf-8"><title>门户{k}</title></head><body><div class="nav"><ul>{cols}'
                f"</ul></div><p>首页</p></body></html>").encode()
    parts = path.strip("/").split("/")
    if parts[0] == "channel" and path.endswith(".html"):  # the menus' channel pages
        return (f'<html><head><meta charset="utf-8"><title>频道</title></head>'
                f'<body><p>频道{parts[-1]}</p></body></html>').encode()
    if parts[0] != "col":
        return _drawn(k, path, dict(parse_qsl(query)))
    if path.endswith(".html") and not parts[-1].startswith("index"):  # an article
        return (f'<html><head><meta charset="utf-8"><title>信息{_h("art", k, path) % 9999}</title></head>'
                f'<body><h1>信息</h1><p>正文。</p></body></html>').encode()
    if len(parts) != 3 or not parts[1].startswith("c"):
        return None
    try:
        j = int(parts[1][1:])
        n = 0 if parts[2] == "index.html" else int(parts[2].removeprefix("index_").removesuffix(".html"))
    except ValueError:
        return None
    if not (0 <= j < MAX_COLUMNS and 0 <= n < PAGES):
        return None
    gbk, table = (k + j) % 7 == 0, (k + j) % 3 == 0
    if truth(k, j) == "empty":
        body = '<div class="list-empty"><p>暂无信息</p></div>'
    else:
        body = list_body(_newest(k, j), n, PAGES, table, f"{k}-{j}-{n}", f"{j}{n}")
    return column_page(j, body, [_h("side", k, i) % 99 for i in range(10)], gbk)


def catalog(portals: int, columns: int, port: int, first: int = 0, politeness: dict | None = None,
            scripted: float = 0.0) -> dict:
    """A catalog of ``portals`` synthetic portals (from number ``first``) × ``columns``, a share
    ``scripted`` of the columns drawn by script (none by default)."""
    cap = {"max_pages_per_column": DRAWN_PAGE_CAP if scripted else PAGES}
    # offline: friend links are not followed; no axe-core renders (bench/indicators_bench.py measures them)
    return {"allow_private_networks": True, "checks": {"links": "site", "axe_every_days": 0},
            "politeness": {**cap, **(politeness or {})},
            "portals": [{"id": f"p{k}", "name": f"门户{k}", "base_url": f"http://{address(k)}:{port}/",
                         "columns": [{"id": f"c{j}", "path": ["工作动态", f"栏目{j}"],
                                      "url": column_url(k, j, scripted), "frequency": "每月更新"}
                                     for j in range(columns)]}
                        for k in range(first, first + portals)]}


_LENGTH = re.compile(rb"\r\ncontent-length:\s*(\d+)", re.I)


class _Http(asyncio.Protocol):
    """Just enough HTTP/1.1 for a crawler: GET/HEAD/POST, keep-alive, Content-Length."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)  # a TCP server's transport
        self.transport, self.buffer = transport, b""
        local = transport.get_extra_info("sockname")[0]
        self.portal = portal_of(local)
        if not ipaddress.ip_address(local).is_loopback:
            transport.close()

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while b"\r\n\r\n" in self.buffer:
            head, rest = self.buffer.split(b"\r\n\r\n", 1)
            length = _LENGTH.search(head)
            size = int(length.group(1)) if length else 0
            if len(rest) < size:
                return  # the body is still coming
            form, self.buffer = rest[:size], rest[size:]
            method, target, *_ = head.split(b"\r\n", 1)[0].decode("latin-1").split(" ")
            path, _, query = target.partition("?")
            if method == "POST":
                query = form.decode("utf-8", errors="replace")
            body = page(self.portal, path, query) if self.portal is not None else None
            status = "200 OK" if body is not None else "404 Not Found"
            body = body if body is not None else b"not found"
            ctype = content_type(path)
            self.transport.write(f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n"
                                 f"Connection: keep-alive\r\n\r\n".encode() + (body if method != "HEAD" else b""))


async def serve(port: int) -> None:
    server = await asyncio.get_running_loop().create_server(_Http, host="0.0.0.0", port=port, backlog=4096,
                                                            reuse_address=True)
    print(f"synthesising portals on 127.x.y.z:{port}", flush=True)
    async with server:
        await server.serve_forever()


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("serve")
    s.add_argument("--port", type=int, default=18200)
    c = sub.add_parser("catalog")
    c.add_argument("portals", type=int)
    c.add_argument("columns", type=int)
    c.add_argument("--port", type=int, default=18200)
    c.add_argument("--first", type=int, default=0)
    c.add_argument("--scripted", type=float, default=0.0, help="share of columns drawn by script (0.2: 20 %%)")
    args = ap.parse_args()
    if args.cmd == "serve":
        asyncio.run(serve(args.port))
    else:
        yaml.safe_dump(catalog(args.portals, args.columns, args.port, args.first, scripted=args.scripted), sys.stdout,
                       allow_unicode=True, sort_keys=False)



@contextmanager
def serving(port: int) -> Iterator[subprocess.Popen[str]]:
    """The synthesising server in a process of its own for the body's duration."""
    proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "serve", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    try:
        proc.stdout.readline()  # "synthesising portals …": listening
        yield proc
    finally:
        proc.terminate()
        proc.wait(10)


if __name__ == "__main__":
    main()
