"""Loyalty members, points earning and redemption limits, pending and expiring points."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any

from pos_client.core.money import Money

KOPECKS_PER_100_RUB = 100 * 100


class MemberError(ValueError):
    """A member record that cannot be used."""


@dataclass(frozen=True, slots=True)
class Member:
    """What the till knows of a member. `points` are the active (spendable) points."""

    member_id: str
    card: str
    name: str
    tier: str
    points: int
    segments: frozenset[str] = frozenset()
    birthday: date | None = None
    purchases: int = 1  # 0 means this is the first purchase
    stamps: Mapping[str, int] = field(default_factory=dict)
    pending_points: int = 0  # earned, not spendable until the return window has passed
    expiring: tuple[tuple[date, int], ...] = ()  # (expires on, points), soonest first
    phone_masked: str = ""  # "+7 *** ***-45-67"; the number itself never reaches the till
    phone_hmac: str = ""  # core.phone.phone_digest of the number with the outlet's key
    marketing_consent: bool | None = None  # None: not known to this till
    tier_spend: int | None = None  # qualifying spend over the programme's period; None: unknown
    offers: tuple[str, ...] = ()  # codes of the member's personal offers (coupons of the rules)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Member:
        try:
            birthday = data.get("birthday")
            member = cls(
                member_id=str(data["member_id"]),
                card=str(data["card"]),
                name=str(data["name"]),
                tier=str(data["tier"]),
                points=int(data["points"]),
                segments=frozenset(str(s) for s in data.get("segments") or ()),
                birthday=date.fromisoformat(birthday) if birthday else None,
                purchases=int(data.get("purchases", 1)),
                stamps={str(k): int(v) for k, v in (data.get("stamps") or {}).items()},
                pending_points=int(data.get("pending_points", 0)),
                expiring=tuple(
                    (date.fromisoformat(item["on"]), int(item["points"]))
                    for item in data.get("expiring") or ()
                ),
                phone_masked=str(data.get("phone_masked") or ""),
                phone_hmac=str(data.get("phone_hmac") or ""),
                marketing_consent=_optional_flag(data.get("marketing_consent")),
                tier_spend=_optional_whole(data.get("tier_spend")),
                offers=tuple(str(code) for code in data.get("offers") or ()),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise MemberError(f"member record: bad field {exc}") from None
        counts = [
            member.points,
            member.purchases,
            member.pending_points,
            member.tier_spend or 0,
            *member.stamps.values(),
        ]
        if any(count < 0 for count in counts) or any(p <= 0 for _, p in member.expiring):
            raise MemberError(f"member {member.member_id}: negative points, purchases or stamps")
        return member

    def to_dict(self) -> dict[str, Any]:
        return {
            "member_id": self.member_id,
            "card": self.card,
            "name": self.name,
            "tier": self.tier,
            "points": self.points,
            "segments": sorted(self.segments),
            "birthday": self.birthday.isoformat() if self.birthday else None,
            "purchases": self.purchases,
            "stamps": dict(sorted(self.stamps.items())),
            "pending_points": self.pending_points,
            "expiring": [
                {"on": day.isoformat(), "points": points} for day, points in self.expiring
            ],
            "phone_masked": self.phone_masked,
            "phone_hmac": self.phone_hmac,
            "marketing_consent": self.marketing_consent,
            "tier_spend": self.tier_spend,
            "offers": list(self.offers),
        }

    def birthday_distance(self, today: date) -> int | None:
        """Days between today and the nearest birthday, before or after (Feb 29 -> Feb 28)."""
        if self.birthday is None:
            return None
        distances = []
        for year in (today.year - 1, today.year, today.year + 1):
            day = self.birthday.day
            if self.birthday.month == 2 and day == 29 and not _is_leap(year):
                day = 28
            distances.append(abs((date(year, self.birthday.month, day) - today).days))
        return min(distances)


def _optional_flag(value: object) -> bool | None:
    if value is None:
        return None
    if isinstance(value, bool | int) and value in (0, 1):
        return bool(value)
    raise ValueError(f"marketing_consent {value!r}")


def _optional_whole(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise ValueError(f"tier_spend {value!r}")


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


@dataclass(frozen=True, slots=True)
class EarningPolicy:
    """Points per 100 RUB paid, by tier; tiers not listed earn `default_per_100`."""

    default_per_100: Decimal = Decimal(1)
    per_100_by_tier: Mapping[str, Decimal] = field(default_factory=dict)
    rounding: str = "floor"  # or half_up
    earn_on_points_paid: bool = False

    def rate(self, tier: str) -> Decimal:
        return self.per_100_by_tier.get(tier, self.default_per_100)

    def points_for(self, paid: Money, tier: str) -> int:
        """Whole points earned on `paid` kopecks, rounded as the programme says."""
        exact = Decimal(max(paid, 0)) * self.rate(tier) / KOPECKS_PER_100_RUB
        mode = ROUND_HALF_UP if self.rounding == "half_up" else ROUND_FLOOR
        return int(exact.quantize(Decimal(1), rounding=mode))


@dataclass(frozen=True, slots=True)
class PointsPolicy:
    """Redemption and the life of points."""

    kopecks_per_point: int = 100  # 1 point = 1 RUB
    max_redeem_percent: Decimal = Decimal(50)  # of the receipt
    min_to_pay: Money = 100  # what must be left to pay in money
    pending_days: int = 14  # the return window: points earned are pending this long
    expiry_days: int = 365  # active points expire this long after they became active

    def redeemable(self, total: Money, balance: int) -> int:
        """The most points that may pay for a receipt of `total` kopecks."""
        by_percent = int(Decimal(total) * self.max_redeem_percent / 100) // self.kopecks_per_point
        by_minimum = max(total - self.min_to_pay, 0) // self.kopecks_per_point
        return max(0, min(balance, by_percent, by_minimum))


@dataclass(frozen=True, slots=True)
class PointsBalance:
    """What a member can spend now, what is on its way, and what expires when."""

    active: int
    pending: int
    expiring: tuple[tuple[date, int], ...] = ()


@dataclass(frozen=True, slots=True)
class PointLot:
    """Points earned by one purchase, on one day."""

    points: int
    earned_on: date


@dataclass(frozen=True, slots=True)
class PointsView:
    active: int
    pending: int
    pending_until: tuple[tuple[date, int], ...]  # (active from, points)
    expiring: tuple[tuple[date, int], ...]  # (expires on, points), soonest first


def points_view(lots: Iterable[PointLot], policy: PointsPolicy, today: date) -> PointsView:
    """Which points are pending, which are active, and when the active ones expire."""
    pending: dict[date, int] = {}
    expiring: dict[date, int] = {}
    for lot in lots:
        active_from = lot.earned_on + timedelta(days=policy.pending_days)
        expires_on = active_from + timedelta(days=policy.expiry_days)
        if today < active_from:
            pending[active_from] = pending.get(active_from, 0) + lot.points
        elif today < expires_on:
            expiring[expires_on] = expiring.get(expires_on, 0) + lot.points
    return PointsView(
        active=sum(expiring.values()),
        pending=sum(pending.values()),
        pending_until=tuple(sorted(pending.items())),
        expiring=tuple(sorted(expiring.items())),
    )
