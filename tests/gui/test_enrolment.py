"""F7: a customer joins at the till; never without ticking the programme terms."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos_client.demo import DemoEnvironment
from pos_client.ui.app import RunningTill
from pos_client.ui.enrol_dialog import EnrolDialog
from tests.conftest import CAPPUCCINO
from tests.gui.conftest import press, scan, type_by_hand

NEW_CARD = "2780000000993"


def enrolments(till: RunningTill) -> int:
    return int(till.db.execute("SELECT COUNT(*) FROM enrolments").fetchone()[0])


def test_no_enrolment_without_the_terms_then_the_member_joins_with_a_scanned_card(
    till: RunningTill, demo: DemoEnvironment, qtbot: QtBot
) -> None:
    window = till.window
    scan(qtbot, CAPPUCCINO)
    press(qtbot, Qt.Key.Key_F7)
    dialog = window.dialog
    assert isinstance(dialog, EnrolDialog)
    assert not dialog.terms.isChecked() and not dialog.marketing.isChecked()  # nothing assumed
    dialog.name.setText("Ольга Петрова")  # QTest types only Latin keys
    type_by_hand(qtbot, till, dialog.phone, "89210001234")
    assert dialog.phone.text() == "8 921 000-12-34"  # grouped as typed
    window.handle_code(NEW_CARD)  # the plastic card handed over, scanned
    assert dialog.card.text() == NEW_CARD

    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.error.text() == "Без согласия с правилами программы регистрация невозможна"
    assert enrolments(till) == 0 and window.checkout.member is None

    dialog.terms.click()
    assert "2026-03" in dialog.terms.text()  # the version of the terms the customer accepts
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert enrolments(till) == 1
    assert window.member_panel.name.text() == "Ольга Петрова"
    assert window.member_panel.consent.text() == "Рассылки: не согласен"
    assert window.message.text().startswith("Ольга Петрова — участник программы")
    assert window.checkout.priced.points_earned > 0
    member_id = window.checkout.member.member_id  # type: ignore[union-attr]
    qtbot.waitUntil(  # queued like a sale, and sent at once while online
        lambda: bool(
            demo.hub.store.query(  # type: ignore[attr-defined]
                "SELECT 1 FROM consents WHERE member_id = ?", (member_id,)
            )
        ),
        timeout=10_000,
    )
