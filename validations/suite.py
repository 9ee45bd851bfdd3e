"""Judge columns with Great Expectations.

Two whole-table validations per run (columns, items), run as one GE Checkpoint; the
unexpected rows of each expectation are mapped back to column keys, and a column's
status follows from which expectations it failed, in this order of precedence:
unreachable → error → empty → exempt → stale → fresh.
"""

from __future__ import annotations

import functools
import importlib.abc
import importlib.machinery
import importlib.util
import logging
import os
import sys
import threading
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pandas as pd

from portal_audit.catalog import Portal
from portal_audit.i18n import Msg, as_msg, msg
from portal_audit.records import ColumnCrawl, ColumnVerdict

from . import docs
from .docs import ExpectationOutcome
from .history import missed_periods
from .indicators import IndicatorEvidence, indicator_checks
from .rules import Ruleset
from .verdicts import PortalVerdict, SiteEvidence, portal_verdict

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
logging.getLogger("great_expectations").setLevel(logging.WARNING)

FUTURE_TOLERANCE = timedelta(days=1)  # portals in UTC+8 publish "tomorrow" for a UTC clock


def column_key(portal_id: str, column_id: str) -> str:
    return f"{portal_id}/{column_id}"


def build_frames(
    crawls: list[ColumnCrawl], portals: list[Portal], ruleset: Ruleset, as_of: date,
    history: dict[tuple[str, str], list[date]] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The run's column table and item table, the shape the suites expect. ``history``
    holds publish dates seen on earlier runs, for the missed-period count."""
    history = history or {}
    columns = {(p.id, c.id): (p, c) for p in portals for c in p.columns}
    latest_ok = as_of + FUTURE_TOLERANCE
    col_rows, item_rows = [], []
    for crawl in crawls:
        portal, col = columns[(crawl.portal_id, crawl.column_id)]
        category, allowed = ruleset.allowance(col, as_of)
        key = column_key(crawl.portal_id, crawl.column_id)
        ok = crawl.fetch_state == "ok"
        noted = ok and not crawl.items and crawl.note is not None  # explained, not blank
        dates = [i.published_on for i in crawl.items if i.published_on and i.published_on <= latest_ok]
        newest = max(dates) if dates else None
        days = (as_of - newest).days if newest else None
        record = (missed_periods(dates + history.get((crawl.portal_id, crawl.column_id), []), col.frequency_code, as_of)
                  if ok else None)
        col_rows.append({
            "key": key,
            "portal_id": crawl.portal_id,
            "column_id": crawl.column_id,
            "fetch_state": crawl.fetch_state,
            "item_count": float(len(crawl.items)) if ok and not noted else None,
            "last_published_on": newest,
            "days_since_update": days,
            "allowed_days": allowed,
            "overdue_days": float(days - allowed) if (ok and days is not None and allowed is not None) else None,
            "frequency_code": col.frequency_code,
            "category": category,
            "error": crawl.error,
            "missed_periods": float(record[0]) if record else None,
            "periods_checked": record[1] if record else None,
            "placeholder": bool(ok and crawl.empty_marker and not noted),
            "note": crawl.note if noted else None,
        })
        for item in crawl.items:
            item_rows.append({
                "key": key,
                "url": item.url,
                "published_on": item.published_on,
                "days_old": float((as_of + FUTURE_TOLERANCE - item.published_on).days) if item.published_on else None,
                "pinned": item.pinned,
            })
    col_df = pd.DataFrame(col_rows, columns=[
        "key", "portal_id", "column_id", "fetch_state", "item_count", "last_published_on", "days_since_update",
        "allowed_days", "overdue_days", "frequency_code", "category", "error", "missed_periods", "periods_checked",
        "placeholder", "note"])
    item_df = pd.DataFrame(item_rows, columns=["key", "url", "published_on", "days_old", "pinned"])
    for frame, numeric in ((col_df, ["item_count", "overdue_days", "missed_periods"]), (item_df, ["days_old"])):
        for name in numeric:
            frame[name] = pd.to_numeric(frame[name], errors="coerce").astype("float64")
    return col_df, item_df


def _suites():
    gx = import_great_expectations()
    E = gx.expectations
    column_suite = gx.ExpectationSuite(name="columns", expectations=[
        E.ExpectColumnValuesToNotBeInSet(column="fetch_state", value_set=["unreachable"], meta={"name": "reachable"}),
        E.ExpectColumnValuesToNotBeInSet(column="fetch_state", value_set=["error"], meta={"name": "extracted"}),
        E.ExpectColumnValuesToBeBetween(column="item_count", min_value=1, meta={"name": "not_empty"}),
        E.ExpectColumnValuesToBeBetween(column="overdue_days", max_value=0, meta={"name": "timely"}),
        E.ExpectColumnValuesToBeBetween(column="missed_periods", max_value=0, meta={"name": "regular"}),
    ])
    item_suite = gx.ExpectationSuite(name="items", expectations=[
        E.ExpectColumnValuesToNotBeNull(column="published_on", meta={"name": "dated"}),
        E.ExpectColumnValuesToBeBetween(column="days_old", min_value=0, meta={"name": "not_future"}),
        E.ExpectCompoundColumnsToBeUnique(column_list=["key", "url"], meta={"name": "unique_url"}),
    ])
    return column_suite, item_suite


@functools.cache
def _compiled_once() -> None:
    """Give GE's Data Docs views a Jinja bytecode cache. Each view GE builds a page with
    makes its own Jinja environment and compiles every template it renders afresh: ~0.2 s
    of a shard's ~0.5 s of Data Docs, every batch. Jinja's ``FileSystemBytecodeCache`` (a
    private folder per user in the temporary directory; a template whose source changed is
    compiled again) loads them compiled. Once per process."""
    from great_expectations.render.view.view import DefaultJinjaView
    from jinja2 import FileSystemBytecodeCache

    cache = FileSystemBytecodeCache()
    build = DefaultJinjaView.__init__

    def init(view, *args, **kwargs) -> None:
        build(view, *args, **kwargs)
        view.env.bytecode_cache = cache

    DefaultJinjaView.__init__ = init  # type: ignore[method-assign,assignment]


def run_checkpoint(col_df: pd.DataFrame, item_df: pd.DataFrame, docs_dir: str | Path | None = None,
                   run_name: str = "audit") -> list[ExpectationOutcome]:
    """Validate both tables with GE Checkpoints; return per-expectation outcomes. With
    ``docs_dir``, the run's expectation table (``docs.write``: offline, in the users'
    language) is written to ``docs_dir/index.html``, GE's own Data Docs to ``docs_dir/ge/``."""
    gx = import_great_expectations()
    from great_expectations.data_context.types.base import ProgressBarsConfig

    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    if docs_dir is not None:
        _compiled_once()
        ctx.add_data_docs_site("audit", {
            "class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend",
                              "base_directory": str(docs.ge_site(docs_dir).resolve())},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        })
    source = ctx.data_sources.add_pandas("audit")
    definitions = []
    for suite, name in zip(_suites(), ("columns", "items")):
        batch = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe(name)
        ctx.suites.add(suite)
        definitions.append(ctx.validation_definitions.add(gx.ValidationDefinition(name=name, data=batch, suite=suite)))
    outcomes: list[ExpectationOutcome] = []
    batch_time = datetime.now(UTC)  # a run's batches share its name, and GE names its pages by name and time
    result_format = {"result_format": "COMPLETE", "unexpected_index_column_names": ["key"]}
    for definition, frame in zip(definitions, (col_df, item_df)):
        # one Checkpoint per table: each needs its own dataframe batch parameter
        checkpoint = ctx.checkpoints.add(gx.Checkpoint(
            name=f"audit-{definition.name}", validation_definitions=[definition], result_format=result_format,
            actions=[]))
        result = checkpoint.run(batch_parameters={"dataframe": frame},
                                run_id=gx.RunIdentifier(run_name=run_name, run_time=batch_time))
        for vr in result.run_results.values():
            for r in vr.results:
                cfg = r.expectation_config
                assert cfg is not None  # a checkpoint's results each name the expectation they are of
                failing = tuple(sorted({row["key"] for row in (r.result.get("unexpected_index_list") or [])}))
                outcomes.append(ExpectationOutcome(
                    suite=definition.name,
                    expectation=(cfg.meta or {}).get("name", cfg.type),
                    column=cfg.kwargs.get("column"),
                    success=bool(r.success),
                    element_count=int(r.result.get("element_count") or 0),
                    unexpected_count=int(r.result.get("unexpected_count") or 0),
                    failing_keys=failing,
                ))
    if docs_dir is not None:
        # GE's site built once for both tables (an UpdateDataDocsAction on each Checkpoint built it twice)
        ctx.build_data_docs(site_names=["audit"])
        docs.write(docs_dir, outcomes, run_name)
    return outcomes


