"""Copies of the journal: made with SQLite's online backup while the till runs, restored only
when no unsent sale would be lost."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from pos_client.store.schema import MIGRATIONS


class BackupError(Exception):
    """Nothing was copied or replaced; the message says why."""


@dataclass(frozen=True, slots=True)
class JournalSummary:
    sales: int
    waiting: int  # sales (and returns) not yet confirmed by the hub


def backup(db_path: Path, destination: Path, *, force: bool = False) -> JournalSummary:
    """A consistent copy of the journal at `destination`, checked before it is put in place."""
    if not db_path.exists():
        raise BackupError(f"there is no journal at {db_path}")
    if destination.exists() and not force:
        raise BackupError(f"{destination} exists; add --force to overwrite it")
    partial = destination.with_name(destination.name + ".partial")
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        with closing(_read_only(db_path)) as source, closing(sqlite3.connect(partial)) as copy:
            source.backup(copy)
            summary = _checked(copy, partial)
        os.replace(partial, destination)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"cannot back up {db_path} to {destination}: {exc}") from exc
    return summary


def restore(backup_path: Path, db_path: Path, *, force: bool = False) -> JournalSummary:
    """Put a backup in place of the journal. Refused when the journal holds unsent sales the
    backup lacks (they would never reach the hub), unless forced. Stop the till first."""
    try:
        with closing(_read_only(backup_path)) as source:
            summary = _checked(source, backup_path)
            if db_path.exists() and not force:
                lost = _unsent_missing_from(db_path, source)
                if lost:
                    raise BackupError(
                        f"the journal has {lost} unsent sale(s) that {backup_path} lacks; they "
                        "would be lost. Let the till sync first, or add --force."
                    )
            db_path.parent.mkdir(parents=True, exist_ok=True)
            with closing(sqlite3.connect(db_path, timeout=10.0)) as journal:
                source.backup(journal)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(f"cannot restore {backup_path}: {exc}") from exc
    return summary


def _read_only(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise BackupError(f"{path} is not a file")
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _checked(conn: sqlite3.Connection, path: Path) -> JournalSummary:
    """Integrity, a schema this program knows, and what the journal holds."""
    if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        raise BackupError(f"{path} fails SQLite's integrity check")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if not 1 <= version <= len(MIGRATIONS):
        raise BackupError(f"{path} is not a journal of this program (schema {version})")
    sales = conn.execute("SELECT COUNT(*) FROM sales").fetchone()[0]
    waiting = conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]
    return JournalSummary(sales, waiting)


def _unsent_missing_from(db_path: Path, backup: sqlite3.Connection) -> int:
    with closing(_read_only(db_path)) as journal:
        unsent = {row[0] for row in journal.execute("SELECT key FROM outbox")}
    kept = {row[0] for row in backup.execute("SELECT key FROM outbox")}
    return len(unsent - kept)
