"""Chinese everywhere a Chinese user looks on the command line (issue 28, item 7): help,
argparse's own words and complaints, catalog errors, bad input — one Chinese line, exit 2."""

from __future__ import annotations

import argparse
import gettext
import re
import unicodedata

import pytest

from app.cli import build_parser, main
from portal_audit import i18n
from portal_audit.catalog import CatalogError, parse_catalog

COMMANDS = [[], ["audit"], ["probe"], ["extract"], ["catalog"], ["catalog", "import"], ["catalog", "discover"],
            ["report"], ["db"], ["db", "upgrade"], ["db", "load-spool"], ["db", "prune"], ["demo"]]
ARGPARSE_ENGLISH = ["usage:", "show this help message", "positional arguments", "options:", "error:", "invalid",
                    "required", "unrecognized", "expected", "argument"]
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(autouse=True)
def _chinese_by_default(monkeypatch):
    monkeypatch.delenv(i18n.ENV, raising=False)
    monkeypatch.setenv("COLUMNS", "80")


def _run(capsys, argv: list[str]) -> tuple[int, str, str]:
    """main's exit status (argparse exits, commands return) with what it wrote."""
    try:
        code = main(argv)
    except SystemExit as exc:
        assert isinstance(exc.code, int)  # argparse exits with a status number
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def _columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def _one_chinese_line(code: int, out: str, err: str) -> str:
    assert code == 2 and out == "", (code, out, err)
    assert err.endswith("\n") and err.count("\n") == 1, err  # one line, no usage block, no traceback
    line = err.strip()
    assert line.startswith("portal-audit") and CJK.search(line) and "Traceback" not in err, line
    assert "\u200b" not in line  # the help's column padding never shows
    return line


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "portal-audit")
def test_help_of_every_command_is_chinese(capsys, command):
    code, out, err = _run(capsys, [*command, "--help"])
    assert code == 0 and err == ""
    assert out.startswith(f"用法：portal-audit {' '.join(command)}".rstrip()) and "选项:" in out
    assert "显示本帮助并退出" in out and "\u200b" not in out
    assert not [w for w in ARGPARSE_ENGLISH if w in out], out
    too_wide = [line for line in out.splitlines() if _columns(line) > 80]
    assert not too_wide, too_wide  # Chinese takes two columns: lines are laid out by columns, not characters


def test_every_option_of_every_command_has_a_chinese_description():
    def parsers(parser: argparse.ArgumentParser, name: str):
        yield name, parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub, p in action.choices.items():
                    yield from parsers(p, f"{name} {sub}")

    undescribed = []
    seen = 0
    for name, parser in parsers(build_parser(), "portal-audit"):
        for action in parser._actions:
            seen += 1
            if not action.help or action.help == argparse.SUPPRESS or not CJK.search(action.help):
                undescribed.append(f"{name} {'/'.join(action.option_strings) or action.dest}")
    assert seen > 80 and undescribed == []


@pytest.mark.parametrize("argv, says", [
    ([], "缺少必需的参数：命令"),
    (["bogus"], "无效的选择 'bogus'"),
    (["audit"], "缺少必需的参数：目录文件"),
    (["audit", "c.yaml", "--zzz"], "无法识别的参数：--zzz"),
    (["extract", "--max-pages"], "参数 --max-pages：需要给出一个值"),
    (["audit", "c.yaml", "--load-retry", "abc"], "参数 --load-retry：不是数字：abc"),
    (["report", "--format", "pdf", "-o", "x"], "参数 --format：无效的选择 'pdf'"),
    (["--lang", "fr", "audit", "c.yaml"], "参数 --lang：无效的选择 'fr'"),
    (["audit", "c.yaml", "--as-of", "2025-13-01"], "不是有效的日期：2025-13-01"),
    (["audit", "c.yaml", "--warehouse", "nonsense://"], "不是有效的数据仓库地址：nonsense://"),
    (["audit", "c.yaml", "--warehouse", "postgres://u:secret@h/db"], "postgres://u:***@h/db"),
    (["extract", "not-a-url"], "不是网址：not-a-url"),
    (["demo", "--port", "99999"], "99999 超出范围：应在0到65535之间"),
    (["extract", "http://x.gov.cn/", "--max-pages", "0"], "0 太小：不能小于1"),
    (["catalog", "import", "t.txt", "-o", "c.yaml", "--portal-id", "a b"], "网站编号只能由英文字母、数字及 _ . - 组成"),
    (["db"], "缺少必需的参数：命令"),
])
def test_argparse_complaints_are_one_chinese_line(capsys, argv, says):
    line = _one_chinese_line(*_run(capsys, argv))
    assert says in line and "用法见 portal-audit" in line and "--help" in line
    assert not [w for w in ARGPARSE_ENGLISH if w in line], line
    assert "secret" not in line  # a password in a mistyped warehouse URL is masked


