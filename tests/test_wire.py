"""The asyncio network backend keeps httpcore's promises (``extractors/wire.py``): whole
bodies under back-pressure, idle connections the server closed are not reused, timeouts and
broken connections raise httpcore's errors. HTTPS, resets and truncation through the Fetcher
are in ``test_security.py`` and ``test_faults.py``."""

from __future__ import annotations

import asyncio
import hashlib
import socket
import threading
import time

import httpcore
import pytest

from extractors import wire
from extractors.wire import AsyncioBackend


class RawServer:
    """A loopback server answering each connection with ``answer(conn, n)``, one thread a
    connection; counts the connections it accepted."""

    def __init__(self, answer):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._answer = answer
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._answer, args=(conn, self.connections), daemon=True).start()

    def close(self) -> None:
        self.sock.close()


def _read_request(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return b""
        data += chunk
    return data


def _response(body: bytes, close: bool = False) -> bytes:
    head = f"HTTP/1.1 200 OK\r\nContent-Length: {len(body)}\r\nContent-Type: text/plain\r\n"
    return (head + ("Connection: close\r\n" if close else "") + "\r\n").encode() + body


def _get(port: int, path: str = "/", read: float = 5.0, pool: httpcore.AsyncConnectionPool | None = None):
    async def go(pool: httpcore.AsyncConnectionPool) -> httpcore.Response:
        return await pool.request("GET", f"http://127.0.0.1:{port}{path}",
                                  extensions={"timeout": {"connect": 5.0, "read": read, "write": 5.0}})

    return go(pool) if pool is not None else _once(go)


async def _once(go):
    async with httpcore.AsyncConnectionPool(network_backend=AsyncioBackend()) as pool:
        return await go(pool)


def test_a_body_far_over_the_high_water_mark_arrives_whole(monkeypatch):
    monkeypatch.setattr(wire, "HIGH_WATER", 4096)  # reading pauses and resumes hundreds of times
    body = bytes(range(256)) * (12 * 1024)  # 3 MB
    paused = []
    real = wire._Wire.data_received

    def counting(self, data):
        real(self, data)
        paused.append(self.paused)

    monkeypatch.setattr(wire._Wire, "data_received", counting)

    def answer(conn, _n):
        with conn:
            _read_request(conn)
            conn.sendall(_response(body, close=True))

    server = RawServer(answer)
    try:
        response = asyncio.run(_get(server.port))
    finally:
        server.close()
    assert response.status == 200
    assert hashlib.sha256(response.content).digest() == hashlib.sha256(body).digest()
    assert any(paused), "reading never paused: the back-pressure path went untested"


def test_an_idle_connection_the_server_closed_is_not_reused():
    def answer(conn, _n):  # one response kept alive, then the server hangs up
        with conn:
            if _read_request(conn):
                conn.sendall(_response(b"first"))
            time.sleep(0.2)

    server = RawServer(answer)

    async def two() -> tuple[bytes, bytes]:
        async with httpcore.AsyncConnectionPool(network_backend=AsyncioBackend()) as pool:
            first = await _get(server.port, pool=pool)
            await asyncio.sleep(0.6)  # the server has closed the idle connection by now
            second = await _get(server.port, pool=pool)
            return first.content, second.content

    try:
        first, second = asyncio.run(two())
    finally:
        server.close()
    assert (first, second) == (b"first", b"first")
    assert server.connections == 2  # the closed connection was dropped, not written into


def test_a_server_that_never_answers_is_a_read_timeout():
    def answer(conn, _n):
        with conn:
            _read_request(conn)
            time.sleep(2)

    server = RawServer(answer)
    try:
        start = time.perf_counter()
        with pytest.raises(httpcore.ReadTimeout):
            asyncio.run(_get(server.port, read=0.3))
        assert time.perf_counter() - start < 1.5
    finally:
        server.close()


def test_a_connection_reset_mid_body_is_a_read_error():
    def answer(conn, _n):
        _read_request(conn)
        head = b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n"
        conn.sendall(head + b"x" * 1000)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")  # RST
        conn.close()

    server = RawServer(answer)
    try:
        with pytest.raises((httpcore.ReadError, httpcore.RemoteProtocolError)):
            asyncio.run(_get(server.port))
    finally:
        server.close()


def test_a_refused_connection_is_a_connect_error():
    sock = socket.create_server(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    with pytest.raises(httpcore.ConnectError):
        asyncio.run(_get(port))
