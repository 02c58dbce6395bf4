"""The status bar: online or not, what waits to sync, when the last sync was.

When the bar is too narrow for all its parts (a 1024 px till, every warning at once), the
least urgent give way first: the outlet, then the cashier, then the warnings, and the time of
the last sync last of all. What the connection is and how many sales wait are never cut.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from pos_client.sync.status import SyncStatus, clock_is_off
from pos_client.ui.strings import tr
from pos_client.ui.theme import set_style_state


class ElidedLabel(QLabel):
    """A label that gives up width when the window is narrow, ending its text with "…", so
    the status bar never widens the till past its screen. Cut short, its tooltip says it whole,
    before its `details` (the tooltip it has anyway)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._details = ""

    @property
    def is_cut(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def set_details(self, details: str) -> None:
        self._details = details
        self._explain()

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self._explain()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._explain()

    def _explain(self) -> None:
        parts = (self.text() if self.is_cut else "", self._details)
        self.setToolTip("\n".join(part for part in parts if part))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        hint = super().minimumSizeHint()
        margins = self.contentsMargins()
        least = margins.left() + margins.right() + self.fontMetrics().horizontalAdvance("…")
        return QSize(min(hint.width(), least), hint.height())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment()), shown)


QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum"


class SyncStatusBar(QStatusBar):
    def __init__(self, outlet: str, terminal: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self.connection = QLabel(self)
        self.connection.setObjectName("connection")
        self.waiting = QLabel(self)
        self.dead = QLabel(self)
        self.dead.setObjectName("deadLetters")
        self.conflicts = QLabel(self)
        self.conflicts.setObjectName("conflicts")
        self.clock = ElidedLabel(self)
        self.clock.setObjectName("clockSkew")
        self.last_sync = ElidedLabel(self)
        self.warning = ElidedLabel(self)
        self.warning.setObjectName("syncWarning")
        self.place = ElidedLabel(self)
        self.cashier = ElidedLabel(self)
        self.cashier.setObjectName("cashier")
        self._outlet, self._terminal = outlet, terminal
        self._sync_parts = (
            self.connection,
            self.waiting,
            self.dead,
            self.conflicts,
            self.last_sync,
            self.warning,
            self.clock,
        )
        # least urgent first
        self._giving_way = (self.place, self.cashier, self.warning, self.clock, self.last_sync)
        self.status = SyncStatus()
        self.refresh()  # before the labels are laid out, which styles them with their state
        for widget in self._sync_parts:
            self.addWidget(widget)
        self.addPermanentWidget(self.cashier)
        self.addPermanentWidget(self.place)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._give_way()

    def _give_way(self) -> None:
        """Narrow the least urgent parts, one after the other, by what the bar lacks."""
        parts = (*self._sync_parts, self.cashier, self.place)
        shown = [label for label in parts if not label.isHidden()]
        for label in self._giving_way:
            label.setMaximumWidth(QWIDGETSIZE_MAX)
        margins = self.contentsMargins()
        layout = self.layout()
        spacing = max(layout.spacing(), 0) if layout else 0
        needed = sum(label.sizeHint().width() + spacing for label in shown)
        lacking = needed + margins.left() + margins.right() - self.width()
        for label in self._giving_way:
            if lacking <= 0:
                break
            if label.isHidden():
                continue
            hint = label.sizeHint().width()
            keep = max(hint - lacking, label.minimumSizeHint().width())
            label.setMaximumWidth(keep)
            lacking -= hint - keep

    def show_cashier(self, text: str) -> None:
        self.cashier.setText(text)
        self._give_way()

    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        self.refresh()

    def refresh(self) -> None:
        status = self.status
        if status.working_offline:
            key, state = "status_working_offline", "offline"
        elif status.error_kind == "refused":
            key, state = "status_refused", "offline"
        elif status.error_kind == "wrong_terminal":
            key, state = "status_wrong_terminal", "offline"
        elif status.error_kind == "bad_answer":
            key, state = "status_bad_answer", "offline"
        elif status.error_kind == "store":
            key, state = "status_store_error", "offline"
        elif status.online is None:
            key, state = "status_connecting", "unknown"
        elif status.online:
            key, state = "status_online", "online"
        else:
            key, state = "status_offline", "offline"
        self.connection.setText(tr(key))
        set_style_state(self.connection, "state", state)
        self.connection.setToolTip(status.last_error or "")
        self.waiting.setText(tr("status_waiting", count=status.waiting))
        self.dead.setText(tr("status_dead", count=status.dead_letters))
        self.dead.setVisible(status.dead_letters > 0)
        self.conflicts.setText(tr("status_conflicts", count=status.conflicts))
        self.conflicts.setVisible(status.conflicts > 0)
        skew = status.clock_skew_s
        self.clock.setText(tr("status_clock", seconds=f"{abs(skew or 0):.0f}"))
        self.clock.setVisible(clock_is_off(skew))
        when = (
            status.last_sync_at.astimezone().strftime("%H:%M:%S")
            if status.last_sync_at
            else tr("status_never")
        )
        self.last_sync.setText(tr("status_last_sync", time=when))
        self.warning.setText(tr("status_cache_warning") if status.warnings else "")
        self.warning.set_details("\n".join(status.warnings))
        self.warning.setVisible(bool(status.warnings))
        self.place.setText(tr("status_outlet", outlet=self._outlet, terminal=self._terminal))
        self._give_way()
