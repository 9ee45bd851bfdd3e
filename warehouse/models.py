"""Warehouse schema (SQLAlchemy 2.0 typed models).

``audit_runs``, ``items`` and ``column_audits`` are contracts other tools read; keep
their columns stable. One run is one audit date (``run_id`` = ``as_of`` as YYYY-MM-DD):
auditing the same day again replaces that day's results portal by portal, so re-runs
are idempotent and history is one row per column per day.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class AuditRun(Base):
    __tablename__ = "audit_runs"

    run_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    as_of: Mapped[date] = mapped_column(Date)
    ruleset: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))  # running | complete | failed
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    catalog: Mapped[str | None] = mapped_column(Text)
    flow_run_id: Mapped[str | None] = mapped_column(String(64))
    portals: Mapped[int] = mapped_column(Integer, default=0)
    columns: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str | None] = mapped_column(Text)
    data_docs: Mapped[str | None] = mapped_column(Text)


class PortalRun(Base):
    """Which portals a run has loaded; a portal's rows appear together with this row."""

    __tablename__ = "portal_runs"

    run_id: Mapped[str] = mapped_column(ForeignKey("audit_runs.run_id", ondelete="CASCADE"), primary_key=True)
    portal_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    portal_name: Mapped[str] = mapped_column(Text)
    base_url: Mapped[str] = mapped_column(Text)
    loaded_at: Mapped[datetime] = mapped_column(DateTime)
    catalog_version: Mapped[str | None] = mapped_column(ForeignKey("catalog_versions.version"))
    columns: Mapped[int] = mapped_column(Integer)
    pages_fetched: Mapped[int] = mapped_column(Integer)
    bytes_fetched: Mapped[int] = mapped_column(Integer)


class ColumnAudit(Base):
    __tablename__ = "column_audits"

    run_id: Mapped[str] = mapped_column(ForeignKey("audit_runs.run_id", ondelete="CASCADE"), primary_key=True)
    portal_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    column_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    last_published_on: Mapped[date | None] = mapped_column(Date)
    allowed_days: Mapped[int | None] = mapped_column(Integer)
    days_since_update: Mapped[int | None] = mapped_column(Integer)
    path: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    frequency: Mapped[str] = mapped_column(String(32))
    frequency_code: Mapped[str] = mapped_column(String(16))
    category: Mapped[str | None] = mapped_column(String(16))
    responsible: Mapped[str | None] = mapped_column(Text)
    item_count: Mapped[int] = mapped_column(Integer)
    pages_fetched: Mapped[int] = mapped_column(Integer)
    detail: Mapped[str] = mapped_column(Text, default="")  # why: messages as keys and arguments (portal_audit.i18n)
    detail_text: Mapped[str] = mapped_column(Text, default="")  # the same, written out in Chinese for SQL and BI tools
    failed_expectations: Mapped[str] = mapped_column(Text, default="")
    missed_periods: Mapped[int | None] = mapped_column(Integer)
    periods_checked: Mapped[int | None] = mapped_column(Integer)
    extraction: Mapped[str | None] = mapped_column(String(16))  # static, island, api or browser


