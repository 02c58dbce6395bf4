from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from loyalty_hub.seed import demo_seed
from pos_client.checkout_errors import CheckoutError
from pos_client.core.staff import OverrideAction, StaffMember
from pos_client.staff_desk import StaffDesk
from pos_client.store.audit_log import AuditLog
from pos_client.store.caches import Caches, StaffUpdate
from pos_client.store.staff import StaffRoster
from tests.conftest import TERMINAL

CASHIER, SENIOR, MANAGER = ("S0001", "1111"), ("S0002", "2222"), ("S0003", "9999")


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def audit(terminal_db: sqlite3.Connection) -> AuditLog:
    return AuditLog(terminal_db, TERMINAL)


@pytest.fixture
def desk(
    terminal_db: sqlite3.Connection, caches: Caches, audit: AuditLog, clock: Clock
) -> StaffDesk:
    staff = [StaffMember.from_dict(p) for p in demo_seed()["staff"] if p["outlet"] == "spb-nevsky"]
    caches.swap([StaffUpdate(staff)], clock())
    return StaffDesk(StaffRoster(terminal_db), audit, clock)


def events(audit: AuditLog) -> list[str]:
    return [entry.event for entry in audit.entries()]


def test_login_by_pin_or_badge_and_logout(desk: StaffDesk, audit: AuditLog) -> None:
    assert [p.staff_id for p in desk.staff()] == ["S0001", "S0003", "S0002"]  # by name
    assert desk.login(*CASHIER).name == "Анна Смирнова"
    assert desk.cashier() == ("S0001", "Анна Смирнова")
    desk.logout()
    assert desk.current is None and desk.cashier() is None
    assert desk.login_badge("ST-0003").staff_id == "S0003"
    with pytest.raises(CheckoutError) as refused:
        desk.login_badge("ST-9999")
    assert refused.value.code == "unknown_badge" and desk.current.staff_id == "S0003"  # type: ignore[union-attr]
    assert events(audit) == ["login", "logout", "login"]
    assert audit.first_break() is None


def test_five_wrong_pins_lock_that_cashier_even_with_the_right_pin(
    desk: StaffDesk, audit: AuditLog, clock: Clock
) -> None:
    for left in (4, 3, 2, 1):
        with pytest.raises(CheckoutError) as wrong:
            desk.login(CASHIER[0], "0000")
        assert wrong.value.code == "wrong_pin" and wrong.value.params["left"] == left
    with pytest.raises(CheckoutError) as locked:
        desk.login(CASHIER[0], "0000")
    assert locked.value.code == "staff_locked_now"
    for attempt in (lambda: desk.login(*CASHIER), lambda: desk.login_badge("ST-0001")):
        with pytest.raises(CheckoutError) as still:
            attempt()
        assert still.value.code == "staff_locked"
    assert desk.current is None
    assert desk.login(*MANAGER).staff_id == "S0003"  # the lock is that person's only
    clock.now += timedelta(minutes=15)
    assert desk.login(*CASHIER).staff_id == "S0001"
    with pytest.raises(CheckoutError) as fresh:
        desk.login(CASHIER[0], "0000")
    assert fresh.value.params["left"] == 4  # a good PIN started the count over
    assert events(audit).count("login_failed") == 6
    assert events(audit).count("login_while_locked") == 2
    assert audit.first_break() is None


def test_an_approval_works_once_and_only_for_its_action(desk: StaffDesk, audit: AuditLog) -> None:
    desk.login(*CASHIER)
    void = OverrideAction.VOID_AFTER_PAYMENT
    for who in (CASHIER, SENIOR):
        with pytest.raises(CheckoutError) as refused:
            desk.approve(void, "sale-1", *who)
        assert refused.value.code == "not_an_approver"
    with pytest.raises(CheckoutError) as wrong:
        desk.approve(void, "sale-1", MANAGER[0], "1234")
    assert wrong.value.code == "wrong_pin"
    approval = desk.approve(void, "sale-1", *MANAGER)
    assert approval.approver.staff_id == "S0003"
    with pytest.raises(CheckoutError) as other:
        desk.use(approval, void, "sale-2")
    assert other.value.code == "approval_other_action"
    with pytest.raises(CheckoutError) as other_action:
        desk.use(approval, OverrideAction.REDEEM_ABOVE_CAP, "sale-1")
    assert other_action.value.code == "approval_other_action"
    desk.use(approval, void, "sale-1")
    with pytest.raises(CheckoutError) as again:
        desk.use(approval, void, "sale-1")
    assert again.value.code == "approval_used"
    assert events(audit) == [
        "login",
        "override_refused",
        "override_refused",
        "login_failed",
        "pin_accepted",  # the count of wrong PINs starts over
        "override_approved",
        "override_used",
    ]
    used = audit.entries()[-1]
    assert used.staff_id == "S0003" and used.details["cashier"] == "S0001"


def test_logging_out_drops_approvals_not_yet_used(desk: StaffDesk) -> None:
    desk.login(*CASHIER)
    approval = desk.approve(OverrideAction.VOID_AFTER_PAYMENT, "sale-1", *MANAGER)
    desk.logout()
    desk.login(*CASHIER)
    with pytest.raises(CheckoutError) as gone:
        desk.use(approval, OverrideAction.VOID_AFTER_PAYMENT, "sale-1")
    assert gone.value.code == "approval_used"


def test_an_edited_audit_entry_breaks_the_chain(
    desk: StaffDesk, audit: AuditLog, terminal_db: sqlite3.Connection
) -> None:
    desk.login(*CASHIER)
    desk.logout()
    desk.login(*MANAGER)
    terminal_db.execute("UPDATE audit_log SET staff_id = 'S0002' WHERE seq = 2")
    assert audit.first_break() == 2
