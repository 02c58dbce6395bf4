from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st

from pos_client.core.identity import (
    STEP_SECONDS,
    AppToken,
    CodeKind,
    IdentityRules,
    TokenRejected,
    classify,
    public_key_from_text,
    public_key_text,
    receipt_code,
    sign_token,
    verify_token,
)

RULES = IdentityRules()
CATALOG = {"4607012340016", "46070128", "0036000291452", "2200777007549"}
WEIGHED = {"00101"}  # PLUs of goods sold by weight
NOW = 1_795_000_000.0
KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
KEYS = {"k1": KEY.public_key()}


def kind(text: str, coupons: tuple[str, ...] = ()) -> tuple[CodeKind, str, str]:
    found = classify(
        text,
        RULES,
        is_product=CATALOG.__contains__,
        is_weighed=WEIGHED.__contains__,
        coupons=coupons,
    )
    return found.kind, found.text, found.reason


def token(member: str = "M-00001", step_offset: int = 0, key_id: str = "k1") -> str:
    step = int(NOW // STEP_SECONDS) + step_offset
    return sign_token(AppToken(key_id, member, step), KEY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4607012340016", (CodeKind.PRODUCT, "4607012340016", "")),
        (" 4607012340016\n", (CodeKind.PRODUCT, "4607012340016", "")),
        ("46070128", (CodeKind.PRODUCT, "46070128", "")),
        ("036000291452", (CodeKind.PRODUCT, "0036000291452", "")),  # UPC-A
        ("2780000000047", (CodeKind.MEMBER_CARD, "2780000000047", "")),
        ("2200101007542", (CodeKind.WEIGHED, "2200101007542", "")),  # 754 g of PLU 00101
        ("2200102007541", (CodeKind.UNKNOWN, "2200102007541", "unknown_plu")),
        ("2200777007549", (CodeKind.PRODUCT, "2200777007549", "")),  # a product's own number
        ("2780101007549", (CodeKind.MEMBER_CARD, "2780101007549", "")),  # cards are not labels
        ("LC12345678", (CodeKind.MEMBER_CARD, "LC12345678", "")),
        ("RT-spb-nevsky-T01-42", (CodeKind.RECEIPT, "RT-spb-nevsky-T01-42", "")),
        ("WELCOME-200", (CodeKind.COUPON, "WELCOME-200", "")),
        ("4607012340017", (CodeKind.UNKNOWN, "4607012340017", "bad_check_digit")),
        ("4600000000008", (CodeKind.UNKNOWN, "4600000000008", "")),  # valid, not sold here
        ("hello world", (CodeKind.UNKNOWN, "hello world", "")),
        ("", (CodeKind.UNKNOWN, "", "empty")),
        ("12\x0034", (CodeKind.UNKNOWN, "", "control_characters")),
        ("x" * 300, (CodeKind.UNKNOWN, "", "too_long")),
        ("'; DROP TABLE members; --", (CodeKind.UNKNOWN, "'; DROP TABLE members; --", "")),
    ],
)
def test_codes_are_told_apart(text: str, expected: tuple[CodeKind, str, str]) -> None:
    assert kind(text) == expected


def test_an_app_code_is_a_member_token_before_anything_else() -> None:
    assert kind(token())[0] is CodeKind.MEMBER_TOKEN


def test_a_coupon_of_the_ruleset_is_a_coupon_whatever_its_shape() -> None:
    assert kind("summer_2026", coupons=("summer_2026",))[0] is CodeKind.COUPON


def test_receipt_codes_read_back() -> None:
    assert kind(receipt_code("T01", 17))[0] is CodeKind.RECEIPT


@given(st.text(max_size=5000))
def test_the_classifier_takes_anything_without_raising(text: str) -> None:
    found = classify(text, RULES, is_product=CATALOG.__contains__)
    assert isinstance(found.kind, CodeKind)


@given(st.binary(max_size=4096))
def test_random_bytes_are_never_a_member(raw: bytes) -> None:
    text = raw.decode("latin-1")
    assert kind(text)[0] not in (CodeKind.MEMBER_CARD, CodeKind.MEMBER_TOKEN) or text.isdigit()
    with pytest.raises(TokenRejected):
        verify_token(text, KEYS, now=NOW)


def test_a_genuine_current_token_names_its_member() -> None:
    assert verify_token(token(), KEYS, now=NOW) == AppToken("k1", "M-00001", int(NOW // 30))


@pytest.mark.parametrize("offset", [-1, 1])
def test_one_step_of_clock_skew_either_side_is_accepted(offset: int) -> None:
    assert verify_token(token(step_offset=offset), KEYS, now=NOW).member_id == "M-00001"


def reason(text: str, **options: object) -> str:
    with pytest.raises(TokenRejected) as rejected:
        verify_token(text, KEYS, now=NOW, **options)  # type: ignore[arg-type]
    return rejected.value.reason


def test_each_rejection_says_why() -> None:
    genuine = token()
    forged_member = genuine.replace("M-00001", "M-00002")
    other_key = Ed25519PrivateKey.generate()
    assert reason(forged_member) == "bad_signature"
    assert reason(sign_token(AppToken("k1", "M-00001", int(NOW // 30)), other_key)) == (
        "bad_signature"
    )
    assert reason(token(key_id="k9")) == "unknown_key"
    assert reason(token(step_offset=2)) == "expired"
    assert reason(token(step_offset=-2)) == "expired"
    assert reason(genuine, seen=lambda _t: True) == "replayed"
    assert reason(genuine[:-1]) == "malformed"
    assert reason(genuine + "A") == "malformed"
    assert reason("LP1.k1.M-00001.1.") == "malformed"


def test_a_wider_skew_can_be_configured() -> None:
    assert verify_token(token(step_offset=3), KEYS, now=NOW, skew_steps=3)


@given(st.integers(0, 200), st.integers(0, 255))
def test_any_changed_character_is_refused(position: int, value: int) -> None:
    genuine = token()
    index = position % len(genuine)
    changed = genuine[:index] + chr(value) + genuine[index + 1 :]
    if changed != genuine:
        with pytest.raises(TokenRejected):
            verify_token(changed, KEYS, now=NOW)


def test_public_keys_travel_as_base64url_text() -> None:
    text = public_key_text(KEY.public_key())
    assert verify_token(token(), {"k1": public_key_from_text(text)}, now=NOW)
    with pytest.raises(ValueError, match="32 bytes"):
        public_key_from_text("AAAA")
