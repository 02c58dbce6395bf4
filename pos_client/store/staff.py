"""The outlet's staff as the last sync brought them, and each person's wrong-PIN count."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from pos_client.core.staff import LoginState, StaffMember
from pos_client.store.db import classify, dict_rows


class StaffRoster:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def everyone(self) -> list[StaffMember]:
        """By name, for the login screen."""
        return [StaffMember.from_dict(row) for row in self._rows("1 = 1", [])]

    def by_id(self, staff_id: str) -> StaffMember | None:
        rows = self._rows("staff_id = ?", [staff_id])
        return StaffMember.from_dict(rows[0]) if rows else None

    def by_badge(self, badge: str) -> StaffMember | None:
        rows = self._rows("badge != '' AND badge = ?", [badge])
        return StaffMember.from_dict(rows[0]) if len(rows) == 1 else None

    def login_state(self, staff_id: str) -> LoginState:
        row = self._db.execute(
            "SELECT failures, locked_until FROM login_state WHERE staff_id = ?", [staff_id]
        ).fetchone()
        if row is None:
            return LoginState()
        return LoginState(row[0], datetime.fromisoformat(row[1]) if row[1] else None)

    @staticmethod
    def save_login_state(db: sqlite3.Connection, staff_id: str, state: LoginState) -> None:
        """Inside the caller's transaction (the audit entry that records the attempt)."""
        db.execute(
            "INSERT OR REPLACE INTO login_state (staff_id, failures, locked_until)"
            " VALUES (?, ?, ?)",
            [
                staff_id,
                state.failures,
                state.locked_until.isoformat() if state.locked_until else None,
            ],
        )

    def _rows(self, where: str, params: list[str]) -> list[dict[str, str]]:
        try:
            cursor = self._db.execute(
                f"SELECT * FROM staff WHERE {where} ORDER BY name, staff_id", params
            )
            return dict_rows(cursor)
        except sqlite3.Error as exc:
            raise classify(exc) from exc
