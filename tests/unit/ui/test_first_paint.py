"""The till's deferred start waits for the window's first paint, and runs once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from pos_client.ui import first_paint
from pos_client.ui.first_paint import FirstPaint


class PaintedLabel(QLabel):
    def __init__(self, events: list[str]) -> None:
        super().__init__("pos-client")
        self.events = events

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        super().paintEvent(event)
        self.events.append("painted")


def test_the_start_runs_after_the_window_is_painted(qtbot: QtBot) -> None:
    events: list[str] = []
    window = QWidget()
    qtbot.addWidget(window)
    label = PaintedLabel(events)
    label.setParent(window)
    window.show()
    FirstPaint(window, lambda: events.append("started"))
    qtbot.waitUntil(lambda: "started" in events)
    assert events.index("painted") < events.index("started")


def test_a_window_never_painted_still_starts_after_the_limit(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(first_paint, "FIRST_PAINT_LIMIT_MS", 0)
    window = QWidget()
    qtbot.addWidget(window)
    window.create()  # has a native window, never shown: no exposure comes
    started: list[bool] = []
    FirstPaint(window, lambda: started.append(True))
    qtbot.waitUntil(lambda: started == [True])
    window.show()  # exposed at last: the start is not run a second time
    qtbot.waitUntil(lambda: window.windowHandle().isExposed())
    later: list[bool] = []
    QTimer.singleShot(0, lambda: later.append(True))  # after any timer the exposure started
    qtbot.waitUntil(lambda: later == [True])
    assert started == [True]


def test_a_window_not_yet_shown_is_refused(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    with pytest.raises(ValueError, match="shown"):
        FirstPaint(window, lambda: None)
