"""Touch targets of at least 44 px on every screen, and the high-contrast theme."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QMenu,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pos_client.ui.app import RunningTill
from pos_client.ui.dialogs import SaleDialog
from pos_client.ui.main_window import MainWindow
from pos_client.ui.receipt_model import ITEM_PADDING_PX
from pos_client.ui.theme import DISCOUNT_COLOURS, Theme, apply_theme
from tests.conftest import CAPPUCCINO, CROISSANT, GOLD_CARD, GOUDA_754_G, MILK
from tests.gui.conftest import focused, pay_by_card, press, scan

MIN_TOUCH_PX = 44
SMALL_SCREEN_PX = 1024
TOUCHED = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit)
WRAP = int(Qt.TextFlag.TextWordWrap)


def small_targets(root: QWidget) -> list[str]:
    """What a finger can hit on `root` that is narrower or lower than 44 px."""
    found = [
        f"{type(widget).__name__} {widget.objectName() or getattr(widget, 'text', str)()!r}"
        f" {widget.width()}x{widget.height()}"
        for kind in TOUCHED
        for widget in root.findChildren(kind)
        if widget.isVisible()
        and not isinstance(widget.parent(), TOUCHED)  # the editor inside a spin or combo box
        and min(widget.width(), widget.height()) < MIN_TOUCH_PX
    ]
    return found


def small_menu_items(window: MainWindow) -> list[str]:
    bar = window.menuBar()
    found = [
        f"menu {action.text()!r} {bar.actionGeometry(action).height()} px"
        for action in bar.actions()
        if bar.actionGeometry(action).height() < MIN_TOUCH_PX
    ]
    for menu in window.menuBar().findChildren(QMenu):
        menu.adjustSize()
        found += [
            f"menu item {action.text()!r} {menu.actionGeometry(action).height()} px"
            for action in menu.actions()
            if not action.isSeparator() and menu.actionGeometry(action).height() < MIN_TOUCH_PX
        ]
    return found


def check_dialog(
    qtbot: QtBot,
    window: MainWindow,
    key: Qt.Key,
    kind: str,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    qtbot.keyClick(focused(qtbot), key, modifiers)
    dialog = window.dialog
    assert isinstance(dialog, QDialog) and type(dialog).__name__ == kind
    qtbot.waitExposed(dialog)
    assert small_targets(dialog) == [], kind
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_every_screen_has_touch_targets_of_at_least_44_px(till: RunningTill, qtbot: QtBot) -> None:
    window = till.window
    assert small_targets(window) == []
    assert small_menu_items(window) == []
    scan(qtbot, GOLD_CARD)
    scan(qtbot, CAPPUCCINO)
    assert small_targets(window) == []
    for key, kind in (
        (Qt.Key.Key_F1, "HelpOverlay"),
        (Qt.Key.Key_F2, "NumberDialog"),
        (Qt.Key.Key_F6, "NumberDialog"),
        (Qt.Key.Key_F12, "PayDialog"),
    ):
        check_dialog(qtbot, window, key, kind)
    press(qtbot, Qt.Key.Key_F8)  # cancel the receipt: the next screens need an empty one
    for key, kind in (
        (Qt.Key.Key_F3, "CardDialog"),
        (Qt.Key.Key_F4, "PhoneDialog"),
        (Qt.Key.Key_F5, "ReceiptNumberDialog"),
        (Qt.Key.Key_F7, "EnrolDialog"),
        (Qt.Key.Key_F10, "ProblemsDialog"),
    ):
        check_dialog(qtbot, window, key, kind)
    control = Qt.KeyboardModifier.ControlModifier
    check_dialog(qtbot, window, Qt.Key.Key_R, "TextDialog", control)
    check_dialog(qtbot, window, Qt.Key.Key_F5, "GoodsBackDialog", control)
    shift = Qt.KeyboardModifier.ShiftModifier
    check_dialog(qtbot, window, Qt.Key.Key_I, "CashDialog", control | shift)


def test_the_finished_receipt_and_the_login_page_have_large_targets(
    till: RunningTill, qtbot: QtBot
) -> None:
    window = till.window
    scan(qtbot, CAPPUCCINO)
    pay_by_card(qtbot, window)
    receipt = window.dialog
    assert isinstance(receipt, SaleDialog)
    assert small_targets(receipt) == []
    with qtbot.waitSignal(receipt.finished):
        qtbot.keyClick(receipt, Qt.Key.Key_Return)
    flow = window.staff_flow
    assert flow is not None
    flow.logout()
    qtbot.waitUntil(lambda: window.showing(flow.page))
    assert small_targets(window) == []


@pytest.fixture
def standard_theme_after(qapp: QApplication) -> Iterator[None]:
    yield
    apply_theme(qapp, "standard")


@pytest.mark.usefixtures("standard_theme_after")
def test_high_contrast_switches_live_and_back(till: RunningTill, qtbot: QtBot) -> None:
    window = till.window
    window.set_language("en")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    scan(qtbot, GOLD_CARD)
    scan(qtbot, CAPPUCCINO)  # a line with its discount row below it
    discount = window.model.index(1, 1)
    background = window.till_page.grab().toImage().pixelColor(2, 2)
    assert background != QColor("#000000")
    qtbot.keyClick(
        focused(qtbot),
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert Theme.current == "high-contrast"
    assert window.high_contrast.isChecked()
    assert window.till_page.grab().toImage().pixelColor(2, 2) == QColor("#000000")
    assert window.view_menu.title() == "&View"
    foreground = window.model.data(discount, Qt.ItemDataRole.ForegroundRole)
    assert foreground.color() == QColor(DISCOUNT_COLOURS["high-contrast"])
    window.set_high_contrast(False)
    assert Theme.current == "standard"
    assert window.till_page.grab().toImage().pixelColor(2, 2) == background


@pytest.mark.usefixtures("standard_theme_after")
def test_the_till_fits_a_1024_px_screen_in_both_languages_and_themes(till: RunningTill) -> None:
    """15-inch till monitors are 1024 x 768: nothing may make the window wider than that, not
    even a status bar with every warning at once (its least urgent parts give way)."""
    window = till.window
    window.status.show_status(
        replace(
            window.status.status,
            online=False,
            waiting=12345,
            dead_letters=3,
            conflicts=2,
            clock_skew_s=600.0,
            warnings=("the member cache from the hub was refused: it did not validate",),
        )
    )
    for language in ("ru", "en"):
        window.set_language(language)
        for high_contrast in (False, True):
            window.set_high_contrast(high_contrast)
            assert window.minimumSizeHint().width() <= SMALL_SCREEN_PX, (language, high_contrast)


def cut_labels(window: MainWindow, names: tuple[str, ...]) -> list[str]:
    """The status bar's parts among `names` that are shown narrower than their text."""
    bar = window.status
    labels = [getattr(bar, name) for name in names]
    return [
        f"{label.text()!r} {label.width()} < {label.sizeHint().width()} px"
        for label in labels
        if label.isVisible() and label.width() < label.sizeHint().width()
    ]


