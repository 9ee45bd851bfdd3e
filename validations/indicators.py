"""Supervision indicators (扣分项) beside the single veto: what inspectors score a portal on
besides the seven veto items, judged from pages the audit reads anyway. Each is a
``Check`` like the veto items (pass/warn/fail/unknown with a catalogue message) and is
stored with them in ``portal_checks``, but never decides the portal's veto verdict.

The ruleset switches each on or off and holds its thresholds and its source
(``indicators:`` in ``rulesets/national-2019.yaml``):

- annual_report: 政府信息公开工作年度报告 for last year published by its deadline (条例 第四十九条:
  departments by 31 January, local governments by 31 March).
- website_report: 政府网站工作年度报表 on the home page by 31 January (国办函〔2018〕12号).
- site_identity: the home page's identity marks (国办发〔2017〕47号): 网站标识码 (and its
  ``SiteIDCode`` meta, which must agree), 党政机关网站标识, ICP备案号 linked to MIIT,
  公安机关备案号, 主办单位, 我为政府网站找错; the domain under ``.gov.cn`` or ``.政务``.
- advertising: no commercial adverts on the home page or the list pages read.
- disclosure_days and interpretation: on the articles of policy and 解读 columns
  (``articles.py``).
- hidden_links: links a visitor cannot see (暗链, 黑链) on the home page and the pages read —
  a security check the monitoring platforms sell beside the checklist.
- https: the certificate, http → https, mixed content — advice (提示); no national rule
  requires HTTPS.
- ipv6: the home page's AAAA record, the home page, list pages and articles over IPv6.
- accessibility: axe-core's violations on the home page and a list page, and an entry to an
  accessible or elder mode (无障碍环境建设法 第三十二条, GB/T 37668-2019, 适老化).

Missing evidence is never a pass: a report not found where the audit did not read is
``unknown``, not ``fail``, and an identity not read (home page down) is ``unknown``.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlsplit

from portal_audit.catalog import Portal
from portal_audit.i18n import Msg, has, msg
from portal_audit.records import (
    ArticleMeta,
    AxeResult,
    Baseline,
    ColumnVerdict,
    Finding,
    Ipv6State,
    Item,
    PortalCrawl,
    SiteIdentity,
    Surface,
    TlsState,
)
from portal_audit.text import fold

from .articles import disclosure_check, interpretation_check
from .registry import Registry, host_of
from .rules import Ruleset
from .security import defacement_check, script_origins_check
from .verdicts import Check

READ = ("fresh", "stale", "empty", "exempt")  # a column whose list was read
NAMED = 5


@dataclass(frozen=True)
class IndicatorEvidence:
    """What the indicators read: the home page's identity marks, the items whose titles
    name an annual report or return (column id, None for the home page), the adverts found
    and how many pages were read whole."""

    identity: SiteIdentity | None = None
    reports: tuple[tuple[str | None, Item], ...] = ()
    findings: tuple[Finding, ...] | None = None
    pages_read: int | None = None
    policies: tuple[Item, ...] = ()  # the policy columns' items (category: policy)
    readings: tuple[Item, ...] = ()  # the 解读 columns' items (category: interpretation)
    articles: tuple[tuple[str, ArticleMeta], ...] = ()  # the articles read, by column
    article_columns: bool = False  # the catalog has policy and 解读 columns, and all of them were read
    accessibility: tuple[AxeResult, ...] | None = None  # axe-core's results (None: none within the window)
    accessibility_run: str | None = None  # the earlier run they come from (None: tonight's)
    registry: Registry | None = None  # the national site registry's local copy, when the catalog names one
    tls: TlsState | None = None  # the portal's HTTPS (None: not read this run)
    ipv6: Ipv6State | None = None  # IPv6 at three depths (None: not tried this run)
    surface: Surface | None = None  # tonight's stable parts and script origins
    baseline: Baseline | None = None  # what they are compared with (None: a first night)
    name: str = ""  # the portal's name and home page, as the catalog gives them
    base_url: str = ""

    @property
    def home_read(self) -> bool:
        return self.identity is not None

    @property
    def host(self) -> str:
        return (urlsplit(self.base_url).hostname or "").lower()


REPORT_WORDS = ("年度报", "年度報")  # what a title carries to be kept as a report candidate (报告, 报表)


def report_candidates(items: list[tuple[str | None, Item]]) -> tuple[tuple[str | None, Item], ...]:
    """The items worth keeping for the annual deadlines: titles naming a yearly report (a
    plain substring test: folding every title of a portal would cost more than the rest)."""
    return tuple((c, i) for c, i in items if any(w in i.title for w in REPORT_WORDS))


def indicator_evidence(portal: Portal, crawl: PortalCrawl, content: bool = True,
                       earlier_axe: tuple[str, tuple[AxeResult, ...]] | None = None,
                       registry: Registry | None = None, baseline: Baseline | None = None) -> IndicatorEvidence:
    """What the indicators read of a portal's crawl (a few records: the report candidates,
    not every item); ``earlier_axe``: the latest axe-core results of an earlier run, for a
    night that did not test the portal."""
    listed: list[tuple[str | None, Item]] = [(None, i) for i in crawl.home_items]
    listed += [(c.column_id, i) for c in crawl.columns for i in c.items]
    kinds = {c.id: c.category for c in portal.columns if c.category in ("policy", "interpretation")}
    of = {k: [c for c in crawl.columns if kinds.get(c.column_id) == k] for k in ("policy", "interpretation")}
    read = all(of.values()) and all(c.fetch_state == "ok" for cs in of.values() for c in cs)
    tonight = crawl.accessibility is not None  # else an earlier run's test, if any within the window
    return IndicatorEvidence(
        identity=crawl.identity, reports=report_candidates(listed),
        findings=crawl.findings if content else None,
        pages_read=sum(1 for page in crawl.pages() if page.error is None and page.status is not None),
        policies=tuple(i for c in of["policy"] for i in c.items if not i.pinned),
        readings=tuple(i for c in of["interpretation"] for i in c.items if not i.pinned),
        articles=tuple((c.column_id, a) for c in crawl.columns for a in c.articles), article_columns=read,
        accessibility=crawl.accessibility if tonight else earlier_axe[1] if earlier_axe else None,
        accessibility_run=None if tonight or not earlier_axe else earlier_axe[0],
        registry=registry, name=portal.name, base_url=portal.base_url, tls=crawl.tls, surface=crawl.surface,
        ipv6=crawl.ipv6, baseline=baseline)


def _columns(ids: list[str]) -> Msg:
    """Columns as messages name them (by id in the warehouse, by path in reports: ``i18n.with_names``)."""
    return msg("named.all", ids=list(ids), n=len(ids))


def _deadline(month_day: str, year: int) -> date:
    month, day = month_day.split("-")
    return date(year, int(month), int(day))


def _matching(reports, words: str, year: int, home_only: bool = False) -> list[tuple[str | None, Item]]:
    """Reports of ``year`` whose title carries ``words`` (folded: full-width, traditional)."""
    words, marks = fold(words), (f"{year}年", f"{year} 年")
    return [(c, i) for c, i in reports if (c is None or not home_only) and words in fold(i.title)
            and any(m in i.title for m in marks)]


def _dated(found: list[tuple[str | None, Item]], reports) -> list[tuple[str | None, Item, date]]:
    """Each report with its publish date: its own, else the same URL's in a column list."""
    dates = {i.url: i.published_on for _, i in reports if i.published_on}
    return [(c, i, i.published_on or dates[i.url]) for c, i in found if i.published_on or i.url in dates]


