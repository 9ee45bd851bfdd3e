"""Catalog: the portals and columns to audit, loaded from YAML and validated with pydantic.

A malformed catalog raises :class:`CatalogError` naming the file, the line and the field,
because catalogs are typed by people and "validation error" alone helps nobody.
"""

from __future__ import annotations

import hashlib
import pickle  # nosec: only what this process pickled itself is unpickled
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal, overload
from urllib.parse import urljoin, urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .frequency import FREQUENCY_CODES, UnknownFrequency, normalize_frequency
from .i18n import YAML_LOADER, Msg, as_msg, msg, os_reason

ID_PATTERN = r"^[A-Za-z0-9_.-]+$"  # a portal id: it names files and URLs
Category = Literal["news", "notice", "policy", "personnel", "planning", "static", "consultation", "annual_report",
                   "interpretation"]
PortalKind = Literal["government", "department"]  # 人民政府门户 or 部门网站: their annual reports fall due apart


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
    kind: PortalKind | None = None  # government (a people's government's portal) or department

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
    ca_file: str | None = Field(None, description="a PEM file of certificate authorities trusted besides the "
                                "system's, for fetching and for the HTTPS check (a province's own CA)")


class Checks(BaseModel):
    """Checks beyond freshness on the pages a run fetches: links (不可用链接), wording
    errors (严重表述错误) and personal-data leaks."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    links: Literal["all", "site", "none"] = Field(
        "all", description="links checked: all, only the portal's own host (site: e.g. a catalog run offline), none")
    links_per_portal: int = Field(100, ge=0, le=10_000, description="distinct links checked per portal and run")
    recheck_days: int = Field(7, ge=0, description="a link found working is fetched again after this many days")
    content: bool = Field(True, description="scan the pages' text for wording errors and personal data")
    site_registry: str | None = Field(
        None, description="a local CSV copy of the national government-website registry (网站标识码, 网站名称, "
        "首页网址): the footer's site code, the portal's name and URL are checked against it (no network)")
    axe_every_days: int = Field(
        7, ge=0, le=366, description="test each portal's home page and a list page with axe-core every this many "
        "days, on a rotation (a render costs ~100 static fetches; 0: never)")
    attachments_per_portal: int = Field(
        10, ge=0, le=1000, description="attachments linked from the pages read (xls, xlsx, doc, docx, wps, pdf, csv, "
        "txt) read for personal data per portal and run, each once by its content (0: none)")
    ocr: bool = Field(False, description="also read images (png, jpg …) and scanned PDFs among those attachments by "
                      "OCR (rapidocr-onnxruntime; ~1 s of CPU an image, 2 s a scanned page, up to 5 pages a PDF)")
    ipv6: bool = Field(True, description="try each portal's home page, 5 list pages and 5 articles over IPv6 a "
                       "run (an AAAA lookup and up to 11 requests; unknown on a machine with no IPv6 route)")
    https: bool = Field(True, description="read each portal's HTTPS certificate once a run (one TLS handshake; "
                        "an http:// portal on port 80 is tried on 443)")
    articles_per_column: int = Field(
        10, ge=0, le=200, description="newest articles read per policy or interpretation column and run "
        "(their disclosure dates and policy/解读 links; 0: none)")


class CatalogSettings(BaseModel):
    """A catalog's top-level settings: everything in it but its portals."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    allow_private_networks: bool = False
    # sites known to stay up: when every portal reads nothing, one answering says the network works
    reference_urls: list[str] = Field(default_factory=list)
    politeness: Politeness = Politeness()
    checks: Checks = Checks()


class Catalog(CatalogSettings):
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


