"""links and content: link_checks, link_fingerprints, content_findings, v_broken_links

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

from warehouse.views import LINK_VIEWS

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _run_key() -> list:
    return [sa.Column("run_id", sa.String(32), sa.ForeignKey("audit_runs.run_id", ondelete="CASCADE"),
                      primary_key=True),
            sa.Column("portal_id", sa.String(128), primary_key=True)]


def upgrade() -> None:
    op.create_table(
        "link_checks", *_run_key(),
        sa.Column("url", sa.Text(), primary_key=True),
        sa.Column("page_url", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("scope", sa.String(8), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("blank_title", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("checked", sa.Boolean(), nullable=False),
        sa.Column("http_status", sa.Integer(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("nights_broken", sa.Integer(), nullable=False),
        sa.Column("first_broken_run", sa.String(32), nullable=True),
        sa.Column("hijacked", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_link_checks_portal", "link_checks", ["portal_id", "run_id"])
    op.create_table(
        "link_fingerprints",
        sa.Column("url", sa.Text(), primary_key=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("text_sample", sa.Text(), nullable=False),
        sa.Column("first_seen_run", sa.String(32), nullable=False),
    )
    op.create_table(
        "content_findings", *_run_key(),
        sa.Column("seq", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("rule", sa.String(16), nullable=False),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("term", sa.Text(), nullable=False),
        sa.Column("expected", sa.Text(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("page_url", sa.Text(), nullable=False),
        sa.Column("column_id", sa.String(128), nullable=True),
    )
    for name, sql in LINK_VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {sql}")


def downgrade() -> None:
    for name in LINK_VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    for table in ("content_findings", "link_fingerprints", "link_checks"):
        op.drop_table(table)
