"""The till's audit log reaches the hub with the sales; the hub refuses an entry that was
edited or does not link to the chain it holds."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime

import pytest

from loyalty_hub.server import EmbeddedHub
from pos_client.checkout_errors import CheckoutError
from pos_client.core.audit import AuditEntry, next_entry
from pos_client.staff_desk import StaffDesk
from pos_client.store.audit_log import AuditLog
from pos_client.store.journal import Journal
from pos_client.store.staff import StaffRoster
from pos_client.sync.engine import SyncEngine
from tests.conftest import TERMINAL

pytestmark = pytest.mark.integration


def utc_now() -> datetime:
    return datetime.now(UTC)


def hub_chain(hub: EmbeddedHub) -> list[tuple[int, str]]:
    rows = hub.store.query(
        "SELECT seq, event FROM audit_entries WHERE terminal_id = ? ORDER BY seq", (TERMINAL,)
    )
    return [(row["seq"], row["event"]) for row in rows]


def test_logins_and_failed_pins_reach_the_hub_in_order(
    hub: EmbeddedHub, primed: SyncEngine, terminal_db: sqlite3.Connection
) -> None:
    audit = AuditLog(terminal_db, TERMINAL)
    desk = StaffDesk(StaffRoster(terminal_db), audit, utc_now)
    assert [p.name for p in desk.staff()] == ["Анна Смирнова", "Мария Иванова", "Олег Петров"]
    with pytest.raises(CheckoutError):
        desk.login("S0001", "0000")
    desk.login("S0001", "1111")
    desk.logout()
    report = primed.sync_once()
    assert report.applied == 4 and report.rejected == 0
    assert hub_chain(hub) == [
        (1, "login_failed"),
        (2, "pin_accepted"),
        (3, "login"),
        (4, "logout"),
    ]
    assert primed.sync_once().sent == 0  # nothing sent twice


def test_an_edited_or_unlinked_entry_is_refused_and_kept_for_staff_to_see(
    hub: EmbeddedHub, primed: SyncEngine, terminal_db: sqlite3.Connection, journal: Journal
) -> None:
    audit = AuditLog(terminal_db, TERMINAL)
    desk = StaffDesk(StaffRoster(terminal_db), audit, utc_now)
    desk.login("S0003", "9999")
    primed.sync_once()
    first = audit.entries()[0]

    desk.logout()  # entry 2, edited before it is sent: its hash no longer fits
    row = terminal_db.execute("SELECT key, body FROM outbox WHERE kind = 'audit'").fetchone()
    body = {**json.loads(row[1]), "staff_id": "S0001"}
    terminal_db.execute("UPDATE outbox SET body = ? WHERE key = ?", [json.dumps(body), row[0]])
    primed.sync_once()
    assert [(p.list, p.reason) for p in journal.problems()] == [
        ("dead_letter", "audit_hash_mismatch")
    ]

    # Entries hashed properly but not fitting the chain the hub holds: a 3 following a made-up
    # 2 (a gap for now: kept), then a 2 the kept 3 does not follow, then a second 1.
    def entry(after: AuditEntry | None, event: str) -> AuditEntry:
        return next_entry(
            after, at=first.at, terminal_id=TERMINAL, staff_id=None, event=event, details={}
        )

    forged_3 = entry(entry(first, "made up"), "forged")
    for n, (key, sent) in enumerate(
        (
            ("forged-3", forged_3),
            ("other-2", entry(first, "other")),
            ("second-1", entry(None, "again")),
        )
    ):
        terminal_db.execute(
            "INSERT INTO outbox (key, kind, body, created_at) VALUES (?, 'audit', ?, ?)",
            [key, json.dumps(sent.to_dict()), f"2099-01-01T00:00:0{n}"],
        )
    primed.sync_once()
    reasons = {p.key: p.reason for p in journal.problems()}
    assert "forged-3" not in reasons
    assert reasons["other-2"] == "audit_chain_broken"
    assert reasons["second-1"] == "audit_seq_taken"
    assert hub_chain(hub) == [(1, "login"), (3, "forged")]
