"""Write a run into the warehouse.

A run is opened (``start_run``), each portal is loaded in one transaction that first
removes whatever an earlier attempt of the same run left for that portal (so re-running
a day is idempotent), and the run is closed as ``complete`` or ``failed``. Readers only
trust ``complete`` runs; a crash leaves ``running``/``failed``, never half a portal.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import astuple
from datetime import UTC, date, datetime, timedelta
from typing import Any, Protocol, cast

from sqlalchemy import Engine, Table, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from portal_audit.catalog import Portal
from portal_audit.i18n import DEFAULT_LANGUAGE, dumps, render
from portal_audit.records import (
    RECENTLY_WORKING,
    AttachmentScan,
    AxeResult,
    Baseline,
    ColumnCrawl,
    ColumnPath,
    ColumnVerdict,
    Finding,
    LinkCheck,
    PageFetch,
    Probe,
    Surface,
)
from portal_audit.records import Item as ItemRecord
from portal_audit.urls import site_keyer

from .models import (
    AccessibilityPage,
    AttachmentRow,
    AuditRun,
    AvailabilityProbe,
    Base,
    CatalogColumn,
    CatalogVersion,
    ColumnAudit,
    ColumnPathRow,
    ConsultationMessage,
    ContentFinding,
    Evidence,
    ExpectationResult,
    HomeLink,
    Item,
    ItemTitleChange,
    LinkCheckRow,
    LinkFingerprint,
    PageFetchRow,
    PortalBaseline,
    PortalCheck,
    PortalRun,
    PortalSurface,
    PortalVerdictRow,
)
from .models import Portal as Portal_

TABLE_LANGUAGE = DEFAULT_LANGUAGE  # the *_text columns: written out for analysts in SQL, Excel, BI tools

_BATCH = 5000


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def run_id_for(as_of: date) -> str:
    return as_of.isoformat()


def _table(model: type[Base]) -> Table:
    """A model's table: SQLAlchemy types a declarative model's ``__table__`` as any
    ``FromClause`` (one may map a join or a select); ours are all ``Table``s, with ``insert()``."""
    return cast(Table, model.__table__)


def _insert(engine_or_conn, table):
    dialect = engine_or_conn.dialect.name
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"warehouse dialect {dialect!r} is not supported (use SQLite or PostgreSQL)")


def start_run(engine: Engine, as_of: date, ruleset: str, catalog: str | None = None,
              flow_run_id: str | None = None) -> str:
    """Open (or reopen) the run for ``as_of``; returns its run_id."""
    run_id = run_id_for(as_of)
    table = _table(AuditRun)
    values = dict(run_id=run_id, as_of=as_of, ruleset=ruleset, status="running", started_at=_now(),
                  finished_at=None, catalog=catalog, flow_run_id=flow_run_id, message=None)
    with engine.begin() as conn:
        stmt = _insert(conn, table).values(**values, portals=0, columns=0)
        conn.execute(stmt.on_conflict_do_update(index_elements=["run_id"], set_=values))
    return run_id


def catalog_version(portal: Portal) -> tuple[str, str]:
    """(version, canonical JSON) of a portal's catalog entry: same catalog, same version."""
    content = json.dumps(portal.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:16], content


def _batches(conn, stmt, rows: list[dict]) -> None:
    for i in range(0, len(rows), _BATCH):
        conn.execute(stmt, rows[i:i + _BATCH])


def _evidence_rows(run_id: str, pages: list[PageFetch]) -> list[dict]:
    rows = {p.content_hash: dict(content_hash=p.content_hash, raw_size=p.nbytes, compressed=p.content,
                                 first_seen_run=run_id)
            for p in pages if p.content_hash and p.content is not None}
    return list(rows.values())


def store_evidence(engine: Engine, run_id: str, pages: list[PageFetch]) -> int:
    """Store page bodies as content-addressed evidence ahead of the run's load, so a run
    need not carry them until then. Blobs no fetch record points to (the run crashed
    before loading) are what ``prune_evidence`` removes. Returns the number of bodies."""
    rows = _evidence_rows(run_id, pages)
    if rows:
        with engine.begin() as conn:
            _batches(conn, _insert(conn, _table(Evidence)).on_conflict_do_nothing(index_elements=["content_hash"]),
                     rows)
    return len(rows)


class Judged(Protocol):
    """What the validate stage hands the load for a batch of portals (``validations.suite.Validation``):
    the warehouse reads it as records and imports no stage. Read-only members: the stage's
    output is a frozen dataclass."""

    @property
    def verdicts(self) -> list[ColumnVerdict]: ...

    @property
    def outcomes(self) -> list[Any]: ...  # expectation outcomes: suite, expectation, failing_keys

    @property
    def portals(self) -> list[Any]: ...  # the portals' single-veto verdicts: verdict, checks, counts


