"""Returns of a sale at another till of the chain: the sale and what came back of it come from
the hub, which counts the returns of every till; real hub over loopback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from loyalty_hub.server import EmbeddedHub
from pos_client.checkout import Checkout
from pos_client.checkout_errors import CheckoutError
from pos_client.core.identity import receipt_code
from pos_client.core.sale import Sale
from pos_client.return_desk import ReceiptElsewhere
from pos_client.store.caches import Caches
from pos_client.store.journal import Journal, SaleForReturn
from pos_client.sync.client import HubClient
from pos_client.sync.engine import SyncEngine
from pos_client.sync.errors import HubBadAnswer
from tests.conftest import CAPPUCCINO, CROISSANT, GOLD_CARD, TERMINAL
from tests.integration.fault_proxy import FaultProxy
from tests.integration.test_hub_sync import checkout_for, member_points
from tests.other_till import OTHER_TERMINAL, OtherTill, open_other_till


@pytest.fixture
def other(hub: EmbeddedHub, hub_token: str, tmp_path: Path) -> Iterator[OtherTill]:
    till = open_other_till(hub.store, hub.url, tmp_path)
    yield till
    till.close()


@pytest.fixture
def here(journal: Journal, caches: Caches, primed: SyncEngine) -> Checkout:
    return checkout_for(journal, caches)


def sell_here(here: Checkout, primed: SyncEngine) -> Sale:
    """Three coffees and a croissant for the gold member, synced."""
    here.identify_card(GOLD_CARD)
    for code in (CAPPUCCINO, CAPPUCCINO, CAPPUCCINO, CROISSANT):
        here.scan(code)
    sale = here.pay("card", 0)
    assert primed.sync_once().applied == 1
    return sale


def test_another_till_returns_part_of_a_sale_and_the_hub_counts_it_for_every_till(
    hub: EmbeddedHub, hub_token: str, here: Checkout, primed: SyncEngine, other: OtherTill
) -> None:
    sale = sell_here(here, primed)
    code = receipt_code(TERMINAL, sale.number)
    assert other.checkout.returns.find_receipt(code) == ReceiptElsewhere(TERMINAL, sale.number)
    on_hub = other.client.receipt(TERMINAL, sale.number)
    assert on_hub == SaleForReturn(sale, {}, returned_on_hub={})

    found = other.checkout.returns.sale_from_hub(on_hub)
    back = other.checkout.returns.return_lines(found, {0: 2})
    assert (back.terminal_id, back.sale, back.plan.points_reversed > 0) == (
        OTHER_TERMINAL,
        sale,
        True,
    )
    # Not on the hub yet, so the hub counts nothing; this till still knows its own return.
    again = other.checkout.returns.sale_from_hub(other.client.receipt(TERMINAL, sale.number))  # type: ignore[arg-type]
    assert (again.returned_on_hub, again.returned) == ({}, {0: 2})
    with pytest.raises(CheckoutError) as too_many:
        other.checkout.returns.return_lines(again, {0: 2})
    assert too_many.value.code == "bad_return"

    points_before = member_points(hub)
    report = other.engine.sync_once()
    assert (report.sent, report.applied) == (1, 1)
    assert member_points(hub) == points_before - back.plan.points_reversed

    # The till that sold it asks the hub too: only one coffee is left to bring back there.
    with HubClient(hub.url, hub_token) as client:
        seen_here = here.returns.sale_from_hub(client.receipt(TERMINAL, sale.number))  # type: ignore[arg-type]
    assert seen_here.returned == {0: 2}
    with pytest.raises(CheckoutError) as twice:
        here.returns.return_lines(seen_here, {0: 2})
    assert twice.value.code == "bad_return"
    last = here.returns.return_lines(seen_here, {0: 1, 1: 1})
    assert primed.sync_once().applied == 1
    assert last.plan.refund + back.plan.refund == sale.total
    returned = hub.store.query(
        "SELECT position, quantity FROM returned_quantities WHERE sale_key = ? ORDER BY 1",
        (sale.sale_id,),
    )
    assert [tuple(row) for row in returned] == [(0, 3), (1, 1)]


def test_a_receipt_the_hub_does_not_have_is_none(other: OtherTill) -> None:
    assert other.client.receipt(TERMINAL, 999) is None
    assert other.client.receipt("no/such till", 1) is None


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda body: body["sale"].update(number=body["sale"]["number"] + 1), "asked for"),
        (lambda body: body["returned"].append({"position": 0, "quantity": 9}), "more returned"),
        (lambda body: body["sale"]["lines"][0].update(total=1), "does not add up"),
        (lambda body: body["sale"]["tenders"].clear(), "tenders"),
        (lambda body: body["sale"].pop("lines"), "cannot be read"),
        (lambda body: body.pop("returned"), "returned"),
    ],
)
def test_an_answer_that_is_not_the_receipt_asked_for_is_refused(
    hub: EmbeddedHub,
    here: Checkout,
    primed: SyncEngine,
    change: object,
    problem: str,
) -> None:
    sale = sell_here(here, primed)

    def rewrite(content: bytes) -> bytes:
        body = json.loads(content)
        change(body)  # type: ignore[operator]
        return json.dumps(body).encode()

    token = hub.store.add_terminal("spb-nevsky", "spb-nevsky-T03")[1]
    with FaultProxy(hub.url) as proxy, HubClient(proxy.url, token) as client:
        proxy.rewrite = rewrite
        proxy.inject("/v1/receipts/", "rewrite")
        with pytest.raises(HubBadAnswer, match=problem):
            client.receipt(TERMINAL, sale.number)
