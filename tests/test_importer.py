"""Importing published column tables (栏目分工): seed 003 as text, and the same table as HTML
with merged cells, as XLSX and as DOCX; discovering list URLs from a portal's navigation."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from app.cli import main
from app.importer import TableError, import_file, import_text
from portal_audit.catalog import load_catalog

DATA = Path(__file__).parent / "data"
EXPECTED = [line.rstrip("\n").split("\t")
            for line in (DATA / "seed003_expected.tsv").read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")]
HEADER = ["序號", "一級欄目", "二級欄目", "三級欄目", "更新頻率", "負責科室"]


def _rows(result):
    return [[c.id, " › ".join(c.path), c.frequency, c.responsible or ""] for c in result.catalog.portals[0].columns]


def _grid() -> list[list[str]]:
    """The expected table as a full grid (three level cells a row; a two-level path spans)."""
    out = []
    for cid, path, freq, unit in EXPECTED:
        levels = path.split(" › ")
        levels += [levels[-1]] * (3 - len(levels))  # colspan: the last level fills the rest
        out.append([str(int(cid[1:]))] + levels + [freq, unit])
    return out


def _spans(grid: list[list[str]], col: int) -> list[int]:
    """Rowspan per row for an upper level column (0 = covered by the cell above)."""
    spans = [1] * len(grid)
    start = 0
    for i in range(1, len(grid) + 1):
        if (i == len(grid) or grid[i][col] != grid[start][col]
                or any(grid[i][c] != grid[start][c] for c in range(1, col))):
            spans[start] = i - start
            for j in range(start + 1, i):
                spans[j] = 0
            start = i
    return spans


def test_seed_003_text_yields_exactly_its_75_columns():
    result = import_file(DATA / "seed003_xcmz_2024.txt")
    assert _rows(result) == EXPECTED
    assert len(EXPECTED) == 75
    assert result.warnings == ["row 60: text looks garbled (mojibake): “六穩”“六?!睂m椆ぷ › 工作落實 › 保基本民生"]


def test_same_table_as_html_with_merged_cells(tmp_path):
    grid = _grid()
    s1, s2 = _spans(grid, 1), _spans(grid, 2)
    rows = []
    for i, r in enumerate(grid):
        cells = [f"<td>{r[0]}</td>"]
        if s1[i]:
            cells.append(f'<td rowspan="{s1[i]}">{html.escape(r[1])}</td>')
        if r[2] == r[3] and r[1] != r[2]:  # a two-level column: its name spans levels 2–3
            cells.append(f'<td colspan="2">{html.escape(r[2])}</td>')
        elif r[1] == r[2] == r[3]:
            cells[-1:] = [f'<td rowspan="{s1[i]}" colspan="3">{html.escape(r[1])}</td>'] if s1[i] else []
        else:
            if s2[i]:
                cells.append(f'<td rowspan="{s2[i]}">{html.escape(r[2])}</td>')
            cells.append(f"<td>{html.escape(r[3])}</td>")
        cells += [f"<td>{r[4]}</td>", f"<td>{r[5]}</td>"]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    page = (f"<html><body><p>五、各欄目具體分工</p><table><tr>{''.join(f'<th>{h}</th>' for h in HEADER)}</tr>"
            f"{''.join(rows)}</table></body></html>")
    assert 'rowspan="4"' in page and 'colspan="2"' in page  # merged cells really are there
    (tmp_path / "table.html").write_text(page, encoding="utf-8")
    assert _rows(import_file(tmp_path / "table.html")) == EXPECTED


def test_same_table_as_xlsx_with_merged_cells(tmp_path):
    from openpyxl import Workbook

    grid = _grid()
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    for r in grid:
        ws.append(r)
    merged = 0
    s1 = _spans(grid, 1)
    for i, span in enumerate(s1):
        if span > 1:
            ws.merge_cells(start_row=i + 2, start_column=2, end_row=i + 1 + span, end_column=2)
            merged += 1
    ws.append([])
    wb.save(tmp_path / "table.xlsx")
    assert merged >= 10
    assert _rows(import_file(tmp_path / "table.xlsx")) == EXPECTED


def test_same_table_as_docx_with_merged_cells(tmp_path):
    import docx

    grid = _grid()
    d = docx.Document()
    d.add_paragraph("五、各欄目具體分工")
    table = d.add_table(rows=1 + len(grid), cols=len(HEADER))
    for c, h in enumerate(HEADER):
        table.cell(0, c).text = h
    s1 = _spans(grid, 1)
    for i, r in enumerate(grid):
        for c, v in enumerate(r):
            if c == 1 and s1[i] == 0:
                continue  # covered by the merged cell above
            table.cell(i + 1, c).text = v
    for i, span in enumerate(s1):
        if span > 1:
            table.cell(i + 1, 1).merge(table.cell(i + span, 1)).text = grid[i][1]
    d.save(tmp_path / "table.docx")
    assert _rows(import_file(tmp_path / "table.docx")) == EXPECTED


def test_simplified_and_any_column_order():
    text = "序号 负责科室 更新频率 一级栏目 二级栏目\n1 辦公室 及時更新 政策法規 部門文件\n"
    with pytest.raises(TableError):
        import_text(text)  # names after the frequency are not read as levels …
    text = ("序号 一级栏目 二级栏目 负责科室 更新频率\n1 政策法規 部門文件 辦公室 及時更新\n"
            "2 規範性文件 辦公室 季度更新\n")
    rows = _rows(import_text(text, simplified=True))
    assert rows == [["c01", "政策法规 › 部门文件", "及时更新", "办公室"],
                    ["c02", "政策法规 › 规范性文件", "季度更新", "办公室"]]


def test_unreadable_tables_say_which_row_and_why(tmp_path):
    with pytest.raises(TableError, match="找不到栏目表"):
        import_text("这里没有表格")
    with pytest.raises(TableError, match=r"第2行（文件第3行）：没有更新频率"):
        import_text("序号 一级栏目 更新频率 负责科室\n1 工作动态 及时更新 办公室\n2 通知公告 偶尔 办公室\n")
    page = ("<table><tr><th>序号</th><th>栏目</th><th>更新频率</th></tr>"
            "<tr><td>1</td><td>要闻</td><td>想起来就更</td></tr></table>")
    (tmp_path / "t.html").write_text(page, encoding="utf-8")
    with pytest.raises(TableError, match=r"t.html：第2行（序号 1）：无法识别的更新频率“想起来就更”"):
        import_file(tmp_path / "t.html")


def test_import_cli_leaves_urls_to_fill_and_discover_finds_the_demo_urls(tmp_path, capsys):
    from datetime import date

    from app.demo import build_site, serve
    from validations.rules import load_ruleset

    out = tmp_path / "imported.yaml"
    assert main(["catalog", "import", str(DATA / "seed003_xcmz_2024.txt"), "-o", str(out),
                 "--portal-id", "xcmz-demo"]) == 0
    assert out.read_text(encoding="utf-8").count("url: ''") == 75
    demo = load_catalog(Path(__file__).resolve().parents[1] / "catalogs" / "demo.yaml").portals[0]
    site = build_site(demo, load_ruleset(), date(2025, 6, 30))
    server, base = serve(site)
    try:
        text = out.read_text(encoding="utf-8").replace("http://example.gov.cn/", base)
        out.write_text("allow_private_networks: true\n" + text, encoding="utf-8")
        # the garbled row 60 cannot be found by name: it must stay empty, not be guessed
        assert main(["catalog", "discover", str(out), "-o", str(tmp_path / "found.yaml")]) == 0
    finally:
        server.shutdown()
    report = capsys.readouterr().out
    found = load_catalog(tmp_path / "found.yaml").portals[0]
    truth = {c.id: c.url for c in demo.columns}
    filled = {c.id: c.url for c in found.columns if c.url}
    assert all(url == base.rstrip("/") + truth[cid] for cid, url in filled.items())
    assert len(filled) >= 74 and "c60" not in filled
    assert "未填入" in report
