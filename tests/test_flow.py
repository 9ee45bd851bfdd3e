"""The Prefect flows end to end: demo portal on loopback → warehouse, through a real
(temporary) Prefect API."""

from __future__ import annotations

import gc
import json
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.demo import build_site, serve
from app.localpg import free_port
from portal_audit.catalog import dump_catalog, load_catalog, parse_catalog
from portal_audit.i18n import render
from portal_audit.records import ITEMS, PortalCrawl
from validations.rules import load_ruleset
from warehouse.db import make_engine
from warehouse.models import ColumnAudit, Item

from .conftest import AS_OF, REPO

pytestmark = pytest.mark.usefixtures("prefect_harness")


@pytest.fixture(scope="module")
def demo():
    """The demo portal served on 127.0.0.1 and a catalog file pointing at it."""
    catalog = load_catalog(REPO / "catalogs" / "demo.yaml")
    portal = catalog.portals[0]
    site = build_site(portal, load_ruleset(), AS_OF)
    server, base = serve(site)
    yield site, catalog.model_copy(update={"portals": [portal.model_copy(update={"base_url": base})]})
    server.shutdown()


def _stored(url: str) -> list[tuple[str, str, object]]:
    """(column, status, last published) of every column audit in a warehouse."""
    with make_engine(url).connect() as conn:
        return [(column, status, last) for column, status, last in conn.execute(
            select(ColumnAudit.column_id, ColumnAudit.status, ColumnAudit.last_published_on)
            .order_by(ColumnAudit.column_id))]


def _write(tmp_path: Path, catalog) -> str:
    path = tmp_path / "catalog.yaml"
    path.write_text(dump_catalog(catalog), encoding="utf-8")
    return str(path)


def test_nightly_audit_matches_the_demo_ground_truth(demo, tmp_path, warehouse_url):
    from flows.audit import nightly_audit

    site, catalog = demo
    summary = nightly_audit(catalog=_write(tmp_path, catalog), as_of=AS_OF, warehouse=warehouse_url,
                            data_docs=str(tmp_path / "docs"), reports=None)
    assert {v.column_id: v.status for v in summary.attention} == {
        c: s for c, s in site.truth.items() if s in ("stale", "empty", "unreachable", "error")}
    assert summary.total == 76 and summary.counts["unreachable"] == 5 and summary.counts["empty"] == 9
    engine = make_engine(warehouse_url)
    with engine.connect() as conn:
        stored = dict(conn.execute(select(ColumnAudit.column_id, ColumnAudit.status)).all())
        items = conn.execute(select(Item.column_id, Item.url)).all()
    assert stored == site.truth
    n_items = len(items)
    from urllib.parse import urlsplit

    paths = {(cid, urlsplit(u).path) for cid, u in items}
    # every stored item belongs to its own column (nothing from the "最新发布" sidebar) …
    assert all(path.startswith(f"/col/col{1000 + int(cid[1:])}/") and (path in site.articles or path in site.pages)
               for cid, path in paths)  # (the mailbox's letters are pages of their own)
    # … and every item of the last year was found, across pages
    recent = {a.url for a in site.articles.values() if a.column != "最新发布" and (AS_OF - a.published_on).days <= 366}
    assert recent <= {path for _, path in paths}

    # the portal's single-veto verdict: 17 stale columns and 9 blank ones fail it
    from warehouse.read import portal_verdicts

    verdict = portal_verdicts(engine, "2025-06-30").iloc[0]
    assert verdict.verdict == "fail" and "空白栏目：空白栏目9个" in render(verdict.reasons)
    assert bool(verdict.home_reachable) is True
    assert summary.data_docs and Path(summary.data_docs).exists()

    # the same day again: replaced, not duplicated
    nightly_audit(catalog=_write(tmp_path, catalog), as_of=AS_OF, warehouse=warehouse_url, data_docs=None, reports=None)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(ColumnAudit)).scalar() == 76
        assert conn.execute(select(func.count()).select_from(Item)).scalar() == n_items


