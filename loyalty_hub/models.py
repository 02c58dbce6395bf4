"""Payloads the hub accepts and returns (validated with pydantic)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from pos_client.core.scale import MAX_GRAMS, Weighing

MAX_BATCH = 500


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DiscountNoteBody(Strict):
    text: str
    amount: int = Field(ge=0)


class PriceOverrideBody(Strict):
    """A line price set by hand at the till with a manager's approval."""

    list_price: int = Field(ge=1)
    reason: str = Field(min_length=1, max_length=120)
    approved_by: str = Field(min_length=1)


class WeighingBody(Strict):
    """A line of goods sold by weight: the scale label's weight and the price per kilogram."""

    grams: int = Field(ge=1, le=MAX_GRAMS)
    price_per_kg: int = Field(ge=1)


class SaleLineBody(Strict):
    sku: str = Field(min_length=1)
    barcode: str
    name: str
    category: str
    quantity: int = Field(ge=1)
    unit_price: int = Field(ge=0)
    discount: int = Field(ge=0)
    points_paid: int = Field(ge=0)
    total: int = Field(ge=0)
    rule_ids: list[str]
    discount_notes: list[DiscountNoteBody]
    stamp_cards: list[str]
    price_override: PriceOverrideBody | None = None
    weighing: WeighingBody | None = None

    @model_validator(mode="after")
    def _adds_up(self) -> SaleLineBody:
        if self.unit_price * self.quantity - self.discount - self.points_paid != self.total:
            raise ValueError(
                f"line {self.sku}: unit_price * quantity - discount - points_paid != total"
            )
        if self.weighing is not None:
            if self.quantity != 1:
                raise ValueError(f"line {self.sku}: a weighed line is one scale label")
            weighed = Weighing(self.weighing.grams, self.weighing.price_per_kg).price
            if self.price_override is None and self.unit_price != weighed:
                raise ValueError(f"line {self.sku}: unit_price != grams at price_per_kg")
        return self


class TenderBody(Strict):
    kind: Literal["cash", "card"]
    amount: int = Field(ge=0)
    received: int = Field(ge=0)


class SaleBody(Strict):
    sale_id: str = Field(min_length=1, max_length=64)
    number: int = Field(ge=1)
    created_at: str
    outlet_id: str
    terminal_id: str
    channel: Literal["store", "web", "app"]
    member_id: str | None
    lines: list[SaleLineBody] = Field(min_length=1)
    tenders: list[TenderBody] = Field(min_length=1)
    subtotal: int
    discount: int
    points_paid: int = Field(ge=0)
    total: int
    points_earned: int = Field(ge=0)
    points_redeemed: int = Field(ge=0)
    stamp_cards: dict[str, int]
    coupons_issued: list[str]
    coupons_used: list[str] = []
    ruleset_version: int = Field(ge=0)
    cashier_id: str | None = Field(default=None, max_length=64)
    cashier_name: str = Field(default="", max_length=100)

    @model_validator(mode="after")
    def _totals(self) -> SaleBody:
        if sum(line.total for line in self.lines) != self.total:
            raise ValueError("line totals do not add up to the total")
        if sum(t.amount for t in self.tenders) != self.total:
            raise ValueError("tenders do not add up to the total")
        return self


class ReturnedQuantityBody(Strict):
    position: int = Field(ge=0)  # the line's place in the sale
    quantity: int = Field(ge=1)  # taken back by all returns so far


class ReceiptBody(Strict):
    """A sale of any till of the chain, with what returns took back of it, for a return
    at another till."""

    sale: SaleBody
    returned: list[ReturnedQuantityBody]


class ReturnLineBody(Strict):
    position: int = Field(ge=0)  # the line's place in the original sale
    quantity: int = Field(ge=1)
    refund: int = Field(ge=0)


class RefundBody(Strict):
    kind: Literal["cash", "card"]
    amount: int = Field(ge=0)


