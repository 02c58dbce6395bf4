"""Assemble the till (store, checkout, sync thread, window) and run it."""

from __future__ import annotations

import gc
import logging
import signal
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from pos_client import __version__
from pos_client.checkout import Checkout, Till
from pos_client.config import TerminalConfig, display_screen
from pos_client.enrol_desk import EnrolDesk
from pos_client.resources import resource_path
from pos_client.shift_desk import ShiftDesk
from pos_client.staff_desk import StaffDesk
from pos_client.store.audit_log import AuditLog
from pos_client.store.caches import Caches
from pos_client.store.db import StoreError, open_database
from pos_client.store.journal import Journal
from pos_client.store.secret_file import SecretFile
from pos_client.store.seen_tokens import SeenTokens
from pos_client.store.shifts import Shifts
from pos_client.store.staff import StaffRoster
from pos_client.sync.loop import SyncLoop
from pos_client.ui.customer_display import CustomerDisplay
from pos_client.ui.enrol_flow import EnrolFlow
from pos_client.ui.first_paint import FirstPaint
from pos_client.ui.main_window import MainWindow
from pos_client.ui.parking import Parking
from pos_client.ui.printer_bridge import PrinterBridge
from pos_client.ui.receipt_printing import ReceiptPrinting
from pos_client.ui.staff_flow import StaffFlow
from pos_client.ui.strings import set_language, tr
from pos_client.ui.sync_bridge import SyncBridge
from pos_client.ui.theme import apply_theme
from pos_client.ui.wedge_filter import WedgeFilter

if TYPE_CHECKING:
    from pos_client.scanner.camera import CameraLoop
    from pos_client.ui.camera_view import CameraBridge

log = logging.getLogger(__name__)
SIGNAL_CHECK_MS = 250
SignalHandler = Callable[[int, FrameType | None], Any] | int | None


def keep_out_of_gc() -> None:
    """Move what exists now (catalog, ruleset, pricing index) out of the cyclic collector's
    reach, so a collection never scans it in the middle of a scan-to-price."""
    gc.collect()
    gc.freeze()
    gc.enable()  # off while the till started (see cli.main)


def window_ready() -> None:
    log.info("window ready")  # after the first paint; the start-up benchmark waits for it
    keep_out_of_gc()  # before the first scan, not in the way of the first paint


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class RunningTill:
    window: MainWindow
    loop: SyncLoop
    wedge: WedgeFilter
    db: sqlite3.Connection
    printer: PrinterBridge
    camera: CameraBridge | None = None
    camera_loop: CameraLoop | None = None
    extra_windows: list[QWidget] = field(default_factory=list)  # closed with the till

    def start(self, app: QApplication) -> None:
        """Take the scanner's keys from every widget and start the sync thread."""
        app.installEventFilter(self.wedge)
        self.loop.start()

    def close(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.wedge)
        if self.camera_loop is not None:
            self.camera_loop.stop()
        self.loop.stop()
        self.printer.close()
        # Reports the threads queued before they stopped must not reach a closed database.
        for source in (self.window.bridge, self.camera, self.printer):
            if source is not None:
                source.blockSignals(True)
        for receiver in (self.window, self.window.bridge, self.camera, self.printer):
            if receiver is not None:
                QCoreApplication.removePostedEvents(receiver, QEvent.Type.MetaCall)
        for window in self.extra_windows:
            window.close()
        self.window.close()
        self.db.close()
        log.info("till closed")
        gc.unfreeze()  # what keep_out_of_gc froze is ordinary garbage again at shutdown


