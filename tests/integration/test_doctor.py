"""`pos-client doctor` on a real terminal database and the real hub."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from loyalty_hub.server import EmbeddedHub
from pos_client.cli import main
from pos_client.config import TerminalConfig
from pos_client.doctor import overall, run_checks
from pos_client.sync.engine import SyncEngine
from tests.conftest import OUTLET, TERMINAL

pytestmark = pytest.mark.integration


def terminal(hub: EmbeddedHub, token: str, data_dir: Path, camera: str = "") -> TerminalConfig:
    return TerminalConfig(hub.url, OUTLET, TERMINAL, token, data_dir, camera=camera)


def statuses(config: TerminalConfig, now: datetime | None = None) -> dict[str, str]:
    checks = run_checks(config, now=lambda: now or datetime.now(UTC))
    return {check.name: check.status for check in checks if check.name != "disk"}


def test_a_synced_terminal_is_healthy(
    hub: EmbeddedHub, hub_token: str, primed: SyncEngine, tmp_path: Path
) -> None:
    assert statuses(terminal(hub, hub_token, tmp_path)) == {
        "decoders": "ok",
        "camera": "ok",
        "printer": "ok",
        "journal": "ok",
        "cache ruleset": "ok",
        "cache catalog": "ok",
        "cache members": "ok",
        "queue": "ok",
        "rejected": "ok",
        "conflicts": "ok",
        "hub": "ok",
        "clock": "ok",
        "token": "ok",
    }


def test_what_degrades_and_what_breaks(
    hub: EmbeddedHub, hub_token: str, primed: SyncEngine, tmp_path: Path
) -> None:
    later = datetime.now(UTC) + timedelta(days=2)
    stale = statuses(terminal(hub, hub_token, tmp_path), now=later)
    assert stale["cache catalog"] == "degraded" and stale["clock"] == "degraded"
    absent_camera = terminal(hub, hub_token, tmp_path, camera="file:/nonexistent/cam.png")
    assert statuses(absent_camera)["camera"] == "degraded"
    refused = run_checks(terminal(hub, "not-a-token", tmp_path))
    assert {c.name: c.status for c in refused}["token"] == "broken"
    assert overall(refused) == "broken"
    elsewhere = replace(terminal(hub, hub_token, tmp_path), outlet_id="msk-arbat")
    (token,) = [c for c in run_checks(elsewhere) if c.name == "token"]
    assert token.status == "broken"
    assert token.detail.startswith(f"the hub knows this token as terminal {TERMINAL} of outlet")
    hub.stop()
    offline = run_checks(terminal(hub, hub_token, tmp_path))
    assert {c.name: c.status for c in offline}["hub"] == "degraded"
    assert "token" not in {c.name for c in offline}


def test_a_damaged_journal_is_broken(hub: EmbeddedHub, hub_token: str, tmp_path: Path) -> None:
    data = tmp_path / "damaged"
    data.mkdir()
    (data / "terminal.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    assert statuses(terminal(hub, hub_token, data))["journal"] == "broken"


def test_the_cli_prints_json_and_exits_by_the_worst_check(
    hub_token: str,
    primed: SyncEngine,
    cli_config: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main([*cli_config, "doctor", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == {"ok": 0, "degraded": 1}[report["status"]]  # disk space is the machine's
    assert hub_token not in json.dumps(report)
    monkeypatch.setenv("POS_CLIENT_TOKEN", "wrong-token-wrong-token")
    assert main([*cli_config, "doctor"]) == 2
    assert "overall: broken" in capsys.readouterr().out
    monkeypatch.delenv("POS_CLIENT_API_URL")
    assert main([*cli_config, "doctor"]) == 2
