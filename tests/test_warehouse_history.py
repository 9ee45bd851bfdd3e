"""Warehouse guarantees analysts rely on: migrations, evidence, history, views, crash safety
(on SQLite and on a real PostgreSQL)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
import zlib
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select, text

from app.cli import main
from portal_audit.records import PageFetch, PortalCrawl
from validations.rules import load_ruleset
from validations.suite import validate
from warehouse.db import make_engine
from warehouse.load import finish_run, load_portal, prune_evidence, start_run, store_evidence
from warehouse.models import Base, CatalogColumn, ColumnAudit, Evidence, ItemTitleChange, PageFetchRow
from warehouse.models import Item as ItemRow
from warehouse.schema import SchemaBehind, current_revision, downgrade, head_revision

from .test_warehouse import AS_OF, PORTAL, _count, _crawls, _load

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_migrations_build_exactly_the_models(warehouse_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    engine = make_engine(warehouse_url)
    assert current_revision(engine) == head_revision() == "0011"
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []


def test_a_warehouse_behind_is_refused_until_upgraded(warehouse_url, capsys):
    engine = make_engine(warehouse_url)
    downgrade(engine, "0001")
    with pytest.raises(SchemaBehind,
                       match=r"结构版本为 0001，本版 portal-audit 需要 0011：请运行 `portal-audit db upgrade"):
        make_engine(warehouse_url)
    assert main(["report", "--warehouse", warehouse_url, "--format", "md", "-o", os.devnull]) == 2
    assert "portal-audit db upgrade" in capsys.readouterr().err
    assert main(["db", "upgrade", "--warehouse", warehouse_url]) == 0
    assert "0001 → 0011" in capsys.readouterr().out
    make_engine(warehouse_url)  # accepted now


def test_evidence_is_kept_compressed_and_content_addressed(warehouse_url):
    engine = make_engine(warehouse_url)
    body = "<html><body>工作动态 2025-06-20</body></html>".encode()
    crawls = _crawls()
    crawls[0] = replace(crawls[0], pages=(PageFetch.of_body("http://x.gov.cn/news/", 200, body, 3.0),))
    _load(engine, crawls)
    _load(engine, crawls)  # the same bytes again: stored once
    with engine.connect() as conn:
        h = conn.execute(select(PageFetchRow.content_hash).where(PageFetchRow.column_id == "news")).scalar()
        blob = conn.execute(select(Evidence.compressed).where(Evidence.content_hash == h)).scalar()
    assert zlib.decompress(blob) == body and _count(engine, Evidence) == 1
    assert prune_evidence(engine, keep_days=30, today=date(2025, 7, 15)) == 0
    assert prune_evidence(engine, keep_days=30, today=date(2025, 9, 1)) == 1
    assert _count(engine, Evidence) == 0 and _count(engine, PageFetchRow) == 2  # fetch records stay


def test_evidence_stored_ahead_of_the_load_is_what_the_load_points_to(warehouse_url):
    """The flow's crawl task stores bodies and hands on the crawl without them."""
    engine = make_engine(warehouse_url)
    body = "<html><body>通知公告 2025-06-21</body></html>".encode()
    crawls = _crawls()
    crawls[0] = replace(crawls[0], pages=(PageFetch.of_body("http://x.gov.cn/news/", 200, body, 3.0),))
    crawl = PortalCrawl("p", PageFetch.of_body("http://x.gov.cn/", 200, b"<html>home</html>", 1.0), tuple(crawls))
    run_id = start_run(engine, AS_OF, "national-2019@1")
    assert store_evidence(engine, run_id, crawl.pages()) == 2
    light = crawl.without_bodies()
    assert all(p.content is None and p.content_hash for p in light.pages() if p.status == 200)
    assert light.columns[0].items == crawl.columns[0].items
    # a run still loading keeps its bodies through a prune, however old its date
    assert prune_evidence(engine, keep_days=1, today=date(2026, 1, 1)) == 0
    load_portal(engine, run_id, PORTAL, list(light.columns), validate(list(light.columns), [PORTAL], load_ruleset(),
                                                                      AS_OF), light.home)
    finish_run(engine, run_id, ok=True)
    with engine.connect() as conn:
        h = conn.execute(select(PageFetchRow.content_hash).where(PageFetchRow.column_id == "news")).scalar()
        blob = conn.execute(select(Evidence.compressed).where(Evidence.content_hash == h)).scalar()
    assert zlib.decompress(blob) == body and _count(engine, Evidence) == 2


