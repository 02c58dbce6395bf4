"""Joining the programme at the till: who, with which consent, under which terms.

The programme's terms must be accepted; marketing messages are a separate choice, off unless
the customer asks for them. The consent keeps the moment it was given and the version of
the terms shown, so the hub can prove what the customer agreed to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

NAME_LENGTH = range(2, 81)


class EnrolmentError(ValueError):
    """An enrolment that cannot be made; `reason` names the missing or bad part."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Consent:
    terms_version: str
    given_at: datetime
    marketing: bool  # messages about offers; never assumed

    def to_dict(self) -> dict[str, Any]:
        return {
            "terms_version": self.terms_version,
            "given_at": self.given_at.isoformat(),
            "marketing": self.marketing,
        }


@dataclass(frozen=True, slots=True)
class Enrolment:
    """A new member as the till journals it and the hub receives it."""

    enrolment_id: str  # the idempotency key
    member_id: str
    name: str
    phone: str  # E.164; leaves the till only for the hub, the till's caches keep a digest
    card: str  # a plastic card linked at the till, or ""
    consent: Consent
    outlet_id: str
    terminal_id: str
    channel: str
    cashier_id: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "enrolment_id": self.enrolment_id,
            "member_id": self.member_id,
            "name": self.name,
            "phone": self.phone,
            "card": self.card,
            "consent": self.consent.to_dict(),
            "outlet_id": self.outlet_id,
            "terminal_id": self.terminal_id,
            "channel": self.channel,
            "cashier_id": self.cashier_id,
        }


def clean_name(text: str) -> str:
    """The name as typed, spaces tidied; EnrolmentError('name') when it is not a name."""
    name = " ".join(text.split())
    if len(name) not in NAME_LENGTH or not any(ch.isalpha() for ch in name):
        raise EnrolmentError("name")
    if any(not (ch.isalpha() or ch in " -'.") for ch in name):
        raise EnrolmentError("name")
    return name


def consent(terms_accepted: bool, marketing: bool, terms_version: str, at: datetime) -> Consent:
    """The consent given at the till; no enrolment without the programme's terms."""
    if not terms_accepted:
        raise EnrolmentError("no_terms_consent")
    return Consent(terms_version=terms_version, given_at=at, marketing=marketing)
