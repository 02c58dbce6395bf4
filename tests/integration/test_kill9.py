"""kill -9 of a terminal while it journals sales and while it syncs, 200 times: no
acknowledged sale is lost, none reaches the hub twice, the journal is intact every time."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from loyalty_hub.server import EmbeddedHub
from pos_client.store.journal import Journal
from pos_client.sync.engine import SyncEngine
from tests.conftest import CAPPUCCINO, CROISSANT, GOLD_CARD, OUTLET, TERMINAL
from tests.integration.crash_harness import CrashLog, Terminal, kill_at_random

pytestmark = pytest.mark.integration

RUNS = 200


def test_kill_9_loses_and_doubles_nothing(
    hub: EmbeddedHub,
    hub_token: str,
    primed: SyncEngine,
    journal: Journal,
    terminal_db: sqlite3.Connection,
    tmp_path: Path,
) -> None:
    terminal = Terminal(
        tmp_path / "terminal.sqlite3",
        hub.url,
        hub_token,
        OUTLET,
        TERMINAL,
        (CAPPUCCINO, CROISSANT),
        GOLD_CARD,
    )
    log = kill_at_random(terminal, RUNS, seed=7, log=CrashLog())
    assert (log.runs, log.lost_in_journal, log.integrity_failures) == (RUNS, 0, 0)
    assert log.kills_while_syncing > 10 and len(log.acknowledged) > RUNS

    while journal.queue_state().waiting:
        primed.sync_once()
    found = Counter(row["key"] for row in hub.store.query("SELECT key FROM transactions"))
    journaled = {sale_id for (sale_id,) in terminal_db.execute("SELECT sale_id FROM sales")}
    assert log.acknowledged <= journaled
    assert set(found) == journaled and max(found.values()) == 1
