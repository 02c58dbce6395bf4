"""Goods sold by weight: the label a shop scale prints and the price of what it weighed.

A scale label is an EAN-13 in the in-store range: two prefix digits the outlet's scales are set
to, the product's five-digit PLU, the weight in grams (five digits), the check digit. The
product's catalog price is then its price per kilogram.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos_client.core.catalog import PLU_DIGITS, ean_check_digit, is_plu, is_valid_ean
from pos_client.core.money import Money, share_of

MAX_GRAMS = 99_999  # what five digits hold
GRAMS_PER_KG = 1000


class ScaleError(ValueError):
    """A weight or label that cannot be sold."""


@dataclass(frozen=True, slots=True)
class ScaleLabel:
    plu: str
    grams: int


@dataclass(frozen=True, slots=True)
class Weighing:
    """What a weighed line sold: its weight and the price per kilogram it was charged at."""

    grams: int
    price_per_kg: Money

    def __post_init__(self) -> None:
        if not 0 < self.grams <= MAX_GRAMS:
            raise ScaleError(f"a weight must be 1 to {MAX_GRAMS} g, not {self.grams}")
        if self.price_per_kg <= 0:
            raise ScaleError("a price per kilogram must be positive")
        if self.price <= 0:
            raise ScaleError(f"{self.grams} g comes to less than a kopeck")

    @property
    def price(self) -> Money:
        """The label's price: the weight at the price per kilogram, to the kopeck, half up."""
        return share_of(self.price_per_kg, (self.grams, GRAMS_PER_KG))

    def to_dict(self) -> dict[str, int]:
        return {"grams": self.grams, "price_per_kg": self.price_per_kg}

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Weighing:
        grams, price = data["grams"], data["price_per_kg"]
        if not isinstance(grams, int) or not isinstance(price, int):
            raise ScaleError("a weighing needs whole grams and kopecks")
        return cls(grams, price)


def format_kg(grams: int) -> str:
    """A weight in kilograms as receipts print it: "0,754", "12,000"."""
    kilograms, rest = divmod(grams, GRAMS_PER_KG)
    return f"{kilograms},{rest:03d}"


def parse_label(code: str, prefixes: tuple[str, ...]) -> ScaleLabel | None:
    """The PLU and weight of a scale label with one of `prefixes`, or None for any other code
    (a label of no weight included)."""
    if len(code) != 13 or not code.startswith(prefixes) or not is_valid_ean(code):
        return None
    grams = int(code[2 + PLU_DIGITS : 12])
    return ScaleLabel(code[2 : 2 + PLU_DIGITS], grams) if grams else None


def make_label(prefix: str, plu: str, grams: int) -> str:
    """The label a scale set to `prefix` prints for `grams` of the product `plu`."""
    if len(prefix) != 2 or not prefix.isdigit() or not is_plu(plu):
        raise ScaleError(f"no label for prefix {prefix!r} and PLU {plu!r}")
    if not 0 < grams <= MAX_GRAMS:
        raise ScaleError(f"a weight must be 1 to {MAX_GRAMS} g, not {grams}")
    body = f"{prefix}{plu}{grams:05d}"
    return body + str(ean_check_digit(body))