def build_till(
    config: TerminalConfig,
    app: QApplication,
    clock: Callable[[], datetime] = utc_now,
    start: bool = True,
) -> RunningTill:
    """Open the journal and make the window (not shown yet); unless told not to, start the
    till's scanner filter and sync thread (`RunningTill.start`).

    Raises StoreError when the database cannot be opened.
    """
    log.info(
        "pos-client %s starting: terminal %s of %s, journal %s, camera %s",
        __version__,
        config.terminal_id,
        config.outlet_id,
        config.db_path,
        config.camera or "none",
    )
    set_language(config.language)
    apply_theme(app, config.theme)
    db = open_database(config.db_path)
    journal, caches = Journal(db), Caches(db)
    audit = AuditLog(db, config.terminal_id)
    staff = StaffDesk(StaffRoster(db), audit, clock)
    shifts = ShiftDesk(Shifts(db), audit, clock)
    bridge = SyncBridge()
    loop = SyncLoop(
        db_path=config.db_path,
        api_url=config.api_url,
        token=config.token,
        clock=clock,
        on_status=bridge.publish,
        interval_s=config.sync_interval_s,
        phone_key_path=config.phone_key_path,
        terminal=config.identity,
    )
    bridge.loop = loop
    checkout = Checkout(
        journal=journal,
        caches=caches,
        till=Till(config.outlet_id, config.terminal_id, config.channel),
        clock=clock,
        language=config.language,
        seen_tokens=SeenTokens(db),
        identity_rules=config.identity_rules,
        phone_key=SecretFile(config.phone_key_path),
        hub_contact=bridge.hub_contact,
        cashier=staff.cashier,
        shift_open=lambda: shifts.current() is not None,
    )
    outlet_name = checkout.ruleset.outlet.name if checkout.ruleset.version else config.outlet_id
    window = MainWindow(checkout, bridge, outlet_name, config.terminal_id)
    bridge.setParent(window)
    StaffFlow(window, staff, shifts)
    printer = PrinterBridge(
        config.printer, config.printer_profile, window, cash_drawer=config.cash_drawer
    )
    ReceiptPrinting(window, printer)
    EnrolFlow(window, EnrolDesk(checkout, journal, caches, clock))
    Parking(window)
    window.rules_reloaded.connect(keep_out_of_gc)
    wedge = WedgeFilter(window, config.wedge_max_gap_ms, config.wedge_min_length)
    wedge.scanned.connect(window.handle_code)
    running = RunningTill(window, loop, wedge, db, printer)
    if start:
        running.start(app)
    if config.customer_display:
        running.extra_windows.append(customer_display(window, outlet_name))
    if config.camera:  # OpenCV and the decoders load only for a till with a camera
        from pos_client.ui.camera_view import CameraBridge, CameraPreview, start_camera

        running.camera = CameraBridge(window)
        preview = CameraPreview(window)
        window.add_camera_preview(preview)
        running.camera.code_read.connect(window.handle_code)
        running.camera.frame_ready.connect(preview.show_frame)
        running.camera.state_changed.connect(preview.show_state)
        running.camera_loop = start_camera(config, running.camera)
    return running


def customer_display(window: MainWindow, outlet_name: str) -> CustomerDisplay:
    """The customer's screen, following the cashier window's signals (shown with the till)."""
    display = CustomerDisplay(window.model, outlet_name, window)
    window.receipt_shown.connect(display.show_receipt)
    window.sale_completed.connect(display.show_sale)
    window.retranslated.connect(display.retranslate)
    window.refresh()  # the display starts with what the window shows
    return display


def run(config: TerminalConfig, after_start: Callable[[RunningTill], None] | None = None) -> int:
    app = prepared_app()
    try:
        till = build_till(config, app, start=False)
    except StoreError as exc:
        return refuse_to_start(app, exc, config.db_path)
    till.window.resize(1280, 800)
    till.window.show()
    for extra in till.extra_windows:
        if isinstance(extra, CustomerDisplay):
            extra.place(display_screen(config.customer_display))
    # Started before the first paint, the sync thread (whose first act is importing the HTTP
    # stack) would hold the interpreter lock while the window is drawn, and an application-wide
    # key filter would be handed every event of the window's making.
    FirstPaint(till.window, lambda: started(till, app))
    if after_start:
        after_start(till)
    previous_handler = quit_on_terminate(app)
    try:
        return app.exec()
    finally:
        signal.signal(signal.SIGTERM, previous_handler)
        till.close()


def started(till: RunningTill, app: QApplication) -> None:
    """The window is on the screen: say so, then start what it did not need to show."""
    window_ready()
    till.start(app)
    till.printer.warm_up()


def prepared_app() -> QApplication:
    """The application object with the till's name and icon (made on first call)."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("pos-client")
    app.setDesktopFileName("pos-client")
    app.setWindowIcon(QIcon(str(resource_path("icons", "pos-client.png"))))
    return app


def refuse_to_start(app: QApplication, error: StoreError, db_path: Path) -> int:
    """Say why the journal cannot be opened (it is left as it was) and give exit code 2."""
    text = tr(f"err_start_{error.reason}", detail=error.detail, path=db_path)
    print(f"pos-client: {text}", file=sys.stderr)
    log.error("journal %s refused: %s", db_path, error)
    if app.platformName() != "offscreen":  # nobody would see it, nor close it
        QMessageBox.critical(None, "pos-client", text)
    return 2


def quit_on_terminate(app: QApplication) -> SignalHandler:
    """Close the till on SIGTERM (logout, shutdown) as its window's close button does.

    Python runs signal handlers between bytecodes only, so a timer hands it control while
    Qt waits for events. Returns the handler that was there before.
    """
    previous = signal.signal(signal.SIGTERM, lambda _signum, _frame: app.quit())
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(SIGNAL_CHECK_MS)
    return previous
