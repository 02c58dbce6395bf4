"""The offline redemption policy."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from pos_client.core.offline import (
    OfflinePolicy,
    OfflineState,
    RedemptionRefused,
    offline_redeemable,
)

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
POLICY = OfflinePolicy(max_points_per_sale=300, max_points_per_terminal=1000, max_offline_hours=24)


def state(hours: float = 1, spent: int = 0, member_spent: bool = False) -> OfflineState:
    return OfflineState(NOW - timedelta(hours=hours), spent, member_spent)


def test_each_cap_and_its_reason() -> None:
    assert offline_redeemable(POLICY, state(), NOW) == 300
    assert offline_redeemable(POLICY, state(spent=900), NOW) == 100
    assert offline_redeemable(POLICY, state(spent=1000), NOW) == RedemptionRefused(
        "offline_terminal_cap", 1000
    )
    assert offline_redeemable(POLICY, state(member_spent=True), NOW) == RedemptionRefused(
        "offline_once_per_member", 1
    )
    assert offline_redeemable(POLICY, state(hours=24), NOW) == RedemptionRefused(
        "offline_too_long", 24
    )
    never_synced = OfflineState(None, 0, False)
    assert offline_redeemable(POLICY, never_synced, NOW) == RedemptionRefused(
        "offline_too_long", 24
    )


def test_once_per_member_can_be_switched_off() -> None:
    relaxed = OfflinePolicy(once_per_member=False)
    assert offline_redeemable(relaxed, state(member_spent=True), NOW) == 500


@given(
    per_sale=st.integers(0, 5000),
    per_terminal=st.integers(0, 20000),
    spent=st.integers(0, 30000),
    hours=st.floats(0, 100),
    member_spent=st.booleans(),
)
def test_what_is_allowed_never_breaks_a_cap(
    per_sale: int, per_terminal: int, spent: int, hours: float, member_spent: bool
) -> None:
    policy = OfflinePolicy(per_sale, per_terminal, True, 24)
    allowed = offline_redeemable(policy, state(hours, spent, member_spent), NOW)
    if isinstance(allowed, RedemptionRefused):
        return
    assert 0 <= allowed <= per_sale
    assert spent + allowed <= per_terminal
    assert hours < 24 and not member_spent
