"""Orchestration: Prefect flows that wire the stages. Prefect lives only here."""

from .audit import audit_portal, import_catalog, nightly_audit

__all__ = ["audit_portal", "import_catalog", "nightly_audit"]
