"""Goods brought back without a receipt, through the real window: scanned into their own list,
refused until there are goods and a reason, approved by a manager's PIN, journaled and synced."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos_client.demo import DemoEnvironment
from pos_client.ui.app import RunningTill
from pos_client.ui.approval_dialog import ApprovalDialog
from pos_client.ui.return_without_receipt import GoodsBackDialog
from tests.conftest import CAPPUCCINO, CROISSANT
from tests.gui.conftest import MANAGER, press, scan
from tests.gui.test_staff import hub_events


def open_goods_back(qtbot: QtBot, till: RunningTill) -> GoodsBackDialog:
    window = till.window
    qtbot.keyClick(window, Qt.Key.Key_F5, Qt.KeyboardModifier.ControlModifier)
    dialog = window.dialog
    assert isinstance(dialog, GoodsBackDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.code)
    return dialog


def test_goods_come_back_without_a_receipt_on_a_managers_pin(
    till: RunningTill, demo: DemoEnvironment, qtbot: QtBot
) -> None:
    window = till.window
    dialog = open_goods_back(qtbot, till)
    assert dialog.summary.text() == "Пока ничего не отсканировано"
    press(qtbot, Qt.Key.Key_Tab)  # Tab, Tab: past the tender, on to the reason
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.reason
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.error.text() == "Сначала отсканируйте товары, которые возвращает покупатель"
    assert window.dialog is dialog

    dialog.code.setFocus()
    for code in (CAPPUCCINO, CAPPUCCINO, CROISSANT):
        scan(qtbot, code)  # the scanner's burst goes to the list, not to the till's receipt
    assert window.checkout.receipt.is_empty
    assert [dialog.table.item(row, 0).text() for row in range(2)] == [
        "Капучино 300 мл",
        "Круассан сливочный",
    ]
    assert [spin.value() for spin in dialog.quantities] == [2, 1]
    dialog.quantities[1].setValue(0)  # the croissant is not coming back after all
    assert dialog.table.rowCount() == 1
    # Today's price without a card at this cafe outlet: 190,00 less 15 %, twice.
    assert dialog.table.item(0, 2).text() == "323,00\u00a0₽"
    dialog.tender.setCurrentIndex(dialog.tender.findData("cash"))
    assert dialog.summary.text() == "Вернуть покупателю 323,00\u00a0₽ наличными"
    dialog.reason.setFocus()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.error.text() == "Укажите, почему товар возвращают без чека"

    dialog.reason.setText("не подошёл размер")
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    approval = window.dialog
    assert isinstance(approval, ApprovalDialog)
    assert approval.what.text() == (
        "Возврат без чека: 2 шт., вернуть 323,00\u00a0₽ наличными. Причина: не подошёл размер"
    )
    qtbot.keyClicks(approval.pin, MANAGER[1])
    with qtbot.waitSignal(approval.finished):
        qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
    assert window.message.text() == "Возврат без чека оформлен: вернуть 323,00\u00a0₽ наличными"

    qtbot.waitUntil(lambda: "override_used" in hub_events(demo), timeout=10_000)
    rows = demo.hub.store.query(  # type: ignore[attr-defined]
        "SELECT body, result FROM transactions WHERE kind = 'return_without_receipt'"
    )
    assert len(rows) == 1 and json.loads(rows[0]["result"])["status"] == "applied"
    body = json.loads(rows[0]["body"])
    assert (body["refund"], body["tender"], body["approved_by"]) == (32300, "cash", MANAGER[0])
    assert body["cashier_id"] == "S0001" and body["reason"] == "не подошёл размер"
    summary = window.staff_flow.shifts.summary()  # type: ignore[union-attr]
    assert (summary.returns, summary.refunds_by_tender) == (1, {"cash": 32300})


def test_no_return_without_a_receipt_while_a_receipt_is_open(
    till: RunningTill, qtbot: QtBot
) -> None:
    window = till.window
    scan(qtbot, CAPPUCCINO)
    qtbot.keyClick(window, Qt.Key.Key_F5, Qt.KeyboardModifier.ControlModifier)
    assert window.dialog is None
    assert window.message.text() == "Сначала завершите или отмените текущий чек (F8)"
