"""Caches pulled from the hub: catalog, the outlet ruleset and the member cache.

Each one is replaced whole in one transaction, with its version, so a reader never sees half.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import sqlite_utils

from pos_client.core.catalog import Product
from pos_client.core.loyalty import Member
from pos_client.store.db import classify, immediate_transaction


class Caches:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def version(self, name: str) -> int | None:
        row = self._db.execute("SELECT version FROM cache_state WHERE name = ?", [name]).fetchone()
        return int(row[0]) if row else None

    def replace_catalog(self, version: int, products: Iterable[Product], now: datetime) -> None:
        with immediate_transaction(self._db) as db:
            db.execute("DELETE FROM catalog")
            db.table("catalog").insert_all(product.to_dict() for product in products)
            _set_state(db, "catalog", version, now, None)

    def product_by_barcode(self, barcode: str) -> Product | None:
        try:
            rows = list(self._db["catalog"].rows_where("barcode = ?", [barcode], limit=1))
        except sqlite3.Error as exc:
            raise classify(exc) from exc
        return _product(rows[0]) if rows else None

    def replace_ruleset(self, version: int, document: dict[str, Any], now: datetime) -> None:
        with immediate_transaction(self._db) as db:
            _set_state(db, "ruleset", version, now, json.dumps(document, ensure_ascii=False))

    def ruleset_document(self) -> dict[str, Any] | None:
        row = self._db.execute("SELECT body FROM cache_state WHERE name = 'ruleset'").fetchone()
        return json.loads(row[0]) if row else None

    def replace_members(self, version: int, members: Iterable[Member], now: datetime) -> None:
        with immediate_transaction(self._db) as db:
            db.execute("DELETE FROM members")
            db.table("members").insert_all(member.to_dict() for member in members)
            _set_state(db, "members", version, now, None)

    def upsert_member(self, member: Member) -> None:
        with immediate_transaction(self._db) as db:
            db.execute(
                "DELETE FROM members WHERE card = ? AND member_id != ?",
                [member.card, member.member_id],
            )
            if member.phone_hmac:  # a number has one owner: it may have moved to this member
                db.execute(
                    "UPDATE members SET phone_hmac = '', phone_masked = ''"
                    " WHERE phone_hmac = ? AND member_id != ?",
                    [member.phone_hmac, member.member_id],
                )
            db.table("members").upsert(member.to_dict(), pk="member_id")

    def member_by_card(self, card: str) -> Member | None:
        try:
            rows = list(self._db["members"].rows_where("card = ?", [card], limit=1))
        except sqlite3.Error as exc:
            raise classify(exc) from exc
        return _member(rows[0]) if rows else None

    def member_by_phone(self, digest: str) -> Member | None:
        """The member whose number has this HMAC (see core.phone.phone_digest)."""
        if not digest:
            return None
        try:
            rows = list(self._db["members"].rows_where("phone_hmac = ?", [digest], limit=2))
        except sqlite3.Error as exc:
            raise classify(exc) from exc
        return _member(rows[0]) if len(rows) == 1 else None

    def member_by_id(self, member_id: str) -> Member | None:
        rows = list(self._db["members"].rows_where("member_id = ?", [member_id], limit=1))
        return _member(rows[0]) if rows else None

    def replace_app_keys(self, keys: dict[str, str]) -> None:
        """The hub's public keys for members' app codes (key id -> base64url)."""
        with immediate_transaction(self._db) as db:
            db.execute("DELETE FROM app_keys")
            db.table("app_keys").insert_all(
                {"key_id": key_id, "public_key": text} for key_id, text in keys.items()
            )

    def app_keys(self) -> dict[str, str]:
        return {key_id: text for key_id, text in self._db.execute("SELECT * FROM app_keys")}

    def set_meta(self, key: str, value: str) -> None:
        with immediate_transaction(self._db) as db:
            db.table("meta").upsert({"key": key, "value": value}, pk="key")

    def meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return str(row[0]) if row else None


def _member(row: dict[str, Any]) -> Member:
    decoded = {name: json.loads(row[name]) for name in ("segments", "stamps", "expiring")}
    return Member.from_dict({**row, **decoded})


def _product(row: dict[str, Any]) -> Product:
    return Product.from_dict({**row, "tags": json.loads(row.get("tags") or "[]")})


def _set_state(
    db: sqlite_utils.Database, name: str, version: int, now: datetime, body: str | None
) -> None:
    db.table("cache_state").upsert(
        {"name": name, "version": version, "updated_at": now.isoformat(), "body": body},
        pk="name",
    )
