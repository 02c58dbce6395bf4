"""How a cashier action is refused, shared by the checkout and the desks beside it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from pos_client.core.receipt import Receipt, ReceiptError
from pos_client.store.db import StoreError

T = TypeVar("T")


class CheckoutError(Exception):
    """A refused cashier action. `code` names the message; `params` fill it in."""

    def __init__(self, code: str, /, **params: object) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params


def receipt_call(call: Callable[[], Receipt]) -> Receipt:
    """Run a receipt change; a refused one becomes a CheckoutError to show."""
    try:
        return call()
    except ReceiptError as exc:
        raise CheckoutError(exc.code, detail=str(exc)) from exc


def store_call(call: Callable[[], T]) -> T:
    """Run a journal or cache call; a database refusal becomes a CheckoutError to show."""
    try:
        return call()
    except StoreError as exc:
        raise CheckoutError(f"store_{exc.reason}", detail=exc.detail) from exc


def printable(text: str) -> str:
    """Show bad input safely in a message: control characters escaped, long input cut."""
    shown = text[:32].encode("unicode_escape").decode("ascii")
    return shown + ("…" if len(text) > 32 else "")
