"""The outlet's ruleset and the pricing engine that turns rules into explained adjustments.

A ruleset is versioned JSON built by the hub for one outlet. It is validated whole: one bad
rule refuses the whole document, with a message naming the rule and the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from pos_client.core.loyalty import EarningPolicy, Member
from pos_client.core.money import Money, percent_of
from pos_client.core.receipt import Receipt, ReceiptLine

SUPPORTED_EFFECTS = ("percent_off_category",)


class RulesetError(ValueError):
    """A ruleset document that is refused; the message names the rule and field."""


@dataclass(frozen=True, slots=True)
class Outlet:
    outlet_id: str
    name: str
    format: str
    city: str
    has_cafe: bool


@dataclass(frozen=True, slots=True)
class Rule:
    """Percent off every product of the listed categories, optionally only in some outlets."""

    rule_id: str
    name_ru: str
    name_en: str
    percent: Decimal
    categories: frozenset[str]
    outlets: frozenset[str]

    def name(self, language: str) -> str:
        return self.name_ru if language == "ru" else self.name_en

    def applies_in(self, outlet_id: str) -> bool:
        return not self.outlets or outlet_id in self.outlets

    def matches(self, line: ReceiptLine) -> bool:
        return line.product.category in self.categories


@dataclass(frozen=True, slots=True)
class Ruleset:
    version: int
    outlet: Outlet
    earning: EarningPolicy
    rules: tuple[Rule, ...]

    def rules_for_outlet(self) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if rule.applies_in(self.outlet.outlet_id))


@dataclass(frozen=True, slots=True)
class Adjustment:
    """One discount on one line, with the rule that made it."""

    rule_id: str
    rule_name_ru: str
    rule_name_en: str
    percent: Decimal
    amount: Money

    def text(self, language: str) -> str:
        name = self.rule_name_ru if language == "ru" else self.rule_name_en
        return f"−{self.percent.normalize():f}% {name}"


@dataclass(frozen=True, slots=True)
class PricedLine:
    line: ReceiptLine
    adjustments: tuple[Adjustment, ...]

    @property
    def amount(self) -> Money:
        return self.line.amount

    @property
    def discount(self) -> Money:
        return sum(adj.amount for adj in self.adjustments)

    @property
    def total(self) -> Money:
        return self.amount - self.discount


@dataclass(frozen=True, slots=True)
class PricedReceipt:
    lines: tuple[PricedLine, ...]
    points_earned: int
    ruleset_version: int

    @property
    def subtotal(self) -> Money:
        return sum(line.amount for line in self.lines)

    @property
    def discount(self) -> Money:
        return sum(line.discount for line in self.lines)

    @property
    def total(self) -> Money:
        return sum(line.total for line in self.lines)


def price_receipt(receipt: Receipt, ruleset: Ruleset, member: Member | None) -> PricedReceipt:
    """Price every line with the best applicable rule for the customer; earn points on the rest.

    Rules of this kind do not stack: a line gets the largest discount among the rules that
    match it (ties go to the lower rule id, so the result is deterministic).
    """
    active = ruleset.rules_for_outlet()
    priced = tuple(_price_line(line, active) for line in receipt.lines)
    total = sum(line.total for line in priced)
    points = ruleset.earning.points_for(total, member.tier) if member else 0
    return PricedReceipt(lines=priced, points_earned=points, ruleset_version=ruleset.version)


def _price_line(line: ReceiptLine, rules: tuple[Rule, ...]) -> PricedLine:
    best: Adjustment | None = None
    for rule in rules:
        if not rule.matches(line):
            continue
        amount = min(percent_of(line.amount, rule.percent), line.amount)
        candidate = Adjustment(rule.rule_id, rule.name_ru, rule.name_en, rule.percent, amount)
        if amount > 0 and (
            best is None
            or amount > best.amount
            or (amount == best.amount and rule.rule_id < best.rule_id)
        ):
            best = candidate
    return PricedLine(line=line, adjustments=(best,) if best else ())


def parse_ruleset(data: Any) -> Ruleset:
    """Validate a whole ruleset document; raise RulesetError naming the rule and field."""
    doc = _mapping(data, "ruleset")
    version = _int(doc, "version", "ruleset", minimum=1)
    outlet_doc = _mapping(doc.get("outlet"), "ruleset: field 'outlet'")
    outlet = Outlet(
        outlet_id=_str(outlet_doc, "id", "outlet"),
        name=_str(outlet_doc, "name", "outlet"),
        format=_str(outlet_doc, "format", "outlet"),
        city=_str(outlet_doc, "city", "outlet"),
        has_cafe=_bool(outlet_doc, "has_cafe", "outlet"),
    )
    earning_doc = _mapping(doc.get("earning"), "ruleset: field 'earning'")
    by_tier_doc = _mapping(earning_doc.get("per_100_by_tier", {}), "earning: 'per_100_by_tier'")
    earning = EarningPolicy(
        default_per_100=_int(earning_doc, "default_per_100", "earning", minimum=0),
        per_100_by_tier={
            str(tier): _int(by_tier_doc, tier, "earning: per_100_by_tier", minimum=0)
            for tier in by_tier_doc
        },
    )
    rules_doc = doc.get("rules")
    if not isinstance(rules_doc, list):
        raise RulesetError("ruleset: field 'rules' must be a list")
    rules = tuple(_parse_rule(item, index) for index, item in enumerate(rules_doc))
    ids = [rule.rule_id for rule in rules]
    duplicates = sorted({rule_id for rule_id in ids if ids.count(rule_id) > 1})
    if duplicates:
        raise RulesetError(f"rule {duplicates[0]!r}: duplicate id")
    return Ruleset(version=version, outlet=outlet, earning=earning, rules=rules)


def _parse_rule(item: Any, index: int) -> Rule:
    where = f"rule #{index + 1}"
    doc = _mapping(item, where)
    rule_id = _str(doc, "id", where)
    where = f"rule {rule_id!r}"
    effect = _str(doc, "effect", where)
    if effect not in SUPPORTED_EFFECTS:
        raise RulesetError(f"{where}: field 'effect': unknown effect {effect!r}")
    name = _mapping(doc.get("name"), f"{where}: field 'name'")
    try:
        percent = Decimal(str(doc.get("percent")))
    except InvalidOperation:
        raise RulesetError(f"{where}: field 'percent': not a number") from None
    if not percent.is_finite() or not 0 < percent <= 100:
        raise RulesetError(f"{where}: field 'percent': must be above 0 and at most 100")
    categories = _str_list(doc, "categories", where)
    if not categories:
        raise RulesetError(f"{where}: field 'categories': at least one category is needed")
    return Rule(
        rule_id=rule_id,
        name_ru=_str(name, "ru", f"{where}: name"),
        name_en=_str(name, "en", f"{where}: name"),
        percent=percent,
        categories=frozenset(categories),
        outlets=frozenset(_str_list(doc, "outlets", where, required=False)),
    )


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise RulesetError(f"{where}: must be an object")
    return value


def _str(doc: Mapping[str, Any], key: str, where: str) -> str:
    value = doc.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RulesetError(f"{where}: field {key!r} must be a non-empty string")
    return value


def _int(doc: Mapping[str, Any], key: str, where: str, minimum: int) -> int:
    value = doc.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise RulesetError(f"{where}: field {key!r} must be a whole number >= {minimum}")
    return value


def _bool(doc: Mapping[str, Any], key: str, where: str) -> bool:
    value = doc.get(key)
    if not isinstance(value, bool):
        raise RulesetError(f"{where}: field {key!r} must be true or false")
    return value


def _str_list(doc: Mapping[str, Any], key: str, where: str, required: bool = True) -> list[str]:
    value = doc.get(key)
    if value is None and not required:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise RulesetError(f"{where}: field {key!r} must be a list of strings")
    return value
