"""Alembic environment: run by ``portal-audit db upgrade`` (warehouse/schema.py) on the
connection it is handed; no alembic.ini needed."""

from alembic import context

from warehouse.models import Base

config = context.config
connection = config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                  compare_type=True)
with context.begin_transaction():
    context.run_migrations()
