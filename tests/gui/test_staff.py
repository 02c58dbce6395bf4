"""Login and lockout, a manager's approval used once, and the shift's close, on the window."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos_client.core.identity import receipt_code
from pos_client.demo import DemoEnvironment
from pos_client.ui.app import RunningTill
from pos_client.ui.approval_dialog import ApprovalDialog
from pos_client.ui.dialogs import SaleDialog
from pos_client.ui.receipt_search import ReceiptNumberDialog
from pos_client.ui.shift_dialogs import CashDialog, CloseShiftDialog, TextDialog
from tests.conftest import CAPPUCCINO, CROISSANT
from tests.gui.conftest import CASHIER, MANAGER, log_in, pay_by_card, press, scan


def hub_events(demo: DemoEnvironment) -> list[str]:
    rows = demo.hub.store.query("SELECT event FROM audit_entries ORDER BY seq")  # type: ignore[attr-defined]
    return [row["event"] for row in rows]


def type_pin(qtbot: QtBot, till: RunningTill, pin: str) -> None:
    page = till.window.staff_flow.page  # type: ignore[union-attr]
    qtbot.keyClicks(page.pin, pin)
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)


def test_five_wrong_pins_lock_the_cashier_out(
    till: RunningTill, demo: DemoEnvironment, qtbot: QtBot
) -> None:
    window = till.window
    flow = window.staff_flow
    assert flow is not None
    press(qtbot, Qt.Key.Key_F12)  # nothing happens on the login page... after logging out:
    window.show()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.showing(flow.page)
    assert window.status.cashier.text() == "Никто не вошёл"
    flow.page.choose(CASHIER[0])
    for left in (4, 3, 2, 1):
        type_pin(qtbot, till, "0000")
        assert flow.page.message.text() == f"Неверный PIN. Осталось попыток: {left}"
    type_pin(qtbot, till, "0000")
    assert "заблокирован на 15 мин" in flow.page.message.text()
    type_pin(qtbot, till, CASHIER[1])
    assert "вход заблокирован до" in flow.page.message.text()
    press(qtbot, Qt.Key.Key_F12)
    assert window.showing(flow.page) and window.dialog is None  # the till's keys are off
    log_in(qtbot, window, MANAGER)
    assert window.status.cashier.text().startswith("Мария Иванова · смена 1")
    qtbot.waitUntil(lambda: "login_while_locked" in hub_events(demo), timeout=10_000)
    assert hub_events(demo).count("login_failed") == 5


def test_a_manager_approves_one_void_and_the_approval_is_spent(
    till: RunningTill, demo: DemoEnvironment, qtbot: QtBot
) -> None:
    window = till.window
    scan(qtbot, CAPPUCCINO)
    scan(qtbot, CROISSANT)
    pay_by_card(qtbot, window)
    assert isinstance(window.dialog, SaleDialog)
    assert "Кассир" in window.dialog.text.toPlainText()
    assert "Анна Смирнова" in window.dialog.text.toPlainText()
    window.dialog.accept()
    sale = window.last_sale
    assert sale is not None and sale.cashier_id == "S0001"

    qtbot.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)
    number = window.dialog
    assert isinstance(number, ReceiptNumberDialog) and number.number.text() == "1"
    qtbot.keyClick(number.number, Qt.Key.Key_Return)
    approval = window.dialog
    assert isinstance(approval, ApprovalDialog)
    assert approval.who.count() == 1 and approval.who.currentData() == MANAGER[0]
    qtbot.keyClicks(approval.pin, "1111")
    qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
    assert approval.error.text() == "Неверный PIN. Осталось попыток: 4"
    qtbot.keyClicks(approval.pin, MANAGER[1])
    with qtbot.waitSignal(approval.finished):
        qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
    assert window.message.text().startswith("Чек №1 сторнирован: вернуть 241,60")

    qtbot.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.dialog, ReceiptNumberDialog)
    qtbot.keyClick(window.dialog.number, Qt.Key.Key_Return)
    assert window.message.text() == "По чеку №1 уже всё возвращено"
    qtbot.waitUntil(lambda: "override_used" in hub_events(demo), timeout=10_000)
    returns = demo.hub.store.query("SELECT body FROM transactions WHERE kind = 'return'")  # type: ignore[attr-defined]
    assert len(returns) == 1 and '"approved_by":"S0003"' in returns[0]["body"]

    qtbot.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.dialog, ReceiptNumberDialog)
    window.dialog.number.setText(receipt_code("spb-nevsky-T02", 7))
    qtbot.keyClick(window.dialog.number, Qt.Key.Key_Return)
    assert window.message.text() == (
        "Чек № 7 пробит на кассе spb-nevsky-T02: аннулировать его можно только там;"
        " здесь оформите возврат (F5)"
    )


def test_closing_the_shift_counts_the_cash_and_warns_of_unsent_sales(
    till: RunningTill, qtbot: QtBot
) -> None:
    window = till.window
    window.work_offline.setChecked(True)
    scan(qtbot, CAPPUCCINO)
    pay_by_card(qtbot, window)
    window.dialog.accept()  # type: ignore[union-attr]
    scan(qtbot, CROISSANT)
    press(qtbot, Qt.Key.Key_Insert)  # a receipt put aside stays for the next shift
    qtbot.keyClick(
        window,
        Qt.Key.Key_X,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    close = window.dialog
    assert isinstance(close, CloseShiftDialog)
    assert close.parked.isVisible() and close.parked.text().startswith("Отложенных чеков: 1.")
    report = close.report.toPlainText().replace("\u00a0", " ")  # the view shows NBSP as space
    assert "Смена №1" in report and "Продажи: 1" in report
    assert "Наличные на начало              5 000,00 ₽" in report
    assert close.unsynced.isVisible()
    assert close.report.verticalScrollBar().maximum() == 0  # read whole, no scrolling
    assert close.difference.text() == "Должно быть в кассе: 5\u00a0000,00\u00a0₽"
    close.counted.setText("5 000")
    assert close.difference.text() == "Пересчёт сходится с ожидаемой суммой"
    close.counted.setText("5010,5")
    assert close.difference.text() == "Излишек: 10,50\u00a0₽"
    close.counted.setText("5 000 руб")
    assert close.difference.text() == "Должно быть в кассе: 5\u00a0000,00\u00a0₽"
    close.counted.setText("4990")
    assert close.difference.text() == "Недостача: 10,00\u00a0₽"
    qtbot.keyClick(close.counted, Qt.Key.Key_Return)
    assert close.error.text().startswith("Не отправлено на сервер: 1")
    close.unsynced.setChecked(True)
    with qtbot.waitSignal(close.finished):
        qtbot.keyClick(close.counted, Qt.Key.Key_Return)
    flow = window.staff_flow
    assert flow is not None and window.showing(flow.page)
    closed = window.dialog
    assert isinstance(closed, TextDialog)
    text = closed.text.toPlainText()
    assert "Пересчитано" in text and "Расхождение" in text and "−10,00" in text
    closed.accept()
    log_in(qtbot, window, CASHIER, opening="0")
    assert window.status.cashier.text() == "Анна Смирнова · смена 2"


def test_a_price_override_needs_a_reason_and_a_manager_and_reaches_the_hub_as_priced(
    till: RunningTill, demo: DemoEnvironment, qtbot: QtBot
) -> None:
    window = till.window
    scan(qtbot, CROISSANT)
    window.table.selectRow(0)
    control = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(window, Qt.Key.Key_F2, control)
    ask = window.dialog
    assert isinstance(ask, CashDialog) and ask.reason is not None
    ask.amount.setText("89")  # the price it has already, and no reason
    ask.reason.setText("")
    qtbot.keyClick(ask.amount, Qt.Key.Key_Return)
    assert ask.error.text() == "У строки уже эта цена"
    ask.amount.setText("70")
    qtbot.keyClick(ask.amount, Qt.Key.Key_Return)
    assert ask.error.text() == "Укажите причину изменения цены (до 120 символов)"
    assert window.dialog is ask  # nobody was asked for a PIN yet
    ask.reason.setText("мятая упаковка")
    with qtbot.waitSignal(ask.finished):
        qtbot.keyClick(ask.amount, Qt.Key.Key_Return)
    approval = window.dialog
    assert isinstance(approval, ApprovalDialog)
    assert "70,00" in approval.what.text() and "мятая упаковка" in approval.what.text()
    qtbot.keyClicks(approval.pin, MANAGER[1])
    with qtbot.waitSignal(approval.finished):
        qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
    assert (
        window.message.text()
        == "«Круассан сливочный» теперь стоит 70,00\u00a0₽, менеджер подтвердил"
    )
    assert window.model.index(0, 3).data() == "70,00"
    assert "цена изменена с 89,00\u00a0₽: мятая упаковка" in window.model.index(0, 1).data()
    assert window.checkout.priced.total == 6300  # the bakery's 10 % applies to the new price

    pay_by_card(qtbot, window)
    assert isinstance(window.dialog, SaleDialog)
    assert "цена изменена с 89,00 ₽: мятая упаковка" in window.dialog.text.toPlainText()
    window.dialog.accept()
    sale = window.last_sale
    assert sale is not None
    qtbot.waitUntil(lambda: "override_used" in hub_events(demo), timeout=10_000)
    qtbot.waitUntil(lambda: window.status.status.waiting == 0, timeout=10_000)
    applied = demo.hub.store.query(  # type: ignore[attr-defined]
        "SELECT result FROM transactions WHERE key = ?", [sale.sale_id]
    )
    assert [json.loads(row["result"])["status"] for row in applied] == ["applied"]
    demo.hub.reprice_waiting()  # type: ignore[attr-defined]
    mismatches = demo.hub.store.query("SELECT * FROM pricing_mismatches")  # type: ignore[attr-defined]
    assert list(mismatches) == []  # the hub priced the overridden line as the till did
