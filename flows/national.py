"""A national night as one run, shared by the work pool's workers.

``nightly-audit`` with ``parts`` > 1 opens the night's run, cuts the catalog into parts by
host (``flows/hosts.py``) and runs each part as a flow run of the ``audit-part`` deployment
(``prefect.deployments.run_deployment``): whichever of the pool's Prefect workers polls
first takes it, so N workers on N machines share the night. A part crawls, validates and
loads its portals into the open run exactly as a whole run would, and never closes it; the
parent closes the run once, after every part has ended, so the night becomes visible whole
or not at all. Prefect is the distributed engine here — nothing below schedules anything:

- a part that fails, or whose worker dies under it, is run again by Prefect's task retries
  (``run_part``): its flow run ends ``Failed``, or ``Crashed`` when its heartbeats stop — the
  automation ``watch_silent_parts`` creates marks it so (Prefect 3's zombie-flow recipe) —
  and the retry starts a new flow run of the same part on whichever worker is alive;
- a part is idempotent: each portal is loaded in one transaction that replaces its rows of
  the run, so a part run again replaces what a killed attempt had loaded, never duplicates
  it, and the killed attempt's host slots come back when their lease runs out;
- the night's summary is read back from the warehouse (``summarise``), the one thing every
  machine shares: parts hand nothing back through Prefect's result storage, which would
  have to be shared storage on N machines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, cast

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from sqlalchemy import Engine, select

from portal_audit.catalog import Portal, portal_ids
from portal_audit.i18n import Msg, loads
from portal_audit.records import ITEMS, ColumnVerdict
from portal_audit.summary import RunSummary
from validations.verdicts import Check, PortalVerdict
from warehouse.models import AuditRun, ColumnAudit, PortalCheck, PortalRun, PortalVerdictRow

PART_FLOW = "audit-part"  # the flow a part runs (flows/audit.py: audit_part)
PART_DEPLOYMENT = f"{PART_FLOW}/audit-part"  # its deployment in prefect.yaml
PART_RETRIES = 2  # a part failed or crashed is run again this many times
PART_RETRY_DELAY = 5  # seconds before it is (a killed part waits for its hosts anyway)
SILENT_HEARTBEATS = 3  # a part's flow run is Crashed once this many heartbeats went missing (Prefect's advice)
WATCH = "portal-audit: crash audit parts whose heartbeats stop"
READ_BATCH = 20_000  # column verdicts read back at a time: the summary stays small whatever the night's size
CRAWL_CRASHED = "crawl.crashed"  # the note of every column of a portal whose crawl broke down


class PartFailed(RuntimeError):
    """A part's flow run ended other than Completed: the task's retry runs it again."""


@dataclass(frozen=True)
class PartEnd:
    """How a part ended after Prefect's retries: its last flow run and final state."""

    label: str
    ok: bool  # Completed (perhaps "Partially failed": then some of its portals failed)
    state: str
    message: str | None = None
    flow_run_id: str | None = None


@task(name="audit-part", cache_policy=NO_CACHE, retries=PART_RETRIES, retry_delay_seconds=PART_RETRY_DELAY,
      task_run_name="{label}")
def run_part(deployment: str, label: str, run_id: str, parameters: dict[str, Any],
             heartbeat: int | None = None) -> PartEnd:
    """Run one part as a flow run of ``deployment`` on the work pool and wait for its end.
    Anything but Completed raises, and Prefect retries the task: a new flow run of the
    same part, taken by whichever worker is alive. The part beats every ``heartbeat``
    seconds, whatever its worker's own setting: the watch's window is made of this."""
    from prefect.client.schemas.objects import FlowRun
    from prefect.deployments import run_deployment

    env = {"PREFECT_FLOWS_HEARTBEAT_FREQUENCY": str(heartbeat)} if heartbeat else {}
    flow_run = cast(FlowRun, run_deployment(deployment, parameters=parameters, flow_run_name=f"{run_id}-{label}",
                                            timeout=None, job_variables={"env": env} if env else None))
    state = flow_run.state  # (called synchronously: a flow run above, not a coroutine)
    if state is None or not state.is_completed():
        raise PartFailed(f"{label}: flow run {flow_run.name} ended {state.name if state else 'without a state'}"
                         + (f": {state.message}" if state and state.message else ""))
    return PartEnd(label, True, state.name or "Completed", state.message, str(flow_run.id))


