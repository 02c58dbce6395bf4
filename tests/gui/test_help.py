"""F1 shows every key of the till, in the window's language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos_client.ui.app import RunningTill
from pos_client.ui.help_overlay import KEYS, HelpOverlay
from tests.gui.conftest import press
from tests.gui.test_ergonomics import SMALL_SCREEN_PX


def test_f1_lists_every_key_with_what_it_does_and_esc_closes_it(
    till: RunningTill, qtbot: QtBot
) -> None:
    window = till.window
    window.set_language("en")
    press(qtbot, Qt.Key.Key_F1)
    help_screen = window.dialog
    assert isinstance(help_screen, HelpOverlay)
    rows = dict(help_screen.rows())
    assert len(rows) == len(KEYS)
    assert rows["F7"] == "enrol a new member with consent"
    assert rows["Ctrl+P"] == "a copy of the last receipt"
    shortcuts = {action.shortcut().toString() for action in window.actions()}
    for key in ("F2", "F3", "F4", "F5", "F6", "F7", "F8", "F12", "Ctrl+P"):
        assert key in shortcuts, key  # the overlay names keys the window really has
    with qtbot.waitSignal(help_screen.finished):
        qtbot.keyClick(help_screen, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_keys_fit_a_1024_by_768_till_without_scrolling_or_cutting(
    till: RunningTill, qtbot: QtBot, language: str
) -> None:
    window = till.window
    window.resize(SMALL_SCREEN_PX, 768)
    window.set_language(language)
    press(qtbot, Qt.Key.Key_F1)
    help_screen = window.dialog
    assert isinstance(help_screen, HelpOverlay)
    qtbot.waitUntil(lambda: help_screen.isVisible() and help_screen.width() == SMALL_SCREEN_PX)
    assert help_screen.height() <= 768
    qtbot.waitUntil(lambda: cut_texts(help_screen) == [])
    with qtbot.waitSignal(help_screen.finished):
        qtbot.keyClick(help_screen, Qt.Key.Key_Escape)


def cut_texts(help_screen: HelpOverlay) -> list[str]:
    """The keys whose explanation is laid out lower than its wrapped lines need."""
    return [
        key.text()
        for key, text in help_screen.key_labels
        if text.height() < text.heightForWidth(text.width())
    ]
