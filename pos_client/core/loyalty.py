"""Loyalty members and points earning."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pos_client.core.money import Money

KOPECKS_PER_100_RUB = 100 * 100


class MemberError(ValueError):
    """A member record that cannot be used."""


@dataclass(frozen=True, slots=True)
class Member:
    member_id: str
    card: str
    name: str
    tier: str
    points: int

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Member:
        try:
            member = cls(
                member_id=str(data["member_id"]),
                card=str(data["card"]),
                name=str(data["name"]),
                tier=str(data["tier"]),
                points=int(data["points"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise MemberError(f"member record: bad field {exc}") from None
        if member.points < 0:
            raise MemberError(f"member {member.member_id}: negative points")
        return member

    def to_dict(self) -> dict[str, Any]:
        return {
            "member_id": self.member_id,
            "card": self.card,
            "name": self.name,
            "tier": self.tier,
            "points": self.points,
        }


@dataclass(frozen=True, slots=True)
class EarningPolicy:
    """Points per 100 RUB paid, by tier; tiers not listed earn `default_per_100`."""

    default_per_100: int = 1
    per_100_by_tier: Mapping[str, int] = field(default_factory=dict)

    def rate(self, tier: str) -> int:
        return self.per_100_by_tier.get(tier, self.default_per_100)

    def points_for(self, paid: Money, tier: str) -> int:
        """Whole points earned on `paid` kopecks; fractions of a point are not given."""
        return max(paid, 0) * self.rate(tier) // KOPECKS_PER_100_RUB
