"""axe-core on a portal's home page and one of its list pages, in the Chromium the crawl
already drives (``browser.Renderer``), through ``axe-playwright-python``: the proxy for
GB/T 37668-2019 that the 无障碍环境建设法 (2023) 第三十二条 asks government sites to meet
step by step. WCAG 2.0/2.1 A and AA rules only: what the standard maps to.

A render costs about a hundred static fetches, so a portal is tested on a rotation
(``checks.axe_every_days``), not every night."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from portal_audit.i18n import Msg, msg
from portal_audit.records import AxeResult, HiddenLink

from .browser import BrowserUnavailable, Renderer, RenderFailed
from .fetch import FetchError
from .hidden import rendered_hidden_links

AXE_OPTIONS = {"resultTypes": ["violations"],
               "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
AXE_SECONDS = 30.0  # axe's own run on a settled page


async def _axe(page: Any) -> list[tuple[str, str, int, str]] | Msg:
    """The page's violations, or why axe could not say (it timed out, the page broke it)."""
    from axe_playwright_python.async_playwright import Axe

    try:
        results = await asyncio.wait_for(Axe().run(page, options=AXE_OPTIONS), AXE_SECONDS)
    except TimeoutError:
        return msg("axe.timeout", s=round(AXE_SECONDS))
    except Exception as exc:  # a page whose scripts break axe's (a redefined Promise, a navigation)
        return msg("axe.failed", why=type(exc).__name__)
    return [(v["id"], v.get("impact") or "minor", len(v.get("nodes") or ()), v.get("help") or "")
            for v in results.response.get("violations", [])]


async def _inspect(page: Any) -> tuple[list[tuple[str, str, int, str]] | Msg, tuple[HiddenLink, ...]]:
    """axe-core's violations, and the links the page's computed styles conceal (暗链) — read
    in the same render, before axe's script is injected."""
    try:
        hidden = tuple(await asyncio.wait_for(rendered_hidden_links(page), AXE_SECONDS))
    except Exception:  # a page whose scripts break the reading: the static pass still judged its HTML
        hidden = ()
    return await _axe(page), hidden


async def axe_page(renderer: Renderer, url: str) -> AxeResult:
    """One page rendered (its stylesheets loaded: contrast, and what they hide) and tested;
    a page that cannot be is kept with its reason."""
    start = time.perf_counter()
    try:
        rendered = await renderer.render(url, inspect=_inspect, background=True, styles=True)  # no column waits
    except BrowserUnavailable:
        return AxeResult(url, error=msg("axe.no_browser"))
    except FetchError as exc:
        return AxeResult(url, error=exc.msg)
    except RenderFailed as exc:
        return AxeResult(url, error=exc.msg)
    elapsed = round((time.perf_counter() - start) * 1000, 1)
    violations, hidden = rendered.inspected
    if isinstance(violations, Msg):
        return AxeResult(url, error=violations, elapsed_ms=elapsed, hidden_links=hidden)
    return AxeResult(url, tuple(violations or ()), None, elapsed, hidden)


async def axe_portal(renderer: Renderer, home: str, list_page: str | None) -> tuple[AxeResult, ...]:
    """The home page and one list page, each in a browser context of its own, at once as
    far as the renderer's limits per host allow (the catalog's politeness)."""
    return tuple(await asyncio.gather(*(axe_page(renderer, u) for u in (home, list_page) if u)))
