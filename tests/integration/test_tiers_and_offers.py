"""The hub tells the till each member's qualifying spend for the tiers and their personal
offers; sales and returns move the spend, a used offer is gone. Real hub over loopback."""

from __future__ import annotations

from loyalty_hub.server import EmbeddedHub
from pos_client.core.tiers import TierProgress, tier_progress
from pos_client.store.caches import Caches
from pos_client.store.journal import Journal, SaleForReturn
from pos_client.sync.client import HubClient
from pos_client.sync.engine import SyncEngine
from tests.conftest import CAPPUCCINO, GOLD_CARD
from tests.integration.test_hub_sync import checkout_for
from tests.unit.test_checkout import TEA

OPENING_SPEND = 6_200_000  # the demo's gold member, in the seed


def test_spend_and_offers_follow_sales_and_returns(
    hub: EmbeddedHub, hub_token: str, primed: SyncEngine, journal: Journal, caches: Caches
) -> None:
    checkout = checkout_for(journal, caches)
    member = checkout.identify_card(GOLD_CARD)
    assert (member.tier, member.tier_spend, member.offers) == (
        "gold",
        OPENING_SPEND,
        ("OFFER-TEA20",),
    )
    assert tier_progress(checkout.ruleset.programme, member) == TierProgress(None, 0)

    checkout.scan(TEA)
    checkout.scan(CAPPUCCINO)
    assert checkout.take_offers() == ["Персональное предложение: −20% на чай"]
    sale = checkout.pay("card", 0)
    assert "OFFER-TEA20" in sale.coupons_used
    primed.sync_once()
    with HubClient(hub.url, hub_token) as client:
        after_sale = client.member_by_card(GOLD_CARD)
    assert after_sale is not None
    assert (after_sale.tier_spend, after_sale.offers) == (OPENING_SPEND + sale.total, ())

    back = checkout.returns.return_lines(SaleForReturn(sale, {}), {1: 1})  # the coffee comes back
    primed.sync_once()
    cached = caches.member_by_id(member.member_id)
    assert cached is not None
    assert cached.tier_spend == OPENING_SPEND + sale.total - back.plan.refund


def test_a_silver_member_sees_what_gold_still_needs(
    hub: EmbeddedHub, primed: SyncEngine, journal: Journal, caches: Caches
) -> None:
    checkout = checkout_for(journal, caches)
    silver = next(
        m
        for m in (caches.member_by_id(f"M-{n:05d}") for n in range(1, 21))
        if m and m.tier == "silver"
    )
    progress = tier_progress(checkout.ruleset.programme, silver)
    assert progress is not None and progress.next_tier == "gold"
    assert progress.missing == 5_000_000 - (silver.tier_spend or 0) > 0
