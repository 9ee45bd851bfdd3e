"""Engines for the warehouse URL, with SQLite tuned for a single writer and secrets masked."""

from __future__ import annotations

import os
import threading

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

DEFAULT_WAREHOUSE = "sqlite:///audit.db"
ENV_VAR = "PORTAL_AUDIT_WAREHOUSE"


def warehouse_url(explicit: str | None = None) -> str:
    """--warehouse beats $PORTAL_AUDIT_WAREHOUSE beats sqlite:///audit.db."""
    return explicit or os.environ.get(ENV_VAR) or DEFAULT_WAREHOUSE


def mask_url(url: str) -> str:
    """The URL with its password replaced by ***, safe for logs and artifacts."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL may still hold a secret: show only its scheme
        return url.split(":", 1)[0] + "://***"


_ENGINES: dict[tuple[int, str], Engine] = {}
_ENGINES_LOCK = threading.Lock()


def _create(url: str) -> Engine:
    kwargs: dict = {"future": True}
    parsed = make_url(url)
    if url.startswith("sqlite"):
        kwargs["connect_args"] = {"timeout": 30}
    if not url.startswith("sqlite") or parsed.database not in (None, "", ":memory:"):
        # a run's crawl and load tasks share this pool: room for all of them, waiting not failing
        kwargs.update(pool_size=8, max_overflow=64, pool_timeout=600)
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # pragma: no cover - trivial
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

    return engine


def make_engine(url: str | None = None, create: bool = True) -> Engine:
    """Open the warehouse: an empty one gets the current schema, one whose schema is
    behind is refused (``SchemaBehind``) with the upgrade command. ``create=False`` skips
    the check (for ``db upgrade`` itself). There is one engine per URL and process: an
    engine owns a connection pool, and a run's tasks open the warehouse hundreds of times."""
    url = warehouse_url(url)
    key = (os.getpid(), url)
    with _ENGINES_LOCK:
        engine = _ENGINES.get(key)
        if engine is None:
            engine = _ENGINES[key] = _create(url)
    if create:
        from .schema import ensure_schema

        ensure_schema(engine, mask_url(url))
    return engine
