import pytest

from pos_client.core.receipt import MAX_QUANTITY, Receipt, ReceiptError
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
