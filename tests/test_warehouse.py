"""The warehouse on embedded SQLite and on a real PostgreSQL server."""

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from portal_audit.catalog import Column, Portal
from portal_audit.i18n import loads, msg
from portal_audit.records import ColumnCrawl, Item, PageFetch
from validations.rules import load_ruleset
from validations.suite import validate
from warehouse.db import make_engine, mask_url, warehouse_url
from warehouse.load import finish_run, load_portal, start_run
from warehouse.models import (
    AuditRun,
    ColumnAudit,
    ExpectationResult,
    PageFetchRow,
    PortalCheck,
    PortalRun,
    PortalVerdictRow,
)
from warehouse.models import Item as ItemRow
from warehouse.read import NoRun, resolve_run

AS_OF = date(2025, 6, 30)
PORTAL = Portal(id="p", name="示例", base_url="http://x.gov.cn/", columns=[
    Column(id="news", path=["工作动态"], url="/news/", frequency="及时更新", responsible="办公室"),
    Column(id="notice", path=["通知公告"], url="/notice/", frequency="及时更新"),
])


def _crawls(titles=("甲", "乙")):
    return [
        ColumnCrawl("p", "news", "http://x.gov.cn/news/", "ok",
                    (Item(titles[0], "http://x.gov.cn/news/1.html", date(2025, 6, 20)),
                     Item(titles[1], "http://x.gov.cn/news/2.html", date(2025, 5, 1))),
                    (PageFetch("http://x.gov.cn/news/", 200, 1234, 5.0),)),
        ColumnCrawl("p", "notice", "http://x.gov.cn/notice/", "unreachable", error=msg("fetch.http", status=404),
                    pages=(PageFetch("http://x.gov.cn/notice/", 404, 0, 1.0, msg("fetch.http", status=404)),)),
    ]


def _load(engine, crawls):
    result = validate(crawls, [PORTAL], load_ruleset(), AS_OF)
    run_id = start_run(engine, AS_OF, "national-2019@1")
    load_portal(engine, run_id, PORTAL, crawls, result)
    finish_run(engine, run_id, ok=True)
    return run_id


def _count(engine, model):
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model)).scalar()


def test_load_writes_the_contract_tables(warehouse_url):
    engine = make_engine(warehouse_url)
    run_id = _load(engine, _crawls())
    with engine.connect() as conn:
        rows = {r.column_id: r for r in conn.execute(select(ColumnAudit.__table__).where(ColumnAudit.run_id == run_id))}
        run = conn.execute(select(AuditRun.__table__)).one()
    assert rows["news"].status == "fresh" and rows["news"].last_published_on == date(2025, 6, 20)
    assert (rows["news"].allowed_days == 14 and rows["news"].days_since_update == 10
            and rows["news"].responsible == "办公室")
    # codes, not text
    assert rows["notice"].status == "unreachable" and loads(rows["notice"].detail) == [msg("fetch.http", status=404)]
    assert run.status == "complete" and run.columns == 2 and run.portals == 1 and run.run_id == "2025-06-30"
    assert _count(engine, ItemRow) == 2 and _count(engine, PageFetchRow) == 2
    assert _count(engine, ExpectationResult) == 8
    with engine.connect() as conn:
        verdict = conn.execute(select(PortalVerdictRow.__table__)).one()
        checks = dict(conn.execute(select(PortalCheck.item, PortalCheck.outcome)).all())
    assert verdict.verdict == "unknown" and verdict.blank_columns == 0  # no week of probes: not a pass
    assert checks == {"site_unreachable": "unknown", "home_not_updated": "pass", "columns_not_updated": "pass",
                      "blank_columns": "pass", "poor_response": "unknown", "serious_errors": "unknown",
                      "personal_data": "unknown"}
    assert resolve_run(engine) == "2025-06-30"


