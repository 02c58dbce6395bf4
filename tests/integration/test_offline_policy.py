"""Three terminals offline, one member with 1,000 points, each terminal capped at 300: the
overdraft after sync is at most what the policy allows, and every conflict is reported."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from loyalty_hub.server import EmbeddedHub
from pos_client.checkout import Checkout, HubContact, Till
from pos_client.checkout_errors import CheckoutError
from pos_client.store.caches import Caches
from pos_client.store.db import open_database
from pos_client.store.journal import Journal
from pos_client.sync.client import HubClient
from pos_client.sync.engine import SyncEngine
from tests.conftest import CAPPUCCINO, GOLD_CARD, OUTLET

pytestmark = pytest.mark.integration

MEMBER = "M-00004"
CAP = 300
SILVER_CARD = "2780000000030"


def utc_now() -> datetime:
    return datetime.now(UTC)


def an_hour_offline() -> HubContact:
    return HubContact(online=False, last_contact=utc_now() - timedelta(hours=1))


@dataclass
class Terminal:
    checkout: Checkout
    journal: Journal
    engine: SyncEngine


@pytest.fixture
def terminals(hub: EmbeddedHub, tmp_path: Path) -> Iterator[list[Terminal]]:
    with hub.store.transaction() as conn:
        policy = {"max_points_per_sale": CAP, "max_points_per_terminal": CAP}
        conn.execute("INSERT OR REPLACE INTO settings VALUES ('offline', ?)", [json.dumps(policy)])
        conn.execute("UPDATE members SET points = 1000 WHERE member_id = ?", [MEMBER])
        conn.execute(
            "UPDATE points_ledger SET points = 1000 WHERE member_id = ? AND kind = 'opening'",
            [MEMBER],
        )
    made, closing = [], []
    for number in (1, 2, 3):
        terminal_id, token = hub.store.add_terminal(OUTLET, f"{OUTLET}-T9{number}")
        db = open_database(tmp_path / f"terminal{number}.sqlite3")
        client = HubClient(hub.url, token)
        journal, caches = Journal(db), Caches(db)
        engine = SyncEngine(client, journal, caches, utc_now)
        engine.sync_once()
        checkout = Checkout(
            journal=journal,
            caches=caches,
            till=Till(OUTLET, terminal_id),
            clock=utc_now,
            hub_contact=an_hour_offline,
        )
        made.append(Terminal(checkout, journal, engine))
        closing += [client, db]
    yield made
    for thing in closing:
        thing.close()


def spend_offline(checkout: Checkout, card: str, wanted: int) -> None:
    for _ in range(8):
        checkout.scan(CAPPUCCINO)
    checkout.identify_card(card)
    checkout.set_redeem_points(wanted)
    checkout.pay("card", 0)


def test_three_offline_terminals_overdraw_no_more_than_the_policy_allows(
    hub: EmbeddedHub, terminals: list[Terminal]
) -> None:
    with hub.store.transaction() as conn:  # meanwhile the member spends 500 in the web shop
        conn.execute("UPDATE members SET points = 500 WHERE member_id = ?", [MEMBER])
        conn.execute(
            "INSERT INTO points_ledger (member_id, transaction_key, points, kind, created_on)"
            " VALUES (?, 'web-order', -500, 'burn', ?)",
            [MEMBER, utc_now().date().isoformat()],
        )
    for terminal in terminals:
        terminal.checkout.scan(CAPPUCCINO)
        terminal.checkout.identify_card(GOLD_CARD)
        assert terminal.checkout.redeemable_points() <= CAP
        terminal.checkout.cancel()
        spend_offline(terminal.checkout, GOLD_CARD, CAP)

    first = terminals[0].checkout
    first.scan(CAPPUCCINO)
    first.identify_card(GOLD_CARD)
    with pytest.raises(CheckoutError) as once:
        first.redeemable_points()
    assert once.value.code == "offline_once_per_member"
    first.cancel()
    first.scan(CAPPUCCINO)
    first.identify_card(SILVER_CARD)
    with pytest.raises(CheckoutError) as capped:
        first.redeemable_points()
    assert (capped.value.code, capped.value.params) == ("offline_terminal_cap", {"limit": CAP})
    first.cancel()

    reports = [terminal.engine.sync_once() for terminal in terminals]
    overdraft = sum(
        row["points"]
        for row in hub.store.query(
            "SELECT points FROM points_ledger WHERE member_id = ? AND kind = 'overdraft'",
            (MEMBER,),
        )
    )
    assert overdraft == 3 * CAP - 500 <= 3 * CAP  # 400 points spent that were gone
    reported = [
        problem
        for terminal in terminals
        for problem in terminal.journal.problems()
        if problem.list == "conflict"
    ]
    assert sum(report.conflicts for report in reports) == len(reported) == 2
    assert {problem.reason for problem in reported} == {"points_overdrawn"}
    assert sum(problem.overdraft or 0 for problem in reported) == overdraft
    assert all(terminal.journal.queue_state().waiting == 0 for terminal in terminals)


def test_no_points_are_spent_after_too_long_offline(terminals: list[Terminal]) -> None:
    checkout = terminals[0].checkout
    checkout._hub_contact = lambda: HubContact(False, utc_now() - timedelta(hours=25))
    checkout.scan(CAPPUCCINO)
    checkout.identify_card(GOLD_CARD)
    with pytest.raises(CheckoutError) as refused:
        checkout.set_redeem_points(10)
    assert (refused.value.code, refused.value.params) == ("offline_too_long", {"limit": 24})
    assert checkout.redeem_points == 0
