"""Who works the till, Qt-free: login by PIN or staff badge with a lockout after wrong PINs,
and manager approvals that each authorise one action once. Every login, failed PIN and
override is written to the hash-chained audit log, which syncs to the hub with the sales."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from pos_client.checkout_errors import CheckoutError, store_call
from pos_client.core.audit import Details
from pos_client.core.staff import (
    LockoutPolicy,
    LoginState,
    OverrideAction,
    StaffMember,
    verify_pin,
)
from pos_client.record_ids import new_record_id
from pos_client.store.audit_log import AuditLog
from pos_client.store.staff import StaffRoster


@dataclass(frozen=True, slots=True)
class Approval:
    """A manager's yes to one action on one subject (a sale id, an amount of points)."""

    approval_id: str
    action: OverrideAction
    subject: str
    approver: StaffMember


class StaffDesk:
    def __init__(
        self,
        roster: StaffRoster,
        audit: AuditLog,
        clock: Callable[[], datetime],
        policy: LockoutPolicy | None = None,
        new_id: Callable[[], str] = new_record_id,
    ) -> None:
        self._roster = roster
        self._audit = audit
        self._clock = clock
        self._policy = policy or LockoutPolicy()
        self._new_id = new_id
        self.current: StaffMember | None = None
        self._open: dict[str, Approval] = {}

    def staff(self) -> list[StaffMember]:
        return store_call(self._roster.everyone)

    def approvers(self, action: OverrideAction) -> list[StaffMember]:
        return [person for person in self.staff() if person.may_approve(action)]

    def cashier(self) -> tuple[str, str] | None:
        """(staff id, name) of who is logged in, for the sales they take."""
        return (self.current.staff_id, self.current.name) if self.current else None

    def login(self, staff_id: str, pin: str) -> StaffMember:
        """Log in with a PIN. wrong_pin says how many tries are left; the last one locks."""
        person = self._person(staff_id)
        self._check_pin(person, pin, "login")
        return self._logged_in(person, "pin")

    def login_badge(self, badge: str) -> StaffMember:
        person = store_call(lambda: self._roster.by_badge(badge.strip()))
        if person is None:
            raise CheckoutError("unknown_badge")
        self._refuse_if_locked(
            person, store_call(lambda: self._roster.login_state(person.staff_id))
        )
        return self._logged_in(person, "badge")

    def logout(self) -> None:
        if self.current is None:
            return
        person, self.current = self.current, None
        self._open.clear()
        self._record(person.staff_id, "logout", {})

    def approve(self, action: OverrideAction, subject: str, staff_id: str, pin: str) -> Approval:
        """A manager's PIN for one action. Someone whose role may not approve it is refused."""
        person = self._person(staff_id)
        self._check_pin(person, pin, f"override:{action.value}")
        details: Details = {
            "action": action.value,
            "subject": subject,
            "cashier": self._cashier_id(),
        }
        if not person.may_approve(action):
            self._record(person.staff_id, "override_refused", details)
            raise CheckoutError("not_an_approver", name=person.name)
        approval = Approval(self._new_id(), action, subject, person)
        self._record(person.staff_id, "override_approved", {**details, "id": approval.approval_id})
        self._open[approval.approval_id] = approval
        return approval

    def use(self, approval: Approval, action: OverrideAction, subject: str) -> None:
        """Spend an approval on the action it was given for; a second use is refused."""
        if approval.approval_id not in self._open:
            raise CheckoutError("approval_used")
        if approval.action is not action or approval.subject != subject:
            raise CheckoutError("approval_other_action")
        del self._open[approval.approval_id]
        self._record(
            approval.approver.staff_id,
            "override_used",
            {"action": action.value, "subject": subject, "cashier": self._cashier_id()},
        )

    # -- helpers -------------------------------------------------------------------------

    def _person(self, staff_id: str) -> StaffMember:
        person = store_call(lambda: self._roster.by_id(staff_id))
        if person is None:
            raise CheckoutError("unknown_staff")
        return person

    def _check_pin(self, person: StaffMember, pin: str, purpose: str) -> None:
        state = store_call(lambda: self._roster.login_state(person.staff_id))
        self._refuse_if_locked(person, state)
        if verify_pin(pin, person.pin_hash):
            if state.failures:
                self._save_state(person, LoginState(), "pin_accepted", {"purpose": purpose})
            return
        now = self._clock()
        after = state.after_failure(now, self._policy)
        locked = after.locked_at(now)
        details: Details = {"purpose": purpose, "failures": after.failures, "locked": locked}
        self._save_state(person, after, "login_failed", details)
        if locked:
            minutes = int(self._policy.lock_for.total_seconds() // 60)
            raise CheckoutError("staff_locked_now", name=person.name, minutes=minutes)
        raise CheckoutError("wrong_pin", left=after.tries_left(self._policy))

    def _refuse_if_locked(self, person: StaffMember, state: LoginState) -> None:
        now = self._clock()
        if state.locked_at(now) and state.locked_until is not None:
            self._record(person.staff_id, "login_while_locked", {})
            until = state.locked_until.astimezone().strftime("%H:%M")
            raise CheckoutError("staff_locked", name=person.name, until=until)

    def _logged_in(self, person: StaffMember, method: str) -> StaffMember:
        if self.current is not None and self.current.staff_id != person.staff_id:
            self.logout()
        self.current = person
        self._record(person.staff_id, "login", {"method": method, "role": person.role.value})
        return person

    def _cashier_id(self) -> str | None:
        return self.current.staff_id if self.current else None

    def _save_state(
        self, person: StaffMember, state: LoginState, event: str, details: Details
    ) -> None:
        def save(db: sqlite3.Connection) -> None:
            StaffRoster.save_login_state(db, person.staff_id, state)

        self._record(person.staff_id, event, details, also=save)

    def _record(
        self,
        staff_id: str,
        event: str,
        details: Details,
        also: Callable[[sqlite3.Connection], None] | None = None,
    ) -> None:
        now = self._clock()
        store_call(lambda: self._audit.record(now, staff_id, event, details, also=also))
