"""A shift's summary as text: on screen at the close and printable on the receipt printer."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from pos_client.core.money import format_money
from pos_client.core.shift import Shift, ShiftSummary
from pos_client.printing.document import WIDTH
from pos_client.ui.receipt_text import pair
from pos_client.ui.strings import tr


def render_shift(
    shift: Shift,
    summary: ShiftSummary,
    opened_by: str,
    *,
    counted: int | None = None,
    closed: tuple[datetime, str] | None = None,
) -> str:
    """The report of an open shift (an X report) or, with `counted` and `closed`, of a closed
    one (a Z report)."""
    rows = [tr("shift_report_title", number=shift.number)]
    rows.append(tr("shift_opened_by", at=_when(shift.opened_at), name=opened_by))
    if closed is not None:
        rows.append(tr("shift_closed_by", at=_when(closed[0]), name=closed[1]))
    rows.append("-" * WIDTH)
    rows.append(pair(tr("report_sales", count=summary.sales), format_money(summary.sales_total)))
    rows += _by_tender(summary.sales_by_tender)
    rows.append(
        pair(tr("report_returns", count=summary.returns), format_money(-summary.refunds_total))
    )
    rows += _by_tender({kind: -amount for kind, amount in summary.refunds_by_tender.items()})
    rows.append("-" * WIDTH)
    for key, value in (
        ("report_points_earned", summary.points_earned),
        ("report_points_spent", summary.points_spent),
        ("report_points_reversed", summary.points_reversed),
        ("report_points_refunded", summary.points_refunded),
        ("report_coupons", summary.coupons_used),
    ):
        rows.append(pair(tr(key), str(value)))
    rows.append("-" * WIDTH)
    for key, amount in (
        ("report_float", summary.opening_float),
        ("report_cash_in", summary.cash_in),
        ("report_cash_out", -summary.cash_out),
        ("report_expected", summary.expected_cash),
    ):
        rows.append(pair(tr(key), format_money(amount)))
    if counted is not None:
        rows.append(pair(tr("report_counted"), format_money(counted)))
        rows.append(pair(tr("report_difference"), format_money(summary.difference(counted))))
    rows.append(pair(tr("report_no_sales"), str(summary.no_sales)))
    if summary.waiting_to_sync:
        rows.append(pair(tr("report_waiting"), str(summary.waiting_to_sync)))
    return "\n".join(rows)


def _by_tender(amounts: Mapping[str, int]) -> list[str]:
    return [
        pair(tr(f"report_tender_{kind}"), format_money(amounts[kind]))
        for kind in ("cash", "card")
        if amounts.get(kind)
    ]


def _when(at: datetime) -> str:
    return at.astimezone().strftime("%d.%m.%Y %H:%M")
