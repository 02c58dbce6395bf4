"""The outlet's ruleset: promotion rules as data, validated whole.

A ruleset is versioned JSON built by the hub for one outlet (the schema is
resources/api/ruleset.schema.json). `parse_ruleset` refuses a bad document with a message that
names the rule and the field; nothing of a refused document is used.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from decimal import Decimal, InvalidOperation
from itertools import pairwise
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pos_client.core.catalog import Product
from pos_client.core.loyalty import EarningPolicy, PointsPolicy
from pos_client.core.money import Money
from pos_client.core.offline import OfflinePolicy

CHANNELS = ("store", "web", "app")
LINE_EFFECTS = ("percent_off", "amount_off", "fixed_price", "buy_x_get_y")
RECEIPT_EFFECTS = ("receipt_percent_off", "receipt_amount_off")
OTHER_EFFECTS = ("bonus_points", "stamp", "issue_coupon")
EFFECTS = LINE_EFFECTS + RECEIPT_EFFECTS + OTHER_EFFECTS
BONUS_MODES = ("fixed", "multiplier", "per_amount")
T = TypeVar("T")


class RulesetError(ValueError):
    """A ruleset document that is refused; the message names the rule and field."""


@dataclass(frozen=True, slots=True)
class Outlet:
    outlet_id: str
    name: str
    format: str
    city: str
    has_cafe: bool
    timezone: str = "Europe/Moscow"

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass(frozen=True, slots=True)
class ProductSet:
    """Products by SKU, category (with its subcategories), brand or tag; empty means all."""

    skus: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    brands: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    index_keys: tuple[str, ...] = field(init=False, compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        keys = (
            *(f"sku:{v}" for v in sorted(self.skus)),
            *(f"cat:{v}" for v in sorted(self.categories)),
            *(f"brand:{v}" for v in sorted(self.brands)),
            *(f"tag:{v}" for v in sorted(self.tags)),
        )
        object.__setattr__(self, "index_keys", keys)

    @property
    def is_everything(self) -> bool:
        return not self.index_keys

    def contains(self, product: Product, categories: Iterable[str]) -> bool:
        """`categories` is the product's category and all its ancestors."""
        if self.is_everything:
            return True
        return (
            product.sku in self.skus
            or product.brand in self.brands
            or not self.tags.isdisjoint(product.tags)
            or not self.categories.isdisjoint(categories)
        )

    def keys(self) -> tuple[str, ...]:
        """Index keys: a rule on this set can only touch products having one of them."""
        return self.index_keys


def product_keys(product: Product, categories: Iterable[str]) -> list[str]:
    """The index keys a product answers to (see ProductSet.keys)."""
    return [
        f"sku:{product.sku}",
        *(f"cat:{c}" for c in categories),
        f"brand:{product.brand}",
        *(f"tag:{t}" for t in product.tags),
    ]


@dataclass(frozen=True, slots=True)
class Conditions:
    """All optional, combined with AND."""

    outlets: frozenset[str] = frozenset()
    formats: frozenset[str] = frozenset()
    cities: frozenset[str] = frozenset()
    has_cafe: bool | None = None
    channels: frozenset[str] = frozenset()
    date_from: date | None = None
    date_to: date | None = None
    days_of_week: frozenset[int] = frozenset()  # 1 = Monday … 7 = Sunday, outlet local time
    hour_from: time | None = None
    hour_to: time | None = None  # before hour_from: the window crosses midnight
    member_required: bool = False
    tiers: frozenset[str] = frozenset()
    segments: frozenset[str] = frozenset()
    birthday_within_days: int | None = None
    first_purchase: bool = False
    products: ProductSet | None = None
    min_quantity: int = 0
    min_amount: Money = 0
    receipt_min_amount: Money = 0
    coupon: str | None = None

    def outlet_matches(self, outlet: Outlet) -> bool:
        return (
            (not self.outlets or outlet.outlet_id in self.outlets)
            and (not self.formats or outlet.format in self.formats)
            and (not self.cities or outlet.city in self.cities)
            and (self.has_cafe is None or outlet.has_cafe == self.has_cafe)
        )

    def time_matches(self, local: datetime) -> bool:
        day = local.date()
        if self.date_from and day < self.date_from:
            return False
        if self.date_to and day > self.date_to:
            return False
        if self.days_of_week and local.isoweekday() not in self.days_of_week:
            return False
        if self.hour_from is None or self.hour_to is None:
            return True
        now = local.time()
        if self.hour_from <= self.hour_to:
            return self.hour_from <= now < self.hour_to
        return now >= self.hour_from or now < self.hour_to


