"""evaluation views: latest status per column, portal and unit scorecards, column trend

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""
from alembic import op

from warehouse.views import VIEWS

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for name, sql in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {sql}")


def downgrade() -> None:
    for name in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
