from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot

from pos_client.sync.status import SyncStatus
from pos_client.ui.status_bar import SyncStatusBar
from pos_client.ui.strings import set_language


@pytest.fixture
def bar(qtbot: QtBot) -> SyncStatusBar:
    set_language("en")
    widget = SyncStatusBar("Nevsky, 48", "T1")
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.mark.parametrize(
    ("status", "text", "state"),
    [
        (SyncStatus(), "● Connecting…", "unknown"),
        (SyncStatus(online=True), "● Online", "online"),
        (SyncStatus(online=False, error_kind="unavailable"), "● Offline", "offline"),
        (SyncStatus(online=False, error_kind="refused"), "● Token refused", "offline"),
        (
            SyncStatus(online=False, error_kind="wrong_terminal"),
            "● Another till's token",
            "offline",
        ),
        (SyncStatus(online=False, error_kind="bad_answer"), "● Server answers wrongly", "offline"),
        (SyncStatus(online=False, working_offline=True), "● Working offline", "offline"),
    ],
)
def test_connection_state(bar: SyncStatusBar, status: SyncStatus, text: str, state: str) -> None:
    bar.show_status(status)
    assert bar.connection.text() == text
    assert bar.connection.property("state") == state


def test_queue_dead_letters_last_sync_and_warnings(bar: SyncStatusBar) -> None:
    assert bar.last_sync.text() == "Last sync: never"
    assert not bar.dead.isVisible() and not bar.warning.isVisible()
    synced = datetime(2026, 11, 22, 9, 30, 5, tzinfo=UTC)
    bar.show_status(
        SyncStatus(
            online=True,
            waiting=3,
            dead_letters=1,
            last_sync_at=synced,
            warnings=("ruleset refused, the previous one stays: rule 'x': field 'percent'",),
        )
    )
    assert bar.waiting.text() == "Waiting to sync: 3"
    assert bar.dead.text() == "Rejected: 1" and bar.dead.isVisible()
    assert bar.last_sync.text() == f"Last sync: {synced.astimezone().strftime('%H:%M:%S')}"
    assert bar.warning.isVisible() and "rule 'x'" in bar.warning.toolTip()
