"""Another till of the same outlet on a real hub, driven without a window: it sells and takes
returns through the same checkout and sync code as the till under test."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from loyalty_hub.store import HubStore
from pos_client.checkout import Checkout, Till
from pos_client.store.caches import Caches
from pos_client.store.db import open_database
from pos_client.store.journal import Journal
from pos_client.sync.client import HubClient
from pos_client.sync.engine import SyncEngine
from tests.conftest import OUTLET

OTHER_TERMINAL = "spb-nevsky-T02"


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class OtherTill:
    checkout: Checkout
    journal: Journal
    client: HubClient
    engine: SyncEngine
    db: sqlite3.Connection

    def close(self) -> None:
        self.client.close()
        self.db.close()


def open_other_till(store: HubStore, url: str, root: Path) -> OtherTill:
    """Provisioned on the hub as OTHER_TERMINAL and synced once, so it has rules and members."""
    _, token = store.add_terminal(OUTLET, OTHER_TERMINAL)
    db = open_database(root / "other-till.sqlite3")
    journal, caches = Journal(db), Caches(db)
    client = HubClient(url, token)
    engine = SyncEngine(client, journal, caches, utc_now)
    engine.sync_once()
    checkout = Checkout(
        journal=journal, caches=caches, till=Till(OUTLET, OTHER_TERMINAL), clock=utc_now
    )
    return OtherTill(checkout, journal, client, engine, db)
