import pytest

from pos_client.core.receipt import Receipt, ReceiptError
from pos_client.open_receipt import OpenReceipt
from tests.unit.core.factories import product


def test_an_open_receipt_round_trips_and_an_empty_one_is_nothing_to_keep() -> None:
    kept = OpenReceipt(Receipt().add(product(1), 2), "M-1", frozenset({"WELCOME-200"}), 150)
    text = kept.to_text()
    assert text is not None and OpenReceipt.from_text(text) == kept
    assert OpenReceipt(Receipt(), None, frozenset(), 0).to_text() is None
    # a member with nothing scanned yet is worth keeping
    assert OpenReceipt(Receipt(), "M-1", frozenset(), 0).to_text() is not None


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[]",
        '{"receipt": {"lines": [], "next_line_id": 1}}',
        '{"receipt": {"lines": [], "next_line_id": 1}, "member_id": 7, "coupons": [],'
        ' "redeem_points": 0}',
        '{"receipt": {"lines": [], "next_line_id": 1}, "member_id": null, "coupons": [],'
        ' "redeem_points": -5}',
    ],
)
def test_what_is_no_open_receipt_is_refused(text: str) -> None:
    with pytest.raises(ReceiptError):
        OpenReceipt.from_text(text)
