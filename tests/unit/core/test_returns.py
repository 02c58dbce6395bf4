from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_client.core.returns import ReturnError, ReturnWithoutReceipt, SaleReturn, plan_return
from tests.unit.core.factories import sale_of

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


def test_a_partial_return_refunds_in_proportion_and_takes_points_back() -> None:
    sale = sale_of([3, 2], redeem=10)
    plan = plan_return(sale, {0: 1}, {})
    coffee = sale.lines[0]
    assert plan.refund == coffee.total // 3
    assert plan.lines[0].points_paid_back == coffee.points_paid // 3
    assert plan.stamps_undone == {"coffee": 1}
    assert plan.points_reversed >= sale.points_earned * plan.refund / sale.total


def test_returning_more_than_was_sold_or_twice_is_refused() -> None:
    sale = sale_of([2])
    with pytest.raises(ReturnError, match="only 1 of 2"):
        plan_return(sale, {0: 2}, {0: 1})
    with pytest.raises(ReturnError, match="nothing to return"):
        plan_return(sale, {0: 0}, {})
    with pytest.raises(ReturnError, match="no line 5"):
        plan_return(sale, {4: 1}, {})
    with pytest.raises(ReturnError, match="negative"):
        plan_return(sale, {0: -1}, {})


@given(
    st.lists(st.integers(1, 6), min_size=1, max_size=5),
    st.integers(0, 200),
    st.integers(0, 100),
    st.randoms(use_true_random=False),
)
def test_returning_everything_in_steps_gives_back_exactly(quantities, redeem, cash, rng) -> None:  # type: ignore[no-untyped-def]
    """...to the points and to each tender of a sale paid partly in cash, partly by card."""
    sale = sale_of(quantities, redeem=redeem, cash_percent=cash)
    by_tender = dict.fromkeys((tender.kind for tender in sale.tenders), 0)
    units = [pos for pos, line in enumerate(sale.lines) for _ in range(line.quantity)]
    rng.shuffle(units)
    returned: dict[int, int] = {}
    refund = refunded_points = reversed_points = 0
    while units:
        step: dict[int, int] = {}
        for _ in range(rng.randint(1, len(units))):
            position = units.pop()
            step[position] = step.get(position, 0) + 1
        plan = plan_return(sale, step, returned)
        assert plan.refund >= 0 and plan.points_refunded >= 0 and plan.points_reversed >= 0
        assert sum(amount for _, amount in plan.refunds) == plan.refund
        assert all(amount > 0 for _, amount in plan.refunds) or plan.refunds == (
            (sale.tenders[0].kind, 0),
        )
        for kind, amount in plan.refunds:
            by_tender[kind] += amount
        refund += plan.refund
        refunded_points += plan.points_refunded
        reversed_points += plan.points_reversed
        # never keep points for goods brought back: reversed so far covers the share returned
        assert reversed_points * sale.total >= sale.points_earned * refund
        for position, quantity in step.items():
            returned[position] = returned.get(position, 0) + quantity
    assert refund == sale.total
    assert by_tender == {tender.kind: tender.amount for tender in sale.tenders}
    assert refunded_points == sale.points_redeemed
    assert reversed_points == sale.points_earned


def test_a_split_payment_is_refunded_by_each_tender_and_named_in_the_body() -> None:
    sale = sale_of([4], cash_percent=40)
    cash, card = sale.tenders
    plan = plan_return(sale, {0: 1}, {})
    in_cash = cash.amount * plan.refund // sale.total  # the cash's share of the money back
    assert plan.refunds == (("cash", in_cash), ("card", plan.refund - in_cash))
    back = SaleReturn("r", sale, NOW, "o", "t", plan)
    assert back.tender == "cash"
    assert back.to_dict()["refunds"] == [
        {"kind": "cash", "amount": in_cash},
        {"kind": "card", "amount": plan.refund - in_cash},
    ]
    whole = plan_return(sale_of([4]), {0: 1}, {})  # one tender: the body stays as before 1.9
    assert "refunds" not in SaleReturn("r", sale_of([4]), NOW, "o", "t", whole).to_dict()
    assert card.amount == sale.total - cash.amount


def test_a_return_without_a_receipt_needs_goods_a_reason_and_an_approver() -> None:
    lines = sale_of([2]).lines
    made = {
        "return_id": "r",
        "created_at": NOW,
        "outlet_id": "o",
        "terminal_id": "t",
        "lines": lines,
        "tender": "cash",
        "reason": "брак",
        "approved_by": "S0003",
    }
    back = ReturnWithoutReceipt(**made)  # type: ignore[arg-type]
    assert back.refund == lines[0].total
    assert (back.to_dict()["points_reversed"], back.to_dict()["points_refunded"]) == (0, 0)
    for change, problem in (
        ({"lines": ()}, "nothing to return"),
        ({"reason": ""}, "a reason"),
        ({"reason": "x" * 121}, "a reason"),
        ({"approved_by": ""}, "approval"),
    ):
        with pytest.raises(ReturnError, match=problem):
            ReturnWithoutReceipt(**{**made, **change})  # type: ignore[arg-type]
