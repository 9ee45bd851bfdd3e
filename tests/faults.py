"""A fault-injection web server for tests (loopback only): every way a portal breaks."""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import time
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

AS_OF = date(2025, 6, 30)
GZIP_BOMB = gzip.compress(b"<html>" + b" " * (20 * 1024 * 1024), compresslevel=9)  # built once, not per request


def double_gzip_bomb(mb: int = 200) -> bytes:
    """``Content-Encoding: gzip, gzip``: a few KB on the wire, ``mb`` MB once both layers are
    undone (the inner layer built in pieces, never whole in memory)."""
    import zlib

    inner = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = b"\0" * (1024 * 1024)
    compressed = b"".join(inner.compress(zeros) for _ in range(mb)) + inner.flush()
    return gzip.compress(compressed, compresslevel=9)


def good_list(prefix: str, n: int = 3, days_ago: int = 2, charset: str = "utf-8", extra: str = "") -> str:
    rows = "".join(f'<li><a href="/{prefix}/t{i}.html">{prefix}栏目的第{i}条信息</a>'
                   f'<span>{AS_OF - timedelta(days=days_ago + i)}</span></li>'
                   for i in range(n))
    return f'<html><head><meta charset="{charset}"></head><body><ul class="list">{rows}</ul>{extra}</body></html>'


class FaultHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    hits: dict[str, int] = {}

    def log_message(self, *args) -> None:
        pass

    def _send(self, status: int, body: bytes = b"", headers: dict | None = None, ctype="text/html; charset=utf-8"):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        n = FaultHandler.hits[path] = FaultHandler.hits.get(path, 0) + 1
        if path == "/robots.txt":
            return self._send(200, b"User-agent: *\nDisallow: /private/\n", ctype="text/plain")
        if path.startswith("/ok"):
            return self._send(200, good_list(path.strip("/").replace("/", "-")).encode())
        if path == "/timeout":
            time.sleep(3)
            return self._send(200, good_list("late").encode())
        if path == "/drip":  # a byte at a time: never a read timeout, never done
            body = good_list("drip").encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            for b in body:
                try:
                    self.wfile.write(bytes([b]))
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.3)
            return None
        if path in ("/500", "/502"):
            return self._send(int(path[1:]), b"server error")
        if path == "/503-always":
            return self._send(503, b"busy", {"Retry-After": "1"})
        if path == "/503-then-ok":
            return (self._send(503, b"busy", {"Retry-After": "1"}) if n == 1
                    else self._send(200, good_list("recovered").encode()))
        if path == "/503-come-back-tomorrow":
            return self._send(503, b"busy", {"Retry-After": "86400"})
        if path == "/403":
            return self._send(403, b"forbidden")
        if path == "/429":
            return self._send(429, b"slow down", {"Retry-After": "1"})
        if path == "/reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # RST on close
            self.rfile.close()
            self.wfile.close()
            self.connection.close()
            self.close_connection = True
            return None
        if path == "/truncated":
            body = good_list("truncated").encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body) * 2))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            return None
        if path == "/wrong-charset":
            return self._send(200, good_list("gbk", charset="utf-8").encode("gbk"))
        if path == "/no-charset":
            return self._send(200, good_list("gbk2", charset="x").replace('<meta charset="x">', "").encode("gb18030"),
                              ctype="text/html")
        if path == "/loop-a":
            return self._send(302, b"", {"Location": "/loop-b"})
        if path == "/loop-b":
            return self._send(302, b"", {"Location": "/loop-a"})
        if path == "/to-other-host":
            address = self.server.server_address
            assert isinstance(address, tuple)  # an IP server: (host, port)
            port = address[1]
            return self._send(301, b"", {"Location": f"http://localhost:{port}/ok/moved"})
        if path == "/to-metadata":
            return self._send(302, b"", {"Location": "http://169.254.169.254/latest/meta-data/"})
        if path == "/enormous":
            return self._send(200, b"<html><body>" + b"x" * (6 * 1024 * 1024) + b"</body></html>")
        if path == "/gzip-bomb":  # ~20 KB on the wire, 20 MB once decompressed
            return self._send(200, GZIP_BOMB, {"Content-Encoding": "gzip"})
        if path.startswith("/calendar"):  # every page links to the next day, forever
            day = int(path.rsplit("=", 1)[1]) if "=" in path else 0
            page = good_list(f"cal{day}", 2, days_ago=day, extra=f'<a href="/calendar?day={day + 1}">下一页</a>')
            return self._send(200, page.encode())
        if path == "/bad-dates":
            rows = "".join(f'<li><a href="/nowhere/{i}.html">日期错乱的信息标题{i}</a>'
                           f'<span>2024-13-{40 + i}</span></li>' for i in range(4))
            return self._send(200, f"<html><body><ul>{rows}</ul></body></html>".encode())
        if path == "/duplicates":
            rows = good_list("dup", 3).split('<ul class="list">')[1].split("</ul>")[0]
            return self._send(200, f"<html><body><ul>{rows}{rows}</ul></body></html>".encode())
        if path == "/private/list.html":
            return self._send(200, good_list("private").encode())
        return self._send(404, b"not found")


def serve_faults() -> tuple[ThreadingHTTPServer, str]:
    FaultHandler.hits = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), FaultHandler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
