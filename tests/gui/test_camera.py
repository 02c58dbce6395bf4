from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos_client.demo import DemoEnvironment
from pos_client.scanner.decoders import EAN_13
from pos_client.ui.app import RunningTill, build_till
from pos_client.ui.camera_view import CameraPreview
from tests.conftest import GOLD_CARD, MILK


@pytest.fixture
def camera_till(demo: DemoEnvironment, qapp: QApplication, qtbot: QtBot) -> Iterator[RunningTill]:
    running = build_till(replace(demo.config, camera="synthetic"), qapp)
    qtbot.addWidget(running.window)
    running.window.resize(1280, 800)
    running.window.show()
    yield running
    running.close()


def test_a_card_held_up_to_the_camera_identifies_the_member_once(
    camera_till: RunningTill, qtbot: QtBot
) -> None:
    window, camera = camera_till.window, camera_till.camera
    assert camera is not None
    preview = window.findChild(CameraPreview)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pixmap() is not None and not preview.pixmap().isNull())
    with qtbot.waitSignal(camera.code_read, timeout=10_000):
        camera.showing = (GOLD_CARD, EAN_13)
    qtbot.waitUntil(lambda: window.checkout.member is not None)
    assert window.checkout.member.card == GOLD_CARD  # type: ignore[union-attr]
    assert "Покупатель" in window.message.text()


def test_a_product_shown_to_the_camera_goes_on_the_receipt(
    camera_till: RunningTill, qtbot: QtBot
) -> None:
    camera = camera_till.camera
    assert camera is not None
    camera.showing = (MILK, EAN_13)
    qtbot.waitUntil(lambda: len(camera_till.window.checkout.receipt.lines) == 1, timeout=10_000)
    camera.showing = None
    lines = camera_till.window.checkout.receipt.lines
    assert [(line.product.barcode, line.quantity) for line in lines] == [(MILK, 1)]


def test_a_missing_camera_is_shown_and_the_till_keeps_working(
    demo: DemoEnvironment, qapp: QApplication, qtbot: QtBot
) -> None:
    running = build_till(replace(demo.config, camera="/dev/video-absent"), qapp)
    qtbot.addWidget(running.window)
    try:
        preview = running.window.findChild(CameraPreview)
        assert preview is not None
        qtbot.waitUntil(lambda: "Камера не отвечает" in preview.text(), timeout=10_000)
        running.window.handle_code(MILK)
        assert len(running.window.checkout.receipt.lines) == 1
    finally:
        running.close()
