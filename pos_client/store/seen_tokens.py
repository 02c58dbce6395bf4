"""App codes the terminal has accepted: a code is good once, across restarts too."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from pos_client.core.identity import AppToken
from pos_client.store.db import classify, immediate_transaction

KEEP_STEPS = 20  # far beyond any accepted clock skew: older codes are refused as expired anyway


class SeenTokens:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def seen(self, token: AppToken) -> bool:
        try:
            row = self._db.execute(
                "SELECT 1 FROM seen_tokens WHERE key_id = ? AND member_id = ? AND step = ?",
                [token.key_id, token.member_id, token.step],
            ).fetchone()
        except sqlite3.Error as exc:
            raise classify(exc) from exc
        return row is not None

    def claim(self, token: AppToken, now: datetime) -> bool:
        """Remember the token; False when it was already there (a replay)."""
        with immediate_transaction(self._db) as db:
            cursor = db.execute(
                "INSERT OR IGNORE INTO seen_tokens VALUES (?, ?, ?, ?)",
                [token.key_id, token.member_id, token.step, now.isoformat()],
            )
            db.execute("DELETE FROM seen_tokens WHERE step < ?", [token.step - KEEP_STEPS])
            return cursor.rowcount == 1
