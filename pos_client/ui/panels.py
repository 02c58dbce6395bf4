"""The right-hand side of the till: who the customer is, and what they pay."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from pos_client.core.loyalty import Member, PointsBalance
from pos_client.core.money import format_money
from pos_client.core.promotions import PricedReceipt
from pos_client.ui.strings import Language, has_text, tr


def _label(name: str, parent: QWidget, word_wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(word_wrap)
    return label


class MemberPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberPanel")
        layout = QVBoxLayout(self)
        self.name = _label("memberName", self)
        self.tier = _label("memberDetail", self)
        self.card = _label("memberDetail", self)
        self.phone = _label("memberDetail", self)
        self.points = _label("memberPoints", self)
        self.pending = _label("memberDetail", self)
        self.expiring = _label("memberDetail", self)
        for widget in (
            self.name,
            self.tier,
            self.card,
            self.phone,
            self.points,
            self.pending,
            self.expiring,
        ):
            layout.addWidget(widget)
        self._member: Member | None = None
        self._balance = PointsBalance(0, 0)
        self.refresh()

    def show_member(self, member: Member | None, balance: PointsBalance) -> None:
        self._member, self._balance = member, balance
        self.refresh()

    def refresh(self) -> None:
        member = self._member
        if member is None:
            self.name.setText(tr("member_none"))
            self.tier.setText(tr("member_prompt"))
            for label in (self.card, self.phone, self.points, self.pending, self.expiring):
                label.clear()
            return
        tier_key = f"tier_{member.tier}"
        tier = tr(tier_key) if has_text(tier_key) else member.tier
        self.name.setText(member.name)
        self.tier.setText(tr("member_tier", tier=tier))
        self.card.setText(tr("member_card", card=mask_card(member.card)))
        self.phone.setText(
            tr("member_phone", phone=member.phone_masked) if member.phone_masked else ""
        )
        balance = self._balance
        self.points.setText(tr("member_points", points=_count(balance.active)))
        self.pending.setText(
            tr("member_pending", points=_count(balance.pending)) if balance.pending else ""
        )
        soonest = balance.expiring[0] if balance.expiring else None
        self.expiring.setText(
            tr("member_expiring", points=_count(soonest[1]), day=soonest[0].strftime("%d.%m.%Y"))
            if soonest
            else ""
        )


class TotalsPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("totalsPanel")
        layout = QVBoxLayout(self)
        self.subtotal = _label("totalsDetail", self)
        self.discount = _label("totalsDiscount", self)
        self.total_caption = _label("totalCaption", self)
        self.total = _label("totalAmount", self, word_wrap=False)
        self.points_paid = _label("totalsDiscount", self)
        self.points = _label("totalsDetail", self)
        self.hints = _label("hints", self)
        for widget in (
            self.subtotal,
            self.discount,
            self.points_paid,
            self.total_caption,
            self.total,
            self.points,
            self.hints,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self._priced: PricedReceipt | None = None

    def show_totals(self, priced: PricedReceipt | None) -> None:
        self._priced = priced
        self.refresh()

    def refresh(self) -> None:
        priced = self._priced
        subtotal = priced.subtotal if priced else 0
        discount = priced.discount if priced else 0
        self.subtotal.setText(f"{tr('subtotal')}: {format_money(subtotal)}")
        self.discount.setText(f"{tr('discount')}: {format_money(-discount)}" if discount else "")
        self.total_caption.setText(tr("total"))
        self.total.setText(format_money(priced.total if priced else 0))
        paid = priced.points_paid if priced else 0
        redeemed = priced.points_redeemed if priced else 0
        self.points_paid.setText(tr("points_paid", amount=-paid, points=redeemed) if paid else "")
        points = priced.points_earned if priced else 0
        self.points.setText(tr("points_to_earn", points=points) if points else "")
        hints = priced.hints if priced else ()
        self.hints.setText("\n".join(f"• {hint.text(Language.current)}" for hint in hints))


def _count(points: int) -> str:
    return f"{points:,}".replace(",", "\u00a0")


def mask_card(card: str) -> str:
    """Show only the last four digits of a card number."""
    return "•••• " + card[-4:] if len(card) > 4 else card
