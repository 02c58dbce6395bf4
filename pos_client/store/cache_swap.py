"""Writing one validated cache update into its tables, inside the caller's transaction.

sqlite-utils inserts the rows (lists and dicts become JSON). The module is imported by the
first swap, in the sync thread, so its import stays out of the window's start.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import Any

import sqlite_utils

from pos_client.store.caches import (
    CacheUpdate,
    CatalogUpdate,
    KeysUpdate,
    MemberUpdate,
    RulesetUpdate,
    StaffUpdate,
)


def apply(conn: sqlite3.Connection, update: CacheUpdate, now: datetime) -> None:
    db = sqlite_utils.Database(conn, execute_plugins=False)  # no third-party code here
    _APPLY[type(update)](db, update, now)


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
    db.table("catalog").insert_all(
        {**product.to_dict(), "plu": product.plu, "search": product.search_text}
        for product in update.products
    )
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


_APPLY: dict[type, Callable[[sqlite_utils.Database, Any, datetime], None]] = {
    RulesetUpdate: _apply_ruleset,
    CatalogUpdate: _apply_catalog,
    MemberUpdate: _apply_members,
    KeysUpdate: _apply_keys,
    StaffUpdate: _apply_staff,
}
