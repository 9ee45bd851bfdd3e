"""Engines for the warehouse URL, with SQLite tuned for a single writer and secrets masked."""

from __future__ import annotations

import os
import re
import threading

from sqlalchemy import Engine, create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url

from portal_audit.i18n import msg

from .errors import WarehouseError

DEFAULT_WAREHOUSE = "sqlite:///audit.db"
DRIVERS = {"psycopg": "postgres", "psycopg2": "postgres"}  # DBAPI module → the extra that installs it
ENV_VAR = "PORTAL_AUDIT_WAREHOUSE"


def warehouse_url(explicit: str | None = None) -> str:
    """--warehouse beats $PORTAL_AUDIT_WAREHOUSE beats sqlite:///audit.db."""
    return explicit or os.environ.get(ENV_VAR) or DEFAULT_WAREHOUSE


# query parameters that carry secrets (libpq's and drivers' spellings)
_SECRET_PARAM = re.compile(r"(?i)([?&](?:password|passwd|pwd|pass|secret|token|api_?key|sslpassword|sslkey)=)[^&#]*")


def mask_url(url: str) -> str:
    """The URL with every password replaced by ***, safe for logs and artifacts: the one in
    its user part and any in its query (``?password=``, ``&sslpassword=`` …)."""
    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL may still hold a secret: show only its scheme
        return url.split(":", 1)[0] + "://***"
    return _SECRET_PARAM.sub(r"\1***", shown)


def has_secret(url: str | None) -> bool:
    """Whether a warehouse URL carries a password (in its user part or its query)."""
    if not url:
        return False
    return mask_url(url) != url


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
    if not url.startswith("sqlite"):
        kwargs["pool_pre_ping"] = True  # a server restarted meanwhile: stale connections are replaced, not failed
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


def close_all() -> None:
    """Close this process's warehouse connections (an SQLite warehouse folds its write-ahead
    log back in as the last one closes), for a command that exits without tearing down."""
    with _ENGINES_LOCK:
        engines = [e for (pid, _), e in _ENGINES.items() if pid == os.getpid()]
    for engine in engines:
        engine.dispose()


def is_outage(error: BaseException) -> bool:
    """Whether ``error`` is the warehouse being unavailable (down, unreachable, connection
    dropped, disk full, read-only), as opposed to a bug: worth waiting out, never a verdict."""
    return isinstance(error, (sa_exc.OperationalError, sa_exc.InterfaceError)) or \
        (isinstance(error, sa_exc.DBAPIError) and error.connection_invalidated)


def cause(error: BaseException, url: str | None = None) -> str:
    """The driver's own first line of ``error``, without SQLAlchemy's wrapping (and any password)."""
    text = str(getattr(error, "orig", None) or error).strip()
    line = next((x.strip() for x in text.splitlines() if x.strip()), type(error).__name__)
    line = line.removeprefix("connection failed: ")
    password = make_url(url).password if url else None
    return line.replace(password, "***") if password else line


def open_warehouse(url: str | None = None, schema: bool = True) -> Engine:
    """The warehouse, checked before anything else runs: the driver is installed, the server
    answers, the schema is this code's (created when the warehouse is new). Anything else is a
    ``WarehouseError`` with the URL masked, the cause and the fix. ``schema=False``: only the
    connection and a schema ahead of the code are checked (``db upgrade`` brings one behind)."""
    url = warehouse_url(url)
    shown = mask_url(url)
    try:
        engine = make_engine(url, create=False)
    except ModuleNotFoundError as error:
        extra = DRIVERS.get((error.name or "").split(".")[0])
        fix = f"pip install 'portal-audit[{extra}]'" if extra else f"pip install {error.name}"
        raise WarehouseError(msg("warehouse.driver", url=shown, driver=error.name, fix=fix)) from None
    except (sa_exc.ArgumentError, sa_exc.NoSuchModuleError) as error:
        raise WarehouseError(msg("warehouse.not_url", url=shown, error=str(error))) from None
    from .schema import current_revision, ensure_schema, refuse_ahead

    try:
        if schema:
            ensure_schema(engine, shown)
        else:
            refuse_ahead(current_revision(engine), shown)
    except sa_exc.DBAPIError as error:
        hint = msg("warehouse.hint_sqlite" if url.startswith("sqlite") else "warehouse.hint_server")
        raise WarehouseError(msg("warehouse.unreachable", url=shown, cause=cause(error, url), hint=hint)) from None
    return engine
