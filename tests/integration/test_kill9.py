"""kill -9 of a terminal while it journals sales and while it syncs, 200 times: no
acknowledged sale is lost, none reaches the hub twice, the journal is intact every time, and a
receipt left half scanned is kept readable for the next start (test_kill9_open_receipt.py kills
mid-receipt on purpose)."""

from __future__ import annotations

import sqlite3
from collections import Counter

import pytest

from loyalty_hub.server import EmbeddedHub
from pos_client.store.journal import Journal
from pos_client.sync.engine import SyncEngine
from tests.integration.crash_harness import CrashLog, Terminal, kill_at_random

pytestmark = pytest.mark.integration

RUNS = 200


def test_kill_9_loses_and_doubles_nothing(
    hub: EmbeddedHub,
    killable: Terminal,
    primed: SyncEngine,
    journal: Journal,
    terminal_db: sqlite3.Connection,
) -> None:
    log = kill_at_random(killable, RUNS, seed=7, log=CrashLog())
    assert (log.runs, log.lost_in_journal, log.integrity_failures) == (RUNS, 0, 0)
    assert log.kills_while_syncing > 10 and len(log.acknowledged) > RUNS
    assert log.open_receipts_unreadable == 0  # a receipt killed half scanned is kept whole

    while journal.queue_state().waiting:
        primed.sync_once()
    found = Counter(row["key"] for row in hub.store.query("SELECT key FROM transactions"))
    journaled = {sale_id for (sale_id,) in terminal_db.execute("SELECT sale_id FROM sales")}
    assert log.acknowledged <= journaled
    assert set(found) == journaled and max(found.values()) == 1
