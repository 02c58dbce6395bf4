"""Whole cashier flows through the real window, driven by keys as at a till."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from pos_client.demo import DemoEnvironment
from pos_client.ui.app import RunningTill
from pos_client.ui.dialogs import SaleDialog
from pos_client.ui.pay_dialog import PayDialog
from tests.conftest import CAPPUCCINO, CROISSANT, GOLD_CARD, GOUDA, GOUDA_754_G, WATER
from tests.gui.conftest import pay_by_card, press, scan


def hub_sales(demo: DemoEnvironment) -> list[str]:
    return [
        row["key"]
        for row in demo.hub.store.query("SELECT key FROM transactions WHERE kind = 'sale'")
    ]  # type: ignore[attr-defined]


def test_a_whole_sale_from_scanner_keys_to_synced(
    till: RunningTill, demo: DemoEnvironment, qtbot: QtBot
) -> None:
    window = till.window
    window.table.setFocus()  # the scanner works whatever widget has the focus
    for code in (CAPPUCCINO, CROISSANT, CAPPUCCINO, GOLD_CARD):
        scan(qtbot, code)
    assert window.checkout.receipt.lines[0].quantity == 2
    # two lines with their discounts under them; the member's 6th coffee is free
    assert window.model.rowCount() == 5
    assert window.model.index(1, 1).data().strip() == "−15% Кофе в кофейнях"
    assert window.model.index(2, 1).data().strip() == "Штамп: Каждый 6-й кофе бесплатно"
    assert window.member_panel.name.text() == "Дмитрий Соколов"
    total = window.checkout.priced.total
    # 380,00 - 57,00 - 161,50 (one of two cups, after 15%) + 89,00 - 8,90
    assert window.totals_panel.total.text() == "241,60\u00a0₽"

    press(qtbot, Qt.Key.Key_F12)
    dialog = window.dialog
    assert isinstance(dialog, PayDialog)
    qtbot.waitUntil(dialog.received.hasFocus)
    qtbot.keyClicks(dialog.received, "500")  # replaces the suggested amount, selected
    qtbot.waitUntil(lambda: dialog.change.text() == "Сдача: 258,40\u00a0₽")
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.received, Qt.Key.Key_Return)

    receipt = window.dialog
    assert isinstance(receipt, SaleDialog)
    assert receipt.change.isVisible() and receipt.change.text() == "Сдача: 258,40\u00a0₽"
    text = receipt.text.toPlainText()
    assert "Чек № 1" in text and "−15% Кофе в кофейнях" in text and "•••• 0047" in text
    assert window.last_sale is not None and window.last_sale.total == total
    assert window.checkout.receipt.is_empty
    with qtbot.waitSignal(receipt.finished):
        qtbot.keyClick(receipt, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: hub_sales(demo) == [window.last_sale.sale_id], timeout=10_000)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: window.status.status.waiting == 0)
    assert window.status.waiting.text() == "Ожидают отправки: 0"


def test_scanning_the_next_item_closes_the_finished_receipt(
    till: RunningTill, qtbot: QtBot
) -> None:
    window = till.window
    scan(qtbot, WATER)
    pay_by_card(qtbot, window)
    assert isinstance(window.dialog, SaleDialog)
    assert not window.dialog.change.isVisible()  # a card pays exactly: no change to hand back
    scan(qtbot, CROISSANT)
    assert window.dialog is None
    assert [line.product.barcode for line in window.checkout.receipt.lines] == [CROISSANT]


def test_an_unknown_barcode_is_explained_with_a_beep_and_changes_nothing(
    till: RunningTill, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = till.window
    beeps: list[None] = []
    monkeypatch.setattr(QApplication, "beep", lambda: beeps.append(None))
    scan(qtbot, WATER)
    assert beeps == []
    scan(qtbot, "4600000000008")
    assert window.message.text() == "Код 4600000000008 — не товар и не карта покупателя"
    assert window.message.property("kind") == "error"
    assert len(beeps) == 1
    scan(qtbot, "4600000000000")
    assert "контрольная цифра" in window.message.text()
    assert len(beeps) == 2
    assert len(window.checkout.receipt.lines) == 1


def test_a_person_typing_in_the_scan_field(till: RunningTill, qtbot: QtBot) -> None:
    window = till.window
    window.scan_field.setText(f" {WATER} ")
    qtbot.keyClick(window.scan_field, Qt.Key.Key_Return)
    assert window.checkout.receipt.lines[0].product.barcode == WATER
    assert window.scan_field.text() == ""


def test_quantity_remove_and_cancel_from_the_keyboard(till: RunningTill, qtbot: QtBot) -> None:
    window = till.window
    scan(qtbot, WATER)
    scan(qtbot, CROISSANT)
    window.table.selectRow(0)
    press(qtbot, Qt.Key.Key_F2)
    dialog = window.dialog
    assert dialog is not None
    spin = dialog.spin  # type: ignore[attr-defined]
    spin.setValue(3)
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert window.checkout.receipt.lines[0].quantity == 3
    window.table.selectRow(window.model.row_of_line(2))
    press(qtbot, Qt.Key.Key_Delete)
    assert [line.line_id for line in window.checkout.receipt.lines] == [1]
    press(qtbot, Qt.Key.Key_F8)
    assert window.checkout.receipt.is_empty
    assert not window.buttons["action_pay"].isEnabled()


def test_a_read_only_database_keeps_the_receipt_and_says_why(
    till: RunningTill, qtbot: QtBot
) -> None:
    window = till.window
    scan(qtbot, WATER)
    till.db.execute("PRAGMA query_only = ON")
    press(qtbot, Qt.Key.Key_F12)
    dialog = window.dialog
    assert isinstance(dialog, PayDialog)
    qtbot.keyClick(dialog.received, Qt.Key.Key_Return)
    assert "только для чтения" in dialog.error.text()
    assert dialog.isVisible()
    assert len(window.checkout.receipt.lines) == 1
    till.db.execute("PRAGMA query_only = OFF")
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.received, Qt.Key.Key_Return)
    assert window.last_sale is not None and window.last_sale.number == 1


def test_working_offline_queues_sales_and_going_online_drains_them(
    till: RunningTill, demo: DemoEnvironment, qtbot: QtBot
) -> None:
    window = till.window
    window.work_offline.setChecked(True)
    qtbot.waitUntil(lambda: window.status.status.working_offline)
    assert window.status.connection.text() == "● Работа без сети"
    scan(qtbot, WATER)
    press(qtbot, Qt.Key.Key_F12)
    dialog = window.dialog
    assert isinstance(dialog, PayDialog)
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.received, Qt.Key.Key_Return)
    window.sync_now.trigger()
    qtbot.waitUntil(lambda: window.status.status.waiting == 1)
    assert window.status.waiting.text() == "Ожидают отправки: 1"
    assert hub_sales(demo) == []

    window.work_offline.setChecked(False)
    qtbot.waitUntil(lambda: window.status.status.waiting == 0, timeout=10_000)
    assert window.status.connection.text() == "● В сети"
    assert len(hub_sales(demo)) == 1


def test_english_fits_and_switches_live(till: RunningTill, qtbot: QtBot) -> None:
    window = till.window
    scan(qtbot, CAPPUCCINO)
    window.language_actions["en"].trigger()
    assert window.buttons["action_pay"].text() == "F12\nPay"
    assert window.model.index(0, 1).data() == "Cappuccino 300 ml"
    assert window.model.index(1, 1).data().strip() == "−15% Coffee at cafe outlets"
    assert all(text_fits(button) for button in window.buttons.values())
    window.language_actions["ru"].trigger()
    assert all(text_fits(button) for button in window.buttons.values())


def test_the_ways_to_pay_fit_in_both_languages(till: RunningTill, qtbot: QtBot) -> None:
    window = till.window
    scan(qtbot, CAPPUCCINO)
    for language in ("ru", "en"):
        window.language_actions[language].trigger()
        press(qtbot, Qt.Key.Key_F12)
        pay = window.dialog
        assert isinstance(pay, PayDialog)
        qtbot.waitUntil(pay.received.hasFocus)
        assert all(text_fits(button) for button in pay.way_buttons.values()), language
        with qtbot.waitSignal(pay.finished):
            qtbot.keyClick(pay.received, Qt.Key.Key_Escape)


def text_fits(button: QPushButton) -> bool:
    """Each line of the button's text (the key, then the action) is narrower than it."""
    metrics = button.fontMetrics()
    return max(metrics.horizontalAdvance(line) for line in button.text().splitlines()) < (
        button.width()
    )


