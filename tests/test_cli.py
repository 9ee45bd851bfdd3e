"""The ``portal-audit`` command line, as users type it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from app.cli import main
from portal_audit.catalog import load_catalog

from .conftest import AS_OF, DATA, REPO


def test_catalog_import_of_seed_003(tmp_path, capsys):
    out = tmp_path / "c.yaml"
    assert main(["catalog", "import", str(DATA / "seed003_xcmz_2024.txt"), "-o", str(out), "--portal-id", "xcmz"]) == 0
    captured = capsys.readouterr()
    assert "75个栏目" in captured.out and "row 60" in captured.err  # the garbled row is pointed out
    cols = load_catalog(out).portals[0].columns
    assert len(cols) == 75
    assert [c.path for c in cols[:2]] == [["政策法規", "部門文件"], ["政策法規", "規范性文件發布"]]
    assert cols[14].path == ["財政資金", "年度部門預決算及“三公”經費情況", "本部門預算"]
    assert cols[55].responsible == "誰承辦誰更新"
    assert all("(" not in "".join(c.path) or "老年人福利" in "".join(c.path) for c in cols)  # pinyin notes gone


def test_extract_json_follows_pagination(site, capsys):
    pages, base = site
    for p in range(2):
        rows = "".join(f'<li><a href="./t{p}{i}.html">第{p}页工作动态第{i}条</a>'
                       f'<span>2025-06-{10 + i - p:02d}</span></li>' for i in range(3))
        pages.add(f"/col/x/{'index' if p == 0 else 'index_1'}.html",
                  f'<html><body><ul>{rows}</ul><script>createPageHTML(2, {p}, "index", "html");</script></body></html>')
    assert main(["extract", base + "col/x/index.html", "--json", "--allow-private-networks", "--delay", "0",
                 "--as-of", AS_OF.isoformat()]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["items"]) == 6 and len(data["pages"]) == 2 and data["newest"] == "2025-06-12"


def test_extract_refuses_loopback_by_default(site, capsys):
    pages, base = site
    pages.add("/a.html", "<html></html>")
    assert main(["extract", base + "a.html"]) == 1
    assert "allow_private_networks" in capsys.readouterr().out and pages.hits == []


def test_audit_with_a_malformed_catalog_names_the_line(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("portals:\n  - id: p\n    name: x\n    base_url: http://x.gov.cn/\n    columns:\n"
                   "      - {id: a, path: [工作动态], url: /a/, frequency: 有空再更}\n", encoding="utf-8")
    assert main(["audit", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:6:" in err and "frequency" in err and "有空再更" in err


def test_reports_from_the_warehouse(tmp_path, capsys):
    from tests.test_warehouse import _crawls, _load
    from warehouse.db import make_engine

    url = f"sqlite:///{tmp_path / 'w.db'}"
    _load(make_engine(url), _crawls())
    for fmt in ("md", "csv", "html"):
        out = tmp_path / f"r.{fmt}"
        assert main(["report", "--warehouse", url, "--run", "latest", "--format", fmt, "-o", str(out)]) == 0
    md = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "| 已更新(fresh) | 1 |" in md and "| 无法访问(unreachable) | 1 |" in md and "工作动态" in md
    csv = (tmp_path / "r.csv").read_text(encoding="utf-8-sig").splitlines()
    assert csv[0].startswith("网站,栏目代码,栏目,状态,最近更新") and len(csv) == 3
    assert csv[1].split(",")[3] == "无法访问(unreachable)"  # worst first
    assert csv[2].split(",")[4] == "2025年6月20日" and csv[1].split(",")[-1] == "HTTP 404"
    # --codes: the stable header scripts read, whatever the language
    assert main(["report", "--warehouse", url, "--format", "csv", "--codes", "-o", str(tmp_path / "c.csv")]) == 0
    codes = (tmp_path / "c.csv").read_text(encoding="utf-8-sig").splitlines()
    assert (codes[0].startswith("portal_id,column_id,path,status,last_published_on")
            and codes[1].split(",")[3] == "unreachable")
    assert codes[2].split(",")[4] == "2025-06-20"
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert ('<b>1</b> 已更新(fresh)</div>' in page and 'class="card unknown"' in page
            and "nan" not in page.split("</script>")[-1])
    assert "无法判定</span> 站点无法访问" in page and "检查前一周无首页监测记录" in page  # no probes: not judged
    assert main(["report", "--warehouse", url, "--format", "xlsx", "-o", str(tmp_path / "r.xlsx")]) == 0
    import openpyxl

    assert openpyxl.load_workbook(tmp_path / "r.xlsx").sheetnames == [
        "栏目检查结果", "单项否决结论", "单项否决指标", "监管指标", "安全监测", "负责科室统计", "趋势", "即将超期",
        "超期未答复留言", "站点可用性", "表述错误与信息泄露", "不可用链接"]
    assert main(["report", "--warehouse", url, "--format", "xlsx", "--codes", "-o", str(tmp_path / "c.xlsx")]) == 0
    book = openpyxl.load_workbook(tmp_path / "c.xlsx")
    assert book.sheetnames[:3] == ["columns", "verdicts", "checks"]
    assert [c.value for c in book["columns"][1]][:4] == ["portal_id", "column_id", "path", "status"]
    assert main(["report", "--warehouse", url, "--format", "csv", "--status", "fresh",
                 "-o", str(tmp_path / "f.csv")]) == 0
    assert len((tmp_path / "f.csv").read_text(encoding="utf-8-sig").splitlines()) == 2  # header + the fresh column
    assert main(["report", "--warehouse", url, "--run", "1999-01-01", "--format", "md", "-o", str(tmp_path / "x")]) == 2


def test_demo_command_end_to_end(tmp_path):
    """The README's main job: serve the demo portal, audit it through Prefect, leave audit.db."""
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"),
           "PORTAL_AUDIT_WAREHOUSE": f"sqlite:///{tmp_path / 'audit.db'}"}
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.run([sys.executable, "-m", "app.cli", "demo", "--as-of", "2025-06-30"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-3000:]
    # the demo portal's 76 columns and its two small siblings' 8 (for the supervision indicators)
    assert ("共84个栏目：" in proc.stdout and "核对预设结果：84/84" in proc.stdout
            and "超期未答复留言找到2/2条" in proc.stdout)
    # each supervision indicator fails, warns and passes somewhere, as planted
    for portal in ("xcmz-demo", "xcjy-demo", "xczf-demo"):
        line = next(x for x in proc.stdout.splitlines() if x.startswith(f"{portal}监管指标："))
        assert line.endswith("与预设均已发现"), line
    # all five single-veto items judged: a simulated week of probes, the home page, columns, blanks, the mailbox
    for line in ("预警 站点无法访问：一周内首页13/336次访问失败", "通过 首页不更新", "否决 栏目不更新", "否决 空白栏目",
                 "否决 互动回应差", "否决 严重表述错误：1处严重：“党十九大”（应为党的十九大）", "否决 个人信息泄露",
                 "预设不可用链接找到3/3个", "预设的表述错误与信息泄露均已发现"):
        assert line in proc.stdout, proc.stdout[-2500:]
    # the script-drawn columns: lists in comments, JPaaS units read from their API, one template's
    # JSON-drawn lists rendered once, the other five (its blank one too) read through their own API
    assert re.search(r"列表读取方式：静态页面\d+个、页面内嵌数据5个、平台接口11个、浏览器渲染1个",
                     proc.stdout), proc.stdout[-1500:]
    assert (tmp_path / "audit.db").exists()


def _left_behind(prefect_home: Path) -> list[int]:
    """Process ids of whatever still runs with this PREFECT_HOME (Linux /proc): the command's
    temporary Prefect API server (forked from it, or a ``python -m uvicorn``), its crawl's
    processes, anything it started."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and int(proc.name) != os.getpid() \
                    and f"PREFECT_HOME={prefect_home}\0".encode() in (proc / "environ").read_bytes() \
                    and (proc / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z":  # not a zombie
                found.append(int(proc.name))
        except OSError:  # gone meanwhile, or not ours to read
            pass
    return found


def test_kill_9_during_an_audit_run_then_a_clean_next_run(tmp_path):
    """`portal-audit audit` killed mid-crawl: the warehouse shows the run as never finished
    and holds no half portal; the next run, on the same Prefect home, gets the killed run's
    host once its lease has ended and completes normally."""
    import signal
    import time

    from sqlalchemy import func, select

    from app.demo import build_site, serve
    from portal_audit.catalog import dump_catalog
    from validations.rules import load_ruleset
    from warehouse.db import make_engine
    from warehouse.models import AuditRun, ColumnAudit

    catalog = load_catalog(REPO / "catalogs" / "demo.yaml")
    portal = catalog.portals[0]
    site = build_site(portal, load_ruleset(), AS_OF)

    class Slow:  # every page takes 0.3 s: the crawl is long enough to be killed in
        delay = 0.3

        def response(self, path):
            time.sleep(self.delay)
            return site.response(path)

    slow = Slow()
    server, base = serve(slow)
    path = tmp_path / "c.yaml"
    slow_catalog = catalog.model_copy(update={
        "portals": [portal.model_copy(update={"base_url": base})],
        "politeness": catalog.politeness.model_copy(update={"concurrency_per_host": 2})})
    path.write_text(dump_catalog(slow_catalog), encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'a.db'}"
    # the shortest host lease Prefect allows: the killed run's host is free again within it
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "PORTAL_AUDIT_HOST_LEASE_SECONDS": "60"}
    env.pop("PREFECT_API_URL", None)
    args = [sys.executable, "-m", "app.cli", "audit", str(path), "--as-of", "2025-06-30", "--warehouse", url,
            "--data-docs", "", "--reports", ""]
    try:
        proc = subprocess.Popen(args, env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True)
        deadline = time.time() + 120
        for line in proc.stdout:  # wait until the crawl is under way
            if "开始检查：1个网站" in line or time.time() > deadline:
                break
        time.sleep(3)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        # the temporary Prefect API server the command started dies with it, not orphaned
        deadline = time.time() + 30
        while _left_behind(tmp_path / "prefect") and time.time() < deadline:
            time.sleep(0.2)
        assert not _left_behind(tmp_path / "prefect"), "the killed command left its Prefect API server running"
        engine = make_engine(url)
        with engine.connect() as conn:
            assert conn.execute(select(AuditRun.status)).scalar() == "running"
            assert conn.execute(select(func.count()).select_from(ColumnAudit)).scalar() == 0
        # run again on the same Prefect home: the killed run's host slot is still taken (its
        # server died with it, and Prefect's repossessor does not run in a temporary one); the
        # new run says it waits, and its server gives the slot back once the lease has ended
        slow.delay = 0
        done = subprocess.run(args, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]  # before: it waited forever
        assert "另一检查批次正在抓取1个主机" in done.stdout + done.stderr, "the wait for the held host went unsaid"
    finally:
        server.shutdown()
    with engine.connect() as conn:
        assert conn.execute(select(AuditRun.status)).scalar() == "complete"
        stored = dict(conn.execute(select(ColumnAudit.column_id, ColumnAudit.status)).all())
    assert stored == site.truth


def test_every_test_the_readme_names_exists():
    """The README's security table names the test covering each attack: a renamed or removed
    test must not leave the table pointing at nothing."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    named, module = [], None
    for given, name in re.findall(r"`((?:test_\w+\.py)?)::(\w+)`", (root / "README.md").read_text(encoding="utf-8")):
        module = given or module
        named.append((module, name))
    assert len(named) >= 20
    missing = [(m, n) for m, n in named if f"def {n}(" not in (root / "tests" / m).read_text(encoding="utf-8")]
    assert missing == []
