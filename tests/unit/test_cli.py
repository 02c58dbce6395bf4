"""The command line: options where store IT types them."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_client.cli import build_parser, main


@pytest.mark.parametrize(
    "argv",
    [
        ["--config", "till.toml", "doctor"],
        ["doctor", "--config", "till.toml"],
        ["status", "--json", "--config", "till.toml"],
        ["problems", "--resend-all", "--config", "till.toml"],
        ["sync", "--once", "--config", "till.toml"],
        ["config", "show", "--config", "till.toml"],
        ["backup", "copy.sqlite3", "--config", "till.toml"],
        ["restore", "--config", "till.toml", "copy.sqlite3"],
        ["provision", "--api", "http://hub", "--outlet", "o", "--terminal-id", "t", "--token",
         "x", "--config", "till.toml"],
    ],
)  # fmt: skip
def test_the_config_file_may_be_named_before_or_after_the_command(argv: list[str]) -> None:
    assert build_parser().parse_args(argv).config == Path("till.toml")


def test_without_a_config_option_the_default_place_is_used() -> None:
    assert build_parser().parse_args(["status"]).config is None


def test_a_command_reads_the_config_named_after_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("API_URL", "OUTLET_ID", "TERMINAL_ID", "TOKEN"):
        monkeypatch.delenv(f"POS_CLIENT_{name}", raising=False)
    config = tmp_path / "till.toml"
    config.write_text('outlet_id = "spb-nevsky"\n', "utf-8")
    assert main(["status", "--config", str(config)]) == 2
    error = capsys.readouterr().err
    assert str(config) in error and "api_url, terminal_id, token missing" in error
