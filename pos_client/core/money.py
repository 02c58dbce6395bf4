"""Money as integer minor units (kopecks): exact sums, explicit rounding, fair allocation."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

Money = int
"""An amount in minor units (1 RUB = 100 kopecks). Never a float."""

MINOR_PER_MAJOR = 100
_AMOUNT = re.compile(r"(\d{1,10})(?:[.,](\d{1,2}))?", re.ASCII)


class MoneyError(ValueError):
    """A text or number that is not a valid amount of money."""


def parse_money(text: str) -> Money:
    """Parse "123", "123.45", "123,45" or "1 234,50" (major units) into minor units.

    Raises MoneyError for anything else: signs, exponents, more than two decimals, and amounts
    of ten billion or more.
    """
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "")
    match = _AMOUNT.fullmatch(cleaned)
    if match is None:
        raise MoneyError(f"not an amount: {text!r}")
    major, minor = match.group(1), (match.group(2) or "").ljust(2, "0")
    return int(major) * MINOR_PER_MAJOR + int(minor)


def format_money(amount: Money, currency: str = "₽") -> str:
    """Format as "1 234,50 ₽" (thin grouping, comma decimals, as printed on Russian receipts)."""
    sign = "−" if amount < 0 else ""
    major, minor = divmod(abs(amount), MINOR_PER_MAJOR)
    grouped = f"{major:,}".replace(",", "\u00a0")
    text = f"{sign}{grouped},{minor:02d}"
    return f"{text}\u00a0{currency}" if currency else text


def percent_of(amount: Money, percent: Decimal) -> Money:
    """The given percent of an amount, rounded half up (away from zero) to the kopeck.

    Exact integer arithmetic on the percent's ratio: no float, no Decimal context.
    """
    return share_of(amount, percent_ratio(percent))


def percent_ratio(percent: Decimal) -> tuple[int, int]:
    """A percent as an exact fraction (numerator, denominator) of the whole."""
    numerator, denominator = percent.as_integer_ratio()
    return numerator, 100 * denominator


def share_of(amount: Money, ratio: tuple[int, int]) -> Money:
    """`amount` times the fraction `ratio`, rounded half up (away from zero) to the kopeck."""
    numerator, divisor = ratio
    product = amount * numerator
    whole, remainder = divmod(abs(product), divisor)
    if 2 * remainder >= divisor:
        whole += 1
    return whole if product >= 0 else -whole


def allocate(
    total: Money, weights: Sequence[int], tie_keys: Sequence[str] | None = None
) -> list[Money]:
    """Split `total` in proportion to non-negative `weights` by the largest-remainder method.

    The parts add up exactly to `total`. Ties in the remainders go to the smaller tie key
    (or the earlier weight without keys), so the result is deterministic; give keys that
    belong to the items (a SKU) to make it independent of their order too. All-zero weights
    split as evenly as possible.
    """
    if total < 0:
        raise MoneyError("cannot allocate a negative total")
    if any(w < 0 for w in weights):
        raise MoneyError("weights must not be negative")
    if not weights:
        if total:
            raise MoneyError("nothing to allocate to")
        return []
    effective = list(weights) if any(weights) else [1] * len(weights)
    weight_sum = sum(effective)
    parts = [total * w // weight_sum for w in effective]
    remainders = [total * w % weight_sum for w in effective]
    leftover = total - sum(parts)
    keys = tie_keys or [""] * len(effective)
    order = sorted(range(len(effective)), key=lambda i: (-remainders[i], keys[i], i))
    for i in order[:leftover]:
        parts[i] += 1
    return parts
