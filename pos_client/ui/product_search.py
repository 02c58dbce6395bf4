"""Ctrl+F: an item whose barcode will not scan (torn, wet, loose goods), found by a part of
its name, its SKU or some digits of its barcode, and put on the receipt with Enter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QTableWidgetItem, QVBoxLayout, QWidget

from pos_client.checkout_errors import CheckoutError
from pos_client.core.catalog import Product
from pos_client.core.money import format_money
from pos_client.ui.dialogs import dialog_buttons, error_text, lines_table, wrapped_label
from pos_client.ui.strings import Language, tr

COLUMNS = ("find_col_item", "find_col_price", "find_col_barcode")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
SHORTEST_QUERY = 2  # characters; one letter would list half the catalog
TYPING_PAUSE_MS = 150  # searched when the cashier pauses, not at every key of a word


class ProductSearchDialog(QDialog):
    picked = Signal(object)  # Product

    def __init__(
        self,
        parent: QWidget,
        find: Callable[[str], list[Product]],
        limit: int,
        query: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("productSearch")
        self.setWindowTitle(tr("find_title"))
        self.setMinimumSize(760, 560)
        self._find, self._limit = find, limit
        self.found: list[Product] = []
        layout = QVBoxLayout(self)
        self.query = QLineEdit(self)
        self.query.setObjectName("productQuery")
        self.query.setPlaceholderText(tr("find_placeholder"))
        self.query.setMaxLength(64)
        layout.addWidget(self.query)
        self.table = lines_table(self, "productList", COLUMNS)
        self.table.setTabKeyNavigation(False)
        self.table.cellDoubleClicked.connect(lambda _row, _column: self._pick())
        layout.addWidget(self.table, 1)
        self.summary = wrapped_label(self, "productSummary")
        layout.addWidget(self.summary)
        box = dialog_buttons(self, tr("find_add"))
        box.accepted.connect(self._pick)
        layout.addWidget(box)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.search)
        self.query.textChanged.connect(lambda _text: self._pause.start())
        self.query.setText(query)
        self.search()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """The query has the keys with the cursor after it, so a word is added to what was
        typed in the scan field. (Shown, a dialog gives its first focus as if by Tab, which
        selects a line edit's text to be typed over: undone once that has happened.)"""
        super().showEvent(event)
        self.query.setFocus()
        QTimer.singleShot(0, self, lambda: self.query.end(False))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """↑ and ↓ move along the list while the cashier keeps typing in the query."""
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
        if step is not None and self.focusWidget() is self.query and self.found:
            row = min(max(self.table.currentRow() + step, 0), len(self.found) - 1)
            self.table.selectRow(row)
            return
        super().keyPressEvent(event)

    def search(self) -> None:
        """Show what the query finds now, the first one chosen (Enter takes it)."""
        self._pause.stop()
        text = self.query.text().strip()
        self.found = []
        summary = tr("find_hint", count=SHORTEST_QUERY)
        if len(text) >= SHORTEST_QUERY:
            try:
                self.found = self._find(text)
            except CheckoutError as exc:
                summary = error_text(exc)
            else:
                summary = self._summary(text)
        self._show_found()
        self.summary.setText(summary)

    def _summary(self, text: str) -> str:
        if not self.found:
            return tr("find_none", query=text)
        if len(self.found) >= self._limit:
            return tr("find_more", count=len(self.found))
        return tr("find_count", count=len(self.found))

    def _show_found(self) -> None:
        language = Language.current
        self.table.setRowCount(len(self.found))
        for row, product in enumerate(self.found):
            cells = (product.name(language), format_money(product.price), product.barcode)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(RIGHT)
                self.table.setItem(row, column, item)
        if self.found:
            self.table.selectRow(0)

    def _pick(self) -> None:
        if self._pause.isActive():  # Enter before the pause ran the search: run it now
            self.search()
        rows = self.table.selectionModel().selectedRows()
        if not rows:  # nothing found: the summary already says why
            return
        self.accept()
        self.picked.emit(self.found[rows[0].row()])
