"""Caches pulled from the hub: the outlet ruleset (with its offline policy), catalog, member
cache, app code keys and the outlet's staff.

A sync round validates what it pulled and swaps every cache that changed in one transaction,
with its version and cursor, so a reader never sees half of a round.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlite_utils

from pos_client.core.catalog import Product
from pos_client.core.loyalty import Member
from pos_client.core.staff import StaffMember
from pos_client.store.db import classify, immediate_transaction


@dataclass(frozen=True, slots=True)
class RulesetUpdate:
    version: int
    document: dict[str, Any]
    etag: str | None = None


@dataclass(frozen=True, slots=True)
class CatalogUpdate:
    """Products changed since the last pull (all of them when `full`) and skus removed."""

    cursor: int
    full: bool
    products: Sequence[Product]
    removed: Sequence[str] = ()


@dataclass(frozen=True, slots=True)
class MemberUpdate:
    """The outlet's member cache, as a delta since the last pull or whole when `full`."""

    cursor: str
    full: bool
    members: Sequence[Member]
    removed: Sequence[str] = ()


@dataclass(frozen=True, slots=True)
class KeysUpdate:
    keys: dict[str, str]  # key id -> Ed25519 public key, base64url


@dataclass(frozen=True, slots=True)
class StaffUpdate:
    """The outlet's staff, whole: who may log in at its tills (PINs as hashes only)."""

    staff: Sequence[StaffMember]


CacheUpdate = RulesetUpdate | CatalogUpdate | MemberUpdate | KeysUpdate | StaffUpdate


class Caches:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def version(self, name: str) -> int | None:
        row = self._db.execute("SELECT version FROM cache_state WHERE name = ?", [name]).fetchone()
        return int(row[0]) if row else None

    def state(self, name: str) -> tuple[str | None, str | None]:
        """(etag, cursor) of a cache as the last pull left them."""
        row = self._db.execute(
            "SELECT etag, cursor FROM cache_state WHERE name = ?", [name]
        ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def swap(self, updates: Iterable[CacheUpdate], now: datetime) -> None:
        """Apply the validated updates of one sync round together, or none of them."""
        with immediate_transaction(self._db) as db:
            for update in updates:
                _APPLY[type(update)](db, update, now)

    def replace_catalog(self, version: int, products: Iterable[Product], now: datetime) -> None:
        self.swap([CatalogUpdate(version, True, tuple(products))], now)

    def product_by_barcode(self, barcode: str) -> Product | None:
        try:
            rows = list(self._db["catalog"].rows_where("barcode = ?", [barcode], limit=1))
        except sqlite3.Error as exc:
            raise classify(exc) from exc
        return _product(rows[0]) if rows else None

    def replace_ruleset(self, version: int, document: dict[str, Any], now: datetime) -> None:
        self.swap([RulesetUpdate(version, document)], now)

    def ruleset_document(self) -> dict[str, Any] | None:
        row = self._db.execute("SELECT body FROM cache_state WHERE name = 'ruleset'").fetchone()
        return json.loads(row[0]) if row else None

    def replace_members(self, version: int, members: Iterable[Member], now: datetime) -> None:
        self.swap([MemberUpdate(f"{version}", True, tuple(members))], now)

    def member_count(self) -> int:
        return self._db["members"].count

    def upsert_member(self, member: Member) -> None:
        with immediate_transaction(self._db) as db:
            write_member(db, member)

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

    def replace_app_keys(self, keys: dict[str, str], now: datetime) -> None:
        """The hub's public keys for members' app codes (key id -> base64url)."""
        self.swap([KeysUpdate(keys)], now)

    def app_keys(self) -> dict[str, str]:
        return {key_id: text for key_id, text in self._db.execute("SELECT * FROM app_keys")}

    def set_meta(self, key: str, value: str) -> None:
        with immediate_transaction(self._db) as db:
            db.table("meta").upsert({"key": key, "value": value}, pk="key")

    def meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return str(row[0]) if row else None


def _member(row: dict[str, Any]) -> Member:
    decoded = {name: json.loads(row[name]) for name in ("segments", "stamps", "expiring", "offers")}
    return Member.from_dict({**row, **decoded})


def _product(row: dict[str, Any]) -> Product:
    return Product.from_dict({**row, "tags": json.loads(row.get("tags") or "[]")})


def _set_state(
    db: sqlite_utils.Database,
    name: str,
    version: int,
    now: datetime,
    *,
    body: str | None = None,
    etag: str | None = None,
    cursor: str | None = None,
) -> None:
    db.table("cache_state").upsert(
        {
            "name": name,
            "version": version,
            "updated_at": now.isoformat(),
            "body": body,
            "etag": etag,
            "cursor": cursor,
        },
        pk="name",
    )


def _apply_ruleset(db: sqlite_utils.Database, update: RulesetUpdate, now: datetime) -> None:
    body = json.dumps(update.document, ensure_ascii=False)
    _set_state(db, "ruleset", update.version, now, body=body, etag=update.etag)


def _apply_catalog(db: sqlite_utils.Database, update: CatalogUpdate, now: datetime) -> None:
    if update.full:
        db.execute("DELETE FROM catalog")
    skus = [*update.removed, *(product.sku for product in update.products)]
    db.conn.executemany("DELETE FROM catalog WHERE sku = ?", [[sku] for sku in skus])
    db.table("catalog").insert_all(product.to_dict() for product in update.products)
    _set_state(db, "catalog", update.cursor, now, cursor=str(update.cursor))


def _apply_members(db: sqlite_utils.Database, update: MemberUpdate, now: datetime) -> None:
    if update.full:
        db.execute("DELETE FROM members")
    ids = [*update.removed, *(member.member_id for member in update.members)]
    db.conn.executemany("DELETE FROM members WHERE member_id = ?", [[i] for i in ids])
    cards = [[member.card] for member in update.members]  # a card may have moved to another member
    db.conn.executemany("DELETE FROM members WHERE card = ?", cards)
    db.table("members").insert_all(member.to_dict() for member in update.members)
    version = int(update.cursor.rpartition(".")[2] or 0)
    _set_state(db, "members", version, now, cursor=update.cursor)


def _apply_keys(db: sqlite_utils.Database, update: KeysUpdate, now: datetime) -> None:
    db.execute("DELETE FROM app_keys")
    db.table("app_keys").insert_all(
        {"key_id": key_id, "public_key": text} for key_id, text in update.keys.items()
    )
    _set_state(db, "keys", len(update.keys), now)


def _apply_staff(db: sqlite_utils.Database, update: StaffUpdate, now: datetime) -> None:
    db.execute("DELETE FROM staff")
    db.table("staff").insert_all(member.to_dict() for member in update.staff)
    _set_state(db, "staff", len(update.staff), now)


_APPLY: dict[type, Any] = {
    RulesetUpdate: _apply_ruleset,
    CatalogUpdate: _apply_catalog,
    MemberUpdate: _apply_members,
    KeysUpdate: _apply_keys,
    StaffUpdate: _apply_staff,
}


def write_member(db: sqlite_utils.Database, member: Member) -> None:
    """Put a member in the cache, inside the caller's transaction; a card or a phone number
    has one owner, so it leaves whoever held it before."""
    if member.card:
        db.execute(
            "DELETE FROM members WHERE card = ? AND member_id != ?",
            [member.card, member.member_id],
        )
    if member.phone_hmac:
        db.execute(
            "UPDATE members SET phone_hmac = '', phone_masked = ''"
            " WHERE phone_hmac = ? AND member_id != ?",
            [member.phone_hmac, member.member_id],
        )
    db.table("members").upsert(member.to_dict(), pk="member_id")
