"""Webcam-like 1280x720 grayscale frames with a code in them, for the demo, tests and benchmarks.

A code is drawn with zxing-cpp's writer, tilted a little, placed on an uneven background,
blurred as by a cheap lens and given sensor noise. Same seed, same frames.
"""

from __future__ import annotations

import cv2
import numpy as np
import zxingcpp

from pos_client.scanner.decoders import CODE_128, EAN_8, EAN_13, QR_CODE, UPC_A

WIDTH, HEIGHT = 1280, 720

_WRITER_FORMATS = {
    QR_CODE: zxingcpp.BarcodeFormat.QRCode,
    EAN_13: zxingcpp.BarcodeFormat.EAN13,
    EAN_8: zxingcpp.BarcodeFormat.EAN8,
    UPC_A: zxingcpp.BarcodeFormat.UPCA,
    CODE_128: zxingcpp.BarcodeFormat.Code128,
}


def render_code(text: str, code_format: str, *, scale: int = 4) -> np.ndarray:
    """A clean black-on-white image of the code, quiet zone included."""
    barcode = zxingcpp.create_barcode(text, _WRITER_FORMATS[code_format])
    image = np.asarray(barcode.to_image(scale=scale), dtype=np.uint8)
    if code_format == QR_CODE:
        return image
    # 1-D codes: make the bars tall enough to aim at
    return np.asarray(cv2.resize(image, (image.shape[1], max(image.shape[0], 40 * scale))))


class SyntheticFrames:
    def __init__(self, seed: int = 0, width: int = WIDTH, height: int = HEIGHT) -> None:
        self.rng = np.random.default_rng(seed)
        self.width, self.height = width, height

    def background(self) -> np.ndarray:
        """A dim, uneven scene: a lit gradient and soft blotches, like a counter and a hand."""
        low = self.rng.uniform(60, 200, (9, 16)).astype(np.float32)
        scene = cv2.resize(low, (self.width, self.height), interpolation=cv2.INTER_CUBIC)
        ramp = np.linspace(-25, 25, self.width, dtype=np.float32)
        return np.asarray(np.clip(scene + ramp, 0, 255), dtype=np.float32)

    def frame(self, text: str | None = None, code_format: str = QR_CODE) -> np.ndarray:
        """One frame; with `text`, the code is somewhere in it, filling about a fifth of it."""
        scene = self.background()
        if text is not None:
            self._place(scene, render_code(text, code_format, scale=1))
        scene = cv2.GaussianBlur(scene, (3, 3), 0.8)
        scene += self.rng.normal(0, 4, scene.shape).astype(np.float32)
        return np.clip(scene, 0, 255).astype(np.uint8)

    def _place(self, scene: np.ndarray, code: np.ndarray) -> None:
        target = self.rng.uniform(0.30, 0.45) * self.height
        factor = target / max(code.shape[0], code.shape[1] / 2.2)
        code = cv2.resize(code, None, fx=factor, fy=factor, interpolation=cv2.INTER_NEAREST)
        # paper is not pure white under a till's light, ink not pure black
        code = code.astype(np.float32) * self.rng.uniform(0.65, 0.85) + self.rng.uniform(10, 40)
        h, w = code.shape
        angle = self.rng.uniform(-8, 8)
        rotation = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        cos, sin = abs(rotation[0, 0]), abs(rotation[0, 1])
        out_w, out_h = int(h * sin + w * cos), int(h * cos + w * sin)
        rotation[0, 2] += out_w / 2 - w / 2
        rotation[1, 2] += out_h / 2 - h / 2
        mask = cv2.warpAffine(np.ones_like(code), rotation, (out_w, out_h))
        tilted = cv2.warpAffine(code, rotation, (out_w, out_h))
        out_w, out_h = min(out_w, self.width), min(out_h, self.height)
        x = int(self.rng.integers(0, self.width - out_w + 1))
        y = int(self.rng.integers(0, self.height - out_h + 1))
        region = scene[y : y + out_h, x : x + out_w]
        inside = mask[:out_h, :out_w] > 0.5
        region[inside] = tilted[:out_h, :out_w][inside]
