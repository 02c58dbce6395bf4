"""From a camera frame showing a member's app code arriving to the member in the panel.

The real till (demo hub, offscreen window, the camera thread with the product's decoder) sees
synthetic 720p frames. A frame "arrives" when the frame source hands it over; the member is
"shown" when the member panel has been given the member. Each trial shows a fresh code of
another time step (the till's clock moves with it), so none is refused as replayed.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import numpy as np

TRIALS = 30
TIMEOUT_MS = 5000


class MovableClock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


class StampedSource:
    """A synthetic camera that notes when each shown code's first frame is handed over."""

    description = "synthetic camera (timed)"

    def __init__(self, showing: Callable[[], tuple[str, str] | None]) -> None:
        from pos_client.scanner.sources import SyntheticSource

        self._showing = showing
        self._inner = SyntheticSource(showing)
        self.arrived: dict[str, float] = {}

    def read(self) -> np.ndarray | None:
        shown = self._showing()
        frame = self._inner.read()
        if shown is not None and shown[0] not in self.arrived:
            self.arrived[shown[0]] = time.perf_counter()
        return frame

    def close(self) -> None:
        self._inner.close()


def ready_to_sell(window: object) -> None:
    """The demo cashier logged in with the shift open, and the start-up state frozen out of the
    collector's way, as the till does once its window is up."""
    from pos_client.ui.app import keep_out_of_gc
    from pos_client.ui.smoke import start_demo_shift

    assert start_demo_shift(window)  # type: ignore[arg-type]
    keep_out_of_gc()


def run() -> dict[str, object]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from pos_client.core.loyalty import Member, PointsBalance
    from pos_client.demo import start_demo
    from pos_client.scanner.decoders import QR_CODE
    from pos_client.ui.app import build_till
    from pos_client.ui.camera_view import start_camera_loop

    app = QApplication.instance() or QApplication([])
    demo = start_demo(language="en", camera="synthetic")
    clock = MovableClock()
    till = build_till(demo.config, app, clock=clock)
    ready_to_sell(till.window)
    camera = till.camera
    assert camera is not None and till.camera_loop is not None
    till.camera_loop.stop()
    source = StampedSource(lambda: camera.showing)
    till.camera_loop = start_camera_loop(lambda: source, camera)

    panel = till.window.member_panel
    show_member = panel.show_member
    shown_at: dict[str, float] = {}
    waiting = QEventLoop()
    timeout = QTimer()
    timeout.setSingleShot(True)
    timeout.timeout.connect(waiting.quit)

    def timed_show(member: Member | None, balance: PointsBalance) -> None:
        show_member(member, balance)
        if member is not None and member.member_id not in shown_at:
            shown_at[member.member_id] = time.perf_counter()
            waiting.quit()

    panel.show_member = timed_show  # type: ignore[method-assign]
    members = [member_id for member_id, _ in demo.members()]
    latencies: list[float] = []
    try:
        for trial in range(TRIALS):
            member_id = members[trial % len(members)]
            clock.now += timedelta(seconds=30)
            token = demo.app_code(member_id, clock.now.timestamp())
            till.window.cancel_receipt()
            shown_at.clear()
            camera.showing = (token, QR_CODE)
            timeout.start(TIMEOUT_MS)
            waiting.exec()
            camera.showing = None
            if member_id in shown_at:
                latencies.append((shown_at[member_id] - source.arrived[token]) * 1000)
    finally:
        till.close()
        demo.close()
    return {
        "frame_to_member_n": len(latencies),
        "frame_to_member_missed": TRIALS - len(latencies),
        "frame_to_member_median_ms": round(statistics.median(latencies), 1),
        "frame_to_member_p95_ms": round(statistics.quantiles(latencies, n=20)[18], 1),
        "frame_to_member_max_ms": round(max(latencies), 1),
    }
