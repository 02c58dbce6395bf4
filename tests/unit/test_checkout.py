from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from loyalty_hub.seed import demo_seed
from pos_client.checkout import Checkout, Coupon, Till
from pos_client.checkout_errors import CheckoutError
from pos_client.core.catalog import Product
from pos_client.core.identity import AppToken, public_key_text, sign_token, time_step
from pos_client.core.loyalty import Member
from pos_client.core.scale import Weighing
from pos_client.open_receipt import Restored
from pos_client.store.caches import Caches
from pos_client.store.db import StoreError
from pos_client.store.journal import Journal
from pos_client.store.seen_tokens import SeenTokens
from tests.conftest import (
    CAPPUCCINO,
    CROISSANT,
    GOLD_CARD,
    GOUDA,
    GOUDA_754_G,
    MILK,
    OUTLET,
    TERMINAL,
    fixed_clock,
)

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


@pytest.fixture
def checkout(journal: Journal, caches: Caches) -> Checkout:
    return make_checkout(journal, caches)


def make_checkout(journal: Journal, caches: Caches, **extra: Any) -> Checkout:
    """A checkout on the demo seed's catalog, members and ruleset, with a fixed clock."""
    seed = demo_seed()
    caches.replace_catalog(1, [Product.from_dict(p) for p in seed["products"]], NOW)
    caches.replace_members(1, [Member.from_dict(m) for m in seed["members"]], NOW)
    outlet = next(o for o in seed["outlets"] if o["id"] == OUTLET)
    caches.replace_ruleset(1, {**seed["ruleset"], "outlet": outlet}, NOW)
    ids = iter(f"sale-{n}" for n in range(1, 100))
    return Checkout(
        journal=journal,
        caches=caches,
        till=Till(OUTLET, TERMINAL),
        clock=fixed_clock,
        new_id=lambda: next(ids),
        **extra,
    )


def test_a_whole_sale(checkout: Checkout, journal: Journal) -> None:
    checkout.scan(CAPPUCCINO)
    checkout.scan(CAPPUCCINO)
    checkout.scan(CROISSANT)
    member = checkout.identify_card(GOLD_CARD)
    priced = checkout.priced
    # 15% off the coffee, the member's 6th cup free (half of what is left), 10% off bakery
    assert priced.total == 38000 - 5700 - 16150 + 8900 - 890
    assert priced.points_earned == 24160 * 5 // 10000
    sale = checkout.pay("cash", 50000)
    assert (sale.number, sale.change, sale.member_id) == (1, 50000 - priced.total, "M-00004")
    assert checkout.receipt.is_empty and checkout.member is None
    assert journal.queue_state().waiting == 1
    balance = checkout.balance_of(member)
    assert (balance.active, balance.pending) == (member.points, sale.points_earned)


def test_handle_code_adds_products_and_identifies_cards(checkout: Checkout) -> None:
    assert isinstance(checkout.handle_code(MILK), Product)
    assert isinstance(checkout.handle_code(f" {GOLD_CARD}\n"), Member)
    assert checkout.member is not None


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("4607012340017", "bad_check_digit"),
        ("4600000000008", "unknown_code"),
        ("", "unreadable_code"),
        ("'; DROP TABLE sales; --", "unknown_code"),
        ("46070\x0012340016", "unreadable_code"),
        ("9" * 300, "unreadable_code"),
        ("RT-T01-5", "return_with_open_receipt"),
        ("SUMMER-10", "unknown_coupon"),
        ("LP1.k1.M-00004.1." + "A" * 86, "app_code_unknown_key"),
    ],
)
def test_bad_codes_change_nothing(checkout: Checkout, code: str, error: str) -> None:
    checkout.scan(MILK)
    before = checkout.receipt
    with pytest.raises(CheckoutError) as caught:
        checkout.handle_code(code)
    assert caught.value.code == error
    assert checkout.receipt == before


def test_a_scale_label_sells_its_weight_at_the_price_per_kg(
    checkout: Checkout, journal: Journal
) -> None:
    assert checkout.handle_code(GOUDA_754_G).sku == "SKU-0051"
    checkout.handle_code(GOUDA_754_G)  # a second package of the same weight: a line of its own
    priced = checkout.priced
    assert [pl.line.weighing for pl in priced.lines] == [Weighing(754, 89900)] * 2
    assert [pl.amount for pl in priced.lines] == [67785, 67785]
    assert priced.total == 2 * (67785 - 4745)  # dairy: 7% off
    sale = checkout.pay("card", 0)
    assert sale.to_dict()["lines"][0]["weighing"] == {"grams": 754, "price_per_kg": 89900}
    assert journal.last_sale() == sale


