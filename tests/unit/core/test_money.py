from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_client.core.money import MoneyError, allocate, format_money, parse_money, percent_of


@pytest.mark.parametrize(
    ("text", "minor"),
    [("0", 0), ("12", 1200), ("12.5", 1250), ("12,05", 1205), ("1 234,50", 123450)],
)
def test_parse_money_accepts_dot_comma_and_grouping(text: str, minor: int) -> None:
    assert parse_money(text) == minor


@pytest.mark.parametrize("text", ["", "abc", "-1", "1.234", "NaN", "inf", "1e400"])
def test_parse_money_refuses_what_is_not_an_amount(text: str) -> None:
    with pytest.raises(MoneyError):
        parse_money(text)


def test_format_money_groups_thousands_and_uses_comma() -> None:
    assert format_money(123450) == "1\u00a0234,50\u00a0₽"
    assert format_money(-5) == "−0,05\u00a0₽"
    assert format_money(7, "") == "0,07"


def test_percent_of_rounds_half_up() -> None:
    assert percent_of(8990, Decimal(7)) == 629  # 629.3
    assert percent_of(50, Decimal(1)) == 1  # 0.5 -> 1
    assert percent_of(149, Decimal(1)) == 1  # 1.49 -> 1


def test_allocate_largest_remainder_ties_to_earlier() -> None:
    assert allocate(100, [1, 1, 1]) == [34, 33, 33]
    assert allocate(10, [0, 0]) == [5, 5]
    assert allocate(0, []) == []


def test_allocate_refuses_negative() -> None:
    with pytest.raises(MoneyError):
        allocate(-1, [1])
    with pytest.raises(MoneyError):
        allocate(1, [-1, 2])


@given(st.integers(0, 10**9), st.lists(st.integers(0, 10**6), min_size=1, max_size=50))
def test_allocate_parts_add_up_and_stay_non_negative(total: int, weights: list[int]) -> None:
    parts = allocate(total, weights)
    assert sum(parts) == total
    assert all(part >= 0 for part in parts)
    if any(weights):
        assert all(part == 0 for part, w in zip(parts, weights, strict=True) if w == 0)
