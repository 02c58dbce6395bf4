from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from pos_client.core.audit import AuditEntry, first_break, next_entry


def chain(events: list[str]) -> list[AuditEntry]:
    entries: list[AuditEntry] = []
    for n, event in enumerate(events):
        entries.append(
            next_entry(
                entries[-1] if entries else None,
                at=f"2026-11-22T09:{n:02d}:00+00:00",
                terminal_id="T1",
                staff_id="S1",
                event=event,
                details={"n": n},
            )
        )
    return entries


def test_an_untouched_chain_holds_and_round_trips() -> None:
    entries = chain(["login", "shift_opened", "login_failed", "logout"])
    assert first_break(entries) is None
    assert [AuditEntry.from_dict(e.to_dict()) for e in entries] == entries


events = st.lists(st.sampled_from(["login", "login_failed", "override_used"]), min_size=2)


@given(events, st.data())
def test_editing_any_entry_breaks_the_chain_there(names: list[str], data: st.DataObject) -> None:
    entries = chain(names)
    at = data.draw(st.integers(0, len(entries) - 1))
    change = data.draw(
        st.sampled_from(
            [
                {"event": "logout"},
                {"staff_id": "S2"},
                {"details": {"n": -1}},
                {"at": "2026-11-23T00:00:00+00:00"},
            ]
        )
    )
    entries[at] = replace(entries[at], **change)  # type: ignore[arg-type]
    assert first_break(entries) == entries[at].seq


@given(events, st.data())
def test_removing_or_swapping_entries_breaks_the_chain(
    names: list[str], data: st.DataObject
) -> None:
    entries = chain(names)
    at = data.draw(st.integers(0, len(entries) - 2))
    removed = entries[:at] + entries[at + 1 :]
    assert first_break(removed) is not None
    swapped = [*entries]
    swapped[at], swapped[at + 1] = swapped[at + 1], swapped[at]
    assert first_break(swapped) is not None
    # even with the hash redone for the edit, the next entry no longer links to it
    forged = [*entries]
    edited = replace(entries[at], event="forged")
    forged[at] = next_entry(
        entries[at - 1] if at else None,
        at=edited.at,
        terminal_id="T1",
        staff_id=edited.staff_id,
        event=edited.event,
        details=edited.details,
    )
    assert first_break(forged) == entries[at + 1].seq
