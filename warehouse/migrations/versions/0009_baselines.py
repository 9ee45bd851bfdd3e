"""baselines: portal_surfaces (what each run saw of a portal's stable parts and script
origins) and portal_baselines (what they are compared with), for the tampering and
injected-script checks

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "portal_surfaces",
        sa.Column("run_id", sa.String(32), sa.ForeignKey("audit_runs.run_id", ondelete="CASCADE"), primary_key=True),
        sa.Column("portal_id", sa.String(128), primary_key=True),
        sa.Column("home", sa.Text(), nullable=False),
        sa.Column("origins", sa.Text(), nullable=False),
    )
    op.create_table(
        "portal_baselines",
        sa.Column("portal_id", sa.String(128), primary_key=True),
        sa.Column("run_id", sa.String(32), nullable=False),
        sa.Column("home", sa.Text(), nullable=False),
        sa.Column("origins", sa.Text(), nullable=False),
        sa.Column("accepted", sa.Boolean(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("portal_baselines")
    op.drop_table("portal_surfaces")
