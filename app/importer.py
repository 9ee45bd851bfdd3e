"""Import a catalog from a published column table (栏目分工): plain text (as in seed 003,
section 五), HTML ``<table>`` with merged cells, XLSX or DOCX.

Grid formats keep their merged cells, so a column's levels are explicit once rowspans and
colspans are filled in. Plain text loses them: a row naming k levels keeps the upper levels
of the row above and replaces its last k, unless its first name is a well-known top-level
column of the national 政府信息公开 catalogue, which starts a new branch. Frequency and
responsible-unit columns are found by their headers, in any order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from portal_audit.catalog import Catalog, Column, Portal
from portal_audit.frequency import UnknownFrequency, normalize_frequency
from portal_audit.i18n import msg
from portal_audit.text import clean, fold, to_simplified

# Top-level columns of the standard 政府信息公开 catalogue (simplified, folded).
TOP_LEVEL = {
    "机构职能", "机构领导", "机构设置", "领导信息", "人事信息", "规划计划", "政策法规", "政策文件", "政策解读",
    "重大决策预公开", "决策部署落实情况", "建议提案办理", "财政资金", "财政预决算", "应急管理", "招标采购",
    "乡村振兴", "权责清单和动态调整情况", "公共服务清单和中介服务清单", "行政权力运行", "新闻发布", "回应关切",
    "监督保障", "新媒体运用", "制度指南", "公开年报", "依申请公开", "重点领域信息公开", "三大攻坚战",
    "政府网站工作年度报表", "工作动态", "通知公告",
}
_FREQ_HEADER = re.compile(r"频率|頻率|更新要求|更新周期|更新週期")
_UNIT_HEADER = re.compile(r"负责|負責|责任|責任|科室|单位|單位|处室|處室")
_LEVEL_HEADER = re.compile(r"([一二三四五1-5])\s*[级級]|栏目|欄目")
_SEQ_HEADER = re.compile(r"序号|序號|编号|編號|^no\.?$", re.I)
_ROW = re.compile(r"^\s*(\d{1,4})[\s.、]+(.+?)\s*$")
_TAG_REMNANT = re.compile(r"\??/?(?:td|th|tr)>")


class TableError(ValueError):
    """A table the importer cannot read; the message (a catalogue ``Msg``, written in the
    reader's language when shown) names the row and why."""


@dataclass
class ImportResult:
    catalog: Catalog
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Row:
    number: str
    path: list[str]
    frequency: str
    unit: str


def _norm(text: str, simplified: bool) -> str:
    text = clean(_TAG_REMNANT.sub("", text or ""))
    return to_simplified(text) if simplified else text


# -- plain text -------------------------------------------------------------------------
def _text_rows(text: str, simplified: bool) -> list[_Row]:
    lines = text.splitlines()
    header = max((i for i, line in enumerate(lines) if _FREQ_HEADER.search(line)), default=None)
    if header is None:
        raise TableError(msg("import_error.no_table"))
    head = lines[header]
    levels = max(2, len(re.findall(r"[一二三四五][级級]", head)))
    unit_head, freq_head = _UNIT_HEADER.search(head), _FREQ_HEADER.search(head)
    unit_first = bool(unit_head and freq_head and unit_head.start() < freq_head.start())
    rows: list[_Row] = []
    prev: list[str] = []
    for lineno, line in enumerate(lines[header + 1:], start=header + 2):
        m = _ROW.match(line)
        if not m:
            continue
        number, rest = m.groups()
        tokens = _norm(rest, simplified).split(" ")
        at = next((i for i in range(len(tokens) - 1, -1, -1) if _is_frequency(tokens[i])), None)
        if at is None:
            raise TableError(msg("import_error.no_frequency", number=number, line=lineno, text=rest.strip()))
        if unit_first:
            names, unit = tokens[:at - 1], tokens[at - 1] if at else ""
        else:
            names, unit = tokens[:at], " ".join(tokens[at + 1:])
        if not names:
            raise TableError(msg("import_error.no_name_before", number=number, line=lineno, frequency=tokens[at]))
        if len(names) > levels:
            raise TableError(msg("import_error.too_many_levels", number=number, line=lineno, n=len(names),
                                 levels=levels))
        if len(names) >= levels or fold(names[0]) in TOP_LEVEL or not prev:
            path = names
        else:
            path = prev[:max(0, len(prev) - len(names))] + names
        rows.append(_Row(number, path, tokens[at], unit))
        prev = path
    if not rows:
        raise TableError(msg("import_error.no_rows", line=header + 1))
    return rows


def _is_frequency(token: str) -> bool:
    try:
        normalize_frequency(token)
        return True
    except UnknownFrequency:
        return False


# -- grids (HTML, XLSX, DOCX) ----------------------------------------------------------------
def _grid_rows(grid: list[list[str]], simplified: bool, source: str) -> list[_Row]:
    """Rows of a table whose merged cells are already filled in."""
    header_at = next((i for i, r in enumerate(grid) if any(_FREQ_HEADER.search(c or "") for c in r)), None)
    if header_at is None:
        raise TableError(msg("import_error.no_header", source=source))
    header = [clean(c or "") for c in grid[header_at]]
    freq_col = next(i for i, c in enumerate(header) if _FREQ_HEADER.search(c))
    unit_col = next((i for i, c in enumerate(header) if _UNIT_HEADER.search(c) and i != freq_col), None)
    seq_col = next((i for i, c in enumerate(header) if _SEQ_HEADER.search(c)), None)
    level_cols = [i for i, c in enumerate(header) if _LEVEL_HEADER.search(c) and i not in (freq_col, unit_col, seq_col)]
    if not level_cols:
        raise TableError(msg("import_error.no_levels", source=source, row=header_at + 1))
    rows: list[_Row] = []
    for n, raw in enumerate(grid[header_at + 1:], start=header_at + 2):
        cells = [_norm(c, simplified) for c in raw] + [""] * (len(header) - len(raw))
        if not any(cells):
            continue
        number = cells[seq_col] if seq_col is not None and cells[seq_col] else str(len(rows) + 1)
        path: list[str] = []
        for i in level_cols:
            if cells[i] and (not path or cells[i] != path[-1]):  # colspan repeats the same name
                path.append(cells[i])
        freq = cells[freq_col]
        if not path:
            raise TableError(msg("import_error.grid_no_name", source=source, row=n, number=number))
        if not _is_frequency(freq):
            raise TableError(msg("import_error.grid_frequency", source=source, row=n, number=number, frequency=freq))
        rows.append(_Row(number, path, freq, cells[unit_col] if unit_col is not None else ""))
    return rows


def _html_grid(html: str) -> list[list[str]]:
    """The largest <table> as a grid, rowspans and colspans filled in."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    tables = soup.find_all("table")
    if not tables:
        raise TableError(msg("import_error.no_html_table"))
    table = max(tables, key=lambda t: len(t.find_all("tr")))
    grid: list[list[str]] = []
    pending: dict[tuple[int, int], str] = {}
    for r, tr in enumerate(table.find_all("tr")):
        row: list[str] = []
        col = 0
        cells = tr.find_all(["td", "th"])
        for cell in cells:
            while (r, col) in pending:
                row.append(pending.pop((r, col)))
                col += 1
            text = cell.get_text(" ", strip=True)
            rowspan, colspan = int(str(cell.get("rowspan") or 1)), int(str(cell.get("colspan") or 1))
            for dc in range(colspan):
                row.append(text)
                for dr in range(1, rowspan):
                    pending[(r + dr, col + dc)] = text
            col += colspan
        while (r, col) in pending:
            row.append(pending.pop((r, col)))
            col += 1
        grid.append(row)
    return grid


def _xlsx_grid(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    ws = load_workbook(path, read_only=False, data_only=True).worksheets[0]
    values = [[("" if v is None else str(v)) for v in row] for row in ws.iter_rows(values_only=True)]
    for rng in ws.merged_cells.ranges:
        top = values[rng.min_row - 1][rng.min_col - 1]
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                values[r - 1][c - 1] = top
    return values


def _docx_grid(path: Path) -> list[list[str]]:
    import docx

    doc = docx.Document(str(path))
    if not doc.tables:
        raise TableError(msg("import_error.no_docx_table"))
    table = max(doc.tables, key=lambda t: len(t.rows))
    return [[cell.text for cell in row.cells] for row in table.rows]  # merged cells repeat their text


# -- entry points -------------------------------------------------------------------------------
def import_file(path: str | Path, portal_id: str = "portal", name: str = "", base_url: str = "http://example.gov.cn/",
                simplified: bool = False) -> ImportResult:
    """Import a column table from .txt, .html/.htm, .xlsx or .docx."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        rows = _grid_rows(_xlsx_grid(path), simplified, path.name)
    elif suffix == ".docx":
        rows = _grid_rows(_docx_grid(path), simplified, path.name)
    else:
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("gb18030", errors="replace")
        if suffix in (".html", ".htm") or "<table" in text.lower():
            rows = _grid_rows(_html_grid(text), simplified, path.name)
        else:
            rows = _text_rows(text, simplified)
    return _to_catalog(rows, portal_id, name, base_url)


def import_text(text: str, portal_id: str = "portal", name: str = "", base_url: str = "http://example.gov.cn/",
                simplified: bool = False) -> ImportResult:
    return _to_catalog(_text_rows(text, simplified), portal_id, name, base_url)


def _to_catalog(rows: list[_Row], portal_id: str, name: str, base_url: str) -> ImportResult:
    warnings: list[str] = []
    columns: list[Column] = []
    seen: set[str] = set()
    for row in rows:
        cid = f"c{int(row.number):02d}" if row.number.isdigit() else f"c{len(columns) + 1:02d}"
        if cid in seen:
            raise TableError(msg("import_error.duplicate_number", number=row.number))
        seen.add(cid)
        if any("?" in n or "\ufffd" in n for n in row.path):
            warnings.append(f"row {row.number}: text looks garbled (mojibake): {' › '.join(row.path)}")
        columns.append(Column(id=cid, path=row.path, url="", frequency=row.frequency, responsible=row.unit or None))
    portal = Portal(id=portal_id, name=name or portal_id, base_url=base_url, columns=columns)
    return ImportResult(Catalog(portals=[portal]), warnings)
