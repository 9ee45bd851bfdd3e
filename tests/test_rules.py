"""Rulesets as data: layering, working days; period history; site single-veto verdicts."""

from datetime import date

import pytest

from portal_audit.catalog import Column, Portal
from portal_audit.i18n import render
from portal_audit.records import ColumnCrawl, Item
from validations.history import missed_periods
from validations.rules import load_ruleset
from validations.suite import validate

NATIONAL = load_ruleset()
LOCAL = load_ruleset("local-strict-example")


def test_local_ruleset_extends_the_national_one():
    assert LOCAL.label == "local-strict-example@1" and NATIONAL.label == "national-2019@1"
    news = Column(id="n", path=["工作动态"], frequency="及时更新")
    notice = Column(id="t", path=["通知公告"], frequency="及时更新")
    yearly = Column(id="y", path=["公开年报"], frequency="年度更新")
    monday, friday = date(2025, 6, 30), date(2025, 6, 27)
    assert LOCAL.allowance(news, monday) == ("news", 3)  # one working day back from Monday is Friday
    assert LOCAL.allowance(news, friday) == ("news", 1)
    assert LOCAL.allowance(notice, monday) == ("notice", 31)
    assert LOCAL.allowance(yearly, monday) == (None, 366)  # inherited
    assert NATIONAL.allowance(news, monday) == ("news", 14)
    assert LOCAL.home_page_days == 7 and NATIONAL.home_page_days == 14


def test_holidays_and_make_up_workdays():
    news = Column(id="n", path=["工作动态"], frequency="及时更新")
    # 2025-10-09 (Thu): the previous working day is 2025-09-30, before the National Day week
    assert LOCAL.allowance(news, date(2025, 10, 9)) == ("news", 9)
    assert LOCAL.is_workday(date(2025, 9, 28))  # a Sunday worked (调休)


def test_bad_rulesets_are_clear_errors(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nversion: 1\nextends: national-2019\ncategories: {news: soon}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"categories.news：更新时限应为天数"):
        load_ruleset(str(bad))
    (tmp_path / "thin.yaml").write_text("name: x\nversion: 1\nfrequencies: {monthly: 31}\ncategories: {}\n")
    with pytest.raises(ValueError, match="未给出这些更新频率的时限：.*daily"):
        load_ruleset(str(tmp_path / "thin.yaml"))


@pytest.mark.parametrize("code,dates,expected", [
    ("monthly", [date(2025, m, 10) for m in range(1, 7)], (6, 12)),  # Jul–Dec 2024 missed
    ("monthly", [date(2024, m, 1) for m in range(7, 13)] + [date(2025, m, 28) for m in range(1, 7)], (0, 12)),
    ("quarterly", [date(2025, 1, 5), date(2025, 5, 9)], (2, 4)),
    ("halfyearly", [date(2024, 12, 31)], (1, 2)),
    ("yearly", [], (1, 1)),
    ("timely", [date(2025, 6, 1)], None),
])
def test_missed_periods(code, dates, expected):
    assert missed_periods(dates, code, date(2025, 7, 15)) == expected


def test_history_from_earlier_runs_counts():
    col = Column(id="m", path=["乡村振兴"], url="/m", frequency="每月更新")
    portal = Portal(id="p", name="p", base_url="http://x.gov.cn/", columns=[col])
    as_of = date(2025, 7, 15)
    crawl = ColumnCrawl("p", "m", "u", "ok", (Item("六月", "u6", date(2025, 6, 20)),))
    alone = validate([crawl], [portal], NATIONAL, as_of).verdicts[0]
    assert (alone.status == "fresh" and alone.missed_periods == 11
            and "missed 11 of the last 12" in render(alone.notes, "en"))
    history = {("p", "m"): [date(2024, m, 3) for m in range(7, 13)] + [date(2025, m, 3) for m in range(1, 6)]}
    full = validate([crawl], [portal], NATIONAL, as_of, history=history)
    assert full.verdicts[0].missed_periods == 0
    assert next(o for o in full.outcomes if o.expectation == "regular").success


