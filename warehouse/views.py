"""Views for evaluation (考核评估), in SQL both SQLite and PostgreSQL run. Only
``complete`` runs count: a crashed or running run is never read as a result."""

_COUNTS = """
    COUNT(*) AS columns,
    SUM(CASE WHEN ca.status = 'fresh' THEN 1 ELSE 0 END) AS fresh,
    SUM(CASE WHEN ca.status = 'stale' THEN 1 ELSE 0 END) AS stale,
    SUM(CASE WHEN ca.status = 'empty' THEN 1 ELSE 0 END) AS empty,
    SUM(CASE WHEN ca.status = 'unreachable' THEN 1 ELSE 0 END) AS unreachable,
    SUM(CASE WHEN ca.status = 'error' THEN 1 ELSE 0 END) AS error,
    SUM(CASE WHEN ca.status = 'exempt' THEN 1 ELSE 0 END) AS exempt,
    CAST(SUM(CASE WHEN ca.status = 'fresh' THEN 1 ELSE 0 END) AS FLOAT)
        / NULLIF(SUM(CASE WHEN ca.status IN ('fresh', 'stale', 'empty') THEN 1 ELSE 0 END), 0) AS share_fresh"""

VIEWS = {
    # the newest complete verdict of every column ever audited
    "v_latest_column_status": """
SELECT r.as_of, ca.*
FROM column_audits ca JOIN audit_runs r ON r.run_id = ca.run_id
WHERE r.status = 'complete' AND r.as_of = (
    SELECT MAX(r2.as_of) FROM column_audits ca2 JOIN audit_runs r2 ON r2.run_id = ca2.run_id
    WHERE r2.status = 'complete' AND ca2.portal_id = ca.portal_id AND ca2.column_id = ca.column_id)""",
    # per run and portal: counts, share fresh, stale by category, the single-veto verdict
    "v_portal_scorecard": f"""
SELECT ca.run_id, r.as_of, ca.portal_id, {_COUNTS},
    SUM(CASE WHEN ca.status = 'stale' AND ca.category = 'news' THEN 1 ELSE 0 END) AS stale_news,
    SUM(CASE WHEN ca.status = 'stale' AND ca.category = 'notice' THEN 1 ELSE 0 END) AS stale_notice,
    SUM(CASE WHEN ca.status = 'stale' AND ca.category = 'policy' THEN 1 ELSE 0 END) AS stale_policy,
    SUM(CASE WHEN ca.status = 'stale' AND ca.category IN ('personnel', 'planning') THEN 1 ELSE 0 END)"""
    """ AS stale_personnel_planning,
    MAX(pv.verdict) AS verdict, MAX(pv.reasons) AS reasons
FROM column_audits ca JOIN audit_runs r ON r.run_id = ca.run_id
LEFT JOIN portal_verdicts pv ON pv.run_id = ca.run_id AND pv.portal_id = ca.portal_id
WHERE r.status = 'complete'
GROUP BY ca.run_id, r.as_of, ca.portal_id""",
    # per run, portal and responsible unit (负责科室): who answers for the stale columns
    "v_unit_scorecard": f"""
SELECT ca.run_id, r.as_of, ca.portal_id, COALESCE(ca.responsible, '') AS responsible, {_COUNTS}
FROM column_audits ca JOIN audit_runs r ON r.run_id = ca.run_id
WHERE r.status = 'complete'
GROUP BY ca.run_id, r.as_of, ca.portal_id, COALESCE(ca.responsible, '')""",
    # every column across runs, for trends
    "v_column_trend": """
SELECT r.as_of, ca.run_id, ca.portal_id, ca.column_id, ca.path, ca.status, ca.days_since_update,
       ca.allowed_days, ca.last_published_on, ca.item_count
FROM column_audits ca JOIN audit_runs r ON r.run_id = ca.run_id
WHERE r.status = 'complete'""",
}

# views of the single-veto checks (migration 0005; VIEWS above belong to 0002)
CHECK_VIEWS = {
    # every single-veto item of every complete run
    "v_portal_checks": """
SELECT r.as_of, pc.run_id, pc.portal_id, pc.item, pc.outcome, pc.reason
FROM portal_checks pc JOIN audit_runs r ON r.run_id = pc.run_id
WHERE r.status = 'complete'""",
    # columns within 7 days of their allowance (即将超期), by responsible unit
    "v_due_soon": """
SELECT r.as_of, ca.run_id, ca.portal_id, COALESCE(ca.responsible, '') AS responsible, ca.column_id, ca.path,
       ca.last_published_on, ca.days_since_update, ca.allowed_days, ca.allowed_days - ca.days_since_update AS days_left
FROM column_audits ca JOIN audit_runs r ON r.run_id = ca.run_id
WHERE r.status = 'complete' AND ca.status = 'fresh' AND ca.allowed_days IS NOT NULL
  AND ca.days_since_update IS NOT NULL AND ca.allowed_days - ca.days_since_update <= 7""",
}

# migration 0006: links checked on complete runs, broken two nights running or more
LINK_VIEWS = {
    "v_broken_links": """
SELECT r.as_of, lc.run_id, lc.portal_id, lc.url, lc.page_url, lc.text, lc.scope, lc.kind, lc.blank_title,
       lc.http_status, lc.error, lc.nights_broken, lc.first_broken_run, lc.hijacked
FROM link_checks lc JOIN audit_runs r ON r.run_id = lc.run_id
WHERE r.status = 'complete' AND lc.status = 'broken' AND lc.nights_broken >= 2""",
}

