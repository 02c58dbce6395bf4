"""`pos-client sync --once` and `pos-client status`: the sync state for store IT and scripts."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from pos_client.config import TerminalConfig
from pos_client.store.caches import Caches
from pos_client.store.db import open_database
from pos_client.store.journal import Journal
from pos_client.store.secret_file import SecretFile
from pos_client.sync.client import HubClient
from pos_client.sync.engine import LAST_SYNC_KEY, SyncEngine, SyncReport


def sync_once(config: TerminalConfig, clock: Callable[[], datetime]) -> SyncReport:
    """One push and pull with the hub; raises HubError or StoreError when it cannot."""
    db = open_database(config.db_path)
    try:
        with HubClient(config.api_url, config.token) as client:
            engine = SyncEngine(
                client,
                Journal(db),
                Caches(db),
                clock,
                phone_key=SecretFile(config.phone_key_path),
                terminal=config.identity,
            )
            return engine.sync_once()
    finally:
        db.close()


def terminal_status(db_path: Path) -> dict[str, Any]:
    """Queue, problems, last sync and cache versions, read without changing the journal."""
    if not db_path.exists():
        raise FileNotFoundError(f"no journal at {db_path}: the till has not run here yet")
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        waiting, oldest = conn.execute("SELECT COUNT(*), MIN(created_at) FROM outbox").fetchone()
        last = conn.execute("SELECT value FROM meta WHERE key = ?", [LAST_SYNC_KEY]).fetchone()
        caches = {
            name: {"version": version, "cursor": cursor, "updated_at": updated}
            for name, version, cursor, updated in conn.execute(
                "SELECT name, version, cursor, updated_at FROM cache_state ORDER BY name"
            )
        }
        return {
            "waiting": waiting,
            "oldest_unsent": oldest,
            "last_sync": last[0] if last else None,
            "dead_letters": conn.execute("SELECT COUNT(*) FROM dead_letters").fetchone()[0],
            "conflicts": conn.execute("SELECT COUNT(*) FROM conflicts").fetchone()[0],
            "caches": caches,
        }
    finally:
        conn.close()
