"""The hub prices every received sale again with the terminals' own engine, after answering.

A difference (another catalog price, rules the till did not have, a member state the till did
not know offline) does not undo the sale — it was final at the till — but is recorded, so the
programme's staff can see which tills priced differently and why.

The terminal's answer does not wait for it. A sale's batch puts in the re-pricing queue what
the pricing reads, as it was then: the outlet's ruleset version (its document is kept by
version), the products' rows and the member's document before the sale. That happens in the
batch's own transaction, so a sale applied is a sale queued. `reprice_queued`, run beside the
server (repricing_worker.py), prices them and takes each off the queue in the transaction that
records its difference: each sale is compared once, even after a crash.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

import orjson

from loyalty_hub.models import SaleBody, SaleLineBody
from loyalty_hub.rules import outlet_ruleset
from loyalty_hub.store import HubStore
from pos_client.core.catalog import Product
from pos_client.core.loyalty import Member
from pos_client.core.promotions import PricingContext, PricingEngine
from pos_client.core.receipt import Receipt, ReceiptError
from pos_client.core.ruleset import parse_ruleset

log = logging.getLogger(__name__)

REPRICE_AT_ONCE = 200


class CatalogReads:
    """Product rows read once per database transaction (a batch names the same few again)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._rows: dict[str, dict[str, Any] | None] = {}

    def row(self, sku: str) -> dict[str, Any] | None:
        """The product as Product.from_dict reads it, or None for an unknown SKU."""
        if sku not in self._rows:
            row = self._conn.execute("SELECT * FROM products WHERE sku = ?", (sku,)).fetchone()
            self._rows[sku] = {**dict(row), "tags": json.loads(row["tags"])} if row else None
        return self._rows[sku]


class Rulesets:
    """The outlets' ruleset documents by version, and an engine for each, built once."""

    def __init__(self) -> None:
        self._kept: set[tuple[str, str]] = set()
        self._engines: dict[tuple[str, str], PricingEngine] = {}

    def current_version(self, store: HubStore, conn: sqlite3.Connection, outlet_id: str) -> str:
        """The outlet's ruleset version now; its document is kept, so that sales applied under
        it are priced with it even after the rules change."""
        version = store.setting("ruleset_version", "1")
        if (outlet_id, version) not in self._kept:
            conn.execute(
                "INSERT OR IGNORE INTO ruleset_documents VALUES (?, ?, ?)",
                (outlet_id, version, json.dumps(outlet_ruleset(store, outlet_id))),
            )
            self._kept.add((outlet_id, version))
        return version

    def engine(self, store: HubStore, outlet_id: str, version: str) -> PricingEngine:
        key = (outlet_id, version)
        if key not in self._engines:
            rows = store.query(
                "SELECT document FROM ruleset_documents WHERE outlet_id = ? AND version = ?", key
            )
            if not rows:
                raise LookupError(f"no ruleset {version!r} kept for outlet {outlet_id!r}")
            self._engines[key] = PricingEngine(parse_ruleset(json.loads(rows[0]["document"])))
        return self._engines[key]


def queue_repricing(
    conn: sqlite3.Connection,
    key: str,
    *,
    terminal_id: str,
    ruleset: tuple[str, str],
    products: Mapping[str, dict[str, Any] | None],
    member: Mapping[str, Any] | None,
    received_at: str,
) -> None:
    """Queue a sale with what its pricing reads: (outlet, ruleset version), product rows by
    SKU, and the member's document as the sale found it."""
    conn.execute(
        "INSERT INTO repricing_queue VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            key,
            terminal_id,
            *ruleset,
            orjson.dumps(products).decode(),
            None if member is None else orjson.dumps(member).decode(),
            received_at,
        ),
    )


def reprice_queued(store: HubStore, rulesets: Rulesets, limit: int = REPRICE_AT_ONCE) -> int:
    """Price up to `limit` queued sales again, record their differences and take them off the
    queue; returns how many were taken. Sales taken meanwhile by another worker are skipped."""
    rows = store.query(
        "SELECT q.*, t.body FROM repricing_queue q JOIN transactions t"
        " ON t.key = q.transaction_key ORDER BY q.transaction_key LIMIT ?",
        (limit,),
    )
    found = [(row, _differences_of(store, rulesets, row)) for row in rows]
    with store.transaction() as conn:
        for row, details in found:
            key = row["transaction_key"]
            taken = conn.execute("DELETE FROM repricing_queue WHERE transaction_key = ?", (key,))
            if taken.rowcount and details is not None:
                conn.execute(
                    "INSERT INTO pricing_mismatches VALUES (?, ?, ?, ?)",
                    (
                        key,
                        row["terminal_id"],
                        json.dumps(details, ensure_ascii=False),
                        row["received_at"],
                    ),
                )
    return len(found)


def _differences_of(store: HubStore, rulesets: Rulesets, row: sqlite3.Row) -> dict[str, Any] | None:
    try:
        engine = rulesets.engine(store, row["outlet_id"], row["ruleset_version"])
        products = {
            sku: None if data is None else Product.from_dict(data)
            for sku, data in json.loads(row["products"]).items()
        }
        member = Member.from_dict(json.loads(row["member"])) if row["member"] else None
        return differences(engine, SaleBody.model_validate_json(row["body"]), products, member)
    except Exception as exc:  # a sale that cannot be priced must not block the ones after it
        log.exception("sale %s could not be priced again", row["transaction_key"])
        return {"reason": "not_repriced", "detail": f"{type(exc).__name__}: {exc}"}


def differences(
    engine: PricingEngine,
    sale: SaleBody,
    products: Mapping[str, Product | None],
    member: Member | None,
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
