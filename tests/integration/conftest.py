"""Fixtures of the integration tests: terminals syncing with the real hub over loopback."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from loyalty_hub.server import EmbeddedHub
from pos_client.store.caches import Caches
from pos_client.store.journal import Journal
from pos_client.store.secret_file import SecretFile
from pos_client.sync.client import HubClient
from pos_client.sync.engine import SyncEngine
from tests.conftest import CAPPUCCINO, CROISSANT, GOLD_CARD, OUTLET, TERMINAL
from tests.integration.crash_harness import Terminal


def utc_now() -> datetime:
    return datetime.now(UTC)


EngineFactory = Callable[[str, str], SyncEngine]


@pytest.fixture
def make_engine(journal: Journal, caches: Caches) -> Iterator[EngineFactory]:
    """Sync engines for the test terminal, talking to a given URL with a given token."""
    clients: list[HubClient] = []

    def make(url: str, token: str) -> SyncEngine:
        clients.append(HubClient(url, token))
        return SyncEngine(clients[-1], journal, caches, utc_now)

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def primed(hub: EmbeddedHub, hub_token: str, make_engine: EngineFactory) -> SyncEngine:
    """A terminal that has synced once, so it has catalog, rules and members."""
    engine = make_engine(hub.url, hub_token)
    engine.sync_once()
    return engine


@pytest.fixture
def phone_key(tmp_path: Path) -> SecretFile:
    return SecretFile(tmp_path / "terminal" / "phone.key")


@pytest.fixture
def client(hub: EmbeddedHub, hub_token: str) -> Iterator[HubClient]:
    with HubClient(hub.url, hub_token) as client:
        yield client


@pytest.fixture
def synced(
    client: HubClient, journal: Journal, caches: Caches, phone_key: SecretFile
) -> SyncEngine:
    engine = SyncEngine(client, journal, caches, utc_now, phone_key=phone_key)
    engine.sync_once()
    return engine


@pytest.fixture
def cli_config(
    hub: EmbeddedHub, hub_token: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> list[str]:
    """Command-line options for the test terminal, set up by environment as automation does:
    the hub, its token, and the data folder the `journal` fixture's database lives in."""
    for key, value in {
        "API_URL": hub.url,
        "OUTLET_ID": OUTLET,
        "TERMINAL_ID": TERMINAL,
        "TOKEN": hub_token,
        "DATA_DIR": str(tmp_path),
    }.items():
        monkeypatch.setenv(f"POS_CLIENT_{key}", value)
    return ["--config", str(tmp_path / "absent.toml")]


@pytest.fixture
def killable(hub: EmbeddedHub, hub_token: str, primed: SyncEngine, tmp_path: Path) -> Terminal:
    """The primed test terminal, for children that sell on it until they are killed."""
    return Terminal(
        tmp_path / "terminal.sqlite3",
        hub.url,
        hub_token,
        OUTLET,
        TERMINAL,
        (CAPPUCCINO, CROISSANT),
        GOLD_CARD,
    )