def test_lang_en_gives_english_help_and_complaints(capsys):
    for argv in (["--lang", "en", "audit", "--help"], ["audit", "--lang=en", "--help"]):
        code, out, _ = _run(capsys, argv)
        assert code == 0 and out.startswith("usage: portal-audit audit")
        assert "show this help message and exit" in out and "audit date, YYYY-MM-DD" in out and not CJK.search(out)
    code, out, err = _run(capsys, ["--lang", "en", "audit"])
    assert code == 2 and err == "portal-audit audit: the following arguments are required: CATALOG " \
                                "(see portal-audit audit --help)\n"


def test_argparse_is_left_as_it_was(capsys):
    """Only our parsers speak the catalogue: argparse's gettext is put back after each use."""
    _run(capsys, ["audit", "--help"])
    assert argparse._ is gettext.gettext and argparse.ngettext is gettext.ngettext
    assert "usage:" in argparse.ArgumentParser(prog="other").format_help()


def test_a_language_the_environment_names_but_we_lack_is_said_in_chinese(capsys, monkeypatch):
    monkeypatch.setenv(i18n.ENV, "fr")
    line = _one_chinese_line(*_run(capsys, ["audit", "c.yaml"]))
    assert "$PORTAL_AUDIT_LANG" in line and "fr" in line and "en、zh" in line


@pytest.mark.parametrize("kind, says", [
    ("folder", "是文件夹，不是目录文件"),
    ("missing", "找不到目录文件"),
    ("markdown", "不是有效的 YAML：有不能出现在此处的字符"),
    ("binary", "不是 UTF-8 编码"),
    ("nul", "不是有效的 YAML：含有控制字符"),
    ("prose", "不是目录文件：目录是含有 portals: 列表的 YAML 映射"),
])
def test_audit_of_what_is_not_a_catalog_is_one_chinese_line(tmp_path, capsys, kind, says):
    path = tmp_path / kind
    if kind == "folder":
        path.mkdir()
    elif kind == "markdown":
        path.write_text("# 说明\n\n`portal-audit` 检查政府网站的栏目。\n", encoding="utf-8")
    elif kind == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    elif kind == "nul":
        path.write_bytes(b"portals:\x00\x00")
    elif kind == "prose":
        path.write_text("这是一段普通文字，不是目录。", encoding="utf-8")
    line = _one_chinese_line(*_run(capsys, ["audit", str(path)]))
    assert says in line and str(path) in line


