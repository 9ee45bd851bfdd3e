"""A throw-away PostgreSQL server on 127.0.0.1, for tests and benchmarks (Debian's
server binaries; as root the server runs as the ``postgres`` user, initdb's rule)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


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


@contextmanager
def local_postgres() -> Iterator[str]:
    """Yield a SQLAlchemy URL of a fresh server; stop and delete it afterwards."""
    bindir = server_bin()
    if bindir is None:
        raise FileNotFoundError("PostgreSQL server binaries not found (run scripts/ensure-postgres.sh)")
    tmp = Path(tempfile.mkdtemp(prefix="portal-audit-pg-"))
    data, port = tmp / "data", free_port()
    run_as: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(tmp, "postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    subprocess.run(run_as + [str(bindir / "initdb"), "-D", str(data), "-U", "audit", "--auth=trust", "-E", "UTF8",
                             "--locale=C"], check=True, capture_output=True)
    subprocess.run(run_as + [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(tmp / "log"), "-w", "-o",
                             f"-h 127.0.0.1 -p {port} -k {tmp} -c fsync=off", "start"], check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://audit@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(run_as + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)
