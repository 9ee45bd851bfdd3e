"""Prefect flows: the nightly audit over a catalog, the part of a national night it can hand to
a work pool's workers, the on-demand audit of one portal (or some of its columns), and the
catalog import.

Prefect stays coarse, since every task run, state change, shipped log and lease is an API
round trip: a run is split into shards of portals (``flows/hosts.py``), and one task per
shard (``flows/shard.py``) crawls its portals concurrently on one event loop, stores their page bodies as
evidence as each finishes, and meanwhile validates with Great Expectations and loads
(a transaction per portal) the portals finished, every ``LOAD_EVERY`` seconds — a slow
portal holds back none of its shard. ``shards_at_once`` shards run at a time, so one
shard crawls while another validates and loads, and memory follows the shard size, not
the catalog's. Each shard holds one Prefect global concurrency slot per host of its
portals, taken in one request for the whole shard, so two flow runs never crawl one host
at the same time; inside a run, per-host politeness is the crawler's. A portal whose
crawl crashes gets its columns marked ``error`` and the others go on; the run's final
state names what failed. The task runner is Prefect's default thread pool; for a cluster,
``nightly_audit.with_options(task_runner=DaskTaskRunner(...))`` (see README); for N machines,
``nightly_audit(parts=N)`` runs the night as N ``audit-part`` flow runs on a work pool, still one
run in the warehouse (``flows/national.py``). What a run leaves at the UI is written by
``flows/artifacts.py``.
"""

from __future__ import annotations

import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TypeVar, cast

from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact
from prefect.futures import PrefectFuture, as_completed
from prefect.states import Completed, Failed
from sqlalchemy import Engine

from extractors.fetch import policy_for
from portal_audit.catalog import CatalogSettings, Portal, Portals, dump_catalog, load_portals, portal_ids
from portal_audit.i18n import china_today, t, using
from portal_audit.records import PortalCrawl
from portal_audit.summary import RunSummary
from validations.registry import load_registry
from validations.rules import DEFAULT_RULESET, Ruleset, load_ruleset
from validations.suite import warm_up_meanwhile
from warehouse.db import cause, is_outage, mask_url, open_warehouse, warehouse_url
from warehouse.load import finish_run, run_id_for, start_run

from . import crawler, national, surfaces
from .artifacts import UNREAD, docs_index, publish_artifacts, send_notification
from .canary import is_dark
from .commit import RETRY_FOR, RunSpec, commit, failure, load_spool, spool_finish, wait_out
from .hosts import plan_parts, plan_shards
from .national import PART_DEPLOYMENT
from .shard import (
    DEFAULT_SPOOL,
    SHARD_COLUMNS,
    SHARD_PORTALS,
    Loading,
    ShardOutcome,
    audit_shard_task,
    forget_links,
    named,
    settle_dark,
)

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_DATA_DOCS = "data-docs"  # GE Data Docs per run: data-docs/<run_id>/index.html
DEFAULT_REPORTS = "reports"  # HTML report per portal and run: reports/<run_id>/<portal>.html
SHARDS_AT_ONCE = 2  # shard tasks running at once: one crawls while another validates and loads
CONTEXT_PAGES = 4  # other columns' first pages fetched when a run audits only some columns
DEFAULT_LOADING = Loading()


def resolve_warehouse(warehouse: str | None) -> str:
    """``secret:NAME`` reads the URL from a Prefect Secret block (passwords stay out of
    parameters and logs); otherwise --warehouse / $PORTAL_AUDIT_WAREHOUSE / the default."""
    if warehouse and warehouse.startswith("secret:"):
        from prefect.blocks.system import Secret

        secret = cast(Secret, Secret.load(warehouse.removeprefix("secret:")))  # loaded synchronously in a flow
        return secret.get()
    return warehouse_url(warehouse)


def _as_finished(jobs: Sequence[T], submit: Callable[[T], PrefectFuture[R]],
                 at_once: int) -> Iterator[tuple[T, R | Exception]]:
    """Each job's result (or the exception it died of) as it finishes, with at most
    ``at_once`` running: the next one starts before a finished one is handed on."""
    queue = iter(jobs)
    running: dict[PrefectFuture[R], T] = {}

    def start_next() -> None:
        job = next(queue, None)
        if job is not None:
            running[submit(job)] = job

    for _ in range(max(1, at_once)):
        start_next()
    while running:
        future = next(as_completed(list(running)))
        job = running.pop(future)
        start_next()
        try:
            yield job, future.result()
        except Exception as exc:  # one broken shard must not sink the others
            yield job, exc


