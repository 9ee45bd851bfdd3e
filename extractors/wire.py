"""httpcore's network backend on asyncio's own transports.

httpcore reaches asyncio through anyio: every read and write opens a cancel scope, asks
sniffio which event loop runs, and every pooled connection's idle check builds anyio's
table of socket attributes. On the bench farm (3,480 list pages) that is ~1.1 s of a
crawl's ~11 s of CPU, measured in turn against anyio's backend in six pairs. This backend
buffers what a connection receives in an asyncio ``Protocol`` and hands it to httpcore as
it asks: the same streams, errors and timeouts, none of the layers.

What the stream promises httpcore, as its anyio backend does:
- ``read`` returns what has come, up to ``max_bytes``; ``b""`` once the peer has closed;
  ``ReadError`` when the connection broke (a reset), ``ReadTimeout`` after ``timeout``;
  a TLS peer's close without close_notify ends the stream, as anyio's does for httpcore.
- ``write`` hands the bytes to the transport and waits while it is over its high-water mark.
- ``start_tls`` upgrades in place (``loop.start_tls``); a failed handshake closes the socket.
- ``get_extra_info("is_readable")`` is true when an idle pooled connection has received
  bytes or its end, so httpcore drops it rather than send a request into a closed one.
  The event loop has already read the socket, so this asks the buffer, not ``select``.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Iterable
from typing import Any

import httpcore

# reading pauses while this much waits unread (httpcore reads 64 KiB at a time)
HIGH_WATER = 256 * 1024
# httpcore's names for what a connection tells, as asyncio's transports call them
_EXTRA = {"ssl_object": "ssl_object", "client_addr": "sockname", "server_addr": "peername", "socket": "socket"}


class _Wire(asyncio.Protocol):
    """One connection's received bytes and state, filled by the event loop."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.eof = False
        self.error: BaseException | None = None
        self.paused = False
        self.arrived: asyncio.Future[None] | None = None  # a read waiting for bytes
        self.drained: asyncio.Future[None] | None = None  # a write waiting below the high-water mark

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if len(self.buffer) > HIGH_WATER and not self.paused and self.transport is not None:
            self.transport.pause_reading()
            self.paused = True
        self._wake()

    def eof_received(self) -> bool:
        self.eof = True
        self._wake()
        return False  # close the transport: HTTP/1.1 never writes after the peer's end

    def connection_lost(self, exc: Exception | None) -> None:
        self.eof = True
        self.error = exc
        self._wake()
        self.resume_writing()

    def pause_writing(self) -> None:
        if self.drained is None:
            self.drained = asyncio.get_running_loop().create_future()

    def resume_writing(self) -> None:
        drained, self.drained = self.drained, None
        if drained is not None and not drained.done():
            drained.set_result(None)

    def _wake(self) -> None:
        arrived, self.arrived = self.arrived, None
        if arrived is not None and not arrived.done():
            arrived.set_result(None)


class AsyncioStream(httpcore.AsyncNetworkStream):
    """A connection as httpcore reads and writes it."""

    def __init__(self, wire: _Wire) -> None:
        self._wire = wire

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        wire = self._wire
        if not wire.buffer and not wire.eof:
            wire.arrived = asyncio.get_running_loop().create_future()
            try:
                async with asyncio.timeout(timeout):
                    await wire.arrived
            except TimeoutError as exc:
                raise httpcore.ReadTimeout(exc) from exc
            finally:
                wire.arrived = None
        if not wire.buffer:
            # a TLS peer that closes without its close_notify ends the stream, as with anyio's
            # backend (httpcore's ``standard_compatible=False``); any other loss is an error
            if wire.error is not None and not isinstance(wire.error, ssl.SSLEOFError):
                raise httpcore.ReadError(wire.error) from wire.error
            return b""
        data = bytes(wire.buffer[:max_bytes])
        del wire.buffer[:max_bytes]
        if wire.paused and len(wire.buffer) <= HIGH_WATER // 2 and wire.transport is not None:
            wire.paused = False
            wire.transport.resume_reading()
        return data

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        wire = self._wire
        if not buffer:
            return
        if wire.transport is None or wire.transport.is_closing():
            error = wire.error or ConnectionResetError("the connection is closed")
            raise httpcore.WriteError(error) from wire.error
        wire.transport.write(buffer)
        if wire.drained is not None:
            try:
                async with asyncio.timeout(timeout):
                    await wire.drained
            except TimeoutError as exc:
                raise httpcore.WriteTimeout(exc) from exc
            if wire.error is not None:
                raise httpcore.WriteError(wire.error) from wire.error

    async def aclose(self) -> None:
        if self._wire.transport is not None:
            self._wire.transport.close()

    async def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                        timeout: float | None = None) -> httpcore.AsyncNetworkStream:
        wire = self._wire
        assert wire.transport is not None
        try:
            async with asyncio.timeout(timeout):
                upgraded = await asyncio.get_running_loop().start_tls(
                    wire.transport, wire, ssl_context, server_hostname=server_hostname)
        except TimeoutError as exc:
            wire.transport.close()
            raise httpcore.ConnectTimeout(exc) from exc
        except OSError as exc:  # ssl.SSLError is one
            wire.transport.close()
            raise httpcore.ConnectError(exc) from exc
        if upgraded is None:  # the peer closed during the handshake
            raise httpcore.ConnectError("the connection closed during the TLS handshake")
        assert isinstance(upgraded, asyncio.Transport)
        wire.transport = upgraded
        return self

    def get_extra_info(self, info: str) -> Any:
        transport = self._wire.transport
        if info == "is_readable":
            return bool(self._wire.buffer) or self._wire.eof or transport is None or transport.is_closing()
        if transport is None:
            return None
        key = _EXTRA.get(info)
        return transport.get_extra_info(key) if key else None


class AsyncioBackend(httpcore.AsyncNetworkBackend):
    """Connections on the running asyncio loop's transports."""

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                          socket_options: Iterable[Any] | None = None) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(timeout):
                transport, wire = await loop.create_connection(
                    _Wire, host, port, local_addr=(local_address, 0) if local_address else None)
        except TimeoutError as exc:
            raise httpcore.ConnectTimeout(exc) from exc
        except OSError as exc:
            raise httpcore.ConnectError(exc) from exc
        sock = transport.get_extra_info("socket")  # asyncio has set TCP_NODELAY already
        for option in socket_options or ():
            sock.setsockopt(*option)
        return AsyncioStream(wire)

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Iterable[Any] | None = None) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)

