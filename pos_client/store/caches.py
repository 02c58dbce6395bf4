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

from pos_client.core.catalog import Product, search_key
from pos_client.core.loyalty import Member
from pos_client.core.staff import StaffMember
from pos_client.store.db import classify, dict_rows, immediate_transaction


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
    def __init__(self, db: sqlite3.Connection) -> None:
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
        # sqlite-utils writes the swaps; it is imported here, off the window's start (the sync
        # thread is the first to swap), because its import costs as much as a bare Qt window.
        from pos_client.store.cache_swap import apply

        with immediate_transaction(self._db) as db:
            for update in updates:
                apply(db, update, now)

    def replace_catalog(self, version: int, products: Iterable[Product], now: datetime) -> None:
        self.swap([CatalogUpdate(version, True, tuple(products))], now)

    def product_by_barcode(self, barcode: str) -> Product | None:
        rows = self._rows("SELECT * FROM catalog WHERE barcode = ? LIMIT 1", barcode)
        return _product(rows[0]) if rows else None

    def product_by_plu(self, plu: str) -> Product | None:
        """The product sold by weight whose scale labels carry this PLU."""
        rows = self._rows("SELECT * FROM catalog WHERE plu = ? AND plu != '' LIMIT 1", plu)
        return _product(rows[0]) if rows else None

    def find_products(self, query: str, limit: int) -> list[Product]:
        """Products whose names, brand, SKU or barcode hold every word of `query` (in any case,
        ё as е), at most `limit`: those where the first word comes earliest first (a name that
        starts with it), then by name."""
        words = search_key(query).split()
        if not words:
            return []
        where = " AND ".join(["search LIKE ? ESCAPE '\\'"] * len(words))
        patterns = [f"%{_escape_like(word)}%" for word in words]
        rows = self._rows(
            f"SELECT * FROM catalog WHERE {where}"
            f" ORDER BY instr(search, ?), name_ru, sku LIMIT {int(limit)}",
            *patterns,
            words[0],
        )
        return [_product(row) for row in rows]

    def replace_ruleset(self, version: int, document: dict[str, Any], now: datetime) -> None:
        self.swap([RulesetUpdate(version, document)], now)

    def ruleset_document(self) -> dict[str, Any] | None:
        row = self._db.execute("SELECT body FROM cache_state WHERE name = 'ruleset'").fetchone()
        return json.loads(row[0]) if row else None

    def replace_members(self, version: int, members: Iterable[Member], now: datetime) -> None:
        self.swap([MemberUpdate(f"{version}", True, tuple(members))], now)

    def member_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM members").fetchone()[0])

    def upsert_member(self, member: Member) -> None:
        with immediate_transaction(self._db) as db:
            write_member(db, member)

    def member_by_card(self, card: str) -> Member | None:
        rows = self._rows("SELECT * FROM members WHERE card = ? LIMIT 1", card)
        return _member(rows[0]) if rows else None

    def member_by_phone(self, digest: str) -> Member | None:
        """The member whose number has this HMAC (see core.phone.phone_digest)."""
        if not digest:
            return None
        rows = self._rows("SELECT * FROM members WHERE phone_hmac = ? LIMIT 2", digest)
        return _member(rows[0]) if len(rows) == 1 else None

    def member_by_id(self, member_id: str) -> Member | None:
        rows = self._rows("SELECT * FROM members WHERE member_id = ? LIMIT 1", member_id)
        return _member(rows[0]) if rows else None

    def replace_app_keys(self, keys: dict[str, str], now: datetime) -> None:
        """The hub's public keys for members' app codes (key id -> base64url)."""
        self.swap([KeysUpdate(keys)], now)

    def app_keys(self) -> dict[str, str]:
        return {key_id: text for key_id, text in self._db.execute("SELECT * FROM app_keys")}

    def set_meta(self, key: str, value: str) -> None:
        with immediate_transaction(self._db) as db:
            db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    def meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return str(row[0]) if row else None

    def _rows(self, sql: str, *params: str) -> list[dict[str, Any]]:
        try:
            return dict_rows(self._db.execute(sql, params))
        except sqlite3.Error as exc:
            raise classify(exc) from exc


MEMBER_JSON_COLUMNS = ("segments", "stamps", "expiring", "offers")


def _member(row: dict[str, Any]) -> Member:
    decoded = {name: json.loads(row[name]) for name in MEMBER_JSON_COLUMNS}
    return Member.from_dict({**row, **decoded})


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _product(row: dict[str, Any]) -> Product:
    return Product.from_dict({**row, "tags": json.loads(row.get("tags") or "[]")})


def write_member(db: sqlite3.Connection, member: Member) -> None:
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
    row = member.to_dict()
    row.update({name: json.dumps(row[name], ensure_ascii=False) for name in MEMBER_JSON_COLUMNS})
    columns = ", ".join(row)
    updates = ", ".join(f"{name} = excluded.{name}" for name in row if name != "member_id")
    db.execute(
        f"INSERT INTO members ({columns}) VALUES ({', '.join('?' * len(row))})"
        f" ON CONFLICT (member_id) DO UPDATE SET {updates}",
        list(row.values()),
    )
