"""The member's points as the hub shows them: active, pending, expiring, spent first-to-expire."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from loyalty_hub.points import member_document
from loyalty_hub.seed import demo_seed, load_seed
from loyalty_hub.store import HubStore


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HubStore]:
    hub = HubStore(tmp_path / "hub.sqlite3")
    load_seed(hub, demo_seed())  # M-00004: 548 points earned on 2026-03-01
    yield hub
    hub.close()


def view(store: HubStore, today: date, entries: list[tuple[int, str, str]] = []) -> dict:  # noqa: B006
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO points_ledger (member_id, transaction_key, points, kind, created_on)"
            " VALUES ('M-00004', 'k', ?, ?, ?)",
            entries,
        )
        row = conn.execute("SELECT * FROM members WHERE member_id = 'M-00004'").fetchone()
        return member_document(conn, row, today)


def test_opening_points_are_active_until_a_year_after_they_became_active(store: HubStore) -> None:
    # pending 14 days (active from 15 March), then 365 days: expire on 15 March 2027
    document = view(store, date(2026, 11, 22))
    assert (document["points"], document["pending_points"]) == (548, 0)
    assert document["expiring"] == [{"on": "2027-03-15", "points": 548}]


def test_new_points_are_pending_and_spent_points_leave_the_soonest_lot(store: HubStore) -> None:
    document = view(
        store, date(2026, 11, 22), [(20, "earn", "2026-11-20"), (-100, "burn", "2026-11-21")]
    )
    assert document["pending_points"] == 20
    assert document["expiring"] == [{"on": "2027-03-15", "points": 448}]
    assert document["points"] == 448


def test_expired_points_are_no_longer_active(store: HubStore) -> None:
    document = view(store, date(2027, 3, 16), [(20, "earn", "2026-11-20")])
    assert document["points"] == 20
    assert document["expiring"] == [{"on": "2027-12-04", "points": 20}]
