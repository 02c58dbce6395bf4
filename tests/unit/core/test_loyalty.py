import pytest

from pos_client.core.loyalty import EarningPolicy, Member, MemberError


def test_points_are_whole_and_follow_the_tier() -> None:
    policy = EarningPolicy(default_per_100=1, per_100_by_tier={"gold": 5})
    assert policy.points_for(99_99, "basic") == 0
    assert policy.points_for(100_00, "basic") == 1
    assert policy.points_for(100_00, "gold") == 5
    assert policy.points_for(39_99, "gold") == 1
    assert policy.points_for(-500, "gold") == 0


def test_member_round_trip() -> None:
    data = {
        "member_id": "M-1",
        "card": "2780000000047",
        "name": "Анна",
        "tier": "gold",
        "points": 5,
        "segments": ["students"],
        "birthday": "1990-02-28",
        "purchases": 0,
        "stamps": {"coffee": 3},
        "pending_points": 12,
        "expiring": [{"on": "2027-03-15", "points": 5}],
        "phone_masked": "+7 *** ***-45-67",
        "phone_hmac": "ab" * 32,
        "marketing_consent": False,
        "tier_spend": 1_234_500,
        "offers": ["OFFER-TEA20"],
    }
    assert Member.from_dict(data).to_dict() == data


@pytest.mark.parametrize(
    "change",
    [
        {"points": -1},
        {"points": "x"},
        {"card": None},
        {"tier_spend": -1},
        {"tier_spend": "5"},
        {"tier_spend": True},
    ],
)
def test_bad_member_records_are_refused(change: dict[str, object]) -> None:
    data = {"member_id": "M-1", "card": "2", "name": "A", "tier": "gold", "points": 5, **change}
    data = {k: v for k, v in data.items() if v is not None}
    with pytest.raises(MemberError):
        Member.from_dict(data)


def test_points_view_pending_then_active_then_expired() -> None:
    from datetime import date

    from pos_client.core.loyalty import PointLot, PointsPolicy, points_view

    policy = PointsPolicy(pending_days=14, expiry_days=365)
    lots = [PointLot(100, date(2026, 1, 1)), PointLot(30, date(2026, 11, 20))]
    today = points_view(lots, policy, date(2026, 11, 22))
    assert (today.active, today.pending) == (100, 30)
    assert today.pending_until == ((date(2026, 12, 4), 30),)
    assert today.expiring == ((date(2027, 1, 15), 100),)
    later = points_view(lots, policy, date(2027, 1, 15))
    assert (later.active, later.pending) == (30, 0)
