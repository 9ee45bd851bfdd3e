"""Rulesets: versioned data files that say how many days each column may go without an
update. ``national-2019`` ships with the package; users add their own YAML (a path, or a
name under ``validations/rulesets/``) without touching code."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from portal_audit.catalog import Column
from portal_audit.text import fold

RULESET_DIR = Path(__file__).parent / "rulesets"
DEFAULT_RULESET = "national-2019"


@dataclass(frozen=True)
class Ruleset:
    name: str
    version: int
    frequencies: dict[str, int]
    categories: dict[str, int | None]
    default_category: str
    category_keywords: dict[str, list[str]]
    home_page_days: int = 14

    @property
    def label(self) -> str:
        return f"{self.name}@{self.version}"

    def category_of(self, column: Column) -> str:
        """The catalog's category, or one inferred from the path, deepest level first."""
        if column.category:
            return column.category
        for level in reversed(column.path):
            key = fold(level)
            for category, words in self.category_keywords.items():
                if any(w in key for w in words):
                    return category
        return self.default_category

    def allowance(self, column: Column) -> tuple[str | None, int | None]:
        """(category, allowed days) for a column; allowed days None means exempt."""
        code = column.frequency_code
        if code == "static":
            return "static", None
        if code == "timely":
            category = self.category_of(column)
            return category, self.categories.get(category)
        return column.category or None, self.frequencies[code]


def load_ruleset(name_or_path: str = DEFAULT_RULESET) -> Ruleset:
    path = Path(name_or_path)
    if not path.suffix:
        path = RULESET_DIR / f"{name_or_path}.yaml"
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in RULESET_DIR.glob("*.yaml")))
        raise ValueError(f"unknown ruleset {name_or_path!r}; bundled: {known}, or give a YAML path")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    missing = {"name", "version", "frequencies", "categories"} - set(data)
    if missing:
        raise ValueError(f"{path}: ruleset lacks {', '.join(sorted(missing))}")
    unknown_freq = {"daily", "weekly", "monthly", "quarterly", "halfyearly", "yearly"} - set(data["frequencies"])
    if unknown_freq:
        raise ValueError(f"{path}: ruleset gives no allowance for {', '.join(sorted(unknown_freq))}")
    return Ruleset(
        name=data["name"],
        version=int(data["version"]),
        frequencies={k: int(v) for k, v in data["frequencies"].items()},
        categories={k: (None if v is None else int(v)) for k, v in data["categories"].items()},
        default_category=data.get("default_category", "notice"),
        category_keywords={k: list(v) for k, v in (data.get("category_keywords") or {}).items()},
        home_page_days=int(data.get("home_page_days", 14)),
    )
