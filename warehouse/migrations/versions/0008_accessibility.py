"""accessibility: accessibility_pages, axe-core's violations on the pages a run tested

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "accessibility_pages",
        sa.Column("run_id", sa.String(32), sa.ForeignKey("audit_runs.run_id", ondelete="CASCADE"), primary_key=True),
        sa.Column("portal_id", sa.String(128), primary_key=True),
        sa.Column("page_url", sa.Text(), primary_key=True),
        sa.Column("violations", sa.Text(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("elapsed_ms", sa.Float(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("accessibility_pages")