@dataclass(frozen=True)
class Prepared:
    """What a run reads before it crawls: the catalog, its portals, the rules, the warehouse."""

    cat: CatalogSettings
    selected: Portals  # pickled: a national catalog's models would be ~85 MB for the whole run
    context: dict[str, list[str]]  # portal → first pages of columns not audited (a run of some columns)
    rules: Ruleset
    url: str
    engine: Engine


@dataclass
class Audited:
    """What auditing portals into an open run leaves for whoever ends the run."""

    summary: RunSummary
    failed: dict[str, str] = field(default_factory=dict)  # portal → why, in the users' language
    spooled: list[str] = field(default_factory=list)
    written: dict[str, str] = field(default_factory=dict)  # portal → its HTML report
    still_dark: list[str] = field(default_factory=list)
    # why the run as a whole cannot be trusted: the auditing machine's outage, or parts that never completed
    fault: str | None = None


def run_audit(catalog: str, as_of: date | None, portals: list[str] | None, warehouse: str | None, ruleset: str,
              data_docs: str | None = DEFAULT_DATA_DOCS, columns: list[str] | None = None,
              reports: str | None = DEFAULT_REPORTS, incremental: bool = True,
              shard_portals: int = SHARD_PORTALS, shards_at_once: int = SHARDS_AT_ONCE,
              shard_columns: int = SHARD_COLUMNS, notify: str | None = None, lang: str | None = None,
              loading: Loading = DEFAULT_LOADING, parts: int = 1, part_deployment: str = PART_DEPLOYMENT):
    """Body shared by the audit flows (must run inside a flow). Returns the run summary,
    wrapped in a Completed state that says which portals failed when some did. ``lang``:
    the language of its reports, artifacts and alert (default $PORTAL_AUDIT_LANG, else Chinese).
    ``parts`` > 1 runs the portals as that many flow runs of ``part_deployment`` on the work
    pool (``flows/national.py``) instead of in this flow run."""
    with using(lang) as lang:
        return _run_audit(catalog, as_of, portals, warehouse, ruleset, data_docs, columns, reports, incremental,
                          shard_portals, shards_at_once, shard_columns, notify, lang, loading, parts,
                          part_deployment)


def _prepare(catalog: str, portals: list[str] | None, columns: list[str] | None, ruleset: str,
             warehouse: str | None) -> Prepared:
    """Load the catalog and the rules and open the warehouse: every mistake in them is one
    clear line before any crawling."""
    cat, every = load_portals(catalog)
    selected = every.select(portals)
    context: dict[str, list[str]] = {}
    if columns:
        wanted = set(columns)
        unknown = wanted - {c.id for p in selected for c in p.columns}
        if unknown:
            raise ValueError(f"unknown column id(s): {', '.join(sorted(unknown))}")
        # a few columns not audited: their first pages teach the portal's site-wide blocks
        context = {p.id: [u for u in (p.column_url(c) for c in p.columns if c.id not in wanted) if u][:CONTEXT_PAGES]
                   for p in selected}
        selected = Portals(p.model_copy(update={"columns": [c for c in p.columns if c.id in wanted]})
                           for p in selected if any(c.id in wanted for c in p.columns))
    rules = load_ruleset(ruleset)
    if cat.checks.site_registry:  # read now: a registry that cannot be read is one clear line, not a crawl's end
        load_registry(cat.checks.site_registry)
    if cat.politeness.ca_file:  # likewise a CA file: every HTTPS fetch would fail on it
        import ssl

        try:
            ssl.create_default_context().load_verify_locations(cafile=cat.politeness.ca_file)
        except (OSError, ssl.SSLError) as exc:
            raise ValueError(f"politeness.ca_file: {cat.politeness.ca_file}: {exc}") from None
    url = resolve_warehouse(warehouse)
    return Prepared(cat, selected, context, rules, url, open_warehouse(url))


