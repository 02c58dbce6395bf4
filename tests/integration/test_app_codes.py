"""App codes signed by the real hub, verified offline by a terminal that synced its keys."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from loyalty_hub.cli import main as hub_main
from loyalty_hub.server import EmbeddedHub
from loyalty_hub.tokens import member_token
from pos_client.checkout import Checkout, Till
from pos_client.checkout_errors import CheckoutError
from pos_client.core.loyalty import Member
from pos_client.store.caches import Caches
from pos_client.store.journal import Journal
from pos_client.store.seen_tokens import SeenTokens
from pos_client.sync.engine import SyncEngine
from tests.conftest import OUTLET, TERMINAL

pytestmark = pytest.mark.integration


def utc_now() -> datetime:
    return datetime.now(UTC)


def till(journal: Journal, caches: Caches, db: sqlite3.Connection) -> Checkout:
    return Checkout(
        journal=journal,
        caches=caches,
        till=Till(OUTLET, TERMINAL),
        clock=utc_now,
        seen_tokens=SeenTokens(db),
    )


def test_a_hub_signed_code_identifies_the_member_offline_once(
    hub: EmbeddedHub,
    primed: SyncEngine,
    journal: Journal,
    caches: Caches,
    terminal_db: sqlite3.Connection,
) -> None:
    assert caches.app_keys()  # pulled with the rest of the caches
    hub.stop()  # from here on the terminal is offline
    code = member_token(hub.store, "M-00004")
    checkout = till(journal, caches, terminal_db)
    member = checkout.handle_code(code)
    assert isinstance(member, Member) and member.member_id == "M-00004"
    restarted = till(journal, caches, terminal_db)  # the memory of used codes survives
    with pytest.raises(CheckoutError, match="app_code_replayed"):
        restarted.handle_code(code)


def test_loyalty_hub_token_prints_a_current_code(
    hub: EmbeddedHub, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "hub.sqlite3"  # the hub fixture's database
    assert hub_main(["token", "M-00004", "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith("LP1.k1.M-00004.")
    assert hub_main(["token", "M-404", "--db", str(db)]) == 2
    assert "no member" in capsys.readouterr().err
