"""The offline policy: how far a terminal cut off from the hub may let members spend points.

Earning is always allowed. Spending is capped, because the hub cannot see it until the terminal
syncs and other terminals may spend the same points meanwhile: per sale, per terminal in total
while offline, once per member per terminal, and only while the terminal has been offline for
less than a set time. Coupons offline are taken only if the cached rules know them and this
terminal has not already taken them for the member.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True, slots=True)
class OfflinePolicy:
    max_points_per_sale: int = 500
    max_points_per_terminal: int = 3000  # spent on this terminal since its last sync
    once_per_member: bool = True  # a member spends points once per terminal while offline
    max_offline_hours: int = 24  # no spending at all after this long without the hub


@dataclass(frozen=True, slots=True)
class OfflineState:
    """What the terminal knows about itself while offline (None when it is online)."""

    offline_since: datetime | None  # the last time the hub answered; None if never
    points_spent_unsynced: int  # points spent in sales the hub has not confirmed
    member_spent_unsynced: bool  # this member already spent points in such a sale


@dataclass(frozen=True, slots=True)
class RedemptionRefused:
    """Why points cannot be spent offline; `limit` is the cap that applies (points or hours)."""

    reason: str  # offline_too_long | offline_once_per_member | offline_terminal_cap
    limit: int


def offline_redeemable(
    policy: OfflinePolicy, state: OfflineState, now: datetime
) -> int | RedemptionRefused:
    """The most points one sale may spend offline under the policy, or why none may be."""
    too_long = timedelta(hours=policy.max_offline_hours)
    if state.offline_since is None or now - state.offline_since >= too_long:
        return RedemptionRefused("offline_too_long", policy.max_offline_hours)
    if policy.once_per_member and state.member_spent_unsynced:
        return RedemptionRefused("offline_once_per_member", 1)
    left = policy.max_points_per_terminal - state.points_spent_unsynced
    if left <= 0:
        return RedemptionRefused("offline_terminal_cap", policy.max_points_per_terminal)
    return min(policy.max_points_per_sale, left)
