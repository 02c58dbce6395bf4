"""The terminal's audit log: hash-chained entries, each journaled with its outbox row so the
log reaches the hub with the sales."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import datetime

from pos_client.core.audit import AuditEntry, Details, first_break, next_entry
from pos_client.record_ids import new_record_id
from pos_client.store.db import classify, immediate_transaction


class AuditLog:
    def __init__(self, db: sqlite3.Connection, terminal_id: str) -> None:
        self._db = db
        self._terminal_id = terminal_id

    def record(
        self,
        at: datetime,
        staff_id: str | None,
        event: str,
        details: Details,
        *,
        also: Callable[[sqlite3.Connection], None] | None = None,
    ) -> AuditEntry:
        """Append an entry (and do `also` in the same transaction: the change it records)."""
        with immediate_transaction(self._db) as db:
            if also is not None:
                also(db)
            entry = next_entry(
                self._last(db),
                at=at.isoformat(),
                terminal_id=self._terminal_id,
                staff_id=staff_id,
                event=event,
                details=details,
            )
            db.execute(
                "INSERT INTO audit_log (seq, at, staff_id, event, details, prev_hash, hash)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    entry.seq,
                    entry.at,
                    entry.staff_id,
                    entry.event,
                    json.dumps(dict(entry.details), ensure_ascii=False, sort_keys=True),
                    entry.prev_hash,
                    entry.hash,
                ],
            )
            db.execute(
                "INSERT INTO outbox (key, kind, body, created_at) VALUES (?, 'audit', ?, ?)",
                [
                    new_record_id(),
                    json.dumps(entry.to_dict(), ensure_ascii=False, sort_keys=True),
                    entry.at,
                ],
            )
        return entry

    def entries(self) -> list[AuditEntry]:
        try:
            rows = self._db.execute(
                "SELECT seq, at, staff_id, event, details, prev_hash, hash FROM audit_log"
                " ORDER BY seq"
            ).fetchall()
        except sqlite3.Error as exc:
            raise classify(exc) from exc
        return [self._entry(row) for row in rows]

    def first_break(self) -> int | None:
        """The seq of the first altered or missing entry; None while the chain holds."""
        return first_break(self.entries())

    def _last(self, db: sqlite3.Connection) -> AuditEntry | None:
        row = db.execute(
            "SELECT seq, at, staff_id, event, details, prev_hash, hash FROM audit_log"
            " ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        return self._entry(row) if row else None

    def _entry(self, row: tuple[object, ...]) -> AuditEntry:
        seq, at, staff_id, event, details, prev_hash, digest = row
        return AuditEntry(
            seq=int(str(seq)),
            at=str(at),
            terminal_id=self._terminal_id,
            staff_id=None if staff_id is None else str(staff_id),
            event=str(event),
            details=json.loads(str(details)),
            prev_hash=str(prev_hash),
            hash=str(digest),
        )
