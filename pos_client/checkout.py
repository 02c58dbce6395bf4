"""What a cashier does at the till, Qt-free: the GUI, the CLI and the tests drive these.

Every method either completes or raises CheckoutError and leaves the receipt as it was.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Concatenate, ParamSpec, TypeVar

from pos_client.checkout_errors import CheckoutError, printable, receipt_call, store_call
from pos_client.core.catalog import Product
from pos_client.core.identity import (
    MAX_NUMBER_LENGTH,
    CodeKind,
    IdentityRules,
    classify,
)
from pos_client.core.loyalty import EarningPolicy, Member, PointsBalance, PointsPolicy
from pos_client.core.money import Money
from pos_client.core.offline import OfflineState, RedemptionRefused, offline_redeemable
from pos_client.core.promotions import PricedReceipt, PricingContext, PricingEngine
from pos_client.core.receipt import Receipt, ReceiptError
from pos_client.core.ruleset import Outlet, Ruleset, RulesetError, parse_ruleset
from pos_client.core.sale import (
    Sale,
    Tender,
    TenderError,
    TenderKind,
    build_sale,
    settle,
    split_payment,
)
from pos_client.core.scale import parse_label
from pos_client.member_lookup import MemberLookup
from pos_client.open_receipt import OpenReceipt, Restored
from pos_client.record_ids import new_record_id
from pos_client.return_desk import ReceiptElsewhere, ReturnDesk
from pos_client.store.caches import Caches
from pos_client.store.db import StoreError
from pos_client.store.journal import Journal, Problem, SaleForReturn
from pos_client.store.parked import ParkedReceipt
from pos_client.store.secret_file import SecretFile
from pos_client.store.seen_tokens import SeenTokens

MAX_FOUND = 50  # products the search shows at once; more, and the cashier types another word
log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")


def _kept(method: Callable[Concatenate[Checkout, P], R]) -> Callable[Concatenate[Checkout, P], R]:
    """A change to the open receipt, kept in the journal once made (see open_receipt)."""

    @functools.wraps(method)
    def change(self: Checkout, /, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(self, *args, **kwargs)
        finally:
            self._keep()

    return change


@dataclass(frozen=True, slots=True)
class Coupon:
    """A coupon taken at the till for the current receipt."""

    code: str


@dataclass(frozen=True, slots=True)
class HubContact:
    """Whether the hub answers now, and when it last did (None: never)."""

    online: bool
    last_contact: datetime | None = None


ONLINE = HubContact(online=True)


@dataclass(frozen=True, slots=True)
class Till:
    """Where the sales happen: written into every sale."""

    outlet_id: str
    terminal_id: str
    channel: str = "store"


class Checkout:
    def __init__(
        self,
        *,
        journal: Journal,
        caches: Caches,
        till: Till,
        clock: Callable[[], datetime],
        new_id: Callable[[], str] = new_record_id,
        language: str = "ru",
        identity_rules: IdentityRules | None = None,
        seen_tokens: SeenTokens | None = None,
        phone_key: SecretFile | None = None,
        hub_contact: Callable[[], HubContact] = lambda: ONLINE,
        cashier: Callable[[], tuple[str, str] | None] = lambda: None,
        shift_open: Callable[[], bool] = lambda: True,
    ) -> None:
        self._journal = journal
        self._caches = caches
        self._till = till
        self._clock = clock
        self._new_id = new_id
        self.language = language
        self.receipt = Receipt()
        self.member: Member | None = None
        self.redeem_points = 0
        self.coupons: frozenset[str] = frozenset()
        self.identity_rules = identity_rules or IdentityRules()
        self.members = MemberLookup(caches, clock, self.identity_rules, seen_tokens, phone_key)
        self._hub_contact = hub_contact
        self._cashier = cashier
        self._shift_open = shift_open
        self._cap_waived = False  # a manager approved spending above the offline cap
        self.engine = PricingEngine(self._empty_ruleset())
        self.reload_rules()
        self.returns = ReturnDesk(self, journal, clock, new_id)
        self._kept_text: str | None = None  # the open receipt as the journal has it
        self.restored = self._restore()  # what a crash or power cut had left open

    @property
    def ruleset(self) -> Ruleset:
        return self.engine.ruleset

    # -- rules ---------------------------------------------------------------------------

    def reload_rules(self) -> None:
        """Take the cached ruleset; a cached document that no longer validates is ignored."""
        document = self._caches.ruleset_document()
        if document is None:
            return
        try:
            self.engine = PricingEngine(parse_ruleset(document))
        except RulesetError:
            return

    def _empty_ruleset(self) -> Ruleset:
        outlet = Outlet(self._till.outlet_id, self._till.outlet_id, "", "", has_cafe=False)
        return Ruleset(0, outlet, EarningPolicy(default_per_100=Decimal(0)), PointsPolicy(), ())

    # -- the receipt -----------------------------------------------------------------------

    @property
    def priced(self) -> PricedReceipt:
        context = PricingContext(
            at=self._clock(),
            channel=self._till.channel,
            coupons=self.coupons,
            redeem_points=self.redeem_points,
        )
        return self.engine.price(self.receipt, self.member, context)

    @_kept
    def scan(self, code: str) -> Product:
        """Add the product with this barcode, or raise bad_barcode / unknown_barcode."""
        product = self.product(code)
        self.receipt = receipt_call(lambda: self.receipt.add(product))
        return product

    @_kept
    def scan_label(self, code: str) -> Product:
        """Add the goods of a scale label (a line of its own at the weight's price), or raise
        bad_barcode / unknown_plu."""
        label = parse_label(code.strip(), self.identity_rules.scale_prefixes)
        if label is None:
            raise CheckoutError("bad_barcode", code=printable(code))
        product = store_call(lambda: self._caches.product_by_plu(label.plu))
        if product is None:
            raise CheckoutError("unknown_plu", code=code.strip())
        self.receipt = receipt_call(lambda: self.receipt.add_weighed(product, label.grams))
        return product

    def product(self, code: str) -> Product:
        """The catalog's product with this barcode; bad_barcode / unknown_barcode."""
        code = code.strip()
        if not code or len(code) > MAX_NUMBER_LENGTH or not (code.isascii() and code.isdigit()):
            raise CheckoutError("bad_barcode", code=printable(code))
        product = store_call(lambda: self._caches.product_by_barcode(code))
        if product is None:
            raise CheckoutError("unknown_barcode", code=code)
        return product

    def find_products(self, query: str) -> list[Product]:
        """The catalog's products matching a part of a name, SKU or barcode (the search for an
        item whose barcode will not scan), the best MAX_FOUND."""
        return store_call(lambda: self._caches.find_products(query, MAX_FOUND))

    def handle_code(
        self, code: str
    ) -> Product | Member | Coupon | SaleForReturn | ReceiptElsewhere:
        """A code from a scanner or the camera, whatever it is (see core.identity.classify).

        A product goes on the receipt; a member card or app code identifies the member; a
        coupon of the ruleset is taken for this receipt; a receipt's own code finds its sale
        for a return.
        """
        found = classify(
            code,
            self.identity_rules,
            is_product=lambda number: self._caches.product_by_barcode(number) is not None,
            is_weighed=lambda plu: self._caches.product_by_plu(plu) is not None,
            coupons=self.engine.coupon_codes,
        )
        if found.kind is CodeKind.PRODUCT:
            return self.scan(found.text)
        if found.kind is CodeKind.WEIGHED:
            return self.scan_label(found.text)
        if found.kind is CodeKind.MEMBER_CARD:
            return self.identify_card(found.text)
        if found.kind is CodeKind.MEMBER_TOKEN:
            return self.identify_app_code(found.text)
        if found.kind is CodeKind.COUPON:
            return self.take_coupon(found.text)
        if found.kind is CodeKind.RECEIPT:
            return self.returns.find_receipt(found.text)
        if found.kind is CodeKind.STAFF_BADGE:
            raise CheckoutError("badge_at_till")
        if found.reason == "bad_check_digit":
            raise CheckoutError("bad_check_digit", code=found.text)
        if found.reason == "unknown_plu":
            raise CheckoutError("unknown_plu", code=found.text)
        if found.reason:
            raise CheckoutError("unreadable_code")
        raise CheckoutError("unknown_code", code=printable(found.text))

    @_kept
    def take_coupon(self, code: str) -> Coupon:
        """A coupon some rule of the outlet asks for; it counts for this receipt only. A member
        uses a coupon once: one this terminal has journaled for the member is refused."""
        if code not in self.engine.coupon_codes:
            raise CheckoutError("unknown_coupon", code=printable(code))
        if code in self.coupons:
            raise CheckoutError("coupon_already_taken", code=code)
        if self.member is not None and self._coupon_used_here(code, self.member):
            raise CheckoutError("coupon_used_here", code=code)
        self.coupons = self.coupons | {code}
        return Coupon(code)

    def member_offers(self) -> list[tuple[str, str]]:
        """(code, what it gives) of the identified member's personal offers that this outlet's
        rules know, this till has not seen used, and the receipt has not taken yet."""
        member = self.member
        if member is None:
            return []
        names = {
            rule.conditions.coupon: rule.name(self.language)
            for rule in self.ruleset.rules
            if rule.conditions.coupon
        }
        return [
            (code, names[code])
            for code in member.offers
            if code in names
            and code not in self.coupons
            and not self._coupon_used_here(code, member)
        ]

    @_kept
    def take_offers(self) -> list[str]:
        """Put the member's personal offers on the receipt (one key); what they give."""
        if self.member is None:
            raise CheckoutError("offers_need_member")
        offers = self.member_offers()
        if not offers:
            raise CheckoutError("no_offers", name=self.member.name)
        self.coupons = self.coupons | {code for code, _ in offers}
        return [name for _, name in offers]

    @_kept
    def drop_coupon(self, code: str) -> None:
        """Take a coupon off the receipt (the hub refused to hold it for this member)."""
        self.coupons = self.coupons - {code}

    def coupon_claims(self) -> frozenset[tuple[str, str]]:
        """(code, member id) of the taken coupons, which the hub should hold for this receipt
        while it is open. Without a member there is nothing to hold."""
        if self.member is None:
            return frozenset()
        return frozenset((code, self.member.member_id) for code in self.coupons)

    def _coupon_used_here(self, code: str, member: Member) -> bool:
        return store_call(lambda: self._journal.coupon_used_here(code, member.member_id))

    def _coupons_used(self, priced: PricedReceipt) -> frozenset[str]:
        """The taken coupons whose rules made an adjustment on this receipt."""
        applied = {adj.rule_id for line in priced.lines for adj in line.adjustments}
        return frozenset(
            rule.conditions.coupon
            for rule in self.ruleset.rules
            if rule.rule_id in applied and rule.conditions.coupon in self.coupons
        )

    @_kept
    def set_quantity(self, line_id: int, quantity: int) -> None:
        self.receipt = receipt_call(lambda: self.receipt.set_quantity(line_id, quantity))

    def price_override_subject(self, line_id: int, price: Money, reason: str) -> str:
        """What a manager approves: this line at this price. Refuses (CheckoutError) a price
        or reason the receipt would not take, before anyone is asked for a PIN."""
        receipt = receipt_call(lambda: self.receipt.override_price(line_id, price, reason, ""))
        return f"{line_id}:{receipt.line(line_id).product.sku}:{price}"

    @_kept
    def override_price(self, line_id: int, price: Money, reason: str, approved_by: str) -> None:
        self.receipt = receipt_call(
            lambda: self.receipt.override_price(line_id, price, reason, approved_by)
        )

    @_kept
    def remove_line(self, line_id: int) -> None:
        self.receipt = receipt_call(lambda: self.receipt.remove(line_id))

    @_kept
    def cancel(self) -> None:
        """Drop the receipt and the member: a fresh start for the next customer."""
        self.receipt = Receipt()
        self.member = None
        self.redeem_points = 0
        self.coupons = frozenset()
        self._cap_waived = False

    # -- the member --------------------------------------------------------------------------

    @_kept
    def identify_card(self, card: str) -> Member:
        """Attach the member with this card from the terminal's member cache."""
        return self._identified(self.members.by_card(card), "card")

    @_kept
    def identify_phone(self, text: str) -> Member:
        """Attach the member with this number from the member cache (see MemberLookup)."""
        return self._identified(self.members.by_phone(text), "phone")

    @_kept
    def identify_app_code(self, text: str) -> Member:
        """Attach the member whose app shows this signed code: genuine, current, first seen."""
        return self._identified(self.members.by_app_code(text), "app code")

    def _identified(self, member: Member, how: str) -> Member:
        self.member = member
        log.info("member %s identified by %s", member.member_id, how)
        return member

    @property
    def till(self) -> Till:
        return self._till

    def cashier_id(self) -> str | None:
        cashier = self._cashier()
        return cashier[0] if cashier else None

    @_kept
    def use_member(self, member: Member) -> None:
        """The member on this receipt from now (just enrolled here)."""
        self.member = member

    @_kept
    def attach_member(self, member: Member) -> None:
        """Attach a member found online, and remember them for offline visits."""
        store_call(lambda: self._caches.upsert_member(member))
        self.member = member
        log.info("member %s found on the hub", member.member_id)

    def balance_of(self, member: Member) -> PointsBalance:
        """The member's points as the hub last said, with what this terminal has not sent:
        points spent here are no longer active, points earned here are pending."""
        member_id = member.member_id
        known = store_call(lambda: self._caches.member_by_id(member_id)) or member
        earned, spent = store_call(lambda: self._journal.unsynced_points(member_id))
        return PointsBalance(
            active=max(known.points - spent, 0),
            pending=known.pending_points + earned,
            expiring=known.expiring,
        )

    # -- points ------------------------------------------------------------------------------

    def redeemable_points(self) -> int:
        """The most points the member may spend on this receipt now. Offline the policy caps
        it; offline_* says why nothing may be spent."""
        allowed = self.priced_without_points().redeemable_points
        cap = self._offline_cap()
        if isinstance(cap, RedemptionRefused):
            raise CheckoutError(cap.reason, limit=cap.limit)
        return allowed if cap is None else min(allowed, cap)

    @_kept
    def set_redeem_points(self, points: int) -> None:
        if points and points > self.redeemable_points():
            raise CheckoutError("redeem_above_limit", limit=self.redeemable_points())
        self.redeem_points = points

    def waive_offline_cap(self) -> int:
        """A manager approved spending above the offline cap on this receipt: from now until
        it is paid or cancelled only the programme's own limit applies. Returns that limit."""
        self._cap_waived = True
        return self.redeemable_points()

    def redemption_subject(self) -> str:
        """What a manager approves when the cap is waived: this member on this receipt."""
        member = self.member.member_id if self.member else "-"
        return f"{member}:{self.priced_without_points().total}"

    def priced_without_points(self) -> PricedReceipt:
        spending, self.redeem_points = self.redeem_points, 0
        try:
            return self.priced
        finally:
            self.redeem_points = spending

    def _offline_cap(self) -> int | RedemptionRefused | None:
        """None online; offline the policy's cap for this sale, or why there is none."""
        contact = self._hub_contact()
        if contact.online or self._cap_waived:
            return None
        member_id = self.member.member_id if self.member else None
        spent, member_spent = store_call(lambda: self._journal.unsynced_redemptions(member_id))
        state = OfflineState(contact.last_contact, spent, member_spent)
        return offline_redeemable(self.ruleset.offline, state, self._clock())

    # -- payment -------------------------------------------------------------------------------

    def pay(self, kind: TenderKind, received: int) -> Sale:
        """Settle and journal the sale; on success the till is ready for the next customer."""
        priced = self._payable()
        try:
            tender = settle(priced.total, kind, received)
        except TenderError:
            raise CheckoutError("cash_short", total=priced.total, received=received) from None
        return self._pay(priced, (tender,))

    def pay_split(self, cash: Money) -> Sale:
        """Pay `cash` in cash (no change) and the rest by card, as `pay` does."""
        priced = self._payable()
        try:
            tenders = split_payment(priced.total, cash)
        except TenderError:
            raise CheckoutError("bad_split", total=priced.total, cash=cash) from None
        return self._pay(priced, tenders)

    def _payable(self) -> PricedReceipt:
        priced = self.priced
        if not priced.lines:
            raise CheckoutError("empty_receipt")
        self.require_shift()
        return priced

    def _pay(self, priced: PricedReceipt, tenders: tuple[Tender, ...]) -> Sale:
        member = self.member
        if priced.points_redeemed:
            self._check_offline_redemption(priced.points_redeemed)
        coupons_used = self._coupons_used(priced)
        for code in coupons_used:
            if member is not None and self._coupon_used_here(code, member):
                raise CheckoutError("coupon_used_here", code=code)
        sale_id = self._new_id()
        created_at = self._clock()

        def build(number: int) -> Sale:
            return build_sale(
                priced=priced,
                member=member,
                tenders=tenders,
                sale_id=sale_id,
                number=number,
                created_at=created_at,
                outlet_id=self._till.outlet_id,
                terminal_id=self._till.terminal_id,
                channel=self._till.channel,
                language=self.language,
                coupons_used=coupons_used,
                cashier=self._cashier(),
            )

        sale = store_call(lambda: self._journal.record_sale(build))
        self._kept_text = None  # the sale's transaction took the open receipt out
        log.info(
            "sale %d journaled: %d lines, total %d, member %s",
            sale.number,
            len(sale.lines),
            sale.total,
            sale.member_id or "-",
        )
        self.cancel()
        return sale

    # -- the open receipt across a restart -----------------------------------------------------

    def _open_receipt(self) -> OpenReceipt:
        member_id = self.member.member_id if self.member else None
        return OpenReceipt(self.receipt, member_id, self.coupons, self.redeem_points)

    def _keep(self) -> None:
        """Keep the open receipt in the journal when it changed. The till sells on when the
        journal refuses (the sale itself will say so): this is a safeguard, not the sale."""
        text = self._open_receipt().to_text()
        if text == self._kept_text:
            return
        try:
            self._journal.keep_open_receipt(text, self._clock())
        except StoreError as exc:
            log.warning("the open receipt could not be kept: %s", exc)
            return
        self._kept_text = text

    def _restore(self) -> Restored | None:
        try:
            text = self._journal.open_receipt()
            kept = OpenReceipt.from_text(text) if text is not None else None
            member = self._caches.member_by_id(kept.member_id) if kept and kept.member_id else None
        except (StoreError, ReceiptError) as exc:
            log.warning("the receipt left open could not be brought back: %s", exc)
            return None
        if kept is None or text is None:
            return None
        log.info("receipt left open brought back: %d lines", len(kept.receipt.lines))
        return self._put(kept, member, text)

    def _put(self, kept: OpenReceipt, member: Member | None, text: str) -> Restored:
        """`kept` (as the journal's open receipt has it, `text`) is the receipt on the till."""
        self.receipt, self.member = kept.receipt, member
        self.coupons, self.redeem_points = kept.coupons, kept.redeem_points
        self._kept_text = text
        self._keep()  # without the member, when the cache no longer has them
        return Restored(
            len(kept.receipt.lines), member_lost=member is None and bool(kept.member_id)
        )

    # -- receipts put aside -----------------------------------------------------------------

    def park(self) -> int:
        """Put the receipt aside (the customer went back for something) and start afresh;
        returns its number in the list of receipts put aside."""
        if self.receipt.is_empty:
            raise CheckoutError("park_empty")
        text = self._open_receipt().to_text() or ""
        lines, total = len(self.receipt.lines), self.priced.total
        park_id = store_call(lambda: self._journal.parked.park(text, lines, total, self._clock()))
        self._kept_text = None  # the park took the open receipt out with it
        self.cancel()
        log.info("receipt put aside as %d: %d lines", park_id, lines)
        return park_id

    def parked(self) -> list[ParkedReceipt]:
        return store_call(self._journal.parked.listed)

    def take_up(self, park_id: int) -> Restored:
        """The receipt put aside as `park_id` is the open one again. Only onto an empty till:
        two customers' goods never mix."""
        if not self._open_receipt().is_empty:
            raise CheckoutError("take_up_open_receipt")
        text = store_call(lambda: self._journal.parked.take(park_id, self._clock()))
        if text is None:
            raise CheckoutError("parked_gone", number=park_id)
        log.info("receipt put aside as %d taken up", park_id)
        try:
            kept = OpenReceipt.from_text(text)
        except ReceiptError as exc:
            raise CheckoutError("bad_receipt", detail=str(exc)) from exc
        member_id = kept.member_id
        member = store_call(lambda: self._caches.member_by_id(member_id)) if member_id else None
        return self._put(kept, member, text)

    # -- sync problems ---------------------------------------------------------------------------

    def last_receipt(self) -> tuple[Sale, Member | None] | None:
        """The newest sale and its member as the cache knows them now, to print a copy."""
        sale = store_call(self._journal.last_sale)
        if sale is None:
            return None
        member_id = sale.member_id
        return sale, store_call(lambda: self._caches.member_by_id(member_id)) if member_id else None

    def sync_problems(self) -> list[Problem]:
        """Dead letters and conflicts, newest first."""
        return store_call(self._journal.problems)

    def resend_rejected(self, keys: Sequence[str]) -> int:
        """Dead letters back in the queue for the next sync; how many went back."""
        return store_call(lambda: self._journal.resend(keys))

    def require_shift(self) -> None:
        """Money moves only within an open shift, so every sale and return is in its report."""
        if not store_call(self._shift_open):
            raise CheckoutError("no_open_shift")

    def _check_offline_redemption(self, points: int) -> None:
        """The network may have gone since the points were chosen: check the cap again."""
        cap = self._offline_cap()
        if isinstance(cap, RedemptionRefused):
            raise CheckoutError(cap.reason, limit=cap.limit)
        if cap is not None and points > cap:
            raise CheckoutError("redeem_above_limit", limit=cap)