@dataclass(frozen=True, slots=True)
class Effect:
    """What a rule does. Which fields mean something depends on `kind` (see EFFECTS)."""

    kind: str
    target: ProductSet = field(default_factory=ProductSet)
    percent: Decimal = Decimal(0)
    amount: Money = 0  # amount_off per unit, receipt_amount_off, fixed_price per unit
    threshold: Money = 0  # receipt effects: the receipt amount from which they apply
    buy: int = 0
    get: int = 0
    bonus_mode: str = ""
    points: int = 0
    multiplier: Decimal = Decimal(1)
    per_amount: Money = 0
    stamp_card: str = ""
    every: int = 0
    coupon_code: str = ""

    @property
    def is_line_level(self) -> bool:
        return self.kind in LINE_EFFECTS


@dataclass(frozen=True, slots=True)
class Rule:
    rule_id: str
    name_ru: str
    name_en: str
    priority: int
    active_from: datetime | None
    active_to: datetime | None
    conditions: Conditions
    effect: Effect
    group: str | None  # rules of one group are exclusive; None stacks
    limit_per_receipt: int | None

    def name(self, language: str) -> str:
        return self.name_ru if language == "ru" else self.name_en

    def active_at(self, at: datetime) -> bool:
        return (self.active_from is None or at >= self.active_from) and (
            self.active_to is None or at < self.active_to
        )


@dataclass(frozen=True, slots=True)
class TierStep:
    """A tier and the qualifying spend (kopecks, over the programme's period) that reaches it."""

    tier: str
    from_spend: Money


@dataclass(frozen=True, slots=True)
class Programme:
    """What the whole programme says beyond pricing: the version of its terms customers
    accept when they join, and its tiers, lowest first."""

    terms_version: str = "1"
    tiers: tuple[TierStep, ...] = ()
    tier_period_days: int = 365


@dataclass(frozen=True, slots=True)
class Ruleset:
    version: int
    outlet: Outlet
    earning: EarningPolicy
    points: PointsPolicy
    rules: tuple[Rule, ...]
    category_parents: Mapping[str, str] = field(default_factory=dict)
    offline: OfflinePolicy = field(default_factory=OfflinePolicy)
    programme: Programme = field(default_factory=Programme)

    def ancestors(self, category: str) -> tuple[str, ...]:
        """The category and its parents, nearest first (a cycle is refused at parse time)."""
        chain = [category]
        while chain[-1] in self.category_parents:
            chain.append(self.category_parents[chain[-1]])
        return tuple(chain)

    @property
    def coupon_codes(self) -> frozenset[str]:
        """Codes a cashier can scan: those some rule of this outlet asks for."""
        return frozenset(r.conditions.coupon for r in self.rules if r.conditions.coupon)


# -- parsing --------------------------------------------------------------------------------


def parse_ruleset(data: Any) -> Ruleset:
    """Validate a whole ruleset document; raise RulesetError naming the rule and field."""
    doc = _Fields(data, "ruleset")
    outlet_doc = doc.object("outlet")
    timezone = outlet_doc.text("timezone", default="Europe/Moscow")
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise RulesetError(f"outlet: field 'timezone': unknown time zone {timezone!r}") from None
    outlet = Outlet(
        outlet_id=outlet_doc.text("id"),
        name=outlet_doc.text("name"),
        format=outlet_doc.text("format"),
        city=outlet_doc.text("city"),
        has_cafe=outlet_doc.flag("has_cafe"),
        timezone=timezone,
    )
    parents = _category_parents(doc.object("categories", required=False))
    rules_doc = doc.array("rules")
    rules = tuple(_parse_rule(item, index) for index, item in enumerate(rules_doc))
    seen: set[str] = set()
    for rule in rules:
        if rule.rule_id in seen:
            raise RulesetError(f"rule {rule.rule_id!r}: duplicate id")
        seen.add(rule.rule_id)
    return Ruleset(
        version=doc.whole("version", minimum=1),
        outlet=outlet,
        earning=_earning(doc.object("earning")),
        points=_points(doc.object("points", required=False)),
        rules=rules,
        category_parents=parents,
        offline=_offline(doc.object("offline", required=False)),
        programme=_programme(doc.object("programme", required=False)),
    )