def _judge_found(item: str, found, reports, deadlines: dict[str, date], kind: str | None) -> Check:
    """A report found: on time, late, or (its kind unknown) late for a department only."""
    dated = _dated(found, reports)
    if not dated:
        _, first = found[0]
        return Check(item, "warn", msg("indicator.report_undated", title=first.title, url=first.url))
    column, report, on = min(dated, key=lambda d: d[2])
    where = msg("indicator.on_home") if column is None else msg("indicator.in_column", column=_columns([column]))
    deadline = deadlines[kind] if kind in deadlines else max(deadlines.values())
    args = dict(title=report.title, on=on, where=where, url=report.url)
    if on <= deadline:
        if kind is None and len(deadlines) > 1 and on > min(deadlines.values()):
            return Check(item, "warn", msg("indicator.report_kind_unknown", early=min(deadlines.values()),
                                           late=deadline, **args))
        return Check(item, "pass", msg("indicator.report_on_time", deadline=deadline, **args))
    return Check(item, "fail", msg("indicator.report_late", deadline=deadline, days=(on - deadline).days, **args))


def _judge_missing(item: str, deadline: date, as_of: date, due_soon: int, searched: Msg | None,
                   year: int) -> Check:
    """No report found: not due yet (due soon warns), overdue where the audit read, or
    unknown where it could not look."""
    if as_of <= deadline:
        left = (deadline - as_of).days
        return Check(item, "warn" if left <= due_soon else "pass",
                     msg("indicator.report_due", year=year, what=msg(f"item.{item}"), deadline=deadline, days=left))
    if searched is None:
        return Check(item, "unknown", msg(f"indicator.{item}_nowhere", year=year, deadline=deadline))
    return Check(item, "fail", msg("indicator.report_missing", year=year, what=msg(f"item.{item}"), deadline=deadline,
                                   where=searched))


