"""Catalog: the portals and columns to audit, loaded from YAML and validated with pydantic.

A malformed catalog raises :class:`CatalogError` naming the file, the line and the field,
because catalogs are typed by people and "validation error" alone helps nobody.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal
from urllib.parse import urljoin, urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from validations.frequency import UnknownFrequency, normalize_frequency

Category = Literal["news", "notice", "policy", "personnel", "planning", "static", "consultation"]


class CatalogError(ValueError):
    """A catalog that cannot be used; the message names file, line and field."""


class Column(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    path: list[str] = Field(min_length=1)
    url: str | None = None
    frequency: str
    category: Category | None = None
    responsible: str | None = None
    profile: str | None = None
    home_page: bool = False  # shown on the portal's home page (网站不更新 looks at these)

    @field_validator("id", mode="before")
    @classmethod
    def _id_text(cls, v: Any) -> Any:
        return str(v) if isinstance(v, int) else v

    @field_validator("frequency")
    @classmethod
    def _known_frequency(cls, v: str) -> str:
        try:
            normalize_frequency(v)
        except UnknownFrequency as exc:
            raise ValueError(str(exc)) from None
        return v

    @field_validator("url")
    @classmethod
    def _http_or_relative(cls, v: str | None) -> str | None:
        if v and (":" in v.split("/", 1)[0] or v.startswith("//")):
            parts = urlsplit(v)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError(f"url must be an http(s) URL or a path relative to base_url, got {v!r}")
        return v

    @field_validator("profile")
    @classmethod
    def _known_profile(cls, v: str | None) -> str | None:
        from extractors.profiles import get_profile

        get_profile(v)  # raises ValueError naming the bundled profiles
        return v

    @property
    def frequency_code(self) -> str:
        return normalize_frequency(self.frequency)

    @property
    def name(self) -> str:
        return " › ".join(self.path)


class Portal(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1, pattern=r"^[A-Za-z0-9_.-]+$")
    name: str
    base_url: str
    columns: list[Column] = Field(min_length=1)

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, v: str) -> str:
        parts = urlsplit(v)
        try:
            parts.port  # noqa: B018 - raises on a port out of range
        except ValueError:
            raise ValueError(f"base_url has an invalid port: {v!r}") from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"base_url must be an http(s) URL with a host, got {v!r}")
        return v

    @model_validator(mode="after")
    def _unique_columns(self) -> "Portal":
        seen: set[str] = set()
        for i, col in enumerate(self.columns):
            if col.id in seen:
                raise ValueError(f"duplicate column id {col.id!r} (columns[{i}])")
            seen.add(col.id)
        return self

    def column_url(self, column: Column) -> str | None:
        """Absolute list URL of a column; relative catalog URLs resolve against base_url."""
        if not column.url:
            return None
        return urljoin(self.base_url, column.url)


class Politeness(BaseModel):
    """Optional crawl settings; defaults are polite enough for a real portal."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    delay: float = Field(0.5, ge=0, description="seconds between requests to one host")
    concurrency_per_host: int = Field(2, ge=1, le=16)
    timeout: float = Field(15.0, gt=0)
    retries: int = Field(2, ge=0, le=10)
    max_pages_per_column: int = Field(20, ge=1, le=1000)
    max_bytes: int = Field(5 * 1024 * 1024, ge=1024)
    obey_robots: bool = True
    browser: bool = Field(True, description="render script-drawn lists in headless Chromium")
    browser_pages: int = Field(4, ge=1, le=32, description="pages rendering at once")
    browser_timeout: float = Field(30.0, gt=0, description="seconds for one rendered page")
    column_budget: float = Field(600.0, gt=0, description="wall seconds for one column; over it, the column is judged "
                                 "on what was read (error if nothing)")
    portal_budget: float = Field(3600.0, gt=0, description="wall seconds for one portal's columns and links")


class Checks(BaseModel):
    """Checks beyond freshness on the pages a run fetches: links (不可用链接), wording
    errors (严重表述错误) and personal-data leaks."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    links: Literal["all", "site", "none"] = Field(
        "all", description="links checked: all, only the portal's own host (site: e.g. a catalog run offline), none")
    links_per_portal: int = Field(100, ge=0, le=10_000, description="distinct links checked per portal and run")
    recheck_days: int = Field(7, ge=0, description="a link found working is fetched again after this many days")
    content: bool = Field(True, description="scan the pages' text for wording errors and personal data")


class Catalog(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    allow_private_networks: bool = False
    politeness: Politeness = Politeness()
    checks: Checks = Checks()
    portals: list[Portal] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_portals(self) -> "Catalog":
        from collections import Counter

        dupes = sorted(i for i, n in Counter(p.id for p in self.portals).items() if n > 1)  # not list.count: O(n²)
        if dupes:
            raise ValueError(f"duplicate portal id(s): {', '.join(dupes)}")
        return self

    def select(self, portal_ids: list[str] | None) -> list[Portal]:
        """The portals named (all when none), refusing unknown ids."""
        if not portal_ids:
            return list(self.portals)
        known = {p.id: p for p in self.portals}
        unknown = [p for p in portal_ids if p not in known]
        if unknown:
            raise CatalogError(f"unknown portal id(s) {', '.join(unknown)}; catalog has {', '.join(known)}")
        return [known[p] for p in portal_ids]


def _line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """1-based line of the YAML node at a pydantic error location (deepest node found)."""
    line = node.start_mark.line + 1 if node is not None else None
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if k.value == key), None)
            if nxt is None:
                break
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
        line = node.start_mark.line + 1
    return line


def _field_name(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: a national catalog loads in a second, not 15


def parse_catalog(text: str, source: str = "<catalog>") -> Catalog:
    """Parse and validate catalog YAML text."""
    try:
        data = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{source}:{mark.line + 1}" if mark else source
        raise CatalogError(f"{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict):
        raise CatalogError(f"{source}:1: a catalog is a mapping with a 'portals:' list")
    try:
        return Catalog.model_validate(data)
    except ValidationError as exc:
        root = yaml.compose(text, Loader=_LOADER)  # the nodes carry the lines; composed only to name them
        lines = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            line = _line_of(root, loc)
            msg = err["msg"].removeprefix("Value error, ")
            lines.append(f"{source}:{line}: {_field_name(loc)}: {msg}")
        raise CatalogError("invalid catalog\n  " + "\n  ".join(lines)) from None


def load_catalog(path: str | Path) -> Catalog:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CatalogError(f"{path}: no such catalog file") from None
    except UnicodeDecodeError as exc:
        raise CatalogError(f"{path}: catalog must be UTF-8 ({exc.reason} at byte {exc.start})") from None
    return parse_catalog(text, str(path))


def dump_catalog(catalog: Catalog) -> str:
    """YAML text for a catalog, keys in contract order, unset optionals omitted."""
    data = catalog.model_dump(exclude_defaults=True)
    return yaml.dump(data, Dumper=_CatalogDumper, allow_unicode=True, sort_keys=False, width=120)


class _CatalogDumper(yaml.SafeDumper):
    """Writes a column's path as one line, ``path: [政策法规, 部门文件]``, as people type it."""


def _represent_list(dumper: yaml.SafeDumper, data: list) -> yaml.Node:
    flow = all(isinstance(x, str) for x in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_CatalogDumper.add_representer(list, _represent_list)
