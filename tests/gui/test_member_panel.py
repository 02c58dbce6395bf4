"""The member panel: where the member stands in the tiers, and personal offers applied with
F11, on the real window and the demo hub."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from loyalty_hub.seed import demo_seed
from pos_client.ui.app import RunningTill
from tests.conftest import GOLD_CARD
from tests.gui.conftest import press, scan
from tests.unit.test_checkout import TEA

OFFER = "Персональное предложение: −20% на чай"


def test_a_gold_member_sees_the_top_tier_and_applies_the_offer_with_f11(
    till: RunningTill, qtbot: QtBot
) -> None:
    window = till.window
    panel = window.member_panel
    press(qtbot, Qt.Key.Key_F11)
    assert window.message.text() == "Сначала определите участника: персональные предложения — его"

    scan(qtbot, GOLD_CARD)
    assert panel.progress.text() == "Высший уровень программы"
    assert panel.offers.text() == f"F11 — персональные предложения: {OFFER}"
    scan(qtbot, TEA)
    before = window.checkout.priced.total
    press(qtbot, Qt.Key.Key_F11)
    assert window.message.text() == f"Персональные предложения в чеке: {OFFER}"
    assert window.checkout.priced.total < before
    assert panel.offers.isHidden()  # nothing left to apply
    rows = [window.model.index(row, 1).data() for row in range(window.model.rowCount())]
    assert any(OFFER in text for text in rows)  # the receipt says why the tea is cheaper
    press(qtbot, Qt.Key.Key_F11)
    assert window.message.text() == (
        "У участника Дмитрий Соколов нет персональных предложений для этого чека"
    )


def test_a_silver_member_sees_what_gold_still_needs(till: RunningTill, qtbot: QtBot) -> None:
    silver = next(m for m in demo_seed()["members"] if m["tier"] == "silver")
    scan(qtbot, silver["card"])
    missing = 5_000_000 - silver["opening_spend"]
    rubles = f"{missing // 100:,}".replace(",", "\u00a0")
    assert till.window.member_panel.progress.text() == (
        f"До уровня «Золотой» осталось купить на {rubles},00\u00a0₽"
    )
    assert till.window.member_panel.offers.isHidden()
