"""互动回应: when a message to a portal counts as answered late (the national checklist's 互动回应差:
a message left over 3 months without an answer, in the year before the check).

In the ground because two floors read it: the validate stage judges 互动回应差 by it, and
the reports list the late messages a run found from the messages the warehouse keeps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from .records import Message

ANSWER_MONTHS = 3
MESSAGE_WINDOW_DAYS = 365


@dataclass(frozen=True)
class LateMessage:
    column_id: str
    message: Message
    waited_days: int  # from the message to its answer, or to the check when unanswered


def late_messages(messages: dict[str, tuple[Message, ...]], as_of: date) -> list[LateMessage]:
    """Messages of the year before ``as_of`` that waited more than 3 months for an answer
    (answered late, or still unanswered)."""
    since = as_of - timedelta(days=MESSAGE_WINDOW_DAYS)
    late = []
    for column_id, found in messages.items():
        for m in found:
            if m.asked_on is None or not since <= m.asked_on <= as_of:
                continue
            deadline = m.asked_on + relativedelta(months=ANSWER_MONTHS)
            if m.answered_on is not None:
                if m.answered_on > deadline:
                    late.append(LateMessage(column_id, m, (m.answered_on - m.asked_on).days))
            elif m.state != "answered" and as_of > deadline:
                late.append(LateMessage(column_id, m, (as_of - m.asked_on).days))
    return sorted(late, key=lambda x: -x.waited_days)
