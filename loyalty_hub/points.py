"""A member's points as the programme shows them: active, pending, and what expires when."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any

from loyalty_hub.store import member_row
from pos_client.core.loyalty import PointLot, PointsPolicy, points_view


def points_policy(conn: sqlite3.Connection) -> PointsPolicy:
    row = conn.execute("SELECT value FROM settings WHERE key = 'points'").fetchone()
    settings = json.loads(row["value"]) if row else {}
    defaults = PointsPolicy()
    return PointsPolicy(
        pending_days=int(settings.get("pending_days", defaults.pending_days)),
        expiry_days=int(settings.get("expiry_days", defaults.expiry_days)),
    )


def member_document(conn: sqlite3.Connection, row: sqlite3.Row, today: date) -> dict[str, Any]:
    """The member as the API shows it. Spent points come off the lots that expire first."""
    data = member_row(row)
    # A return takes earned points back from its sale's day, so lots are summed by day.
    by_day = conn.execute(
        "SELECT created_on, SUM(points) FROM points_ledger WHERE member_id = ?"
        " AND kind IN ('opening', 'earn') GROUP BY created_on",
        (data["member_id"],),
    ).fetchall()
    lots = [PointLot(points, date.fromisoformat(day)) for day, points in by_day if points > 0]
    spent = -conn.execute(
        "SELECT COALESCE(SUM(points), 0) FROM points_ledger WHERE member_id = ? AND kind = 'burn'",
        (data["member_id"],),
    ).fetchone()[0]
    view = points_view(lots, points_policy(conn), today)
    expiring = []
    for expires_on, points in view.expiring:
        used = min(points, spent)
        spent -= used
        if points > used:
            expiring.append({"on": expires_on.isoformat(), "points": points - used})
    active = sum(item["points"] for item in expiring)
    return {
        **data,
        "points": min(data["points"], active),
        "pending_points": view.pending,
        "expiring": expiring,
    }
