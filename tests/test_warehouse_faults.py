"""The warehouse fails too: refused up front with one clear line, or survived with nothing
lost. Each outage test ends with the warehouse holding exactly the rows of a clean run of
the same night (tests/warehouse_state.py). Real PostgreSQL, stopped and started for real."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, text

from portal_audit.catalog import dump_catalog, load_catalog
from portal_audit.demo import build_site, serve
from validations.rules import load_ruleset
from warehouse import load
from warehouse.db import make_engine

from .conftest import AS_OF, REPO
from .warehouse_state import rows_of_run, state

pytestmark = pytest.mark.usefixtures("prefect_harness")


@pytest.fixture(scope="module")
def catalog_file(tmp_path_factory):
    """The demo portal on 127.0.0.1, one port for the whole module (its URLs are in the rows)."""
    catalog = load_catalog(REPO / "catalogs" / "demo.yaml")
    portal = catalog.portals[0]
    server, base = serve(build_site(portal, load_ruleset(), AS_OF))
    path = tmp_path_factory.mktemp("faults") / "catalog.yaml"
    path.write_text(dump_catalog(catalog.model_copy(update={"portals": [portal.model_copy(update={"base_url": base})]})),
                    encoding="utf-8")
    yield str(path)
    server.shutdown()


@pytest.fixture(scope="module")
def pg():
    """A PostgreSQL server of this module's own: its tests stop and start it."""
    from portal_audit.localpg import LocalPostgres, server_bin

    if server_bin() is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL server binaries missing: scripts/ensure-postgres.sh should have installed them")
        pytest.skip("PostgreSQL server binaries not installed")
    server = LocalPostgres()
    server.start()
    yield server
    server.remove()


def _database(pg, name: str) -> str:
    admin = create_engine(pg.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        conn.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    return pg.url.rsplit("/", 1)[0] + f"/{name}"


def _audit(catalog_file: str, url: str, spool: Path, minutes: float = 5.0, as_of=AS_OF):
    from flows.audit import nightly_audit

    return nightly_audit(catalog=catalog_file, as_of=as_of, warehouse=url, data_docs=None, reports=None,
                         spool=str(spool), load_retry_minutes=minutes, return_state=True)


@pytest.fixture(scope="module")
def clean(catalog_file, pg, tmp_path_factory):
    """The same night without faults, on each kind of warehouse: the rows every test ends with."""
    tmp = tmp_path_factory.mktemp("clean")
    urls = {"postgresql": _database(pg, "clean"), "sqlite": f"sqlite:///{tmp / 'clean.db'}"}
    out = {}
    for kind, url in urls.items():
        assert _audit(catalog_file, url, tmp / "spool").is_completed()
        out[kind], out[f"{kind} url"] = state(url), url
    return out


def _fault_in_load(monkeypatch, table: str, fault) -> list[float]:
    """Run ``fault(conn)`` once, as the portal's load writes ``table`` inside its transaction."""
    real, fired = load._batches, []

    def batches(conn, stmt, rows):
        if not fired and f"INSERT INTO {table} " in str(stmt):
            fired.append(time.monotonic())
            fault(conn)
        return real(conn, stmt, rows)

    monkeypatch.setattr(load, "_batches", batches)
    return fired


def test_server_stopped_during_a_load_and_back_20_s_later(catalog_file, pg, clean, tmp_path, monkeypatch):
    url = _database(pg, "restarted")
    back: list[float] = []

    def crash(_conn):  # as a crash would: connections cut mid-transaction; up again 20 s later
        pg.stop()
        threading.Timer(20.0, lambda: (pg.start(), back.append(time.monotonic()))).start()

    fired = _fault_in_load(monkeypatch, "column_audits", crash)
    run = _audit(catalog_file, url, tmp_path / "spool")
    assert fired and back and back[0] - fired[0] >= 20.0  # it waited the outage out
    assert run.is_completed(), run.message
    assert state(url) == clean["postgresql"]  # exactly the clean run's rows: none lost, none twice
    assert not list((tmp_path / "spool").glob("*/*"))  # nothing had to be spooled


def test_connection_dropped_mid_transaction(catalog_file, pg, clean, tmp_path, monkeypatch):
    url = _database(pg, "dropped")
    admin = create_engine(pg.url, isolation_level="AUTOCOMMIT")

    def drop(conn):  # the server ends this connection (an administrator, a proxy, a failover)
        pid = conn.connection.dbapi_connection.info.backend_pid
        with admin.connect() as other:
            other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})

    fired = _fault_in_load(monkeypatch, "items", drop)
    run = _audit(catalog_file, url, tmp_path / "spool")
    admin.dispose()
    assert fired and run.is_completed(), run.message
    assert state(url) == clean["postgresql"]


@pytest.mark.parametrize("pragma, says", [("max_page_count", "database or disk is full"),
                                          ("query_only", "readonly database")])
