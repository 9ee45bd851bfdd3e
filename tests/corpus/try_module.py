"""Build one ``real_*.py`` module of modelled portals into a scratch folder and crawl it as an
audit would, printing every column's result against its label — for whoever writes a module
(the full corpus is rebuilt by build.py and judged by tests/test_corpus.py).

Usage: .venv/bin/python tests/corpus/try_module.py tests/corpus/real_x.py [--out /tmp/x]
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import random
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from build import AS_OF  # noqa: E402
from kit import Kit  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("module", type=Path)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="corpus-"))
    site = out / "site"
    if site.exists():
        shutil.rmtree(site)
    labels: list[dict] = []
    kit = Kit(site, labels, AS_OF, random.Random(20261130))
    spec = importlib.util.spec_from_file_location(args.module.stem, args.module)
    assert spec is not None and spec.loader is not None, args.module  # a .py file has a source loader
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    loaded.build(kit)

    from app.demo import serve
    from app.demo.site import canonical
    from extractors.crawl import crawl_portals
    from portal_audit.catalog import Column, Portal
    from tests.test_corpus import POLICY, CorpusPages

    pages = CorpusPages()
    for f in site.rglob("*"):
        if f.is_file():
            route = "/" + f.relative_to(site).as_posix().replace("@", "?", 1)
            ctype = ("text/xml" if "dataproxy" in route else "text/plain" if route.endswith(".txt")
                     else "application/json" if "/api" in route or route.endswith(".json") else "text/html")
            pages.add(canonical(route), f.read_bytes(), ctype=ctype)
    server, base = serve(pages)
    by_portal: dict[str, list[dict]] = {}
    for c in labels:
        by_portal.setdefault(c["portal"], []).append(c)
    portals = [Portal(id=pid, name=cs[0]["portal_name"], base_url=base, columns=[
        Column(id=c["case"], path=[c["name"]], url=c["start"], frequency="及时更新") for c in cs])
        for pid, cs in by_portal.items()]

    async def crawl():
        return [got async for _, got in crawl_portals(portals, AS_OF, POLICY, window_days=5000)]

    try:
        crawls = asyncio.run(crawl())
    finally:
        server.shutdown()
    results = {col.column_id: col for c in crawls for col in c.columns}
    bad = 0
    for c in labels:
        r = results[c["case"]]
        root = base.rstrip("/")
        expected = {(root + i["url"], i["published_on"]) for i in c["items"]}
        found = {(i.url, i.published_on.isoformat() if i.published_on and c.get("dated", True) else None) for i in r.items}
        newest = r.newest.isoformat() if r.newest else None
        ok = expected == found and newest == c["newest"] and r.empty_marker == c["empty"]
        bad += not ok
        print(f"{'ok  ' if ok else 'MISS'} {c['case']:28} read by {r.method or '-':8} items {len(expected & found)}/"
              f"{len(expected)} (+{len(found - expected)} extra) newest {newest} vs {c['newest']} "
              f"empty {r.empty_marker} vs {c['empty']} {r.error or ''}")
        if not ok and found - expected:
            print("      extra:", sorted(found - expected)[:3])
        if not ok and expected - found:
            print("      missed:", sorted(expected - found)[:3])
    print(f"\n{len(labels)} columns, {sum(c['pages'] for c in labels)} list pages, {bad} wrong; site in {site}")


if __name__ == "__main__":
    main()
