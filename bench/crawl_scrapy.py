"""The same fetch + extract with Scrapy: a spider over the farm catalog's column URLs that
extracts with the same parse_list_page and follows the same next-page links. Scrapy is
installed by the benchmark (pip install scrapy), not by the project."""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import scrapy
from farm import AS_OF
from scrapy.crawler import CrawlerProcess

from extractors.listpage import parse_list_page
from portal_audit.catalog import load_catalog

STATS = {"pages": 0, "items": 0}


class ColumnSpider(scrapy.Spider):
    name = "columns"

    def __init__(self, urls: list[str], max_pages: int, **kw):
        super().__init__(**kw)
        self.urls, self.max_pages = urls, max_pages

    async def start(self):
        for url in self.urls:
            yield scrapy.Request(url, cb_kwargs={"n": 1})

    def parse(self, response, n: int):
        STATS["pages"] += 1
        lp = parse_list_page(response.text, response.url, AS_OF)
        STATS["items"] += len(lp.items)
        if lp.next_url and lp.items and n < self.max_pages:
            yield scrapy.Request(lp.next_url, cb_kwargs={"n": n + 1})


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("catalog")
    ap.add_argument("--delay", type=float, default=None)
    ap.add_argument("--concurrency", type=int, default=None)
    args = ap.parse_args()
    catalog = load_catalog(args.catalog)
    pol = catalog.politeness
    delay = pol.delay if args.delay is None else args.delay
    conc = pol.concurrency_per_host if args.concurrency is None else args.concurrency
    urls = [p.column_url(c) for p in catalog.portals for c in p.columns]
    process = CrawlerProcess(settings={
        "LOG_LEVEL": "WARNING", "ROBOTSTXT_OBEY": pol.obey_robots, "DOWNLOAD_DELAY": delay,
        "RANDOMIZE_DOWNLOAD_DELAY": False, "CONCURRENT_REQUESTS": 10_000, "CONCURRENT_REQUESTS_PER_DOMAIN": conc,
        "CONCURRENT_REQUESTS_PER_IP": 0, "RETRY_ENABLED": False, "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "REACTOR_THREADPOOL_MAXSIZE": 20, "DOWNLOAD_MAXSIZE": pol.max_bytes, "USER_AGENT": "portal-audit-bench",
        "AUTOTHROTTLE_ENABLED": False, "HTTPCACHE_ENABLED": False,
    })
    process.crawl(ColumnSpider, urls=urls, max_pages=pol.max_pages_per_column)
    t, c = time.perf_counter(), time.process_time()
    process.start()
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    print(json.dumps({**STATS, "wall_s": wall, "cpu_s": cpu,
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


if __name__ == "__main__":
    main()
