"""probe certificates: each availability probe of an HTTPS home page records its certificate's
last day and, when the visit failed on TLS, why it does not verify

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("availability_probes") as batch:
        batch.add_column(sa.Column("cert_not_after", sa.Date(), nullable=True))
        batch.add_column(sa.Column("cert_problem", sa.String(16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("availability_probes") as batch:
        batch.drop_column("cert_problem")
        batch.drop_column("cert_not_after")
