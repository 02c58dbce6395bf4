"""The finished, immutable sale record that gets journaled and sent to the hub."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from pos_client.core.loyalty import Member
from pos_client.core.money import Money
from pos_client.core.promotions import PricedReceipt
from pos_client.core.receipt import PriceOverride
from pos_client.core.scale import Weighing

TenderKind = Literal["cash", "card"]
TENDER_KINDS: tuple[TenderKind, ...] = ("cash", "card")


class TenderError(ValueError):
    """Payment that does not settle the receipt."""


@dataclass(frozen=True, slots=True)
class Tender:
    """One payment. For cash, `received` is what the customer handed over."""

    kind: TenderKind
    amount: Money
    received: Money

    @property
    def change(self) -> Money:
        return self.received - self.amount

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "amount": self.amount, "received": self.received}


def settle(total: Money, kind: TenderKind, received: Money) -> Tender:
    """The tender that pays `total`: cash may exceed it (change given), a card pays it exactly."""
    if kind not in TENDER_KINDS:
        raise TenderError(f"unknown tender {kind!r}")
    if total < 0:
        raise TenderError("a negative total cannot be paid")
    if kind == "card":
        return Tender(kind, total, total)
    if received < total:
        raise TenderError("cash received is less than the total")
    return Tender(kind, total, received)


def split_payment(total: Money, cash: Money) -> tuple[Tender, Tender]:
    """Part in cash, the rest by card: the cash is what the customer hands over (no change
    is given on a split payment), the card pays what is left."""
    if total <= 0 or not 0 < cash < total:
        raise TenderError("the cash part must be more than nothing and less than the total")
    return Tender("cash", cash, cash), Tender("card", total - cash, total - cash)


@dataclass(frozen=True, slots=True)
class SaleLine:
    sku: str
    barcode: str
    name: str
    category: str
    quantity: int
    unit_price: Money
    discount: Money
    points_paid: Money
    total: Money
    rule_ids: tuple[str, ...]
    discount_notes: tuple[tuple[str, Money], ...]  # (what the receipt says, amount)
    stamp_cards: tuple[str, ...]
    price_override: PriceOverride | None = None
    weighing: Weighing | None = None  # goods sold by weight: the label's weight and price per kg

    def to_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "sku": self.sku,
            "barcode": self.barcode,
            "name": self.name,
            "category": self.category,
            "quantity": self.quantity,
            "unit_price": self.unit_price,
            "discount": self.discount,
            "points_paid": self.points_paid,
            "total": self.total,
            "rule_ids": list(self.rule_ids),
            "discount_notes": [
                {"text": text, "amount": amount} for text, amount in self.discount_notes
            ],
            "stamp_cards": list(self.stamp_cards),
        }
        if self.price_override:  # only then, so hubs before contract 1.4 take ordinary sales
            body["price_override"] = self.price_override.to_dict()
        if self.weighing:  # likewise for hubs before contract 1.10
            body["weighing"] = self.weighing.to_dict()
        return body


@dataclass(frozen=True, slots=True)
class Sale:
    """Everything the journal and the hub need to know about one completed sale."""

    sale_id: str
    number: int
    created_at: datetime
    outlet_id: str
    terminal_id: str
    channel: str
    member_id: str | None
    lines: tuple[SaleLine, ...]
    tenders: tuple[Tender, ...]
    points_earned: int
    points_redeemed: int
    stamp_cards: tuple[tuple[str, int], ...]  # (card, stamps added)
    coupons_issued: tuple[str, ...]
    ruleset_version: int
    coupons_used: tuple[str, ...] = ()
    cashier_id: str | None = None
    cashier_name: str = ""

    @property
    def subtotal(self) -> Money:
        return sum(line.unit_price * line.quantity for line in self.lines)

    @property
    def discount(self) -> Money:
        return sum(line.discount for line in self.lines)

    @property
    def total(self) -> Money:
        """What the customer paid in money."""
        return sum(line.total for line in self.lines)

    @property
    def points_paid(self) -> Money:
        return sum(line.points_paid for line in self.lines)

    @property
    def change(self) -> Money:
        return sum(tender.change for tender in self.tenders)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sale:
        """A sale read back from its journaled body (see `to_dict`)."""
        return cls(
            sale_id=data["sale_id"],
            number=data["number"],
            created_at=datetime.fromisoformat(data["created_at"]),
            outlet_id=data["outlet_id"],
            terminal_id=data["terminal_id"],
            channel=data["channel"],
            member_id=data["member_id"],
            lines=tuple(
                SaleLine(
                    **{
                        **line,
                        "rule_ids": tuple(line["rule_ids"]),
                        "discount_notes": tuple(
                            (note["text"], note["amount"]) for note in line["discount_notes"]
                        ),
                        "stamp_cards": tuple(line["stamp_cards"]),
                        "price_override": (
                            PriceOverride.from_dict(line["price_override"])
                            if line.get("price_override")
                            else None
                        ),
                        "weighing": (
                            Weighing.from_dict(line["weighing"]) if line.get("weighing") else None
                        ),
                    }
                )
                for line in data["lines"]
            ),
            tenders=tuple(Tender(**tender) for tender in data["tenders"]),
            points_earned=data["points_earned"],
            points_redeemed=data["points_redeemed"],
            stamp_cards=tuple(data["stamp_cards"].items()),
            coupons_issued=tuple(data["coupons_issued"]),
            ruleset_version=data["ruleset_version"],
            coupons_used=tuple(data.get("coupons_used", ())),
            cashier_id=data.get("cashier_id"),
            cashier_name=data.get("cashier_name", ""),
        )

    def to_dict(self) -> dict[str, Any]:
        """The body sent to the hub; its idempotency key is `sale_id`."""
        return {
            "sale_id": self.sale_id,
            "number": self.number,
            "created_at": self.created_at.isoformat(),
            "outlet_id": self.outlet_id,
            "terminal_id": self.terminal_id,
            "channel": self.channel,
            "member_id": self.member_id,
            "lines": [line.to_dict() for line in self.lines],
            "tenders": [tender.to_dict() for tender in self.tenders],
            "subtotal": self.subtotal,
            "discount": self.discount,
            "points_paid": self.points_paid,
            "total": self.total,
            "points_earned": self.points_earned,
            "points_redeemed": self.points_redeemed,
            "stamp_cards": {card: added for card, added in self.stamp_cards},
            "coupons_issued": list(self.coupons_issued),
            "coupons_used": list(self.coupons_used),
            "ruleset_version": self.ruleset_version,
            "cashier_id": self.cashier_id,
            "cashier_name": self.cashier_name,
        }


def build_sale(
    *,
    priced: PricedReceipt,
    member: Member | None,
    tenders: Sequence[Tender],
    sale_id: str,
    number: int,
    created_at: datetime,
    outlet_id: str,
    terminal_id: str,
    channel: str,
    language: str,
    coupons_used: Iterable[str] = (),
    cashier: tuple[str, str] | None = None,
) -> Sale:
    """Freeze a priced receipt and its payment into a sale; tenders must pay the total exactly.
    `cashier` is (staff id, name) of who took the payment."""
    if not priced.lines:
        raise TenderError("the receipt is empty")
    if sum(tender.amount for tender in tenders) != priced.total:
        raise TenderError("tenders do not add up to the total")
    if created_at.tzinfo is None:
        raise ValueError("created_at must be timezone-aware")
    lines = sale_lines(priced, language)
    return Sale(
        sale_id=sale_id,
        number=number,
        created_at=created_at,
        outlet_id=outlet_id,
        terminal_id=terminal_id,
        channel=channel,
        member_id=member.member_id if member else None,
        lines=lines,
        tenders=tuple(tenders),
        points_earned=priced.points_earned,
        points_redeemed=priced.points_redeemed,
        stamp_cards=tuple((card.card, card.added) for card in priced.stamps),
        coupons_issued=tuple(note.text_en for note in priced.coupons),
        ruleset_version=priced.ruleset_version,
        coupons_used=tuple(sorted(coupons_used)),
        cashier_id=cashier[0] if cashier else None,
        cashier_name=cashier[1] if cashier else "",
    )


def sale_lines(priced: PricedReceipt, language: str) -> tuple[SaleLine, ...]:
    """The priced lines as they are journaled, names and discount texts in `language`."""
    return tuple(
        SaleLine(
            sku=pl.line.product.sku,
            barcode=pl.line.product.barcode,
            name=pl.line.product.name(language),
            category=pl.line.product.category,
            quantity=pl.line.quantity,
            unit_price=pl.line.product.price,
            discount=pl.discount,
            points_paid=pl.points_paid,
            total=pl.total,
            rule_ids=tuple(adj.rule_id for adj in pl.adjustments),
            discount_notes=tuple((adj.text(language), adj.amount) for adj in pl.adjustments),
            stamp_cards=pl.stamp_cards,
            price_override=pl.line.price_override,
            weighing=pl.line.weighing,
        )
        for pl in priced.lines
    )
