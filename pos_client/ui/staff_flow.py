"""The till's staff moments on the window: the login page, the shift menu (open, cash in and
out, report, close), logout, and the actions that need a manager's approval (voiding a paid
receipt, spending points above the offline cap)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from pos_client.checkout_errors import CheckoutError
from pos_client.core.money import format_money
from pos_client.core.returns import SaleReturn
from pos_client.core.shift import Shift
from pos_client.core.staff import OverrideAction, StaffMember
from pos_client.return_desk import ReceiptElsewhere
from pos_client.shift_desk import ShiftDesk
from pos_client.staff_desk import Approval, StaffDesk
from pos_client.store.journal import SaleForReturn
from pos_client.ui.approval_dialog import ApprovalDialog
from pos_client.ui.dialogs import error_text
from pos_client.ui.login_page import LoginPage
from pos_client.ui.no_sale import ask_no_sale
from pos_client.ui.price_override import ask_price_override
from pos_client.ui.receipt_search import ReceiptNumberDialog
from pos_client.ui.return_dialog import refund_way
from pos_client.ui.return_without_receipt import ask_return_without_receipt
from pos_client.ui.shift_dialogs import CashDialog, CloseShiftDialog, TextDialog
from pos_client.ui.shift_report import render_shift
from pos_client.ui.strings import tr

if TYPE_CHECKING:
    from pos_client.ui.main_window import MainWindow

PIN_LENGTHS = range(4, 9)
T = TypeVar("T")


class StaffFlow(QObject):
    def __init__(self, window: MainWindow, desk: StaffDesk, shifts: ShiftDesk) -> None:
        super().__init__(window)
        self.window, self.desk, self.shifts = window, desk, shifts
        self.page = LoginPage(window)
        self.page.login_requested.connect(self.login)
        window.add_page(self.page)
        window.staff_flow = self
        window.code_takers.append(self.take_code)
        window.retranslated.connect(self.retranslate)
        window.bridge.status_changed.connect(lambda _status: self._refresh_staff())
        self._build_menu()
        self.retranslate()
        self.show_login()

    # -- login and logout --------------------------------------------------------------

    def show_login(self) -> None:
        self.window.show_page(self.page)
        self._enable_till(False)
        self.page.show_staff(self._staff())
        self.page.reset()
        self._show_cashier()

    def login(self, staff_id: str, pin: str) -> None:
        try:
            person = self.desk.login(staff_id, pin)
        except CheckoutError as exc:
            self.page.show_error(error_text(exc))
            return
        self._logged_in(person)

    def take_code(self, code: str) -> bool:
        """A scanned code the staff moments take: a badge or a fast-typed PIN at the login
        page, a PIN typed fast into the approval dialog. False: the till should handle it."""
        code = code.strip()
        is_pin = code.isascii() and code.isdigit() and len(code) in PIN_LENGTHS
        if self.window.showing(self.page):
            if is_pin:
                self.login(self.page.chosen_id() or "", code)
                return True
            try:
                person = self.desk.login_badge(code)
            except CheckoutError as exc:
                self.page.show_error(error_text(exc))
                return True
            self._logged_in(person)
            return True
        dialog = self.window.dialog
        if isinstance(dialog, ApprovalDialog) and is_pin:
            dialog.enter_pin(code)
            return True
        return False

    def logout(self) -> None:
        if not self.window.checkout.receipt.is_empty:
            self.window.show_message(tr("err_logout_open_receipt"), "error")
            return
        self._call(self.desk.logout)
        self.show_login()

    def _logged_in(self, person: StaffMember) -> None:
        self.window.show_page(self.window.till_page)
        self._enable_till(True)
        self._show_cashier()
        self.window.show_message(tr("logged_in", name=person.name))
        self.window.tell_restored()
        if self._current_shift() is None:
            self.open_shift()

    # -- the shift -----------------------------------------------------------------------

    def open_shift(self) -> None:
        person = self.desk.current
        if person is None:
            return
        dialog = CashDialog(
            self.window,
            title=tr("open_shift_title"),
            label=tr("open_shift_label", name=person.name),
            ok_text=tr("open_shift_ok"),
        )

        def submitted(amount: int, _reason: str) -> None:
            try:
                shift = self.shifts.open(person, amount)
            except CheckoutError as exc:
                dialog.show_error(error_text(exc))
                return
            dialog.accept()
            self._show_cashier()
            self.window.show_message(tr("shift_opened", number=shift.number))
            if amount:
                self.window.cash_moved.emit()  # the float goes into the drawer

        dialog.submitted.connect(submitted)
        dialog.rejected.connect(lambda: self.logout() if self._current_shift() is None else None)
        self.window.open_dialog(dialog)

    def cash_in(self) -> None:
        self._cash_move(+1)

    def cash_out(self) -> None:
        self._cash_move(-1)

    def _cash_move(self, sign: int) -> None:
        person = self.desk.current
        if person is None or not self.require_shift():
            return
        kind = "in" if sign > 0 else "out"
        dialog = CashDialog(
            self.window,
            title=tr(f"cash_{kind}_title"),
            label=tr("cash_amount_label"),
            ok_text=tr("ok"),
            reason=tr(f"cash_{kind}_reason"),
        )

        def submitted(amount: int, reason: str) -> None:
            try:
                self.shifts.move_cash(person, sign * amount, reason)
            except CheckoutError as exc:
                dialog.show_error(error_text(exc))
                return
            dialog.accept()
            self.window.show_message(tr(f"cash_moved_{kind}", amount=amount))
            self.window.cash_moved.emit()

        dialog.submitted.connect(submitted)
        self.window.open_dialog(dialog)

    def shift_report(self) -> None:
        shift = self.require_shift()
        if shift is None:
            return
        summary = self._call(self.shifts.summary)
        if summary is None:
            return
        self._show_report(
            shift.number, render_shift(shift, summary, self._name_of(shift.opened_by))
        )

    def close_shift(self) -> None:
        person, shift = self.desk.current, self.require_shift()
        if person is None or shift is None:
            return
        if not self.window.checkout.receipt.is_empty:
            self.window.show_message(tr("err_logout_open_receipt"), "error")
            return
        summary = self._call(self.shifts.summary)
        parked = self._call(self.window.checkout.parked)
        if summary is None or parked is None:
            return
        report = render_shift(shift, summary, self._name_of(shift.opened_by))
        dialog = CloseShiftDialog(
            report, summary.expected_cash, summary.waiting_to_sync, self.window, parked=len(parked)
        )

        def submitted(counted: int, acknowledged: bool) -> None:
            try:
                closed = self.shifts.close(person, counted, unsynced_confirmed=acknowledged)
            except CheckoutError as exc:
                dialog.show_error(error_text(exc))
                return
            dialog.accept()
            text = render_shift(
                closed.shift,
                closed.summary,
                self._name_of(shift.opened_by),
                counted=closed.counted,
                closed=(closed.closed_at, person.name),
            )
            self.logout()
            self.page.show_error(tr("shift_closed", number=shift.number))
            self._show_report(shift.number, text)

        dialog.submitted.connect(submitted)
        self.window.open_dialog(dialog)

    def _show_report(self, number: int, text: str) -> None:
        """A shift report to read, with a button that prints it."""
        dialog = TextDialog(tr("shift_report_title", number=number), text, self.window)
        printing = self.window.printing
        if printing is None:
            dialog.print_row.hide()
        else:
            dialog.print_row.requested.connect(lambda: printing.print_report(dialog, number))
        self.window.open_dialog(dialog)

    # -- manager approvals ------------------------------------------------------------

    def void_paid_receipt(self) -> None:
        """A paid receipt taken back whole: its number (or code), then a manager's PIN."""
        if not self.window.checkout.receipt.is_empty:
            self.window.show_message(tr("err_return_with_open_receipt"), "error")
            return
        window = self.window
        dialog = ReceiptNumberDialog(
            window, window.checkout.returns.receipts_on, window.checkout.returns.today()
        )
        if self.window.last_sale is not None:
            dialog.number.setText(str(self.window.last_sale.number))
            dialog.number.selectAll()
        dialog.entered.connect(self._void_receipt_entered)
        self.window.open_dialog(dialog)

    def _void_receipt_entered(self, text: str) -> None:
        found = self._call(lambda: self.window.checkout.returns.find_receipt(text))
        if found is None:
            return
        if isinstance(found, ReceiptElsewhere):
            message = tr("err_void_other_till", number=found.number, terminal=found.terminal_id)
            self.window.show_message(message, "error")
            return
        sale = found.sale
        if all(found.returned.get(n, 0) >= line.quantity for n, line in enumerate(sale.lines)):
            self.window.show_message(tr("err_nothing_to_void", number=sale.number), "error")
            return
        what = tr("approval_void", number=sale.number, total=sale.total)
        self.ask_approval(
            OverrideAction.VOID_AFTER_PAYMENT, sale.sale_id, what, lambda a: self._void(found, a)
        )

    def _void(self, found: SaleForReturn, approval: Approval) -> None:
        checkout = self.window.checkout

        def void() -> SaleReturn:
            self.desk.use(approval, OverrideAction.VOID_AFTER_PAYMENT, found.sale.sale_id)
            return checkout.returns.void_sale(found, approval.approver.staff_id)

        back = self._call(void)
        if back is None:
            return
        self.window.refresh()
        refund, tender = format_money(back.plan.refund), refund_way(back.plan.refunds)
        self.window.show_message(
            tr("void_done", number=found.sale.number, refund=refund, tender=tender)
        )
        if any(kind == "cash" for kind, _ in back.plan.refunds):
            self.window.cash_moved.emit()
        self.window.wake_sync()

    def waive_offline_cap(self, refusal: CheckoutError) -> None:
        """Points refused by the offline policy: a manager may allow them on this receipt."""
        checkout = self.window.checkout
        subject = checkout.redemption_subject()
        what = tr("approval_redeem", reason=error_text(refusal))

        def approved(approval: Approval) -> None:
            def waive() -> int:
                self.desk.use(approval, OverrideAction.REDEEM_ABOVE_CAP, subject)
                return checkout.waive_offline_cap()

            if self._call(waive) is not None:
                self.window.show_message(tr("cap_waived"))
                self.window.pay_with_points()

        self.ask_approval(OverrideAction.REDEEM_ABOVE_CAP, subject, what, approved)

    def ask_approval(
        self,
        action: OverrideAction,
        subject: str,
        what: str,
        then: Callable[[Approval], None],
    ) -> None:
        approvers = self._call(lambda: self.desk.approvers(action))
        if approvers is None:
            return
        dialog = ApprovalDialog(
            self.window,
            action=action,
            subject=subject,
            what=what,
            approvers=approvers,
            approve=self.desk.approve,
        )
        dialog.approved.connect(then)
        self.window.open_dialog(dialog)

    # -- helpers ---------------------------------------------------------------------------

    def _build_menu(self) -> None:
        menu = self.window.menuBar().addMenu("")
        self.menu = menu
        self.actions: dict[str, QAction] = {}
        for key, shortcut, handler in (
            ("menu_cash_in", "Ctrl+Shift+I", self.cash_in),
            ("menu_cash_out", "Ctrl+Shift+O", self.cash_out),
            ("menu_shift_report", "Ctrl+R", self.shift_report),
            ("menu_close_shift", "Ctrl+Shift+X", self.close_shift),
            ("menu_price_override", "Ctrl+F2", lambda: ask_price_override(self)),
            ("menu_void", "Ctrl+F8", self.void_paid_receipt),
            ("menu_goods_back", "Ctrl+F5", lambda: ask_return_without_receipt(self)),
            ("menu_no_sale", "Ctrl+Shift+D", lambda: ask_no_sale(self)),
            ("menu_logout", "Ctrl+L", self.logout),
        ):
            action = menu.addAction("")
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(handler)
            self.actions[key] = action

    def retranslate(self) -> None:
        self.menu.setTitle(tr("menu_shift"))
        for key, action in self.actions.items():
            action.setText(tr(key))
        self.page.retranslate()
        self._show_cashier()

    def _enable_till(self, enabled: bool) -> None:
        self.window.set_till_enabled(enabled)
        self.menu.setEnabled(enabled)

    def _refresh_staff(self) -> None:
        if self.window.showing(self.page):
            self.page.show_staff(self._staff())

    def _staff(self) -> list[StaffMember]:
        return self._call(self.desk.staff) or []

    def _current_shift(self) -> Shift | None:
        return self._call(self.shifts.current)

    def require_shift(self) -> Shift | None:
        shift = self._current_shift()
        if shift is None:
            self.window.show_message(tr("err_no_open_shift"), "error")
        return shift

    def _name_of(self, staff_id: str) -> str:
        person = next((p for p in self._staff() if p.staff_id == staff_id), None)
        return person.name if person else staff_id

    def _show_cashier(self) -> None:
        person = self.desk.current
        if person is None:
            text = tr("status_nobody")
        else:
            shift = self._current_shift()
            text = (
                tr("status_cashier", name=person.name, number=shift.number)
                if shift
                else tr("status_cashier_no_shift", name=person.name)
            )
        self.window.status.show_cashier(text)

    def _call(self, action: Callable[[], T]) -> T | None:
        try:
            return action()
        except CheckoutError as exc:
            self.window.show_message(error_text(exc), "error")
            return None
