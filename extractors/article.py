"""An article page's disclosure metadata and its links to other articles: what the 主动公开
time limit (条例 第二十六条: within 20 working days of being formed) and the policy ↔ 解读
links are judged on (``validations/articles.py``).

Information-disclosure articles carry a metadata table (索引号, 发文机关 or 发布机构,
成文日期 or 生成日期, 发布日期): the gov.cn shape (``<td><b>成文日期：</b></td><td>…</td>``),
Hanweb's ``xxgk_table`` rows, a ``<ul>`` of ``<li><span>label</span>value``. All write each
label before its value, its characters sometimes spaced (``索 引 号``); they are read from
the page's text with its cells kept apart, by label, whatever the markup.
"""

from __future__ import annotations

import re
from datetime import date

from lxml import etree

from portal_audit.records import ArticleMeta

from .dates import find_dates
from .evidence import article_like
from .markup import SKIP_HREF, joiner, link_title, page_doc, spaced_text

LINKS_KEPT = 60  # links to other articles kept per article (a page's menus can hold hundreds)


def _label(*words: str) -> str:
    """A label as pages spell it: its characters possibly spaced, a colon or none after."""
    return "(?:" + "|".join(r"\s*".join(map(re.escape, w)) for w in words) + r")\s*[:：]?\s*"


_DATE = r"(\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?)"
_WRITTEN = re.compile(_label("成文日期", "发文日期", "生成日期", "成文时间", "印发日期") + _DATE)
_PUBLISHED = re.compile(_label("发布日期", "公开日期", "发布时间", "公开时间") + _DATE)
_INDEX = re.compile(_label("索引号") + r"([0-9A-Za-z][0-9A-Za-z/\-_.]{5,40})")
_ISSUER = re.compile(_label("发文机关", "发布机构", "发文单位", "公开主体", "信息来源") + r"([^\s:：|]{2,30})")


def _date(pattern: re.Pattern, text: str) -> date | None:
    m = pattern.search(text)
    if not m:
        return None
    found = find_dates(m.group(1), allow_yearless=False)
    return found[0] if found else None


def read_article(html: str | bytes | etree._Element, url: str, title: str, listed_on: date | None) -> ArticleMeta:
    """The metadata an article page shows, and its links to other articles of its site."""
    doc = html if isinstance(html, etree._Element) else page_doc(html)
    body = doc.find("body")
    text = spaced_text(body if body is not None else doc)
    index, issuer = _INDEX.search(text), _ISSUER.search(text)
    join = joiner(url)
    host = url.split("/", 3)[2] if url.count("/") >= 2 else ""
    links: list[tuple[str, str]] = []
    seen = {url}
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(SKIP_HREF):
            continue
        target = join(href).split("#", 1)[0]
        if target in seen or target.split("/", 3)[2:3] != [host] or not article_like(target):
            continue
        seen.add(target)
        links.append((target, link_title(a)))
        if len(links) >= LINKS_KEPT:
            break
    return ArticleMeta(url=url, title=title, listed_on=listed_on, index_no=index.group(1) if index else None,
                       issuer=issuer.group(1) if issuer else None, written_on=_date(_WRITTEN, text),
                       published_on=_date(_PUBLISHED, text), links=tuple(links))
