"""Reports an inspector acts on (issue 28, items 10 and 11): what the HTML report and the
Word 通报 of a demo run say — a broken-link table wherever one is announced, columns by
name in the veto reasons, a reason beside every problem column, the 整改要求, a days
chart that shows 0, exactly 12 Chinese months in the heatmap, whole days, real Word
headings and document properties."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta

import pytest

from app.demo import DemoSite, build_site, serve
from portal_audit.catalog import dump_catalog, load_catalog
from portal_audit.i18n import Msg, loads, using, with_names
from reporting.inspection import EXCERPT, excerpt, requirements
from reporting.writers import load_report, months_before, write_report
from validations.rules import load_ruleset
from warehouse.db import make_engine
from warehouse.read import column_names, portal_checks

from .conftest import AS_OF, REPO

FIRST = AS_OF - timedelta(days=30)
CODE = re.compile(r"(?<![A-Za-z0-9/])c\d{2}(?![0-9])")  # a demo column id (c06), not part of a URL or a label


class _Site:
    """The demo portal as of the run being audited, at one address for both runs (a link
    is the same link on both nights only if its URL, port included, is)."""

    site: DemoSite | None = None

    def response(self, path: str):
        assert self.site is not None  # set before the first request
        return self.site.response(path)


@pytest.fixture(scope="module")
def runs(tmp_path_factory, prefect_harness):
    """A warehouse with two demo runs 30 days apart (links broken on both are reported)."""
    from flows.audit import nightly_audit

    tmp = tmp_path_factory.mktemp("inspector")
    url = f"sqlite:///{tmp / 'audit.db'}"
    catalog = load_catalog(REPO / "catalogs" / "demo.yaml")
    portal = catalog.portals[0]
    current = _Site()
    server, base = serve(current)
    path = tmp / "catalog.yaml"
    path.write_text(dump_catalog(catalog.model_copy(update={
        "portals": [portal.model_copy(update={"base_url": base})]})), encoding="utf-8")
    try:
        for as_of in (FIRST, AS_OF):
            current.site = build_site(portal, load_ruleset(), as_of)
            nightly_audit(catalog=str(path), as_of=as_of, warehouse=url, data_docs=None, reports=None)
    finally:
        server.shutdown()
    return tmp, make_engine(url)


def _soup(path):
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _plot(page: str, name: str) -> tuple[list, dict]:
    """The data and layout plotly draws in the chart ``name`` of a report."""
    at = page.index(f'"{name}",', page.index("Plotly.newPlot(", page.index(f'getElementById("{name}")')))
    decoder = json.JSONDecoder()
    rest = page[at + len(name) + 3:].lstrip()
    data, end = decoder.raw_decode(rest)
    layout, _ = decoder.raw_decode(rest[end:].lstrip(" ,\n"))
    return data, layout


@pytest.fixture(scope="module")
def html(runs):
    tmp, engine = runs
    return write_report(engine, AS_OF.isoformat(), "html", tmp / "r.html")


@pytest.fixture(scope="module")
def bulletin(runs):
    import docx

    tmp, engine = runs
    return docx.Document(str(write_report(engine, AS_OF.isoformat(), "docx", tmp / "r.docx")))


# -- HTML -----------------------------------------------------------------------------------------
def test_broken_links_are_listed_below_only_when_a_table_follows(runs, html):
    tmp, engine = runs
    second = _soup(html).select_one("#links")
    listed = len(load_report(engine, AS_OF.isoformat()).broken_links)
    assert listed > 0, "the demo's planted broken links stay broken on both runs"
    assert "列于下表" in second.get_text()
    table = second.select_one("table.broken")
    assert table is not None and len(table.select("tbody tr")) == listed
    heads = [th.get_text() for th in table.select("th")]
    for head in ("链接", "所在页面", "范围", "HTTP状态码", "原因"):
        assert head in heads, heads
    # the first run: links broken once are counted, not listed — and the page does not say they are
    first = _soup(write_report(engine, FIRST.isoformat(), "html", tmp / "first.html")).select_one("#links")
    assert "本次不可用" in first.get_text() and "列于下表" not in first.get_text()
    assert first.select_one("table.broken") is None


def test_veto_reasons_name_columns_not_codes(runs, html):
    tmp, engine = runs
    names = column_names(engine, AS_OF.isoformat())
    checks = portal_checks(engine, AS_OF.isoformat())
    stored = checks[checks["item"] == "columns_not_updated"].iloc[0]
    ids = loads(stored["reason"])[0].args["named"].args["ids"]  # the warehouse keeps the ids …
    assert ids and all(CODE.fullmatch(i) for i in ids)
    cards = _soup(html).select_one("#verdicts").get_text()
    assert not CODE.search(cards), CODE.findall(cards)  # … the report shows the names
    assert names[(stored["portal_id"], ids[0])] in cards
    # the same in markdown, the workbook and the Word 通报
    md = write_report(engine, AS_OF.isoformat(), "md", tmp / "r.md").read_text(encoding="utf-8")
    verdicts_md = md.split("## 单项否决")[1].split("\n## ")[0]
    assert names[(stored["portal_id"], ids[0])] in verdicts_md and not CODE.search(verdicts_md)
    import openpyxl

    book = openpyxl.load_workbook(write_report(engine, AS_OF.isoformat(), "xlsx", tmp / "r.xlsx"))
    for sheet in ("单项否决结论", "单项否决指标"):
        cells = [str(v) for row in book[sheet].iter_rows(values_only=True) for v in row if v is not None]
        assert not [c for c in cells if CODE.search(c)], sheet
    codes = openpyxl.load_workbook(write_report(engine, AS_OF.isoformat(), "xlsx", tmp / "codes.xlsx", codes=True))
    assert any(ids[0] in str(v) for row in codes["checks"].iter_rows(values_only=True) for v in row)  # as stored


def test_worst_first_table_gives_each_columns_reason(html):
    table = _soup(html).select_one("table.problems")
    heads = [th.get_text() for th in table.select("thead th")]
    assert "说明" in heads
    at = heads.index("说明")
    reasons = {tr.select("td")[heads.index("状态")].get_text(): tr.select("td")[at].get_text()
               for tr in table.select("tbody tr")}
    assert "最新信息距今" in reasons["超期未更新(stale)"] and "空白栏目" in reasons["空白栏目(empty)"]
    assert all(r.strip() for r in reasons.values())


def test_rectification_section_is_the_bulletins(runs, html, bulletin):
    _, engine = runs
    section = _soup(html).select_one("#rectification")
    assert section.select_one("h2").get_text() == "整改要求"
    items = [li.get_text() for li in section.select("ol li")]
    data = load_report(engine, AS_OF.isoformat())
    stale = int((data.columns["status"] == "stale").sum())
    assert items == requirements(data) and any(f"超期未更新栏目{stale}个" in i for i in items)
    assert any("不可用链接" in i for i in items) and any("超过3个月未答复的留言" in i for i in items)
    texts = [p.text for p in bulletin.paragraphs]
    after = texts[texts.index("十一、整改要求") + 2:]
    assert after == [f"{i}. {line}" for i, line in enumerate(items, start=1)]  # one list, both documents


def test_days_chart_is_labelled_and_shows_zero(runs, html):
    _, engine = runs
    data, layout = _plot(html.read_text(encoding="utf-8"), "bars")
    bars = data[0]
    assert layout["xaxis"].get("type") != "log" and "天" in layout["xaxis"]["title"]["text"]
    labels = bars["text"]
    assert len(labels) == len(bars["y"]) and all(re.fullmatch(r"\d+", s) for s in labels)
    days = load_report(engine, AS_OF.isoformat()).columns["days_since_update"].dropna()
    assert sorted(map(int, labels)) == sorted(int(d) for d in days)
    if (days == 0).any():  # a column updated today: its 0 is printed where a bar of no length is
        assert "0" in labels


def test_heatmap_has_twelve_chinese_months(runs, html):
    data, _ = _plot(html.read_text(encoding="utf-8"), "heatmap")
    months = data[0]["x"]
    assert months[0] == "2024年7月" and months[-1] == "2025年6月" and len(months) == 12
    assert all(re.fullmatch(r"\d{4}年\d{1,2}月", m) for m in months)
    tmp, engine = runs
    with using("en"):
        english = write_report(engine, AS_OF.isoformat(), "html", tmp / "en.html").read_text(encoding="utf-8")
    assert _plot(english, "heatmap")[0][0]["x"][-1] == "Jun 2025"


# -- Word 通报 -------------------------------------------------------------------------------------
def test_bulletin_uses_word_heading_styles(bulletin):
    styles = {p.text: p.style.name for p in bulletin.paragraphs}
    for heading in ("一、总体情况", "四、栏目更新问题（按负责科室）", "十一、整改要求"):
        assert styles[heading] == "Heading 1", heading
    units = [p.text for p in bulletin.paragraphs if p.style.name == "Heading 2"]
    assert units and all(re.search(r"：\d+个栏目$", u) for u in units)


def test_bulletin_document_properties(bulletin):
    props = bulletin.core_properties
    assert props.author == "portal-audit" and props.last_modified_by == "portal-audit"
    assert props.title == "政府网站检查情况通报" and AS_OF.isoformat() in props.subject
    created = props.created if props.created.tzinfo else props.created.replace(tzinfo=UTC)
    assert abs(datetime.now(UTC) - created) < timedelta(hours=1)
    assert "python-docx" not in (props.comments or "")


def test_bulletin_days_are_whole_numbers(bulletin):
    cells = [c.text for t in bulletin.tables for row in t.rows for c in row.cells]
    assert not [c for c in cells if re.fullmatch(r"\d+\.0", c)]
    headed = [t for t in bulletin.tables if "距今天数" in [c.text for c in t.rows[0].cells]]
    assert headed
    for table in headed:
        at = [c.text for c in table.rows[0].cells].index("距今天数")
        assert all(re.fullmatch(r"\d*", row.cells[at].text) for row in table.rows[1:])
    assert any(row.cells[at].text for table in headed for row in table.rows[1:])


def test_bulletin_trims_a_findings_sentence(runs, bulletin):
    _, engine = runs
    found = load_report(engine, AS_OF.isoformat()).findings
    stored = found[found["term"] == "党十九大"]["sentence"].iloc[0]
    table = next(t for t in bulletin.tables if "所在句子" in [c.text for c in t.rows[0].cells])
    at = [c.text for c in table.rows[0].cells].index("所在句子")
    shown = next(row.cells[at].text for row in table.rows[1:] if row.cells[3].text == "党十九大")
    assert "党十九大" in shown and len(shown) <= 2 * EXCERPT + len("党十九大") + 2
    assert len(shown) <= len(stored) and "当前位置" not in shown  # no run of navigation text


# -- the shared pieces -----------------------------------------------------------------------------
def test_with_names_replaces_column_ids_only_in_lists_of_columns():
    stored = Msg("verdict.line", {"item": "x", "reason": Msg("blank.fail", {
        "n": 9, "limit": 5, "named": Msg("named.more", {"ids": ["c15", "c33"], "n": 9})})})
    named = with_names(stored, lambda c: {"c15": "财政资金 › 本部门预算"}.get(c, c))
    assert "财政资金 › 本部门预算" in named.render() and "c15" not in named.render()
    assert with_names(Msg("column.days", {"days": 3, "allowed": 7}), str.upper) == Msg("column.days", {"days": 3,
                                                                                                       "allowed": 7})


def test_excerpt_keeps_the_words_around_a_term():
    run_on = ("大攻堅戰“六穩”“六保”專項工作重點領域信息公開互動交流 当前位置：首页 > 決策部署落實情況 "
              "标题发布日期深入学习贯彻党十九大精神暨決策部署落實情況资金分配方案公示2026年10月24日"
              "決策部署落實情況年度考核结果公示2026年10月11")
    shown = excerpt(run_on, "党十九大")
    assert "深入学习贯彻党十九大精神" in shown and "当前位置" not in shown and "年度考核" not in shown
    assert shown.startswith("…") and shown.endswith("…")
    for whole in ("深入学习贯彻党十九大精神。", "关于 深入学习贯彻党十九大精神 的通知"):  # a short sentence stays whole
        assert excerpt(whole, "党十九大") == whole
    assert excerpt(None, "x") == ""


def test_twelve_months_back():
    assert months_before(date(2025, 6, 30), 11) == date(2024, 7, 1)
    assert months_before(date(2025, 12, 1), 11) == date(2025, 1, 1)
    assert months_before(date(2025, 1, 15), 0) == date(2025, 1, 1)
