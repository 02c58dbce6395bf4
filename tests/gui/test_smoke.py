"""`pos-client --demo --smoke-test`, as store IT and the packaging check run it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from pos_client.cli import main


def test_the_smoke_test_makes_a_sale_that_syncs_and_exits_0() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "pos_client", "--demo", "--smoke-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "smoke test: sale 1 (161.50) journaled and synced" in done.stdout


def test_the_smoke_test_needs_the_demo(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--smoke-test"]) == 2
    assert "--smoke-test runs with --demo" in capsys.readouterr().err