def load_portal(engine: Engine, run_id: str, portal: Portal, crawls: list[ColumnCrawl], validation: Judged,
                home: PageFetch | None = None, home_items: tuple[ItemRecord, ...] = (),
                links: tuple[LinkCheck, ...] = (), findings: tuple[Finding, ...] = (),
                accessibility: tuple[AxeResult, ...] | None = None, surface: Surface | None = None,
                attachments: tuple[AttachmentScan, ...] = ()) -> None:
    """Load one portal's results of a run in a single transaction: either all of it is
    visible afterwards or none of it (an earlier load of the same run stays intact). A
    ``surface`` is kept with the run, and becomes the portal's baseline when it has none."""
    verdicts, outcomes = validation.verdicts, validation.outcomes
    site = next((v for v in validation.portals if v.portal_id == portal.id), None)
    cols = {c.id: c for c in portal.columns}
    crawl_by_col = {c.column_id: c for c in crawls if c.portal_id == portal.id}
    version, content = catalog_version(portal)
    audits = []
    for v in verdicts:
        if v.portal_id != portal.id:
            continue
        col, crawl = cols[v.column_id], crawl_by_col.get(v.column_id)
        audits.append(dict(
            run_id=run_id, portal_id=portal.id, column_id=v.column_id, status=v.status,
            last_published_on=v.last_published_on, allowed_days=v.allowed_days,
            days_since_update=v.days_since_update, path=" › ".join(col.path), url=portal.column_url(col),
            frequency=col.frequency, frequency_code=v.frequency_code, category=v.category,
            responsible=col.responsible, item_count=v.item_count,
            pages_fetched=len(crawl.pages) if crawl else 0, detail=dumps(v.notes),
            detail_text=render(list(v.notes), TABLE_LANGUAGE),
            failed_expectations=",".join(v.failed_expectations),
            missed_periods=v.missed_periods, periods_checked=v.periods_checked,
            extraction=crawl.method if crawl else None,
        ))
    fetched = [(c.column_id, i, p) for c in crawl_by_col.values() for i, p in enumerate(c.pages)]
    if home is not None:  # the home page check is kept as the column "" of the portal
        fetched.append(("", 0, home))
    fetches = [dict(run_id=run_id, portal_id=portal.id, column_id=cid, seq=i, url=p.url, http_status=p.status,
                    nbytes=p.nbytes, elapsed_ms=p.elapsed_ms, error=dumps(p.error) if p.error else None,
                    content_hash=p.content_hash, etag=p.etag, last_modified=p.last_modified)
               for cid, i, p in fetched]
    evidence = _evidence_rows(run_id, [p for _, _, p in fetched])
    key = site_keyer(portal.base_url)
    items = {}
    for c in crawl_by_col.values():
        for it in c.items:
            k = key(it.url)
            items[(c.column_id, k)] = dict(
                portal_id=portal.id, column_id=c.column_id, url_key=k, url=it.url, title=it.title,
                published_on=it.published_on, pinned=it.pinned, first_seen_run=run_id, last_seen_run=run_id)
    prefix = portal.id + "/"
    results = [
        dict(run_id=run_id, portal_id=portal.id, suite=o.suite, expectation=o.expectation,
             success=not any(k.startswith(prefix) for k in o.failing_keys),
             unexpected_count=sum(1 for k in o.failing_keys if k.startswith(prefix)),
             failing_columns=",".join(k[len(prefix):] for k in o.failing_keys if k.startswith(prefix)))
        for o in outcomes
    ]
    site_rows = [] if site is None else [dict(
        run_id=run_id, portal_id=portal.id, verdict=site.verdict,
        reasons=dumps(c.line_msg for c in site.checks if c.outcome == "fail"),
        reasons_text=render([c.line_msg for c in site.checks if c.outcome == "fail"], TABLE_LANGUAGE),
        home_reachable=site.home_reachable, home_updated=site.home_updated,
        veto_class_columns=len(site.veto_class_columns), stale_columns=len(site.stale_columns),
        blank_columns=len(site.blank_columns))]
    checks = [] if site is None else [dict(run_id=run_id, portal_id=portal.id, item=c.item, outcome=c.outcome,
                                           reason=dumps(c.message), reason_text=c.line_msg.render(TABLE_LANGUAGE))
              for c in site.checks + site.indicators]  # the veto items, then the supervision indicators
    on_home = {key(i.url): dict(portal_id=portal.id, url_key=key(i.url), url=i.url, title=i.title,
                                published_on=i.published_on, first_seen_run=run_id, last_seen_run=run_id)
               for i in home_items}
    messages = {(c.column_id, key(m.url)): dict(portal_id=portal.id, column_id=c.column_id, url_key=key(m.url),
                                                url=m.url, title=m.title,
                                           asked_on=m.asked_on, answered_on=m.answered_on, state=m.state,
                                           first_seen_run=run_id, last_seen_run=run_id)
                for c in crawl_by_col.values() for m in c.messages}
    # how each list was read, for the next night: an API known (used or learnt) is read directly
    paths = [dict(portal_id=portal.id, column_id=c.column_id, method="api" if c.source else c.method,
                  source=ColumnPath.kept(c.source, portal.base_url), run_id=run_id)
             for c in crawl_by_col.values() if c.method and c.fetch_state == "ok"]
    catalog_rows = [dict(version=version, column_id=c.id, portal_id=portal.id, path=" › ".join(c.path),
                         url=portal.column_url(c), frequency=c.frequency, category=c.category,
                         responsible=c.responsible, profile=c.profile, home_page=c.home_page)
                    for c in portal.columns]

    with engine.begin() as conn:
        for model in (ColumnAudit, PageFetchRow, ExpectationResult, PortalVerdictRow, PortalCheck, LinkCheckRow,
                      ContentFinding, AccessibilityPage, PortalSurface, PortalRun):
            conn.execute(delete(model).where(model.run_id == run_id, model.portal_id == portal.id))
        stmt = _insert(conn, _table(Portal_)).values(portal_id=portal.id, name=portal.name, base_url=portal.base_url,
                                                     first_seen_run=run_id, last_seen_run=run_id)
        conn.execute(stmt.on_conflict_do_update(index_elements=["portal_id"], set_=dict(
            name=portal.name, base_url=portal.base_url, last_seen_run=run_id)))
        stmt = _insert(conn, _table(CatalogVersion)).values(version=version, portal_id=portal.id,
                                                            first_used_run=run_id, content=content)
        conn.execute(stmt.on_conflict_do_nothing(index_elements=["version"]))
        _batches(conn, _insert(conn, _table(CatalogColumn)).on_conflict_do_nothing(
            index_elements=["version", "column_id"]), catalog_rows)
        if evidence:
            _batches(conn, _insert(conn, _table(Evidence)).on_conflict_do_nothing(index_elements=["content_hash"]),
                     evidence)
        for table, rows in ((_table(ColumnAudit), audits), (_table(PageFetchRow), fetches),
                            (_table(ExpectationResult), results), (_table(PortalVerdictRow), site_rows),
                            (_table(PortalCheck), checks)):
            _batches(conn, table.insert(), rows)
        if paths:
            stmt = _insert(conn, _table(ColumnPathRow))
            _batches(conn, stmt.on_conflict_do_update(index_elements=["portal_id", "column_id"], set_={
                "method": stmt.excluded.method, "source": stmt.excluded.source, "run_id": stmt.excluded.run_id}), paths)
        _record_title_changes(conn, run_id, portal.id, items)
        stmt = _insert(conn, _table(Item))
        stmt = stmt.on_conflict_do_update(
            index_elements=["portal_id", "column_id", "url_key"],
            set_={"url": stmt.excluded.url, "title": stmt.excluded.title, "published_on": stmt.excluded.published_on,
                  "pinned": stmt.excluded.pinned, "last_seen_run": stmt.excluded.last_seen_run},
        )
        _batches(conn, stmt, list(items.values()))
        for history, by_key, keys, kept in (
                (HomeLink, on_home, ["portal_id", "url_key"], ("url", "title", "published_on", "last_seen_run")),
                (ConsultationMessage, messages, ["portal_id", "column_id", "url_key"],
                 ("url", "title", "asked_on", "answered_on", "state", "last_seen_run"))):
            if by_key:
                stmt = _insert(conn, _table(history))
                _batches(conn, stmt.on_conflict_do_update(index_elements=keys, set_={
                    k: getattr(stmt.excluded, k) for k in kept}), list(by_key.values()))
        _load_links(conn, run_id, portal.id, links)
        _batches(conn, _table(ContentFinding).insert(), [
            dict(run_id=run_id, portal_id=portal.id, seq=i, kind=f.kind, rule=f.rule, severity=f.severity, term=f.term,
                 expected=f.expected, sentence=f.sentence, page_url=f.page_url, column_id=f.column_id)
            for i, f in enumerate(findings)])
        _batches(conn, _table(AccessibilityPage).insert(), [
            dict(run_id=run_id, portal_id=portal.id, page_url=a.page_url, elapsed_ms=a.elapsed_ms,
                 violations=json.dumps([list(v) for v in a.violations], ensure_ascii=False),
                 error=dumps(a.error) if a.error else None)
            for a in {a.page_url: a for a in accessibility or ()}.values()])
        if surface is not None:
            seen = dict(home=json.dumps(dict(surface.home), ensure_ascii=False),
                        origins=json.dumps([list(o) for o in surface.origins], ensure_ascii=False))
            conn.execute(_table(PortalSurface).insert().values(run_id=run_id, portal_id=portal.id, **seen))
            # a first night's surface is the portal's baseline; later ones are compared with it
            conn.execute(_insert(conn, _table(PortalBaseline)).values(
                portal_id=portal.id, run_id=run_id, accepted=False, home=seen["home"],
                origins=json.dumps(sorted({o for o, _, _ in surface.origins}), ensure_ascii=False)
            ).on_conflict_do_nothing(index_elements=["portal_id"]))
        if attachments:  # each as tonight read it, for the next night's conditional request
            stmt = _insert(conn, _table(AttachmentRow))
            read = ("page_url", "kind", "content_hash", "etag", "last_modified", "nbytes", "findings", "error",
                    "run_id")
            _batches(conn, stmt.on_conflict_do_update(index_elements=["portal_id", "url"], set_={
                k: getattr(stmt.excluded, k) for k in read}), list({a.url: dict(
                    portal_id=portal.id, url=a.url, page_url=a.page_url, kind=a.kind, content_hash=a.content_hash,
                    etag=a.etag, last_modified=a.last_modified, nbytes=a.nbytes, run_id=run_id,
                    findings=json.dumps([list(astuple(f)) for f in a.findings], ensure_ascii=False),
                    error=dumps(a.error) if a.error else None) for a in attachments}.values()))
        conn.execute(_table(PortalRun).insert().values(
            run_id=run_id, portal_id=portal.id, portal_name=portal.name, base_url=portal.base_url,
            loaded_at=_now(), catalog_version=version, columns=len(audits), pages_fetched=len(fetches),
            bytes_fetched=sum(p.nbytes for _, _, p in fetched)))