def judge(col_df: pd.DataFrame, outcomes: list[ExpectationOutcome]) -> list[ColumnVerdict]:
    """Map failed expectations back to columns and derive each column's status."""
    failed: dict[str, list[str]] = {}
    for o in outcomes:
        for key in o.failing_keys:
            failed.setdefault(key, []).append(o.expectation)
    verdicts = []
    for row in col_df.itertuples(index=False):
        fails = failed.get(row.key, [])
        allowed = None if pd.isna(row.allowed_days) else int(row.allowed_days)
        days = None if pd.isna(row.days_since_update) else int(row.days_since_update)
        newest = None if pd.isna(row.last_published_on) else row.last_published_on
        error = as_msg(row.error if isinstance(row.error, (Msg, str)) else None)  # pandas turns None into NaN
        if "reachable" in fails:
            status, notes = "unreachable", [error or msg("column.unfetched")]
        elif "extracted" in fails:
            status, notes = "error", [error or msg("column.unread")]
        elif "not_empty" in fails:
            status, notes = "empty", [msg("column.placeholder" if row.placeholder else "column.no_items")]
        elif isinstance(row.note, str):
            status, notes = "exempt", [msg("column.noted", note=row.note)]
        elif allowed is None:
            status, notes = "exempt", [msg("column.consultation" if row.category == "consultation"
                                           else "column.static")]
        elif "timely" in fails:
            status, notes = "stale", [msg("column.days", days=days, allowed=allowed)]
        elif newest is None:  # 未注明信息发布时间的视为不更新
            status, notes = "stale", [msg("column.undated")]
        else:
            status, notes = "fresh", [msg("column.days", days=days, allowed=allowed)]
        missed = None if pd.isna(row.missed_periods) else int(row.missed_periods)
        checked = None if pd.isna(row.periods_checked) else int(row.periods_checked)
        if missed:
            notes.append(msg("column.missed", missed=missed, checked=checked))
        extra = [f for f in fails if f in ("not_future", "unique_url", "dated")]
        if extra:
            notes.append(msg("column.items_failed", checks=[msg(f"expectation.{f}") for f in sorted(set(extra))]))
        if status in ("fresh", "stale") and error:
            notes.append(error)
        verdicts.append(ColumnVerdict(
            portal_id=row.portal_id, column_id=row.column_id, status=status, frequency_code=row.frequency_code,
            category=row.category, allowed_days=allowed, last_published_on=newest, days_since_update=days,
            item_count=0 if pd.isna(row.item_count) else int(row.item_count), notes=tuple(notes),
            failed_expectations=tuple(sorted(set(fails))), missed_periods=missed, periods_checked=checked,
        ))
    return verdicts


