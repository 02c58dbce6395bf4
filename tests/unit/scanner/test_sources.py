from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from pos_client.scanner.decoders import EAN_13, CascadeDecoder
from pos_client.scanner.sources import (
    CameraError,
    CameraSource,
    FileSource,
    SyntheticSource,
    read_image,
)
from pos_client.scanner.synthetic import SyntheticFrames


def test_a_folder_gives_its_images_in_name_order_and_skips_the_rest(tmp_path: Path) -> None:
    frames = SyntheticFrames(seed=1)
    cv2.imwrite(str(tmp_path / "b.png"), frames.frame("4607012340016", EAN_13))
    cv2.imwrite(str(tmp_path / "a.jpg"), frames.frame())
    (tmp_path / "c.png").write_bytes(b"not an image")
    (tmp_path / "notes.txt").write_text("hello")
    source = FileSource(tmp_path)
    first, second = source.read(), source.read()
    assert first is not None and second is not None
    assert CascadeDecoder().decode(first) == []
    assert [c.text for c in CascadeDecoder().decode(second)] == ["4607012340016"]
    assert source.read() is None


def test_a_video_file_is_read_frame_by_frame(tmp_path: Path) -> None:
    path = tmp_path / "clip.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 10, (320, 240), False)
    for _ in range(3):
        writer.write(np.full((240, 320), 128, np.uint8))
    writer.release()
    source = FileSource(path)
    shapes = [source.read().shape for _ in range(3)]  # type: ignore[union-attr]
    assert shapes == [(240, 320)] * 3
    assert source.read() is None
    source.close()


def test_a_missing_path_or_a_bad_image_is_named(tmp_path: Path) -> None:
    with pytest.raises(CameraError, match="no such file"):
        FileSource(tmp_path / "absent.png")
    (tmp_path / "bad.png").write_bytes(b"\x89PNG broken")
    with pytest.raises(ValueError, match="not an image"):
        read_image(tmp_path / "bad.png")


def test_a_camera_that_is_not_there_says_so() -> None:
    with pytest.raises(CameraError, match="not connected"):
        CameraSource("/dev/video-absent")


def test_the_synthetic_camera_shows_what_it_is_told() -> None:
    showing: list[tuple[str, str] | None] = [None]
    source = SyntheticSource(lambda: showing[0], seed=2)
    assert CascadeDecoder().decode(source.read()) == []  # type: ignore[arg-type]
    showing[0] = ("2780000000047", EAN_13)
    codes = CascadeDecoder().decode(source.read())  # type: ignore[arg-type]
    assert [c.text for c in codes] == ["2780000000047"]
