"""Shared fixtures: pages served on 127.0.0.1, a real PostgreSQL server, Prefect's test
harness. Nothing here mocks the project's own code."""

from __future__ import annotations

import os
import threading
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")

from app.demo.site import serve

# The test command gives the same answer on every run: property tests draw the same examples
# each time and time none of them (a busy machine is not a bug). `make fuzz` explores afresh
# (new examples each run, up to 2,000 a test).
settings.register_profile("suite", derandomize=True, database=None, deadline=None)
settings.register_profile("explore", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
AS_OF = date(2025, 6, 30)


@dataclass
class Pages:
    """A tiny site for tests: path → (body, content type, status[, headers])."""

    routes: dict[str, tuple] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)

    def add(self, path: str, body: str | bytes, status: int = 200, ctype: str = "text/html; charset=utf-8",
            headers: dict | None = None) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = (data, ctype, status, headers or {})

    gates: list[tuple[str, str, float, threading.Event, list[bool]]] = field(default_factory=list)

    def gate(self, held: str, until: str, wait: float = 10.0) -> list[bool]:
        """Answer ``held`` only once a path starting with ``until`` has been asked for (or
        after ``wait`` s): a test sees the order two requests came in, not a time. Returns
        the list each answer of ``held`` appends to: True if it was let through."""
        released: list[bool] = []
        self.gates.append((held, until, wait, threading.Event(), released))
        return released

    def response(self, path: str):
        self.hits.append(path)
        for held, until, wait, came, released in self.gates:
            if path.startswith(until):
                came.set()
            if path == held:
                released.append(came.wait(wait))
        return self.routes.get(path, (b"not found", "text/plain", 404, {}))


@pytest.fixture
def as_of() -> date:
    return AS_OF


@pytest.fixture
def site():
    """(pages, base_url): add routes to ``pages``; they are served at ``base_url``."""
    pages = Pages()
    server, base = serve(pages)
    yield pages, base
    server.shutdown()


# -- PostgreSQL -------------------------------------------------------------------
@pytest.fixture(scope="session")
def postgres_url():
    """A real PostgreSQL server on 127.0.0.1 in a throw-away data directory."""
    from app.localpg import local_postgres, server_bin

    if server_bin() is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL server binaries missing: scripts/ensure-postgres.sh should have installed them")
        pytest.skip("PostgreSQL server binaries not installed (run scripts/ensure-postgres.sh)")
    with local_postgres() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def warehouse_url(request, tmp_path):
    """Each warehouse test runs on embedded SQLite and on a real PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'audit.db'}"
        return
    base = request.getfixturevalue("postgres_url")
    from sqlalchemy import create_engine, text

    name = f"t{uuid.uuid4().hex[:16]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield base.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


# -- Prefect --------------------------------------------------------------------------
@pytest.fixture(scope="session")
def prefect_harness():
    """Real flows against a temporary Prefect API (Prefect's own test harness)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
