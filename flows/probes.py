"""The ``probe-homes`` flow: open every portal's home page once, time it, store the probe.

Deployed every 30 minutes (``prefect.yaml``): 48 probes a portal a day, over the national
checklist's 20, so a week of them judges 站点无法访问 (≥ 5 % failed → veto, ≥ 3 % warn)
when the nightly audit reads them. A round is one flow run without tasks — thousands of
probes are one asyncio gather and one insert, not thousands of API round trips. HTTPS home
pages' certificates that fail or expire within the ruleset's ``https.warn_days`` are listed
in an artifact of their own (``probe-homes-certificates``) and a warning in the log.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date

from prefect import flow, get_run_logger
from prefect.artifacts import create_table_artifact

from extractors.fetch import policy_for
from extractors.probe import PROBE_TIMEOUT, probe_portals
from portal_audit.catalog import load_catalog
from portal_audit.i18n import china_today, fmt_date, render, t, using
from portal_audit.records import Probe
from validations.rules import load_ruleset
from warehouse.db import mask_url, open_warehouse
from warehouse.load import load_probes

from .audit import resolve_warehouse

FAILED_ROWS = 500  # failed probes listed in the round's artifact


def certificate_alerts(probes: list[Probe], today: date, warn_days: int) -> list[tuple[Probe, int | None]]:
    """The probes whose certificate does not verify or has ``warn_days`` or fewer left, with
    its days left (negative once expired; None: its date unread), soonest first: what the
    round tells at once, a night before the audit would."""
    out = []
    for p in probes:
        left = (p.cert_not_after - today).days if p.cert_not_after is not None else None
        if p.cert_problem or (left is not None and left <= warn_days):
            out.append((p, left))
    return sorted(out, key=lambda pair: (pair[1] if pair[1] is not None else -1, pair[0].portal_id))


@dataclass
class ProbeRound:
    probes: int
    failed: int
    warehouse: str

    def line(self) -> str:
        return t("probe.round", probes=self.probes, failed=self.failed, warehouse=self.warehouse)


def run_probes(catalog: str, warehouse: str | None = None, portals: list[str] | None = None,
               timeout: float = PROBE_TIMEOUT, ipv6: bool | None = None) -> tuple[ProbeRound, list[Probe]]:
    """Probe the catalog's home pages and store the probes (the flow's body, usable alone)."""
    cat = load_catalog(catalog)
    selected = cat.select(portals)
    url = resolve_warehouse(warehouse)
    engine = open_warehouse(url)  # a warehouse that cannot take the probes says so before they are taken
    probes = asyncio.run(probe_portals(selected, policy_for(cat), timeout, ipv6))
    load_probes(engine, probes)
    return ProbeRound(len(probes), sum(not p.ok for p in probes), mask_url(url)), probes


@flow(name="probe-homes", log_prints=True)
def probe_homes(catalog: str = "catalogs/demo.yaml", warehouse: str | None = None, portals: list[str] | None = None,
                timeout: float = PROBE_TIMEOUT, lang: str | None = None) -> ProbeRound:
    """Probe every portal's home page once (a probe fails when the page has not loaded
    within ``timeout`` seconds) and store the probes in ``availability_probes``; ``lang``
    the language of its artifact (default $PORTAL_AUDIT_LANG, else zh).

    Args:
        catalog: 网站目录文件（YAML），相对于工作目录
        warehouse: 数据仓库地址（SQLAlchemy URL），或 secret:名称 读取 Prefect Secret 块
        portals: 只探测这些网站（目录中的 id；留空探测全部）
        timeout: 首页须在多少秒内打开（国家要求15秒）
        lang: 产物的语言（zh 或 en）
    """
    result, probes = run_probes(catalog, warehouse, portals, timeout)
    failed = [p for p in probes if not p.ok]
    https = load_ruleset().indicator("https")
    alerts = certificate_alerts(probes, china_today(), int(https.get("warn_days", 30))) if https else []
    with using(lang):
        if alerts:
            create_table_artifact([{t("col.portal_id"): p.portal_id, t("col.url"): p.url,
                                    t("probe.cert_until"): fmt_date(p.cert_not_after) if p.cert_not_after else "",
                                    t("probe.cert_left"): "" if left is None else left,
                                    t("probe.cert_problem"): t(f"probe.cert.{p.cert_problem or 'expiring'}")}
                                   for p, left in alerts[:FAILED_ROWS]],
                                  key="probe-homes-certificates", description=t("probe.certificates", n=len(alerts)))
            get_run_logger().warning(t("probe.certificates", n=len(alerts)))
        if failed:
            create_table_artifact([{t("col.portal_id"): p.portal_id, t("col.url"): p.url,
                                    t("probe.why"): render(p.error), t("probe.ms"): p.elapsed_ms}
                                   for p in failed[:FAILED_ROWS]],
                                  key="probe-homes-failed", description=t("probe.failed", failed=len(failed),
                                                                          probes=len(probes)))
        get_run_logger().info(result.line())
    return result
