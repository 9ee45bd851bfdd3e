"""What earlier nights left that a crawl reads before it fetches: the stored pages (for
conditional requests), the items already known, how each column's list was read, and the
links found working lately. A module of its own because the crawl processes import it:
without pandas (0.3 s and ~40 MB of every crawl process's start), which the reports'
queries in ``warehouse/read.py`` use."""

from __future__ import annotations

import json
import zlib
from datetime import date

from sqlalchemy import Engine, delete, insert, select

from portal_audit.i18n import loads
from portal_audit.records import AttachmentScan, AxeResult, Baseline, ColumnPath, Finding, Previous

from .models import (
    AccessibilityPage,
    AttachmentRow,
    AuditRun,
    ColumnPathRow,
    Evidence,
    Item,
    LinkCheckRow,
    PageFetchRow,
    PortalBaseline,
    PortalSurface,
)


def previous_pages(engine: Engine, portal_id: str) -> dict[str, Previous]:
    """URL → the newest stored fetch of it (validators and body), for conditional requests."""
    out: dict[str, Previous] = {}
    with engine.connect() as conn:
        rows = conn.execute(
            select(PageFetchRow.url, PageFetchRow.etag, PageFetchRow.last_modified, Evidence.content_hash,
                   Evidence.compressed)
            .join(Evidence, Evidence.content_hash == PageFetchRow.content_hash)
            .join(AuditRun, AuditRun.run_id == PageFetchRow.run_id)
            .where(PageFetchRow.portal_id == portal_id)  # any run's fetch is true evidence of what was served
            .where((PageFetchRow.etag.is_not(None)) | (PageFetchRow.last_modified.is_not(None)))
            .order_by(AuditRun.as_of))
        for url, etag, last_modified, content_hash, compressed in rows:  # newer runs overwrite older
            out[url] = Previous(etag, last_modified, content_hash, zlib.decompress(compressed))
    return out


def known_items(engine: Engine, portal_id: str) -> dict[str, set[str]]:
    """column_id → item URLs stored for it."""
    out: dict[str, set[str]] = {}
    with engine.connect() as conn:
        for column_id, url in conn.execute(select(Item.column_id, Item.url).where(Item.portal_id == portal_id)):
            out.setdefault(column_id, set()).add(url)
    return out


def column_paths(engine: Engine, portal_id: str, base_url: str) -> dict[str, ColumnPath]:
    """column_id → how the newest run read its list (for the next night to go straight
    there), its API on the portal's address ``base_url`` (``ColumnPath.kept``)."""
    with engine.connect() as conn:
        rows = conn.execute(select(ColumnPathRow.column_id, ColumnPathRow.method, ColumnPathRow.source)
                            .where(ColumnPathRow.portal_id == portal_id))
        return {column_id: ColumnPath(method, source).on(base_url) for column_id, method, source in rows}


def recently_working_links(engine: Engine, portal_id: str, since: date) -> set[str]:
    """Links of the portal fetched and found working on a run since ``since``: not fetched
    again tonight (broken and unverifiable ones are, every night)."""
    with engine.connect() as conn:
        return set(conn.execute(select(LinkCheckRow.url).where(
            LinkCheckRow.portal_id == portal_id, LinkCheckRow.run_id >= since.isoformat(),
            LinkCheckRow.status == "ok", LinkCheckRow.checked.is_(True))).scalars())


def tested_since(engine: Engine, portal_id: str, since: date, before: date) -> bool:
    """Whether a run from ``since`` up to the day before ``before`` tested the portal's
    pages with axe-core (a re-run of a day tests again: it replaces that day's rows)."""
    with engine.connect() as conn:
        return conn.execute(select(AccessibilityPage.run_id).where(
            AccessibilityPage.portal_id == portal_id, AccessibilityPage.run_id >= since.isoformat(),
            AccessibilityPage.run_id < before.isoformat()).limit(1)).first() is not None


def accessibility_results(engine: Engine, portal_ids: list[str], since: date,
                          before: str) -> dict[str, tuple[str, tuple[AxeResult, ...]]]:
    """Each portal's latest axe-core results from a run since ``since`` and before run
    ``before``: portal → (that run's id, its pages' results)."""
    out: dict[str, tuple[str, list[AxeResult]]] = {}
    with engine.connect() as conn:
        a = AccessibilityPage
        rows = conn.execute(select(a.run_id, a.portal_id, a.page_url, a.violations, a.error, a.elapsed_ms).where(
            a.portal_id.in_(portal_ids), a.run_id >= since.isoformat(), a.run_id < before).order_by(a.run_id.desc()))
        for r in rows:
            run, pages = out.setdefault(r.portal_id, (r.run_id, []))
            if r.run_id == run:
                error = next(iter(loads(r.error)), None) if r.error else None
                pages.append(AxeResult(r.page_url, tuple(tuple(v) for v in json.loads(r.violations)),
                                       error, r.elapsed_ms))
    return {p: (run, tuple(pages)) for p, (run, pages) in out.items()}


def baselines(engine: Engine, portal_ids: list[str]) -> dict[str, Baseline]:
    """Each portal's baseline surface, for those that have one."""
    with engine.connect() as conn:
        b = PortalBaseline
        rows = conn.execute(select(b.portal_id, b.run_id, b.home, b.origins, b.accepted).where(
            b.portal_id.in_(portal_ids)))
        return {r.portal_id: Baseline(r.run_id, tuple(json.loads(r.home).items()), frozenset(json.loads(r.origins)),
                                      bool(r.accepted)) for r in rows}


class NoSurface(LookupError):
    """No run has stored what a portal showed (or not the run asked for)."""


def accept_baseline(engine: Engine, portal_id: str, run_id: str | None = None) -> str:
    """Make what run ``run_id`` (default: the latest that read the portal) saw of the portal
    its baseline — a redesign accepted by a person; returns the run used."""
    with engine.begin() as conn:
        s = PortalSurface
        query = select(s.run_id, s.home, s.origins).where(s.portal_id == portal_id)
        query = query.where(s.run_id == run_id) if run_id else query.order_by(s.run_id.desc())
        row = conn.execute(query.limit(1)).first()
        if row is None:
            raise NoSurface(portal_id)
        origins = json.dumps(sorted({o for o, _, _ in json.loads(row.origins)}), ensure_ascii=False)
        conn.execute(delete(PortalBaseline).where(PortalBaseline.portal_id == portal_id))
        conn.execute(insert(PortalBaseline).values(portal_id=portal_id, run_id=row.run_id, home=row.home,
                                                   origins=origins, accepted=True))
        return row.run_id


def attachments_read(engine: Engine, portal_id: str) -> dict[str, AttachmentScan]:
    """The portal's attachments as the latest nights read them: URL → reading (validators,
    content hash, findings), so tonight asks conditionally and parses no content twice."""
    with engine.connect() as conn:
        a = AttachmentRow
        rows = conn.execute(select(a.url, a.page_url, a.kind, a.content_hash, a.etag, a.last_modified, a.nbytes,
                                   a.findings, a.error).where(a.portal_id == portal_id))
        return {r.url: AttachmentScan(r.url, r.page_url, r.kind, r.content_hash, r.etag, r.last_modified,
                                      tuple(Finding(*f) for f in json.loads(r.findings)),
                                      next(iter(loads(r.error)), None) if r.error else None, nbytes=r.nbytes)
                for r in rows}
