"""Orchestration: Prefect flows that wire the stages. Prefect lives only here.

``flows.audit`` holds the flows (``nightly_audit``, ``audit_portal``, ``import_catalog``);
``flows.hosts`` the shards and host slots; ``flows.server`` the temporary API a
command-line run starts. Nothing is imported here, so ``flows.server`` can start the
API before the flows' heavier modules load.
"""
