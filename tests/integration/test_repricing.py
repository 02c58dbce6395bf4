"""The hub prices sales again after answering: each with what it found (the member before it,
the rules it was applied under), each once, by a worker beside the server."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from loyalty_hub.repricing import Rulesets, reprice_queued
from loyalty_hub.repricing_worker import RepricingProcess
from loyalty_hub.seed import demo_seed, load_seed
from loyalty_hub.server import EmbeddedHub
from loyalty_hub.store import HubStore
from pos_client.checkout import Checkout, Till
from pos_client.core.promotions import PricingEngine
from pos_client.core.sale import Sale
from pos_client.store.caches import Caches
from pos_client.store.journal import Journal
from pos_client.sync.engine import SyncEngine, SyncReport
from tests.conftest import CAPPUCCINO, GOLD_CARD, OUTLET, TERMINAL


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[EmbeddedHub]:
    """A hub whose queue is priced only when a test says so."""
    hub = EmbeddedHub(tmp_path / "hub.sqlite3", reprice_in_background=False)
    load_seed(hub.store, demo_seed())
    hub.start()
    yield hub
    hub.close()


def utc_now() -> datetime:
    return datetime.now(UTC)


def coffee(journal: Journal, caches: Caches, card: str | None = None) -> Sale:
    checkout = Checkout(journal=journal, caches=caches, till=Till(OUTLET, TERMINAL), clock=utc_now)
    checkout.scan(CAPPUCCINO)
    if card is not None:
        checkout.identify_card(card)
    return checkout.pay("card", 0)


def queued(store: HubStore) -> list[str]:
    return [row[0] for row in store.query("SELECT transaction_key FROM repricing_queue")]


def mismatched(store: HubStore) -> list[str]:
    return [row[0] for row in store.query("SELECT transaction_key FROM pricing_mismatches")]


def test_each_sale_is_priced_with_the_member_and_the_rules_it_found(
    hub: EmbeddedHub, primed: SyncEngine, journal: Journal, caches: Caches
) -> None:
    # The gold member has 4 stamps of 6; the till, not told of the fifth, sells the sixth
    # coffee at full price, which the hub records as a difference.
    fifth, sixth = coffee(journal, caches, GOLD_CARD), coffee(journal, caches, GOLD_CARD)
    primed.push_all(SyncReport())  # one batch: the member changes between the two
    store = hub.store
    snapshots = store.query("SELECT member FROM repricing_queue ORDER BY transaction_key")
    assert [json.loads(row["member"])["stamps"] for row in snapshots] == [
        {"coffee": 4},
        {"coffee": 5},
    ]
    with store.transaction() as conn:  # new rules arrive before the queue is priced
        conn.execute("DELETE FROM rules")
        conn.execute("UPDATE settings SET value = '99' WHERE key = 'ruleset_version'")
    hub.reprice_waiting()
    assert queued(store) == [] and mismatched(store) == [sixth.sale_id]
    assert fifth.discount == sixth.discount  # the rules in force when they were applied


class MeetingRulesets(Rulesets):
    """Rulesets whose first engine waits for the other worker: both have read the queue."""

    def __init__(self, meeting: threading.Barrier) -> None:
        super().__init__()
        self._meeting: threading.Barrier | None = meeting

    def engine(self, store: HubStore, outlet_id: str, version: str) -> PricingEngine:
        if self._meeting is not None:
            self._meeting.wait(timeout=10)
            self._meeting = None
        return super().engine(store, outlet_id, version)


def test_two_workers_on_one_queue_record_each_difference_once(
    hub: EmbeddedHub, primed: SyncEngine, journal: Journal, caches: Caches, terminal_db
) -> None:  # type: ignore[no-untyped-def]
    terminal_db.execute("DELETE FROM cache_state WHERE name = 'ruleset'")  # a till without rules
    sales = [coffee(journal, caches) for _ in range(3)]
    primed.push_all(SyncReport())
    store = hub.store
    assert sorted(queued(store)) == sorted(s.sale_id for s in sales) and mismatched(store) == []
    meeting = threading.Barrier(2)
    taken: list[int] = []
    other = threading.Thread(
        target=lambda: taken.append(reprice_queued(store, MeetingRulesets(meeting)))
    )
    other.start()
    taken.append(reprice_queued(store, MeetingRulesets(meeting)))
    other.join()
    assert taken == [3, 3]  # both priced all three; each was recorded by one of them
    assert sorted(mismatched(store)) == sorted(s.sale_id for s in sales)
    assert queued(store) == [] and reprice_queued(store, Rulesets()) == 0
    reasons = {
        json.loads(row[0])["reason"]
        for row in store.query("SELECT details FROM pricing_mismatches")
    }
    assert reasons == {"priced_differently"}


def test_a_sale_that_cannot_be_priced_is_recorded_and_does_not_hold_up_the_rest(
    hub: EmbeddedHub, primed: SyncEngine, journal: Journal, caches: Caches
) -> None:
    broken = coffee(journal, caches)
    coffee(journal, caches)  # priced after it, and as the till priced it
    primed.push_all(SyncReport())
    with hub.store.transaction() as conn:
        conn.execute(
            "UPDATE repricing_queue SET ruleset_version = 'gone' WHERE transaction_key = ?",
            (broken.sale_id,),
        )
    hub.reprice_waiting()
    assert queued(hub.store) == [] and mismatched(hub.store) == [broken.sale_id]
    [details] = hub.store.query("SELECT details FROM pricing_mismatches")
    assert json.loads(details[0]) == {
        "reason": "not_repriced",
        "detail": "LookupError: no ruleset 'gone' kept for outlet 'spb-nevsky'",
    }


def test_the_servers_worker_process_prices_the_queue_and_stops(
    hub: EmbeddedHub, primed: SyncEngine, journal: Journal, caches: Caches, tmp_path: Path
) -> None:
    sales = [coffee(journal, caches, GOLD_CARD) for _ in range(3)]
    primed.push_all(SyncReport())
    assert len(queued(hub.store)) == 3
    worker = RepricingProcess(tmp_path / "hub.sqlite3")
    worker.start()
    try:
        deadline = time.monotonic() + 30
        while queued(hub.store):  # the worker has a connection of its own
            assert time.monotonic() < deadline, "the worker left the queue as it was"
            threading.Event().wait(0.05)
    finally:
        worker.stop()
    assert not worker.alive
    assert mismatched(hub.store) == [sales[1].sale_id]  # the member's sixth coffee
