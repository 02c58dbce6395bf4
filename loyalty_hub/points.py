"""A member's points as the programme shows them: active, pending, and what expires when."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any

from loyalty_hub.store import member_row
from pos_client.core.loyalty import PointLot, PointsPolicy, points_view

EARNING_KINDS = ("opening", "earn")


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
    ledger = conn.execute(
        "SELECT points, kind, created_on FROM points_ledger WHERE member_id = ?",
        (data["member_id"],),
    ).fetchall()
    by_day: dict[str, int] = {}  # a return takes earned points back from its sale's day
    for entry in ledger:
        if entry["kind"] in EARNING_KINDS:
            by_day[entry["created_on"]] = by_day.get(entry["created_on"], 0) + entry["points"]
    lots = [
        PointLot(points, date.fromisoformat(day)) for day, points in by_day.items() if points > 0
    ]
    spent = -sum(entry["points"] for entry in ledger if entry["kind"] == "burn")
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
