"""Shifts and cash moves in the journal; a shift's figures are read from its own sales and
returns (each is stamped with the shift that was open when it committed)."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

from pos_client.core.money import Money
from pos_client.core.shift import Shift, ShiftSummary
from pos_client.store.db import classify


class Shifts:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def current(self) -> Shift | None:
        try:
            row = self._db.execute(
                "SELECT shift_id, number, opened_at, opened_by, opening_float FROM shifts"
                " WHERE closed_at IS NULL"
            ).fetchone()
        except sqlite3.Error as exc:
            raise classify(exc) from exc
        if row is None:
            return None
        return Shift(row[0], row[1], datetime.fromisoformat(row[2]), row[3], row[4])

    @staticmethod
    def insert_open(
        db: sqlite3.Connection, shift_id: str, at: datetime, staff_id: str, opening: Money
    ) -> int:
        """Open a shift inside the caller's transaction; its number. Raises sqlite3 errors
        (a second open shift breaks the shifts_one_open index)."""
        number = int(db.execute("SELECT COALESCE(MAX(number), 0) + 1 FROM shifts").fetchone()[0])
        db.execute(
            "INSERT INTO shifts (shift_id, number, opened_at, opened_by, opening_float)"
            " VALUES (?, ?, ?, ?, ?)",
            [shift_id, number, at.isoformat(), staff_id, opening],
        )
        return number

    @staticmethod
    def insert_cash_move(
        db: sqlite3.Connection,
        *,
        move_id: str,
        shift_id: str,
        at: datetime,
        staff_id: str,
        amount: Money,
        reason: str,
    ) -> None:
        db.execute(
            "INSERT INTO cash_moves (move_id, shift_id, at, staff_id, amount, reason)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [move_id, shift_id, at.isoformat(), staff_id, amount, reason],
        )

    @staticmethod
    def insert_no_sale(
        db: sqlite3.Connection,
        *,
        no_sale_id: str,
        shift_id: str,
        at: datetime,
        staff_id: str,
        approved_by: str,
        reason: str,
    ) -> None:
        db.execute(
            "INSERT INTO no_sales (no_sale_id, shift_id, at, staff_id, approved_by, reason)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [no_sale_id, shift_id, at.isoformat(), staff_id, approved_by, reason],
        )

    @staticmethod
    def mark_closed(
        db: sqlite3.Connection,
        *,
        shift_id: str,
        at: datetime,
        staff_id: str,
        counted: Money,
        summary: ShiftSummary,
    ) -> None:
        db.execute(
            "UPDATE shifts SET closed_at = ?, closed_by = ?, counted_cash = ?, summary = ?"
            " WHERE shift_id = ? AND closed_at IS NULL",
            [at.isoformat(), staff_id, counted, json.dumps(summary.to_dict()), shift_id],
        )

    def summary(self, shift: Shift) -> ShiftSummary:
        try:
            return self._summary(shift)
        except sqlite3.Error as exc:
            raise classify(exc) from exc

    def _summary(self, shift: Shift) -> ShiftSummary:
        run = self._db.execute
        key = [shift.shift_id]
        sales, sales_total, earned = run(
            "SELECT COUNT(*), COALESCE(SUM(total), 0), COALESCE(SUM(points_earned), 0)"
            " FROM sales WHERE shift_id = ?",
            key,
        ).fetchone()
        by_tender = dict(
            run(
                "SELECT t.kind, SUM(t.amount) FROM tenders t JOIN sales s USING (sale_id)"
                " WHERE s.shift_id = ? GROUP BY t.kind",
                key,
            ).fetchall()
        )
        spent = run(
            "SELECT COALESCE(-SUM(p.points), 0) FROM points_ledger p JOIN sales s"
            " USING (sale_id) WHERE s.shift_id = ? AND p.kind = 'burn'",
            key,
        ).fetchone()[0]
        coupons = run(
            "SELECT COUNT(*) FROM sales s, json_each(s.coupons_used) WHERE s.shift_id = ?", key
        ).fetchone()[0]
        returns = run(
            "SELECT COUNT(*), COALESCE(SUM(refund), 0),"
            " COALESCE(SUM(json_extract(body, '$.points_reversed')), 0),"
            " COALESCE(SUM(json_extract(body, '$.points_refunded')), 0)"
            " FROM returns WHERE shift_id = ?",
            key,
        ).fetchone()
        refunds_by_tender = dict(  # a split refund names its tenders in `refunds`
            run(
                "SELECT COALESCE(json_extract(part.value, '$.kind'),"
                " json_extract(body, '$.tender')),"
                " SUM(COALESCE(json_extract(part.value, '$.amount'), refund))"
                " FROM returns LEFT JOIN json_each(body, '$.refunds') AS part"
                " WHERE shift_id = ? GROUP BY 1",
                key,
            ).fetchall()
        )
        cash_in, cash_out = run(
            "SELECT COALESCE(SUM(MAX(amount, 0)), 0), COALESCE(-SUM(MIN(amount, 0)), 0)"
            " FROM cash_moves WHERE shift_id = ?",
            key,
        ).fetchone()
        no_sales = run("SELECT COUNT(*) FROM no_sales WHERE shift_id = ?", key).fetchone()[0]
        waiting = run("SELECT COUNT(*) FROM outbox WHERE kind != 'audit'").fetchone()[0]
        return ShiftSummary(
            opening_float=shift.opening_float,
            sales=sales,
            sales_total=sales_total,
            sales_by_tender=by_tender,
            returns=returns[0],
            refunds_total=returns[1],
            refunds_by_tender=refunds_by_tender,
            points_earned=earned,
            points_spent=spent,
            points_reversed=returns[2],
            points_refunded=returns[3],
            coupons_used=coupons,
            cash_in=cash_in,
            cash_out=cash_out,
            no_sales=no_sales,
            waiting_to_sync=waiting,
        )
