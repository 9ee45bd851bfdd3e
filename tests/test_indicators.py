"""The supervision indicators (扣分项) beside the single veto: annual deadlines, the footer's
identity marks and commercial adverts, read from pages served on loopback as real portals
write them (a TRS-style footer, a Hanweb-style 公开年报 list, an ad network's frame on a
list page), judged against the national ruleset and a province's switches."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import pytest

from extractors.crawl import crawl_portal_async
from extractors.fetch import FetchPolicy
from extractors.identity import site_identity
from extractors.markup import page_doc, text_of
from portal_audit.catalog import Column, Portal
from portal_audit.records import Item
from validations.content import PageScan, load_lexicon
from validations.indicators import (
    IndicatorEvidence,
    annual_report_check,
    indicator_checks,
    indicator_evidence,
    site_identity_check,
)
from validations.registry import load_registry
from validations.rules import load_ruleset
from validations.suite import validate
from validations.verdicts import SiteEvidence

POLICY = FetchPolicy(allow_private_networks=True, per_host_delay=0, retries=0, max_pages_per_column=3)
NATIONAL = load_ruleset()
AS_OF = date(2026, 3, 10)

# a TRS WCM footer as county bureaus publish it: 主办, 网站标识码, ICP linked to MIIT, 公网安备
# linked to the MPS system, the 找错 entry's script — and no conac badge
FOOTER = """<div class="bottom"><div class="w1200">
<p>主办单位：某某县教育局&nbsp;&nbsp;承办：某某县教育局办公室&nbsp;&nbsp;地址：某某县人民路18号</p>
<p>网站标识码：3411250012&nbsp;&nbsp;
<a href="https://beian.miit.gov.cn" target="_blank">皖ICP备12345678号-2</a>&nbsp;&nbsp;
<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=34112502000345" target="_blank">
<img src="/images/ga.png">皖公网安备 34112502000345号</a></p>
<p><script id="_jiucuo_" sitecode="3411250012" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script></p>
</div></div>"""
CONAC = ('<span id="_ideConac"><a href="https://bszs.conac.cn/sitename?method=show&id=0A1B2C3D4E5F" '
         'target="_blank"><img src="https://dcs.conac.cn/image/red.png" alt="党政机关"></a></span>')


def home(footer: str, body: str = "", meta: str = "3411250012") -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="SiteIDCode" content="{meta}">'
            f'<meta name="SiteName" content="某某县教育局"><title>某某县教育局</title></head><body>'
            f'<div class="header"><h1>某某县教育局</h1></div><div class="nav"><a href="/col/col100/index.html">'
            f'政务公开</a></div><div class="main">{body}</div>{footer}</body></html>')


def annual_list(rows: list[tuple[str, str, str]], extra: str = "") -> str:
    """A Hanweb-style 公开年报 list: ``<li><a>title</a><span>date</span></li>``."""
    items = "".join(f'<li><a href="{u}" title="{t}" target="_blank">{t}</a><span class="bt-data-time">{d}</span></li>'
                    for u, t, d in rows)
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>公开年报</title></head><body>'
            f'<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/col/col100/index.html">政务公开</a>'
            f' &gt; 公开年报</div><div class="bt-list"><h2>公开年报</h2><ul class="clearfix">{items}</ul></div>'
            f'{extra}</body></html>')


ROWS = [("/art/2026/2/2/art_100_901.html", "某某县教育局2025年政府信息公开工作年度报告", "2026-02-02"),
        ("/art/2025/1/20/art_100_802.html", "某某县教育局2024年政府信息公开工作年度报告", "2025-01-20"),
        ("/art/2024/1/25/art_100_703.html", "某某县教育局2023年政府信息公开工作年度报告", "2024-01-25")]
AD_FRAME = ('<div class="right-ad"><iframe src="https://pos.baidu.com/s?hei=250&wid=300&di=u1234567" width="300" '
            'height="250" frameborder="0" scrolling="no"></iframe></div>')


def portal(base: str, kind: str | None = "department") -> Portal:
    return Portal(id="jyj", name="某某县教育局", base_url=base, kind=kind, columns=[
        Column(id="ndbg", path=["政务公开", "公开年报"], url="/col/col101/index.html", frequency="年度更新",
               category="annual_report"),
        Column(id="tzgg", path=["通知公告"], url="/col/col102/index.html", frequency="及时更新")])


def audit(p: Portal, as_of: date = AS_OF, ruleset=NATIONAL):
    async def go():
        return await crawl_portal_async(p, as_of, POLICY, observer=PageScan(load_lexicon()))
    crawl = asyncio.run(go())
    validation = validate(list(crawl.columns), [p], ruleset, as_of,
                          evidence={p.id: SiteEvidence()}, indicators={p.id: indicator_evidence(p, crawl)})
    return crawl, validation.portals[0]


def serve_bureau(pages, footer: str = FOOTER, ads: str = AD_FRAME, rows=ROWS, home_body: str = "") -> None:
    pages.add("/", home(footer, home_body))
    pages.add("/col/col101/index.html", annual_list(rows, ads))
    pages.add("/col/col102/index.html", annual_list([("/art/2026/3/1/art_102_1.html", "关于开展春季安全检查的通知",
                                                      "2026-03-01")]))


def by_item(verdict) -> dict:
    return {c.item: c for c in verdict.indicators}


def test_a_late_report_a_missing_badge_and_an_ad_frame_on_a_list_page(site):
    pages, base = site
    serve_bureau(pages)
    crawl, verdict = audit(portal(base))
    got = by_item(verdict)
    annual = got["annual_report"]
    assert annual.outcome == "fail"
    assert "2026年2月2日" in annual.reason and "2天" in annual.reason
    assert "2025年政府信息公开工作年度报告" in annual.reason
    identity = got["site_identity"]
    assert identity.outcome == "fail" and "党政机关网站标识" in identity.reason
    for mark in ("网站标识码", "ICP备案号", "公安机关备案号", "主办单位"):  # present: not named missing
        assert f"缺少{mark}" not in identity.reason
    ads = got["advertising"]
    assert ads.outcome == "fail" and "百度联盟" in ads.reason and "/col/col101/index.html" in ads.reason
    # the indicators decide no veto: the portal's verdict is its seven items' alone
    assert all(c.item not in got for c in verdict.checks)
    assert verdict.passed == all(c.outcome in ("pass", "warn") for c in verdict.checks)


def test_a_complete_footer_on_time_report_and_no_advert_pass(site):
    pages, base = site
    serve_bureau(pages, footer=FOOTER + CONAC, ads="",
                 rows=[("/art/2026/1/28/art_100_901.html", "某某县教育局2025年政府信息公开工作年度报告", "2026-01-28")])
    _, verdict = audit(portal(base))
    got = by_item(verdict)
    assert got["annual_report"].outcome == "pass", got["annual_report"].reason
    assert got["site_identity"].outcome == "pass", got["site_identity"].reason
    assert "6项标识齐全" in got["site_identity"].reason and "不判断域名" in got["site_identity"].reason
    assert got["advertising"].outcome == "pass" and "未见商业广告" in got["advertising"].reason


def test_a_block_captioned_as_an_advert_only_warns(site):
    pages, base = site
    caption = ('<div class="gg"><div class="gg-title">广告</div><a href="http://www.example-shop.com/">'
               '<img src="/upload/ad/2026.jpg" alt="家电以旧换新"></a></div>')
    serve_bureau(pages, footer=FOOTER + CONAC, ads="", home_body=caption)
    _, verdict = audit(portal(base))
    ads = by_item(verdict)["advertising"]
    assert ads.outcome == "warn" and "www.example-shop.com" in ads.reason


def test_a_government_portal_has_until_march_and_an_unknown_kind_is_told_apart(site):
    pages, base = site
    serve_bureau(pages, footer=FOOTER + CONAC, ads="")
    _, verdict = audit(portal(base, kind="government"))
    assert by_item(verdict)["annual_report"].outcome == "pass"  # 2 February is before 31 March
    _, verdict = audit(portal(base, kind=None))
    unknown_kind = by_item(verdict)["annual_report"]
    assert unknown_kind.outcome == "warn" and "网站类型" in unknown_kind.reason


def test_before_the_deadline_a_missing_report_is_due_soon_then_overdue_where_read(site):
    pages, base = site
    serve_bureau(pages, footer=FOOTER + CONAC, ads="", rows=ROWS[1:])  # last year's report not out
    p = portal(base)
    assert by_item(audit(p, date(2026, 1, 10))[1])["annual_report"].outcome == "pass"  # 21 days left
    soon = by_item(audit(p, date(2026, 1, 27))[1])["annual_report"]
    assert soon.outcome == "warn" and "4天" in soon.reason
    late = by_item(audit(p, date(2026, 2, 10))[1])["annual_report"]
    assert late.outcome == "fail" and "ndbg" in late.reason and "未见2025年政府信息公开工作年度报告" in late.reason
    # without an annual-report column read, not finding it decides nothing
    bare = p.model_copy(update={"columns": [c for c in p.columns if c.id != "ndbg"]})
    assert by_item(audit(bare, date(2026, 2, 10))[1])["annual_report"].outcome == "unknown"


def test_the_website_return_on_the_home_page(site):
    pages, base = site
    block = ('<div class="ndbb"><ul><li><a href="/art/2026/1/20/art_1_9.html">'
             '2025年度某某县教育局政府网站工作年度报表</a><span>2026-01-20</span></li></ul></div>')
    serve_bureau(pages, footer=FOOTER + CONAC, ads="", home_body=block)
    assert by_item(audit(portal(base))[1])["website_report"].outcome == "pass"
    pages.add("/", home(FOOTER + CONAC, ""))  # the return is not on the home page
    missing = by_item(audit(portal(base))[1])["website_report"]
    assert missing.outcome == "fail" and "首页" in missing.reason


IDENTITY = NATIONAL.indicators["site_identity"]


def _identity(html: str, host: str = "jyj.example.gov.cn"):
    doc = page_doc(html)
    idn = site_identity(doc, f"https://{host}/", text_of(doc.find("body")))
    return site_identity_check(IndicatorEvidence(identity=idn, base_url=f"https://{host}/"), IDENTITY)


def test_identity_marks_edge_cases():
    assert _identity(home(FOOTER + CONAC)).outcome == "pass"
    mismatch = _identity(home(FOOTER + CONAC, meta="3411250099"))
    assert mismatch.outcome == "fail" and "3411250099" in mismatch.reason
    unlinked = _identity(home(FOOTER.replace('href="https://beian.miit.gov.cn"', 'href="/about.html"') + CONAC))
    assert unlinked.outcome == "warn" and "未链接" in unlinked.reason
    other = _identity(home(FOOTER + CONAC), host="www.jyj-example.com")
    assert other.outcome == "warn" and "不属于" in other.reason
    assert "符合.gov.cn" in _identity(home(FOOTER + CONAC)).reason
    assert "符合.政务" in _identity(home(FOOTER + CONAC), host="jyj.xn--zfr164b").reason
    nothing = _identity("<html><body><p>欢迎访问</p></body></html>")
    assert nothing.outcome == "fail" and all(m in nothing.reason for m in ("网站标识码", "党政机关网站标识"))
    down = site_identity_check(IndicatorEvidence(identity=None), IDENTITY)
    assert down.outcome == "unknown"


def test_a_province_switches_indicators_off_and_moves_a_deadline(tmp_path: Path, site):
    rules = tmp_path / "province.yaml"
    rules.write_text("name: province\nversion: 1\nextends: national-2019\nindicators:\n"
                     "  advertising: {enabled: false}\n  annual_report: {deadline: {department: '02-28'}}\n",
                     encoding="utf-8")
    province = load_ruleset(str(rules))
    assert province.indicator("advertising") is None
    assert province.indicators["annual_report"]["title"] == "政府信息公开工作年度报告"  # the rest inherited
    pages, base = site
    serve_bureau(pages)
    _, verdict = audit(portal(base), ruleset=province)
    got = by_item(verdict)
    assert "advertising" not in got and got["annual_report"].outcome == "pass"
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\nversion: 1\nextends: national-2019\nindicators:\n"
                   "  annual_report: {deadline: {department: '2-30'}}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"indicators\.annual_report\.deadline\.department"):
        load_ruleset(str(bad))


def test_a_report_without_a_date_anywhere_warns():
    p = portal("http://127.0.0.1:9/")
    report = Item("某某县教育局2025年政府信息公开工作年度报告", "http://x/a.pdf", None)
    ev = IndicatorEvidence(reports=((None, report),))
    check = annual_report_check(p, [], ev, NATIONAL.indicators["annual_report"], AS_OF, 7)
    assert check.outcome == "warn" and "未注明发布日期" in check.reason
    assert indicator_checks(p, [], ev, NATIONAL, AS_OF)[0].outcome == "warn"


REGISTRY = ("网站名称,网站标识码,首页网址,主办单位\n"
            "某某县教育局,3411250012,https://jyj.example.gov.cn/,某某县教育局\n"
            "某某县人民政府,3411250001,https://www.example.gov.cn/,某某县人民政府办公室\n")


def _checked(tmp_path: Path, footer: str, name: str = "某某县教育局", base: str = "https://jyj.example.gov.cn/"):
    path = tmp_path / "registry.csv"
    path.write_bytes(REGISTRY.encode("gb18030"))  # exports come in GB18030 as often as in UTF-8
    doc = page_doc(home(footer))
    idn = site_identity(doc, base, text_of(doc.find("body")))
    ev = IndicatorEvidence(identity=idn, registry=load_registry(path),
                           name=name, base_url=base)
    return site_identity_check(ev, IDENTITY)


def test_the_footer_against_a_local_copy_of_the_national_registry(tmp_path: Path):
    assert _checked(tmp_path, FOOTER + CONAC).outcome == "pass"
    unlisted = _checked(tmp_path, (FOOTER + CONAC).replace("3411250012", "3411250099"),
                        base="https://new.example.gov.cn/")
    assert unlisted.outcome == "fail" and "3411250099不在全国政府网站名录中" in unlisted.reason
    # the site's host is listed under its own code: a footer showing another site's code fails
    borrowed = _checked(tmp_path, (FOOTER + CONAC).replace("3411250012", "3411250001"))
    assert borrowed.outcome == "fail" and "标识码为3411250012" in borrowed.reason
    renamed = _checked(tmp_path, FOOTER + CONAC, name="某某县教育体育局")
    assert renamed.outcome == "warn" and "某某县教育局" in renamed.reason


def test_a_registry_that_cannot_be_read_names_the_file_line_and_field(tmp_path: Path):
    bad = tmp_path / "bad.csv"
    bad.write_text("名称,网址\n某某县教育局,https://x.gov.cn/\n", encoding="utf-8")
    with pytest.raises(ValueError, match="缺少“网站标识码”列"):
        load_registry(bad)
    short = tmp_path / "short.csv"
    short.write_text("网站标识码,网站名称,首页网址\n34112500,某某县教育局,https://x.gov.cn/\n", encoding="utf-8")
    with pytest.raises(ValueError, match="第2行：网站标识码应为10位"):
        load_registry(short)
    with pytest.raises(ValueError, match="无法读取"):
        load_registry(tmp_path / "missing.csv")
