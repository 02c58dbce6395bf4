"""Goods sold by weight from the scale's label to the hub, which prices the weight again."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from loyalty_hub.seed import demo_seed
from loyalty_hub.server import EmbeddedHub
from pos_client.checkout import Checkout, Till
from pos_client.core.sale import Sale
from pos_client.store.caches import Caches
from pos_client.store.journal import Journal, OutboxItem
from pos_client.sync.client import HubClient
from pos_client.sync.engine import SyncEngine, SyncReport
from tests.conftest import CAPPUCCINO, GOLD_CARD, GOUDA_754_G, OUTLET, TERMINAL

pytestmark = pytest.mark.integration


def utc_now() -> datetime:
    return datetime.now(UTC)


def sell_gouda(journal: Journal, caches: Caches) -> Sale:
    checkout = Checkout(journal=journal, caches=caches, till=Till(OUTLET, TERMINAL), clock=utc_now)
    checkout.handle_code(GOUDA_754_G)
    checkout.handle_code(GOUDA_754_G)
    checkout.handle_code(CAPPUCCINO)
    checkout.handle_code(GOLD_CARD)
    return checkout.pay("card", 0)


def mismatches(hub: EmbeddedHub) -> list[dict[str, object]]:
    hub.reprice_waiting()
    rows = hub.store.query("SELECT details FROM pricing_mismatches")
    return [json.loads(row["details"]) for row in rows]


def test_a_weighed_sale_reaches_the_hub_priced_as_the_till_priced_it(
    hub: EmbeddedHub, primed: SyncEngine, journal: Journal, caches: Caches
) -> None:
    sale = sell_gouda(journal, caches)
    report = SyncReport()
    primed.push_all(report)
    assert report.applied == 1 and mismatches(hub) == []
    stored = json.loads(
        hub.store.query("SELECT body FROM transactions WHERE key = ?", (sale.sale_id,))[0]["body"]
    )
    assert [line.get("weighing") for line in stored["lines"]] == [
        {"grams": 754, "price_per_kg": 89900},
        {"grams": 754, "price_per_kg": 89900},
        None,
    ]


def test_the_hub_prices_the_weight_at_its_own_price_per_kg(
    hub: EmbeddedHub, primed: SyncEngine, journal: Journal, caches: Caches
) -> None:
    gouda = next(p for p in demo_seed()["products"] if p["sku"] == "SKU-0051")
    hub.store.put_product({**gouda, "price": 99900})  # the till has not pulled it yet
    sold = sell_gouda(journal, caches)
    primed.push_all(SyncReport())
    (found,) = mismatches(hub)
    assert found["reason"] == "priced_differently"
    assert found["terminal"]["lines"][:2] == [line.total for line in sold.lines[:2]]  # type: ignore[index]
    assert found["hub"]["lines"][0] > found["terminal"]["lines"][0]  # type: ignore[index]

    primed.pull(SyncReport())  # the till now sells at the new price, and the hub agrees
    again = sell_gouda(journal, caches)
    assert again.lines[0].unit_price == 75325  # 754 g at 999,00
    primed.push_all(SyncReport())
    assert len(mismatches(hub)) == 1


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"unit_price": 67786, "total": 67786 - 4745}, "unit_price != grams at price_per_kg"),
        ({"quantity": 2, "total": 2 * 67785 - 4745}, "a weighed line is one scale label"),
        ({"weighing": {"grams": 0, "price_per_kg": 89900}}, "weighing.grams"),
    ],
)
def test_a_weighed_line_that_does_not_add_up_is_rejected(
    hub: EmbeddedHub,
    hub_token: str,
    primed: SyncEngine,
    journal: Journal,
    caches: Caches,
    change: dict[str, object],
    why: str,
) -> None:
    body = sell_gouda(journal, caches).to_dict()
    body["lines"][0].update(change)
    with HubClient(hub.url, hub_token) as client:
        (result,) = client.push([OutboxItem(body["sale_id"], "sale", json.dumps(body), 0)])
    assert result.status == "rejected"
    assert result.reason is not None and why in result.reason
    assert hub.store.query("SELECT key FROM transactions") == []
