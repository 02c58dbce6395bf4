import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pos_client.checkout import Checkout, Till
from pos_client.cli import main
from pos_client.core.catalog import Product
from pos_client.store.backup import BackupError, backup, restore
from pos_client.store.caches import Caches
from pos_client.store.journal import Journal

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)
WATER = Product("water", "4607012340306", "Вода", "Water", "drinks", 5990)


def sell(journal: Journal, caches: Caches, count: int) -> None:
    checkout = Checkout(journal=journal, caches=caches, till=Till("o", "t"), clock=lambda: NOW)
    for _ in range(count):
        checkout.scan(WATER.barcode)
        checkout.pay("card", 0)


@pytest.fixture
def selling(journal: Journal, caches: Caches) -> tuple[Journal, Caches]:
    caches.replace_catalog(1, [WATER], NOW)
    sell(journal, caches, 3)
    return journal, caches


def journal_path(db: sqlite3.Connection) -> Path:
    return Path(db.execute("PRAGMA database_list").fetchone()[2])


def test_a_backup_is_consistent_while_the_till_writes(
    selling: tuple[Journal, Caches], terminal_db: sqlite3.Connection, tmp_path: Path
) -> None:
    source = journal_path(terminal_db)
    writer = sqlite3.connect(source, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # the till is in the middle of journaling a sale
    writer.execute("DELETE FROM outbox")
    summary = backup(source, tmp_path / "copies" / "journal.bak")
    writer.execute("ROLLBACK")
    writer.close()
    assert (summary.sales, summary.waiting) == (3, 3)
    copy = sqlite3.connect(tmp_path / "copies" / "journal.bak")
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("SELECT COUNT(*) FROM sales").fetchone()[0] == 3
    assert not (tmp_path / "copies" / "journal.bak.partial").exists()


def test_backup_refuses_to_overwrite_or_to_copy_nothing(
    selling: tuple[Journal, Caches], terminal_db: sqlite3.Connection, tmp_path: Path
) -> None:
    (tmp_path / "old.bak").write_text("keep me")
    with pytest.raises(BackupError, match="exists; add --force"):
        backup(journal_path(terminal_db), tmp_path / "old.bak")
    assert (tmp_path / "old.bak").read_text() == "keep me"
    with pytest.raises(BackupError, match="no journal"):
        backup(tmp_path / "absent.sqlite3", tmp_path / "new.bak")


def test_restore_never_loses_unsent_sales_unless_forced(
    selling: tuple[Journal, Caches], terminal_db: sqlite3.Connection, tmp_path: Path
) -> None:
    source = journal_path(terminal_db)
    backup(source, tmp_path / "journal.bak")
    journal, caches = selling
    sell(journal, caches, 2)  # sold after the backup, not yet sent
    terminal_db.close()
    with pytest.raises(BackupError, match="2 unsent sale"):
        restore(tmp_path / "journal.bak", source)
    assert sqlite3.connect(source).execute("SELECT COUNT(*) FROM sales").fetchone()[0] == 5
    summary = restore(tmp_path / "journal.bak", source, force=True)
    assert (summary.sales, summary.waiting) == (3, 3)
    assert sqlite3.connect(source).execute("SELECT COUNT(*) FROM sales").fetchone()[0] == 3


def test_restore_refuses_what_is_not_a_journal_of_this_program(tmp_path: Path) -> None:
    (tmp_path / "random.bak").write_bytes(b"\x00\xff" * 2048)
    with pytest.raises(BackupError, match="cannot restore"):
        restore(tmp_path / "random.bak", tmp_path / "terminal.sqlite3")
    newer = sqlite3.connect(tmp_path / "newer.bak")
    newer.execute("PRAGMA user_version = 99")
    newer.close()
    with pytest.raises(BackupError, match="not a journal of this program"):
        restore(tmp_path / "newer.bak", tmp_path / "terminal.sqlite3")
    assert not (tmp_path / "terminal.sqlite3").exists()


def test_the_cli_backs_up_the_configured_journal(
    selling: tuple[Journal, Caches],
    terminal_db: sqlite3.Connection,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for key, value in {"API_URL": "http://hub", "OUTLET_ID": "o", "TERMINAL_ID": "t"}.items():
        monkeypatch.setenv(f"POS_CLIENT_{key}", value)
    monkeypatch.setenv("POS_CLIENT_TOKEN", "x" * 20)
    monkeypatch.setenv("POS_CLIENT_DATA_DIR", str(journal_path(terminal_db).parent))
    config = ["--config", str(tmp_path / "absent.toml")]
    assert main([*config, "backup", str(tmp_path / "b.bak")]) == 0
    assert "3 sales, 3 waiting to sync" in capsys.readouterr().out
    assert main([*config, "backup", str(tmp_path / "b.bak")]) == 2
    assert "exists" in capsys.readouterr().err
