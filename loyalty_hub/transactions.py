"""Applying terminal transactions (sales, returns, audit entries, enrolments) exactly once, keyed by
idempotency key.

A sale or return made at a till is final there, so the hub records it even when it cannot settle
it as the till did; it then answers `conflict` and says why (points_overdrawn: the member spent
points offline that other tills had already spent; coupon_already_used). A rejected item is not
stored, so a corrected resend can still apply.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from loyalty_hub.audit import audit_refusal, store_entry
from loyalty_hub.body_digest import NotUnicode, body_digest, canonical_body
from loyalty_hub.coupons import use_coupons
from loyalty_hub.enrolments import enrol, enrolment_refusal
from loyalty_hub.models import (
    AuditEntryBody,
    EnrolmentBody,
    ItemResult,
    ReturnBody,
    ReturnWithoutReceiptBody,
    SaleBody,
    TransactionItem,
)
from loyalty_hub.points import MemberViews
from loyalty_hub.repricing import CatalogReads, Rulesets, queue_repricing
from loyalty_hub.store import HubStore, TerminalAuth, next_seq
from loyalty_hub.tiers import add_spend
from pos_client.core.audit import AuditEntry


@dataclass(slots=True)
class _Batch:
    """One batch's transaction and what it reads more than once."""

    conn: sqlite3.Connection
    ruleset: tuple[str, str]  # (outlet, version) the batch's sales are priced again under
    auth: TerminalAuth
    now: datetime
    products: CatalogReads
    members: MemberViews
    seen: dict[str, tuple[str, str]]  # key -> (body digest, result) of items already stored
    _seq: int | None = field(default=None)

    @property
    def today(self) -> date:
        return self.now.date()

    @property
    def seq(self) -> int:
        """The change number of every member this batch changes: the batch commits as one, so
        a member-cache delta sees all of its changes or none."""
        if self._seq is None:
            self._seq = next_seq(self.conn)
        return self._seq

    def balance(self, member_id: str | None) -> dict[str, Any]:
        """The member's active and pending points now, for the terminal's member cache."""
        points = self.members.balance(member_id, self.today) if member_id else None
        if points is None:
            return {"member_points": None, "member_pending": None}
        return {"member_points": points[0], "member_pending": points[1]}


def apply_batch(
    store: HubStore, rulesets: Rulesets, auth: TerminalAuth, items: list[TransactionItem]
) -> list[ItemResult]:
    """Apply a batch in one transaction, in order; each item gets its own result.

    A key seen before with the same body answers `duplicate` with the first result; with a
    different body it is `rejected` (key_reused).
    """
    now = datetime.now(UTC)
    with store.transaction() as conn:
        batch = _Batch(
            conn,
            (auth.outlet_id, rulesets.current_version(store, conn, auth.outlet_id)),
            auth,
            now,
            CatalogReads(conn),
            MemberViews(conn),
            _stored(conn, [item.key for item in items]),
        )
        return [_apply_one(batch, item) for item in items]


def _stored(conn: sqlite3.Connection, keys: list[str]) -> dict[str, tuple[str, str]]:
    """The digests and results of the keys already stored, read in one query."""
    rows = conn.execute(
        "SELECT key, body_sha256, result FROM transactions WHERE key IN"
        " (SELECT value FROM json_each(?))",
        (json.dumps(keys),),
    )
    return {key: (digest, result) for key, digest, result in rows}


