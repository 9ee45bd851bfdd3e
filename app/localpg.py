"""A throw-away PostgreSQL server on 127.0.0.1, for tests and benchmarks (Debian's
server binaries; as root the server runs as the ``postgres`` user, initdb's rule)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def server_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on (for servers the tests and benchmarks start)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LocalPostgres:
    """A throw-away server that can be stopped and started again (the warehouse fault tests
    take it down mid-run); its data directory outlives a stop."""

    def __init__(self) -> None:
        bindir = server_bin()
        if bindir is None:
            raise FileNotFoundError("PostgreSQL server binaries not found (run scripts/ensure-postgres.sh)")
        self.bindir, self.tmp = bindir, Path(tempfile.mkdtemp(prefix="portal-audit-pg-"))
        self.data, self.port = self.tmp / "data", free_port()
        self.run_as: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.tmp, "postgres")
            self.run_as = ["runuser", "-u", "postgres", "--"]
        subprocess.run(self.run_as + [str(bindir / "initdb"), "-D", str(self.data), "-U", "audit", "--auth=trust",
                                      "-E", "UTF8", "--locale=C"], check=True, capture_output=True)
        self.url = f"postgresql+psycopg://audit@127.0.0.1:{self.port}/postgres"

    def _ctl(self, *args: str, check: bool = True) -> None:
        subprocess.run(self.run_as + [str(self.bindir / "pg_ctl"), "-D", str(self.data), *args], check=check,
                       capture_output=True)

    def start(self) -> None:
        self._ctl("-l", str(self.tmp / "log"), "-w", "-o", f"-h 127.0.0.1 -p {self.port} -k {self.tmp} -c fsync=off",
                  "start")

    def stop(self, mode: str = "immediate") -> None:
        """``immediate``: as a crash or a power cut would (open connections are cut)."""
        self._ctl("-m", mode, "-w", "stop", check=False)

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.tmp, ignore_errors=True)


@contextmanager
def local_postgres() -> Iterator[str]:
    """Yield a SQLAlchemy URL of a fresh server; stop and delete it afterwards."""
    server = LocalPostgres()
    server.start()
    try:
        yield server.url
    finally:
        server.remove()
