"""Till staff: roles, PINs kept only as scrypt hashes, lockout after wrong PINs, and who may
approve which override."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

PIN_PATTERN = re.compile(r"^[0-9]{4,8}$")
# scrypt at N=2^14, r=8: 16 MiB and about 50 ms per try, so a stolen hash is slow to guess.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SCRYPT_MAXMEM = 64 * 1024 * 1024


class StaffError(ValueError):
    """A staff record or PIN that cannot be used."""


class Role(StrEnum):
    CASHIER = "cashier"
    SENIOR = "senior_cashier"
    MANAGER = "manager"


class OverrideAction(StrEnum):
    """What a cashier may do only with a manager's PIN, one approval per action."""

    VOID_AFTER_PAYMENT = "void_after_payment"
    REDEEM_ABOVE_CAP = "redemption_above_cap"
    PRICE_OVERRIDE = "price_override"
    RETURN_WITHOUT_RECEIPT = "return_without_receipt"
    NO_SALE = "no_sale"  # the cash drawer opened with nothing sold


APPROVERS: dict[OverrideAction, frozenset[Role]] = {
    OverrideAction.VOID_AFTER_PAYMENT: frozenset({Role.MANAGER}),
    OverrideAction.REDEEM_ABOVE_CAP: frozenset({Role.MANAGER}),
    OverrideAction.PRICE_OVERRIDE: frozenset({Role.MANAGER}),
    OverrideAction.RETURN_WITHOUT_RECEIPT: frozenset({Role.MANAGER}),
    OverrideAction.NO_SALE: frozenset({Role.MANAGER}),
}


@dataclass(frozen=True, slots=True)
class StaffMember:
    staff_id: str
    name: str
    role: Role
    pin_hash: str
    badge: str = ""  # the code printed on the staff badge, "" when there is none

    def may_approve(self, action: OverrideAction) -> bool:
        return self.role in APPROVERS[action]

    def to_dict(self) -> dict[str, Any]:
        return {
            "staff_id": self.staff_id,
            "name": self.name,
            "role": self.role.value,
            "pin_hash": self.pin_hash,
            "badge": self.badge,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StaffMember:
        try:
            member = cls(
                staff_id=str(data["staff_id"]),
                name=str(data["name"]),
                role=Role(data["role"]),
                pin_hash=str(data["pin_hash"]),
                badge=str(data.get("badge") or ""),
            )
        except (KeyError, ValueError) as exc:
            raise StaffError(f"bad staff record: {exc}") from None
        if not member.staff_id or not member.name.strip():
            raise StaffError("a staff record needs an id and a name")
        _decode(member.pin_hash)
        return member


def check_pin_format(pin: str) -> None:
    if not PIN_PATTERN.match(pin):
        raise StaffError("a PIN is 4 to 8 digits")


def hash_pin(pin: str, salt: bytes) -> str:
    """The PIN as `scrypt$N$r$p$salt$hash` (base64url), the only form it is ever stored in."""
    check_pin_format(pin)
    digest = _scrypt(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_pin(pin: str, encoded: str) -> bool:
    n, r, p, salt, digest = _decode(encoded)
    if not PIN_PATTERN.match(pin):
        return False
    return hmac.compare_digest(_scrypt(pin, salt, n, r, p), digest)


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=SCRYPT_MAXMEM, dklen=32)


def _decode(encoded: str) -> tuple[int, int, int, bytes, bytes]:
    parts = encoded.split("$")
    try:
        if len(parts) != 6 or parts[0] != "scrypt":
            raise ValueError("not an scrypt hash")
        n, r, p = (int(part) for part in parts[1:4])
        salt, digest = (
            base64.urlsafe_b64decode(parts[4] + "=="),
            base64.urlsafe_b64decode(parts[5] + "=="),
        )
    except ValueError as exc:
        raise StaffError(f"bad PIN hash: {exc}") from None
    if n < 2**10 or n & (n - 1) or not 1 <= r <= 32 or not 1 <= p <= 16 or n * r * 128 > 2**25:
        raise StaffError("bad PIN hash: scrypt parameters out of range")
    if len(salt) < 16 or len(digest) != 32:
        raise StaffError("bad PIN hash: salt or digest of the wrong size")
    return n, r, p, salt, digest


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    max_failures: int = 5
    lock_for: timedelta = timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class LoginState:
    """Wrong PINs in a row for one person, and until when they are locked out."""

    failures: int = 0
    locked_until: datetime | None = None

    def locked_at(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def after_failure(self, now: datetime, policy: LockoutPolicy) -> LoginState:
        """One more wrong PIN; the last one allowed locks. A lock that ran out starts over."""
        failures = 0 if self.locked_until is not None else self.failures
        failures += 1
        if failures >= policy.max_failures:
            return LoginState(failures, now + policy.lock_for)
        return replace(self, failures=failures, locked_until=None)

    def tries_left(self, policy: LockoutPolicy) -> int:
        return max(policy.max_failures - self.failures, 0)
