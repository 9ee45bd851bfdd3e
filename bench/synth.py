"""A national night on loopback: a server that synthesises government portals on the fly.

Portal ``k`` (0 ≤ k < 14,000 and beyond) lives at its own loopback address
(``127.A.B.C``, so per-host politeness applies per portal as on the real web) and has
up to 75 columns, each a list of 20 items a page over up to 3 pages of ~30 KB in the
farm's shapes (TRS lists, tables with 下一页, a seventh of them GBK, menus, friend
links and a dated "最新发布" sidebar). Every byte is computed from the URL: nothing is
written to disk, the same URL always answers the same page, and ``truth(k, j)`` says how
an audit must judge column ``j`` of portal ``k`` (fresh, stale or empty).

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
import subprocess
import sys
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from farm import column_page, list_body

AS_OF = date(2025, 6, 30)
PAGES = 3  # list pages per column
MAX_COLUMNS = 75


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


def _newest(k: int, j: int) -> date:
    days = _h("age", k, j) % 12 if truth(k, j) == "fresh" else 60 + _h("age", k, j) % 300
    return AS_OF - timedelta(days=days)


def page(k: int, path: str) -> bytes | None:
    """The body at ``path`` of portal k, or None (404)."""
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
    if parts[0] == "col" and path.endswith(".html") and not parts[-1].startswith("index"):  # an article
        return (f'<html><head><meta charset="utf-8"><title>信息{_h("art", k, path) % 9999}</title></head>'
                f'<body><h1>信息</h1><p>正文。</p></body></html>').encode()
    if len(parts) != 3 or parts[0] != "col" or not parts[1].startswith("c"):
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


def catalog(portals: int, columns: int, port: int, first: int = 0, politeness: dict | None = None) -> dict:
    """A catalog of ``portals`` synthetic portals (from number ``first``) × ``columns``."""
    return {"allow_private_networks": True, "checks": {"links": "site"},  # offline: friend links are not followed
            "politeness": {"max_pages_per_column": PAGES, **(politeness or {})},
            "portals": [{"id": f"p{k}", "name": f"门户{k}", "base_url": f"http://{address(k)}:{port}/",
                         "columns": [{"id": f"c{j}", "path": ["工作动态", f"栏目{j}"], "url": f"/col/c{j}/index.html",
                                      "frequency": "每月更新"} for j in range(columns)]}
                        for k in range(first, first + portals)]}


class _Http(asyncio.Protocol):
    """Just enough HTTP/1.1 for a crawler: GET/HEAD, keep-alive, Content-Length."""

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
            head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
            method, target, *_ = head.split(b"\r\n", 1)[0].decode("latin-1").split(" ")
            body = page(self.portal, target.split("?", 1)[0]) if self.portal is not None else None
            status = "200 OK" if body is not None else "404 Not Found"
            body = body if body is not None else b"not found"
            ctype = "text/plain" if target.endswith(".txt") else "text/html"
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
    args = ap.parse_args()
    if args.cmd == "serve":
        asyncio.run(serve(args.port))
    else:
        yaml.safe_dump(catalog(args.portals, args.columns, args.port, args.first), sys.stdout, allow_unicode=True,
                       sort_keys=False)



@contextmanager
def serving(port: int):
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
