"""The two surfaces the flows serve to someone at the Prefect UI: a report page per portal
once its run is loaded, and the import of a published column table as a catalog.

The flows wire the stages and stand below the surfaces (README, Architecture), so they name
these two by dotted path and load them on first use, as Scrapy's settings name its item
pipelines and download handlers: no import runs upward, and a run that writes no report
never loads the report stack (pandas' writers, openpyxl, python-docx)."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

PORTAL_REPORTS = "reporting:write_portal_reports"
CATALOG_IMPORT = "app.importer:import_file"
NAMED = (PORTAL_REPORTS, CATALOG_IMPORT)  # tests/test_layers.py checks each names a surface that exists


def load(name: str) -> Callable[..., Any]:
    """The callable a ``module:attribute`` name stands for."""
    module, _, attribute = name.partition(":")
    return getattr(import_module(module), attribute)


def portal_reports(engine: Engine, run_id: str, portal_ids: list[str], folder: Path) -> dict[str, str]:
    """Write each portal's HTML report of run ``run_id`` into ``folder``; portal → its absolute path."""
    if not portal_ids:
        return {}
    return {p: str(out.resolve()) for p, out in load(PORTAL_REPORTS)(engine, run_id, portal_ids, folder).items()}


def import_table(table: str, **options: Any) -> Any:
    """A published column table read as a catalog (``app.importer.ImportResult``)."""
    return load(CATALOG_IMPORT)(table, **options)
