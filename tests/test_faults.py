"""Portals are slow, broken and sometimes hostile: every fault gets a precise status and
error text, and the other columns of the same portal are audited normally."""

from __future__ import annotations

import pytest

from extractors.crawl import crawl_portal
from extractors.fetch import FetchPolicy
from portal_audit.catalog import Column, Portal
from portal_audit.i18n import render
from validations.rules import load_ruleset
from validations.suite import validate

from .faults import AS_OF, serve_faults

POLICY = FetchPolicy(trusted_hosts=frozenset({"127.0.0.1", "localhost"}), allow_private_networks=False, retries=1,
                     backoff=0.05, timeout=1.0, connect_timeout=1.0, page_deadline=2.5, per_host_delay=0,
                     per_host_concurrency=8, max_pages_per_column=8)

FAULTS = {  # column → (status, text in the detail)
    "timeout": ("unreachable", "timeout after 2 tries"),
    "drip": ("unreachable", "timeout after 2 tries"),
    "500": ("unreachable", "HTTP 500 after 2 tries"),
    "502": ("unreachable", "HTTP 502 after 2 tries"),
    "503-always": ("unreachable", "HTTP 503 after 2 tries"),
    "503-then-ok": ("fresh", "days since the newest item"),
    "503-come-back-tomorrow": ("unreachable", "Retry-After 86400 s is too long"),
    "403": ("unreachable", "HTTP 403"),
    "429": ("unreachable", "HTTP 429 after 2 tries"),
    "reset": ("unreachable", "connection failed"),
    "truncated": ("unreachable", "connection failed"),
    "wrong-charset": ("fresh", "days since the newest item"),
    "no-charset": ("fresh", "days since the newest item"),
    "loop-a": ("unreachable", "more than 5 redirects"),
    "to-other-host": ("fresh", "days since the newest item"),
    "to-metadata": ("error", "refused: 169.254.169.254 is a private"),
    "enormous": ("error", "page over 5 MB cap"),
    "gzip-bomb": ("error", "page over 5 MB cap"),
    "calendar": ("fresh", "stopped at the 8-page cap"),
    "bad-dates": ("stale", "counts as not updated"),  # 未注明发布时间的视为不更新
    "duplicates": ("fresh", "days since the newest item"),
    "private/list.html": ("error", "disallowed by robots.txt"),
}
NORMAL = ["ok/a", "ok/b", "ok/c"]


@pytest.fixture(scope="module")
def audited():
    server, base = serve_faults()
    columns = [Column(id=name.replace("/", "_"), path=["工作动态", name], url=f"/{name}", frequency="及时更新")
               for name in [*NORMAL, *FAULTS]]
    portal = Portal(id="faulty", name="故障门户", base_url=base + "/", columns=columns)
    try:
        crawl = crawl_portal(portal, AS_OF, POLICY)
    finally:
        server.shutdown()
    result = validate(list(crawl.columns), [portal], load_ruleset(), AS_OF)
    return {v.column_id: v for v in result.verdicts}, {c.column_id: c for c in crawl.columns}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_fault_gets_a_precise_status(audited, fault):
    verdicts, _ = audited
    status, text = FAULTS[fault]
    v = verdicts[fault.replace("/", "_")]
    assert (v.status, text in render(v.notes, "en")) == (status, True), render(v.notes, "en")


def test_other_columns_are_audited_normally(audited):
    verdicts, crawls = audited
    for name in NORMAL:
        v = verdicts[name.replace("/", "_")]
        assert v.status == "fresh" and v.item_count == 3 and v.days_since_update == 2


def test_duplicates_are_counted_once_and_the_calendar_trap_is_capped(audited):
    verdicts, crawls = audited
    assert verdicts["duplicates"].item_count == 3
    assert len(crawls["calendar"].pages) == 8


def test_metadata_redirect_is_refused_without_connecting(audited):
    _, crawls = audited
    pages = crawls["to-metadata"].pages
    assert ([p.url.rsplit("/", 1)[-1] for p in pages] == ["to-metadata"]
            and "169.254.169.254" in pages[0].error.render("en"))
