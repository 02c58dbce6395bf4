from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_client.core.catalog import is_valid_ean
from pos_client.core.scale import (
    MAX_GRAMS,
    ScaleError,
    ScaleLabel,
    Weighing,
    make_label,
    parse_label,
)

PREFIXES = ("21", "22")


def test_a_label_gives_its_plu_and_grams() -> None:
    assert make_label("22", "00123", 754) == "2200123007544"
    assert parse_label("2200123007544", PREFIXES) == ScaleLabel("00123", 754)


@pytest.mark.parametrize(
    ("code", "why"),
    [
        ("2200123007545", "wrong check digit"),
        ("2700123007549", "a prefix the scales do not use"),
        ("220012300754", "twelve digits"),
        ("2200123000002", "no weight"),
        ("4607012340016", "a product's own barcode"),
    ],
)
def test_other_codes_are_no_labels(code: str, why: str) -> None:
    assert parse_label(code, PREFIXES) is None, why


@given(
    prefix=st.sampled_from(PREFIXES),
    plu=st.from_regex(r"[0-9]{5}", fullmatch=True),
    grams=st.integers(1, MAX_GRAMS),
)
def test_every_label_a_scale_prints_reads_back(prefix: str, plu: str, grams: int) -> None:
    code = make_label(prefix, plu, grams)
    assert is_valid_ean(code)
    assert parse_label(code, PREFIXES) == ScaleLabel(plu, grams)


@given(grams=st.integers(1, MAX_GRAMS), per_kg=st.integers(500, 10_000_000))
def test_the_price_is_the_weight_at_the_price_per_kg_to_the_nearest_kopeck(
    grams: int, per_kg: int
) -> None:
    exact = Fraction(per_kg * grams, 1000)
    price = Weighing(grams, per_kg).price
    assert abs(price - exact) <= Fraction(1, 2)
    assert price >= Weighing(max(grams - 1, 1), per_kg).price  # more weight never costs less


def test_half_a_kopeck_rounds_up() -> None:
    assert Weighing(5, 4510).price == 23  # 22.55 kopecks
    assert Weighing(1000, 45900).price == 45900


@pytest.mark.parametrize(
    ("grams", "per_kg"), [(0, 45900), (MAX_GRAMS + 1, 45900), (500, 0), (1, 100)]
)
def test_weights_that_cannot_be_sold_are_refused(grams: int, per_kg: int) -> None:
    with pytest.raises(ScaleError):
        Weighing(grams, per_kg)


def test_a_weighing_round_trips_and_refuses_a_broken_body() -> None:
    weighing = Weighing(754, 45900)
    assert Weighing.from_dict(weighing.to_dict()) == weighing
    with pytest.raises(ScaleError):
        Weighing.from_dict({"grams": "754", "price_per_kg": 45900})


@pytest.mark.parametrize(
    ("prefix", "plu", "grams"), [("2", "00123", 5), ("22", "123", 5), ("22", "00123", 0)]
)
def test_no_label_for_a_bad_prefix_plu_or_weight(prefix: str, plu: str, grams: int) -> None:
    with pytest.raises(ScaleError):
        make_label(prefix, plu, grams)
