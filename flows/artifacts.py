"""What a run leaves at the Prefect UI: the summary, the tables of columns needing attention
and falling due, links to the portal reports, the Data Docs index, and the alert sent
through a notification block. A handful of API calls whatever the number of portals."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from prefect import get_run_logger
from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact

from portal_audit.catalog import Portals
from portal_audit.i18n import fmt_date, language, status_label, t
from portal_audit.records import ColumnVerdict
from portal_audit.summary import RunSummary

UNREAD = "unread"  # the Data Docs of the portals of which nothing was read
LINK_ARTIFACTS = 10  # runs of at most this many portals get a link artifact per portal report


def _days_left(v: ColumnVerdict) -> int:
    """Days a column falling due has left (a due-soon column has both figures)."""
    assert v.allowed_days is not None and v.days_since_update is not None
    return v.allowed_days - v.days_since_update


def publish_artifacts(summary: RunSummary, selected: Portals, reports: dict[str, str]) -> None:
    """The run's artifacts: a handful of API calls whatever the number of portals. Only the
    portals they name are unpickled."""
    portals = selected.only({v.portal_id for v in (*summary.attention, *summary.due_soon)} | set(reports))
    names = {(p.id, c.id): c.name for p in portals for c in p.columns}
    units = {(p.id, c.id): c.responsible or "" for p in portals for c in p.columns}
    links = {(p.id, c.id): p.column_url(c) for p in portals for c in p.columns}
    create_markdown_artifact(summary.markdown(names), key="audit-summary", description=summary.line())
    col = {k: t(f"col.{k}") for k in ("responsible", "portal_id", "path", "status", "last_published_on",
                                      "days_since_update", "allowed_days", "days_left", "url", "detail")}
    rows = [{col["portal_id"]: v.portal_id, col["path"]: names[(v.portal_id, v.column_id)],
             col["status"]: status_label(v.status), col["last_published_on"]: fmt_date(v.last_published_on),
             col["days_since_update"]: v.days_since_update, col["allowed_days"]: v.allowed_days,
             col["url"]: links[(v.portal_id, v.column_id)] or "", col["detail"]: v.detail}
            for v in summary.attention]
    create_table_artifact(rows, key="audit-non-fresh-columns",
                          description=t("artifact.attention_some" if summary.attention_total > len(rows)
                                        else "artifact.attention", shown=len(rows), n=summary.attention_total))
    if summary.due_soon:
        due = sorted(summary.due_soon, key=lambda v: (units[(v.portal_id, v.column_id)], _days_left(v)))
        create_table_artifact([{col["responsible"]: units[(v.portal_id, v.column_id)], col["portal_id"]: v.portal_id,
                                col["path"]: names[(v.portal_id, v.column_id)],
                                col["last_published_on"]: fmt_date(v.last_published_on),
                                col["days_left"]: _days_left(v),
                                col["url"]: links[(v.portal_id, v.column_id)] or ""} for v in due],
                              key="audit-due-soon", description=t("artifact.due_soon", n=len(due)))
    if not reports:
        return
    titles = {p.id: p.name for p in portals}
    index = Path(next(iter(reports.values()))).parent / "index.html"
    items = "".join(f'<li><a href="{html.escape(Path(path).name)}">{html.escape(titles.get(pid, pid))}</a></li>'
                    for pid, path in reports.items())
    heading = html.escape(t("artifact.reports", run=summary.run_id))
    index.write_text(f'<!doctype html><html lang="{language()}"><meta charset=utf-8><title>{heading}</title>'
                     f"<h1>{heading}</h1><ul>{items}</ul>", encoding="utf-8")
    create_link_artifact(index.resolve().as_uri(), link_text=t("artifact.reports", run=summary.run_id),
                         key="audit-reports")
    if len(reports) <= LINK_ARTIFACTS:
        for pid, path in reports.items():
            key = "report-" + re.sub(r"[^a-z0-9]+", "-", pid.lower()).strip("-")
            create_link_artifact(Path(path).as_uri(), link_text=t("artifact.report", portal=titles.get(pid, pid),
                                                                  run=summary.run_id),
                                 key=key)


def send_notification(block: str, summary: RunSummary) -> bool:
    """Send the run's alert through a Prefect notification block (``block-type/name``, e.g.
    ``custom-webhook/wecom`` for a 企业微信/钉钉 robot, or an e-mail block) when something
    vetoes, warns or falls due. A notification that fails is logged, never fails the run."""
    text = summary.alert()
    if not text:
        return False
    from prefect.blocks.core import Block

    try:
        cast(Any, Block.load(block)).notify(text, subject=f"portal-audit {summary.run_id}")  # a notification block
    except Exception as exc:  # the audit is stored either way
        get_run_logger().error("notification through %s failed: %s: %s", block, type(exc).__name__, exc)
        return False
    return True



def docs_index(docs_dir: Path, folders: list[str], pages: Sequence[str] = ()) -> str:
    """One page linking the expectation tables of a run's parts: each shard's, and the
    portals of which nothing was read (validated once the run's crawl was over)."""
    def label(name: str) -> str:
        return t("docs.unread") if name == UNREAD else t("docs.shard", shard=name)

    links = "".join(f'<li><a href="{html.escape(p)}">{html.escape(t("docs.portals_read"))}</a></li>' for p in pages)
    links += "".join(f'<li><a href="{html.escape(f)}/index.html">{html.escape(label(f))}</a></li>' for f in folders)
    index = docs_dir / "index.html"
    title = html.escape(t("docs.index", run=docs_dir.name))
    index.write_text(f"<!doctype html><meta charset=utf-8><title>{title}</title><h1>{title}</h1><ul>{links}</ul>",
                     encoding="utf-8")
    return str(index)


