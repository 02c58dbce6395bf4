"""Sync throughput, the cost of a durable sale, and kill -9 of a selling, syncing terminal.

- Drain: 10,000 sales queued in a terminal's journal are pushed to a hub running in its own
  process over loopback, in batches of 50 and one per request, each into a fresh hub. The hub
  prices sales again after answering; how many it had still to price when the last batch was
  answered, and how long it then took, are reported with the batched rate.
- Journal commit: the median time to journal one sale (its lines, tender, points and outbox row
  in one BEGIN IMMEDIATE transaction, WAL, synchronous=FULL) next to a bare sqlite3 insert of
  the same body and commit with the same pragmas, in the same folder.
- kill -9: 1,000 runs of the crash harness of the test suite.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import httpx

from loyalty_hub.seed import demo_seed, load_seed
from loyalty_hub.store import HubStore
from pos_client.checkout import Checkout, Till
from pos_client.core.sale import Sale
from pos_client.store.caches import Caches
from pos_client.store.db import open_database
from pos_client.store.journal import Journal
from pos_client.sync.client import HubClient
from pos_client.sync.engine import SyncEngine, SyncReport

OUTLET = "spb-nevsky"
PRODUCTS = ("4607012340016", "4607012340047")  # cappuccino, croissant
CARD = "2780000000047"
QUEUED = int(os.environ.get("SYNC_BENCH_QUEUED", "10000"))
COMMITS = 400
KILL_RUNS = int(os.environ.get("SYNC_BENCH_KILLS", "1000"))


def utc_now() -> datetime:
    return datetime.now(UTC)


class HubProcess:
    """`loyalty-hub serve` in its own process, so the terminal and the hub share no GIL."""

    def __init__(self, folder: Path) -> None:
        self.db = folder / "hub.sqlite3"
        store = HubStore(self.db)
        load_seed(store, demo_seed())
        self.terminal_id, self.token = store.add_terminal(OUTLET)
        store.close()
        with socket_port() as port:
            self.url = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "loyalty_hub",
                "serve",
                "--db",
                str(self.db),
                "--port",
                str(port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                httpx.get(self.url + "/v1/health", timeout=0.5)
                return
            except httpx.TransportError:
                time.sleep(0.05)
        raise RuntimeError("the hub did not start")

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(10)


class socket_port:  # noqa: N801 - used as a context manager like open()
    def __enter__(self) -> int:
        import socket

        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        return int(self._sock.getsockname()[1])

    def __exit__(self, *exc: object) -> None:
        self._sock.close()


def queue_sales(db_path: Path, hub: HubProcess, count: int) -> None:
    """A primed terminal with `count` sales waiting (every third one to a member)."""
    db = open_database(db_path)
    journal, caches = Journal(db), Caches(db)
    with HubClient(hub.url, hub.token) as client:
        SyncEngine(client, journal, caches, utc_now).sync_once()
    checkout = Checkout(
        journal=journal, caches=caches, till=Till(OUTLET, hub.terminal_id), clock=utc_now
    )
    for number in range(count):
        checkout.scan(PRODUCTS[number % 2])
        if number % 3 == 0:
            checkout.identify_card(CARD)
        checkout.pay("card", 0)
    db.close()


def drain(folder: Path, template: Path, batch_size: int) -> tuple[float, int, float]:
    """Sales per second to empty a copy of the queued journal into a fresh hub; the sales the
    hub had still to price again when the last was answered, and the seconds it took then."""
    run = folder / f"batch{batch_size}"
    run.mkdir()
    hub = HubProcess(run)
    try:
        db_path = run / "terminal.sqlite3"
        shutil.copy(template, db_path)
        _retarget(db_path, hub.terminal_id)
        db = open_database(db_path)
        journal, caches = Journal(db), Caches(db)
        with HubClient(hub.url, hub.token) as client:
            engine = SyncEngine(client, journal, caches, utc_now, batch_size=batch_size)
            report = SyncReport()
            started = time.perf_counter()
            engine.push_all(report)
            elapsed = time.perf_counter() - started
        assert journal.queue_state().waiting == 0 and report.applied == QUEUED, report
        db.close()
        backlog, caught_up_s = repricing_catch_up(hub.db)
        return QUEUED / elapsed, backlog, caught_up_s
    finally:
        hub.close()


def repricing_catch_up(hub_db: Path, timeout_s: float = 120) -> tuple[int, float]:
    """How many sales wait to be priced again, and the seconds until none do."""
    started = time.perf_counter()
    conn = sqlite3.connect(hub_db)
    try:
        backlog = waiting = conn.execute("SELECT COUNT(*) FROM repricing_queue").fetchone()[0]
        while waiting:
            if time.perf_counter() - started > timeout_s:
                raise RuntimeError(f"the hub still has {waiting} sales to price again")
            time.sleep(0.01)
            waiting = conn.execute("SELECT COUNT(*) FROM repricing_queue").fetchone()[0]
    finally:
        conn.close()
    return backlog, time.perf_counter() - started


def _retarget(db_path: Path, terminal_id: str) -> None:
    """The queued bodies name the terminal that made them; the fresh hub knows it by another id."""
    conn = sqlite3.connect(db_path)
    with conn:
        rows = conn.execute("SELECT key, body FROM outbox").fetchall()
        conn.executemany(
            "UPDATE outbox SET body = json_set(body, '$.terminal_id', ?) WHERE key = ?",
            [(terminal_id, key) for key, _ in rows],
        )
    conn.close()


def commit_times(folder: Path, template: Path) -> tuple[float, float]:
    """Median ms to journal one sale, and to insert+commit its body bare (same pragmas)."""
    db = open_database(template)
    journal = Journal(db)
    sale = journal_sale(db)
    samples = []
    for _ in range(COMMITS):
        fresh = replace(sale, sale_id=str(uuid.uuid4()))
        started = time.perf_counter()
        journal.record_sale(lambda number, s=fresh: replace(s, number=number))
        samples.append(time.perf_counter() - started)
    db.close()
    body = (template.parent / "body.json").read_text("utf-8")
    bare = sqlite3.connect(folder / "bare.sqlite3", isolation_level=None)
    bare.execute("PRAGMA journal_mode = WAL")
    bare.execute("PRAGMA synchronous = FULL")
    bare.execute("CREATE TABLE sales (sale_id TEXT PRIMARY KEY, body TEXT NOT NULL)")
    bare_samples = []
    for _ in range(COMMITS):
        started = time.perf_counter()
        bare.execute("BEGIN IMMEDIATE")
        bare.execute("INSERT INTO sales VALUES (?, ?)", (str(uuid.uuid4()), body))
        bare.execute("COMMIT")
        bare_samples.append(time.perf_counter() - started)
    bare.close()
    return statistics.median(samples) * 1000, statistics.median(bare_samples) * 1000


def journal_sale(db: sqlite3.Connection) -> Sale:
    """A journaled sale with a member, to journal again under new ids."""
    row = db.execute("SELECT body FROM sales WHERE member_id IS NOT NULL LIMIT 1").fetchone()
    return Sale.from_dict(json.loads(row[0]))


def kill_figures(folder: Path) -> dict[str, int]:
    from tests.integration.crash_harness import CrashLog, Terminal, kill_at_random

    (folder / "kill").mkdir()
    hub = HubProcess(folder / "kill")
    try:
        terminal = Terminal(
            folder / "kill" / "terminal.sqlite3",
            hub.url,
            hub.token,
            OUTLET,
            hub.terminal_id,
            PRODUCTS,
            CARD,
        )
        queue_sales(terminal.db_path, hub, 0)
        log = kill_at_random(terminal, KILL_RUNS, seed=1, log=CrashLog())
        db = open_database(terminal.db_path)
        journal, caches = Journal(db), Caches(db)
        with HubClient(hub.url, hub.token) as client:
            engine = SyncEngine(client, journal, caches, utc_now)
            while journal.queue_state().waiting:
                engine.sync_once()
        journaled = {row[0] for row in db.execute("SELECT sale_id FROM sales")}
        db.close()
        store = sqlite3.connect(hub.db)
        found = [row[0] for row in store.execute("SELECT key FROM transactions")]
        store.close()
        return {
            "kill9_runs": log.runs,
            "kill9_acknowledged": len(log.acknowledged),
            "kill9_during_sync": log.kills_while_syncing,
            "kill9_lost": len(log.acknowledged - set(found)) + log.lost_in_journal,
            "kill9_duplicated": len(found) - len(set(found)),
            "kill9_integrity_failures": log.integrity_failures,
            "kill9_journal_matches_hub": int(journaled == set(found)),
            "kill9_open_receipts_kept": log.open_receipts_kept,
            "kill9_open_receipts_unreadable": log.open_receipts_unreadable,
        }
    finally:
        hub.close()


def run() -> dict[str, object]:
    folder = Path(tempfile.mkdtemp(prefix="pos-sync-bench-"))
    try:
        (folder / "queue").mkdir()
        hub = HubProcess(folder / "queue")
        template = folder / "queue" / "terminal.sqlite3"
        try:
            queue_sales(template, hub, QUEUED)
        finally:
            hub.close()
        conn = sqlite3.connect(template)
        (template.parent / "body.json").write_text(
            conn.execute("SELECT body FROM sales LIMIT 1").fetchone()[0], "utf-8"
        )
        conn.close()
        batched, backlog, caught_up_s = drain(folder, template, 50)
        single, _, _ = drain(folder, template, 1)
        journal_ms, bare_ms = commit_times(folder, folder / "queue" / "terminal.sqlite3")
        figures: dict[str, object] = {
            "queued_sales": QUEUED,
            "drain_batched_per_s": round(batched),
            "drain_single_per_s": round(single),
            "drain_ratio": round(batched / single, 1),
            "repricing_backlog_at_drained": backlog,
            "repricing_caught_up_s": round(caught_up_s, 2),
            "journal_commit_median_ms": round(journal_ms, 3),
            "bare_commit_median_ms": round(bare_ms, 3),
            "journal_to_bare_ratio": round(journal_ms / bare_ms, 2),
        }
        figures.update(kill_figures(folder))
        return figures
    finally:
        shutil.rmtree(folder, ignore_errors=True)
