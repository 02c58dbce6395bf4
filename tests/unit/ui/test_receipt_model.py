"""The receipt table follows re-pricings row by row, and says which rows to measure again."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester

from pos_client.core.receipt import Receipt
from pos_client.ui.receipt_model import ReceiptModel
from pos_client.ui.strings import set_language
from tests.unit.core.factories import price, product, rule

RULES = [rule("coffee", 10, ["coffee"]), rule("bread", 5, ["bakery"])]


def rows(model: ReceiptModel) -> list[str]:
    return [str(model.index(row, 1).data()).strip() for row in range(model.rowCount())]


def test_rows_come_and_go_with_the_receipt_and_only_new_text_is_measured(
    qtmodeltester: ModelTester,
) -> None:
    set_language("en")
    model = ReceiptModel()
    qtmodeltester.check(model)
    coffee, bread, water = product(1), product(2, "bakery"), product(3, "drinks")

    receipt = Receipt().add(coffee)
    assert model.show(price(receipt, RULES)) == [0, 1]
    assert rows(model) == ["Item 1", "−10% Rule coffee"]

    receipt = receipt.add(water).add(bread)
    assert model.show(price(receipt, RULES)) == [2, 3, 4]  # the new lines and discount
    assert rows(model) == ["Item 1", "−10% Rule coffee", "Item 3", "Item 2", "−5% Rule bread"]

    receipt = receipt.add(coffee)  # a second coffee: amounts change, no text does
    assert model.show(price(receipt, RULES)) == []
    assert model.index(0, 2).data() == "2"

    receipt = receipt.remove(receipt.lines[0].line_id)
    assert model.show(price(receipt, RULES)) == []
    assert rows(model) == ["Item 3", "Item 2", "−5% Rule bread"]
    assert [model.index(row, 0).data() for row in range(3)] == ["1", "2", ""]

    assert model.show(price(Receipt(), RULES)) == []
    assert model.rowCount() == 0
