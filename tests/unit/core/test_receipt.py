import pytest

from pos_client.core.receipt import MAX_QUANTITY, PriceOverride, Receipt, ReceiptError
from pos_client.core.scale import Weighing
from tests.unit.core.factories import product


def test_adding_the_same_product_raises_its_quantity() -> None:
    receipt = Receipt().add(product(1)).add(product(2)).add(product(1))
    assert [(line.line_id, line.quantity) for line in receipt.lines] == [(1, 2), (2, 1)]
    assert receipt.subtotal == 3 * 19000


def test_changes_return_new_receipts_and_leave_the_old_one() -> None:
    first = Receipt().add(product(1))
    second = first.set_quantity(1, 5)
    assert first.lines[0].quantity == 1
    assert second.lines[0].quantity == 5
    assert second.remove(1).is_empty


def test_line_ids_are_not_reused_after_removal() -> None:
    receipt = Receipt().add(product(1)).remove(1).add(product(2))
    assert receipt.lines[0].line_id == 2


@pytest.mark.parametrize("quantity", [0, -1, MAX_QUANTITY + 1])
def test_quantity_out_of_range_is_refused(quantity: int) -> None:
    receipt = Receipt().add(product(1))
    with pytest.raises(ReceiptError):
        receipt.set_quantity(1, quantity)


def test_unknown_line_is_refused() -> None:
    with pytest.raises(ReceiptError):
        Receipt().remove(7)


def test_adding_beyond_the_maximum_is_refused() -> None:
    receipt = Receipt().add(product(1), MAX_QUANTITY)
    with pytest.raises(ReceiptError):
        receipt.add(product(1))


def test_a_price_override_keeps_the_list_price_reason_and_approver() -> None:
    receipt = Receipt().add(product(1, price=19000), 2)
    once = receipt.override_price(1, 15000, "  damaged   box ", "S0003")
    line = once.line(1)
    assert (line.product.price, line.amount) == (15000, 30000)
    assert line.price_override == PriceOverride(19000, "damaged box", "S0003")
    twice = once.override_price(1, 12000, "price tag on the shelf", "S0004")
    assert twice.line(1).price_override == PriceOverride(19000, "price tag on the shelf", "S0004")
    assert receipt.line(1).price_override is None  # the old receipt is unchanged
    assert twice.add(product(1, price=19000)).line(1).quantity == 3  # the same line, its price


@pytest.mark.parametrize(
    ("price", "reason", "code"),
    [
        (0, "why", "override_price_zero"),
        (-100, "why", "override_price_zero"),
        (19000, "why", "override_price_same"),
        (15000, "   ", "override_reason"),
        (15000, "x" * 121, "override_reason"),
    ],
)
def test_a_bad_price_override_is_refused_with_its_reason(
    price: int, reason: str, code: str
) -> None:
    receipt = Receipt().add(product(1, price=19000))
    with pytest.raises(ReceiptError) as refused:
        receipt.override_price(1, price, reason, "S0003")
    assert refused.value.code == code


def test_a_receipt_round_trips_through_its_dict_with_overrides_and_line_ids() -> None:
    receipt = Receipt().add(product(1), 3).add(product(2)).add(product(3)).remove(2)
    receipt = receipt.override_price(3, 5000, "damaged box", "S0003")
    back = Receipt.from_dict(receipt.to_dict())
    assert back == receipt
    assert back.add(product(4)).lines[-1].line_id == 4  # ids go on where they stopped


@pytest.mark.parametrize(
    "broken",
    [
        {},
        {"lines": [], "next_line_id": "x"},
        {"lines": [{"line_id": 1, "quantity": 1}], "next_line_id": 2},  # no product
        {
            "lines": [{"line_id": 5, "product": product(1).to_dict(), "quantity": 1}],
            "next_line_id": 2,
        },  # an id not yet given
        {
            "lines": [{"line_id": 1, "product": product(1).to_dict(), "quantity": 0}],
            "next_line_id": 2,
        },
        {
            "lines": [
                {"line_id": 1, "product": {**product(1).to_dict(), "price": -1}, "quantity": 1}
            ],
            "next_line_id": 2,
        },
    ],
)
def test_what_is_no_receipt_is_refused(broken: dict[str, object]) -> None:
    with pytest.raises(ReceiptError):
        Receipt.from_dict(broken)


def test_each_scale_label_is_a_line_of_its_own_at_its_weights_price() -> None:
    cheese = product(5, category="cheese", price=45900, plu="00123")
    receipt = Receipt().add_weighed(cheese, 754).add_weighed(cheese, 1200).add(product(1))
    first, second, _ = receipt.lines
    assert (first.quantity, first.product.price, first.weighing) == (1, 34609, Weighing(754, 45900))
    assert second.product.price == 55080
    assert receipt.subtotal == 34609 + 55080 + 19000
    assert Receipt.from_dict(receipt.to_dict()) == receipt


def test_weighed_goods_need_their_label_and_keep_its_quantity() -> None:
    cheese = product(5, category="cheese", price=45900, plu="00123")
    with pytest.raises(ReceiptError) as refused:
        Receipt().add(cheese)
    assert refused.value.code == "needs_weight"
    receipt = Receipt().add_weighed(cheese, 754)
    with pytest.raises(ReceiptError) as refused:
        receipt.set_quantity(1, 2)
    assert refused.value.code == "weighed_quantity"
    with pytest.raises(ReceiptError) as refused:
        receipt.add_weighed(product(1), 754)
    assert refused.value.code == "not_weighed"
    with pytest.raises(ReceiptError) as refused:
        receipt.add_weighed(cheese, 0)
    assert refused.value.code == "bad_weight"
