"""The house's rule (issue 29): the ground imports nothing of ours, each stage only the
ground, the flows the stages and the ground, the surfaces anything below; and no module
imports itself back through others. Found by walking every module's imports (relative ones
resolved, those inside functions too); a breach names the module and what it imports."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OURS = ("portal_audit", "extractors", "validations", "warehouse", "flows", "reporting", "app")
STAGES = ("extractors", "validations", "warehouse")

SURFACES = ("reporting", "app")  # what people read; the commands, the demo portal, the importer, discovery


def _floor(module: str) -> str:
    if module.startswith(SURFACES):
        return "surface"
    top = module.split(".")[0]
    return {"portal_audit": "ground", "flows": "flows"}.get(top, "stage" if top in STAGES else "other")


def _sources() -> Iterator[tuple[str, tuple[str, ...], Path]]:
    """(module name, its path's parts, its file) for every module of ours."""
    for package in OURS:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            yield ".".join(parts[:-1] if parts[-1] == "__init__" else parts), parts, path


def _imports() -> list[tuple[str, str]]:
    """(module, module of ours it imports) for every module of ours, relative imports resolved."""
    found = []
    for module, parts, path in _sources():
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
        return theirs == "stage"
    return False  # ground → anything of ours but ground; stage → another stage, flows or a surface


def test_each_floor_imports_only_the_floors_below_it():
    breaches = sorted({f"{m} imports {i}" for m, i in _imports() if not _allowed(m, i)})
    assert breaches == []


def test_the_rule_names_a_breach():
    """The walk sees what it should: a stage importing another stage is a breach."""
    assert not _allowed("warehouse.load", "validations.suite")
    assert not _allowed("portal_audit.catalog", "extractors.profiles")
    assert not _allowed("extractors.crawl", "reporting.writers") and not _allowed("portal_audit.records", "reporting")
    assert _allowed("warehouse.load", "portal_audit.records") and _allowed("app.cli", "flows.audit")
    assert ("flows.crawler", "extractors.crawl") in _imports()


def _graph() -> dict[str, set[str]]:
    """Module → the modules of ours it imports (a name imported from a module counts as the module)."""
    modules = {module for module, _, _ in _sources()}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for module, name in _imports():
        while name and name not in modules:
            name = name.rpartition(".")[0]
        if name and name != module:
            graph[module].add(name)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_module_imports_itself_back():
    assert _cycles(_graph()) == []


def test_the_cycle_check_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert "reporting.data" in _graph()["reporting.writers"]


def test_reports_neither_crawl_nor_validate():
    """What people read comes from the warehouse: reporting/ imports no extractor and no validator."""
    reaching = sorted({f"{m} imports {i}" for m, i in _imports()
                       if m.startswith("reporting") and i.split(".")[0] in ("extractors", "validations", "flows")})
    assert reaching == []


def test_the_surfaces_the_flows_name_exist_and_are_surfaces():
    """flows/surfaces.py names two surfaces by dotted path instead of importing them: each name
    must stay true (the callable exists) and point up, to a surface."""
    from flows import surfaces

    for name in surfaces.NAMED:
        assert _floor(name.partition(":")[0]) == "surface", name
        assert callable(surfaces.load(name)), name
