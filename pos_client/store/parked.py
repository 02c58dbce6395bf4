"""Receipts put aside (the customer went back for something) while the till serves the next.

A receipt moves between the open receipt and this list in one transaction either way, so a
crash at any instant leaves it in exactly one of the two.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from pos_client.store.db import classify, immediate_transaction, utc_text


@dataclass(frozen=True, slots=True)
class ParkedReceipt:
    park_id: int
    parked_at: datetime
    lines: int
    total: int  # as priced when it was put aside


class ParkedReceipts:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def park(self, text: str, lines: int, total: int, now: datetime) -> int:
        """Put the open receipt `text` aside; returns its number in the list."""
        with immediate_transaction(self._db) as db:
            cursor = db.execute(
                "INSERT INTO parked_receipts (body, lines, total, parked_at) VALUES (?, ?, ?, ?)",
                (text, lines, total, utc_text(now)),
            )
            db.execute("DELETE FROM open_receipt")
        return int(cursor.lastrowid or 0)

    def listed(self) -> list[ParkedReceipt]:
        """Oldest first."""
        try:
            rows = self._db.execute(
                "SELECT park_id, parked_at, lines, total FROM parked_receipts ORDER BY park_id"
            ).fetchall()
        except sqlite3.Error as exc:
            raise classify(exc) from exc
        return [
            ParkedReceipt(int(park_id), datetime.fromisoformat(at), int(lines), int(total))
            for park_id, at, lines, total in rows
        ]

    def take(self, park_id: int, now: datetime) -> str | None:
        """Make the receipt put aside as `park_id` the open one again; None when there is no
        such receipt (taken up already, at this till)."""
        with immediate_transaction(self._db) as db:
            row = db.execute(
                "SELECT body FROM parked_receipts WHERE park_id = ?", (park_id,)
            ).fetchone()
            if row is None:
                return None
            db.execute("DELETE FROM parked_receipts WHERE park_id = ?", (park_id,))
            db.execute(
                "INSERT OR REPLACE INTO open_receipt (id, body, updated_at) VALUES (1, ?, ?)",
                (row[0], utc_text(now)),
            )
        return str(row[0])
