"""Shards and parts of portals, and the Prefect global concurrency limits that keep two
flow runs off one host.

A run crawls its portals in shards: one Prefect task per shard, many portals crawled
concurrently inside it. Portals sharing a host always land in the same shard, so one
acquisition of the shard's host slots — one API call, one lease renewed for the whole
shard — keeps every other flow run off those hosts while it crawls. A national night is
first cut into parts (one flow run each, on the work pool's workers), again by host.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from portal_audit.catalog import Portal, take
from portal_audit.i18n import t

HOST_LIMIT = "host-"  # the prefix of the global concurrency limits guarding hosts (``host_limit_name``)
HOST_SLOTS = 1  # flow runs that may crawl one host at once (raise it with `prefect gcl update`)
# a killed run's hosts are free again within this (renewed while a shard crawls); Prefect's
# minimum is 60 s. $PORTAL_AUDIT_HOST_LEASE_SECONDS shortens it where a killed part should get
# its hosts back sooner, at one renewal per host set every third of it.
LEASE_SECONDS = max(60.0, float(os.environ.get("PORTAL_AUDIT_HOST_LEASE_SECONDS") or 120))
WAIT_NOTICE_EVERY = 300.0  # seconds between "still waiting for hosts another run holds" in the log
# The temporary API server's sweep of stranded host slots (``release_stranded_slots``): how
# often, and how long a slot must have been taken before a missing lease counts (a lease is
# written milliseconds after its slots, in the same request)
SWEEP_EVERY = 10.0
SWEEP_GRACE = timedelta(seconds=10)

log = logging.getLogger(__name__)
# One slot request of this process's at a time. Prefect's server reads the limits and then
# updates them in one deferred transaction; on SQLite, two such requests at once both read,
# and the second one's update fails (SQLITE_BUSY_SNAPSHOT): the server answers 503, and
# Prefect's client retries it ~2 s later. The two shards of a run asked together, and one of
# them began crawling ~1.8 s after the other in most runs; one after the other, each takes
# ~15 ms. (Another process's request, or the server's own writes, can still collide: on a configured
# server that costs the retry; the temporary server tries again itself, ``flows.server.retrying_busy``.)
_ASKING = threading.Lock()


def host_of(portal: Portal) -> str:
    return (urlsplit(portal.base_url).netloc or portal.id).lower()


def host_limit_name(portal: Portal) -> str:
    """The global concurrency limit guarding a portal's host, e.g. ``host-www-example-gov-cn``."""
    return HOST_LIMIT + re.sub(r"[^a-z0-9]+", "-", host_of(portal)).strip("-")


def _host_groups(portals: Sequence[Portal]) -> tuple[list[list[int]], list[int]]:
    """The positions of the portals of each host, hosts in catalog order, and each portal's
    columns (at least 1): one read of each portal, however they are kept."""
    groups: dict[str, list[int]] = {}
    sizes: list[int] = []
    for i, p in enumerate(portals):
        groups.setdefault(host_of(p), []).append(i)
        sizes.append(max(1, len(p.columns)))
    return list(groups.values()), sizes


