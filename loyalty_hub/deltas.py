"""Catalog and member cache as deltas since a terminal's cursor.

The member cache of an outlet holds its regular customers (most visits there first, then the
most purchases anywhere), at most `member_cache_limit` of them. The set is kept per outlet, so
members leaving it are sent as `removed`. Pending points turn active and points expire by date,
so a cursor from another day gets the whole set again.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date

from loyalty_hub.models import CatalogBody, MemberBody, MemberCacheBody, ProductBody
from loyalty_hub.phones import outlet_phone_key, without_raw_phone
from loyalty_hub.points import MemberViews
from loyalty_hub.store import next_seq

DEFAULT_MEMBER_CACHE_LIMIT = 5000


def change_seq(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM settings WHERE key = 'change_seq'").fetchone()
    return int(row["value"]) if row else 0


def catalog_delta(conn: sqlite3.Connection, since: int) -> CatalogBody:
    cursor = change_seq(conn)
    full = since <= 0 or since > cursor
    rows = conn.execute(
        "SELECT * FROM products WHERE seq > ? ORDER BY sku", (0 if full else since,)
    ).fetchall()
    return CatalogBody(
        cursor=cursor,
        full=full,
        products=[
            ProductBody.model_validate({**dict(row), "tags": json.loads(row["tags"])})
            for row in rows
            if not row["deleted"]
        ],
        removed=[] if full else [row["sku"] for row in rows if row["deleted"]],
    )


def member_cache_delta(
    conn: sqlite3.Connection, outlet_id: str, since: str, today: date
) -> MemberCacheBody:
    limit = _member_cache_limit(conn)
    _refresh_outlet_set(conn, outlet_id, limit)
    seq = change_seq(conn)
    since_seq = _since_seq(since, today, seq)
    full = since_seq is None
    rows = conn.execute(
        "SELECT m.* FROM members m JOIN outlet_member_cache c ON c.member_id = m.member_id"
        " WHERE c.outlet_id = ? AND (m.seq > ? OR c.entered_seq > ?) ORDER BY m.member_id",
        (outlet_id, since_seq or 0, since_seq or 0),
    ).fetchall()
    removed = conn.execute(
        "SELECT member_id FROM outlet_member_removed WHERE outlet_id = ? AND seq > ?"
        " ORDER BY member_id",
        (outlet_id, since_seq or 0),
    ).fetchall()
    key = outlet_phone_key(conn, outlet_id)
    views = MemberViews(conn)
    return MemberCacheBody(
        cursor=f"{today.isoformat()}.{seq}",
        full=full,
        limit=limit,
        members=[
            MemberBody.model_validate(without_raw_phone(views.of_row(row, today), key))
            for row in rows
        ],
        removed=[] if full else [row["member_id"] for row in removed],
    )


def _since_seq(since: str, today: date, seq: int) -> int | None:
    """The change number in a cursor of today, or None when the whole set must be sent."""
    day, _, number = since.partition(".")
    if day != today.isoformat() or not number.isdigit() or int(number) > seq:
        return None
    return int(number)


def _member_cache_limit(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM settings WHERE key = 'member_cache_limit'").fetchone()
    return int(row["value"]) if row else DEFAULT_MEMBER_CACHE_LIMIT


def _refresh_outlet_set(conn: sqlite3.Connection, outlet_id: str, limit: int) -> None:
    """Bring the outlet's kept set in line with its regulars now; entries and exits get a
    change number, so terminals hear of them."""
    wanted = {
        row["member_id"]
        for row in conn.execute(
            "SELECT m.member_id FROM members m LEFT JOIN member_visits v"
            " ON v.member_id = m.member_id AND v.outlet_id = ?"
            " ORDER BY COALESCE(v.visits, 0) DESC, COALESCE(v.last_visit, '') DESC,"
            " m.purchases DESC, m.member_id LIMIT ?",
            (outlet_id, limit),
        )
    }
    kept = {
        row["member_id"]
        for row in conn.execute(
            "SELECT member_id FROM outlet_member_cache WHERE outlet_id = ?", (outlet_id,)
        )
    }
    entering, leaving = wanted - kept, kept - wanted
    if not entering and not leaving:
        return
    seq = next_seq(conn)
    conn.executemany(
        "INSERT INTO outlet_member_cache VALUES (?, ?, ?)",
        [(outlet_id, member_id, seq) for member_id in entering],
    )
    conn.executemany(
        "DELETE FROM outlet_member_removed WHERE outlet_id = ? AND member_id = ?",
        [(outlet_id, member_id) for member_id in entering],
    )
    conn.executemany(
        "DELETE FROM outlet_member_cache WHERE outlet_id = ? AND member_id = ?",
        [(outlet_id, member_id) for member_id in leaving],
    )
    conn.executemany(
        "INSERT OR REPLACE INTO outlet_member_removed VALUES (?, ?, ?)",
        [(outlet_id, member_id, seq) for member_id in leaving],
    )
