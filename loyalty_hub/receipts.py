"""Receipts of any till of the chain, found by the code printed on them, for a return taken at
another till."""

from __future__ import annotations

import json
import sqlite3

from loyalty_hub.models import ReceiptBody, ReturnedQuantityBody, SaleBody


def find_receipt(conn: sqlite3.Connection, terminal_id: str, number: int) -> ReceiptBody | None:
    """The sale with this receipt number at that terminal and what has come back of it."""
    row = conn.execute(
        "SELECT key, body FROM transactions WHERE terminal_id = ? AND kind = 'sale'"
        " AND json_extract(body, '$.number') = ?",
        (terminal_id, number),
    ).fetchone()
    if row is None:
        return None
    returned = conn.execute(
        "SELECT position, quantity FROM returned_quantities WHERE sale_key = ? ORDER BY position",
        (row["key"],),
    ).fetchall()
    return ReceiptBody(
        sale=SaleBody.model_validate(json.loads(row["body"])),
        returned=[
            ReturnedQuantityBody(position=r["position"], quantity=r["quantity"])
            for r in returned
            if r["quantity"]
        ],
    )
