"""A local copy of the national government-website registry (全国政府网站基本信息数据库,
exported as CSV): each site's 网站标识码, name and home-page URL, to cross-check what a
portal's footer says about itself. No network: the file is the catalog's
``checks.site_registry``.

Headers are read by name, in Chinese or English (网站标识码/site_code, 网站名称/name,
首页网址/网站地址/url), in any order; UTF-8 (with or without BOM) or GB18030, as exports come.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from portal_audit.i18n import msg

_HEADERS = {"code": ("网站标识码", "标识码", "site_code", "code"), "name": ("网站名称", "名称", "name", "site_name"),
            "url": ("首页网址", "网站地址", "网址", "url", "home_page")}


@dataclass(frozen=True)
class Entry:
    code: str
    name: str
    url: str

    @property
    def host(self) -> str:
        return host_of(self.url)


@dataclass(frozen=True)
class Registry:
    path: str
    by_code: dict[str, Entry] = field(default_factory=dict)
    by_host: dict[str, Entry] = field(default_factory=dict)


def host_of(url: str) -> str:
    """A URL's host without ``www.``, lowercased (``gov.cn`` sites answer with and without it)."""
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def load_registry(path: str | Path) -> Registry:
    """The registry at ``path``; a file that cannot be read says which line and field."""
    p = Path(path)
    try:
        return _load(str(p.resolve()), p.stat().st_mtime_ns)
    except OSError as exc:
        raise ValueError(msg("registry.unreadable", path=str(path), why=exc.strerror or str(exc))) from None


@lru_cache(maxsize=4)
def _load(path: str, _mtime: int) -> Registry:
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030", errors="replace")
    rows = csv.reader(io.StringIO(text))
    header = [h.strip() for h in next(rows, [])]
    where = {}
    for key, names in _HEADERS.items():
        found = next((i for i, h in enumerate(header) if h in names), None)
        if found is None:
            raise ValueError(msg("registry.no_column", path=path, column=names[0], header=header))
        where[key] = found
    by_code: dict[str, Entry] = {}
    by_host: dict[str, Entry] = {}
    for line, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        try:
            code, name, url = (row[where[k]].strip() for k in ("code", "name", "url"))
        except IndexError:
            raise ValueError(msg("registry.short_row", path=path, line=line)) from None
        if len(code) != 10:
            raise ValueError(msg("registry.bad_code", path=path, line=line, code=code))
        entry = Entry(code, name, url)
        by_code[code] = entry
        if entry.host:
            by_host.setdefault(entry.host, entry)
    return Registry(path, by_code, by_host)
