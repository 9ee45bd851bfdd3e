"""Import a catalog from a published column table (栏目分工), as in seed 003 section 五:

    序号 一级栏目 二级栏目 三级栏目 更新频率 负责科室
    1 政策法规 部门文件 及时更新 各科室
    2 规范性文件发布 及时更新 各科室

Rows list only the levels that change (the table had merged cells): a row naming k
levels keeps the upper levels of the row above and replaces its last k, unless its first
name is a well-known top-level column of the national 政府信息公开 catalogue, which starts
a new branch. The frequency is found by vocabulary, so the column order may vary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from validations.frequency import UnknownFrequency, normalize_frequency

from .catalog import Catalog, Column, Portal
from .text import clean, fold

# Top-level columns of the standard 政府信息公开 catalogue (simplified, folded).
TOP_LEVEL = {
    "机构职能", "机构领导", "机构设置", "领导信息", "人事信息", "规划计划", "政策法规", "政策文件", "政策解读",
    "重大决策预公开", "决策部署落实情况", "建议提案办理", "财政资金", "财政预决算", "应急管理", "招标采购",
    "乡村振兴", "权责清单和动态调整情况", "公共服务清单和中介服务清单", "行政权力运行", "新闻发布", "回应关切",
    "监督保障", "新媒体运用", "制度指南", "公开年报", "依申请公开", "重点领域信息公开", "三大攻坚战",
    "政府网站工作年度报表", "工作动态", "通知公告",
}
_HEADER_WORDS = re.compile(r"(更新频率|更新頻率|頻率|频率)")
_ROW = re.compile(r"^\s*(\d{1,4})[\s.、]+(.+?)\s*$")
_TAG_REMNANT = re.compile(r"\??/?(?:td|th|tr)>")


class ImportError_(ValueError):
    """A table row the importer cannot read; the message names the row."""


@dataclass
class ImportResult:
    catalog: Catalog
    warnings: list[str] = field(default_factory=list)


def _split_row(number: str, rest: str) -> tuple[list[str], str, str]:
    tokens = clean(_TAG_REMNANT.sub("", rest)).split(" ")
    for i in range(len(tokens) - 1, -1, -1):
        try:
            normalize_frequency(tokens[i])
        except UnknownFrequency:
            continue
        names, freq, unit = tokens[:i], tokens[i], " ".join(tokens[i + 1:])
        if not names:
            raise ImportError_(f"row {number}: no column name before the frequency {freq!r}")
        return names, freq, unit
    raise ImportError_(f"row {number}: no update frequency (such as 及时更新, 每月更新) found in {rest!r}")


def import_text(text: str, portal_id: str = "portal", name: str = "", base_url: str = "http://example.gov.cn/") -> ImportResult:
    """Read the last column table in ``text`` (plain text as in seed 003)."""
    lines = text.splitlines()
    header = max((i for i, line in enumerate(lines) if _HEADER_WORDS.search(line)), default=None)
    if header is None:
        raise ImportError_("no column table found: expected a header row naming 更新频率")
    levels = max(2, len(re.findall(r"[一二三四五]级|[一二三四五]級", lines[header]))) or 3
    columns, warnings = [], []
    prev: list[str] = []
    for lineno, line in enumerate(lines[header + 1:], start=header + 2):
        m = _ROW.match(line)
        if not m:
            if line.strip():
                warnings.append(f"line {lineno}: not a table row, skipped: {line.strip()[:40]!r}")
            continue
        number, rest = m.groups()
        names, freq, unit = _split_row(number, rest)
        if len(names) > levels:
            raise ImportError_(f"row {number} (line {lineno}): {len(names)} level names but the table has {levels} levels")
        if len(names) >= levels or fold(names[0]) in TOP_LEVEL or not prev:
            path = names
        else:
            keep = max(0, len(prev) - len(names))
            path = prev[:keep] + names
        if any("?" in n or "\ufffd" in n for n in path):
            warnings.append(f"row {number}: text looks garbled (mojibake): {' › '.join(path)}")
        columns.append(Column(id=f"c{int(number):02d}", path=path, frequency=freq, responsible=unit or None))
        prev = path
    if not columns:
        raise ImportError_(f"line {header + 1}: header found but no numbered rows after it")
    portal = Portal(id=portal_id, name=name or portal_id, base_url=base_url, columns=columns)
    return ImportResult(Catalog(portals=[portal]), warnings)


def import_file(path: str | Path, **kwargs) -> ImportResult:
    path = Path(path)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("gb18030", errors="replace")
    return import_text(text, **kwargs)
