"""Identifying a member by the card number or phone the customer says, from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos_client.demo import DemoEnvironment
from pos_client.ui.app import RunningTill
from pos_client.ui.dialogs import CardDialog
from pos_client.ui.phone_dialog import PhoneDialog
from tests.conftest import GOLD_CARD
from tests.gui.conftest import press


def open_phone_dialog(till: RunningTill, qtbot: QtBot) -> PhoneDialog:
    qtbot.waitUntil(till.window.scan_field.hasFocus)  # the previous dialog has closed
    press(qtbot, Qt.Key.Key_F4)
    dialog = till.window.dialog
    assert isinstance(dialog, PhoneDialog)
    qtbot.waitUntil(dialog.number.hasFocus)
    return dialog


def type_number(qtbot: QtBot, dialog: PhoneDialog, number: str) -> None:
    qtbot.keyClicks(dialog.number, number)
    qtbot.keyClick(dialog.number, Qt.Key.Key_Return)


def test_a_phone_number_identifies_the_member_and_shows_it_masked(
    till: RunningTill, qtbot: QtBot
) -> None:
    window = till.window
    dialog = open_phone_dialog(till, qtbot)
    assert dialog.number.placeholderText() == "+7 912 345-67-89"
    qtbot.keyClicks(dialog.number, "89165550004")
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
    type_number(qtbot, dialog, "+7 000")
    assert dialog.isVisible()
    assert dialog.error.text() == "Такого номера не бывает: проверьте цифры и код страны"
    assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())  # not cut off
    assert till.window.checkout.member is None
    dialog.number.clear()
    type_number(qtbot, dialog, "")
    assert dialog.error.text() == "Введите номер телефона"


def test_a_number_the_cache_lacks_is_asked_of_the_hub(
    till: RunningTill, demo: DemoEnvironment, qtbot: QtBot
) -> None:
    demo.hub.store.query(  # type: ignore[attr-defined]
        "UPDATE members SET phone = '+79165557777' WHERE member_id = 'M-00005'"
    )
    window = till.window
    type_number(qtbot, open_phone_dialog(till, qtbot), "+7 916 555-77-77")
    qtbot.waitUntil(lambda: window.checkout.member is not None)
    assert window.checkout.member.member_id == "M-00005"  # type: ignore[union-attr]
    assert window.member_panel.phone.text() == "Телефон +7 *** ***-77-77"

    window.checkout.cancel()
    type_number(qtbot, open_phone_dialog(till, qtbot), "+7 916 555-99-99")
    qtbot.waitUntil(lambda: "не найден" in window.message.text())
    assert window.message.text() == "Покупатель с телефоном +7 *** ***-99-99 не найден"
    assert window.checkout.member is None


def test_offline_an_unknown_number_says_the_hub_cannot_be_asked(
    till: RunningTill, qtbot: QtBot
) -> None:
    window = till.window
    window.work_offline.setChecked(True)
    qtbot.waitUntil(lambda: window.status.status.working_offline)
    type_number(qtbot, open_phone_dialog(till, qtbot), "+7 916 555-99-99")
    qtbot.waitUntil(lambda: "сервер недоступен" in window.message.text())
    assert "+7 *** ***-99-99" in window.message.text()
    type_number(qtbot, open_phone_dialog(till, qtbot), "+7 916 555-00-04")
    assert window.checkout.member is not None  # the cache answers offline


def test_a_card_scanned_into_the_card_dialog_fills_it_in(till: RunningTill, qtbot: QtBot) -> None:
    window = till.window
    press(qtbot, Qt.Key.Key_F3)
    dialog = window.dialog
    assert isinstance(dialog, CardDialog)
    qtbot.waitUntil(dialog.number.hasFocus)
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClicks(dialog.number, GOLD_CARD)  # a scanner's burst
        qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
    assert window.checkout.member is not None and window.checkout.member.card == GOLD_CARD
