"""A return through the real window: find the receipt, pick quantities, see the refund, confirm."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from pos_client.core.identity import receipt_code
from pos_client.core.money import format_money
from pos_client.core.sale import Sale
from pos_client.demo import DEMO_TERMINAL, DemoEnvironment
from pos_client.store.journal import SaleForReturn
from pos_client.ui.app import RunningTill
from pos_client.ui.dialogs import SaleDialog
from pos_client.ui.main_window import MainWindow
from pos_client.ui.pay_dialog import PayDialog
from pos_client.ui.receipt_search import ReceiptNumberDialog
from pos_client.ui.return_dialog import ReturnDialog
from tests.conftest import CAPPUCCINO, CROISSANT, GOLD_CARD
from tests.gui.conftest import close_receipt, pay_by_card, press, scan, type_by_hand
from tests.other_till import OTHER_TERMINAL, OtherTill, open_other_till


def sell(qtbot: QtBot, till: RunningTill) -> None:
    for code in (GOLD_CARD, CAPPUCCINO, CAPPUCCINO, CAPPUCCINO, CROISSANT):
        scan(qtbot, code)
    pay_by_card(qtbot, till.window)
    close_receipt(qtbot, till.window)


def return_dialog(qtbot: QtBot, window: MainWindow) -> ReturnDialog:
    """The return dialog, once the hub has answered (or could not) about the receipt."""
    qtbot.waitUntil(lambda: isinstance(window.dialog, ReturnDialog), timeout=10_000)
    assert isinstance(window.dialog, ReturnDialog)
    return window.dialog


def return_by_number(qtbot: QtBot, window: MainWindow, number: int) -> ReturnDialog:
    """F5, the receipt number typed, Enter."""
    press(qtbot, Qt.Key.Key_F5)
    ask = window.dialog
    assert isinstance(ask, ReceiptNumberDialog)
    qtbot.keyClicks(ask.number, str(number))
    qtbot.keyClick(ask.number, Qt.Key.Key_Return)
    return return_dialog(qtbot, window)


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

    dialog = return_by_number(qtbot, window, sale.number)
    assert dialog.summary.text() == "Укажите количество в строках, которые возвращают"

    type_by_hand(qtbot, till, dialog.quantities[0], "2")  # two of the three coffees
    plan = window.checkout.returns.preview_return(SaleForReturn(sale, {}), {0: 2})
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
    again = return_dialog(qtbot, window)
    assert again.quantities[0].maximum() == 1
    assert again.quantities[1].maximum() == 1


def test_a_sale_paid_in_cash_and_by_card_is_refunded_to_both(
    till: RunningTill, demo: DemoEnvironment, qtbot: QtBot
) -> None:
    window = till.window
    for code in (CAPPUCCINO, CROISSANT):
        scan(qtbot, code)
    total = window.checkout.priced.total
    press(qtbot, Qt.Key.Key_F12)
    pay = window.dialog
    assert isinstance(pay, PayDialog)
    qtbot.waitUntil(pay.received.hasFocus)
    qtbot.keyClick(pay.received, Qt.Key.Key_F4)  # cash and card
    qtbot.waitUntil(lambda: pay.received.hasFocus() and pay.received.text() == "")
    assert pay.received_label.text() == "Наличными (без сдачи, остаток — картой):"
    type_by_hand(qtbot, till, pay.received, "100")
    assert pay.change.text() == f"Картой: {format_money(total - 10000)}"
    with qtbot.waitSignal(pay.finished):
        qtbot.keyClick(pay.received, Qt.Key.Key_Return)
    sale = window.last_sale
    assert sale is not None
    assert [(t.kind, t.amount) for t in sale.tenders] == [("cash", 10000), ("card", total - 10000)]
    receipt = window.dialog
    assert isinstance(receipt, SaleDialog) and not receipt.change.isVisible()
    text = receipt.text.toPlainText()
    assert "Наличные                          100,00 ₽" in text and "Карта  " in text, text
    close_receipt(qtbot, window)

    dialog = return_by_number(qtbot, window, sale.number)
    type_by_hand(qtbot, till, dialog.quantities[0], "1")
    dialog.quantities[1].setValue(1)
    assert dialog.summary.text().splitlines()[0] == (
        f"Вернуть покупателю {format_money(total)} — 100,00\u00a0₽ наличными"
        f" и {format_money(total - 10000)} на банковскую карту"
    )
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.quantities[0], Qt.Key.Key_Return)
    assert window.message.text().endswith(
        f"— 100,00\u00a0₽ наличными и {format_money(total - 10000)} на банковскую карту"
    )
    qtbot.waitUntil(lambda: len(hub_return(demo)) == 1, timeout=10_000)


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
    close_receipt(qtbot, window)

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
    dialog = return_dialog(qtbot, window)
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


@pytest.fixture
def other(demo: DemoEnvironment, tmp_path: Path) -> Iterator[OtherTill]:
    till = open_other_till(demo.hub.store, demo.hub.url, tmp_path)  # type: ignore[attr-defined]
    yield till
    till.close()


def sold_at(other: OtherTill) -> Sale:
    """Three coffees and a croissant for the gold member at the other till, synced."""
    other.checkout.identify_card(GOLD_CARD)
    for code in (CAPPUCCINO, CAPPUCCINO, CAPPUCCINO, CROISSANT):
        other.checkout.scan(code)
    sale = other.checkout.pay("card", 0)
    assert other.engine.sync_once().applied == 1
    return sale


def hub_returned(demo: DemoEnvironment, sale: Sale) -> list[tuple[int, int]]:
    rows = demo.hub.store.query(  # type: ignore[attr-defined]
        "SELECT position, quantity FROM returned_quantities WHERE sale_key = ? ORDER BY 1",
        (sale.sale_id,),
    )
    return [(row["position"], row["quantity"]) for row in rows]


def test_a_receipt_of_another_till_comes_from_the_hub_and_its_return_syncs(
    till: RunningTill, demo: DemoEnvironment, other: OtherTill, qtbot: QtBot
) -> None:
    window = till.window
    sale = sold_at(other)
    scan(qtbot, receipt_code(OTHER_TERMINAL, sale.number))
    dialog = return_dialog(qtbot, window)
    heading = dialog.findChild(QLabel, "returnHeading")
    assert heading.text().startswith(f"Чек № {sale.number} кассы {OTHER_TERMINAL} от ")
    assert [spin.maximum() for spin in dialog.quantities] == [3, 1]

    type_by_hand(qtbot, till, dialog.quantities[0], "2")
    plan = window.checkout.returns.preview_return(SaleForReturn(sale, {}), {0: 2})
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.quantities[0], Qt.Key.Key_Return)
    assert window.message.text() == (
        f"Возврат по чеку № {sale.number} кассы {OTHER_TERMINAL} оформлен:"
        f" вернуть {format_money(plan.refund)} на банковскую карту"
    )
    qtbot.waitUntil(lambda: hub_returned(demo, sale) == [(0, 2)], timeout=10_000)
    rows = demo.hub.store.query(  # type: ignore[attr-defined]
        "SELECT terminal_id FROM transactions WHERE kind = 'return'"
    )
    assert [row["terminal_id"] for row in rows] == [DEMO_TERMINAL]


def test_online_this_till_knows_what_another_till_took_back_of_its_sale(
    till: RunningTill, demo: DemoEnvironment, other: OtherTill, qtbot: QtBot
) -> None:
    window = till.window
    sell(qtbot, till)
    sale = window.last_sale
    assert sale is not None
    qtbot.waitUntil(
        lambda: other.client.receipt(sale.terminal_id, sale.number) is not None, timeout=10_000
    )
    on_hub = other.client.receipt(sale.terminal_id, sale.number)
    assert on_hub is not None
    other.checkout.returns.return_lines(other.checkout.returns.sale_from_hub(on_hub), {0: 2})
    assert other.engine.sync_once().applied == 1

    dialog = return_by_number(qtbot, window, sale.number)
    assert [spin.maximum() for spin in dialog.quantities] == [1, 1]  # not 3 coffees again


def test_offline_this_tills_receipts_open_from_the_journal_and_others_are_explained(
    till: RunningTill, qtbot: QtBot
) -> None:
    window = till.window
    sell(qtbot, till)
    sale = window.last_sale
    assert sale is not None
    window.work_offline.setChecked(True)
    qtbot.waitUntil(lambda: window.status.status.online is False)

    scan(qtbot, receipt_code(sale.terminal_id, sale.number))
    assert isinstance(window.dialog, ReturnDialog)  # at once, from this till's journal
    window.dialog.reject()
    qtbot.waitUntil(lambda: window.dialog is None)

    scan(qtbot, receipt_code(OTHER_TERMINAL, 5))
    qtbot.waitUntil(lambda: "сервер не отвечает" in window.message.text(), timeout=10_000)
    assert window.message.text() == (
        f"Чек № 5 пробит на кассе {OTHER_TERMINAL}, а сервер не отвечает:"
        " оформите возврат, когда касса снова будет в сети"
    )
    assert window.dialog is None


def test_a_receipt_the_hub_does_not_have_is_explained(till: RunningTill, qtbot: QtBot) -> None:
    scan(qtbot, receipt_code(OTHER_TERMINAL, 404))
    window = till.window
    expected = f"На сервере нет чека № 404 кассы {OTHER_TERMINAL}"
    qtbot.waitUntil(lambda: window.message.text() == expected, timeout=10_000)
    assert window.dialog is None
