"""Indicators judged on the articles a run reads in policy and 解读 columns
(``extractors/article.py``):

- disclosure_days: 主动公开 within 20 working days of the information being formed
  (《政府信息公开条例》第二十六条): 成文日期 against 发布日期, counted on China's official
  working-day calendar with its swapped days (the ``chinesecalendar`` package).
- interpretation: each 政策解读 matched to its policy document — by link first, by title
  otherwise (``关于《…》的解读``) — with the share of documents that have one, pairs linked
  one way only, and the days between; a day limit only where the ruleset sets one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from statistics import median

from portal_audit.i18n import msg
from portal_audit.records import ArticleMeta, Item
from portal_audit.text import fold

from .verdicts import Check

NAMED = 5


@lru_cache(maxsize=4096)
def _workday(day: date) -> bool | None:
    """Whether ``day`` is a working day in China (None: the calendar has no data for its
    year). Cached: the package checks its whole table's range on every call (~25 µs)."""
    import chinese_calendar

    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return None


def working_days_between(start: date, end: date) -> int | None:
    """Working days after ``start`` up to and including ``end`` on China's official calendar
    (holidays and swapped working weekends), or None where the calendar has no data yet
    (a year whose holidays are not announced)."""
    days = [_workday(start + timedelta(n)) for n in range(1, (end - start).days + 1)]
    return None if None in days else sum(1 for d in days if d)


def disclosure_check(articles: list[tuple[str, ArticleMeta]], params: dict) -> Check:
    """Each article read that shows its 成文日期: published more than ``limit`` working days
    after it was formed fails when the page states its 发布日期 too, and warns when only its
    list's date says when it was published (a list may show a later update's date); every
    one is named, up to NAMED."""
    limit = int(params.get("working_days", 20))
    dated, late = 0, []
    uncounted: list[date] = []
    for column, a in articles:
        published = a.published_on or a.listed_on
        if a.error is not None or a.written_on is None or published is None or published < a.written_on:
            continue
        days = working_days_between(a.written_on, published)
        if days is None:
            uncounted.append(a.written_on)
            continue
        dated += 1
        if days > limit:
            late.append((days, column, a, published))
    if late:
        late.sort(key=lambda x: (x[2].published_on is None, -x[0]))  # the certain ones first
        named = [msg("disclosure.hit" if a.published_on else "disclosure.hit_listed", title=a.title,
                     written=a.written_on, published=p, days=d, url=a.url) for d, _, a, p in late[:NAMED]]
        certain = any(a.published_on for _, _, a, _ in late)
        return Check("disclosure_days", "fail" if certain else "warn",
                     msg("disclosure.fail" if certain else "disclosure.listed", n=len(late), of=dated, limit=limit,
                         named=named))
    if dated:
        return Check("disclosure_days", "pass", msg("disclosure.pass", n=dated, limit=limit))
    if uncounted:
        return Check("disclosure_days", "unknown", msg("disclosure.no_calendar", year=uncounted[0].year))
    return Check("disclosure_days", "unknown", msg("disclosure.no_metadata", n=len(articles)))


_BOOK = re.compile(r"《([^》]{4,})》")
_NOISE = re.compile(r"^(?:关于|图解|解读|一图读懂|一图看懂|政策解读)[:：]?"
                    r"|(?:的)?(?:政策)?解读(?:材料|稿)?$|的通知$|的意见$")


def _subject(title: str) -> str:
    """What a title is about: the first 《…》 it names, else the title without the words a
    解读 or a notice wraps around it."""
    t = fold(title)
    m = _BOOK.search(t)
    return _NOISE.sub("", _NOISE.sub("", m.group(1) if m else t))


@dataclass(frozen=True)
class Pair:
    policy: Item
    reading: Item  # the 解读
    by_link: bool
    reading_links: bool | None  # the 解读 links to the document (None: the 解读's page was not read)
    policy_links: bool | None  # the document links to its 解读 (None: the document's page was not read)


