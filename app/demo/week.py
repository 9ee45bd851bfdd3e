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


def probe_week(engine: Engine, portal: Portal, as_of: date, policy: FetchPolicy, per_day: int = PER_DAY,
               days: int = 7) -> list[Probe]:
    """Probe ``portal``'s home page ``per_day × days`` times and store the probes stamped
    every 24 h / ``per_day`` over the ``days`` China days before ``as_of``, replacing any
    stored for that window (so re-running the demo stays idempotent)."""
    start, end = probe_window(as_of, days)
    step = timedelta(days=1) / per_day
    # one event loop and one client for the week; the portal sees a day's visits at once at most
    got = asyncio.run(probe_portals([portal] * (per_day * days), policy, ipv6=False, at_once=per_day))
    probes = [replace(p, probed_at=start + i * step) for i, p in enumerate(got)]
    with engine.begin() as conn:
        conn.execute(delete(AvailabilityProbe).where(AvailabilityProbe.portal_id == portal.id,
                                                     AvailabilityProbe.probed_at >= start,
                                                     AvailabilityProbe.probed_at < end))
    load_probes(engine, probes)
    return probes