def test_a_full_or_read_only_sqlite_file_spools_the_crawl_and_load_spool_brings_it(
        catalog_file, clean, tmp_path, monkeypatch, capsys, pragma, says):
    """The disk fills (or the file turns read-only) while the portals crawl: the run waits its
    retry time, keeps the crawl in the spool and fails saying so; once the disk has room,
    `portal-audit db load-spool` loads it — twice changes nothing."""
    import flows.audit
    from portal_audit.cli import main

    url, spool = f"sqlite:///{tmp_path / 'audit.db'}", tmp_path / "spool"
    engine = make_engine(url)

    def fault(dbapi_conn, _record):
        cur = dbapi_conn.cursor()
        size = cur.execute("PRAGMA page_count").fetchone()[0]
        cur.execute(f"PRAGMA max_page_count = {size}" if pragma == "max_page_count" else "PRAGMA query_only = 1")
        cur.close()

    real = flows.audit.commit

    def commit_on_a_full_disk(*args, **kwargs):
        event.listen(engine, "connect", fault)
        engine.dispose()  # every connection from now on meets the fault
        return real(*args, **kwargs)

    monkeypatch.setattr(flows.audit, "commit", commit_on_a_full_disk)
    run = _audit(catalog_file, url, spool, minutes=0.05)
    assert run.is_failed() and "db load-spool" in run.message and str(spool) in run.message
    assert sorted(p.name for p in (spool / AS_OF.isoformat()).iterdir()) == ["run.json", "xcmz-demo.pkl"]
    event.remove(engine, "connect", fault)
    engine.dispose()
    with engine.connect() as conn:  # the run is open, none of its portals loaded
        assert conn.execute(text("SELECT status FROM audit_runs")).scalar() == "running"
        assert conn.execute(text("SELECT COUNT(*) FROM column_audits")).scalar() == 0

    assert main(["db", "load-spool", "--warehouse", url, "--spool", str(spool)]) == 0
    assert "xcmz-demo" not in capsys.readouterr().err
    assert state(url) == clean["sqlite"] and not list(spool.iterdir())
    assert main(["db", "load-spool", "--warehouse", url, "--spool", str(spool)]) == 0  # nothing left: no change
    assert state(url) == clean["sqlite"]


def test_an_outage_past_the_retry_time_is_loaded_by_the_next_run(catalog_file, pg, clean, tmp_path, monkeypatch):
    """PostgreSQL down from the end of the crawl until after the run gave up: the run fails
    with its crawl spooled; the next night's run loads it before it starts."""
    import flows.audit

    url, spool = _database(pg, "nextrun"), tmp_path / "spool"
    real = flows.audit.commit

    def down(*args, **kwargs):
        pg.stop()
        return real(*args, **kwargs)

    monkeypatch.setattr(flows.audit, "commit", down)
    run = _audit(catalog_file, url, spool, minutes=0.05)
    assert run.is_failed() and "xcmz-demo" not in (run.message or "") and "db load-spool" in run.message
    monkeypatch.setattr(flows.audit, "commit", real)
    pg.start()
    assert _audit(catalog_file, url, spool, as_of=AS_OF + timedelta(days=1)).is_completed()
    assert rows_of_run(url, AS_OF.isoformat()) == rows_of_run(clean["postgresql url"], AS_OF.isoformat())
    assert not list(spool.glob("*/*"))


# -- refused up front, in one line ----------------------------------------------------------------
def _cli(*args: str, env: dict | None = None, pre: str = "") -> subprocess.CompletedProcess:
    code = f"{pre}import sys; from portal_audit.cli import main; sys.exit(main({list(args)!r}))"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=REPO,
                          env={**os.environ, **(env or {})})


def test_a_schema_ahead_of_the_code_is_refused(catalog_file, tmp_path):
    url = f"sqlite:///{tmp_path / 'ahead.db'}"
    with make_engine(url).begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099_from_a_newer_release'"))
    for args in (["audit", catalog_file], ["report", "--format", "md", "-o", str(tmp_path / "r.md")], ["db", "upgrade"]):
        proc = _cli(*args, "--warehouse", url)
        assert proc.returncode == 2 and proc.stdout == "", proc.stderr[-2000:]
        assert proc.stderr.count("\n") == 1 and "0099_from_a_newer_release, newer than this portal-audit" in proc.stderr


def test_an_unreachable_server_and_a_missing_driver_are_one_line_each(catalog_file, pg):
    from portal_audit.localpg import free_port

    down = f"postgresql+psycopg://audit:s3cret@127.0.0.1:{free_port()}/audit"
    proc = _cli("audit", catalog_file, "--warehouse", down)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr[-2000:]
    assert proc.stderr.startswith("portal-audit: cannot reach warehouse postgresql+psycopg://audit:***@127.0.0.1:")
    assert "Connection refused" in proc.stderr and "s3cret" not in proc.stderr + proc.stdout
    proc = _cli("report", "--format", "md", "-o", "/tmp/x.md", env={"PORTAL_AUDIT_WAREHOUSE": pg.url},
                pre="import sys; sys.modules['psycopg'] = None; ")  # installed without the postgres extra
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr[-2000:]
    assert "needs the psycopg driver: pip install 'portal-audit[postgres]'" in proc.stderr
