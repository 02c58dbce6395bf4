"""The hub prices every received sale again with the terminals' own engine.

A difference (another catalog price, rules the till did not have, a member state the till did
not know offline) does not undo the sale — it was final at the till — but is recorded, so the
programme's staff can see which tills priced differently and why.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import datetime
from typing import Any

from loyalty_hub.models import SaleBody, SaleLineBody
from loyalty_hub.points import MemberViews
from loyalty_hub.rules import outlet_ruleset
from loyalty_hub.store import HubStore
from pos_client.core.catalog import Product
from pos_client.core.loyalty import Member
from pos_client.core.promotions import PricingContext, PricingEngine
from pos_client.core.receipt import Receipt, ReceiptError
from pos_client.core.ruleset import parse_ruleset


class CatalogReads:
    """Products read once per database transaction (a batch names the same few again and again)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._products: dict[str, Product | None] = {}

    def get(self, sku: str) -> Product | None:
        if sku not in self._products:
            row = self._conn.execute("SELECT * FROM products WHERE sku = ?", (sku,)).fetchone()
            self._products[sku] = (
                Product.from_dict({**dict(row), "tags": json.loads(row["tags"])}) if row else None
            )
        return self._products[sku]


class Repricer:
    """The pricing engines of the outlets, each built once per ruleset version."""

    def __init__(self, store: HubStore) -> None:
        self._store = store
        self._engines: dict[tuple[str, str], PricingEngine] = {}

    def engine(self, outlet_id: str) -> PricingEngine:
        """One engine per outlet and ruleset version, built once."""
        version = self._store.setting("ruleset_version", "1")
        key = (outlet_id, version)
        if key not in self._engines:
            document = outlet_ruleset(self._store, outlet_id)
            self._engines[key] = PricingEngine(parse_ruleset(document))
        return self._engines[key]


def differences(
    engine: PricingEngine, sale: SaleBody, products: CatalogReads, members: MemberViews
) -> dict[str, Any] | None:
    """What the hub would have charged and awarded, where it differs from the till."""
    receipt = Receipt()
    for line in sale.lines:
        product = products.get(line.sku)
        if product is None:
            return {"reason": "unknown_sku", "sku": line.sku}
        try:
            receipt = _with_line(receipt, product, line)
        except ReceiptError as exc:
            return {"reason": "bad_quantity", "detail": str(exc)}
    member = None
    if sale.member_id:
        sold_on = datetime.fromisoformat(sale.created_at).date()
        document = members.get(sale.member_id, sold_on)
        member = Member.from_dict(document) if document is not None else None
    context = PricingContext(
        at=datetime.fromisoformat(sale.created_at),
        channel=sale.channel,
        coupons=frozenset(sale.coupons_used),
        redeem_points=sale.points_redeemed,
    )
    priced = engine.price(receipt, member, context, with_hints=False)
    ours = {
        "lines": [pl.total for pl in priced.lines],
        "total": priced.total,
        "points_earned": priced.points_earned,
        "points_redeemed": priced.points_redeemed,
    }
    theirs = {
        "lines": [line.total for line in sale.lines],
        "total": sale.total,
        "points_earned": sale.points_earned,
        "points_redeemed": sale.points_redeemed,
    }
    if ours == theirs:
        return None
    return {"reason": "priced_differently", "hub": ours, "terminal": theirs}


def _with_line(receipt: Receipt, product: Product, line: SaleLineBody) -> Receipt:
    """The receipt with the sale's line added as the till added it: a scale label at the
    catalog's price per kilogram, and a price approved at the till in place of the catalog's
    (promotions then apply to it)."""
    if line.weighing is None:
        if line.price_override is not None:
            product = replace(product, price=line.unit_price)
        return receipt.add(product, line.quantity)
    receipt = receipt.add_weighed(product, line.weighing.grams)
    added = receipt.lines[-1]
    if line.price_override is None or added.product.price == line.unit_price:
        return receipt
    approval = line.price_override
    return receipt.override_price(
        added.line_id, line.unit_price, approval.reason, approval.approved_by
    )
