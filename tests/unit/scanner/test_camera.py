from __future__ import annotations

import threading

import numpy as np

from pos_client.scanner.camera import CAMERA_ENDED, CAMERA_FAILED, CAMERA_ON, CameraLoop, Debouncer
from pos_client.scanner.decoders import EAN_13, QR_CODE, CascadeDecoder, Code
from pos_client.scanner.sources import CameraError, SyntheticSource

CARD = Code(EAN_13, "2780000000047")
TOKEN = Code(QR_CODE, "LP1.k1.M-00004.1." + "A" * 86)


def test_a_code_is_accepted_after_two_frames_and_once_while_held() -> None:
    debouncer = Debouncer(repeats=2, release_frames=3)
    accepted = [debouncer.frame([CARD]) for _ in range(6)]
    assert accepted == [[], [CARD], [], [], [], []]


def test_a_code_read_once_in_passing_is_not_accepted() -> None:
    debouncer = Debouncer()
    assert [debouncer.frame(f) for f in ([CARD], [], [CARD], [])] == [[], [], [], []]


def test_a_code_shown_again_after_leaving_the_view_is_a_new_scan() -> None:
    debouncer = Debouncer(repeats=2, release_frames=2)
    frames = [[CARD], [CARD], [], [], [CARD], [CARD]]
    assert [len(debouncer.frame(f)) for f in frames] == [0, 1, 0, 0, 0, 1]


def test_a_signed_app_code_needs_one_frame() -> None:
    assert Debouncer().frame([TOKEN]) == [TOKEN]


class Events:
    def __init__(self) -> None:
        self.codes: list[Code] = []
        self.states: list[tuple[str, str]] = []
        self.done = threading.Event()

    def code(self, code: Code) -> None:
        self.codes.append(code)
        self.done.set()

    def state(self, state: str, detail: str) -> None:
        self.states.append((state, detail))
        if state == CAMERA_ENDED or len(self.states) >= 3:
            self.done.set()


def test_the_loop_reads_a_card_from_the_synthetic_camera() -> None:
    events = Events()
    loop = CameraLoop(
        lambda: SyntheticSource(lambda: (CARD.text, EAN_13), seed=1),
        CascadeDecoder(fallback_every=8),
        on_code=events.code,
        on_state=events.state,
        min_interval_s=0.001,
    )
    loop.start()
    assert events.done.wait(10)
    loop.stop()
    assert [c.text for c in events.codes] == [CARD.text]
    assert events.states[0] == (CAMERA_ON, "synthetic camera")


def test_a_failing_camera_is_reported_and_retried() -> None:
    events = Events()
    attempts: list[int] = []

    def unplugged() -> SyntheticSource:
        attempts.append(1)
        raise CameraError("the camera 0 is not connected or is used by another program")

    loop = CameraLoop(
        unplugged, CascadeDecoder(), on_code=events.code, on_state=events.state, retry_s=0.01
    )
    loop.start()
    assert events.done.wait(10)
    loop.stop()
    assert len(attempts) >= 3
    assert events.states[0] == (
        CAMERA_FAILED,
        "the camera 0 is not connected or is used by another program",
    )


class Finite:
    description = "two frames"

    def __init__(self) -> None:
        self.frames = [np.zeros((8, 8), np.uint8)] * 2

    def read(self) -> np.ndarray | None:
        return self.frames.pop() if self.frames else None

    def close(self) -> None:
        return None


def test_a_finite_source_ends_the_loop() -> None:
    events = Events()
    loop = CameraLoop(Finite, CascadeDecoder(), on_code=events.code, on_state=events.state)
    loop.start()
    assert events.done.wait(10)
    loop.stop()
    assert events.states == [(CAMERA_ON, "two frames"), (CAMERA_ENDED, "two frames")]