def test_data_docs_are_written_for_a_run(tmp_path):
    portal = Portal(id="p", name="p", base_url="http://x.gov.cn/",
                    columns=[Column(id="b0", path=["通知公告"], url="/x", frequency="及时更新")])
    crawls = [ColumnCrawl("p", "b0", "u", "ok", (), empty_marker=True)]
    result = validate(crawls, [portal], NATIONAL, date(2025, 6, 30), docs_dir=tmp_path / "docs", run_name="2025-06-30")
    index = tmp_path / "docs" / "index.html"
    assert result.data_docs == str(index) and index.exists()
    pages = [p.read_text(encoding="utf-8") for p in (tmp_path / "docs" / "ge").rglob("*.html")]  # GE's own site
    assert any("expect_column_values_to_be_between" in p or "item_count" in p for p in pages)
    assert any("2025-06-30" in p.as_posix() for p in (tmp_path / "docs" / "ge" / "validations").rglob("*.html"))


def test_a_shards_batches_add_to_its_data_docs(tmp_path):
    """A shard validates its portals in batches as they finish, into one folder: the table
    (and GE's own index) then cover every batch, not the last one only."""
    def portal(pid: str, column: str) -> Portal:
        return Portal(id=pid, name=pid, base_url=f"http://{pid}.gov.cn/",
                      columns=[Column(id=column, path=["通知公告"], url="/x", frequency="及时更新")])

    docs, as_of = tmp_path / "docs", date(2025, 6, 30)
    first = validate([ColumnCrawl("a", "b0", "u", "ok", (), empty_marker=True)], [portal("a", "b0")], NATIONAL,
                     as_of, docs_dir=docs, run_name="2025-06-30")
    validate([ColumnCrawl("b", "n1", "u", "ok", (Item("通知", "http://b.gov.cn/1", date(2025, 6, 29)),))],
             [portal("b", "n1")], NATIONAL, as_of, docs_dir=docs, run_name="2025-06-30")
    page = (docs / "index.html").read_text(encoding="utf-8")
    assert "a/b0" in page  # the first batch's blank column is still named as failing
    count = next(o for o in first.outcomes if o.suite == "columns" and o.element_count)
    row = page.split(f"<small>{count.expectation}</small>", 1)[1].split("</tr>", 1)[0]
    assert f'<td class="n">{2 * count.element_count}</td>' in row  # over both batches' columns
    # GE's own Data Docs: a site per batch (its index lists only what its context validated)
    assert 'href="ge/index.html"' in page and 'href="ge-2/index.html"' in page and "（第2批）" in page
    for site in ("ge", "ge-2"):
        assert len(list((docs / site / "validations").rglob("*.html"))) == 2  # the columns and the items


def test_ge_data_docs_load_their_templates_compiled(tmp_path, monkeypatch, request):
    """GE's Data Docs views compile their Jinja templates once, into a bytecode cache, and
    later batches' pages load them from it (``suite._compiled_once``) and read as before."""
    from functools import partial

    import jinja2
    from great_expectations.render.view.view import DefaultJinjaView

    import validations.suite as suite

    monkeypatch.setattr(DefaultJinjaView, "__init__", DefaultJinjaView.__init__)  # put back after the test
    suite._compiled_once.cache_clear()
    request.addfinalizer(suite._compiled_once.cache_clear)  # the views' own __init__ is back after the test
    cache = tmp_path / "jinja"
    cache.mkdir()
    monkeypatch.setattr(jinja2, "FileSystemBytecodeCache", partial(jinja2.FileSystemBytecodeCache, str(cache)))
    portal = Portal(id="p", name="p", base_url="http://x.gov.cn/",
                    columns=[Column(id="b0", path=["通知公告"], url="/x", frequency="及时更新")])
    crawls = [ColumnCrawl("p", "b0", "u", "ok", (), empty_marker=True)]
    validate(crawls, [portal], NATIONAL, date(2025, 6, 30), docs_dir=tmp_path / "one", run_name="2025-06-30")
    compiled = {p: p.stat().st_mtime_ns for p in cache.glob("__jinja2_*.cache")}
    assert len(compiled) >= 3  # the page, its sections and styles
    validate(crawls, [portal], NATIONAL, date(2025, 6, 30), docs_dir=tmp_path / "two", run_name="2025-06-30")
    assert {p: p.stat().st_mtime_ns for p in cache.glob("__jinja2_*.cache")} == compiled  # loaded, none compiled again
    pages = [p.read_text(encoding="utf-8") for p in (tmp_path / "two" / "ge").rglob("*.html")]
    assert any("item_count" in p for p in pages) and any("b0" in p for p in pages)
