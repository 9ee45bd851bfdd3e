"""The message catalogue: every language says every message, with the same arguments;
messages go to the warehouse as keys and arguments and come back in any language."""

from __future__ import annotations

import re
import string
from datetime import date

import pytest

from portal_audit import i18n
from portal_audit.i18n import Msg, dumps, fmt_date, loads, msg, render, status_label, t, using


def _fields(template: str) -> set[str]:
    return {re.split(r"[.\[]", f)[0] for _, f, _, _ in string.Formatter().parse(template) if f}


def test_every_language_has_every_message_with_the_same_arguments():
    zh, en = i18n.catalogue("zh"), i18n.catalogue("en")
    assert set(zh) == set(en), set(zh) ^ set(en)
    differing = {k: (_fields(zh[k]), _fields(en[k])) for k in zh if _fields(zh[k]) != _fields(en[k])}
    assert differing == {"coded": ({"name", "code"}, {"name"})}  # English names are the codes: not twice
    assert len(zh) > 300


def test_every_key_the_code_names_is_in_the_catalogue():
    """A key spelt wrong in code would print itself: every literal key in the sources exists."""
    from tests.conftest import REPO

    keys = set(i18n.catalogue("zh"))
    used = set()
    for path in [*REPO.glob("portal_audit/*.py"), *REPO.glob("flows/*.py"), *REPO.glob("extractors/*.py"),
                 *REPO.glob("validations/*.py")]:
        used |= set(re.findall(r'\b(?:msg|t|Msg)\(\s*"([a-z_0-9]+\.[a-z_0-9.]+)"', path.read_text(encoding="utf-8")))
    assert used and not used - keys, sorted(used - keys)


def test_chinese_by_default_english_on_request(monkeypatch):
    monkeypatch.delenv(i18n.ENV, raising=False)
    m = msg("column.days", days=40, allowed=31)
    assert str(m) == "最新信息距今40天，允许31天" and status_label("stale") == "超期未更新(stale)"
    with using("en"):
        assert str(m) == "40 days since the newest item, 31 allowed" and status_label("stale") == "stale"
    monkeypatch.setenv(i18n.ENV, "en")
    assert i18n.language() == "en" and str(m).startswith("40 days")
    with using("zh"):  # an explicit choice wins over the environment
        assert str(m).startswith("最新信息")
    monkeypatch.setenv(i18n.ENV, "fr")
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        i18n.language()


def test_dates_the_users_way_and_times_in_beijing():
    assert fmt_date(date(2026, 11, 20)) == "2026年11月20日" and fmt_date("2026-01-05") == "2026年1月5日"
    assert fmt_date(date(2026, 11, 20), "en") == "2026-11-20" and fmt_date(None) == ""
    from datetime import datetime

    # UTC stored, UTC+8 shown
    assert i18n.fmt_time(datetime(2026, 11, 26, 16, 30)) == "2026年11月27日 00:30（北京时间）"


def test_messages_round_trip_through_the_warehouse_as_codes():
    inner = msg("home.newest", on=date(2025, 6, 10))
    stored = dumps([msg("home.fail", limit=14, what=inner, days=20), msg("fetch.http", status=404)])
    assert "2025-06-10" in stored and "首页" not in stored and "home.fail" in stored  # keys and arguments, no text
    back = loads(stored)
    assert back[0].args["what"] == inner and back[0].args["what"].args["on"] == date(2025, 6, 10)
    assert render(stored) == "首页14天内无更新（首页最新信息发布于2025年6月10日，距检查20天）；HTTP 404"
    assert render(stored, "en") == ("no home-page update within 14 days (the home page's newest item was published on "
                                    "2025-06-10, 20 days before the check); HTTP 404")
    # a run id that looks like a date stays as it is: only date arguments are dates
    assert t("cli.loaded", run="2025-06-30", warehouse="x") == "检查批次 2025-06-30 已存入 x"


def test_text_stored_before_messages_had_keys_is_shown_as_written():
    assert loads("HTTP 404") == [Msg("text", {"text": "HTTP 404"})]
    assert render("应更新但长期未更新的栏目12个") == "应更新但长期未更新的栏目12个" and render(None) == ""


def test_lists_of_names_and_of_clauses():
    assert t("named.more", ids=["c1", "c2"], n=9) == "c1、c2 等9个"
    assert t("named.more", "en", ids=["c1", "c2"], n=9) == "c1, c2 and more, 9 in all"
    assert t("both", first=msg("blank.unreadable"), second=msg("home.no_dates")) == \
        "栏目均无法读取；首页与二级页面均无可判断的发布日期"


def test_cli_takes_lang_before_or_after_the_command(monkeypatch, capsys):
    from app.cli import build_parser

    parser = build_parser()
    assert parser.parse_args(["report", "--lang", "en", "--format", "md", "-o", "x"]).lang == "en"
    assert parser.parse_args(["--lang", "en", "report", "--format", "md", "-o", "x"]).top_lang == "en"
    with pytest.raises(SystemExit):
        parser.parse_args(["report", "--lang", "fr", "--format", "md", "-o", "x"])
