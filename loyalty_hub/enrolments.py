"""Members who joined at a till. The till has already made the member (they may be buying
with it), so the hub records them even when it cannot take everything as sent: a phone
number or card that already belongs to someone stays with its owner, and the answer is a
conflict naming it, for the store staff to sort out with the customer."""

from __future__ import annotations

import sqlite3

from loyalty_hub.models import EnrolmentBody
from loyalty_hub.store import next_seq

NEW_MEMBER_TIER = "basic"


def enrolment_refusal(conn: sqlite3.Connection, body: EnrolmentBody) -> str | None:
    taken = conn.execute("SELECT 1 FROM members WHERE member_id = ?", (body.member_id,))
    return "member_id_taken" if taken.fetchone() else None


def enrol(conn: sqlite3.Connection, body: EnrolmentBody, received_at: str) -> list[str]:
    """Create the member with their consent; returns the conflicts (empty when all fitted)."""
    conflicts = []
    phone: str | None = body.phone
    if conn.execute("SELECT 1 FROM members WHERE phone = ?", (phone,)).fetchone():
        phone = None
        conflicts.append("phone_already_enrolled")
    card = body.card or body.member_id  # the app's virtual card until a plastic one is linked
    if body.card and conn.execute("SELECT 1 FROM members WHERE card = ?", (card,)).fetchone():
        card = body.member_id
        conflicts.append("card_already_linked")
    conn.execute(
        "INSERT INTO members (member_id, card, name, tier, points, purchases, phone, seq)"
        " VALUES (?, ?, ?, ?, 0, 0, ?, ?)",
        (body.member_id, card, body.name, NEW_MEMBER_TIER, phone, next_seq(conn)),
    )
    conn.execute(
        "INSERT INTO consents VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            body.member_id,
            body.consent.terms_version,
            body.consent.given_at,
            body.consent.marketing,
            body.channel,
            body.outlet_id,
            body.terminal_id,
            received_at,
        ),
    )
    return conflicts


def marketing_consent(conn: sqlite3.Connection, member_id: str) -> bool | None:
    row = conn.execute("SELECT marketing FROM consents WHERE member_id = ?", (member_id,))
    found = row.fetchone()
    return None if found is None else bool(found[0])
