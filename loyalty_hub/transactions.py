"""Applying terminal transactions exactly once, keyed by their idempotency key."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError

from loyalty_hub.models import ItemResult, SaleBody, TransactionItem
from loyalty_hub.points import member_document
from loyalty_hub.repricing import Repricer
from loyalty_hub.store import HubStore, TerminalAuth, body_digest


def apply_batch(
    store: HubStore, repricer: Repricer, auth: TerminalAuth, items: list[TransactionItem]
) -> list[ItemResult]:
    """Apply a batch in one transaction; each item gets its own result.

    A key seen before with the same body answers `duplicate` with the first result; with a
    different body it is `rejected` (key_reused). Rejected items are not stored, so a corrected
    resend can still apply.
    """
    now = datetime.now(UTC).isoformat()
    with store.transaction() as conn:
        return [_apply_one(conn, repricer, auth, item, now) for item in items]


def _apply_one(
    conn: sqlite3.Connection,
    repricer: Repricer,
    auth: TerminalAuth,
    item: TransactionItem,
    now: str,
) -> ItemResult:
    digest = body_digest(item.body)
    seen = conn.execute(
        "SELECT body_sha256, result FROM transactions WHERE key = ?", (item.key,)
    ).fetchone()
    if seen is not None:
        if seen["body_sha256"] != digest:
            return ItemResult(key=item.key, status="rejected", reason="key_reused")
        first = ItemResult.model_validate_json(seen["result"])
        return first.model_copy(update={"status": "duplicate", **_balance(conn, first.member_id)})
    try:
        sale = SaleBody.model_validate(item.body)
    except ValidationError as exc:
        problem = exc.errors()[0]
        where = ".".join(str(part) for part in problem["loc"])
        return ItemResult(
            key=item.key, status="rejected", reason=f"invalid: {where}: {problem['msg']}"
        )
    reason = _refusal(conn, auth, item, sale)
    if reason:
        return ItemResult(key=item.key, status="rejected", reason=reason)
    differences = repricer.differences(conn, sale)
    if differences is not None:
        conn.execute(
            "INSERT INTO pricing_mismatches VALUES (?, ?, ?, ?)",
            (item.key, auth.terminal_id, json.dumps(differences, ensure_ascii=False), now),
        )
    if sale.member_id:
        _apply_to_member(conn, sale, item.key)
    result = ItemResult(
        key=item.key,
        status="applied",
        member_id=sale.member_id,
        **_balance(conn, sale.member_id),
    )
    conn.execute(
        "INSERT INTO transactions (key, terminal_id, kind, body_sha256, body, result, received_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            item.key,
            auth.terminal_id,
            item.kind,
            digest,
            json.dumps(item.body, ensure_ascii=False, sort_keys=True),
            result.model_dump_json(),
            now,
        ),
    )
    return result


def _refusal(
    conn: sqlite3.Connection, auth: TerminalAuth, item: TransactionItem, sale: SaleBody
) -> str | None:
    if sale.sale_id != item.key:
        return "invalid: key differs from sale_id"
    if sale.terminal_id != auth.terminal_id or sale.outlet_id != auth.outlet_id:
        return "invalid: sale is not from this terminal's outlet"
    if sale.member_id is not None and _balance(conn, sale.member_id)["member_points"] is None:
        return "unknown_member"
    return None


def _balance(conn: sqlite3.Connection, member_id: str | None) -> dict[str, Any]:
    """The member's active and pending points now, for the terminal's member cache."""
    row = conn.execute("SELECT * FROM members WHERE member_id = ?", (member_id,)).fetchone()
    if row is None:
        return {"member_points": None, "member_pending": None}
    view = member_document(conn, row, datetime.now(UTC).date())
    return {"member_points": view["points"], "member_pending": view["pending_points"]}


def _apply_to_member(conn: sqlite3.Connection, sale: SaleBody, key: str) -> None:
    """Points earned and spent, one more purchase, stamps added.

    Points spent beyond the balance (possible after offline sales on several tills) leave the
    balance at zero and are recorded as an overdraft in the ledger.
    """
    row = conn.execute(
        "SELECT points, stamps FROM members WHERE member_id = ?", (sale.member_id,)
    ).fetchone()
    balance = int(row["points"]) + sale.points_earned - sale.points_redeemed
    stamps = json.loads(row["stamps"])
    for card, added in sale.stamp_cards.items():
        stamps[card] = stamps.get(card, 0) + added
    conn.execute(
        "UPDATE members SET points = ?, purchases = purchases + 1, stamps = ? WHERE member_id = ?",
        (max(balance, 0), json.dumps(stamps, sort_keys=True), sale.member_id),
    )
    entries = [("earn", sale.points_earned), ("burn", -sale.points_redeemed)]
    if balance < 0:
        entries.append(("overdraft", -balance))
    day = datetime.fromisoformat(sale.created_at).date().isoformat()
    conn.executemany(
        "INSERT INTO points_ledger (member_id, transaction_key, points, kind, created_on)"
        " VALUES (?, ?, ?, ?, ?)",
        [(sale.member_id, key, points, kind, day) for kind, points in entries if points],
    )
