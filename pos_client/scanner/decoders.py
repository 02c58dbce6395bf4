"""Barcode decoders for grayscale frames: zxing-cpp first, pyzbar where zxing-cpp finds nothing.

Measured on the zxing-cpp project's sample photos (see the README's scan figures): zxing-cpp
reads most codes at a fraction of pyzbar's cost, and pyzbar still adds a few damaged EAN-13
and QR codes that zxing-cpp misses, so the cascade keeps both. The camera runs pyzbar only
on some frames (see `CascadeDecoder.fallback_every`); a file scan runs it on every miss.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np
import zxingcpp
from pyzbar import pyzbar

QR_CODE, EAN_13, EAN_8, UPC_A, CODE_128 = "QR_CODE", "EAN_13", "EAN_8", "UPC_A", "CODE_128"
FORMATS = (QR_CODE, EAN_13, EAN_8, UPC_A, CODE_128)

Point = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Code:
    """One code found in a frame: its format, its text and its outline in frame pixels."""

    format: str
    text: str
    outline: tuple[Point, ...] = ()


class Decoder(Protocol):
    name: str

    def decode(self, gray: np.ndarray) -> list[Code]:
        """Every code of the supported formats in an 8-bit grayscale image."""
        ...


_ZXING_FORMATS = {
    zxingcpp.BarcodeFormat.QRCode: QR_CODE,
    zxingcpp.BarcodeFormat.EAN13: EAN_13,
    zxingcpp.BarcodeFormat.EAN8: EAN_8,
    zxingcpp.BarcodeFormat.UPCA: UPC_A,
    zxingcpp.BarcodeFormat.Code128: CODE_128,
}
_PYZBAR_FORMATS = {
    pyzbar.ZBarSymbol.QRCODE: QR_CODE,
    pyzbar.ZBarSymbol.EAN13: EAN_13,
    pyzbar.ZBarSymbol.EAN8: EAN_8,
    pyzbar.ZBarSymbol.UPCA: UPC_A,
    pyzbar.ZBarSymbol.CODE128: CODE_128,
}


def normalized(code_format: str, text: str) -> tuple[str, str]:
    """An EAN-13 with a leading zero is a UPC-A: both libraries may report it either way."""
    if code_format == EAN_13 and len(text) == 13 and text.startswith("0"):
        return UPC_A, text[1:]
    return code_format, text


class ZxingDecoder:
    name = "zxing-cpp"

    def __init__(self) -> None:
        self._formats = zxingcpp.barcode_formats_from_str("QRCode,EAN13,EAN8,UPCA,Code128")

    def decode(self, gray: np.ndarray) -> list[Code]:
        found = zxingcpp.read_barcodes(
            gray, formats=self._formats, text_mode=zxingcpp.TextMode.Plain
        )
        return [
            Code(
                *normalized(_ZXING_FORMATS[result.format], result.text),
                tuple(
                    (point.x, point.y)
                    for point in (
                        result.position.top_left,
                        result.position.top_right,
                        result.position.bottom_right,
                        result.position.bottom_left,
                    )
                ),
            )
            for result in found
            if result.format in _ZXING_FORMATS and result.valid
        ]


class PyzbarDecoder:
    name = "pyzbar"

    def decode(self, gray: np.ndarray) -> list[Code]:
        codes = []
        for result in pyzbar.decode(gray, symbols=list(_PYZBAR_FORMATS)):
            try:
                text = result.data.decode("utf-8")
            except UnicodeDecodeError:
                continue  # zbar guessed the text encoding wrong: better no read than a wrong one
            code_format = _PYZBAR_FORMATS[pyzbar.ZBarSymbol[result.type]]
            outline = tuple((p.x, p.y) for p in result.polygon)
            codes.append(Code(*normalized(code_format, text), outline))
        return codes


class CascadeDecoder:
    """The primary decoder on every frame; the fallback on misses, every `fallback_every`-th.

    A file scan uses `fallback_every=1`. The camera uses a larger value: a code held up to it
    stays in view for many frames, so the fallback still gets its chance without doubling the
    cost of every empty frame.
    """

    name = "zxing-cpp+pyzbar"

    def __init__(
        self,
        primary: Decoder | None = None,
        fallback: Decoder | None = None,
        *,
        fallback_every: int = 1,
    ) -> None:
        if fallback_every < 1:
            raise ValueError("fallback_every must be at least 1")
        self.primary = primary or ZxingDecoder()
        self.fallback = fallback or PyzbarDecoder()
        self.fallback_every = fallback_every
        self._misses = 0

    def decode(self, gray: np.ndarray) -> list[Code]:
        codes = self.primary.decode(gray)
        if codes:
            self._misses = 0
            return codes
        self._misses += 1
        if self._misses % self.fallback_every:
            return []
        return self.fallback.decode(gray)
