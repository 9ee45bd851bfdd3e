"""attachments: attachment_scans, each attachment as the latest night read it for personal
data (validators, content hash, masked findings)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachment_scans",
        sa.Column("portal_id", sa.String(128), primary_key=True),
        sa.Column("url", sa.Text(), primary_key=True),
        sa.Column("page_url", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("nbytes", sa.Integer(), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("run_id", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("attachment_scans")
