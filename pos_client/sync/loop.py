"""The sync thread: a round after each sale, on a timer, or on demand; backoff while down.

It owns its SQLite connection and its HTTP client, and reports through a plain callback
(the UI turns it into a Qt signal). It never touches the caller's objects. The HTTP stack
(httpx, the answer models) is imported by the thread, not by whoever makes the loop, so the
window's start does not wait for it.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pos_client.core.loyalty import Member
from pos_client.store.caches import Caches
from pos_client.store.db import StoreError, open_database
from pos_client.store.journal import Journal, SaleForReturn
from pos_client.store.secret_file import SecretFile
from pos_client.sync.errors import HubError, TerminalIdentity
from pos_client.sync.status import SyncStatus, clock_is_off, skew_text

if TYPE_CHECKING:
    import httpx

    from pos_client.sync.client import HubClient, NetworkSwitch
    from pos_client.sync.engine import SyncEngine

log = logging.getLogger(__name__)
T = TypeVar("T")
BACKOFF_BASE_S = 1.0
BACKOFF_CAP_S = 60.0


def backoff_delay(failures: int, rng: random.Random, cap_s: float = BACKOFF_CAP_S) -> float:
    """Exponential backoff with full jitter: uniform in [0, min(cap, base * 2^failures)]."""
    ceiling = min(cap_s, BACKOFF_BASE_S * 2 ** min(failures, 32))
    return rng.uniform(0.0, ceiling)


class SyncLoop:
    def __init__(
        self,
        *,
        db_path: Path,
        api_url: str,
        token: str,
        clock: Callable[[], datetime],
        on_status: Callable[[SyncStatus], None],
        interval_s: float = 30.0,
        rng: random.Random | None = None,
        transport: httpx.BaseTransport | None = None,
        phone_key_path: Path | None = None,
        terminal: TerminalIdentity | None = None,
    ) -> None:
        self._db_path = db_path
        self._terminal = terminal
        self._api_url = api_url
        self._token = token
        self._clock = clock
        self._on_status = on_status
        self._interval_s = interval_s
        self._rng = rng or random.Random()
        self._transport = transport
        self._switch: NetworkSwitch | None = None
        self._switch_lock = threading.Lock()
        self._offline = False
        self._phone_key = SecretFile(phone_key_path) if phone_key_path else None
        self._wake = threading.Event()
        self._forced = False
        self._stopping = False
        self._failures = 0
        self._status = SyncStatus()
        self._thread = threading.Thread(target=self._run, name="pos-sync", daemon=True)

    # -- called from other threads -----------------------------------------------------------

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout_s: float = 15.0) -> None:
        self._stopping = True
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout_s)

    def wake(self, force: bool = False) -> None:
        """Ask for a round now. While backing off only a forced wake ("sync now") is heard."""
        self._forced = self._forced or force
        self._wake.set()

    def lookup_card(self, card: str) -> Member | None:
        """Ask the hub for a card's member (from any thread); raises HubError when it can't."""
        return self._ask(lambda client: client.member_by_card(card))

    def lookup_phone(self, e164: str) -> Member | None:
        """Ask the hub for the member with this number (from any thread); raises HubError."""
        return self._ask(lambda client: client.member_by_phone(e164))

    def lookup_receipt(self, terminal_id: str, number: int) -> SaleForReturn | None:
        """Ask the hub for another till's sale by its receipt code (from any thread); None
        when the hub has no such receipt. Raises HubError when it can't ask."""
        return self._ask(lambda client: client.receipt(terminal_id, number))

    def reserve_coupon(self, code: str, member_id: str) -> str | None:
        """Ask the hub to hold a member's coupon for the open receipt (from any thread):
        None when held, else the hub's reason. Raises HubError when it can't ask."""
        return self._ask(lambda client: client.reserve_coupon(code, member_id))

    def release_coupon(self, code: str, member_id: str) -> None:
        """Give the hub back a hold (from any thread); raises HubError when it can't."""
        self._ask(lambda client: client.release_coupon(code, member_id))

    def _ask(self, question: Callable[[HubClient], T]) -> T:
        """One question to the hub on a short-lived client over the shared connection pool."""
        from pos_client.sync.client import HubClient

        with HubClient(self._api_url, self._token, transport=self._network()) as client:
            return question(client)

    def set_working_offline(self, offline: bool) -> None:
        """Cut the terminal off the hub (or reconnect it) as if the network went away."""
        with self._switch_lock:
            self._offline = offline
            if self._switch is not None:
                self._switch.connected = not offline
        self.wake(force=True)

    def _network(self) -> NetworkSwitch:
        """The connection pool the thread and the lookups share, made on first use."""
        from pos_client.sync.client import NetworkSwitch

        with self._switch_lock:
            if self._switch is None:
                self._switch = NetworkSwitch(self._transport)
                self._switch.connected = not self._offline
            return self._switch

    # -- the thread ----------------------------------------------------------------------------

    def _run(self) -> None:
        log.info("sync started: %s every %s s", self._api_url, self._interval_s)
        try:
            db = open_database(self._db_path)
        except StoreError as exc:
            self._publish(online=None, last_error=str(exc), error_kind="store")
            return
        from pos_client.sync.client import HubClient
        from pos_client.sync.engine import LAST_SYNC_KEY, SyncEngine

        journal, caches = Journal(db), Caches(db)
        network = self._network()
        client = HubClient(self._api_url, self._token, transport=network)
        engine = SyncEngine(
            client,
            journal,
            caches,
            self._clock,
            phone_key=self._phone_key,
            terminal=self._terminal,
        )
        last = caches.meta(LAST_SYNC_KEY)
        self._publish_queue(journal, last_sync_at=datetime.fromisoformat(last) if last else None)
        try:
            while not self._stopping:
                delay = self._round(engine, journal)
                self._sleep(delay)
        finally:
            client.close()
            network.shutdown()
            db.close()

    def _round(self, engine: SyncEngine, journal: Journal) -> float:
        try:
            report = engine.sync_once()
        except HubError as exc:
            self._failed(f"hub {exc.kind}: {exc}")
            self._publish_queue(journal, online=False, last_error=str(exc), error_kind=exc.kind)
            return backoff_delay(self._failures, self._rng)
        except StoreError as exc:
            self._failed(f"journal: {exc}")
            self._publish_queue(journal, last_error=str(exc), error_kind="store")
            return backoff_delay(self._failures, self._rng)
        if self._failures:
            log.info("sync works again after %d failed rounds", self._failures)
        self._failures = 0
        if report.sent or report.warnings:
            log.info(
                "sync: sent %d, applied %d, duplicate %d, rejected %d; pulled %s",
                report.sent,
                report.applied,
                report.duplicate,
                report.rejected,
                report.pulled,
            )
        for warning in report.warnings:
            log.warning("sync: %s", warning)
        if clock_is_off(report.clock_skew_s):
            log.warning("sync: %s", skew_text(report.clock_skew_s or 0.0))
        self._publish_queue(
            journal,
            online=True,
            last_sync_at=self._clock(),
            last_error=None,
            error_kind=None,
            ruleset_version=report.pulled.get("ruleset", self._status.ruleset_version),
            warnings=tuple(report.warnings),
            clock_skew_s=report.clock_skew_s,
        )
        return self._interval_s

    def _failed(self, reason: str) -> None:
        """Count a failed round; the first of a series is logged, not every retry."""
        self._failures += 1
        if self._failures == 1:
            log.warning("sync failed, the till works offline and retries: %s", reason)

    def _sleep(self, delay: float) -> None:
        """Wait for the delay, a wake-up, or a stop; during backoff only forced wakes count."""
        deadline = time.monotonic() + delay
        while not self._stopping:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            if self._wake.wait(remaining):
                self._wake.clear()
                if self._forced or self._failures == 0:
                    self._forced = False
                    return

    def _publish_queue(self, journal: Journal, **changes: object) -> None:
        try:
            queue = journal.queue_state()
            changes.update(
                waiting=queue.waiting, dead_letters=queue.dead_letters, conflicts=queue.conflicts
            )
        except StoreError as exc:
            changes.update(last_error=str(exc), error_kind="store")
        self._publish(**changes)

    def _publish(self, **changes: object) -> None:
        changes["working_offline"] = self._offline
        self._status = replace(self._status, **changes)  # type: ignore[arg-type]
        self._on_status(self._status)
