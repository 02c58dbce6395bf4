"""Identifying a member by the card number or phone the customer says, from the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos_client.demo import DemoEnvironment
from pos_client.ui.app import RunningTill
from pos_client.ui.dialogs import CardDialog
from pos_client.ui.pay_dialog import PayDialog
from pos_client.ui.phone_dialog import PhoneDialog
from tests.conftest import CAPPUCCINO, GOLD_CARD, MILK
from tests.gui.conftest import press, scan, type_by_hand


def open_phone_dialog(till: RunningTill, qtbot: QtBot) -> PhoneDialog:
    qtbot.waitUntil(till.window.scan_field.hasFocus)  # the previous dialog has closed
    press(qtbot, Qt.Key.Key_F4)
    dialog = till.window.dialog
    assert isinstance(dialog, PhoneDialog)
    qtbot.waitUntil(dialog.number.hasFocus)
    return dialog


def type_number(qtbot: QtBot, till: RunningTill, dialog: PhoneDialog, number: str) -> None:
    type_by_hand(qtbot, till, dialog.number, number)
    qtbot.keyClick(dialog.number, Qt.Key.Key_Return)


def test_a_phone_number_identifies_the_member_and_shows_it_masked(
    till: RunningTill, qtbot: QtBot
) -> None:
    window = till.window
    dialog = open_phone_dialog(till, qtbot)
    assert dialog.number.placeholderText() == "+7 912 345-67-89"
    type_by_hand(qtbot, till, dialog.number, "89165550004")
    assert dialog.number.text() == "8 916 555-00-04"  # grouped as typed
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
    assert window.checkout.member is not None
    assert window.checkout.member.member_id == "M-00004"
    assert window.member_panel.phone.text() == "Телефон +7 *** ***-00-04"
    assert "555-00-04" not in window.member_panel.phone.text()


def test_a_mistyped_number_keeps_the_dialog_open_and_says_why(
    till: RunningTill, qtbot: QtBot
) -> None:
    dialog = open_phone_dialog(till, qtbot)
    type_number(qtbot, till, dialog, "+7 000")
    assert dialog.isVisible()
    assert dialog.error.text() == "Такого номера не бывает: проверьте цифры и код страны"
    assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())  # not cut off
    assert till.window.checkout.member is None
    dialog.number.clear()
    type_number(qtbot, till, dialog, "")
    assert dialog.error.text() == "Введите номер телефона"


def test_a_number_the_cache_lacks_is_asked_of_the_hub(
    till: RunningTill, demo: DemoEnvironment, qtbot: QtBot
) -> None:
    demo.hub.store.query(  # type: ignore[attr-defined]
        "UPDATE members SET phone = '+79165557777' WHERE member_id = 'M-00005'"
    )
    window = till.window
    type_number(qtbot, till, open_phone_dialog(till, qtbot), "+7 916 555-77-77")
    qtbot.waitUntil(lambda: window.checkout.member is not None)
    assert window.checkout.member.member_id == "M-00005"  # type: ignore[union-attr]
    assert window.member_panel.phone.text() == "Телефон +7 *** ***-77-77"

    window.checkout.cancel()
    type_number(qtbot, till, open_phone_dialog(till, qtbot), "+7 916 555-99-99")
    qtbot.waitUntil(lambda: "не найден" in window.message.text())
    assert window.message.text() == "Покупатель с телефоном +7 *** ***-99-99 не найден"
    assert window.checkout.member is None


def test_offline_an_unknown_number_says_the_hub_cannot_be_asked(
    till: RunningTill, qtbot: QtBot
) -> None:
    window = till.window
    window.work_offline.setChecked(True)
    qtbot.waitUntil(lambda: window.status.status.working_offline)
    type_number(qtbot, till, open_phone_dialog(till, qtbot), "+7 916 555-99-99")
    qtbot.waitUntil(lambda: "сервер недоступен" in window.message.text())
    assert "+7 *** ***-99-99" in window.message.text()
    type_number(qtbot, till, open_phone_dialog(till, qtbot), "+7 916 555-00-04")
    assert window.checkout.member is not None  # the cache answers offline


@pytest.mark.parametrize("key", [Qt.Key.Key_F3, Qt.Key.Key_F4])
def test_a_card_scanned_while_typing_a_number_identifies_the_member(
    till: RunningTill, qtbot: QtBot, key: Qt.Key
) -> None:
    window = till.window
    press(qtbot, key)
    dialog = window.dialog
    assert isinstance(dialog, CardDialog | PhoneDialog)
    qtbot.waitUntil(dialog.number.hasFocus)
    with qtbot.waitSignal(dialog.finished):
        scan(qtbot, GOLD_CARD)  # the customer holds the card to the scanner after all
    assert window.checkout.member is not None and window.checkout.member.card == GOLD_CARD
    assert window.dialog is None


def test_a_scan_during_payment_is_refused_with_a_reason(till: RunningTill, qtbot: QtBot) -> None:
    window = till.window
    scan(qtbot, MILK)
    press(qtbot, Qt.Key.Key_F12)
    assert isinstance(window.dialog, PayDialog)
    scan(qtbot, CAPPUCCINO)
    assert window.message.text() == "Скан не принят: сначала закончите в открытом окне"
    assert len(window.checkout.receipt.lines) == 1
