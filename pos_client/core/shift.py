"""A cashier's shift in figures: what was sold and returned, by tender, and the cash the drawer
should hold at the close."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pos_client.core.money import Money


@dataclass(frozen=True, slots=True)
class Shift:
    shift_id: str
    number: int
    opened_at: datetime
    opened_by: str
    opening_float: Money


@dataclass(frozen=True, slots=True)
class ShiftSummary:
    opening_float: Money
    sales: int = 0
    sales_total: Money = 0
    sales_by_tender: Mapping[str, Money] = field(default_factory=dict)
    returns: int = 0
    refunds_total: Money = 0
    refunds_by_tender: Mapping[str, Money] = field(default_factory=dict)
    points_earned: int = 0
    points_spent: int = 0
    points_reversed: int = 0  # earned points taken back by returns
    points_refunded: int = 0  # spent points given back by returns
    coupons_used: int = 0
    cash_in: Money = 0
    cash_out: Money = 0
    no_sales: int = 0  # the drawer opened with nothing sold, each on a manager's approval
    waiting_to_sync: int = 0

    @property
    def expected_cash(self) -> Money:
        """Float, plus cash taken, minus cash refunded, plus cash put in, minus cash taken out."""
        return (
            self.opening_float
            + self.sales_by_tender.get("cash", 0)
            - self.refunds_by_tender.get("cash", 0)
            + self.cash_in
            - self.cash_out
        )

    def difference(self, counted: Money) -> Money:
        """Counted minus expected: negative when cash is missing from the drawer."""
        return counted - self.expected_cash

    def to_dict(self) -> dict[str, Any]:
        return {
            "opening_float": self.opening_float,
            "sales": self.sales,
            "sales_total": self.sales_total,
            "sales_by_tender": dict(self.sales_by_tender),
            "returns": self.returns,
            "refunds_total": self.refunds_total,
            "refunds_by_tender": dict(self.refunds_by_tender),
            "points_earned": self.points_earned,
            "points_spent": self.points_spent,
            "points_reversed": self.points_reversed,
            "points_refunded": self.points_refunded,
            "coupons_used": self.coupons_used,
            "cash_in": self.cash_in,
            "cash_out": self.cash_out,
            "no_sales": self.no_sales,
            "expected_cash": self.expected_cash,
            "waiting_to_sync": self.waiting_to_sync,
        }
