"""Where frames come from: a webcam, image files, a video file, or synthetic frames.

Every source hands out 8-bit grayscale frames; `read()` returns None when a finite source is
used up. A webcam that cannot be opened or stops giving frames raises CameraError with a
message for the cashier; the camera loop retries it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np

from pos_client.scanner.synthetic import SyntheticFrames

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".bmp", ".tif", ".tiff", ".pgm"}
VIDEO_SUFFIXES = {".mp4", ".avi", ".mkv", ".mov", ".webm"}


class CameraError(Exception):
    """The camera cannot give frames now (unplugged, busy, no permission)."""


class FrameSource(Protocol):
    description: str

    def read(self) -> np.ndarray | None: ...

    def close(self) -> None: ...


def to_gray(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return image
    return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


def read_image(path: Path) -> np.ndarray:
    """A grayscale image from a file; ValueError with the reason when it cannot be read."""
    data = np.fromfile(path, dtype=np.uint8)  # also for names imread cannot open
    image = cv2.imdecode(data, cv2.IMREAD_GRAYSCALE) if data.size else None
    if image is None:
        raise ValueError(f"{path}: not an image this terminal can read")
    return image


class CameraSource:
    """A webcam through OpenCV: a device index ("0") or a device path ("/dev/video2")."""

    def __init__(self, device: str, width: int = 1280, height: int = 720) -> None:
        self.description = f"camera {device} ({width}x{height})"
        target: int | str = int(device) if device.isdigit() else device
        self._capture = cv2.VideoCapture(target)
        if not self._capture.isOpened():
            self._capture.release()
            raise CameraError(f"the camera {device} is not connected or is used by another program")
        self._capture.set(cv2.CAP_PROP_FRAME_WIDTH, width)
        self._capture.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
        self._capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # the newest frame, not a queue of old ones

    def read(self) -> np.ndarray | None:
        ok, frame = self._capture.read()
        if not ok or frame is None:
            raise CameraError(f"the {self.description} stopped giving pictures")
        return to_gray(frame)

    def close(self) -> None:
        self._capture.release()


class FileSource:
    """An image, a folder of images (in name order) or a video file, read once.

    A path that is missing or not a readable video is a CameraError, like an absent webcam.
    """

    def __init__(self, path: Path) -> None:
        self.description = str(path)
        if not path.exists():
            raise CameraError(f"{path}: no such file or folder")
        self._video: cv2.VideoCapture | None = None
        self._images: Iterator[Path] = iter(())
        if path.is_dir():
            self._images = iter(
                sorted(p for p in path.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
            )
        elif path.suffix.lower() in VIDEO_SUFFIXES:
            self._video = cv2.VideoCapture(str(path))
            if not self._video.isOpened():
                raise CameraError(f"{path}: not a video this terminal can read")
        else:
            self._images = iter([path])

    def read(self) -> np.ndarray | None:
        if self._video is not None:
            ok, frame = self._video.read()
            return to_gray(frame) if ok else None
        for path in self._images:
            try:
                return read_image(path)
            except ValueError:
                continue  # a stray file in the folder is skipped, not fatal
        return None

    def close(self) -> None:
        if self._video is not None:
            self._video.release()


class SyntheticSource:
    """Endless webcam-like frames showing whatever code `showing()` returns (or none).

    The demo's member phone window feeds its current app code here, so the whole camera
    path can be tried without a webcam.
    """

    description = "synthetic camera"

    def __init__(self, showing: Callable[[], tuple[str, str] | None], seed: int = 0) -> None:
        self._showing = showing
        self._frames = SyntheticFrames(seed)

    def read(self) -> np.ndarray | None:
        shown = self._showing()
        if shown is None:
            return self._frames.frame()
        text, code_format = shown
        return self._frames.frame(text, code_format)

    def close(self) -> None:
        return None


def source_for(
    camera: str,
    width: int,
    height: int,
    showing: Callable[[], tuple[str, str] | None] = lambda: None,
) -> FrameSource:
    """The source a camera setting names: a device index or path, `file:PATH` (an image, a
    folder of images or a video), or `synthetic` (frames showing what `showing()` says).
    Raises CameraError when it cannot be opened."""
    if camera == "synthetic":
        return SyntheticSource(showing)
    if camera.startswith("file:"):
        return FileSource(Path(camera.removeprefix("file:")))
    return CameraSource(camera, width, height)
