"""The receipt being built: lines and quantities. Immutable; every change returns a new one."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from pos_client.core.catalog import Product
from pos_client.core.money import Money
from pos_client.core.scale import ScaleError, Weighing

MAX_QUANTITY = 999
MAX_REASON_LENGTH = 120


class ReceiptError(ValueError):
    """A change the receipt refuses (unknown line, quantity out of range, a bad override);
    `code` names the refusal for the window's message."""

    def __init__(self, message: str, code: str = "bad_quantity") -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class PriceOverride:
    """A line's price set by hand, with the reason and the manager who approved it."""

    list_price: Money  # the catalogue price it replaced
    reason: str
    approved_by: str  # the manager's staff id

    def to_dict(self) -> dict[str, Any]:
        return {
            "list_price": self.list_price,
            "reason": self.reason,
            "approved_by": self.approved_by,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PriceOverride:
        return cls(int(data["list_price"]), str(data["reason"]), str(data["approved_by"]))


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    line_id: int
    product: Product  # its price is the overridden one when price_override is set
    quantity: int
    price_override: PriceOverride | None = None
    # Goods sold by weight: one line per scale label, its product priced at the label's price.
    weighing: Weighing | None = None

    @property
    def amount(self) -> Money:
        return self.product.price * self.quantity

    def to_dict(self) -> dict[str, Any]:
        return {
            "line_id": self.line_id,
            "product": self.product.to_dict(),
            "quantity": self.quantity,
            "price_override": self.price_override.to_dict() if self.price_override else None,
            "weighing": self.weighing.to_dict() if self.weighing else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReceiptLine:
        override = data.get("price_override")
        weighing = data.get("weighing")
        return cls(
            int(data["line_id"]),
            Product.from_dict(data["product"]),
            int(data["quantity"]),
            PriceOverride.from_dict(override) if override else None,
            Weighing.from_dict(weighing) if weighing else None,
        )


@dataclass(frozen=True, slots=True)
class Receipt:
    lines: tuple[ReceiptLine, ...] = ()
    next_line_id: int = 1

    @property
    def is_empty(self) -> bool:
        return not self.lines

    @property
    def subtotal(self) -> Money:
        return sum(line.amount for line in self.lines)

    def line(self, line_id: int) -> ReceiptLine:
        for line in self.lines:
            if line.line_id == line_id:
                return line
        raise ReceiptError(f"no line {line_id}")

    def add(self, product: Product, quantity: int = 1) -> Receipt:
        """Add a product; a product already on the receipt gets its quantity raised."""
        if product.by_weight:
            raise ReceiptError(f"{product.sku} is sold by weight", "needs_weight")
        for line in self.lines:
            if line.product.sku == product.sku and line.weighing is None:
                return self.set_quantity(line.line_id, line.quantity + quantity)
        _check_quantity(quantity)
        new_line = ReceiptLine(self.next_line_id, product, quantity)
        return self._with_new_line(new_line)

    def add_weighed(self, product: Product, grams: int) -> Receipt:
        """A scale label's goods: a line of its own at the weight's price (ScaleError for a
        weight that cannot be sold)."""
        if not product.by_weight:
            raise ReceiptError(f"{product.sku} is not sold by weight", "not_weighed")
        try:
            weighing = Weighing(grams, product.price)
        except ScaleError as exc:
            raise ReceiptError(str(exc), "bad_weight") from None
        line = ReceiptLine(
            self.next_line_id, replace(product, price=weighing.price), 1, weighing=weighing
        )
        return self._with_new_line(line)

    def _with_new_line(self, line: ReceiptLine) -> Receipt:
        return replace(self, lines=(*self.lines, line), next_line_id=self.next_line_id + 1)

    def set_quantity(self, line_id: int, quantity: int) -> Receipt:
        _check_quantity(quantity)
        target = self.line(line_id)
        if target.weighing is not None and quantity != target.quantity:
            raise ReceiptError("a weighed line's quantity is its label", "weighed_quantity")
        lines = tuple(
            replace(line, quantity=quantity) if line is target else line for line in self.lines
        )
        return replace(self, lines=lines)

    def override_price(self, line_id: int, price: Money, reason: str, approved_by: str) -> Receipt:
        """The line at `price` instead of the catalogue's; promotions then apply to it."""
        target = self.line(line_id)
        reason = " ".join(reason.split())
        if price <= 0:
            raise ReceiptError("the new price must be more than zero", "override_price_zero")
        if price == target.product.price:
            raise ReceiptError("the line already has this price", "override_price_same")
        if not reason or len(reason) > MAX_REASON_LENGTH:
            raise ReceiptError(
                f"a price override needs a reason of 1 to {MAX_REASON_LENGTH} characters",
                "override_reason",
            )
        listed = target.price_override.list_price if target.price_override else target.product.price
        changed = replace(
            target,
            product=replace(target.product, price=price),
            price_override=PriceOverride(listed, reason, approved_by),
        )
        return replace(
            self, lines=tuple(changed if line is target else line for line in self.lines)
        )

    def remove(self, line_id: int) -> Receipt:
        target = self.line(line_id)
        return replace(self, lines=tuple(line for line in self.lines if line is not target))

    def to_dict(self) -> dict[str, Any]:
        return {
            "lines": [line.to_dict() for line in self.lines],
            "next_line_id": self.next_line_id,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Receipt:
        """A receipt as `to_dict` wrote it; ReceiptError when it does not hold together."""
        try:
            lines = tuple(ReceiptLine.from_dict(line) for line in data["lines"])
            next_line_id = int(data["next_line_id"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ReceiptError(f"not a receipt: {exc}", "bad_receipt") from None
        for line in lines:
            _check_quantity(line.quantity)
        ids = [line.line_id for line in lines]
        if len(set(ids)) != len(ids) or any(not 0 < i < next_line_id for i in ids):
            raise ReceiptError("not a receipt: line ids", "bad_receipt")
        return cls(lines, next_line_id)


def _check_quantity(quantity: int) -> None:
    if not 1 <= quantity <= MAX_QUANTITY:
        raise ReceiptError(f"quantity must be from 1 to {MAX_QUANTITY}")
