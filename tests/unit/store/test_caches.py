from dataclasses import replace
from datetime import UTC, datetime

from pos_client.core.catalog import Product
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


def named(number: int, name_ru: str, name_en: str, brand: str = "") -> Product:
    return replace(product(number), name_ru=name_ru, name_en=name_en, brand=brand)


def test_products_are_found_by_words_of_their_names_in_any_case_and_with_e_for_yo(
    caches: Caches,
) -> None:
    milk = named(1, "Молоко 3,2% 1 л", "Milk 3.2% 1 l", "Простоквашино")
    tea = named(2, "Чай зелёный 25 пакетиков", "Green tea, 25 bags")
    honey = named(3, "Мёд цветочный 250 г", "Flower honey 250 g")
    caches.replace_catalog(1, [milk, tea, honey], NOW)

    def found(query: str) -> list[str]:
        return [item.sku for item in caches.find_products(query, 10)]

    assert found("МОЛОКО") == ["SKU-1"]
    assert found("зелен") == found("ЗЕЛЁН") == ["SKU-2"]
    assert found("мед") == ["SKU-3"]
    assert found("honey") == ["SKU-3"]  # the other language's name
    assert found("простоквашино") == ["SKU-1"]  # the brand
    assert found("25") == ["SKU-2", "SKU-3"]  # every product holding it
    assert found("пакетиков 25 чай") == ["SKU-2"]  # every word, in any order
    assert found("чай мёд") == []
    assert found(milk.barcode[-5:]) == ["SKU-1"]
    assert found("SKU-3") == ["SKU-3"]
    assert found("   ") == []


def test_the_product_search_takes_percent_and_underscore_literally_and_keeps_to_its_limit(
    caches: Caches,
) -> None:
    caches.replace_catalog(
        1, [named(n, f"Сыр {n}0% жирности", f"Cheese {n}0%") for n in range(1, 8)], NOW
    )
    assert [item.sku for item in caches.find_products("30%", 10)] == ["SKU-3"]
    assert caches.find_products("_", 10) == [] and caches.find_products("%", 10) != []
    assert len(caches.find_products("сыр", 5)) == 5


def test_a_name_that_starts_with_the_word_comes_before_one_that_holds_it(caches: Caches) -> None:
    caches.replace_catalog(
        1, [named(1, "Хлеб Бородинский", "Rye bread"), named(2, "Бородинский квас", "Kvass")], NOW
    )
    assert [item.sku for item in caches.find_products("бородинский", 10)] == ["SKU-2", "SKU-1"]
