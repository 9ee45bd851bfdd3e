"""The record types that flow between stages: catalog → fetch → extract → validate → load.

Plain frozen dataclasses so every stage can be tested on its own and Prefect can pass
them between tasks without custom serialisers.
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Literal
from urllib.parse import urljoin

from .i18n import Msg, render
from .text import record_text
from .urls import site_key

FetchState = Literal["ok", "unreachable", "error"]
STATUSES = ("fresh", "stale", "empty", "unreachable", "error", "exempt")
# the national checklist's single-veto items, in its order (named in the catalogue, item.*)
ITEMS = ("site_unreachable", "home_not_updated", "columns_not_updated", "blank_columns", "poor_response",
         "serious_errors", "personal_data")
# the supervision indicators (扣分项) judged beside them, in the order reports show them
# (``validations/indicators.py``): they never decide the single-veto verdict
INDICATORS = ("annual_report", "website_report", "site_identity", "advertising", "disclosure_days", "interpretation",
              "accessibility", "ipv6", "hidden_links", "script_origins", "defacement", "https")
# those of them that are security checks (安全监测), shown in reports apart from the indicators
SECURITY = ("hidden_links", "script_origins", "defacement", "https")


@dataclass(frozen=True, slots=True)
class Item:
    """One published entry of a column list."""

    title: str
    url: str
    published_on: date | None
    pinned: bool = False


def _recorded_item(item: Item) -> Item:
    title, url = record_text(item.title), record_text(item.url)
    return item if (title, url) == (item.title, item.url) else replace(item, title=title, url=url)


@dataclass(frozen=True, slots=True)
class Message:
    """One message of a 政务咨询 column (领导信箱, 咨询投诉 …): when it was asked and
    answered, as the list or its detail page shows them."""

    title: str
    url: str
    asked_on: date | None
    answered_on: date | None = None
    state: str = "unknown"  # answered | unanswered | in_progress | unknown


@dataclass(frozen=True, slots=True)
class Link:
    """A link or image seen on a page of the run: where it points, where it sits, its text."""

    url: str
    page_url: str
    text: str
    tag: str  # a | img


RECENTLY_WORKING = Msg("link.recently_working")  # a link not fetched again this run


@dataclass(frozen=True, slots=True)
class LinkCheck:
    """What checking a link found. ``status``: ok, broken, unverifiable (403, 429, an
    anti-bot challenge: link checkers' known false positives) or skipped (refused by
    robots.txt or the private-network guard, over the cap)."""

    link: Link
    scope: str  # 站内 (same site) | 域内 (same registered gov domain) | 域外 (elsewhere)
    kind: str  # 网页 | 图片 | 附件
    blank_title: bool
    status: str
    http_status: int | None = None
    error: Msg | None = None
    title: str | None = None  # an external page's <title>, to notice it turning into something else (毒链)
    text_sample: str | None = None  # the start of its visible text, for the same


@dataclass(frozen=True, slots=True)
class Finding:
    """A serious wording error (严重表述错误) or a personal-data leak seen on a page:
    ``severity`` serious (严重, certain) or suspected (疑似); leaks are stored masked."""

    kind: str  # wording | leak | advert | hidden (暗链)
    rule: str  # phrase | leader | division | id_card | mobile | ad_network | ad_label | gambling | adult | illicit | …
    severity: str  # serious | suspected
    term: str  # what was matched (masked for leaks)
    expected: str  # the correct form, or what the leak is
    sentence: str  # the sentence it sits in (masked for leaks)
    page_url: str
    column_id: str | None = None  # None: the home page


# how a link is hidden from visitors (``extractors/hidden.py``): the tricks link spam uses,
# then how tabs, menus and slides fold their panels away
CONCEALED = ("offscreen", "font_zero", "same_colour", "zero_size", "marquee")
FOLDED = ("display_none", "visibility_hidden", "transparent", "menu_panel")  # menu_panel: folded under its label


@dataclass(frozen=True, slots=True)
class HiddenLink:
    """A link on a page that a visitor cannot see: where it points, its text, and how it is
    hidden (one of CONCEALED or FOLDED: the strongest found on it or its ancestors)."""

    url: str
    text: str
    how: str

    @property
    def concealed(self) -> bool:
        return self.how in CONCEALED


@dataclass(frozen=True, slots=True)
class TlsState:
    """A portal's HTTPS as the audit found it (``extractors/tls.py``): the certificate its
    home page's host presents, whether it verifies against the trusted authorities (and if
    not, why: ``expired``, ``not_yet_valid``, ``hostname``, ``chain``, ``self_signed``,
    ``other``), whether ``http://`` sends visitors to ``https://`` (None: not known), and
    the ``http://`` resources an HTTPS home page loads (mixed content). ``url`` None: the
    portal serves no HTTPS; ``error``: its certificate could not be read, and why."""

    url: str | None
    not_after: date | None = None
    read_on: date | None = None  # the day it was read (China's): a certificate runs on the clock, not the audit date
    subject: str = ""
    names: tuple[str, ...] = ()
    issuer: str = ""
    verified: str = "ok"  # ok | expired | not_yet_valid | hostname | chain | self_signed | other
    detail: str = ""  # OpenSSL's words when it does not verify
    redirects: bool | None = None
    mixed: tuple[str, ...] = ()
    error: Msg | None = None


@dataclass(frozen=True, slots=True)
class Ipv6State:
    """A portal's IPv6 at three depths (``extractors/ipv6.py``): an AAAA record, the home
    page over IPv6, and (opened, tried) of its list pages and of its articles. ``route``
    False: this machine has no IPv6 route and learnt nothing."""

    route: bool
    aaaa: bool | None = None
    home_ok: bool | None = None
    lists: tuple[int, int] = (0, 0)
    articles: tuple[int, int] = (0, 0)

    @property
    def share(self) -> float | None:
        """Pages that opened over IPv6 of those tried (the home page, lists and articles)."""
        tried = (1 if self.home_ok is not None else 0) + self.lists[1] + self.articles[1]
        opened = int(bool(self.home_ok)) + self.lists[0] + self.articles[0]
        return opened / tried if tried else None


@dataclass(frozen=True, slots=True)
class AttachmentScan:
    """An attachment linked from a page the audit read (xls, xlsx, docx, pdf, csv, txt …),
    read for personal data (``extractors/attachments.py``): the page that links it, its
    kind, its validators and content hash (a later night asks conditionally and reads a
    body it has seen before no more), the findings (masked) and why it could not be read.
    ``reused``: judged on an earlier night's reading of the same content."""

    url: str
    page_url: str
    kind: str
    content_hash: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    findings: tuple[Finding, ...] = ()
    error: Msg | None = None
    reused: bool = False
    nbytes: int = 0


