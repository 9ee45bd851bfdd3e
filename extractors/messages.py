"""Messages of 政务咨询 columns (领导信箱, 咨询投诉, 网上咨询 …): when each was asked and
answered, read from the shapes their list pages take — a table headed 标题/留言时间/
回复时间/办理状态, or rows that label their dates ("留言时间：…", "答复时间：…") and show a
state (已回复, 未回复, 办理中) — and from a message's detail page when the list does not
say when it was answered. 互动回应差 is judged on these (``validations/verdicts.py``)."""

from __future__ import annotations

import re
from datetime import date

from lxml import etree

from portal_audit.records import Message

from .dates import find_dates
from .markup import SKIP_HREF as _SKIP_HREF
from .markup import join_url, page_doc
from .markup import link_title as _title
from .markup import text as _text

_ASKED = re.compile(r"留言时间|留言日期|提问时间|来信时间|来信日期|咨询时间|提交时间|写信时间|投诉时间|发信时间"
                    r"|提问日期|留言時間|來信時間|諮詢時間")
_ANSWERED = re.compile(r"回复时间|回复日期|答复时间|答复日期|办结时间|办结日期|处理时间|反馈时间"
                       r"|回覆時間|答覆時間|回復時間")
_TITLE = re.compile(r"标题|主题|信件|留言|咨询|事项|标  题|標題|主題")
_STATE_HEAD = re.compile(r"状态|办理|处理|狀態|辦理")
_ANSWERED_STATE = re.compile(r"已回复|已答复|已办结|已处理|已反馈|已回覆|已答覆|已辦結|已回復|已处理完毕")
_OPEN_STATE = re.compile(r"未回复|未答复|待回复|待答复|未办理|未处理|未回覆|未答覆|待處理")
_PENDING_STATE = re.compile(r"办理中|处理中|受理中|已受理|转办中|正在办理|辦理中|處理中")


def _state(text: str, answered_on: date | None) -> str:
    if _OPEN_STATE.search(text):
        return "unanswered"
    if _PENDING_STATE.search(text):
        return "in_progress"
    if answered_on is not None or _ANSWERED_STATE.search(text):
        return "answered"
    return "unknown"


def _labelled(text: str, label: re.Pattern, as_of: date | None) -> date | None:
    for m in label.finditer(text):
        found = find_dates(text[m.end():m.end() + 30], as_of, allow_yearless=False)
        if found:
            return found[0]
    return None


def _cells(row: etree._Element) -> list[etree._Element]:
    return [c for c in row if c.tag in ("td", "th")]


def _from_tables(doc: etree._Element, url: str, as_of: date | None) -> list[Message]:
    out = []
    for table in doc.iter("table"):
        rows = list(table.iter("tr"))
        head = next((r for r in rows[:3] if _ASKED.search(_text(r)) or _ANSWERED.search(_text(r))), None)
        if head is None:
            continue
        labels = [_text(c) for c in _cells(head)]
        col: dict[str, int] = {}
        for i, label in enumerate(labels):
            for key, pattern in (("asked", _ASKED), ("answered", _ANSWERED), ("state", _STATE_HEAD), ("title", _TITLE)):
                if key not in col and pattern.search(label):
                    col[key] = i
                    break
        for row in rows[rows.index(head) + 1:]:
            cells = _cells(row)
            link = next((a for a in row.iter("a") if (a.get("href") or "").strip()
                         and not a.get("href").strip().startswith(_SKIP_HREF) and len(_title(a)) >= 2), None)
            if link is None or len(cells) < 2:
                continue

            def cell(key: str, cells: list[etree._Element] = cells, col: dict[str, int] = col) -> str:
                i = col.get(key)
                return _text(cells[i]) if i is not None and i < len(cells) else ""

            asked = next(iter(find_dates(cell("asked"), as_of, allow_yearless=False)), None)
            answered = next(iter(find_dates(cell("answered"), as_of, allow_yearless=False)), None)
            if asked is None and "asked" not in col:
                dates = find_dates(_text(row), as_of, allow_yearless=False)
                asked = dates[0] if dates else None
            state_text = cell("state") or _text(row)
            out.append(Message(_title(link), join_url(url, link.get("href").strip()), asked, answered,
                               _state(state_text, answered)))
    return out


def _from_rows(doc: etree._Element, url: str, as_of: date | None, taken: set[str]) -> list[Message]:
    """Rows outside headed tables: a link and labelled dates or a state in the same row."""
    out = []
    seen: set[int] = set()
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(_SKIP_HREF) or len(_title(a)) < 4:
            continue
        link = join_url(url, href)
        if link in taken:
            continue
        row = a.getparent()
        while row is not None and row.tag not in ("li", "tr", "dd", "div", "p", "article"):
            row = row.getparent()
        if row is None or id(row) in seen:
            continue
        text = _text(row)
        if len(text) > 400 or sum(1 for x in row.iter("a") if len(_text(x)) >= 4) > 1:
            continue
        asked, answered = _labelled(text, _ASKED, as_of), _labelled(text, _ANSWERED, as_of)
        stated = _state(text, answered)
        if asked is None and answered is None and stated == "unknown":
            continue  # a plain link: no sign of a message
        if asked is None:
            dates = find_dates(text.replace(_text(a), " ", 1), as_of, allow_yearless=False)
            asked = dates[0] if dates else None
            if answered is None and len(dates) > 1 and stated == "answered":
                answered = dates[1]
        seen.add(id(row))
        taken.add(link)
        out.append(Message(_title(a), link, asked, answered, stated))
    return out


def parse_messages(html: str, url: str, as_of: date | None = None) -> list[Message]:
    """The messages a consultation column's list page shows, in page order."""
    doc = page_doc(html)
    found = _from_tables(doc, url, as_of)
    taken = {m.url for m in found}
    return found + _from_rows(doc, url, as_of, taken)


def message_detail(html: str, as_of: date | None = None) -> tuple[date | None, date | None, str]:
    """(asked, answered, state) from a message's detail page: labelled dates ("留言时间：",
    "答复时间："), else the date after a 回复/答复 heading, and the state it shows."""
    doc = page_doc(html)
    body = doc.find("body")
    text = _text(body if body is not None else doc)
    asked, answered = _labelled(text, _ASKED, as_of), _labelled(text, _ANSWERED, as_of)
    if answered is None:
        m = re.search(r"(?:回复内容|答复内容|回复意见|答复意见|办理结果|回复|答复)\s*[:：]", text)
        if m:
            later = [d for d in find_dates(text[m.end():], as_of, allow_yearless=False) if asked is None or d >= asked]
            answered = later[0] if later else None
    return asked, answered, _state(text, answered)
