import json
import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.backends.fail
import pytest

from pos_client.cli import main
from pos_client.config import load_config
from pos_client.provisioning import ProvisionError, Settings, provision

TOKEN = "tok_3f9a8b7c6d5e4f3a2b1c"
GOOD = Settings("http://hub.example:8700/", "spb-nevsky", "spb-nevsky-T07", TOKEN)


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_without_a_keyring_the_token_goes_to_an_owner_only_file(
    no_keyring: None, tmp_path: Path
) -> None:
    path = tmp_path / "pos-client" / "config.toml"
    done = provision(GOOD, path)
    token_file = path.parent / "token"
    assert done.token_stored == str(token_file)
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    assert TOKEN not in path.read_text()
    config = load_config(path, env={})
    assert (config.api_url, config.outlet_id, config.terminal_id) == (
        "http://hub.example:8700",
        "spb-nevsky",
        "spb-nevsky-T07",
    )
    assert (config.token, config.token_source) == (TOKEN, str(token_file))


def test_with_a_keyring_the_token_is_kept_there(
    memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    path = tmp_path / "config.toml"
    assert provision(GOOD, path).token_stored == "keyring"
    assert memory_keyring.items == {("pos-client", "spb-nevsky-T07"): TOKEN}
    assert not (tmp_path / "token").exists()
    config = load_config(path, env={})
    assert (config.token, config.token_source) == (TOKEN, "keyring")
    overridden = load_config(path, env={"POS_CLIENT_TOKEN": "from-the-environment"})
    assert (overridden.token, overridden.token_source) == (
        "from-the-environment",
        "POS_CLIENT_TOKEN",
    )


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (Settings("ftp://hub", "o", "t", TOKEN), "--api must be an http"),
        (Settings("hub:8700", "o", "t", TOKEN), "--api must be an http"),
        (Settings("http://", "o", "t", TOKEN), "--api must be an http"),
        (Settings("http://hub", "spb nevsky", "t", TOKEN), "--outlet must be"),
        (Settings("http://hub", "o", "", TOKEN), "--terminal-id must be"),
        (Settings("http://hub", "o", "t'; DROP TABLE x;--", TOKEN), "--terminal-id must be"),
        (Settings("http://hub", "o", "t", "short"), "--token must be"),
        (Settings("http://hub", "o", "t", TOKEN + " x"), "--token must be"),
    ],
)
def test_bad_settings_are_named_and_nothing_is_written(
    memory_keyring: MemoryKeyring, tmp_path: Path, settings: Settings, message: str
) -> None:
    with pytest.raises(ProvisionError, match=message):
        provision(settings, tmp_path / "config.toml")
    assert list(tmp_path.iterdir()) == []
    assert memory_keyring.items == {}


def test_a_provisioned_till_is_not_replaced_without_force(
    memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    path = tmp_path / "config.toml"
    provision(GOOD, path)
    other = Settings("http://other:8700", "msk-arbat", "msk-arbat-T01", TOKEN)
    with pytest.raises(ProvisionError, match="provisioned already"):
        provision(other, path)
    assert load_config(path, env={}).outlet_id == "spb-nevsky"
    provision(other, path, force=True)
    assert load_config(path, env={}).outlet_id == "msk-arbat"


def test_the_cli_provisions_and_shows_the_config_without_the_token(
    memory_keyring: MemoryKeyring, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "config.toml"
    argv = ["--config", str(path), "provision", "--api", "http://hub:8700", "--outlet", "o1"]
    assert main([*argv, "--terminal-id", "o1-T1", "--token", TOKEN]) == 0
    assert "token stored in the OS keyring" in capsys.readouterr().out
    assert main(["--config", str(path), "config", "show", "--json"]) == 0
    out = capsys.readouterr().out
    assert TOKEN not in out
    shown = json.loads(out)
    assert shown["token"] == f"(hidden, {len(TOKEN)} characters)"
    assert (shown["token_source"], shown["outlet_id"]) == ("keyring", "o1")
    assert main([*argv, "--terminal-id", "o 1", "--token", TOKEN, "--force"]) == 2
    assert "--terminal-id must be" in capsys.readouterr().err
