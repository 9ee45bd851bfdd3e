import asyncio
from datetime import date, timedelta

from extractors.column import crawl_column
from extractors.fetch import Fetcher, FetchPolicy

POLICY = FetchPolicy(allow_private_networks=True, per_host_delay=0, retries=0, max_pages_per_column=5)
AS_OF = date(2025, 6, 30)


def trs_page(dates: list[date], page: int, pages: int) -> str:
    rows = "".join(f'<li><a href="./{d:%Y%m}/t{d:%Y%m%d}_{page}{i}.html">工作动态信息第{page}页第{i}条</a>'
                   f'<span>{d}</span></li>'
                   for i, d in enumerate(dates))
    return (f'<html><body><ul class="list">{rows}</ul>'
            f'<script>createPageHTML({pages}, {page}, "index", "html");</script></body></html>')


def crawl(url: str, policy: FetchPolicy = POLICY, window: int = 400):
    async def go():
        async with Fetcher(policy) as f:
            return await crawl_column(f, "p", "c", url, AS_OF, window)
    return asyncio.run(go())


def test_follows_trs_pagination_until_the_window_is_passed(site):
    pages, base = site
    start = AS_OF
    for p in range(6):  # 6 pages of 10 items, 30 days apart page to page
        dates = [start - timedelta(days=30 * p + i) for i in range(10)]
        pages.add(f"/col/a/{'index' if p == 0 else f'index_{p}'}.html", trs_page(dates, p, 6))
    result = crawl(base + "col/a/index.html", window=70)
    assert result.fetch_state == "ok"
    assert [pg.url.rsplit("/", 1)[-1] for pg in result.pages] == [
        "index.html", "index_1.html", "index_2.html", "index_3.html"]
    assert len(result.items) == 40 and result.newest == AS_OF


def test_page_cap_is_reported(site):
    pages, base = site
    for p in range(8):
        pages.add(f"/col/b/{'index' if p == 0 else f'index_{p}'}.html", trs_page([AS_OF - timedelta(days=p)], p, 8))
    result = crawl(base + "col/b/index.html")
    assert len(result.pages) == 5 and "5-page cap" in result.error.render("en")
    assert result.fetch_state == "ok" and len(result.items) == 5


def test_pagination_loop_stops(site):
    pages, base = site
    body = ('<html><body><ul><li><a href="./t1.html">某某工作动态信息</a><span>2025-06-01</span></li></ul>'
            '<a href="index.html">下一页</a></body></html>')
    pages.add("/col/c/index.html", body)
    result = crawl(base + "col/c/index.html")
    assert len(result.pages) == 1 and len(result.items) == 1


def test_dead_first_page_is_unreachable_and_later_page_failure_keeps_items(site):
    pages, base = site
    assert crawl(base + "col/none/index.html").fetch_state == "unreachable"
    pages.add("/col/d/index.html", trs_page([AS_OF], 0, 3))
    result = crawl(base + "col/d/index.html")
    assert result.fetch_state == "ok" and len(result.items) == 1 and "page 2 failed" in result.error.render("en")


def test_no_list_on_page_is_an_error_and_placeholder_is_empty(site):
    pages, base = site
    pages.add("/col/e/index.html", "<html><body><p>机构职能介绍页面</p></body></html>")
    pages.add("/col/f/index.html", "<html><body><div>暂无信息</div></body></html>")
    e, f = crawl(base + "col/e/index.html"), crawl(base + "col/f/index.html")
    assert e.fetch_state == "error" and "list not found" in e.error.render("en")
    assert f.fetch_state == "ok" and f.empty_marker and f.items == ()


def test_missing_url_is_an_error():
    assert crawl(None).fetch_state == "error"


def test_incremental_crawl_uses_conditional_requests_and_stops_at_known_items(site):
    import zlib

    from portal_audit.records import Previous

    pages, base = site
    for p in range(3):
        dates = [AS_OF - timedelta(days=10 * p + i) for i in range(10)]
        pages.add(f"/col/g/{'index' if p == 0 else f'index_{p}'}.html", trs_page(dates, p, 3))
    first = crawl(base + "col/g/index.html")
    assert len(first.pages) == 3 and all(pg.etag for pg in first.pages)
    previous = {pg.url: Previous(pg.etag, pg.last_modified, pg.content_hash, zlib.decompress(pg.content))
                for pg in first.pages}
    known = {i.url for i in first.items}

    async def again():
        async with Fetcher(POLICY) as f:
            return await crawl_column(f, "p", "c", base + "col/g/index.html", AS_OF, 400, None, previous, known)
    second = asyncio.run(again())
    assert [pg.status for pg in second.pages] == [304]  # unchanged, and page 1 already shows known items
    assert second.pages[0].nbytes == 0 and second.pages[0].content_hash == first.pages[0].content_hash
    assert second.newest == first.newest and {i.url for i in second.items} <= known