class ReturnBody(Strict):
    return_id: str = Field(min_length=1, max_length=64)
    sale_id: str = Field(min_length=1, max_length=64)  # the original sale
    created_at: str
    outlet_id: str
    terminal_id: str
    member_id: str | None
    lines: list[ReturnLineBody] = Field(min_length=1)
    refund: int = Field(ge=0)
    tender: Literal["cash", "card"]  # the first of `refunds` when there are several
    # the refund by tender, for a sale paid partly in cash and partly by card (since 1.9)
    refunds: list[RefundBody] | None = Field(default=None, min_length=1, max_length=2)
    points_reversed: int = Field(ge=0)  # earned points taken back
    points_refunded: int = Field(ge=0)  # spent points given back
    stamps_undone: dict[str, int]
    cashier_id: str | None = Field(default=None, max_length=64)
    approved_by: str | None = Field(default=None, max_length=64)

    @model_validator(mode="after")
    def _adds_up(self) -> ReturnBody:
        if sum(line.refund for line in self.lines) != self.refund:
            raise ValueError("line refunds do not add up to the refund")
        if self.refunds is not None:
            if sum(part.amount for part in self.refunds) != self.refund:
                raise ValueError("the refunds by tender do not add up to the refund")
            if len({part.kind for part in self.refunds}) != len(self.refunds):
                raise ValueError("a tender is named twice in the refunds")
            if self.refunds[0].kind != self.tender:
                raise ValueError("the tender is not the first of the refunds")
        return self


class ReturnWithoutReceiptBody(Strict):
    """Goods taken back with no receipt on a manager's approval, priced as they sell today
    without a card; no points move (nothing ties them to a member's purchase)."""

    return_id: str = Field(min_length=1, max_length=64)
    created_at: str
    outlet_id: str
    terminal_id: str
    lines: list[SaleLineBody] = Field(min_length=1)
    refund: int = Field(ge=0)
    tender: Literal["cash", "card"]
    reason: str = Field(min_length=1, max_length=120)
    approved_by: str = Field(min_length=1, max_length=64)
    cashier_id: str | None = Field(default=None, max_length=64)
    points_reversed: Literal[0]
    points_refunded: Literal[0]

    @model_validator(mode="after")
    def _adds_up(self) -> ReturnWithoutReceiptBody:
        if sum(line.total for line in self.lines) != self.refund:
            raise ValueError("line totals do not add up to the refund")
        if any(line.points_paid for line in self.lines):
            raise ValueError("no line of a return without a receipt was paid with points")
        return self


class AuditEntryBody(Strict):
    """One entry of a till's hash-chained audit log (see pos_client.core.audit)."""

    seq: int = Field(ge=1, le=2**53)
    at: str = Field(max_length=40)
    terminal_id: str = Field(min_length=1, max_length=64)
    staff_id: str | None = Field(max_length=64)
    event: str = Field(min_length=1, max_length=40)
    details: dict[str, str | int | bool | None]
    prev_hash: str = Field(pattern=r"^[0-9a-f]{64}$")
    hash: str = Field(pattern=r"^[0-9a-f]{64}$")


class ConsentBody(Strict):
    """Consent given when joining: the programme's terms (required), marketing (a choice)."""

    terms_version: str = Field(min_length=1, max_length=40)
    given_at: str
    marketing: bool


class EnrolmentBody(Strict):
    """A customer who joined at a till; the till made the member id (the member may buy
    before the hub hears of them)."""

    enrolment_id: str = Field(min_length=1, max_length=64)
    member_id: str = Field(pattern=r"^M-[A-Z0-9]{6,30}$")
    name: str = Field(min_length=2, max_length=80)
    phone: str = Field(pattern=r"^\+[1-9][0-9]{6,14}$")
    card: str = Field(max_length=32)
    consent: ConsentBody
    outlet_id: str
    terminal_id: str
    channel: Literal["store", "web", "app"]
    cashier_id: str | None = Field(default=None, max_length=64)


class TransactionItem(Strict):
    key: str = Field(min_length=1, max_length=64)
    kind: Literal["sale", "return", "return_without_receipt", "audit", "enrolment"]
    body: dict[str, Any]


class TransactionBatch(Strict):
    items: list[TransactionItem] = Field(min_length=1, max_length=MAX_BATCH)


