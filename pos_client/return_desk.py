"""Goods taken back at the till, Qt-free: with the receipt (scanned, typed or found by day),
from this till's journal or, for another till's receipt, as the hub gave it; a whole sale
voided on a manager's approval; goods brought back without a receipt.

Returns are taken with no receipt open, so a sale and a return never mix. Each return is
journaled and queued for the hub like a sale.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from pos_client.checkout_errors import CheckoutError, printable, receipt_call, store_call
from pos_client.core.identity import receipt_parts
from pos_client.core.promotions import PricedReceipt, PricingContext
from pos_client.core.receipt import Receipt
from pos_client.core.returns import (
    ReturnError,
    ReturnPlan,
    ReturnWithoutReceipt,
    SaleReturn,
    plan_return,
)
from pos_client.core.sale import Sale, TenderKind, sale_lines
from pos_client.store.journal import Journal, ReceiptSummary, SaleForReturn

if TYPE_CHECKING:
    from pos_client.checkout import Checkout

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReceiptElsewhere:
    """The code of another till's receipt: its sale is asked from the hub."""

    terminal_id: str
    number: int


class ReturnDesk:
    """The checkout's returns (`checkout.returns`): the till, cashier and shift are its."""

    def __init__(
        self,
        checkout: Checkout,
        journal: Journal,
        clock: Callable[[], datetime],
        new_id: Callable[[], str],
    ) -> None:
        self._checkout = checkout
        self._journal = journal
        self._clock = clock
        self._new_id = new_id

    def find_receipt(self, text: str) -> SaleForReturn | ReceiptElsewhere:
        """A sale of this terminal by its receipt number or the code printed on its receipt;
        the code of another till's receipt names the receipt to ask the hub for.

        Returns are taken with no receipt open, so the two never mix.
        """
        if not self._checkout.receipt.is_empty:
            raise CheckoutError("return_with_open_receipt")
        text = text.strip()
        prefix = self._checkout.identity_rules.receipt_prefix
        parts = receipt_parts(text[len(prefix) :]) if text.startswith(prefix) else None
        if parts is not None:
            terminal_id, number = parts
            if terminal_id != self._checkout.till.terminal_id:
                return ReceiptElsewhere(terminal_id, number)
        elif text.isascii() and text.isdigit() and len(text) <= 9:
            number = int(text)
        else:
            raise CheckoutError("bad_receipt_number", text=printable(text))
        found = store_call(lambda: self._journal.sale_for_return(number))
        if found is None:
            raise CheckoutError("unknown_receipt_number", number=number)
        return found

    def sale_from_hub(self, on_hub: SaleForReturn) -> SaleForReturn:
        """A sale as the hub gave it (the hub knows the returns taken at every till), counting
        this till's returns of it that have not reached the hub yet."""
        if not self._checkout.receipt.is_empty:
            raise CheckoutError("return_with_open_receipt")
        return store_call(lambda: self._journal.with_returns_here(on_hub))

    def sold_here(self, sale: Sale) -> bool:
        return sale.terminal_id == self._checkout.till.terminal_id

    def today(self) -> date:
        """The calendar day at the till, by its clock and time zone."""
        return self._clock().astimezone().date()

    def receipts_on(self, day: date) -> list[ReceiptSummary]:
        """This terminal's receipts of a calendar day in the till's time zone, newest first."""
        start = datetime.combine(day, time.min).astimezone()
        end = datetime.combine(day + timedelta(days=1), time.min).astimezone()
        return store_call(lambda: self._journal.receipts_between(start, end))

    def preview_return(self, found: SaleForReturn, wanted: Mapping[int, int]) -> ReturnPlan:
        """What returning these quantities would refund and take back; nothing is written."""
        try:
            return plan_return(found.sale, wanted, found.returned)
        except ReturnError as exc:
            raise CheckoutError("bad_return", detail=str(exc)) from None

    def void_sale(self, found: SaleForReturn, approved_by: str) -> SaleReturn:
        """Take back everything left of a paid sale (a manager approved it), refunded by its
        tender with the points reversed, like a return of every line."""
        wanted = {
            position: line.quantity - found.returned.get(position, 0)
            for position, line in enumerate(found.sale.lines)
            if line.quantity > found.returned.get(position, 0)
        }
        if not wanted:
            raise CheckoutError("nothing_to_void", number=found.sale.number)
        return self.return_lines(found, wanted, approved_by=approved_by)

    def return_lines(
        self, found: SaleForReturn, wanted: Mapping[int, int], *, approved_by: str | None = None
    ) -> SaleReturn:
        """Take goods back from a sale of this terminal's journal or one the hub gave:
        `wanted` maps a line's position to a quantity. Points are reversed in proportion;
        refund by the sale's tender. More than was sold (counting earlier returns) is refused
        and nothing is written."""
        self._checkout.require_shift()
        return_id = self._new_id()
        created_at = self._clock()

        def build(sale: Sale, before: Mapping[int, int]) -> SaleReturn:
            plan = plan_return(sale, wanted, before)
            return SaleReturn(
                return_id,
                sale,
                created_at,
                self._checkout.till.outlet_id,
                self._checkout.till.terminal_id,
                plan,
                cashier_id=self._checkout.cashier_id(),
                approved_by=approved_by,
            )

        try:
            back = store_call(lambda: self._journal.record_return(found, wanted, build))
        except LookupError:
            raise CheckoutError("unknown_receipt", sale=printable(found.sale.sale_id)) from None
        except ReturnError as exc:
            raise CheckoutError("bad_return", detail=str(exc)) from None
        log.info("return of sale %d journaled: refund %d", back.sale.number, back.plan.refund)
        return back

    # -- returns without a receipt --------------------------------------------------------

    def goods_back(self, goods: Receipt, code: str) -> Receipt:
        """The goods a customer brings back without a receipt, with one more scanned."""
        product = self._checkout.product(code)
        return receipt_call(lambda: goods.add(product))

    def price_goods_back(self, goods: Receipt) -> PricedReceipt:
        """What goods sell for today at this outlet without a card: the refund without a
        receipt (nothing proves what was paid, or by whom)."""
        context = PricingContext(at=self._clock(), channel=self._checkout.till.channel)
        return self._checkout.engine.price(goods, None, context)

    def return_without_receipt_subject(
        self, goods: Receipt, tender: TenderKind, reason: str
    ) -> str:
        """What a manager approves: these goods, this refund, this tender. Refuses
        (CheckoutError) what could not be journaled, before anyone is asked for a PIN."""
        back = self._return_without_receipt(goods, tender, reason, "-")
        lines = ",".join(f"{line.sku}x{line.quantity}" for line in back.lines)
        return f"{tender}:{back.refund}:{lines}"

    def return_without_receipt(
        self, goods: Receipt, tender: TenderKind, reason: str, approved_by: str
    ) -> ReturnWithoutReceipt:
        """Journal goods taken back without a receipt on a manager's approval."""
        self._checkout.require_shift()
        back = self._return_without_receipt(goods, tender, reason, approved_by)
        store_call(lambda: self._journal.record_return_without_receipt(back))
        log.info("return without a receipt journaled: refund %d", back.refund)
        return back

    def _return_without_receipt(
        self, goods: Receipt, tender: TenderKind, reason: str, approved_by: str
    ) -> ReturnWithoutReceipt:
        if goods.is_empty:
            raise CheckoutError("nothing_brought_back")
        reason = " ".join(reason.split())
        if not reason:
            raise CheckoutError("return_reason_missing")
        try:
            return ReturnWithoutReceipt(
                return_id=self._new_id(),
                created_at=self._clock(),
                outlet_id=self._checkout.till.outlet_id,
                terminal_id=self._checkout.till.terminal_id,
                lines=sale_lines(self.price_goods_back(goods), self._checkout.language),
                tender=tender,
                reason=reason,
                approved_by=approved_by,
                cashier_id=self._checkout.cashier_id(),
            )
        except ReturnError as exc:
            raise CheckoutError("bad_return", detail=str(exc)) from None
