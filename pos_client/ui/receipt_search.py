"""Which receipt a return or a void is for: its number typed, its barcode scanned, or picked
from the list of a day's receipts (↓ from the number goes to the list)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_client.core.money import format_money
from pos_client.store.journal import ReceiptSummary
from pos_client.ui.dialogs import TOUCH_ROW_PX, dialog_buttons, wrapped_label
from pos_client.ui.strings import tr

COLUMNS = ("search_col_number", "search_col_time", "search_col_total", "search_col_refunded")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ReceiptNumberDialog(QDialog):
    entered = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        receipts_on: Callable[[date], list[ReceiptSummary]],
        today: date,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("receiptSearch")
        self.setWindowTitle(tr("receipt_number_title"))
        self.setMinimumWidth(640)
        self._receipts_on = receipts_on
        layout = QVBoxLayout(self)
        caption = wrapped_label(self, "receiptCaption")
        caption.setText(tr("receipt_number_label"))
        layout.addWidget(caption)
        self.number = QLineEdit(self)
        self.number.setObjectName("receiptNumber")
        self.number.setMaxLength(64)
        layout.addWidget(self.number)
        pick = wrapped_label(self, "receiptDayCaption")
        pick.setText(tr("search_day"))
        layout.addWidget(pick)
        row = QHBoxLayout()
        self.day = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.day.setObjectName("receiptDay")
        self.day.setDisplayFormat("dd.MM.yyyy")
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        self.day.dateChanged.connect(self._load)
        row.addWidget(self.day, 1)
        row.addStretch(1)
        layout.addLayout(row)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("receiptList")
        self.table.setHorizontalHeaderLabels([tr(key) for key in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(TOUCH_ROW_PX)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(260)
        self.table.itemSelectionChanged.connect(self._picked)
        self.table.cellDoubleClicked.connect(lambda _row, _column: self._accept())
        layout.addWidget(self.table)
        self.empty = wrapped_label(self, "receiptListEmpty")
        layout.addWidget(self.empty)
        box = dialog_buttons(self, tr("ok"))
        box.accepted.connect(self._accept)
        layout.addWidget(box)
        self._load()
        self.number.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """↓ in the number field goes down to the list, onto its first receipt."""
        if (
            event.key() == Qt.Key.Key_Down
            and self.focusWidget() is self.number
            and self.table.rowCount()
        ):
            self.table.setFocus()
            self.table.setCurrentCell(0, 0)
            return
        super().keyPressEvent(event)

    def _load(self) -> None:
        picked = self.day.date()
        receipts = self._receipts_on(date(picked.year(), picked.month(), picked.day()))
        self.table.setRowCount(len(receipts))
        for position, receipt in enumerate(receipts):
            refunded = format_money(receipt.refunded) if receipt.refunded else "—"
            cells = (
                str(receipt.number),
                receipt.created_at.astimezone().strftime("%H:%M"),
                format_money(receipt.total),
                refunded,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(RIGHT)
                self.table.setItem(position, column, item)
        self.empty.setText("" if receipts else tr("search_none", day=picked.toString("dd.MM.yyyy")))
        self.empty.setVisible(not receipts)

    def _picked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        number = self.table.item(rows[0].row(), 0) if rows else None
        if number is not None:
            self.number.setText(number.text())

    def _accept(self) -> None:
        self.entered.emit(self.number.text())
        self.accept()
