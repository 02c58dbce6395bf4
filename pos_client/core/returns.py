"""Returns: what goes back to the customer, and what the customer gives back, line by line.

Shares are cumulative: the refund after returning r of q units is total * r // q minus what
earlier returns of the line refunded, so returning everything in any number of steps refunds
exactly what was paid. A sale paid partly in cash and partly by card is refunded the same way
by tender: each gets its share of the money returned so far, so in the end each gets back
exactly what it paid. Points earned are taken back rounding up, so nobody keeps points for
goods brought back; points spent come back rounding down, so nobody gets more than they spent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pos_client.core.money import Money
from pos_client.core.sale import Sale, SaleLine, Tender, TenderKind


class ReturnError(ValueError):
    """A return that cannot be made: unknown line, nothing to return, more than was sold."""


@dataclass(frozen=True, slots=True)
class ReturnedLine:
    position: int
    quantity: int
    refund: Money  # money back for this line now
    points_paid_back: Money  # the part of the line paid with points, in kopecks


@dataclass(frozen=True, slots=True)
class ReturnPlan:
    lines: tuple[ReturnedLine, ...]
    points_reversed: int  # earned points taken back
    points_refunded: int  # spent points given back
    stamps_undone: Mapping[str, int]
    refunds: tuple[tuple[TenderKind, Money], ...] = ()  # the refund by tender, none of them 0

    @property
    def refund(self) -> Money:
        return sum(line.refund for line in self.lines)


def refunds_by_tender(
    tenders: tuple[Tender, ...], total: Money, value_before: Money, value_after: Money
) -> tuple[tuple[TenderKind, Money], ...]:
    """What each tender gets back when the money returned on a sale of `total` goes from
    `value_before` to `value_after`: its share of each, the last tender taking the kopecks the
    shares round away. Tenders with nothing to get back are left out; a refund of nothing goes
    by the first tender."""
    refunds: list[tuple[TenderKind, Money]] = []
    for tender in tenders[:-1]:
        share = _share(tender.amount, value_after, total) - _share(
            tender.amount, value_before, total
        )
        refunds.append((tender.kind, share))
    refunds.append((tenders[-1].kind, value_after - value_before - sum(a for _, a in refunds)))
    paid = tuple((kind, amount) for kind, amount in refunds if amount)
    return paid or ((tenders[0].kind, 0),)


def _share(total: int, part: int, whole: int) -> int:
    return total * part // whole if whole else 0


def _share_up(total: int, part: int, whole: int) -> int:
    return -(-total * part // whole) if whole else 0


def plan_return(
    sale: Sale, wanted: Mapping[int, int], returned_before: Mapping[int, int]
) -> ReturnPlan:
    """`wanted` and `returned_before` map a line's position in the sale to a quantity."""
    if not wanted or not any(wanted.values()):
        raise ReturnError("nothing to return")
    lines: list[ReturnedLine] = []
    stamps: dict[str, int] = {}
    value_before = value_after = paid_before = paid_after = 0
    for position, line in enumerate(sale.lines):
        before = returned_before.get(position, 0)
        now = wanted.get(position, 0)
        if now < 0 or before < 0:
            raise ReturnError(f"line {position + 1}: a quantity cannot be negative")
        if before + now > line.quantity:
            left = line.quantity - before
            raise ReturnError(
                f"line {position + 1}: only {left} of {line.quantity} can be returned"
            )
        value_before += _share(line.total, before, line.quantity)
        value_after += _share(line.total, before + now, line.quantity)
        paid_before += _share(line.points_paid, before, line.quantity)
        paid_after += _share(line.points_paid, before + now, line.quantity)
        if now:
            lines.append(
                ReturnedLine(
                    position,
                    now,
                    _share(line.total, before + now, line.quantity)
                    - _share(line.total, before, line.quantity),
                    _share(line.points_paid, before + now, line.quantity)
                    - _share(line.points_paid, before, line.quantity),
                )
            )
            for card in line.stamp_cards:
                stamps[card] = stamps.get(card, 0) + now
    unknown = set(wanted) - set(range(len(sale.lines)))
    if unknown:
        raise ReturnError(f"the sale has no line {min(unknown) + 1}")
    earned, total = sale.points_earned, sale.total
    spent, paid = sale.points_redeemed, sale.points_paid
    return ReturnPlan(
        lines=tuple(lines),
        points_reversed=_share_up(earned, value_after, total)
        - _share_up(earned, value_before, total),
        points_refunded=_share(spent, paid_after, paid) - _share(spent, paid_before, paid),
        stamps_undone=stamps,
        refunds=refunds_by_tender(sale.tenders, total, value_before, value_after),
    )


