"""The pricing engine: the outlet's rules, a receipt, a member and a moment -> explained prices.

The order of work, documented because it decides results:

1. Rules for other outlets are dropped once, when the engine is built; the rest are indexed
   by the products they can touch (SKU, category, brand, tag), so a re-price looks only at
   the rules the receipt's products can wake.
2. A rule is eligible when all its conditions hold (time in the outlet's zone, channel,
   member, coupon, qualifying products). Eligible line rules are applied in slots: each
   exclusive group is one slot, each stackable rule its own; slots run in rule order
   (priority, highest first, then id), each on what earlier slots left of the line amounts.
   Within a group the engine picks the combination of rules with disjoint lines that saves
   the customer most: exactly over the group's 16 best offers, then greedily for the rest.
3. Stamp cards: every qualifying unit is a stamp; the unit that completes a card is free.
4. Receipt rules (percent or amount off above a threshold) in slots as above, each
   allocated to the lines by largest remainder so lines add up exactly and none goes negative.
5. Points pay for part of the rest, within the programme's limits, allocated the same way.
6. Points are earned on what is paid in money, plus bonus rules; coupons to issue and hints
   for rules that almost apply are listed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from itertools import islice
from typing import Any, NamedTuple

from pos_client.core.catalog import Product
from pos_client.core.loyalty import Member
from pos_client.core.money import Money, allocate, format_money, percent_ratio, share_of
from pos_client.core.receipt import Receipt, ReceiptLine
from pos_client.core.ruleset import (
    LINE_EFFECTS,
    RECEIPT_EFFECTS,
    Effect,
    ProductSet,
    Rule,
    Ruleset,
    product_keys,
)

EXACT_GROUP_SEARCH = 16
MAX_HINTS = 3


@dataclass(frozen=True, slots=True)
class PricingContext:
    at: datetime  # timezone-aware; the outlet's zone is applied by the engine
    channel: str = "store"
    coupons: frozenset[str] = frozenset()
    redeem_points: int = 0


class Adjustment(NamedTuple):
    """One discount (or a line's share of a receipt discount), with the rule that made it.

    A named tuple rather than a frozen dataclass: a re-price makes thousands of them.
    """

    rule_id: str
    rule_name_ru: str
    rule_name_en: str
    kind: str
    label_ru: str
    label_en: str
    amount: Money

    def text(self, language: str) -> str:
        if language == "ru":
            return f"{self.label_ru} {self.rule_name_ru}"
        return f"{self.label_en} {self.rule_name_en}"


@dataclass(frozen=True, slots=True)
class PricedLine:
    line: ReceiptLine
    adjustments: tuple[Adjustment, ...] = ()
    points_paid: Money = 0
    stamp_cards: tuple[str, ...] = ()  # each unit of the line is a stamp on each of these

    @property
    def amount(self) -> Money:
        return self.line.amount

    @property
    def stamps(self) -> int:
        return self.line.quantity * len(self.stamp_cards)

    @property
    def discount(self) -> Money:
        return sum(adj.amount for adj in self.adjustments)

    @property
    def total(self) -> Money:
        """What the customer pays in money for this line."""
        return self.amount - self.discount - self.points_paid


@dataclass(frozen=True, slots=True)
class Note:
    """A text for the receipt or the cashier, in both languages, with its rule."""

    rule_id: str
    text_ru: str
    text_en: str

    def text(self, language: str) -> str:
        return self.text_ru if language == "ru" else self.text_en


@dataclass(frozen=True, slots=True)
class PointsAward:
    rule_id: str | None  # None: the base earning of the tier
    points: int


@dataclass(frozen=True, slots=True)
class StampCard:
    card: str
    rule_id: str
    before: int
    added: int
    after: int
    free_items: int


@dataclass(frozen=True, slots=True)
class PricedReceipt:
    lines: tuple[PricedLine, ...]
    ruleset_version: int
    awards: tuple[PointsAward, ...] = ()
    points_redeemed: int = 0
    redeemable_points: int = 0
    stamps: tuple[StampCard, ...] = ()
    coupons: tuple[Note, ...] = ()  # rule id and coupon code to issue
    hints: tuple[Note, ...] = ()

    @property
    def subtotal(self) -> Money:
        return sum(line.amount for line in self.lines)

    @property
    def discount(self) -> Money:
        return sum(line.discount for line in self.lines)

    @property
    def points_paid(self) -> Money:
        return sum(line.points_paid for line in self.lines)

    @property
    def total(self) -> Money:
        return sum(line.total for line in self.lines)

    @property
    def points_earned(self) -> int:
        return sum(award.points for award in self.awards)

    def to_dict(self) -> dict[str, Any]:
        """Everything the engine decided, as plain JSON-able data."""
        return {
            "ruleset_version": self.ruleset_version,
            "lines": [
                {
                    "line_id": pl.line.line_id,
                    "sku": pl.line.product.sku,
                    "quantity": pl.line.quantity,
                    "unit_price": pl.line.product.price,
                    "amount": pl.amount,
                    "discount": pl.discount,
                    "points_paid": pl.points_paid,
                    "total": pl.total,
                    "stamp_cards": list(pl.stamp_cards),
                    "adjustments": [
                        {
                            "rule_id": adj.rule_id,
                            "kind": adj.kind,
                            "amount": adj.amount,
                            "text_ru": adj.text("ru"),
                            "text_en": adj.text("en"),
                        }
                        for adj in pl.adjustments
                    ],
                }
                for pl in self.lines
            ],
            "totals": {
                "subtotal": self.subtotal,
                "discount": self.discount,
                "points_paid": self.points_paid,
                "total": self.total,
            },
            "points": {
                "earned": self.points_earned,
                "awards": [{"rule_id": a.rule_id, "points": a.points} for a in self.awards],
                "redeemed": self.points_redeemed,
                "redeemable": self.redeemable_points,
            },
            "stamps": [
                {
                    "card": c.card,
                    "rule_id": c.rule_id,
                    "before": c.before,
                    "added": c.added,
                    "after": c.after,
                    "free_items": c.free_items,
                }
                for c in self.stamps
            ],
            "coupons": [{"rule_id": n.rule_id, "code": n.text_en} for n in self.coupons],
            "hints": [
                {"rule_id": n.rule_id, "text_ru": n.text_ru, "text_en": n.text_en}
                for n in self.hints
            ],
        }


class PricingEngine:
    job_type: type[_Job]  # set below, once _Job exists

    def __init__(self, ruleset: Ruleset) -> None:
        self.ruleset = ruleset
        rules = [r for r in ruleset.rules if r.conditions.outlet_matches(ruleset.outlet)]
        rules.sort(key=lambda r: (-r.priority, r.rule_id))
        self.order = {rule.rule_id: position for position, rule in enumerate(rules)}
        self._context_free = {rule.rule_id for rule in rules if _context_free(rule)}
        self.adjustment_heads = {
            rule.rule_id: (
                rule.rule_id,
                rule.name_ru,
                rule.name_en,
                rule.effect.kind,
                *_labels(rule.effect),
            )
            for rule in rules
        }
        self.ratios = {rule.rule_id: percent_ratio(rule.effect.percent) for rule in rules}
        self._family = {rule.rule_id: _family(rule.effect.kind) for rule in rules}
        self.coupon_codes = ruleset.coupon_codes  # looked up on every scan at the till
        self._described: dict[str, tuple[Product, tuple[str, ...], list[str]]] = {}
        self._rules = rules
        self._universal: set[int] = set()  # positions in rule order
        self._by_key: dict[str, list[int]] = defaultdict(list)
        for position, rule in enumerate(rules):
            keys = _rule_keys(rule)
            if keys is None:
                self._universal.add(position)
            for key in keys or ():
                self._by_key[key].append(position)

    def describe(self, product: Product) -> tuple[tuple[str, ...], list[str]]:
        """A product's category chain and index keys, remembered between re-pricings."""
        known = self._described.get(product.sku)
        if known is not None and (known[0] is product or known[0] == product):
            return known[1], known[2]
        categories = self.ruleset.ancestors(product.category)
        keys = product_keys(product, categories)
        self._described[product.sku] = (product, categories, keys)
        return categories, keys

    def candidates(self, products: Iterable[Product]) -> list[Rule]:
        """The rules a receipt with these products can wake, in rule order."""
        found = set(self._universal)
        for product in products:
            for key in self.describe(product)[1]:
                found.update(self._by_key.get(key, ()))
        return [self._rules[position] for position in sorted(found)]

    def price(
        self,
        receipt: Receipt,
        member: Member | None,
        context: PricingContext,
        *,
        with_hints: bool = True,
    ) -> PricedReceipt:
        """The receipt priced; `with_hints=False` leaves out what would wake more rules, which
        only a receipt still being rung up needs."""
        if context.at.tzinfo is None:
            raise ValueError("the pricing time must be timezone-aware")
        job = self.job_type(self, receipt, member, context)
        job.in_context.update(self._context_free)
        rules = self.candidates(line.product for line in receipt.lines)
        eligible = [rule for rule in rules if job.eligible(rule)]
        by_kind: dict[str, list[Rule]] = defaultdict(list)
        family = self._family
        for rule in eligible:
            by_kind[family[rule.rule_id]].append(rule)
        for slot in _slots(by_kind["line"]):
            job.apply_line_slot(slot)
        for rule in by_kind["stamp"]:
            job.apply_stamps(rule)
        job.total_before_receipt = job.total()
        for slot in _slots(by_kind["receipt"]):
            job.apply_receipt_slot(slot)
        job.redeem_points()
        job.earn_points(_slots(by_kind["bonus_points"]))
        coupons = tuple(
            Note(rule.rule_id, rule.effect.coupon_code, rule.effect.coupon_code)
            for rule in by_kind["issue_coupon"]
        )
        hints = (
            tuple(islice(job.hints(rules, set(map(id, eligible))), MAX_HINTS)) if with_hints else ()
        )
        return job.result(coupons, hints)


def _family(kind: str) -> str:
    """Which step of the pricing applies an effect kind (see the module's docstring)."""
    if kind in LINE_EFFECTS:
        return "line"
    return "receipt" if kind in RECEIPT_EFFECTS else kind


def _context_free(rule: Rule) -> bool:
    """True when only the receipt's products decide whether the rule applies."""
    c = rule.conditions
    return (
        rule.active_from is None
        and rule.active_to is None
        and not (c.channels or c.date_from or c.date_to or c.days_of_week or c.hour_from)
        and not (c.member_required or c.tiers or c.segments or c.first_purchase)
        and c.birthday_within_days is None
        and c.coupon is None
        and rule.effect.kind not in ("stamp", "bonus_points")
    )


def _rule_keys(rule: Rule) -> list[str] | None:
    """Index keys of a rule, or None when any receipt may wake it."""
    sets = [s for s in (rule.conditions.products, rule.effect.target) if s is not None]
    needs_products = rule.effect.kind in (
        "percent_off",
        "amount_off",
        "fixed_price",
        "buy_x_get_y",
        "stamp",
    )
    if rule.conditions.products is None and not needs_products:
        return None
    keys: list[str] = []
    for product_set in sets:
        if product_set.is_everything:
            return None
        keys.extend(product_set.keys())
    return keys


def _slots(rules: Sequence[Rule]) -> list[list[Rule]]:
    """Exclusive groups become one slot each, stackable rules one slot each, in rule order."""
    slots: list[list[Rule]] = []
    groups: dict[str, list[Rule]] = {}
    for rule in rules:
        if rule.group is None:
            slots.append([rule])
        elif rule.group in groups:
            groups[rule.group].append(rule)
        else:
            groups[rule.group] = [rule]
            slots.append(groups[rule.group])
    return slots


@dataclass(slots=True)
class _LineState:
    line: ReceiptLine
    categories: tuple[str, ...]
    remaining: Money
    adjustments: list[Adjustment] = field(default_factory=list)
    points_paid: Money = 0
    stamp_cards: list[str] = field(default_factory=list)

    @property
    def unit_remaining(self) -> Money:
        return self.remaining // self.line.quantity


class Offer(NamedTuple):
    """What one rule would save on which lines."""

    rule: Rule
    amounts: dict[int, Money]  # line id -> discount
    value: Money  # the sum of the amounts

    @classmethod
    def of(cls, rule: Rule, amounts: dict[int, Money]) -> Offer:
        return cls(rule, amounts, sum(amounts.values()))


def best_combination(offers: Sequence[Offer], rank: dict[str, int]) -> list[Offer]:
    """The offers with pairwise disjoint lines that save most; ties go to earlier rules.

    Offers that share no line with another are independent and always taken. The rest are
    split into clusters of offers linked by shared lines; each cluster is searched exactly
    (branch and bound) over its EXACT_GROUP_SEARCH most valuable offers, and what remains
    of a larger cluster is added greedily where its lines are still free.
    """
    picked: list[Offer] = []
    for cluster in _clusters(offers):
        picked.extend(cluster if len(cluster) == 1 else _best_in_cluster(cluster, rank))
    return sorted(picked, key=lambda o: rank[o.rule.rule_id])


def _clusters(offers: Sequence[Offer]) -> list[list[Offer]]:
    """Offers grouped by shared lines (connected components), found with union-find."""
    parent = list(range(len(offers)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[int, int] = {}
    for index, offer in enumerate(offers):
        for line in offer.amounts:
            if line in owner:
                parent[root(index)] = root(owner[line])
            else:
                owner[line] = index
    clusters: dict[int, list[Offer]] = defaultdict(list)
    for index, offer in enumerate(offers):
        clusters[root(index)].append(offer)
    return list(clusters.values())


def _best_in_cluster(offers: list[Offer], rank: dict[str, int]) -> list[Offer]:
    if all(len(offer.amounts) == 1 for offer in offers):  # all on one line: only one can win
        return [min(offers, key=lambda o: (-o.value, rank[o.rule.rule_id]))]
    ordered = sorted(offers, key=lambda o: (-o.value, rank[o.rule.rule_id]))
    exact, rest = ordered[:EXACT_GROUP_SEARCH], ordered[EXACT_GROUP_SEARCH:]
    bit = {line: 1 << n for n, line in enumerate({line for o in exact for line in o.amounts})}
    masks = [sum(bit[line] for line in offer.amounts) for offer in exact]
    values = [offer.value for offer in exact]
    suffix = [0] * (len(exact) + 1)
    for i in range(len(exact) - 1, -1, -1):
        suffix[i] = suffix[i + 1] + values[i]
    best_value: Money = -1
    best_choice: tuple[int, ...] = ()

    def ranks(chosen: tuple[int, ...]) -> list[int]:
        return sorted(rank[exact[i].rule.rule_id] for i in chosen)

    def search(i: int, used: int, value: Money, chosen: tuple[int, ...]) -> None:
        nonlocal best_value, best_choice
        if value > best_value or (value == best_value and ranks(chosen) < ranks(best_choice)):
            best_value, best_choice = value, chosen
        if i == len(exact) or value + suffix[i] < best_value:
            return
        if not used & masks[i]:
            search(i + 1, used | masks[i], value + values[i], (*chosen, i))
        search(i + 1, used, value, chosen)

    search(0, 0, 0, ())
    picked = [exact[i] for i in best_choice]
    used = {line for offer in picked for line in offer.amounts}
    for offer in rest:
        if used.isdisjoint(offer.amounts):
            picked.append(offer)
            used.update(offer.amounts)
    return picked


class _Job:
    """One pricing run: the mutable state of the lines while rules are applied."""

    def __init__(
        self,
        engine: PricingEngine,
        receipt: Receipt,
        member: Member | None,
        context: PricingContext,
    ) -> None:
        ruleset = engine.ruleset
        self.ruleset = ruleset
        self.member = member
        self.context = context
        self.local = context.at.astimezone(ruleset.outlet.zone)
        self.lines: list[_LineState] = []
        self.by_key: dict[str, list[_LineState]] = defaultdict(list)
        for line in receipt.lines:
            categories, keys = engine.describe(line.product)
            state = _LineState(line, categories, line.amount)
            self.lines.append(state)
            for key in keys:
                self.by_key[key].append(state)
        self.by_id = {state.line.line_id: state for state in self.lines}
        self.subtotal = sum(state.line.amount for state in self.lines)
        self._matched: dict[int, list[_LineState]] = {}
        self.rank = engine.order
        self.adjustment_heads = engine.adjustment_heads
        self.ratios = engine.ratios
        self.stamp_cards: list[StampCard] = []
        self.awards: list[PointsAward] = []
        self.points_redeemed = 0
        self.redeemable = 0
        self.total_before_receipt: Money = 0
        self.in_context: set[str] = set()
        self.missing: dict[str, tuple[int, Money]] = {}  # what rules in context lack

    # -- conditions ---------------------------------------------------------------------------

    def context_ok(self, rule: Rule) -> bool:
        """Everything but the quantities and amounts of the receipt."""
        c = rule.conditions
        member = self.member
        if not rule.active_at(self.context.at) or not c.time_matches(self.local):
            return False
        if c.channels and self.context.channel not in c.channels:
            return False
        if c.coupon is not None and c.coupon not in self.context.coupons:
            return False
        wants_member = (
            c.member_required
            or c.tiers
            or c.segments
            or c.first_purchase
            or c.birthday_within_days is not None
            or rule.effect.kind in ("stamp", "bonus_points")
        )
        if member is None:
            return not wants_member
        if c.tiers and member.tier not in c.tiers:
            return False
        if c.segments and c.segments.isdisjoint(member.segments):
            return False
        if c.first_purchase and member.purchases != 0:
            return False
        if c.birthday_within_days is not None:
            distance = member.birthday_distance(self.local.date())
            return distance is not None and distance <= c.birthday_within_days
        return True

    def lines_in(self, product_set: ProductSet) -> list[_LineState]:
        """The receipt's lines whose products are in the set, in receipt order (via the keys)."""
        found = self._matched.get(id(product_set))
        if found is None:
            found = self._matched[id(product_set)] = self._match(product_set)
        return found

    def _match(self, product_set: ProductSet) -> list[_LineState]:
        if product_set.is_everything:
            return self.lines
        keys = product_set.index_keys
        if len(keys) == 1:
            return self.by_key.get(keys[0], [])
        hits = {id(s): s for key in keys for s in self.by_key.get(key, ())}
        return sorted(hits.values(), key=lambda s: s.line.line_id)

    def shortfall(self, rule: Rule) -> tuple[int, Money]:
        """(units, amount) missing before the rule's receipt conditions hold; (0, 0) if none."""
        c = rule.conditions
        if c.products is None:
            quantity, amount = 0, self.subtotal
        elif not (c.min_quantity or c.min_amount or c.receipt_min_amount):
            return (0, 0) if self.lines_in(c.products) else (1, 0)
        else:
            lines = self.lines_in(c.products)
            quantity = sum(s.line.quantity for s in lines)
            amount = sum(s.line.amount for s in lines)
        min_quantity = max(c.min_quantity, 1 if c.products is not None else 0)
        missing_amount = max(c.min_amount - amount, c.receipt_min_amount - self.subtotal, 0)
        return max(min_quantity - quantity, 0), missing_amount

    def eligible(self, rule: Rule) -> bool:
        """Remembers which rules passed the context checks, for the hints."""
        if rule.rule_id not in self.in_context:
            if not self.context_ok(rule):
                return False
            self.in_context.add(rule.rule_id)
        missing = self.shortfall(rule)
        if missing != (0, 0):
            self.missing[rule.rule_id] = missing
            return False
        return True

    # -- line discounts ------------------------------------------------------------------------

    def offer(self, rule: Rule) -> Offer:
        return Offer.of(rule, self.savings(rule))

    def savings(self, rule: Rule) -> dict[int, Money]:
        """What the rule would save, by line id, on what is left of the lines now."""
        effect = rule.effect
        if effect.kind == "buy_x_get_y":
            return self._free_unit_savings(rule)
        states = self.lines_in(effect.target)
        left = rule.limit_per_receipt
        if left is not None:  # the most expensive units first: best for the customer
            states = sorted(states, key=lambda s: (-s.unit_remaining, s.line.product.sku))
        kind = effect.kind
        ratio = self.ratios[rule.rule_id]
        amounts: dict[int, Money] = {}
        for state in states:
            remaining = state.remaining
            if remaining <= 0:
                continue
            quantity = state.line.quantity
            units = quantity if left is None else min(left, quantity)
            if units <= 0:
                break
            if left is not None:
                left -= units
            base = remaining if units == quantity else remaining * units // quantity
            if kind == "percent_off":
                saving = share_of(base, ratio)
            elif kind == "amount_off":
                saving = effect.amount * units
            else:  # fixed_price
                saving = base - effect.amount * units
            if saving > 0:
                amounts[state.line.line_id] = min(saving, remaining)
        return amounts

    def _free_unit_savings(self, rule: Rule) -> dict[int, Money]:
        """Buy X get Y: the cheapest units of each set of X + Y are free (or discounted)."""
        effect = rule.effect
        unit_prices = [
            (s.unit_remaining, s.line.product.sku, s.line.line_id)
            for s in self.lines_in(effect.target)
            if s.remaining > 0
            for _ in range(s.line.quantity)
        ]
        unit_prices.sort(key=lambda u: (-u[0], u[1]))
        size = effect.buy + effect.get
        sets = len(unit_prices) // size
        if rule.limit_per_receipt is not None:
            sets = min(sets, rule.limit_per_receipt)
        ratio = self.ratios[rule.rule_id]
        amounts: dict[int, Money] = {}
        for number in range(sets):
            for price, _, line_id in unit_prices[number * size + effect.buy : (number + 1) * size]:
                amounts[line_id] = amounts.get(line_id, 0) + share_of(price, ratio)
        return {k: v for k, v in amounts.items() if v > 0}

    def apply_line_slot(self, slot: list[Rule]) -> None:
        if len(slot) == 1:  # a stackable rule: nothing to choose
            chosen = [(slot[0], self.savings(slot[0]))]
        else:
            offers = [offer for offer in map(self.offer, slot) if offer.value > 0]
            chosen = [(o.rule, o.amounts) for o in best_combination(offers, self.rank)]
        by_id = self.by_id
        for rule, amounts in chosen:
            head = self.adjustment_heads[rule.rule_id]
            for line_id, amount in amounts.items():  # each within what is left of its line
                state = by_id[line_id]
                state.adjustments.append(Adjustment(*head, amount))
                state.remaining -= amount

    def _discount(self, state: _LineState, rule: Rule, amount: Money) -> None:
        amount = min(amount, state.remaining)
        if amount > 0:
            state.adjustments.append(Adjustment(*self.adjustment_heads[rule.rule_id], amount))
            state.remaining -= amount

    # -- stamps ---------------------------------------------------------------------------

    def apply_stamps(self, rule: Rule) -> None:
        """Each qualifying unit is a stamp; each completed card makes the cheapest unit free."""
        assert self.member is not None
        effect = rule.effect
        before = self.member.stamps.get(effect.stamp_card, 0) % effect.every
        stamped = self.lines_in(effect.target)
        added = sum(s.line.quantity for s in stamped)
        if not added:
            return
        free_total, after = divmod(before + added, effect.every)
        free_left = free_total
        for state in sorted(stamped, key=lambda s: (s.unit_remaining, s.line.product.sku)):
            state.stamp_cards.append(effect.stamp_card)
            free = min(free_left, state.line.quantity)
            if free:
                free_left -= free
                self._discount(state, rule, state.remaining * free // state.line.quantity)
        card = StampCard(effect.stamp_card, rule.rule_id, before, added, after, free_total)
        self.stamp_cards.append(card)

    # -- receipt discounts and points ------------------------------------------------------------

    def total(self) -> Money:
        return sum(s.remaining for s in self.lines)

    def _allocate(self, amount: Money) -> list[Money]:
        """Spread an amount over the lines by what is left of them; ties go by SKU."""
        return allocate(
            amount, [s.remaining for s in self.lines], [s.line.product.sku for s in self.lines]
        )

    def apply_receipt_slot(self, slot: list[Rule]) -> None:
        total = self.total()
        best: tuple[Money, Rule] | None = None
        for rule in slot:
            effect = rule.effect
            if total <= 0 or total < effect.threshold:
                continue
            if effect.kind == "receipt_percent_off":
                saving = share_of(total, self.ratios[rule.rule_id])
            else:
                saving = min(effect.amount, total)
            if saving > 0 and (best is None or saving > best[0]):
                best = (saving, rule)
        if best is None:
            return
        saving, rule = best
        for state, share in zip(self.lines, self._allocate(saving), strict=True):
            self._discount(state, rule, share)

    def redeem_points(self) -> None:
        member = self.member
        if member is None:
            return
        policy = self.ruleset.points
        self.redeemable = policy.redeemable(self.total(), member.points)
        points = min(max(self.context.redeem_points, 0), self.redeemable)
        if not points:
            return
        shares = self._allocate(points * policy.kopecks_per_point)
        for state, share in zip(self.lines, shares, strict=True):
            state.points_paid += share
            state.remaining -= share
        self.points_redeemed = points

    def earn_points(self, bonus_slots: list[list[Rule]]) -> None:
        member = self.member
        if member is None:
            return
        earning = self.ruleset.earning
        paid = self.total()
        if earning.earn_on_points_paid:
            paid += sum(s.points_paid for s in self.lines)
        base = earning.points_for(paid, member.tier)
        self.awards.append(PointsAward(None, base))
        for slot in bonus_slots:
            options = [(self._bonus(rule, base), rule) for rule in slot]
            points, rule = max(options, key=lambda o: (o[0], -self.rank[o[1].rule_id]))
            if points > 0:
                self.awards.append(PointsAward(rule.rule_id, points))

    def _bonus(self, rule: Rule, base: int) -> int:
        effect = rule.effect
        if effect.bonus_mode == "fixed":
            return effect.points
        if effect.bonus_mode == "multiplier":
            return int(Decimal(base) * (effect.multiplier - 1))
        spent = sum(s.remaining for s in self.lines_in(effect.target))
        return spent // effect.per_amount * effect.points

    # -- hints and result ---------------------------------------------------------------------

    def hints(self, rules: list[Rule], eligible_ids: set[int]) -> Iterable[Note]:
        for rule in rules:
            if rule.rule_id not in self.in_context:
                continue
            if id(rule) not in eligible_ids:
                units, amount = self.missing[rule.rule_id]
            elif rule.effect.kind == "buy_x_get_y":
                units, amount = self._units_to_next_free_set(rule), 0
            elif rule.effect.kind in RECEIPT_EFFECTS:
                units, amount = 0, max(rule.effect.threshold - self.total_before_receipt, 0)
            else:
                continue
            if units:
                yield Note(
                    rule.rule_id,
                    f"Ещё {units} шт. — и сработает «{rule.name_ru}»",
                    f"{units} more and “{rule.name_en}” applies",
                )
            elif amount:
                money = format_money(amount)
                yield Note(
                    rule.rule_id,
                    f"Ещё на {money} — и сработает «{rule.name_ru}»",
                    f"{money} more and “{rule.name_en}” applies",
                )

    def _units_to_next_free_set(self, rule: Rule) -> int:
        effect = rule.effect
        count = sum(s.line.quantity for s in self.lines_in(effect.target))
        size = effect.buy + effect.get
        done = count // size
        if rule.limit_per_receipt is not None and done >= rule.limit_per_receipt:
            return 0
        partial = count % size
        return size - partial if partial >= effect.buy else 0

    def result(self, coupons: tuple[Note, ...], hints: tuple[Note, ...]) -> PricedReceipt:
        return PricedReceipt(
            lines=tuple(
                PricedLine(s.line, tuple(s.adjustments), s.points_paid, tuple(s.stamp_cards))
                for s in self.lines
            ),
            ruleset_version=self.ruleset.version,
            awards=tuple(self.awards),
            points_redeemed=self.points_redeemed,
            redeemable_points=self.redeemable,
            stamps=tuple(self.stamp_cards),
            coupons=coupons,
            hints=hints,
        )


PricingEngine.job_type = _Job


def _labels(effect: Effect) -> tuple[str, str]:
    if effect.kind in ("percent_off", "receipt_percent_off"):
        label = f"−{effect.percent.normalize():f}%"
        return label, label
    if effect.kind in ("amount_off", "receipt_amount_off"):
        label = f"−{format_money(effect.amount)}"
        return label, label
    if effect.kind == "fixed_price":
        return f"по {format_money(effect.amount)}", f"at {format_money(effect.amount)}"
    if effect.kind == "buy_x_get_y":
        label = f"{effect.buy}+{effect.get}"
        return label, label
    return "Штамп:", "Stamp card:"
