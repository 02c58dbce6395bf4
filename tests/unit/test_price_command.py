"""`pos-client price` as a store's IT or the hub team would run it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pos_client.cli import main
from pos_client.resources import resource_path

EXAMPLES = resource_path("examples")
RULES = EXAMPLES / "ruleset-spb-nevsky.json"
RECEIPT = EXAMPLES / "receipt-cafe-morning.json"
GOLD = EXAMPLES / "member-gold.json"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pos_client", "price", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_same_input_same_bytes() -> None:
    args = (
        "--rules",
        str(RULES),
        "--receipt",
        str(RECEIPT),
        "--member",
        str(GOLD),
        "--at",
        "2026-11-22T09:30:00",
    )
    first, second = run(*args), run(*args)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    priced = json.loads(first.stdout)
    # 2 cappuccinos: 15% off, then the member's 6th cup free; croissants 2+1 then 10% off
    assert priced["lines"][0]["total"] == 16150
    assert [a["rule_id"] for a in priced["lines"][1]["adjustments"]] == [
        "croissant-3-for-2",
        "bakery-spb-10",
    ]
    assert priced["points"]["awards"][1] == {"rule_id": "honey-bonus-50", "points": 50}
    assert priced["totals"]["total"] == sum(line["total"] for line in priced["lines"])


def test_first_purchase_gets_a_coupon(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "price",
                "--rules",
                str(RULES),
                "--receipt",
                str(RECEIPT),
                "--member",
                str(EXAMPLES / "member-first-purchase.json"),
                "--at",
                "2026-11-22T09:30",
            ]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out)["coupons"] == [
        {"rule_id": "welcome-coupon", "code": "WELCOME-200"}
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"receipt": "missing.json"}, "missing.json"),
        ({"receipt": "garbage"}, "not valid JSON"),
        ({"receipt": "no_lines"}, "expected an object with a list 'lines'"),
        ({"rules": "bad_rules"}, "rule 'x': effect: field 'percent'"),
        ({"at": "yesterday"}, "--at"),
        ({"channel": "tv"}, "--channel"),
    ],
)
def test_bad_input_exits_2_with_a_message(
    tmp_path: Path, change: dict[str, str], message: str
) -> None:
    (tmp_path / "garbage").write_text("{not json")
    (tmp_path / "no_lines").write_text('{"items": []}')
    rules = json.loads(RULES.read_text())
    rules["rules"] = [
        {
            "id": "x",
            "name": {"ru": "x", "en": "x"},
            "effect": {"type": "percent_off", "percent": 300},
        }
    ]
    (tmp_path / "bad_rules").write_text(json.dumps(rules))
    files = {"rules": str(RULES), "receipt": str(RECEIPT)}
    files.update({k: str(tmp_path / v) for k, v in change.items() if k in files})
    args = ["--rules", files["rules"], "--receipt", files["receipt"]]
    if "at" in change:
        args += ["--at", change["at"]]
    if "channel" in change:
        args += ["--channel", change["channel"]]
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stdout == ""
