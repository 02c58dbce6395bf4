"""The receipt as a table: each line, and under it the discounts that touched it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from pos_client.core.money import format_money
from pos_client.core.promotions import Adjustment, PricedLine, PricedReceipt
from pos_client.core.scale import format_kg
from pos_client.ui.receipt_text import override_note, weighing_note
from pos_client.ui.strings import Language, tr
from pos_client.ui.theme import DISCOUNT_COLOURS, Theme

COLUMNS = ("col_no", "col_item", "col_qty", "col_price", "col_sum")
ITEM_PADDING_PX = 8  # left and right of every cell, as till.qss pads `#receipt::item`
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Row:
    """A table row: a receipt line (adjustment is None) or one discount under it."""

    number: int
    priced: PricedLine
    adjustment: Adjustment | None = None

    @property
    def line_id(self) -> int:
        return self.priced.line.line_id


class PaddedTextDelegate(QStyledItemDelegate):
    """Measures a cell's wrapped text in the width the style sheet's padding leaves it.

    The style sheet style measures wrapped text across the whole cell, then paints it inside
    the padding: a discount text a little wider than that space got a row of one line and was
    painted cut short with "…".
    """

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        inside = QStyleOptionViewItem(option)
        inside.rect = option.rect.adjusted(0, 0, -2 * ITEM_PADDING_PX, 0)
        return super().sizeHint(inside, index)


class ReceiptModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Row] = []

    def show(self, priced: PricedReceipt) -> list[int]:
        """Show a new pricing of the receipt; returns the rows whose height may have changed.

        Rows keep their identity (a line, or one rule's discount on a line) across re-pricings,
        so the view is told which rows came and went rather than reset: a scan on a long
        receipt then re-measures the one or two rows it touched, not all of them.
        """
        new = _rows_of(priced)
        old_keys, new_keys = _keys(self._rows), _keys(new)
        opcodes = SequenceMatcher(None, old_keys, new_keys, autojunk=False).get_opcodes()
        to_measure: list[int] = []
        for tag, i1, i2, j1, j2 in reversed(opcodes):
            if tag in ("delete", "replace"):
                self.beginRemoveRows(QModelIndex(), i1, i2 - 1)
                del self._rows[i1:i2]
                self.endRemoveRows()
            if tag in ("insert", "replace"):
                self.beginInsertRows(QModelIndex(), i1, i1 + j2 - j1 - 1)
                self._rows[i1:i1] = new[j1:j2]
                self.endInsertRows()
                to_measure.extend(range(j1, j2))
            if tag == "equal":
                to_measure.extend(
                    j1 + k
                    for k in range(i2 - i1)
                    if _wrapped_text(self._rows[i1 + k]) != _wrapped_text(new[j1 + k])
                )
                self._rows[i1:i2] = new[j1:j2]
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1)
            )
        return sorted(to_measure)

    def row_of_line(self, line_id: int) -> int:
        for position, row in enumerate(self._rows):
            if row.adjustment is None and row.line_id == line_id:
                return position
        return -1

    def line_id_at(self, row: int) -> int | None:
        return self._rows[row].line_id if 0 <= row < len(self._rows) else None

    def refresh(self) -> None:
        """Every heading and cell again: after the language or the theme changed."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _adjustment_text(row, column) if row.adjustment else _line_text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (0, 2, 3, 4):
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ForegroundRole and row.adjustment:
            return QBrush(QColor(DISCOUNT_COLOURS[Theme.current]))
        if role == Qt.ItemDataRole.FontRole and row.adjustment:
            font = QFont()
            font.setItalic(True)
            return font
        return None


def _rows_of(priced: PricedReceipt) -> list[Row]:
    rows = []
    for number, line in enumerate(priced.lines, start=1):
        rows.append(Row(number, line))
        rows.extend(Row(number, line, adjustment) for adjustment in line.adjustments)
    return rows


def _keys(rows: list[Row]) -> list[tuple[int, str | None, int]]:
    """Which row each is: its line, the rule of its discount, and which of that rule's
    discounts on the line it is (a rule may adjust a line more than once)."""
    keys = []
    seen: Counter[tuple[int, str | None]] = Counter()
    for row in rows:
        identity = (row.line_id, row.adjustment.rule_id if row.adjustment else None)
        keys.append((*identity, seen[identity]))
        seen[identity] += 1
    return keys


def _wrapped_text(row: Row) -> str:
    """The text that may wrap, so decides the row's height (the item column)."""
    return _adjustment_text(row, 1) if row.adjustment else _line_text(row, 1)


def _line_text(row: Row, column: int) -> str:
    """A weighed line shows its weight as the quantity and its price per kilogram."""
    line = row.priced.line
    name = line.product.name(Language.current)
    if line.weighing:
        name += "\n    " + weighing_note(line.weighing)
    if line.price_override:
        name += "\n    " + override_note(line.price_override)
    weighing = line.weighing
    return (
        str(row.number),
        name,
        format_kg(weighing.grams) if weighing else str(line.quantity),
        format_money(weighing.price_per_kg if weighing else line.product.price, ""),
        format_money(row.priced.amount, ""),
    )[column]


def _adjustment_text(row: Row, column: int) -> str:
    assert row.adjustment is not None
    if column == 1:
        return "    " + row.adjustment.text(Language.current)
    if column == 4:
        return format_money(-row.adjustment.amount, "")
    return ""
