"""The camera thread: capture, decode at a bounded rate, accept codes that hold still.

Qt-free: it reports through plain callbacks, which the window turns into signals. A code is
accepted once it is read in two consecutive frames (a signed app code at once: it cannot be
misread into another valid one), and not again until it has left the view for a moment, so
a card held up stays one scan. The decode rate adapts to what a frame costs, so the camera
takes at most `cpu_share` of one core and the window stays smooth on a 2-core till. A camera
that fails is reported and reopened every `retry_s` seconds.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from pos_client.core.identity import TOKEN_PREFIX
from pos_client.scanner.decoders import Code, Decoder
from pos_client.scanner.sources import CameraError, FrameSource

CAMERA_ON, CAMERA_FAILED, CAMERA_ENDED = "on", "failed", "ended"
log = logging.getLogger(__name__)


@dataclass
class Debouncer:
    """Turns per-frame reads into accepted scans."""

    repeats: int = 2
    release_frames: int = 5  # frames without the code before it can be accepted again
    _streak: dict[str, int] = field(default_factory=dict)
    _accepted: dict[str, int] = field(default_factory=dict)  # text -> frames since last seen

    def frame(self, codes: list[Code]) -> list[Code]:
        texts = {code.text for code in codes}
        self._streak = {text: self._streak.get(text, 0) + 1 for text in texts}
        for text in list(self._accepted):
            if text in texts:
                self._accepted[text] = 0
            else:
                self._accepted[text] += 1
                if self._accepted[text] >= self.release_frames:
                    del self._accepted[text]
        accepted = []
        for code in codes:
            needed = 1 if code.text.startswith(TOKEN_PREFIX + ".") else self.repeats
            if code.text not in self._accepted and self._streak[code.text] >= needed:
                self._accepted[code.text] = 0
                accepted.append(code)
        return accepted


class CameraLoop:
    def __init__(
        self,
        open_source: Callable[[], FrameSource],
        decoder: Decoder,
        *,
        on_code: Callable[[Code], None],
        on_state: Callable[[str, str], None],
        on_frame: Callable[[np.ndarray, list[Code]], None] | None = None,
        cpu_share: float = 0.5,
        min_interval_s: float = 0.02,
        retry_s: float = 2.0,
    ) -> None:
        self._open_source = open_source
        self._decoder = decoder
        self._on_code, self._on_state, self._on_frame = on_code, on_state, on_frame
        self._cpu_share = cpu_share
        self._min_interval_s = min_interval_s
        self._retry_s = retry_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.debouncer = Debouncer()
        self._last_state = ""

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="camera", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                source = self._open_source()
            except CameraError as exc:
                self._report(CAMERA_FAILED, str(exc))
                self._stop.wait(self._retry_s)
                continue
            self._report(CAMERA_ON, source.description)
            try:
                if self._scan(source):
                    self._report(CAMERA_ENDED, source.description)
                    return
            except CameraError as exc:
                self._report(CAMERA_FAILED, str(exc))
                self._stop.wait(self._retry_s)
            finally:
                source.close()

    def _report(self, state: str, detail: str) -> None:
        """Tell the window; log a change of state (not every retry of a missing camera)."""
        if state != self._last_state:
            log.log(
                logging.WARNING if state == CAMERA_FAILED else logging.INFO,
                "camera %s: %s",
                state,
                detail,
            )
            self._last_state = state
        self._on_state(state, detail)

    def _scan(self, source: FrameSource) -> bool:
        """Decode frames until stopped (False) or the source is used up (True)."""
        while not self._stop.is_set():
            frame = source.read()
            if frame is None:
                return True
            started = time.perf_counter()
            codes = self._decoder.decode(frame)
            spent = time.perf_counter() - started
            if self._on_frame is not None:
                self._on_frame(frame, codes)
            for code in self.debouncer.frame(codes):
                self._on_code(code)
            # rest long enough that decoding takes at most cpu_share of a core
            rest = max(self._min_interval_s, spent * (1 / self._cpu_share - 1))
            self._stop.wait(rest)
        return False
