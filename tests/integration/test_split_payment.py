"""A sale paid partly in cash and partly by card, returned in two steps at two tills: each
tender gets back exactly what it paid, and the hub keeps the refunds by tender; real hub over
loopback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from loyalty_hub.server import EmbeddedHub
from pos_client.checkout import Checkout
from pos_client.store.caches import Caches
from pos_client.store.journal import Journal, OutboxItem, SaleForReturn
from pos_client.sync.client import HubClient
from pos_client.sync.engine import SyncEngine
from tests.conftest import CAPPUCCINO, CROISSANT, GOLD_CARD, TERMINAL
from tests.integration.test_hub_sync import checkout_for
from tests.other_till import OtherTill, open_other_till


@pytest.fixture
def other(hub: EmbeddedHub, hub_token: str, tmp_path: Path) -> Iterator[OtherTill]:
    till = open_other_till(hub.store, hub.url, tmp_path)
    yield till
    till.close()


def refunds_on_hub(hub: EmbeddedHub) -> dict[str, int]:
    rows = hub.store.query("SELECT body FROM transactions WHERE kind = 'return' ORDER BY rowid")
    total: dict[str, int] = {}
    for row in rows:
        for part in json.loads(row["body"])["refunds"]:
            total[part["kind"]] = total.get(part["kind"], 0) + part["amount"]
    return total


def test_each_tender_gets_back_what_it_paid_across_two_tills(
    hub: EmbeddedHub, journal: Journal, caches: Caches, primed: SyncEngine, other: OtherTill
) -> None:
    here: Checkout = checkout_for(journal, caches)
    here.identify_card(GOLD_CARD)
    for code in (CAPPUCCINO, CAPPUCCINO, CROISSANT):
        here.scan(code)
    sale = here.pay_split(10_000)
    assert primed.sync_once().applied == 1
    cash, card = sale.tenders

    first = here.returns.return_lines(SaleForReturn(sale, {}), {0: 1})
    assert primed.sync_once().applied == 1
    found = other.checkout.returns.sale_from_hub(other.client.receipt(TERMINAL, sale.number))  # type: ignore[arg-type]
    last = other.checkout.returns.return_lines(found, {0: 1, 1: 1})
    assert other.engine.sync_once().applied == 1

    assert first.plan.refund + last.plan.refund == sale.total
    assert refunds_on_hub(hub) == {"cash": cash.amount, "card": card.amount}


@pytest.mark.parametrize(
    ("refunds", "reason"),
    [
        ([{"kind": "cash", "amount": 1}, {"kind": "card", "amount": 1}], "do not add up"),
        ([{"kind": "card", "amount": 0}, {"kind": "cash", "amount": 0}], "first of the refunds"),
        ([{"kind": "cash", "amount": 0}, {"kind": "cash", "amount": 0}], "named twice"),
    ],
)
def test_refunds_by_tender_that_do_not_fit_the_return_are_rejected(
    hub: EmbeddedHub,
    hub_token: str,
    journal: Journal,
    caches: Caches,
    primed: SyncEngine,
    refunds: list[dict[str, object]],
    reason: str,
) -> None:
    here = checkout_for(journal, caches)
    here.scan(CROISSANT)
    here.scan(CROISSANT)
    sale = here.pay_split(5_000)
    assert primed.sync_once().applied == 1
    back = here.returns.return_lines(SaleForReturn(sale, {}), {0: 1})
    body = back.to_dict()
    if back.plan.refund:  # make the bodies' sums match the test's cases
        body["refund"] = 0
        body["lines"][0]["refund"] = 0
    body.update(refunds=refunds, tender="cash")
    with HubClient(hub.url, hub_token) as client:
        [result] = client.push([OutboxItem(back.return_id, "return", json.dumps(body), 0)])
    assert result.status == "rejected" and reason in (result.reason or ""), result