def _apply_one(batch: _Batch, item: TransactionItem) -> ItemResult:
    try:
        canonical = canonical_body(item.body)
    except NotUnicode:
        return ItemResult(
            key=item.key, status="rejected", reason="invalid: text that is not Unicode"
        )
    digest = body_digest(canonical)
    seen = batch.seen.get(item.key)
    if seen is not None:
        if seen[0] != digest:
            return ItemResult(key=item.key, status="rejected", reason="key_reused")
        first = ItemResult.model_validate_json(seen[1])
        return first.model_copy(
            update={
                "status": "duplicate",
                "first_status": first.status,
                **batch.balance(first.member_id),
            }
        )
    result = _APPLY[item.kind](batch, item)
    if result.status in ("applied", "conflict"):
        stored = result.model_dump_json()
        batch.seen[item.key] = (digest, stored)  # the same key again in this batch
        batch.conn.execute(
            "INSERT INTO transactions (key, terminal_id, kind, body_sha256, body, result,"
            " received_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                item.key,
                batch.auth.terminal_id,
                item.kind,
                digest,
                canonical.decode("utf-8"),
                stored,
                batch.now.isoformat(),
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


def _sale(batch: _Batch, item: TransactionItem) -> ItemResult:
    sale = _parse(SaleBody, item)
    if isinstance(sale, ItemResult):
        return sale
    reason = _refusal(batch.auth, item.key, sale.sale_id, sale.outlet_id, sale.terminal_id)
    if reason is None and sale.member_id and batch.members.get(sale.member_id, batch.today) is None:
        reason = "unknown_member"
    if reason is None and sale.coupons_used and sale.member_id is None:
        reason = "invalid: coupons need a member"
    if reason:
        return ItemResult(key=item.key, status="rejected", reason=reason)
    sold_on = datetime.fromisoformat(sale.created_at).date()
    queue_repricing(
        batch.conn,
        item.key,
        terminal_id=batch.auth.terminal_id,
        ruleset=batch.ruleset,
        products={line.sku: batch.products.row(line.sku) for line in sale.lines},
        member=batch.members.get(sale.member_id, sold_on) if sale.member_id else None,
        received_at=batch.now.isoformat(),
    )
    conflicts: list[str] = []
    overdraft = 0
    if sale.member_id:
        if use_coupons(batch.conn, sale.coupons_used, sale.member_id, item.key):
            conflicts.append("coupon_already_used")
        active = batch.balance(sale.member_id)["member_points"] or 0
        overdraft = max(sale.points_redeemed - active, 0)
        _apply_sale_to_member(batch, sale, item.key, overdraft)
        batch.members.changed(sale.member_id)
    return _result(batch, item.key, sale.member_id, conflicts, overdraft)


def _return(batch: _Batch, item: TransactionItem) -> ItemResult:
    back = _parse(ReturnBody, item)
    if isinstance(back, ItemResult):
        return back
    conn = batch.conn
    reason = _refusal(batch.auth, item.key, back.return_id, back.outlet_id, back.terminal_id)
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
        overdraft = _apply_return_to_member(batch, back, sale, item.key)
        batch.members.changed(back.member_id)
    return _result(batch, item.key, back.member_id, [], overdraft)


def _return_without_receipt(batch: _Batch, item: TransactionItem) -> ItemResult:
    back = _parse(ReturnWithoutReceiptBody, item)
    if isinstance(back, ItemResult):
        return back
    reason = _refusal(batch.auth, item.key, back.return_id, back.outlet_id, back.terminal_id)
    if reason:
        return ItemResult(key=item.key, status="rejected", reason=reason)
    return ItemResult(key=item.key, status="applied")


def _audit(batch: _Batch, item: TransactionItem) -> ItemResult:
    body = _parse(AuditEntryBody, item)
    if isinstance(body, ItemResult):
        return body
    entry = AuditEntry.from_dict(body.model_dump())
    reason = (
        "invalid: not from this terminal"
        if entry.terminal_id != batch.auth.terminal_id
        else audit_refusal(batch.conn, entry)
    )
    if reason:
        return ItemResult(key=item.key, status="rejected", reason=reason)
    store_entry(batch.conn, entry, batch.now.isoformat())
    return ItemResult(key=item.key, status="applied")


def _enrolment(batch: _Batch, item: TransactionItem) -> ItemResult:
    body = _parse(EnrolmentBody, item)
    if isinstance(body, ItemResult):
        return body
    reason = _refusal(
        batch.auth, item.key, body.enrolment_id, body.outlet_id, body.terminal_id
    ) or enrolment_refusal(batch.conn, body)
    if reason:
        return ItemResult(key=item.key, status="rejected", reason=reason)
    conflicts = enrol(batch.conn, body, batch.now.isoformat())
    return _result(batch, item.key, body.member_id, conflicts, 0)


_APPLY = {
    "sale": _sale,
    "return": _return,
    "return_without_receipt": _return_without_receipt,
    "audit": _audit,
    "enrolment": _enrolment,
}


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
    batch: _Batch,
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
        **batch.balance(member_id),
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


def _apply_sale_to_member(batch: _Batch, sale: SaleBody, key: str, overdraft: int) -> None:
    """Points earned and spent, one more purchase and visit, stamps added.

    Points spent beyond the active balance (possible after offline sales on several tills) are
    recorded as an overdraft in the ledger; the balance does not go below zero.
    """
    conn = batch.conn
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
        (max(balance, 0), json.dumps(stamps, sort_keys=True), batch.seq, sale.member_id),
    )
    sold_on = datetime.fromisoformat(sale.created_at).date()
    add_spend(conn, sale.member_id or "", sold_on, sale.total)
    day = sold_on.isoformat()
    conn.execute(
        "INSERT INTO member_visits VALUES (?, ?, 1, ?) ON CONFLICT (outlet_id, member_id)"
        " DO UPDATE SET visits = visits + 1, last_visit = MAX(last_visit, excluded.last_visit)",
        (batch.auth.outlet_id, sale.member_id, sale.created_at),
    )
    entries = [
        ("earn", sale.points_earned),
        ("burn", -sale.points_redeemed),
        ("overdraft", overdraft),
    ]
    _ledger(conn, sale.member_id or "", key, entries, day)


def _apply_return_to_member(batch: _Batch, back: ReturnBody, sale: dict[str, Any], key: str) -> int:
    """Earned points taken back (from the sale's own lot), spent points given back, stamps
    undone. Returns the points taken back that the member had already spent (the overdraft)."""
    conn = batch.conn
    row = conn.execute(
        "SELECT points, stamps FROM members WHERE member_id = ?", (back.member_id,)
    ).fetchone()
    balance = int(row["points"]) - back.points_reversed + back.points_refunded
    stamps = json.loads(row["stamps"])
    for card, undone in back.stamps_undone.items():
        stamps[card] = max(stamps.get(card, 0) - undone, 0)
    conn.execute(
        "UPDATE members SET points = ?, stamps = ?, seq = ? WHERE member_id = ?",
        (max(balance, 0), json.dumps(stamps, sort_keys=True), batch.seq, back.member_id),
    )
    sale_day = datetime.fromisoformat(sale["created_at"]).date()
    sold_on = sale_day.isoformat()
    returned_on = datetime.fromisoformat(back.created_at).date().isoformat()
    member_id = back.member_id or ""
    add_spend(conn, member_id, sale_day, -back.refund)
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
