"""What a newcomer and an analyst meet (issue 28): no pass without evidence, an outage on
our side never recorded as the portals' failure, readable tables, Chinese everywhere."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
import yaml
from sqlalchemy import text

from app.cli import main
from app.demo.site import serve
from warehouse.db import make_engine

from .conftest import AS_OF, Pages

DEAD = "http://127.0.0.1:9/"  # the discard port: nothing listens, the connection is refused
NAMES = {"news": "工作动态", "notice": "通知公告", "mail": "局长信箱"}


def _list(column: str) -> str:
    name = NAMES[column]
    rows = "".join(f"<li><a href='/{column}/{i}.html'>{name}第{i}条：关于开展安全生产检查工作的通知</a>"
                   f"<span>2025-06-{28 - i}</span></li>" for i in range(3))
    return (f"<html><head><title>{name}</title></head><body><div class='crumb'>当前位置：首页 > {name}</div>"
            f"<h2>{name}</h2><ul>{rows}</ul></body></html>")


def _portal(pid: str, base: str, consultation: bool = False) -> dict:
    columns = [{"id": "news", "path": ["工作动态"], "url": "/news/", "frequency": "及时更新"},
               {"id": "notice", "path": ["通知公告"], "url": "/notice/", "frequency": "及时更新"}]
    if consultation:
        columns.append({"id": "mail", "path": ["局长信箱"], "url": "/mail/", "frequency": "及时更新",
                        "category": "consultation"})
    return {"id": pid, "name": f"{pid}门户", "base_url": base, "columns": columns}


def _audit(tmp_path: Path, portals: list[dict], **top) -> tuple[int, str, str, str]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    catalog = tmp_path / "c.yaml"
    catalog.write_text(yaml.safe_dump({"allow_private_networks": True, "checks": {"links": "none"},
                                       "politeness": {"delay": 0, "retries": 0, "timeout": 5}, **top,
                                       "portals": portals}, allow_unicode=True), encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["audit", str(catalog), "--as-of", AS_OF.isoformat(), "--warehouse", url, "--data-docs", "",
                     "--reports", ""])
    return code, out.getvalue(), err.getvalue(), url


def _live(pages: Pages):
    pages.add("/", "<html><body><a href='/news/'>工作动态</a><a href='/notice/'>通知公告</a></body></html>")
    for column in NAMES:
        pages.add(f"/{column}/", _list(column))
    return serve(pages)


@pytest.fixture
def quick_canary(monkeypatch):
    import flows.canary

    monkeypatch.setattr(flows.canary, "PAUSE", 0.0)


def _statuses(url: str) -> dict[tuple[str, str], str]:
    with make_engine(url, create=False).connect() as conn:
        return {(p, c): s for p, c, s in conn.execute(text("SELECT portal_id, column_id, status FROM column_audits"))}


def _checks(url: str) -> dict[tuple[str, str], str]:
    with make_engine(url, create=False).connect() as conn:
        return {(p, i): o for p, i, o in conn.execute(text("SELECT portal_id, item, outcome FROM portal_checks"))}


def test_a_portal_of_which_nothing_was_read_passes_nothing(tmp_path, prefect_harness, quick_canary):
    """Item 1: auditing http://127.0.0.1:9/ printed 通过 for wording errors, personal data and
    stale columns. With no page read, no item passes; each says why. And a run whose only
    portal is dark, with no reference URL to tell whose network failed, is not green."""
    code, out, err, url = _audit(tmp_path, [_portal("dead", DEAD)])
    assert code == 1 and "未读到任何页面" in err and "reference_urls" in err
    assert "通过" not in out
    checks = _checks(url)
    assert checks and all(outcome == "unknown" for outcome in checks.values()), checks
    assert set(_statuses(url).values()) == {"error"}  # not 'unreachable': that would be the portal's finding
    with make_engine(url, create=False).connect() as conn:
        assert conn.execute(text("SELECT status FROM audit_runs")).scalar() == "failed"


def test_one_dead_portal_among_live_ones_stays_a_finding(tmp_path, prefect_harness, quick_canary):
    """Item 2: a single portal down while others answer is that portal's finding, as ever."""
    pages = Pages()
    server, base = _live(pages)
    try:
        code, out, err, url = _audit(tmp_path, [_portal("dead", DEAD, consultation=True), _portal("live", base)],
                                     reference_urls=[])
    finally:
        server.shutdown()
    assert code == 0, err
    statuses = _statuses(url)
    assert {s for (p, _), s in statuses.items() if p == "dead"} == {"unreachable"}
    assert {s for (p, _), s in statuses.items() if p == "live"} == {"fresh"}
    assert _checks(url)[("dead", "poor_response")] == "fail"  # its consultation channel is down: a finding

    # item 6: the run is in audit.db itself, not only in audit.db-wal: a copy of the file alone holds it
    import shutil

    alone = tmp_path / "copy" / "audit.db"
    alone.parent.mkdir()
    shutil.copyfile(tmp_path / "audit.db", alone)
    assert _statuses(f"sqlite:///{alone}") == statuses


