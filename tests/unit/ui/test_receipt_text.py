from datetime import UTC, datetime

from pos_client.core.receipt import Receipt
from pos_client.core.sale import build_sale, settle
from pos_client.printing.document import WIDTH
from pos_client.ui.receipt_text import ReceiptHeader, receipt_document
from pos_client.ui.strings import set_language
from tests.unit.core.factories import member, price, product, rule


def test_every_discount_has_its_row_and_no_row_is_wider_than_the_paper() -> None:
    set_language("ru")
    long_name = "Очень длинное название акции, которое не влезает в ширину чековой ленты"
    rules = [
        rule("a", 10, ["coffee"]),
        {**rule("b", 5, ["coffee"]), "name": {"ru": long_name, "en": "Long"}},
    ]
    buyer = member()
    priced = price(Receipt().add(product(1), 2), rules, buyer)
    sale = build_sale(
        priced=priced,
        member=buyer,
        tenders=(settle(priced.total, "cash", 50000),),
        sale_id="s",
        number=7,
        created_at=datetime(2026, 11, 22, 9, 30, tzinfo=UTC),
        outlet_id="o",
        terminal_id="t",
        channel="store",
        language="ru",
    )
    text = receipt_document(sale, buyer, None, ReceiptHeader("Невский")).as_text()
    rows = text.splitlines()
    assert all(len(row) <= WIDTH for row in rows)
    assert any(row.strip().startswith("−10% Правило a") and row.endswith("−38,00") for row in rows)
    # a long explanation is wrapped, not cut: every word is there, the amount ends it
    start = next(i for i, row in enumerate(rows) if row.strip().startswith("−5% Очень длинное"))
    explanation = " ".join(row.strip() for row in rows[start : start + 3])
    assert explanation.startswith(f"−5% {long_name}") and explanation.endswith("−17,10")
    assert "…" not in text
    assert "•••• 0047" in text