def set_baseline(engine: Engine, portal_id: str, baseline: Baseline) -> None:
    """Make ``baseline`` the portal's, replacing any (the demo seeds a week-old one; people
    use ``portal-audit baseline accept``, which takes a run's)."""
    with engine.begin() as conn:
        conn.execute(delete(PortalBaseline).where(PortalBaseline.portal_id == portal_id))
        conn.execute(_table(PortalBaseline).insert().values(
            portal_id=portal_id, run_id=baseline.run_id, accepted=baseline.accepted,
            home=json.dumps(dict(baseline.home), ensure_ascii=False),
            origins=json.dumps(sorted(baseline.origins), ensure_ascii=False)))


HIJACK_SIMILARITY = 0.15  # title and text this unlike what the external page first showed: a suspected 毒链


def _bigrams(text: str) -> set[str]:
    text = "".join(text.split())
    return {text[i:i + 2] for i in range(len(text) - 1)}


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of two texts' character bigrams (0 unrelated … 1 the same)."""
    x, y = _bigrams(a), _bigrams(b)
    return len(x & y) / len(x | y) if x and y else 0.0


def _load_links(conn, run_id: str, portal_id: str, links: tuple[LinkCheck, ...]) -> None:
    """A portal's checked links, with how many runs running each has been broken (from the
    portal's previous run) and external pages compared with what they first showed."""
    if not links:
        return
    before = conn.execute(select(func.max(LinkCheckRow.run_id)).where(LinkCheckRow.portal_id == portal_id,
                                                                      LinkCheckRow.run_id < run_id)).scalar()
    previous = {} if before is None else {u: (st, n, first) for u, st, n, first in conn.execute(
        select(LinkCheckRow.url, LinkCheckRow.status, LinkCheckRow.nights_broken, LinkCheckRow.first_broken_run)
        .where(LinkCheckRow.portal_id == portal_id, LinkCheckRow.run_id == before))}
    seen = [c for c in links if c.title]
    prints = {u: (t, x) for u, t, x in conn.execute(select(LinkFingerprint.url, LinkFingerprint.title,
                                                           LinkFingerprint.text_sample)
                                                    .where(LinkFingerprint.url.in_([c.link.url for c in seen])))} \
        if seen else {}
    rows = []
    for c in links:
        nights, first = 0, None
        if c.status == "broken":
            status, n, first_before = previous.get(c.link.url, (None, 0, None))
            nights, first = (n + 1, first_before) if status == "broken" else (1, run_id)
        hijacked = False
        if c.title and c.link.url in prints:
            title, text = prints[c.link.url]
            hijacked = similarity(title, c.title) < HIJACK_SIMILARITY and \
                similarity(text, c.text_sample or "") < HIJACK_SIMILARITY
        rows.append(dict(run_id=run_id, portal_id=portal_id, url=c.link.url, page_url=c.link.page_url,
                         text=c.link.text, scope=c.scope, kind=c.kind, blank_title=c.blank_title, status=c.status,
                         checked=c.error != RECENTLY_WORKING, http_status=c.http_status,
                         error=dumps(c.error) if c.error else None, nights_broken=nights, first_broken_run=first,
                         hijacked=hijacked))
    _batches(conn, _table(LinkCheckRow).insert(), rows)
    new = [dict(url=c.link.url, title=c.title, text_sample=c.text_sample or "", first_seen_run=run_id)
           for c in seen if c.link.url not in prints]
    if new:
        _batches(conn, _insert(conn, _table(LinkFingerprint)).on_conflict_do_nothing(index_elements=["url"]), new)


