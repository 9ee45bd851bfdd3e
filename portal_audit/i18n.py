"""What users read, in their language: one message catalogue per language.

Code never holds user-facing sentences. It says *what* to tell as a ``Msg`` — a key of the
catalogue and its arguments — and the text is chosen at output time from
``portal_audit/locales/<lang>.yaml``. Adding a language is adding a file. The warehouse
stores messages as their keys and arguments (JSON, ``dumps``/``loads``), never as
translated text, so a run audited today can be reported in any language later.

The language is Chinese unless ``--lang en`` or ``PORTAL_AUDIT_LANG=en`` says otherwise.
Dates are written the users' way (2026年11月20日) and times in the reports' zone,
Asia/Shanghai: an audit's "today" is China's day, whatever the machine's clock zone.
"""

from __future__ import annotations

import errno
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

LOCALES = Path(__file__).parent / "locales"
DEFAULT_LANGUAGE = "zh"
ENV = "PORTAL_AUDIT_LANG"
TZ = ZoneInfo("Asia/Shanghai")
NAMED_KEYS = ("named.all", "named.more")  # the messages whose ``ids`` are column ids (validations.verdicts._named)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_current: ContextVar[str | None] = ContextVar("portal_audit_language", default=None)


@cache
def languages() -> tuple[str, ...]:
    """The languages with a catalogue (the files ship with the package: read once — a
    report asks ~1,000 times, and a directory listing each time was 13 % of it)."""
    return tuple(sorted(p.stem for p in LOCALES.glob("*.yaml")))


def check_language(lang: str) -> str:
    lang = (lang or "").strip().lower().replace("_", "-").split("-")[0]
    if lang not in languages():
        raise ValueError(f"unknown language {lang!r}: one of {', '.join(languages())}")
    return lang


def language() -> str:
    """The language output is written in: ``using``'s, else $PORTAL_AUDIT_LANG, else Chinese."""
    return _current.get() or check_language(os.environ.get(ENV) or DEFAULT_LANGUAGE)


@contextmanager
def using(lang: str | None) -> Iterator[str]:
    """Write in ``lang`` within the block (None: the language already in force). A context
    variable, so threads and tasks started inside see it only when handed it (flows pass
    ``lang`` on to their tasks)."""
    token = _current.set(check_language(lang) if lang else _current.get())
    try:
        yield language()
    finally:
        _current.reset(token)


def _flatten(tree: dict, prefix: str = "") -> dict[str, str]:
    out = {}
    for k, v in tree.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(_flatten(v, key + "."))
        else:
            out[key] = str(v)
    return out


# libyaml where PyYAML has it: the messages in 5 ms, not 45, in every process; a national catalog in 3 s, not 15
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def catalogue(lang: str) -> dict[str, str]:
    """Every message of ``lang`` by its dotted key."""
    path = LOCALES / f"{check_language(lang)}.yaml"
    return _flatten(yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER) or {})


def has(key: str, lang: str | None = None) -> bool:
    return key in catalogue(lang or language())


def fmt_date(value: Any, lang: str | None = None) -> str:
    """A day the users' way: 2026年11月20日 in Chinese, 2026-11-20 in English; '' for none."""
    if value is None or value == "" or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        text = str(value)[:10]
        if not _ISO_DAY.match(text):
            return str(value)
        value = date.fromisoformat(text)
    return catalogue(lang or language())["format.date"].format(d=value)


def fmt_time(value: datetime | None = None, lang: str | None = None) -> str:
    """A moment in the reports' zone (naive values are UTC, as the warehouse stores them)."""
    value = value or datetime.now(UTC)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return catalogue(lang or language())["format.time"].format(t=value.astimezone(TZ), d=value.astimezone(TZ).date())


def china_today() -> date:
    """Today in China: the default audit date (a 00:30 Beijing run is not yesterday's)."""
    return datetime.now(TZ).date()


def _arg(value: Any, lang: str) -> Any:
    if isinstance(value, Msg):
        return value.render(lang)
    if isinstance(value, (date, datetime)):
        return fmt_date(value, lang)
    if isinstance(value, (list, tuple)):  # messages joined as clauses, names as a list
        sep = "format.sep" if value and isinstance(value[0], Msg) else "format.list_sep"
        return catalogue(lang)[sep].join(str(_arg(v, lang)) for v in value)
    return "" if value is None else value


def t(key: str, lang: str | None = None, /, **args: Any) -> str:
    """The message ``key`` in ``lang`` (default: the language in force), arguments filled in.
    Dates in arguments are written the users' way, lists joined, nested messages rendered.
    A key missing from the language falls back to Chinese, then to the key itself."""
    lang = lang or language()
    template = catalogue(lang).get(key) or catalogue(DEFAULT_LANGUAGE).get(key)
    if template is None:
        return key
    return template.format(**{k: _arg(v, lang) for k, v in args.items()})