def test_goods_sold_by_weight_go_on_only_by_their_label(checkout: Checkout) -> None:
    with pytest.raises(CheckoutError, match="needs_weight"):
        checkout.handle_code(GOUDA)  # its own barcode, from the catalog, has no weight
    checkout.handle_code(GOUDA_754_G)
    before = checkout.receipt
    with pytest.raises(CheckoutError, match="weighed_quantity"):
        checkout.set_quantity(before.lines[0].line_id, 2)
    with pytest.raises(CheckoutError, match="unknown_plu"):
        checkout.handle_code("2200999007549")  # a label for goods the catalog lacks
    assert checkout.receipt == before


def test_unknown_card_and_bad_quantity(checkout: Checkout) -> None:
    with pytest.raises(CheckoutError, match="unknown_card"):
        checkout.identify_card("2780000099999")
    checkout.scan(MILK)
    with pytest.raises(CheckoutError, match="bad_quantity"):
        checkout.set_quantity(1, 0)
    with pytest.raises(CheckoutError, match="bad_quantity"):
        checkout.remove_line(42)
    checkout.set_quantity(1, 3)
    assert checkout.receipt.lines[0].quantity == 3


def test_paying_nothing_or_too_little_is_refused(checkout: Checkout, journal: Journal) -> None:
    with pytest.raises(CheckoutError, match="empty_receipt"):
        checkout.pay("cash", 100)
    checkout.scan(MILK)
    with pytest.raises(CheckoutError, match="cash_short"):
        checkout.pay("cash", 100)
    assert journal.sale_count() == 0
    assert not checkout.receipt.is_empty


def test_a_split_payment_journals_the_cash_and_the_card_part(
    checkout: Checkout, journal: Journal
) -> None:
    checkout.scan(MILK)
    total = checkout.priced.total
    for cash in (0, total, total + 100):
        with pytest.raises(CheckoutError, match="bad_split"):
            checkout.pay_split(cash)
    assert journal.sale_count() == 0 and len(checkout.receipt.lines) == 1
    sale = checkout.pay_split(5000)
    assert [(t.kind, t.amount, t.received) for t in sale.tenders] == [
        ("cash", 5000, 5000),
        ("card", total - 5000, total - 5000),
    ]
    assert sale.change == 0 and checkout.receipt.is_empty
    assert journal.last_sale() == sale


def test_read_only_database_keeps_the_receipt(checkout: Checkout, terminal_db) -> None:  # type: ignore[no-untyped-def]
    checkout.scan(MILK)
    checkout.identify_card(GOLD_CARD)
    terminal_db.execute("PRAGMA query_only = ON")
    with pytest.raises(CheckoutError) as caught:
        checkout.pay("card", 0)
    terminal_db.execute("PRAGMA query_only = OFF")
    assert caught.value.code == "store_read_only"
    assert len(checkout.receipt.lines) == 1 and checkout.member is not None
    assert terminal_db.execute("SELECT count(*) FROM sales").fetchone()[0] == 0


