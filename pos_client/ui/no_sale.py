"""Ctrl+Shift+D: the cash drawer opened with nothing sold ("no sale": change for a customer, a
banknote to check), with the reason, on a manager's PIN. Each opening is journaled, reaches the
hub's audit log and is counted in the shift's report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pos_client.core.staff import OverrideAction
from pos_client.shift_desk import one_line_reason
from pos_client.staff_desk import Approval
from pos_client.ui.dialogs import EntryDialog
from pos_client.ui.strings import tr

if TYPE_CHECKING:
    from pos_client.ui.staff_flow import StaffFlow

ACTION = OverrideAction.NO_SALE


def ask_no_sale(flow: StaffFlow) -> None:
    """Refused with no drawer, an open receipt (its payment opens the drawer) or no shift;
    then the reason, then the manager."""
    window = flow.window
    printing = window.printing
    if printing is None or not printing.printer.cash_drawer:
        window.show_message(tr("err_no_drawer"), "error")
        return
    if not window.checkout.receipt.is_empty:
        window.show_message(tr("err_no_sale_open_receipt"), "error")
        return
    person = flow.desk.current
    if person is None or flow.require_shift() is None:
        return
    dialog = EntryDialog(
        window,
        title=tr("no_sale_title"),
        label=tr("no_sale_label"),
        name="noSaleReason",
        digits=False,
    )

    def entered(reason: str) -> None:
        subject = window.outcome(lambda: flow.shifts.no_sale_subject(reason))
        if subject is None:  # no shift, or no reason: said on the window
            return
        said = one_line_reason(reason)

        def approved(approval: Approval) -> None:
            def record() -> None:
                flow.desk.use(approval, ACTION, subject)
                flow.shifts.record_no_sale(person, approval.approver.staff_id, said)

            if window.attempt(record):
                window.show_message(tr("no_sale_done", name=approval.approver.name))
                window.cash_moved.emit()

        flow.ask_approval(ACTION, subject, tr("approval_no_sale", reason=said), approved)

    dialog.entered.connect(entered)
    window.open_dialog(dialog)
