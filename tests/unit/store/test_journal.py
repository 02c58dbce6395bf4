from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from pos_client.core.receipt import Receipt
from pos_client.core.returns import ReturnError, SaleReturn, plan_return
from pos_client.core.sale import Sale, build_sale, settle
from pos_client.store.caches import Caches
from pos_client.store.db import StoreError
from pos_client.store.journal import OLDEST_UNSENT, DeliveryResult, Journal, SaleForReturn
from tests.unit.core.factories import member, price, product, rule, sale_of

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


def _builder(sale_id: str, with_member: bool = True):  # type: ignore[no-untyped-def]
    buyer = member() if with_member else None
    priced = price(Receipt().add(product(1)), [rule("c", 10, ["coffee"])], buyer)

    def build(number: int) -> Sale:
        return build_sale(
            priced=priced,
            member=buyer,
            tenders=(settle(priced.total, "card", 0),),
            sale_id=sale_id,
            number=number,
            created_at=NOW,
            outlet_id="o",
            terminal_id="t",
            channel="store",
            language="en",
        )

    return build


def test_sale_points_and_outbox_row_are_written_together(journal: Journal) -> None:
    sale = journal.record_sale(_builder("s-1"))
    assert sale.number == 1
    assert journal.record_sale(_builder("s-2")).number == 2
    assert journal.queue_state().waiting == 2
    assert journal.unsynced_points("M-1") == (2 * sale.points_earned, 0)
    item = journal.outbox_batch(10)[0]
    assert (item.key, item.kind, item.attempts) == ("s-1", "sale", 0)


def test_a_failure_inside_the_sale_transaction_leaves_nothing(
    journal: Journal, terminal_db
) -> None:  # type: ignore[no-untyped-def]
    terminal_db.execute(
        "CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk'); END"
    )
    with pytest.raises(StoreError):
        journal.record_sale(_builder("s-1"))
    for table in ("sales", "sale_lines", "tenders", "points_ledger", "outbox"):
        assert terminal_db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table


def test_the_same_sale_id_cannot_be_journaled_twice(journal: Journal) -> None:
    journal.record_sale(_builder("s-1"))
    with pytest.raises(StoreError):
        journal.record_sale(_builder("s-1"))
    assert journal.sale_count() == 1


def test_rows_leave_the_outbox_only_by_their_own_result(journal: Journal, caches: Caches) -> None:
    caches.replace_members(1, [member(points=100)], NOW)
    for key in ("a", "b", "c", "d", "e"):
        journal.record_sale(_builder(key))
    journal.apply_results(
        [
            DeliveryResult("a", "applied", member_id="M-1", member_points=117),
            DeliveryResult("b", "duplicate"),
            DeliveryResult("c", "rejected", reason="invalid: lines"),
            DeliveryResult("zzz", "applied"),
            DeliveryResult(
                "e", "conflict", reason="points_overdrawn", member_id="M-1", member_points=0
            ),
        ],
        attempted=["a", "b", "c", "d", "e"],
        now=NOW,
    )
    state = journal.queue_state()
    assert (state.waiting, state.dead_letters, state.conflicts) == (1, 1, 1)
    remaining = journal.outbox_batch(10)[0]
    assert (remaining.key, remaining.attempts) == ("d", 1)
    assert caches.member_by_id("M-1").points == 0  # type: ignore[union-attr]  # the last answer
    assert journal.sale_count() == 5  # the journal keeps every sale


def test_only_chosen_dead_letters_go_back_to_the_queue_as_they_were(
    journal: Journal, terminal_db
) -> None:  # type: ignore[no-untyped-def]
    for key in ("a", "b", "c"):
        journal.record_sale(_builder(key, with_member=False))
    before = {item.key: item.body for item in journal.outbox_batch(10)}
    created = dict(terminal_db.execute("SELECT key, created_at FROM outbox").fetchall())
    journal.apply_results(
        [DeliveryResult(key, "rejected", reason="unknown_member") for key in ("a", "b")]
        + [DeliveryResult("c", "conflict", reason="coupon_already_used")],
        attempted=["a", "b", "c"],
        now=NOW + timedelta(hours=1),
    )
    assert journal.resend(["b", "c", "nope"]) == 1  # a conflict is on the hub: it stays
    state = journal.queue_state()
    assert (state.waiting, state.dead_letters, state.conflicts) == (1, 1, 1)
    (item,) = journal.outbox_batch(10)
    assert (item.key, item.body, item.attempts) == ("b", before["b"], 0)
    row = terminal_db.execute("SELECT created_at, last_error FROM outbox").fetchone()
    assert tuple(row) == (created["b"], "rejected before: unknown_member")
    assert journal.resend(["b"]) == 0  # already queued: nothing doubles


