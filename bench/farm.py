"""A portal farm for crawl benchmarks: N portals × M columns × P list pages of ~30 KB,
mixed shapes (TRS lists, tables with 下一页, some GBK), written as static files and served
by nginx on loopback, one address per portal (127.0.0.2, 127.0.0.3 …) so per-host
politeness applies per portal, as on the real web."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

AS_OF = date(2025, 6, 30)
# the furniture of a typical column page around its list: ~30 KB in all, ~250 links
HEAD = ("".join(f'<link rel="stylesheet" href="/images/css/style{i}.css">' for i in range(6))
        + '<meta name="SiteName" content="某某市人民政府"><meta name="SiteDomain" content="www.example.gov.cn">'
        + "<style>"
        + "".join(f".box{i} .list li{{float:left;width:100%;line-height:32px;border-bottom:1px dashed #ddd}}"
                  for i in range(30))
        + "</style>")
SCRIPT = ("<script>var _hmt = _hmt || [];" + "".join(
    f"function wza{i}(e){{var d=document.getElementById('wza{i}');if(d){{d.style.display='block';}}return false;}}"
    for i in range(40)) + "</script>")
NAV = "".join(f'<li><a href="/channel/{i}.html">栏目导航第{i}项</a></li>' for i in range(150))
LEFT = "".join(f'<li><a href="/col/sub{i}/index.html">子栏目{i}</a></li>' for i in range(20))
FOOT = "".join(f'<a href="http://www.example{i}.gov.cn/">友情链接单位{i}</a> ' for i in range(40))
SELECT = ("<select>"
          + "".join(f'<option value="http://www.dept{i}.gov.cn/">市直部门网站{i}</option>' for i in range(40))
          + "</select>")


def list_body(newest: date, page: int, pages: int, table: bool, tag: str, key: str) -> str:
    """Page ``page`` of a column's 20-item list, newest first from ``newest``, 40 days a
    page: a table with 下一页 or a TRS list with its createPageHTML pager."""
    rows = []
    for i in range(20):
        d = newest - timedelta(days=page * 40 + i * 2)
        title = f"关于做好2025年第{i + 1}批民政救助资金发放工作的通知（{tag}-{i}）"
        href = f"./{d:%Y%m}/t{d:%Y%m%d}_{key}{i}.html"
        rows.append(f'<tr><td><a href="{href}">{title}</a></td><td>{d}</td></tr>' if table else
                    f'<li><a href="{href}" title="{title}">{title}</a><span>{d}</span></li>')
    body = f"<table class='list'>{''.join(rows)}</table>" if table else f"<ul class='list'>{''.join(rows)}</ul>"
    if table:
        body += f'<a href="index_{page + 1}.html">下一页</a>' if page + 1 < pages else ""
    else:
        body += f'<script>createPageHTML({pages}, {page}, "index", "html");</script>'
    return body


def column_page(col: int, body: str, side: list[int], gbk: bool) -> bytes:
    """A column page of ~30 KB around ``body``: menus, sub-columns, friend links and a
    dated "最新发布" sidebar linking to the columns numbered ``side``."""
    items = "".join(f'<li><a href="/col/c{c}/t{k}.html">全市重点工作推进情况通报第{k}期</a>'
                    f'<span>{AS_OF:%m-%d}</span></li>'
                    for k, c in enumerate(side))
    charset = "gb2312" if gbk else "utf-8"
    html = (f'<html><head><meta charset="{charset}"><title>栏目{col}</title>{HEAD}{SCRIPT}</head><body>'
            f'<div class="header"><form action="/search"><input name="q"><button>搜索</button></form></div>'
            f'<div class="nav"><ul>{NAV}</ul></div>'
            f'<div class="crumb"><a href="/">首页</a> &gt; <a href="../">工作动态</a></div>'
            f'<div class="left"><ul>{LEFT}</ul></div><div class="main">{body}</div>'
            f'<div class="right"><h3>最新发布</h3><ul>{items}</ul></div>'
            f'<div class="footer">{FOOT}{SELECT}<p>{"版权所有 主办单位 网站标识码 " * 20}</p></div></body></html>')
    return html.encode("gb18030" if gbk else "utf-8")


def _page(col: int, page: int, pages: int, gbk: bool, table: bool, rng: random.Random) -> bytes:
    body = list_body(AS_OF - timedelta(days=col % 5), page, pages, table, f"{col}-{page}", f"{col}{page}")
    return column_page(col, body, [rng.randint(0, 99) for _ in range(10)], gbk)


def build(root: Path, portals: int, columns: int, pages: int, port: int, seed: int = 1) -> Path:
    """Write the farm under ``root`` and its catalog; returns the catalog path."""
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    # like for like with the Scrapy spider, which checks no links (bench-national measures link checks)
    # and renders no page for axe-core (bench/indicators_bench.py measures that)
    catalog: dict[str, Any] = {"allow_private_networks": True, "checks": {"links": "none", "axe_every_days": 0},
               "politeness": {"delay": 0.0, "concurrency_per_host": 4, "retries": 0,
                              "max_pages_per_column": pages, "obey_robots": True},
               "portals": []}
    for p in range(portals):
        base = root / f"p{p}"
        (base).mkdir(parents=True)
        (base / "robots.txt").write_text("User-agent: *\nDisallow: /admin/\n")
        (base / "index.html").write_text("<html><body>home</body></html>")
        cols = []
        for c in range(columns):
            gbk, table = (p + c) % 7 == 0, (p + c) % 3 == 0
            d = base / "col" / f"c{c}"
            d.mkdir(parents=True)
            for k in range(pages):
                page = _page(c, k, pages, gbk, table, rng)
                (d / ("index.html" if k == 0 else f"index_{k}.html")).write_bytes(page)
            cols.append({"id": f"c{c}", "path": ["工作动态", f"栏目{c}"], "url": f"/col/c{c}/index.html",
                         "frequency": "每月更新"})
        catalog["portals"].append({"id": f"p{p}", "name": f"门户{p}", "base_url": f"http://127.0.0.{p + 2}:{port}/",
                                   "columns": cols})
    path = root / "farm.yaml"
    path.write_text(yaml.safe_dump(catalog, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


class Nginx:
    """nginx (Debian's nginx-light) serving the farm, one loopback address per portal."""

    def __init__(self, root: Path, portals: int, port: int):
        self.root, self.portals, self.port = root, portals, port
        self.conf = root / "nginx.conf"

    def __enter__(self) -> Nginx:
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if not os.path.exists(nginx):
            subprocess.run(["apt-get", "install", "-y", "-qq", "nginx-light"], check=True, capture_output=True)
        servers = "".join(f"server {{ listen 127.0.0.{p + 2}:{self.port}; root {self.root}/p{p}; etag on; }}\n"
                          for p in range(self.portals))
        self.conf.write_text(f"""user root; worker_processes 1; daemon on; pid {self.root}/nginx.pid;
error_log {self.root}/error.log warn;
events {{ worker_connections 4096; }}
http {{ access_log off; sendfile on; keepalive_requests 100000; default_type text/html;
{servers}}}
""")
        subprocess.run([nginx, "-c", str(self.conf), "-p", str(self.root)], check=True)
        time.sleep(0.3)
        return self

    def __exit__(self, *exc) -> None:
        pid = (self.root / "nginx.pid").read_text().strip()
        subprocess.run(["kill", pid], check=False)
        time.sleep(0.3)
