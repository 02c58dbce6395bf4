"""Coupons a member redeems: single use per member, reserved online while a receipt is open."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime, timedelta

RESERVATION = timedelta(minutes=15)


class CouponRefused(Exception):
    """Why a coupon cannot be reserved: coupon_already_used or coupon_reserved_elsewhere."""


def reserve(
    conn: sqlite3.Connection, code: str, member_id: str, terminal_id: str, now: datetime
) -> datetime:
    """Hold the coupon for this terminal's open receipt; returns until when."""
    if _used_by(conn, code, member_id) is not None:
        raise CouponRefused("coupon_already_used")
    held = conn.execute(
        "SELECT terminal_id, expires_at FROM coupon_reservations WHERE code = ? AND member_id = ?",
        (code, member_id),
    ).fetchone()
    if (
        held is not None
        and held["terminal_id"] != terminal_id
        and datetime.fromisoformat(held["expires_at"]) > now
    ):
        raise CouponRefused("coupon_reserved_elsewhere")
    until = now + RESERVATION
    conn.execute(
        "INSERT OR REPLACE INTO coupon_reservations VALUES (?, ?, ?, ?)",
        (code, member_id, terminal_id, until.isoformat()),
    )
    return until


def release(conn: sqlite3.Connection, code: str, member_id: str, terminal_id: str) -> None:
    """Give back this terminal's hold (the receipt was cancelled); others' holds stay."""
    conn.execute(
        "DELETE FROM coupon_reservations WHERE code = ? AND member_id = ? AND terminal_id = ?",
        (code, member_id, terminal_id),
    )


def use_coupons(conn: sqlite3.Connection, codes: Iterable[str], member_id: str, key: str) -> bool:
    """Record the coupons a sale used; True when one of them had been used by another sale."""
    clash = False
    for code in codes:
        first = _used_by(conn, code, member_id)
        if first is not None and first != key:
            clash = True
            continue
        conn.execute("INSERT OR IGNORE INTO coupon_uses VALUES (?, ?, ?)", (code, member_id, key))
        conn.execute(
            "DELETE FROM coupon_reservations WHERE code = ? AND member_id = ?", (code, member_id)
        )
    return clash


def _used_by(conn: sqlite3.Connection, code: str, member_id: str) -> str | None:
    row = conn.execute(
        "SELECT transaction_key FROM coupon_uses WHERE code = ? AND member_id = ?",
        (code, member_id),
    ).fetchone()
    return str(row["transaction_key"]) if row else None
