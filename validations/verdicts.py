"""Site-level single-veto verdicts (单项否决) of the national checklist, per portal per run.

A portal fails when any of these holds (国办秘函〔2019〕19号, Part 1):
- 站点无法访问: the home page could not be opened;
- 网站不更新: none of the home-page columns was updated within the ruleset's home-page days;
- 栏目不更新: 动态/要闻 columns not updated in the 2 weeks before the check and first-level
  通知公告/政策文件 columns not updated in the 6 months before add up to 5 or more (personnel
  and planning columns are not counted here); or 10 or more columns that should be updated
  have long not been (stale); or 5 or more blank columns (空白栏目).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from portal_audit.catalog import Portal
from portal_audit.records import ColumnVerdict

from .rules import FIRST_LEVEL_ONLY, NATIONAL_VETO_DAYS, Ruleset

VETO_CLASS_LIMIT = 5
LONG_STALE_LIMIT = 10
BLANK_LIMIT = 5


@dataclass(frozen=True)
class PortalVerdict:
    portal_id: str
    passed: bool
    reasons: tuple[str, ...]
    home_reachable: bool | None
    home_updated: bool | None
    veto_class_columns: tuple[str, ...] = field(default=())
    stale_columns: tuple[str, ...] = field(default=())
    blank_columns: tuple[str, ...] = field(default=())


def portal_verdict(portal: Portal, verdicts: list[ColumnVerdict], ruleset: Ruleset, as_of: date,
                   home_reachable: bool | None = None) -> PortalVerdict:
    cols = {c.id: c for c in portal.columns}
    mine = [v for v in verdicts if v.portal_id == portal.id]
    veto, reasons = [], []
    for v in mine:
        category = ruleset.infer_category(cols[v.column_id])
        limit = NATIONAL_VETO_DAYS.get(category)
        if category in FIRST_LEVEL_ONLY and len(cols[v.column_id].path) > 1:
            limit = None  # the rule counts first-level 通知公告/政策文件 columns only
        if limit is not None and v.allowed_days is not None:
            limit = max(limit, v.allowed_days)  # a quarterly column is not held to the 2-week news limit
        if limit is not None and v.status in ("fresh", "stale") and v.days_since_update is not None \
                and v.days_since_update > limit:
            veto.append(v.column_id)
    stale = [v.column_id for v in mine if v.status == "stale"]
    blank = [v.column_id for v in mine if v.status == "empty"]
    home = [v for v in mine if cols[v.column_id].home_page]
    home_updated = None
    if home:
        newest = [v.days_since_update for v in home if v.days_since_update is not None]
        home_updated = bool(newest) and min(newest) <= ruleset.home_page_days
    if home_reachable is False:
        reasons.append("站点无法访问: the home page could not be opened")
    if home_updated is False:
        reasons.append(f"网站不更新: no home-page column updated within {ruleset.home_page_days} days")
    if len(veto) >= VETO_CLASS_LIMIT:
        reasons.append(f"栏目不更新: {len(veto)} columns past the national limits "
                       f"(news 2 weeks, first-level notices/policies 6 months): {', '.join(veto)}")
    if len(stale) >= LONG_STALE_LIMIT:
        reasons.append(f"栏目不更新: {len(stale)} columns that should be updated have long not been "
                       f"(≥ {LONG_STALE_LIMIT}): {', '.join(stale)}")
    if len(blank) >= BLANK_LIMIT:
        reasons.append(f"空白栏目: {len(blank)} blank columns (≥ {BLANK_LIMIT}): {', '.join(blank)}")
    return PortalVerdict(portal.id, not reasons, tuple(reasons), home_reachable, home_updated,
                         tuple(veto), tuple(stale), tuple(blank))
