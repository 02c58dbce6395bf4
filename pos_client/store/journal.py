"""The sales journal and its outbox: a sale, its points and its outbox row commit together."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from pos_client.core.enrolment import Enrolment
from pos_client.core.loyalty import Member
from pos_client.core.returns import ReturnWithoutReceipt, SaleReturn
from pos_client.core.sale import Sale
from pos_client.store.caches import write_member
from pos_client.store.db import classify, immediate_transaction, utc_text
from pos_client.store.parked import ParkedReceipts

# Sales and returns count for the shift open when they commit (none: NULL).
OPEN_SHIFT = "(SELECT shift_id FROM shifts WHERE closed_at IS NULL)"


@dataclass(frozen=True, slots=True)
class OutboxItem:
    key: str
    kind: str
    body: str
    attempts: int


# Read through the outbox_order index: a long queue is not sorted again for every batch.
OLDEST_UNSENT = "SELECT key, kind, body, attempts FROM outbox ORDER BY created_at, key LIMIT ?"


@dataclass(frozen=True, slots=True)
class DeliveryResult:
    """The hub's answer for one outbox item."""

    key: str
    status: str  # applied | duplicate | rejected | conflict
    reason: str | None = None
    first_status: str | None = None  # of a duplicate: applied | conflict
    overdraft: int | None = None
    member_id: str | None = None
    member_points: int | None = None
    member_pending: int | None = None


@dataclass(frozen=True, slots=True)
class QueueState:
    waiting: int
    oldest_created_at: str | None
    dead_letters: int
    conflicts: int = 0


@dataclass(frozen=True, slots=True)
class Problem:
    """A journaled record the hub refused (dead letter) or settled differently (conflict)."""

    key: str
    kind: str  # sale | return
    list: str  # dead_letter | conflict
    reason: str
    at: str
    body: str
    overdraft: int | None = None


@dataclass(frozen=True, slots=True)
class SaleForReturn:
    """A sale and what earlier returns took back of each line (by position).

    Another till's sale comes from the hub: `returned_on_hub` is what the hub had counted
    back when asked, and `returned` adds this till's returns of it the hub has not yet had.
    """

    sale: Sale
    returned: Mapping[int, int]
    returned_on_hub: Mapping[int, int] | None = None


@dataclass(frozen=True, slots=True)
class ReceiptSummary:
    """One line of the receipts list a return starts from."""

    number: int
    created_at: datetime
    total: int
    member_id: str | None
    refunded: int  # what returns have paid back on it so far


