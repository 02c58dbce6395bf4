"""`pos-client problems` on a till whose sale the real hub rejected: listed with its reason,
refused for a key that is not a rejected record, sent again once the cause is put right."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from loyalty_hub.server import EmbeddedHub
from pos_client.checkout import Checkout, Till
from pos_client.cli import main
from pos_client.store.caches import Caches
from pos_client.store.journal import Journal
from pos_client.sync.client import HubClient
from pos_client.sync.engine import SyncEngine
from tests.conftest import CAPPUCCINO, GOLD_CARD, OUTLET, TERMINAL

pytestmark = pytest.mark.integration

MEMBER = "M-00004"  # GOLD_CARD's


def utc_now() -> datetime:
    return datetime.now(UTC)


def test_a_rejected_sale_is_listed_and_sent_again_from_the_command_line(
    hub: EmbeddedHub,
    hub_token: str,
    journal: Journal,
    caches: Caches,
    cli_config: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = cli_config
    with HubClient(hub.url, hub_token) as client:
        engine = SyncEngine(client, journal, caches, utc_now)
        engine.sync_once()
        with hub.store.transaction() as conn:  # the hub loses the member the till has cached
            member = conn.execute("SELECT * FROM members WHERE member_id = ?", [MEMBER]).fetchone()
            conn.execute("DELETE FROM members WHERE member_id = ?", [MEMBER])
        checkout = Checkout(
            journal=journal, caches=caches, till=Till(OUTLET, TERMINAL), clock=utc_now
        )
        checkout.reload_rules()
        checkout.scan(CAPPUCCINO)
        checkout.identify_card(GOLD_CARD)
        sale = checkout.pay("card", 0)
        assert engine.sync_once().rejected == 1

        assert main([*config, "problems", "--csv", str(tmp_path / "problems.csv")]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert lines[0].startswith("rejected  sale     ")
        assert lines[0].endswith(f"  {sale.sale_id}  unknown_member")
        assert lines[1:] == ["1 rejected, 0 conflicts"]
        with (tmp_path / "problems.csv").open(encoding="utf-8-sig") as file:
            assert [row["key"] for row in csv.DictReader(file)] == [sale.sale_id]
        assert main([*config, "problems", "--json"]) == 0
        (row,) = json.loads(capsys.readouterr().out)
        assert (row["list"], row["reason"], row["receipt"]) == ("dead_letter", "unknown_member", 1)

        assert main([*config, "problems", "--resend", sale.sale_id, "no-such-key"]) == 2
        assert "not a rejected record here: no-such-key" in capsys.readouterr().err
        assert journal.queue_state().dead_letters == 1  # refused whole: nothing moved

        with hub.store.transaction() as conn:
            conn.execute(f"INSERT INTO members VALUES ({', '.join('?' * len(member))})", member)
        assert main([*config, "problems", "--resend-all"]) == 0
        assert capsys.readouterr().out == "1 back in the queue: they go with the till's next sync\n"
        assert main([*config, "sync", "--once"]) == 0
        assert "sent 1: applied 1" in capsys.readouterr().out
    assert main([*config, "problems"]) == 0
    assert capsys.readouterr().out == "no problems: the hub took every record\n"
