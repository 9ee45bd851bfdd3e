"""Articles of policy and 解读 columns, read on loopback as portals publish them: their
disclosure tables (the gov.cn shape, Hanweb's xxgk table, a label list), the 20-working-day
limit on China's calendar across the Spring Festival, and each 解读 matched to its
document by link or by title, with links that go one way only."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import pytest

from extractors.article import read_article
from extractors.crawl import crawl_portal_async
from extractors.fetch import FetchPolicy
from portal_audit.catalog import Column, Portal
from portal_audit.records import ArticleMeta
from validations.articles import disclosure_check, working_days_between
from validations.content import PageScan, load_lexicon
from validations.indicators import indicator_evidence
from validations.rules import load_ruleset
from validations.suite import validate
from validations.verdicts import SiteEvidence

POLICY = FetchPolicy(allow_private_networks=True, per_host_delay=0, retries=0, max_pages_per_column=3)
NATIONAL = load_ruleset()
AS_OF = date(2026, 3, 25)

GOV_CN = """<table class="bd1"><tr><td><b>索 引 号：</b></td><td>000014349/2026-00021</td>
<td><b>主题分类：</b></td><td>民政、扶贫、救灾</td></tr>
<tr><td><b>发文机关：</b></td><td>某某市民政局</td><td><b>成文日期：</b></td><td>2026年02月06日</td></tr>
<tr><td><b>标　　题：</b></td><td>关于印发《某某市临时救助办法》的通知</td></tr>
<tr><td><b>发文字号：</b></td><td>某民发〔2026〕3号</td><td><b>发布日期：</b></td><td>2026年03月19日</td></tr></table>"""
HANWEB = """<table class="xxgk_table"><tr><th>索引号</th><td>11340000MB0000000A/2026-01234</td><th>发布机构</th>
<td>某某县民政局</td></tr><tr><th>生成日期</th><td>2026-03-02</td><th>公开方式</th><td>主动公开</td></tr></table>"""
LIST = """<div class="xxgk-info"><ul><li><span>索引号：</span>002482410/2026-00777</li>
<li><span>发文单位：</span>某某区人民政府办公室</li><li><span>成文时间：</span>2026-01-20</li>
<li><span>公开时间：</span>2026-01-23</li></ul></div>"""


def page(title: str, meta: str = "", links: str = "", on: str = "2026-03-19") -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="PubDate" content="{on} 10:00">'
            f'<title>{title}</title></head><body><div class="nav"><a href="/">首页</a>'
            f'<a href="/col/p/index.html">政策文件</a></div>{meta}<h1>{title}</h1>'
            f'<div class="content"><p>正文略。</p>{links}</div></body></html>')


@pytest.mark.parametrize("meta, index, issuer, written, published", [
    (GOV_CN, "000014349/2026-00021", "某某市民政局", date(2026, 2, 6), date(2026, 3, 19)),
    (HANWEB, "11340000MB0000000A/2026-01234", "某某县民政局", date(2026, 3, 2), None),
    (LIST, "002482410/2026-00777", "某某区人民政府办公室", date(2026, 1, 20), date(2026, 1, 23)),
])
def test_disclosure_tables_in_the_shapes_portals_use(meta, index, issuer, written, published):
    got = read_article(page("关于印发《某某市临时救助办法》的通知", meta), "http://x.gov.cn/art/1.html", "t", None)
    assert (got.index_no, got.issuer, got.written_on, got.published_on) == (index, issuer, written, published)


def test_twenty_working_days_count_the_spring_festival_and_its_swapped_saturdays():
    # 2026: 春节 15-23 February off, Saturdays 14 and 28 February worked
    assert working_days_between(date(2026, 2, 6), date(2026, 3, 12)) == 20
    assert working_days_between(date(2026, 2, 6), date(2026, 3, 19)) == 25
    late = ArticleMeta("http://x/a.html", "关于印发《某某市临时救助办法》的通知", date(2026, 3, 19),
                       written_on=date(2026, 2, 6), published_on=date(2026, 3, 19))
    on_time = ArticleMeta("http://x/b.html", "b", date(2026, 3, 12), written_on=date(2026, 2, 6),
                          published_on=date(2026, 3, 12))
    params = NATIONAL.indicators["disclosure_days"]
    check = disclosure_check([("p", late), ("p", on_time)], params)
    assert check.outcome == "fail" and "25个工作日" in check.reason and "2篇" in check.reason
    assert disclosure_check([("p", on_time)], params).outcome == "pass"
    future = ArticleMeta("http://x/c.html", "c", None, written_on=date(2031, 1, 6), published_on=date(2031, 3, 1))
    assert working_days_between(date(2031, 1, 6), date(2031, 3, 1)) is None  # not announced: never guessed
    assert disclosure_check([("p", future)], params).outcome == "unknown"
    assert disclosure_check([("p", ArticleMeta("http://x/d.html", "d", None))], params).outcome == "unknown"


def policy_site(pages, linked: bool = True) -> None:
    """A policy column of three documents and a 解读 column of three, each 解读 naming its
    document in its title: linked, two pairs both ways and one from the 解读 only; not
    linked, none either way."""
    docs = [("/art/2026/3/19/art_1_1.html", "关于印发《某某市临时救助办法》的通知", "2026-03-19", GOV_CN),
            ("/art/2026/3/2/art_1_2.html", "关于印发《某某市养老服务补贴实施细则》的通知", "2026-03-02", HANWEB),
            ("/art/2026/1/23/art_1_3.html", "某某市民政局关于做好2026年春节期间困难群众走访慰问工作的通知",
             "2026-01-23", LIST)]
    readings = [("/art/2026/3/20/art_2_1.html", "《某某市临时救助办法》政策解读", "2026-03-20", docs[0]),
                ("/art/2026/3/10/art_2_2.html", "一图读懂《某某市养老服务补贴实施细则》", "2026-03-10", docs[1]),
                ("/art/2026/1/26/art_2_3.html",
                 "关于《某某市民政局关于做好2026年春节期间困难群众走访慰问工作的通知》的解读", "2026-01-26", docs[2])]
    for url, title, on, meta in docs:
        back = [r for r in readings if r[3] and r[3][0] == url]
        links = "".join(f'<p>相关解读：<a href="{r[0]}">{r[1]}</a></p>' for r in back if url != docs[1][0] and linked)
        pages.add(url, page(title, meta, links, on))
    for url, title, on, doc in readings:
        links = f'<p>原文链接：<a href="{doc[0]}">{doc[1]}</a></p>' if doc and linked else ""
        pages.add(url, page(title, "", links, on))
    for col, rows in (("p", docs), ("r", readings)):
        items = "".join(f'<li><a href="{u}">{t}</a><span>{d}</span></li>' for u, t, d, _ in rows)
        pages.add(f"/col/{col}/index.html", f'<html><body><div class="list"><ul>{items}</ul></div></body></html>')
    pages.add("/", "<html><body><p>首页</p></body></html>")


def audit(base: str, ruleset=NATIONAL, articles: int = 10):
    p = Portal(id="mz", name="某某市民政局", base_url=base, columns=[
        Column(id="zcwj", path=["政策文件"], url="/col/p/index.html", frequency="及时更新", category="policy"),
        Column(id="zcjd", path=["政策解读"], url="/col/r/index.html", frequency="及时更新", category="interpretation")])

    async def go():
        return await crawl_portal_async(p, AS_OF, POLICY, observer=PageScan(load_lexicon()), articles=articles)
    crawl = asyncio.run(go())
    v = validate(list(crawl.columns), [p], ruleset, AS_OF, evidence={p.id: SiteEvidence()},
                 indicators={p.id: indicator_evidence(p, crawl)})
    return crawl, {c.item: c for c in v.portals[0].indicators}


def test_a_reading_without_its_back_link_warns_and_the_late_document_fails(site):
    pages, base = site
    policy_site(pages)
    crawl, got = audit(base)
    read = {a.url.rsplit("/", 1)[-1]: a for c in crawl.columns for a in c.articles}
    assert len(read) == 6 and all(a.error is None for a in read.values())
    interpretation = got["interpretation"]
    assert interpretation.outcome == "warn", interpretation.reason
    assert "1对文件与解读只有单向链接" in interpretation.reason and "文件未链接解读" in interpretation.reason
    assert "某某市养老服务补贴实施细则" in interpretation.reason  # the pair linked one way
    assert "3件有解读（100%）" in interpretation.reason and "双向链接2对" in interpretation.reason
    disclosure = got["disclosure_days"]
    assert disclosure.outcome == "fail" and "某某市临时救助办法" in disclosure.reason
    assert "25个工作日" in disclosure.reason


def test_a_city_rule_of_three_working_days_for_a_reading(tmp_path: Path, site):
    rules = tmp_path / "city.yaml"
    rules.write_text("name: city\nversion: 1\nextends: national-2019\nindicators:\n"
                     "  interpretation: {max_working_days: 3}\n  disclosure_days: {enabled: false}\n",
                     encoding="utf-8")
    pages, base = site
    policy_site(pages)
    _, got = audit(base, load_ruleset(str(rules)))
    assert "disclosure_days" not in got
    slow = got["interpretation"]
    # 一图读懂 came 6 working days after its document (2 → 10 March): over 3
    assert slow.outcome == "fail" and "6个工作日" in slow.reason and "某某市养老服务补贴实施细则" in slow.reason


def test_articles_read_are_capped_and_a_missing_one_is_kept_with_its_reason(site):
    pages, base = site
    policy_site(pages)
    del pages.routes["/art/2026/1/23/art_1_3.html"]
    crawl, got = audit(base, articles=2)
    per_column = {c.column_id: c.articles for c in crawl.columns}
    assert [len(a) for a in per_column.values()] == [2, 2]  # the newest two of each
    assert not any(h.endswith("art_1_3.html") for h in pages.hits)  # third newest: not fetched
    crawl, _ = audit(base, articles=3)
    gone = next(a for a in crawl.columns[0].articles if a.url.endswith("art_1_3.html"))
    assert gone.error is not None and "404" in gone.error.render()


def test_a_late_document_dated_only_by_its_list_warns():
    listed = ArticleMeta("http://x/e.html", "关于印发《某某市殡葬管理办法》的通知", date(2026, 3, 19),
                         written_on=date(2026, 2, 6))  # the page shows 成文日期 only: the list's date is all there is
    check = disclosure_check([("p", listed)], NATIONAL.indicators["disclosure_days"])
    assert check.outcome == "warn" and "页面未注明发布日期" in check.reason and "25个工作日" in check.reason


def test_readings_matched_by_title_whose_pages_link_neither_way_fail(site):
    pages, base = site
    policy_site(pages, linked=False)
    _, got = audit(base)
    unlinked = got["interpretation"]
    assert unlinked.outcome == "fail" and "3对文件与解读互不链接" in unlinked.reason
    assert "3件有解读（100%）" in unlinked.reason  # matched by the documents their titles name


def test_a_columns_articles_are_read_while_another_column_still_crawls(site):
    """Articles are read as soon as their column's list is, not after the portal's last
    column: here a news column's second page is answered only once a policy article has
    been asked for (or after 10 s), so the order is seen, not timed."""
    pages, base = site
    policy_site(pages)
    rows = "".join(f'<li><a href="/art/n{i}.html">第{i}期工作简报</a><span>2026-03-{20 + i}</span></li>'
                   for i in range(3))
    pages.add("/col/n/index.html", f'<html><body><div class="list"><ul>{rows}</ul></div>'
                                   '<a href="/col/n/index_2.html">下一页</a></body></html>')
    pages.add("/col/n/index_2.html", '<html><body><div class="list"><ul><li><a href="/art/n9.html">第9期工作简报'
                                     '</a><span>2026-03-01</span></li></ul></div></body></html>')
    released = pages.gate("/col/n/index_2.html", until="/art/2026/")
    p = Portal(id="mz", name="某某市民政局", base_url=base, columns=[
        Column(id="zcwj", path=["政策文件"], url="/col/p/index.html", frequency="及时更新", category="policy"),
        Column(id="gzdt", path=["工作动态"], url="/col/n/index.html", frequency="及时更新", category="news")])
    crawl = asyncio.run(crawl_portal_async(p, AS_OF, POLICY, articles=10))
    assert released == [True]  # the slow column's page 2 waited for an article, and got it
    news = next(c for c in crawl.columns if c.column_id == "gzdt")
    assert news.fetch_state == "ok" and len(news.items) == 4
    assert len(crawl.columns[0].articles) == 3 and all(a.error is None for a in crawl.columns[0].articles)
