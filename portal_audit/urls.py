"""How a portal's history recognises its own URLs when the portal moves.

A portal's items, home-page links and messages are kept once each across runs. Keyed by
the full URL, a portal that moves from http to https, to a new domain or a new port (the
demo takes a new one each run) would see its whole history again as new — every message
listed once per address, every home-page link "new". Keyed by ``site_key``, a URL on the
portal's own site is its path and query; a URL elsewhere is its host, path and query
without the scheme.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit


def _host(netloc: str) -> str:
    host = netloc.rsplit("@", 1)[-1].lower()
    if host.startswith("["):  # [v6]:port
        host = host.split("]", 1)[0] + "]"
    else:
        host = host.split(":", 1)[0]
    return host[4:] if host.startswith("www.") else host


def site_key(url: str, base_url: str) -> str:
    """``/path?query`` for a URL on the portal's own site (``base_url``'s host, any scheme
    or port, with or without ``www.``), ``//host/path?query`` for one elsewhere."""
    return site_keyer(base_url)(url)


# an absolute http(s) URL as urlsplit cuts it: host, path, query (the fragment dropped)
_PLAIN = re.compile(r"https?://([^/?#]*)([^?#]*)(?:\?([^#]*))?")
_ODD = re.compile(r"[\t\r\n\[\]]")  # what urlsplit removes or checks: left to it


def site_keyer(base_url: str) -> Callable[[str], str]:
    """``site_key`` for one portal's many URLs, its own host worked out once. A plain
    absolute URL (a run loads ~40,000 items' and links') is cut by one regex: urlsplit's
    own parsing was most of the keys' time."""
    own = _host(urlsplit(base_url).netloc)

    def key(url: str) -> str:
        plain = _PLAIN.match(url)
        if plain is not None and plain.group(1).isascii() and _ODD.search(url) is None:
            netloc, path, query = plain.groups()
        else:
            parts = urlsplit(url)
            netloc, path, query = parts.netloc, parts.path, parts.query
        if not netloc:
            return url
        rest = (path or "/") + (f"?{query}" if query else "")
        host = _host(netloc)
        return rest if host == own else f"//{host}{rest}"

    return key


def registered_domain(host: str) -> str:
    """The registered domain: ``xuancheng.gov.cn`` for ``mz.xuancheng.gov.cn``; two labels
    for ``example.com``, three under a second-level suffix (``gov.cn``, ``com.cn``)."""
    labels = host.lower().rstrip(".").split(".")
    if len(labels) >= 3 and labels[-2] in ("gov", "com", "edu", "org", "net", "ac") and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def origin(url: str) -> str | None:
    """``scheme://host[:port]`` of an absolute http(s) URL, lower-cased (the default port left out)."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    shown = f":{port}" if port and port != {"http": 80, "https": 443}[parts.scheme] else ""
    return f"{parts.scheme}://{parts.hostname.lower()}{shown}"
