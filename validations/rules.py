"""Rulesets: versioned data files that say how many days each column may go without an
update. ``national-2019`` ships with the package; users add their own YAML (a path, or a
name under ``validations/rulesets/``) without touching code. A ruleset may ``extends:``
another and override only what differs; an allowance is calendar days, ``null`` (exempt)
or ``{working_days: N}`` counted back over weekends and the ruleset's ``holidays``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import yaml

from portal_audit.catalog import Column
from portal_audit.i18n import msg
from portal_audit.records import INDICATORS
from portal_audit.text import fold

RULESET_DIR = Path(__file__).parent / "rulesets"
DEFAULT_RULESET = "national-2019"
PERIODIC = ("daily", "weekly", "monthly", "quarterly", "halfyearly", "yearly")
# the national single-veto thresholds (国办秘函〔2019〕19号) by column class, in days
# 栏目不更新 rule 1 as written: 动态/要闻 columns over 2 weeks and first-level 通知公告/政策文件
# columns over 6 months count towards the 5; personnel and planning columns only ever count
# under rule 2 (columns that should be updated and have long not been)
NATIONAL_VETO_DAYS = {"news": 14, "notice": 183, "policy": 183}
FIRST_LEVEL_ONLY = frozenset({"notice", "policy"})

Allowance = int | dict | None


@dataclass(frozen=True)
class Ruleset:
    name: str
    version: int
    frequencies: dict[str, Allowance]
    categories: dict[str, Allowance]
    default_category: str
    category_keywords: dict[str, list[str]]
    home_page_days: int = 14
    due_soon_days: int = 7  # 即将超期: fresh columns this close to their allowance are flagged for their unit
    outage_share: float = 0.8  # portals of a shard read nothing at this share or over: ask the canary (our outage?)
    # the national wording's column classes for 栏目不更新 rule 1, narrower than the allowance
    # categories: 动态要闻类 (本地要闻、部门动态、工作进展), 通知公告、政策文件类
    veto_class_keywords: dict[str, list[str]] = field(default_factory=dict)
    holidays: frozenset[date] = field(default_factory=frozenset)
    workdays: frozenset[date] = field(default_factory=frozenset)  # weekend days worked (调休)
    # supervision indicators (扣分项) switched on, each with its parameters and source
    indicators: dict[str, dict] = field(default_factory=dict)

    def indicator(self, name: str) -> dict | None:
        """An indicator's parameters, or None when the ruleset switches it off (or lacks it)."""
        found = self.indicators.get(name)
        return found if found is not None and found.get("enabled", True) else None

    @property
    def label(self) -> str:
        return f"{self.name}@{self.version}"

    def infer_category(self, column: Column) -> str:
        """The catalog's category, or one inferred from the path, deepest level first."""
        if column.category:
            return column.category
        for level in reversed(column.path):
            key = fold(level)
            for category, words in self.category_keywords.items():
                if any(w in key for w in words):
                    return category
        return self.default_category

    def veto_class(self, column: Column) -> str | None:
        """news, notice or policy when a column is of 栏目不更新 rule 1's classes as the
        national wording names them — the catalog's category, else its path (deepest
        level first) — or None. Narrower than ``infer_category`` on purpose: a veto is not
        decided on a keyword as broad as 信息 or 清单."""
        if column.category:
            return column.category if column.category in NATIONAL_VETO_DAYS else None
        for level in reversed(column.path):
            key = fold(level)
            for category, words in self.veto_class_keywords.items():
                if any(w in key for w in words):
                    return category
        return None

    def is_workday(self, day: date) -> bool:
        return day in self.workdays or (day.weekday() < 5 and day not in self.holidays)

    def _calendar_days(self, rule: Allowance, as_of: date) -> int | None:
        if rule is None or isinstance(rule, int):
            return rule
        n, day = int(rule["working_days"]), as_of
        while n > 0:
            day -= timedelta(days=1)
            n -= self.is_workday(day)
        return (as_of - day).days

    def allowance(self, column: Column, as_of: date | None = None) -> tuple[str | None, int | None]:
        """(category, allowed calendar days) for a column on ``as_of``; None days = exempt."""
        as_of = as_of or date.today()
        code = column.frequency_code
        if code == "static":
            return "static", None
        if code == "timely":
            category = self.infer_category(column)
            return category, self._calendar_days(self.categories.get(category), as_of)
        return column.category or None, self._calendar_days(self.frequencies[code], as_of)


