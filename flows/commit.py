"""Validate and load a shard's crawls, waiting out a warehouse outage. What the warehouse
still cannot take when the wait is over goes to a local spool — the portal's crawl with
its page bodies, written atomically — and ``load_spool`` validates and loads it later
(``portal-audit db load-spool``, or the next run before it starts). Nothing crawled is lost
and nothing is crawled twice. Plain functions: the flows call them, so does the CLI."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict

from portal_audit.catalog import Portal
from portal_audit.i18n import msg, t
from portal_audit.records import PortalCrawl
from validations.indicators import indicator_evidence
from validations.registry import load_registry
from validations.rules import load_ruleset
from validations.suite import Validation, validate
from validations.verdicts import Availability, SiteEvidence, home_evidence
from warehouse.db import cause, is_outage, mask_url
from warehouse.earlier import accessibility_results, baselines
from warehouse.errors import WarehouseError
from warehouse.load import finish_run, load_portal, store_evidence
from warehouse.read import home_link_history, item_dates, probe_counts

T = TypeVar("T")
RETRY_FOR = 30 * 60.0  # seconds a run waits for its warehouse before spooling
HISTORY_DAYS = 400  # stored publish dates read back for the missed-period history
SPOOL_VERSION = 2  # 2: JSON (1 was a pickle, which runs code when read; never read now)
SPOOLED = ".crawl.json"
_log = logging.getLogger("portal_audit.commit")


@dataclass(frozen=True)
class RunSpec:
    """What validating a run's crawls needs besides the crawls."""

    run_id: str
    as_of: date
    ruleset: str
    content: bool = True  # whether the pages' text was scanned (checks.content)
    registry: str | None = None  # the national site registry's local copy (checks.site_registry)


@dataclass
class Committed:
    validation: Validation | None = None
    loaded: list[str] = field(default_factory=list)
    spooled: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # portal → why (a bug, not an outage)


def wait_out(fn: Callable[[], T], deadline: float, what: str, log: logging.Logger | logging.LoggerAdapter = _log) -> T:
    """``fn()``, retried with backoff (1 s doubling to 60 s) while the warehouse is out,
    until ``deadline`` (``time.monotonic()``); other errors and the last outage propagate."""
    wait = 1.0
    while True:
        try:
            return fn()
        except Exception as error:
            if not is_outage(error) or time.monotonic() + wait > deadline:
                raise
            log.warning("%s", t("log.warehouse_retry", what=what, why=cause(error), s=round(wait)))
            time.sleep(wait)
            wait = min(wait * 2, 60.0)


def site_evidence(engine, portals: list[Portal], crawls: dict[str, PortalCrawl], as_of: date,
                  content: bool = True) -> dict[str, SiteEvidence]:
    """What the single-veto items read besides the columns: the home page against what
    earlier runs saw on it, the week's availability probes, the consultation messages."""
    probes = probe_counts(engine, [p.id for p in portals], as_of)
    out = {}
    for p in portals:
        crawl = crawls[p.id]
        counted = probes.get(p.id)
        out[p.id] = SiteEvidence(
            home=home_evidence(crawl.home_reachable, crawl.home_items, home_link_history(engine, p.id), as_of,
                               p.base_url),
            availability=Availability(*counted) if counted else None,
            messages={c.column_id: c.messages for c in crawl.columns if c.messages},
            findings=crawl.findings if content else None,
            pages_read=sum(1 for page in crawl.pages() if page.error is None and page.status is not None))
    return out


def commit(engine, url: str, run: RunSpec, portals: list[Portal], crawls: dict[str, PortalCrawl], *,
           retry_for: float = RETRY_FOR, spool: str | Path | None = None, docs_dir: str | None = None,
           log: logging.Logger | logging.LoggerAdapter = _log) -> Committed:
    """Validate and load ``portals`` (each in its own transaction), waiting out an outage for
    ``retry_for`` seconds in all; then the portals not loaded go to ``spool`` (without a
    spool the outage propagates). Crawls still holding page bodies have them stored first."""
    deadline = time.monotonic() + retry_for
    done = Committed()
    try:
        for p in portals:
            if any(page.content is not None for page in crawls[p.id].pages()):
                wait_out(partial(store_evidence, engine, run.run_id, crawls[p.id].pages()), deadline, "storing pages",
                         log)
                crawls[p.id] = crawls[p.id].without_bodies()
        since = run.as_of - timedelta(days=HISTORY_DAYS)
        history = wait_out(lambda: item_dates(engine, [p.id for p in portals], since), deadline, "reading history", log)
        evidence = wait_out(lambda: site_evidence(engine, portals, crawls, run.as_of, run.content), deadline,
                            "reading evidence", log)
        ruleset = load_ruleset(run.ruleset)
        registry = load_registry(run.registry) if run.registry else None
        within = timedelta(days=int((ruleset.indicator("accessibility") or {}).get("within_days", 14)))
        untested = [p.id for p in portals if crawls[p.id].accessibility is None]
        axe = wait_out(lambda: accessibility_results(engine, untested, run.as_of - within, run.run_id)
                       if untested else {}, deadline, "reading evidence", log)
        compared = wait_out(lambda: baselines(engine, [p.id for p in portals]), deadline, "reading evidence", log)
    except Exception as error:
        if spool is None or not is_outage(error):
            raise
        log.error("%s", t("log.warehouse_spooling", why=cause(error, url), n=len(portals)))
        for p in portals:
            spool_portal(spool, url, run, p, crawls[p.id])
        done.spooled = [p.id for p in portals]
        return done
    validation = done.validation = validate([c for p in portals for c in crawls[p.id].columns], portals,
                                            ruleset, run.as_of, evidence=evidence, history=history,
                                            docs_dir=docs_dir, run_name=run.run_id, indicators={
                                                p.id: indicator_evidence(p, crawls[p.id], run.content, axe.get(p.id),
                                                                         registry, compared.get(p.id))
                                                for p in portals})
    for p in portals:
        c = crawls[p.id]
        try:
            wait_out(partial(load_portal, engine, run.run_id, p, list(c.columns), validation, c.home, c.home_items,
                             c.links, c.findings, c.accessibility, c.surface, c.attachments), deadline,
                             f"loading {p.id}", log)
            done.loaded.append(p.id)
        except Exception as error:
            if spool is not None and is_outage(error):
                log.error("%s", t("log.warehouse_spooling", why=cause(error, url), n=1))
                spool_portal(spool, url, run, p, c)
                done.spooled.append(p.id)
            else:
                done.failed[p.id] = failure("load", error, log)
    return done


