"""The demo's stand-in for a member's loyalty app: the signed QR code, renewed every 30 s.

Hold the screen up to the till's webcam, or, with the synthetic camera, press "Hold up to
the camera" and the code appears in the camera's frames.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QPixmap
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QVBoxLayout, QWidget

from pos_client.core.identity import STEP_SECONDS, time_step
from pos_client.scanner.decoders import QR_CODE
from pos_client.scanner.synthetic import render_code
from pos_client.ui.app import RunningTill
from pos_client.ui.camera_view import CameraBridge, gray_image
from pos_client.ui.strings import tr

QR_SIZE = 360  # pixels on screen: a webcam a step away reads it easily
TokenMaker = Callable[[str, float], str]  # (member id, unix time) -> the app code shown then


class MemberPhone(QWidget):
    def __init__(
        self,
        members: Sequence[tuple[str, str]],
        make_token: TokenMaker,
        *,
        camera: CameraBridge | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("memberPhone")
        self.setWindowTitle(tr("phone_app_title"))
        self._make_token, self._camera, self._clock = make_token, camera, clock
        self._step: int | None = None
        self.token = ""
        layout = QVBoxLayout(self)
        self.member = QComboBox(self)
        for member_id, name in members:
            self.member.addItem(f"{name} · {member_id}", member_id)
        self.member.currentIndexChanged.connect(self._renew)
        layout.addWidget(self.member)
        self.code = QLabel(self)
        self.code.setObjectName("appCode")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setFixedSize(QR_SIZE, QR_SIZE)
        layout.addWidget(self.code, 0, Qt.AlignmentFlag.AlignHCenter)
        self.countdown = QLabel(self)
        self.countdown.setObjectName("appCountdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.countdown)
        self.hint = QLabel(tr("phone_app_hint_synthetic" if camera else "phone_app_hint"), self)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.hold = QPushButton(tr("phone_app_hold"), self)
        self.hold.setCheckable(True)
        self.hold.setVisible(camera is not None)
        self.hold.toggled.connect(self._held_up)
        layout.addWidget(self.hold)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        self._renew()

    def _tick(self) -> None:
        now = self._clock()
        if time_step(now) != self._step:
            self._renew()
            return
        left = STEP_SECONDS - int(now % STEP_SECONDS)
        self.countdown.setText(tr("phone_app_renews", seconds=left))

    def _renew(self) -> None:
        """A new code: another member was chosen or the time step has passed."""
        member_id = self.member.currentData()
        if member_id is None:
            return
        now = self._clock()
        self._step = time_step(now)
        self.token = self._make_token(member_id, now)
        self.code.setPixmap(_pixmap(render_code(self.token, QR_CODE, scale=8), QR_SIZE))
        self.countdown.setText(
            tr("phone_app_renews", seconds=STEP_SECONDS - int(now % STEP_SECONDS))
        )
        self._held_up(self.hold.isChecked())

    def _held_up(self, held: bool) -> None:
        if self._camera is not None:
            self._camera.showing = (self.token, QR_CODE) if held else None
        self.hold.setText(tr("phone_app_away" if held else "phone_app_hold"))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self.hold.setChecked(False)
        self._timer.stop()
        super().closeEvent(event)


def _pixmap(gray: np.ndarray, size: int) -> QPixmap:
    return QPixmap.fromImage(gray_image(gray)).scaled(
        size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
    )


def open_member_phone(
    till: RunningTill, members: Sequence[tuple[str, str]], make_token: TokenMaker
) -> None:
    """Show the demo member's app beside the till; it closes with the till."""
    phone = MemberPhone(members, make_token, camera=till.camera)
    geometry = till.window.frameGeometry()
    phone.move(geometry.right() + 16, geometry.top())
    phone.show()
    till.extra_windows.append(phone)
