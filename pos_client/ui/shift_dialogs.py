"""Dialogs of the shift: an amount of cash (opening float, cash in or out) and the close."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pos_client.core.money import MoneyError, format_money, parse_money
from pos_client.ui.dialogs import (
    PrintRow,
    dialog_buttons,
    grow_to_fit,
    receipt_view,
    wrapped_label,
)
from pos_client.ui.strings import tr
from pos_client.ui.theme import set_style_state


class CashDialog(QDialog):
    """An amount of cash, and the reason when one is asked for (cash in and out)."""

    submitted = Signal(int, str)  # kopecks, reason

    def __init__(
        self,
        parent: QWidget,
        *,
        title: str,
        label: str,
        ok_text: str,
        reason: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cashDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        caption = wrapped_label(self, "cashCaption")
        caption.setText(label)
        layout.addWidget(caption)
        self.amount = QLineEdit(format_money(0, ""), self)
        self.amount.setObjectName("cashAmount")
        self.amount.selectAll()
        layout.addWidget(self.amount)
        self.reason: QLineEdit | None = None
        if reason is not None:
            layout.addWidget(QLabel(tr("cash_reason_label"), self))
            self.reason = QLineEdit(reason, self)
            self.reason.setObjectName("cashReason")
            self.reason.setMaxLength(100)
            layout.addWidget(self.reason)
        self.error = wrapped_label(self, "dialogError")
        layout.addWidget(self.error)
        box = dialog_buttons(self, ok_text)
        box.accepted.connect(self._submit)
        layout.addWidget(box)
        self.amount.setFocus()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        grow_to_fit(self)

    def _submit(self) -> None:
        try:
            amount = parse_money(self.amount.text())
        except MoneyError:
            self.show_error(tr("err_bad_cash_amount"))
            return
        self.submitted.emit(amount, self.reason.text() if self.reason else "")


class CloseShiftDialog(QDialog):
    """The shift's figures, the cash counted, and, while sales wait to sync, the cashier's
    word that they know; receipts put aside are named, as they stay for the next shift."""

    submitted = Signal(int, bool)  # counted kopecks, unsynced sales acknowledged

    def __init__(
        self, report: str, expected: int, waiting: int, parent: QWidget, *, parked: int = 0
    ) -> None:
        super().__init__(parent)
        self.setObjectName("closeShiftDialog")
        self.setWindowTitle(tr("close_shift_title"))
        self._expected = expected
        layout = QVBoxLayout(self)
        self.report = receipt_view(self, report, lines=24)
        layout.addWidget(self.report)
        layout.addWidget(QLabel(tr("close_counted_label"), self))
        self.counted = QLineEdit(self)
        self.counted.setObjectName("cashAmount")
        self.counted.textChanged.connect(self._show_difference)
        layout.addWidget(self.counted)
        self.difference = QLabel(self)
        self.difference.setObjectName("countDifference")
        layout.addWidget(self.difference)
        self._show_difference("")
        self.unsynced = QCheckBox(tr("close_unsynced", waiting=waiting), self)
        self.unsynced.setObjectName("unsyncedAck")
        self.unsynced.setVisible(waiting > 0)
        layout.addWidget(self.unsynced)
        self.parked = wrapped_label(self, "closeParked")
        self.parked.setText(tr("close_parked", count=parked))
        self.parked.setVisible(parked > 0)
        layout.addWidget(self.parked)
        self.error = wrapped_label(self, "dialogError")
        layout.addWidget(self.error)
        box = dialog_buttons(self, tr("close_confirm"))
        box.accepted.connect(self._submit)
        layout.addWidget(box)
        self.counted.setFocus()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        grow_to_fit(self)

    def _show_difference(self, text: str) -> None:
        """What the drawer should hold and, as the count is typed, how far off it is."""
        try:
            counted = parse_money(text)
        except MoneyError:
            self.difference.setText(tr("close_expected", amount=self._expected))
            set_style_state(self.difference, "kind", "info")
            return
        off = counted - self._expected
        if off == 0:
            shown, kind = tr("close_matches"), "ok"
        else:
            key = "close_short" if off < 0 else "close_over"
            shown, kind = tr(key, amount=abs(off)), "off"
        self.difference.setText(shown)
        set_style_state(self.difference, "kind", kind)

    def _submit(self) -> None:
        try:
            counted = parse_money(self.counted.text())
        except MoneyError:
            self.show_error(tr("err_bad_cash_amount"))
            return
        self.submitted.emit(counted, self.unsynced.isChecked())


class TextDialog(QDialog):
    """A report to read (and print), closed with Enter or Esc."""

    def __init__(self, title: str, text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.text = receipt_view(self, text, lines=26)
        layout.addWidget(self.text)
        self.print_row = PrintRow(self, tr("report_print"))
        layout.addWidget(self.print_row)
        box = dialog_buttons(self, tr("ok"))
        box.accepted.connect(self.accept)
        layout.addWidget(box)
