"""What the supervision indicators cost (issue: beyond the single veto).

Prints, per portal of 1 home page and 14 list pages shaped as real portals write them:
- the CPU of the checks that read pages the crawl already fetched: the home page's identity
  marks, the adverts scan of every page read, the report candidates, and judging all seven
  indicators (target ≤ 2 ms a portal);
- axe-core per page: wall and CPU (this process and Chromium's processes) of a render with
  axe against the same render without it, on the demo portal's home page served on loopback.

Usage: .venv/bin/python bench/indicators_bench.py [--repeat 200] [--renders 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.hidden import hidden_links
from extractors.identity import site_identity
from extractors.markup import page_doc, page_embeds, text_of
from portal_audit.catalog import Column, Portal
from portal_audit.records import ArticleMeta, ColumnCrawl, Item, PortalCrawl
from validations.content import PageScan, hidden_link_rule, load_hidden_lexicon, load_lexicon
from validations.indicators import indicator_checks, indicator_evidence
from validations.rules import load_ruleset

AS_OF = date(2026, 6, 30)
TICK = os.sysconf("SC_CLK_TCK")


# a page's own <style>: 60 rules, five of which hide (tab panels, drop-down menus, a skip link)
STYLE = ("<style>" + "".join(f".c{i} a{{color:#333;margin:0 {i}px;font-size:14px}}" for i in range(55))
         + ".tab-panel{display:none}.nav li ul{display:none}.nav li:hover ul{display:block}"
         ".sr-only{position:absolute;left:-9999px}.slide{visibility:hidden}</style>")


FOLDED = ' style="display:none"'


def home_page(n_blocks: int = 12, per_block: int = 20) -> str:
    """A county portal's home page: ~90 menu links, 12 dated blocks (every other one a
    folded tab), a friend-link select, a footer with its identity marks, scripts and a
    ``<style>`` of its own — about 150 KB."""
    nav = "".join(f'<li><a href="/col/col{i}/index.html">栏目{i}</a></li>' for i in range(90))
    blocks = "".join(
        f'<div class="box"{FOLDED if b % 2 else ""}><div class="hd"><b>板块{b}</b>'
        f'<a href="/col/col{b}/index.html">更多</a></div><ul>'
        + "".join(f'<li><a href="/art/2026/6/{1 + i % 28}/art_{b}_{i}.html" title="关于开展第{i}项重点工作的通知">'
                  f'关于开展第{i}项重点工作的通知</a><span>2026-06-{1 + i % 28:02d}</span></li>'
                  for i in range(per_block))
        + "</ul></div>" for b in range(n_blocks))
    friends = "".join(f'<option value="http://www.site{i}.gov.cn/">兄弟单位{i}</option>' for i in range(100))
    scripts = "".join(f'<script src="/js/lib{i}.js"></script>' for i in range(8))
    footer = ('<div class="footer"><p>主办单位：某某县人民政府办公室 网站标识码：3411250001 '
              '<a href="https://beian.miit.gov.cn">皖ICP备12345678号</a> 皖公网安备 34112502000001号</p>'
              '<script id="_jiucuo_" sitecode="3411250001" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script>'
              '<a href="https://bszs.conac.cn/sitename?method=show&id=1"><img src="/images/red.png" alt="党政机关"></a>'
              '<a href="/wza/">无障碍浏览</a></div>')
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="SiteIDCode" content="3411250001">'
            f'<title>某某县人民政府</title>{scripts}{STYLE}</head><body><div class="nav"><ul>{nav}</ul></div>{blocks}'
            f'<select>{friends}</select>{footer}</body></html>')


def list_page(i: int) -> str:
    rows = "".join(f'<li><a href="/art/2026/6/{1 + k % 28}/art_{i}_{k}.html">第{k}条信息标题示例文字</a>'
                   f'<span>2026-06-{1 + k % 28:02d}</span></li>' for k in range(20))
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>栏目{i}</title>'
            f'<script src="/js/common.js"></script>{STYLE}</head><body><div class="nav">'
            + "".join(f'<a href="/col/col{k}/index.html">栏目{k}</a>' for k in range(90))
            + f'</div><div class="list"><ul>{rows}</ul></div></body></html>')


def portal_and_crawl(identity) -> tuple[Portal, PortalCrawl]:
    cats = ["policy", "interpretation", "annual_report"] + [None] * 11
    portal = Portal(id="x", name="某某县人民政府", base_url="http://www.x.gov.cn/", kind="government", columns=[
        Column(id=f"c{i}", path=[f"栏目{i}"], url=f"/col/col{i}/index.html", frequency="及时更新", category=c)
        for i, c in enumerate(cats)])
    columns = []
    for i, _ in enumerate(cats):
        dates = [AS_OF - timedelta(days=3 * k) for k in range(20)]
        titles = [f"关于印发《第{k}号管理办法》的通知" if i == 0 else f"《第{k}号管理办法》政策解读" if i == 1
                  else f"第{k}条信息" for k in range(20)]
        items = tuple(Item(t, f"http://www.x.gov.cn/art/{i}/{k}.html", d)
                      for k, (t, d) in enumerate(zip(titles, dates)))
        back = (("http://www.x.gov.cn/art/0/1.html", "原文"),)
        articles = tuple(ArticleMeta(it.url, it.title, d, written_on=d - timedelta(days=5), published_on=d, links=back)
                         for it, d in zip(items[:10], dates)) if i < 2 else ()
        columns.append(ColumnCrawl("x", f"c{i}", f"http://www.x.gov.cn/col/col{i}/index.html", "ok", items,
                                   articles=articles))
    return portal, PortalCrawl("x", None, tuple(columns), home_items=(), identity=identity)


def cpu_per_portal(repeat: int) -> None:
    home, lists = home_page(), [list_page(i) for i in range(14)]
    print(f"home page {len(home.encode()) / 1024:.0f} KB, list pages {len(lists[0].encode()) / 1024:.0f} KB each")
    docs = [page_doc(home)] + [page_doc(p) for p in lists]  # parsed by the crawl anyway: not counted
    texts = [text_of(d.find("body")) for d in docs]
    ruleset, lexicon, hidden = load_ruleset(), load_lexicon(), load_hidden_lexicon()
    identity = site_identity(docs[0], "http://www.x.gov.cn/", texts[0])
    portal, crawl = portal_and_crawl(identity)
    timings: dict[str, list[float]] = {"identity (home page)": [], "adverts (15 pages)": [],
                                       "hidden links (15 pages)": [], "evidence and 8 judgements": []}
    for _ in range(repeat):
        t = time.process_time()
        site_identity(docs[0], "http://www.x.gov.cn/", texts[0], home)
        timings["identity (home page)"].append(time.process_time() - t)
        scan = PageScan(lexicon, content=False)
        t = time.process_time()
        for d, text in zip(docs, texts):  # as PageScan.page asks: captions only where the text says 广告
            scan._adverts("http://www.x.gov.cn/", None, page_embeds(d, "http://www.x.gov.cn/", "广告" in text))
        timings["adverts (15 pages)"].append(time.process_time() - t)
        t = time.process_time()
        for d in docs:  # inline styles, <style> rules applied by selector, and what they hide
            for link in hidden_links(d, "http://www.x.gov.cn/"):
                hidden_link_rule(link, "http://www.x.gov.cn/", hidden)
        timings["hidden links (15 pages)"].append(time.process_time() - t)
        t = time.process_time()
        indicator_checks(portal, [], indicator_evidence(portal, crawl), ruleset, AS_OF)
        timings["evidence and 8 judgements"].append(time.process_time() - t)
    total = 0.0
    for name, xs in timings.items():
        ms = statistics.median(xs) * 1000
        total += ms
        print(f"  {name:<28} {ms:6.2f} ms CPU (median of {repeat})")
    print(f"  {'together, per portal':<28} {total:6.2f} ms CPU")


def _tree_cpu(root: int) -> float:
    """CPU seconds of ``root``'s child processes (Chromium's), from /proc: each process's own
    and that of its children it reaped (a renderer exits with its page's context)."""
    children: dict[int, list[int]] = {}
    stats: dict[int, float] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            st = Path(f"/proc/{d}/stat").read_text()
        except OSError:
            continue
        rest = st[st.rindex(")") + 2:].split()
        children.setdefault(int(rest[1]), []).append(int(d))
        stats[int(d)] = sum(int(x) for x in rest[11:15]) / TICK  # its own and its reaped children's (renderers)
    total, todo = 0.0, list(children.get(root, []))
    while todo:
        pid = todo.pop()
        total += stats.get(pid, 0.0)
        todo += children.get(pid, [])
    return total


def axe_cost(renders: int) -> None:
    from app.demo.site import build_site, serve
    from extractors.accessibility import _axe
    from extractors.browser import Renderer
    from extractors.fetch import Fetcher, FetchPolicy
    from portal_audit.catalog import load_catalog

    site = build_site(load_catalog(Path(__file__).resolve().parents[1] / "catalogs/demo.yaml").portals[0],
                      load_ruleset(), AS_OF)
    site.flaky_home = None
    server, base = serve(site)

    async def main() -> None:
        async with Fetcher(FetchPolicy(allow_private_networks=True, per_host_delay=0)) as f, Renderer(f) as r:
            await r.render(base)  # Chromium's start, not counted
            for label, inspect in (("render", None), ("render + axe", _axe)):
                walls, cpus = [], []
                for _ in range(renders):
                    t, c, b = time.perf_counter(), time.process_time(), _tree_cpu(os.getpid())
                    await r.render(base, inspect=inspect)
                    walls.append(time.perf_counter() - t)
                    cpus.append(time.process_time() - c + _tree_cpu(os.getpid()) - b)
                print(f"  {label:<14} {statistics.median(walls) * 1000:6.0f} ms wall "
                      f"{statistics.median(cpus) * 1000:6.0f} ms CPU (this process and Chromium; median of {renders})")
    try:
        asyncio.run(main())
    finally:
        server.shutdown()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=200)
    ap.add_argument("--renders", type=int, default=5)
    args = ap.parse_args()
    print("Indicators on pages already fetched:")
    cpu_per_portal(args.repeat)
    print("axe-core on the demo portal's home page (loopback):")
    axe_cost(args.renders)


if __name__ == "__main__":
    main()
