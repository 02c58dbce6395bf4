"""Turns the Qt-free sync loop's callbacks into Qt signals on the UI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool, Signal

from pos_client.sync.client import HubError
from pos_client.sync.loop import SyncLoop, SyncStatus


class SyncBridge(QObject):
    status_changed = Signal(object)  # SyncStatus
    member_found = Signal(object)  # Member
    member_missing = Signal(str, bool)  # card, True when the hub could not be asked

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.loop: SyncLoop | None = None
        self.status = SyncStatus()
        self.status_changed.connect(self._remember)

    def publish(self, status: SyncStatus) -> None:
        """The loop's callback; runs on the sync thread, so only emits."""
        self.status_changed.emit(status)

    def _remember(self, status: SyncStatus) -> None:
        self.status = status

    def lookup_card(self, card: str) -> None:
        """Ask the hub for a card off the UI thread; answers with member_found/member_missing."""

        loop = self.loop
        if loop is None:
            self.member_missing.emit(card, True)
            return

        def run() -> None:
            try:
                member = loop.lookup_card(card)
            except HubError:
                self.member_missing.emit(card, True)
                return
            if member is None:
                self.member_missing.emit(card, False)
            else:
                self.member_found.emit(member)

        QThreadPool.globalInstance().start(run)