class Portals(Sequence[Portal]):
    """Portals kept pickled, one ``bytes`` each, and unpickled as they are read. A run holds
    its whole catalog for hours but works on a few shards of it at a time: pickled, a portal
    of five columns takes ~1 KB where its models take ~6 KB (14,000 portals: ~13 MB, not ~85).
    Reading one costs ~45 µs. Each read makes a new Portal, so hold what you read only as
    long as you need it (and compare portals by id, not identity)."""

    __slots__ = ("ids", "_blobs")

    def __init__(self, portals: Iterable[Portal] = ()) -> None:
        self.ids: list[str] = []
        self._blobs: list[bytes] = []
        for p in portals:
            self._add(p)

    def _add(self, portal: Portal) -> None:
        self.ids.append(portal.id)
        self._blobs.append(pickle.dumps(portal, protocol=pickle.HIGHEST_PROTOCOL))

    def __len__(self) -> int:
        return len(self._blobs)

    @overload
    def __getitem__(self, i: int) -> Portal: ...

    @overload
    def __getitem__(self, i: slice) -> Portals: ...

    def __getitem__(self, i: int | slice) -> Portal | Portals:
        if isinstance(i, slice):
            return self.take(range(len(self))[i])
        return pickle.loads(self._blobs[i])  # nosec: blobs this class pickled itself

    def __iter__(self) -> Iterator[Portal]:
        return (pickle.loads(b) for b in self._blobs)  # nosec: as above

    def __repr__(self) -> str:
        return f"Portals({len(self)}: {', '.join(self.ids[:3])}{', …' if len(self) > 3 else ''})"

    def take(self, indices: Iterable[int]) -> Portals:
        """These portals (by position), still pickled."""
        out = Portals()
        for i in indices:
            out.ids.append(self.ids[i])
            out._blobs.append(self._blobs[i])
        return out

    def select(self, portal_ids: Sequence[str] | None) -> Portals:
        """The portals named (all when none), refusing unknown ids — unpickling none."""
        if not portal_ids:
            return self
        at = {pid: i for i, pid in enumerate(self.ids)}
        unknown = [p for p in portal_ids if p not in at]
        if unknown:
            raise CatalogError(msg("catalog_error.unknown_portal", ids=unknown, known=self.ids))
        return self.take(at[p] for p in portal_ids)

    def only(self, portal_ids: Collection[str]) -> list[Portal]:
        """The portals among these with the given ids, in catalog order: the others stay pickled."""
        return [pickle.loads(b) for pid, b in zip(self.ids, self._blobs) if pid in portal_ids]  # nosec


def portal_ids(portals: Sequence[Portal]) -> list[str]:
    """The ids of ``portals``, unpickling none when they are ``Portals``."""
    return list(portals.ids) if isinstance(portals, Portals) else [p.id for p in portals]


def take(portals: Sequence[Portal], indices: Sequence[int]) -> Sequence[Portal]:
    """``portals`` at these positions, still pickled when they are ``Portals``."""
    return portals.take(indices) if isinstance(portals, Portals) else [portals[i] for i in indices]


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


def parse_catalog(text: str, source: str = "<catalog>") -> Catalog:
    """Parse and validate catalog YAML text."""
    try:
        data = yaml.load(text, Loader=YAML_LOADER)
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, text, source) from None
    if not isinstance(data, dict):
        raise CatalogError(msg("catalog_error.not_mapping", source=source))
    try:
        return Catalog.model_validate(data)
    except ValidationError as exc:
        root = yaml.compose(text, Loader=YAML_LOADER)  # the nodes carry the lines; composed only to name them
        problems = [msg("catalog_error.at", source=source, line=_line_of(root, tuple(err["loc"])),
                        field=_field_name(tuple(err["loc"])), problem=_problem(err)) for err in exc.errors()]
        raise CatalogError(msg("catalog_error.invalid"), problems) from None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CatalogError(msg("catalog_error.no_file", path=str(path))) from None
    except IsADirectoryError:
        raise CatalogError(msg("catalog_error.is_dir", path=str(path))) from None
    except UnicodeDecodeError as exc:
        raise CatalogError(msg("catalog_error.not_utf8", path=str(path), byte=exc.start)) from None
    except OSError as exc:  # unreadable: permissions, a broken disk …
        raise CatalogError(msg("catalog_error.unreadable", path=str(path), reason=os_reason(exc))) from None


def load_catalog(path: str | Path) -> Catalog:
    """The catalog at ``path``, its portals as models (see ``load_portals`` for a run's)."""
    settings, portals = load_portals(path)
    return Catalog.model_validate({**dict(settings), "portals": list(portals)})


_LAST: tuple[tuple[str, str], tuple[CatalogSettings, Portals]] | None = None


