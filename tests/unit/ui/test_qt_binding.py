"""The Qt binding must not drop references to None/True/False: on Python 3.11 those objects
are not immortal, and a till emitting signals all day would abort ("deallocating None")."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Signal
from PySide6.QtWidgets import QApplication

CALLS = 2000


class Emitter(QObject):
    fired = Signal(object)


def test_signals_and_event_processing_keep_their_references(qapp: QApplication) -> None:
    emitter = Emitter()
    received: list[object] = []
    emitter.fired.connect(received.append)
    before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(CALLS):
        emitter.fired.emit(1)
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 1)
    after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    assert len(received) == CALLS
    if sys.version_info >= (3, 12):
        pytest.skip("None, True and False are immortal from Python 3.12")
    # a leak would show as a drop of about CALLS; other threads move the counts a little
    assert all(b - a < CALLS // 10 for b, a in zip(before, after, strict=True)), (before, after)