def _run_audit(catalog: str, as_of: date | None, portals: list[str] | None, warehouse: str | None, ruleset: str,
               data_docs: str | None, columns: list[str] | None, reports: str | None, incremental: bool,
               shard_portals: int, shards_at_once: int, shard_columns: int, notify: str | None, lang: str,
               loading: Loading, parts: int, part_deployment: str):
    log = get_run_logger()
    as_of = as_of or china_today()
    prep = _prepare(catalog, portals, columns, ruleset, warehouse)
    selected, rules, url, engine = prep.selected, prep.rules, prep.url, prep.engine
    if loading.spool:  # what an earlier run could not load goes in first: nights stay in order
        earlier = load_spool(engine, url, loading.spool, loading.retry_for, log)
        if earlier.runs:
            log.info("%s", t("log.spool_loaded", runs=", ".join(earlier.runs), n=earlier.portals))
    try:
        from prefect.runtime import flow_run

        flow_run_id = str(flow_run.id) if flow_run.id else None
    except Exception:  # pragma: no cover - outside a flow run
        flow_run_id = None
    run_id = wait_out(lambda: start_run(engine, as_of, rules.label, catalog=str(catalog), flow_run_id=flow_run_id),
                      time.monotonic() + loading.retry_for, "opening the run", log)
    docs_root = Path(data_docs) / run_id if data_docs else None
    if docs_root:
        shutil.rmtree(docs_root, ignore_errors=True)  # a re-run of the day replaces its docs
    try:
        if parts > 1:
            done = _audit_in_parts(prep, catalog, warehouse, run_id, as_of, ruleset, data_docs, docs_root, reports,
                                   incremental, shard_portals, shards_at_once, lang, loading, parts, part_deployment,
                                   log)
        else:
            done = _audit_portals(prep, run_id, as_of, ruleset, docs_root, reports, incremental, shard_portals,
                                  shards_at_once, shard_columns, lang, loading, log)
        ok = (len(done.failed) < len(selected) or not selected) and done.fault is None
        message = "; ".join([*([done.fault] if done.fault else []),
                             *(f"{k}: {v}" for k, v in done.failed.items())]) or None
        waiting = _close_run(engine, url, run_id, ok, message, done.summary.data_docs, loading, bool(done.spooled),
                             log)
    except BaseException as exc:
        try:
            finish_run(engine, run_id, ok=False, message=f"{type(exc).__name__}: {exc}")
        except Exception as closing:  # the warehouse is out too: the run stays 'running', re-run the day
            log.error("could not mark run %s failed: %s", run_id, cause(closing))
        raise
    finally:
        forget_links(run_id)
    summary = done.summary
    publish_artifacts(summary, selected, {pid: done.written[pid] for pid in selected.ids if pid in done.written})
    log.info(summary.line())
    if notify and send_notification(notify, summary):
        log.info("%s", t("log.alert_sent", block=notify))
    if waiting:  # what was loaded is summarised above; the rest waits in the spool
        log.error("%s", t("log.spooled", warehouse=mask_url(url), n=len(done.spooled), spool=loading.spool))
        return Failed(message=t("run.spooled" if done.spooled else "run.closing_spooled", warehouse=mask_url(url),
                                n=len(done.spooled), spool=loading.spool, run=run_id,
                                minutes=f"{loading.retry_for / 60:g}"), data=summary)
    return _ending(done, selected)


def _ending(done: Audited, selected: Sequence[Portal]):
    """The flow run's end: the summary, in a state that says what failed when something did."""
    failed = done.failed
    if done.fault:  # not the portals' failure: their verdicts are unknown, and the run is not green
        return Failed(message=done.fault)
    if selected and len(done.still_dark) == len(selected):
        return Failed(message=t("outage.all_down", n=len(selected)))
    if failed and len(failed) == len(selected):
        return Failed(message=t("run.all_failed", failed="; ".join(f"{k}: {v}" for k, v in failed.items())))
    if failed:
        return Completed(name="Partially failed", data=done.summary,
                         message=t("run.some_failed", n=len(failed), total=len(selected), ids=", ".join(failed)))
    return done.summary


