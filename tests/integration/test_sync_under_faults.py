"""Thousands of sales through a proxy that loses, delays, cuts and garbles the hub's answers:
every sale the till acknowledged is on the hub exactly once, and so are its points.

Checked as Jepsen's set checker does: the set of acknowledged sales against what is found on
the hub afterwards; lost = acknowledged but not found, duplicated = found more than once."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime

import httpx
import pytest

from loyalty_hub.server import EmbeddedHub
from pos_client.checkout import Checkout, Till
from pos_client.store.caches import Caches
from pos_client.store.journal import Journal
from pos_client.sync.client import HubClient
from pos_client.sync.engine import SyncEngine
from pos_client.sync.errors import HubError
from tests.conftest import CAPPUCCINO, CROISSANT, GOLD_CARD, OUTLET, TERMINAL
from tests.integration.fault_proxy import FAULTS, FaultProxy

pytestmark = pytest.mark.integration

SALES = 2000


def utc_now() -> datetime:
    return datetime.now(UTC)


def test_no_acknowledged_sale_is_lost_or_doubled_under_faults(
    hub: EmbeddedHub, hub_token: str, journal: Journal, caches: Caches
) -> None:
    rng = random.Random(20261122)
    acknowledged: list[str] = []
    earned: Counter[str] = Counter()
    checkout = Checkout(journal=journal, caches=caches, till=Till(OUTLET, TERMINAL), clock=utc_now)
    with (
        FaultProxy(hub.url, hold_s=1.0) as proxy,
        HubClient(proxy.url, hub_token, timeout=httpx.Timeout(0.5)) as client,
    ):
        engine = SyncEngine(client, journal, caches, utc_now)
        engine.sync_once()
        checkout.reload_rules()
        failed_rounds = 0
        while len(acknowledged) < SALES:
            for _ in range(rng.randint(1, 120)):
                checkout.scan(rng.choice((CAPPUCCINO, CROISSANT)))
                if rng.random() < 0.3:
                    checkout.identify_card(GOLD_CARD)
                sale = checkout.pay("card", 0)
                acknowledged.append(sale.sale_id)
                if sale.member_id:
                    earned[sale.sale_id] = sale.points_earned
            proxy.clear()
            if rng.random() < 0.6:
                proxy.inject("/v1/transactions", rng.choice(FAULTS))
            try:
                engine.sync_once()
            except HubError:
                failed_rounds += 1
        proxy.clear()
        proxy.inject("/v1/transactions", "drop_answer")  # one last fault, then a clean network
        rounds = 0
        while journal.queue_state().waiting and rounds < 20:
            rounds += 1
            try:
                engine.sync_once()
            except HubError:
                failed_rounds += 1

    found = [row["key"] for row in hub.store.query("SELECT key FROM transactions")]
    lost = set(acknowledged) - set(found)
    duplicated = [key for key, times in Counter(found).items() if times > 1]
    assert (len(lost), len(duplicated)) == (0, 0)
    assert len(found) == len(acknowledged) >= SALES
    assert failed_rounds >= 10 and proxy.seen["POST /v1/transactions"] > SALES // 50
    assert journal.queue_state() == journal.queue_state().__class__(0, None, 0, 0)
    ledger = hub.store.query(
        "SELECT transaction_key, COUNT(*) AS n, SUM(points) AS points FROM points_ledger"
        " WHERE kind = 'earn' GROUP BY transaction_key"
    )
    assert all(row["n"] == 1 for row in ledger)  # points earned once per sale, never twice
    assert {row["transaction_key"]: row["points"] for row in ledger} == {
        key: points for key, points in earned.items() if points
    }
