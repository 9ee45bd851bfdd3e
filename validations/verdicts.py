"""Site-level single-veto verdicts (单项否决) of the national checklist, per portal per run.

Each item of 国办秘函〔2019〕19号 Part 1 that software can judge is a ``Check`` with an
outcome: ``fail`` (the item vetoes the site), ``warn`` (close to it), ``pass``, or
``unknown`` (not enough evidence to sign either way). A portal passes only when no item
fails and none is unknown: missing evidence never passes by default.

- 站点无法访问: the week before the check, ≥ 20 probes of the home page a day (flow
  ``probe-homes``); a probe fails when the page has not loaded within 15 s; failures
  ≥ 5 % fail, ≥ 3 % warn.
- 首页不更新: no update on the home page within 2 weeks: its own dated items, and article
  links new since earlier runs (columns flagged ``home_page`` are a hint); a home page that
  is only a navigation entry fails when none of the second-level pages was updated.
- 栏目不更新: (1) 动态/要闻 columns not updated in 2 weeks plus first-level 通知公告/政策文件
  columns not updated in 6 months add up to ≥ 5; (2) ≥ 10 columns that should be updated
  have long not been (stale); (3) ≥ 5 空白栏目 (reported as its own line, as inspection
  reports do). An item with no visible publish date counts as not updated.
- 互动回应差: no working 政务咨询 channel, or within the year before the check a message
  left unanswered for more than 3 months.
- 严重表述错误 and 个人信息泄露 (安全、泄密事故等严重问题): the lexicons' certain errors and ID
  numbers fail, suspected errors and mobile numbers in lists warn.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from portal_audit.answers import ANSWER_MONTHS, LateMessage, late_messages
from portal_audit.catalog import Portal
from portal_audit.i18n import Msg, msg
from portal_audit.records import ITEMS, ColumnVerdict, Finding, Item, Message  # noqa: F401 (ITEMS: re-exported)
from portal_audit.urls import site_keyer

from .rules import FIRST_LEVEL_ONLY, NATIONAL_VETO_DAYS, Ruleset

VETO_CLASS_LIMIT = 5
LONG_STALE_LIMIT = 10
BLANK_LIMIT = 5
AVAILABILITY_DAYS = 7  # the week before the check
MIN_PROBES_PER_DAY = 20
PROBE_TIMEOUT_S = 15.0
AVAILABILITY_FAIL = 0.05
AVAILABILITY_WARN = 0.03  # what commercial monitors warn at
NAMED = 8  # offending columns/messages named in a reason; the warehouse keeps all

OUTCOMES = ("fail", "unknown", "warn", "pass")  # worst first


@dataclass(frozen=True)
class Check:
    """One single-veto item judged for a portal: ``item`` one of ``ITEMS``, ``message`` why
    (a catalogue message, rendered in the reader's language)."""

    item: str
    outcome: str  # fail | warn | pass | unknown
    message: Msg

    @property
    def reason(self) -> str:
        return self.message.render()

    @property
    def line_msg(self) -> Msg:
        return msg("verdict.line", item=msg(f"item.{self.item}"), reason=self.message)

    @property
    def line(self) -> str:
        return self.line_msg.render()


@dataclass(frozen=True)
class Availability:
    """The home-page probes of the week before the check."""

    probes: int
    failed: int
    per_day: dict[date, int]  # probes per day (Asia/Shanghai days), the days of the window only
    days: int = AVAILABILITY_DAYS

    @property
    def ratio(self) -> float:
        return self.failed / self.probes if self.probes else 0.0


@dataclass(frozen=True)
class HomeEvidence:
    """What the home page showed: its newest dated item today, and the newest day an
    article link first appeared on it since an earlier run saw it (None on a first run)."""

    reachable: bool | None = None
    newest: date | None = None
    changed_on: date | None = None
    dated_items: int = 0


def home_evidence(reachable: bool | None, items: tuple[Item, ...] | list[Item], seen: dict[str, str],
                  as_of: date, base_url: str | None = None) -> HomeEvidence:
    """What the home page shows today (``items``) against what earlier runs saw on it
    (``seen``: URL — its ``site_key`` when ``base_url`` is given — → the run id, an ISO
    date, that first saw it). Links on the first run ever are not news; a link first seen
    later than that is an update on that day."""
    latest_ok = as_of + timedelta(days=1)  # portals in UTC+8 publish "tomorrow" for a UTC clock
    dated = [i.published_on for i in items if i.published_on and i.published_on <= latest_ok]
    changed = None
    if seen:
        first = min(seen.values())
        run = as_of.isoformat()
        later = [v for v in seen.values() if first < v <= run]
        key = site_keyer(base_url) if base_url else (lambda url: url)
        keyed = [key(i.url) for i in items]
        if any(k not in seen for k in keyed) and first < run:
            later.append(run)
        changed = date.fromisoformat(max(later)[:10]) if later else None
    return HomeEvidence(reachable, max(dated) if dated else None, changed, len(dated))


@dataclass(frozen=True)
class SiteEvidence:
    """Evidence beyond the columns' verdicts that the single-veto items read."""

    home: HomeEvidence = field(default_factory=HomeEvidence)
    availability: Availability | None = None
    messages: dict[str, tuple[Message, ...]] = field(default_factory=dict)  # consultation column id → messages
    findings: tuple[Finding, ...] | None = None  # wording errors and leaks; None: the pages' text was not scanned
    pages_read: int | None = None  # pages fetched whole (home and lists); 0: no text to judge; None: not counted


@dataclass(frozen=True)
class PortalVerdict:
    portal_id: str
    passed: bool
    home_reachable: bool | None
    home_updated: bool | None
    veto_class_columns: tuple[str, ...] = field(default=())
    stale_columns: tuple[str, ...] = field(default=())
    blank_columns: tuple[str, ...] = field(default=())
    checks: tuple[Check, ...] = field(default=())
    late_messages: tuple[LateMessage, ...] = field(default=())
    availability: Availability | None = None
    # the supervision indicators (``indicators.py``): stored and reported beside the checks,
    # never part of the veto verdict
    indicators: tuple[Check, ...] = field(default=())

    @property
    def reasons(self) -> tuple[str, ...]:
        """The failing items' lines, in the reader's language."""
        return tuple(c.line for c in self.checks if c.outcome == "fail")

    @property
    def verdict(self) -> str:
        """pass, fail, or unknown (no item fails, some could not be judged: never a pass)."""
        outcomes = {c.outcome for c in self.checks}
        return "fail" if "fail" in outcomes else "unknown" if "unknown" in outcomes else "pass"


def _named(ids: list[str]) -> Msg:
    """The first ``NAMED`` of ``ids``, and how many there are when more."""
    return msg("named.more" if len(ids) > NAMED else "named.all", ids=list(ids[:NAMED]), n=len(ids))


def availability_check(a: Availability | None, reachable_now: bool | None, as_of: date) -> Check:
    """站点无法访问 over the probes of the week before ``as_of``."""
    today = msg("availability.down_now" if reachable_now is False else "empty")
    if a is None or a.probes == 0:
        return Check("site_unreachable", "unknown", msg("availability.no_probes", days=AVAILABILITY_DAYS,
                                                        per_day=MIN_PROBES_PER_DAY, now=today))
    days = [as_of - timedelta(days=d) for d in range(AVAILABILITY_DAYS, 0, -1)]
    thin = [d for d in days if a.per_day.get(d, 0) < MIN_PROBES_PER_DAY]
    share = msg("availability.share", failed=a.failed, probes=a.probes, ratio=f"{a.ratio:.1%}")
    if thin:
        fewest = min(a.per_day.get(d, 0) for d in thin)
        return Check("site_unreachable", "unknown", msg("availability.thin", days=len(thin),
                                                        per_day=MIN_PROBES_PER_DAY, fewest=fewest, share=share,
                                                        now=today))
    if a.ratio >= AVAILABILITY_FAIL:
        return Check("site_unreachable", "fail",
                     msg("availability.fail", share=share, limit=f"{AVAILABILITY_FAIL:.0%}"))
    if a.ratio >= AVAILABILITY_WARN:
        return Check("site_unreachable", "warn",
                     msg("availability.warn", share=share, limit=f"{AVAILABILITY_WARN:.0%}"))
    return Check("site_unreachable", "pass", msg("availability.pass", share=share))


def home_check(home: HomeEvidence, mine: list[ColumnVerdict], cols: dict, ruleset: Ruleset, as_of: date) -> Check:
    """首页不更新: the home page's own dated items and new links across runs, the columns
    flagged ``home_page`` as a hint; a navigation-only home page is judged by its
    second-level pages."""
    limit = ruleset.home_page_days
    seen: list[tuple[int, str, Msg]] = []
    if home.newest is not None:
        seen.append(((as_of - home.newest).days, "a", msg("home.newest", on=home.newest)))
    if home.changed_on is not None:
        seen.append(((as_of - home.changed_on).days, "b", msg("home.new_link", on=home.changed_on)))
    for v in mine:  # the columns flagged as the home page's, when dated
        if cols[v.column_id].home_page and v.days_since_update is not None:
            seen.append((v.days_since_update, "c" + v.column_id,
                         msg("home.column", column=v.column_id, on=v.last_published_on)))
    recent = [s for s in seen if s[0] <= limit]
    if recent:
        return Check("home_not_updated", "pass", min(recent)[2])
    if seen:
        days, _, what = min(seen)
        return Check("home_not_updated", "fail", msg("home.fail", limit=limit, what=what, days=days))
    if home.reachable is False:
        return Check("home_not_updated", "unknown", msg("home.unreachable"))
    # a navigation entry: no dated item of its own; every second-level page not updated → veto
    dated = [(v.days_since_update, v) for v in mine if v.days_since_update is not None]
    second = [(days, v) for days, v in dated if days <= limit]
    if second:
        newest = min(second, key=lambda s: s[0])[1]
        return Check("home_not_updated", "pass",
                     msg("home.navigation_pass", column=newest.column_id, on=newest.last_published_on))
    if not dated:
        return Check("home_not_updated", "unknown", msg("home.no_dates"))
    return Check("home_not_updated", "fail", msg("home.navigation_fail", limit=limit))


def _veto_limit(column, ruleset: Ruleset) -> int | None:
    """Days a column of a veto class may go without an update (rule 1), or None when the
    rule does not count it (not a veto class, or a 通知公告/政策文件 column below level one)."""
    category = ruleset.veto_class(column)
    if category in FIRST_LEVEL_ONLY and len(column.path) > 1:
        return None  # the rule counts first-level 通知公告/政策文件 columns only
    return None if category is None else NATIONAL_VETO_DAYS.get(category)


def column_checks(portal: Portal, mine: list[ColumnVerdict], ruleset: Ruleset) -> tuple[list[Check], list, list, list]:
    """栏目不更新 rules 1 and 2, and rule 3 (空白栏目) as its own line."""
    cols = {c.id: c for c in portal.columns}
    veto = []
    for v in mine:
        limit = _veto_limit(cols[v.column_id], ruleset)
        if limit is None or v.status not in ("fresh", "stale"):
            continue
        if v.allowed_days is not None:
            limit = max(limit, v.allowed_days)  # a quarterly column is not held to the 2-week news limit
        undated = v.status == "stale" and v.days_since_update is None  # 未注明发布时间的视为不更新
        if undated or (v.days_since_update is not None and v.days_since_update > limit):
            veto.append(v.column_id)
    stale = [v.column_id for v in mine if v.status == "stale"]
    blank = [v.column_id for v in mine if v.status == "empty"]
    # columns not read could be stale or blank: a pass must hold even if every one of them were
    unread = [v.column_id for v in mine if v.status in ("unreachable", "error")]
    unread_veto = [c for c in unread if _veto_limit(cols[c], ruleset) is not None]
    checks, failed = [], []
    if len(veto) >= VETO_CLASS_LIMIT:
        failed.append(msg("columns.rule1_fail", n=len(veto), limit=VETO_CLASS_LIMIT, named=_named(veto)))
    if len(stale) >= LONG_STALE_LIMIT:
        failed.append(msg("columns.rule2_fail", n=len(stale), limit=LONG_STALE_LIMIT, named=_named(stale)))
    counts = msg("columns.counts", veto=len(veto), veto_limit=VETO_CLASS_LIMIT, stale=len(stale),
                 stale_limit=LONG_STALE_LIMIT)
    if failed:  # one item, both rules' reasons
        checks.append(Check("columns_not_updated", "fail",
                            failed[0] if len(failed) == 1 else msg("both", first=failed[0], second=failed[1])))
    elif (unread and len(unread) == len(mine)) or len(veto) + len(unread_veto) >= VETO_CLASS_LIMIT \
            or len(stale) + len(unread) >= LONG_STALE_LIMIT:
        checks.append(Check("columns_not_updated", "unknown",
                            msg("columns.undecided", counts=counts, n=len(unread), named=_named(unread))))
    else:
        warn = len(veto) == VETO_CLASS_LIMIT - 1 or len(stale) == LONG_STALE_LIMIT - 1
        checks.append(Check("columns_not_updated", "warn" if warn else "pass", counts))
    if len(blank) >= BLANK_LIMIT:
        checks.append(Check("blank_columns", "fail",
                            msg("blank.fail", n=len(blank), limit=BLANK_LIMIT, named=_named(blank))))
    elif mine and len(unread) == len(mine):
        checks.append(Check("blank_columns", "unknown", msg("blank.unreadable")))
    elif len(blank) + len(unread) >= BLANK_LIMIT:
        checks.append(Check("blank_columns", "unknown", msg("blank.undecided", blank=len(blank), limit=BLANK_LIMIT,
                                                            n=len(unread), named=_named(unread))))
    else:
        checks.append(Check("blank_columns", "warn" if len(blank) == BLANK_LIMIT - 1 else "pass",
                            msg("blank.some" if blank else "blank.none", n=len(blank), limit=BLANK_LIMIT,
                                named=_named(blank))))
    return checks, veto, stale, blank


def response_check(portal: Portal, mine: list[ColumnVerdict], messages: dict[str, tuple[Message, ...]],
                   as_of: date) -> tuple[Check, list[LateMessage]]:
    """互动回应差: a working 政务咨询 channel, and no message unanswered over 3 months."""
    channels = [c for c in portal.columns if c.category == "consultation"]
    if not channels:
        return Check("poor_response", "unknown", msg("response.no_channel")), []
    states = {v.column_id: v.status for v in mine}
    working = [c for c in channels if states.get(c.id) not in ("unreachable", "error", None)]
    if not working:
        if all(states.get(c.id) == "unreachable" for c in channels):
            return Check("poor_response", "fail", msg("response.all_down", named=_named([c.id for c in channels]))), []
        return Check("poor_response", "unknown", msg("response.unreadable", named=_named([c.id for c in channels]))), []
    late = late_messages(messages, as_of)
    if late:
        named = [msg("response.late_answered" if x.message.answered_on else "response.late_open",
                     title=x.message.title, asked=x.message.asked_on, answered=x.message.answered_on,
                     days=x.waited_days) for x in late[:NAMED]]
        return Check("poor_response", "fail", msg("response.fail", n=len(late), months=ANSWER_MONTHS,
                                                  named=named)), late
    total = sum(len(v) for v in messages.values())
    return Check("poor_response", "pass", msg("response.pass", channels=len(working), messages=total,
                                              months=ANSWER_MONTHS)), []


def content_checks(findings: tuple[Finding, ...] | None, pages_read: int | None = None) -> list[Check]:
    """严重表述错误 (part of 安全、泄密事故等严重问题): a certain error fails, a suspected one
    warns (a person confirms it); 个人信息泄露: an ID number with a valid check digit fails,
    a mobile number in a list warns. Nothing found on no page read is no pass: unknown."""
    if findings is None or (pages_read == 0 and not findings):
        why = msg("content.not_scanned" if findings is None else "content.nothing_read")
        return [Check("serious_errors", "unknown", why), Check("personal_data", "unknown", why)]
    out = []
    for item, kind in (("serious_errors", "wording"), ("personal_data", "leak")):
        mine = [f for f in findings if f.kind == kind]
        serious = [f for f in mine if f.severity == "serious"]
        named = [msg("content.wording_hit" if kind == "wording" else "content.leak_hit", term=f.term,
                     expected=f.expected) for f in (serious or mine)[:NAMED]]
        if serious:
            more = len(mine) - len(serious)
            out.append(Check(item, "fail", msg("content.serious_more" if more else "content.serious", n=len(serious),
                                               named=named, suspected=more)))
        elif mine:
            out.append(Check(item, "warn", msg("content.suspected", n=len(mine), named=named)))
        else:
            out.append(Check(item, "pass", msg(f"content.none_{kind}")))
    return out


def portal_verdict(portal: Portal, verdicts: list[ColumnVerdict], ruleset: Ruleset, as_of: date,
                   home_reachable: bool | None = None, evidence: SiteEvidence | None = None) -> PortalVerdict:
    """The portal's single-veto items. ``evidence`` carries the home page, the week's
    probes and the consultation messages; without it only ``home_reachable`` is known."""
    evidence = evidence or SiteEvidence(home=HomeEvidence(reachable=home_reachable))
    home = evidence.home
    cols = {c.id: c for c in portal.columns}
    mine = [v for v in verdicts if v.portal_id == portal.id]
    checks = [availability_check(evidence.availability, home.reachable, as_of),
              home_check(home, mine, cols, ruleset, as_of)]
    more, veto, stale, blank = column_checks(portal, mine, ruleset)
    checks += more
    response, late = response_check(portal, mine, evidence.messages, as_of)
    checks.append(response)
    checks += content_checks(evidence.findings, evidence.pages_read)
    home_updated = {"pass": True, "fail": False}.get(checks[1].outcome)
    return PortalVerdict(portal.id, all(c.outcome in ("pass", "warn") for c in checks), home.reachable, home_updated,
                         tuple(veto), tuple(stale), tuple(blank), tuple(checks), tuple(late), evidence.availability)
