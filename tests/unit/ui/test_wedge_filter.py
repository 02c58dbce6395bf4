"""The application-wide scanner filter on a real widget, with a controlled clock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from pos_client.ui.wedge_filter import WedgeFilter


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def setup(qapp: QApplication, qtbot: QtBot) -> Iterator[tuple[QLineEdit, WedgeFilter, FakeClock]]:
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    clock = FakeClock()
    wedge = WedgeFilter(clock_ms=clock)
    qapp.installEventFilter(wedge)
    yield field, wedge, clock
    qapp.removeEventFilter(wedge)


def test_a_burst_is_a_scan_and_never_reaches_the_field(setup, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    field, wedge, _ = setup
    with qtbot.waitSignal(wedge.scanned) as caught:
        qtbot.keyClicks(field, "4607012340016")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert caught.args == ["4607012340016"]
    assert field.text() == ""


def test_slow_keys_reach_the_field_in_order(setup, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    field, wedge, clock = setup
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    for char in "1234567":
        clock.now += 200
        qtbot.keyClick(field, char)
    qtbot.waitUntil(lambda: field.text() == "1234567")
    clock.now += 200
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert scans == []


def test_shortcuts_pass_and_release_held_keys(setup, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    field, _, _ = setup
    qtbot.keyClicks(field, "12")
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == "12"
    assert field.selectedText() == "12"
