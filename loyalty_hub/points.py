"""A member's points as the programme shows them: active, pending, and what expires when."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any

from loyalty_hub.enrolments import marketing_consent
from loyalty_hub.store import member_row
from loyalty_hub.tiers import member_offers, tier_period_days, tier_spend
from pos_client.core.loyalty import PointLot, PointsPolicy, points_view


def points_policy(conn: sqlite3.Connection) -> PointsPolicy:
    row = conn.execute("SELECT value FROM settings WHERE key = 'points'").fetchone()
    settings = json.loads(row["value"]) if row else {}
    defaults = PointsPolicy()
    return PointsPolicy(
        pending_days=int(settings.get("pending_days", defaults.pending_days)),
        expiry_days=int(settings.get("expiry_days", defaults.expiry_days)),
    )


def member_document(
    conn: sqlite3.Connection,
    row: sqlite3.Row,
    today: date,
    policy: PointsPolicy | None = None,
    period_days: int | None = None,
) -> dict[str, Any]:
    """The member as the API shows it. Spent points come off the lots that expire first.

    `policy` and `period_days` (of the tiers) save reading the programme's settings again
    when many members are shown.
    """
    data = member_row(row)
    # A return takes earned points back from its sale's day, so lots are summed by day.
    by_day = conn.execute(
        "SELECT created_on, earned, burned FROM points_by_day WHERE member_id = ?",
        (data["member_id"],),
    ).fetchall()
    lots = [PointLot(earned, date.fromisoformat(day)) for day, earned, _ in by_day if earned > 0]
    spent = -sum(burned for _, _, burned in by_day)
    view = points_view(lots, policy or points_policy(conn), today)
    expiring = []
    for expires_on, points in view.expiring:
        used = min(points, spent)
        spent -= used
        if points > used:
            expiring.append({"on": expires_on.isoformat(), "points": points - used})
    active = sum(item["points"] for item in expiring)
    return {
        **data,
        "marketing_consent": marketing_consent(conn, data["member_id"]),
        "points": min(data["points"], active),
        "pending_points": view.pending,
        "expiring": expiring,
        "tier_spend": tier_spend(
            conn, data["member_id"], today, period_days or tier_period_days(conn)
        ),
        "offers": member_offers(conn, data["member_id"], today),
    }


class MemberViews:
    """Members as the API shows them, each worked out once until it changes.

    Lives for one database transaction (a batch of sales, a member-cache delta), where the same
    member is read again and again; `changed` drops a member's views after a write.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._policy = points_policy(conn)
        self._period_days = tier_period_days(conn)
        self._views: dict[tuple[str, date], dict[str, Any] | None] = {}

    def of_row(self, row: sqlite3.Row, on: date) -> dict[str, Any]:
        return member_document(self._conn, row, on, self._policy, self._period_days)

    def get(self, member_id: str, on: date) -> dict[str, Any] | None:
        """The member's document on a day, or None for an unknown member."""
        key = (member_id, on)
        if key not in self._views:
            row = self._conn.execute(
                "SELECT * FROM members WHERE member_id = ?", (member_id,)
            ).fetchone()
            self._views[key] = self.of_row(row, on) if row is not None else None
        return self._views[key]

    def changed(self, member_id: str) -> None:
        for key in [key for key in self._views if key[0] == member_id]:
            del self._views[key]