@dataclass(frozen=True)
class Msg:
    """A message to tell a user: a catalogue key and its arguments (plain values, dates,
    lists, other messages). ``str()`` renders it in the language in force. Only ``date``
    arguments are written as dates: a run id that looks like one stays as it is."""

    key: str
    args: dict[str, Any] = field(default_factory=dict, hash=False, compare=True)

    def render(self, lang: str | None = None) -> str:
        if self.key == "text":  # free text of a run stored before messages had keys
            return str(self.args.get("text", ""))
        return t(self.key, lang, **self.args)

    def __str__(self) -> str:
        return self.render()

    def to_json(self) -> list:
        return [self.key, {k: _plain(v) for k, v in self.args.items()}] if self.args else [self.key]

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """Inside records written as JSON (the spool) a message is its ``to_json`` form, so
        its dates and nested messages come back as such."""
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            lambda value: value if isinstance(value, Msg) else _from_json(value),
            serialization=core_schema.plain_serializer_function_ser_schema(lambda m: m.to_json()))


def msg(key: str, **args: Any) -> Msg:
    return Msg(key, args)


def as_msg(value: Msg | str | None) -> Msg | None:
    """A message, free text wrapped as one (it is shown as written), or None."""
    if isinstance(value, Msg) or value is None:
        return value
    return Msg("text", {"text": value}) if isinstance(value, str) and value else None


def _plain(value: Any) -> Any:
    if isinstance(value, Msg):
        return {"$msg": value.to_json()}
    if isinstance(value, (date, datetime)):
        return {"$date": value.isoformat()[:10]}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _revive(value: Any) -> Any:
    if isinstance(value, dict) and "$msg" in value:
        return _from_json(value["$msg"])
    if isinstance(value, dict) and "$date" in value:
        return date.fromisoformat(value["$date"])
    if isinstance(value, list):
        return [_revive(v) for v in value]
    return value


def _from_json(data: list) -> Msg:
    return Msg(data[0], {k: _revive(v) for k, v in (data[1] if len(data) > 1 else {}).items()})


def dumps(messages: Msg | str | Iterable[Msg | str]) -> str:
    """Messages as stored in the warehouse: JSON of keys and arguments, never rendered text."""
    items = [messages] if isinstance(messages, (Msg, str)) else list(messages)
    return json.dumps([m.to_json() for m in map(as_msg, items) if m is not None], ensure_ascii=False,
                      separators=(",", ":"))


def loads(text: str | None) -> list[Msg]:
    """Messages back from the warehouse. Text that is not stored messages (runs loaded
    before messages had keys) comes back as it was written."""
    if text is None or text == "" or (isinstance(text, float) and text != text):
        return []
    if text.startswith("[["):
        try:
            return [_from_json(d) for d in json.loads(text)]
        except (ValueError, TypeError, IndexError, AttributeError):
            pass
    return [Msg("text", {"text": text})]


def render(messages: Msg | Iterable[Msg] | str | None, lang: str | None = None) -> str:
    """Messages (or stored JSON of them) as one line of text in ``lang``."""
    if isinstance(messages, str) or messages is None:
        messages = loads(messages)
    elif isinstance(messages, Msg):
        messages = [messages]
    lang = lang or language()
    return catalogue(lang)["format.sep"].join(m.render(lang) for m in messages)


def coded(group: str, code: str, lang: str | None = None) -> str:
    """A code's name with the code beside it where the name is a translation: 超期未更新(stale)
    in Chinese, plain ``stale`` in English."""
    name = label(group, code, lang)
    return t("coded", lang, name=name, code=code) if name != code else name


def status_label(code: str, lang: str | None = None) -> str:
    """A column status for people: 超期未更新(stale) in Chinese, the code kept beside it."""
    return coded("status", code, lang)


def label(group: str, code: Any, lang: str | None = None) -> str:
    """A code's name in ``group`` of the catalogue (outcome, verdict, item, category …); the code when unnamed."""
    if code is None or (isinstance(code, float) and code != code):
        return ""
    key = f"{group}.{code}"
    return t(key, lang) if has(key, DEFAULT_LANGUAGE) else str(code)  # every key is in the default catalogue


_OS_REASONS = {errno.ENOENT: "not_found", errno.EISDIR: "is_dir", errno.ENOTDIR: "not_dir", errno.EACCES: "permission",
               errno.EPERM: "permission", errno.ENOSPC: "no_space", errno.EROFS: "read_only",
               errno.EADDRINUSE: "in_use", errno.EEXIST: "exists"}


def os_reason(exc: OSError) -> Msg:
    """Why the system refused a file or a port, in the reader's words: ``strerror`` is the C
    library's English. An errno without a message of its own keeps that text, framed."""
    key = _OS_REASONS.get(exc.errno or 0)
    return msg(f"os_error.{key}") if key else msg("os_error.other", text=exc.strerror or str(exc))


def with_names(message: Msg, name: Callable[[str], str]) -> Msg:
    """``message`` with the column ids of its lists of columns replaced by ``name(id)``.
    The warehouse keeps ids (a column's name may change, the report says what it is now
    called in the run); the reader is shown names."""
    def arg(value: Any) -> Any:
        if isinstance(value, Msg):
            return with_names(value, name)
        if isinstance(value, (list, tuple)):
            return [arg(v) for v in value]
        return value

    if message.key in NAMED_KEYS:
        return Msg(message.key, {**message.args, "ids": [name(str(i)) for i in message.args.get("ids", [])]})
    return Msg(message.key, {k: arg(v) for k, v in message.args.items()})