class Journal:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self.parked = ParkedReceipts(db)

    def keep_open_receipt(self, text: str | None, now: datetime) -> None:
        """The receipt being built (see pos_client.open_receipt), or None once there is none."""
        with immediate_transaction(self._db) as db:
            if text is None:
                db.execute("DELETE FROM open_receipt")
            else:
                db.execute(
                    "INSERT OR REPLACE INTO open_receipt (id, body, updated_at) VALUES (1, ?, ?)",
                    (text, utc_text(now)),
                )

    def open_receipt(self) -> str | None:
        try:
            row = self._db.execute("SELECT body FROM open_receipt").fetchone()
        except sqlite3.Error as exc:
            raise classify(exc) from exc
        return str(row[0]) if row else None

    def record_sale(self, build: Callable[[int], Sale]) -> Sale:
        """Journal a sale durably: `build` gets the next receipt number inside the transaction.

        The sale, its lines, tenders, earned points and outbox row are one BEGIN IMMEDIATE
        transaction; a failure leaves none of them.
        """
        with immediate_transaction(self._db) as conn:
            conn.execute("DELETE FROM open_receipt")  # paid: it must never come back
            number = conn.execute("SELECT COALESCE(MAX(number), 0) + 1 FROM sales").fetchone()[0]
            sale = build(number)
            body = json.dumps(sale.to_dict(), ensure_ascii=False, sort_keys=True)
            created = utc_text(sale.created_at)  # comparable as text: the day lists rely on it
            conn.execute(
                "INSERT INTO sales (sale_id, number, created_at, member_id, total,"
                " points_earned, body, coupons_used, shift_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                f" {OPEN_SHIFT})",
                (
                    sale.sale_id,
                    sale.number,
                    created,
                    sale.member_id,
                    sale.total,
                    sale.points_earned,
                    body,
                    json.dumps(sorted(sale.coupons_used)),
                ),
            )
            conn.executemany(
                "INSERT INTO sale_lines (sale_id, position, sku, quantity, unit_price, discount,"
                " total) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        sale.sale_id,
                        position,
                        line.sku,
                        line.quantity,
                        line.unit_price,
                        line.discount,
                        line.total,
                    )
                    for position, line in enumerate(sale.lines)
                ],
            )
            conn.executemany(
                "INSERT INTO tenders (sale_id, position, kind, amount, received)"
                " VALUES (?, ?, ?, ?, ?)",
                [
                    (sale.sale_id, position, tender.kind, tender.amount, tender.received)
                    for position, tender in enumerate(sale.tenders)
                ],
            )
            if sale.member_id:
                conn.executemany(
                    "INSERT INTO points_ledger (sale_id, member_id, kind, points)"
                    " VALUES (?, ?, ?, ?)",
                    [
                        (sale.sale_id, sale.member_id, kind, points)
                        for kind, points in (
                            ("earn", sale.points_earned),
                            ("burn", -sale.points_redeemed),
                        )
                        if points
                    ],
                )
            conn.execute(
                "INSERT INTO outbox (key, kind, body, created_at) VALUES (?, 'sale', ?, ?)",
                (sale.sale_id, body, created),
            )
        return sale

    def record_return(
        self,
        found: SaleForReturn,
        wanted: Mapping[int, int],
        build: Callable[[Sale, Mapping[int, int]], SaleReturn],
    ) -> SaleReturn:
        """Journal a return with its outbox row.

        `build` gets the sale and what earlier returns took back of each line (by position),
        counted inside the transaction (see `_returned_before`), so two returns of one sale at
        this till can never both take the last unit. A sale not fetched from the hub must be
        in this journal: LookupError otherwise. ReturnError (from `build`) when the return
        asks for more than is left.
        """
        sale = found.sale
        with immediate_transaction(self._db) as db:
            if found.returned_on_hub is None:
                row = db.execute("SELECT body FROM sales WHERE sale_id = ?", [sale.sale_id])
                body = row.fetchone()
                if body is None:
                    raise LookupError(f"no sale {sale.sale_id} in this terminal's journal")
                sale = Sale.from_dict(json.loads(body[0]))
            back = build(sale, _returned_before(db, sale.sale_id, found.returned_on_hub))
            _insert_return(db, back)
        return back

    def record_return_without_receipt(self, back: ReturnWithoutReceipt) -> None:
        """Journal goods taken back with no receipt, with its outbox row; it counts in the
        shift's refunds like any return."""
        body = json.dumps(back.to_dict(), ensure_ascii=False, sort_keys=True)
        created = back.created_at.isoformat()
        with immediate_transaction(self._db) as db:
            db.execute(
                "INSERT INTO returns (return_id, sale_id, created_at, member_id, refund, body,"
                f" shift_id) VALUES (?, NULL, ?, NULL, ?, ?, {OPEN_SHIFT})",
                [back.return_id, created, back.refund, body],
            )
            db.execute(
                "INSERT INTO outbox (key, kind, body, created_at)"
                " VALUES (?, 'return_without_receipt', ?, ?)",
                [back.return_id, body, created],
            )

    def with_returns_here(self, on_hub: SaleForReturn) -> SaleForReturn:
        """A sale as the hub gave it, with `returned` counting this till's returns of it too
        (see `_returned_before`)."""
        try:
            returned = _returned_before(self._db, on_hub.sale.sale_id, on_hub.returned_on_hub)
        except sqlite3.Error as exc:
            raise classify(exc) from exc
        return replace(on_hub, returned=returned)

    def sale_for_return(self, number: int) -> SaleForReturn | None:
        """The sale with this receipt number on this terminal, or None."""
        try:
            row = self._db.execute(
                "SELECT sale_id, body FROM sales WHERE number = ?", [number]
            ).fetchone()
            if row is None:
                return None
            return SaleForReturn(Sale.from_dict(json.loads(row[1])), _returned(self._db, row[0]))
        except sqlite3.Error as exc:
            raise classify(exc) from exc

    def receipts_between(self, start: datetime, end: datetime) -> list[ReceiptSummary]:
        """This terminal's sales from `start` up to `end` (aware times), newest first, with
        what has been refunded on each."""
        try:
            rows = self._db.execute(
                "SELECT s.number, s.created_at, s.total, s.member_id,"
                " COALESCE((SELECT SUM(r.refund) FROM returns r WHERE r.sale_id = s.sale_id), 0)"
                " FROM sales s WHERE s.created_at >= ? AND s.created_at < ?"
                " ORDER BY s.number DESC",
                [utc_text(start), utc_text(end)],
            ).fetchall()
        except sqlite3.Error as exc:
            raise classify(exc) from exc
        return [
            ReceiptSummary(number, datetime.fromisoformat(created), total, member_id, refunded)
            for number, created, total, member_id, refunded in rows
        ]

    def record_enrolment(self, enrolment: Enrolment, member: Member) -> None:
        """Journal a new member: the consent record, the outbox row for the hub and the member
        in the cache (so the customer is known here at once, online or not), all or none."""
        body = json.dumps(enrolment.to_dict(), ensure_ascii=False, sort_keys=True)
        given = enrolment.consent.given_at.isoformat()
        with immediate_transaction(self._db) as db:
            db.execute(
                "INSERT INTO enrolments (enrolment_id, member_id, created_at, terms_version,"
                " marketing, card, cashier_id, shift_id)"
                f" VALUES (?, ?, ?, ?, ?, ?, ?, {OPEN_SHIFT})",
                [
                    enrolment.enrolment_id,
                    enrolment.member_id,
                    given,
                    enrolment.consent.terms_version,
                    enrolment.consent.marketing,
                    enrolment.card,
                    enrolment.cashier_id,
                ],
            )
            db.execute(
                "INSERT INTO outbox (key, kind, body, created_at) VALUES (?, 'enrolment', ?, ?)",
                [enrolment.enrolment_id, body, given],
            )
            write_member(db, member)

    def last_sale(self) -> Sale | None:
        """The newest sale of this terminal (for reprinting its receipt), or None."""
        try:
            row = self._db.execute("SELECT body FROM sales ORDER BY number DESC LIMIT 1").fetchone()
        except sqlite3.Error as exc:
            raise classify(exc) from exc
        return None if row is None else Sale.from_dict(json.loads(row[0]))

    def sale_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM sales").fetchone()[0])

    def outbox_batch(self, limit: int) -> list[OutboxItem]:
        rows = self._db.execute(OLDEST_UNSENT, [limit]).fetchall()
        return [OutboxItem(*row) for row in rows]

    def apply_results(
        self, results: Iterable[DeliveryResult], attempted: Sequence[str], now: datetime
    ) -> None:
        """Settle a pushed batch in one transaction.

        A row leaves the outbox only on its own result: applied/duplicate delete it (and
        refresh the member's cached points), a conflict moves it to the conflicts (it is on the
        hub, settled differently), rejected moves it to the dead letters. Attempted rows
        without a result stay and count the attempt.
        """
        answered = {result.key: result for result in results}
        settled = [answered[key] for key in attempted if key in answered]
        kept = [key for key in attempted if key not in answered]
        rejected = [r for r in settled if r.status == "rejected"]
        taken = [r for r in settled if r.status != "rejected"]
        stamp = now.isoformat()
        with immediate_transaction(self._db) as db:
            db.executemany(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE key = ?",
                [("no result for this item", key) for key in kept],
            )
            db.executemany(
                "INSERT OR REPLACE INTO dead_letters (key, kind, body, reason, failed_at)"
                " SELECT key, kind, body, ?, ? FROM outbox WHERE key = ?",
                [(r.reason or r.status, stamp, r.key) for r in rejected],
            )
            db.executemany(
                "INSERT OR REPLACE INTO conflicts (key, kind, body, reason, overdraft, reported_at)"
                " SELECT key, kind, body, ?, ?, ? FROM outbox WHERE key = ?",
                [
                    (r.reason or "conflict", r.overdraft, stamp, r.key)
                    for r in taken
                    if "conflict" in (r.status, r.first_status)
                ],
            )
            db.executemany(  # in the hub's order: the last answer is the newest balance
                "UPDATE members SET points = ?,"
                " pending_points = COALESCE(?, pending_points) WHERE member_id = ?",
                [
                    (r.member_points, r.member_pending, r.member_id)
                    for r in taken
                    if r.member_points is not None
                ],
            )
            db.executemany("DELETE FROM outbox WHERE key = ?", [(r.key,) for r in settled])

    def resend(self, keys: Sequence[str]) -> int:
        """Put dead letters back in the outbox, in their original order, for the next sync:
        the hub stores nothing it rejects, so a record refused for a cause since put right (a
        member the hub did not know yet) applies once. Returns how many went back."""
        with immediate_transaction(self._db) as db:
            chosen = json.dumps(list(keys))
            moved = db.execute(
                "INSERT INTO outbox (key, kind, body, created_at, last_error)"
                " SELECT key, kind, body, COALESCE(json_extract(body, '$.created_at'), failed_at),"
                " 'rejected before: ' || reason FROM dead_letters"
                " WHERE key IN (SELECT value FROM json_each(?)) ON CONFLICT (key) DO NOTHING",
                [chosen],
            ).rowcount
            db.execute(
                "DELETE FROM dead_letters WHERE key IN (SELECT value FROM json_each(?))", [chosen]
            )
        return moved

    def note_failed_attempt(self, keys: Iterable[str], error: str) -> None:
        with immediate_transaction(self._db) as db:
            for key in keys:
                db.execute(
                    "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE key = ?",
                    [error, key],
                )

    def queue_state(self) -> QueueState:
        try:
            waiting, oldest = self._db.execute(
                "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE kind != 'audit'"
            ).fetchone()
            dead = self._db.execute("SELECT COUNT(*) FROM dead_letters").fetchone()[0]
            conflicts = self._db.execute("SELECT COUNT(*) FROM conflicts").fetchone()[0]
        except sqlite3.Error as exc:
            raise classify(exc) from exc
        return QueueState(
            waiting=waiting, oldest_created_at=oldest, dead_letters=dead, conflicts=conflicts
        )

    def problems(self) -> list[Problem]:
        """Dead letters and conflicts, newest first, for store staff to see and export."""
        try:
            rows = self._db.execute(
                "SELECT key, kind, 'dead_letter', reason, failed_at, body, NULL FROM dead_letters"
                " UNION ALL SELECT key, kind, 'conflict', reason, reported_at, body, overdraft"
                " FROM conflicts ORDER BY 5 DESC, 1"
            ).fetchall()
        except sqlite3.Error as exc:
            raise classify(exc) from exc
        return [Problem(*row) for row in rows]

    def unsynced_redemptions(self, member_id: str | None) -> tuple[int, bool]:
        """(points spent in sales the hub has not confirmed, whether this member spent some)."""
        total, by_member = self._db.execute(
            "SELECT COALESCE(-SUM(p.points), 0), COALESCE(-SUM(p.points)"
            " FILTER (WHERE p.member_id = ?), 0) FROM points_ledger p"
            " JOIN outbox o ON o.key = p.sale_id WHERE p.kind = 'burn'",
            [member_id],
        ).fetchone()
        return int(total), int(by_member) > 0

    def coupon_used_here(self, code: str, member_id: str) -> bool:
        """Whether a sale journaled on this terminal already used the member's coupon."""
        row = self._db.execute(
            "SELECT 1 FROM sales s, json_each(s.coupons_used) c"
            " WHERE s.member_id = ? AND c.value = ? LIMIT 1",
            [member_id, code],
        ).fetchone()
        return row is not None

    def unsynced_points(self, member_id: str) -> tuple[int, int]:
        """(earned, spent): the member's points in sales the hub has not confirmed yet."""
        row = self._db.execute(
            "SELECT COALESCE(SUM(MAX(p.points, 0)), 0), COALESCE(SUM(MIN(p.points, 0)), 0)"
            " FROM points_ledger p JOIN outbox o ON o.key = p.sale_id WHERE p.member_id = ?",
            [member_id],
        ).fetchone()
        return int(row[0]), -int(row[1])


