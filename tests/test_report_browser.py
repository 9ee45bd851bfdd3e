"""The HTML report of a demo run, rendered for real in headless Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import timedelta

import pytest

from portal_audit.catalog import dump_catalog, load_catalog
from portal_audit.demo import build_site, serve
from portal_audit.report import write_report
from validations.rules import load_ruleset
from warehouse.db import make_engine

from .conftest import AS_OF, REPO

pytestmark = pytest.mark.usefixtures("prefect_harness")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--virtual-time-budget=5000"]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    from flows.audit import nightly_audit

    tmp = tmp_path_factory.mktemp("report")
    url = f"sqlite:///{tmp / 'audit.db'}"
    catalog = load_catalog(REPO / "catalogs" / "demo.yaml")
    portal = catalog.portals[0]
    for as_of in (AS_OF - timedelta(days=30), AS_OF):  # two runs: a trend
        site = build_site(portal, load_ruleset(), as_of)
        server, base = serve(site)
        try:
            path = tmp / "catalog.yaml"
            path.write_text(dump_catalog(catalog.model_copy(update={"portals": [portal.model_copy(update={"base_url": base})]})),
                            encoding="utf-8")
            nightly_audit(catalog=str(path), as_of=as_of, warehouse=url, data_docs=None, reports=None)
        finally:
            server.shutdown()
    out = write_report(make_engine(url), AS_OF.isoformat(), "html", tmp / "report.html")
    return out


def test_report_is_self_contained_with_evidence_links(report):
    page = report.read_text(encoding="utf-8")
    assert "<script src=" not in page and "plotly.js v" in page  # plotly.js is inline, no CDN
    evidence = list((report.parent / "report_evidence").glob("*.html"))
    assert evidence and 'href="report_evidence/' in page
    assert "空白栏目9个" in page and "Scorecard by responsible unit" in page
    assert 'id="due-soon"' in page and 'id="late-messages"' in page and "关于殡葬惠民政策的咨询" in page
    findings = page.split('id="findings"')[1].split("</section>")[0]
    assert "党十九大" in findings and "342501********4215" in findings and 'href="report_evidence/' in findings
    assert "342501198803154215" not in page  # leaks stay masked


@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="chromium not installed (scripts/ensure-chromium.sh)")
def test_report_renders_in_headless_chromium(report, tmp_path):
    assert CHROMIUM, "chromium missing: scripts/ensure-chromium.sh should have installed it"
    profile = tmp_path / "profile"
    dom = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", report.as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    # the verdict cards, the charts drawn by plotly.js, and the tables are in the rendered page
    assert 'class="card fail"' in dom and "不合格" in dom and "互动回应差" in dom
    for chart in ("heatmap", "bars", "trend"):
        block = dom.split(f'id="{chart}"', 1)[1][:20000]
        assert "main-svg" in block, f"{chart} was not drawn"
    assert dom.count('<table class="problems">') == 1 and dom.count("<tr>") > 75
    shot = report.parent / "report.png"
    subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--window-size=1400,2200", f"--screenshot={shot}",
                    report.as_uri()], capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 50_000
    keep = os.environ.get("PORTAL_AUDIT_SCREENSHOT")
    if keep:
        shutil.copy(shot, keep)


def test_index_across_runs(report):
    from portal_audit.cli import main

    url = f"sqlite:///{report.parent / 'audit.db'}"
    assert main(["report", "--warehouse", url, "--run", "all", "--format", "html", "-o", str(report.parent / "index.html")]) == 0
    index = (report.parent / "index.html").read_text(encoding="utf-8")
    assert index.count('">report</a>') == 2 and "2025-05-31" in index and "2025-06-30" in index
    assert (report.parent / "index-2025-05-31.html").exists()
