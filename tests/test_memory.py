"""What a run keeps between shards (issue 30, flat memory): only the link checks other shards
can use (kept whole, they grew the heap ~0.1 MB a portal), and the C library's helpers work
or do nothing."""

from __future__ import annotations

import os

from flows import shard
from portal_audit import memory
from portal_audit.records import RECENTLY_WORKING, Link, LinkCheck, PortalCrawl


def _check(url: str, status: str = "ok", error=None) -> LinkCheck:
    return LinkCheck(Link(url, "http://a.gov.cn/", "x", "a"), "域外", "网页", False, status, 200, error)


def test_a_shard_hands_on_its_checks_of_other_hosts_links_and_keeps_none_of_its_own() -> None:
    own = ["http://a.gov.cn/x.html", "https://A.gov.cn/y?z=1", "http://b.gov.cn:8080/x"]
    other = ["http://b.gov.cn/x", "http://www.gov.cn/", "mailto:office@a.gov.cn", "relative.html"]
    crawl = PortalCrawl("a", None, (), links=tuple(_check(u) for u in own + other) + (
        _check("http://www.gov.cn/worked.html", error=RECENTLY_WORKING), _check("http://c.gov.cn/gone", "broken")))
    try:
        shard._remember_links("run-1", {"a.gov.cn", "b.gov.cn:8080"}, crawl)  # another port is another host
        kept = shard._CHECKED["run-1"]
        assert sorted(kept) == sorted(other + ["http://c.gov.cn/gone"])  # not fetched this night: not handed on
        assert kept["http://c.gov.cn/gone"].status == "broken" and kept["http://www.gov.cn/"].http_status == 200
    finally:
        shard.forget_links("run-1")
    assert "run-1" not in shard._CHECKED


def test_the_c_library_helpers_act_on_glibc_and_do_nothing_elsewhere(monkeypatch) -> None:
    if memory._libc() is not None:  # this machine (Debian): glibc takes the limit and trims
        assert memory.cap_arenas(8 * (os.cpu_count() or 1))  # glibc's own default: this process keeps it
        memory.give_back()
    mb = memory.resident_mb()
    assert mb is not None and mb > 10  # a Python process with pytest loaded reads its VmRSS
    monkeypatch.setattr(memory, "_libc", lambda: None)  # another C library (musl, macOS)
    assert memory.cap_arenas() is False
    memory.give_back()  # nothing to call: no error


def test_a_quiet_start_collects_nothing_while_importing_then_freezes_the_imports_and_collects() -> None:
    """``quiet_start``/``started``: no collection during the imports, then the imports frozen
    out of the collector's walks and collection back on; ``started`` alone (a test calling the
    command line's ``main``) changes nothing."""
    import subprocess
    import sys

    code = ("import gc; from portal_audit import memory; {before}; quiet = not gc.isenabled(); import pandas; "
            "memory.started(); print(quiet, gc.isenabled(), gc.get_freeze_count())")
    quiet = subprocess.run([sys.executable, "-c", code.format(before="memory.quiet_start()")],
                           capture_output=True, text=True, check=True).stdout.split()
    assert quiet[:2] == ["True", "True"] and int(quiet[2]) > 50_000  # pandas' objects among the frozen
    plain = subprocess.run([sys.executable, "-c", code.format(before="pass")],
                           capture_output=True, text=True, check=True).stdout.split()
    assert plain == ["False", "True", "0"]


def _collecting() -> tuple[bool, int]:
    import gc

    before = gc.isenabled()
    memory.started()  # what a crawl process does first (flows/crawler.py: _child)
    return before, gc.get_freeze_count() if gc.isenabled() else -1


def test_crawl_processes_start_from_a_quiet_forkserver_and_collect_once_started() -> None:
    """The forkserver imports the crawler without collecting; its children start the same,
    and collect once they call ``started``, the forkserver's imports frozen."""
    from flows import crawler

    crawler.start()
    with crawler._CONTEXT.Pool(1) as pool:
        quiet, frozen = pool.apply(_collecting)
    assert quiet is False and frozen > 100_000