def _returned(db: sqlite3.Connection, sale_id: str) -> dict[int, int]:
    return dict(
        db.execute(
            "SELECT position, SUM(quantity) FROM returned_lines WHERE sale_id = ?"
            " GROUP BY position",
            [sale_id],
        ).fetchall()
    )


def _returned_before(
    db: sqlite3.Connection, sale_id: str, on_hub: Mapping[int, int] | None
) -> dict[int, int]:
    """What earlier returns took back of each line of a sale.

    Without the hub's count: this till's returns of it. With it: what the hub counted (the
    returns of every till it has had) plus this till's returns still in the outbox, and never
    less than this till's own count (a return the hub refused still took the goods back here).
    """
    here = _returned(db, sale_id)
    if on_hub is None:
        return here
    unsynced = dict(
        db.execute(
            "SELECT l.position, SUM(l.quantity) FROM returned_lines l"
            " JOIN outbox o ON o.key = l.return_id WHERE l.sale_id = ? GROUP BY l.position",
            [sale_id],
        ).fetchall()
    )
    return {
        position: max(here.get(position, 0), on_hub.get(position, 0) + unsynced.get(position, 0))
        for position in {*here, *on_hub, *unsynced}
    }


def _insert_return(db: sqlite3.Connection, back: SaleReturn) -> None:
    """The return, its lines and its outbox row, in the caller's transaction."""
    body = json.dumps(back.to_dict(), ensure_ascii=False, sort_keys=True)
    created = back.created_at.isoformat()
    sale_id = back.sale.sale_id
    db.execute(
        "INSERT INTO returns (return_id, sale_id, created_at, member_id, refund, body, shift_id)"
        f" VALUES (?, ?, ?, ?, ?, ?, {OPEN_SHIFT})",
        [back.return_id, sale_id, created, back.sale.member_id, back.plan.refund, body],
    )
    db.executemany(
        "INSERT INTO returned_lines (return_id, sale_id, position, quantity) VALUES (?, ?, ?, ?)",
        [(back.return_id, sale_id, line.position, line.quantity) for line in back.plan.lines],
    )
    db.execute(
        "INSERT INTO outbox (key, kind, body, created_at) VALUES (?, 'return', ?, ?)",
        [back.return_id, body, created],
    )