def run_parts(deployment: str, run_id: str, jobs: dict[str, dict[str, Any]]) -> dict[str, PartEnd]:
    """Every part at once (the workers take them as they can), each retried by Prefect and
    watched for silence; how each ended once none is left running."""
    heartbeat = watch_silent_parts()
    futures = {label: run_part.submit(deployment, label, run_id, parameters, heartbeat)
               for label, parameters in jobs.items()}
    ends: dict[str, PartEnd] = {}
    for label, future in futures.items():
        try:
            ends[label] = future.result()
        except Exception as exc:  # out of retries: the part is missing from the night
            ends[label] = PartEnd(label, False, "Failed", str(exc))
    return ends


def watch_silent_parts(flow_name: str = PART_FLOW) -> int | None:
    """Make sure the server has the automation that marks a part's flow run ``Crashed``
    when its heartbeats stop (a worker or machine killed under it): the parent's wait then
    ends and the part is retried. The window is ``SILENT_HEARTBEATS`` heartbeats at this
    process's ``PREFECT_FLOWS_HEARTBEAT_FREQUENCY``, the frequency the parts are then given;
    returns it (None: heartbeats are off, and nothing is watched). The server must run its
    triggers service (``prefect server start`` does)."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.objects import StateType
    from prefect.events.actions import ChangeFlowRunState
    from prefect.events.schemas.automations import AutomationCore, EventTrigger, Posture
    from prefect.events.schemas.events import ResourceSpecification
    from prefect.settings import get_current_settings

    every = get_current_settings().flows.heartbeat_frequency
    if every is None:  # a part whose worker dies then runs on until someone cancels it
        get_run_logger().warning("PREFECT_FLOWS_HEARTBEAT_FREQUENCY is unset: a part whose worker dies is not retried")
        return None
    every = max(30, every)  # Prefect's shortest
    silent = EventTrigger(
        after={"prefect.flow-run.heartbeat"},  # after each heartbeat of a part, another one or its end
        expect={"prefect.flow-run.heartbeat", "prefect.flow-run.Completed", "prefect.flow-run.Failed",
                "prefect.flow-run.Cancelled", "prefect.flow-run.Crashed"},
        match=ResourceSpecification({"prefect.resource.id": "prefect.flow-run.*"}),
        match_related=ResourceSpecification({"prefect.resource.role": "flow", "prefect.resource.name": flow_name}),
        for_each={"prefect.resource.id"},
        posture=Posture.Proactive,
        threshold=1,
        within=timedelta(seconds=SILENT_HEARTBEATS * every),
    )
    wanted = AutomationCore(
        name=WATCH,
        description="nightly-audit parts (flows/national.py): a part whose heartbeats stop is Crashed, then retried",
        trigger=silent,
        actions=[ChangeFlowRunState(state=StateType.CRASHED,
                                    message=f"no heartbeat for {SILENT_HEARTBEATS} beats: its worker is gone")],
    )
    try:
        with get_client(sync_client=True) as client:
            existing = client.read_automations_by_name(WATCH)
            if not existing:
                client.create_automation(wanted)
                return every
            trigger = existing[0].trigger
            if not (existing[0].enabled and isinstance(trigger, EventTrigger) and trigger.within == silent.within
                    and trigger.match_related == silent.match_related):
                client.update_automation(existing[0].id, wanted)  # another heartbeat frequency, or switched off
    except Exception as exc:  # the night runs all the same; only a dead worker's part would wait for a person
        get_run_logger().warning("could not set up the automation %r (%s: %s): a part whose worker dies is not "
                                 "retried", WATCH, type(exc).__name__, exc)
    return every


def run_status(engine: Engine, run_id: str) -> str | None:
    """The run's status (running, complete, failed), None when there is no such run."""
    with engine.connect() as conn:
        return conn.execute(select(AuditRun.status).where(AuditRun.run_id == run_id)).scalar()


