"""A real till window on a real demo hub, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from pos_client.config import TerminalConfig
from pos_client.demo import DemoEnvironment, start_demo
from pos_client.ui.app import RunningTill, build_till
from pos_client.ui.dialogs import SaleDialog
from pos_client.ui.main_window import MainWindow
from pos_client.ui.pay_dialog import PayDialog
from pos_client.ui.shift_dialogs import CashDialog


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[DemoEnvironment]:
    environment = start_demo(language="ru", root=tmp_path / "demo")
    yield environment
    environment.close()


@pytest.fixture
def till(demo: DemoEnvironment, qapp: QApplication, qtbot: QtBot) -> Iterator[RunningTill]:
    running = open_till(demo.config, qapp, qtbot)
    yield running
    running.close()


def open_till(config: TerminalConfig, qapp: QApplication, qtbot: QtBot) -> RunningTill:
    """The window shown, online, with the demo cashier logged in and the shift open."""
    running = build_till(config, qapp)
    qtbot.addWidget(running.window)
    running.window.resize(1280, 800)
    running.window.show()
    qtbot.waitUntil(lambda: running.window.status.status.online is True, timeout=10_000)
    log_in(qtbot, running.window)
    return running


CASHIER = ("S0001", "1111")  # Анна Смирнова, cashier, in the demo seed
MANAGER = ("S0003", "9999")  # Мария Иванова, manager


def log_in(
    qtbot: QtBot, window: MainWindow, who: tuple[str, str] = CASHIER, opening: str = "5000"
) -> None:
    """Pick the name on the login page, type the PIN, Enter; open the shift if none is."""
    flow = window.staff_flow
    assert flow is not None and window.showing(flow.page)
    flow.page.choose(who[0])
    flow.page.pin.setFocus()
    qtbot.keyClicks(flow.page.pin, who[1])
    qtbot.keyClick(flow.page.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.showing(window.till_page))
    if isinstance(window.dialog, CashDialog):
        opening_dialog = window.dialog
        opening_dialog.amount.setText(opening)
        with qtbot.waitSignal(opening_dialog.finished):
            qtbot.keyClick(opening_dialog.amount, Qt.Key.Key_Return)


def focused(qtbot: QtBot) -> QWidget:
    """The widget keys go to; just after a dialog closes, once its window has the focus back."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    target = QApplication.focusWidget()
    assert target is not None
    return target


def scan(qtbot: QtBot, code: str) -> None:
    """A keyboard-wedge scanner: the code as a fast burst of keys, then Enter, to the focus."""
    target = focused(qtbot)
    qtbot.keyClicks(target, code)
    qtbot.keyClick(target, Qt.Key.Key_Return)


def press(qtbot: QtBot, key: Qt.Key) -> None:
    qtbot.keyClick(focused(qtbot), key)


class HumanPace:
    """A clock for the scanner filter with 150 ms between keys: a person typing."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 150.0
        return self.now


def type_by_hand(qtbot: QtBot, till: RunningTill, widget: QWidget, text: str) -> None:
    """Type as a person does (the scanner filter lets the keys through), without Enter."""
    real = till.wedge.clock_ms
    till.wedge.clock_ms = HumanPace()
    try:
        type_text(widget, text)
        qtbot.waitUntil(lambda: not till.wedge.holding)
    finally:
        till.wedge.clock_ms = real


def type_text(widget: QWidget, text: str) -> None:
    """Key presses with `text`, as a keyboard in any layout sends them (QTest types only
    ASCII): through the application's filters, like real keys."""
    for char in text:
        key = ord(char.upper()) if char.isalnum() else ord(char)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def pay_by_card(qtbot: QtBot, window: MainWindow) -> None:
    """F12, bank card, Enter: the receipt is paid and the finished receipt shows."""
    press(qtbot, Qt.Key.Key_F12)
    pay = window.dialog
    assert isinstance(pay, PayDialog)
    pay.card.click()
    with qtbot.waitSignal(pay.finished):
        qtbot.keyClick(pay, Qt.Key.Key_Return)


def pay_in_cash(qtbot: QtBot, window: MainWindow) -> None:
    """F12 and Enter: cash, the total handed over as the dialog suggests it."""
    press(qtbot, Qt.Key.Key_F12)
    pay = window.dialog
    assert isinstance(pay, PayDialog)
    qtbot.waitUntil(pay.received.hasFocus)
    with qtbot.waitSignal(pay.finished):
        qtbot.keyClick(pay.received, Qt.Key.Key_Return)


def close_receipt(qtbot: QtBot, window: MainWindow) -> None:
    """Enter on the finished receipt: the till is ready for the next customer."""
    receipt = window.dialog
    assert isinstance(receipt, SaleDialog)
    with qtbot.waitSignal(receipt.finished):
        qtbot.keyClick(receipt, Qt.Key.Key_Return)