def _audit_portals(prep: Prepared, run_id: str, as_of: date, ruleset: str, docs_root: Path | None,
                   reports: str | None, incremental: bool, shard_portals: int, shards_at_once: int,
                   shard_columns: int, lang: str, loading: Loading, log) -> Audited:
    """Crawl, validate and load ``prep.selected`` into the open run ``run_id``, shard by
    shard in this flow run; the run is left open for the caller to close."""
    cat, selected, context, rules, url, engine = (prep.cat, prep.selected, prep.context, prep.rules, prep.url,
                                                  prep.engine)
    shards = plan_shards(selected, shard_portals, shard_columns)
    log.info("%s", t("log.start", portals=len(selected), shards=len(shards), at_once=shards_at_once, as_of=as_of,
                     warehouse=mask_url(url), ruleset=rules.label))
    several = len(shards) > 1
    labels = {id(s): f"shard-{i + 1:03d}" for i, s in enumerate(shards)}
    summary = RunSummary(run_id=run_id, as_of=as_of.isoformat(), ruleset=rules.label, warehouse=mask_url(url),
                         due_soon_days=rules.due_soon_days)
    done = Audited(summary)
    failed, written, spooled = done.failed, done.written, done.spooled
    dark: list[tuple[Portal, PortalCrawl]] = []  # portals of which nothing was read, held for the canary
    if several:  # each shard crawls in a process of its own; one alone, in this one
        crawler.start()  # the process the shards' crawls are forked from imports the crawler meanwhile
    warm_up_meanwhile()  # GE's imports, unless the command line started them already
    policy = policy_for(cat)

    def submit(shard: Sequence[Portal]) -> PrefectFuture[ShardOutcome]:
        label = labels[id(shard)]
        docs_dir = str(docs_root / label if several else docs_root) if docs_root else None
        return audit_shard_task.submit(list(shard), label, as_of, policy, url, incremental, run_id, ruleset, docs_dir,
                                       reports, {p.id: context[p.id] for p in shard if p.id in context},
                                       cat.checks, lang, loading, several)

    for shard, outcome in _as_finished(shards, submit, shards_at_once):
        if isinstance(outcome, Exception):  # the shard's own machinery broke: its portals failed
            log.error("%s crashed: %s", labels[id(shard)], outcome)
            for p in shard:
                failed[p.id] = failure("shard", outcome)
            continue
        summary.add(outcome.verdicts, outcome.portals, outcome.read_by)
        failed.update(outcome.failed)
        dark += outcome.dark
        spooled += outcome.spooled
        written.update(outcome.reports)
        if outcome.data_docs and not several:
            summary.data_docs = outcome.data_docs
    if dark:
        dark, done.fault = settle_dark(dark, len(selected), as_of, policy, engine, incremental, run_id, context,
                                       cat.checks, cat.reference_urls, rules.outage_share, log)
        spec = RunSpec(run_id, as_of, ruleset, cat.checks.content, cat.checks.site_registry)
        done_dark = commit(engine, url, spec, [p for p, _ in dark], {p.id: c for p, c in dark},
                           retry_for=loading.retry_for, spool=loading.spool,
                           docs_dir=str(docs_root / UNREAD) if docs_root else None, log=log)
        failed.update(done_dark.failed)
        spooled += done_dark.spooled
        if done_dark.validation is not None:
            loaded = set(done_dark.loaded)
            dark_by_id = {p.id: p for p, _ in dark}
            summary.add([v for v in done_dark.validation.verdicts if v.portal_id in loaded],
                        [named(v, dark_by_id[v.portal_id]) for v in done_dark.validation.portals
                         if v.portal_id in loaded], dict(Counter(c.method or "none" for _, k in dark
                                                                 for c in k.columns)))
            if reports:
                written.update(surfaces.portal_reports(engine, run_id, [p.id for p, _ in dark if p.id in loaded],
                                                       Path(reports) / run_id))
    if docs_root and docs_root.exists() and (several or (docs_root / UNREAD).exists()):
        folders = [labels[id(s)] for s in shards if (docs_root / labels[id(s)] / "index.html").exists()]
        if not several and (docs_root / "index.html").exists():  # the one shard's own table, kept aside
            (docs_root / "index.html").replace(docs_root / "shard.html")
        summary.data_docs = docs_index(docs_root, folders + ([UNREAD] if (docs_root / UNREAD).exists() else []),
                                       [] if several else ["shard.html"])
    order = {pid: i for i, pid in enumerate(selected.ids)}
    summary.portals.sort(key=lambda v: order.get(v.portal_id, len(order)))
    summary.failed_portals = failed
    done.still_dark = [p.id for p, c in dark if is_dark(c)]
    return done


