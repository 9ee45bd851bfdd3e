"""A shard's crawl in a process of its own (``flows/crawler.py``, issue 30: both cores): the
portals come back whole from another process; a crawl process that dies is an error the
shard reports, never a silence; a link to another host that one shard checked is not
fetched again by the shards after it."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from datetime import timedelta

import pytest

from app.demo.site import serve
from extractors.fetch import FetchPolicy
from flows.crawler import CrawlerDied, CrawlJob, crawl_apart
from portal_audit.catalog import Checks, Portal
from tests.faults import serve_faults
from warehouse.db import make_engine
from warehouse.read import link_checks

from .conftest import AS_OF, Pages

POLICY = FetchPolicy(allow_private_networks=True, per_host_delay=0, retries=0, obey_robots=False)


NO_LINKS = Checks(links="none")


def _job(base: str, url: str, warehouse: str, checks: Checks = NO_LINKS) -> CrawlJob:
    portal = Portal.model_validate({"id": "p", "name": "p", "base_url": base, "columns": [
        {"id": "c", "path": ["工作动态"], "url": url, "frequency": "及时更新"}]})
    return CrawlJob([portal], AS_OF, POLICY, warehouse, False, {}, checks, env=dict(os.environ))


def _crawlers() -> list[multiprocessing.process.BaseProcess]:
    return [c for c in multiprocessing.active_children() if c.name == "portal-audit-crawl"]


def test_a_portal_is_crawled_in_another_process_and_comes_back_with_its_bodies(tmp_path):
    url = f"sqlite:///{tmp_path / 'w.db'}"
    make_engine(url)  # the warehouse the child reads earlier nights from (empty)
    faults, base = serve_faults()
    job = _job(base, "/ok/news", url)
    assert url not in repr(job) and os.environ["PATH"] not in repr(job)  # its warehouse URL and environment: secrets
    try:
        got = [(portal.id, crawl, [c.pid for c in _crawlers()]) for portal, crawl in crawl_apart(job)]
    finally:
        faults.shutdown()
    assert [portal_id for portal_id, _, _ in got] == ["p"]
    _, crawl, pids = got[0]
    assert pids and os.getpid() not in pids  # a child of this process crawled it
    column = crawl.columns[0]
    assert column.fetch_state == "ok" and len(column.items) == 3
    assert max(i.published_on for i in column.items) == AS_OF - timedelta(days=2)
    assert any(page.content for page in crawl.pages())  # the page bodies crossed too, for the evidence store
    assert _crawlers() == []  # and the child is gone


def test_a_crawl_not_apart_runs_here_and_hands_back_the_same(tmp_path):
    """A run of one shard crawls in a thread of its own process: no forkserver to pay for."""
    url = f"sqlite:///{tmp_path / 'w.db'}"
    make_engine(url)
    faults, base = serve_faults()
    try:
        got = [(crawl, _crawlers()) for _, crawl in crawl_apart(_job(base, "/ok/news", url), apart=False)]
    finally:
        faults.shutdown()
    assert len(got) == 1 and got[0][1] == []  # no child process
    assert got[0][0].columns[0].fetch_state == "ok" and len(got[0][0].columns[0].items) == 3


def test_a_crawl_process_that_dies_is_an_error_not_a_silence(tmp_path):
    url = f"sqlite:///{tmp_path / 'w.db'}"
    make_engine(url)
    faults, base = serve_faults()
    errors: list[BaseException] = []

    def consume() -> None:
        try:
            list(crawl_apart(_job(base, "/drip", url)))  # a list that never ends coming
        except BaseException as exc:  # what the shard would see
            errors.append(exc)

    reader = threading.Thread(target=consume)
    reader.start()
    try:
        deadline = time.monotonic() + 60
        while not _crawlers() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _crawlers(), "no crawl process started"
        time.sleep(0.5)  # mid-page
        os.kill(_crawlers()[0].pid, signal.SIGKILL)
        reader.join(30)
    finally:
        faults.shutdown()
    assert not reader.is_alive()
    assert len(errors) == 1 and isinstance(errors[0], CrawlerDied) and "(-9)" in str(errors[0])


@pytest.mark.usefixtures("prefect_harness")
def test_a_link_to_another_host_is_checked_once_per_run_across_shards(tmp_path):
    from flows.audit import nightly_audit

    shared, shared_base = Pages(), None
    shared.add("/shared.html", "<html><head><title>共享页面</title></head><body><p>正文</p></body></html>")
    shared_server, shared_base = serve(shared)
    servers = [shared_server]
    portals = []
    try:
        for name in ("a", "b"):
            pages = Pages()
            rows = "".join(f'<li><a href="/c/{i}.html">{name}网站第{i}条工作动态</a><span>{AS_OF - timedelta(days=i)}'
                           f'</span></li>' for i in range(1, 4))
            pages.add("/", f'<html><body><a href="/c/">工作动态</a><a href="{shared_base}shared.html">共享</a>'
                           f'</body></html>')
            pages.add("/c/", f'<html><body><h2>工作动态</h2><ul>{rows}</ul>'
                             f'<a href="{shared_base}shared.html">共享</a></body></html>')
            server, base = serve(pages)
            servers.append(server)
            portals.append(f"""  - id: {name}
    name: 网站{name}
    base_url: {base}
    columns:
      - {{id: c, path: [工作动态], url: /c/, frequency: 及时更新}}
""")
        catalog = tmp_path / "catalog.yaml"
        catalog.write_text("allow_private_networks: true\npoliteness: {delay: 0}\nportals:\n" + "".join(portals),
                           encoding="utf-8")
        url = f"sqlite:///{tmp_path / 'w.db'}"
        # one portal a shard, one shard at a time: the second shard's process is handed the first's check
        summary = nightly_audit(catalog=str(catalog), as_of=AS_OF, warehouse=url, data_docs=None, reports=None,
                                shard_portals=1, shards_at_once=1)
    finally:
        for server in servers:
            server.shutdown()
    assert summary.counts.get("fresh") == 2
    checks = link_checks(make_engine(url), summary.run_id)
    on_shared = checks.loc[checks["url"] == f"{shared_base}shared.html"]
    assert sorted(on_shared["portal_id"]) == ["a", "b"] and set(on_shared["status"]) == {"ok"}
    assert shared.hits.count("/shared.html") == 1


def test_the_crawl_process_imports_neither_prefect_nor_pandas():
    """The forkserver every crawl process comes from imports the crawler once per run: the
    flow's and the reports' libraries have no place in it (pandas alone was 0.3 s of CPU
    and ~40 MB of its start)."""
    import subprocess
    import sys

    code = ("import sys, flows.crawler; "
            "print(sorted(m for m in ('prefect', 'pandas', 'great_expectations') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
