from dataclasses import replace
from datetime import UTC, datetime

from pos_client.core.loyalty import Member
from pos_client.store.caches import Caches
from tests.unit.core.factories import member, product, ruleset_doc

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


def test_catalog_is_replaced_whole_with_its_version(caches: Caches) -> None:
    caches.replace_catalog(1, [product(1), product(2)], NOW)
    caches.replace_catalog(2, [product(3)], NOW)
    assert caches.version("catalog") == 2
    assert caches.product_by_barcode(product(1).barcode) is None
    assert caches.product_by_barcode(product(3).barcode) == product(3)


def test_ruleset_document_round_trips(caches: Caches) -> None:
    assert caches.ruleset_document() is None
    caches.replace_ruleset(3, ruleset_doc([]), NOW)
    assert caches.ruleset_document() == ruleset_doc([])
    assert caches.version("ruleset") == 3


def test_member_cache_by_card_and_a_card_moving_to_another_member(caches: Caches) -> None:
    caches.replace_members(1, [member()], NOW)
    assert caches.member_by_card("2780000000047") == member()
    moved = member().__class__("M-2", "2780000000047", "Борис", "basic", 0)
    caches.upsert_member(moved)
    assert caches.member_by_card("2780000000047") == moved
    assert caches.member_by_id("M-1") is None


def test_member_by_phone_hmac_and_a_number_moving_to_another_member(caches: Caches) -> None:
    anna = member(phone_hmac="a" * 64, phone_masked="+7 *** ***-01-01")
    caches.replace_members(1, [anna], NOW)
    assert caches.member_by_phone("a" * 64) == anna
    assert caches.member_by_phone("b" * 64) is None
    assert caches.member_by_phone("") is None
    boris = Member("M-2", "2780000000054", "Борис", "basic", 0, phone_hmac="a" * 64)
    caches.upsert_member(boris)
    assert caches.member_by_phone("a" * 64) == boris
    assert caches.member_by_id("M-1") == replace(anna, phone_hmac="", phone_masked="")


def test_a_number_two_cached_members_share_finds_nobody(caches: Caches) -> None:
    twins = [
        member(phone_hmac="a" * 64),
        Member("M-2", "2780000000054", "Борис", "basic", 0, phone_hmac="a" * 64),
    ]
    caches.replace_members(1, twins, NOW)
    assert caches.member_by_phone("a" * 64) is None


def test_meta_values(caches: Caches) -> None:
    assert caches.meta("last_sync_at") is None
    caches.set_meta("last_sync_at", "x")
    caches.set_meta("last_sync_at", "y")
    assert caches.meta("last_sync_at") == "y"
