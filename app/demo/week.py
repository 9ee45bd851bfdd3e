"""A week of home-page probes for the demo, taken now and stamped over the week before the
audit date: in real use the ``probe-homes`` deployment takes them every 30 minutes, and a
demo cannot wait a week. Each probe is a real request to the demo portal; only its time
stamp is simulated, and the command says so."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy import Engine, delete

from extractors.fetch import FetchPolicy
from extractors.probe import probe_portals
from portal_audit.catalog import Portal
from portal_audit.records import Probe
from warehouse.load import load_probes
from warehouse.models import AvailabilityProbe
from warehouse.read import probe_window

PER_DAY = 48  # every 30 minutes, as the probe-homes deployment runs


def probe_week(engine: Engine, portals: Portal | list[Portal], as_of: date, policy: FetchPolicy,
               per_day: int | list[int] = PER_DAY, days: int = 7) -> list[Probe]:
    """Probe each portal's home page ``per_day × days`` times (``per_day``: one figure, or
    one per portal), the portals at once, each seeing at most a day's visits at a time, and
    store the probes stamped every 24 h / its ``per_day`` over the ``days`` China days before
    ``as_of``, replacing any stored for that window (so re-running the demo stays idempotent)."""
    portals = [portals] if isinstance(portals, Portal) else portals
    daily = [per_day] * len(portals) if isinstance(per_day, int) else per_day
    start, end = probe_window(as_of, days)
    # one event loop and one client for the week
    got = asyncio.run(probe_portals([p for p, n in zip(portals, daily) for _ in range(n * days)], policy, ipv6=False,
                                    at_once=sum(daily)))
    probes, at = [], 0
    for n in daily:
        step = timedelta(days=1) / n
        probes += [replace(p, probed_at=start + i * step) for i, p in enumerate(got[at:at + n * days])]
        at += n * days
    with engine.begin() as conn:
        conn.execute(delete(AvailabilityProbe).where(AvailabilityProbe.portal_id.in_([p.id for p in portals]),
                                                     AvailabilityProbe.probed_at >= start,
                                                     AvailabilityProbe.probed_at < end))
    load_probes(engine, probes)
    return probes
