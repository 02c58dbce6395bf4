"""Ins puts the receipt aside for the next customer, and takes it up again on an empty till."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos_client.ui.app import RunningTill
from pos_client.ui.parking import ParkedDialog
from tests.conftest import CAPPUCCINO, CROISSANT, GOLD_CARD, MILK, WATER
from tests.gui.conftest import close_receipt, pay_by_card, press, scan


def barcodes(till: RunningTill) -> list[str]:
    return [line.product.barcode for line in till.window.checkout.receipt.lines]


def test_a_receipt_put_aside_comes_back_after_the_next_customer_paid(
    till: RunningTill, qtbot: QtBot
) -> None:
    window = till.window
    for code in (CAPPUCCINO, MILK, GOLD_CARD):
        scan(qtbot, code)
    total = window.totals_panel.total.text()
    press(qtbot, Qt.Key.Key_Insert)
    assert barcodes(till) == [] and window.member_panel.name.text() == "Покупатель не определён"
    assert window.message.text() == "Чек отложен под № 1. Ins на пустой кассе — вернуть его"

    scan(qtbot, WATER)  # the next customer
    press(qtbot, Qt.Key.Key_Insert)  # a second receipt put aside
    scan(qtbot, CROISSANT)
    pay_by_card(qtbot, window)
    close_receipt(qtbot, window)

    press(qtbot, Qt.Key.Key_Insert)
    dialog = window.dialog
    assert isinstance(dialog, ParkedDialog)
    assert [dialog.table.item(row, 3).text() for row in range(2)] == [total, "59,90\u00a0₽"]
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # the first, chosen already
    assert barcodes(till) == [CAPPUCCINO, MILK]
    assert window.member_panel.name.text() == "Дмитрий Соколов"
    assert window.totals_panel.total.text() == total
    assert window.message.text() == "Отложенный чек № 1 снова на кассе"


def test_ins_with_nothing_put_aside_says_so(till: RunningTill, qtbot: QtBot) -> None:
    press(qtbot, Qt.Key.Key_Insert)
    assert till.window.dialog is None
    assert till.window.message.text() == "Отложенных чеков нет"
