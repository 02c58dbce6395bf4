"""The audit log's entries, each hashed together with the hash of the one before: editing,
removing or reordering an entry breaks every hash after it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64
Details = Mapping[str, str | int | bool | None]


class AuditError(ValueError):
    """An audit record that cannot be read."""


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int  # 1, 2, ... per terminal
    at: str  # ISO 8601
    terminal_id: str
    staff_id: str | None  # who did it (or tried to)
    event: str  # login, login_failed, override_approved, shift_closed, ...
    details: Details
    prev_hash: str
    hash: str

    @property
    def intact(self) -> bool:
        """Whether the entry's hash is the hash of its content."""
        return self.hash == entry_hash(
            seq=self.seq,
            at=self.at,
            terminal_id=self.terminal_id,
            staff_id=self.staff_id,
            event=self.event,
            details=self.details,
            prev_hash=self.prev_hash,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "at": self.at,
            "terminal_id": self.terminal_id,
            "staff_id": self.staff_id,
            "event": self.event,
            "details": dict(self.details),
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AuditEntry:
        try:
            return cls(
                seq=int(data["seq"]),
                at=str(data["at"]),
                terminal_id=str(data["terminal_id"]),
                staff_id=None if data["staff_id"] is None else str(data["staff_id"]),
                event=str(data["event"]),
                details=dict(data["details"]),
                prev_hash=str(data["prev_hash"]),
                hash=str(data["hash"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise AuditError(f"bad audit entry: {exc}") from None


def entry_hash(
    *,
    seq: int,
    at: str,
    terminal_id: str,
    staff_id: str | None,
    event: str,
    details: Details,
    prev_hash: str,
) -> str:
    content = [seq, at, terminal_id, staff_id, event, dict(details), prev_hash]
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def next_entry(
    previous: AuditEntry | None,
    *,
    at: str,
    terminal_id: str,
    staff_id: str | None,
    event: str,
    details: Details,
) -> AuditEntry:
    """The entry that follows `previous` (None: the first of the terminal's log)."""
    seq = previous.seq + 1 if previous else 1
    prev_hash = previous.hash if previous else GENESIS
    digest = entry_hash(
        seq=seq,
        at=at,
        terminal_id=terminal_id,
        staff_id=staff_id,
        event=event,
        details=details,
        prev_hash=prev_hash,
    )
    return AuditEntry(seq, at, terminal_id, staff_id, event, details, prev_hash, digest)


def first_break(entries: Iterable[AuditEntry]) -> int | None:
    """The seq of the first entry that was altered, or does not follow the one before it;
    None when the whole chain (in seq order, from 1) holds."""
    previous: AuditEntry | None = None
    for entry in entries:
        expected_seq = previous.seq + 1 if previous else 1
        expected_prev = previous.hash if previous else GENESIS
        if entry.seq != expected_seq or entry.prev_hash != expected_prev or not entry.intact:
            return entry.seq
        previous = entry
    return None