def _record_title_changes(conn, run_id: str, portal_id: str, items: dict) -> None:
    """Items whose title differs from the stored one get a row in item_title_changes."""
    if not items:
        return
    stored = conn.execute(select(Item.column_id, Item.url_key, Item.title).where(Item.portal_id == portal_id)).all()
    changes = [dict(portal_id=portal_id, column_id=cid, url=items[(cid, k)]["url"], old_title=old,
                    new_title=items[(cid, k)]["title"], run_id=run_id)
               for cid, k, old in stored if (cid, k) in items and items[(cid, k)]["title"] != old]
    if changes:
        conn.execute(delete(ItemTitleChange).where(ItemTitleChange.portal_id == portal_id,
                                                   ItemTitleChange.run_id == run_id))
        _batches(conn, _table(ItemTitleChange).insert(), changes)


def finish_run(engine: Engine, run_id: str, ok: bool, message: str | None = None, data_docs: str | None = None) -> None:
    """Close a run: counts from what was loaded, status complete or failed."""
    with engine.begin() as conn:
        portals = conn.execute(select(PortalRun.portal_id).where(PortalRun.run_id == run_id)).all()
        n_cols = conn.execute(select(ColumnAudit.column_id).where(ColumnAudit.run_id == run_id)).all()
        conn.execute(update(AuditRun).where(AuditRun.run_id == run_id).values(
            status="complete" if ok else "failed", finished_at=_now(), portals=len(portals),
            columns=len(n_cols), message=message, data_docs=data_docs))
    checkpoint(engine)


