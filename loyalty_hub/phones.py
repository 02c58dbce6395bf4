"""Members' phone numbers as terminals get them: masked, and keyed with the outlet's HMAC key.

The hub holds the numbers; each outlet has its own random key, which its terminals fetch
from /v1/phone-key and keep outside their database. The member cache carries only the HMAC
of each number and a masked form, so a till can find a member by phone offline without
ever storing the number.
"""

from __future__ import annotations

import base64
import secrets
import sqlite3
from typing import Any

from pos_client.core.phone import mask_phone, phone_digest

KEY_BYTES = 32


def outlet_phone_key(conn: sqlite3.Connection, outlet_id: str) -> bytes:
    """The outlet's phone key, made now if it has none (call inside a transaction)."""
    row = conn.execute("SELECT key FROM phone_keys WHERE outlet_id = ?", (outlet_id,)).fetchone()
    if row is not None:
        return base64.urlsafe_b64decode(row["key"] + "=")
    key = secrets.token_bytes(KEY_BYTES)
    conn.execute("INSERT INTO phone_keys VALUES (?, ?)", (outlet_id, key_text(key)))
    return key


def key_text(key: bytes) -> str:
    return base64.urlsafe_b64encode(key).rstrip(b"=").decode("ascii")


def without_raw_phone(document: dict[str, Any], key: bytes) -> dict[str, Any]:
    """A member document with its number replaced by the masked form and the keyed HMAC."""
    phone = document.pop("phone", None)
    document["phone_masked"] = mask_phone(phone) if phone else ""
    document["phone_hmac"] = phone_digest(key, phone) if phone else ""
    return document
