import pytest

from portal_audit.frequency import UnknownFrequency, normalize_frequency


@pytest.mark.parametrize("text,code", [
    ("及时更新", "timely"), ("及時更新", "timely"), ("及時(shí)更新", "timely"), ("实时更新", "timely"),
    ("不定期", "timely"), ("每日", "daily"), ("每周", "weekly"), ("每月更新", "monthly"), ("月度更新", "monthly"),
    ("每月", "monthly"), ("季度更新", "quarterly"), ("每季度", "quarterly"), ("半年更新", "halfyearly"),
    ("年度更新", "yearly"), ("每年", "yearly"), ("长期", "static"), ("長期", "static"), ("quarterly", "quarterly"),
])
def test_published_spellings(text, code):
    assert normalize_frequency(text) == code


def test_every_frequency_in_seed_003_is_known():
    from pathlib import Path

    text = (Path(__file__).parent / "data" / "seed003_xcmz_2024.txt").read_text(encoding="utf-8")
    table = text.split("五、各欄目具體分工")[-1] if "五、各欄目具體分工" in text else text[-6000:]
    rows = [line.split() for line in table.splitlines() if line[:1].isdigit()]
    spellings = {row[-2] for row in rows if len(row) >= 4}
    assert spellings >= {"及時更新", "季度更新", "每月更新", "年度更新", "月度更新"}
    for s in spellings:
        normalize_frequency(s)


@pytest.mark.parametrize("text", ["", "偶尔", "看情况更新", "每十年"])
def test_unknown_text_is_an_error(text):
    with pytest.raises(UnknownFrequency, match="unknown update frequency"):
        normalize_frequency(text)
