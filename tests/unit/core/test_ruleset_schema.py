"""The published JSON Schema and the parser agree on the documents we ship and on bad ones."""

from __future__ import annotations

import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from pos_client.core.ruleset import RulesetError, parse_ruleset
from pos_client.resources import resource_path
from tests.unit.core.factories import rule, ruleset_doc
from tests.unit.core.test_pricing_scenarios import CASES

SCHEMA = Draft202012Validator(json.loads(resource_path("api", "ruleset.schema.json").read_text()))


def test_the_schema_itself_is_valid() -> None:
    Draft202012Validator.check_schema(SCHEMA.schema)


def test_the_example_ruleset_is_valid_for_both() -> None:
    document = json.loads(resource_path("examples", "ruleset-spb-nevsky.json").read_text())
    SCHEMA.validate(document)
    parse_ruleset(document)


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_scenario_ruleset_is_valid_for_both(name: str) -> None:
    document = ruleset_doc(CASES[name].rules)
    SCHEMA.validate(document)
    parse_ruleset(document)


@pytest.mark.parametrize(
    "change",
    [
        {"effect": {"type": "percent_off", "percent": 0}},
        {"effect": {"type": "teleport"}},
        {"effect": {"type": "buy_x_get_y", "buy": 0, "get": 1}},
        {"conditions": {"channels": ["tv"]}},
        {"conditions": {"days_of_week": [8]}},
        {"limit_per_receipt": 0},
    ],
)
def test_bad_rules_are_refused_by_both(change: dict[str, Any]) -> None:
    document = ruleset_doc([{**rule("r1", 10, ["coffee"]), **change}])
    assert not SCHEMA.is_valid(document)
    with pytest.raises(RulesetError):
        parse_ruleset(document)
