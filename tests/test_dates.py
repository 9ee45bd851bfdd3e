from datetime import date

import pytest

from extractors.dates import find_dates, parse_date

AS_OF = date(2025, 6, 30)


@pytest.mark.parametrize("text", ["2024-06-14", "[2024-06-14]", "2024/06/14", "2024.06.14", "2024年06月14日",
                                  "2024年6月14日", "２０２４－０６－１４", "发布时间：2024-06-14 16:01:33",
                                  "<em>[2024-6-14]</em>"])
def test_full_dates(text):
    assert parse_date(text, AS_OF) == date(2024, 6, 14)


def test_yearless_dates_take_the_run_year_or_the_one_before():
    assert parse_date("06-14", AS_OF) == date(2025, 6, 14)
    assert parse_date("12-30", AS_OF) == date(2024, 12, 30)  # would be the future this year
    assert parse_date("7月1日", AS_OF) == date(2025, 7, 1)  # tomorrow is tolerated (UTC+8)


@pytest.mark.parametrize("text", ["2024年第二季度工作报告", "第3-5条", "1-2", "电话 0563-1234567", "2024-13-45"])
def test_not_dates(text):
    assert find_dates(text, AS_OF) == []


def test_epoch_timestamps_are_dates_in_china_time():
    from extractors.dates import epoch_date

    # 2025-01-01 00:30 in Beijing is 2024-12-31 16:30 UTC: the publish date is the 1st
    assert epoch_date(1735662600) == date(2025, 1, 1)
    assert epoch_date(1735662600000) == epoch_date("1735662600") == date(2025, 1, 1)
    assert epoch_date(1735660799) == date(2024, 12, 31)  # 23:59:59 Beijing on the 31st
    assert epoch_date(42) is None and epoch_date(True) is None and epoch_date("2025") is None


def test_separators_agree_so_ranges_in_titles_are_not_dates():
    assert find_dates("2018年1-7月深圳市社会保险基金预算执行情况表", AS_OF) == []
    assert find_dates("2024-06/14", AS_OF) == []


def test_two_digit_years_read_where_no_full_date_is():
    assert find_dates("20-09-22", AS_OF) == [date(2020, 9, 22)]
    assert find_dates("发布：14.04.29", AS_OF) == [date(2014, 4, 29)]
    assert find_dates("26-01-01", AS_OF) == []  # the future: no publish date
    assert find_dates("2019-2020年度 20-09-22", AS_OF) == [date(2020, 9, 22)]
