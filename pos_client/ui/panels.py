"""The right-hand side of the till: who the customer is, and what they pay."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from pos_client.core.loyalty import Member, PointsBalance
from pos_client.core.money import format_money
from pos_client.core.promotions import PricedReceipt
from pos_client.core.tiers import TierProgress
from pos_client.ui.strings import Language, has_text, tr


def _show_only_filled(labels: tuple[QLabel, ...]) -> None:
    """An empty line takes no room: the panels must fit a 768-pixel-high till screen."""
    for label in labels:
        label.setVisible(bool(label.text()))


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
        self.tier = _label("memberDetail", self)  # the tier and the masked card, or a prompt
        self.phone = _label("memberDetail", self)
        self.progress = _label("memberDetail", self)
        self.points = _label("memberPoints", self)
        self.pending = _label("memberDetail", self)
        self.expiring = _label("memberDetail", self)
        self.consent = _label("memberDetail", self)
        self.offers = _label("memberOffers", self)
        self._lines = (
            self.name,
            self.tier,
            self.progress,
            self.phone,
            self.points,
            self.pending,
            self.expiring,
            self.offers,
            self.consent,
        )
        for widget in self._lines:
            layout.addWidget(widget)
        self._member: Member | None = None
        self._balance = PointsBalance(0, 0)
        self._progress: TierProgress | None = None
        self._offers: list[str] = []
        self.refresh()

    def show_member(
        self,
        member: Member | None,
        balance: PointsBalance,
        progress: TierProgress | None = None,
        offers: list[str] | None = None,
    ) -> None:
        """The member with their points, where they stand in the tiers, and what their
        personal offers (not yet on the receipt) give."""
        self._member, self._balance = member, balance
        self._progress, self._offers = progress, offers or []
        self.refresh()

    def refresh(self) -> None:
        for label in self._lines:
            label.clear()
        member = self._member
        if member is None:
            self.name.setText(tr("member_none"))
            self.tier.setText(tr("member_prompt"))
        else:
            self._show(member, self._balance)
        _show_only_filled(self._lines)

    def _show(self, member: Member, balance: PointsBalance) -> None:
        tier = _tier_name(member.tier)
        self.name.setText(member.name)
        self.tier.setText(
            f"{tr('member_tier', tier=tier)} · {tr('member_card', card=mask_card(member.card))}"
        )
        self.progress.setText(_progress_text(self._progress))
        if member.phone_masked:
            self.phone.setText(tr("member_phone", phone=member.phone_masked))
        self.points.setText(tr("member_points", points=_count(balance.active)))
        if balance.pending:
            self.pending.setText(tr("member_pending", points=_count(balance.pending)))
        if balance.expiring:
            day, points = balance.expiring[0]
            self.expiring.setText(
                tr("member_expiring", points=_count(points), day=day.strftime("%d.%m.%Y"))
            )
        if self._offers:
            self.offers.setText(tr("member_offers", offers="; ".join(self._offers)))
        if member.marketing_consent is not None:
            agreed = "yes" if member.marketing_consent else "no"
            self.consent.setText(tr(f"member_marketing_{agreed}"))


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
        _show_only_filled((self.discount, self.points_paid, self.points, self.hints))


def _tier_name(tier: str) -> str:
    key = f"tier_{tier}"
    return tr(key) if has_text(key) else tier


def _progress_text(progress: TierProgress | None) -> str:
    if progress is None:
        return ""
    if progress.next_tier is None:
        return tr("member_top_tier")
    tier = _tier_name(progress.next_tier)
    if not progress.missing:
        return tr("member_tier_reached", tier=tier)
    return tr("member_to_next_tier", tier=tier, amount=format_money(progress.missing))


def _count(points: int) -> str:
    return f"{points:,}".replace(",", "\u00a0")


def mask_card(card: str) -> str:
    """Show only the last four digits of a card number."""
    return "•••• " + card[-4:] if len(card) > 4 else card
