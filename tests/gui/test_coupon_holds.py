"""The hub holds a single-use coupon while it is on an open receipt at this till."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos_client.demo import DemoEnvironment
from pos_client.ui.app import RunningTill
from pos_client.ui.dialogs import SaleDialog
from tests.conftest import GOLD_CARD
from tests.gui.conftest import pay_by_card, press, scan

COUPON = "WELCOME-200"  # 200 ₽ off a receipt of 1,000 ₽ or more, for members
COFFEE_BEANS = "4607012340078"  # 549 ₽ (15% off as coffee: three make the 1,000 ₽)
MEMBER = "M-00004"  # the gold card's member


def coupon_discounts(till: RunningTill) -> bool:
    priced = till.window.checkout.priced
    return any(
        adj.rule_id == "welcome-coupon-redeem" for line in priced.lines for adj in line.adjustments
    )


def holds(demo: DemoEnvironment) -> list[tuple[str, str]]:
    rows = demo.hub.store.query("SELECT code, member_id, terminal_id FROM coupon_reservations")  # type: ignore[attr-defined]
    return [(row["code"], row["terminal_id"]) for row in rows if row["member_id"] == MEMBER]


def hub_run(demo: DemoEnvironment, sql: str, params: tuple[object, ...]) -> None:
    with demo.hub.store.transaction() as conn:  # type: ignore[attr-defined]
        conn.execute(sql, params)


def test_a_coupon_is_held_while_on_the_receipt_and_given_back_on_cancel(
    till: RunningTill, demo: DemoEnvironment, qtbot: QtBot
) -> None:
    terminal = demo.config.terminal_id
    scan(qtbot, COUPON)
    assert holds(demo) == []  # no member yet: nothing to hold
    scan(qtbot, GOLD_CARD)
    qtbot.waitUntil(lambda: holds(demo) == [(COUPON, terminal)])
    press(qtbot, Qt.Key.Key_F8)  # cancel the receipt
    qtbot.waitUntil(lambda: holds(demo) == [])


def test_a_paid_receipt_keeps_its_hold_until_the_sale_uses_the_coupon(
    till: RunningTill, demo: DemoEnvironment, qtbot: QtBot
) -> None:
    window = till.window
    for code in (GOLD_CARD, COFFEE_BEANS, COFFEE_BEANS, COFFEE_BEANS, COUPON):
        scan(qtbot, code)
    qtbot.waitUntil(lambda: holds(demo) == [(COUPON, demo.config.terminal_id)])
    assert coupon_discounts(till)
    pay_by_card(qtbot, window)
    assert isinstance(window.dialog, SaleDialog)
    used = "SELECT transaction_key FROM coupon_uses WHERE code = ? AND member_id = ?"
    qtbot.waitUntil(
        lambda: demo.hub.store.query(used, (COUPON, MEMBER)) != [],  # type: ignore[attr-defined]
        timeout=10_000,
    )
    assert holds(demo) == []


def test_a_coupon_used_elsewhere_comes_off_the_receipt_with_the_reason(
    till: RunningTill, demo: DemoEnvironment, qtbot: QtBot
) -> None:
    window = till.window
    hub_run(demo, "INSERT INTO coupon_uses VALUES (?, ?, 'web-order-1')", (COUPON, MEMBER))
    for code in (COFFEE_BEANS, COFFEE_BEANS, COFFEE_BEANS, GOLD_CARD, COUPON):
        scan(qtbot, code)
    assert coupon_discounts(till)  # until the hub answers
    qtbot.waitUntil(lambda: window.checkout.coupons == frozenset())
    assert window.message.text() == (
        f"Купон {COUPON} уже использован в другом магазине или канале — снят с чека"
    )
    assert not coupon_discounts(till)


def test_a_coupon_on_another_tills_open_receipt_is_refused(
    till: RunningTill, demo: DemoEnvironment, qtbot: QtBot
) -> None:
    window = till.window
    until = (datetime.now(UTC) + timedelta(minutes=10)).isoformat()
    hub_run(
        demo,
        "INSERT INTO coupon_reservations VALUES (?, ?, 'spb-nevsky-T9999', ?)",
        (COUPON, MEMBER, until),
    )
    scan(qtbot, GOLD_CARD)
    scan(qtbot, COUPON)
    qtbot.waitUntil(lambda: window.checkout.coupons == frozenset())
    assert window.message.text() == f"Купон {COUPON} сейчас в чеке на другой кассе — снят с чека"
    assert holds(demo) == [(COUPON, "spb-nevsky-T9999")]  # the other till's hold stays