def failure(stage: str, error: BaseException, log: logging.Logger | logging.LoggerAdapter = _log) -> str:
    """Why a portal failed, for its users (the stage, in their language); the exception
    itself, class name and all, goes to the run's log for whoever fixes it."""
    log.error("%s failed: %s: %s", stage, type(error).__name__, error)
    return t(f"failure.{stage}")


# -- the spool ------------------------------------------------------------------------------------
def _atomic_write(path: Path, data: bytes) -> None:
    """Write all of ``data`` or nothing: a crash mid-write leaves the old file or none."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


class _Spooled(BaseModel):
    """One portal's crawl as the spool keeps it: JSON, page bodies in base64. Reading it back
    builds records and nothing else — a spool file, whoever wrote it, runs no code."""

    model_config = ConfigDict(ser_json_bytes="base64", val_json_bytes="base64")
    version: int
    warehouse: str
    run: RunSpec
    portal: Portal
    crawl: PortalCrawl


def spool_portal(root: str | Path, url: str, run: RunSpec, portal: Portal, crawl: PortalCrawl) -> Path:
    """Keep a portal's crawl (page bodies included) for a later load: ``root/run_id/portal.crawl.json``."""
    path = Path(root) / run.run_id / f"{portal.id}{SPOOLED}"
    _atomic_write(path, _Spooled(version=SPOOL_VERSION, warehouse=mask_url(url), run=run, portal=portal,
                                 crawl=crawl).model_dump_json().encode())
    return path


def spool_finish(root: str | Path, url: str, run_id: str, ok: bool, message: str | None,
                 data_docs: str | None = None) -> Path:
    """Mark a run's spool complete: the run ended, these portals are all it left to load,
    and how to close the run once they are loaded."""
    path = Path(root) / run_id / "run.json"
    _atomic_write(path, json.dumps({"warehouse": mask_url(url), "ok": ok, "message": message,
                                    "data_docs": data_docs}).encode())
    return path


@dataclass
class SpoolLoad:
    runs: list[str] = field(default_factory=list)
    portals: int = 0


def pending(root: str | Path, url: str) -> dict[str, list[Path]]:
    """Runs whose spool is complete (they ended) for this warehouse: run id → portal files."""
    out = {}
    for marker in sorted(Path(root).glob("*/run.json")):
        if json.loads(marker.read_text())["warehouse"] == mask_url(url):
            out[marker.parent.name] = sorted(marker.parent.glob(f"*{SPOOLED}"))
            for legacy in sorted(marker.parent.glob("*.pkl")):
                _log.error("%s is a pickle spool from an older version: not read (a pickle runs code when "
                           "read); load it with that version or audit its portal again", legacy)
    return out


def load_spool(engine, url: str, root: str | Path, retry_for: float = 0.0,
               log: logging.Logger | logging.LoggerAdapter = _log) -> SpoolLoad:
    """Validate and load every complete spool of this warehouse, close its run as it ended,
    and remove it. Idempotent: a portal's rows of a run are replaced, never duplicated. A
    warehouse still out raises ``WarehouseError`` and leaves the spool as it was."""
    result = SpoolLoad()
    for run_id, files in pending(root, url).items():
        marker = Path(root) / run_id / "run.json"
        ended = json.loads(marker.read_text())
        records = [_Spooled.model_validate_json(f.read_bytes()) for f in files]
        deadline = time.monotonic() + retry_for
        try:
            if records:
                done = commit(engine, url, records[0].run, [r.portal for r in records],
                              {r.portal.id: r.crawl for r in records}, retry_for=retry_for, log=log)
                if done.failed:
                    raise WarehouseError(msg("warehouse.spool_failed", run=run_id,
                                             failed=[f"{k}: {v}" for k, v in done.failed.items()]))
                result.portals += len(done.loaded)
            wait_out(partial(finish_run, engine, run_id, ended["ok"], ended["message"], ended.get("data_docs")),
                     deadline, "closing the run", log)
        except Exception as error:
            if is_outage(error):
                raise WarehouseError(msg("warehouse.spool_unreachable", run=run_id, n=len(files), spool=str(root),
                                         url=mask_url(url), cause=cause(error, url))) from None
            raise
        for f in files:
            f.unlink()
        marker.unlink()
        with contextlib.suppress(OSError):  # something else lives there
            marker.parent.rmdir()
        result.runs.append(run_id)
        log.info("%s", t("log.spool_loaded", runs=run_id, n=len(records)))
    return result
