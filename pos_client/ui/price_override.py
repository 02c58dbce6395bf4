"""Ctrl+F2: a new price for the selected line, with the reason, on a manager's PIN."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pos_client.checkout_errors import CheckoutError
from pos_client.core.money import format_money
from pos_client.core.staff import OverrideAction
from pos_client.staff_desk import Approval
from pos_client.ui.dialogs import error_text
from pos_client.ui.shift_dialogs import CashDialog
from pos_client.ui.strings import Language, tr

if TYPE_CHECKING:
    from pos_client.ui.staff_flow import StaffFlow

ACTION = OverrideAction.PRICE_OVERRIDE


def ask_price_override(flow: StaffFlow) -> None:
    """The new price and why; a price or reason the receipt would refuse is said in the
    dialog before any manager is asked, and the approval covers this line at this price."""
    window, checkout = flow.window, flow.window.checkout
    line_id = window.selected_line_id()
    if line_id is None:
        window.show_message(tr("err_no_line"), "error")
        return
    line = checkout.receipt.line(line_id)
    item = line.product.name(Language.current)
    dialog = CashDialog(
        window,
        title=tr("override_title"),
        label=tr("override_label", item=item, price=format_money(line.product.price)),
        ok_text=tr("override_ok"),
        reason="",
    )

    def submitted(price: int, reason: str) -> None:
        try:
            subject = checkout.price_override_subject(line_id, price, reason)
        except CheckoutError as exc:
            dialog.show_error(error_text(exc))
            return
        dialog.accept()
        what = tr(
            "approval_price",
            item=item,
            old=format_money(line.product.price),
            new=format_money(price),
            reason=" ".join(reason.split()),
        )

        def approved(approval: Approval) -> None:
            def override() -> None:
                flow.desk.use(approval, ACTION, subject)
                checkout.override_price(line_id, price, reason, approval.approver.staff_id)

            if window.attempt(override):
                window.table.selectRow(window.model.row_of_line(line_id))
                window.show_message(tr("override_done", item=item, price=format_money(price)))

        flow.ask_approval(ACTION, subject, what, approved)

    dialog.submitted.connect(submitted)
    window.open_dialog(dialog)