class ItemResult(BaseModel):
    """One item's fate. `conflict` means applied, but the hub had to settle it differently
    (points_overdrawn: `overdraft` points were spent that the member no longer had;
    coupon_already_used). A `duplicate` repeats the first result, with its status in
    `first_status`."""

    key: str
    status: Literal["applied", "duplicate", "rejected", "conflict"]
    reason: str | None = None
    first_status: Literal["applied", "conflict"] | None = None
    overdraft: int | None = None
    member_id: str | None = None
    member_points: int | None = None
    member_pending: int | None = None


class BatchResult(BaseModel):
    results: list[ItemResult]


class OutletBody(BaseModel):
    id: str
    name: str
    format: str
    city: str
    has_cafe: bool
    timezone: str


class OfflinePolicyBody(BaseModel):
    max_points_per_sale: int = Field(ge=0)
    max_points_per_terminal: int = Field(ge=0)
    once_per_member: bool
    max_offline_hours: int = Field(ge=0)


class RulesetBody(BaseModel):
    version: int
    outlet: OutletBody
    categories: dict[str, str]
    earning: dict[str, Any]
    points: dict[str, Any]
    offline: OfflinePolicyBody
    programme: dict[str, Any] = {}  # the terms' version members accept when joining
    rules: list[dict[str, Any]]


class ProductBody(BaseModel):
    sku: str
    barcode: str
    name_ru: str
    name_en: str
    category: str
    price: int  # per kilogram for goods sold by weight
    brand: str = ""
    tags: list[str] = []
    plu: str = Field("", description="goods sold by weight: the PLU their scale labels carry")


class CatalogBody(BaseModel):
    """Products changed since the cursor asked for (all of them when `full`), and the skus
    taken off sale. The terminal sends `cursor` back next time."""

    cursor: int
    full: bool
    products: list[ProductBody]
    removed: list[str]


class MemberBody(BaseModel):
    member_id: str
    card: str
    name: str
    tier: str
    points: int
    segments: list[str]
    birthday: str | None
    purchases: int
    stamps: dict[str, int]
    pending_points: int
    expiring: list[dict[str, Any]]
    phone_masked: str = ""
    phone_hmac: str = ""  # HMAC-SHA256 of the E.164 number with the outlet's phone key, hex
    marketing_consent: bool | None = None  # None: the member never answered
    tier_spend: int = Field(default=0, ge=0)  # kopecks bought over the tiers' period
    offers: list[str] = []  # codes of the member's personal offers, valid and unused


class MemberCacheBody(BaseModel):
    """The outlet's regular customers, at most `limit`: changed since the cursor (all of them
    when `full`, which a new day forces, as points turn active and expire by date), and the
    members that left the set. The terminal sends `cursor` back next time."""

    cursor: str
    full: bool
    limit: int
    members: list[MemberBody]
    removed: list[str]


class StaffBody(BaseModel):
    staff_id: str
    name: str
    role: Literal["cashier", "senior_cashier", "manager"]
    pin_hash: str  # scrypt$N$r$p$salt$hash: tills check PINs offline; the PIN never travels
    badge: str = ""


class StaffListBody(BaseModel):
    """Everyone who may log in at the outlet's tills."""

    staff: list[StaffBody]


class CouponQuery(Strict):
    code: str = Field(min_length=1, max_length=64)
    member_id: str = Field(min_length=1, max_length=64)


class CouponReservation(BaseModel):
    code: str
    member_id: str
    status: Literal["reserved", "released"]
    until: str | None = None


class Problem(BaseModel):
    detail: str


class Health(BaseModel):
    status: Literal["ok"]
    time: str


class TerminalBody(BaseModel):
    terminal_id: str
    outlet_id: str


class KeysBody(BaseModel):
    keys: dict[str, str]  # key id -> Ed25519 public key, 32 bytes in unpadded base64url


class PhoneKeyBody(BaseModel):
    key: str  # the outlet's phone HMAC key, 32 bytes in unpadded base64url


class PhoneQuery(Strict):
    phone: str = Field(pattern=r"^\+[1-9][0-9]{6,14}$")  # E.164
