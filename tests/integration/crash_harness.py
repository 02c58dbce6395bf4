"""A terminal that sells and syncs in a child process until it is killed with SIGKILL, and the
checks made after each kill. Used by the kill -9 test and the sync benchmark.

Children are forked from a forkserver that has already imported the terminal's code, so a run
costs milliseconds, not an interpreter start. A sale counts as acknowledged once the child has
reported it through the pipe, which it does only after the journal's COMMIT returned.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import random
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path

from pos_client.checkout import Checkout, Till
from pos_client.core.receipt import ReceiptError
from pos_client.open_receipt import OpenReceipt
from pos_client.store.caches import Caches
from pos_client.store.db import open_database
from pos_client.store.journal import Journal
from pos_client.sync.client import HubClient
from pos_client.sync.engine import SyncEngine
from pos_client.sync.errors import HubError

SYNCING = "sync"
PRELOAD = ["tests.integration.crash_harness"]
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(PRELOAD)


@dataclass(frozen=True, slots=True)
class Terminal:
    db_path: Path
    api_url: str
    token: str
    outlet_id: str
    terminal_id: str
    products: tuple[str, ...]
    card: str


def utc_now() -> datetime:
    return datetime.now(UTC)


def sell_and_sync(terminal: Terminal, report: Connection, seed: int) -> None:
    """The child: a few sales, a sync round, again, until killed."""
    rng = random.Random(seed)
    db = open_database(terminal.db_path)
    journal, caches = Journal(db), Caches(db)
    till = Till(terminal.outlet_id, terminal.terminal_id)
    checkout = Checkout(journal=journal, caches=caches, till=till, clock=utc_now)
    with HubClient(terminal.api_url, terminal.token) as client:
        engine = SyncEngine(client, journal, caches, utc_now)
        while True:
            for _ in range(rng.randint(1, 8)):
                checkout.scan(rng.choice(terminal.products))
                if rng.random() < 0.3:
                    checkout.identify_card(terminal.card)
                report.send(checkout.pay("card", 0).sale_id)
            report.send(SYNCING)
            with contextlib.suppress(HubError):  # the next round tries again
                engine.sync_once()


@dataclass
class CrashLog:
    runs: int = 0
    acknowledged: set[str] = field(default_factory=set)
    lost_in_journal: int = 0  # acknowledged but not in the journal after the kill
    integrity_failures: int = 0
    kills_while_syncing: int = 0
    open_receipts_kept: int = 0  # kills that left a half-scanned receipt in the journal
    open_receipts_unreadable: int = 0


def scan_until_killed(terminal: Terminal, report: Connection, seed: int) -> None:
    """The child of the open-receipt test: takes up the receipt a kill left, then scans on,
    reporting the items on it after each scan (a scan reported is a scan kept)."""
    rng = random.Random(seed)
    db = open_database(terminal.db_path)
    till = Till(terminal.outlet_id, terminal.terminal_id)
    checkout = Checkout(journal=Journal(db), caches=Caches(db), till=till, clock=utc_now)
    report.send(items_on(checkout))
    while True:
        checkout.scan(rng.choice(terminal.products))
        report.send(items_on(checkout))


def items_on(checkout: Checkout) -> int:
    return sum(line.quantity for line in checkout.receipt.lines)


def kill_mid_receipt(terminal: Terminal, runs: int, seed: int) -> list[tuple[int, int]]:
    """Per run: (the items the last child reported before its kill, the items the next child
    found on the receipt it took up)."""
    rng = random.Random(seed)
    reported: int | None = None
    seen: list[tuple[int, int]] = []
    for run in range(runs + 1):
        receiving, sending = _CONTEXT.Pipe(duplex=False)
        child = _CONTEXT.Process(target=scan_until_killed, args=(terminal, sending, seed + run))
        child.start()
        sending.close()
        found = receiving.recv()
        if reported is not None:
            seen.append((reported, found))
        reported = found
        for _ in range(rng.randint(0, 12) if run < runs else 0):
            reported = receiving.recv()
        child.kill()
        child.join()
        while True:  # what the child reported before it died was kept too
            try:
                reported = receiving.recv()
            except EOFError:
                break
        receiving.close()
    return seen


def kill_at_random(terminal: Terminal, runs: int, seed: int, log: CrashLog) -> CrashLog:
    """Start the child, let it report a random number of events, SIGKILL it, check the journal."""
    rng = random.Random(seed)
    for run in range(runs):
        receiving, sending = _CONTEXT.Pipe(duplex=False)
        child = _CONTEXT.Process(target=sell_and_sync, args=(terminal, sending, seed + run))
        child.start()
        sending.close()
        last = ""
        for _ in range(rng.randint(1, 16)):
            if not receiving.poll(30):
                break
            last = receiving.recv()
            if last != SYNCING:
                log.acknowledged.add(last)
        child.kill()
        child.join()
        log.kills_while_syncing += last == SYNCING
        while True:  # what the child reported before it died is acknowledged too
            try:
                message = receiving.recv()
            except EOFError:
                break
            if message != SYNCING:
                log.acknowledged.add(message)
        receiving.close()
        log.runs += 1
        _check_journal(terminal.db_path, log)
    return log


def _check_journal(db_path: Path, log: CrashLog) -> None:
    conn = sqlite3.connect(db_path)
    try:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            log.integrity_failures += 1
        journaled = {row[0] for row in conn.execute("SELECT sale_id FROM sales")}
        log.lost_in_journal = len(log.acknowledged - journaled)
        for (text,) in conn.execute("SELECT body FROM open_receipt"):
            log.open_receipts_kept += 1
            try:
                OpenReceipt.from_text(text)
            except ReceiptError:
                log.open_receipts_unreadable += 1
    finally:
        conn.close()
