"""`loyalty-hub` for store IT: a hub is seeded once, and commands on a hub that does not exist
or an outlet it does not have are refused with what to do instead."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from loyalty_hub.cli import main
from loyalty_hub.seed import demo_seed


def ledger(db: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT member_id, points FROM points_ledger ORDER BY member_id"
        ).fetchall()


def test_a_hub_is_seeded_once_and_a_second_seed_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "hub.sqlite3"
    assert main(["seed", "demo", "--db", str(db)]) == 0
    opening = ledger(db)
    assert opening and all(points > 0 for _, points in opening)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE members SET points = points + 7")  # life after the seed
    capsys.readouterr()
    assert main(["seed", "demo", "--db", str(db)]) == 2
    assert "already holds a seed" in capsys.readouterr().err
    assert ledger(db) == opening  # no second opening balance
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT MIN(points) FROM members").fetchone()[0] >= 7


@pytest.mark.parametrize(
    "content",
    [None, "{not json", json.dumps({"outlets": []}), json.dumps({**demo_seed(), "members": [{}]})],
    ids=["absent", "not JSON", "no products", "a bad member"],
)
def test_a_bad_seed_is_refused_and_makes_no_hub(
    content: str | None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = tmp_path / "seed.json"
    if content is not None:
        seed.write_text(content, "utf-8")
    for command in ("seed", "serve"):
        argv = [command, str(seed), "--db", str(tmp_path / "hub.sqlite3")]
        if command == "serve":
            argv = ["serve", "--seed", str(seed), "--db", str(tmp_path / "hub.sqlite3")]
        assert main(argv) == 2
        assert f"cannot load seed {str(seed)!r}" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == ([seed] if content is not None else [])


def test_commands_on_a_hub_that_does_not_exist_create_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "typo.sqlite3"
    assert main(["terminal", "add", "--db", str(db), "--outlet", "spb-nevsky"]) == 2
    assert f"no hub database at {db}" in capsys.readouterr().err
    assert not db.exists()


def test_an_unknown_outlet_is_refused_with_the_outlets_the_hub_has(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "hub.sqlite3"
    assert main(["seed", "demo", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["terminal", "add", "--db", str(db), "--outlet", "spb-nevski"]) == 2
    error = capsys.readouterr().err
    assert "unknown outlet 'spb-nevski'" in error and "spb-nevsky" in error
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM terminals").fetchone()[0] == 0
    assert main(["terminal", "add", "--db", str(db), "--outlet", "spb-nevsky"]) == 0
    assert "token = " in capsys.readouterr().out
