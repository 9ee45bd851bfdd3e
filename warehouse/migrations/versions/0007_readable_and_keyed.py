"""readable tables and history keyed across moves: *_text columns written out in Chinese
beside the message keys; items, home_links and consultation_messages keyed by url_key
(portal_audit.urls.site_key), merged where a portal's move had duplicated them; views with
portal names

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

from portal_audit.i18n import DEFAULT_LANGUAGE, loads, msg, render
from portal_audit.urls import site_key
from warehouse.views import CHECK_VIEWS, LINK_VIEWS, READABLE_VIEWS, VIEWS

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_RUNS = ("first_seen_run", "last_seen_run")


def _keyed_tables(by: str) -> dict[str, list[sa.schema.SchemaItem]]:
    """The three history tables, keyed by ``by`` (url_key now, url before)."""
    key = [sa.Column("url_key", sa.Text(), nullable=False)] if by == "url_key" else []
    runs = [sa.Column(r, sa.String(32), nullable=False) for r in _RUNS]
    return {
        "items": [sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
                  sa.Column("portal_id", sa.String(128), nullable=False),
                  sa.Column("column_id", sa.String(128), nullable=False), *key,
                  sa.Column("url", sa.Text(), nullable=False), sa.Column("title", sa.Text(), nullable=False),
                  sa.Column("published_on", sa.Date(), nullable=True),
                  sa.Column("pinned", sa.Boolean(), nullable=False),
                  *runs, sa.UniqueConstraint("portal_id", "column_id", by,
                                             name="uq_items_column_key" if by == "url_key" else "uq_items_column_url")],
        "home_links": [sa.Column("portal_id", sa.String(128), primary_key=True),
                       *[sa.Column(c.name, c.type, primary_key=True) for c in key],
                       sa.Column("url", sa.Text(), nullable=False, primary_key=by == "url"),
                       sa.Column("title", sa.Text(), nullable=False),
                       sa.Column("published_on", sa.Date(), nullable=True),
                       *runs],
        "consultation_messages": [sa.Column("portal_id", sa.String(128), primary_key=True),
                                  sa.Column("column_id", sa.String(128), primary_key=True),
                                  *[sa.Column(c.name, c.type, primary_key=True) for c in key],
                                  sa.Column("url", sa.Text(), nullable=False, primary_key=by == "url"),
                                  sa.Column("title", sa.Text(), nullable=False),
                                  sa.Column("asked_on", sa.Date(), nullable=True),
                                  sa.Column("answered_on", sa.Date(), nullable=True),
                                  sa.Column("state", sa.String(16), nullable=False), *runs],
    }


def _rebuild(by: str) -> None:
    """Re-create the history tables keyed by ``by``, each group of rows that now share a key
    merged into one: the newest row's values, the earliest first sighting."""
    conn = op.get_bind()
    bases: dict[str, str] = dict(conn.execute(sa.text("SELECT portal_id, base_url FROM portals")).all())
    for table, columns in _keyed_tables(by).items():
        old = sa.Table(table, sa.MetaData(), autoload_with=conn)  # typed: dates come back as dates
        rows = [dict(r._mapping) for r in conn.execute(sa.select(old))]
        merged: dict[tuple, dict] = {}
        for row in sorted(rows, key=lambda r: r["last_seen_run"]):
            if by == "url_key":
                row["url_key"] = site_key(row["url"], bases.get(row["portal_id"], row["url"]))
            else:
                row.pop("url_key", None)
            group = (row["portal_id"], row.get("column_id"), row[by])
            first = merged[group]["first_seen_run"] if group in merged else row["first_seen_run"]
            merged[group] = {**row, "first_seen_run": min(first, row["first_seen_run"])}
        op.drop_table(table)
        new = op.create_table(table, *columns)
        if table == "items":
            op.create_index("ix_items_column", "items", ["portal_id", "column_id"])
        if merged:
            op.bulk_insert(new, list(merged.values()))


def _views(views: dict[str, str]) -> None:
    for name in READABLE_VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    for name, sql in views.items():
        op.execute(f"CREATE VIEW {name} AS {sql}")


def _write_out() -> None:
    """The *_text columns of the runs already stored, rendered from their message keys."""
    conn = op.get_bind()
    lang = DEFAULT_LANGUAGE
    for run_id, portal_id, column_id, detail in conn.execute(sa.text(
            "SELECT run_id, portal_id, column_id, detail FROM column_audits")).all():
        conn.execute(sa.text("UPDATE column_audits SET detail_text = :t WHERE run_id = :r AND portal_id = :p "
                             "AND column_id = :c"), dict(t=render(detail, lang), r=run_id, p=portal_id, c=column_id))
    for run_id, portal_id, reasons in conn.execute(sa.text(
            "SELECT run_id, portal_id, reasons FROM portal_verdicts")).all():
        conn.execute(sa.text("UPDATE portal_verdicts SET reasons_text = :t WHERE run_id = :r AND portal_id = :p"),
                     dict(t=render(reasons, lang), r=run_id, p=portal_id))
    for run_id, portal_id, item, reason in conn.execute(sa.text(
            "SELECT run_id, portal_id, item, reason FROM portal_checks")).all():
        line = msg("verdict.line", item=msg(f"item.{item}"), reason=(loads(reason) or [msg("empty")])[0])
        conn.execute(sa.text("UPDATE portal_checks SET reason_text = :t WHERE run_id = :r AND portal_id = :p "
                             "AND item = :i"), dict(t=line.render(lang), r=run_id, p=portal_id, i=item))


_TEXT = (("column_audits", "detail_text"), ("portal_verdicts", "reasons_text"), ("portal_checks", "reason_text"))


def upgrade() -> None:
    for name in READABLE_VIEWS:  # views over the tables rebuilt below
        op.execute(f"DROP VIEW IF EXISTS {name}")
    for table, column in _TEXT:
        op.add_column(table, sa.Column(column, sa.Text(), nullable=False, server_default=""))
    _write_out()
    _rebuild("url_key")
    _views(READABLE_VIEWS)


def downgrade() -> None:
    _views({})
    _rebuild("url")
    for table, column in _TEXT:
        with op.batch_alter_table(table) as batch:
            batch.drop_column(column)
    _views({**VIEWS, **CHECK_VIEWS, **LINK_VIEWS})
