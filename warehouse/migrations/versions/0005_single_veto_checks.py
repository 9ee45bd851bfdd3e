"""single-veto checks in full: portal_checks, availability_probes, home_links,
consultation_messages, and the views v_portal_checks and v_due_soon

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

from warehouse.views import CHECK_VIEWS

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "portal_checks",
        sa.Column("run_id", sa.String(32), sa.ForeignKey("audit_runs.run_id", ondelete="CASCADE"), primary_key=True),
        sa.Column("portal_id", sa.String(128), primary_key=True),
        sa.Column("item", sa.String(32), primary_key=True),
        sa.Column("outcome", sa.String(8), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
    )
    op.create_table(
        "availability_probes",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("portal_id", sa.String(128), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("probed_at", sa.DateTime(), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("elapsed_ms", sa.Float(), nullable=False),
        sa.Column("http_status", sa.Integer(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("ipv6_ok", sa.Boolean(), nullable=True),
    )
    op.create_index("ix_probes_portal_time", "availability_probes", ["portal_id", "probed_at"])
    op.create_table(
        "home_links",
        sa.Column("portal_id", sa.String(128), primary_key=True),
        sa.Column("url", sa.Text(), primary_key=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("first_seen_run", sa.String(32), nullable=False),
        sa.Column("last_seen_run", sa.String(32), nullable=False),
    )
    op.create_table(
        "consultation_messages",
        sa.Column("portal_id", sa.String(128), primary_key=True),
        sa.Column("column_id", sa.String(128), primary_key=True),
        sa.Column("url", sa.Text(), primary_key=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("asked_on", sa.Date(), nullable=True),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("first_seen_run", sa.String(32), nullable=False),
        sa.Column("last_seen_run", sa.String(32), nullable=False),
    )
    for name, sql in CHECK_VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {sql}")


def downgrade() -> None:
    for name in CHECK_VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    for table in ("consultation_messages", "home_links", "availability_probes", "portal_checks"):
        op.drop_table(table)