def annual_report_check(portal: Portal, mine: list[ColumnVerdict], ev: IndicatorEvidence, params: dict,
                        as_of: date, due_soon: int) -> Check:
    """政府信息公开工作年度报告 of last year, by the portal's kind's deadline."""
    year = as_of.year - 1
    deadlines = {k: _deadline(str(v), as_of.year) for k, v in (params.get("deadline") or {}).items()}
    if not deadlines:
        deadlines = {"department": date(as_of.year, 1, 31), "government": date(as_of.year, 3, 31)}
    found = _matching(ev.reports, str(params.get("title") or "政府信息公开工作年度报告"), year)
    if found:
        return _judge_found("annual_report", found, ev.reports, deadlines, portal.kind)
    deadline = deadlines[portal.kind] if portal.kind in deadlines else max(deadlines.values())
    status = {v.column_id: v.status for v in mine}
    own = [c for c in portal.columns if c.category == "annual_report"]
    read = [c.id for c in own if status.get(c.id) in READ]
    searched = msg("indicator.searched_columns", columns=_columns(read)) if read and len(read) == len(own) else None
    return _judge_missing("annual_report", deadline, as_of, due_soon, searched, year)


def website_report_check(ev: IndicatorEvidence, params: dict, as_of: date, due_soon: int) -> Check:
    """政府网站工作年度报表 of last year, on the home page, by its deadline."""
    year = as_of.year - 1
    deadline = _deadline(str(params.get("deadline") or "01-31"), as_of.year)
    words = str(params.get("title") or "网站工作年度报表")
    found = _matching(ev.reports, words, year, home_only=True)
    if found:
        return _judge_found("website_report", found, ev.reports, {"any": deadline}, "any")
    yearless = [i for c, i in ev.reports
                if c is None and fold(words) in fold(i.title) and not re.search(r"\d{4}", i.title)]
    if yearless and as_of > deadline:
        return Check("website_report", "warn", msg("indicator.website_yearless", title=yearless[0].title,
                                                   url=yearless[0].url, year=year))
    return _judge_missing("website_report", deadline, as_of, due_soon,
                          msg("indicator.searched_home") if ev.home_read else None, year)


def _domain(host: str, suffixes: list[str]) -> tuple[bool | None, Msg]:
    """Whether ``host`` is under one of the government suffixes (None: an address or a
    loopback name, which says nothing either way), and the line saying so."""
    try:
        ipaddress.ip_address(host.strip("[]"))
        return None, msg("identity.domain_address", host=host)
    except ValueError:
        pass
    if host in ("localhost",) or not host:
        return None, msg("identity.domain_address", host=host)
    for shown in suffixes:
        plain = "." + ".".join(label.encode("idna").decode() for label in shown.strip(".").split("."))
        if host.endswith(plain) or host.endswith(shown):
            return True, msg("identity.domain_ok", host=host, suffix=shown)
    return False, msg("identity.domain_other", host=host, suffixes=list(suffixes))


def _registry(ev: IndicatorEvidence, code: str | None) -> tuple[list[Msg], list[Msg]]:
    """The registry's word on the footer's code: (findings that fail — a code not listed,
    this site listed under another code —, findings that warn — another name or URL)."""
    assert ev.registry is not None
    fails: list[Msg] = []
    warns: list[Msg] = []
    own = ev.registry.by_host.get(host_of(ev.base_url))
    if code and code not in ev.registry.by_code:
        fails.append(msg("registry.not_listed", code=code))
    if own is not None and code and own.code != code:
        fails.append(msg("registry.other_code", host=host_of(ev.base_url), listed=own.code, code=code))
    entry = ev.registry.by_code.get(code or "") or own
    if entry is not None:
        name, listed = fold(ev.name), fold(entry.name)
        if listed and name and listed not in name and name not in listed:
            warns.append(msg("registry.other_name", code=entry.code, listed=entry.name, name=ev.name))
        if entry.host and entry.host != host_of(ev.base_url):
            warns.append(msg("registry.other_url", code=entry.code, listed=entry.url, url=ev.base_url))
    return fails, warns