def test_a_dead_portal_does_not_stop_the_others(demo, tmp_path):
    from flows.audit import nightly_audit

    site, catalog = demo
    dead_port = free_port()
    dead = parse_catalog(f"""
portals:
  - id: dead
    name: 关停的网站
    base_url: http://127.0.0.1:{dead_port}/
    columns:
      - {{id: a, path: [工作动态], url: /a/, frequency: 及时更新}}
      - {{id: b, path: [通知公告], url: /b/, frequency: 及时更新}}
""").portals[0]
    both = catalog.model_copy(update={"portals": [dead, catalog.portals[0]],
                                      "politeness": catalog.politeness.model_copy(update={"retries": 0})})
    url = f"sqlite:///{tmp_path / 'a.db'}"
    # one portal per shard: the run is crawled, validated and loaded in two shard tasks
    summary = nightly_audit(catalog=_write(tmp_path, both), as_of=AS_OF, warehouse=url, reports=None,
                            data_docs=str(tmp_path / "docs"), shard_portals=1)
    assert [p.portal_id for p in summary.portals] == ["dead", "xcmz-demo"]  # catalog order, whatever finished first
    index = Path(summary.data_docs).read_text(encoding="utf-8")
    # the live portal's shard has its table; the dead one, held until the crawl was over (was it
    # our network?), is validated with the run's other unread portals
    assert 'href="shard-002/index.html"' in index and 'href="unread/index.html"' in index
    assert (Path(summary.data_docs).parent / "shard-002" / "index.html").exists()
    assert (Path(summary.data_docs).parent / "unread" / "index.html").exists()
    assert summary.total == 78 and summary.counts["unreachable"] == 7
    dead_verdict = next(p for p in summary.portals if p.portal_id == "dead")
    # one visit is not the rule's week of probes: not judged, and never a pass
    availability = next(c for c in dead_verdict.checks if c.item == "site_unreachable")
    assert dead_verdict.verdict == "unknown" and "本次检查时首页亦无法打开" in availability.reason
    by_portal = {}
    with make_engine(url).connect() as conn:
        for portal_id, column_id, status in conn.execute(select(ColumnAudit.portal_id, ColumnAudit.column_id,
                                                                ColumnAudit.status)):
            by_portal.setdefault(portal_id, {})[column_id] = status
    assert by_portal["dead"] == {"a": "unreachable", "b": "unreachable"}
    assert by_portal["xcmz-demo"] == site.truth
    # nothing of the run stays behind: no portal's crawl, no per-host Prefect service thread
    gc.collect()
    assert not [o for o in gc.get_objects() if isinstance(o, PortalCrawl)]
    assert not [t for t in threading.enumerate() if t.name.startswith("ConcurrencySlotAcquisition")]


def test_audit_portal_flow_runs_one_portal_and_publishes_artifacts(demo, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    from flows.audit import audit_portal
    from flows.hosts import host_limit_name

    site, catalog = demo
    summary = audit_portal(catalog=_write(tmp_path, catalog), portal_id="xcmz-demo", as_of=AS_OF,
                           warehouse=f"sqlite:///{tmp_path / 'b.db'}", data_docs=str(tmp_path / "docs"),
                           reports=str(tmp_path / "reports"))
    assert summary.total == 76
    from uuid import UUID

    from prefect.client.schemas.filters import ArtifactFilterFlowRunId

    from warehouse.models import AuditRun

    with make_engine(f"sqlite:///{tmp_path / 'b.db'}").connect() as conn:
        flow_run_id = UUID(conn.execute(select(AuditRun.flow_run_id)).scalar())
    with get_client(sync_client=True) as client:
        def latest(key):  # this flow run's artifact (other tests published theirs under the same keys)
            arts = client.read_artifacts(artifact_filter=ArtifactFilter(
                key=ArtifactFilterKey(any_=[key]), flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id])))
            return arts[0] if arts else None
        md, table, link = latest("audit-summary"), latest("audit-non-fresh-columns"), latest("report-xcmz-demo")
        limit = client.read_global_concurrency_limit_by_name(host_limit_name(catalog.portals[0]))
    assert summary.line() in md.data and "## 超期未更新(stale)" in md.data and "单项否决" in md.data
    needy = sum(1 for s in site.truth.values() if s in ("stale", "empty", "unreachable", "error"))
    assert summary.attention_total == len(summary.attention) == needy == 31
    assert table.type == "table" and str(table.data).count("xcmz-demo") == needy
    rows = json.loads(table.data)  # artifacts speak Chinese: headers, statuses, reasons
    assert ({"网站", "栏目", "状态", "最近更新", "说明"} <= set(rows[0])
            and "超期未更新(stale)" in {r["状态"] for r in rows})
    assert md.description == summary.line() and md.description.startswith("共76个栏目：")
    report = tmp_path / "reports" / "2025-06-30" / "xcmz-demo.html"
    assert report.exists() and report.as_uri() in link.data
    assert limit.limit == 1  # the host's crawl slot, shared by every flow run


def test_audit_portal_for_some_columns(demo, tmp_path):
    from flows.audit import audit_portal

    site, catalog = demo
    summary = audit_portal(catalog=_write(tmp_path, catalog), portal_id="xcmz-demo", columns=["c01", "c45"],
                           as_of=AS_OF, warehouse=f"sqlite:///{tmp_path / 'c.db'}", data_docs=None, reports=None)
    assert summary.total == 2
    assert {c: s for c, s, _ in _stored(f"sqlite:///{tmp_path / 'c.db'}")} == {"c01": site.truth["c01"],
                                                                             "c45": site.truth["c45"]}
    with pytest.raises(ValueError, match="unknown column id"):
        audit_portal(catalog=_write(tmp_path, catalog), portal_id="xcmz-demo", columns=["c99"], as_of=AS_OF,
                     warehouse=f"sqlite:///{tmp_path / 'c.db'}", data_docs=None, reports=None)


