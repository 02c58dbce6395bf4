"""Receipts on paper: printed when paid, a copy with Ctrl+P, a printer out of paper named."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from escpos.constants import CD_KICK_2
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos_client.demo import DemoEnvironment
from pos_client.printing.target import PrinterTarget
from pos_client.ui.app import RunningTill
from pos_client.ui.approval_dialog import ApprovalDialog
from pos_client.ui.dialogs import EntryDialog, SaleDialog
from pos_client.ui.main_window import MainWindow
from pos_client.ui.shift_dialogs import CashDialog, TextDialog
from tests.conftest import CAPPUCCINO, GOLD_CARD
from tests.gui.conftest import (
    MANAGER,
    close_receipt,
    open_till,
    pay_by_card,
    pay_in_cash,
    press,
    scan,
    type_by_hand,
)
from tests.gui.test_returns import return_by_number
from tests.printer_emulator import ReceiptPrinterEmulator


def cp866(text: str) -> bytes:
    return text.encode("cp866")


@pytest.fixture
def printer() -> Iterator[ReceiptPrinterEmulator]:
    emulator = ReceiptPrinterEmulator()
    yield emulator
    emulator.close()


@pytest.fixture
def networked_till(
    demo: DemoEnvironment, qapp: QApplication, qtbot: QtBot, printer: ReceiptPrinterEmulator
) -> Iterator[RunningTill]:
    config = replace(demo.config, printer=PrinterTarget("network", "127.0.0.1", printer.port))
    running = open_till(config, qapp, qtbot)
    yield running
    running.close()


def paid_sale(qtbot: QtBot, till: RunningTill, *, in_cash: bool = False) -> SaleDialog:
    for code in (CAPPUCCINO, GOLD_CARD):
        scan(qtbot, code)
    (pay_in_cash if in_cash else pay_by_card)(qtbot, till.window)
    dialog = till.window.dialog
    assert isinstance(dialog, SaleDialog)
    return dialog


def test_a_paid_sale_prints_its_receipt_and_a_shift_report_prints_from_its_dialog(
    till: RunningTill, demo: DemoEnvironment, qtbot: QtBot
) -> None:
    dialog = paid_sale(qtbot, till)
    state = dialog.print_row.state
    qtbot.waitUntil(lambda: state.text() == "Чек № 1 напечатан", timeout=10_000)
    roll = Path(str(demo.config.printer.address))  # type: ignore[union-attr]
    printed = roll.read_bytes()
    for text in ("Чек № 1", "Анна Смирнова", "Штампы: Каждый 6-й кофе", "Баланс баллов"):
        assert cp866(text) in printed, text
    assert b"{BRT-" + demo.config.terminal_id.encode() + b"-1" in printed  # the return code
    assert "Терминал" in dialog.text.toPlainText()  # the preview is the same receipt
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: QApplication.activeWindow() is till.window)
    qtbot.keyClick(till.window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    report = till.window.dialog
    assert isinstance(report, TextDialog)
    report.print_row.button.click()
    qtbot.waitUntil(lambda: "напечатан" in report.print_row.state.text(), timeout=10_000)
    assert cp866("Смена") in roll.read_bytes()[len(printed) :]


def test_out_of_paper_is_named_the_sale_stays_and_ctrl_p_prints_a_copy_once_loaded(
    networked_till: RunningTill, printer: ReceiptPrinterEmulator, qtbot: QtBot
) -> None:
    window = networked_till.window
    printer.paper = False
    dialog = paid_sale(qtbot, networked_till)
    state = dialog.print_row.state
    qtbot.waitUntil(lambda: "нет бумаги" in state.text(), timeout=10_000)
    assert state.property("kind") == "error"
    assert "Продажа проведена" in state.text()
    assert printer.printed() == b""
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert "нет бумаги" in window.message.text()  # still said once the receipt is closed
    assert window.checkout.last_receipt() is not None  # the sale is journaled all the same

    printer.paper = True
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.message.text() == "Чек № 1 напечатан", timeout=10_000)
    assert cp866("КОПИЯ ЧЕКА") in printer.printed()
    assert cp866("Чек № 1") in printer.printed()


def test_without_a_printer_the_receipt_is_on_screen_and_ctrl_p_says_why_nothing_prints(
    demo: DemoEnvironment, qapp: QApplication, qtbot: QtBot
) -> None:
    running = open_till(replace(demo.config, printer=None), qapp, qtbot)
    try:
        dialog = paid_sale(qtbot, running)
        assert "Принтер чеков не настроен" in dialog.print_row.state.text()
        assert "Чек № 1" in dialog.text.toPlainText()
    finally:
        running.close()


@pytest.fixture
def drawer_till(
    demo: DemoEnvironment, qapp: QApplication, qtbot: QtBot, printer: ReceiptPrinterEmulator
) -> Iterator[RunningTill]:
    target = PrinterTarget("network", "127.0.0.1", printer.port)
    running = open_till(replace(demo.config, printer=target, cash_drawer=True), qapp, qtbot)
    yield running
    running.close()


def test_the_cash_drawer_opens_when_cash_moves_even_with_an_empty_roll_and_not_for_a_card(
    drawer_till: RunningTill, printer: ReceiptPrinterEmulator, qtbot: QtBot
) -> None:
    window = drawer_till.window

    def kicks() -> int:
        return printer.printed(connections=1).count(CD_KICK_2)

    qtbot.waitUntil(lambda: kicks() == 1, timeout=10_000)  # the opening float went in
    card = paid_sale(qtbot, drawer_till)
    qtbot.waitUntil(lambda: card.print_row.state.text() == "Чек № 1 напечатан", timeout=10_000)
    close_receipt(qtbot, window)
    assert kicks() == 1

    cash = paid_sale(qtbot, drawer_till, in_cash=True)
    qtbot.waitUntil(lambda: cash.print_row.state.text() == "Чек № 2 напечатан", timeout=10_000)
    printed = printer.printed()
    assert printed.count(CD_KICK_2) == 2 and cp866("Чек № 2") in printed.split(CD_KICK_2)[2]
    close_receipt(qtbot, window)

    printer.paper = False  # the change must be handed over all the same
    empty = paid_sale(qtbot, drawer_till, in_cash=True)
    qtbot.waitUntil(lambda: "нет бумаги" in empty.print_row.state.text(), timeout=10_000)
    qtbot.waitUntil(lambda: kicks() == 3, timeout=10_000)
    assert cp866("Чек № 3") not in printer.printed()
    close_receipt(qtbot, window)

    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    move_cash(qtbot, window, Qt.Key.Key_I, "500")  # put in
    qtbot.waitUntil(lambda: kicks() == 4, timeout=10_000)

    back = return_by_number(qtbot, window, 2)  # the cash sale's coffee comes back: cash out
    back.quantities[0].setValue(1)
    with qtbot.waitSignal(back.finished):
        qtbot.keyClick(back.quantities[0], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: kicks() == 5, timeout=10_000)

    printer.close()  # the printer and its drawer go dark
    move_cash(qtbot, window, Qt.Key.Key_O, "100")  # taken out
    qtbot.waitUntil(
        lambda: (
            window.message.text()
            == "Денежный ящик не открылся: принтер не отвечает. Откройте ящик ключом."
        ),
        timeout=10_000,
    )


def move_cash(qtbot: QtBot, window: MainWindow, key: Qt.Key, amount: str) -> None:
    """Ctrl+Shift+I (put in) or O (taken out), the amount, Enter."""
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, key, modifiers)
    dialog = window.dialog
    assert isinstance(dialog, CashDialog)
    dialog.amount.setText(amount)
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)


def test_a_manager_lets_the_drawer_open_with_no_sale_and_the_shift_report_counts_it(
    drawer_till: RunningTill, printer: ReceiptPrinterEmulator, demo: DemoEnvironment, qtbot: QtBot
) -> None:
    window = drawer_till.window

    def kicks() -> int:
        return printer.printed(connections=1).count(CD_KICK_2)

    def no_sale() -> EntryDialog | None:
        modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        qtbot.keyClick(window, Qt.Key.Key_D, modifiers)
        return window.dialog if isinstance(window.dialog, EntryDialog) else None

    qtbot.waitUntil(lambda: kicks() == 1, timeout=10_000)  # the opening float went in
    scan(qtbot, CAPPUCCINO)
    assert no_sale() is None
    assert window.message.text() == (
        "Сначала завершите или отмените чек: ящик откроется при оплате"
    )
    press(qtbot, Qt.Key.Key_F8)  # the receipt is cancelled
    qtbot.waitUntil(lambda: window.checkout.receipt.is_empty)

    reason = no_sale()
    assert reason is not None
    with qtbot.waitSignal(reason.finished):
        qtbot.keyClick(reason.number, Qt.Key.Key_Return)  # no reason given
    assert window.message.text() == "Укажите, зачем открыть ящик без продажи"
    assert window.dialog is None

    reason = no_sale()
    assert reason is not None
    type_by_hand(qtbot, drawer_till, reason.number, "  размен  для покупателя ")
    qtbot.keyClick(reason.number, Qt.Key.Key_Return)
    approval = window.dialog
    assert isinstance(approval, ApprovalDialog)
    assert "Открыть денежный ящик без продажи: размен для покупателя" in approval.what.text()
    qtbot.keyClicks(approval.pin, MANAGER[1])
    with qtbot.waitSignal(approval.finished):
        qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
    assert window.message.text() == "Ящик открывается без продажи, разрешил(а) Мария Иванова"
    qtbot.waitUntil(lambda: kicks() == 2, timeout=10_000)

    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    report = window.dialog
    assert isinstance(report, TextDialog)
    row = next(r for r in report.text.toPlainText().splitlines() if "без продажи" in r)
    assert row.split() == ["Ящик", "открыт", "без", "продажи", "1"]
    report.accept()

    def hub_no_sales() -> list[dict[str, str]]:
        rows = demo.hub.store.query(  # type: ignore[attr-defined]
            "SELECT details FROM audit_entries WHERE event = 'no_sale'"
        )
        return [json.loads(row["details"]) for row in rows]

    qtbot.waitUntil(lambda: len(hub_no_sales()) == 1, timeout=10_000)
    assert hub_no_sales() == [{"approved_by": MANAGER[0], "reason": "размен для покупателя"}]


def test_a_till_without_a_drawer_says_so_and_asks_no_manager(
    till: RunningTill, qtbot: QtBot
) -> None:
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(till.window, Qt.Key.Key_D, modifiers)
    assert till.window.dialog is None
    assert till.window.message.text() == "У этой кассы нет денежного ящика"
