"""The camera in the window: the Qt-free camera loop's callbacks as signals, and its preview."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QLabel, QWidget

from pos_client.config import TerminalConfig
from pos_client.scanner.camera import CAMERA_FAILED, CAMERA_ON, CameraLoop
from pos_client.scanner.decoders import CascadeDecoder, Code
from pos_client.scanner.sources import FrameSource, source_for
from pos_client.ui.strings import tr

PREVIEW_WIDTH, PREVIEW_HEIGHT = 208, 117  # 16:9, as tall as the scan field and message
PREVIEW_EVERY = 2  # frames: the preview needs far fewer than the decoder
CAMERA_FALLBACK_EVERY = 8  # pyzbar on every 8th empty frame (see scanner.decoders)


class CameraBridge(QObject):
    code_read = Signal(str)
    frame_ready = Signal(QImage, object)  # the frame, the outlines of the codes found
    state_changed = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._frames = 0
        self.showing: tuple[str, str] | None = None  # for the synthetic camera: (text, format)

    def code(self, code: Code) -> None:
        self.code_read.emit(code.text)

    def state(self, state: str, detail: str) -> None:
        self.state_changed.emit(state, detail)

    def frame(self, gray: np.ndarray, codes: list[Code]) -> None:
        self._frames += 1
        if codes or self._frames % PREVIEW_EVERY == 0:
            self.frame_ready.emit(gray_image(gray), [code.outline for code in codes])


def gray_image(gray: np.ndarray) -> QImage:
    """A grayscale numpy picture as a QImage that owns its pixels."""
    height, width = gray.shape
    return QImage(gray.data, width, height, width, QImage.Format.Format_Grayscale8).copy()


class CameraPreview(QLabel):
    """What the camera sees, small, with a green outline around a code it reads."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraPreview")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFixedSize(PREVIEW_WIDTH, PREVIEW_HEIGHT)
        self.setWordWrap(True)
        self.state = ""
        self.setText(tr("camera_starting"))

    def show_frame(self, image: QImage, outlines: list[tuple[tuple[int, int], ...]]) -> None:
        if self.state != CAMERA_ON:
            return
        pixmap = QPixmap.fromImage(image.convertToFormat(QImage.Format.Format_RGB32))
        if outlines:
            painter = QPainter(pixmap)
            painter.setPen(QPen(QColor("#2ecc71"), max(4, image.width() // 160)))
            for outline in outlines:
                painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in outline]))
            painter.end()
        self.setPixmap(
            pixmap.scaled(
                self.width(),
                self.height(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.FastTransformation,
            )
        )

    def show_state(self, state: str, detail: str) -> None:
        self.state = state
        self.setToolTip(detail)  # the technical detail, for store IT
        if state == CAMERA_ON:
            return
        self.clear()
        self.setText(tr("camera_failed" if state == CAMERA_FAILED else "camera_ended"))
        self.setProperty("kind", "error" if state == CAMERA_FAILED else "info")


def start_camera(config: TerminalConfig, bridge: CameraBridge) -> CameraLoop:
    """The camera thread for the configured camera: a device index or path, `file:PATH`
    (an image, a folder of images or a video), or `synthetic` (what `bridge.showing` says)."""

    def open_source() -> FrameSource:
        return source_for(
            config.camera, config.camera_width, config.camera_height, lambda: bridge.showing
        )

    return start_camera_loop(open_source, bridge)


def start_camera_loop(open_source: Callable[[], FrameSource], bridge: CameraBridge) -> CameraLoop:
    """The till's camera thread on any frame source, reporting to the bridge."""
    loop = CameraLoop(
        open_source,
        CascadeDecoder(fallback_every=CAMERA_FALLBACK_EVERY),
        on_code=bridge.code,
        on_state=bridge.state,
        on_frame=bridge.frame,
    )
    loop.start()
    return loop
