"""Re-pricing after one scan: the indexed engine next to one that evaluates every rule."""

from __future__ import annotations

import gc
import random
import statistics
import time
from datetime import UTC, datetime
from typing import Any

from pos_client.core.catalog import Product, ean_check_digit
from pos_client.core.loyalty import Member
from pos_client.core.promotions import PricingContext, PricingEngine, _Job
from pos_client.core.receipt import Receipt
from pos_client.core.ruleset import ProductSet, Rule, Ruleset, parse_ruleset

OUTLETS = [f"outlet-{n}" for n in range(40)]
AT = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


class NaiveJob(_Job):
    """Every rule is matched against every line of the receipt, without the key index."""

    def lines_in(self, product_set: ProductSet) -> list[Any]:
        return [s for s in self.lines if product_set.contains(s.line.product, s.categories)]


class NaiveEngine(PricingEngine):
    """The straightforward version: every rule of the ruleset is looked at on every price."""

    job_type = NaiveJob

    def candidates(self, products: Any) -> list[Rule]:
        list(products)
        outlet = self.ruleset.outlet
        rules = [r for r in self.ruleset.rules if r.conditions.outlet_matches(outlet)]
        return sorted(rules, key=lambda r: (-r.priority, r.rule_id))


def catalog(rng: random.Random, size: int = 5000) -> list[Product]:
    products = []
    for n in range(size):
        body = f"46{n:010d}"
        products.append(
            Product(
                sku=f"SKU-{n}",
                barcode=body + str(ean_check_digit(body)),
                name_ru=f"Товар {n}",
                name_en=f"Item {n}",
                category=f"cat-{rng.randrange(300)}",
                price=rng.randrange(1000, 200000),
                brand=f"brand-{rng.randrange(150)}",
                tags=frozenset({f"tag-{rng.randrange(80)}"}),
            )
        )
    return products


def rules(rng: random.Random, count: int, products: list[Product]) -> Ruleset:
    docs: list[dict[str, Any]] = []
    for n in range(count):
        pick = rng.random()
        if pick < 0.5:
            target = {"skus": [rng.choice(products).sku for _ in range(rng.randrange(1, 6))]}
        elif pick < 0.8:
            target = {"categories": [f"cat-{rng.randrange(330)}"]}
        elif pick < 0.95:
            target = {"brands": [f"brand-{rng.randrange(150)}"]}
        else:
            target = {"tags": [f"tag-{rng.randrange(80)}"]}
        effect = rng.choice(
            [
                {"type": "percent_off", "percent": rng.randrange(1, 40)},
                {"type": "amount_off", "amount": rng.randrange(100, 5000)},
                {"type": "buy_x_get_y", "buy": 2, "get": 1},
                {"type": "fixed_price", "price": rng.randrange(500, 50000)},
            ]
        )
        conditions: dict[str, Any] = {"products": target}
        if rng.random() < 0.6:
            conditions["outlets"] = rng.sample(OUTLETS, 3)
        if rng.random() < 0.2:
            conditions["hours"] = {"from": "08:00", "to": "11:00"}
        docs.append(
            {
                "id": f"rule-{n:05d}",
                "name": {"ru": f"Акция {n}", "en": f"Promo {n}"},
                "priority": rng.randrange(5),
                "group": rng.choice(["", "", "g1", "g2", "g3"]),
                "conditions": conditions,
                "effect": effect,
            }
        )
    docs += [
        {
            "id": "receipt-5",
            "name": {"ru": "5%", "en": "5%"},
            "group": "receipt",
            "effect": {"type": "receipt_percent_off", "percent": 5, "threshold": 300000},
        },
        {
            "id": "receipt-500",
            "name": {"ru": "500", "en": "500"},
            "group": "receipt",
            "effect": {"type": "receipt_amount_off", "amount": 50000, "threshold": 1000000},
        },
    ]
    for doc in docs:
        if not doc["group"]:
            del doc["group"]
    categories = {f"cat-{n}": f"cat-{300 + n % 30}" for n in range(300)}
    return parse_ruleset(
        {
            "version": 1,
            "outlet": {
                "id": OUTLETS[0],
                "name": "Bench",
                "format": "supermarket",
                "city": "Moscow",
                "has_cafe": True,
            },
            "categories": categories,
            "earning": {"default_per_100": 1, "per_100_by_tier": {"gold": 5}},
            "rules": docs,
        }
    )


def reprice_times(
    engine: PricingEngine, products: list[Product], lines: int, scans: int, seed: int
) -> list[float]:
    """ms to price the receipt after each of `scans` new items, starting from `lines` lines."""
    rng = random.Random(seed)
    member = Member("M", "2780000000047", "Bench", "gold", 1000)
    context = PricingContext(at=AT)
    base = Receipt()
    for product in rng.sample(products, lines):
        base = base.add(product, rng.randrange(1, 4))
    times = []
    for _ in range(scans):
        receipt = base.add(rng.choice(products))
        start = time.perf_counter()
        engine.price(receipt, member, context)
        times.append((time.perf_counter() - start) * 1000)
    return times


def p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98]


def run() -> dict[str, object]:
    rng = random.Random(7)
    products = catalog(rng)
    small, large = rules(rng, 2000, products), rules(rng, 10000, products)
    fast_small, fast_large = PricingEngine(small), PricingEngine(large)
    naive_small = NaiveEngine(small)
    gc.collect()
    gc.freeze()  # as the till does once its ruleset is loaded: long-lived objects leave the GC
    fast_50 = reprice_times(fast_small, products, 50, 300, seed=1)
    naive_50 = reprice_times(naive_small, products, 50, 60, seed=1)
    fast_300 = reprice_times(fast_large, products, 300, 60, seed=2)
    fast_median = statistics.median(fast_50)
    naive_median = statistics.median(naive_50)
    return {
        "reprice_50x2000_median_ms": round(fast_median, 3),
        "reprice_50x2000_p99_ms": round(p99(fast_50), 3),
        "reprice_300x10000_median_ms": round(statistics.median(fast_300), 3),
        "reprice_300x10000_p99_ms": round(p99(fast_300), 3),
        "naive_50x2000_median_ms": round(naive_median, 3),
        "speedup_50x2000": round(naive_median / fast_median, 1),
        "rules_for_outlet_50x2000": len(small.rules),
    }
