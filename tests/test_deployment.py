"""The Prefect way, for real: a Prefect server on loopback, deployments from prefect.yaml,
a process worker, an `audit-portal` run triggered with parameters through the API, and
its results read from the warehouse."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date

import httpx
import pytest
from sqlalchemy import select

from app.demo import build_site
from app.localpg import free_port
from portal_audit.catalog import load_catalog
from validations.rules import load_ruleset
from warehouse.db import make_engine
from warehouse.models import AuditRun, ColumnAudit

from .conftest import REPO

AS_OF = date(2025, 6, 30)
PREFECT = [sys.executable, "-m", "prefect"]


def _run(args, env, timeout=180):
    proc = subprocess.run(PREFECT + args, env=env, cwd=REPO, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"prefect {' '.join(args)} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc.stdout


@pytest.fixture
def prefect_server(tmp_path):
    port = free_port()
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home"), "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_WORKER_QUERY_SECONDS": "1",
           "PORTAL_AUDIT_HOME": str(REPO), "PREFECT_LOGGING_LEVEL": "WARNING"}
    env.pop("PREFECT_API_KEY", None)
    with open(tmp_path / "server.log", "w") as log:  # the server writes to its own copy of the handle
        server = subprocess.Popen(PREFECT + ["server", "start", "--host", "127.0.0.1", "--port", str(port)],
                                  env=env, stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path)
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.5)
    else:
        server.kill()
        pytest.fail("Prefect server did not start:\n" + (tmp_path / "server.log").read_text()[-3000:])
    yield env
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()


def test_deploy_from_prefect_yaml_and_run_audit_portal_through_a_worker(prefect_server, tmp_path):
    """The README's Prefect section as written: `portal-audit demo --serve` keeps the demo
    portal up where catalogs/demo.yaml says it is, and the deployed audit-portal audits it
    with the deployment's own catalog."""
    env = prefect_server
    portal = load_catalog(REPO / "catalogs" / "demo.yaml").portals[0]
    site = build_site(portal, load_ruleset(), AS_OF)  # what the served demo portal holds on that day
    served = subprocess.Popen([sys.executable, "-m", "app.cli", "demo", "--serve", "--as-of", AS_OF.isoformat()],
                              env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    worker = None
    try:
        assert "8700" in served.stdout.readline()  # serving, or it says why not
        _run(["work-pool", "create", "portal-audit", "--type", "process"], env)
        out = _run(["--no-prompt", "deploy", "--all"], env)
        assert "audit-portal" in out and "nightly-audit" in out
        ls = _run(["deployment", "ls"], env)
        assert "audit-portal/audit-portal" in ls and "import-catalog/import-catalog" in ls

        warehouse = f"sqlite:///{tmp_path / 'deployed.db'}"
        with open(tmp_path / "worker.log", "w") as worker_log:  # the worker writes to its own copy of the handle
            worker = subprocess.Popen(PREFECT + ["worker", "start", "--pool", "portal-audit", "--type", "process"],
                                      env=env, cwd=tmp_path, stdout=worker_log, stderr=subprocess.STDOUT)
        script = f"""
import json
from prefect.deployments import run_deployment
run = run_deployment("audit-portal/audit-portal", timeout=300, parameters={{
    "columns": ["c01", "c37", "c45", "c60"],
    "as_of": "2025-06-30", "warehouse": {warehouse!r}, "data_docs": None, "reports": None}})
print(json.dumps({{"state": run.state.type.value, "message": run.state.message}}))
"""
        proc = subprocess.run([sys.executable, "-c", script], env=env, cwd=tmp_path, capture_output=True, text=True,
                              timeout=400)
        assert proc.returncode == 0, proc.stderr[-3000:] + (tmp_path / "worker.log").read_text()[-3000:]
        assert '"state": "COMPLETED"' in proc.stdout, proc.stdout + (tmp_path / "worker.log").read_text()[-3000:]
    finally:
        served.terminate()
        served.wait(timeout=30)
        if worker:  # what was under test is asserted above; a worker slow to shut down is killed
            worker.terminate()
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait(timeout=30)
    engine = make_engine(warehouse)
    with engine.connect() as conn:
        stored = dict(conn.execute(select(ColumnAudit.column_id, ColumnAudit.status)).all())
        run = conn.execute(select(AuditRun.status, AuditRun.flow_run_id)).one()
    assert stored == {cid: site.truth[cid] for cid in ("c01", "c37", "c45", "c60")}
    assert run.status == "complete" and run.flow_run_id  # the deployed run recorded its Prefect flow-run id