def test_title_changes_and_catalog_versions_are_recorded(warehouse_url):
    engine = make_engine(warehouse_url)
    _load(engine, _crawls())
    _load(engine, _crawls(titles=("甲（修订）", "乙")))
    with engine.connect() as conn:
        change = conn.execute(select(ItemTitleChange.old_title, ItemTitleChange.new_title)).all()
        versions = conn.execute(select(func.count(func.distinct(CatalogColumn.version)))).scalar()
    assert change == [("甲", "甲（修订）")] and versions == 1
    changed = PORTAL.model_copy(update={"columns": [PORTAL.columns[0].model_copy(update={"frequency": "每周"}),
                                                    PORTAL.columns[1]]})
    result = validate(_crawls(), [changed], load_ruleset(), AS_OF)
    load_portal(engine, "2025-06-30", changed, _crawls(), result)
    with engine.connect() as conn:
        assert conn.execute(select(func.count(func.distinct(CatalogColumn.version)))).scalar() == 2


def test_evaluation_views(warehouse_url):
    engine = make_engine(warehouse_url)
    _load(engine, _crawls())
    with engine.connect() as conn:
        score = conn.execute(text("SELECT * FROM v_portal_scorecard")).mappings().one()
        units = conn.execute(text("SELECT responsible, columns, fresh FROM v_unit_scorecard "
                                  "ORDER BY responsible")).all()
        latest = conn.execute(text("SELECT column_id, status FROM v_latest_column_status ORDER BY column_id")).all()
        trend = conn.execute(text("SELECT COUNT(*) FROM v_column_trend")).scalar()
    # no availability probes: never a pass
    assert (score["columns"], score["fresh"], score["unreachable"], score["verdict"]) == (2, 1, 1, "unknown")
    assert score["share_fresh"] == pytest.approx(1.0)  # unreachable columns are not judged for freshness
    assert [tuple(u) for u in units] == [("", 1, 0), ("办公室", 1, 1)]
    assert [tuple(r) for r in latest] == [("news", "fresh"), ("notice", "unreachable")] and trend == 2
    # a failed run is invisible to the views
    run_id = start_run(engine, date(2025, 7, 1), "national-2019@1")
    finish_run(engine, run_id, ok=False, message="crashed")
    with engine.connect() as conn:
        assert (conn.execute(text("SELECT MAX(as_of) FROM v_latest_column_status")).scalar()
                in (date(2025, 6, 30), "2025-06-30"))


def test_kill_9_in_the_middle_of_a_load_leaves_the_warehouse_consistent(warehouse_url, tmp_path):
    """A loader process is killed while its transaction is open; readers then see the old
    run intact, and the next run completes normally."""
    engine = make_engine(warehouse_url)
    _load(engine, _crawls())
    marker = tmp_path / "inside"
    script = textwrap.dedent(f"""
        import sys, time
        sys.path[:0] = [{REPO!r}]
        from datetime import date
        from sqlalchemy import event
        from tests.test_warehouse import PORTAL, _crawls
        from validations.rules import load_ruleset
        from validations.suite import validate
        from warehouse.db import make_engine
        from warehouse.load import load_portal, start_run
        engine = make_engine({warehouse_url!r})
        crawls = _crawls(titles=("半途", "而废"))
        result = validate(crawls, [PORTAL], load_ruleset(), date(2025, 6, 30))
        run_id = start_run(engine, date(2025, 6, 30), "national-2019@1")
        @event.listens_for(engine, "after_cursor_execute")
        def stall(conn, cursor, statement, *a):
            if statement.lstrip().upper().startswith("INSERT INTO COLUMN_AUDITS"):
                open({str(marker)!r}, "w").close()
                time.sleep(60)  # killed here, mid-transaction
        load_portal(engine, run_id, PORTAL, crawls, result)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script])
    deadline = time.time() + 120
    while not marker.exists() and time.time() < deadline and proc.poll() is None:
        time.sleep(0.1)
    assert marker.exists(), "the loader never reached the middle of its transaction"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    engine.dispose()
    engine = make_engine(warehouse_url)
    with engine.connect() as conn:
        titles = set(conn.execute(select(ItemRow.title)).scalars())
        audits = conn.execute(select(func.count()).select_from(ColumnAudit)).scalar()
        status = conn.execute(text("SELECT status FROM audit_runs")).scalar()
    assert titles == {"甲", "乙"} and audits == 2  # the first load, whole; nothing of the killed one
    assert status == "running"  # never closed: reports and views do not read it
    _load(engine, _crawls())  # the next run completes normally
    with engine.connect() as conn:
        assert conn.execute(text("SELECT status FROM audit_runs")).scalar() == "complete"
    assert _count(engine, ItemRow) == 2 and _count(engine, ColumnAudit) == 2
