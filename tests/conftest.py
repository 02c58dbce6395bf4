"""Shared fixtures: the demo seed, a real hub on loopback, a terminal database."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from loyalty_hub.seed import demo_seed, load_seed
from loyalty_hub.server import EmbeddedHub
from pos_client.logs import setup_logging, stop_logging
from pos_client.store.caches import Caches
from pos_client.store.db import open_database
from pos_client.store.journal import Journal

OUTLET = "spb-nevsky"
TERMINAL = "spb-nevsky-T01"
CAPPUCCINO = "4607012340016"  # coffee, 190,00; -15% in cafe outlets
CROISSANT = "4607012340115"  # bakery, 89,00; -10% on Nevsky
MILK = "4607012340177"  # dairy, 89,90; -7%
WATER = "4607012340306"  # drinks, 59,90; no promotion
GOLD_CARD = "2780000000047"  # M-00004, gold, 548 points
GOUDA = "4607012340511"  # Gouda sold by weight, 899,00 a kg, PLU 00101; dairy: -7%
GOUDA_754_G = "2200101007542"  # the scale's label for 754 g of it: 677,85


def fixed_clock() -> datetime:
    return datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[EmbeddedHub]:
    hub = EmbeddedHub(tmp_path / "hub.sqlite3")
    load_seed(hub.store, demo_seed())
    hub.start()
    yield hub
    hub.close()


@pytest.fixture
def hub_token(hub: EmbeddedHub) -> str:
    _, token = hub.store.add_terminal(OUTLET, TERMINAL)
    return token


@pytest.fixture
def terminal_db(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "terminal.sqlite3")
    yield db
    db.close()


@pytest.fixture
def journal(terminal_db) -> Journal:  # type: ignore[no-untyped-def]
    return Journal(terminal_db)


@pytest.fixture
def caches(terminal_db) -> Caches:  # type: ignore[no-untyped-def]
    return Caches(terminal_db)


LogStarter = Callable[[list[str]], Path]


@pytest.fixture
def start_log(tmp_path: Path) -> Iterator[LogStarter]:
    """Start the product's log in tmp_path with these secrets; stopped after the test."""
    yield lambda secrets: setup_logging(tmp_path / "logs", secrets=secrets)
    stop_logging()


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """As on a till without a keyring backend: tokens go to a 0600 file."""
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def moscow_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process's local time zone is Moscow (UTC+3), for what shows stored UTC times."""
    monkeypatch.setenv("TZ", "Europe/Moscow")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
