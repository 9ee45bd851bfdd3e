"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_runs',
    sa.Column('run_id', sa.String(length=32), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('ruleset', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('catalog', sa.Text(), nullable=True),
    sa.Column('flow_run_id', sa.String(length=64), nullable=True),
    sa.Column('portals', sa.Integer(), nullable=False),
    sa.Column('columns', sa.Integer(), nullable=False),
    sa.Column('message', sa.Text(), nullable=True),
    sa.Column('data_docs', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('run_id')
    )
    op.create_table('catalog_versions',
    sa.Column('version', sa.String(length=16), nullable=False),
    sa.Column('portal_id', sa.String(length=128), nullable=False),
    sa.Column('first_used_run', sa.String(length=32), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('version')
    )
    op.create_table('evidence',
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('raw_size', sa.Integer(), nullable=False),
    sa.Column('compressed', sa.LargeBinary(), nullable=False),
    sa.Column('first_seen_run', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('content_hash')
    )
    op.create_table('item_title_changes',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('portal_id', sa.String(length=128), nullable=False),
    sa.Column('column_id', sa.String(length=128), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('old_title', sa.Text(), nullable=False),
    sa.Column('new_title', sa.Text(), nullable=False),
    sa.Column('run_id', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('items',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('portal_id', sa.String(length=128), nullable=False),
    sa.Column('column_id', sa.String(length=128), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('published_on', sa.Date(), nullable=True),
    sa.Column('pinned', sa.Boolean(), nullable=False),
    sa.Column('first_seen_run', sa.String(length=32), nullable=False),
    sa.Column('last_seen_run', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('portal_id', 'column_id', 'url', name='uq_items_column_url')
    )
    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.create_index('ix_items_column', ['portal_id', 'column_id'], unique=False)

    op.create_table('portals',
    sa.Column('portal_id', sa.String(length=128), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('base_url', sa.Text(), nullable=False),
    sa.Column('first_seen_run', sa.String(length=32), nullable=False),
    sa.Column('last_seen_run', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('portal_id')
    )
    op.create_table('catalog_columns',
    sa.Column('version', sa.String(length=16), nullable=False),
    sa.Column('column_id', sa.String(length=128), nullable=False),
    sa.Column('portal_id', sa.String(length=128), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('frequency', sa.String(length=32), nullable=False),
    sa.Column('category', sa.String(length=16), nullable=True),
    sa.Column('responsible', sa.Text(), nullable=True),
    sa.Column('profile', sa.Text(), nullable=True),
    sa.Column('home_page', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['version'], ['catalog_versions.version'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('version', 'column_id')
    )
    op.create_table('column_audits',
    sa.Column('run_id', sa.String(length=32), nullable=False),
    sa.Column('portal_id', sa.String(length=128), nullable=False),
    sa.Column('column_id', sa.String(length=128), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('last_published_on', sa.Date(), nullable=True),
    sa.Column('allowed_days', sa.Integer(), nullable=True),
    sa.Column('days_since_update', sa.Integer(), nullable=True),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('frequency', sa.String(length=32), nullable=False),
    sa.Column('frequency_code', sa.String(length=16), nullable=False),
    sa.Column('category', sa.String(length=16), nullable=True),
    sa.Column('responsible', sa.Text(), nullable=True),
    sa.Column('item_count', sa.Integer(), nullable=False),
    sa.Column('pages_fetched', sa.Integer(), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('failed_expectations', sa.Text(), nullable=False),
    sa.Column('missed_periods', sa.Integer(), nullable=True),
    sa.Column('periods_checked', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['run_id'], ['audit_runs.run_id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('run_id', 'portal_id', 'column_id')
    )
    with op.batch_alter_table('column_audits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_column_audits_status'), ['status'], unique=False)

    op.create_table('expectation_results',
    sa.Column('run_id', sa.String(length=32), nullable=False),
    sa.Column('portal_id', sa.String(length=128), nullable=False),
    sa.Column('suite', sa.String(length=32), nullable=False),
    sa.Column('expectation', sa.String(length=64), nullable=False),
    sa.Column('success', sa.Boolean(), nullable=False),
    sa.Column('unexpected_count', sa.Integer(), nullable=False),
    sa.Column('failing_columns', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['audit_runs.run_id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('run_id', 'portal_id', 'suite', 'expectation')
    )
    op.create_table('page_fetches',
    sa.Column('run_id', sa.String(length=32), nullable=False),
    sa.Column('portal_id', sa.String(length=128), nullable=False),
    sa.Column('column_id', sa.String(length=128), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('http_status', sa.Integer(), nullable=True),
    sa.Column('nbytes', sa.Integer(), nullable=False),
    sa.Column('elapsed_ms', sa.Float(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('content_hash', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['run_id'], ['audit_runs.run_id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('run_id', 'portal_id', 'column_id', 'seq')
    )
    op.create_table('portal_runs',
    sa.Column('run_id', sa.String(length=32), nullable=False),
    sa.Column('portal_id', sa.String(length=128), nullable=False),
    sa.Column('portal_name', sa.Text(), nullable=False),
    sa.Column('base_url', sa.Text(), nullable=False),
    sa.Column('loaded_at', sa.DateTime(), nullable=False),
    sa.Column('catalog_version', sa.String(length=16), nullable=True),
    sa.Column('columns', sa.Integer(), nullable=False),
    sa.Column('pages_fetched', sa.Integer(), nullable=False),
    sa.Column('bytes_fetched', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['catalog_version'], ['catalog_versions.version'], ),
    sa.ForeignKeyConstraint(['run_id'], ['audit_runs.run_id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('run_id', 'portal_id')
    )
    op.create_table('portal_verdicts',
    sa.Column('run_id', sa.String(length=32), nullable=False),
    sa.Column('portal_id', sa.String(length=128), nullable=False),
    sa.Column('verdict', sa.String(length=8), nullable=False),
    sa.Column('reasons', sa.Text(), nullable=False),
    sa.Column('home_reachable', sa.Boolean(), nullable=True),
    sa.Column('home_updated', sa.Boolean(), nullable=True),
    sa.Column('veto_class_columns', sa.Integer(), nullable=False),
    sa.Column('stale_columns', sa.Integer(), nullable=False),
    sa.Column('blank_columns', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['audit_runs.run_id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('run_id', 'portal_id')
    )


def downgrade() -> None:
    op.drop_table('portal_verdicts')
    op.drop_table('portal_runs')
    op.drop_table('page_fetches')
    op.drop_table('expectation_results')
    with op.batch_alter_table('column_audits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_column_audits_status'))

    op.drop_table('column_audits')
    op.drop_table('catalog_columns')
    op.drop_table('portals')
    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.drop_index('ix_items_column')

    op.drop_table('items')
    op.drop_table('item_title_changes')
    op.drop_table('evidence')
    op.drop_table('catalog_versions')
    op.drop_table('audit_runs')