def test_the_oldest_rows_are_read_without_sorting_the_queue(terminal_db) -> None:  # type: ignore[no-untyped-def]
    plan = terminal_db.execute(f"EXPLAIN QUERY PLAN {OLDEST_UNSENT}", [50]).fetchall()
    details = " ".join(row[-1] for row in plan)
    assert "USING INDEX outbox_order" in details and "TEMP B-TREE" not in details


def test_failed_attempt_is_counted(journal: Journal) -> None:
    journal.record_sale(_builder("a", with_member=False))
    journal.note_failed_attempt(["a"], "ConnectError")
    assert journal.outbox_batch(1)[0].attempts == 1
    assert journal.unsynced_points("M-1") == (0, 0)


def test_queue_state_of_a_broken_database_is_a_store_error(terminal_db) -> None:  # type: ignore[no-untyped-def]
    terminal_db.execute("DROP TABLE dead_letters")
    with pytest.raises(StoreError):
        Journal(terminal_db).queue_state()
    assert isinstance(terminal_db, sqlite3.Connection)


def test_receipts_between_lists_a_days_sales_newest_first(journal: Journal) -> None:
    moscow = timezone(timedelta(hours=3))
    for sale_id, when in (
        ("late-yesterday", datetime(2026, 11, 21, 23, 59, 59, 999999, tzinfo=moscow)),
        ("midnight", datetime(2026, 11, 22, 0, 0, tzinfo=moscow)),
        ("noon", datetime(2026, 11, 22, 12, 0, 0, 500000, tzinfo=moscow)),
        ("tomorrow", datetime(2026, 11, 23, 0, 0, tzinfo=moscow)),
    ):
        build = _builder(sale_id)
        journal.record_sale(lambda number, b=build, w=when: replace(b(number), created_at=w))
    start = datetime(2026, 11, 22, tzinfo=moscow)
    found = journal.receipts_between(start, start + timedelta(days=1))
    assert [r.number for r in found] == [3, 2]
    assert found[0].created_at == datetime(2026, 11, 22, 9, 0, 0, 500000, tzinfo=UTC)
    assert (found[0].member_id, found[0].refunded) == ("M-1", 0)
    assert found[0].total == journal.sale_for_return(3).sale.total  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="timezone-aware"):
        journal.receipts_between(datetime(2026, 11, 22), datetime(2026, 11, 23))


def _giving_back(return_id: str, wanted: dict[int, int]):  # type: ignore[no-untyped-def]
    def build(sale: Sale, before: Mapping[int, int]) -> SaleReturn:
        return SaleReturn(return_id, sale, NOW, "o", "t", plan_return(sale, wanted, before))

    return build


def test_a_sale_from_the_hub_counts_the_hubs_returns_and_this_tills_unsent_ones(
    journal: Journal,
) -> None:
    sale = sale_of([5], terminal_id="other")
    on_hub = SaleForReturn(sale, {0: 1}, returned_on_hub={0: 1})  # one came back at a third till
    assert journal.with_returns_here(on_hub).returned == {0: 1}

    journal.record_return(on_hub, {0: 2}, _giving_back("r-1", {0: 2}))
    assert journal.with_returns_here(on_hub).returned == {0: 3}  # the hub has not had r-1 yet
    with pytest.raises(ReturnError, match="only 2 of 5"):
        journal.record_return(on_hub, {0: 3}, _giving_back("r-2", {0: 3}))

    journal.apply_results([DeliveryResult("r-1", "applied")], attempted=["r-1"], now=NOW)
    synced = SaleForReturn(sale, {0: 3}, returned_on_hub={0: 3})  # now the hub counts r-1
    assert journal.with_returns_here(synced).returned == {0: 3}
    assert journal.queue_state().waiting == 0


def test_a_return_the_hub_refused_still_counts_at_this_till(journal: Journal) -> None:
    sale = sale_of([5], terminal_id="other")
    on_hub = SaleForReturn(sale, {}, returned_on_hub={})
    journal.record_return(on_hub, {0: 4}, _giving_back("r-1", {0: 4}))
    journal.apply_results(
        [DeliveryResult("r-1", "rejected", reason="unknown_sale")], attempted=["r-1"], now=NOW
    )
    assert journal.with_returns_here(on_hub).returned == {0: 4}  # the goods came back here
    with pytest.raises(ReturnError):
        journal.record_return(on_hub, {0: 2}, _giving_back("r-2", {0: 2}))


def test_a_sale_not_from_the_hub_must_be_in_this_journal(journal: Journal) -> None:
    sale = sale_of([5], terminal_id="other")
    with pytest.raises(LookupError):
        journal.record_return(SaleForReturn(sale, {}), {0: 1}, _giving_back("r-1", {0: 1}))
    assert journal.queue_state().waiting == 0
