"""Ids of the records a till journals and sends (sales, returns, shift moves, audit entries)."""

from __future__ import annotations

from uuid6 import uuid7


def new_record_id() -> str:
    """A UUID version 7: unique like any UUID, and in the order the till made the records.

    The journal, its outbox and the hub keep these ids in indexes; ids that grow with time are
    added at one end of an index instead of all over it, so a commit writes fewer pages.
    """
    return str(uuid7())
