"""Products and their barcodes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pos_client.core.money import Money

PLU_DIGITS = 5  # of a weighed product's code on scale labels


class CatalogError(ValueError):
    """A catalog entry that cannot be used."""


def search_key(text: str) -> str:
    """Text as the product search compares it: neither case nor ё/е matters."""
    return text.casefold().replace("ё", "е")


def search_text(*fields: str) -> str:
    """What a product is found by: its names in both languages, brand, SKU and barcode."""
    return search_key(" ".join(fields))


def ean_check_digit(body: str) -> int:
    """The GS1 check digit for the digits of an EAN-13/EAN-8/UPC-A code without its last digit."""
    total = 0
    for position, char in enumerate(reversed(body)):
        digit = int(char)
        total += digit * 3 if position % 2 == 0 else digit
    return (10 - total % 10) % 10


def is_valid_ean(code: str) -> bool:
    """True for a well-formed EAN-13, EAN-8 or UPC-A (12 digits) with a correct check digit."""
    if len(code) not in (8, 12, 13) or not code.isascii() or not code.isdigit():
        return False
    return ean_check_digit(code[:-1]) == int(code[-1])


def is_plu(text: str) -> bool:
    """A weighed product's code as scale labels carry it: five ASCII digits."""
    return len(text) == PLU_DIGITS and text.isascii() and text.isdigit()


@dataclass(frozen=True, slots=True)
class Product:
    sku: str
    barcode: str
    name_ru: str
    name_en: str
    category: str
    price: Money
    brand: str = ""
    tags: frozenset[str] = frozenset()
    plu: str = ""  # set for goods sold by weight: the code on the scale's labels; price per kg

    @property
    def by_weight(self) -> bool:
        return bool(self.plu)

    def name(self, language: str) -> str:
        return self.name_ru if language == "ru" else self.name_en

    @property
    def search_text(self) -> str:
        return search_text(self.name_ru, self.name_en, self.brand, self.sku, self.barcode)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Product:
        try:
            product = cls(
                sku=str(data["sku"]),
                barcode=str(data["barcode"]),
                name_ru=str(data["name_ru"]),
                name_en=str(data["name_en"]),
                category=str(data["category"]),
                price=int(data["price"]),
                brand=str(data.get("brand") or ""),
                tags=frozenset(str(tag) for tag in data.get("tags") or ()),
                plu=str(data.get("plu") or ""),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise CatalogError(f"product {data.get('sku', '?')!r}: bad field {exc}") from None
        if not is_valid_ean(product.barcode):
            raise CatalogError(f"product {product.sku!r}: invalid barcode {product.barcode!r}")
        if product.price <= 0:
            raise CatalogError(f"product {product.sku!r}: price must be positive")
        if product.plu and not is_plu(product.plu):
            raise CatalogError(f"product {product.sku!r}: a PLU has {PLU_DIGITS} digits")
        return product

    def to_dict(self) -> dict[str, Any]:
        data = {
            "sku": self.sku,
            "barcode": self.barcode,
            "name_ru": self.name_ru,
            "name_en": self.name_en,
            "category": self.category,
            "price": self.price,
            "brand": self.brand,
            "tags": sorted(self.tags),
        }
        if self.plu:
            data["plu"] = self.plu
        return data
