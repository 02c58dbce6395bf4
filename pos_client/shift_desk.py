"""A cashier's shift, Qt-free: open with a float, cash put in or taken out, and a close that
counts the drawer against what it should hold. Each step is journaled with its audit entry."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from pos_client.checkout_errors import CheckoutError, store_call
from pos_client.core.money import Money
from pos_client.core.shift import Shift, ShiftSummary
from pos_client.core.staff import StaffMember
from pos_client.record_ids import new_record_id
from pos_client.store.audit_log import AuditLog
from pos_client.store.shifts import Shifts

MAX_CASH = 10_000_000_00  # ten million roubles: more is a typing slip
MAX_REASON = 100


@dataclass(frozen=True, slots=True)
class ClosedShift:
    shift: Shift
    summary: ShiftSummary
    counted: Money
    closed_at: datetime
    closed_by: StaffMember


class ShiftDesk:
    def __init__(
        self,
        shifts: Shifts,
        audit: AuditLog,
        clock: Callable[[], datetime],
        new_id: Callable[[], str] = new_record_id,
    ) -> None:
        self._shifts = shifts
        self._audit = audit
        self._clock = clock
        self._new_id = new_id

    def current(self) -> Shift | None:
        return store_call(self._shifts.current)

    def open(self, staff: StaffMember, opening_float: Money) -> Shift:
        _check_amount(opening_float)
        if self.current() is not None:
            raise CheckoutError("shift_already_open")
        shift_id, now = self._new_id(), self._clock()
        numbers: list[int] = []

        def insert(db: sqlite3.Connection) -> None:
            numbers.append(Shifts.insert_open(db, shift_id, now, staff.staff_id, opening_float))

        store_call(
            lambda: self._audit.record(
                now, staff.staff_id, "shift_opened", {"float": opening_float}, also=insert
            )
        )
        return Shift(shift_id, numbers[0], now, staff.staff_id, opening_float)

    def move_cash(self, staff: StaffMember, amount: Money, reason: str) -> None:
        """Cash put into the drawer (amount > 0) or taken out (< 0), with the reason given."""
        shift = self._open_shift()
        if amount == 0:
            raise CheckoutError("cash_move_zero")
        _check_amount(abs(amount))
        reason = _reason(reason, "cash_move_reason")
        if amount < 0:
            expected = self.summary().expected_cash
            if -amount > expected:
                raise CheckoutError("cash_out_exceeds", amount=expected)
        move_id, now = self._new_id(), self._clock()

        def insert(db: sqlite3.Connection) -> None:
            Shifts.insert_cash_move(
                db,
                move_id=move_id,
                shift_id=shift.shift_id,
                at=now,
                staff_id=staff.staff_id,
                amount=amount,
                reason=reason,
            )

        event = "cash_in" if amount > 0 else "cash_out"
        store_call(
            lambda: self._audit.record(
                now, staff.staff_id, event, {"amount": abs(amount), "reason": reason}, also=insert
            )
        )

    def no_sale_subject(self, reason: str) -> str:
        """What a manager approves to open the drawer with nothing sold: this shift, for this
        reason. Refused with no open shift or no reason."""
        shift = self._open_shift()
        return f"{shift.shift_id}: {_reason(reason, 'no_sale_reason')}"

    def record_no_sale(self, staff: StaffMember, approved_by: str, reason: str) -> None:
        """The drawer opened with nothing sold: journaled with its audit entry, counted in the
        shift's report."""
        shift = self._open_shift()
        reason = _reason(reason, "no_sale_reason")
        no_sale_id, now = self._new_id(), self._clock()

        def insert(db: sqlite3.Connection) -> None:
            Shifts.insert_no_sale(
                db,
                no_sale_id=no_sale_id,
                shift_id=shift.shift_id,
                at=now,
                staff_id=staff.staff_id,
                approved_by=approved_by,
                reason=reason,
            )

        details = {"reason": reason, "approved_by": approved_by}
        store_call(lambda: self._audit.record(now, staff.staff_id, "no_sale", details, also=insert))

    def summary(self) -> ShiftSummary:
        shift = self._open_shift()
        return store_call(lambda: self._shifts.summary(shift))

    def close(
        self, staff: StaffMember, counted: Money, *, unsynced_confirmed: bool = False
    ) -> ClosedShift:
        """Close with the cash counted. While sales wait to sync the close is refused
        (shift_unsynced) unless the cashier was told and confirmed."""
        _check_amount(counted)
        shift = self._open_shift()
        summary = self.summary()
        if summary.waiting_to_sync and not unsynced_confirmed:
            raise CheckoutError("shift_unsynced", waiting=summary.waiting_to_sync)
        now = self._clock()

        def close(db: sqlite3.Connection) -> None:
            Shifts.mark_closed(
                db,
                shift_id=shift.shift_id,
                at=now,
                staff_id=staff.staff_id,
                counted=counted,
                summary=summary,
            )

        details = {
            "number": shift.number,
            "expected": summary.expected_cash,
            "counted": counted,
            "difference": summary.difference(counted),
            "no_sales": summary.no_sales,
            "waiting_to_sync": summary.waiting_to_sync,
        }
        store_call(
            lambda: self._audit.record(now, staff.staff_id, "shift_closed", details, also=close)
        )
        return ClosedShift(shift, summary, counted, now, staff)

    def _open_shift(self) -> Shift:
        shift = self.current()
        if shift is None:
            raise CheckoutError("no_open_shift")
        return shift


def one_line_reason(text: str) -> str:
    """A reason as journaled: one line of at most MAX_REASON characters."""
    return " ".join(text.split())[:MAX_REASON]


def _reason(text: str, refusal: str) -> str:
    """The reason as journaled; refused when empty."""
    reason = one_line_reason(text)
    if not reason:
        raise CheckoutError(refusal)
    return reason


def _check_amount(amount: Money) -> None:
    if not 0 <= amount <= MAX_CASH:
        raise CheckoutError("bad_cash_amount")