def load_portals(path: str | Path) -> tuple[CatalogSettings, Portals]:
    """The catalog at ``path`` as a run holds it: its settings, and its portals pickled
    (``Portals``). The command line checks the catalog before the flow starts, and the flow
    loads it again in the same process: the last catalog parsed is kept, and given again
    while the file holds the same text (hashed: a file rewritten within the same clock tick
    keeps its size and time), so a national catalog is parsed once, not twice."""
    global _LAST
    path = Path(path)
    text = _read(path)
    key = (str(path.resolve()), hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest())
    if _LAST is not None and _LAST[0] == key:
        return _LAST[1]
    loaded = _streamed(text)
    if loaded is None:  # anything unusual or wrong: the whole parse, which words the error
        whole = parse_catalog(text, str(path))
        loaded = CatalogSettings.model_validate({k: v for k, v in whole if k != "portals"}), Portals(whole.portals)
    _LAST = key, loaded
    return loaded


class _Unusual(Exception):
    """What the streamed parse leaves to the whole one: anything but a plain valid catalog."""


_MERGE = "tag:yaml.org,2002:merge"


def _streamed(text: str) -> tuple[CatalogSettings, Portals] | None:
    """Parse the catalog from libyaml's events, validating and pickling each portal as its
    mapping ends, so no more than one portal is ever held as a tree. PyYAML's ``load``
    first builds the whole document as nodes, each scalar with two position marks: ~500 MB
    for a 14,000-portal catalog (7 MB of YAML) and ~8 s, where this takes ~40 MB and ~3 s.
    Only the plain case is handled — one document, no merge keys, no tags on collections, a
    valid catalog; None for anything else, which the caller hands to ``parse_catalog`` (the
    same YAML meaning; it also words what is wrong, line and field)."""
    loader = YAML_LOADER(text)
    construct = loader.yaml_constructors
    anchors: dict[str, Any] = {}
    portals = Portals()
    seen: set[str] = set()
    root: list[Any] = []
    # open collections: [object, pending key (mappings), is it the catalog's portals list]
    stack: list[list[Any]] = []
    none = object()

    def add(value: Any) -> None:
        if not stack:
            root.append(value)
            return
        frame = stack[-1]
        obj = frame[0]
        if isinstance(obj, list):
            if frame[2]:  # one of the catalog's portals, whole: validated and pickled now
                portal = Portal.model_validate(value)
                if portal.id in seen:
                    raise _Unusual("duplicate portal")
                seen.add(portal.id)
                portals._add(portal)
            else:
                obj.append(value)
        elif frame[1] is none:
            if not isinstance(value, (str, int, float, bool, type(None))):
                raise _Unusual("complex key")
            frame[1] = value
        else:
            obj[frame[1]] = value
            frame[1] = none

    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.ScalarEvent):
                tag = event.tag
                if tag is None or tag == "!":
                    tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
                if tag == _MERGE or tag not in construct:
                    raise _Unusual(tag)
                value = construct[tag](loader, yaml.ScalarNode(tag, event.value, style=event.style))
                if event.anchor:
                    anchors[event.anchor] = value
                add(value)
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if event.tag not in (None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
                    raise _Unusual(event.tag)
                if isinstance(event, yaml.MappingStartEvent):
                    stack.append([{}, none, False])
                else:
                    is_portals = len(stack) == 1 and stack[0][1] == "portals" and not seen
                    stack.append([[], none, is_portals])
                if event.anchor:
                    anchors[event.anchor] = stack[-1][0]
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                frame = stack.pop()
                add(frame[0])
            elif isinstance(event, yaml.AliasEvent):
                if event.anchor not in anchors:
                    raise _Unusual("unknown alias")
                add(anchors[event.anchor])
        if len(root) != 1 or not isinstance(root[0], dict) or not portals or root[0].get("portals") != []:
            return None  # not a mapping, no portals, or a second list of them
        settings = CatalogSettings.model_validate({k: v for k, v in root[0].items() if k != "portals"})
    except (_Unusual, yaml.YAMLError, ValidationError, ValueError, TypeError):
        return None
    finally:
        loader.dispose()
    return settings, portals


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
