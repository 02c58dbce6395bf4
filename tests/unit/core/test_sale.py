from datetime import UTC, datetime

import pytest

from pos_client.core.receipt import Receipt
from pos_client.core.sale import Sale, TenderError, build_sale, settle, split_payment
from tests.unit.core.factories import member, price, product, rule

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


def _sale(**overrides: object):  # type: ignore[no-untyped-def]
    priced = price(Receipt().add(product(1), 2), [rule("c", 15, ["coffee"])], member())
    arguments = {
        "priced": priced,
        "member": member(),
        "tenders": (settle(priced.total, "cash", 50000),),
        "sale_id": "0b7c",
        "number": 7,
        "created_at": NOW,
        "outlet_id": "spb-nevsky",
        "terminal_id": "T1",
        "channel": "store",
        "language": "ru",
        **overrides,
    }
    return build_sale(**arguments)  # type: ignore[arg-type]


def test_cash_gives_change_and_card_pays_exactly() -> None:
    assert settle(1000, "cash", 5000).change == 4000
    assert settle(1000, "card", 0).received == 1000


@pytest.mark.parametrize(
    ("total", "kind", "received"), [(1000, "cash", 999), (-1, "card", 0), (10, "cheque", 10)]
)
def test_settle_refuses_what_does_not_pay(total: int, kind: str, received: int) -> None:
    with pytest.raises(TenderError):
        settle(total, kind, received)  # type: ignore[arg-type]


def test_sale_record_keeps_everything_the_hub_needs() -> None:
    body = _sale().to_dict()
    assert body["total"] == 38000 - 5700
    assert body["lines"][0]["rule_ids"] == ["c"]
    assert body["lines"][0]["discount_notes"] == [{"text": "−15% Правило c", "amount": 5700}]
    assert body["tenders"] == [{"kind": "cash", "amount": 32300, "received": 50000}]
    assert body["member_id"] == "M-1"
    assert body["points_earned"] == 16  # 323,00 at 5 per 100
    assert body["created_at"] == "2026-11-22T09:30:00+00:00"
    assert (body["outlet_id"], body["terminal_id"], body["channel"]) == (
        "spb-nevsky",
        "T1",
        "store",
    )


def test_tenders_must_add_up_and_time_must_be_aware() -> None:
    with pytest.raises(TenderError):
        _sale(tenders=(settle(100, "card", 100),))
    with pytest.raises(ValueError, match="timezone"):
        _sale(created_at=datetime(2026, 11, 22, 9, 30))


def test_an_overridden_price_travels_with_the_sale_and_back() -> None:
    receipt = Receipt().add(product(1), 2).override_price(1, 15000, "damaged box", "S0003")
    priced = price(receipt, [rule("c", 15, ["coffee"])], member())
    sale = _sale(priced=priced, tenders=(settle(priced.total, "card", 0),))
    body = sale.to_dict()
    assert body["lines"][0]["unit_price"] == 15000
    assert body["lines"][0]["price_override"] == {
        "list_price": 19000,
        "reason": "damaged box",
        "approved_by": "S0003",
    }
    assert body["lines"][0]["discount"] == 4500  # the promotion applies to the new price
    assert Sale.from_dict(body) == sale
    assert "price_override" not in _sale().to_dict()["lines"][0]  # ordinary lines as before


def test_a_split_payment_takes_the_cash_handed_over_and_the_rest_by_card() -> None:
    cash, card = split_payment(10_000, 3_550)
    assert (cash.kind, cash.amount, cash.received, cash.change) == ("cash", 3_550, 3_550, 0)
    assert (card.kind, card.amount, card.received) == ("card", 6_450, 6_450)
    for total, part in ((10_000, 0), (10_000, 10_000), (10_000, 12_000), (10_000, -1), (0, 0)):
        with pytest.raises(TenderError, match="cash part"):
            split_payment(total, part)