def _read(name_or_path: str) -> tuple[Path, dict]:
    path = Path(name_or_path)
    if not path.suffix:
        path = RULESET_DIR / f"{name_or_path}.yaml"
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in RULESET_DIR.glob("*.yaml")))
        raise ValueError(msg("ruleset.unknown", name=name_or_path, known=known))
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(msg("ruleset.not_mapping", path=str(path)))
    parent = data.get("extends")
    if parent:
        _, base = _read(parent)
        for key in ("frequencies", "categories", "category_keywords", "veto_class_keywords"):
            data[key] = {**base.get(key, {}), **(data.get(key) or {})}
        inherited = base.get("indicators") or {}
        data["indicators"] = {k: {**(inherited.get(k) or {}), **(v or {})}
                              for k, v in {**inherited, **(data.get("indicators") or {})}.items()}
        for key, value in base.items():
            data.setdefault(key, value)
    return path, data


def _check(path: Path, where: str, value) -> Allowance:
    if value is None or isinstance(value, int):
        return value
    if isinstance(value, dict) and set(value) == {"working_days"} and int(value["working_days"]) > 0:
        return {"working_days": int(value["working_days"])}
    raise ValueError(msg("ruleset.allowance", path=str(path), where=where, value=repr(value)))


INDICATOR_NAMES = INDICATORS  # the ruleset's `indicators:` names, as records orders them
IDENTITY_MARKS = ("site_code", "conac", "icp", "police", "sponsor", "error_report")
_MONTH_DAY = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")


def _indicators(path: Path, data) -> dict[str, dict]:
    """The ruleset's ``indicators`` section, checked: known names, deadlines as MM-DD, known
    identity marks (a mistake names its place, as the catalog's errors do)."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError(msg("ruleset.indicator", path=str(path), where="indicators", value=repr(data)))
    out = {}
    for name, params in data.items():
        where = f"indicators.{name}"
        if name not in INDICATOR_NAMES or not isinstance(params, dict):
            raise ValueError(msg("ruleset.indicator", path=str(path), where=where, value=repr(params)))
        deadlines = params.get("deadline")
        for key, value in (deadlines.items() if isinstance(deadlines, dict) else [("", deadlines)]):
            if value is not None and not _MONTH_DAY.match(str(value)):
                raise ValueError(msg("ruleset.indicator", path=str(path), where=f"{where}.deadline{'.' if key else ''}"
                                     f"{key}", value=repr(value)))
        for key in ("required", "advised"):
            unknown = [m for m in params.get(key) or [] if m not in IDENTITY_MARKS]
            if unknown:
                raise ValueError(msg("ruleset.indicator", path=str(path), where=f"{where}.{key}", value=repr(unknown)))
        out[name] = dict(params)
    return out


def load_ruleset(name_or_path: str = DEFAULT_RULESET) -> Ruleset:
    path, data = _read(name_or_path)
    missing = {"name", "version", "frequencies", "categories"} - set(data)
    if missing:
        raise ValueError(msg("ruleset.lacks", path=str(path), keys=", ".join(sorted(missing))))
    absent = set(PERIODIC) - set(data["frequencies"])
    if absent:
        raise ValueError(msg("ruleset.no_allowance", path=str(path), keys=", ".join(sorted(absent))))
    return Ruleset(
        name=data["name"],
        version=int(data["version"]),
        frequencies={k: _check(path, f"frequencies.{k}", v) for k, v in data["frequencies"].items()},
        categories={k: _check(path, f"categories.{k}", v) for k, v in data["categories"].items()},
        default_category=data.get("default_category", "notice"),
        category_keywords={k: list(v) for k, v in (data.get("category_keywords") or {}).items()},
        veto_class_keywords={k: list(v) for k, v in (data.get("veto_class_keywords") or {}).items()},
        home_page_days=int(data.get("home_page_days", 14)),
        due_soon_days=int(data.get("due_soon_days", 7)),
        outage_share=float(data.get("outage_share", 0.8)),
        holidays=frozenset(date.fromisoformat(str(d)) for d in data.get("holidays") or []),
        workdays=frozenset(date.fromisoformat(str(d)) for d in data.get("workdays") or []),
        indicators=_indicators(path, data.get("indicators")),
    )