def test_one_columns_unforeseen_failure_is_that_columns_error_not_its_portals(site):
    """A JSON answer nested 50,000 deep makes the parser raise RecursionError: that column is
    `error` with a Chinese reason (no exception text), its sibling is read as usual."""
    from extractors.crawl import crawl_portal
    from portal_audit.catalog import Column, Portal
    from portal_audit.records import ColumnPath

    pages, base = site
    pages.add("/api/list?page=1", "[" * 50_000 + "]" * 50_000, ctype="application/json")
    pages.add("/col/ok/index.html", trs_page([AS_OF - timedelta(days=3)], 0, 1))
    portal = Portal(id="p", name="p", base_url=base, columns=[
        Column(id="deep", path=["通知公告"], url="/col/deep/index.html", frequency="及时更新"),
        Column(id="ok", path=["工作动态"], url="/col/ok/index.html", frequency="及时更新")])
    crawl = crawl_portal(portal, AS_OF, POLICY, paths={"deep": ColumnPath("api", f"json {base}api/list?page=1")})
    deep, ok = crawl.columns
    assert deep.fetch_state == "error" and not deep.items and deep.error.key == "crawl.failed"
    assert "其他栏目照常检查" in deep.error.render("zh") and "Error" not in deep.error.render("zh")
    assert ok.fetch_state == "ok" and ok.newest == AS_OF - timedelta(days=3)


def test_a_tie_on_page_one_is_broken_by_page_two(site):
    """Page one: the column's 5 items and a 5-item box dated today, nothing to tell them apart.
    Page two: the box again (the same links) and the column's next items — where the list moves on."""
    pages, base = site
    box = "".join(f'<li><a href="/ywdt/{i}.html">全市重点工作推进情况{i}</a><span>{AS_OF}</span></li>'
                  for i in range(5))

    def page(p: int) -> str:
        rows = "".join(f'<li><a href="/zc/{p}{i}.html">关于印发实施办法的通知{p}{i}</a>'
                       f'<span>{AS_OF - timedelta(days=100 + 30 * p + i)}</span></li>'
                       for i in range(5))
        return (f'<html><body><div class="a"><ul>{rows}</ul></div><div class="b"><ul>{box}</ul></div>'
                f'<script>createPageHTML(3, {p}, "index", "html");</script></body></html>')
    for p in range(3):
        pages.add(f"/list/{'index' if p == 0 else f'index_{p}'}.html", page(p))
    result = crawl(base + "list/index.html", window=5000)
    assert result.fetch_state == "ok" and result.error is None
    assert result.newest == AS_OF - timedelta(days=100) and len(result.items) == 15
    assert [pg.url.rsplit("/", 1)[-1] for pg in result.pages] == ["index.html", "index_1.html", "index_2.html"]


def test_a_tie_without_a_second_page_is_an_error_naming_both_lists_and_never_rendered(site):
    from extractors.browser import Renderer

    pages, base = site
    box = "".join(f'<li><a href="/ywdt/{i}.html">全市重点工作推进情况{i}</a><span>{AS_OF}</span></li>'
                  for i in range(5))
    rows = "".join(f'<li><a href="/zc/{i}.html">关于印发实施办法的通知{i}</a>'
                   f'<span>{AS_OF - timedelta(days=200 + i)}</span></li>'
                   for i in range(5))
    pages.add("/one/index.html",
              f'<html><body><div class="a"><ul>{rows}</ul></div><div class="b"><ul>{box}</ul></div></body></html>')

    async def go():
        async with Fetcher(POLICY) as f, Renderer(f) as renderer:
            got = await crawl_column(f, "p", "c", base + "one/index.html", AS_OF, renderer=renderer)
            return got, renderer.rendered
    result, rendered = asyncio.run(go())
    assert result.fetch_state == "error" and not result.items and rendered == 0
    assert result.error.key == "list.tie" and "5条" in result.error.render("zh")