def test_rerun_is_idempotent_and_keeps_item_history(warehouse_url):
    engine = make_engine(warehouse_url)
    _load(engine, _crawls())
    _load(engine, _crawls(titles=("甲（更新）", "乙")))
    assert _count(engine, ColumnAudit) == 2 and _count(engine, ItemRow) == 2 and _count(engine, PortalRun) == 1
    assert _count(engine, AuditRun) == 1
    with engine.connect() as conn:
        titles = sorted(conn.execute(select(ItemRow.title)).scalars())
    assert titles == ["乙", "甲（更新）"]


def test_a_crash_mid_load_leaves_nothing_half_written(warehouse_url):
    engine = make_engine(warehouse_url)
    _load(engine, _crawls())
    crawls = _crawls(titles=("新标题", "乙"))
    result = validate(crawls, [PORTAL], load_ruleset(), AS_OF)
    run_id = start_run(engine, AS_OF, "national-2019@1")
    bad = replace(result, verdicts=result.verdicts + [result.verdicts[0]])  # a duplicate key fails the insert midway
    with pytest.raises(IntegrityError):
        load_portal(engine, run_id, PORTAL, crawls, bad)
    finish_run(engine, run_id, ok=False, message="crashed")
    # the earlier load of this portal is intact: the failed transaction rolled back whole
    assert _count(engine, ColumnAudit) == 2 and _count(engine, PortalRun) == 1
    with engine.connect() as conn:
        assert "新标题" not in conn.execute(select(ItemRow.title)).scalars().all()
        assert conn.execute(select(AuditRun.status)).scalar() == "failed"


def test_empty_warehouse_has_no_run(warehouse_url):
    with pytest.raises(NoRun, match="no audit run yet"):
        resolve_run(make_engine(warehouse_url))


def test_urls_are_masked_and_env_overrides_default(monkeypatch):
    assert mask_url("postgresql://audit:s3cret@db:5432/x") == "postgresql://audit:***@db:5432/x"
    shown = mask_url("postgresql://audit@db/x?sslmode=require&password=s3cret")  # the query's password too (issue 27)
    assert "password=***" in shown and "sslmode=require" in shown and "s3cret" not in shown
    assert "s3cret" not in mask_url("postgresql://db/x?PWD=s3cret&sslpassword=s3cret")
    monkeypatch.delenv("PORTAL_AUDIT_WAREHOUSE", raising=False)
    assert warehouse_url() == "sqlite:///audit.db"
    monkeypatch.setenv("PORTAL_AUDIT_WAREHOUSE", "sqlite:///elsewhere.db")
    assert warehouse_url() == "sqlite:///elsewhere.db" and warehouse_url("sqlite:///x.db") == "sqlite:///x.db"


def test_a_learnt_api_is_found_again_when_the_portal_moves(warehouse_url):
    """A list API learnt on one night is kept by its path on the portal's site: the portal
    served at a new address (a new port, https) reads it there; an API on another host stays
    on that host; a row kept as an absolute URL (before) reads as it was."""
    from portal_audit.records import ColumnPath
    from warehouse.earlier import column_paths
    from warehouse.models import ColumnPathRow

    engine = make_engine(warehouse_url)
    crawls = _crawls()
    crawls[0] = replace(crawls[0], method="browser", source="json:date http://x.gov.cn:8080/api/list?col=1&page=1")
    _load(engine, crawls)
    moved = column_paths(engine, "p", "https://www.x.gov.cn:9443/")
    assert moved["news"] == ColumnPath("api", "json:date https://www.x.gov.cn:9443/api/list?col=1&page=1")
    crawls[0] = replace(crawls[0], source="gkmlpt http://api.other.cn/gkmlpt/api/all/1?page=1")
    _load(engine, crawls)
    assert column_paths(engine, "p", "https://x.gov.cn/")["news"].source == \
        "gkmlpt http://api.other.cn/gkmlpt/api/all/1?page=1"
    with engine.begin() as conn:
        conn.execute(ColumnPathRow.__table__.update().values(source="json http://old.x.gov.cn/api?page=1"))
    assert column_paths(engine, "p", "http://x.gov.cn/")["news"].source == "json http://old.x.gov.cn/api?page=1"