def _audit_in_parts(prep: Prepared, catalog: str, warehouse: str | None, run_id: str, as_of: date, ruleset: str,
                    data_docs: str | None, docs_root: Path | None, reports: str | None, incremental: bool,
                    shard_portals: int, shards_at_once: int, lang: str, loading: Loading, parts: int,
                    part_deployment: str, log) -> Audited:
    """Audit ``prep.selected`` into the open run as ``parts`` flow runs of ``part_deployment``
    on the work pool, each part's portals on their own hosts; wait for every part (Prefect
    retries a part that fails or whose worker dies), then summarise the night from the
    warehouse. The run is left open for the caller to close, once."""
    selected = prep.selected
    plan = plan_parts(selected, parts)
    labels = [f"part-{i + 1:02d}" for i in range(len(plan))]
    log.info("auditing %d portal(s) as %d part(s) on the work pool (%s), as of %s into %s", len(selected), len(plan),
             part_deployment, as_of, mask_url(prep.url))
    common = dict(catalog=str(catalog), as_of=as_of.isoformat(), warehouse=warehouse, ruleset=ruleset,
                  data_docs=data_docs, reports=reports, incremental=incremental, shard_portals=shard_portals,
                  shards_at_once=shards_at_once, lang=lang, load_retry_minutes=loading.retry_for / 60)
    ends = national.run_parts(part_deployment, run_id, {
        label: {**common, "part": label, "portals": portal_ids(part)} for label, part in zip(labels, plan)})
    summary = RunSummary(run_id=run_id, as_of=as_of.isoformat(), ruleset=prep.rules.label, warehouse=mask_url(prep.url),
                         due_soon_days=prep.rules.due_soon_days)
    stored = national.summarise(prep.engine, run_id, selected, summary, named)
    lost = {pid for label, part in zip(labels, plan) if not ends[label].ok for pid in portal_ids(part)}
    done = Audited(summary)
    for pid in selected.ids:
        if pid not in stored.loaded:  # a part that never completed, or a load that failed in one
            done.failed[pid] = t("failure.shard" if pid in lost else "failure.load")
        elif pid in stored.crashed:
            done.failed[pid] = t("failure.crawl")
    for end in ends.values():
        if end.ok and end.message:  # e.g. "Partially failed": the part's own flow run says what
            log.warning("%s (%s) ended %s: %s", end.label, end.flow_run_id, end.state, end.message)
        elif not end.ok:
            log.error("%s", end.message)
    summary.failed_portals = done.failed
    done.fault = "; ".join(str(end.message) for end in ends.values() if not end.ok) or None
    if docs_root and docs_root.exists():  # the parts' tables, where they were written on this machine
        folders = [label for label in labels if (docs_root / label / "index.html").exists()]
        if folders:
            summary.data_docs = docs_index(docs_root, folders)
    return done


def _close_run(engine, url: str, run_id: str, ok: bool, message: str | None, data_docs: str | None,
               loading: Loading, spooled: bool, log) -> bool:
    """Close the run, or leave its closing to whoever loads the spool (when portals wait
    there, or the warehouse is out now); True when the spool has it."""
    if not spooled:
        try:
            wait_out(lambda: finish_run(engine, run_id, ok=ok, message=message, data_docs=data_docs),
                     time.monotonic() + loading.retry_for, "closing the run", log)
            return False
        except Exception as exc:
            if not (is_outage(exc) and loading.spool):
                raise
    assert loading.spool is not None  # portals are spooled, and an outage re-raised, only with a spool
    spool_finish(loading.spool, url, run_id, ok, message, data_docs)
    return True


