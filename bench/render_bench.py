"""Wall and CPU milliseconds per page rendered in headless Chromium (script-drawn lists).

Serves the demo portal on loopback and renders its script-drawn column pages (a list a
script fills from JSON) through the same Renderer and Fetcher an audit uses, N times over,
``--pages`` at once. CPU counts this process and every Chromium process (taken from
RUSAGE_CHILDREN once the browser has exited), less the cost of starting and stopping the
browser, which is measured alone and reported apart. Then the demo's static columns are
read without a browser, for comparison.
Usage: .venv/bin/python bench/render_bench.py [--renders N] [--pages K]
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.demo import build_site, serve
from extractors.browser import Renderer
from extractors.column import crawl_column
from extractors.fetch import Fetcher, FetchPolicy
from extractors.listpage import parse_list_page
from portal_audit.catalog import load_catalog
from validations.rules import load_ruleset

POLICY = FetchPolicy(allow_private_networks=True, per_host_delay=0, per_host_concurrency=8, retries=0)


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


async def _render(urls: list[str], pages: int) -> tuple[list[float], int]:
    from extractors.browser import RenderLimits

    async with Fetcher(POLICY) as fetcher, Renderer(fetcher, RenderLimits(pages=pages, pages_per_host=pages)) as r:
        sem = asyncio.Semaphore(pages)

        async def one(url: str) -> tuple[float, int]:
            async with sem:
                out = await r.render(url)
                return out.elapsed_ms, len(parse_list_page(out.html, url).items)

        results = await asyncio.gather(*(one(u) for u in urls)) if urls else []
        if not urls:
            await r._ensure()  # start and stop alone: the launch cost
    return [e for e, _ in results], sum(n for _, n in results)


def measure(urls: list[str], pages: int) -> tuple[float, float, float, list[float], int]:
    cpu0, child0, wall0 = time.process_time(), _children_cpu(), time.perf_counter()
    elapsed, items = asyncio.run(_render(urls, pages))
    return (time.perf_counter() - wall0, time.process_time() - cpu0, _children_cpu() - child0, elapsed, items)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--renders", type=int, default=60)
    ap.add_argument("--pages", type=int, default=4, help="pages rendering at once")
    args = ap.parse_args()
    as_of = date.today()
    portal = load_catalog(Path(__file__).resolve().parents[1] / "catalogs/demo.yaml").portals[0]
    site = build_site(portal, load_ruleset("national-2019"), as_of)
    server, base = serve(site)
    try:
        scripted = [base.rstrip("/") + f"/col/col{1000 + int(c[1:])}/index.html"
                    for c, s in site.shapes.items() if s == "script"]
        urls = (scripted * (args.renders // len(scripted) + 1))[:args.renders]
        launch_wall, launch_cpu, launch_child, _, _ = measure([], args.pages)
        wall, cpu, child, elapsed, items = measure(urls, args.pages)
        n = len(urls)
        page_cpu = (cpu - launch_cpu + child - launch_child) * 1000 / n
        print(f"browser start + stop: {launch_wall * 1000:.0f} ms wall, "
              f"{(launch_cpu + launch_child) * 1000:.0f} ms CPU")
        print(f"rendered {n} script-drawn pages ({len(scripted)} distinct), {args.pages} at once, {items} items read:")
        print(f"  wall per page {sum(elapsed) / n:.0f} ms (its own load to settled network), "
              f"throughput {n / wall:.1f} pages/s")
        print(f"  CPU per page {page_cpu:.0f} ms (this process {(cpu - launch_cpu) * 1000 / n:.0f} ms, "
              f"Chromium {(child - launch_child) * 1000 / n:.0f} ms)")

        async def static() -> float:
            statics = [base.rstrip("/") + f"/col/col{1000 + int(c[1:])}/index.html"
                       for c, s in site.shapes.items() if s == "trs"]
            t = time.process_time()
            async with Fetcher(POLICY) as fetcher:
                await asyncio.gather(*(crawl_column(fetcher, "d", "c", u, as_of, window_days=0) for u in statics))
            return (time.process_time() - t) * 1000 / len(statics)
        print("for comparison, a static list page fetched and read without the browser: "
              f"{asyncio.run(static()):.1f} ms CPU")
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
