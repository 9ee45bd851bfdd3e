"""Three script-drawn portals audited together through `portal-audit audit` (issue 26): one
of 14 columns filled by XHR from a JSON API, one app shell whose lists come from an API the
extractor does not know, one whose column pages send the browser on to the list page before
drawing it late. Each portal on its own loopback address, at a polite pace, in one run:
every verdict right, none `error`, and the lists the static pages hold never rendered."""

from __future__ import annotations

import json
import os
from datetime import date, timedelta

import pytest
import yaml

from app.demo.site import canonical, serve
from extractors.browser import find_chromium

from .conftest import Pages

AS_OF = date(2025, 6, 30)

if find_chromium() is None:
    if os.environ.get("CI"):
        pytest.fail("chromium missing: scripts/ensure-chromium.sh should have installed it", pytrace=False)
    pytest.skip("headless Chromium not installed (scripts/ensure-chromium.sh)", allow_module_level=True)


class Site(Pages):
    def response(self, path: str):
        self.hits.append(path)
        return self.routes.get(canonical(path), (b"not found", "text/plain", 404, {}))


def _rows(n: int, newest: date | None, prefix: str) -> list[dict]:
    if newest is None:
        return []
    return [{"title": f"关于做好第{i + 1}批重点工作的通知", "url": f"{prefix}/art/{i}.html",
             "pubDate": f"{newest - timedelta(days=9 * i):%Y-%m-%d} 10:00:00"} for i in range(n)]


DRAW = ("""<script>
function draw(rows) {
  var out = '';
  for (var i = 0; i < rows.length; i++)
    out += '<li><a href="' + rows[i].url + '">' + rows[i].title + '</a><span>' """
        """+ rows[i].pubDate.substring(0, 10) + '</span></li>';
  document.getElementById('list').innerHTML = out || '<li class="none">暂无信息</li>';
}
%s
</script>""")


def _shell(name: str, script: str) -> str:
    return (f'<html><head><meta charset="utf-8"><title>{name}</title></head><body>'
            f'<div class="crumb">当前位置：首页 &gt; {name}</div>'
            f'<div class="main"><h2>{name}</h2><ul id="list"></ul></div>'
            + DRAW % script + "</body></html>")


XHR = ("var x = new XMLHttpRequest(); x.open('GET', '%s');"
       "x.onload = function () { draw(JSON.parse(x.responseText).data.list); }; x.send();")
FETCH = "fetch('%s').then(function (r) { return r.json(); }).then(function (d) { draw(d.result.records); });"
LATE = "setTimeout(function () { " + XHR + " }, 300);"


def _portal_a(site: Site, expected: dict) -> list[dict]:
    """14 columns drawn by XHR from /api/front/list (the list API is learnt from the render)."""
    cols = []
    for k in range(14):
        newest = None if k == 13 else AS_OF - timedelta(days=4 + k if k % 2 else 120 + k)
        api = f"/api/front/list?colId={k}&pageNo=1"
        site.add(api, json.dumps({"data": {"total": 6, "list": _rows(6, newest, f"/a{k}")}}, ensure_ascii=False),
                 ctype="application/json")
        site.add(f"/a/col{k}/index.html", _shell(f"栏目{k}", XHR % api))
        cols.append({"id": f"a{k}", "path": [f"栏目{k}"], "url": f"/a/col{k}/index.html", "frequency": "每月更新"})
        expected[f"a{k}"] = (newest, "empty" if newest is None else "fresh" if k % 2 else "stale")
    return cols


def _portal_b(site: Site, expected: dict) -> list[dict]:
    """An app shell of a platform the extractor does not know: fetch() of /gkml/api/list/{cat}."""
    cols = []
    for k, newest in enumerate([AS_OF - timedelta(days=2), AS_OF - timedelta(days=300), AS_OF - timedelta(days=20)]):
        api = f"/gkml/api/list/{700 + k}?page=1"
        site.add(api, json.dumps({"result": {"total": 5, "records": _rows(5, newest, f"/b{k}")}}, ensure_ascii=False),
                 ctype="application/json")
        site.add(f"/gkml/index{k}.html", _shell(f"信息公开{k}", FETCH % api))
        cols.append({"id": f"b{k}", "path": [f"信息公开{k}"], "url": f"/gkml/index{k}.html", "frequency": "每月更新"})
        expected[f"b{k}"] = (newest, "fresh" if (AS_OF - newest).days <= 31 else "stale")
    return cols


