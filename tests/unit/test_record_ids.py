from __future__ import annotations

import uuid

from pos_client.record_ids import new_record_id


def test_record_ids_are_uuid7_unique_and_in_the_order_they_were_made() -> None:
    made = [new_record_id() for _ in range(5_000)]  # many within one millisecond
    assert len(set(made)) == len(made)
    assert made == sorted(made)
    assert {uuid.UUID(record_id).version for record_id in made} == {7}
    assert all(str(uuid.UUID(record_id)) == record_id for record_id in made)
