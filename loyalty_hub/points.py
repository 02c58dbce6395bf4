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
    points, pending, expiring = _points(conn, data["member_id"], data["points"], policy, today)
    return {
        **data,
        "marketing_consent": marketing_consent(conn, data["member_id"]),
        "points": points,
        "pending_points": pending,
        "expiring": expiring,
        "tier_spend": tier_spend(
            conn, data["member_id"], today, period_days or tier_period_days(conn)
        ),
        "offers": member_offers(conn, data["member_id"], today),
    }


def _points(
    conn: sqlite3.Connection,
    member_id: str,
    balance: int,
    policy: PointsPolicy | None,
    today: date,
) -> tuple[int, int, list[dict[str, Any]]]:
    """Active points, pending points and what expires when. The active points are the balance
    but never more than the unexpired lots left after spending, which come off the lots that
    expire first."""
    # A return takes earned points back from its sale's day, so lots are summed by day.
    by_day = conn.execute(
        "SELECT created_on, earned, burned FROM points_by_day WHERE member_id = ?", (member_id,)
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
    return min(balance, active), view.pending, expiring


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
        self._balances: dict[tuple[str, date], tuple[int, int] | None] = {}

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

    def balance(self, member_id: str, on: date) -> tuple[int, int] | None:
        """The member's active and pending points on a day, or None for an unknown member;
        from the member's document when it is at hand, else without working the rest out."""
        key = (member_id, on)
        if key in self._views:
            document = self._views[key]
            return None if document is None else (document["points"], document["pending_points"])
        if key not in self._balances:
            row = self._conn.execute(
                "SELECT points FROM members WHERE member_id = ?", (member_id,)
            ).fetchone()
            self._balances[key] = (
                None
                if row is None
                else _points(self._conn, member_id, row[0], self._policy, on)[:2]
            )
        return self._balances[key]

    def changed(self, member_id: str) -> None:
        for views in (self._views, self._balances):
            for key in [key for key in views if key[0] == member_id]:
                del views[key]
