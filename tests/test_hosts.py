"""Shards of portals, the host slots that keep two flow runs off one host, and the
temporary Prefect API a command-line run starts."""

from __future__ import annotations

import threading
import uuid
from typing import Any

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


def test_a_sweep_gives_back_the_host_slots_no_live_lease_holds(tmp_path):
    """What the temporary API server does as it starts and while it serves: a host slot
    whose lease expired (a killed command's), or that has no lease at all (one kept in a dead
    server's memory), is given back; a slot a live lease holds, one taken just now (its
    lease is written just after) and a limit not a host's are left alone."""
    import asyncio
    from datetime import UTC, datetime, timedelta

    from prefect.settings import (
        PREFECT_API_DATABASE_CONNECTION_URL,
        PREFECT_HOME,
        PREFECT_SERVER_CONCURRENCY_LEASE_STORAGE,
        temporary_settings,
    )

    from flows.hosts import SWEEP_GRACE, release_stranded_slots
    from flows.server import LEASE_STORAGE

    async def sweeps() -> tuple[list[list[str]], dict[str, int]]:
        from prefect.server.concurrency.lease_storage import (
            ConcurrencyLimitLeaseMetadata,
            get_concurrency_lease_storage,
        )
        from prefect.server.database import provide_database_interface
        from prefect.server.models import concurrency_limits_v2
        from prefect.server.schemas.core import ConcurrencyLimitV2

        limits: Any = concurrency_limits_v2  # its functions' decorator hides that they are coroutines

        db = provide_database_interface()
        await db.create_db()
        taken = datetime.now(UTC)
        async with db.session_context(begin_transaction=True) as session:
            ids = {name: (await limits.create_concurrency_limit(
                session=session, concurrency_limit=ConcurrencyLimitV2(name=name, limit=1))).id
                for name in ("host-stranded", "host-leased", "host-expired", "not-a-host")}
            await limits.bulk_increment_active_slots(session=session, concurrency_limit_ids=list(ids.values()),
                                                     slots=1)
        storage = get_concurrency_lease_storage()
        assert type(storage).__module__ == LEASE_STORAGE  # on disk: a later server sees them
        await storage.create_lease([ids["host-leased"]], timedelta(seconds=120), ConcurrencyLimitLeaseMetadata(slots=1))
        await storage.create_lease([ids["host-expired"]], timedelta(seconds=60), ConcurrencyLimitLeaseMetadata(slots=1))
        freed = [await release_stranded_slots(taken),  # all taken just now
                 await release_stranded_slots(taken + SWEEP_GRACE + timedelta(seconds=1)),
                 await release_stranded_slots(taken + timedelta(seconds=61))]  # the 60 s lease has ended
        async with db.session_context() as session:
            slots = {name: (await limits.read_concurrency_limit(session=session, concurrency_limit_id=i)).active_slots
                     for name, i in ids.items()}
        return freed, slots

    with temporary_settings(updates={PREFECT_HOME: str(tmp_path),
                                     PREFECT_SERVER_CONCURRENCY_LEASE_STORAGE: LEASE_STORAGE,
                                     PREFECT_API_DATABASE_CONNECTION_URL: f"sqlite+aiosqlite:///{tmp_path / 'p.db'}"}):
        freed, slots = asyncio.run(sweeps())
    assert freed == [[], ["host-stranded"], ["host-expired"]]
    assert slots == {"host-stranded": 0, "host-leased": 1, "host-expired": 0, "not-a-host": 1}


def test_the_temporary_api_answers_again_itself_what_failed_on_a_busy_sqlite():
    """``retrying_busy``: a request whose try failed with the 503 Prefect's server gives for a
    busy SQLite (Starlette raises the error again once the 503 is sent) is tried again
    inside the server, body and all, within milliseconds; a 503 that lasts through every
    retry goes out as it came, and other answers go out untouched."""
    import asyncio

    import httpx

    from flows.server import BUSY_RETRIES, retrying_busy

    tries: list[bytes] = []

    def app_failing(times: int):
        async def app(scope, receive, send):
            if scope["type"] != "http":
                return
            path, scope["path"] = scope["path"], "/rewritten"  # as a mounted router does to the scope it is given
            body = (await receive())["body"]
            tries.append(body)
            if len(tries) <= times:
                await send({"type": "http.response.start", "status": 503, "headers": []})
                await send({"type": "http.response.body", "body": b"busy"})
                raise RuntimeError("database is locked")  # what Starlette raises after its 503
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.body", "body": body + b" " + path.encode()})
        return app

    async def post(app) -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=retrying_busy(app)), base_url="http://t") as c:
            return await c.post("/api/slots", content=b"names=host-a")

    answer = asyncio.run(post(app_failing(2)))
    assert answer.status_code == 200 and answer.content == b"names=host-a /api/slots"
    assert tries == [b"names=host-a"] * 3
    tries.clear()
    with pytest.raises(RuntimeError, match="locked"):  # uvicorn would log it and the client retry, as before
        asyncio.run(post(app_failing(len(BUSY_RETRIES) + 1)))
    assert len(tries) == len(BUSY_RETRIES) + 1


def test_a_runs_shards_take_their_hosts_together_without_the_clients_retry(caplog, monkeypatch):
    """Two shards of one run asking the temporary API for their hosts at the same moment: on
    SQLite the second request used to fail (the first's write came between its read and its
    write), and Prefect's client sent it again 2 s later, so one shard began crawling ~1.8 s
    after the other. Now neither waits for the client's retry."""
    import logging

    from flows.server import TemporaryApi, prefect_api

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    names = [[host_limit_name(p) for p in _portals([f"{s}-{i}.example.gov.cn" for i in range(30)], 1)] for s in "ab"]
    inside = threading.Barrier(3, timeout=60)

    def shard(hosts: list[str]) -> None:
        with holding(hosts):
            inside.wait()

    caplog.set_level(logging.DEBUG, logger="prefect.client")
    api = TemporaryApi()
    api.launch()
    with prefect_api(api):
        for _ in range(4):
            threads = [threading.Thread(target=shard, args=(hosts,)) for hosts in names]
            for thread in threads:
                thread.start()
            inside.wait()  # both shards hold their hosts at once
            for thread in threads:
                thread.join(30)
    assert not [r for r in caplog.records if "retryable" in r.getMessage()]