@dataclass(frozen=True, slots=True)
class SaleReturn:
    """A journaled return: what went back from which sale, refunded by the original tender."""

    return_id: str
    sale: Sale
    created_at: datetime
    outlet_id: str
    terminal_id: str
    plan: ReturnPlan
    cashier_id: str | None = None
    approved_by: str | None = None  # the manager whose override allowed it (a void)

    @property
    def tender(self) -> TenderKind:
        """The tender refunded; the first of them when a split payment is refunded."""
        return self.plan.refunds[0][0] if self.plan.refunds else self.sale.tenders[0].kind

    def to_dict(self) -> dict[str, Any]:
        """The body sent to the hub; its idempotency key is `return_id`. `refunds` is there
        only when the refund is split between tenders (hubs before API 1.9 do not know it)."""
        body: dict[str, Any] = {
            "return_id": self.return_id,
            "sale_id": self.sale.sale_id,
            "created_at": self.created_at.isoformat(),
            "outlet_id": self.outlet_id,
            "terminal_id": self.terminal_id,
            "member_id": self.sale.member_id,
            "lines": [
                {"position": line.position, "quantity": line.quantity, "refund": line.refund}
                for line in self.plan.lines
            ],
            "refund": self.plan.refund,
            "tender": self.tender,
            "points_reversed": self.plan.points_reversed,
            "points_refunded": self.plan.points_refunded,
            "stamps_undone": dict(self.plan.stamps_undone),
            "cashier_id": self.cashier_id,
            "approved_by": self.approved_by,
        }
        if len(self.plan.refunds) > 1:
            body["refunds"] = [
                {"kind": kind, "amount": amount} for kind, amount in self.plan.refunds
            ]
        return body


MAX_REASON = 120


@dataclass(frozen=True, slots=True)
class ReturnWithoutReceipt:
    """Goods taken back with no receipt to show, a manager approving: refunded at the price
    they sell for today without a card, by the tender the customer is paid back with. No
    points move: nothing ties the goods to a member's purchase."""

    return_id: str
    created_at: datetime
    outlet_id: str
    terminal_id: str
    lines: tuple[SaleLine, ...]
    tender: TenderKind
    reason: str
    approved_by: str
    cashier_id: str | None = None

    def __post_init__(self) -> None:
        if not self.lines:
            raise ReturnError("nothing to return")
        if not self.reason or len(self.reason) > MAX_REASON:
            raise ReturnError(f"a reason of 1 to {MAX_REASON} characters is needed")
        if not self.approved_by:
            raise ReturnError("a manager's approval is needed")

    @property
    def refund(self) -> Money:
        return sum(line.total for line in self.lines)

    def to_dict(self) -> dict[str, Any]:
        """The body sent to the hub; its idempotency key is `return_id`. The points fields are
        there (always 0) so a shift report counts it like any return."""
        return {
            "return_id": self.return_id,
            "created_at": self.created_at.isoformat(),
            "outlet_id": self.outlet_id,
            "terminal_id": self.terminal_id,
            "lines": [line.to_dict() for line in self.lines],
            "refund": self.refund,
            "tender": self.tender,
            "reason": self.reason,
            "approved_by": self.approved_by,
            "cashier_id": self.cashier_id,
            "points_reversed": 0,
            "points_refunded": 0,
        }
