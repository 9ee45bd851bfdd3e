"""A national night is one run (issue 30): `nightly-audit` with `parts` cuts the catalog by
host and runs each part as a flow run of the `audit-part` deployment on a work pool; two
real `prefect worker start --type process` workers on this machine share the night against
a real Prefect server, and one of them is killed (kill -9, with its flow-run process) in the
middle of its part. Prefect marks the silent part Crashed, the parent's task retries it on
the other worker, and the warehouse ends with one run, closed once, every verdict right and
nothing loaded twice. Four small portals, each on its own loopback address."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import date, timedelta

import httpx
import pytest
import yaml
from sqlalchemy import func, select

from app.demo.site import serve
from app.localpg import free_port
from warehouse.db import make_engine
from warehouse.models import AuditRun, ColumnAudit, PortalRun

from .conftest import REPO, Pages

AS_OF = date(2025, 6, 30)
PREFECT = [sys.executable, "-m", "prefect"]
WAIT = 300.0  # seconds any one step may take on a busy machine before the test gives up (never a timed assertion)
SLOW = "/p1/b/index.html"  # the page the first part's crawl is stuck on when its worker is killed


class Site(Pages):
    """A portal whose ``SLOW`` page answers only once the test lets it."""

    def __init__(self) -> None:
        super().__init__()
        self.asked = threading.Event()  # a crawl is waiting for the slow page
        self.release = threading.Event()

    def response(self, path: str):
        if path == SLOW and not self.release.is_set():
            self.asked.set()
            self.release.wait(WAIT)
        return super().response(path)


def _portal(site: Site, n: int) -> tuple[dict, dict[tuple[str, str], str]]:
    """Portal ``p<n>``: a fresh column, a stale one and a blank one (the home page lists news)."""
    pid = f"p{n}"
    expected = {}
    columns = []
    for cid, newest, status in (("a", AS_OF - timedelta(days=3), "fresh"), ("b", AS_OF - timedelta(days=90), "stale"),
                                ("c", None, "empty")):
        rows = "" if newest is None else "".join(
            f'<li><a href="/{pid}/{cid}/{i}.html">关于做好第{i + 1}批重点工作的通知</a>'
            f"<span>{newest - timedelta(days=9 * i)}</span></li>" for i in range(5))
        site.add(f"/{pid}/{cid}/index.html",
                 f'<html><head><meta charset="utf-8"><title>栏目{cid}</title></head><body><h2>栏目{cid}</h2>'
                 f'<ul class="list">{rows or "<li>暂无信息</li>"}</ul></body></html>')
        columns.append({"id": cid, "path": [f"栏目{cid}"], "url": f"/{pid}/{cid}/index.html", "frequency": "每月更新"})
        expected[(pid, cid)] = status
    news = "".join(f'<li><a href="/{pid}/a/{i}.html">工作动态{i}</a><span>{AS_OF - timedelta(days=i)}</span></li>'
                   for i in range(3))
    site.add("/", f'<html><head><meta charset="utf-8"><title>门户{n}</title></head><body><ul>{news}</ul></body></html>')
    return {"id": pid, "name": f"门户{n}", "columns": columns}, expected


def _prefect(args: list[str], env: dict[str, str], timeout: float = WAIT) -> str:
    proc = subprocess.run(PREFECT + args, env=env, cwd=REPO, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"prefect {' '.join(args)} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc.stdout


def _until(what: str, check, timeout: float = WAIT, every: float = 0.5, alive: subprocess.Popen | None = None):
    """``check()``'s first truthy answer; fails saying ``what`` after ``timeout`` seconds, or at
    once when the process ``alive`` has exited."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = check()
        if got:
            return got
        if alive is not None and alive.poll() is not None:
            pytest.fail(f"gave up waiting for {what}: the night's flow run exited ({alive.returncode}):\n"
                        + (alive.stdout.read() if alive.stdout else ""))
        time.sleep(every)
    pytest.fail(f"gave up waiting for {what} after {timeout:.0f} s")


@pytest.fixture
def prefect_server(tmp_path):
    """A real Prefect server on loopback, with its triggers service (automations) running.
    Leases expired by a killed part are looked for every second, not 15."""
    port = free_port()
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home"),
           "PREFECT_API_URL": f"http://127.0.0.1:{port}/api", "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_WORKER_QUERY_SECONDS": "1", "PREFECT_FLOWS_HEARTBEAT_FREQUENCY": "30",
           "PREFECT_SERVER_SERVICES_REPOSSESSOR_LOOP_SECONDS": "1", "PORTAL_AUDIT_HOST_LEASE_SECONDS": "60",
           "PORTAL_AUDIT_HOME": str(REPO)}
    env.pop("PREFECT_API_KEY", None)
    with open(tmp_path / "server.log", "w") as log:  # the server writes to its own copy of the handle
        server = subprocess.Popen(PREFECT + ["server", "start", "--host", "127.0.0.1", "--port", str(port)],
                                  env=env, stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path)

    def healthy() -> bool:
        try:
            return httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    try:
        _until("the Prefect server", healthy)
        yield env
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=30)