def test_paying_part_with_points_within_the_limits(till: RunningTill, qtbot: QtBot) -> None:
    window = till.window
    scan(qtbot, WATER)
    press(qtbot, Qt.Key.Key_F6)
    assert window.message.text() == "Сначала определите покупателя — баллы списываются с его счёта"
    scan(qtbot, GOLD_CARD)
    press(qtbot, Qt.Key.Key_F6)
    dialog = window.dialog
    assert dialog is not None
    spin = dialog.spin  # type: ignore[attr-defined]
    # 59,90: at most half in points (29) and at least 1,00 left to pay
    assert spin.maximum() == 29 and spin.value() == 29
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert window.checkout.priced.total == 5990 - 2900
    assert window.totals_panel.points_paid.text() == "Оплата баллами: −29,00\u00a0₽ (29 б.)"
    pay_by_card(qtbot, window)
    sale = window.last_sale
    assert sale is not None and (sale.points_redeemed, sale.total) == (29, 3090)
    assert isinstance(window.dialog, SaleDialog)
    assert "Оплачено баллами (29)" in window.dialog.text.toPlainText()


def test_hints_show_what_almost_applies(till: RunningTill, qtbot: QtBot) -> None:
    window = till.window
    scan(qtbot, CROISSANT)
    scan(qtbot, CROISSANT)
    assert "Ещё 1 шт. — и сработает «Третий круассан в подарок»" in window.totals_panel.hints.text()


def test_goods_sold_by_weight_from_the_scales_label_to_the_printed_receipt(
    till: RunningTill, demo: DemoEnvironment, qtbot: QtBot
) -> None:
    window = till.window
    scan(qtbot, GOUDA_754_G)
    assert [window.model.index(0, column).data() for column in range(2, 5)] == [
        "0,754",
        "899,00",
        "677,85",
    ]
    assert window.model.index(0, 1).data().split("\n")[1].strip() == "0,754 кг × 899,00/кг"
    window.table.selectRow(0)
    press(qtbot, Qt.Key.Key_F2)  # the quantity key: the label says how much
    assert window.dialog is None
    assert window.message.text() == (
        "Количество весового товара — на его этикетке: чтобы добавить ещё, отсканируйте ещё одну"
    )
    scan(qtbot, GOUDA)  # the product's own barcode carries no weight
    assert window.message.text().startswith("Товар продаётся на вес")
    assert len(window.checkout.receipt.lines) == 1

    pay_by_card(qtbot, window)
    receipt = window.dialog
    assert isinstance(receipt, SaleDialog)
    assert "0,754 кг × 899,00/кг" in receipt.text.toPlainText()
    sale = window.last_sale
    assert sale is not None
    qtbot.waitUntil(lambda: sale.sale_id in hub_sales(demo), timeout=10_000)
