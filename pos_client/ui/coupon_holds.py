"""The hub holds a member's coupons while they sit on an open receipt here.

So another till cannot take the same single-use coupon meanwhile. A hold is asked for when a
coupon and a member meet on the receipt, and given back when either leaves it or the receipt
is cancelled. A paid receipt keeps its holds: the hub drops them when the sale arrives (or they
expire), so no other till can use the coupon before the sale is synced.
"""

from __future__ import annotations

from pos_client.ui.sync_bridge import SyncBridge

Claim = tuple[str, str]  # coupon code, member id


class CouponHolds:
    def __init__(self, bridge: SyncBridge) -> None:
        self._bridge = bridge
        self._held: frozenset[Claim] = frozenset()

    def follow(self, claims: frozenset[Claim]) -> None:
        """Ask for the holds the receipt now needs and give back the ones it no longer does."""
        for code, member_id in sorted(claims - self._held):
            self._bridge.reserve_coupon(code, member_id)
        for code, member_id in sorted(self._held - claims):
            self._bridge.release_coupon(code, member_id)
        self._held = claims

    def keep_for_sale(self) -> None:
        """The receipt was paid: its holds stay on the hub until the sale gets there."""
        self._held = frozenset()
