import pytest

from pos_client.core.catalog import (
    CatalogError,
    Product,
    ean_check_digit,
    is_valid_ean,
    search_key,
    search_text,
)

GOOD = {
    "sku": "S1",
    "barcode": "4607012340016",
    "name_ru": "Капучино",
    "name_en": "Cappuccino",
    "category": "coffee",
    "price": 19000,
    "brand": "Кофейня",
    "tags": ["hot", "takeaway"],
}


@pytest.mark.parametrize("code", ["4607012340016", "96385074", "036000291452", "5901234123457"])
def test_valid_eans(code: str) -> None:
    assert is_valid_ean(code)


@pytest.mark.parametrize(
    "code", ["4607012340017", "460701234001", "46070123400a6", "", "٤٦٠٧٠١٢٣٤٠٠١٦"]
)
def test_invalid_eans(code: str) -> None:
    assert not is_valid_ean(code)


def test_check_digit() -> None:
    assert ean_check_digit("590123412345") == 7


def test_product_round_trip_and_name_by_language() -> None:
    product = Product.from_dict(GOOD)
    assert product.to_dict() == GOOD
    assert product.name("ru") == "Капучино"
    assert product.name("en") == "Cappuccino"


@pytest.mark.parametrize(
    "change",
    [
        {"barcode": "4607012340017"},
        {"price": 0},
        {"price": "many"},
        {"sku": None, "name_en": None},
        {"plu": "1234"},
        {"plu": "12a45"},
        {"plu": "１２３４５"},
    ],
)
def test_product_refuses_bad_entries(change: dict[str, object]) -> None:
    data = {k: v for k, v in {**GOOD, **change}.items() if v is not None}
    with pytest.raises(CatalogError):
        Product.from_dict(data)


def test_a_product_sold_by_weight_has_its_plu() -> None:
    cheese = Product.from_dict({**GOOD, "plu": "00123"})
    assert cheese.by_weight and cheese.to_dict() == {**GOOD, "plu": "00123"}
    assert not Product.from_dict(GOOD).by_weight


def test_search_text_ignores_case_and_the_dots_of_yo() -> None:
    assert search_key("Зелёный ЧАЙ Ёлка") == "зеленый чай елка"
    assert search_text("Мёд", "Honey", "", "SKU-1") == "мед honey  sku-1"