def test_warehouse_url_from_a_secret_block(demo, tmp_path):
    from prefect.blocks.system import Secret

    from flows.audit import audit_portal

    site, catalog = demo
    Secret(value=f"sqlite:///{tmp_path / 'secret.db'}").save("test-warehouse", overwrite=True)
    audit_portal(catalog=_write(tmp_path, catalog), portal_id="xcmz-demo", columns=["c01"], as_of=AS_OF,
                 warehouse="secret:test-warehouse", data_docs=None, reports=None)
    with make_engine(f"sqlite:///{tmp_path / 'secret.db'}").connect() as conn:
        assert conn.execute(select(func.count()).select_from(ColumnAudit)).scalar() == 1


def test_nightly_audit_on_a_local_dask_cluster_matches_the_default_runner(demo, tmp_path):
    from prefect_dask import DaskTaskRunner

    from flows.audit import nightly_audit

    site, catalog = demo
    path = _write(tmp_path, catalog)
    nightly_audit(catalog=path, as_of=AS_OF, warehouse=f"sqlite:///{tmp_path / 'd1.db'}", data_docs=None, reports=None)
    on_dask = nightly_audit.with_options(task_runner=DaskTaskRunner(
        cluster_kwargs={"n_workers": 2, "threads_per_worker": 1, "processes": True, "dashboard_address": None}))
    on_dask(catalog=path, as_of=AS_OF, warehouse=f"sqlite:///{tmp_path / 'd2.db'}", data_docs=None, reports=None)
    dask, default = _stored(f"sqlite:///{tmp_path / 'd2.db'}"), _stored(f"sqlite:///{tmp_path / 'd1.db'}")
    assert dask == default and {c: s for c, s, _ in dask} == site.truth


def test_second_night_on_an_unchanged_portal_fetches_little_and_judges_the_same(demo, tmp_path):
    from flows.audit import nightly_audit
    from warehouse.models import PageFetchRow

    site, catalog = demo
    url = f"sqlite:///{tmp_path / 'inc.db'}"
    engine = make_engine(url)

    def night():
        nightly_audit(catalog=_write(tmp_path, catalog), as_of=AS_OF, warehouse=url, data_docs=None, reports=None)
        with engine.connect() as conn:
            nbytes = conn.execute(select(func.sum(PageFetchRow.nbytes))).scalar()
            n304 = conn.execute(select(func.count()).select_from(PageFetchRow)
                                .where(PageFetchRow.http_status == 304)).scalar()
        return _stored(url), nbytes, n304

    first, bytes1, _ = night()
    second, bytes2, n304 = night()
    assert second == first and len(first) == 76
    assert bytes2 <= 0.10 * bytes1 and n304 >= 60


class _Webhook:
    """A 企业微信/钉钉-style robot on loopback: keeps every JSON body posted to it."""

    def __init__(self):
        import json
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        received = self.received = []

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/cgi-bin/webhook/send?key=test"


