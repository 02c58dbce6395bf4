"""The hub's store: the per-day sums of the points ledger stay equal to the ledger itself."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loyalty_hub.seed import demo_seed, load_seed
from loyalty_hub.store import HubStore

# Days whose sums are both zero say nothing either way, so both sides leave them out.
SUMS_FROM_LEDGER = (
    "SELECT member_id, created_on, SUM(IIF(kind IN ('opening', 'earn'), points, 0)) AS earned,"
    " SUM(IIF(kind = 'burn', points, 0)) AS burned FROM points_ledger"
    " GROUP BY member_id, created_on HAVING earned != 0 OR burned != 0"
)
SUMS_KEPT = (
    "SELECT member_id, created_on, earned, burned FROM points_by_day"
    " WHERE earned != 0 OR burned != 0"
)


def sums(conn: sqlite3.Connection, sql: str) -> set[tuple[object, ...]]:
    return {tuple(row) for row in conn.execute(sql)}


entries = st.lists(
    st.tuples(
        st.sampled_from(["M-00001", "M-00004"]),
        st.integers(-500, 500),
        st.sampled_from(["earn", "burn", "overdraft", "opening"]),
        st.sampled_from(["2026-11-20", "2026-11-21", "2026-11-22"]),
    ),
    max_size=30,
)


@settings(max_examples=40, deadline=None)
@given(entries, st.data())
def test_per_day_sums_follow_inserts_updates_and_deletes(
    tmp_path_factory: object, added: list[tuple[str, int, str, str]], data: st.DataObject
) -> None:
    store = HubStore(Path(tmp_path_factory.mktemp("hub")) / "hub.sqlite3")  # type: ignore[attr-defined]
    try:
        with store.transaction() as conn:
            conn.executemany(
                "INSERT INTO points_ledger (member_id, transaction_key, points, kind, created_on)"
                " VALUES (?, 'k', ?, ?, ?)",
                added,
            )
            ids = [row[0] for row in conn.execute("SELECT entry_id FROM points_ledger")]
            if ids:
                changed = data.draw(st.sampled_from(ids))
                conn.execute(
                    "UPDATE points_ledger SET points = points + 7, kind = 'earn',"
                    " created_on = '2026-11-19' WHERE entry_id = ?",
                    (changed,),
                )
                conn.execute(
                    "DELETE FROM points_ledger WHERE entry_id = ?",
                    (data.draw(st.sampled_from(ids)),),
                )
            assert sums(conn, SUMS_KEPT) == sums(conn, SUMS_FROM_LEDGER)
    finally:
        store.close()


def test_a_ledger_written_before_the_per_day_sums_is_summed_on_opening(tmp_path: Path) -> None:
    path = tmp_path / "hub.sqlite3"
    store = HubStore(path)
    load_seed(store, demo_seed())
    store.close()
    older = sqlite3.connect(path)
    older.executescript(
        "DROP TRIGGER points_by_day_insert; DROP TRIGGER points_by_day_update;"
        " DROP TRIGGER points_by_day_delete; DROP TABLE points_by_day;"
        " INSERT INTO points_ledger (member_id, transaction_key, points, kind, created_on)"
        " VALUES ('M-00004', 'old', 25, 'earn', '2026-11-01');"
    )
    older.close()
    store = HubStore(path)
    try:
        with store.transaction() as conn:
            assert sums(conn, SUMS_KEPT) == sums(conn, SUMS_FROM_LEDGER)
            assert ("M-00004", "2026-11-01", 25, 0) in sums(conn, SUMS_KEPT)
    finally:
        store.close()


def test_a_token_is_checked_while_a_batch_is_being_written(tmp_path: Path) -> None:
    store = HubStore(tmp_path / "hub.sqlite3")
    load_seed(store, demo_seed())
    terminal_id, token = store.add_terminal("spb-nevsky")
    found: list[object] = []
    with store.transaction():  # a batch holds the writer
        checker = threading.Thread(target=lambda: found.append(store.authenticate(token)))
        checker.start()
        checker.join(timeout=5)
        assert not checker.is_alive()
    assert [auth.terminal_id for auth in found] == [terminal_id]  # type: ignore[attr-defined]
    store.close()


def test_a_revoked_terminal_is_refused_and_an_unknown_one_cannot_be_revoked(
    tmp_path: Path,
) -> None:
    store = HubStore(tmp_path / "hub.sqlite3")
    load_seed(store, demo_seed())
    terminal_id, token = store.add_terminal("spb-nevsky")
    _, other_token = store.add_terminal("spb-nevsky")
    store.revoke_terminal(terminal_id)
    assert store.authenticate(token) is None
    assert store.authenticate(other_token) is not None
    with pytest.raises(ValueError, match="unknown terminal"):
        store.revoke_terminal("nobody")
    store.close()
