"""Opening the database durably, `user_version` migrations and immediate transactions."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pos_client.core.catalog import search_text
from pos_client.store.schema import MIGRATIONS

BUSY_TIMEOUT_MS = 5000


class StoreError(Exception):
    """The database refused an operation; `reason` is one of the keys below, for the UI."""

    REASONS = ("locked", "read_only", "disk_full", "newer_schema", "corrupt", "io")

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def classify(error: sqlite3.Error) -> StoreError:
    """Turn a sqlite3 error into a StoreError whose reason the cashier can be told."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        reason = "locked"
    elif "readonly" in text or "read-only" in text:
        reason = "read_only"
    elif "full" in text:
        reason = "disk_full"
    elif "malformed" in text or "not a database" in text:
        reason = "corrupt"
    else:
        reason = "io"
    return StoreError(reason, str(error))


def open_database(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at `path`.

    WAL with `synchronous=FULL`: a transaction that returned from COMMIT survives power loss.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        refuse_newer(conn.execute("PRAGMA user_version").fetchone()[0])  # before WAL touches it
        _enable_wal(conn)
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        add_functions(conn)
        migrate(conn)
    except sqlite3.Error as exc:
        raise classify(exc) from exc
    except OSError as exc:
        raise StoreError("io", str(exc)) from exc
    return conn


def add_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions the migrations call."""
    conn.create_function("search_text", -1, search_text, deterministic=True)


def migrate(db: sqlite3.Connection) -> None:
    """Bring the schema to the newest version in one transaction.

    The version is read inside the transaction, so two connections opening a new database at
    once (the window and the sync thread) cannot both migrate it.
    """
    with immediate_transaction(db):
        current = db.execute("PRAGMA user_version").fetchone()[0]
        refuse_newer(current)
        for statement in (s for script in MIGRATIONS[current:] for s in script):
            db.execute(statement)
        db.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")


def refuse_newer(version: int) -> None:
    """A journal a newer program wrote is left exactly as it is."""
    if version > len(MIGRATIONS):
        raise StoreError(
            "newer_schema",
            f"database schema {version} is newer than this program ({len(MIGRATIONS)})",
        )


def _enable_wal(conn: sqlite3.Connection) -> None:
    """Switch a new database to WAL. The switch takes no busy handler, so a second connection
    opening the same new file retries within the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def dict_rows(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    """The cursor's rows as {column: value}."""
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


@contextmanager
def immediate_transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One `BEGIN IMMEDIATE` transaction: all of it commits, or none of it.

    sqlite3 errors inside leave as StoreError, after the rollback.
    """
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise classify(exc) from exc
    try:
        yield db
        db.execute("COMMIT")
    except BaseException as exc:
        if db.in_transaction:
            db.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise classify(exc) from exc
        raise


def utc_text(moment: datetime) -> str:
    """A moment as the journal stores it: UTC, ISO 8601, so that texts compare as times."""
    if moment.tzinfo is None:
        raise ValueError("the moment must be timezone-aware")
    return moment.astimezone(UTC).isoformat()
