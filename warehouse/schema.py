"""Schema versions with Alembic: a new warehouse is created at the head revision; an
existing one behind the code is refused with the command that upgrades it."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from portal_audit.i18n import msg

from .errors import WarehouseError

MIGRATIONS = Path(__file__).parent / "migrations"


class SchemaBehind(WarehouseError):
    """The warehouse's schema is older than this code."""


class SchemaAhead(WarehouseError):
    """The warehouse's schema is newer than this code (a newer portal-audit migrated it)."""


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@lru_cache(maxsize=1)
def head_revision() -> str:
    """The newest migration (read once: the scripts ship with the code)."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "the migrations ship with the code: there is always a head"
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def downgrade(engine: Engine, revision: str) -> None:
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def is_known(revision: str) -> bool:
    """Whether this code's migrations know ``revision`` (a newer code's revision is not)."""
    try:
        return ScriptDirectory.from_config(_config()).get_revision(revision) is not None
    except Exception:  # alembic raises its own errors for unknown or partial ids
        return False


def refuse_ahead(current: str | None, shown_url: str) -> None:
    if current is not None and not is_known(current):
        raise SchemaAhead(msg("warehouse.ahead", url=shown_url, current=current, head=head_revision()))


def ensure_schema(engine: Engine, shown_url: str) -> None:
    """Create an empty warehouse at head; refuse one whose schema is behind or ahead."""
    current, head = current_revision(engine), head_revision()
    if current == head:
        return
    if current is None and not inspect(engine).get_table_names():
        upgrade(engine)
        return
    refuse_ahead(current, shown_url)
    raise SchemaBehind(msg("warehouse.behind", url=shown_url, current=current or msg("warehouse.no_version"),
                           head=head))
