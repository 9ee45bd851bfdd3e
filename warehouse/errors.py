"""What goes wrong with the warehouse itself, as one line a user can act on."""

from __future__ import annotations

from portal_audit.i18n import Msg, as_msg


class WarehouseError(RuntimeError):
    """The warehouse cannot be used: the message says which (URL masked), why and the fix,
    in the reader's language when it is shown."""

    def __init__(self, message: Msg | str) -> None:
        shown = as_msg(message)
        assert shown is not None  # as_msg gives None only for "", which no caller raises
        self.msg = shown
        super().__init__(self.msg.render("en"))

    def __str__(self) -> str:
        return self.msg.render()