def _programme(doc: _Fields) -> Programme:
    defaults = Programme()
    steps = doc.array("tiers") if "tiers" in doc.names() else []
    tiers = tuple(
        TierStep(step.text("id"), step.whole("from_spend", minimum=0))
        for step in (_Fields(item, f"{doc.where}: tiers[{n}]") for n, item in enumerate(steps))
    )
    if tiers and tiers[0].from_spend != 0:
        raise doc.error("tiers", "must start with a tier from a spend of 0")
    for lower, higher in pairwise(tiers):
        if higher.from_spend <= lower.from_spend:
            raise doc.error("tiers", f"{higher.tier!r} must need more spend than {lower.tier!r}")
    if len({step.tier for step in tiers}) != len(tiers):
        raise doc.error("tiers", "names a tier twice")
    return Programme(
        terms_version=doc.text("terms_version", default=defaults.terms_version),
        tiers=tiers,
        tier_period_days=doc.whole(
            "tier_period_days", minimum=1, maximum=3660, default=defaults.tier_period_days
        ),
    )


def _category_parents(doc: _Fields) -> dict[str, str]:
    parents = {child: doc.text(child) for child in doc.names()}
    for start in parents:
        seen = {start}
        node = start
        while node in parents:
            node = parents[node]
            if node in seen:
                raise RulesetError(f"categories: {start!r} is its own ancestor")
            seen.add(node)
    return parents


def _earning(doc: _Fields) -> EarningPolicy:
    by_tier = doc.object("per_100_by_tier", required=False)
    return EarningPolicy(
        default_per_100=doc.decimal("default_per_100", minimum=Decimal(0)),
        per_100_by_tier={
            tier: by_tier.decimal(tier, minimum=Decimal(0)) for tier in by_tier.names()
        },
        rounding=doc.choice("rounding", ("floor", "half_up"), default="floor"),
        earn_on_points_paid=doc.flag("earn_on_points_paid", default=False),
    )


def _points(doc: _Fields) -> PointsPolicy:
    defaults = PointsPolicy()
    return PointsPolicy(
        kopecks_per_point=doc.whole(
            "kopecks_per_point", minimum=1, default=defaults.kopecks_per_point
        ),
        max_redeem_percent=doc.decimal(
            "max_redeem_percent",
            minimum=Decimal(0),
            maximum=Decimal(100),
            default=defaults.max_redeem_percent,
        ),
        min_to_pay=doc.whole("min_to_pay", minimum=0, default=defaults.min_to_pay),
        pending_days=doc.whole("pending_days", minimum=0, default=defaults.pending_days),
        expiry_days=doc.whole("expiry_days", minimum=1, default=defaults.expiry_days),
    )


def _offline(doc: _Fields) -> OfflinePolicy:
    defaults = OfflinePolicy()
    return OfflinePolicy(
        max_points_per_sale=doc.whole(
            "max_points_per_sale", minimum=0, default=defaults.max_points_per_sale
        ),
        max_points_per_terminal=doc.whole(
            "max_points_per_terminal", minimum=0, default=defaults.max_points_per_terminal
        ),
        once_per_member=doc.flag("once_per_member", default=defaults.once_per_member),
        max_offline_hours=doc.whole(
            "max_offline_hours", minimum=0, default=defaults.max_offline_hours
        ),
    )


def _parse_rule(item: Any, index: int) -> Rule:
    first = _Fields(item, f"rule #{index + 1}")
    rule_id = first.text("id")
    doc = _Fields(item, f"rule {rule_id!r}")
    name = doc.object("name")
    active = doc.object("active", required=False)
    conditions = _conditions(doc.object("conditions", required=False))
    effect = _effect(doc.object("effect"), conditions)
    return Rule(
        rule_id=rule_id,
        name_ru=name.text("ru"),
        name_en=name.text("en"),
        priority=doc.whole("priority", minimum=-1_000_000, default=0),
        active_from=active.moment("from"),
        active_to=active.moment("to"),
        conditions=conditions,
        effect=effect,
        group=doc.text("group", default="") or None,
        limit_per_receipt=doc.whole("limit_per_receipt", minimum=1, default=0) or None,
    )


