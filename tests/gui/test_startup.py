"""The installed program starting and stopping: an upgraded journal, a newer one, SIGTERM, and
what runs before the first paint."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos_client.store.db import add_functions
from pos_client.store.schema import MIGRATIONS

START_TIMEOUT_S = 60
START_TIMEOUT_MS = START_TIMEOUT_S * 1000


@pytest.fixture
def till_home(tmp_path: Path) -> Iterator[tuple[Path, dict[str, str]]]:
    """A provisioned terminal (hub unreachable: it starts offline) in a home of its own."""
    config = tmp_path / "config.toml"
    config.write_text(
        'api_url = "http://127.0.0.1:9"\noutlet_id = "spb-nevsky"\nterminal_id = "T7"\n'
        f'data_dir = "{tmp_path / "data"}"\nsync_interval_s = 60\nlanguage = "en"\n'
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "POS_CLIENT_TOKEN": "t" * 32,
    }
    yield config, env


def journal_version(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute("PRAGMA user_version").fetchone()[0])


def make_journal(path: Path, version: int) -> None:
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as db:
        add_functions(db)
        for statement in (
            s for script in MIGRATIONS[: min(version, len(MIGRATIONS))] for s in script
        ):
            db.execute(statement)
        db.execute(f"PRAGMA user_version = {version}")


def start(config: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "pos_client", "--config", str(config)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_an_older_journal_is_migrated_the_sync_waits_for_the_window_and_sigterm_closes_it(
    till_home: tuple[Path, dict[str, str]], qtbot: QtBot
) -> None:
    config, env = till_home
    journal = config.parent / "data" / "terminal.sqlite3"
    make_journal(journal, len(MIGRATIONS) - 1)
    log = config.parent / "state" / "pos-client" / "log" / "pos-client.log"
    logged: Callable[[str], bool] = lambda text: log.exists() and text in log.read_text()  # noqa: E731
    till = start(config, env)
    try:
        qtbot.waitUntil(lambda: logged("window ready"), timeout=START_TIMEOUT_MS)
        assert journal_version(journal) == len(MIGRATIONS)
        # The sync thread, whose first act is importing the HTTP stack, waits for the first
        # paint, so it never slows the window's start.
        qtbot.waitUntil(lambda: logged("sync started"), timeout=START_TIMEOUT_MS)
        text = log.read_text()
        assert text.index("window ready") < text.index("sync started")
        till.send_signal(signal.SIGTERM)
        _, stderr = till.communicate(timeout=START_TIMEOUT_S)
    finally:
        till.kill()
    assert till.returncode == 0, stderr
    assert logged("till closed")


def test_a_journal_from_a_newer_program_is_refused_and_left_alone(
    till_home: tuple[Path, dict[str, str]],
) -> None:
    config, env = till_home
    journal = config.parent / "data" / "terminal.sqlite3"
    make_journal(journal, len(MIGRATIONS) + 3)
    before = journal.read_bytes()
    till = start(config, env)
    _, stderr = till.communicate(timeout=START_TIMEOUT_S)
    assert till.returncode == 2
    assert "was written by a newer pos-client" in stderr
    assert f"database schema {len(MIGRATIONS) + 3} is newer than this program" in stderr
    assert journal.read_bytes() == before
