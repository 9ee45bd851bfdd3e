"""Shards of portals, the host slots that keep two flow runs off one host, and the
temporary Prefect API a command-line run starts."""

from __future__ import annotations

import threading
import uuid

import pytest

from flows.hosts import holding, host_limit_name, plan_shards
from portal_audit.catalog import parse_catalog


def _portals(hosts: list[str], columns: int = 3):
    cols = "".join(f"\n      - {{id: c{j}, path: [栏目{j}], url: /c{j}/, frequency: 及时更新}}" for j in range(columns))
    text = "portals:" + "".join(f"\n  - id: p{i}\n    name: 门户{i}\n    base_url: http://{h}/\n    columns:{cols}"
                                for i, h in enumerate(hosts))
    return parse_catalog(text).portals


def test_shards_keep_a_host_together_and_respect_both_caps():
    hosts = ["a.gov.cn", "b.gov.cn", "a.gov.cn", "c.gov.cn", "d.gov.cn", "e.gov.cn", "f.gov.cn"]
    portals = _portals(hosts, columns=3)
    shards = plan_shards(portals, max_portals=3, max_columns=100)
    assert sorted(p.id for s in shards for p in s) == sorted(p.id for p in portals)  # every portal once
    assert all(len(s) <= 3 for s in shards) and 3 <= len(shards) <= 4  # about equal, never over the cap
    # the two portals of a.gov.cn crawl in one shard, under one hold of its slot
    assert ([s for s in shards if any(p.id == "p0" for p in s)][0]
            == [s for s in shards if any(p.id == "p2" for p in s)][0])
    by_columns = plan_shards(portals, max_portals=100, max_columns=6)  # 21 columns, at most ~6 a shard
    assert len(by_columns) >= 3 and all(sum(len(p.columns) for p in s) <= 9 for s in by_columns)
    assert plan_shards(portals[:1], 64, 600) == [portals[:1]]


@pytest.mark.usefixtures("prefect_harness")
def test_a_second_holder_waits_until_the_host_is_free():
    """A host never crawled before gets its limit as it is first held; then a second holder
    waits until the first lets go."""
    from prefect.client.orchestration import get_client

    portal = _portals([f"held-{uuid.uuid4().hex[:8]}.example.gov.cn"])[0]
    name = host_limit_name(portal)
    with get_client(sync_client=True) as client:
        assert name not in {limit.name for limit in client.read_global_concurrency_limits(limit=200)}
    first_in, release, second_in = threading.Event(), threading.Event(), threading.Event()

    def first():
        with holding([name]):
            first_in.set()
            release.wait(60)

    def second():
        first_in.wait(60)
        with holding([name]):
            second_in.set()

    a, b = threading.Thread(target=first), threading.Thread(target=second)
    a.start()
    b.start()
    assert first_in.wait(60)
    assert not second_in.wait(2), "a second flow run crawled a host another run holds"
    release.set()
    assert second_in.wait(60), "the host was not handed on once released"
    a.join(10)
    b.join(10)
    with get_client(sync_client=True) as client:
        made = client.read_global_concurrency_limit_by_name(name)
    assert made.limit == 1 and made.active_slots == 0


def test_the_temporary_api_comes_back_when_its_process_dies(monkeypatch):
    from flows.server import TemporaryApi

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    api = TemporaryApi()
    api.launch()
    try:
        api.process.kill()  # as if the machine's OOM killer or a crash took it
        api.process.wait()
        api.wait(timeout=170)  # relaunched on a new port and answering
        import httpx

        assert httpx.get(f"{api.url}/health", timeout=10).status_code == 200
    finally:
        api.stop()
    assert api.process is None
