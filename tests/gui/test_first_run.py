"""The first-run screen of a till with no settings, against the real hub over loopback."""

from __future__ import annotations

import gc
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from loyalty_hub.server import EmbeddedHub
from pos_client.cli import main
from pos_client.ui.first_run import SetupScreen
from pos_client.ui.strings import Language, set_language
from tests.conftest import OUTLET, TERMINAL

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("no_keyring")]
TEST_TIMEOUT_MS = 15_000


@pytest.fixture
def screen(qtbot: QtBot, tmp_path: Path) -> Iterator[SetupScreen]:
    previous = Language.current
    set_language("en")
    screen = SetupScreen(tmp_path / "pos-client" / "config.toml", "en")
    qtbot.addWidget(screen)
    screen.show()
    yield screen
    set_language(previous)


def fill(qtbot: QtBot, screen: SetupScreen, **values: str) -> None:
    for name, value in values.items():
        field = screen.fields[name]
        field.clear()
        qtbot.keyClicks(field, value)


def test_test_connection_says_the_hub_answers_then_save_writes_the_settings(
    qtbot: QtBot, screen: SetupScreen, hub: EmbeddedHub, hub_token: str
) -> None:
    fill(qtbot, screen, api_url=hub.url, outlet_id=OUTLET, terminal_id=TERMINAL, token=hub_token)
    qtbot.mouseClick(screen.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.status.property("kind") == "ok", timeout=TEST_TIMEOUT_MS)
    assert "answers and accepts this till's token" in screen.status.text()
    assert screen.test_button.isEnabled()
    assert not screen.config_path.exists()  # testing writes nothing
    with qtbot.waitSignal(screen.accepted):
        qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    saved = tomllib.loads(screen.config_path.read_text())
    assert saved["api_url"] == hub.url
    assert (saved["outlet_id"], saved["terminal_id"], saved["language"]) == (
        OUTLET,
        TERMINAL,
        "en",
    )
    assert "token" not in saved
    token_file = Path(saved["token_file"])
    assert token_file.read_text().strip() == hub_token
    assert token_file.stat().st_mode & 0o777 == 0o600


def test_a_wrong_token_another_tills_token_and_a_hub_that_is_gone_are_told_apart(
    qtbot: QtBot, screen: SetupScreen, hub: EmbeddedHub, hub_token: str
) -> None:
    fill(qtbot, screen, api_url=hub.url, outlet_id=OUTLET, terminal_id=TERMINAL, token="x" * 43)
    qtbot.mouseClick(screen.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.status.property("kind") == "error", timeout=TEST_TIMEOUT_MS)
    assert "The hub refused the token" in screen.status.text()
    fill(qtbot, screen, terminal_id=f"{OUTLET}-T02", token=hub_token)  # T01's token
    qtbot.mouseClick(screen.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "knows this token" in screen.status.text(), timeout=TEST_TIMEOUT_MS)
    assert screen.status.text() == (
        f"The hub knows this token as terminal {TERMINAL} of outlet {OUTLET}: correct the"
        " outlet and terminal ID, or use this terminal's own token"
    )
    url = hub.url
    hub.stop()
    fill(qtbot, screen, api_url=url)
    qtbot.mouseClick(screen.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "does not answer" in screen.status.text() and screen.test_button.isEnabled(),
        timeout=TEST_TIMEOUT_MS,
    )
    assert not screen.config_path.parent.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("api_url", "loyalty.example.com", "must start with http:// or https://"),
        ("outlet_id", "spb nevsky", "Outlet: 1 to 64 letters"),
        ("terminal_id", "", "Terminal ID: 1 to 64 letters"),
        ("token", "short", "Token: 16 to 512 characters"),
    ],
)
def test_a_bad_field_is_named_focused_and_nothing_is_written(
    qtbot: QtBot, screen: SetupScreen, field: str, value: str, message: str
) -> None:
    good = {
        "api_url": "http://127.0.0.1:9",
        "outlet_id": OUTLET,
        "terminal_id": TERMINAL,
        "token": "t" * 32,
    }
    fill(qtbot, screen, **{**good, field: value})
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert message in screen.status.text()
    assert screen.status.property("kind") == "error"
    assert screen.fields[field].hasFocus()
    assert not screen.isHidden()
    assert not screen.config_path.parent.exists()


def test_the_screen_speaks_the_language_chosen_on_it(qtbot: QtBot, screen: SetupScreen) -> None:
    screen.language.setCurrentIndex(screen.language.findData("ru"))
    assert screen.save_button.text() == "Сохранить и начать"
    assert screen.windowTitle() == "Настройка кассы"
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "Адрес сервера должен начинаться" in screen.status.text()


def test_a_till_without_settings_opens_the_first_run_screen(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shown: list[SetupScreen] = []

    def close_it() -> None:
        screen = QApplication.activeModalWidget()
        assert isinstance(screen, SetupScreen)
        shown.append(screen)
        screen.reject()

    QTimer.singleShot(0, close_it)
    assert main(["--config", str(tmp_path / "absent.toml"), "--language", "en"]) == 2
    assert shown and shown[0].config_path == tmp_path / "absent.toml"
    assert "not set up; nothing was written" in capsys.readouterr().err
    assert not (tmp_path / "absent.toml").exists()
    assert gc.isenabled()  # the start turns the collector off; every way out turns it back on


def test_a_broken_config_is_reported_not_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("api_url = ")
    assert main(["--config", str(config)]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert config.read_text() == "api_url = "
