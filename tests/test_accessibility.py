"""无障碍 and 适老化: axe-core run in the project's Chromium on pages served on loopback
(a page with an unlabelled image link fails, a clean one with its 无障碍/关怀版 entries
passes), the rotation that spreads the renders over the week, and a night that tests
nothing judging on the week's earlier results from the warehouse."""

from __future__ import annotations

import asyncio
import os
from datetime import date, timedelta

import pytest

from extractors.browser import find_chromium
from extractors.crawl import crawl_portal_async
from extractors.fetch import FetchPolicy
from flows.crawler import _axe_tonight, on_rotation
from portal_audit.catalog import Column, Portal
from portal_audit.records import AxeResult, SiteIdentity
from validations.indicators import IndicatorEvidence, accessibility_check, indicator_evidence
from validations.rules import load_ruleset
from validations.suite import validate
from warehouse import earlier
from warehouse.db import make_engine
from warehouse.load import finish_run, load_portal, start_run

POLICY = FetchPolicy(allow_private_networks=True, per_host_delay=0, retries=0, max_pages_per_column=2)
NATIONAL = load_ruleset()
PARAMS = NATIONAL.indicators["accessibility"]
AS_OF = date(2026, 6, 30)

BAD = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>某某县人民政府</title></head><body>
<div class="logo"><a href="/"><img src="/images/logo.png"></a></div>
<div class="banner"><img src="/images/banner.jpg"></div>
<ul class="list"><li><a href="/art/1.html">关于做好防汛工作的通知</a><span>2026-06-28</span></li></ul></body></html>"""
GOOD = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>某某县人民政府</title></head><body>
<header><a href="/"><img src="/images/logo.png" alt="某某县人民政府"></a>
<nav><a href="/wza/">无障碍浏览</a> <a href="/ghb/">关怀版</a></nav></header>
<main><h1>某某县人民政府</h1><ul class="list"><li><a href="/art/1.html">关于做好防汛工作的通知</a>
<span>2026-06-28</span></li></ul></main></body></html>"""
LIST = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>通知公告</title></head><body><main>
<h1>通知公告</h1><ul><li><a href="/art/1.html">关于做好防汛工作的通知</a><span>2026-06-28</span></li></ul>
</main></body></html>"""


def portal(base: str) -> Portal:
    return Portal(id="xzf", name="某某县人民政府", base_url=base, columns=[
        Column(id="tzgg", path=["通知公告"], url="/col/tzgg/index.html", frequency="及时更新")])


def crawl(p: Portal):
    async def go():
        return await crawl_portal_async(p, AS_OF, POLICY, axe=True)
    return asyncio.run(go())


needs_chromium = pytest.mark.skipif(find_chromium() is None and not os.environ.get("CI"),
                                    reason="headless Chromium not installed (scripts/ensure-chromium.sh)")


@needs_chromium
@pytest.mark.parametrize("home, outcome, words", [
    (BAD, "fail", ("严重：图片缺少替代文本", "页面未声明语言", "首页未见无障碍")),
    (GOOD, "pass", ("未发现", "无障碍浏览")),
])
def test_axe_on_the_home_page_and_a_list_page(site, home, outcome, words):
    pages, base = site
    pages.add("/", home)
    pages.add("/col/tzgg/index.html", LIST)
    p = portal(base)
    got = crawl(p)
    assert got.accessibility is not None and [a.page_url for a in got.accessibility] == [
        base, base + "col/tzgg/index.html"]
    assert all(a.error is None for a in got.accessibility)
    v = validate(list(got.columns), [p], NATIONAL, AS_OF, indicators={p.id: indicator_evidence(p, got)})
    check = next(c for c in v.portals[0].indicators if c.item == "accessibility")
    assert check.outcome == outcome, check.reason
    assert all(w in check.reason for w in words), check.reason


def test_the_rotation_spreads_tests_over_the_week_and_tests_the_untested(tmp_path):
    ids = [f"portal-{i}" for i in range(700)]
    week = [AS_OF + timedelta(days=d) for d in range(7)]
    per_night = [sum(on_rotation(i, d, 7) for i in ids) for d in week]
    assert sum(per_night) == len(ids) and max(per_night) < 2 * min(per_night)  # each once a week, spread
    engine = make_engine(f"sqlite:///{tmp_path / 'w.db'}")
    p = portal("http://x.gov.cn/")
    yesterday = AS_OF - timedelta(days=1)
    run = start_run(engine, yesterday, "national-2019@1")
    results = (AxeResult("http://x.gov.cn/", (("image-alt", "critical", 2, "Images must have alternate text"),)),)
    load_portal(engine, run, p, [], validate([], [p], NATIONAL, yesterday), accessibility=results)
    finish_run(engine, run, ok=True)
    assert earlier.tested_since(engine, "xzf", AS_OF - timedelta(days=6), AS_OF)
    # a re-run of yesterday tests again (it replaces yesterday's rows)
    assert not earlier.tested_since(engine, "xzf", AS_OF - timedelta(days=6), yesterday)
    # tested yesterday: within the next six nights, only on its rotation day
    assert [_axe_tonight("xzf", d, 7, engine) for d in week[:6]] == [on_rotation("xzf", d, 7) for d in week[:6]]
    assert all(_axe_tonight("never-tested", d, 7, engine) for d in week)  # nothing in the window: every night
    assert not _axe_tonight("xzf", AS_OF, 0, engine)  # 0: never
    found = earlier.accessibility_results(engine, ["xzf"], AS_OF - timedelta(days=14), AS_OF.isoformat())
    assert found["xzf"][0] == run and found["xzf"][1][0].violations[0][0] == "image-alt"


def test_a_night_without_a_test_judges_on_the_earlier_one():
    before = (AxeResult("http://x.gov.cn/", (("link-name", "serious", 3, "Links must have discernible text"),)),)
    ev = IndicatorEvidence(identity=SiteIdentity("http://x.gov.cn/", elder_entry="关怀版"), accessibility=before,
                           accessibility_run="2026-06-27")
    check = accessibility_check(ev, PARAMS)
    assert check.outcome == "warn" and "2026-06-27" in check.reason and "链接缺少可辨识的文字" in check.reason
    untested = accessibility_check(IndicatorEvidence(identity=SiteIdentity("http://x.gov.cn/", elder_entry="关怀版")),
                                   PARAMS)
    assert untested.outcome == "unknown"
    no_entry = accessibility_check(IndicatorEvidence(identity=SiteIdentity("http://x.gov.cn/")), PARAMS)
    assert no_entry.outcome == "warn" and "未见无障碍" in no_entry.reason