def plan_shards(portals: Sequence[Portal], max_portals: int, max_columns: int) -> list[Sequence[Portal]]:
    """Split a run into shards of at most ``max_portals`` portals and about ``max_columns``
    columns (a shard's memory follows its columns), keeping the portals of one host
    together and the catalog's order otherwise. Shards come out about equal in size, so
    the last one does not crawl alone while the others wait. Portals kept pickled
    (``Portals``) come out in shards still pickled."""
    groups, sizes = _host_groups(portals)
    total_cols = sum(sizes)
    n = max(1, -(-len(portals) // max(1, max_portals)), -(-total_cols // max(1, max_columns)))
    shards: list[list[int]] = []
    done_cols = done_portals = 0
    for group in groups:
        # the shard a host group falls in: its share of the run so far, by columns and portals
        at = max(done_cols * n // total_cols, done_portals * n // len(portals))
        if not shards or (at >= len(shards) and shards[-1]) or len(shards[-1]) + len(group) > max_portals:
            shards.append([])
        shards[-1].extend(group)
        done_cols += sum(sizes[i] for i in group)
        done_portals += len(group)
    return [take(portals, shard) for shard in shards]


def plan_parts(portals: Sequence[Portal], parts: int) -> list[Sequence[Portal]]:
    """Split a night into at most ``parts`` parts of about equal columns, one flow run each,
    keeping the portals of one host together (so no two parts ever want one host) and the
    catalog's order otherwise. Fewer parts come out when there are fewer hosts."""
    groups, sizes = _host_groups(portals)
    n = max(1, parts)
    total = sum(sizes) or 1
    out: list[list[int]] = [[] for _ in range(n)]
    done = 0
    for group in groups:
        size = sum(sizes[i] for i in group)
        out[min(n - 1, (2 * done + size) * n // (2 * total))].extend(group)  # where the group's middle falls
        done += size
    return [take(portals, part) for part in out if part]


def _run_log() -> logging.Logger | logging.LoggerAdapter:
    """The flow run's logger (its lines reach the Prefect UI), else this module's."""
    from prefect.exceptions import MissingContextError
    from prefect.logging import get_run_logger

    try:
        return get_run_logger()
    except MissingContextError:
        return log


def _create_limits(client, names: Sequence[str]) -> None:
    """Create these host limits, one slot each; one made meanwhile by another run is fine."""
    from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate
    from prefect.exceptions import ObjectAlreadyExists

    for name in names:
        with contextlib.suppress(ObjectAlreadyExists):
            client.create_global_concurrency_limit(GlobalConcurrencyLimitCreate(name=name, limit=HOST_SLOTS))


@contextmanager
def holding(names: Sequence[str], lease_seconds: float = LEASE_SECONDS) -> Iterator[None]:
    """Hold one slot of every named host limit while the body runs: all or none, in one
    request, waiting while another run holds any of them. The lease is renewed from a
    thread meanwhile, and a killed run frees the hosts within ``lease_seconds``. A host
    crawled for the first time gets its limit here, as its shard starts: a national first
    night's 14,000 limits (9 ms of API server each, 130 s) are made shard by shard while
    other shards crawl, not all before the first, and later nights pay nothing for them.

    Prefect's ``concurrency()`` context manager would do the same, but emits two events
    per limit: 30 ms of API server CPU per host, the largest orchestration cost of a run."""
    import httpx
    from prefect.client.orchestration import get_client

    names = sorted(set(names))
    if not names:
        yield
        return
    began, told = time.monotonic(), 0.0
    with get_client(sync_client=True) as client:
        for attempt in range(2):
            while True:
                try:
                    with _ASKING:
                        response = client.increment_concurrency_slots_with_lease(
                            names=names, slots=1, mode="concurrency", lease_duration=lease_seconds)
                    break
                except httpx.HTTPStatusError as exc:
                    if exc.response.status_code != 423:  # 423 Locked: another run crawls one of these hosts
                        raise
                    waited = time.monotonic() - began
                    if waited >= told:  # never a silent wait: whose hosts, for how long so far
                        _run_log().warning("%s", t("log.hosts_held", waited=round(waited), n=len(names),
                                                   hosts=", ".join(names[:3]) + (" …" if len(names) > 3 else ""),
                                                   lease=round(lease_seconds)))
                        told += WAIT_NOTICE_EVERY
                    time.sleep(min(5.0, float(exc.response.headers.get("Retry-After", 5))))
            lease = response.json()
            missing = set(names) - {limit["name"] for limit in lease.get("limits", [])}
            if not missing:
                break
            with _ASKING:
                client.release_concurrency_slots_with_lease(lease_id=lease["lease_id"])
            if attempt:
                raise RuntimeError(f"host concurrency limit(s) missing: {', '.join(sorted(missing))}")
            with _ASKING:
                _create_limits(client, sorted(missing))
        stop = threading.Event()

        def renew() -> None:
            with get_client(sync_client=True) as renewer:
                while not stop.wait(lease_seconds / 3):
                    try:
                        renewer.renew_concurrency_lease(lease_id=lease["lease_id"], lease_duration=lease_seconds)
                    except Exception as exc:  # keep crawling; the next renewal may get through
                        log.warning("renewing the lease on %d host(s) failed: %s", len(names), exc)

        keeper = threading.Thread(target=renew, name="host-lease", daemon=True)
        keeper.start()
        try:
            yield
        finally:
            stop.set()
            keeper.join()
            with _ASKING:
                client.release_concurrency_slots_with_lease(lease_id=lease["lease_id"])


async def release_stranded_slots(now: datetime | None = None) -> list[str]:
    """Free the host slots no live lease holds; the names of the hosts freed. Run inside a
    temporary API server (``flows.server.temporary_app``), as it starts and every
    ``SWEEP_EVERY`` seconds.

    Why: a command killed mid-crawl takes its temporary server with it. Prefect's
    repossessor, which frees the slots of expired leases, does not run in such an
    (ephemeral) server, and with Prefect's default lease storage (the server's memory) no
    later server even knows the lease: the slots stayed taken for good, and every later run
    on those hosts waited forever. The temporary server keeps its leases on disk
    (``PREFECT_HOME/concurrency_leases``), so any later server can see which slots a live
    lease holds; a ``host-`` slot held by none — its lease expired, or lost with a server
    that kept leases in memory — is given back. A slot taken within ``SWEEP_GRACE`` is left
    alone: its lease is written just after it, in the same request."""
    import sqlalchemy as sa
    from prefect.server.concurrency.lease_storage import get_concurrency_lease_storage
    from prefect.server.database import provide_database_interface

    now = now or datetime.now(UTC)
    storage = get_concurrency_lease_storage()
    held: Counter = Counter()
    offset = 0
    while batch := await storage.read_active_lease_ids(limit=1000, offset=offset):
        offset += len(batch)
        for lease_id in batch:
            lease = await storage.read_lease(lease_id)
            if lease is not None and lease.metadata is not None and lease.expiration > now:
                for limit_id in lease.resource_ids:
                    held[limit_id] += lease.metadata.slots
    # leases expired an hour ago or more: their holders are gone (a live one renews every
    # third of its lease), and the files would otherwise pile up, one per killed run
    for lease_id in await storage.read_expired_lease_ids(limit=1000):
        lease = await storage.read_lease(lease_id)
        if lease is None or lease.expiration < now - timedelta(hours=1):
            await storage.revoke_lease(lease_id)
    db = provide_database_interface()
    limits = db.ConcurrencyLimitV2
    freed = []
    async with db.session_context(begin_transaction=True) as session:
        taken = (await session.execute(
            sa.select(limits.id, limits.name, limits.active_slots, limits.updated)
            .where(limits.active_slots > 0, limits.name.startswith(HOST_LIMIT)))).all()
        for limit_id, name, active, updated in taken:
            if active > held[limit_id] and _aware(updated) < now - SWEEP_GRACE:
                # only the row as read: a slot another server's command takes meanwhile is kept
                done = await session.execute(sa.update(limits).where(
                    limits.id == limit_id, limits.active_slots == active, limits.updated == updated)
                    .values(active_slots=held[limit_id]))
                if done.rowcount:
                    freed.append(name)
    if freed:
        log.warning("gave back the slots of %d host(s) no live lease holds (a killed run's): %s%s", len(freed),
                    ", ".join(freed[:5]), " …" if len(freed) > 5 else "")
    return freed


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


async def sweep_once() -> None:
    """``release_stranded_slots``; one that fails is logged, and the next sweep tries again
    (the server serves on; a host stays held until then)."""
    try:
        await release_stranded_slots()
    except Exception:
        log.exception("the sweep of stranded host slots failed")


async def sweep_stranded_slots(every: float = SWEEP_EVERY) -> None:
    """``sweep_once`` every ``every`` seconds, until cancelled."""
    while True:
        await asyncio.sleep(every)
        await sweep_once()
