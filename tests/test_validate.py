"""Verdicts from the Great Expectations suites, pinned at the boundary days."""

from datetime import date, timedelta

import pytest

from portal_audit.catalog import Column, Portal
from portal_audit.records import ColumnCrawl, Item
from validations.rules import load_ruleset
from validations.suite import validate

AS_OF = date(2025, 6, 30)
RULES = load_ruleset()

CASES = [  # (frequency, path, allowed days)
    ("每日", ["要闻"], 3), ("每周", ["工作动态"], 7), ("每月更新", ["乡村振兴"], 31),
    ("月度更新", ["依申请公开目录"], 31),
    ("季度更新", ["应急预案"], 92), ("半年更新", ["专项检查"], 183), ("年度更新", ["公开年报"], 366),
    ("及時更新", ["监督保障", "工作推进"], 14),  # news
    ("及时更新", ["通知公告"], 183), ("及时更新", ["政策法规", "规范性文件发布"], 183),
    ("及时更新", ["人事信息"], 366), ("及时更新", ["规划计划"], 366),
]


def _portal(columns):
    return Portal(id="p", name="p", base_url="http://x.gov.cn/", columns=columns)


def _crawl(cid, dates, state="ok", empty=False):
    items = tuple(Item(f"t{i}", f"http://x.gov.cn/{cid}/{i}.html", d) for i, d in enumerate(dates))
    return ColumnCrawl("p", cid, "http://x.gov.cn/", state, items, empty_marker=empty,
                       error=None if state == "ok" else "boom")


@pytest.fixture(scope="module")
def boundary_verdicts():
    columns, crawls, expected = [], [], {}
    for n, (freq, path, allowed) in enumerate(CASES):
        for delta, status in ((-1, "fresh"), (0, "fresh"), (1, "stale")):
            cid = f"c{n}_{delta}"
            columns.append(Column(id=cid, path=path, url="/x", frequency=freq))
            crawls.append(_crawl(cid, [AS_OF - timedelta(days=allowed + delta), date(2019, 1, 1)]))
            expected[cid] = (status, allowed)
    result = validate(crawls, [_portal(columns)], RULES, AS_OF)
    return {v.column_id: v for v in result.verdicts}, expected, result.outcomes


def test_boundary_days_for_every_frequency_and_category(boundary_verdicts):
    verdicts, expected, _ = boundary_verdicts
    got = {cid: (v.status, v.allowed_days) for cid, v in verdicts.items()}
    assert got == expected


def test_failing_rows_map_back_to_columns(boundary_verdicts):
    verdicts, expected, outcomes = boundary_verdicts
    timely = next(o for o in outcomes if o.expectation == "timely")
    assert not timely.success
    assert set(timely.failing_keys) == {f"p/{cid}" for cid, (s, _) in expected.items() if s == "stale"}
    assert verdicts["c0_1"].days_since_update == 4 and verdicts["c0_1"].failed_expectations == ("timely",)


def test_status_precedence_and_flags():
    cols = [Column(id=i, path=p, url="/x", frequency="及时更新") for i, p in [
        ("dead", ["通知公告"]), ("broken", ["通知公告"]), ("blank", ["通知公告"]), ("blank_static", ["机构职能"]),
        ("static", ["机构领导"]), ("future", ["工作动态"]), ("dupes", ["工作动态"]), ("undated", ["工作动态"])]]
    crawls = [
        _crawl("dead", [], state="unreachable"), _crawl("broken", [], state="error"),
        _crawl("blank", [], empty=True), _crawl("blank_static", [], empty=True),
        _crawl("static", [date(2015, 1, 1)]),
        _crawl("future", [date(2026, 9, 1), AS_OF - timedelta(days=40)]),
        ColumnCrawl("p", "dupes", "u", "ok", (Item("a", "u1", AS_OF), Item("a", "u1", AS_OF))),
        ColumnCrawl("p", "undated", "u", "ok", (Item("a", "u1", None),)),
    ]
    v = {x.column_id: x for x in validate(crawls, [_portal(cols)], RULES, AS_OF).verdicts}
    assert {k: x.status for k, x in v.items()} == {
        "dead": "unreachable", "broken": "error", "blank": "empty", "blank_static": "empty", "static": "exempt",
        "future": "stale", "dupes": "fresh", "undated": "stale"}  # 未注明发布时间的视为不更新
    # a future date is flagged and never counts as the newest item
    assert (v["future"].last_published_on == AS_OF - timedelta(days=40)
            and "expectation.not_future" in str(v["future"].notes))
    assert "unique_url" in v["dupes"].failed_expectations
    assert "dated" in v["undated"].failed_expectations


def test_category_inference_and_catalog_override():
    col = Column(id="a", path=["监督保障", "工作推进"], frequency="及时更新")
    assert RULES.allowance(col) == ("news", 14)
    assert RULES.allowance(col.model_copy(update={"category": "policy"})) == ("policy", 183)
    assert RULES.allowance(Column(id="b", path=["机构设置", "机构简介"], frequency="及時更新")) == ("static", None)
    assert RULES.allowance(Column(id="c", path=["政策解读", "负责人解读"], frequency="及时更新"))[0] == "policy"


def test_unknown_ruleset_is_a_clear_error():
    with pytest.raises(ValueError, match="没有名为“nope”的检查规则.*national-2019"):
        load_ruleset("nope")
    from portal_audit.i18n import using

    with using("en"), pytest.raises(ValueError, match="unknown ruleset nope.*national-2019"):
        load_ruleset("nope")