class Item(Base):
    """Every item ever seen, once: first and last run that saw it."""

    __tablename__ = "items"
    __table_args__ = (UniqueConstraint("portal_id", "column_id", "url_key", name="uq_items_column_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    portal_id: Mapped[str] = mapped_column(String(128))
    column_id: Mapped[str] = mapped_column(String(128))
    url_key: Mapped[str] = mapped_column(Text)  # portal_audit.urls.site_key: the same item after the portal moves
    url: Mapped[str] = mapped_column(Text)  # as last seen
    title: Mapped[str] = mapped_column(Text)
    published_on: Mapped[date | None] = mapped_column(Date)
    pinned: Mapped[bool] = mapped_column(default=False)
    first_seen_run: Mapped[str] = mapped_column(String(32))
    last_seen_run: Mapped[str] = mapped_column(String(32))


class PageFetchRow(Base):
    """Evidence: every list page fetched for a column on a run."""

    __tablename__ = "page_fetches"

    run_id: Mapped[str] = mapped_column(ForeignKey("audit_runs.run_id", ondelete="CASCADE"), primary_key=True)
    portal_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    column_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(Text)
    http_status: Mapped[int | None] = mapped_column(Integer)
    nbytes: Mapped[int] = mapped_column(Integer)
    elapsed_ms: Mapped[float] = mapped_column(Float)
    error: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str | None] = mapped_column(String(64))  # → evidence.content_hash
    etag: Mapped[str | None] = mapped_column(Text)  # validators for the next conditional request
    last_modified: Mapped[str | None] = mapped_column(Text)


class ColumnPathRow(Base):
    """How a column's list was last read (static, island, api, browser) and, for an API,
    its URL: the next night goes straight to it instead of rediscovering it."""

    __tablename__ = "column_paths"

    portal_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    column_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    method: Mapped[str] = mapped_column(String(16))
    source: Mapped[str | None] = mapped_column(Text)
    run_id: Mapped[str] = mapped_column(String(32))


class Evidence(Base):
    """The raw bytes of fetched pages, zlib-compressed and content-addressed (sha256), so
    any verdict can be re-checked against exactly what was fetched."""

    __tablename__ = "evidence"

    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    raw_size: Mapped[int] = mapped_column(Integer)
    compressed: Mapped[bytes] = mapped_column(LargeBinary)
    first_seen_run: Mapped[str] = mapped_column(String(32))


class CatalogVersion(Base):
    """A portal's catalog entry as a run used it; version = hash of its canonical JSON."""

    __tablename__ = "catalog_versions"

    version: Mapped[str] = mapped_column(String(16), primary_key=True)
    portal_id: Mapped[str] = mapped_column(String(128))
    first_used_run: Mapped[str] = mapped_column(String(32))
    content: Mapped[str] = mapped_column(Text)


class CatalogColumn(Base):
    """The catalog's columns per catalog version (path, frequency, unit as configured)."""

    __tablename__ = "catalog_columns"

    version: Mapped[str] = mapped_column(ForeignKey("catalog_versions.version", ondelete="CASCADE"), primary_key=True)
    column_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    portal_id: Mapped[str] = mapped_column(String(128))
    path: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    frequency: Mapped[str] = mapped_column(String(32))
    category: Mapped[str | None] = mapped_column(String(16))
    responsible: Mapped[str | None] = mapped_column(Text)
    profile: Mapped[str | None] = mapped_column(Text)
    home_page: Mapped[bool] = mapped_column(default=False)


class Portal(Base):
    """Every portal ever audited."""

    __tablename__ = "portals"

    portal_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    base_url: Mapped[str] = mapped_column(Text)
    first_seen_run: Mapped[str] = mapped_column(String(32))
    last_seen_run: Mapped[str] = mapped_column(String(32))


class ItemTitleChange(Base):
    """An item whose title changed between runs: the old and the new title."""

    __tablename__ = "item_title_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    portal_id: Mapped[str] = mapped_column(String(128))
    column_id: Mapped[str] = mapped_column(String(128))
    url: Mapped[str] = mapped_column(Text)
    old_title: Mapped[str] = mapped_column(Text)
    new_title: Mapped[str] = mapped_column(Text)
    run_id: Mapped[str] = mapped_column(String(32))


class ExpectationResult(Base):
    """Great Expectations outcomes of a run, per portal, with the failing column keys."""

    __tablename__ = "expectation_results"

    run_id: Mapped[str] = mapped_column(ForeignKey("audit_runs.run_id", ondelete="CASCADE"), primary_key=True)
    portal_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    suite: Mapped[str] = mapped_column(String(32), primary_key=True)
    expectation: Mapped[str] = mapped_column(String(64), primary_key=True)
    success: Mapped[bool] = mapped_column()
    unexpected_count: Mapped[int] = mapped_column(Integer)
    failing_columns: Mapped[str] = mapped_column(Text, default="")


class PortalVerdictRow(Base):
    """The national checklist's single-veto verdict (单项否决) of a portal on a run."""

    __tablename__ = "portal_verdicts"

    run_id: Mapped[str] = mapped_column(ForeignKey("audit_runs.run_id", ondelete="CASCADE"), primary_key=True)
    portal_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    verdict: Mapped[str] = mapped_column(String(8))  # pass | fail
    reasons: Mapped[str] = mapped_column(Text, default="")  # the failing items: messages as keys and arguments
    reasons_text: Mapped[str] = mapped_column(Text, default="")  # the same, written out in Chinese
    home_reachable: Mapped[bool | None] = mapped_column()
    home_updated: Mapped[bool | None] = mapped_column()
    veto_class_columns: Mapped[int] = mapped_column(Integer)
    stale_columns: Mapped[int] = mapped_column(Integer)
    blank_columns: Mapped[int] = mapped_column(Integer)


class PortalCheck(Base):
    """Each single-veto item judged for a portal on a run: outcome fail|warn|pass|unknown
    and the reason in the national wording (``validations/verdicts.py``)."""

    __tablename__ = "portal_checks"

    run_id: Mapped[str] = mapped_column(ForeignKey("audit_runs.run_id", ondelete="CASCADE"), primary_key=True)
    portal_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    item: Mapped[str] = mapped_column(String(32), primary_key=True)
    outcome: Mapped[str] = mapped_column(String(8))
    reason: Mapped[str] = mapped_column(Text, default="")  # message key and arguments (JSON), rendered by reports
    reason_text: Mapped[str] = mapped_column(Text, default="")  # the item and its reason, written out in Chinese


class AvailabilityProbe(Base):
    """One probe of a portal's home page (flow ``probe-homes``, every 30 minutes)."""

    __tablename__ = "availability_probes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    portal_id: Mapped[str] = mapped_column(String(128))
    url: Mapped[str] = mapped_column(Text)
    probed_at: Mapped[datetime] = mapped_column(DateTime)  # UTC
    ok: Mapped[bool] = mapped_column()
    elapsed_ms: Mapped[float] = mapped_column(Float)
    http_status: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    ipv6_ok: Mapped[bool | None] = mapped_column()
    cert_not_after: Mapped[date | None] = mapped_column(Date)  # over HTTPS: the certificate's last day
    cert_problem: Mapped[str | None] = mapped_column(String(16))  # expired, hostname, chain … (TlsState.verified)


class HomeLink(Base):
    """Every content link ever seen on a portal's home page, with the runs that first and
    last saw it: a link new since an earlier run is an update of the home page."""

    __tablename__ = "home_links"

    portal_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    url_key: Mapped[str] = mapped_column(Text, primary_key=True)  # portal_audit.urls.site_key
    url: Mapped[str] = mapped_column(Text)  # as last seen
    title: Mapped[str] = mapped_column(Text)
    published_on: Mapped[date | None] = mapped_column(Date)
    first_seen_run: Mapped[str] = mapped_column(String(32))
    last_seen_run: Mapped[str] = mapped_column(String(32))


class ConsultationMessage(Base):
    """A message of a 政务咨询 column as last read: when asked and answered, its state."""

    __tablename__ = "consultation_messages"

    portal_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    column_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    url_key: Mapped[str] = mapped_column(Text, primary_key=True)  # portal_audit.urls.site_key
    url: Mapped[str] = mapped_column(Text)  # as last seen
    title: Mapped[str] = mapped_column(Text)
    asked_on: Mapped[date | None] = mapped_column(Date)
    answered_on: Mapped[date | None] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(16))
    first_seen_run: Mapped[str] = mapped_column(String(32))
    last_seen_run: Mapped[str] = mapped_column(String(32))