def _product_set(doc: _Fields) -> ProductSet:
    return ProductSet(
        skus=doc.str_set("skus"),
        categories=doc.str_set("categories"),
        brands=doc.str_set("brands"),
        tags=doc.str_set("tags"),
    )


def _conditions(doc: _Fields) -> Conditions:
    outlet = doc.object("outlet", required=False)
    dates = doc.object("dates", required=False)
    hours = doc.object("hours", required=False)
    products_doc = doc.object("products", required=False)
    channels = doc.str_set("channels")
    if not channels <= set(CHANNELS):
        raise doc.error("channels", f"must be some of {', '.join(CHANNELS)}")
    days = frozenset(doc.int_list("days_of_week", minimum=1, maximum=7))
    hour_from, hour_to = hours.clock("from"), hours.clock("to")
    if (hour_from is None) != (hour_to is None) or (hour_from and hour_from == hour_to):
        raise doc.error("hours", "needs 'from' and 'to', and they must differ")
    date_from, date_to = dates.day("from"), dates.day("to")
    if date_from and date_to and date_from > date_to:
        raise doc.error("dates", "'from' is after 'to'")
    birthday = doc.whole("birthday_within_days", minimum=0, maximum=183, default=-1)
    return Conditions(
        outlets=doc.str_set("outlets"),
        formats=outlet.str_set("format"),
        cities=outlet.str_set("city"),
        has_cafe=outlet.flag("has_cafe", default=None),
        channels=channels,
        date_from=date_from,
        date_to=date_to,
        days_of_week=days,
        hour_from=hour_from,
        hour_to=hour_to,
        member_required=doc.flag("member_required", default=False) or False,
        tiers=doc.str_set("tiers"),
        segments=doc.str_set("segments"),
        birthday_within_days=None if birthday < 0 else birthday,
        first_purchase=doc.flag("first_purchase", default=False) or False,
        products=_product_set(products_doc) if products_doc.present else None,
        min_quantity=products_doc.whole("min_quantity", minimum=0, default=0),
        min_amount=products_doc.whole("min_amount", minimum=0, default=0),
        receipt_min_amount=doc.whole("receipt_min_amount", minimum=0, default=0),
        coupon=doc.text("coupon", default="") or None,
    )


def _effect(doc: _Fields, conditions: Conditions) -> Effect:
    kind = doc.choice("type", EFFECTS)
    target_doc = doc.object("target", required=False)
    target = _product_set(target_doc) if target_doc.present else conditions.products or ProductSet()
    if kind in ("percent_off", "receipt_percent_off"):
        percent = doc.decimal("percent", minimum=Decimal("0.01"), maximum=Decimal(100))
        return Effect(kind, target, percent=percent, threshold=doc.whole("threshold", 0, default=0))
    if kind in ("amount_off", "receipt_amount_off", "fixed_price"):
        field_name = "price" if kind == "fixed_price" else "amount"
        minimum = 0 if kind == "fixed_price" else 1
        amount = doc.whole(field_name, minimum=minimum)
        return Effect(kind, target, amount=amount, threshold=doc.whole("threshold", 0, default=0))
    if kind == "buy_x_get_y":
        return Effect(
            kind,
            target,
            buy=doc.whole("buy", minimum=1),
            get=doc.whole("get", minimum=1),
            percent=doc.decimal("percent", Decimal("0.01"), Decimal(100), default=Decimal(100)),
        )
    if kind == "bonus_points":
        mode = doc.choice("mode", BONUS_MODES)
        return Effect(
            kind,
            target,
            bonus_mode=mode,
            points=doc.whole("points", minimum=1) if mode in ("fixed", "per_amount") else 0,
            multiplier=(
                doc.decimal("multiplier", Decimal(1), Decimal(100))
                if mode == "multiplier"
                else Decimal(1)
            ),
            per_amount=doc.whole("per_amount", minimum=1) if mode == "per_amount" else 0,
        )
    if kind == "stamp":
        return Effect(
            kind, target, stamp_card=doc.text("card"), every=doc.whole("every", minimum=2)
        )
    return Effect(kind, target, coupon_code=doc.text("coupon"))


_REQUIRED = object()


