"""Small builders for core objects used across the unit tests."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pos_client.core.catalog import Product, ean_check_digit
from pos_client.core.loyalty import Member
from pos_client.core.promotions import PricedReceipt, PricingContext, PricingEngine
from pos_client.core.receipt import Receipt
from pos_client.core.ruleset import Ruleset, parse_ruleset
from pos_client.core.sale import Sale, build_sale, settle, split_payment

# Sunday 22 November 2026, 12:30 in Moscow
NOON = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


def product(
    number: int,
    category: str = "coffee",
    price: int = 19000,
    brand: str = "",
    tags: frozenset[str] = frozenset(),
    plu: str = "",
) -> Product:
    body = f"460701299{number:03d}"
    return Product(
        sku=f"SKU-{number}",
        barcode=body + str(ean_check_digit(body)),
        name_ru=f"Товар {number}",
        name_en=f"Item {number}",
        category=category,
        price=price,
        brand=brand,
        tags=tags,
        plu=plu,
    )


def member(tier: str = "gold", points: int = 100, **extra: Any) -> Member:
    return Member(
        member_id="M-1", card="2780000000047", name="Анна", tier=tier, points=points, **extra
    )


def rule(rule_id: str, percent: float, categories: list[str], **extra: Any) -> dict[str, Any]:
    """A percent-off-categories rule; `extra` adds or replaces top-level fields."""
    return {
        "id": rule_id,
        "name": {"ru": f"Правило {rule_id}", "en": f"Rule {rule_id}"},
        "conditions": {"products": {"categories": categories}},
        "effect": {"type": "percent_off", "percent": percent},
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
            "timezone": "Europe/Moscow",
        },
        "categories": {"coffee": "hot-drinks", "tea": "hot-drinks", "hot-drinks": "drinks"},
        "earning": {"default_per_100": 1, "per_100_by_tier": {"gold": 5}},
        "points": {"kopecks_per_point": 100, "max_redeem_percent": 50, "min_to_pay": 100},
        "rules": rules,
    }


def ruleset(rules: list[dict[str, Any]], outlet: str = "spb-nevsky") -> Ruleset:
    return parse_ruleset(ruleset_doc(rules, outlet))


def price(
    receipt: Receipt,
    rules: list[dict[str, Any]] | Ruleset,
    buyer: Member | None = None,
    *,
    with_hints: bool = True,
    **context: Any,
) -> PricedReceipt:
    parsed = rules if isinstance(rules, Ruleset) else ruleset(rules)
    return PricingEngine(parsed).price(
        receipt, buyer, PricingContext(**{"at": NOON, **context}), with_hints=with_hints
    )


STAMPS = {
    "id": "s",
    "name": {"ru": "Штампы", "en": "Stamps"},
    "conditions": {"products": {"categories": ["coffee"]}},
    "effect": {"type": "stamp", "card": "coffee", "every": 6},
}


def sale_of(
    quantities: list[int],
    redeem: int = 0,
    points: int = 1000,
    terminal_id: str = "t",
    cash_percent: int = 0,
) -> Sale:
    """A card sale of coffee and tea lines (coffee: 15 % off and stamps) to a gold member;
    with `cash_percent`, that much of it (rounded down) is paid in cash and the rest by card."""
    receipt = Receipt()
    for number, quantity in enumerate(quantities):
        category = "coffee" if number % 2 == 0 else "tea"
        receipt = receipt.add(product(number, category, 1000 + 333 * number), quantity)
    buyer = member(points=points)
    priced = price(receipt, [rule("c", 15, ["coffee"]), STAMPS], buyer, redeem_points=redeem)
    cash = priced.total * cash_percent // 100
    tenders = (
        split_payment(priced.total, cash)
        if 0 < cash < priced.total
        else (settle(priced.total, "card", 0),)
    )
    return build_sale(
        priced=priced,
        member=buyer,
        tenders=tenders,
        sale_id="s",
        number=1,
        created_at=NOON,
        outlet_id="o",
        terminal_id=terminal_id,
        channel="store",
        language="en",
    )
