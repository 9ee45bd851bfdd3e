"""Property tests: hostile or random input never makes a stage raise what it should not."""

from __future__ import annotations

import contextlib
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.importer import TableError, import_text
from extractors.dates import find_dates
from extractors.listpage import parse_list_page
from portal_audit.frequency import UnknownFrequency, normalize_frequency

AS_OF = date(2025, 6, 30)
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CJK = st.text(alphabet=st.sampled_from(list("年月日发布时间通知公告工作动态暂无信息置顶第季度"
                                            "〔〕（）【】[]-/.:： 0123456789０１２")),
              max_size=40)


@SETTINGS
@given(st.one_of(st.text(max_size=80), CJK))
def test_find_dates_returns_real_dates_only(text):
    for d in find_dates(text, AS_OF):
        assert isinstance(d, date) and 1900 <= d.year <= 2099


@SETTINGS
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
       st.sampled_from(["{d:%Y-%m-%d}", "[{d:%Y-%m-%d}]", "{d:%Y/%m/%d}", "{d:%Y.%m.%d}",
                        "{d.year}年{d.month}月{d.day}日"]),
       st.text(alphabet="标题通知 ", max_size=10))
def test_every_written_date_is_found(d, fmt, noise):
    assert find_dates(noise + fmt.format(d=d) + noise, AS_OF) == [d]


@SETTINGS
@given(st.one_of(st.text(max_size=20), CJK))
def test_frequency_normalisation_raises_only_unknown_frequency(text):
    with contextlib.suppress(UnknownFrequency):
        assert normalize_frequency(text) in ("timely", "daily", "weekly", "monthly", "quarterly", "halfyearly",
                                             "yearly", "static")


TAGS = st.sampled_from(["<ul>", "</ul>", "<li>", "</li>", "<table>", "<tr>", "<td>", "</td>", "<div class='right'>",
                        "</div>", "<span>", "</span>", "<em>",
                        "<script>createPageHTML(3, 0, 'index', 'html');</script>",
                        "<a href='/x/1.html'>", "<a href='javascript:void(0)'>", "<a>", "</a>", "下一页", "暂无信息",
                        "<h3>最新发布</h3>", "<![CDATA[", "]]>", "<datastore>", "<record>", "&nbsp;", "\x00"])
HTML = st.lists(st.one_of(TAGS, CJK), max_size=60).map("".join)


@SETTINGS
@given(HTML)
def test_list_extraction_never_raises_and_items_are_sane(html):
    page = parse_list_page(html, "http://www.example.gov.cn/col/col1/index.html", AS_OF)
    assert len({i.url for i in page.items}) == len(page.items)  # no duplicate items
    for item in page.items:
        assert item.url.startswith("http") and item.title is not None
        assert item.published_on is None or isinstance(item.published_on, date)


@SETTINGS
@given(st.lists(st.one_of(CJK, st.sampled_from(["及时更新", "每月更新", "办公室", "政策法规", "1", "2", "\n"])),
                max_size=30).map(" ".join))
def test_table_importer_fails_only_with_a_table_error(body):
    try:
        result = import_text("序号 一级栏目 二级栏目 更新频率 负责科室\n" + body)
    except TableError:
        return
    for col in result.catalog.portals[0].columns:
        assert col.path and all(col.path) and col.frequency_code