def _part_runs(api: str) -> list[dict]:
    """Every flow run of the audit-part flow, oldest first."""
    response = httpx.post(f"{api}/flow_runs/filter", timeout=30, json={
        "flows": {"name": {"any_": ["audit-part"]}}, "sort": "EXPECTED_START_TIME_ASC"})
    response.raise_for_status()
    return sorted(response.json(), key=lambda r: r["created"])


def _beating(api: str, flow_run_id: str) -> bool:
    """Whether the server has a heartbeat of this flow run (Prefect's watch starts from one)."""
    response = httpx.post(f"{api}/events/filter", timeout=30, json={"limit": 1, "filter": {
        "event": {"name": ["prefect.flow-run.heartbeat"]}, "resource": {"id": [f"prefect.flow-run.{flow_run_id}"]}}})
    response.raise_for_status()
    return bool(response.json()["events"])


def _parent(pid: int) -> int:
    with open(f"/proc/{pid}/stat") as stat:  # "pid (comm) state ppid …", comm may hold spaces
        return int(stat.read().rsplit(")", 1)[1].split()[1])


def test_two_workers_share_a_national_night_and_a_killed_part_is_run_again(prefect_server, tmp_path):
    env = prefect_server
    api = env["PREFECT_API_URL"]
    sites, servers, portals, expected = [], [], [], {}
    for n in range(1, 5):
        site = Site()
        portal, truth = _portal(site, n)
        server, base = serve(site, host=f"127.0.0.{n}")  # a host each: the parts are cut by host
        server.handle_error = lambda *_: None  # the killed crawl's page, answered to no one
        sites.append(site)
        servers.append(server)
        portals.append({**portal, "base_url": base})
        expected.update(truth)
    catalog = tmp_path / "national.yaml"
    catalog.write_text(yaml.safe_dump({
        "allow_private_networks": True, "checks": {"links": "none", "content": False},
        "politeness": {"delay": 0.0, "concurrency_per_host": 2, "retries": 0, "timeout": WAIT},
        "portals": portals}, allow_unicode=True), encoding="utf-8")
    warehouse = f"sqlite:///{tmp_path / 'national.db'}"
    engine = make_engine(warehouse)
    workers: dict[str, subprocess.Popen] = {}
    night = None
    try:
        from prefect.workers.process import ProcessWorker

        httpx.post(f"{api}/work_pools/", timeout=30, json={
            "name": "portal-audit", "type": "process",
            "base_job_template": ProcessWorker.get_default_base_job_template()}).raise_for_status()
        # the workers and the night's flow run start (and import) while the part deployment is made
        # the workers keep Prefect's default heartbeat (180 s): the night gives its parts its own (30 s)
        worker_env = {k: v for k, v in env.items() if k != "PREFECT_FLOWS_HEARTBEAT_FREQUENCY"}
        for name in ("w1", "w2"):  # one part at a time each, as one machine each would
            with open(tmp_path / f"{name}.log", "w") as log:
                workers[name] = subprocess.Popen(
                    PREFECT + ["worker", "start", "--pool", "portal-audit", "--work-queue", "parts", "--type",
                               "process", "--limit", "1", "--name", name],
                    env=worker_env, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT)
        go = tmp_path / "go"
        script = f"""
import json, pathlib, time
from flows.audit import nightly_audit
while not pathlib.Path({str(go)!r}).exists():
    time.sleep(0.2)
state = nightly_audit(catalog={str(catalog)!r}, as_of="{AS_OF}", warehouse={warehouse!r}, data_docs=None,
                      reports=None, parts=2, shard_portals=1, return_state=True)
summary = state.result(raise_on_failure=False)
print(json.dumps({{"state": state.type.value, "name": state.name, "message": state.message,
                   "counts": getattr(summary, "counts", None),
                   "portals": [p.portal_id for p in getattr(summary, "portals", [])]}}))
"""
        night = subprocess.Popen([sys.executable, "-c", script], env=env, cwd=tmp_path, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, text=True)
        deployed = _prefect(["--no-prompt", "deploy", "--name", "audit-part"], env)  # as prefect.yaml has it
        assert "audit-part" in deployed

        def online() -> bool:
            response = httpx.post(f"{api}/work_pools/portal-audit/workers/filter", json={}, timeout=30)
            return {w["name"] for w in response.json() if w["status"] == "ONLINE"} >= {"w1", "w2"}

        _until("both workers online", online)
        go.touch()

        # part-01 (p1, p2) is stuck on p1's slow page; part-02 (p3, p4) runs through; p2, a shard
        # of its own, is loaded by part-01 before it is killed — and the night stays open
        _until("part-01 to ask for the slow page", lambda: sites[0].asked.is_set(), alive=night)

        def settled() -> dict | None:
            runs = {r["name"]: r for r in _part_runs(api)}
            first, second = runs.get(f"{AS_OF}-part-01"), runs.get(f"{AS_OF}-part-02")
            with engine.connect() as conn:
                loaded = dict(conn.execute(select(PortalRun.portal_id, PortalRun.loaded_at)).all())
            if first and first["infrastructure_pid"] and second and second["state_type"] == "COMPLETED" \
                    and "p2" in loaded and _beating(api, first["id"]):
                return {"part": first, "loaded": loaded}
            return None

        seen = _until("part-02 done, p2 loaded by part-01 and part-01 heard beating", settled, alive=night)
        with engine.connect() as conn:
            assert conn.execute(select(AuditRun.status)).scalar_one() == "running"  # no part closes the night
        part = seen["part"]
        assert part["parameters"]["portals"] == ["p1", "p2"] and part["state_type"] == "RUNNING"

        # kill -9 the worker running part-01, and its flow-run process
        child = int(str(part["infrastructure_pid"]).rsplit(":", 1)[-1])
        chain = [child]
        while chain[-1] not in {w.pid for w in workers.values()}:
            chain.append(_parent(chain[-1]))
            assert chain[-1] > 1, f"flow-run process {child} is not a worker's"
        killed = next(name for name, w in workers.items() if w.pid == chain[-1])
        assert part["labels"]["prefect.worker.name"] == killed
        for pid in chain:
            os.kill(pid, signal.SIGKILL)
        workers[killed].wait(timeout=30)
        sites[0].release.set()

        out, _ = night.communicate(timeout=3 * WAIT)
    finally:
        if night is not None and night.poll() is None:
            night.kill()
        for w in workers.values():
            if w.poll() is None:
                w.terminate()
                try:
                    w.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    w.kill()
        for site in sites:
            site.release.set()
        for server in servers:
            server.shutdown()
    logs = "".join((tmp_path / f"{name}.log").read_text()[-2000:] for name in ("w1", "w2"))
    assert night.returncode == 0, out + logs
    result = json.loads(out.strip().splitlines()[-1])
    assert (result["state"], result["name"]) == ("COMPLETED", "Completed"), out + logs
    assert result["counts"] == {"fresh": 4, "stale": 4, "empty": 4}
    assert result["portals"] == ["p1", "p2", "p3", "p4"]

    # Prefect marked the killed part Crashed (its heartbeats stopped) and ran it again on the other worker
    runs = _part_runs(api)
    by_part = {label: [r for r in runs if r["name"] == f"{AS_OF}-{label}"] for label in ("part-01", "part-02")}
    assert [r["state_type"] for r in by_part["part-01"]] == ["CRASHED", "COMPLETED"], runs
    assert [r["state_type"] for r in by_part["part-02"]] == ["COMPLETED"]
    assert all(r["job_variables"] == {"env": {"PREFECT_FLOWS_HEARTBEAT_FREQUENCY": "30"}} for r in runs)
    took = {r["labels"]["prefect.worker.name"] for r in runs}
    assert took == {"w1", "w2"}  # both workers took parts
    survivor = ({"w1", "w2"} - {killed}).pop()
    assert by_part["part-01"][1]["labels"]["prefect.worker.name"] == survivor

    # one run, closed once by the night's own flow run, every verdict right, nothing twice
    with engine.connect() as conn:
        run = conn.execute(select(AuditRun.status, AuditRun.portals, AuditRun.columns, AuditRun.message,
                                  AuditRun.flow_run_id)).one()
        stored = {(pid, cid): status for pid, cid, status in conn.execute(
            select(ColumnAudit.portal_id, ColumnAudit.column_id, ColumnAudit.status))}
        audits = conn.execute(select(func.count()).select_from(ColumnAudit)).scalar()
        loaded = dict(conn.execute(select(PortalRun.portal_id, PortalRun.loaded_at)).all())
    assert run.status == "complete" and (run.portals, run.columns) == (4, 12) and run.message is None
    assert run.flow_run_id not in {r["id"] for r in runs}  # the parent's, not a part's
    assert stored == expected and audits == 12
    assert set(loaded) == {"p1", "p2", "p3", "p4"}
    assert loaded["p2"] > seen["loaded"]["p2"]  # the killed attempt's load of p2, replaced by the retry's
