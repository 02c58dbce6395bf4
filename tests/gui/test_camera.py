from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos_client.demo import DemoEnvironment
from pos_client.scanner.decoders import EAN_13, QR_CODE
from pos_client.ui.app import RunningTill, build_till
from pos_client.ui.camera_view import CameraPreview
from pos_client.ui.member_phone import QR_SIZE, MemberPhone
from tests.conftest import GOLD_CARD, MILK
from tests.gui.conftest import log_in


@pytest.fixture
def camera_till(demo: DemoEnvironment, qapp: QApplication, qtbot: QtBot) -> Iterator[RunningTill]:
    running = build_till(replace(demo.config, camera="synthetic"), qapp)
    qtbot.addWidget(running.window)
    running.window.resize(1280, 800)
    running.window.show()
    log_in(qtbot, running.window)
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
    window.handle_code(MILK)
    assert window.minimumSizeHint().height() <= 768  # fits a 1366x768 till screen, camera too


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
        running.window.show()
        log_in(qtbot, running.window)
        running.window.handle_code(MILK)
        assert len(running.window.checkout.receipt.lines) == 1
    finally:
        running.close()


class StepClock:
    """Unix time for the member's app, moved by the test (no waiting for 30 s steps)."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def test_the_member_app_code_held_up_identifies_the_member_and_renews(
    camera_till: RunningTill, demo: DemoEnvironment, qtbot: QtBot
) -> None:
    clock = StepClock()
    phone = MemberPhone(demo.members(), demo.app_code, camera=camera_till.camera, clock=clock)
    qtbot.addWidget(phone)
    phone.show()
    phone.member.setCurrentIndex(phone.member.findData("M-00004"))
    first = phone.token
    assert first.startswith("LP1.") and ".M-00004." in first
    assert phone.countdown.text().startswith("Код обновится через")
    assert phone.hold.isVisible()
    qtbot.mouseClick(phone.hold, Qt.MouseButton.LeftButton)
    window = camera_till.window
    qtbot.waitUntil(lambda: window.checkout.member is not None, timeout=10_000)
    assert window.checkout.member.member_id == "M-00004"  # type: ignore[union-attr]
    assert phone.hold.text() == "Убрать от камеры"

    clock.now += 30  # the next time step: a new code, still shown to the camera
    with qtbot.waitSignal(phone._timer.timeout, timeout=3000):
        pass
    assert phone.token != first
    assert camera_till.camera.showing == (phone.token, QR_CODE)  # type: ignore[union-attr]
    phone.close()
    assert camera_till.camera.showing is None  # type: ignore[union-attr]


def test_without_a_simulated_camera_the_app_only_shows_its_code(
    demo: DemoEnvironment, qtbot: QtBot
) -> None:
    phone = MemberPhone(demo.members(), demo.app_code)
    qtbot.addWidget(phone)
    phone.show()
    assert not phone.hold.isVisible()
    assert phone.code.pixmap().width() == QR_SIZE
    assert phone.hint.text() == "Поднесите экран с кодом к веб-камере кассы"
