"""`pos-client price`: price a receipt from files, exactly as the till would, as JSON."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from pos_client.core.catalog import CatalogError, Product
from pos_client.core.loyalty import Member, MemberError
from pos_client.core.promotions import PricingContext, PricingEngine
from pos_client.core.receipt import Receipt, ReceiptError
from pos_client.core.ruleset import CHANNELS, RulesetError, parse_ruleset


class InputError(Exception):
    """Input the command refuses; the message says which file and what."""


def _load(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not valid JSON ({exc})") from None


def _receipt(data: Any, path: Path) -> Receipt:
    if not isinstance(data, dict) or not isinstance(data.get("lines"), list):
        raise InputError(f"{path}: expected an object with a list 'lines'")
    receipt = Receipt()
    for number, line in enumerate(data["lines"], start=1):
        if not isinstance(line, dict):
            raise InputError(f"{path}: line {number} must be an object")
        quantity = line.get("quantity", 1)
        if isinstance(quantity, bool) or not isinstance(quantity, int):
            raise InputError(f"{path}: line {number}: 'quantity' must be a whole number")
        try:
            receipt = receipt.add(Product.from_dict(line), quantity)
        except (CatalogError, ReceiptError) as exc:
            raise InputError(f"{path}: line {number}: {exc}") from None
    return receipt


def _moment(text: str | None, engine: PricingEngine) -> datetime:
    """An ISO time; without an offset it is the outlet's local time. Default: now."""
    zone = engine.ruleset.outlet.zone
    if text is None:
        return datetime.now(zone)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InputError(f"--at: not a time like 2026-11-22T09:30:00: {text!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def price_files(
    *,
    rules: Path,
    receipt: Path,
    member: Path | None,
    at: str | None,
    channel: str,
    coupons: list[str],
    redeem: int,
) -> str:
    """The priced receipt as JSON text; the same input gives the same bytes."""
    if channel not in CHANNELS:
        raise InputError(f"--channel must be one of {', '.join(CHANNELS)}")
    if redeem < 0:
        raise InputError("--redeem must not be negative")
    try:
        engine = PricingEngine(parse_ruleset(_load(rules)))
    except RulesetError as exc:
        raise InputError(f"{rules}: {exc}") from None
    buyer = None
    if member is not None:
        try:
            buyer = Member.from_dict(_load(member))
        except MemberError as exc:
            raise InputError(f"{member}: {exc}") from None
    context = PricingContext(
        at=_moment(at, engine), channel=channel, coupons=frozenset(coupons), redeem_points=redeem
    )
    priced = engine.price(_receipt(_load(receipt), receipt), buyer, context)
    return json.dumps(priced.to_dict(), ensure_ascii=False, sort_keys=True, indent=2)
