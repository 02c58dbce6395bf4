"""Turns the Qt-free sync loop's callbacks into Qt signals on the UI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal

from pos_client.checkout import HubContact
from pos_client.core.loyalty import Member
from pos_client.sync.errors import HubError
from pos_client.sync.loop import SyncLoop
from pos_client.sync.status import SyncStatus

log = logging.getLogger(__name__)


class SyncBridge(QObject):
    status_changed = Signal(object)  # SyncStatus
    member_found = Signal(object)  # Member
    # what was looked up ("card" or "phone"), how to show it, True when the hub was unreachable
    member_missing = Signal(str, str, bool)
    coupon_refused = Signal(str, str, str)  # code, member id, the hub's reason
    receipt_found = Signal(object)  # SaleForReturn of another till, from the hub
    # terminal id, receipt number, why not: not_found, unavailable, refused or bad_answer
    receipt_missing = Signal(str, int, str)

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

    def hub_contact(self) -> HubContact:
        """What the offline policy needs: is the hub answering, and since when not."""
        return HubContact(online=self.status.online is True, last_contact=self.status.last_sync_at)

    def lookup_card(self, card: str) -> None:
        """Ask the hub for a card off the UI thread; answers with member_found/member_missing."""
        loop = self.loop
        self._lookup("card", card, loop.lookup_card if loop else None, card)

    def lookup_phone(self, e164: str, shown: str) -> None:
        """Ask the hub for a number off the UI thread; `shown` (masked) is what messages say."""
        loop = self.loop
        self._lookup("phone", shown, loop.lookup_phone if loop else None, e164)

    def _lookup(
        self, what: str, shown: str, ask: Callable[[str], Member | None] | None, value: str
    ) -> None:
        if ask is None:
            self.member_missing.emit(what, shown, True)
            return

        def run() -> None:
            try:
                member = ask(value)
            except HubError:
                self.member_missing.emit(what, shown, True)
                return
            if member is None:
                self.member_missing.emit(what, shown, False)
            else:
                self.member_found.emit(member)

        QThreadPool.globalInstance().start(run)

    def lookup_receipt(self, terminal_id: str, number: int) -> None:
        """Ask the hub for another till's receipt off the UI thread; answers with
        receipt_found/receipt_missing."""
        loop = self.loop
        if loop is None:
            self.receipt_missing.emit(terminal_id, number, "unavailable")
            return

        def run() -> None:
            try:
                found = loop.lookup_receipt(terminal_id, number)
            except HubError as exc:
                log.info("receipt %s-%d not fetched: %s", terminal_id, number, exc)
                self.receipt_missing.emit(terminal_id, number, exc.kind)
                return
            if found is None:
                self.receipt_missing.emit(terminal_id, number, "not_found")
            else:
                self.receipt_found.emit(found)

        QThreadPool.globalInstance().start(run)

    def reserve_coupon(self, code: str, member_id: str) -> None:
        """Ask the hub to hold a coupon off the UI thread; a refusal comes as coupon_refused.

        An unreachable hub refuses nothing: the offline rules for coupons apply.
        """
        loop = self.loop
        if loop is None:
            return

        def run() -> None:
            try:
                reason = loop.reserve_coupon(code, member_id)
            except HubError as exc:
                log.info("coupon hold not asked for: %s", exc)
                return
            if reason is not None:
                self.coupon_refused.emit(code, member_id, reason)

        QThreadPool.globalInstance().start(run)

    def release_coupon(self, code: str, member_id: str) -> None:
        """Give a hold back off the UI thread; if the hub can't be told, the hold expires."""
        loop = self.loop
        if loop is None:
            return

        def run() -> None:
            try:
                loop.release_coupon(code, member_id)
            except HubError as exc:
                log.info("coupon hold not released (it expires by itself): %s", exc)

        QThreadPool.globalInstance().start(run)