def test_every_portal_dark_is_our_outage_unless_a_reference_answers(tmp_path, prefect_harness, quick_canary):
    """Item 2: every portal dark and the reference URL dark too: the auditing machine lost its
    network. Nothing is recorded as unreachable, every item is unknown, the run fails with
    one line. With the reference answering, the portals are down: that is their finding,
    and a run with every portal down is not green either."""
    code, _, err, url = _audit(tmp_path / "a", [_portal("a", DEAD, True), _portal("b", DEAD.replace(":9", ":7"))],
                               reference_urls=["http://127.0.0.1:13/"])
    assert code == 1 and "本机网络或DNS故障" in err and "参照网址（1个）也无法访问" in err
    assert len([line for line in err.splitlines() if line.startswith("portal-audit:")]) == 1
    assert set(_statuses(url).values()) == {"error"}
    assert set(_checks(url).values()) == {"unknown"}

    pages = Pages()
    server, base = _live(pages)
    try:
        code, _, err, url = _audit(tmp_path / "b", [_portal("a", DEAD, True), _portal("b", DEAD.replace(":9", ":7"))],
                                   reference_urls=[base])
    finally:
        server.shutdown()
    assert code == 1 and "均无法访问" in err
    assert set(_statuses(url).values()) == {"unreachable"}
    assert _checks(url)[("a", "poor_response")] == "fail"


def test_a_network_back_on_the_second_try_crawls_the_dark_portals_again(tmp_path, prefect_harness, quick_canary):
    """Item 2: the portals read nothing (a blip), the second try answers: they are crawled
    again and judged on what that crawl read."""

    class Blip(Pages):
        calls = 0

        def response(self, path: str):
            Blip.calls += 1
            if Blip.calls <= 3 + 2:  # robots.txt, home, two lists… the first crawl meets a broken network
                return b"", "text/plain", 503, {}
            return super().response(path)

    pages = Blip()
    server, base = _live(pages)
    try:
        code, out, err, url = _audit(tmp_path, [_portal("blip", base)])
    finally:
        server.shutdown()
    assert code == 0, err
    assert set(_statuses(url).values()) == {"fresh"}


