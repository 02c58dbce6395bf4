"""What the sync contract adds beyond exactly-once: ETag, deltas, a bounded member cache,
coupon holds and single use, returns, conflicts repeated as duplicates, and the CLI."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from loyalty_hub.cli import main as hub_main
from loyalty_hub.server import EmbeddedHub
from pos_client.checkout import Checkout, Till
from pos_client.checkout_errors import CheckoutError
from pos_client.cli import main
from pos_client.core.sale import Sale
from pos_client.store.caches import Caches
from pos_client.store.db import open_database
from pos_client.store.journal import Journal, OutboxItem, SaleForReturn
from pos_client.sync.client import HubClient
from pos_client.sync.engine import SyncEngine, SyncReport
from pos_client.sync.errors import HubRefused, HubWrongTerminal, TerminalIdentity
from tests.conftest import CAPPUCCINO, CROISSANT, GOLD_CARD, OUTLET, TERMINAL

pytestmark = pytest.mark.integration

MEMBER = "M-00004"
CHOCOLATES = "4607012340429"  # 399,90


def utc_now() -> datetime:
    return datetime.now(UTC)


def checkout_for(journal: Journal, caches: Caches) -> Checkout:
    return Checkout(journal=journal, caches=caches, till=Till(OUTLET, TERMINAL), clock=utc_now)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def member_points(hub: EmbeddedHub) -> int:
    return int(hub.store.query("SELECT points FROM members WHERE member_id = ?", (MEMBER,))[0][0])


def test_an_unchanged_ruleset_is_not_sent_again(hub: EmbeddedHub, hub_token: str) -> None:
    with HubClient(hub.url, hub_token) as client:
        first = client.fetch("/v1/ruleset")
        assert first.data is not None and first.etag
        assert client.fetch("/v1/ruleset", etag=first.etag).data is None
        with hub.store.transaction() as conn:
            conn.execute("UPDATE settings SET value = '3' WHERE key = 'ruleset_version'")
        changed = client.fetch("/v1/ruleset", etag=first.etag)
        assert changed.data is not None and changed.data["version"] == 3
        assert changed.etag != first.etag


def test_the_catalog_comes_as_deltas(
    hub: EmbeddedHub, primed: SyncEngine, caches: Caches, hub_token: str
) -> None:
    _, cursor = caches.state("catalog")
    hub.store.put_product(
        {
            "sku": "SKU-0999",
            "barcode": "4607012349996",
            "name_ru": "Сырник",
            "name_en": "Syrnik",
            "category": "bakery",
            "price": 9000,
        }
    )
    hub.store.delete_product("SKU-0011")
    with HubClient(hub.url, hub_token) as client:
        delta = client.get_json("/v1/catalog", since=int(cursor or 0))
    assert (delta["full"], [p["sku"] for p in delta["products"]]) == (False, ["SKU-0999"])
    assert delta["removed"] == ["SKU-0011"]
    report = primed.sync_once()
    assert report.pulled["catalog"] == delta["cursor"]
    assert caches.product_by_barcode("4607012349996") is not None
    assert caches.product_by_barcode(CROISSANT) is None


def test_the_member_cache_is_bounded_and_follows_the_regulars(
    hub: EmbeddedHub,
    hub_token: str,
    make_engine,
    journal: Journal,
    caches: Caches,  # type: ignore[no-untyped-def]
) -> None:
    with hub.store.transaction() as conn:
        conn.execute("INSERT OR REPLACE INTO settings VALUES ('member_cache_limit', '5')")
    engine = make_engine(hub.url, hub_token)
    engine.sync_once()
    assert caches.member_count() == 5
    outsider = "M-00020"
    assert caches.member_by_id(outsider) is None
    with hub.store.transaction() as conn:  # the outsider becomes this outlet's best customer
        conn.execute(
            "INSERT INTO member_visits VALUES (?, ?, 50, ?)",
            [OUTLET, outsider, utc_now().isoformat()],
        )
    report = engine.sync_once()
    assert isinstance(report.pulled["members"], str)
    assert caches.member_count() == 5
    assert caches.member_by_id(outsider) is not None


def test_a_terminal_revoked_from_the_command_line_is_refused_at_its_next_request(
    hub: EmbeddedHub, hub_token: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "hub.sqlite3")  # the hub fixture's database, changed by another process
    with HubClient(hub.url, hub_token) as client:
        client.fetch("/v1/ruleset")
        assert hub_main(["terminal", "revoke", TERMINAL, "--db", db]) == 0
        with pytest.raises(HubRefused):
            client.fetch("/v1/ruleset")
    assert hub_main(["terminal", "revoke", "nobody", "--db", db]) == 2
    assert "unknown terminal 'nobody'" in capsys.readouterr().err


def test_a_member_uses_a_coupon_once(hub: EmbeddedHub, hub_token: str) -> None:
    _, other_token = hub.store.add_terminal(OUTLET, f"{OUTLET}-T77")
    with HubClient(hub.url, hub_token) as ours, HubClient(hub.url, other_token) as theirs:
        assert ours.reserve_coupon("WELCOME-200", MEMBER) is None
        assert ours.reserve_coupon("WELCOME-200", MEMBER) is None  # our own hold renews
        assert theirs.reserve_coupon("WELCOME-200", MEMBER) == "coupon_reserved_elsewhere"
        ours.release_coupon("WELCOME-200", MEMBER)
        assert theirs.reserve_coupon("WELCOME-200", MEMBER) is None
        assert ours.reserve_coupon("WELCOME-200", "M-99999") == "unknown_member"


def coupon_sale(checkout: Checkout) -> None:
    for _ in range(3):  # the coupon takes 200 off a receipt from 1,000
        checkout.scan(CHOCOLATES)
    checkout.identify_card(GOLD_CARD)
    checkout.take_coupon("WELCOME-200")
    sale = checkout.pay("card", 0)
    assert sale.coupons_used == ("WELCOME-200",)


def test_a_coupon_used_twice_is_a_conflict_reported_again_as_a_duplicate(
    hub: EmbeddedHub,
    hub_token: str,
    primed: SyncEngine,
    journal: Journal,
    caches: Caches,
    tmp_path: Path,
) -> None:
    checkout = checkout_for(journal, caches)
    coupon_sale(checkout)
    assert primed.sync_once().conflicts == 0
    # The hub prices it again with the coupon the till took, and agrees.
    hub.reprice_waiting()
    assert hub.store.query("SELECT * FROM pricing_mismatches") == []
    checkout.scan(CHOCOLATES)
    checkout.identify_card(GOLD_CARD)
    with pytest.raises(CheckoutError) as refused:  # this till knows it was used here
        checkout.take_coupon("WELCOME-200")
    assert refused.value.code == "coupon_used_here"
    checkout.cancel()

    # Another till of the outlet has no record of that use and takes the same coupon.
    other_id, other_token = hub.store.add_terminal(OUTLET, "spb-nevsky-T0002")
    other_db = open_database(tmp_path / "other.sqlite3")
    other_journal, other_caches = Journal(other_db), Caches(other_db)
    with HubClient(hub.url, other_token) as client:
        other = SyncEngine(client, other_journal, other_caches, utc_now)
        other.sync_once()
        coupon_sale(
            Checkout(
                journal=other_journal,
                caches=other_caches,
                till=Till(OUTLET, other_id),
                clock=utc_now,
            )
        )
        report = other.sync_once()
    assert report.conflicts == 1
    [problem] = other_journal.problems()
    other_db.close()
    assert (problem.list, problem.reason) == ("conflict", "coupon_already_used")

    key = problem.key
    body = json.loads(problem.body)
    with httpx.Client(base_url=hub.url, headers=bearer(other_token)) as http:
        again = http.post(
            "/v1/transactions", json={"items": [{"key": key, "kind": "sale", "body": body}]}
        ).json()["results"][0]
    assert (again["status"], again["first_status"], again["reason"]) == (
        "duplicate",
        "conflict",
        "coupon_already_used",
    )


def member_sale_waiting(journal: Journal, caches: Caches) -> tuple[Sale, OutboxItem]:
    """A cappuccino sold to the gold member, waiting in the outbox."""
    checkout = checkout_for(journal, caches)
    checkout.scan(CAPPUCCINO)
    checkout.identify_card(GOLD_CARD)
    sale = checkout.pay("card", 0)
    [item] = journal.outbox_batch(1)
    return sale, item


def test_a_key_sent_twice_in_one_batch_applies_once_and_a_reused_key_is_rejected(
    hub: EmbeddedHub, hub_token: str, primed: SyncEngine, journal: Journal, caches: Caches
) -> None:
    sale, item = member_sale_waiting(journal, caches)
    body = json.loads(item.body)
    before = member_points(hub)
    sent = {"key": item.key, "kind": "sale", "body": body}
    changed = {**sent, "body": {**body, "cashier_name": "someone else"}}
    with httpx.Client(base_url=hub.url, headers=bearer(hub_token)) as http:
        results = http.post("/v1/transactions", json={"items": [sent, sent, changed]}).json()
    assert [(r["status"], r["first_status"], r["reason"]) for r in results["results"]] == [
        ("applied", None, None),
        ("duplicate", "applied", None),
        ("rejected", None, "key_reused"),
    ]
    assert member_points(hub) == before + sale.points_earned - sale.points_redeemed
    assert len(hub.store.query("SELECT key FROM transactions WHERE key = ?", (item.key,))) == 1


def test_a_body_with_text_that_is_not_unicode_is_rejected_and_changes_nothing(
    hub: EmbeddedHub, hub_token: str, primed: SyncEngine, journal: Journal, caches: Caches
) -> None:
    _, item = member_sale_waiting(journal, caches)
    before = member_points(hub)
    # JSON can escape half of a surrogate pair, which no UTF-8 text can hold.
    body = item.body.replace('"cashier_name": ""', '"cashier_name": "\\ud800"')
    assert body != item.body
    content = f'{{"items":[{{"key":"{item.key}","kind":"sale","body":{body}}}]}}'
    with httpx.Client(base_url=hub.url, headers=bearer(hub_token)) as http:
        answer = http.post(
            "/v1/transactions", content=content, headers={"Content-Type": "application/json"}
        )
    [result] = answer.json()["results"]
    assert (result["status"], result["reason"]) == ("rejected", "invalid: text that is not Unicode")
    assert member_points(hub) == before
    assert not hub.store.query("SELECT key FROM transactions WHERE key = ?", (item.key,))


def test_a_return_takes_back_points_once_and_never_more_than_was_sold(
    hub: EmbeddedHub, hub_token: str, primed: SyncEngine, journal: Journal, caches: Caches
) -> None:
    checkout = checkout_for(journal, caches)
    for _ in range(3):
        checkout.scan(CAPPUCCINO)
    checkout.identify_card(GOLD_CARD)
    sale = checkout.pay("card", 0)
    primed.sync_once()
    before = member_points(hub)

    found = checkout.returns.find_receipt(str(sale.number))
    assert isinstance(found, SaleForReturn)
    back = checkout.returns.return_lines(found, {0: 2})
    assert back.plan.points_reversed > 0
    with pytest.raises(CheckoutError) as too_many:
        checkout.returns.return_lines(found, {0: 2})
    assert too_many.value.code == "bad_return"
    with pytest.raises(CheckoutError) as unknown:
        checkout.returns.return_lines(
            replace(found, sale=replace(sale, sale_id="no-such-sale")), {0: 1}
        )
    assert unknown.value.code == "unknown_receipt"

    report = primed.sync_once()
    assert (report.sent, report.applied) == (1, 1)
    assert member_points(hub) == before - back.plan.points_reversed
    assert primed.sync_once().sent == 0

    forged = {**back.to_dict(), "return_id": "forged-return"}
    forged["lines"] = [{"position": 0, "quantity": 2, "refund": back.plan.refund}]
    with httpx.Client(base_url=hub.url, headers=bearer(hub_token)) as http:
        answer = http.post(
            "/v1/transactions",
            json={"items": [{"key": "forged-return", "kind": "return", "body": forged}]},
        ).json()["results"][0]
    assert (answer["status"], answer["reason"]) == ("rejected", "return_exceeds_sale")
    assert member_points(hub) == before - back.plan.points_reversed


def test_sync_once_and_status_on_the_command_line(
    journal: Journal,
    caches: Caches,
    cli_config: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = cli_config
    assert main([*config, "sync", "--once", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["sent"] == 0 and first["pulled"]["ruleset"] == 2
    assert abs(first["clock_skew_s"]) < 5

    checkout = checkout_for(journal, caches)
    checkout.reload_rules()
    checkout.scan(CAPPUCCINO)
    checkout.pay("card", 0)
    assert main([*config, "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert (status["waiting"], status["dead_letters"], status["conflicts"]) == (1, 0, 0)
    assert status["oldest_unsent"] and status["last_sync"]
    assert set(status["caches"]) == {"ruleset", "catalog", "members", "keys", "staff"}
    assert main([*config, "status"]) == 0
    text = capsys.readouterr().out
    local = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4} \(\d+ s ago\)"  # local time and age
    assert re.search(rf"^oldest unsent    {local}$", text, re.MULTILINE), text
    assert re.search(rf"^last sync        {local}$", text, re.MULTILINE), text
    assert re.search(rf"^cache ruleset    version 2, updated {local}$", text, re.MULTILINE)

    assert main([*config, "sync", "--once"]) == 0
    assert "sent 1: applied 1, duplicate 0" in capsys.readouterr().out
    monkeypatch.setenv("POS_CLIENT_TOKEN", "wrong-token-wrong-token")
    assert main([*config, "sync", "--once"]) == 1
    assert "refused" in capsys.readouterr().err


def test_a_till_set_up_with_another_tills_token_sends_nothing_until_it_has_its_own(
    hub: EmbeddedHub,
    hub_token: str,
    journal: Journal,
    caches: Caches,
) -> None:
    """The token of T01 pasted into T77's settings: its sales would be refused as another
    outlet's or filed under T01, so the till asks the hub whose token it is and sends nothing."""
    seventy_seven = f"{OUTLET}-T77"
    _, own_token = hub.store.add_terminal(OUTLET, seventy_seven)
    with HubClient(hub.url, own_token) as client:
        SyncEngine(client, journal, caches, utc_now).pull(SyncReport())
    checkout = Checkout(
        journal=journal, caches=caches, till=Till(OUTLET, seventy_seven), clock=utc_now
    )
    checkout.scan(CAPPUCCINO)
    checkout.pay("card", 0)
    identity = TerminalIdentity(seventy_seven, OUTLET)
    with HubClient(hub.url, hub_token) as client:
        engine = SyncEngine(client, journal, caches, utc_now, terminal=identity)
        with pytest.raises(HubWrongTerminal) as refused:
            engine.sync_once()
    assert str(refused.value) == (
        f"the hub knows this token as terminal {TERMINAL} of outlet {OUTLET};"
        f" this till is set up as terminal {seventy_seven} of outlet {OUTLET}"
    )
    assert journal.queue_state().waiting == 1 and journal.problems() == []
    assert hub.store.query("SELECT COUNT(*) FROM transactions")[0][0] == 0
    with HubClient(hub.url, own_token) as client:
        report = SyncEngine(client, journal, caches, utc_now, terminal=identity).sync_once()
    assert (report.sent, report.applied) == (1, 1)