def match(policies: list[Item], readings: list[Item], articles: dict[str, ArticleMeta]) -> list[Pair]:
    """Each 解读 with its policy document: a link between their pages first, else the same
    subject in their titles (one document per 解读; the nearest earlier one when several)."""
    by_url = {p.url: p for p in policies}
    subjects: dict[str, list[Item]] = {}
    for p in policies:
        subjects.setdefault(_subject(p.title), []).append(p)
    pairs = []
    for r in readings:
        page = articles.get(r.url)
        linked = [by_url[u] for u, _ in (page.links if page and page.error is None else ()) if u in by_url]
        back = [p for p in policies if (pp := articles.get(p.url)) and pp.error is None
                and any(u == r.url for u, _ in pp.links)]
        candidates = linked or back or subjects.get(_subject(r.title), [])
        if not candidates:
            continue
        when = r.published_on or date.max
        policy = min(candidates, key=lambda p: abs(((p.published_on or when) - when).days))
        reading_page, policy_page = page, articles.get(policy.url)
        pairs.append(Pair(policy, r, bool(linked or back),
                          None if reading_page is None or reading_page.error else
                          any(u == policy.url for u, _ in reading_page.links),
                          None if policy_page is None or policy_page.error else
                          any(u == r.url for u, _ in policy_page.links)))
    return pairs


def interpretation_check(policies: list[Item], readings: list[Item], articles: dict[str, ArticleMeta],
                         params: dict, columns_read: bool) -> Check:
    """The policy documents' 解读: their share, pairs whose pages link neither way (fail: 文件
    与解读未相互关联), pairs linked one way only (warn), and — where the ruleset sets
    ``max_working_days`` — 解读 published later than that after their document (fail)."""
    if not columns_read:
        return Check("interpretation", "unknown", msg("interpretation.no_columns"))
    if not policies:
        return Check("interpretation", "unknown", msg("interpretation.no_policies"))
    pairs = match(policies, readings, articles)
    explained = {p.policy.url for p in pairs}
    share = f"{len(explained) / len(policies):.0%}"
    one_way = [p for p in pairs if {p.reading_links, p.policy_links} == {True, False}]
    gaps = [(p.reading.published_on - p.policy.published_on).days for p in pairs
            if p.reading.published_on and p.policy.published_on]
    summary = msg("interpretation.summary", policies=len(policies), explained=len(explained), share=share,
                  both=sum(1 for p in pairs if p.reading_links and p.policy_links), one_way=len(one_way),
                  days=f"{median(gaps):g}" if gaps else "—")
    limit = params.get("max_working_days")
    if limit is not None:
        slow = [(d, p) for p in pairs if p.reading.published_on and p.policy.published_on
                and (d := working_days_between(p.policy.published_on, p.reading.published_on)) is not None
                and d > int(limit)]
        if slow:
            named = [msg("interpretation.slow_hit", reading=p.reading.title, policy=p.policy.title, days=d)
                     for d, p in slow[:NAMED]]
            return Check("interpretation", "fail", msg("interpretation.slow", n=len(slow), limit=limit, named=named,
                                                       summary=summary))
    unlinked = [p for p in pairs if p.reading_links is False and p.policy_links is False]
    if unlinked:  # both pages read, neither links the other: not 相互关联 at all
        named = [msg("interpretation.unlinked_hit", reading=p.reading.title, policy=p.policy.title)
                 for p in unlinked[:NAMED]]
        return Check("interpretation", "fail", msg("interpretation.unlinked", n=len(unlinked), named=named,
                                                   summary=summary))
    if one_way:
        named = [msg("interpretation.one_way_hit", reading=p.reading.title, policy=p.policy.title,
                     missing=msg("interpretation.no_back" if p.reading_links else "interpretation.no_forward"))
                 for p in one_way[:NAMED]]
        return Check("interpretation", "warn", msg("interpretation.one_way", n=len(one_way), named=named,
                                                   summary=summary))
    return Check("interpretation", "pass", summary)
