"""Catalog: the portals and columns to audit, loaded from YAML and validated with pydantic.

A malformed catalog raises :class:`CatalogError` naming the file, the line and the field,
because catalogs are typed by people and "validation error" alone helps nobody.
"""

from __future__ import annotations

import os
import pickle  # nosec: only our own child process's answer is unpickled
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urljoin, urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .frequency import FREQUENCY_CODES, UnknownFrequency, normalize_frequency
from .i18n import Msg, as_msg, msg, os_reason

ID_PATTERN = r"^[A-Za-z0-9_.-]+$"  # a portal id: it names files and URLs
Category = Literal["news", "notice", "policy", "personnel", "planning", "static", "consultation"]


class CatalogError(ValueError):
    """A catalog that cannot be used: a catalogue message, then one per problem naming file,
    line and field. Written in the reader's language when shown, not when raised."""

    def __init__(self, message: Msg | str, problems: Sequence[Msg] = ()) -> None:
        shown = as_msg(message)
        assert shown is not None, "a catalog error says what is wrong"  # None only for "": never raised
        self.msg = shown
        self.problems = list(problems)
        super().__init__(self.msg, self.problems)

    def __str__(self) -> str:
        return "\n  ".join([self.msg.render(), *(p.render() for p in self.problems)])


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
        except UnknownFrequency:
            raise ValueError(msg("catalog_error.frequency", value=v, codes=list(FREQUENCY_CODES))) from None
        return v

    @field_validator("url")
    @classmethod
    def _http_or_relative(cls, v: str | None) -> str | None:
        if v and (":" in v.split("/", 1)[0] or v.startswith("//")):
            parts = urlsplit(v)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError(msg("catalog_error.url", value=v))
        return v

    @field_validator("profile")
    @classmethod
    def _known_profile(cls, v: str | None) -> str | None:
        from .profiles import bundled, get_profile

        try:
            get_profile(v)
        except ValueError:  # its English names the bundled profiles: so does the catalogue's message
            if v and v.startswith("css:"):
                raise ValueError(msg("catalog_error.bad_selector", value=v)) from None
            raise ValueError(msg("catalog_error.profile", value=v, known=list(bundled()))) from None
        return v

    @property
    def frequency_code(self) -> str:
        return normalize_frequency(self.frequency)

    @property
    def name(self) -> str:
        return " › ".join(self.path)


class Portal(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1, pattern=ID_PATTERN)
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
            raise ValueError(msg("catalog_error.bad_port", value=v)) from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(msg("catalog_error.base_url", value=v))
        return v

    @model_validator(mode="after")
    def _unique_columns(self) -> Portal:
        seen: set[str] = set()
        for i, col in enumerate(self.columns):
            if col.id in seen:
                raise ValueError(msg("catalog_error.duplicate_column", id=col.id, index=i))
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
    # sites known to stay up: when every portal reads nothing, one answering says the network works
    reference_urls: list[str] = Field(default_factory=list)
    politeness: Politeness = Politeness()
    checks: Checks = Checks()
    portals: list[Portal] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_portals(self) -> Catalog:
        from collections import Counter

        dupes = sorted(i for i, n in Counter(p.id for p in self.portals).items() if n > 1)  # not list.count: O(n²)
        if dupes:
            raise ValueError(msg("catalog_error.duplicate_portals", ids=dupes))
        return self

    def select(self, portal_ids: list[str] | None) -> list[Portal]:
        """The portals named (all when none), refusing unknown ids."""
        if not portal_ids:
            return list(self.portals)
        known = {p.id: p for p in self.portals}
        unknown = [p for p in portal_ids if p not in known]
        if unknown:
            raise CatalogError(msg("catalog_error.unknown_portal", ids=unknown, known=list(known)))
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


def _field_name(loc: tuple[Any, ...]) -> str | Msg:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or msg("catalog_error.top_level")


# pydantic's own error types in the catalogue's words (its context fills the arguments)
_PYDANTIC = {
    "missing": "missing", "extra_forbidden": "extra", "string_too_short": "empty", "too_short": "too_few",
    "string_type": "not_text", "list_type": "not_list", "dict_type": "not_mapping_field",
    "model_type": "not_mapping_field", "model_attributes_type": "not_mapping_field", "literal_error": "one_of",
    "string_pattern_mismatch": "pattern", "bool_type": "not_bool", "bool_parsing": "not_bool",
    "int_type": "not_int", "int_parsing": "not_int", "int_from_float": "not_int", "float_type": "not_number",
    "float_parsing": "not_number", "greater_than_equal": "ge", "greater_than": "gt", "less_than_equal": "le",
    "less_than": "lt",
}


def _shown(value: Any) -> str:
    """A typed value as the reader typed it, cut short: a whole mapping is no help in one line."""
    text = value if isinstance(value, str) else yaml.safe_dump(value, allow_unicode=True, default_flow_style=True,
                                                               width=1_000_000).strip().removesuffix("...").strip()
    return text if len(text) <= 60 else text[:57] + "…"


