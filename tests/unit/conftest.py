"""Fixtures the use-case tests share."""

from __future__ import annotations

import base64
from dataclasses import replace
from pathlib import Path

import pytest

from loyalty_hub.seed import demo_seed
from pos_client.checkout import Checkout, Till
from pos_client.core.loyalty import Member
from pos_client.core.phone import mask_phone, normalize_phone, phone_digest
from pos_client.store.caches import Caches
from pos_client.store.journal import Journal
from pos_client.store.secret_file import SecretFile
from tests.conftest import OUTLET, TERMINAL, fixed_clock

PHONE_KEY = bytes(range(32))


@pytest.fixture
def with_phones(caches: Caches, journal: Journal, tmp_path: Path) -> Checkout:
    """A terminal whose member cache keys the seed's numbers with the outlet's phone key."""
    members = []
    for raw in demo_seed()["members"]:
        number = normalize_phone(raw["phone"]) if raw.get("phone") else ""
        members.append(
            replace(
                Member.from_dict(raw),
                phone_hmac=phone_digest(PHONE_KEY, number) if number else "",
                phone_masked=mask_phone(number) if number else "",
            )
        )
    caches.replace_members(1, members, fixed_clock())
    secret = SecretFile(tmp_path / "phone.key")
    secret.write(base64.urlsafe_b64encode(PHONE_KEY).rstrip(b"=").decode())
    return Checkout(
        journal=journal,
        caches=caches,
        till=Till(OUTLET, TERMINAL),
        clock=fixed_clock,
        phone_key=secret,
    )
