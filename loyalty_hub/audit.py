"""The tills' audit logs on the hub. Each entry must hash to what it says and link to its
neighbours already here; an entry that does not is refused with the reason, so a log edited on
the till shows up as a broken chain."""

from __future__ import annotations

import json
import sqlite3

from pos_client.core.audit import AuditEntry


def audit_refusal(conn: sqlite3.Connection, entry: AuditEntry) -> str | None:
    """Why this entry cannot join the terminal's chain, or None."""
    if not entry.intact:
        return "audit_hash_mismatch"
    neighbours = {
        row["seq"]: row
        for row in conn.execute(
            "SELECT seq, prev_hash, hash FROM audit_entries WHERE terminal_id = ?"
            " AND seq BETWEEN ? AND ?",
            (entry.terminal_id, entry.seq - 1, entry.seq + 1),
        )
    }
    if entry.seq in neighbours:
        return "audit_seq_taken"
    before, after = neighbours.get(entry.seq - 1), neighbours.get(entry.seq + 1)
    if before is not None and before["hash"] != entry.prev_hash:
        return "audit_chain_broken"
    if after is not None and after["prev_hash"] != entry.hash:
        return "audit_chain_broken"
    return None


def store_entry(conn: sqlite3.Connection, entry: AuditEntry, received_at: str) -> None:
    conn.execute(
        "INSERT INTO audit_entries (terminal_id, seq, at, staff_id, event, details, prev_hash,"
        " hash, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            entry.terminal_id,
            entry.seq,
            entry.at,
            entry.staff_id,
            entry.event,
            json.dumps(dict(entry.details), ensure_ascii=False, sort_keys=True),
            entry.prev_hash,
            entry.hash,
            received_at,
        ),
    )
