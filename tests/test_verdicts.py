"""The national single-veto items (国办秘函〔2019〕19号), each at its boundary."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from portal_audit.catalog import Column, Portal
from portal_audit.records import ColumnCrawl, ColumnVerdict, Item, Message
from validations.rules import load_ruleset
from validations.suite import validate
from validations.verdicts import Availability, HomeEvidence, SiteEvidence, home_evidence, late_messages, portal_verdict

NATIONAL = load_ruleset()
AS_OF = date(2025, 6, 30)
WEEK = [AS_OF - timedelta(days=d) for d in range(7, 0, -1)]


def check(v, item):
    return next(c for c in v.checks if c.item == item)


def _verdict(cid, status, days=None, allowed=14, category="news"):
    newest = AS_OF - timedelta(days=days) if days is not None else None
    return ColumnVerdict("p", cid, status, "timely", category, allowed, newest, days, 3)


def _portal(cols):
    return Portal(id="p", name="p", base_url="http://x.gov.cn/", columns=cols)


def _news(i, **kw):
    return Column(id=f"n{i}", path=["工作动态"], url="/x", frequency="及时更新", **kw)


def _probes(failed: int, per_day: int = 48, thin_day: int | None = None) -> Availability:
    days = dict.fromkeys(WEEK, per_day)
    if thin_day is not None:
        days[WEEK[3]] = thin_day
    return Availability(sum(days.values()), failed, days)


# -- 栏目不更新 and 空白栏目 -------------------------------------------------------------

def _site(n_news_stale=0, n_blank=0, n_stale_notice=0):
    cols, crawls = [], []
    for i in range(n_news_stale):
        cols.append(_news(i))
        crawls.append(ColumnCrawl("p", f"n{i}", "u", "ok", (Item("t", f"u{i}", AS_OF - timedelta(days=15)),)))
    for i in range(n_blank):
        cols.append(Column(id=f"b{i}", path=["通知公告"], url="/x", frequency="及时更新"))
        crawls.append(ColumnCrawl("p", f"b{i}", "u", "ok", (), empty_marker=True))
    for i in range(n_stale_notice):
        cols.append(Column(id=f"s{i}", path=["通知公告"], url="/x", frequency="每月更新"))
        crawls.append(ColumnCrawl("p", f"s{i}", "u", "ok", (Item("t", f"s{i}", AS_OF - timedelta(days=40)),)))
    portal = _portal(cols)
    return portal, validate(crawls, [portal], NATIONAL, AS_OF).verdicts


@pytest.mark.parametrize("kw,item,outcome,reason", [
    ({"n_news_stale": 4}, "columns_not_updated", "warn", None),
    ({"n_news_stale": 5}, "columns_not_updated", "fail",
     "动态要闻类栏目超过2周未更新、一级通知公告与政策文件类栏目超过6个月未更新，累计5个"),
    ({"n_blank": 4}, "blank_columns", "warn", None),
    ({"n_blank": 5}, "blank_columns", "fail", "空白栏目5个"),
    ({"n_stale_notice": 9}, "columns_not_updated", "warn", None),
    ({"n_stale_notice": 10}, "columns_not_updated", "fail", "应更新但长期未更新的栏目10个"),
])
def test_column_items_at_their_boundaries(kw, item, outcome, reason):
    portal, verdicts = _site(**kw)
    v = portal_verdict(portal, verdicts, NATIONAL, AS_OF, home_reachable=True)
    c = check(v, item)
    assert c.outcome == outcome, c
    if reason:
        assert reason in c.reason and c.line in v.reasons and v.verdict == "fail"


def test_veto_rule_one_counts_news_and_first_level_notices_only():
    """栏目不更新 rule 1 as written: personnel/planning columns and second-level notice/policy
    columns a year old do not count towards its 5 (they are stale, rule 2's business)."""
    old = AS_OF - timedelta(days=400)
    cols = ([Column(id=f"r{i}", path=["人事信息"], url="/x", frequency="及时更新", category="personnel")
             for i in range(2)]
            + [Column(id=f"g{i}", path=["规划计划"], url="/x", frequency="及时更新", category="planning")
               for i in range(2)]
            + [Column(id=f"s{i}", path=["政策法规", "部门文件"], url="/x", frequency="及时更新", category="policy")
               for i in range(2)]
            + [Column(id="t0", path=["通知公告"], url="/x", frequency="及时更新", category="notice")])
    crawls = [ColumnCrawl("p", c.id, "u", "ok", (Item("t", f"u{c.id}", old),)) for c in cols]
    portal = _portal(cols)
    v = portal_verdict(portal, validate(crawls, [portal], NATIONAL, AS_OF).verdicts, NATIONAL, AS_OF, True)
    assert v.veto_class_columns == ("t0",)  # only the first-level notice column
    assert check(v, "columns_not_updated").outcome == "pass"
    assert set(v.stale_columns) == {c.id for c in cols}  # all 7 are stale all the same
    more = cols + [_news(i) for i in range(4)]
    crawls += [ColumnCrawl("p", f"n{i}", "u", "ok", (Item("t", f"n{i}", AS_OF - timedelta(days=15)),))
               for i in range(4)]
    portal = portal.model_copy(update={"columns": more})
    v = portal_verdict(portal, validate(crawls, [portal], NATIONAL, AS_OF).verdicts, NATIONAL, AS_OF, True)
    assert check(v, "columns_not_updated").outcome == "fail" and "累计5个" in check(v, "columns_not_updated").reason


def test_periodic_columns_are_held_to_their_own_allowance_in_the_veto_count():
    cols = [Column(id=f"q{i}", path=["决策部署落实情况"], url="/x", frequency="季度更新") for i in range(5)]
    crawls = [ColumnCrawl("p", f"q{i}", "u", "ok", (Item("t", f"u{i}", AS_OF - timedelta(days=40)),)) for i in range(5)]
    portal = _portal(cols)
    verdicts = validate(crawls, [portal], NATIONAL, AS_OF).verdicts
    assert {v.status for v in verdicts} == {"fresh"}
    v = portal_verdict(portal, verdicts, NATIONAL, AS_OF, True)
    assert check(v, "columns_not_updated").outcome == "pass"  # 40 days is within a quarter


def test_items_without_a_visible_date_count_as_not_updated():
    """未注明信息发布时间的视为不更新: a list whose items show no date, on the list or on
    their pages, is stale and counts towards rule 1's five."""
    cols = [_news(i) for i in range(5)]
    crawls = [ColumnCrawl("p", f"n{i}", "u", "ok", (Item("无日期", f"u{i}", None), Item("无日期2", f"v{i}", None)))
              for i in range(5)]
    portal = _portal(cols)
    verdicts = validate(crawls, [portal], NATIONAL, AS_OF).verdicts
    assert {v.status for v in verdicts} == {"stale"}
    assert "column.undated" in {m.key for m in verdicts[0].notes} and verdicts[0].days_since_update is None
    v = portal_verdict(portal, verdicts, NATIONAL, AS_OF, True)
    assert check(v, "columns_not_updated").outcome == "fail" and len(v.veto_class_columns) == 5


def test_an_explanatory_note_is_not_blank_a_bare_placeholder_is():
    cols = [Column(id="note", path=["行政处罚"], url="/x", frequency="及时更新"),
            Column(id="bare", path=["行政许可"], url="/x", frequency="及时更新")]
    crawls = [ColumnCrawl("p", "note", "u", "ok", (), empty_marker=True, note="说明：本机关无此类信息"),
              ColumnCrawl("p", "bare", "u", "ok", (), empty_marker=True)]
    verdicts = {v.column_id: v for v in validate(crawls, [_portal(cols)], NATIONAL, AS_OF).verdicts}
    assert verdicts["note"].status == "exempt" and "本机关无此类信息" in verdicts["note"].detail
    assert verdicts["bare"].status == "empty" and "column.placeholder" in {m.key for m in verdicts["bare"].notes}


# -- 站点无法访问 ---------------------------------------------------------------------------

@pytest.mark.parametrize("failed,outcome", [
    (17, "fail"),  # 17 / 336 = 5.06 %
    (16, "warn"),  # 4.76 %
    (11, "warn"),  # 3.27 %
    (10, "pass"),  # 2.98 %
])
def test_availability_over_a_week_of_probes(failed, outcome):
    v = portal_verdict(_portal([_news(0)]), [_verdict("n0", "fresh", 1)], NATIONAL, AS_OF,
                       evidence=SiteEvidence(HomeEvidence(True, AS_OF), _probes(failed)))
    assert check(v, "site_unreachable").outcome == outcome


def test_availability_exactly_five_and_three_percent():
    five = Availability(20 * 7, 7, dict.fromkeys(WEEK, 20))  # 7 / 140 = 5 % exactly
    three = Availability(100 * 7, 21, dict.fromkeys(WEEK, 100))  # 21 / 700 = 3 % exactly
    assert check(_av(five), "site_unreachable").outcome == "fail"
    assert check(_av(three), "site_unreachable").outcome == "warn"


def _av(a):
    return portal_verdict(_portal([_news(0)]), [_verdict("n0", "fresh", 1)], NATIONAL, AS_OF,
                          evidence=SiteEvidence(HomeEvidence(True, AS_OF), a))


def test_too_few_probes_never_pass():
    thin = _av(_probes(0, thin_day=19))
    c = check(thin, "site_unreachable")
    assert c.outcome == "unknown" and "最少19次" in c.reason
    assert thin.verdict == "unknown" and not thin.passed  # everything else passes: still not a pass
    enough = _av(_probes(0, per_day=20))
    assert check(enough, "site_unreachable").outcome == "pass"
    none = portal_verdict(_portal([_news(0)]), [_verdict("n0", "fresh", 1)], NATIONAL, AS_OF, home_reachable=True)
    assert (check(none, "site_unreachable").outcome == "unknown"
            and "probe-homes" in check(none, "site_unreachable").reason)


# -- 首页不更新 -------------------------------------------------------------------------------

@pytest.mark.parametrize("days,outcome", [(14, "pass"), (15, "fail")])
def test_home_page_own_items(days, outcome):
    home = HomeEvidence(True, AS_OF - timedelta(days=days), None, 8)
    v = portal_verdict(_portal([_news(0)]), [_verdict("n0", "fresh", 1)], NATIONAL, AS_OF,
                       evidence=SiteEvidence(home))
    assert check(v, "home_not_updated").outcome == outcome


@pytest.mark.parametrize("days,outcome", [(14, "pass"), (15, "fail")])
def test_home_page_flagged_columns_are_a_hint(days, outcome):
    cols = [_news(0, home_page=True)]
    v = portal_verdict(_portal(cols), [_verdict("n0", "fresh" if days <= 14 else "stale", days)], NATIONAL, AS_OF,
                       home_reachable=True)
    assert check(v, "home_not_updated").outcome == outcome


def test_home_page_links_new_since_an_earlier_run_are_an_update():
    items = [Item("旧闻一则标题", "http://x.gov.cn/art/1.html", None),
             Item("新闻一则标题", "http://x.gov.cn/art/2.html", None)]
    first_run = {"http://x.gov.cn/art/1.html": "2025-06-01"}
    assert home_evidence(True, items, {}, AS_OF).changed_on is None  # a first run sees no change
    assert home_evidence(True, items, first_run, AS_OF).changed_on == AS_OF  # art/2 is new today
    later = {**first_run, "http://x.gov.cn/art/2.html": "2025-06-10"}
    assert home_evidence(True, items, later, AS_OF).changed_on == date(2025, 6, 10)
    same_day = dict.fromkeys(("http://x.gov.cn/art/1.html", "http://x.gov.cn/art/2.html"), "2025-06-30")
    assert home_evidence(True, items, same_day, AS_OF).changed_on is None  # re-running the first day
    stale = home_evidence(True, items, later, AS_OF)  # new link 20 days ago, nothing dated: not updated
    v = portal_verdict(_portal([_news(0)]), [_verdict("n0", "fresh", 1)], NATIONAL, AS_OF, evidence=SiteEvidence(stale))
    assert check(v, "home_not_updated").outcome == "fail" and "2025年6月10日" in check(v, "home_not_updated").reason


def test_navigation_only_home_page_is_judged_by_its_second_level_pages():
    nav = SiteEvidence(HomeEvidence(True))
    cols = [_news(0), _news(1)]
    updated = portal_verdict(_portal(cols), [_verdict("n0", "stale", 30), _verdict("n1", "fresh", 14)], NATIONAL, AS_OF,
                             evidence=nav)
    assert check(updated, "home_not_updated").outcome == "pass"
    idle = portal_verdict(_portal(cols), [_verdict("n0", "stale", 30), _verdict("n1", "stale", 15)], NATIONAL, AS_OF,
                          evidence=nav)
    c = check(idle, "home_not_updated")
    assert c.outcome == "fail" and "导航入口" in c.reason


# -- 互动回应差 --------------------------------------------------------------------------------

def _mailbox(messages, status="exempt"):
    cols = [Column(id="mail", path=["互动交流", "局长信箱"], url="/m", frequency="及时更新", category="consultation")]
    return portal_verdict(_portal(cols), [_verdict("mail", status, None, None, "consultation")], NATIONAL, AS_OF,
                          evidence=SiteEvidence(HomeEvidence(True, AS_OF), messages={"mail": tuple(messages)}))


def test_a_message_answered_exactly_three_months_later_is_in_time():
    asked = date(2025, 1, 15)
    on_time = Message("咨询一", "u1", asked, date(2025, 4, 15), "answered")
    late = Message("咨询二", "u2", asked, date(2025, 4, 16), "answered")
    assert check(_mailbox([on_time]), "poor_response").outcome == "pass"
    v = _mailbox([on_time, late])
    c = check(v, "poor_response")
    assert c.outcome == "fail" and "咨询二" in c.reason and "2025年1月15日" in c.reason and "2025年4月16日" in c.reason
    assert [x.message.url for x in v.late_messages] == ["u2"]


def test_unanswered_messages_over_three_months_within_the_year():
    waiting = Message("未回复", "w", AS_OF - timedelta(days=91), None, "unanswered")  # asked 2025-03-31
    assert late_messages({"m": (waiting,)}, AS_OF) == []  # 3 months from 03-31 is 06-30: not more than 3 months
    older = Message("未回复", "w2", date(2025, 3, 29), None, "in_progress")
    assert [x.message.url for x in late_messages({"m": (older,)}, AS_OF)] == ["w2"]
    last_year = Message("去年", "y", AS_OF - timedelta(days=400), None, "unanswered")
    answered = Message("已回复无日期", "a", date(2025, 1, 2), None, "answered")
    assert late_messages({"m": (last_year, answered)}, AS_OF) == []  # outside the year; answered (date unknown)


def test_consultation_channel_missing_or_dead():
    none = portal_verdict(_portal([_news(0)]), [_verdict("n0", "fresh", 1)], NATIONAL, AS_OF, home_reachable=True)
    assert check(none, "poor_response").outcome == "unknown"
    assert check(_mailbox([], status="unreachable"), "poor_response").outcome == "fail"
    assert check(_mailbox([], status="error"), "poor_response").outcome == "unknown"


def test_a_portal_passes_only_when_every_item_passes():
    answered = Message("咨询", "u", date(2025, 5, 1), date(2025, 5, 3), "answered")
    cols = [_news(0), Column(id="mail", path=["局长信箱"], url="/m", frequency="及时更新", category="consultation")]
    verdicts = [_verdict("n0", "fresh", 1), _verdict("mail", "exempt", None, None, "consultation")]
    evidence = SiteEvidence(HomeEvidence(True, AS_OF), _probes(0), {"mail": (answered,)}, findings=())
    v = portal_verdict(_portal(cols), verdicts, NATIONAL, AS_OF, evidence=evidence)
    assert v.verdict == "pass" and v.passed and not v.reasons
    assert [c.item for c in v.checks] == ["site_unreachable", "home_not_updated", "columns_not_updated",
                                          "blank_columns", "poor_response", "serious_errors", "personal_data"]
    unscanned = portal_verdict(_portal(cols), verdicts, NATIONAL, AS_OF, evidence=replace(evidence, findings=None))
    assert unscanned.verdict == "unknown"  # text not scanned: 严重表述错误 not judged, never a pass


def test_due_soon_is_seven_days_or_fewer_left_per_unit():
    import pandas as pd

    from portal_audit.summary import RunSummary
    from reporting.writers import due_soon

    verdicts = [_verdict("a", "fresh", 7), _verdict("b", "fresh", 6), _verdict("c", "stale", 20),
                _verdict("d", "fresh", 14)]
    summary = RunSummary("r", "2025-06-30", "national-2019@1", "sqlite://", due_soon_days=NATIONAL.due_soon_days)
    summary.add(verdicts)
    assert [v.column_id for v in summary.due_soon] == ["a", "d"]  # 7 and 0 days left; 8 left is not yet due
    frame = pd.DataFrame([dict(portal_id="p", column_id=v.column_id, path=v.column_id, status=v.status,
                               last_published_on=v.last_published_on, days_since_update=v.days_since_update,
                               allowed_days=v.allowed_days, responsible=unit, url="")
                          for v, unit in zip(verdicts, ["办公室", "办公室", "科室", None])])
    due = due_soon(frame)
    assert list(zip(due["responsible"], due["column_id"], due["days_left"])) == [("", "d", 0), ("办公室", "a", 7)]
    assert list(due_soon(frame, 8)["column_id"]) == ["d", "a", "b"]


def test_a_runs_summary_keeps_its_verdicts_packed_and_reads_them_as_before():
    """A national run keeps a verdict per portal in its summary until it ends: packed, each
    takes a fraction of what it takes as objects (~5 KB), and every line reads as before."""
    import pickle

    from portal_audit.i18n import msg
    from portal_audit.summary import Packed, RunSummary
    from validations.verdicts import Check, PortalVerdict

    def verdict(pid: str, blank: int) -> PortalVerdict:
        return PortalVerdict(pid, blank < 5, True, True, checks=(
            Check("blank_columns", "pass" if blank < 5 else "fail", msg("check.blank_ok", n=blank, limit=5)),
            Check("wording_errors", "pass", msg("check.wording_ok"))),
            indicators=(Check("site_identity", "fail" if blank % 3 else "warn", msg("identity.domain_address",
                                                                                 host=f"10.0.{blank}.1")),))

    portals = [verdict(f"p{i}", i % 9) for i in range(1000)]
    plain = RunSummary("r", "2025-06-30", "national-2019@1", "sqlite://")
    plain.portals = list(portals)  # as the summary kept them before
    summary = RunSummary("r", "2025-06-30", "national-2019@1", "sqlite://")
    summary.add([], portals[:400])
    summary.add([], portals[400:])
    assert list(summary.portals) == portals
    assert summary.portals[3] == portals[3] and summary.portals[-2:] == portals[-2:]
    assert len(summary.portals) == 1000 and summary.vetoed == plain.vetoed == 444
    assert summary.verdict_lines() == plain.verdict_lines()
    assert summary.markdown() == plain.markdown() and summary.alert() == plain.alert()
    packed = sum(len(b) for b in summary.portals._blobs) / 1000
    assert packed < len(pickle.dumps(portals[0])) / 5, packed  # ~0.1 KB a verdict where one pickled alone is ~1.5
    again = pickle.loads(pickle.dumps(summary))  # the flow's result crosses to the command line pickled
    assert list(again.portals) == portals
    summary.portals.sort(key=lambda v: -int(v.portal_id[1:]))
    assert [v.portal_id for v in summary.portals[:2]] == ["p999", "p998"]
    assert list(Packed()) == [] and not Packed()


def test_the_runs_summary_names_security_findings_and_failing_indicators_and_alerts_on_a_hidden_link():
    """The run's markdown artifact lists, per portal, the security checks and the other
    supervision indicators that fail or warn; a failing security check (a 暗链, tampering)
    sends the alert even where no single-veto item fails."""
    from portal_audit.i18n import msg
    from portal_audit.summary import RunSummary
    from validations.verdicts import Check, PortalVerdict

    ok = (Check("blank_columns", "pass", msg("check.blank_ok", n=0, limit=5)),)
    hidden = Check("hidden_links", "fail", msg("hidden.fail", n=1, more=0, named=["“澳门葡京” → http://bet.example"]))
    https = Check("https", "warn", msg("tls.no_redirect"))
    identity = Check("site_identity", "fail", msg("tls.no_redirect"))  # any message: the row is what is checked
    fine = (Check("https", "pass", msg("empty")),)
    summary = RunSummary("r", "2025-06-30", "national-2019@1", "sqlite://")
    summary.add([], [PortalVerdict("a", True, True, True, checks=ok, indicators=(https, hidden, identity)),
                     PortalVerdict("b", True, True, True, checks=ok, indicators=fine)])
    md = summary.markdown()
    assert "## 安全监测：1个网站有发现" in md and "## 监管指标：1个网站未通过或预警" in md
    security = md.split("## 安全监测")[1].split("##")[0]
    assert security.index("暗链") < security.index("HTTPS") and "| b |" not in security  # failing first; b passes
    assert "网站标识" in md.split("## 监管指标")[1] and "网站标识" not in security
    assert summary.vetoed == 0 and "a 不合格 暗链" in summary.alert()
    quiet = RunSummary("r", "2025-06-30", "national-2019@1", "sqlite://")
    quiet.add([], [PortalVerdict("b", True, True, True, checks=ok, indicators=fine)])
    assert quiet.alert() == "" and "安全监测" not in quiet.markdown()
