from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_client.core.promotions import RulesetError, parse_ruleset, price_receipt
from pos_client.core.receipt import Receipt
from tests.unit.core.factories import member, product, rule, ruleset, ruleset_doc

CATEGORIES = ["coffee", "bakery", "dairy"]


def test_percent_off_a_category_names_its_rule() -> None:
    rules = ruleset([rule("coffee-15", 15, ["coffee"])])
    receipt = Receipt().add(product(1, "coffee", 19000), 2).add(product(2, "bakery", 8900))
    priced = price_receipt(receipt, rules, None)
    coffee, bakery = priced.lines
    assert coffee.discount == 5700
    assert coffee.adjustments[0].rule_id == "coffee-15"
    assert coffee.adjustments[0].text("en") == "−15% Rule coffee-15"
    assert bakery.adjustments == ()
    assert priced.total == 38000 - 5700 + 8900


def test_rule_limited_to_another_outlet_does_not_apply() -> None:
    rules = ruleset([rule("msk-only", 15, ["coffee"], outlets=["msk-arbat"])])
    priced = price_receipt(Receipt().add(product(1)), rules, None)
    assert priced.discount == 0


def test_rule_for_this_outlet_applies() -> None:
    rules = ruleset([rule("here", 10, ["coffee"], outlets=["spb-nevsky", "msk-arbat"])])
    assert price_receipt(Receipt().add(product(1)), rules, None).discount == 1900


def test_best_rule_for_the_customer_wins_and_ties_go_to_the_lower_id() -> None:
    rules = ruleset(
        [rule("b-10", 10, ["coffee"]), rule("a-10", 10, ["coffee"]), rule("c-5", 5, ["coffee"])]
    )
    line = price_receipt(Receipt().add(product(1)), rules, None).lines[0]
    assert [adj.rule_id for adj in line.adjustments] == ["a-10"]


def test_points_follow_the_tier_rate_on_the_amount_paid() -> None:
    rules = ruleset([rule("coffee-15", 15, ["coffee"])])
    receipt = Receipt().add(product(1, price=100000))  # 1000,00 -> 850,00 paid
    assert price_receipt(receipt, rules, member("gold")).points_earned == 42  # 5 per 100
    assert price_receipt(receipt, rules, member("basic")).points_earned == 8  # 1 per 100
    assert price_receipt(receipt, rules, None).points_earned == 0


def test_discount_rounds_half_up_to_the_kopeck() -> None:
    rules = ruleset([rule("dairy-7", 7, ["dairy"])])
    line = price_receipt(Receipt().add(product(1, "dairy", 8990)), rules, None).lines[0]
    assert line.discount == 629  # 629.3


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"percent": 0}, "rule 'r1': field 'percent'"),
        ({"percent": 101}, "rule 'r1': field 'percent'"),
        ({"percent": "lots"}, "rule 'r1': field 'percent'"),
        ({"effect": "teleport"}, "rule 'r1': field 'effect'"),
        ({"categories": []}, "rule 'r1': field 'categories'"),
        ({"categories": "coffee"}, "rule 'r1': field 'categories'"),
        ({"outlets": [1]}, "rule 'r1': field 'outlets'"),
        ({"name": {"ru": "Только по-русски"}}, "rule 'r1': name: field 'en'"),
        ({"id": ""}, "rule #1: field 'id'"),
    ],
)
def test_bad_rule_is_refused_with_rule_and_field(change: dict[str, object], message: str) -> None:
    doc = ruleset_doc([{**rule("r1", 10, ["coffee"]), **change}])
    with pytest.raises(RulesetError, match=message.replace("(", r"\(")):
        parse_ruleset(doc)


@pytest.mark.parametrize(
    "doc",
    [
        None,
        [],
        {**ruleset_doc([]), "version": 0},
        {**ruleset_doc([]), "version": True},
        {**ruleset_doc([]), "rules": {}},
        {**ruleset_doc([]), "outlet": {"id": "x"}},
        {**ruleset_doc([]), "earning": {"default_per_100": -1}},
        ruleset_doc([rule("same", 5, ["coffee"]), rule("same", 7, ["dairy"])]),
    ],
)
def test_bad_documents_are_refused(doc: object) -> None:
    with pytest.raises(RulesetError):
        parse_ruleset(doc)


rule_lists = st.lists(
    st.builds(
        lambda i, pct, cat: rule(f"r{i}", pct, [cat]),
        st.integers(0, 50),
        st.integers(1, 100),
        st.sampled_from(CATEGORIES),
    ),
    max_size=6,
    unique_by=lambda r: r["id"],
)
receipts = st.lists(
    st.tuples(st.sampled_from(CATEGORIES), st.integers(1, 10**7), st.integers(1, 50)),
    max_size=12,
)


def _receipt(lines: list[tuple[str, int, int]]) -> Receipt:
    receipt = Receipt()
    for number, (category, price, quantity) in enumerate(lines):
        receipt = receipt.add(product(number, category, price), quantity)
    return receipt


@given(rule_lists, receipts)
def test_invariants_totals_never_negative_and_add_up(rules: list, lines: list) -> None:
    priced = price_receipt(_receipt(lines), ruleset(rules), member())
    assert all(0 <= line.total <= line.amount for line in priced.lines)
    assert priced.total == priced.subtotal - priced.discount >= 0
    assert priced.points_earned >= 0


@given(rule_lists, receipts)
def test_invariants_line_order_does_not_change_totals(rules: list, lines: list) -> None:
    forward = price_receipt(_receipt(lines), ruleset(rules), member())
    backward = price_receipt(_receipt(list(reversed(lines))), ruleset(rules), member())
    assert (forward.total, forward.points_earned) == (backward.total, backward.points_earned)


@given(rule_lists, receipts)
def test_invariants_pricing_is_deterministic_and_best_for_customer(
    rules: list, lines: list
) -> None:
    parsed = ruleset(rules)
    receipt = _receipt(lines)
    first = price_receipt(receipt, parsed, None)
    assert first == price_receipt(receipt, parsed, None)
    for line in first.lines:
        for candidate in parsed.rules:
            if candidate.matches(line.line):
                assert (
                    line.discount
                    >= min(
                        line.amount,
                        int((Decimal(line.amount) * candidate.percent / 100).to_integral_value()),
                    )
                    - 1
                )
