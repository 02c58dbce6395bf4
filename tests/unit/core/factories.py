"""Small builders for core objects used across the unit tests."""

from __future__ import annotations

from typing import Any

from pos_client.core.catalog import Product, ean_check_digit
from pos_client.core.loyalty import Member
from pos_client.core.promotions import Ruleset, parse_ruleset


def product(number: int, category: str = "coffee", price: int = 19000) -> Product:
    body = f"460701299{number:03d}"
    return Product(
        sku=f"SKU-{number}",
        barcode=body + str(ean_check_digit(body)),
        name_ru=f"Товар {number}",
        name_en=f"Item {number}",
        category=category,
        price=price,
    )


def member(tier: str = "gold", points: int = 100) -> Member:
    return Member(member_id="M-1", card="2780000000047", name="Анна", tier=tier, points=points)


def rule(rule_id: str, percent: float, categories: list[str], **extra: Any) -> dict[str, Any]:
    return {
        "id": rule_id,
        "name": {"ru": f"Правило {rule_id}", "en": f"Rule {rule_id}"},
        "effect": "percent_off_category",
        "percent": percent,
        "categories": categories,
        **extra,
    }


def ruleset_doc(rules: list[dict[str, Any]], outlet: str = "spb-nevsky") -> dict[str, Any]:
    return {
        "version": 3,
        "outlet": {
            "id": outlet,
            "name": "Невский, 48",
            "format": "supermarket",
            "city": "Saint Petersburg",
            "has_cafe": True,
        },
        "earning": {"default_per_100": 1, "per_100_by_tier": {"gold": 5}},
        "rules": rules,
    }


def ruleset(rules: list[dict[str, Any]], outlet: str = "spb-nevsky") -> Ruleset:
    return parse_ruleset(ruleset_doc(rules, outlet))
