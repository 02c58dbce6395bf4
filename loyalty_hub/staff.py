"""Till staff per outlet: the hub keeps their PIN hashes and gives them to the outlet's tills,
which check PINs offline. PINs themselves are never stored or sent."""

from __future__ import annotations

import secrets
import sqlite3

from loyalty_hub.store import unknown_outlet
from pos_client.core.staff import Role, StaffError, StaffMember, hash_pin


def add_staff(
    conn: sqlite3.Connection,
    *,
    outlet_id: str,
    name: str,
    role: str,
    pin: str,
    badge: str = "",
    staff_id: str | None = None,
) -> str:
    """Register a person at an outlet; their staff id. Raises ValueError for bad input."""
    unknown = unknown_outlet(conn, outlet_id)
    if unknown:
        raise ValueError(unknown)
    if not name.strip():
        raise ValueError("a name is needed")
    try:
        role_value = Role(role)
        pin_hash = hash_pin(pin, secrets.token_bytes(16))
    except StaffError as exc:
        raise ValueError(str(exc)) from None
    except ValueError:
        raise ValueError(f"role is one of {', '.join(r.value for r in Role)}") from None
    if badge and conn.execute("SELECT 1 FROM staff WHERE badge = ?", (badge,)).fetchone():
        raise ValueError(f"badge {badge!r} belongs to someone else")
    staff_id = staff_id or f"S{secrets.randbelow(10**6):06d}"
    conn.execute(
        "INSERT INTO staff (staff_id, outlet_id, name, role, pin_hash, badge)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (staff_id, outlet_id, name.strip(), role_value.value, pin_hash, badge),
    )
    return staff_id


def outlet_staff(conn: sqlite3.Connection, outlet_id: str) -> list[StaffMember]:
    rows = conn.execute(
        "SELECT staff_id, name, role, pin_hash, badge FROM staff"
        " WHERE outlet_id = ? AND active = 1 ORDER BY name, staff_id",
        (outlet_id,),
    ).fetchall()
    return [StaffMember.from_dict(dict(row)) for row in rows]