class LinkCheckRow(Base):
    """A link or image of a portal's pages, checked on a run (不可用链接)."""

    __tablename__ = "link_checks"

    run_id: Mapped[str] = mapped_column(ForeignKey("audit_runs.run_id", ondelete="CASCADE"), primary_key=True)
    portal_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    url: Mapped[str] = mapped_column(Text, primary_key=True)
    page_url: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, default="")
    scope: Mapped[str] = mapped_column(String(8))  # 站内 | 域内 | 域外
    kind: Mapped[str] = mapped_column(String(8))  # 网页 | 图片 | 附件
    blank_title: Mapped[bool] = mapped_column()
    status: Mapped[str] = mapped_column(String(16))  # ok | broken | unverifiable | skipped
    checked: Mapped[bool] = mapped_column()  # fetched on this run (False: working when checked in the last days)
    http_status: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    nights_broken: Mapped[int] = mapped_column(Integer, default=0)  # consecutive runs it has been broken
    first_broken_run: Mapped[str | None] = mapped_column(String(32))
    hijacked: Mapped[bool] = mapped_column(default=False)  # an external page now unrelated to what it was (毒链)


class LinkFingerprint(Base):
    """An external page as first seen: its title and the start of its text, to notice the
    domain serving something else later (a hijacked link, 毒链)."""

    __tablename__ = "link_fingerprints"

    url: Mapped[str] = mapped_column(Text, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    text_sample: Mapped[str] = mapped_column(Text)
    first_seen_run: Mapped[str] = mapped_column(String(32))


class ContentFinding(Base):
    """A serious wording error or a personal-data leak on a run's pages (stored masked)."""

    __tablename__ = "content_findings"

    run_id: Mapped[str] = mapped_column(ForeignKey("audit_runs.run_id", ondelete="CASCADE"), primary_key=True)
    portal_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # wording | leak | advert | hidden (暗链)
    rule: Mapped[str] = mapped_column(String(16))  # phrase | leader | division | id_card | mobile
    severity: Mapped[str] = mapped_column(String(16))  # serious (严重) | suspected (疑似)
    term: Mapped[str] = mapped_column(Text)
    expected: Mapped[str] = mapped_column(Text)
    sentence: Mapped[str] = mapped_column(Text)
    page_url: Mapped[str] = mapped_column(Text)
    column_id: Mapped[str | None] = mapped_column(String(128))


class AccessibilityPage(Base):
    """axe-core's verdict on a page a run rendered (``extractors/accessibility.py``):
    ``violations`` a JSON list of [rule, impact, elements, help]; ``error`` why it could not
    be tested (a message, JSON)."""

    __tablename__ = "accessibility_pages"

    run_id: Mapped[str] = mapped_column(ForeignKey("audit_runs.run_id", ondelete="CASCADE"), primary_key=True)
    portal_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    page_url: Mapped[str] = mapped_column(Text, primary_key=True)
    violations: Mapped[str] = mapped_column(Text, default="[]")
    error: Mapped[str | None] = mapped_column(Text)
    elapsed_ms: Mapped[float] = mapped_column(Float, default=0.0)


Index("ix_items_column", Item.portal_id, Item.column_id)
Index("ix_link_checks_portal", LinkCheckRow.portal_id, LinkCheckRow.run_id)
Index("ix_probes_portal_time", AvailabilityProbe.portal_id, AvailabilityProbe.probed_at)


class PortalSurface(Base):
    """What a run saw of a portal that should not change night to night
    (``extractors/surface.py``): ``home`` a JSON object of the home page's stable parts,
    ``origins`` a JSON list of [origin, tag, first page] of its scripts and frames."""

    __tablename__ = "portal_surfaces"

    run_id: Mapped[str] = mapped_column(ForeignKey("audit_runs.run_id", ondelete="CASCADE"), primary_key=True)
    portal_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    home: Mapped[str] = mapped_column(Text, default="{}")
    origins: Mapped[str] = mapped_column(Text, default="[]")


class PortalBaseline(Base):
    """Each portal's surface to compare with: its first run's, or the run a person accepted
    (``portal-audit baseline accept``) after a redesign."""

    __tablename__ = "portal_baselines"

    portal_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    run_id: Mapped[str] = mapped_column(String(32))
    home: Mapped[str] = mapped_column(Text, default="{}")
    origins: Mapped[str] = mapped_column(Text, default="[]")
    accepted: Mapped[bool] = mapped_column(default=False)


class AttachmentRow(Base):
    """An attachment as the latest night that asked for it read it
    (``extractors/attachments.py``): its validators and content hash for the next night's
    conditional request, and its findings (masked, JSON) to judge it on while it is unchanged."""

    __tablename__ = "attachment_scans"

    portal_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    url: Mapped[str] = mapped_column(Text, primary_key=True)
    page_url: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    content_hash: Mapped[str | None] = mapped_column(String(64))
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    nbytes: Mapped[int] = mapped_column(Integer, default=0)
    findings: Mapped[str] = mapped_column(Text, default="[]")
    error: Mapped[str | None] = mapped_column(Text)
    run_id: Mapped[str] = mapped_column(String(32))