# -- item 4: a portal that moves keeps one history ------------------------------------------
def test_a_portal_that_moves_keeps_one_history(warehouse_url):
    """http→https, a new port, a new www.: the same items, home links and messages stay one
    row each (the demo listed each late message once per port its server took)."""
    from datetime import timedelta

    from portal_audit.catalog import Column, Portal
    from portal_audit.records import ColumnCrawl, Item, Message
    from validations.rules import load_ruleset
    from validations.suite import validate
    from warehouse.load import finish_run, load_portal, start_run
    from warehouse.models import ConsultationMessage, HomeLink
    from warehouse.models import Item as ItemRow

    engine = make_engine(warehouse_url)
    for day, base in enumerate(("http://xc.gov.cn:8700/", "https://xc.gov.cn/", "https://www.xc.gov.cn:41234/")):
        portal = Portal(id="xc", name="宣城", base_url=base, columns=[
            Column(id="mail", path=["局长信箱"], url="/mail/", frequency="及时更新", category="consultation")])
        mail = ColumnCrawl("xc", "mail", base + "mail/", "ok",
                           (Item("关于低保的咨询", base + "mail/1.html?id=7", AS_OF),),
                           messages=(Message("关于低保的咨询", base + "mail/1.html?id=7",
                                             AS_OF - timedelta(days=200)),))
        as_of = AS_OF + timedelta(days=day)
        result = validate([mail], [portal], load_ruleset(), as_of)
        run_id = start_run(engine, as_of, "national-2019@1")
        load_portal(engine, run_id, portal, [mail], result, None, (Item("政务公开", base + "zwgk/", None),))
        finish_run(engine, run_id, ok=True)
    with engine.connect() as conn:
        for model in (ItemRow, HomeLink, ConsultationMessage):
            rows = conn.execute(text(f"SELECT url, first_seen_run, last_seen_run FROM {model.__tablename__}")).all()
            assert len(rows) == 1, (model.__tablename__, rows)
            url, first, last = rows[0]
            assert url.startswith("https://www.xc.gov.cn:41234/") and first < last  # as last seen, seen since the first


def test_the_upgrade_merges_a_history_a_move_had_duplicated(tmp_path):
    """A warehouse written before the keys (schema 0006) with the demo's message stored
    once per port: the upgrade keeps one row, first seen on the first night."""
    from warehouse.schema import upgrade

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = sa_engine(url)
    upgrade(engine, "0006")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO portals VALUES "
                          "('xc', '宣城', 'http://127.0.0.1:40003/', '2025-06-28', '2025-06-30')"))
        for night, port in ((28, 40001), (29, 40002), (30, 40003)):
            conn.execute(text("INSERT INTO consultation_messages VALUES ('xc', 'mail', :u, '咨询', '2025-01-02', NULL, "
                              "'unanswered', :r, :r)"),
                         dict(u=f"http://127.0.0.1:{port}/mail/1.html", r=f"2025-06-{night}"))
            conn.execute(text("INSERT INTO items (portal_id, column_id, url, title, published_on, pinned, "
                              "first_seen_run, last_seen_run) "
                              "VALUES ('xc', 'mail', :u, '咨询', '2025-01-02', 0, :r, :r)"),
                         dict(u=f"http://127.0.0.1:{port}/mail/1.html", r=f"2025-06-{night}"))
    upgrade(engine)
    with engine.connect() as conn:
        for table in ("consultation_messages", "items"):
            rows = conn.execute(text(f"SELECT url_key, url, first_seen_run, last_seen_run FROM {table}")).all()
            assert [tuple(r) for r in rows] == [("/mail/1.html", "http://127.0.0.1:40003/mail/1.html", "2025-06-28",
                                                 "2025-06-30")], table


def sa_engine(url: str):
    from sqlalchemy import create_engine

    return create_engine(url)


