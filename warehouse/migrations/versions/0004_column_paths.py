"""script-drawn lists: how each column's list was read (column_audits.extraction) and the
way to read it next night (column_paths)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "column_paths",
        sa.Column("portal_id", sa.String(128), primary_key=True),
        sa.Column("column_id", sa.String(128), primary_key=True),
        sa.Column("method", sa.String(16), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("run_id", sa.String(32), nullable=False),
    )
    # a plain ADD COLUMN (SQLite has one): a batch copy of the table would break the views on it
    op.add_column("column_audits", sa.Column("extraction", sa.String(16), nullable=True))


def downgrade() -> None:
    from warehouse.views import VIEWS

    op.execute("DROP VIEW IF EXISTS v_latest_column_status")  # PostgreSQL: it may name the column (ca.*)
    op.drop_column("column_audits", "extraction")
    op.execute(f"CREATE VIEW v_latest_column_status AS {VIEWS['v_latest_column_status']}")
    op.drop_table("column_paths")
