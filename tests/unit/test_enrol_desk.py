from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

import pytest

from loyalty_hub.seed import demo_seed
from pos_client.checkout import Checkout
from pos_client.checkout_errors import CheckoutError
from pos_client.core.catalog import Product
from pos_client.enrol_desk import EnrolDesk, EnrolForm
from pos_client.store.caches import Caches
from pos_client.store.db import dict_rows
from pos_client.store.journal import Journal
from tests.conftest import CAPPUCCINO, GOLD_CARD, OUTLET, fixed_clock

NEW_CARD = "2780000000993"  # a programme card nobody has yet (valid EAN-13)
FORM = EnrolForm(name="Ольга Петрова", phone="8 (921) 000-12-34", terms_accepted=True)


@pytest.fixture
def desk(with_phones: Checkout, journal: Journal, caches: Caches) -> EnrolDesk:
    seed = demo_seed()
    caches.replace_catalog(1, [Product.from_dict(p) for p in seed["products"]], fixed_clock())
    outlet = next(o for o in seed["outlets"] if o["id"] == OUTLET)
    caches.replace_ruleset(1, {**seed["ruleset"], "outlet": outlet}, fixed_clock())
    with_phones.reload_rules()
    ids = iter(f"{n:032x}" for n in range(0xABC000, 0xABC100))
    return EnrolDesk(with_phones, journal, caches, fixed_clock, lambda: next(ids))


def written(db: sqlite3.Connection) -> tuple[int, int]:
    outbox = db.execute("SELECT COUNT(*) FROM outbox WHERE kind = 'enrolment'").fetchone()[0]
    return outbox, db.execute("SELECT count(*) FROM enrolments").fetchone()[0]


def test_a_new_member_is_journaled_queued_cached_and_put_on_the_receipt(
    desk: EnrolDesk, with_phones: Checkout, terminal_db: sqlite3.Connection
) -> None:
    with_phones.scan(CAPPUCCINO)
    member = desk.enrol(replace(FORM, card=NEW_CARD, marketing=True))
    assert with_phones.member == member and member.name == "Ольга Петрова"
    assert (member.card, member.points, member.marketing_consent) == (NEW_CARD, 0, True)
    assert with_phones.priced.points_earned > 0  # this purchase already earns
    body = json.loads(terminal_db.execute("SELECT body FROM outbox").fetchone()[0])
    assert body["phone"] == "+79210001234" and body["consent"]["marketing"] is True
    assert body["consent"]["given_at"] == fixed_clock().isoformat()
    row = dict_rows(terminal_db.execute("SELECT * FROM enrolments"))[0]
    assert (row["member_id"], row["marketing"], row["terms_version"]) == (
        member.member_id,
        1,
        "2026-03",
    )
    with_phones.cancel()
    assert with_phones.identify_phone("+7 921 000-12-34").member_id == member.member_id


def test_without_the_terms_consent_nothing_is_enrolled(
    desk: EnrolDesk, with_phones: Checkout, terminal_db: sqlite3.Connection
) -> None:
    with pytest.raises(CheckoutError) as refused:
        desk.enrol(EnrolForm(name="Ольга Петрова", phone="89210001234", marketing=True))
    assert refused.value.code == "enrol_no_terms_consent"
    assert written(terminal_db) == (0, 0) and with_phones.member is None


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"name": "1"}, "enrol_name"),
        ({"phone": "12"}, "bad_phone"),
        ({"phone": "+7 916 555-00-04"}, "enrol_phone_known"),  # the gold member's number
        ({"card": GOLD_CARD}, "enrol_card_taken"),
        ({"card": "4607012340016"}, "enrol_bad_card"),  # a product, not a card
    ],
)
def test_bad_or_taken_details_are_refused_and_change_nothing(
    desk: EnrolDesk, terminal_db: sqlite3.Connection, change: dict[str, str], code: str
) -> None:
    with pytest.raises(CheckoutError) as refused:
        desk.enrol(replace(FORM, **change))
    assert refused.value.code == code
    assert written(terminal_db) == (0, 0)


def test_a_receipt_with_a_member_on_it_takes_no_enrolment(
    desk: EnrolDesk, with_phones: Checkout
) -> None:
    with_phones.identify_card(GOLD_CARD)
    with pytest.raises(CheckoutError) as refused:
        desk.enrol(FORM)
    assert refused.value.code == "enrol_member_on_receipt"