def test_catalog_mistakes_name_line_and_field_in_chinese():
    text = ("portals:\n  - id: a b\n    name: 示例\n    base_url: ftp://x\n    columns:\n"
            "      - {id: n, path: [工作动态], url: 'javascript:x', frequency: 偶尔, category: gossip, colour: red}\n"
            "      - {id: m, path: []}\npoliteness: {delay: -1, retries: abc, obey_robots: maybe}\n")
    with pytest.raises(CatalogError) as err:
        parse_catalog(text, "c.yaml")
    lines = str(err.value).splitlines()
    assert lines[0] == "目录文件有误："
    expected = [
        "c.yaml:8: politeness.delay: 应不小于0，实为“-1”",
        "c.yaml:8: politeness.retries: 应为整数，实为“abc”",
        "c.yaml:8: politeness.obey_robots: 应为 true 或 false，实为“maybe”",
        "c.yaml:2: portals[0].id: “a b”只能由英文字母、数字及 _ . - 组成",
        "c.yaml:4: portals[0].base_url: base_url 须为带主机名的 http(s) 网址，实为“ftp://x”",
        "c.yaml:6: portals[0].columns[0].url: url 须为 http(s) 网址或相对于 base_url 的路径，实为“javascript:x”",
        "c.yaml:6: portals[0].columns[0].frequency: 无法识别的更新频率“偶尔”",
        "c.yaml:6: portals[0].columns[0].category: 应为以下之一：news、notice、policy、personnel、planning、static、"
        "consultation、annual_report、interpretation，实为“gossip”",
        "c.yaml:6: portals[0].columns[0].colour: 不认识的字段（拼写有误？）",
        "c.yaml:7: portals[0].columns[1].path: 至少需要1项",
        "c.yaml:7: portals[0].columns[1].frequency: 缺少必填项",
    ]
    body = [line.strip() for line in lines[1:]]
    missing = [e for e in expected if not any(b.startswith(e) for b in body)]
    assert missing == [] and len(body) == len(expected), body
    with i18n.using("en"):  # the same error, shown to an English reader
        assert str(err.value).startswith("invalid catalog:\n  ") and "unknown field (misspelt?)" in str(err.value)


def test_report_on_an_empty_warehouse_is_one_chinese_line(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'w.db'}"
    for extra in (["--format", "md"], ["--format", "html", "--run", "all"]):
        out = tmp_path / "r"
        line = _one_chinese_line(*_run(capsys, ["report", "--warehouse", url, *extra, "-o", str(out)]))
        assert "还没有任何检查批次" in line and "portal-audit audit" in line and not out.exists()
    line = _one_chinese_line(*_run(capsys, ["report", "--warehouse", url, "--format", "md", "--run", "all", "-o", "x"]))
    assert "--run all" in line and "--format html" in line


def test_report_of_an_unknown_run_and_into_a_folder(tmp_path, capsys):
    from tests.test_warehouse import _crawls, _load
    from warehouse.db import make_engine

    url = f"sqlite:///{tmp_path / 'w.db'}"
    _load(make_engine(url), _crawls())
    line = _one_chinese_line(*_run(capsys, ["report", "--warehouse", url, "--run", "1999-01-01", "--format", "md",
                                            "-o", str(tmp_path / "r.md")]))
    assert "没有检查批次 1999-01-01" in line
    (tmp_path / "folder").mkdir()
    line = _one_chinese_line(*_run(capsys, ["report", "--warehouse", url, "--format", "md",
                                            "-o", str(tmp_path / "folder")]))
    assert line == f"portal-audit: {tmp_path / 'folder'}：这是文件夹，不是文件"


def test_catalog_import_of_a_missing_or_tableless_file_is_one_chinese_line(tmp_path, capsys):
    missing = tmp_path / "missing.txt"
    line = _one_chinese_line(*_run(capsys, ["catalog", "import", str(missing), "-o", str(tmp_path / "c.yaml")]))
    assert line == f"portal-audit: {missing}：文件或文件夹不存在"
    notes = tmp_path / "notes.txt"
    notes.write_text("这里没有栏目表\n", encoding="utf-8")
    line = _one_chinese_line(*_run(capsys, ["catalog", "import", str(notes), "-o", str(tmp_path / "c.yaml")]))
    assert "找不到栏目表" in line and not (tmp_path / "c.yaml").exists()


def test_a_failed_connection_is_told_without_its_exception_class():
    import httpx

    from extractors.fetch import _transport_reason

    told = str(i18n.msg("fetch.connect", tries=3, error=_transport_reason(httpx.ConnectError("[Errno 111] refused"))))
    assert told == "连接失败（连接被拒绝），共尝试3次"


def test_help_wraps_chinese_between_characters_and_keeps_closers_on_their_line():
    from app.cli import _wrap

    text = "数据仓库地址（SQLAlchemy URL，默认取 $PORTAL_AUDIT_WAREHOUSE，未设置则为 sqlite:///audit.db）" * 2
    lines = _wrap(text, 24)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(_columns(line) <= 26 for line in lines) and not any(line[0] in "）)，" for line in lines), lines
    assert _wrap("short words only", 80) == ["short words only"]