# -- item 5: tables an analyst can read ----------------------------------------------------
def test_the_tables_and_views_read_in_chinese_with_names(tmp_path, prefect_harness, quick_canary):
    """Message keys stay for programs; beside them the same reasons written out in Chinese,
    and every evaluation view names the portal."""
    pages = Pages()
    server, base = _live(pages)
    try:
        code, _, err, url = _audit(tmp_path, [_portal("live", base), _portal("dead", DEAD)])
    finally:
        server.shutdown()
    assert code == 0, err
    with make_engine(url, create=False).connect() as conn:
        detail, detail_text = conn.execute(text(
            "SELECT detail, detail_text FROM column_audits WHERE portal_id = 'dead'")).first()
        assert detail.startswith("[[") and "连接" in detail_text and "[" not in detail_text
        reason_text = conn.execute(text("SELECT reason_text FROM portal_checks WHERE portal_id = 'dead' "
                                        "AND item = 'columns_not_updated'")).scalar()
        assert reason_text.startswith("栏目不更新") and "{" not in reason_text
        reasons_text = conn.execute(text("SELECT reasons_text FROM portal_verdicts WHERE portal_id = 'live'")).scalar()
        assert "$msg" not in reasons_text
        for view in ("v_latest_column_status", "v_portal_scorecard", "v_unit_scorecard", "v_column_trend",
                     "v_portal_checks", "v_due_soon", "v_broken_links"):
            columns = conn.execute(text(f"SELECT * FROM {view}")).keys()
            assert "portal_name" in columns, view
        names = {r[0] for r in conn.execute(text("SELECT portal_name FROM v_portal_scorecard"))}
        assert names == {"live门户", "dead门户"}


def test_make_demo_three_times_lists_each_message_once(tmp_path, prefect_harness):
    """Item 4: after three `make demo` runs each late message of the 局长信箱 was listed three
    times in every report, once per port the demo server took."""
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    for _ in range(3):
        with contextlib.redirect_stdout(io.StringIO()) as out:
            assert main(["demo", "--as-of", AS_OF.isoformat(), "--warehouse", url, "--data-docs", "",
                         "--reports", ""]) == 0
    with make_engine(url, create=False).connect() as conn:
        messages = conn.execute(text("SELECT title, COUNT(*) FROM consultation_messages GROUP BY title")).all()
        items = conn.execute(text("SELECT COUNT(*), COUNT(DISTINCT url_key) FROM items")).one()
    assert messages and all(n == 1 for _, n in messages), messages
    assert items[0] == items[1]
    for fmt in ("md", "csv", "xlsx", "html", "docx"):  # every format, in Chinese, from the same run
        with contextlib.redirect_stdout(io.StringIO()):
            assert main(["report", "--warehouse", url, "--format", fmt, "-o", str(tmp_path / f"r.{fmt}")]) == 0
        assert (tmp_path / f"r.{fmt}").stat().st_size > 1000, fmt
    from docx import Document

    assert "政府网站检查情况通报" in [p.text for p in Document(str(tmp_path / "r.docx")).paragraphs]
    assert "栏目" in (tmp_path / "r.html").read_text(encoding="utf-8")
    report = tmp_path / "r.md"
    shown = report.read_text(encoding="utf-8")
    late = [title for title, _ in messages if title in shown]
    rows = [line for line in shown.splitlines() if "局长信箱" in line]  # the late-message table: a row each
    assert late and all(sum(title in row for row in rows) == 1 for title in late), rows
    # item 10: the CLI's verdict lines name the columns, as the reports do, not their ids (c06)
    import re

    verdicts = [line for line in out.getvalue().splitlines() if line.startswith("  - ")]
    assert verdicts and not [line for line in verdicts if re.search(r"\bc\d{2}\b", line)], verdicts
    assert any(" › " in line for line in verdicts)


def test_a_findings_sentence_is_its_own_block_not_the_menus_before_it():
    """Item 11: the sentence around a wording error ran on from the navigation text before
    it; it is now the sentence in the text block the error sits in."""
    from validations.content import PageScan, load_lexicon

    nav = "首页 政务公开 政策文件 通知公告 工作动态 互动交流 办事服务 信息公开目录 机构概况 领导信息"
    article = "会议强调，要深入学习贯彻党十九大精神，推动工作落实。"
    scan = PageScan(load_lexicon(), 0, True)
    scan.page("http://x.gov.cn/a.html", None, f"{nav} {article} 版权所有 宣城市民政局",
              lambda: [("div", nav), ("p", article), ("div", "版权所有 宣城市民政局")], lambda: [])
    sentences = [f.sentence for f in scan.findings()]
    assert sentences == [article]
