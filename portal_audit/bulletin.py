"""The 检查情况通报: a run's findings as the Word document inspection offices circulate —
overall results, the portals that failed and why (单项否决), availability over the week,
stale and blank columns and late messages per responsible unit (负责科室), columns about
to fall due (即将超期), wording errors and personal-data leaks, broken links, and the
request to correct them (整改要求)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from .report import ITEM_NAMES, OUTCOME_NAMES, VERDICT_NAMES, ReportData, findings_frame

BODY_FONT = "仿宋"  # official documents: 仿宋 body, 黑体 headings (the 党政机关公文格式 convention)
HEADING_FONT = "黑体"
ROW_LIMIT = 500  # rows per table; the rest is in the warehouse and the XLSX export


def _cn_date(value) -> str:
    d = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return f"{d.year}年{d.month}月{d.day}日"


def _font(run, name: str, size: float | None = None, bold: bool | None = None) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = name
    rpr = run._element.get_or_add_rPr()  # noqa: SLF001 - python-docx has no API for the East Asian font
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), name)
    if size:
        run.font.size = Pt(size)
    if bold is not None:
        run.bold = bold


def _heading(doc, text: str) -> None:
    p = doc.add_paragraph()
    _font(p.add_run(text), HEADING_FONT, 16)


def _para(doc, text: str) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = None
    _font(p.add_run(text), BODY_FONT, 14)


def _table(doc, header: list[str], rows: list[list]) -> None:
    shown = rows[:ROW_LIMIT]
    table = doc.add_table(rows=1 + len(shown), cols=len(header))
    table.style = "Table Grid"
    for i, text in enumerate(header):
        cell = table.rows[0].cells[i]
        cell.text = ""
        _font(cell.paragraphs[0].add_run(text), HEADING_FONT, 10.5)
    for r, row in enumerate(shown, start=1):
        for i, value in enumerate(row):
            cell = table.rows[r].cells[i]
            cell.text = ""
            text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
            _font(cell.paragraphs[0].add_run(text), BODY_FONT, 10.5)
    if len(rows) > len(shown):
        _para(doc, f"（另有{len(rows) - len(shown)}行，见数据仓库及XLSX导出。）")


def write_bulletin(data: ReportData, out: str | Path) -> Path:
    """Write the run's 检查情况通报 as a .docx."""
    import docx

    out = Path(out)
    info, cols = data.info, data.columns
    doc = docx.Document()
    title = doc.add_paragraph()
    title.alignment = 1  # centred
    _font(title.add_run("政府网站检查情况通报"), "方正小标宋简体", 22, True)
    sub = doc.add_paragraph()
    sub.alignment = 1
    _font(sub.add_run(f"（检查日期：{_cn_date(info['as_of'])}）"), BODY_FONT, 14)

    verdicts = data.verdicts
    failing = verdicts[verdicts["verdict"] == "fail"]
    unknown = verdicts[verdicts["verdict"] == "unknown"]
    counts = cols["status"].value_counts()
    _heading(doc, "一、总体情况")
    _para(doc, f"依据《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）及规则集{info['ruleset']}，"
               f"本次检查网站{len(verdicts)}个、栏目{len(cols)}个。单项否决：不合格{len(failing)}个，"
               f"合格{(verdicts['verdict'] == 'pass').sum()}个，待判定{len(unknown)}个。栏目：按时更新"
               f"{counts.get('fresh', 0)}个，超期未更新{counts.get('stale', 0)}个，空白栏目{counts.get('empty', 0)}个，"
               f"无法访问{counts.get('unreachable', 0)}个，无法判定{counts.get('error', 0)}个，无需定期更新{counts.get('exempt', 0)}个。")

    _heading(doc, "二、单项否决情况")
    checks = data.checks if data.checks is not None else pd.DataFrame(columns=["portal_id", "item", "outcome", "reason"])
    rows = [[r.portal_id, ITEM_NAMES.get(r.item, r.item), OUTCOME_NAMES.get(r.outcome, r.outcome), r.reason]
            for r in checks.itertuples(index=False) if r.outcome in ("fail", "unknown", "warn")]
    verdict_of = dict(zip(verdicts["portal_id"], verdicts["verdict"]))
    if rows:
        _para(doc, "；".join(f"{p}：{VERDICT_NAMES.get(v, v)}" for p, v in verdict_of.items()) + "。")
        _table(doc, ["网站", "指标", "结果", "问题说明"], rows)
    else:
        _para(doc, "各网站单项否决指标均通过。")

    _heading(doc, "三、站点可用性（检查前一周首页监测）")
    week = data.availability
    if week is None or week.empty:
        _para(doc, "检查前一周无首页监测记录，站点可用性无法判定。")
    else:
        _table(doc, ["网站", "监测次数", "失败次数", "失败率", "单日最少监测次数"],
               [[r.portal_id, r.probes, r.failed, f"{r.failed_share:.1%}", r.fewest_per_day]
                for r in week.itertuples(index=False)])

    _heading(doc, "四、栏目更新问题（按负责科室）")
    bad = cols[cols["status"].isin(["stale", "empty", "unreachable", "error"])].copy()
    names = {"stale": "超期未更新", "empty": "空白栏目", "unreachable": "无法访问", "error": "无法判定"}
    if bad.empty:
        _para(doc, "未发现栏目更新问题。")
    else:
        bad["responsible"] = bad["responsible"].fillna("未明确")
        for unit, g in bad.groupby("responsible", sort=True):
            _para(doc, f"{unit}：{len(g)}个栏目。")
            _table(doc, ["网站", "栏目", "问题", "最近更新", "距今天数", "允许天数"],
                   [[r.portal_id, r.path, names[r.status], r.last_published_on, r.days_since_update, r.allowed_days]
                    for r in g.itertuples(index=False)])

    _heading(doc, "五、互动回应情况")
    late = data.late
    if late is None or late.empty:
        _para(doc, "未发现超过3个月未答复的留言。")
    else:
        _table(doc, ["负责科室", "网站", "留言标题", "留言日期", "答复日期", "等待天数"],
               [[r.responsible or "未明确", r.portal_id, r.title, r.asked_on, r.answered_on or "未答复", r.waited_days]
                for r in late.itertuples(index=False)])

    _heading(doc, "六、即将超期预警")
    due = data.due_soon
    if due is None or due.empty:
        _para(doc, "暂无即将超期的栏目。")
    else:
        _table(doc, ["负责科室", "网站", "栏目", "最近更新", "剩余天数"],
               [[r.responsible or "未明确", r.portal_id, r.path, r.last_published_on, r.days_left]
                for r in due.itertuples(index=False)])

    _heading(doc, "七、严重表述错误与个人信息泄露")
    frame = findings_frame(data)
    if frame.empty:
        _para(doc, "未发现严重表述错误和个人信息泄露。")
    else:
        _table(doc, ["网站", "类型", "程度", "发现", "应为", "所在句子"],
               [[r[0], r[1], r[2], r[3], r[4], r[5]] for r in frame.itertuples(index=False)])

    _heading(doc, "八、不可用链接")
    _para(doc, data.link_summary())
    broken = data.broken_links()
    if not broken.empty:
        _table(doc, ["网站", "链接", "所在页面", "链接文字", "范围", "类型", "连续失效天数"],
               [[r.portal_id, r.url, r.page_url, r.text, r.scope, r.kind, r.days_broken] for r in broken.itertuples(index=False)])

    _heading(doc, "九、整改要求")
    _para(doc, "请各负责科室对照上述问题逐项整改：超期未更新栏目及时更新，确无信息的栏目在栏目内注明原因（说明），"
               "空白栏目予以充实或按程序调整，留言按时答复，严重表述错误立即更正，涉及个人信息的内容立即删除或脱敏，"
               "不可用链接及时修复或删除；即将超期栏目请提前安排更新。")
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(out))
    return out
