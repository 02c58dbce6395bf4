"""An item whose barcode will not scan, found by name: from the scan field or Ctrl+F."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos_client.ui.app import RunningTill
from pos_client.ui.product_search import ProductSearchDialog
from tests.conftest import MILK
from tests.gui.conftest import press, type_by_hand, type_text

SPARKLING = "4607012340313"  # Вода газированная 0,5 л


def search_dialog(till: RunningTill) -> ProductSearchDialog:
    dialog = till.window.dialog
    assert isinstance(dialog, ProductSearchDialog)
    return dialog


def enter_by_hand(qtbot: QtBot, till: RunningTill, text: str) -> None:
    """Typed in the scan field as a person types, then Enter."""
    type_by_hand(qtbot, till, till.window.scan_field, text)
    qtbot.keyClick(till.window.scan_field, Qt.Key.Key_Return)


def names(dialog: ProductSearchDialog) -> list[str]:
    return [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]


def test_a_name_typed_in_the_scan_field_finds_the_item_and_enter_puts_it_on_the_receipt(
    till: RunningTill, qtbot: QtBot
) -> None:
    window = till.window
    enter_by_hand(qtbot, till, "МОЛОКО")
    dialog = search_dialog(till)
    assert dialog.query.text() == "МОЛОКО"
    assert names(dialog) == ["Молоко 3,2% 1 л"]
    assert dialog.summary.text() == "Найдено: 1. ↑↓ — выбрать, Enter — добавить в чек"
    assert window.message.property("kind") != "error"  # not refused as an unknown code
    qtbot.waitUntil(lambda: not dialog.query.hasSelectedText())  # a word typed is added
    assert dialog.query.cursorPosition() == len("МОЛОКО")
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert [line.product.barcode for line in window.checkout.receipt.lines] == [MILK]
    assert window.message.text() == "Добавлено: Молоко 3,2% 1 л"
    qtbot.waitUntil(window.scan_field.hasFocus)  # the next scan goes where it always does


def test_ctrl_f_searches_as_the_cashier_types_and_the_arrows_choose(
    till: RunningTill, qtbot: QtBot
) -> None:
    window = till.window
    press(qtbot, Qt.Key.Key_F)  # a letter alone is typing, not the search
    assert window.dialog is None
    window.scan_field.clear()
    qtbot.keyClick(window.scan_field, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = search_dialog(till)
    assert dialog.summary.text() == "Введите не меньше 2 букв названия"
    type_text(dialog.query, "вода")
    qtbot.waitUntil(lambda: len(names(dialog)) == 2)
    assert set(names(dialog)) == {"Вода питьевая 1,5 л", "Вода газированная 0,5 л"}
    assert dialog.table.rowHeight(0) >= 44  # a row is a touch target too
    for _ in range(2):  # the second ↓ stays on the last row
        qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
    assert dialog.query.hasFocus() and dialog.table.currentRow() == 1
    qtbot.keyClick(dialog.query, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
    chosen = dialog.found[1]
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert [line.product.sku for line in window.checkout.receipt.lines] == [chosen.sku]


def test_nothing_found_says_so_and_enter_adds_nothing(till: RunningTill, qtbot: QtBot) -> None:
    window = till.window
    enter_by_hand(qtbot, till, "ананас")
    dialog = search_dialog(till)
    assert names(dialog) == []
    assert dialog.summary.text() == "По запросу «ананас» ничего не найдено"
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert dialog.isVisible() and window.checkout.receipt.is_empty
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.query, Qt.Key.Key_Escape)
    assert window.checkout.receipt.is_empty


def test_digits_that_are_no_barcode_are_refused_not_searched(
    till: RunningTill, qtbot: QtBot
) -> None:
    window = till.window
    enter_by_hand(qtbot, till, "4607")
    assert window.dialog is None
    assert window.message.property("kind") == "error"