def site_identity_check(ev: IndicatorEvidence, params: dict) -> Check:
    """The footer's identity marks: a required one missing (or the meta's code not the
    footer's) fails, an advised one missing warns."""
    idn = ev.identity
    if idn is None:
        return Check("site_identity", "unknown", msg("identity.not_read"))
    present = {"site_code": idn.code_footer, "conac": idn.conac, "icp": idn.icp, "police": idn.police,
               "sponsor": idn.sponsor, "error_report": idn.error_report}
    required, advised = list(params.get("required") or []), list(params.get("advised") or [])
    missing_required = [m for m in required if not present[m]]
    missing_advised = [m for m in advised if not present[m]]
    problems: list[Msg] = []
    worse = "pass"
    if missing_required:
        problems.append(msg("identity.missing", marks=[msg(f"mark.{m}") for m in missing_required]))
        worse = "fail"
    if idn.code_meta and idn.code_footer and idn.code_meta != idn.code_footer:
        problems.append(msg("identity.code_mismatch", meta=idn.code_meta, footer=idn.code_footer))
        worse = "fail"
    notes: list[Msg] = []
    if missing_advised:
        notes.append(msg("identity.missing", marks=[msg(f"mark.{m}") for m in missing_advised]))
    if idn.code_footer and not idn.code_meta and "site_code" in required + advised:
        notes.append(msg("identity.no_meta"))
    if idn.icp and not idn.icp_linked and "icp" in required + advised:
        notes.append(msg("identity.icp_unlinked", icp=idn.icp))
    code = idn.code_footer or idn.code_meta
    if idn.error_report and code and idn.error_report_code and idn.error_report_code != code:
        notes.append(msg("identity.error_report_code", found=idn.error_report_code, code=code))
    if ev.registry is not None and (code or ev.host):
        listed, mismatches = _registry(ev, code)
        problems += listed
        notes += mismatches
        worse = "fail" if listed else worse
    on_gov, domain = _domain(ev.host, list(params.get("domains") or [".gov.cn", ".政务"]))
    if on_gov is False:
        notes.append(domain)
    if notes and worse == "pass":
        worse = "warn"
    if problems or notes:
        return Check("site_identity", worse, msg("identity.problems", problems=problems + notes, domain=domain,
                                                 code=code or "—"))
    return Check("site_identity", "pass", msg("identity.complete", n=len(required + advised), domain=domain,
                                              code=code or "—"))


def _scanned(ev: IndicatorEvidence, item: str, kind: str) -> list[Finding] | Check:
    """The findings of ``kind`` on the pages read, or ``item`` unknown when the pages' text
    was not scanned, or nothing was read (no finding is then no pass)."""
    if ev.findings is None:
        return Check(item, "unknown", msg("content.not_scanned"))
    found = [f for f in ev.findings if f.kind == kind]
    if not found and not ev.pages_read:
        return Check(item, "unknown", msg("content.nothing_read"))
    return found


def advertising_check(ev: IndicatorEvidence) -> Check:
    """Commercial adverts: a script or frame from an ad network fails; a block captioned
    广告 warns (a person looks); none on the pages read passes."""
    ads = _scanned(ev, "advertising", "advert")
    if isinstance(ads, Check):
        return ads
    networks = [f for f in ads if f.rule == "ad_network"]
    named = [msg("advert.hit", network=f.expected or f.term, src=f.sentence, page=f.page_url)
             for f in (networks or ads)[:NAMED]]
    if networks:
        return Check("advertising", "fail", msg("advert.fail", n=len(networks), named=named))
    if ads:
        return Check("advertising", "warn", msg("advert.labelled", n=len(ads), named=named))
    return Check("advertising", "pass", msg("advert.none", pages=ev.pages_read))


