"""The keys that sign members' app codes, and the codes themselves (what the app shows).

The hub keeps Ed25519 private keys; terminals get the public halves from /v1/keys and
verify app codes offline. The first key is made when first needed.
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from loyalty_hub.store import HubStore
from pos_client.core.identity import AppToken, public_key_text, sign_token, time_step


def signing_key(store: HubStore) -> tuple[str, Ed25519PrivateKey]:
    """The newest signing key, made now if the hub has none."""
    with store.transaction() as conn:
        row = conn.execute(
            "SELECT key_id, private_key FROM signing_keys ORDER BY created_at DESC, key_id DESC"
        ).fetchone()
        if row is not None:
            raw = base64.urlsafe_b64decode(row["private_key"] + "=")
            return row["key_id"], Ed25519PrivateKey.from_private_bytes(raw)
        key = Ed25519PrivateKey.generate()
        raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        conn.execute(
            "INSERT INTO signing_keys VALUES ('k1', ?, ?)",
            (base64.urlsafe_b64encode(raw).rstrip(b"=").decode(), datetime.now(UTC).isoformat()),
        )
        return "k1", key


def public_keys(store: HubStore) -> dict[str, str]:
    """Every signing key's public half (old ones too: codes shown a moment ago still verify)."""
    signing_key(store)
    keys = {}
    for row in store.query("SELECT key_id, private_key FROM signing_keys ORDER BY key_id"):
        raw = base64.urlsafe_b64decode(row["private_key"] + "=")
        keys[row["key_id"]] = public_key_text(
            Ed25519PrivateKey.from_private_bytes(raw).public_key()
        )
    return keys


def member_token(store: HubStore, member_id: str, now: datetime | None = None) -> str:
    """The app code the member's phone shows now; ValueError for an unknown member."""
    if not store.query("SELECT 1 FROM members WHERE member_id = ?", (member_id,)):
        raise ValueError(f"no member {member_id!r}")
    key_id, key = signing_key(store)
    moment = (now or datetime.now(UTC)).timestamp()
    return sign_token(AppToken(key_id, member_id, time_step(moment)), key)
