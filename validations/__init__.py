"""Validate stage: frequency vocabulary, rulesets (data files) and the Great Expectations
suites that turn extracted items into per-column verdicts. No Prefect here."""
