"""`provision --check` against the real hub: a good token, a wrong one, another till's, no hub
at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from loyalty_hub.server import EmbeddedHub
from pos_client.provisioning import ProvisionError, Settings, provision

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("no_keyring")]


def test_a_good_token_passes_the_check(hub: EmbeddedHub, hub_token: str, tmp_path: Path) -> None:
    settings = Settings(hub.url, "spb-nevsky", "spb-nevsky-T01", hub_token)
    provision(settings, tmp_path / "config.toml", check=True)
    assert (tmp_path / "config.toml").exists()


def test_a_wrong_token_or_no_hub_fails_the_check_and_writes_nothing(
    hub: EmbeddedHub, hub_token: str, tmp_path: Path
) -> None:
    wrong = Settings(hub.url, "spb-nevsky", "spb-nevsky-T01", "x" * 43)
    with pytest.raises(ProvisionError, match="refused this terminal's token"):
        provision(wrong, tmp_path / "config.toml", check=True)
    for outlet, terminal in (("msk-arbat", "spb-nevsky-T01"), ("spb-nevsky", "spb-nevsky-T02")):
        elsewhere = Settings(hub.url, outlet, terminal, hub_token)  # a typo, or a token mixed up
        with pytest.raises(
            ProvisionError,
            match=f"the hub knows this token as terminal spb-nevsky-T01 of outlet spb-nevsky;"
            f" this till is set up as terminal {terminal} of outlet {outlet}",
        ):
            provision(elsewhere, tmp_path / "config.toml", check=True)
    url = hub.url
    hub.stop()
    gone = Settings(url, "spb-nevsky", "spb-nevsky-T01", hub_token)
    with pytest.raises(ProvisionError, match="connection test failed"):
        provision(gone, tmp_path / "config.toml", check=True)
    assert not (tmp_path / "config.toml").exists()
    assert not (tmp_path / "token").exists()
