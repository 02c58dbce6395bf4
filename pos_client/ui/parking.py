"""Ins: the receipt is put aside while the customer goes back for something, and the next
customer is served; Ins on an empty till lists the receipts put aside, and Enter takes one up.
They are kept in the journal, so neither a restart nor another cashier loses them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QTableWidgetItem, QVBoxLayout, QWidget

from pos_client.core.money import format_money
from pos_client.store.parked import ParkedReceipt
from pos_client.ui.dialogs import dialog_buttons, lines_table, wrapped_label
from pos_client.ui.strings import tr

if TYPE_CHECKING:
    from pos_client.ui.main_window import MainWindow

COLUMNS = ("parked_col_number", "parked_col_time", "parked_col_lines", "parked_col_total")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ParkedDialog(QDialog):
    """The receipts put aside, oldest first; Enter takes up the one chosen."""

    chosen = Signal(int)  # park id

    def __init__(self, parent: QWidget, receipts: list[ParkedReceipt]) -> None:
        super().__init__(parent)
        self.setObjectName("parkedReceipts")
        self.setWindowTitle(tr("parked_title"))
        self.setMinimumWidth(640)
        self.receipts = receipts
        layout = QVBoxLayout(self)
        caption = wrapped_label(self, "parkedCaption")
        caption.setText(tr("parked_caption"))
        layout.addWidget(caption)
        self.table = lines_table(self, "parkedList", COLUMNS, len(receipts))
        for row, receipt in enumerate(receipts):
            cells = (
                str(receipt.park_id),
                receipt.parked_at.astimezone().strftime("%H:%M"),
                str(receipt.lines),
                format_money(receipt.total),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(RIGHT)
                self.table.setItem(row, column, item)
        self.table.selectRow(0)
        self.table.cellDoubleClicked.connect(lambda _row, _column: self._choose())
        layout.addWidget(self.table)
        box = dialog_buttons(self, tr("parked_take_up"))
        box.accepted.connect(self._choose)
        layout.addWidget(box)
        self.table.setFocus()

    def _choose(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.accept()
            self.chosen.emit(self.receipts[rows[0].row()].park_id)


class Parking(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.parking = self
        self.action = QAction(window)
        self.action.setShortcut(QKeySequence("Ins"))
        self.action.triggered.connect(self.park_or_list)
        window.addAction(self.action)
        window.till_actions.append(self.action)

    def park_or_list(self) -> None:
        """Put the receipt aside, or, with nothing on the till, offer those put aside."""
        window = self.window
        if not window.checkout.receipt.is_empty:
            number = window.outcome(window.checkout.park)
            if number is not None:
                window.show_message(tr("parked_done", number=number))
            return
        receipts = window.outcome(window.checkout.parked)
        if receipts is None:
            return
        if not receipts:
            window.show_message(tr("parked_none"))
            return
        dialog = ParkedDialog(window, receipts)
        dialog.chosen.connect(self.take_up)
        window.open_dialog(dialog)

    def take_up(self, park_id: int) -> None:
        restored = self.window.outcome(lambda: self.window.checkout.take_up(park_id))
        if restored is not None:
            key = "parked_taken_member_lost" if restored.member_lost else "parked_taken"
            self.window.show_message(tr(key, number=park_id))
