"""The hub's spelling of bodies: digests stored by hubs that spelled with the json module still
match, text that is not Unicode is refused, and no body can hold a number spelt two ways."""

from __future__ import annotations

import json
from typing import Any, get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loyalty_hub.body_digest import NotUnicode, canonical_body
from loyalty_hub.models import (
    AuditEntryBody,
    EnrolmentBody,
    ReturnBody,
    ReturnWithoutReceiptBody,
    SaleBody,
    TransactionItem,
)

BODY_MODELS = {
    "sale": SaleBody,
    "return": ReturnBody,
    "return_without_receipt": ReturnWithoutReceiptBody,
    "audit": AuditEntryBody,
    "enrolment": EnrolmentBody,
}


def json_spelling(value: Any) -> bytes:
    """How hubs before this one spelled a body."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


text = st.text(st.characters(exclude_categories=("Cs",)))  # every code point but surrogates
whole = st.integers() | st.floats(allow_nan=False, allow_infinity=False).map(float.__trunc__)
leaf = st.none() | st.booleans() | whole | text | st.floats(min_value=1e-4, allow_infinity=False)
values = st.recursive(
    leaf, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4)
)


@settings(max_examples=500)
@given(st.dictionaries(text, values, max_size=6))
def test_bodies_are_spelt_as_the_json_module_spelt_them(body: dict[str, Any]) -> None:
    assert canonical_body(body) == json_spelling(body)


@settings(max_examples=2000)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_only_small_fractions_are_spelt_differently(number: float) -> None:
    if canonical_body({"n": number}) != json_spelling({"n": number}):
        assert number != int(number) and abs(number) < 1e-4


def test_no_transaction_body_holds_a_number_with_a_fraction() -> None:
    assert set(BODY_MODELS) == set(get_args(TransactionItem.model_fields["kind"].annotation))
    for model in BODY_MODELS.values():
        assert "number" not in types_in(model.model_json_schema()), model.__name__


def types_in(schema: Any) -> set[str]:
    """Every JSON type a schema names, at any depth."""
    found: set[str] = set()
    if isinstance(schema, dict):
        if isinstance(schema.get("type"), str):
            found.add(schema["type"])
        for value in schema.values():
            found |= types_in(value)
    elif isinstance(schema, list):
        for value in schema:
            found |= types_in(value)
    return found


@pytest.mark.parametrize("text", ["\ud800", "a\udfffb"])
def test_text_with_a_lone_surrogate_is_not_unicode(text: str) -> None:
    with pytest.raises(NotUnicode):
        canonical_body({"cashier_name": text})


def test_integers_beyond_64_bits_are_spelt_in_full() -> None:
    assert (
        canonical_body({"b": 2**70, "a": -(2**64)})
        == b'{"a":-18446744073709551616,"b":1180591620717411303424}'
    )
