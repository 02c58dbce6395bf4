"""Goods brought back without a receipt (Ctrl+F5): scanned into their own list, refunded at
today's price without a card by the tender the customer chooses, on a manager's PIN."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_client.checkout_errors import CheckoutError
from pos_client.core.money import format_money
from pos_client.core.promotions import PricedReceipt
from pos_client.core.receipt import MAX_QUANTITY, Receipt
from pos_client.core.returns import MAX_REASON
from pos_client.core.sale import TenderKind
from pos_client.core.staff import OverrideAction
from pos_client.staff_desk import Approval
from pos_client.ui.dialogs import (
    dialog_buttons,
    error_text,
    grow_to_fit,
    lines_table,
    wrapped_label,
)
from pos_client.ui.strings import Language, tr

if TYPE_CHECKING:
    from pos_client.ui.staff_flow import StaffFlow

ACTION = OverrideAction.RETURN_WITHOUT_RECEIPT
COLUMNS = ("return_col_item", "goods_back_col_quantity", "return_col_refund")
TENDERS: tuple[TenderKind, ...] = ("cash", "card")
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
TABLE_MIN_HEIGHT = 240  # the header and three lines with their 48 px spin boxes


class GoodsBackDialog(QDialog):
    """The goods, each with its quantity and refund; the tender; the reason."""

    submitted = Signal(object, str, str)  # the goods (Receipt), tender, reason

    def __init__(
        self,
        parent: QWidget,
        add: Callable[[Receipt, str], Receipt],
        price: Callable[[Receipt], PricedReceipt],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("goodsBackDialog")
        self.setWindowTitle(tr("goods_back_title"))
        self.setMinimumWidth(860)
        self._add, self._price = add, price
        self.goods = Receipt()
        layout = QVBoxLayout(self)
        heading = wrapped_label(self, "goodsBackHeading")
        heading.setText(tr("goods_back_heading"))
        layout.addWidget(heading)
        self.code = QLineEdit(self)
        self.code.setObjectName("goodsBackCode")
        self.code.setPlaceholderText(tr("goods_back_code"))
        layout.addWidget(self.code)
        self.table = lines_table(self, "goodsBackLines", COLUMNS)
        self.table.setMinimumHeight(TABLE_MIN_HEIGHT)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(tr("goods_back_tender"), self))
        self.tender = QComboBox(self)
        self.tender.setObjectName("goodsBackTender")
        for kind in TENDERS:
            self.tender.addItem(tr(f"pay_{kind}"), kind)
        self.tender.currentIndexChanged.connect(self._update)
        layout.addWidget(self.tender)
        layout.addWidget(QLabel(tr("goods_back_reason"), self))
        self.reason = QLineEdit(self)
        self.reason.setObjectName("goodsBackReason")
        self.reason.setMaxLength(MAX_REASON)
        layout.addWidget(self.reason)
        self.summary = wrapped_label(self, "returnSummary")
        layout.addWidget(self.summary)
        self.error = wrapped_label(self, "dialogError")
        layout.addWidget(self.error)
        box = dialog_buttons(self, tr("goods_back_ok"))
        box.accepted.connect(self._submit)
        layout.addWidget(box)
        self.quantities: list[QSpinBox] = []
        self._update()
        # From the barcode, Tab goes on to the tender and the reason; the quantities after.
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        QWidget.setTabOrder(self.code, self.tender)
        QWidget.setTabOrder(self.tender, self.reason)
        self.code.setFocus()

    def add_code(self, code: str) -> None:
        """A scanned or typed barcode: one more of that product, or why not."""
        try:
            self.goods = self._add(self.goods, code)
        except CheckoutError as exc:
            self.show_error(error_text(exc))
            return
        self.error.clear()
        self._fill()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        grow_to_fit(self)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt names it
        """The wrapped heading takes its lines only now that the width is known."""
        super().showEvent(event)
        grow_to_fit(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt names it
        """Enter in the barcode field adds the product; elsewhere it submits."""
        if event.key() in ENTER_KEYS and self.focusWidget() is self.code:
            text = self.code.text()
            self.code.clear()
            if text.strip():
                self.add_code(text)
            return
        super().keyPressEvent(event)

    def _fill(self) -> None:
        self.table.setRowCount(len(self.goods.lines))
        self.quantities = []
        for row, line in enumerate(self.goods.lines):
            self.table.setItem(row, 0, QTableWidgetItem(line.product.name(Language.current)))
            spin = QSpinBox(self.table)
            spin.setRange(0, MAX_QUANTITY)
            spin.setValue(line.quantity)
            spin.valueChanged.connect(lambda value, line_id=line.line_id: self._set(line_id, value))
            self.table.setCellWidget(row, 1, spin)
            self.quantities.append(spin)
        self.table.resizeRowsToContents()
        self._update()

    def _set(self, line_id: int, quantity: int) -> None:
        """A quantity changed; 0 takes the line off the list."""
        if quantity:
            self.goods = self.goods.set_quantity(line_id, quantity)
            self._update()
        else:
            self.goods = self.goods.remove(line_id)
            self._fill()

    def _update(self) -> None:
        priced = self._price(self.goods)
        for row, line in enumerate(priced.lines):
            item = QTableWidgetItem(format_money(line.total))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 2, item)
        if self.goods.is_empty:
            self.summary.setText(tr("goods_back_empty"))
        else:
            tender = tr(f"return_by_{self.tender.currentData()}")
            refund = format_money(priced.total)
            self.summary.setText(tr("return_refund", refund=refund, tender=tender))

    def _submit(self) -> None:
        self.submitted.emit(self.goods, self.tender.currentData(), self.reason.text())


def ask_return_without_receipt(flow: StaffFlow) -> None:
    """The goods, tender and reason; what the till would refuse is said in the dialog before
    any manager is asked, and the approval covers exactly these goods, refund and tender."""
    window, checkout = flow.window, flow.window.checkout
    if not checkout.receipt.is_empty:
        window.show_message(tr("err_return_with_open_receipt"), "error")
        return
    dialog = GoodsBackDialog(window, checkout.returns.goods_back, checkout.returns.price_goods_back)

    def take_code(code: str) -> bool:
        """The scanner's codes go to the list while the dialog is open."""
        if window.dialog is not dialog:
            return False
        dialog.add_code(code)
        return True

    window.code_takers.append(take_code)
    dialog.finished.connect(lambda _result: window.code_takers.remove(take_code))

    def submitted(goods: Receipt, tender: TenderKind, reason: str) -> None:
        try:
            subject = checkout.returns.return_without_receipt_subject(goods, tender, reason)
        except CheckoutError as exc:
            dialog.show_error(error_text(exc))
            return
        dialog.accept()
        refund = format_money(checkout.returns.price_goods_back(goods).total)
        what = tr(
            "approval_goods_back",
            count=sum(line.quantity for line in goods.lines),
            refund=refund,
            tender=tr(f"return_by_{tender}"),
            reason=" ".join(reason.split()),
        )

        def approved(approval: Approval) -> None:
            def give_back() -> object:
                flow.desk.use(approval, ACTION, subject)
                return checkout.returns.return_without_receipt(
                    goods, tender, reason, approval.approver.staff_id
                )

            if window.attempt(give_back):
                window.show_message(
                    tr("goods_back_done", refund=refund, tender=tr(f"return_by_{tender}"))
                )
                if tender == "cash":
                    window.cash_moved.emit()
                window.wake_sync()

        flow.ask_approval(ACTION, subject, what, approved)

    dialog.submitted.connect(submitted)
    window.open_dialog(dialog)