def test_the_five_single_veto_items_on_the_demo_portal(demo, tmp_path):
    """A week of probes, the audit, the items stored one by one, the Word 通报 read back,
    and the alert received by a webhook on loopback through a Prefect notification block."""
    import docx
    from prefect.blocks.notifications import CustomWebhookNotificationBlock

    from app.demo.week import probe_week
    from extractors.fetch import policy_for
    from flows.audit import nightly_audit
    from portal_audit.records import Baseline
    from reporting.writers import write_report
    from warehouse.load import set_baseline
    from warehouse.read import portal_checks

    site, catalog = demo
    url = f"sqlite:///{tmp_path / 'veto.db'}"
    probes = probe_week(make_engine(url), catalog.portals[0], AS_OF, policy_for(catalog), per_day=20)
    home, origins = site.baseline  # its security baseline a week ago, as the demo seeds it
    set_baseline(make_engine(url), "xcmz-demo", Baseline("2025-06-23", tuple(home.items()), frozenset(origins)))
    assert len(probes) == 140 and 5 <= sum(not p.ok for p in probes) <= 6  # one visit in 25 fails: 3.6–4.3 %
    hook = _Webhook()
    CustomWebhookNotificationBlock(name="wecom", url=hook.url, json_data={
        "msgtype": "text", "text": {"content": "{{subject}}\n{{body}}"}}).save("wecom-test", overwrite=True)
    try:
        summary = nightly_audit(catalog=_write(tmp_path, catalog), as_of=AS_OF, warehouse=url, data_docs=None,
                                reports=None, notify="custom-webhook/wecom-test")
    finally:
        hook.server.shutdown()
    checks = {r.item: (r.outcome, r.reason) for r in portal_checks(make_engine(url), "2025-06-30").itertuples()}
    assert {k: v[0] for k, v in checks.items() if k in ITEMS} == {
        "site_unreachable": "warn", "home_not_updated": "pass", "columns_not_updated": "fail",
        "blank_columns": "fail", "poor_response": "fail", "serious_errors": "fail", "personal_data": "fail"}
    # the supervision indicators, stored beside them as the demo planted them, decide nothing of the verdict
    assert {k: v[0] for k, v in checks.items() if k not in ITEMS} == site.indicators["xcmz-demo"]
    assert ("关于殡葬惠民政策的咨询" in checks["poor_response"][1]
            and "咨询婚姻登记预约办法" in checks["poor_response"][1])
    assert "关于临时救助标准的咨询" not in checks["poor_response"][1]  # asked over a year before the check
    verdict = summary.portals[0]
    assert {x.message.url.rsplit("/col", 1)[-1] for x in verdict.late_messages} == {
        u.rsplit("/col", 1)[-1] for u in site.late}
    assert len(summary.due_soon) >= 1
    from warehouse.models import ConsultationMessage, HomeLink

    with make_engine(url).connect() as conn:  # kept for the next nights: home links and messages
        home = conn.execute(select(HomeLink.url, HomeLink.published_on, HomeLink.first_seen_run)).all()
        letters = conn.execute(select(func.count()).select_from(ConsultationMessage)).scalar()
    assert len(home) >= 10 and {r.first_seen_run for r in home} == {"2025-06-30"}
    assert max(r.published_on for r in home if r.published_on and r.published_on <= AS_OF) == AS_OF and letters == 8

    [alert] = hook.received
    text = alert["text"]["content"]
    assert alert["msgtype"] == "text" and "portal-audit 2025-06-30" in text and "1个网站单项否决" in text
    assert "互动回应差" in text and "预警 站点无法访问" in text

    out = write_report(make_engine(url), "2025-06-30", "docx", tmp_path / "通报.docx")
    document = docx.Document(str(out))
    paragraphs = [p.text for p in document.paragraphs]
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    assert paragraphs[0] == "政府网站检查情况通报" and "（检查日期：2025年6月30日）" in paragraphs
    assert "二、单项否决情况" in paragraphs and "三、站点可用性（检查前一周首页监测）" in paragraphs
    assert {"互动回应差", "否决", "预警", "关于殡葬惠民政策的咨询", "未答复", "办公室"} <= cells
    assert any(c.endswith("%") for c in cells) and "140" in cells  # the week's probes
    assert any("空白栏目" in c for c in cells) and "超期未更新" in cells
    assert {"党十九大", "党的十九大", "342501********4215"} <= cells and "七、严重表述错误与个人信息泄露" in paragraphs
    assert {"严重表述错误", "个人信息泄露"} <= cells and "serious_errors" not in cells  # items by their national names
    assert "342501198803154215" not in "".join(paragraphs) + "".join(cells)  # leaks stay masked
    from warehouse.read import link_checks

    checked = link_checks(make_engine(url), "2025-06-30")
    broken = {u.split("/", 3)[-1] for u in checked.loc[checked["status"] == "broken", "url"]}
    # off the site, offline (checks.links: site): www.gov.cn, the MIIT 备案 system, the 找错 entry, the advert's
    # shop, the 暗链's gambling site
    skipped = {u.split("/")[2] for u in checked.loc[checked["status"] == "skipped", "url"]}
    assert broken == {p.lstrip("/") for p in site.broken}
    assert skipped == {"www.gov.cn", "beian.miit.gov.cn", "zfwzgl.www.gov.cn", "shop.example.com",
                       "www.amdc-yule.example.com"}


def test_probe_homes_flow_stores_one_probe_per_portal(demo, tmp_path):
    from flows.probes import probe_homes
    from warehouse.models import AvailabilityProbe

    site, catalog = demo
    url = f"sqlite:///{tmp_path / 'probes.db'}"
    first = probe_homes(catalog=_write(tmp_path, catalog), warehouse=url)
    second = probe_homes(catalog=_write(tmp_path, catalog), warehouse=url)
    with make_engine(url).connect() as conn:
        rows = conn.execute(select(AvailabilityProbe.portal_id, AvailabilityProbe.ok, AvailabilityProbe.elapsed_ms,
                                   AvailabilityProbe.probed_at)).all()
    assert first.probes == second.probes == 1 and len(rows) == 2  # a round appends, one probe a portal
    assert {r.portal_id for r in rows} == {"xcmz-demo"} and sum(not r.ok for r in rows) == first.failed + second.failed
    assert rows[0].probed_at < rows[1].probed_at and all(r.elapsed_ms < 15_000 for r in rows)