# migration 0007: the same views for people — portal names beside ids, and the reasons
# written out in Chinese (``*_text`` columns) beside the message keys programs read
_NAME = "LEFT JOIN portals p ON p.portal_id = {alias}.portal_id"


def portal_scorecard(where: str) -> str:
    """``v_portal_scorecard`` over the runs ``where`` selects: the view counts complete runs;
    a portal's report, written while its run still goes on, reads that run's own rows too."""
    return f"""
SELECT ca.run_id, r.as_of, ca.portal_id, MAX(p.name) AS portal_name, {_COUNTS},
    SUM(CASE WHEN ca.status = 'stale' AND ca.category = 'news' THEN 1 ELSE 0 END) AS stale_news,
    SUM(CASE WHEN ca.status = 'stale' AND ca.category = 'notice' THEN 1 ELSE 0 END) AS stale_notice,
    SUM(CASE WHEN ca.status = 'stale' AND ca.category = 'policy' THEN 1 ELSE 0 END) AS stale_policy,
    SUM(CASE WHEN ca.status = 'stale' AND ca.category IN ('personnel', 'planning') THEN 1 ELSE 0 END)"""\
        f""" AS stale_personnel_planning,
    MAX(pv.verdict) AS verdict, MAX(pv.reasons) AS reasons, MAX(pv.reasons_text) AS reasons_text
FROM column_audits ca JOIN audit_runs r ON r.run_id = ca.run_id
LEFT JOIN portal_verdicts pv ON pv.run_id = ca.run_id AND pv.portal_id = ca.portal_id
{_NAME.format(alias="ca")}
WHERE {where}
GROUP BY ca.run_id, r.as_of, ca.portal_id"""


def unit_scorecard(where: str) -> str:
    """``v_unit_scorecard`` over the runs ``where`` selects (see ``portal_scorecard``)."""
    return f"""
SELECT ca.run_id, r.as_of, ca.portal_id, MAX(p.name) AS portal_name,"""\
        f""" COALESCE(ca.responsible, '') AS responsible, {_COUNTS}
FROM column_audits ca JOIN audit_runs r ON r.run_id = ca.run_id
{_NAME.format(alias="ca")}
WHERE {where}
GROUP BY ca.run_id, r.as_of, ca.portal_id, COALESCE(ca.responsible, '')"""


READABLE_VIEWS = {
    "v_latest_column_status": f"""
SELECT r.as_of, p.name AS portal_name, ca.*
FROM column_audits ca JOIN audit_runs r ON r.run_id = ca.run_id
{_NAME.format(alias="ca")}
WHERE r.status = 'complete' AND r.as_of = (
    SELECT MAX(r2.as_of) FROM column_audits ca2 JOIN audit_runs r2 ON r2.run_id = ca2.run_id
    WHERE r2.status = 'complete' AND ca2.portal_id = ca.portal_id AND ca2.column_id = ca.column_id)""",
    "v_portal_scorecard": portal_scorecard("r.status = 'complete'"),
    "v_unit_scorecard": unit_scorecard("r.status = 'complete'"),
    "v_column_trend": f"""
SELECT r.as_of, ca.run_id, ca.portal_id, p.name AS portal_name, ca.column_id, ca.path, ca.status, ca.days_since_update,
       ca.allowed_days, ca.last_published_on, ca.item_count, ca.detail_text
FROM column_audits ca JOIN audit_runs r ON r.run_id = ca.run_id
{_NAME.format(alias="ca")}
WHERE r.status = 'complete'""",
    "v_portal_checks": f"""
SELECT r.as_of, pc.run_id, pc.portal_id, p.name AS portal_name, pc.item, pc.outcome, pc.reason, pc.reason_text
FROM portal_checks pc JOIN audit_runs r ON r.run_id = pc.run_id
{_NAME.format(alias="pc")}
WHERE r.status = 'complete'""",
    "v_due_soon": f"""
SELECT r.as_of, ca.run_id, ca.portal_id, p.name AS portal_name, COALESCE(ca.responsible, '') AS responsible,
       ca.column_id, ca.path, ca.last_published_on, ca.days_since_update, ca.allowed_days,
       ca.allowed_days - ca.days_since_update AS days_left
FROM column_audits ca JOIN audit_runs r ON r.run_id = ca.run_id
{_NAME.format(alias="ca")}
WHERE r.status = 'complete' AND ca.status = 'fresh' AND ca.allowed_days IS NOT NULL
  AND ca.days_since_update IS NOT NULL AND ca.allowed_days - ca.days_since_update <= 7""",
    "v_broken_links": f"""
SELECT r.as_of, lc.run_id, lc.portal_id, p.name AS portal_name, lc.url, lc.page_url, lc.text, lc.scope, lc.kind,
       lc.blank_title, lc.http_status, lc.error, lc.nights_broken, lc.first_broken_run, lc.hijacked
FROM link_checks lc JOIN audit_runs r ON r.run_id = lc.run_id
{_NAME.format(alias="lc")}
WHERE r.status = 'complete' AND lc.status = 'broken' AND lc.nights_broken >= 2""",
}
