"""Returns at the till: with a receipt found by number or code, refused beyond what is left,
and goods brought back without a receipt."""

from __future__ import annotations

import pytest

from pos_client.checkout import Checkout
from pos_client.checkout_errors import CheckoutError
from pos_client.core.identity import receipt_code
from pos_client.core.receipt import Receipt
from pos_client.return_desk import ReceiptElsewhere
from pos_client.store.caches import Caches
from pos_client.store.journal import Journal, SaleForReturn
from tests.conftest import CAPPUCCINO, GOLD_CARD, TERMINAL
from tests.unit.test_checkout import make_checkout


@pytest.fixture
def checkout(journal: Journal, caches: Caches) -> Checkout:
    return make_checkout(journal, caches)


def test_a_receipt_is_found_by_number_or_by_its_code_for_a_return(checkout: Checkout) -> None:
    checkout.identify_card(GOLD_CARD)
    for _ in range(3):
        checkout.scan(CAPPUCCINO)
    sale = checkout.pay("card", 0)
    by_number = checkout.returns.find_receipt(f" {sale.number} ")
    by_code = checkout.handle_code(receipt_code(TERMINAL, sale.number))
    assert by_number == by_code
    assert by_number.sale == sale and by_number.returned == {}

    plan = checkout.returns.preview_return(by_number, {0: 1})
    assert plan.refund == sale.lines[0].total // 3 and plan.points_reversed > 0
    checkout.returns.return_lines(by_number, {0: 1})
    assert checkout.returns.find_receipt(str(sale.number)) == SaleForReturn(sale, {0: 1})


def test_another_tills_receipt_code_names_the_receipt_to_ask_the_hub_for(
    checkout: Checkout,
) -> None:
    assert checkout.returns.find_receipt("RT-OTHER-T9-17") == ReceiptElsewhere("OTHER-T9", 17)
    assert checkout.handle_code("RT-OTHER-T9-17") == ReceiptElsewhere("OTHER-T9", 17)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("42", "unknown_receipt_number"),
        ("12a", "bad_receipt_number"),
        ("9" * 10, "bad_receipt_number"),
        ("", "bad_receipt_number"),
    ],
)
def test_receipts_that_cannot_be_returned_here(checkout: Checkout, text: str, error: str) -> None:
    with pytest.raises(CheckoutError) as caught:
        checkout.returns.find_receipt(text)
    assert caught.value.code == error


def test_a_return_asking_for_more_than_is_left_is_refused_before_anything_is_written(
    checkout: Checkout, journal: Journal
) -> None:
    checkout.scan(CAPPUCCINO)
    sale = checkout.pay("cash", 100_000)
    found = checkout.returns.find_receipt(str(sale.number))
    with pytest.raises(CheckoutError) as caught:
        checkout.returns.preview_return(found, {0: 2})
    assert caught.value.code == "bad_return"
    assert checkout.returns.find_receipt(str(sale.number)).returned == {}


def test_goods_back_without_a_receipt_are_priced_as_today_without_a_card(
    checkout: Checkout, journal: Journal
) -> None:
    goods = Receipt()
    for _ in range(10):
        goods = checkout.returns.goods_back(goods, CAPPUCCINO)
    assert [line.quantity for line in goods.lines] == [10]
    refund = checkout.returns.price_goods_back(goods).total
    assert refund == 10 * 16150  # the cafe's 15 %, not the gold tier's 5 % from 1 500 ₽
    checkout.identify_card(GOLD_CARD)
    for _ in range(10):
        checkout.scan(CAPPUCCINO)
    assert checkout.priced.total < refund  # the same coffees bought with the card cost less
    checkout.cancel()

    with pytest.raises(CheckoutError) as unknown:
        checkout.returns.goods_back(goods, "4600000000000")
    assert unknown.value.code == "unknown_barcode"
    for empty, reason, code in (
        (Receipt(), "брак", "nothing_brought_back"),
        (goods, " \t ", "return_reason_missing"),
    ):
        with pytest.raises(CheckoutError) as refused:
            checkout.returns.return_without_receipt_subject(empty, "cash", reason)
        assert refused.value.code == code
    subject = checkout.returns.return_without_receipt_subject(goods, "cash", "брак")
    assert subject == f"cash:{refund}:SKU-0001x10"

    back = checkout.returns.return_without_receipt(goods, "cash", "  брак  ", "S0003")
    assert (back.refund, back.tender, back.reason, back.approved_by) == (
        refund,
        "cash",
        "брак",
        "S0003",
    )
    assert [item.kind for item in journal.outbox_batch(10)] == ["return_without_receipt"]
    assert journal.outbox_batch(10)[0].key == back.return_id
