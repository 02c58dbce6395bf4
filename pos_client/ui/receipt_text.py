"""The finished sale as receipt text, as the customer would read it."""

from __future__ import annotations

from pos_client.core.identity import receipt_code
from pos_client.core.loyalty import Member, PointsBalance
from pos_client.core.money import format_money
from pos_client.core.sale import Sale
from pos_client.ui.panels import mask_card
from pos_client.ui.strings import tr

WIDTH = 42


def pair(left: str, right: str) -> str:
    """Left and right on one receipt row; a left side too long for the row is cut with …."""
    room = WIDTH - len(right) - 1
    if len(left) > room:
        left = left[: room - 1] + "…"
    return f"{left}{' ' * (WIDTH - len(left) - len(right))}{right}"


def render_sale(sale: Sale, member: Member | None, balance: PointsBalance | None) -> str:
    """Receipt text; the member appears only by the last digits of the card."""
    when = sale.created_at.astimezone().strftime("%d.%m.%Y %H:%M")
    rows = [tr("sale_title", number=sale.number), when]
    if sale.cashier_name:
        rows.append(pair(tr("receipt_cashier"), sale.cashier_name))
    rows.append("")
    for line in sale.lines:
        rows.append(line.name)
        price = f"{line.quantity} × {format_money(line.unit_price, '')}"
        rows.append(pair("  " + price, format_money(line.unit_price * line.quantity, "")))
        for text, amount in line.discount_notes:
            rows.append(pair(f"  {text}", format_money(-amount, "")))
    rows += ["-" * WIDTH]
    if sale.discount:
        rows.append(pair(tr("subtotal"), format_money(sale.subtotal)))
        rows.append(pair(tr("discount"), format_money(-sale.discount)))
    if sale.points_paid:
        label = f"{tr('receipt_points_paid')} ({sale.points_redeemed})"
        rows.append(pair(label, format_money(-sale.points_paid)))
    rows.append(pair(tr("total").upper(), format_money(sale.total)))
    for tender in sale.tenders:
        rows.append(pair(tr(f"receipt_tender_{tender.kind}"), format_money(tender.received)))
    if sale.change:
        rows.append(pair(tr("receipt_change"), format_money(sale.change)))
    if member is not None:
        rows += ["", pair(tr("receipt_member"), mask_card(member.card))]
        rows.append(pair(tr("receipt_points"), f"+{sale.points_earned}"))
        if balance is not None:
            rows.append(pair(tr("receipt_balance"), str(balance.active)))
            if balance.pending:
                rows.append(pair(tr("receipt_pending"), str(balance.pending)))
    # What the till reads back for a return (printed as a barcode on paper receipts).
    rows += ["", receipt_code(sale.terminal_id, sale.number).center(WIDTH).rstrip()]
    return "\n".join(rows)
