"""Per-CMS list profiles a catalog may name (data in profiles.yaml) and ``css:`` selectors: the
catalog checks the names, the extractors apply them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Profile:
    name: str
    list: str | None = None  # CSS selector of the column's own list
    next: str | None = None  # CSS selector of the next-page link
    render: bool = False  # draw the page in headless Chromium first (lists drawn by script)


@lru_cache(maxsize=1)
def bundled() -> dict[str, Profile]:
    data = yaml.safe_load((Path(__file__).parent / "profiles.yaml").read_text(encoding="utf-8"))
    return {name: Profile(name=name, **(spec or {})) for name, spec in data.items()}


def get_profile(spec: str | None) -> Profile | None:
    """``None`` → automatic; ``"trs"`` → a bundled profile; ``"css:SELECTOR"`` → that list;
    ``"browser"`` → render the page in headless Chromium, then find the list automatically."""
    if not spec:
        return None
    if spec == "browser":
        return Profile(name="browser", render=True)
    if spec.startswith("css:"):
        selector = spec[4:].strip()
        from cssselect import GenericTranslator, SelectorError

        try:
            GenericTranslator().css_to_xpath(selector)
        except SelectorError as exc:
            raise ValueError(f"bad CSS selector in profile {spec!r}: {exc}") from None
        return Profile(name=spec, list=selector)
    try:
        return bundled()[spec]
    except KeyError:
        raise ValueError(f"unknown profile {spec!r}; bundled: {', '.join(bundled())}, "
                         "'browser' or 'css:SELECTOR'") from None