@dataclass(frozen=True)
class Validation:
    """The validate stage's output for a run."""

    verdicts: list[ColumnVerdict]
    outcomes: list[ExpectationOutcome]
    portals: list[PortalVerdict]
    data_docs: str | None = None


class _Deferred(importlib.abc.MetaPathFinder):
    """Loads the named modules lazily (``importlib.util.LazyLoader``: executed on first
    attribute use). GE imports Altair and SciPy's statistics at import time for a handful
    of expectations this project does not run (KL divergence, KS tests) — 2 s of CPU of
    its ~5 s, paid by every command. A module that is used still loads, on first use."""

    def __init__(self, names: frozenset[str]):
        self.names = names

    def find_spec(self, name, path, target=None):
        if name not in self.names:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return None
        spec.loader = importlib.util.LazyLoader(spec.loader)
        return spec


_DEFERRED = _Deferred(frozenset({"altair", "scipy.stats"}))
_IMPORTING = threading.Lock()


def import_great_expectations():
    """``great_expectations``, imported with the modules it never needs here deferred."""
    with _IMPORTING:
        if _DEFERRED not in sys.meta_path:
            sys.meta_path.insert(0, _DEFERRED)
        import great_expectations

        return great_expectations


def warm_up() -> None:
    """Import Great Expectations ahead of the first validation (seconds of imports)."""
    import_great_expectations()


_WARMING: list[threading.Thread] = []


def warm_up_meanwhile() -> None:
    """Start ``warm_up`` in a thread, once per process: the command line calls it while it
    waits for Prefect's API server, a flow as its crawl starts (a deployment has no command
    line), and whichever comes first imports GE."""
    if not _WARMING:
        _WARMING.append(threading.Thread(target=warm_up, name="import-great-expectations", daemon=True))
        _WARMING[0].start()


def validate(
    crawls: list[ColumnCrawl], portals: list[Portal], ruleset: Ruleset, as_of: date, *,
    homes: dict[str, bool | None] | None = None,
    evidence: dict[str, SiteEvidence] | None = None,
    history: dict[tuple[str, str], list[date]] | None = None,
    docs_dir: str | Path | None = None, run_name: str = "audit",
    indicators: dict[str, IndicatorEvidence] | None = None,
) -> Validation:
    """The validate stage: crawls in; column verdicts, expectation outcomes and the
    portals' single-veto verdicts out (and the run's Data Docs when ``docs_dir`` is given).
    ``evidence`` per portal (home page, availability probes, consultation messages) feeds
    the single-veto items; ``homes`` alone gives just the home page's reachability."""
    col_df, item_df = build_frames(crawls, portals, ruleset, as_of, history)
    outcomes = run_checkpoint(col_df, item_df, docs_dir, run_name)
    verdicts = judge(col_df, outcomes)
    homes, evidence = homes or {}, evidence or {}
    by_portal: dict[str, list[ColumnVerdict]] = {}
    for v in verdicts:
        by_portal.setdefault(v.portal_id, []).append(v)
    sites = [portal_verdict(p, by_portal.get(p.id, []), ruleset, as_of, homes.get(p.id), evidence.get(p.id))
             for p in portals]
    if indicators is not None:  # the supervision indicators, beside the veto items
        sites = [replace(site, indicators=tuple(indicator_checks(p, by_portal.get(p.id, []), indicators[p.id], ruleset,
                                                                 as_of)))
                 if p.id in indicators else site for p, site in zip(portals, sites)]
    index = Path(docs_dir) / "index.html" if docs_dir is not None else None
    return Validation(verdicts, outcomes, sites, str(index) if index and index.exists() else None)
