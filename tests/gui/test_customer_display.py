"""The customer's screen follows the cashier window: lines, discounts, total, member, thanks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos_client.demo import DemoEnvironment
from pos_client.ui.app import RunningTill
from pos_client.ui.customer_display import CustomerDisplay
from pos_client.ui.dialogs import SaleDialog
from pos_client.ui.pay_dialog import PayDialog
from tests.conftest import CAPPUCCINO, CROISSANT, GOLD_CARD
from tests.gui.conftest import open_till, press, scan


@pytest.fixture
def till_with_display(
    demo: DemoEnvironment, qapp: QApplication, qtbot: QtBot
) -> Iterator[tuple[RunningTill, CustomerDisplay]]:
    running = open_till(replace(demo.config, customer_display="window"), qapp, qtbot)
    (display,) = running.extra_windows
    assert isinstance(display, CustomerDisplay)
    display.show()
    yield running, display
    running.close()


def test_the_customer_sees_each_scan_the_member_and_the_thanks_with_the_change(
    till_with_display: tuple[RunningTill, CustomerDisplay], qtbot: QtBot
) -> None:
    till, display = till_with_display
    window = till.window
    assert display.member.text().startswith("Покажите QR‑код")  # nobody identified yet
    assert display.total.text() == "К оплате: 0,00\u00a0₽"

    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # handed back at once
    for code in (CAPPUCCINO, CROISSANT):
        scan(qtbot, code)
    shown = display.lines.model()
    assert shown.rowCount() == window.model.rowCount() == 4  # two lines, a discount under each
    assert shown.index(0, 1).data() == "Капучино 300 мл"
    assert display.total.text() == f"К оплате: {window.totals_panel.total.text()}"
    assert display.discount.text() == "Ваша скидка: 37,40\u00a0₽"  # 28,50 + 8,90

    scan(qtbot, GOLD_CARD)
    assert display.member.text() == "Дмитрий С. · баллов на счёте: 548"  # no surname shown
    assert display.member.property("kind") == "member"
    assert display.points.text().startswith("Будет начислено баллов: +")

    press(qtbot, Qt.Key.Key_F12)
    pay = window.dialog
    assert isinstance(pay, PayDialog)
    qtbot.keyClicks(pay.received, "500")
    with qtbot.waitSignal(pay.finished):
        qtbot.keyClick(pay.received, Qt.Key.Key_Return)
    assert isinstance(window.dialog, SaleDialog)
    assert display.pages.currentWidget() is display.thanks
    assert "Спасибо за покупку!" in display.thanks.text()
    assert "Ваша сдача:" in display.thanks.text()
    assert display.member.text().startswith("Покажите QR‑код")  # the next customer's prompt

    with qtbot.waitSignal(window.dialog.finished):
        qtbot.keyClick(window.dialog, Qt.Key.Key_Return)
    scan(qtbot, CROISSANT)
    assert display.pages.currentWidget() is display.lines


def test_the_customer_screen_changes_language_with_the_till(
    till_with_display: tuple[RunningTill, CustomerDisplay],
) -> None:
    till, display = till_with_display
    till.window.set_language("en")
    assert display.member.text() == "Show your app code or card to earn points"
    assert display.total.text() == "To pay: 0,00\u00a0₽"