class _Fields:
    """Typed access to one JSON object, with errors that say where the bad field is."""

    def __init__(self, data: Any, where: str, present: bool = True) -> None:
        if present and not isinstance(data, Mapping):
            raise RulesetError(f"{where}: must be an object")
        self._data: Mapping[str, Any] = data if present else {}
        self.where = where
        self.present = present

    def names(self) -> list[str]:
        return list(self._data)

    def error(self, key: str, problem: str) -> RulesetError:
        return RulesetError(f"{self.where}: field {key!r} {problem}")

    def _get(self, key: str, default: Any, check: Callable[[Any], bool], problem: str) -> Any:
        if key not in self._data or self._data[key] is None:
            if default is _REQUIRED:
                raise self.error(key, "is missing")
            return default
        value = self._data[key]
        if not check(value):
            raise self.error(key, problem)
        return value

    def object(self, key: str, required: bool = True) -> _Fields:
        value = self._data.get(key)
        if value is None and not required:
            return _Fields(None, f"{self.where}: {key}", present=False)
        if not isinstance(value, Mapping):
            raise self.error(key, "must be an object")
        return _Fields(value, f"{self.where}: {key}")

    def array(self, key: str) -> list[Any]:
        value: list[Any] = self._get(
            key, _REQUIRED, lambda v: isinstance(v, list), "must be a list"
        )
        return value

    def text(self, key: str, default: Any = None) -> str:
        value: str = self._get(
            key,
            _REQUIRED if default is None else default,
            lambda v: isinstance(v, str) and bool(v.strip()),
            "must be a non-empty string",
        )
        return value

    def choice(self, key: str, options: tuple[str, ...], default: Any = None) -> str:
        value = self.text(key, default)
        if value not in options:
            raise self.error(key, f"must be one of {', '.join(options)} (got {value!r})")
        return value

    def flag(self, key: str, default: Any = _REQUIRED) -> Any:
        return self._get(key, default, lambda v: isinstance(v, bool), "must be true or false")

    def whole(self, key: str, minimum: int, maximum: int | None = None, default: Any = None) -> int:
        def check(v: Any) -> bool:
            return (
                isinstance(v, int)
                and not isinstance(v, bool)
                and v >= minimum
                and (maximum is None or v <= maximum)
            )

        bound = f"from {minimum}" + (f" to {maximum}" if maximum is not None else "")
        value: int = self._get(
            key, _REQUIRED if default is None else default, check, f"must be a whole number {bound}"
        )
        return value

    def decimal(
        self, key: str, minimum: Decimal, maximum: Decimal | None = None, default: Any = None
    ) -> Decimal:
        raw = self._get(
            key,
            _REQUIRED if default is None else default,
            lambda v: isinstance(v, (int, float, str, Decimal)) and not isinstance(v, bool),
            "must be a number",
        )
        try:
            value = Decimal(str(raw))
        except InvalidOperation:
            raise self.error(key, "must be a number") from None
        if not value.is_finite() or value < minimum or (maximum is not None and value > maximum):
            bound = f"from {minimum}" + (f" to {maximum}" if maximum is not None else "")
            raise self.error(key, f"must be a number {bound}")
        return value

    def str_set(self, key: str) -> frozenset[str]:
        value = self._get(
            key,
            [],
            lambda v: isinstance(v, list) and all(isinstance(i, str) and i for i in v),
            "must be a list of strings",
        )
        return frozenset(value)

    def int_list(self, key: str, minimum: int, maximum: int) -> list[int]:
        value: list[int] = self._get(
            key,
            [],
            lambda v: (
                isinstance(v, list)
                and all(
                    isinstance(i, int) and not isinstance(i, bool) and minimum <= i <= maximum
                    for i in v
                )
            ),
            f"must be a list of whole numbers from {minimum} to {maximum}",
        )
        return value

    def _parsed(self, key: str, parse: Callable[[str], T], form: str) -> T | None:
        raw = self._get(key, None, lambda v: isinstance(v, str), f"must be {form}")
        if raw is None:
            return None
        try:
            return parse(raw)
        except ValueError:
            raise self.error(key, f"must be {form}") from None

    def day(self, key: str) -> date | None:
        return self._parsed(key, date.fromisoformat, "a date like 2026-11-22")

    def clock(self, key: str) -> time | None:
        return self._parsed(key, time.fromisoformat, "a time like 08:00")

    def moment(self, key: str) -> datetime | None:
        def parse(text: str) -> datetime:
            value = datetime.fromisoformat(text)
            if value.tzinfo is None:
                raise ValueError(text)
            return value.astimezone(UTC)

        return self._parsed(key, parse, "a time with its offset, like 2026-11-22T08:00:00+03:00")
