"""Pricing scenarios: each condition and effect, groups, boundaries, time zones and points.

Every expected figure is worked out by hand in the comment next to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

import pytest

from pos_client.core.loyalty import Member
from pos_client.core.receipt import Receipt
from pos_client.core.ruleset import parse_ruleset
from tests.unit.core.factories import member, price, product, rule, ruleset_doc

COFFEE = {"category": "coffee", "price": 19000}


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def effect(kind: str, **fields: Any) -> dict[str, Any]:
    return {"type": kind, **fields}


def on(
    rule_id: str, conditions: dict[str, Any], eff: dict[str, Any], **extra: Any
) -> dict[str, Any]:
    return {
        "id": rule_id,
        "name": {"ru": f"Правило {rule_id}", "en": f"Rule {rule_id}"},
        "conditions": conditions,
        "effect": eff,
        **extra,
    }


@dataclass
class Case:
    rules: list[dict[str, Any]]
    lines: list[dict[str, Any]]  # product() fields plus "qty"
    discounts: list[int] | None = None  # per line
    total: int | None = None
    buyer: Member | None = None
    context: dict[str, Any] = field(default_factory=dict)
    points: int | None = None
    redeemed: int | None = None
    hints: list[str] | None = None
    stamps: list[tuple[str, int, int, int]] | None = None  # card, added, after, free
    coupons: list[str] | None = None
    outlet: dict[str, Any] = field(default_factory=dict)


def cats(*names: str) -> dict[str, Any]:
    return {"products": {"categories": list(names)}}


CASES: dict[str, Case] = {
    # 15% of 2 x 190,00 = 57,00
    "percent_off_category": Case(
        [rule("r", 15, ["coffee"])], [{**COFFEE, "qty": 2}], [5700], 32300
    ),
    # tea is a subcategory of hot-drinks: 10% of 100,00
    "percent_off_parent_category": Case(
        [rule("r", 10, ["hot-drinks"])], [{"category": "tea", "price": 10000, "qty": 1}], [1000]
    ),
    "percent_off_brand": Case(
        [on("r", {"products": {"brands": ["Кофейня"]}}, effect("percent_off", percent=20))],
        [
            {"category": "x", "price": 10000, "brand": "Кофейня", "qty": 1},
            {"category": "x", "price": 10000, "brand": "Другая", "qty": 1},
        ],
        [2000, 0],
    ),
    "percent_off_tag": Case(
        [on("r", {"products": {"tags": ["cup"]}}, effect("percent_off", percent=50))],
        [{"category": "x", "price": 10000, "tags": frozenset({"cup"}), "qty": 1}],
        [5000],
    ),
    "percent_off_sku": Case(
        [on("r", {"products": {"skus": ["SKU-1"]}}, effect("percent_off", percent=10))],
        [{**COFFEE, "qty": 1}, {**COFFEE, "qty": 1}],
        [1900, 0],
    ),
    # 50,00 off each of 3 units
    "amount_off_per_unit": Case(
        [on("r", cats("coffee"), effect("amount_off", amount=5000))],
        [{**COFFEE, "qty": 3}],
        [15000],
    ),
    # 300,00 off a 190,00 item stops at the price: the line never goes negative
    "amount_off_capped": Case(
        [on("r", cats("coffee"), effect("amount_off", amount=30000))],
        [{**COFFEE, "qty": 1}],
        [19000],
        0,
    ),
    # 2 x (190,00 - 99,00) = 182,00
    "fixed_price": Case(
        [on("r", cats("coffee"), effect("fixed_price", price=9900))],
        [{**COFFEE, "qty": 2}],
        [18200],
    ),
    "fixed_price_above_price_gives_nothing": Case(
        [on("r", cats("coffee"), effect("fixed_price", price=25000))], [{**COFFEE, "qty": 2}], [0]
    ),
    # 2 + 1: of 6 croissants at 89,00 two are free
    "buy_2_get_1": Case(
        [on("r", cats("bakery"), effect("buy_x_get_y", buy=2, get=1))],
        [{"category": "bakery", "price": 8900, "qty": 6}],
        [17800],
    ),
    # the cheapest of the set is free: 300 + 200 + 100 -> 100 off
    "buy_2_get_1_cheapest_across_lines": Case(
        [on("r", cats("bakery"), effect("buy_x_get_y", buy=2, get=1))],
        [{"category": "bakery", "price": p, "qty": 1} for p in (30000, 20000, 10000)],
        [0, 0, 10000],
    ),
    # second at half price: 50% of 100,00
    "buy_1_get_1_half_price": Case(
        [on("r", cats("bakery"), effect("buy_x_get_y", buy=1, get=1, percent=50))],
        [{"category": "bakery", "price": 10000, "qty": 2}],
        [5000],
    ),
    "buy_x_get_y_limit_per_receipt": Case(
        [on("r", cats("bakery"), effect("buy_x_get_y", buy=1, get=1), limit_per_receipt=1)],
        [{"category": "bakery", "price": 100, "qty": 6}],
        [100],
    ),
    # only one unit is discounted: 10% of 100,00
    "percent_off_limit_per_receipt": Case(
        [rule("r", 10, ["coffee"], limit_per_receipt=1)],
        [{"category": "coffee", "price": 10000, "qty": 3}],
        [1000],
    ),
    # exactly at the threshold: 5% of 1000,00
    "receipt_percent_at_threshold": Case(
        [on("r", {}, effect("receipt_percent_off", percent=5, threshold=100000))],
        [{"category": "x", "price": 100000, "qty": 1}],
        [5000],
    ),
    # one kopeck below: nothing, and a hint for the missing 0,01
    "receipt_percent_below_threshold": Case(
        [on("r", {}, effect("receipt_percent_off", percent=5, threshold=100000))],
        [{"category": "x", "price": 99999, "qty": 1}],
        [0],
        hints=["r"],
    ),
    # 200,00 over 300,00 + 200,00: 120,00 and 80,00
    "receipt_amount_allocated": Case(
        [on("r", {}, effect("receipt_amount_off", amount=20000, threshold=50000))],
        [{"category": "x", "price": 30000, "qty": 1}, {"category": "y", "price": 20000, "qty": 1}],
        [12000, 8000],
        30000,
    ),
    # 1,00 over three lines of 1,00: largest remainder, ties to the earlier line
    "receipt_amount_largest_remainder": Case(
        [on("r", {}, effect("receipt_amount_off", amount=100))],
        [{"category": c, "price": 100, "qty": 1} for c in ("a", "b", "c")],
        [34, 33, 33],
    ),
    # one group: the better of 10% and 15%
    "group_best_single": Case(
        [rule("a", 10, ["coffee"], group="g"), rule("b", 15, ["coffee"], group="g")],
        [{**COFFEE, "qty": 1}],
        [2850],
    ),
    # A 50% on line 1 (50,00) + C 40% on line 2 (40,00) beat B 30% on both (60,00)
    "group_optimal_not_greedy": Case(
        [
            on(
                "a", {"products": {"skus": ["SKU-1"]}}, effect("percent_off", percent=50), group="g"
            ),
            on(
                "b",
                {"products": {"skus": ["SKU-1", "SKU-2"]}},
                effect("percent_off", percent=30),
                group="g",
            ),
            on(
                "c", {"products": {"skus": ["SKU-2"]}}, effect("percent_off", percent=40), group="g"
            ),
        ],
        [{"category": "x", "price": 10000, "qty": 1}, {"category": "x", "price": 10000, "qty": 1}],
        [5000, 4000],
    ),
    # stackable rules apply in turn: 10% of 100,00, then 10% of 90,00
    "stackable_in_turn": Case(
        [rule("a", 10, ["coffee"]), rule("b", 10, ["coffee"])],
        [{"category": "coffee", "price": 10000, "qty": 1}],
        [1900],
    ),
    # higher priority first: 10,00 off then 50% of 90,00 = 55,00
    "priority_orders_stacking": Case(
        [
            on("fixed", cats("coffee"), effect("amount_off", amount=1000), priority=5),
            rule("half", 50, ["coffee"], priority=1),
        ],
        [{"category": "coffee", "price": 10000, "qty": 1}],
        [5500],
    ),
    "outlet_list_excludes": Case(
        [rule("r", 10, ["coffee"], conditions={"outlets": ["msk-arbat"], **cats("coffee")})],
        [{**COFFEE, "qty": 1}],
        [0],
    ),
    "outlet_attributes_match": Case(
        [
            rule(
                "r",
                10,
                ["coffee"],
                conditions={
                    "outlet": {"format": ["supermarket"], "has_cafe": True},
                    **cats("coffee"),
                },
            )
        ],
        [{**COFFEE, "qty": 1}],
        [1900],
    ),
    "outlet_city_excludes": Case(
        [rule("r", 10, ["coffee"], conditions={"outlet": {"city": ["Moscow"]}, **cats("coffee")})],
        [{**COFFEE, "qty": 1}],
        [0],
    ),
    "channel_mismatch": Case(
        [rule("r", 10, ["coffee"], conditions={"channels": ["web"], **cats("coffee")})],
        [{**COFFEE, "qty": 1}],
        [0],
    ),
    "channel_match": Case(
        [rule("r", 10, ["coffee"], conditions={"channels": ["web"], **cats("coffee")})],
        [{**COFFEE, "qty": 1}],
        [1900],
        context={"channel": "web"},
    ),
    # 09:30 in Moscow is inside 08:00-11:00
    "morning_window_inside": Case(
        [
            rule(
                "r",
                15,
                ["coffee"],
                conditions={"hours": {"from": "08:00", "to": "11:00"}, **cats("coffee")},
            )
        ],
        [{**COFFEE, "qty": 1}],
        [2850],
        context={"at": at("2026-11-23T09:30:00+03:00")},
    ),
    # the window's end is exclusive
    "morning_window_end_exclusive": Case(
        [
            rule(
                "r",
                15,
                ["coffee"],
                conditions={"hours": {"from": "08:00", "to": "11:00"}, **cats("coffee")},
            )
        ],
        [{**COFFEE, "qty": 1}],
        [0],
        context={"at": at("2026-11-23T11:00:00+03:00")},
    ),
    "night_window_across_midnight_after": Case(
        [
            rule(
                "r",
                10,
                ["coffee"],
                conditions={"hours": {"from": "22:00", "to": "02:00"}, **cats("coffee")},
            )
        ],
        [{**COFFEE, "qty": 1}],
        [1900],
        context={"at": at("2026-11-23T01:00:00+03:00")},
    ),
    "night_window_across_midnight_outside": Case(
        [
            rule(
                "r",
                10,
                ["coffee"],
                conditions={"hours": {"from": "22:00", "to": "02:00"}, **cats("coffee")},
            )
        ],
        [{**COFFEE, "qty": 1}],
        [0],
        context={"at": at("2026-11-23T03:00:00+03:00")},
    ),
    # 22 November 2026 is a Sunday (7)
    "weekend_only_on_sunday": Case(
        [rule("r", 10, ["coffee"], conditions={"days_of_week": [6, 7], **cats("coffee")})],
        [{**COFFEE, "qty": 1}],
        [1900],
    ),
    "date_range_over": Case(
        [rule("r", 10, ["coffee"], conditions={"dates": {"to": "2026-11-21"}, **cats("coffee")})],
        [{**COFFEE, "qty": 1}],
        [0],
    ),
    # Berlin switched to summer time on 29 March 2026: 06:30 UTC is 08:30 local
    "dst_summer_time_inside": Case(
        [
            rule(
                "r",
                10,
                ["coffee"],
                conditions={"hours": {"from": "08:00", "to": "09:00"}, **cats("coffee")},
            )
        ],
        [{**COFFEE, "qty": 1}],
        [1900],
        context={"at": at("2026-03-29T06:30:00+00:00")},
        outlet={"timezone": "Europe/Berlin"},
    ),
    # the same UTC hour on the day before is 07:30 local: outside
    "dst_winter_time_outside": Case(
        [
            rule(
                "r",
                10,
                ["coffee"],
                conditions={"hours": {"from": "08:00", "to": "09:00"}, **cats("coffee")},
            )
        ],
        [{**COFFEE, "qty": 1}],
        [0],
        context={"at": at("2026-03-28T06:30:00+00:00")},
        outlet={"timezone": "Europe/Berlin"},
    ),
    "member_required_without_member": Case(
        [rule("r", 10, ["coffee"], conditions={"member_required": True, **cats("coffee")})],
        [{**COFFEE, "qty": 1}],
        [0],
    ),
    "tier_mismatch": Case(
        [rule("r", 10, ["coffee"], conditions={"tiers": ["gold"], **cats("coffee")})],
        [{**COFFEE, "qty": 1}],
        [0],
        buyer=member("silver"),
    ),
    "segment_match": Case(
        [rule("r", 10, ["coffee"], conditions={"segments": ["students"], **cats("coffee")})],
        [{**COFFEE, "qty": 1}],
        [1900],
        buyer=member(segments=frozenset({"students"})),
    ),
    # birthday on 1 January, today 30 December: 2 days away across the year end
    "birthday_across_year_end": Case(
        [on("r", {"birthday_within_days": 3}, effect("receipt_percent_off", percent=10))],
        [{**COFFEE, "qty": 1}],
        [1900],
        buyer=member(birthday=date(1990, 1, 1)),
        context={"at": at("2026-12-30T12:00:00+03:00")},
    ),
    "birthday_too_far": Case(
        [on("r", {"birthday_within_days": 3}, effect("receipt_percent_off", percent=10))],
        [{**COFFEE, "qty": 1}],
        [0],
        buyer=member(birthday=date(1990, 1, 1)),
        context={"at": at("2026-12-27T12:00:00+03:00")},
    ),
    "first_purchase": Case(
        [on("r", {"first_purchase": True}, effect("issue_coupon", coupon="WELCOME-200"))],
        [{**COFFEE, "qty": 1}],
        [0],
        buyer=member(purchases=0),
        coupons=["WELCOME-200"],
    ),
    "not_first_purchase": Case(
        [on("r", {"first_purchase": True}, effect("issue_coupon", coupon="WELCOME-200"))],
        [{**COFFEE, "qty": 1}],
        buyer=member(purchases=3),
        coupons=[],
    ),
    "min_quantity_short_gives_hint": Case(
        [
            on(
                "r",
                {"products": {"categories": ["coffee"], "min_quantity": 3}},
                effect("percent_off", percent=10),
            )
        ],
        [{**COFFEE, "qty": 2}],
        [0],
        hints=["r"],
    ),
    "min_quantity_met": Case(
        [
            on(
                "r",
                {"products": {"categories": ["coffee"], "min_quantity": 3}},
                effect("percent_off", percent=10),
            )
        ],
        [{**COFFEE, "qty": 3}],
        [5700],
    ),
    "min_amount_short_gives_hint": Case(
        [
            on(
                "r",
                {"products": {"categories": ["coffee"], "min_amount": 50000}},
                effect("percent_off", percent=10),
            )
        ],
        [{**COFFEE, "qty": 2}],
        [0],
        hints=["r"],
    ),
    "receipt_min_amount_condition": Case(
        [rule("r", 10, ["coffee"], conditions={"receipt_min_amount": 38000, **cats("coffee")})],
        [{**COFFEE, "qty": 2}],
        [3800],
    ),
    "coupon_missing": Case(
        [rule("r", 10, ["coffee"], conditions={"coupon": "AUTUMN", **cats("coffee")})],
        [{**COFFEE, "qty": 1}],
        [0],
    ),
    "coupon_given": Case(
        [rule("r", 10, ["coffee"], conditions={"coupon": "AUTUMN", **cats("coffee")})],
        [{**COFFEE, "qty": 1}],
        [1900],
        context={"coupons": frozenset({"AUTUMN"})},
    ),
    "active_window_over": Case(
        [rule("r", 10, ["coffee"], active={"to": "2026-11-22T00:00:00+03:00"})],
        [{**COFFEE, "qty": 1}],
        [0],
    ),
    # gold earns 5 per 100 on 190,00 = 9 (floor), plus 50 fixed
    "bonus_points_fixed": Case(
        [on("r", cats("coffee"), effect("bonus_points", mode="fixed", points=50))],
        [{**COFFEE, "qty": 1}],
        points=59,
        buyer=member(),
    ),
    # x3 of the base 9: 18 more
    "bonus_points_multiplier": Case(
        [on("r", {}, effect("bonus_points", mode="multiplier", multiplier=3))],
        [{**COFFEE, "qty": 1}],
        points=27,
        buyer=member(),
    ),
    # 10 points per full 100,00 spent on coffee: 380,00 -> 30, plus base 19
    "bonus_points_per_amount": Case(
        [
            on(
                "r",
                cats("coffee"),
                effect("bonus_points", mode="per_amount", points=10, per_amount=10000),
            )
        ],
        [{**COFFEE, "qty": 2}],
        points=49,
        buyer=member(),
    ),
    # 100,00 with 100 points: at most 50% -> 50 points pay 50,00; earning on 50,00 = 2
    "redeem_capped_by_percent": Case(
        [],
        [{"category": "x", "price": 10000, "qty": 1}],
        total=5000,
        points=2,
        redeemed=50,
        buyer=member(points=100),
        context={"redeem_points": 80},
    ),
    # the member has 4 stamps: the 2nd cup completes the card and is free
    "stamp_card_sixth_free": Case(
        [on("r", {"products": {"tags": ["cup"]}}, effect("stamp", card="coffee", every=6))],
        [{"category": "coffee", "price": 19000, "tags": frozenset({"cup"}), "qty": 2}],
        [19000],
        buyer=member(stamps={"coffee": 4}),
        stamps=[("coffee", 2, 0, 1)],
    ),
    "stamp_card_needs_member": Case(
        [on("r", {"products": {"tags": ["cup"]}}, effect("stamp", card="coffee", every=6))],
        [{"category": "coffee", "price": 19000, "tags": frozenset({"cup"}), "qty": 6}],
        [0],
        stamps=[],
    ),
    # two croissants on 2+1: one more is free
    "buy_x_get_y_hint": Case(
        [on("r", cats("bakery"), effect("buy_x_get_y", buy=2, get=1))],
        [{"category": "bakery", "price": 8900, "qty": 2}],
        [0],
        hints=["r"],
    ),
}


def _receipt(lines: list[dict[str, Any]]) -> Receipt:
    receipt = Receipt()
    for number, line in enumerate(lines, start=1):
        fields = {k: v for k, v in line.items() if k != "qty"}
        receipt = receipt.add(product(number, **fields), line["qty"])
    return receipt


@pytest.mark.parametrize("name", sorted(CASES))
def test_scenario(name: str) -> None:
    case = CASES[name]
    doc = ruleset_doc(case.rules)
    doc["outlet"].update(case.outlet)
    priced = price(_receipt(case.lines), parse_ruleset(doc), case.buyer, **case.context)
    if case.discounts is not None:
        assert [line.discount for line in priced.lines] == case.discounts
    if case.total is not None:
        assert priced.total == case.total
    if case.points is not None:
        assert priced.points_earned == case.points
    if case.redeemed is not None:
        assert priced.points_redeemed == case.redeemed
    if case.hints is not None:
        assert [hint.rule_id for hint in priced.hints] == case.hints
    if case.stamps is not None:
        assert [(s.card, s.added, s.after, s.free_items) for s in priced.stamps] == case.stamps
    if case.coupons is not None:
        assert [coupon.text_en for coupon in priced.coupons] == case.coupons
    assert sum(line.total for line in priced.lines) == priced.total >= 0
    without_hints = price(
        _receipt(case.lines), parse_ruleset(doc), case.buyer, with_hints=False, **case.context
    )
    assert without_hints == replace(priced, hints=())


def test_there_are_at_least_forty_scenarios() -> None:
    assert len(CASES) >= 40
