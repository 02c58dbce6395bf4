from __future__ import annotations

import json
from pathlib import Path

import cv2

from pos_client.cli import main
from pos_client.scanner.decoders import EAN_13, QR_CODE
from pos_client.scanner.synthetic import SyntheticFrames


def test_scan_prints_one_json_line_per_file_and_fails_on_unreadable(
    tmp_path: Path, capsys: object, monkeypatch: object
) -> None:
    monkeypatch.setenv("POS_CLIENT_API_URL", "")  # type: ignore[attr-defined]
    frames = SyntheticFrames(seed=5)
    card, token = tmp_path / "card.png", tmp_path / "token.png"
    cv2.imwrite(str(card), frames.frame("2780000000047", EAN_13))
    cv2.imwrite(str(token), frames.frame("LP1.k1.M-00001.1." + "A" * 86, QR_CODE))
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x00" * 10)
    status = main(
        [
            "--config",
            str(tmp_path / "none.toml"),
            "scan",
            "--json",
            str(card),
            str(broken),
            str(token),
        ]
    )
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]  # type: ignore[attr-defined]
    assert status == 1
    assert lines[0]["codes"] == [
        {"format": "EAN_13", "text": "2780000000047", "kind": "member_card"}
    ]
    assert "not an image" in lines[1]["error"]
    assert lines[2]["codes"][0]["kind"] == "member_token"
    assert lines[0]["ms"] >= 0


def test_scan_of_readable_files_exits_0_with_readable_lines(tmp_path: Path, capsys: object) -> None:
    image = tmp_path / "milk.png"
    cv2.imwrite(str(image), SyntheticFrames(seed=6).frame("4607012340177", EAN_13))
    empty = tmp_path / "empty.png"
    cv2.imwrite(str(empty), SyntheticFrames(seed=6).frame())
    assert main(["--config", str(tmp_path / "none.toml"), "scan", str(image), str(empty)]) == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert "EAN_13 '4607012340177' (product)" in out
    assert "empty.png: no code found" in out
