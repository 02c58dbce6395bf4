"""A whole demo session leaves a log with what happened and nothing a person is found by."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from loyalty_hub.seed import demo_seed
from pos_client.demo import DemoEnvironment
from pos_client.ui.app import RunningTill
from pos_client.ui.phone_dialog import PhoneDialog
from tests.conftest import CAPPUCCINO, GOLD_CARD, LogStarter
from tests.gui.conftest import pay_by_card, press, scan, type_by_hand


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def test_a_demo_session_logs_no_token_card_or_phone(
    start_log: LogStarter, till: RunningTill, demo: DemoEnvironment, qtbot: QtBot
) -> None:
    log_file = start_log([demo.config.token])
    window = till.window
    scan(qtbot, GOLD_CARD)
    scan(qtbot, CAPPUCCINO)
    window.handle_code(demo.app_code("M-00001", window.checkout._clock().timestamp()))
    window.checkout.cancel()
    press(qtbot, Qt.Key.Key_F4)
    dialog = window.dialog
    assert isinstance(dialog, PhoneDialog)
    type_by_hand(qtbot, till, dialog.number, "89165550004")
    qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
    qtbot.waitUntil(window.scan_field.hasFocus)
    scan(qtbot, CAPPUCCINO)
    pay_by_card(qtbot, window)
    qtbot.waitUntil(lambda: window.status.status.waiting == 0, timeout=10_000)
    qtbot.waitUntil(
        lambda: "sync: sent" in log_file.read_text("utf-8").partition("sale 1 journaled")[2],
        timeout=10_000,
    )

    text = log_file.read_text("utf-8")
    assert "sale 1 journaled" in text
    assert "member M-00004 identified by card" in text
    assert "member M-00001 identified by app code" in text
    assert "member M-00004 identified by phone" in text
    assert demo.config.token not in text
    assert "LP1.k" not in text
    members = demo_seed()["members"]
    logged = digits(text)
    for member in members:
        assert member["card"] not in logged
        if member.get("phone"):
            assert digits(member["phone"])[1:] not in logged
