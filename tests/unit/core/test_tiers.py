from __future__ import annotations

import pytest

from pos_client.core.loyalty import Member
from pos_client.core.ruleset import Programme, RulesetError, TierStep, parse_ruleset
from pos_client.core.tiers import TierProgress, tier_progress
from tests.unit.core.factories import ruleset_doc

TIERS = Programme(
    tiers=(TierStep("basic", 0), TierStep("silver", 1_500_000), TierStep("gold", 5_000_000))
)


def member(tier: str, spend: int | None) -> Member:
    return Member("M-1", "2", "Анна", tier, 0, tier_spend=spend)


@pytest.mark.parametrize(
    ("tier", "spend", "progress"),
    [
        ("basic", 0, TierProgress("silver", 1_500_000)),
        ("basic", 1_234_500, TierProgress("silver", 265_500)),
        ("silver", 1_600_000, TierProgress("gold", 3_400_000)),
        ("silver", 5_100_000, TierProgress("gold", 0)),  # qualifies; the hub moves them
        ("gold", 10, TierProgress(None, 0)),  # the top tier, kept for the period
        ("gold", None, None),  # the spend is not known here
        ("platinum", 10, None),  # a tier the programme does not list
    ],
)
def test_the_next_tier_and_the_spend_it_needs(
    tier: str, spend: int | None, progress: TierProgress | None
) -> None:
    assert tier_progress(TIERS, member(tier, spend)) == progress


def test_a_programme_without_tiers_shows_no_progress() -> None:
    assert tier_progress(Programme(), member("gold", 100)) is None


def programme_doc(programme: dict[str, object]) -> dict[str, object]:
    return {**ruleset_doc([]), "programme": programme}


def test_tiers_are_read_from_the_ruleset() -> None:
    doc = programme_doc(
        {
            "terms_version": "2026-03",
            "tier_period_days": 180,
            "tiers": [{"id": "basic", "from_spend": 0}, {"id": "gold", "from_spend": 100}],
        }
    )
    programme = parse_ruleset(doc).programme
    assert programme == Programme("2026-03", (TierStep("basic", 0), TierStep("gold", 100)), 180)


@pytest.mark.parametrize(
    ("tiers", "problem"),
    [
        ([{"id": "basic", "from_spend": 10}], "from a spend of 0"),
        (
            [{"id": "basic", "from_spend": 0}, {"id": "gold", "from_spend": 0}],
            "more spend than 'basic'",
        ),
        (
            [{"id": "basic", "from_spend": 0}, {"id": "basic", "from_spend": 5}],
            "names a tier twice",
        ),
        ([{"id": "", "from_spend": 0}], "non-empty"),
        ([{"id": "basic", "from_spend": -1}], "whole number"),
        ("gold", "must be a list"),
    ],
)
def test_tiers_that_do_not_climb_are_refused(tiers: object, problem: str) -> None:
    with pytest.raises(RulesetError, match=problem):
        parse_ruleset(programme_doc({"tiers": tiers}))
