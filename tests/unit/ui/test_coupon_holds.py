"""Which holds the till asks the hub for, and which it gives back."""

from __future__ import annotations

from pos_client.ui.coupon_holds import CouponHolds


class RecordingBridge:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str, str]] = []

    def reserve_coupon(self, code: str, member_id: str) -> None:
        self.calls.append(("reserve", code, member_id))

    def release_coupon(self, code: str, member_id: str) -> None:
        self.calls.append(("release", code, member_id))


def test_holds_follow_the_receipt_and_a_sale_keeps_them() -> None:
    bridge = RecordingBridge()
    holds = CouponHolds(bridge)  # type: ignore[arg-type]
    holds.follow(frozenset({("A", "M1")}))
    holds.follow(frozenset({("A", "M1")}))  # nothing changed: nothing asked again
    holds.follow(frozenset({("A", "M2"), ("B", "M2")}))  # another member
    assert bridge.calls == [
        ("reserve", "A", "M1"),
        ("reserve", "A", "M2"),
        ("reserve", "B", "M2"),
        ("release", "A", "M1"),
    ]
    bridge.calls.clear()
    holds.keep_for_sale()
    holds.follow(frozenset())  # the paid receipt's holds are not given back
    assert bridge.calls == []