@flow(name="nightly-audit", log_prints=True)
def nightly_audit(catalog: str = "catalogs/demo.yaml", as_of: date | None = None, portals: list[str] | None = None,
                  warehouse: str | None = None, ruleset: str = DEFAULT_RULESET,
                  data_docs: str | None = DEFAULT_DATA_DOCS, reports: str | None = DEFAULT_REPORTS,
                  incremental: bool = True, shard_portals: int = SHARD_PORTALS,
                  shards_at_once: int = SHARDS_AT_ONCE, notify: str | None = None,
                  lang: str | None = None, spool: str | None = DEFAULT_SPOOL,
                  load_retry_minutes: float = RETRY_FOR / 60, parts: int = 1,
                  part_deployment: str = PART_DEPLOYMENT) -> RunSummary:
    """Audit every portal of a catalog (or those named) and load the results. Portals are
    crawled, validated and loaded in shards (memory follows the shards, not the catalog);
    a warehouse outage is waited out, then what it cannot take goes to the spool and the
    run fails saying so (``portal-audit db load-spool``, or the next run, loads it). With
    ``parts`` > 1 the night is that many flow runs of ``part_deployment`` on the work pool's
    workers, loaded into this run and closed by it once (``flows/national.py``). The Args
    below are what the Prefect UI's run form shows, in the users' language.

    Args:
        catalog: 网站目录文件（YAML），相对于工作目录
        as_of: 检查日期（默认中国今天）
        portals: 只检查这些网站（目录中的 id，可多个；留空检查全部）
        warehouse: 数据仓库地址（SQLAlchemy URL，如 postgresql+psycopg://…），或 secret:名称 读取 Prefect Secret 块
        ruleset: 检查规则（内置名称或 YAML 路径）
        data_docs: 每次检查的期望校验表所在文件夹（留空不写）
        reports: 每个网站的 HTML 报告所在文件夹（留空不写）
        incremental: 按上次抓取结果发送条件请求，未变化的页面不再下载
        shard_portals: 每批网站数（内存随批大小而定）
        shards_at_once: 同时运行的批数
        notify: Prefect 通知块（如 custom-webhook/wecom），发送否决、预警与即将超期栏目
        lang: 报告、产物与通知的语言（zh 或 en；默认 $PORTAL_AUDIT_LANG，否则中文）
        spool: 数据仓库不可用时暂存抓取结果的文件夹（留空则检查失败）
        load_retry_minutes: 等待数据仓库恢复的分钟数
        parts: 分成几部分交给工作池的 worker 分别检查（1：全部在本次运行中检查；全国检查按机器数填写）
        part_deployment: 检查各部分所用的部署（flow 名/部署名）
    """
    return run_audit(catalog, as_of, portals, warehouse, ruleset, data_docs, reports=reports, incremental=incremental,
                     shard_portals=shard_portals, shards_at_once=shards_at_once, notify=notify, lang=lang,
                     loading=Loading(load_retry_minutes * 60, spool), parts=parts, part_deployment=part_deployment)


@flow(name=national.PART_FLOW, log_prints=True)
def audit_part(catalog: str, portals: list[str], as_of: date, part: str = "part-01", warehouse: str | None = None,
               ruleset: str = DEFAULT_RULESET, data_docs: str | None = DEFAULT_DATA_DOCS,
               reports: str | None = DEFAULT_REPORTS, incremental: bool = True, shard_portals: int = SHARD_PORTALS,
               shards_at_once: int = SHARDS_AT_ONCE, lang: str | None = None,
               load_retry_minutes: float = RETRY_FOR / 60) -> RunSummary:
    """One part of a national night (``nightly-audit`` with ``parts``): crawl, validate and
    load these portals into the night's open run, as a whole run would, and leave the run
    open — its flow run closes it once every part has ended. Run again (Prefect retries a
    part that failed or whose worker died), a part replaces its portals' rows of the run.
    Nothing is spooled: a warehouse still out after ``load_retry_minutes`` fails the part,
    and the retry crawls it again.

    Args:
        catalog: 网站目录文件（YAML），相对于工作目录（各机器上相同）
        portals: 本部分检查的网站（目录中的 id）
        as_of: 检查日期（与全国检查的运行相同）
        part: 部分名称（如 part-01），期望校验表写在数据文件夹下的同名子文件夹
        warehouse: 数据仓库地址（SQLAlchemy URL），或 secret:名称 读取 Prefect Secret 块
        ruleset: 检查规则（内置名称或 YAML 路径）
        data_docs: 期望校验表所在文件夹（留空不写）
        reports: 每个网站的 HTML 报告所在文件夹（留空不写）
        incremental: 按上次抓取结果发送条件请求，未变化的页面不再下载
        shard_portals: 每批网站数（内存随批大小而定）
        shards_at_once: 同时运行的批数
        lang: 报告与产物的语言（zh 或 en）
        load_retry_minutes: 等待数据仓库恢复的分钟数
    """
    with using(lang) as lang:
        log = get_run_logger()
        prep = _prepare(catalog, portals, None, ruleset, warehouse)
        run_id = run_id_for(as_of)
        status = national.run_status(prep.engine, run_id)
        if status != "running":  # a part adds to a night under way, never to a closed (visible) run
            raise RuntimeError(f"run {run_id} is {status or 'not in the warehouse'}: a part loads only into the "
                               "open run of its nightly-audit")
        docs_root = Path(data_docs) / run_id / part if data_docs else None
        if docs_root:
            shutil.rmtree(docs_root, ignore_errors=True)  # an earlier attempt's tables
        try:
            done = _audit_portals(prep, run_id, as_of, ruleset, docs_root, reports, incremental, shard_portals,
                                  shards_at_once, SHARD_COLUMNS, lang, Loading(load_retry_minutes * 60, None), log)
        finally:
            forget_links(run_id)
        publish_artifacts(done.summary, prep.selected, {})  # the night's report links are the parent's
        log.info("%s: %s", part, done.summary.line())
        return _ending(done, prep.selected)


