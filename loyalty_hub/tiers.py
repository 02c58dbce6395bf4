"""A member's qualifying spend for the tiers (booked by month, a return against its sale's
month) and their personal offers (coupons of the rules, given to one member until a day)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta


def add_spend(conn: sqlite3.Connection, member_id: str, on: date, amount: int) -> None:
    """Count a sale (or, negative, a return) towards the member's tier."""
    conn.execute(
        "INSERT INTO member_spend VALUES (?, ?, ?) ON CONFLICT (member_id, month)"
        " DO UPDATE SET amount = amount + excluded.amount",
        (member_id, on.strftime("%Y-%m"), amount),
    )


def tier_period_days(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM settings WHERE key = 'programme'").fetchone()
    programme = json.loads(row["value"]) if row else {}
    return int(programme.get("tier_period_days", 365))


def tier_spend(conn: sqlite3.Connection, member_id: str, today: date, period_days: int) -> int:
    """What the member bought over the period (whole months back from today's)."""
    since = (today - timedelta(days=period_days)).strftime("%Y-%m")
    row = conn.execute(
        "SELECT COALESCE(SUM(amount), 0) FROM member_spend WHERE member_id = ? AND month > ?",
        (member_id, since),
    ).fetchone()
    return max(int(row[0]), 0)


def member_offers(conn: sqlite3.Connection, member_id: str, today: date) -> list[str]:
    """The codes of the member's personal offers still valid today and not yet used."""
    rows = conn.execute(
        "SELECT code FROM member_offers o WHERE member_id = ? AND until >= ? AND NOT EXISTS"
        " (SELECT 1 FROM coupon_uses u WHERE u.code = o.code AND u.member_id = o.member_id)"
        " ORDER BY code",
        (member_id, today.isoformat()),
    ).fetchall()
    return [row[0] for row in rows]
