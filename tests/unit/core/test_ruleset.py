from typing import Any

import pytest

from pos_client.core.ruleset import RulesetError, parse_ruleset
from tests.unit.core.factories import rule, ruleset_doc


def test_a_whole_document_parses() -> None:
    parsed = parse_ruleset(ruleset_doc([rule("r1", 12.5, ["coffee"], priority=3, group="g")]))
    (r1,) = parsed.rules
    assert (r1.priority, r1.group, str(r1.effect.percent)) == (3, "g", "12.5")
    assert parsed.ancestors("coffee") == ("coffee", "hot-drinks", "drinks")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"effect": {"type": "percent_off", "percent": 0}}, "rule 'r1': effect: field 'percent'"),
        ({"effect": {"type": "percent_off", "percent": 101}}, "rule 'r1': effect: field 'percent'"),
        ({"effect": {"type": "percent_off", "percent": "x"}}, "rule 'r1': effect: field 'percent'"),
        ({"effect": {"type": "teleport"}}, "rule 'r1': effect: field 'type'"),
        ({"effect": {"type": "buy_x_get_y", "buy": 0, "get": 1}}, "rule 'r1': effect: field 'buy'"),
        (
            {"effect": {"type": "stamp", "card": "c", "every": 1}},
            "rule 'r1': effect: field 'every'",
        ),
        ({"effect": {"type": "bonus_points", "mode": "x"}}, "rule 'r1': effect: field 'mode'"),
        (
            {"conditions": {"products": {"categories": "coffee"}}},
            "rule 'r1': conditions: products: field 'categories'",
        ),
        ({"conditions": {"outlets": [1]}}, "rule 'r1': conditions: field 'outlets'"),
        ({"conditions": {"channels": ["tv"]}}, "rule 'r1': conditions: field 'channels'"),
        (
            {"conditions": {"hours": {"from": "25:00", "to": "26:00"}}},
            "rule 'r1': conditions: hours: field 'from'",
        ),
        ({"conditions": {"hours": {"from": "08:00"}}}, "rule 'r1': conditions: field 'hours'"),
        ({"conditions": {"days_of_week": [0]}}, "rule 'r1': conditions: field 'days_of_week'"),
        (
            {"conditions": {"dates": {"from": "2026-12-01", "to": "2026-11-01"}}},
            "rule 'r1': conditions: field 'dates'",
        ),
        ({"active": {"from": "2026-11-01T00:00:00"}}, "rule 'r1': active: field 'from'"),
        ({"name": {"ru": "Только по-русски"}}, "rule 'r1': name: field 'en'"),
        ({"limit_per_receipt": 0}, "rule 'r1': field 'limit_per_receipt'"),
        ({"id": ""}, "rule #1: field 'id'"),
    ],
)
def test_bad_rule_is_refused_with_rule_and_field(change: dict[str, Any], message: str) -> None:
    doc = ruleset_doc([{**rule("r1", 10, ["coffee"]), **change}])
    with pytest.raises(RulesetError) as caught:
        parse_ruleset(doc)
    assert str(caught.value).startswith(message)


def _with(**change: Any) -> dict[str, Any]:
    return {**ruleset_doc([]), **change}


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        (None, "ruleset: must be an object"),
        ([], "ruleset: must be an object"),
        (_with(version=0), "ruleset: field 'version'"),
        (_with(version=True), "ruleset: field 'version'"),
        (_with(rules={}), "ruleset: field 'rules'"),
        (_with(outlet={"id": "x"}), "ruleset: outlet: field 'name'"),
        (_with(earning={"default_per_100": -1}), "ruleset: earning: field 'default_per_100'"),
        (_with(categories={"a": "b", "b": "a"}), "categories: 'a' is its own ancestor"),
        (
            ruleset_doc([rule("same", 5, ["coffee"]), rule("same", 7, ["tea"])]),
            "rule 'same': duplicate id",
        ),
    ],
)
def test_bad_documents_are_refused(doc: object, message: str) -> None:
    with pytest.raises(RulesetError) as caught:
        parse_ruleset(doc)
    assert str(caught.value).startswith(message)


def test_unknown_time_zone_is_refused() -> None:
    doc = ruleset_doc([])
    doc["outlet"]["timezone"] = "Mars/Olympus"
    with pytest.raises(RulesetError, match="timezone"):
        parse_ruleset(doc)
