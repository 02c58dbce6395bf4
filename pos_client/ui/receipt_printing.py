"""Receipts on paper: each paid sale prints, Ctrl+P prints a copy of the last one, shift
reports print from their dialog. A printer that is unplugged or out of paper is named in
plain words; the sale it was printing stays complete and a copy can be printed later.

With a cash drawer on the printer's kick port (config `cash_drawer`), the drawer opens as a
sale paid (partly) in cash prints, and on its own when cash is paid out or moved: a refund in
cash, the opening float, cash put in or taken out. A copy never opens it."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from pos_client.checkout_errors import CheckoutError
from pos_client.core.loyalty import Member, PointsBalance
from pos_client.core.sale import Sale
from pos_client.printing.document import PrintDocument
from pos_client.ui.dialogs import SaleDialog
from pos_client.ui.printer_bridge import PrinterBridge
from pos_client.ui.receipt_text import receipt_document, text_document
from pos_client.ui.shift_dialogs import TextDialog
from pos_client.ui.strings import tr

if TYPE_CHECKING:
    from pos_client.ui.main_window import MainWindow


class ReceiptPrinting(QObject):
    def __init__(self, window: MainWindow, printer: PrinterBridge) -> None:
        super().__init__(window)
        self.window, self.printer = window, printer
        self._jobs: dict[int, tuple[str, str]] = {}  # job -> what it prints, its kind
        self._last: tuple[Sale, Member | None, PointsBalance | None] | None = None
        window.printing = self
        window.sale_completed.connect(self.print_sale)
        window.cash_moved.connect(self.open_drawer)
        printer.finished.connect(self._finished)
        self.reprint_action = QAction(window)
        self.reprint_action.setShortcut(QKeySequence("Ctrl+P"))
        self.reprint_action.triggered.connect(self.print_copy)
        window.terminal_menu.insertAction(window.problems_action, self.reprint_action)
        window.addAction(self.reprint_action)
        window.till_actions.append(self.reprint_action)
        window.retranslated.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        self.reprint_action.setText(tr("menu_reprint"))

    def print_sale(self, sale: Sale, member: Member | None, balance: PointsBalance | None) -> None:
        """The receipt of a sale just paid (its dialog shows how printing goes)."""
        self._last = (sale, member, balance)
        dialog = self.window.dialog
        if isinstance(dialog, SaleDialog):
            dialog.print_row.requested.connect(self.print_copy)
        document = receipt_document(sale, member, balance, self.window.receipt_header())
        cash = any(tender.kind == "cash" for tender in sale.tenders)
        document = replace(document, open_drawer=cash and self.printer.cash_drawer)
        self._submit(document, tr("print_what_receipt", number=sale.number), "sale")

    def open_drawer(self) -> None:
        """Cash is paid out or moved with no receipt to print: only the drawer opens."""
        if self.printer.cash_drawer:
            self._jobs[self.printer.submit(PrintDocument((), open_drawer=True))] = ("", "drawer")

    def print_copy(self) -> None:
        """A copy of the last receipt: this session's, or after a restart the journal's."""
        last = self._last
        if last is None:
            try:
                found = self.window.checkout.last_receipt()
            except CheckoutError as exc:
                self.window.show_error(exc)
                return
            if found is None:
                self.window.show_message(tr("err_no_sales_yet"), "error")
                return
            last = (*found, None)
        sale, member, balance = last
        document = receipt_document(sale, member, balance, self.window.receipt_header(), copy=True)
        self._submit(document, tr("print_what_receipt", number=sale.number), "sale")

    def print_report(self, dialog: TextDialog, shift_number: int) -> None:
        """A shift report from its dialog, as it reads on screen."""
        document = text_document(dialog.text.toPlainText())
        self._submit(document, tr("print_what_report", number=shift_number), "report")

    def _submit(self, document: PrintDocument, what: str, kind: str) -> None:
        if not self.printer.configured:
            self._show(tr("print_not_set_up"), "info")
            return
        self._jobs[self.printer.submit(document)] = (what, kind)
        self._show(tr("print_sending", what=what), "info")

    def _finished(self, job: int, reason: str, _detail: str) -> None:
        what, kind = self._jobs.pop(job, ("", ""))
        if kind == "drawer":
            if reason:  # it opens with its key; the cashier must know to use it
                self.window.show_message(tr(f"drawer_{reason}"), "error")
            return
        if not reason:
            self._show(tr("print_done", what=what), "info")
            return
        text = tr(f"print_{reason}", what=what)
        if kind == "sale":
            text += " " + tr("print_sale_kept")
        self._show(text, "error")
        self.window.show_message(text, "error")  # still there after the dialog closes

    def _show(self, text: str, kind: str) -> None:
        dialog = self.window.dialog
        if isinstance(dialog, SaleDialog | TextDialog):
            dialog.print_row.show_state(text, kind)
        elif kind == "info":
            self.window.show_message(text, kind)
