"""The house's rule (issue 29): the ground imports nothing of ours, each stage only the
ground, the flows the stages and the ground, the surfaces anything below. Found by walking
every module's imports; a breach names the module and what it imports."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OURS = ("portal_audit", "extractors", "validations", "warehouse", "flows", "reporting")
STAGES = ("extractors", "validations", "warehouse")

# Surfaces: reporting/ (what people read), and the commands, the demo portal, the importer and
# discovery, still inside portal_audit/ until they move to a folder of their own (issue 29).
# They may import anything, and nothing below may import them.
SURFACES = ("reporting", "portal_audit.cli", "portal_audit.demo", "portal_audit.discover", "portal_audit.importer")
# What the flows still take from the surfaces, until the report writer and the importer are
# handed to the flows: every other import of a surface from below is a breach.
FLOWS_ON_SURFACES = {("flows.audit", "reporting"), ("flows.audit", "reporting.inspection"),
                     ("flows.audit", "portal_audit.importer")}


def _floor(module: str) -> str:
    if module.startswith(SURFACES):
        return "surface"
    top = module.split(".")[0]
    return {"portal_audit": "ground", "flows": "flows"}.get(top, "stage" if top in STAGES else "other")


def _imports() -> list[tuple[str, str]]:
    """(module, module of ours it imports) for every module of ours, relative imports resolved."""
    found = []
    for package in OURS:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            here = parts[:-1]  # the package a relative import starts from
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom):
                    base = list(here[:len(here) - node.level + 1]) if node.level else []
                    target = ".".join(base + ([node.module] if node.module else []))
                    names = [target] if node.module else [f"{target}.{a.name}" for a in node.names]
                else:
                    continue
                found += [(module, name) for name in names if name.split(".")[0] in OURS]
    return found


def _allowed(module: str, imported: str) -> bool:
    mine, theirs = _floor(module), _floor(imported)
    if mine == "surface" or module.split(".")[0] == imported.split(".")[0] and theirs != "surface":
        return True  # a surface takes anything; a package its own modules (never a surface)
    if theirs == "ground":
        return True
    if mine == "flows":
        return theirs == "stage" or (module, imported) in FLOWS_ON_SURFACES
    return False  # ground → anything of ours but ground; stage → another stage, flows or a surface


def test_each_floor_imports_only_the_floors_below_it():
    breaches = sorted({f"{m} imports {i}" for m, i in _imports() if not _allowed(m, i)})
    assert breaches == []


def test_the_rule_names_a_breach():
    """The walk sees what it should: a stage importing another stage is a breach."""
    assert not _allowed("warehouse.load", "validations.suite")
    assert not _allowed("portal_audit.catalog", "extractors.profiles")
    assert not _allowed("extractors.crawl", "reporting.writers") and not _allowed("portal_audit.records", "reporting")
    assert _allowed("warehouse.load", "portal_audit.records") and _allowed("portal_audit.cli", "flows.audit")
    assert ("flows.audit", "extractors.crawl") in _imports()
