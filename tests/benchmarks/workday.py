"""A working day at one till: 1,000 sales through the real window in its own event loop.

The demo till runs as in a store (offscreen): the cashier logs in and opens the shift, then
every sale scans four products (every fifth also a member's card), is paid by card through the
payment dialog and its receipt is closed, each step from the event loop as keys would come. The
sync thread pushes the sales to the demo hub meanwhile. Figures: the time of a sale in the
till's code (scans, pricing, payment, the journal commit) over the first and the last 100
sales, side by side; the process's memory and the window's widgets after the first 100 sales
and at the end; and whether every sale reached the hub.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from pos_client.demo import start_demo
from pos_client.ui import app as till_app
from pos_client.ui.app import RunningTill
from pos_client.ui.dialogs import SaleDialog
from pos_client.ui.pay_dialog import PayDialog
from pos_client.ui.smoke import start_demo_shift

SALES = 1000
WINDOW = 100  # sales compared at the start and at the end
PRODUCTS = ("4607012340016", "4607012340115", "4607012340306", "4607012340177")
MEMBER_CARD = "2780000000047"
SYNC_TIMEOUT_S = 120


def rss_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


class Workday:
    """Drives the sales from the event loop and notes the figures."""

    def __init__(self, till: RunningTill) -> None:
        self.till = till
        self.times: list[float] = []
        self.after_first: tuple[float, int] = (0.0, 0)  # memory (MB) and widgets
        self.end: tuple[float, int] = (0.0, 0)
        self.error = ""
        self.sync_deadline = 0.0

    def start(self) -> None:
        if self.till.window.status.status.online is not True:
            QTimer.singleShot(50, self.start)
            return
        if not start_demo_shift(self.till.window):
            self.stop(f"the cashier could not start: {self.till.window.message.text()}")
            return
        QTimer.singleShot(0, self.sale)

    def widgets(self) -> int:
        window = self.till.window
        return len(window.findChildren(QWidget)) + len(QApplication.topLevelWidgets())

    def sale(self) -> None:
        window = self.till.window
        number = len(self.times) + 1
        started = time.perf_counter()
        if number % 5 == 0:
            window.handle_code(MEMBER_CARD)
        for code in PRODUCTS:
            window.handle_code(code)
        window.pay()
        pay = window.dialog
        if not isinstance(pay, PayDialog):
            self.stop(f"sale {number}: no payment dialog: {window.message.text()}")
            return
        pay.card.click()
        pay.submitted.emit("card", 0)
        receipt = window.dialog
        if not isinstance(receipt, SaleDialog):
            self.stop(f"sale {number} was not made: {window.message.text()}")
            return
        receipt.accept()
        self.times.append(time.perf_counter() - started)
        if number == WINDOW:
            self.after_first = (rss_mb(), self.widgets())
        if number < SALES:
            QTimer.singleShot(0, self.sale)
        else:
            self.sync_deadline = time.monotonic() + SYNC_TIMEOUT_S
            QTimer.singleShot(0, self.wait_for_sync)

    def wait_for_sync(self) -> None:
        if self.till.window.status.status.waiting == 0:
            self.stop("")
        elif time.monotonic() > self.sync_deadline:
            self.stop("the sales did not all sync in time")
        else:
            QTimer.singleShot(100, self.wait_for_sync)

    def stop(self, error: str) -> None:
        self.error = error
        self.end = (rss_mb(), self.widgets())
        app = QApplication.instance()
        assert app is not None
        app.quit()


def run() -> dict[str, object]:
    demo = start_demo(language="ru", root=Path(tempfile.mkdtemp()) / "demo")
    days: list[Workday] = []

    def begin(till: RunningTill) -> None:
        days.append(Workday(till))
        QTimer.singleShot(0, days[0].start)

    try:
        till_app.run(demo.config, after_start=begin)
        hub_sales = demo.hub.store.query(  # type: ignore[attr-defined]
            "SELECT COUNT(*) AS n FROM transactions WHERE kind = 'sale'"
        )[0]["n"]
    finally:
        demo.close()
    day = days[0]
    if day.error:
        raise RuntimeError(day.error)
    first = statistics.median(day.times[:WINDOW]) * 1000
    last = statistics.median(day.times[-WINDOW:]) * 1000
    return {
        "sales": len(day.times),
        "sales_on_hub": hub_sales,
        "sale_first_100_median_ms": round(first, 1),
        "sale_last_100_median_ms": round(last, 1),
        "sale_last_vs_first": round(last / first, 2),
        "rss_after_100_mb": round(day.after_first[0], 1),
        "rss_end_mb": round(day.end[0], 1),
        "widgets_after_100": day.after_first[1],
        "widgets_end": day.end[1],
    }
