"""Prints on a thread of its own, one document after another, so a slow, unplugged or empty
printer never holds up the till; each job reports back on the UI thread."""

from __future__ import annotations

import contextlib
import itertools
import logging

from PySide6.QtCore import QObject, QThreadPool, Signal

from pos_client.printing.document import PrintDocument
from pos_client.printing.target import PrinterTarget

log = logging.getLogger(__name__)
CLOSE_WAIT_MS = 10_000  # a receipt half sent when the till closes is finished first


class PrinterBridge(QObject):
    finished = Signal(int, str, str)  # job id, reason ("" when printed), detail for the log

    def __init__(
        self,
        target: PrinterTarget | None,
        profile: str,
        parent: QObject | None = None,
        *,
        cash_drawer: bool = False,
    ) -> None:
        super().__init__(parent)
        self.target, self.profile = target, profile
        self.cash_drawer = cash_drawer and target is not None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # receipts come out in the order they were asked for
        self._jobs = itertools.count(1)

    @property
    def configured(self) -> bool:
        return self.target is not None

    def warm_up(self) -> None:
        """Load the printer library on the printer's thread before the first receipt needs it."""
        if self.target is not None:
            self._pool.start(_load_library)

    def submit(self, document: PrintDocument) -> int:
        """Queue a document; `finished` reports how it went under the returned job id."""
        job = next(self._jobs)
        target, profile = self.target, self.profile
        if target is None:
            self.finished.emit(job, "not_set_up", "no printer in the config")
            return job

        def run() -> None:
            from pos_client.printing.device import PrintError, render, send

            try:
                send(render(document, profile), target, profile, paper=bool(document.blocks))
            except PrintError as exc:
                log.warning("receipt not printed: %s", exc)
                if exc.reason == "out_of_paper" and document.open_drawer:
                    # the change must still be handed over: the drawer opens without the receipt
                    with contextlib.suppress(PrintError):
                        drawer = PrintDocument((), open_drawer=True)
                        send(render(drawer, profile), target, profile, paper=False)
                self.finished.emit(job, exc.reason, exc.detail)
                return
            except Exception as exc:  # a printer library fault must not kill the thread
                log.exception("printing failed")
                self.finished.emit(job, "failed", str(exc))
                return
            self.finished.emit(job, "", "")

        self._pool.start(run)
        return job

    def close(self) -> None:
        self._pool.waitForDone(CLOSE_WAIT_MS)


def _load_library() -> None:
    import pos_client.printing.device  # noqa: F401 - imported for its side effect of loading
