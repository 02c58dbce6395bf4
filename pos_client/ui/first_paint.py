"""Run the till's deferred start once its window is on the screen.

What the first look at the window does not need (the sync thread and its HTTP stack, the
scanner's application-wide key filter, the printer's library) starts after the window's first
paint, so none of it holds the interpreter lock while the window is built and drawn.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QWidget

# Should the window never be exposed (a window manager that keeps it hidden), the till still
# starts its sync and its scanner after this long.
FIRST_PAINT_LIMIT_MS = 3000


class FirstPaint(QObject):
    """Calls `then` once, just after a shown window has been painted for the first time.

    A top-level window paints its widgets while it handles its first exposure, so a zero
    timer started then fires once that paint is done.
    """

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        handle = window.windowHandle()
        if handle is None:
            raise ValueError("the window must be shown before its first paint can be awaited")
        self._handle: QWindow | None = handle
        self._then: Callable[[], None] | None = then
        handle.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_LIMIT_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        handle = self._handle
        if event.type() == QEvent.Type.Expose and handle is not None and handle.isExposed():
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        if self._handle is not None:
            self._handle.removeEventFilter(self)
            self._handle = None
        then, self._then = self._then, None
        if then is not None:
            then()
