"""A return through the real window: find the receipt, pick quantities, see the refund, confirm."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from pos_client.core.identity import receipt_code
from pos_client.core.money import format_money
from pos_client.demo import DemoEnvironment
from pos_client.ui.app import RunningTill
from pos_client.ui.dialogs import SaleDialog
from pos_client.ui.receipt_search import ReceiptNumberDialog
from pos_client.ui.return_dialog import ReturnDialog
from tests.conftest import CAPPUCCINO, CROISSANT, GOLD_CARD
from tests.gui.conftest import pay_by_card, press, scan


def sell(qtbot: QtBot, till: RunningTill) -> None:
    for code in (GOLD_CARD, CAPPUCCINO, CAPPUCCINO, CAPPUCCINO, CROISSANT):
        scan(qtbot, code)
    pay_by_card(qtbot, till.window)
    receipt = till.window.dialog
    assert isinstance(receipt, SaleDialog)
    with qtbot.waitSignal(receipt.finished):
        qtbot.keyClick(receipt, Qt.Key.Key_Return)


def hub_return(demo: DemoEnvironment) -> list[str]:
    rows = demo.hub.store.query("SELECT key FROM transactions WHERE kind = 'return'")  # type: ignore[attr-defined]
    return [row["key"] for row in rows]


def test_a_partial_return_by_receipt_number_reverses_points_and_syncs(
    till: RunningTill, demo: DemoEnvironment, qtbot: QtBot
) -> None:
    window = till.window
    sell(qtbot, till)
    sale = window.last_sale
    assert sale is not None and sale.points_earned > 0

    press(qtbot, Qt.Key.Key_F5)
    ask = window.dialog
    assert isinstance(ask, ReceiptNumberDialog)
    qtbot.keyClicks(ask.number, str(sale.number))
    qtbot.keyClick(ask.number, Qt.Key.Key_Return)
    dialog = window.dialog
    assert isinstance(dialog, ReturnDialog)
    assert dialog.summary.text() == "Укажите количество в строках, которые возвращают"

    qtbot.keyClicks(dialog.quantities[0], "2")  # two of the three coffees, typed
    plan = window.checkout.preview_return(window.checkout.find_receipt(str(sale.number)), {0: 2})
    assert plan.points_reversed > 0
    assert dialog.summary.text().splitlines() == [
        f"Вернуть покупателю {format_money(plan.refund)} на банковскую карту",
        f"Начисленные за покупку баллы списываются: {plan.points_reversed}",
    ]
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.quantities[0], Qt.Key.Key_Return)
    assert window.message.text() == (
        f"Возврат по чеку № {sale.number} оформлен: вернуть {format_money(plan.refund)}"
        " на банковскую карту"
    )
    qtbot.waitUntil(lambda: len(hub_return(demo)) == 1, timeout=10_000)

    # the last coffee can still come back, the two returned ones cannot again
    scan(qtbot, receipt_code(sale.terminal_id, sale.number))
    again = window.dialog
    assert isinstance(again, ReturnDialog)
    assert again.quantities[0].maximum() == 1
    assert again.quantities[1].maximum() == 1


def test_no_return_while_a_receipt_is_open(till: RunningTill, qtbot: QtBot) -> None:
    scan(qtbot, CAPPUCCINO)
    press(qtbot, Qt.Key.Key_F5)
    assert till.window.dialog is None
    assert till.window.message.text() == "Сначала завершите или отмените текущий чек (F8)"


def test_an_unknown_receipt_number_is_explained(till: RunningTill, qtbot: QtBot) -> None:
    press(qtbot, Qt.Key.Key_F5)
    ask = till.window.dialog
    assert isinstance(ask, ReceiptNumberDialog)
    qtbot.keyClicks(ask.number, "77")
    qtbot.keyClick(ask.number, Qt.Key.Key_Return)
    assert till.window.message.text() == "Чека № 77 нет в журнале этой кассы"


def test_a_receipt_is_picked_from_the_days_list_with_the_keyboard(
    till: RunningTill, qtbot: QtBot
) -> None:
    window = till.window
    sell(qtbot, till)
    scan(qtbot, CROISSANT)
    pay_by_card(qtbot, window)
    receipt = window.dialog
    assert isinstance(receipt, SaleDialog)
    with qtbot.waitSignal(receipt.finished):
        qtbot.keyClick(receipt, Qt.Key.Key_Return)

    press(qtbot, Qt.Key.Key_F5)
    ask = window.dialog
    assert isinstance(ask, ReceiptNumberDialog)
    listed = [ask.table.item(row, 0).text() for row in range(ask.table.rowCount())]
    assert listed == ["2", "1"]  # today's receipts, the newest first
    assert ask.table.item(0, 2).text() == format_money(window.last_sale.total)  # type: ignore[union-attr]
    assert ask.empty.isHidden()
    qtbot.keyClick(ask.number, Qt.Key.Key_Down)  # down to the list, onto receipt 2
    qtbot.keyClick(ask.table, Qt.Key.Key_Down)  # and on to receipt 1
    assert ask.number.text() == "1"
    with qtbot.waitSignal(ask.finished):
        qtbot.keyClick(ask.table, Qt.Key.Key_Return)
    dialog = window.dialog
    assert isinstance(dialog, ReturnDialog)
    assert dialog.windowTitle() == "Возврат по чеку № 1"


def test_a_day_without_receipts_says_so(till: RunningTill, qtbot: QtBot) -> None:
    window = till.window
    press(qtbot, Qt.Key.Key_F5)
    ask = window.dialog
    assert isinstance(ask, ReceiptNumberDialog)
    ask.day.setDate(ask.day.date().addDays(-1))
    assert ask.table.rowCount() == 0
    day = ask.day.date().toString("dd.MM.yyyy")
    assert ask.empty.text() == f"На этой кассе нет чеков за {day}"
    ask.day.setDate(ask.day.date().addDays(5))  # the future is not a day to pick
    assert ask.day.date() == QDate.currentDate()