def test_locked_database_keeps_the_receipt(checkout: Checkout, terminal_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    checkout.scan(MILK)
    terminal_db.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(tmp_path / "terminal.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(CheckoutError) as caught:
            checkout.pay("card", 0)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert caught.value.code == "store_locked"
    assert len(checkout.receipt.lines) == 1
    assert checkout.pay("card", 0).number == 1


def test_without_a_cached_ruleset_sales_go_on_without_promotions(
    journal: Journal, caches: Caches
) -> None:
    caches.replace_catalog(1, [Product.from_dict(demo_seed()["products"][0])], NOW)
    checkout = Checkout(
        journal=journal, caches=caches, till=Till(OUTLET, TERMINAL), clock=fixed_clock
    )
    checkout.scan(CAPPUCCINO)
    assert checkout.priced.discount == 0
    assert checkout.pay("card", 0).ruleset_version == 0


KEY = Ed25519PrivateKey.from_private_bytes(bytes(32))


def app_code(member_id: str, *, step_offset: int = 0, key: Ed25519PrivateKey = KEY) -> str:
    step = time_step(fixed_clock().timestamp()) + step_offset
    return sign_token(AppToken("k1", member_id, step), key)


@pytest.fixture
def with_keys(
    checkout: Checkout, caches: Caches, journal: Journal, terminal_db: sqlite3.Connection
) -> Checkout:
    """The seeded terminal, with the hub's app code key and its memory of codes seen."""
    caches.replace_app_keys({"k1": public_key_text(KEY.public_key())}, NOW)
    till = Till(OUTLET, TERMINAL)
    return Checkout(
        journal=journal,
        caches=caches,
        till=till,
        clock=fixed_clock,
        seen_tokens=SeenTokens(terminal_db),
    )


def test_an_app_code_identifies_the_member_once(with_keys: Checkout) -> None:
    member = with_keys.handle_code(app_code("M-00004"))
    assert isinstance(member, Member) and member.member_id == "M-00004"
    with_keys.cancel()
    with pytest.raises(CheckoutError, match="app_code_replayed"):
        with_keys.handle_code(app_code("M-00004"))
    assert with_keys.member is None


@pytest.mark.parametrize(
    ("code", "error"),
    [
        (app_code("M-00004", step_offset=5), "app_code_expired"),
        (
            app_code("M-00004", key=Ed25519PrivateKey.from_private_bytes(b"x" * 32)),
            "app_code_bad_signature",
        ),
        (app_code("M-99999"), "unknown_member"),
    ],
)
def test_refused_app_codes_change_nothing(with_keys: Checkout, code: str, error: str) -> None:
    with pytest.raises(CheckoutError) as caught:
        with_keys.handle_code(code)
    assert caught.value.code == error
    assert with_keys.member is None


def test_a_coupon_of_the_outlet_is_taken_for_this_receipt(checkout: Checkout) -> None:
    checkout.identify_card(GOLD_CARD)
    for _ in range(10):
        checkout.scan(CAPPUCCINO)
    before = checkout.priced.total
    assert checkout.handle_code("WELCOME-200") == Coupon("WELCOME-200")
    assert before - checkout.priced.total == 20000
    with pytest.raises(CheckoutError, match="coupon_already_taken"):
        checkout.handle_code("WELCOME-200")
    checkout.cancel()
    assert checkout.coupons == frozenset()


def test_coupons_are_claimed_for_the_member_and_can_be_dropped(checkout: Checkout) -> None:
    checkout.take_coupon("WELCOME-200")
    assert checkout.coupon_claims() == frozenset()  # nobody to hold it for yet
    member = checkout.identify_card(GOLD_CARD)
    assert checkout.coupon_claims() == {("WELCOME-200", member.member_id)}
    checkout.drop_coupon("WELCOME-200")
    assert checkout.coupons == frozenset() and checkout.coupon_claims() == frozenset()


@pytest.mark.parametrize("typed", ["8 916 555-00-04", "+79165550004", "9165550004"])
def test_a_phone_number_finds_the_member_in_the_cache(with_phones: Checkout, typed: str) -> None:
    member = with_phones.identify_phone(typed)
    assert member.member_id == "M-00004"
    assert member.phone_masked == "+7 *** ***-00-04"
    assert with_phones.member == member


@pytest.mark.parametrize(
    ("typed", "error", "params"),
    [
        ("8 916 555-09-99", "unknown_phone", {"phone": "+7 *** ***-09-99"}),
        ("", "bad_phone", {"reason": "empty"}),
        ("916' OR 1=1 --", "bad_phone", {"reason": "not_a_number"}),
        ("+7 000", "bad_phone", {"reason": "invalid"}),
    ],
)
def test_phone_numbers_not_found_or_not_numbers_change_nothing(
    with_phones: Checkout, typed: str, error: str, params: dict[str, str]
) -> None:
    with pytest.raises(CheckoutError) as caught:
        with_phones.identify_phone(typed)
    assert (caught.value.code, caught.value.params) == (error, params)
    assert with_phones.member is None


def test_without_the_phone_key_the_cache_cannot_answer(
    with_phones: Checkout, tmp_path: Path
) -> None:
    (tmp_path / "phone.key").unlink()
    with pytest.raises(CheckoutError, match="unknown_phone"):
        with_phones.identify_phone("8 916 555-00-04")
    (tmp_path / "phone.key").write_text("not base64 !!!")
    with pytest.raises(CheckoutError, match="unknown_phone"):
        with_phones.identify_phone("8 916 555-00-04")


TEA = "4607012340092"  # black tea, 100 bags


def test_the_members_personal_offers_go_on_the_receipt_with_one_key(
    checkout: Checkout, caches: Caches
) -> None:
    with pytest.raises(CheckoutError) as nobody:
        checkout.take_offers()
    assert nobody.value.code == "offers_need_member"
    gold = next(m for m in demo_seed()["members"] if m["member_id"] == "M-00004")
    caches.replace_members(2, [Member.from_dict({**gold, "offers": ["OFFER-TEA20", "GONE"]})], NOW)
    checkout.identify_card(GOLD_CARD)
    checkout.scan(TEA)
    before = checkout.priced.total
    # "GONE" names no rule of this outlet: it is not offered
    assert checkout.member_offers() == [("OFFER-TEA20", "Персональное предложение: −20% на чай")]
    assert checkout.take_offers() == ["Персональное предложение: −20% на чай"]
    assert "OFFER-TEA20" in checkout.coupons and checkout.member_offers() == []
    assert checkout.priced.total == before - before // 5
    with pytest.raises(CheckoutError) as again:
        checkout.take_offers()
    assert again.value.code == "no_offers"

    checkout.pay("card", 0)  # the offer is used up at this till
    checkout.identify_card(GOLD_CARD)
    assert checkout.member_offers() == []


def test_the_open_receipt_comes_back_after_a_restart_with_its_member_coupon_and_points(
    checkout: Checkout, journal: Journal, caches: Caches
) -> None:
    assert checkout.restored is None
    checkout.scan(CAPPUCCINO)
    checkout.scan(MILK)
    checkout.set_quantity(1, 3)
    checkout.identify_card(GOLD_CARD)
    checkout.take_coupon("WELCOME-200")
    checkout.set_redeem_points(100)
    before = checkout.priced

    again = make_checkout(journal, caches)  # the till started again on the same journal
    assert again.restored == Restored(lines=2, member_lost=False)
    assert again.receipt == checkout.receipt
    assert again.member is not None and again.member.card == GOLD_CARD
    assert again.coupons == {"WELCOME-200"} and again.redeem_points == 100
    assert again.priced == before


def test_a_paid_or_cancelled_receipt_does_not_come_back(
    checkout: Checkout, journal: Journal, caches: Caches
) -> None:
    checkout.scan(CAPPUCCINO)
    checkout.pay("card", checkout.priced.total)
    assert journal.open_receipt() is None  # gone with the sale's own transaction
    assert make_checkout(journal, caches).restored is None
    checkout.scan(MILK)
    checkout.cancel()
    assert make_checkout(journal, caches).restored is None


def test_a_receipt_whose_member_left_the_cache_comes_back_without_them(
    checkout: Checkout, journal: Journal, caches: Caches
) -> None:
    checkout.scan(CROISSANT)
    checkout.identify_card(GOLD_CARD)
    caches.replace_members(2, [], NOW)
    again = Checkout(journal=journal, caches=caches, till=Till(OUTLET, TERMINAL), clock=fixed_clock)
    assert again.restored == Restored(lines=1, member_lost=True)
    assert again.member is None and [line.product.barcode for line in again.receipt.lines] == [
        CROISSANT
    ]


def test_a_change_the_journal_cannot_keep_still_happens(
    checkout: Checkout, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(_text: str | None, _now: datetime) -> None:
        raise StoreError("disk_full", "database or disk is full")

    monkeypatch.setattr(journal, "keep_open_receipt", refuse)
    checkout.scan(CAPPUCCINO)
    assert len(checkout.receipt.lines) == 1


def test_a_receipt_put_aside_is_taken_up_whole_once_the_till_is_free(
    checkout: Checkout, journal: Journal, caches: Caches
) -> None:
    checkout.scan(CAPPUCCINO)
    checkout.scan(MILK)
    checkout.identify_card(GOLD_CARD)
    before = checkout.priced
    first = checkout.park()
    assert checkout.receipt.is_empty and checkout.member is None
    assert journal.open_receipt() is None  # moved, not copied
    (listed,) = checkout.parked()
    assert (listed.park_id, listed.lines, listed.total) == (first, 2, before.total)

    checkout.scan(CROISSANT)  # the next customer
    with pytest.raises(CheckoutError, match="take_up_open_receipt"):
        checkout.take_up(first)
    checkout.pay("card", checkout.priced.total)

    again = make_checkout(journal, caches)  # even after a restart
    assert again.take_up(first) == Restored(lines=2, member_lost=False)
    assert again.priced == before and again.parked() == []
    assert make_checkout(journal, caches).restored == Restored(lines=2, member_lost=False)
    with pytest.raises(CheckoutError, match="parked_gone"):
        again.cancel()
        again.take_up(first)


def test_an_empty_receipt_is_not_put_aside(checkout: Checkout) -> None:
    checkout.identify_card(GOLD_CARD)
    with pytest.raises(CheckoutError, match="park_empty"):
        checkout.park()
    assert checkout.parked() == [] and checkout.member is not None
