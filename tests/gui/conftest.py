"""A real till window on a real demo hub, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos_client.demo import DemoEnvironment, start_demo
from pos_client.ui.app import RunningTill, build_till


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[DemoEnvironment]:
    environment = start_demo(language="ru", root=tmp_path / "demo")
    yield environment
    environment.close()


@pytest.fixture
def till(demo: DemoEnvironment, qapp: QApplication, qtbot: QtBot) -> Iterator[RunningTill]:
    running = build_till(demo.config, qapp)
    qtbot.addWidget(running.window)
    running.window.resize(1280, 800)
    running.window.show()
    qtbot.waitUntil(lambda: running.window.status.status.online is True, timeout=10_000)
    yield running
    running.close()


def scan(qtbot: QtBot, code: str) -> None:
    """A keyboard-wedge scanner: the code as a fast burst of keys, then Enter, to the focus."""
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClicks(target, code)
    qtbot.keyClick(target, Qt.Key.Key_Return)


def press(qtbot: QtBot, key: Qt.Key) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key)
