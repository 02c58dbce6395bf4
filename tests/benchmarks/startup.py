"""Start-up: process start to the till's window ready, from source and frozen, next to a bare
PySide6 window started the same way in the same run; and the bundle's size.

Each start is a new process (the OS file cache is warm after the first). The till starts as
on a working day: provisioned, caches filled by an earlier sync, its hub answering. It is
ready when its log says "window ready" (written after the first paint); the bare window
prints "ready" at the same point. Offscreen, so no display server's cost is counted. Python
may cache bytecode, as on an installed till (PYTHONDONTWRITEBYTECODE would make every start
compile the program anew), and one start of each kind before the timed ones fills the cache.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import tomli_w

from pos_client.demo import start_demo

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "pos-client"
RUNS = 7
TIMEOUT_S = 60
POLL_S = 0.002
BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class FirstPaint(QObject):
    # "ready" at the point the till logs it: once the window's first exposure is painted
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Expose and watched.isExposed():
            QTimer.singleShot(0, lambda: (print("ready", flush=True), app.quit()))
        return False


app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("pos-client"))
window.resize(1280, 800)
window.show()
first_paint = FirstPaint()
window.windowHandle().installEventFilter(first_paint)
app.exec()
"""


def bare_window_s(env: dict[str, str]) -> float:
    started = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, "-c", BARE_WINDOW], env=env, stdout=subprocess.PIPE, text=True
    ) as bare:
        assert bare.stdout is not None
        line = bare.stdout.readline()
        elapsed = time.perf_counter() - started
    if line.strip() != "ready":
        raise RuntimeError("the bare window did not start")
    return elapsed


def till_s(command: list[str], env: dict[str, str], log: Path) -> float:
    log.unlink(missing_ok=True)
    started = time.perf_counter()
    till = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while not (log.exists() and "window ready" in log.read_text("utf-8")):
            if till.poll() is not None or time.perf_counter() - started > TIMEOUT_S:
                raise RuntimeError(f"the till did not start: {till.stderr.read()!r}")  # type: ignore[union-attr]
            time.sleep(POLL_S)
        return time.perf_counter() - started
    finally:
        till.terminate()
        till.wait(TIMEOUT_S)


def bundle_bytes() -> int | None:
    if not BUNDLE.exists():
        return None
    return sum(f.stat().st_size for f in BUNDLE.rglob("*") if f.is_file() and not f.is_symlink())


def run() -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="pos-client-startup-") as tmp:
        home = Path(tmp)
        demo = start_demo(language="ru", root=home / "demo")
        try:
            config = home / "config.toml"
            token = home / "token"
            token.write_text(demo.config.token)
            token.chmod(0o600)
            config.write_text(
                tomli_w.dumps(
                    {
                        "api_url": demo.config.api_url,
                        "outlet_id": demo.config.outlet_id,
                        "terminal_id": demo.config.terminal_id,
                        "token_file": str(token),
                        "data_dir": str(demo.config.data_dir),
                    }
                )
            )
            env = {
                **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
                "QT_QPA_PLATFORM": "offscreen",
                "HOME": str(home),
                "XDG_STATE_HOME": str(home / "state"),
            }
            log = home / "state" / "pos-client" / "log" / "pos-client.log"
            source = [sys.executable, "-m", "pos_client", "--config", str(config)]
            frozen = [str(BUNDLE / "pos-client"), "--config", str(config)]
            bare_window_s(env)
            till_s(source, env, log)
            # Interleaved, so a busy moment of this shared machine hits all three alike.
            bare, source_times, frozen_times = [], [], []
            for _ in range(RUNS):
                bare.append(bare_window_s(env))
                source_times.append(till_s(source, env, log))
                if BUNDLE.exists():
                    frozen_times.append(till_s(frozen, env, log))
        finally:
            demo.close()
    bare_median = statistics.median(bare)
    figures: dict[str, object] = {
        "runs": RUNS,
        "bare_window_median_s": round(bare_median, 3),
        "window_ready_source_median_s": round(statistics.median(source_times), 3),
        "source_vs_bare": round(statistics.median(source_times) / bare_median, 2),
        "window_ready_source_s": [round(t, 3) for t in source_times],
        "bare_window_s": [round(t, 3) for t in bare],
        "bundle_mb": None,  # megabytes of 10^6 bytes, as the target is given
        "bundle_mib": None,  # what `du -sm` and `ls -h` call MB
        "window_ready_frozen_median_s": None,
    }
    size = bundle_bytes()
    if size is not None:
        figures["bundle_mb"] = round(size / 10**6, 1)
        figures["bundle_mib"] = round(size / 2**20, 1)
    if frozen_times:
        frozen_median = statistics.median(frozen_times)
        figures["window_ready_frozen_median_s"] = round(frozen_median, 3)
        figures["frozen_vs_bare"] = round(frozen_median / bare_median, 2)
        figures["window_ready_frozen_s"] = [round(t, 3) for t in frozen_times]
    else:
        figures["note"] = "no bundle in dist/pos-client: run `make package` for the frozen figures"
    return figures
