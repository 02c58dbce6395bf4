import sqlite3
from pathlib import Path

import pytest

from pos_client.store.db import (
    StoreError,
    add_functions,
    classify,
    immediate_transaction,
    open_database,
)
from pos_client.store.schema import MIGRATIONS


def journal_before(path: Path, migration_text: str) -> sqlite3.Connection:
    """A journal as the program left it before the migration whose text holds `migration_text`."""
    conn = sqlite3.connect(path, isolation_level=None)
    add_functions(conn)
    before = next(n for n, script in enumerate(MIGRATIONS) if migration_text in str(script))
    for statement in (s for script in MIGRATIONS[:before] for s in script):
        conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {before}")
    return conn


def test_new_database_is_durable_and_migrated(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.sqlite3")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert {"sales", "outbox", "catalog", "members"} <= {
        row[0] for row in db.execute("SELECT name FROM sqlite_master")
    }
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
        db.execute("INSERT INTO meta (key, value) VALUES ('a', '1')")
        raise RuntimeError("power cut")
    assert db.execute("SELECT count(*) FROM meta").fetchone()[0] == 0
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
        db.execute("INSERT INTO meta (key, value) VALUES ('a', '1')")
    other.execute("ROLLBACK")
    assert caught.value.reason == "locked"
    assert db.execute("SELECT count(*) FROM meta").fetchone()[0] == 0
    other.close()
    db.close()


def test_returns_kept_by_an_older_journal_survive_the_migration_that_frees_them_from_sales(
    tmp_path: Path,
) -> None:
    path = tmp_path / "t.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    for statement in (s for script in MIGRATIONS[:10] for s in script):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 10")
    conn.execute(
        "INSERT INTO sales (sale_id, number, created_at, total, points_earned, body, shift_id)"
        " VALUES ('s-1', 1, '2026-11-22T09:00:00+00:00', 500, 0, '{}', 'shift-1')"
    )
    conn.execute(
        "INSERT INTO returns VALUES ('r-1', 's-1', '2026-11-22T10:00:00+00:00', NULL,"
        " 200, '{}', 'shift-1')"
    )
    conn.execute("INSERT INTO returned_lines VALUES ('r-1', 's-1', 0, 2)")
    with pytest.raises(sqlite3.IntegrityError):  # version 10 ties a return to a sale here
        conn.execute("INSERT INTO returns VALUES ('r-2', 'elsewhere', '', NULL, 1, '{}', NULL)")
    conn.close()

    db = open_database(path)
    assert db.execute("SELECT * FROM returns").fetchall() == [
        ("r-1", "s-1", "2026-11-22T10:00:00+00:00", None, 200, "{}", "shift-1")
    ]
    assert db.execute("SELECT * FROM returned_lines").fetchall() == [("r-1", "s-1", 0, 2)]
    db.execute("INSERT INTO returns VALUES ('r-2', 'elsewhere', '', NULL, 1, '{}', NULL)")
    with pytest.raises(sqlite3.IntegrityError):  # a line still belongs to a return
        db.execute("INSERT INTO returned_lines VALUES ('r-9', 'elsewhere', 0, 1)")
    indexes = {row[1] for row in db.execute("SELECT * FROM sqlite_master WHERE type = 'index'")}
    assert {"returned_lines_sale", "returns_shift"} <= indexes
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    db.close()


def test_the_catalog_an_older_journal_holds_is_searchable_after_the_migration(
    tmp_path: Path,
) -> None:
    path = tmp_path / "t.sqlite3"
    conn = journal_before(path, "search_text(")
    conn.execute(
        "INSERT INTO catalog (sku, barcode, name_ru, name_en, category, price, brand)"
        " VALUES ('SKU-1', '4607012990013', 'Мёд цветочный', 'Flower honey', 'food', 100, 'Пасека')"
    )
    conn.close()
    db = open_database(path)
    assert db.execute("SELECT search FROM catalog").fetchone()[0] == (
        "мед цветочный flower honey пасека sku-1 4607012990013"
    )
    db.close()


def test_sale_lines_and_tenders_of_an_older_journal_survive_their_move_to_primary_keys(
    tmp_path: Path,
) -> None:
    path = tmp_path / "t.sqlite3"
    conn = journal_before(path, "sale_lines_by_key")
    conn.execute(
        "INSERT INTO sales (sale_id, number, created_at, total, points_earned, body)"
        " VALUES ('S1', 1, '2026-11-23T09:00:00Z', 33000, 0, '{}')"
    )
    lines = [("S1", 0, "SKU-1", 2, 15000, 0, 30000), ("S1", 1, "SKU-2", 1, 3000, 0, 3000)]
    conn.executemany("INSERT INTO sale_lines VALUES (?, ?, ?, ?, ?, ?, ?)", lines)
    conn.execute("INSERT INTO tenders VALUES ('S1', 0, 'card', 33000, 33000)")
    conn.close()

    db = open_database(path)

    assert db.execute("SELECT * FROM sale_lines ORDER BY position").fetchall() == lines
    assert db.execute("SELECT * FROM tenders").fetchall() == [("S1", 0, "card", 33000, 33000)]
    for table in ("sale_lines", "tenders"):
        sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        assert sql.endswith("WITHOUT ROWID")
    with pytest.raises(sqlite3.IntegrityError):  # the primary key still holds
        db.execute("INSERT INTO tenders VALUES ('S1', 0, 'cash', 1, 1)")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    db.close()