@dataclass(frozen=True, slots=True)
class Surface:
    """What a portal showed tonight that should not change night to night
    (``extractors/surface.py``): its home page's stable parts (part → cleaned text; empty:
    the home page was not read) and the origins of the scripts and frames on the pages read,
    each with its tag and the first page it was seen on."""

    home: tuple[tuple[str, str], ...] = ()
    origins: tuple[tuple[str, str, str], ...] = ()  # (origin, tag, page URL)


@dataclass(frozen=True, slots=True)
class Baseline:
    """A portal's surface as first seen, or as a person accepted it (``baseline accept``):
    what tonight's is compared with."""

    run_id: str
    home: tuple[tuple[str, str], ...]
    origins: frozenset[str]
    accepted: bool = False  # set by a person (a redesign), not taken on a first night


@dataclass(frozen=True, slots=True)
class Probe:
    """One availability probe of a portal's home page (站点无法访问 is judged over a week
    of them): ``ok`` when the page loaded within the probe's time limit."""

    portal_id: str
    url: str
    probed_at: datetime  # UTC, naive
    ok: bool
    elapsed_ms: float
    status: int | None = None
    error: Msg | None = None  # why the probe failed
    ipv6_ok: bool | None = None  # information only: None where the machine or the host has no IPv6
    cert_not_after: date | None = None  # over HTTPS: the certificate's last day (China's)
    cert_problem: str | None = None  # why it does not verify: expired, hostname, chain, self_signed … (TlsState)


@dataclass(frozen=True, slots=True)
class PageFetch:
    """What one HTTP fetch of a list page did (evidence for the warehouse)."""

    url: str
    status: int | None
    nbytes: int
    elapsed_ms: float
    error: Msg | None = None  # why it failed, as a catalogue message (stored as such, never as text)
    content_hash: str | None = None  # sha256 of the raw body
    content: bytes | None = None  # the raw body, zlib-compressed (evidence)
    etag: str | None = None  # validators for the next night's conditional request
    last_modified: str | None = None

    @classmethod
    def of_body(cls, url: str, status: int, body: bytes, elapsed_ms: float, etag: str | None = None,
                last_modified: str | None = None) -> PageFetch:
        """A successful fetch with its body kept as compressed, content-addressed evidence."""
        return cls(url, status, len(body), elapsed_ms, None, hashlib.sha256(body).hexdigest(), zlib.compress(body, 6),
                   etag, last_modified)


