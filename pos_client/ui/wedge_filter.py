"""An application-wide event filter that catches keyboard-wedge scanner bursts."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from pos_client.scanner.wedge import DEFAULT_MAX_GAP_MS, DEFAULT_MIN_LENGTH, WedgeDetector

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
BLOCKING_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class WedgeFilter(QObject):
    """Emits `scanned(code)` for a scanner burst, whichever widget has the focus.

    Keys that turn out to be typed by a person are replayed to the focused widget.
    """

    scanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        max_gap_ms: float = DEFAULT_MAX_GAP_MS,
        min_length: int = DEFAULT_MIN_LENGTH,
        clock_ms: Callable[[], float] = lambda: time.monotonic() * 1000,
    ) -> None:
        super().__init__(parent)
        self._detector: WedgeDetector[QKeyEvent] = WedgeDetector(max_gap_ms, min_length)
        self.clock_ms = clock_ms
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(max_gap_ms) + 1)
        self._timer.timeout.connect(self._expire)

    @property
    def holding(self) -> bool:
        """Keys are held while they might still be a scanner's burst."""
        return self._detector.holding

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            return False
        if not self._is_target(watched):
            return False
        assert isinstance(event, QKeyEvent)
        now = self.clock_ms()
        if event.key() in ENTER_KEYS:
            if not self._detector.holding:
                return False
            code, released = self._detector.enter(now)
            self._timer.stop()
            if code is not None:
                self.scanned.emit(code)
                return True
            self._replay(released)
            return False
        text = event.text()
        if not text or not text.isprintable() or event.modifiers() & BLOCKING_MODIFIERS:
            self._replay(self._detector.release())
            return False
        self._replay(self._detector.key(text, _copy(event), now))
        self._timer.start()
        return True

    @staticmethod
    def _is_target(watched: QObject) -> bool:
        """Only the focused widget's copy of a key: not the window's, not a parent's."""
        if not isinstance(watched, QWidget):
            return False
        focus = QApplication.focusWidget()
        return watched is focus if focus is not None else watched.isWindow()

    def _expire(self) -> None:
        self._replay(self._detector.release())

    def _replay(self, events: list[QKeyEvent]) -> None:
        target = QApplication.focusWidget()
        if not events or target is None:
            return
        self._replaying = True
        try:
            for event in events:
                QApplication.sendEvent(target, event)
        finally:
            self._replaying = False


def _copy(event: QKeyEvent) -> QKeyEvent:
    return QKeyEvent(
        event.type(),
        event.key(),
        event.modifiers(),
        event.text(),
        event.isAutoRepeat(),
        event.count(),
    )
