from datetime import UTC, datetime

from pos_client.store.journal import Journal

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


def test_a_receipt_moves_between_open_and_put_aside_in_one_piece(journal: Journal) -> None:
    journal.keep_open_receipt('{"a": 1}', NOW)
    first = journal.parked.park('{"a": 1}', 2, 38000, NOW)
    assert journal.open_receipt() is None
    journal.keep_open_receipt('{"b": 2}', NOW)
    second = journal.parked.park('{"b": 2}', 1, 8900, NOW)
    assert [(r.park_id, r.lines, r.total) for r in journal.parked.listed()] == [
        (first, 2, 38000),
        (second, 1, 8900),
    ]
    assert journal.parked.listed()[0].parked_at == NOW
    assert journal.parked.take(first, NOW) == '{"a": 1}'
    assert journal.open_receipt() == '{"a": 1}'
    assert journal.parked.take(first, NOW) is None  # taken once
    assert [r.park_id for r in journal.parked.listed()] == [second]