@dataclass(frozen=True, slots=True)
class Previous:
    """What an earlier run fetched at a URL: its validators and its body (from evidence)."""

    etag: str | None
    last_modified: str | None
    content_hash: str
    body: bytes


@dataclass(frozen=True, slots=True)
class ColumnPath:
    """How an earlier night read a column's list, so this one goes straight to it:
    ``method`` static|island|api|browser, ``source`` the API ("KIND URL") for api."""

    method: str
    source: str | None = None

    @staticmethod
    def kept(source: str | None, base_url: str) -> str | None:
        """A list API as the warehouse keeps it: on the portal's own site, its URL by
        ``urls.site_key`` ("KIND /path?q"), so a portal served at a new address — a new port (the
        demo's, each run), https, www. — still finds tomorrow what it learnt tonight."""
        if not source:
            return source
        head, _, url = source.partition(" ")
        key = site_key(url, base_url)
        return source if key.startswith("//") else f"{head} {key}"  # another host's API: as it is

    def on(self, base_url: str) -> ColumnPath:
        """This path with its API's URL on the portal's address tonight (a kept one is relative)."""
        if not self.source:
            return self
        head, _, url = self.source.partition(" ")
        return ColumnPath(self.method, f"{head} {urljoin(base_url, url)}")


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What an article page of a policy or 解读 column shows (``extractors/article.py``): its
    disclosure metadata and its links to other articles of the site (URL, link text)."""

    url: str
    title: str
    listed_on: date | None  # the date its column's list shows
    index_no: str | None = None  # 索引号
    issuer: str | None = None  # 发文机关 / 发布机构
    written_on: date | None = None  # 成文日期 (or 发文日期, 生成日期): when the information was formed
    published_on: date | None = None  # 发布日期 as the page states it
    links: tuple[tuple[str, str], ...] = ()
    error: Msg | None = None  # why the page could not be read


@dataclass(frozen=True, slots=True)
class ColumnCrawl:
    """Everything the extract stage learnt about one column."""

    portal_id: str
    column_id: str
    url: str | None
    fetch_state: FetchState
    items: tuple[Item, ...] = ()
    pages: tuple[PageFetch, ...] = ()
    empty_marker: bool = False  # the column shows a placeholder ("暂无信息") or an explanatory note
    error: Msg | None = None  # why it could not be read, or what was left unread
    note: str | None = None  # the explanatory note (说明/备注) saying why it has nothing: not blank
    method: str | None = None  # how the list was read: static, island, api or browser
    source: str | None = None  # the list API ("KIND URL") when one is known, to read directly next night
    messages: tuple[Message, ...] = ()  # a consultation column's messages
    articles: tuple[ArticleMeta, ...] = ()  # a policy or 解读 column's newest articles, read

    def recorded(self) -> ColumnCrawl:
        """The column as records hold it: what it took from its pages with control
        characters removed and personal data masked (``text.record_text``)."""
        return replace(self, items=tuple(_recorded_item(i) for i in self.items),
                       messages=tuple(replace(m, title=record_text(m.title), url=record_text(m.url))
                                      for m in self.messages),
                       articles=tuple(replace(a, title=record_text(a.title), url=record_text(a.url),
                                              links=tuple((record_text(u), record_text(t)) for u, t in a.links))
                                      for a in self.articles),
                       note=record_text(self.note) if self.note else self.note)

    @property
    def newest(self) -> date | None:
        """Newest publish date: the maximum over all items, never simply the first row."""
        dates = [i.published_on for i in self.items if i.published_on is not None]
        return max(dates) if dates else None


@dataclass(frozen=True, slots=True)
class SiteIdentity:
    """The identity marks a home page shows (国办发〔2017〕47号, 备案 rules), as read from its
    HTML (``extractors/identity.py``): each None or False when the page does not show it."""

    page_url: str
    code_meta: str | None = None  # <meta name="SiteIDCode">
    code_footer: str | None = None  # 网站标识码 in the page's text
    icp: str | None = None  # …ICP备NNNN号(-N)
    icp_linked: bool = False  # linked to the MIIT 备案 system
    police: str | None = None  # …公网安备 NNNNNNNNNNNNNN号
    conac: bool = False  # the 党政机关网站标识 (a conac.cn badge link or script)
    sponsor: str | None = None  # 主办单位
    error_report: str | None = None  # the 我为政府网站找错 entry's URL
    error_report_code: str | None = None  # the site code that entry carries
    elder_entry: str | None = None  # the text of an entry to an accessible or elder mode (无障碍, 关怀版 …)


@dataclass(frozen=True, slots=True)
class AxeResult:
    """axe-core's verdict on one rendered page (``extractors/accessibility.py``): each rule
    violated as (rule id, impact, elements, help text), or why the page could not be tested."""

    page_url: str
    violations: tuple[tuple[str, str, int, str], ...] = ()
    error: Msg | None = None
    elapsed_ms: float = 0.0
    hidden_links: tuple[HiddenLink, ...] = ()  # what the page's computed styles conceal, read in the same render


@dataclass(frozen=True, slots=True)
class PortalCrawl:
    """A portal's crawl: its home page check and its columns."""

    portal_id: str
    home: PageFetch | None
    columns: tuple[ColumnCrawl, ...]
    home_items: tuple[Item, ...] = ()  # the home page's own links (dated or article-like)
    links: tuple[LinkCheck, ...] = ()  # links and images of its pages, checked
    findings: tuple[Finding, ...] = ()  # wording errors, personal-data leaks and adverts on its pages
    identity: SiteIdentity | None = None  # the home page's identity marks (None: the home page was not read)
    accessibility: tuple[AxeResult, ...] | None = None  # axe-core on the home and a list page (None: not tonight)
    tls: TlsState | None = None  # its HTTPS (None: not looked at)
    surface: Surface | None = None  # its stable parts and script origins (None: not read)
    attachments: tuple[AttachmentScan, ...] = ()  # attachments read for personal data
    ipv6: Ipv6State | None = None  # IPv6 at three depths (None: not looked at)

    @property
    def home_reachable(self) -> bool | None:
        return None if self.home is None else self.home.error is None

    def pages(self) -> list[PageFetch]:
        """Every fetch of this crawl: the home page check, then the columns' list pages."""
        return ([self.home] if self.home else []) + [p for c in self.columns for p in c.pages]

    def recorded(self) -> PortalCrawl:
        """The crawl as records may hold it: ID and mobile numbers its pages show masked and
        control characters removed in titles, URLs, link texts and notes — the raw pages
        stay only as evidence."""
        return replace(self, columns=tuple(c.recorded() for c in self.columns),
                       home_items=tuple(_recorded_item(i) for i in self.home_items),
                       links=tuple(replace(k, link=replace(k.link, url=record_text(k.link.url),
                                                           text=record_text(k.link.text),
                                                           page_url=record_text(k.link.page_url)),
                                           title=record_text(k.title) if k.title else k.title,
                                           text_sample=record_text(k.text_sample) if k.text_sample else k.text_sample)
                                   for k in self.links),
                       findings=tuple(replace(f, term=record_text(f.term), sentence=record_text(f.sentence))
                                      for f in self.findings))

    def without_bodies(self) -> PortalCrawl:
        """The same crawl with page bodies dropped (once they are stored as evidence), so a
        run holds a few hundred bytes per page, not the page."""
        def strip(p: PageFetch) -> PageFetch:
            return replace(p, content=None)

        return replace(self, home=None if self.home is None else strip(self.home),
                       columns=tuple(replace(c, pages=tuple(strip(p) for p in c.pages)) for c in self.columns))


@dataclass(frozen=True, slots=True)
class ColumnVerdict:
    """The validate stage's judgement of one column on one run."""

    portal_id: str
    column_id: str
    status: str
    frequency_code: str
    category: str | None
    allowed_days: int | None
    last_published_on: date | None
    days_since_update: int | None
    item_count: int
    notes: tuple[Msg, ...] = ()  # why this status (catalogue messages; ``detail`` renders them)
    failed_expectations: tuple[str, ...] = field(default=())
    missed_periods: int | None = None
    periods_checked: int | None = None

    @property
    def detail(self) -> str:
        """The notes in the reader's language."""
        return render(self.notes)
