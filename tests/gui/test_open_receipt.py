"""A receipt half scanned when the till stops (a crash, a power cut) is there when it starts."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos_client.demo import DemoEnvironment
from pos_client.ui.app import RunningTill
from tests.conftest import CAPPUCCINO, GOLD_CARD, MILK
from tests.gui.conftest import open_till, pay_by_card, scan


def test_the_receipt_left_open_is_back_after_a_restart_and_gone_once_paid(
    till: RunningTill, demo: DemoEnvironment, qapp: QApplication, qtbot: QtBot
) -> None:
    for code in (CAPPUCCINO, MILK, GOLD_CARD):
        scan(qtbot, code)
    total = till.window.totals_panel.total.text()
    till.close()  # the journal is as a crash would leave it: each change was committed

    again = open_till(demo.config, qapp, qtbot)
    try:
        window = again.window
        assert [line.product.barcode for line in window.checkout.receipt.lines] == [
            CAPPUCCINO,
            MILK,
        ]
        assert window.member_panel.name.text() == "Дмитрий Соколов"
        assert window.totals_panel.total.text() == total
        assert window.message.text() == "Восстановлен чек, открытый до остановки кассы (строк: 2)"
        pay_by_card(qtbot, window)
    finally:
        again.close()

    third = open_till(demo.config, qapp, qtbot)
    try:
        assert third.window.checkout.receipt.is_empty  # paid: it never comes back
        assert third.window.checkout.member is None
    finally:
        third.close()
