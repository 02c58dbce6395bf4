from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from pos_client.core.staff import (
    LockoutPolicy,
    LoginState,
    OverrideAction,
    Role,
    StaffError,
    StaffMember,
    hash_pin,
    verify_pin,
)

SALT = bytes(range(16))
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def test_a_pin_is_stored_only_as_its_scrypt_hash() -> None:
    encoded = hash_pin("4321", SALT)
    assert encoded.startswith("scrypt$16384$8$1$") and "4321" not in encoded
    assert verify_pin("4321", encoded)
    assert not verify_pin("4322", encoded)
    assert not verify_pin("", encoded)
    assert hash_pin("4321", bytes(16)) != encoded  # the salt makes equal PINs differ


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", " 1234", "１２３４"])
def test_a_pin_is_four_to_eight_ascii_digits(pin: str) -> None:
    with pytest.raises(StaffError):
        hash_pin(pin, SALT)


@pytest.mark.parametrize(
    "encoded",
    [
        "",
        "bcrypt$x",
        "scrypt$16384$8$1$AAAA$AAAA",  # salt and digest too short
        "scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA$" + "A" * 43,  # N not a power of two
        "scrypt$1048576$8$1$AAAAAAAAAAAAAAAAAAAAAA$" + "A" * 43,  # a gigabyte to check a PIN
    ],
)
def test_a_bad_hash_is_refused_when_the_staff_record_is_read(encoded: str) -> None:
    record = {"staff_id": "S1", "name": "Анна", "role": "cashier", "pin_hash": encoded}
    with pytest.raises(StaffError):
        StaffMember.from_dict(record)


def test_five_wrong_pins_lock_and_the_lock_runs_out() -> None:
    policy = LockoutPolicy(max_failures=5, lock_for=timedelta(minutes=15))
    state = LoginState()
    for tries_left in (4, 3, 2, 1):
        state = state.after_failure(NOW, policy)
        assert not state.locked_at(NOW) and state.tries_left(policy) == tries_left
    state = state.after_failure(NOW, policy)
    assert state.locked_at(NOW) and state.locked_at(NOW + timedelta(minutes=14, seconds=59))
    assert not state.locked_at(NOW + timedelta(minutes=15))
    after = state.after_failure(NOW + timedelta(minutes=16), policy)
    assert after.failures == 1 and not after.locked_at(NOW + timedelta(minutes=16))


def test_only_the_roles_named_may_approve() -> None:
    pin_hash = hash_pin("1111", SALT)
    cashier, senior, manager = (
        StaffMember(f"S{n}", "x", role, pin_hash)
        for n, role in enumerate((Role.CASHIER, Role.SENIOR, Role.MANAGER))
    )
    for action in OverrideAction:
        assert manager.may_approve(action) and not cashier.may_approve(action)
        assert not senior.may_approve(action)
