"""Taking goods back: find the receipt, pick lines and quantities, see the refund, confirm.

The refund and the points shown are the engine's own plan for exactly these quantities, worked
out again on every change, so what the cashier confirms is what gets journaled.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_client.checkout_errors import CheckoutError
from pos_client.core.money import format_money
from pos_client.core.returns import ReturnPlan
from pos_client.core.scale import format_kg
from pos_client.store.journal import SaleForReturn
from pos_client.ui.dialogs import (
    dialog_buttons,
    error_text,
    grow_to_fit,
    lines_table,
    wrapped_label,
)
from pos_client.ui.strings import tr

VISIBLE_LINES = 8  # a longer receipt scrolls
COLUMNS = ("return_col_item", "return_col_sold", "return_col_back", "return_col_refund")


def refund_way(refunds: Sequence[tuple[str, int]]) -> str:
    """How the money goes back: "in cash", "to the bank card", or both with each part."""
    if len(refunds) == 1:
        return tr(f"return_by_{refunds[0][0]}")
    parts = dict(refunds)
    return tr(
        "return_by_split",
        cash=format_money(parts.get("cash", 0)),
        card=format_money(parts.get("card", 0)),
    )


class ReturnDialog(QDialog):
    """One sale's lines with a quantity to take back on each; Enter confirms."""

    confirmed = Signal(object)  # {line position: quantity}

    def __init__(
        self,
        found: SaleForReturn,
        preview: Callable[[SaleForReturn, Mapping[int, int]], ReturnPlan],
        other_till: bool,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("returnDialog")
        sale = found.sale
        self.setWindowTitle(tr("return_title", number=sale.number))
        self.setMinimumWidth(900)
        self._found, self._preview = found, preview
        layout = QVBoxLayout(self)
        when = sale.created_at.astimezone().strftime("%d.%m.%Y %H:%M")
        if not other_till:
            text = tr("return_heading", number=sale.number, when=when)
        else:
            text = tr(
                "return_heading_other_till",
                number=sale.number,
                terminal=sale.terminal_id,
                when=when,
            )
        heading = wrapped_label(self, "returnHeading")
        heading.setText(text)
        layout.addWidget(heading)

        self.table = self._build_table(found)
        layout.addWidget(self.table, 1)

        self.summary = wrapped_label(self, "returnSummary")
        layout.addWidget(self.summary)
        self.error = wrapped_label(self, "dialogError")
        layout.addWidget(self.error)
        box = dialog_buttons(self, tr("return_confirm"))
        box.accepted.connect(self._confirm)
        layout.addWidget(box)
        self._update()
        first = next((spin for spin in self.quantities if spin.isEnabled()), None)
        if first is not None:
            first.setFocus()
            first.selectAll()

    def _build_table(self, found: SaleForReturn) -> QTableWidget:
        sale = found.sale
        table = lines_table(self, "returnLines", COLUMNS, len(sale.lines))
        self.quantities: list[QSpinBox] = []
        for row, line in enumerate(sale.lines):
            left = line.quantity - found.returned.get(row, 0)
            table.setItem(row, 0, QTableWidgetItem(line.name))
            total = format_money(line.total)
            sold = (
                tr("return_sold_weighed", kg=format_kg(line.weighing.grams), total=total)
                if line.weighing
                else tr("return_sold", quantity=line.quantity, total=total)
            )
            table.setItem(row, 1, _right(sold))
            spin = QSpinBox(table)
            spin.setRange(0, left)
            spin.setSuffix(tr("return_of_left", left=left))
            spin.setEnabled(left > 0)
            spin.valueChanged.connect(self._update)
            table.setCellWidget(row, 2, spin)
            self.quantities.append(spin)
            table.setItem(row, 3, _right(""))
        table.resizeRowsToContents()
        shown = range(min(len(sale.lines), VISIBLE_LINES))
        table.setMinimumHeight(
            table.horizontalHeader().sizeHint().height()
            + sum(table.rowHeight(row) for row in shown)
            + 2 * table.frameWidth()
        )
        return table

    def wanted(self) -> dict[int, int]:
        return {row: spin.value() for row, spin in enumerate(self.quantities) if spin.value()}

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        grow_to_fit(self)

    def _update(self) -> None:
        wanted = self.wanted()
        refunds = {row: 0 for row in range(len(self.quantities))}
        if not wanted:
            self.summary.setText(tr("return_pick_lines"))
        else:
            try:
                plan = self._preview(self._found, wanted)
            except CheckoutError as exc:
                self.summary.setText(error_text(exc))
            else:
                refunds.update({line.position: line.refund for line in plan.lines})
                self.summary.setText(self._summary(plan))
        for row, refund in refunds.items():
            self.table.setItem(row, 3, _right(format_money(refund) if refund else ""))

    def _summary(self, plan: ReturnPlan) -> str:
        tender = refund_way(plan.refunds)
        parts = [tr("return_refund", refund=format_money(plan.refund), tender=tender)]
        if plan.points_reversed:
            parts.append(tr("return_points_reversed", points=plan.points_reversed))
        if plan.points_refunded:
            parts.append(tr("return_points_refunded", points=plan.points_refunded))
        return "\n".join(parts)

    def _confirm(self) -> None:
        wanted = self.wanted()
        if not wanted:
            self.show_error(tr("return_pick_lines"))
            return
        self.confirmed.emit(wanted)


def _right(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item