def checkpoint(engine: Engine) -> None:
    """SQLite: move the write-ahead log into the database file and empty it, so a copy of
    ``audit.db`` alone — as analysts take it — holds the run (without it, the file can be
    4 KB with the tables still in ``audit.db-wal``). Best effort: a reader still open
    leaves the rest for the next checkpoint."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def prune_evidence(engine: Engine, keep_days: int, today: date | None = None) -> int:
    """Retention: drop stored page bodies that no run of the last ``keep_days`` days
    fetched. The page_fetches rows (URL, status, hash) stay; returns the blobs dropped.
    Bodies first stored by a run still in progress are kept: it has not loaded yet."""
    cutoff = (today or date.today()) - timedelta(days=keep_days)
    recent = (select(PageFetchRow.content_hash).join(AuditRun, AuditRun.run_id == PageFetchRow.run_id)
              .where(AuditRun.as_of >= cutoff, PageFetchRow.content_hash.is_not(None)))
    running = select(AuditRun.run_id).where(AuditRun.status == "running")
    with engine.begin() as conn:
        return conn.execute(delete(Evidence).where(Evidence.content_hash.not_in(recent),
                                                   Evidence.first_seen_run.not_in(running))).rowcount


def load_probes(engine: Engine, probes: list[Probe]) -> int:
    """Append availability probes (one transaction: a probe round is stored whole or not)."""
    rows = [dict(portal_id=p.portal_id, url=p.url, probed_at=p.probed_at, ok=p.ok, elapsed_ms=p.elapsed_ms,
                 http_status=p.status, error=dumps(p.error) if p.error else None, ipv6_ok=p.ipv6_ok,
                 cert_not_after=p.cert_not_after, cert_problem=p.cert_problem) for p in probes]
    if rows:
        with engine.begin() as conn:
            _batches(conn, _table(AvailabilityProbe).insert(), rows)
    return len(rows)
