"""What a finished shard gives back (issue 30, flat memory): the run's link checks of its own
hosts (kept to the run's end they grew the heap ~0.1 MB a portal), and the C library's
helpers work or do nothing."""

from __future__ import annotations

import asyncio
import os

from extractors.linkcheck import LinkCache
from flows import shard
from portal_audit import memory
from portal_audit.catalog import Portal

COLUMNS = [{"id": "c", "path": ["工作动态"], "url": "/c/", "frequency": "每月更新"}]


def _portal(pid: str, base_url: str) -> Portal:
    return Portal.model_validate({"id": pid, "name": pid, "base_url": base_url, "columns": COLUMNS})


def test_a_finished_shard_forgets_its_own_hosts_link_checks_and_keeps_the_shared_ones() -> None:
    loop = asyncio.new_event_loop()
    try:
        cache = LinkCache()
        own = ["http://a.gov.cn/x.html", "https://A.gov.cn/y?z=1", "http://b.gov.cn:8080/x"]
        kept = ["http://b.gov.cn/x", "http://www.gov.cn/", "mailto:office@a.gov.cn", "relative.html"]
        cache.results.update({url: loop.create_future() for url in own + kept})
        cache.fresh |= {"http://a.gov.cn/worked.html", "http://www.gov.cn/worked.html"}
        shard._LINK_CACHES["run-1"] = cache
        shard._give_back_memory("run-1", [_portal("a", "http://A.gov.cn/"), _portal("b", "http://b.gov.cn:8080/")])
        assert sorted(cache.results) == sorted(kept)  # another port is another host, as shards count hosts
        assert cache.fresh == {"http://www.gov.cn/worked.html"}
        shard._give_back_memory("no-such-run", [_portal("a", "http://a.gov.cn/")])  # no link checks: nothing to do
    finally:
        shard.forget_links("run-1")
        loop.close()


def test_the_c_library_helpers_act_on_glibc_and_do_nothing_elsewhere(monkeypatch) -> None:
    if memory._libc() is not None:  # this machine (Debian): glibc takes the limit and trims
        assert memory.cap_arenas(8 * (os.cpu_count() or 1))  # glibc's own default: this process keeps it
        memory.give_back()
    mb = memory.resident_mb()
    assert mb is not None and mb > 10  # a Python process with pytest loaded reads its VmRSS
    monkeypatch.setattr(memory, "_libc", lambda: None)  # another C library (musl, macOS)
    assert memory.cap_arenas() is False
    memory.give_back()  # nothing to call: no error
