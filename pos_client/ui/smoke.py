"""`pos-client --demo --smoke-test`: one demo sale through the real window, then exit.

Proves an installed (or frozen) program works end to end: the window opens (offscreen when
there is no display), the demo cashier logs in and opens the shift, a product and a member
card are scanned, the receipt is paid by card
through the payment dialog, and the sale reaches the demo hub. Then `pos-client doctor`'s
checks run on the same terminal (a synthetic camera stands in for a missing one), which proves
the native parts a bundle must carry: OpenCV, zxing-cpp, the zbar library, SQLite, TLS-capable
HTTP; and a USB printer no one has is looked for, which proves libusb. Qt's own texts (a
field's context menu) must be found in the till's language, and Qt must sort words of that
language as a dictionary does (the bundle's trimmed ICU data holds it). Exit 0 on success;
1 when any step or check fails, times out, or Qt printed a warning.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import (
    QCollator,
    QLocale,
    QMessageLogContext,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

from pos_client.config import TerminalConfig
from pos_client.doctor import BROKEN, OK, check_printer, run_checks
from pos_client.printing.target import PrinterTarget
from pos_client.ui.app import RunningTill, run
from pos_client.ui.main_window import MainWindow
from pos_client.ui.pay_dialog import PayDialog
from pos_client.ui.shift_dialogs import CashDialog
from pos_client.ui.strings import qt_texts_found

SMOKE_PRODUCT = "4607012340016"  # cappuccino in the demo catalog
SMOKE_CARD = "2780000000047"  # a demo member's card
SMOKE_CASHIER = ("S0001", "1111")  # the demo seed's cashier and her PIN
TIMEOUT_MS = 30_000
POLL_MS = 50
NO_SUCH_USB_PRINTER = PrinterTarget("usb", vendor_id=0, product_id=0)
IGNORED_WARNINGS = ("This plugin does not support propagateSizeHints()",)  # offscreen only


def start_demo_shift(window: MainWindow) -> bool:
    """Log the demo seed's cashier in through the login page and open the shift (float 0)."""
    if window.staff_flow is None:
        return True
    window.staff_flow.login(*SMOKE_CASHIER)
    opening = window.dialog
    if isinstance(opening, CashDialog):
        opening.submitted.emit(0, "")
    return window.showing(window.till_page) and window.dialog is None


def sorts_like_a_dictionary(language: str) -> bool:
    """Whether Qt's collation in `language` orders words as a dictionary does, not by code
    point (which puts "Banana" before "apple" and "ёж" after "жук")."""
    collator = QCollator(QLocale(language))
    return collator.compare("apple", "Banana") < 0 and collator.compare("ёж", "жук") < 0


class SmokeTest:
    """Drives the till step by step from the event loop; `failures` lists what went wrong."""

    def __init__(self, till: RunningTill, config: TerminalConfig) -> None:
        self.till = till
        self.config = config
        self.failures: list[str] = []
        self._poll = QTimer()
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._check)
        self._waiting_for: tuple[str, Callable[[], bool], Callable[[], None]] | None = None
        QTimer.singleShot(TIMEOUT_MS, self._timed_out)
        qInstallMessageHandler(self._qt_message)

    def start(self) -> None:
        self._wait(
            "the first sync", lambda: self.till.window.status.status.online is True, self._sell
        )

    def _sell(self) -> None:
        window = self.till.window
        if not start_demo_shift(window):
            self._fail(f"the demo cashier could not start: {window.message.text()}")
            return
        window.handle_code(SMOKE_CARD)
        window.handle_code(SMOKE_PRODUCT)
        if window.checkout.member is None or not window.checkout.receipt.lines:
            self._fail(f"scanning did not work: {window.message.text()}")
            return
        window.pay()
        dialog = window.dialog
        if not isinstance(dialog, PayDialog):
            self._fail("the payment dialog did not open")
            return
        dialog.card.click()
        dialog.submitted.emit("card", 0)
        if window.last_sale is None:
            self._fail(f"the sale was not journaled: {window.message.text()}")
            return
        self._wait("the sale to sync", lambda: window.status.status.waiting == 0, self._synced)

    def _synced(self) -> None:
        sale = self.till.window.last_sale
        assert sale is not None
        print(f"smoke test: sale {sale.number} ({sale.total / 100:.2f}) journaled and synced")
        self._wait("the receipt to print", self._printed, self._done)

    def _printed(self) -> bool:
        """The receipt reached a file printer (the demo's roll); other printers are not
        watched from here."""
        target = self.config.printer
        if target is None or target.kind != "file":
            return True
        roll = Path(target.address)
        return roll.exists() and roll.stat().st_size > 0

    def _done(self) -> None:
        target = self.config.printer
        if target is not None and target.kind == "file":
            size = Path(target.address).stat().st_size
            print(f"smoke test: receipt printed to {target.address} ({size} bytes)")
        checks = run_checks(replace(self.config, camera=self.config.camera or "synthetic"))
        usb = check_printer(NO_SUCH_USB_PRINTER)  # not plugged in, but libusb must load
        for check in (*checks, usb):
            print(f"smoke test: {check.status:9} {check.name:16} {check.detail}")
        self.failures += [f"doctor: {c.name}: {c.detail}" for c in checks if c.status != OK]
        if usb.status == BROKEN:
            self.failures.append(f"doctor: USB printing: {usb.detail}")
        if not qt_texts_found(self.config.language):
            self.failures.append(f"Qt's own texts in {self.config.language!r} were not found")
        if not sorts_like_a_dictionary(self.config.language):
            self.failures.append(f"Qt sorts {self.config.language!r} by code point: no ICU data")
        self._finish()

    def _wait(self, what: str, condition: Callable[[], bool], then: Callable[[], None]) -> None:
        self._waiting_for = (what, condition, then)
        self._poll.start()

    def _check(self) -> None:
        if self._waiting_for is None:
            return
        _, condition, then = self._waiting_for
        if condition():
            self._waiting_for = None
            self._poll.stop()
            then()

    def _timed_out(self) -> None:
        what = self._waiting_for[0] if self._waiting_for else "the test"
        self._fail(f"timed out waiting for {what}")

    def _qt_message(self, kind: QtMsgType, _context: QMessageLogContext, text: str) -> None:
        quiet = kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg)
        if not quiet and not text.startswith(IGNORED_WARNINGS):
            self.failures.append(f"Qt: {text}")

    def _fail(self, reason: str) -> None:
        self.failures.append(reason)
        self._finish()

    def _finish(self) -> None:
        self._poll.stop()
        self._waiting_for = None
        app = QApplication.instance()
        if app is not None:
            app.exit(1 if self.failures else 0)


def run_smoke_test(config: TerminalConfig) -> int:
    """Open the till on the (demo) config, make one sale, and say how it went."""
    tests: list[SmokeTest] = []

    def begin(till: RunningTill) -> None:
        tests.append(SmokeTest(till, config))
        tests[0].start()

    exit_code = run(config, after_start=begin)
    failures = tests[0].failures if tests else ["the till did not start"]
    for failure in failures:
        print(f"smoke test: {failure}", file=sys.stderr)
    return 1 if failures or exit_code else 0
