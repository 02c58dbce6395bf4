"""Finding members by phone: the real hub online, the HMAC-keyed member cache offline."""

from __future__ import annotations

import json
import sqlite3
import stat
from pathlib import Path

import httpx
import pytest

from loyalty_hub.seed import demo_seed
from loyalty_hub.server import EmbeddedHub
from pos_client.checkout import Checkout, Till
from pos_client.checkout_errors import CheckoutError
from pos_client.core.phone import normalize_phone
from pos_client.store.caches import Caches
from pos_client.store.journal import Journal
from pos_client.store.secret_file import SecretFile
from pos_client.sync.client import HubClient
from pos_client.sync.engine import SyncEngine
from tests.conftest import OUTLET, TERMINAL
from tests.integration.conftest import utc_now

pytestmark = pytest.mark.integration

SEED_NUMBERS = [normalize_phone(m["phone"]) for m in demo_seed()["members"] if m.get("phone")]


def till(journal: Journal, caches: Caches, phone_key: SecretFile) -> Checkout:
    return Checkout(
        journal=journal,
        caches=caches,
        till=Till(OUTLET, TERMINAL),
        clock=utc_now,
        phone_key=phone_key,
    )


def test_offline_the_cache_finds_a_member_by_phone(
    hub: EmbeddedHub, synced: SyncEngine, journal: Journal, caches: Caches, phone_key: SecretFile
) -> None:
    hub.stop()
    member = till(journal, caches, phone_key).identify_phone("8 (916) 555-00-04")
    assert (member.member_id, member.phone_masked) == ("M-00004", "+7 *** ***-00-04")


def test_the_terminal_never_stores_a_number_and_keeps_the_key_apart(
    synced: SyncEngine, terminal_db: sqlite3.Connection, phone_key: SecretFile
) -> None:
    assert stat.S_IMODE(phone_key.path.stat().st_mode) == 0o600
    database = Path(terminal_db.execute("PRAGMA database_list").fetchone()[2])
    files = database.parent.glob(database.name + "*")  # the database, its WAL and shm
    stored = b"".join(p.read_bytes() for p in files)
    key = phone_key.read()
    assert key is not None and key.encode() not in stored
    for number in SEED_NUMBERS:
        assert number[1:].encode() not in stored  # neither +7916… nor 916… nor 8916…
        assert number[2:].encode() not in stored


def test_online_the_hub_finds_a_member_the_cache_does_not_have(
    synced: SyncEngine, client: HubClient, journal: Journal, caches: Caches, phone_key: SecretFile
) -> None:
    caches.replace_members(2, [], utc_now())
    checkout = till(journal, caches, phone_key)
    with pytest.raises(CheckoutError, match="unknown_phone"):
        checkout.identify_phone("+7 916 555-00-04")
    found = client.member_by_phone(checkout.members.phone_number("+7 916 555-00-04"))
    assert found is not None and found.member_id == "M-00004"
    checkout.attach_member(found)
    checkout.cancel()
    assert checkout.identify_phone("89165550004").member_id == "M-00004"  # remembered
    assert client.member_by_phone("+79165559999") is None


def test_the_hub_answers_no_raw_numbers_and_refuses_what_is_not_e164(
    hub: EmbeddedHub, hub_token: str
) -> None:
    headers = {"Authorization": f"Bearer {hub_token}"}
    members = httpx.get(f"{hub.url}/v1/members", headers=headers).json()["members"]
    text = json.dumps(members)
    assert all(number[2:] not in text for number in SEED_NUMBERS)
    assert sum(bool(m["phone_hmac"]) for m in members) == len(SEED_NUMBERS)
    for bad in ("89165550004", "+7 916 555-00-04", "'; DROP TABLE members;--", "+" + "9" * 40):
        answer = httpx.post(f"{hub.url}/v1/members/by-phone", headers=headers, json={"phone": bad})
        assert answer.status_code == 422, bad
    anonymous = httpx.post(f"{hub.url}/v1/members/by-phone", json={"phone": SEED_NUMBERS[0]})
    assert anonymous.status_code == 401
