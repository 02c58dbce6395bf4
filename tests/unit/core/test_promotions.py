"""The engine's invariants, as properties over random rules and receipts."""

from __future__ import annotations

from itertools import combinations
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from pos_client.core.promotions import Offer, PricingEngine, best_combination
from pos_client.core.receipt import Receipt
from pos_client.core.ruleset import parse_ruleset
from tests.unit.core.factories import NOON, member, price, product, rule, ruleset_doc

CATEGORIES = ["coffee", "tea", "bakery", "dairy"]
EFFECTS = st.one_of(
    st.builds(lambda p: {"type": "percent_off", "percent": p}, st.integers(1, 100)),
    st.builds(lambda a: {"type": "amount_off", "amount": a}, st.integers(1, 50000)),
    st.builds(lambda a: {"type": "fixed_price", "price": a}, st.integers(0, 50000)),
    st.builds(
        lambda b, g: {"type": "buy_x_get_y", "buy": b, "get": g},
        st.integers(1, 3),
        st.integers(1, 2),
    ),
    st.builds(
        lambda p, t: {"type": "receipt_percent_off", "percent": p, "threshold": t},
        st.integers(1, 30),
        st.integers(0, 100000),
    ),
    st.builds(lambda a: {"type": "receipt_amount_off", "amount": a}, st.integers(1, 100000)),
    st.builds(lambda e: {"type": "stamp", "card": "c", "every": e}, st.integers(2, 6)),
)


@st.composite
def rule_lists(draw: st.DrawFn) -> list[dict[str, Any]]:
    count = draw(st.integers(0, 8))
    rules = []
    for number in range(count):
        effect = draw(EFFECTS)
        category = draw(st.sampled_from(CATEGORIES))
        rules.append(
            rule(
                f"r{number}",
                10,
                [category],
                effect=effect,
                priority=draw(st.integers(0, 3)),
                group=draw(st.sampled_from(["", "g1", "g2"])) or None,
            )
        )
    return rules


receipts = st.lists(
    st.tuples(st.sampled_from(CATEGORIES), st.integers(1, 10**6), st.integers(1, 20)),
    max_size=10,
)


def _receipt(lines: list[tuple[str, int, int]], reverse: bool = False) -> Receipt:
    """Products are numbered by their place in `lines`, before any reversal."""
    items = [(product(n, category, unit), qty) for n, (category, unit, qty) in enumerate(lines)]
    receipt = Receipt()
    for item, quantity in reversed(items) if reverse else items:
        receipt = receipt.add(item, quantity)
    return receipt


@settings(max_examples=150)
@given(rule_lists(), receipts, st.integers(0, 5000))
def test_totals_never_negative_and_lines_add_up(rules: list, lines: list, redeem: int) -> None:
    priced = price(
        _receipt(lines), rules, member(points=3000, stamps={"c": 1}), redeem_points=redeem
    )
    assert all(0 <= line.total <= line.amount for line in priced.lines)
    assert priced.total == priced.subtotal - priced.discount - priced.points_paid
    assert priced.total >= 0 and priced.points_earned >= 0
    assert priced.points_paid == priced.points_redeemed * 100


@settings(max_examples=100)
@given(rule_lists(), receipts)
def test_line_order_does_not_change_the_result(rules: list, lines: list) -> None:
    forward = price(_receipt(lines), rules, member())
    backward = price(_receipt(lines, reverse=True), rules, member())
    assert forward.total == backward.total
    assert forward.points_earned == backward.points_earned
    by_sku = {line.line.product.sku: line.total for line in backward.lines}
    assert {line.line.product.sku: line.total for line in forward.lines} == by_sku


@settings(max_examples=100)
@given(rule_lists(), receipts)
def test_pricing_twice_gives_the_same_result(rules: list, lines: list) -> None:
    engine = PricingEngine(parse_ruleset(ruleset_doc(rules)))
    receipt = _receipt(lines)
    from pos_client.core.promotions import PricingContext

    context = PricingContext(at=NOON)
    assert engine.price(receipt, member(), context) == engine.price(receipt, member(), context)


offer_lists = st.lists(
    st.tuples(st.frozensets(st.integers(1, 6), min_size=1, max_size=4), st.integers(1, 10000)),
    max_size=9,
)


@given(offer_lists)
def test_the_chosen_combination_is_never_worse_than_any_other(raw: list) -> None:
    parsed = parse_ruleset(ruleset_doc([rule(f"r{i}", 10, ["coffee"]) for i in range(len(raw))]))
    offers = [
        Offer.of(parsed.rules[i], {line: value for line in lines})
        for i, (lines, value) in enumerate(raw)
    ]
    rank = {r.rule_id: i for i, r in enumerate(parsed.rules)}
    chosen = best_combination(offers, rank)
    used = [line for offer in chosen for line in offer.amounts]
    assert len(used) == len(set(used))
    best = 0
    for size in range(len(offers) + 1):
        for subset in combinations(offers, size):
            lines = [line for offer in subset for line in offer.amounts]
            if len(lines) == len(set(lines)):
                best = max(best, sum(offer.value for offer in subset))
    assert sum(offer.value for offer in chosen) == best


def test_of_offers_on_one_line_the_most_valuable_wins_and_a_tie_goes_to_the_earlier_rule() -> None:
    parsed = parse_ruleset(ruleset_doc([rule(f"r{i}", 10, ["coffee"]) for i in range(3)]))
    rank = {r.rule_id: i for i, r in enumerate(parsed.rules)}
    first, second, third = (
        Offer.of(r, {1: value}) for r, value in zip(parsed.rules, (5, 7, 7), strict=True)
    )
    assert best_combination([third, first, second], rank) == [second]