def ipv6_check(ev: IndicatorEvidence, params: dict) -> Check:
    """IPv6 at three depths (the national IPv6 deployment plan: 县级以上 portals, 85 % of
    pages): no AAAA record, or a home page that does not open over IPv6, fails; list pages
    and articles opening below ``min_share`` of those tried warns (a front page alone on
    IPv6); a machine with no IPv6 route, or a portal reached by a private IPv4 address, is
    unknown — never a fail."""
    state = ev.ipv6
    if state is None:
        return Check("ipv6", "unknown", msg("ipv6.not_read"))
    if not state.route:
        return Check("ipv6", "unknown", msg("ipv6.no_route"))
    if state.aaaa is None:
        return Check("ipv6", "unknown", msg("ipv6.not_judged"))
    if not state.aaaa:
        return Check("ipv6", "fail", msg("ipv6.no_aaaa", url=ev.base_url))
    counts = msg("ipv6.counts", lists=state.lists[0], lists_tried=state.lists[1], articles=state.articles[0],
                 articles_tried=state.articles[1], share=round(100 * (state.share or 0)))
    if not state.home_ok:
        return Check("ipv6", "fail", msg("ipv6.home_fails", counts=counts))
    if (state.share or 0) < float(params.get("min_share", 0.85)):
        return Check("ipv6", "warn", msg("ipv6.shallow", counts=counts, target=round(100 * float(
            params.get("min_share", 0.85)))))
    return Check("ipv6", "pass", msg("ipv6.ok", counts=counts))


def hidden_links_check(ev: IndicatorEvidence) -> Check:
    """暗链 (``extractors/hidden.py``, ``content.hidden_link_rule``): a concealed link off the
    site to a non-government host, or any hidden link with a gambling, adult or illicit
    site's words, fails (严重); a concealed link inside the site, or a folded one leading off
    it, warns (疑似: a person looks); none on the pages read passes."""
    hidden = _scanned(ev, "hidden_links", "hidden")
    if isinstance(hidden, Check):
        return hidden
    serious = [f for f in hidden if f.severity == "serious"]
    named = [msg("hidden.hit", text=f.sentence, url=f.term, how=msg(f"hidden_how.{f.expected}"),
                 rule=msg(f"hidden_rule.{f.rule}"), page=f.page_url)
             for f in sorted(hidden, key=lambda f: f.severity != "serious")[:NAMED]]
    if serious:
        return Check("hidden_links", "fail", msg("hidden.fail", n=len(serious), more=len(hidden) - len(serious),
                                                 named=named))
    if hidden:
        return Check("hidden_links", "warn", msg("hidden.suspected", n=len(hidden), named=named))
    return Check("hidden_links", "pass", msg("hidden.none", pages=ev.pages_read))


def https_check(ev: IndicatorEvidence, params: dict, as_of: date) -> Check:
    """HTTPS, as advice (提示: no national rule requires it): a certificate that does not
    verify (expired, another host's name, an incomplete or untrusted chain, self-signed)
    fails; one expiring within ``warn_days``, an ``http://`` address that leaves visitors on
    HTTP, mixed content on the home page, or no HTTPS at all warns; the certificate is
    named either way. Its days left count from the day it was read (an audit dated in the
    past still reads today's certificate)."""
    state = ev.tls
    if state is None:
        return Check("https", "unknown", msg("tls.not_read"))
    if state.url is None:
        return Check("https", "warn", msg("tls.none", url=ev.base_url))
    if state.error is not None or state.not_after is None:
        return Check("https", "unknown", msg("tls.unread", url=state.url, why=state.error or msg("empty")))
    left = (state.not_after - (state.read_on or as_of)).days  # from the day it was read: expiry is on the clock
    facts = msg("tls.cert", subject=state.subject, issuer=state.issuer, until=state.not_after, days=max(left, 0))
    failed: list[Msg] = []
    if left < 0:
        failed.append(msg("tls.expired", until=state.not_after, days=-left))
    if state.verified not in ("ok", "expired"):
        failed.append(msg(f"tls.{state.verified}", detail=state.detail, names="、".join(state.names[:5]) or "—"))
    warned: list[Msg] = []
    warn_days = int(params.get("warn_days", 30))
    if 0 <= left <= warn_days:
        warned.append(msg("tls.expiring", until=state.not_after, days=left, warn=warn_days))
    if state.redirects is False:
        warned.append(msg("tls.no_redirect"))
    if state.mixed:
        warned.append(msg("tls.mixed", n=len(state.mixed), named=list(state.mixed[:NAMED])))
    if failed:
        return Check("https", "fail", msg("tls.result", problems=failed + warned, facts=facts))
    if warned:
        return Check("https", "warn", msg("tls.result", problems=warned, facts=facts))
    return Check("https", "pass", facts)


