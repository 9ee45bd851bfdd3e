"""Extraction quality on the labelled corpus (tests/corpus, built by tests/corpus/build.py):
item precision and recall and newest-date accuracy must each be at least 0.98."""

from __future__ import annotations

import asyncio
import json
from datetime import date
from pathlib import Path

import pytest

from extractors.crawl import crawl_column
from extractors.fetch import Fetcher, FetchPolicy
from portal_audit.demo import serve

from .conftest import Pages

CORPUS = Path(__file__).parent / "corpus"
LABELS = json.loads((CORPUS / "labels.json").read_text(encoding="utf-8"))
AS_OF = date.fromisoformat(LABELS["as_of"])
POLICY = FetchPolicy(allow_private_networks=True, per_host_delay=0, retries=0, max_pages_per_column=50)


def corpus_pages() -> Pages:
    """The corpus site as routes (file names keep a query string after '@')."""
    pages = Pages()
    for f in (CORPUS / "site").rglob("*"):
        if f.is_file():
            route = "/" + f.relative_to(CORPUS / "site").as_posix().replace("@", "?", 1)
            ctype = "text/xml" if "dataproxy" in route else "text/plain" if route.endswith(".txt") else "text/html"
            pages.add(route, f.read_bytes(), ctype=ctype)
    return pages


@pytest.fixture(scope="module")
def crawled():
    server, base = serve(corpus_pages())

    async def run():
        async with Fetcher(POLICY) as fetcher:
            return await asyncio.gather(*(crawl_column(fetcher, "corpus", c["case"], base.rstrip("/") + c["start"], AS_OF, 5000)
                                          for c in LABELS["cases"]))
    try:
        results = asyncio.run(run())
    finally:
        server.shutdown()
    return {c["case"]: (c, r, base.rstrip("/")) for c, r in zip(LABELS["cases"], results)}


def _scores(crawled):
    tp = n_found = n_expected = newest_ok = 0
    misses = []
    for case, (label, result, base) in crawled.items():
        dated = label["shape"] != "dateless"
        expected = {(base + i["url"], i["published_on"] if dated else None) for i in label["items"]}
        found = {(i.url, i.published_on.isoformat() if (dated and i.published_on) else None) for i in result.items}
        tp += len(expected & found)
        n_found += len(found)
        n_expected += len(expected)
        newest = result.newest.isoformat() if result.newest else None
        newest_ok += newest == label["newest"] and result.empty_marker == label["empty"]
        if expected != found or newest != label["newest"]:
            misses.append(f"{case}: {len(expected & found)}/{len(expected)} found, {len(found - expected)} extra, "
                          f"newest {newest} vs {label['newest']}")
    precision = tp / n_found if n_found else 1.0
    recall = tp / n_expected if n_expected else 1.0
    return precision, recall, newest_ok / len(crawled), misses


def test_corpus_is_big_and_varied_enough():
    cases = LABELS["cases"]
    assert sum(c["pages"] for c in cases) >= 40
    assert len({c["shape"] for c in cases}) >= 6
    assert {"trs", "hanweb", "table", "traditional", "dateless", "empty"} <= {c["shape"] for c in cases}


def test_precision_recall_and_newest_date_accuracy(crawled, capsys):
    precision, recall, newest, misses = _scores(crawled)
    with capsys.disabled():
        print(f"\ncorpus: item precision {precision:.3f}, recall {recall:.3f}, newest-date accuracy {newest:.3f} "
              f"over {len(crawled)} columns")
    assert precision >= 0.98 and recall >= 0.98 and newest >= 0.98, "\n".join(misses)


@pytest.mark.parametrize("case", [c["case"] for c in LABELS["cases"]])
def test_each_case(crawled, case):
    label, result, base = crawled[case]
    assert result.fetch_state == "ok", result.error
    assert len(result.pages) >= label["pages"]
    assert (result.newest.isoformat() if result.newest else None) == label["newest"]
    assert result.empty_marker == label["empty"]


@pytest.mark.parametrize("case", ["hanweb-paged", "traditional", "dateless-meta"])
def test_extract_command_on_corpus_shapes(case, capsys):
    from portal_audit.cli import main

    label = next(c for c in LABELS["cases"] if c["case"] == case)
    server, base = serve(corpus_pages())
    try:
        code = main(["extract", base.rstrip("/") + label["start"], "--json", "--allow-private-networks", "--delay", "0",
                     "--as-of", LABELS["as_of"], "--window", "5000", "--max-pages", "50"])
    finally:
        server.shutdown()
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and len(data["items"]) == len(label["items"]) and data["newest"] == label["newest"]