@dataclass
class Stored:
    """What the warehouse holds of a night's portals once its parts have ended."""

    loaded: set[str]  # portals with their rows in the run
    crashed: set[str]  # of those, the portals whose crawl broke down (every column says so)


def summarise(engine: Engine, run_id: str, portals: Sequence[Portal], summary: RunSummary,
              named: Callable[[PortalVerdict, Portal], PortalVerdict]) -> Stored:
    """Fold the run's stored verdicts of ``portals`` into ``summary`` — column verdicts a
    batch at a time, so it stays as small as a whole run's — with each portal's verdict
    (``named`` as people read it). What the warehouse holds is the night, whichever worker
    and whichever attempt of a part loaded it."""
    known = set(portal_ids(portals))
    crashed: dict[str, bool] = {}
    with engine.connect() as conn:
        loaded = {pid for pid in conn.execute(select(PortalRun.portal_id).where(PortalRun.run_id == run_id)).scalars()
                  if pid in known}
        rows = conn.execution_options(yield_per=READ_BATCH).execute(
            select(ColumnAudit.portal_id, ColumnAudit.column_id, ColumnAudit.status, ColumnAudit.frequency_code,
                   ColumnAudit.category, ColumnAudit.allowed_days, ColumnAudit.last_published_on,
                   ColumnAudit.days_since_update, ColumnAudit.item_count, ColumnAudit.detail,
                   ColumnAudit.failed_expectations, ColumnAudit.missed_periods, ColumnAudit.periods_checked,
                   ColumnAudit.extraction).where(ColumnAudit.run_id == run_id))
        for batch in rows.partitions():
            verdicts = []
            read_by: Counter[str] = Counter()
            for r in batch:
                if r.portal_id not in loaded:
                    continue
                notes = tuple(loads(r.detail))
                crashed[r.portal_id] = crashed.get(r.portal_id, True) and [n.key for n in notes] == [CRAWL_CRASHED]
                read_by[r.extraction or "none"] += 1
                verdicts.append(ColumnVerdict(
                    r.portal_id, r.column_id, r.status, r.frequency_code, r.category, r.allowed_days,
                    r.last_published_on, r.days_since_update, r.item_count, notes,
                    tuple(e for e in (r.failed_expectations or "").split(",") if e), r.missed_periods,
                    r.periods_checked))
            summary.add(verdicts, (), dict(read_by))
        checks: dict[str, list[Check]] = {}
        for pid, item, outcome, reason in conn.execute(
                select(PortalCheck.portal_id, PortalCheck.item, PortalCheck.outcome, PortalCheck.reason)
                .where(PortalCheck.run_id == run_id)):
            if pid in loaded and item in ITEMS:  # the veto items: the indicators decide no verdict
                checks.setdefault(pid, []).append(Check(item, outcome, next(iter(loads(reason)), Msg("text", {}))))
        sites = {r.portal_id: r for r in conn.execute(
            select(PortalVerdictRow.portal_id, PortalVerdictRow.home_reachable, PortalVerdictRow.home_updated)
            .where(PortalVerdictRow.run_id == run_id)) if r.portal_id in loaded}
    order = {item: i for i, item in enumerate(ITEMS)}
    verdicts_by_portal = []
    for p in portals:  # the catalog's order
        if p.id in sites:
            mine = tuple(sorted(checks.get(p.id, []), key=lambda c: order.get(c.item, len(order))))
            verdict = PortalVerdict(p.id, all(c.outcome in ("pass", "warn") for c in mine),
                                    sites[p.id].home_reachable, sites[p.id].home_updated, checks=mine)
            verdicts_by_portal.append(named(verdict, p))
    summary.add((), verdicts_by_portal)
    return Stored(loaded, {pid for pid, yes in crashed.items() if yes})

