"""Where a member stands in the programme's tiers: the next tier and the spend it still needs."""

from __future__ import annotations

from dataclasses import dataclass

from pos_client.core.loyalty import Member
from pos_client.core.money import Money
from pos_client.core.ruleset import Programme


@dataclass(frozen=True, slots=True)
class TierProgress:
    next_tier: str | None  # None: the member is in the top tier
    missing: Money  # qualifying spend still needed for it; 0 when already reached


def tier_progress(programme: Programme, member: Member) -> TierProgress | None:
    """The tier above the member's and how much more they need to spend to reach it; None
    when the programme has no tiers, or the member's tier or spend is not known here.

    The hub moves members between tiers; a member whose spend already reaches the next tier
    shows it with nothing missing until the move.
    """
    tiers = [step.tier for step in programme.tiers]
    if member.tier_spend is None or member.tier not in tiers:
        return None
    above = programme.tiers[tiers.index(member.tier) + 1 :]
    if not above:
        return TierProgress(None, 0)
    return TierProgress(above[0].tier, max(above[0].from_spend - member.tier_spend, 0))
