import hashlib
import hmac
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_client.core.phone import (
    PhoneError,
    example_phone,
    format_as_typed,
    is_known_region,
    mask_phone,
    normalize_phone,
    phone_digest,
)

E164 = re.compile(r"\+[1-9][0-9]{6,14}")


@pytest.mark.parametrize(
    "typed",
    ["+7 916 555-01-01", "8 (916) 555-01-01", "89165550101", "9165550101", " +79165550101 "],
)
def test_the_ways_a_cashier_types_one_number(typed: str) -> None:
    assert normalize_phone(typed) == "+79165550101"


def test_a_foreign_number_keeps_its_country() -> None:
    assert normalize_phone("+49 1512 3456789") == "+4915123456789"
    assert normalize_phone("1512 3456789", "DE") == "+4915123456789"


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("1" * 40, "too_long"),
        ("916abc", "not_a_number"),
        ("+7 916 555-01-01'; DROP TABLE members;--", "too_long"),
        ("+7916;1", "not_a_number"),
        ("\x00\x1b[2J", "not_a_number"),
        ("١٢٣٤٥٦٧٨٩٠", "not_a_number"),  # digits, but not the ones a till keyboard types
        ("+7 000", "invalid"),
        ("12", "invalid"),
        ("+999 1234567", "not_a_number"),
    ],
)
def test_what_is_not_a_number_says_why(typed: str, reason: str) -> None:
    with pytest.raises(PhoneError) as caught:
        normalize_phone(typed)
    assert caught.value.reason == reason


@given(st.text(max_size=64))
def test_any_text_is_a_number_in_e164_or_a_phone_error(text: str) -> None:
    try:
        number = normalize_phone(text)
    except PhoneError as exc:
        assert exc.reason in {"empty", "too_long", "not_a_number", "invalid"}
        return
    assert E164.fullmatch(number)
    assert normalize_phone(number) == number


@given(st.from_regex(r"\+7 ?91[0-9] ?[0-9]{3}-?[0-9]{2}-?[0-9]{2}", fullmatch=True))
def test_a_mobile_number_shows_only_its_last_four_digits(typed: str) -> None:
    number = normalize_phone(typed)
    masked = mask_phone(number)
    assert masked.startswith("+7 ")
    assert [ch for ch in masked if ch.isdigit()] == ["7", *number[-4:]]


def test_masks() -> None:
    assert mask_phone("+79165550101") == "+7 *** ***-01-01"
    assert mask_phone("+4915123456789") == "+49 **** ***6789"


def test_digest_is_hmac_sha256_of_the_e164_number() -> None:
    key = bytes(range(32))
    expected = hmac.new(key, b"+79165550101", hashlib.sha256).hexdigest()
    assert phone_digest(key, "+79165550101") == expected
    assert phone_digest(bytes(32), "+79165550101") != expected


def test_digits_are_grouped_as_typed() -> None:
    assert format_as_typed("89165550101") == "8 916 555-01-01"
    assert format_as_typed("+7916") == "+7 916"
    assert format_as_typed("8 (916) 5a5") == "8 916 55"
    assert format_as_typed("7+9") == "79"


def test_placeholder_and_regions() -> None:
    assert example_phone("RU") == "+7 912 345-67-89"
    assert example_phone("ZZ") == ""
    assert is_known_region("KZ")
    assert not is_known_region("ZZ")
