from __future__ import annotations

import sqlite3

import pytest

from pos_client.checkout import Checkout
from pos_client.checkout_errors import CheckoutError
from pos_client.core.shift import ShiftSummary
from pos_client.core.staff import Role, StaffMember
from pos_client.shift_desk import ShiftDesk
from pos_client.store.audit_log import AuditLog
from pos_client.store.caches import Caches
from pos_client.store.journal import Journal, SaleForReturn
from pos_client.store.shifts import Shifts
from tests.conftest import CAPPUCCINO, CROISSANT, GOLD_CARD, TERMINAL, fixed_clock
from tests.unit.test_checkout import make_checkout

ANNA = StaffMember("S0001", "Анна Смирнова", Role.CASHIER, "scrypt$-")


@pytest.fixture
def shifts(terminal_db: sqlite3.Connection) -> ShiftDesk:
    ids = iter(f"shift-{n}" for n in range(1, 100))
    return ShiftDesk(
        Shifts(terminal_db), AuditLog(terminal_db, TERMINAL), fixed_clock, lambda: next(ids)
    )


@pytest.fixture
def staffed(journal: Journal, caches: Caches, shifts: ShiftDesk) -> Checkout:
    return make_checkout(journal, caches, shift_open=lambda: shifts.current() is not None)


def test_no_sale_return_or_drawer_opening_without_an_open_shift(
    staffed: Checkout, shifts: ShiftDesk
) -> None:
    staffed.scan(CAPPUCCINO)
    with pytest.raises(CheckoutError) as refused:
        staffed.pay("card", 0)
    assert refused.value.code == "no_open_shift" and len(staffed.receipt.lines) == 1
    for open_drawer in (
        lambda: shifts.no_sale_subject("размен"),
        lambda: shifts.record_no_sale(ANNA, "S0003", "размен"),
    ):
        with pytest.raises(CheckoutError, match="no_open_shift"):
            open_drawer()
    shifts.open(ANNA, 500000)
    assert staffed.pay("card", 0).number == 1


def test_a_split_sale_and_its_return_count_in_each_tender(
    staffed: Checkout, shifts: ShiftDesk
) -> None:
    shifts.open(ANNA, 0)
    staffed.scan(CAPPUCCINO)
    staffed.scan(CROISSANT)
    sale = staffed.pay_split(10000)
    back = staffed.returns.return_lines(SaleForReturn(sale, {}), {0: 1, 1: 1})
    summary = shifts.summary()
    assert summary.sales_by_tender == {"cash": 10000, "card": sale.total - 10000}
    assert summary.refunds_by_tender == {"cash": 10000, "card": sale.total - 10000}
    assert summary.refunds_total == back.plan.refund == sale.total
    assert summary.expected_cash == 0


def test_the_close_counts_the_drawer_against_the_shift_figures(
    staffed: Checkout, shifts: ShiftDesk, terminal_db: sqlite3.Connection
) -> None:
    shift = shifts.open(ANNA, 500000)
    assert shift.number == 1
    with pytest.raises(CheckoutError, match="shift_already_open"):
        shifts.open(ANNA, 0)
    staffed.identify_card(GOLD_CARD)
    staffed.scan(CAPPUCCINO)
    staffed.scan(CROISSANT)
    cash_sale = staffed.pay("cash", 100000)
    staffed.scan(CAPPUCCINO)
    card_sale = staffed.pay("card", 0)
    back = staffed.returns.return_lines(
        SaleForReturn(cash_sale, {}), {1: 1}
    )  # the croissant, by cash
    shifts.move_cash(ANNA, 20000, "размен")
    shifts.move_cash(ANNA, -300000, "инкассация")
    with pytest.raises(CheckoutError) as too_much:
        shifts.move_cash(ANNA, -10_000_000, "всё")
    assert too_much.value.code == "cash_out_exceeds"
    for amount, reason, code in ((0, "x", "cash_move_zero"), (100, "  ", "cash_move_reason")):
        with pytest.raises(CheckoutError) as bad:
            shifts.move_cash(ANNA, amount, reason)
        assert bad.value.code == code
    assert (
        shifts.no_sale_subject("  размен\n для покупателя ")
        == f"{shift.shift_id}: размен для покупателя"
    )
    with pytest.raises(CheckoutError, match="no_sale_reason"):
        shifts.no_sale_subject(" \t ")
    with pytest.raises(CheckoutError, match="no_sale_reason"):
        shifts.record_no_sale(ANNA, "S0003", "")
    shifts.record_no_sale(ANNA, "S0003", "размен для покупателя")

    summary = shifts.summary()
    assert summary == ShiftSummary(
        opening_float=500000,
        sales=2,
        sales_total=cash_sale.total + card_sale.total,
        sales_by_tender={"cash": cash_sale.total, "card": card_sale.total},
        returns=1,
        refunds_total=back.plan.refund,
        refunds_by_tender={"cash": back.plan.refund},
        points_earned=cash_sale.points_earned + card_sale.points_earned,
        points_spent=0,
        points_reversed=back.plan.points_reversed,
        points_refunded=0,
        coupons_used=0,
        cash_in=20000,
        cash_out=300000,
        no_sales=1,
        waiting_to_sync=3,
    )
    assert summary.expected_cash == 500000 + cash_sale.total - back.plan.refund + 20000 - 300000

    with pytest.raises(CheckoutError) as unsynced:
        shifts.close(ANNA, summary.expected_cash)
    assert unsynced.value.code == "shift_unsynced" and unsynced.value.params["waiting"] == 3
    assert shifts.current() is not None
    closed = shifts.close(ANNA, summary.expected_cash - 1000, unsynced_confirmed=True)
    assert closed.summary.difference(closed.counted) == -1000
    assert shifts.current() is None
    audit = AuditLog(terminal_db, TERMINAL)
    assert [e.event for e in audit.entries()] == [
        "shift_opened",
        "cash_in",
        "cash_out",
        "no_sale",
        "shift_closed",
    ]
    assert audit.entries()[-2].details == {
        "reason": "размен для покупателя",
        "approved_by": "S0003",
    }
    assert audit.entries()[-1].details["difference"] == -1000
    assert audit.entries()[-1].details["no_sales"] == 1
    assert shifts.open(ANNA, 0).number == 2
    assert shifts.summary().sales == 0  # the new shift starts from nothing