def accessibility_check(ev: IndicatorEvidence, params: dict) -> Check:
    """无障碍 and 适老化: axe-core's violations on the pages tested (an impact in
    ``fail_impacts`` fails, one in ``warn_impacts`` warns), and an entry to an accessible or
    elder mode on the home page (none warns). No test within the window: unknown, unless the
    missing entry already warns."""
    entry = ev.identity.elder_entry if ev.identity is not None else None
    no_entry = ev.identity is not None and entry is None
    tested = [a for a in ev.accessibility or () if a.error is None]
    entry_line = (msg("axe.entry", entry=entry) if entry
                  else msg("axe.no_entry") if no_entry else msg("axe.entry_unread"))
    if not tested:
        why = next((a.error for a in ev.accessibility or () if a.error), None) or msg("axe.not_yet")
        return Check("accessibility", "warn" if no_entry else "unknown", msg("axe.untested", why=why, entry=entry_line))
    counts: dict[tuple[str, str], int] = {}
    for a in tested:
        for rule, impact, nodes, _ in a.violations:
            counts[(impact, rule)] = counts.get((impact, rule), 0) + nodes
    fail_on, warn_on = set(params.get("fail_impacts") or ()), set(params.get("warn_impacts") or ())
    order = {"critical": 0, "serious": 1, "moderate": 2, "minor": 3}
    rules = sorted(counts.items(), key=lambda kv: (order.get(kv[0][0], 9), -kv[1]))
    named = [msg("axe.rule", impact=msg(f"impact.{i}"), rule=msg(f"axe_rule.{r}") if has(f"axe_rule.{r}") else r, n=n)
             for (i, r), n in rules[:8]]
    when = msg("axe.earlier", run=ev.accessibility_run) if ev.accessibility_run else msg("empty")
    args = dict(pages=len(tested), rules=len(counts), named=named, entry=entry_line, when=when)
    impacts = {i for i, _ in counts}
    if impacts & fail_on:
        return Check("accessibility", "fail", msg("axe.violations", **args))
    if impacts & warn_on or no_entry:
        return Check("accessibility", "warn", msg("axe.violations" if counts else "axe.clean", **args))
    return Check("accessibility", "pass", msg("axe.violations" if counts else "axe.clean", **args))


def indicator_checks(portal: Portal, mine: list[ColumnVerdict], ev: IndicatorEvidence, ruleset: Ruleset,
                     as_of: date) -> list[Check]:
    """The indicators the ruleset switches on, in ``records.INDICATORS`` order."""
    out = []
    if (p := ruleset.indicator("annual_report")) is not None:
        out.append(annual_report_check(portal, mine, ev, p, as_of, ruleset.due_soon_days))
    if (p := ruleset.indicator("website_report")) is not None:
        out.append(website_report_check(ev, p, as_of, ruleset.due_soon_days))
    if (p := ruleset.indicator("site_identity")) is not None:
        out.append(site_identity_check(ev, p))
    if ruleset.indicator("advertising") is not None:
        out.append(advertising_check(ev))
    if (p := ruleset.indicator("accessibility")) is not None:
        out.append(accessibility_check(ev, p))
    if (p := ruleset.indicator("disclosure_days")) is not None:
        out.append(disclosure_check(list(ev.articles), p))
    if (p := ruleset.indicator("interpretation")) is not None:
        since = as_of - timedelta(days=int(p.get("days", 366)))
        def recent(items: tuple[Item, ...]) -> list[Item]:
            return [i for i in items if i.published_on and since <= i.published_on <= as_of]
        out.append(interpretation_check(recent(ev.policies), recent(ev.readings), {a.url: a for _, a in ev.articles},
                                        p, ev.article_columns))
    if (p := ruleset.indicator("ipv6")) is not None:
        out.append(ipv6_check(ev, p))
    if ruleset.indicator("hidden_links") is not None:
        out.append(hidden_links_check(ev))
    if ruleset.indicator("script_origins") is not None:
        out.append(script_origins_check(ev.surface, ev.baseline, ev.base_url))
    if ruleset.indicator("defacement") is not None:
        out.append(defacement_check(ev.surface, ev.baseline))
    if (p := ruleset.indicator("https")) is not None:
        out.append(https_check(ev, p, as_of))
    return out
