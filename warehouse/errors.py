"""What goes wrong with the warehouse itself, as one line a user can act on."""

from __future__ import annotations


class WarehouseError(RuntimeError):
    """The warehouse cannot be used: the message says which (URL masked), why and the fix."""
