"""A till runs all day: what a sale opens and closes must not pile up in the window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from pos_client.ui.app import RunningTill
from tests.conftest import CAPPUCCINO, CROISSANT, GOLD_CARD
from tests.gui.conftest import close_receipt, pay_by_card, press, scan


def back_in_the_event_loop() -> None:
    """Deleting a closed dialog waits for the till's own event loop; a test's waits run nested
    loops that leave it pending, so it is done here as the loop would do it."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def widgets(till: RunningTill) -> int:
    return len(till.window.findChildren(QWidget)) + len(QApplication.topLevelWidgets())


def a_customer(qtbot: QtBot, till: RunningTill) -> None:
    """Help, a quantity, a card typed in and cancelled, the member's card, payment, receipt."""
    window = till.window
    press(qtbot, Qt.Key.Key_F1)
    assert window.dialog is not None
    window.dialog.reject()
    scan(qtbot, CAPPUCCINO)
    scan(qtbot, CROISSANT)
    press(qtbot, Qt.Key.Key_F3)
    assert window.dialog is not None
    window.dialog.reject()
    scan(qtbot, GOLD_CARD)
    pay_by_card(qtbot, window)
    close_receipt(qtbot, window)
    back_in_the_event_loop()


def test_closed_dialogs_are_freed_sale_after_sale(till: RunningTill, qtbot: QtBot) -> None:
    a_customer(qtbot, till)  # the first sale makes what is kept for the day (caches, fonts)
    after_first = widgets(till)
    for _ in range(5):
        a_customer(qtbot, till)
    assert widgets(till) == after_first
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog)]