SYNC_PARTS = ("connection", "waiting", "last_sync")
EVERY_PART = (*SYNC_PARTS, "cashier", "place")


def test_the_status_bar_is_read_whole(till: RunningTill, qtbot: QtBot) -> None:
    """Offline with sales waiting: at 1280 px every part is whole in both languages; at
    1024 px the outlet and the cashier give way, and what waits to sync and when it last did
    stay whole."""
    window = till.window
    window.status.show_status(
        replace(window.status.status, online=False, working_offline=True, waiting=12)
    )
    for language in ("ru", "en"):
        window.set_language(language)
        qtbot.waitUntil(lambda: cut_labels(window, EVERY_PART) == [])
        assert window.status.place.toolTip() == ""
    window.resize(SMALL_SCREEN_PX, 768)
    for language in ("ru", "en"):
        window.set_language(language)
        qtbot.waitUntil(lambda: cut_labels(window, SYNC_PARTS) == [])
        assert cut_labels(window, ("place",)) != []
        # what is cut short is read whole by pointing at it
        assert window.status.place.toolTip() == window.status.place.text()


def cut_receipt_texts(window: MainWindow) -> list[str]:
    """Item cells whose wrapped text needs more height than their row has: painted cut short."""
    table = window.table
    width = table.columnWidth(1) - 2 * ITEM_PADDING_PX
    cut = []
    for row in range(window.model.rowCount()):
        index = window.model.index(row, 1)
        font = QFont(table.font())
        font.setItalic(bool(index.data(Qt.ItemDataRole.FontRole)))
        text = index.data()
        needed = QFontMetrics(font).boundingRect(0, 0, width, 10_000, WRAP, text).height()
        if needed > table.rowHeight(row):
            cut.append(f"{text!r}: {table.rowHeight(row)} < {needed} px")
    return cut


@pytest.mark.parametrize("language", ["ru", "en"])
def test_every_line_and_discount_of_the_receipt_is_read_whole(
    till: RunningTill, qtbot: QtBot, language: str
) -> None:
    window = till.window
    window.set_language(language)
    window.resize(SMALL_SCREEN_PX, 768)
    for code in (CAPPUCCINO, CAPPUCCINO, CROISSANT, MILK, GOUDA_754_G, GOLD_CARD):
        scan(qtbot, code)
    qtbot.waitUntil(lambda: not cut_receipt_texts(window))
