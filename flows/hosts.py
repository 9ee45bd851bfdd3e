"""Shards and parts of portals, and the Prefect global concurrency limits that keep two
flow runs off one host.

A run crawls its portals in shards: one Prefect task per shard, many portals crawled
concurrently inside it. Portals sharing a host always land in the same shard, so one
acquisition of the shard's host slots — one API call, one lease renewed for the whole
shard — keeps every other flow run off those hosts while it crawls. A national night is
first cut into parts (one flow run each, on the work pool's workers), again by host.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from urllib.parse import urlsplit

from portal_audit.catalog import Portal, take

HOST_SLOTS = 1  # flow runs that may crawl one host at once (raise it with `prefect gcl update`)
# a killed run's hosts are free again within this (renewed while a shard crawls); Prefect's
# minimum is 60 s. $PORTAL_AUDIT_HOST_LEASE_SECONDS shortens it where a killed part should get
# its hosts back sooner, at one renewal per host set every third of it.
LEASE_SECONDS = max(60.0, float(os.environ.get("PORTAL_AUDIT_HOST_LEASE_SECONDS") or 120))

log = logging.getLogger(__name__)


def host_of(portal: Portal) -> str:
    return (urlsplit(portal.base_url).netloc or portal.id).lower()


def host_limit_name(portal: Portal) -> str:
    """The global concurrency limit guarding a portal's host, e.g. ``host-www-example-gov-cn``."""
    return "host-" + re.sub(r"[^a-z0-9]+", "-", host_of(portal)).strip("-")


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
    with get_client(sync_client=True) as client:
        for attempt in range(2):
            while True:
                try:
                    response = client.increment_concurrency_slots_with_lease(names=names, slots=1, mode="concurrency",
                                                                             lease_duration=lease_seconds)
                    break
                except httpx.HTTPStatusError as exc:
                    if exc.response.status_code != 423:  # 423 Locked: another run crawls one of these hosts
                        raise
                    time.sleep(min(5.0, float(exc.response.headers.get("Retry-After", 5))))
            lease = response.json()
            missing = set(names) - {limit["name"] for limit in lease.get("limits", [])}
            if not missing:
                break
            client.release_concurrency_slots_with_lease(lease_id=lease["lease_id"])
            if attempt:
                raise RuntimeError(f"host concurrency limit(s) missing: {', '.join(sorted(missing))}")
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
            client.release_concurrency_slots_with_lease(lease_id=lease["lease_id"])
