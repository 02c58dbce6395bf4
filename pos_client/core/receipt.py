"""The receipt being built: lines and quantities. Immutable; every change returns a new one."""

from __future__ import annotations

from dataclasses import dataclass, replace

from pos_client.core.catalog import Product
from pos_client.core.money import Money

MAX_QUANTITY = 999


class ReceiptError(ValueError):
    """A change the receipt refuses (unknown line, quantity out of range)."""


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    line_id: int
    product: Product
    quantity: int

    @property
    def amount(self) -> Money:
        return self.product.price * self.quantity


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
        for line in self.lines:
            if line.product.sku == product.sku:
                return self.set_quantity(line.line_id, line.quantity + quantity)
        _check_quantity(quantity)
        new_line = ReceiptLine(self.next_line_id, product, quantity)
        return replace(self, lines=(*self.lines, new_line), next_line_id=self.next_line_id + 1)

    def set_quantity(self, line_id: int, quantity: int) -> Receipt:
        _check_quantity(quantity)
        target = self.line(line_id)
        lines = tuple(
            replace(line, quantity=quantity) if line is target else line for line in self.lines
        )
        return replace(self, lines=lines)

    def remove(self, line_id: int) -> Receipt:
        target = self.line(line_id)
        return replace(self, lines=tuple(line for line in self.lines if line is not target))


def _check_quantity(quantity: int) -> None:
    if not 1 <= quantity <= MAX_QUANTITY:
        raise ReceiptError(f"quantity must be from 1 to {MAX_QUANTITY}")