def _portal_c(site: Site, expected: dict) -> list[dict]:
    """Column pages that move the browser on (location.replace) to a list drawn 300 ms late."""
    cols = []
    for k, newest in enumerate([AS_OF - timedelta(days=6), AS_OF - timedelta(days=90), AS_OF - timedelta(days=1)]):
        api = f"/api/c/list?col={k}&page=1"
        site.add(api, json.dumps({"data": {"total": 4, "list": _rows(4, newest, f"/c{k}")}}, ensure_ascii=False),
                 ctype="application/json")
        site.add(f"/c/{k}/index.html",
                 f'<html><body>正在跳转……<script>location.replace("/c/{k}/list.html")</script></body></html>')
        site.add(f"/c/{k}/list.html", _shell(f"动态{k}", LATE % api))
        cols.append({"id": f"c{k}", "path": [f"动态{k}"], "url": f"/c/{k}/index.html", "frequency": "每月更新"})
        expected[f"c{k}"] = (newest, "fresh" if (AS_OF - newest).days <= 31 else "stale")
    # and one column whose list is plain static HTML: never rendered
    rows = "".join(f'<li><a href="/c/s/{i}.html">静态列表信息标题{i}</a>'
                   f'<span>{AS_OF - timedelta(days=8 + i)}</span></li>' for i in range(5))
    site.add("/c/s/index.html",
             f'<html><head><title>静态栏目</title></head><body><ul class="list">{rows}</ul></body></html>')
    cols.append({"id": "cs", "path": ["静态栏目"], "url": "/c/s/index.html", "frequency": "每月更新"})
    expected["cs"] = (AS_OF - timedelta(days=8), "fresh")
    return cols


def test_three_script_drawn_portals_audited_together(tmp_path, prefect_harness):
    import contextlib
    import io

    from app.cli import main
    from warehouse.db import make_engine
    from warehouse.read import column_audits

    sites, servers, portals, expected = [], [], [], {}
    for n, build in enumerate((_portal_a, _portal_b, _portal_c), start=1):
        site = Site()
        cols = build(site, expected)
        server, base = serve(site, host=f"127.0.0.{n}")
        sites.append(site)
        servers.append(server)
        portals.append({"id": f"p{n}", "name": f"门户{n}", "base_url": base, "columns": cols})
    catalog = tmp_path / "scripted.yaml"
    catalog.write_text(yaml.safe_dump({
        "allow_private_networks": True, "checks": {"links": "none", "content": False},
        "politeness": {"delay": 0.1, "concurrency_per_host": 2, "retries": 1}, "portals": portals},
        allow_unicode=True), encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    printed = io.StringIO()  # not capsys: Prefect's log handler must not keep a capture that closes
    try:
        with contextlib.redirect_stdout(printed):
            code = main(["audit", str(catalog), "--as-of", AS_OF.isoformat(), "--warehouse", url, "--data-docs", "",
                         "--reports", ""])
    finally:
        for server in servers:
            server.shutdown()
    out = printed.getvalue()
    assert code == 0, out
    audits = column_audits(make_engine(url), AS_OF.isoformat()).set_index("column_id")
    got = {cid: (row.last_published_on, row.status) for cid, row in audits.iterrows()}
    assert got == expected, {k: (got.get(k), v) for k, v in expected.items() if got.get(k) != v}
    assert audits.loc["cs", "extraction"] == "static"
    assert (audits.drop(index="cs").extraction.isin(["browser", "api"])).all()
    assert "浏览器渲染" in out  # the run says how many lists it rendered
