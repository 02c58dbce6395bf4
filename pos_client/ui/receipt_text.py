"""The finished sale as the customer's receipt: printed, and previewed on screen the same way."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field

from pos_client.core.identity import receipt_code
from pos_client.core.loyalty import Member, PointsBalance
from pos_client.core.money import format_money
from pos_client.core.receipt import PriceOverride
from pos_client.core.sale import Sale
from pos_client.core.scale import Weighing, format_kg
from pos_client.printing.document import WIDTH, Barcode, Block, PrintDocument, Text
from pos_client.ui.panels import mask_card
from pos_client.ui.strings import has_text, tr


@dataclass(frozen=True, slots=True)
class ReceiptHeader:
    """What the receipt says about where it was made, beyond the sale itself."""

    outlet_name: str
    stamp_names: Mapping[str, str] = field(default_factory=dict)  # stamp card -> rule name


def wrapped(left: str, right: str = "", indent: str = "") -> list[str]:
    """Text that may be longer than the row (a product name, a discount's explanation) over as
    many rows as it needs, nothing cut; `right` (the amount) ends the last row, or has a row of
    its own when the last row has no room for it."""
    rows = textwrap.wrap(
        left, WIDTH, initial_indent=indent, subsequent_indent=indent + "  ", break_on_hyphens=False
    ) or [indent]
    if not right:
        return rows
    if len(rows[-1]) + 1 + len(right) > WIDTH:
        rows.append("")
    rows[-1] = pair(rows[-1], right)
    return rows


def pair(left: str, right: str) -> str:
    """Left and right on one receipt row; a left side too long for the row is cut with …."""
    room = WIDTH - len(right) - 1
    if len(left) > room:
        left = left[: room - 1] + "…"
    return f"{left}{' ' * (WIDTH - len(left) - len(right))}{right}"


def text_document(text: str) -> PrintDocument:
    """Plain report text (a shift report) as a printable document."""
    return PrintDocument(tuple(Text(row) for row in text.splitlines()))


def receipt_document(
    sale: Sale,
    member: Member | None,
    balance: PointsBalance | None,
    header: ReceiptHeader,
    *,
    copy: bool = False,
) -> PrintDocument:
    """The receipt; the member appears only by the last digits of the card. A `copy` (a
    reprint) says so at the top."""
    blocks: list[Block] = []
    if copy:
        blocks.append(Text(tr("receipt_copy"), bold=True, center=True))
    blocks += [
        Text(header.outlet_name, bold=True, big=True, center=True),
        Text(
            tr("receipt_where", terminal=sale.terminal_id, channel=_channel(sale.channel)),
            center=True,
        ),
        Text(
            pair(
                tr("sale_title", number=sale.number),
                sale.created_at.astimezone().strftime("%d.%m.%Y %H:%M"),
            ),
            bold=True,
        ),
    ]
    if sale.cashier_name:
        blocks.append(Text(pair(tr("receipt_cashier"), sale.cashier_name)))
    blocks.append(Text(""))
    blocks += _lines(sale)
    blocks += _totals(sale)
    blocks += _loyalty(sale, member, balance, header)
    blocks += [
        Text(""),
        Barcode(receipt_code(sale.terminal_id, sale.number)),
        Text(tr("receipt_keep"), center=True),
    ]
    return PrintDocument(tuple(blocks))


def weighing_note(weighing: Weighing) -> str:
    """ "0,754 кг × 899,00 ₽/кг": what a scale label sold."""
    return tr(
        "weighing_note",
        kg=format_kg(weighing.grams),
        price=format_money(weighing.price_per_kg, ""),
    )


def override_note(override: PriceOverride) -> str:
    return tr("override_note", old=format_money(override.list_price), reason=override.reason)


def _channel(channel: str) -> str:
    key = f"channel_{channel}"
    return tr(key) if has_text(key) else channel


def _lines(sale: Sale) -> list[Block]:
    blocks: list[Block] = []
    for line in sale.lines:
        rows = wrapped(line.name)
        if line.weighing:
            price = weighing_note(line.weighing)
        else:
            price = f"{line.quantity} × {format_money(line.unit_price, '')}"
        rows.append(pair("  " + price, format_money(line.unit_price * line.quantity, "")))
        if line.price_override:
            rows += wrapped(override_note(line.price_override), indent="  ")
        for text, amount in line.discount_notes:
            rows += wrapped(text, format_money(-amount, ""), indent="  ")
        blocks += [Text(row) for row in rows]
    blocks.append(Text("-" * WIDTH))
    return blocks


def _totals(sale: Sale) -> list[Block]:
    blocks: list[Block] = []
    if sale.discount:
        blocks.append(Text(pair(tr("subtotal"), format_money(sale.subtotal))))
        blocks.append(Text(pair(tr("discount"), format_money(-sale.discount))))
    if sale.points_paid:
        label = f"{tr('receipt_points_paid')} ({sale.points_redeemed})"
        blocks.append(Text(pair(label, format_money(-sale.points_paid))))
    blocks.append(Text(pair(tr("receipt_total"), format_money(sale.total)), bold=True))
    for tender in sale.tenders:
        label = tr(f"receipt_tender_{tender.kind}")
        blocks.append(Text(pair(label, format_money(tender.received))))
    if sale.change:
        blocks.append(Text(pair(tr("receipt_change"), format_money(sale.change))))
    return blocks


def _loyalty(
    sale: Sale, member: Member | None, balance: PointsBalance | None, header: ReceiptHeader
) -> list[Block]:
    if member is None:
        return []
    blocks: list[Block] = [
        Text(""),
        Text(pair(tr("receipt_member"), mask_card(member.card))),
        Text(pair(tr("receipt_points"), f"+{sale.points_earned}")),
    ]
    if sale.points_redeemed:
        blocks.append(Text(pair(tr("receipt_points_spent"), f"−{sale.points_redeemed}")))
    if balance is not None:
        blocks.append(Text(pair(tr("receipt_balance"), str(balance.active)), bold=True))
        if balance.pending:
            blocks.append(Text(pair(tr("receipt_pending"), str(balance.pending))))
    for card, added in sale.stamp_cards:
        name = header.stamp_names.get(card, card)
        blocks.append(Text(pair(tr("receipt_stamps", name=name), f"+{added}")))
    for code in sale.coupons_issued:
        blocks += [Text(""), Text(tr("receipt_coupon"), bold=True, center=True), Barcode(code)]
    return blocks
