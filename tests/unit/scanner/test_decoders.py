from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from pos_client.scanner.decoders import (
    CODE_128,
    EAN_8,
    EAN_13,
    QR_CODE,
    UPC_A,
    CascadeDecoder,
    Code,
    PyzbarDecoder,
    ZxingDecoder,
)
from pos_client.scanner.synthetic import HEIGHT, WIDTH, SyntheticFrames, render_code

SHARED = Path(__file__).resolve().parents[4] / "shared" / "barcodes"
SHOWN = [
    ("LP1.k1.M-00001.59833333." + "Q" * 86, QR_CODE),
    ("4607012340016", EAN_13),
    ("46070128", EAN_8),
    ("036000291452", UPC_A),
    ("LC12345678", CODE_128),
]


@pytest.mark.parametrize(("text", "code_format"), SHOWN)
def test_the_cascade_reads_each_format_from_a_webcam_frame(text: str, code_format: str) -> None:
    frame = SyntheticFrames(seed=3).frame(text, code_format)
    assert frame.shape == (HEIGHT, WIDTH)
    (code,) = CascadeDecoder().decode(frame)
    assert (code.format, code.text) == (code_format, text)
    assert len(code.outline) == 4
    assert all(0 <= x < WIDTH and 0 <= y < HEIGHT for x, y in code.outline)


def test_pyzbar_reads_a_clean_code_too() -> None:
    image = np.pad(render_code("4607012340016", EAN_13, scale=3), 20, constant_values=255)
    assert [c.text for c in PyzbarDecoder().decode(image)] == ["4607012340016"]


def test_an_empty_frame_has_no_code() -> None:
    assert CascadeDecoder().decode(SyntheticFrames(seed=4).frame()) == []


class Counting:
    name = "counting"

    def __init__(self, codes: list[Code]) -> None:
        self.codes, self.calls = codes, 0

    def decode(self, gray: np.ndarray) -> list[Code]:
        self.calls += 1
        return self.codes


def test_the_fallback_runs_only_on_every_nth_miss() -> None:
    primary, fallback = Counting([]), Counting([Code(EAN_13, "4607012340016")])
    cascade = CascadeDecoder(primary, fallback, fallback_every=3)
    results = [cascade.decode(np.zeros((4, 4), np.uint8)) for _ in range(6)]
    assert [len(r) for r in results] == [0, 0, 1, 0, 0, 1]
    assert (primary.calls, fallback.calls) == (6, 2)


def test_a_primary_read_skips_the_fallback() -> None:
    primary, fallback = Counting([Code(QR_CODE, "x")]), Counting([])
    CascadeDecoder(primary, fallback).decode(np.zeros((4, 4), np.uint8))
    assert fallback.calls == 0


def test_fallback_every_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        CascadeDecoder(fallback_every=0)


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/barcodes is absent")
def test_the_cascade_reads_more_real_photos_than_either_library_alone() -> None:
    from pos_client.scanner.sources import read_image

    images = [
        (read_image(path), path.with_suffix(".txt").read_text("utf-8"))
        for path in sorted((SHARED / "ean13-1").iterdir())
        if path.suffix != ".txt" and path.with_suffix(".txt").exists()
    ]

    def reads(decoder: object) -> int:
        return sum(any(c.text == text for c in decoder.decode(img)) for img, text in images)  # type: ignore[attr-defined]

    cascade = reads(CascadeDecoder())
    assert cascade >= reads(ZxingDecoder())
    assert cascade >= reads(PyzbarDecoder())
    assert cascade > 0
