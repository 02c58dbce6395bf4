"""Applying terminal transactions (sales and returns) exactly once, keyed by idempotency key.

A sale or return made at a till is final there, so the hub records it even when it cannot settle
it as the till did; it then answers `conflict` and says why (points_overdrawn: the member spent
points offline that other tills had already spent; coupon_already_used). A rejected item is not
stored, so a corrected resend can still apply.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from loyalty_hub.coupons import use_coupons
from loyalty_hub.models import ItemResult, ReturnBody, SaleBody, TransactionItem
from loyalty_hub.points import member_document
from loyalty_hub.repricing import Repricer
from loyalty_hub.store import HubStore, TerminalAuth, body_digest, next_seq


def apply_batch(
    store: HubStore, repricer: Repricer, auth: TerminalAuth, items: list[TransactionItem]
) -> list[ItemResult]:
    """Apply a batch in one transaction, in order; each item gets its own result.

    A key seen before with the same body answers `duplicate` with the first result; with a
    different body it is `rejected` (key_reused).
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
        return first.model_copy(
            update={
                "status": "duplicate",
                "first_status": first.status,
                **_balance(conn, first.member_id),
            }
        )
    if item.kind == "sale":
        result = _sale(conn, repricer, auth, item, now)
    else:
        result = _return(conn, auth, item)
    if result.status in ("applied", "conflict"):
        conn.execute(
            "INSERT INTO transactions (key, terminal_id, kind, body_sha256, body, result,"
            " received_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
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


M = TypeVar("M", bound=BaseModel)


def _parse(model: type[M], item: TransactionItem) -> M | ItemResult:
    try:
        return model.model_validate(item.body)
    except ValidationError as exc:
        problem = exc.errors()[0]
        where = ".".join(str(part) for part in problem["loc"])
        return ItemResult(
            key=item.key, status="rejected", reason=f"invalid: {where}: {problem['msg']}"
        )


def _sale(
    conn: sqlite3.Connection,
    repricer: Repricer,
    auth: TerminalAuth,
    item: TransactionItem,
    now: str,
) -> ItemResult:
    sale = _parse(SaleBody, item)
    if isinstance(sale, ItemResult):
        return sale
    reason = _refusal(auth, item.key, sale.sale_id, sale.outlet_id, sale.terminal_id)
    if reason is None and sale.member_id is not None and not _member_exists(conn, sale.member_id):
        reason = "unknown_member"
    if reason is None and sale.coupons_used and sale.member_id is None:
        reason = "invalid: coupons need a member"
    if reason:
        return ItemResult(key=item.key, status="rejected", reason=reason)
    differences = repricer.differences(conn, sale)
    if differences is not None:
        conn.execute(
            "INSERT INTO pricing_mismatches VALUES (?, ?, ?, ?)",
            (item.key, auth.terminal_id, json.dumps(differences, ensure_ascii=False), now),
        )
    conflicts: list[str] = []
    overdraft = 0
    if sale.member_id:
        if use_coupons(conn, sale.coupons_used, sale.member_id, item.key):
            conflicts.append("coupon_already_used")
        active = _balance(conn, sale.member_id)["member_points"] or 0
        overdraft = max(sale.points_redeemed - active, 0)
        _apply_sale_to_member(conn, sale, item.key, auth.outlet_id, overdraft)
    return _result(conn, item.key, sale.member_id, conflicts, overdraft)


def _return(conn: sqlite3.Connection, auth: TerminalAuth, item: TransactionItem) -> ItemResult:
    back = _parse(ReturnBody, item)
    if isinstance(back, ItemResult):
        return back
    reason = _refusal(auth, item.key, back.return_id, back.outlet_id, back.terminal_id)
    original = conn.execute(
        "SELECT body FROM transactions WHERE key = ? AND kind = 'sale'", (back.sale_id,)
    ).fetchone()
    if reason is None and original is None:
        reason = "unknown_sale"
    sale = json.loads(original["body"]) if original is not None else {}
    if reason is None and sale["member_id"] != back.member_id:
        reason = "invalid: member differs from the sale's"
    if reason is None:
        reason = _return_exceeds_sale(conn, back, sale)
    if reason:
        return ItemResult(key=item.key, status="rejected", reason=reason)
    conn.executemany(
        "INSERT INTO returned_quantities VALUES (?, ?, ?) ON CONFLICT (sale_key, position)"
        " DO UPDATE SET quantity = quantity + excluded.quantity",
        [(back.sale_id, line.position, line.quantity) for line in back.lines],
    )
    overdraft = 0
    if back.member_id:
        overdraft = _apply_return_to_member(conn, back, sale, item.key)
    return _result(conn, item.key, back.member_id, [], overdraft)


def _return_exceeds_sale(
    conn: sqlite3.Connection, back: ReturnBody, sale: dict[str, Any]
) -> str | None:
    for line in back.lines:
        if line.position >= len(sale["lines"]):
            return f"invalid: the sale has no line {line.position + 1}"
        row = conn.execute(
            "SELECT quantity FROM returned_quantities WHERE sale_key = ? AND position = ?",
            (back.sale_id, line.position),
        ).fetchone()
        before = int(row["quantity"]) if row else 0
        if before + line.quantity > sale["lines"][line.position]["quantity"]:
            return "return_exceeds_sale"
    return None


def _result(
    conn: sqlite3.Connection,
    key: str,
    member_id: str | None,
    conflicts: list[str],
    overdraft: int,
) -> ItemResult:
    if overdraft:
        conflicts.insert(0, "points_overdrawn")
    return ItemResult(
        key=key,
        status="conflict" if conflicts else "applied",
        reason=",".join(conflicts) or None,
        overdraft=overdraft or None,
        member_id=member_id,
        **_balance(conn, member_id),
    )


def _refusal(
    auth: TerminalAuth,
    key: str,
    record_id: str,
    outlet_id: str,
    terminal_id: str,
) -> str | None:
    if record_id != key:
        return "invalid: key differs from the record's id"
    if terminal_id != auth.terminal_id or outlet_id != auth.outlet_id:
        return "invalid: not from this terminal's outlet"
    return None


def _member_exists(conn: sqlite3.Connection, member_id: str) -> bool:
    return (
        conn.execute("SELECT 1 FROM members WHERE member_id = ?", (member_id,)).fetchone()
        is not None
    )


def _balance(conn: sqlite3.Connection, member_id: str | None) -> dict[str, Any]:
    """The member's active and pending points now, for the terminal's member cache."""
    row = conn.execute("SELECT * FROM members WHERE member_id = ?", (member_id,)).fetchone()
    if row is None:
        return {"member_points": None, "member_pending": None}
    view = member_document(conn, row, datetime.now(UTC).date())
    return {"member_points": view["points"], "member_pending": view["pending_points"]}


def _apply_sale_to_member(
    conn: sqlite3.Connection, sale: SaleBody, key: str, outlet_id: str, overdraft: int
) -> None:
    """Points earned and spent, one more purchase and visit, stamps added.

    Points spent beyond the active balance (possible after offline sales on several tills) are
    recorded as an overdraft in the ledger; the balance does not go below zero.
    """
    row = conn.execute(
        "SELECT points, stamps FROM members WHERE member_id = ?", (sale.member_id,)
    ).fetchone()
    balance = int(row["points"]) + sale.points_earned - sale.points_redeemed
    stamps = json.loads(row["stamps"])
    for card, added in sale.stamp_cards.items():
        stamps[card] = stamps.get(card, 0) + added
    conn.execute(
        "UPDATE members SET points = ?, purchases = purchases + 1, stamps = ?, seq = ?"
        " WHERE member_id = ?",
        (max(balance, 0), json.dumps(stamps, sort_keys=True), next_seq(conn), sale.member_id),
    )
    day = datetime.fromisoformat(sale.created_at).date().isoformat()
    conn.execute(
        "INSERT INTO member_visits VALUES (?, ?, 1, ?) ON CONFLICT (outlet_id, member_id)"
        " DO UPDATE SET visits = visits + 1, last_visit = MAX(last_visit, excluded.last_visit)",
        (outlet_id, sale.member_id, sale.created_at),
    )
    entries = [
        ("earn", sale.points_earned),
        ("burn", -sale.points_redeemed),
        ("overdraft", overdraft),
    ]
    _ledger(conn, sale.member_id or "", key, entries, day)


def _apply_return_to_member(
    conn: sqlite3.Connection, back: ReturnBody, sale: dict[str, Any], key: str
) -> int:
    """Earned points taken back (from the sale's own lot), spent points given back, stamps
    undone. Returns the points taken back that the member had already spent (the overdraft)."""
    row = conn.execute(
        "SELECT points, stamps FROM members WHERE member_id = ?", (back.member_id,)
    ).fetchone()
    balance = int(row["points"]) - back.points_reversed + back.points_refunded
    stamps = json.loads(row["stamps"])
    for card, undone in back.stamps_undone.items():
        stamps[card] = max(stamps.get(card, 0) - undone, 0)
    conn.execute(
        "UPDATE members SET points = ?, stamps = ?, seq = ? WHERE member_id = ?",
        (max(balance, 0), json.dumps(stamps, sort_keys=True), next_seq(conn), back.member_id),
    )
    sold_on = datetime.fromisoformat(sale["created_at"]).date().isoformat()
    returned_on = datetime.fromisoformat(back.created_at).date().isoformat()
    member_id = back.member_id or ""
    _ledger(conn, member_id, key, [("earn", -back.points_reversed)], sold_on)
    _ledger(conn, member_id, key, [("burn", back.points_refunded)], returned_on)
    if balance < 0:
        _ledger(conn, member_id, key, [("overdraft", -balance)], returned_on)
    return max(-balance, 0)


def _ledger(
    conn: sqlite3.Connection,
    member_id: str,
    key: str,
    entries: list[tuple[str, int]],
    day: str,
) -> None:
    conn.executemany(
        "INSERT INTO points_ledger (member_id, transaction_key, points, kind, created_on)"
        " VALUES (?, ?, ?, ?, ?)",
        [(member_id, key, points, kind, day) for kind, points in entries if points],
    )