def _problem(err: Any) -> Msg:
    """One pydantic error as a catalogue message: our validators raise messages already,
    pydantic's own types are mapped; anything else keeps pydantic's text, framed."""
    ctx = err.get("ctx") or {}
    error = ctx.get("error")
    if isinstance(error, Exception) and error.args and isinstance(error.args[0], Msg):
        return error.args[0]
    key = _PYDANTIC.get(err["type"])
    if key is None:
        return msg("catalog_error.other", text=err["msg"].removeprefix("Value error, "))
    if key == "pattern" and ctx.get("pattern") == ID_PATTERN:
        key = "id_chars"
    limit = next((ctx[k] for k in ("ge", "gt", "le", "lt") if k in ctx), None)
    if isinstance(limit, float) and limit.is_integer():
        limit = int(limit)  # 0, not 0.0
    return msg(f"catalog_error.{key}", value=_shown(err.get("input")), limit=limit, pattern=ctx.get("pattern"),
               min_length=ctx.get("min_length"), expected=re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))


# PyYAML's problems, as libyaml and PyYAML word them, in the catalogue's words
_YAML_PROBLEMS = [("cannot start any token", "yaml_token"), ("mapping values are not allowed", "yaml_colon"),
                  ("expected ':'", "yaml_no_colon"), ("expected key", "yaml_indent"),
                  ("expected <block end>", "yaml_indent"), ("violates indentation", "yaml_indent"),
                  ("expected ',' or", "yaml_unclosed"), ("end of stream", "yaml_unclosed"),
                  ("quoted scalar", "yaml_unclosed"), ("undefined alias", "yaml_alias"),
                  ("characters are not allowed", "yaml_control")]


def _yaml_error(exc: yaml.YAMLError, text: str, source: str) -> CatalogError:
    """Text that is not YAML, with the line where the parser stopped."""
    mark = getattr(exc, "problem_mark", None)
    position = getattr(exc, "position", None)  # a reader error (a control character) has only an offset
    line = mark.line + 1 if mark else text.count("\n", 0, position) + 1 if isinstance(position, int) else None
    problem = str(getattr(exc, "problem", None) or getattr(exc, "reason", None) or exc)
    key = next((k for words, k in _YAML_PROBLEMS if words in problem), "yaml_other")
    return CatalogError(msg("catalog_error.yaml", where=f"{source}:{line}" if line else source,
                            problem=msg(f"catalog_error.{key}", text=problem)))


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: a national catalog loads in a second, not 15


def parse_catalog(text: str, source: str = "<catalog>") -> Catalog:
    """Parse and validate catalog YAML text."""
    try:
        data = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, text, source) from None
    if not isinstance(data, dict):
        raise CatalogError(msg("catalog_error.not_mapping", source=source))
    try:
        return Catalog.model_validate(data)
    except ValidationError as exc:
        root = yaml.compose(text, Loader=_LOADER)  # the nodes carry the lines; composed only to name them
        problems = [msg("catalog_error.at", source=source, line=_line_of(root, tuple(err["loc"])),
                        field=_field_name(tuple(err["loc"])), problem=_problem(err)) for err in exc.errors()]
        raise CatalogError(msg("catalog_error.invalid"), problems) from None


def load_catalog(path: str | Path) -> Catalog:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CatalogError(msg("catalog_error.no_file", path=str(path))) from None
    except IsADirectoryError:
        raise CatalogError(msg("catalog_error.is_dir", path=str(path))) from None
    except UnicodeDecodeError as exc:
        raise CatalogError(msg("catalog_error.not_utf8", path=str(path), byte=exc.start)) from None
    except OSError as exc:  # unreadable: permissions, a broken disk …
        raise CatalogError(msg("catalog_error.unreadable", path=str(path), reason=os_reason(exc))) from None
    if len(text) >= PARSE_APART_CHARS and os.environ.get("PORTAL_AUDIT_PARSE_APART") != "0":
        parsed = _parsed_apart(path)
        if parsed is not None:
            return parsed
    return parse_catalog(text, str(path))  # a bad catalog's error is worded here, line and field


PARSE_APART_CHARS = 500_000  # ~800 portals: a catalog this size is parsed in a process of its own


def _parsed_apart(path: Path) -> Catalog | None:
    """The catalog parsed in a child process and handed over pickled. PyYAML's node tree
    and the parse's garbage leave this process's small-object heap full of holes that the
    catalog's strings, scattered among them, keep for the whole run: ~28 KB a portal (390 MB
    at 14,000 portals) against ~6 KB the catalog itself takes. Unpickled, it is laid out
    whole. None if the child fails: the caller parses here, and words the error."""
    code = ("import pickle, sys; from portal_audit.catalog import load_catalog; "
            "sys.stdout.buffer.write(pickle.dumps(load_catalog(sys.argv[1]), protocol=pickle.HIGHEST_PROTOCOL))")
    env = {**os.environ, "PORTAL_AUDIT_PARSE_APART": "0"}
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, env=env, check=False)
    if done.returncode != 0:
        return None
    catalog = pickle.loads(done.stdout)  # our own child's answer
    return catalog if isinstance(catalog, Catalog) else None


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
