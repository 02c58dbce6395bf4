"""Customers who join at the till reach the hub with their consent, before the purchases
they make as members; a number that meanwhile joined elsewhere is reported, not lost."""

from __future__ import annotations

from datetime import datetime

import pytest

from loyalty_hub.server import EmbeddedHub
from pos_client.checkout import Checkout
from pos_client.enrol_desk import EnrolDesk, EnrolForm
from pos_client.store.caches import Caches
from pos_client.store.journal import Journal
from pos_client.store.secret_file import SecretFile
from pos_client.sync.engine import SyncEngine
from tests.conftest import CAPPUCCINO
from tests.integration.test_phone_lookup import till, utc_now

pytestmark = pytest.mark.integration

NEW_CARD = "2780000000993"


@pytest.fixture
def checkout(
    synced: SyncEngine, journal: Journal, caches: Caches, phone_key: SecretFile
) -> Checkout:
    return till(journal, caches, phone_key)


def test_a_member_who_joins_and_buys_reaches_the_hub_with_consent_and_points(
    hub: EmbeddedHub, synced: SyncEngine, checkout: Checkout, journal: Journal, caches: Caches
) -> None:
    desk = EnrolDesk(checkout, journal, caches, utc_now)
    checkout.scan(CAPPUCCINO)
    form = EnrolForm("Ольга Петрова", "8 921 000-12-34", NEW_CARD, terms_accepted=True)
    member = desk.enrol(form)
    sale = checkout.pay("card", 0)
    assert sale.member_id == member.member_id and sale.points_earned > 0

    report = synced.sync_once()
    assert (report.applied, report.rejected, report.conflicts) == (2, 0, 0)
    (row,) = hub.store.query("SELECT * FROM members WHERE member_id = ?", (member.member_id,))
    assert (row["phone"], row["card"], row["purchases"]) == ("+79210001234", NEW_CARD, 1)
    (consent,) = hub.store.query("SELECT * FROM consents WHERE member_id = ?", (member.member_id,))
    assert (consent["terms_version"], consent["marketing"], consent["channel"]) == (
        "2026-03",
        0,
        "store",
    )
    assert datetime.fromisoformat(consent["given_at"]) <= sale.created_at
    assert synced.sync_once().sent == 0  # nothing twice


def test_a_number_that_joined_elsewhere_meanwhile_is_a_reported_conflict(
    hub: EmbeddedHub, synced: SyncEngine, checkout: Checkout, journal: Journal, caches: Caches
) -> None:
    with hub.store.transaction() as conn:  # the customer joined in the web shop meanwhile
        conn.execute(
            "INSERT INTO members (member_id, card, name, tier, points, phone)"
            " VALUES ('M-WEB000001', 'M-WEB000001', 'Ольга П.', 'basic', 0, '+79210001234')"
        )
    member = EnrolDesk(checkout, journal, caches, utc_now).enrol(
        EnrolForm("Ольга Петрова", "+7 921 000-12-34", terms_accepted=True, marketing=True)
    )
    report = synced.sync_once()
    assert report.conflicts == 1
    (problem,) = journal.problems()
    assert (problem.kind, problem.list, problem.reason) == (
        "enrolment",
        "conflict",
        "phone_already_enrolled",
    )
    (row,) = hub.store.query("SELECT * FROM members WHERE member_id = ?", (member.member_id,))
    assert row["phone"] is None and row["card"] == member.member_id  # kept, for staff to merge