@flow(name="audit-portal", log_prints=True)
def audit_portal(catalog: str, portal_id: str, columns: list[str] | None = None, as_of: date | None = None,
                 ruleset: str = DEFAULT_RULESET, warehouse: str | None = None,
                 data_docs: str | None = DEFAULT_DATA_DOCS, reports: str | None = DEFAULT_REPORTS,
                 notify: str | None = None, lang: str | None = None, spool: str | None = DEFAULT_SPOOL,
                 load_retry_minutes: float = RETRY_FOR / 60) -> RunSummary:
    """Audit one portal on demand, all its columns or the column ids given (the Prefect UI
    renders these parameters as a form, with the Args below).

    Args:
        catalog: 网站目录文件（YAML），相对于工作目录
        portal_id: 要检查的网站（目录中的 id）
        columns: 只检查这些栏目（栏目 id，可多个；留空检查全部栏目）
        as_of: 检查日期（默认中国今天）
        ruleset: 检查规则（内置名称或 YAML 路径）
        warehouse: 数据仓库地址（SQLAlchemy URL），或 secret:名称 读取 Prefect Secret 块
        data_docs: 期望校验表所在文件夹（留空不写）
        reports: HTML 报告所在文件夹（留空不写）
        notify: Prefect 通知块（如 custom-webhook/wecom）
        lang: 报告与产物的语言（zh 或 en）
        spool: 数据仓库不可用时暂存抓取结果的文件夹（留空则检查失败）
        load_retry_minutes: 等待数据仓库恢复的分钟数
    """
    return run_audit(catalog, as_of, [portal_id], warehouse, ruleset, data_docs, columns, reports, notify=notify,
                     lang=lang, loading=Loading(load_retry_minutes * 60, spool))


@flow(name="import-catalog", log_prints=True)
def import_catalog(table: str, output: str, portal_id: str = "portal", name: str = "",
                   base_url: str = "http://example.gov.cn/", simplified: bool = False) -> int:
    """Import a published column table (text, HTML, XLSX, DOCX) as a catalog file.

    Args:
        table: 栏目分工表文件（文本、HTML、XLSX、DOCX），相对于工作目录
        output: 写出的网站目录文件（YAML）
        portal_id: 网站 id（字母、数字、点、横线）
        name: 网站名称
        base_url: 网站首页地址
        simplified: 将繁体字转为简体字
    """
    result = surfaces.import_table(table, portal_id=portal_id, name=name, base_url=base_url, simplified=simplified)
    log = get_run_logger()
    for w in result.warnings:
        log.warning(w)
    Path(output).write_text(dump_catalog(result.catalog), encoding="utf-8")
    n = sum(len(p.columns) for p in result.catalog.portals)
    create_markdown_artifact(t("artifact.imported", n=n, table=table, output=output) + "\n\n"
                             + "\n".join(f"- {t('artifact.warning', warning=w)}" for w in result.warnings),
                             key="catalog-import")
    return n
