"""Pricing queued sales again beside the server (see repricing.py).

`loyalty-hub serve` runs it in a process of its own: pricing is Python work, and a thread would
take turns with the requests for the interpreter. A hub embedded in the till's demo or in tests
runs it in a thread.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from loyalty_hub.repricing import REPRICE_AT_ONCE, Rulesets, reprice_queued
from loyalty_hub.store import HubStore

log = logging.getLogger(__name__)

IDLE_WAIT_S = 0.25  # how long a queue shorter than a round is left to fill


class StopFlag(Protocol):
    def is_set(self) -> bool: ...
    def wait(self, timeout: float | None = None) -> bool: ...


def reprice_until_stopped(
    store: HubStore, stop: StopFlag, alive: Callable[[], bool] = lambda: True
) -> None:
    rulesets = Rulesets()
    while not stop.is_set() and alive():
        try:
            taken = reprice_queued(store, rulesets)
        except sqlite3.Error:
            log.exception("re-pricing waits: the database refused")
            taken = 0
        if taken < REPRICE_AT_ONCE:  # caught up: let sales gather rather than commit each
            stop.wait(IDLE_WAIT_S)


WORKER_NICENESS = 10  # answering tills comes first; the comparison can wait for a free core


def _process_main(db_path: Path, stop: StopFlag, server_pid: int) -> None:
    if hasattr(os, "nice"):
        os.nice(WORKER_NICENESS)
    store = HubStore(db_path)
    try:  # a server killed outright leaves this process to another parent: it ends too
        reprice_until_stopped(store, stop, lambda: os.getppid() == server_pid)
    finally:
        store.close()


class RepricingProcess:
    """The re-pricing worker of `loyalty-hub serve`, on its own connection to the database."""

    def __init__(self, db_path: Path) -> None:
        context = multiprocessing.get_context("spawn")  # nothing of the server's connection
        self._stop = context.Event()
        self._process = context.Process(
            target=_process_main,
            args=(db_path, self._stop, os.getpid()),
            name="loyalty-hub-repricing",
            daemon=True,
        )

    def start(self) -> None:
        self._process.start()

    @property
    def alive(self) -> bool:
        return self._process.is_alive()

    def stop(self, timeout_s: float = 10.0) -> None:
        self._stop.set()
        self._process.join(timeout_s)
        if self._process.is_alive():
            self._process.terminate()


class RepricingThread:
    """The re-pricing worker of an embedded hub, sharing its store."""

    def __init__(self, store: HubStore) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=reprice_until_stopped,
            args=(store, self._stop),
            name="loyalty-hub-repricing",
            daemon=True,
        )

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout_s: float = 10.0) -> None:
        self._stop.set()
        self._thread.join(timeout_s)
