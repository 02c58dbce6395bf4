"""Taking goods back at the window: the receipt by number, list or scanned code (another
till's receipt is asked from the hub off the UI thread), then its lines in the return dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from pos_client.checkout_errors import CheckoutError
from pos_client.core.money import format_money
from pos_client.return_desk import ReceiptElsewhere
from pos_client.store.journal import SaleForReturn
from pos_client.ui.dialogs import error_text
from pos_client.ui.receipt_search import ReceiptNumberDialog
from pos_client.ui.return_dialog import ReturnDialog, refund_way
from pos_client.ui.strings import tr

if TYPE_CHECKING:
    from pos_client.ui.main_window import MainWindow


class ReturnFlow(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._asked: ReceiptElsewhere | None = None  # the hub's answer still awaited
        self._here: SaleForReturn | None = None  # this till's sale, if the receipt is one
        window.bridge.receipt_found.connect(self._found_on_hub)
        window.bridge.receipt_missing.connect(self._missing_on_hub)

    def start(self) -> None:
        """F5: the day's receipts of this till, or a number or code to type."""
        checkout = self.window.checkout
        if not checkout.receipt.is_empty:
            self.window.show_message(tr("err_return_with_open_receipt"), "error")
            return
        dialog = ReceiptNumberDialog(
            self.window, checkout.returns.receipts_on, checkout.returns.today()
        )
        dialog.entered.connect(self._entered)
        self.window.open_dialog(dialog)

    def _entered(self, text: str) -> None:
        try:
            found = self.window.checkout.returns.find_receipt(text)
        except CheckoutError as exc:
            self.window.show_error(exc)
            return
        self.open(found)

    def open(self, found: SaleForReturn | ReceiptElsewhere) -> None:
        """Another till's receipt is asked from the hub. So is this till's while online, as the
        hub also knows the returns of it taken at other tills; without an answer this till's
        journal decides."""
        if isinstance(found, ReceiptElsewhere):
            self._ask(found, None)
        elif self.window.bridge.status.online:
            self._ask(ReceiptElsewhere(found.sale.terminal_id, found.sale.number), found)
        else:
            self._show(found)

    def _ask(self, receipt: ReceiptElsewhere, here: SaleForReturn | None) -> None:
        self._asked, self._here = receipt, here
        self.window.show_message(
            tr("asking_hub_for_receipt", number=receipt.number, terminal=receipt.terminal_id)
        )
        self.window.bridge.lookup_receipt(receipt.terminal_id, receipt.number)

    def _found_on_hub(self, on_hub: SaleForReturn) -> None:
        sale = on_hub.sale
        if self._asked != ReceiptElsewhere(sale.terminal_id, sale.number):
            return  # an answer nobody waits for any more
        self._asked = self._here = None
        try:
            found = self.window.checkout.returns.sale_from_hub(on_hub)
        except CheckoutError as exc:
            self.window.show_error(exc)
            return
        self._show(found)

    def _missing_on_hub(self, terminal_id: str, number: int, why: str) -> None:
        if self._asked != ReceiptElsewhere(terminal_id, number):
            return
        here, self._asked, self._here = self._here, None, None
        if here is not None:
            self._show(here)  # not synced yet, or no answer: this till's journal decides
            return
        message = tr(f"err_receipt_hub_{why}", number=number, terminal=terminal_id)
        self.window.show_message(message, "error")

    def _show(self, found: SaleForReturn) -> None:
        window, sale = self.window, found.sale
        if window.dialog is not None:  # the answer came after the cashier moved on
            message = tr("err_receipt_while_dialog", number=sale.number, terminal=sale.terminal_id)
            window.show_message(message, "error")
            return
        if not window.checkout.receipt.is_empty:  # a sale was started meanwhile
            window.show_message(tr("err_return_with_open_receipt"), "error")
            return
        other_till = not window.checkout.returns.sold_here(sale)
        dialog = ReturnDialog(found, window.checkout.returns.preview_return, other_till, window)
        dialog.confirmed.connect(lambda wanted: self._confirmed(dialog, found, wanted))
        window.clear_message()
        window.open_dialog(dialog)

    def _confirmed(
        self, dialog: ReturnDialog, found: SaleForReturn, wanted: dict[int, int]
    ) -> None:
        window = self.window
        try:
            back = window.checkout.returns.return_lines(found, wanted)
        except CheckoutError as exc:
            dialog.show_error(error_text(exc))
            return
        dialog.accept()
        window.refresh()
        sale = back.sale
        refund, tender = format_money(back.plan.refund), refund_way(back.plan.refunds)
        if window.checkout.returns.sold_here(sale):
            done = tr("return_done", number=sale.number, refund=refund, tender=tender)
        else:
            done = tr(
                "return_done_other_till",
                number=sale.number,
                terminal=sale.terminal_id,
                refund=refund,
                tender=tender,
            )
        window.show_message(done)
        if any(kind == "cash" for kind, _ in back.plan.refunds):
            window.cash_moved.emit()
        window.wake_sync()
