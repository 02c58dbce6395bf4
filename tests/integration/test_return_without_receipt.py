"""A return without a receipt reaches the real hub once; bodies that break its rules are
refused with the reason."""

from __future__ import annotations

import json

import httpx
import pytest

from loyalty_hub.server import EmbeddedHub
from pos_client.core.receipt import Receipt
from pos_client.store.caches import Caches
from pos_client.store.journal import Journal
from pos_client.sync.engine import SyncEngine
from tests.conftest import CAPPUCCINO, CROISSANT
from tests.integration.test_hub_sync import bearer, checkout_for


def test_a_return_without_a_receipt_is_applied_once_and_moves_no_points(
    hub: EmbeddedHub, hub_token: str, primed: SyncEngine, journal: Journal, caches: Caches
) -> None:
    checkout = checkout_for(journal, caches)
    goods = checkout.returns.goods_back(
        checkout.returns.goods_back(Receipt(), CAPPUCCINO), CROISSANT
    )
    back = checkout.returns.return_without_receipt(goods, "card", "брак", "S0003")
    ledger_before = hub.store.query("SELECT COUNT(*) FROM points_ledger")[0][0]
    report = primed.sync_once()
    assert (report.sent, report.applied) == (1, 1)
    assert hub.store.query("SELECT COUNT(*) FROM points_ledger")[0][0] == ledger_before
    (row,) = hub.store.query(
        "SELECT terminal_id, body FROM transactions WHERE kind = 'return_without_receipt'"
    )
    assert json.loads(row["body"]) == back.to_dict()

    body = back.to_dict()
    item = {"key": back.return_id, "kind": "return_without_receipt", "body": body}
    again = httpx.post(
        f"{hub.url}/v1/transactions", json={"items": [item]}, headers=bearer(hub_token)
    )
    assert again.json()["results"][0]["status"] == "duplicate"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda body: body.update(refund=body["refund"] + 1), "do not add up"),
        (lambda body: body.update(reason=""), "reason"),
        (lambda body: body.update(approved_by=""), "approved_by"),
        (lambda body: body.update(points_reversed=5), "points_reversed"),
        (lambda body: body.update(terminal_id="spb-nevsky-T99"), "not from this terminal"),
        (
            lambda body: (
                body["lines"][0].update(points_paid=100, total=body["lines"][0]["total"] - 100)
                or body.update(refund=body["refund"] - 100)
            ),
            "paid with points",
        ),
    ],
)
def test_a_return_without_a_receipt_that_breaks_the_rules_is_refused(
    hub: EmbeddedHub,
    hub_token: str,
    primed: SyncEngine,
    journal: Journal,
    caches: Caches,
    change: object,
    reason: str,
) -> None:
    checkout = checkout_for(journal, caches)
    back = checkout.returns.return_without_receipt(
        checkout.returns.goods_back(Receipt(), CAPPUCCINO), "cash", "брак", "S0003"
    )
    body = back.to_dict()
    change(body)  # type: ignore[operator]
    item = {"key": back.return_id, "kind": "return_without_receipt", "body": body}
    answer = httpx.post(
        f"{hub.url}/v1/transactions", json={"items": [item]}, headers=bearer(hub_token)
    )
    (result,) = answer.json()["results"]
    assert result["status"] == "rejected" and reason in result["reason"]
