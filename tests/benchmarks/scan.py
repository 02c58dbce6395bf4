"""Decoding: the project's cascade next to pyzbar alone and zxing-cpp alone, in one run.

Reads ../shared/barcodes (photos from the zxing-cpp project's test samples, each with the
expected text beside it) and times 1280x720 synthetic webcam frames with and without a code.
"""

from __future__ import annotations

import re
import statistics
import time
from pathlib import Path

import numpy as np

from pos_client.scanner.decoders import (
    CODE_128,
    EAN_13,
    QR_CODE,
    CascadeDecoder,
    Decoder,
    PyzbarDecoder,
    ZxingDecoder,
    normalized,
)
from pos_client.scanner.sources import IMAGE_SUFFIXES, read_image
from pos_client.scanner.synthetic import SyntheticFrames
from tests.benchmarks import member_latency

SHARED = Path(__file__).resolve().parents[3] / "shared" / "barcodes"
SETS = {"qrcode": ("qr", QR_CODE), "ean13": ("ean13", EAN_13), "code128": ("code128", CODE_128)}
CAMERA_FALLBACK_EVERY = 8  # as the till's camera loop runs it
NOTE = re.compile(r"(\S+)\.txt says (\d+) but the digits printed under the bars read (\d+)")


def corrections(root: Path) -> dict[str, str]:
    """Expected texts the data set's SOURCE.txt says are wrong, with the right ones."""
    source = root / "SOURCE.txt"
    if not source.exists():
        return {}
    return {stem: right for stem, _, right in NOTE.findall(source.read_text("utf-8"))}


def samples(root: Path) -> list[tuple[str, np.ndarray, str]]:
    fixed = corrections(root)
    found = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        prefix = folder.name.split("-")[0]
        if prefix not in SETS:
            continue
        for image in sorted(folder.iterdir()):
            expected_file = image.with_suffix(".txt")
            if image.suffix.lower() not in IMAGE_SUFFIXES or not expected_file.exists():
                continue
            expected = expected_file.read_bytes().decode("utf-8", "replace")
            expected = fixed.get(f"{folder.name}/{image.stem}", expected)
            found.append((prefix, read_image(image), expected))
    return found


def counts(decoder: Decoder, data: list[tuple[str, np.ndarray, str]]) -> dict[str, int]:
    figures: dict[str, int] = {"wrong_ascii": 0, "wrong_other": 0}
    for prefix, image, expected in data:
        name, code_format = SETS[prefix]
        figures.setdefault(f"{name}_ok", 0)
        figures[f"{name}_n"] = figures.get(f"{name}_n", 0) + 1
        codes = decoder.decode(image)
        wanted = normalized(code_format, expected)
        texts = [
            (c.format, c.text) for c in codes if normalized(code_format, c.text)[0] == c.format
        ]
        if wanted in texts:
            figures[f"{name}_ok"] += 1
        elif texts:
            figures["wrong_ascii" if expected.isascii() else "wrong_other"] += 1
    return figures


def frame_times(decoder: Decoder, frames: list[np.ndarray]) -> list[float]:
    times = []
    for frame in frames:
        start = time.perf_counter()
        decoder.decode(frame)
        times.append((time.perf_counter() - start) * 1000)
    return times


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18]


def webcam_frames(count: int) -> tuple[list[np.ndarray], list[np.ndarray]]:
    synthetic = SyntheticFrames(seed=11)
    shown = [
        ("LP1.k1.M-00001.59833333." + "Q" * 86, QR_CODE),
        ("2780000000047", EAN_13),
        ("4607012340016", EAN_13),
        ("LC12345678", CODE_128),
    ]
    with_code = [synthetic.frame(*shown[n % len(shown)]) for n in range(count)]
    return with_code, [synthetic.frame() for _ in range(count)]


def run() -> dict[str, object]:
    figures: dict[str, object] = {}
    if SHARED.is_dir():
        data = samples(SHARED)
        figures.update(counts(CascadeDecoder(), data))
        for prefix, decoder in (("pyzbar_", PyzbarDecoder()), ("zxing_", ZxingDecoder())):
            figures.update({prefix + k: v for k, v in counts(decoder, data).items()})
    else:
        figures["skipped_samples"] = f"{SHARED} is absent"
    with_code, empty = webcam_frames(60)
    camera = CascadeDecoder(fallback_every=CAMERA_FALLBACK_EVERY)
    for prefix, decoder in (("", camera), ("pyzbar_", PyzbarDecoder()), ("zxing_", ZxingDecoder())):
        coded, blank = frame_times(decoder, with_code), frame_times(decoder, empty)
        figures[prefix + "frame_median_ms"] = round(statistics.median(coded), 2)
        figures[prefix + "frame_p95_ms"] = round(p95(coded), 2)
        figures[prefix + "empty_frame_median_ms"] = round(statistics.median(blank), 2)
        figures[prefix + "empty_frame_p95_ms"] = round(p95(blank), 2)
    figures["camera_fallback_every"] = CAMERA_FALLBACK_EVERY
    figures.update(member_latency.run())
    return figures
