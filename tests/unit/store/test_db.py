import sqlite3
from pathlib import Path

import pytest

from pos_client.store.db import StoreError, classify, immediate_transaction, open_database
from pos_client.store.schema import MIGRATIONS


def test_new_database_is_durable_and_migrated(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.sqlite3")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert {"sales", "outbox", "catalog", "members"} <= set(db.table_names())
    db.close()
    reopened = open_database(tmp_path / "t.sqlite3")
    assert reopened.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    reopened.close()


def test_database_from_a_newer_program_is_refused_and_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        open_database(path)
    assert caught.value.reason == "newer_schema"
    assert path.read_bytes() == before  # not even switched to WAL


def test_transaction_rolls_back_everything_on_error(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.sqlite3")
    with pytest.raises(RuntimeError), immediate_transaction(db):
        db["meta"].insert({"key": "a", "value": "1"})
        raise RuntimeError("power cut")
    assert db["meta"].count == 0
    db.close()


@pytest.mark.parametrize(
    ("message", "reason"),
    [
        ("database is locked", "locked"),
        ("attempt to write a readonly database", "read_only"),
        ("database or disk is full", "disk_full"),
        ("database disk image is malformed", "corrupt"),
        ("unable to open database file", "io"),
    ],
)
def test_sqlite_errors_are_named_for_the_cashier(message: str, reason: str) -> None:
    assert classify(sqlite3.OperationalError(message)).reason == reason


def test_a_locked_database_refuses_the_write_and_keeps_nothing(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite3"
    db = open_database(path)
    db.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    with pytest.raises(StoreError) as caught, immediate_transaction(db):
        db["meta"].insert({"key": "a", "value": "1"})
    other.execute("ROLLBACK")
    assert caught.value.reason == "locked"
    assert db["meta"].count == 0
    other.close()
    db.close()
