"""Demo mode: a seeded hub on a free loopback port and a terminal in a throwaway directory."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pos_client.config import TerminalConfig
from pos_client.printing.target import PrinterTarget
from pos_client.store.caches import Caches
from pos_client.store.db import open_database
from pos_client.store.journal import Journal
from pos_client.store.secret_file import SecretFile
from pos_client.sync.client import HubClient
from pos_client.sync.engine import SyncEngine

DEMO_OUTLET = "spb-nevsky"
DEMO_TERMINAL = "spb-nevsky-T01"


@dataclass
class DemoEnvironment:
    root: Path
    config: TerminalConfig
    hub: object  # loyalty_hub.server.EmbeddedHub; typed loosely so pos_client needs no hub

    def members(self) -> list[tuple[str, str]]:
        """(member id, name) of the demo's members, for the member's app window."""
        rows = self.hub.store.query("SELECT member_id, name FROM members ORDER BY member_id")  # type: ignore[attr-defined]
        return [(row["member_id"], row["name"]) for row in rows]

    def app_code(self, member_id: str, unix_time: float) -> str:
        """The code the member's app shows at that time, signed by the demo hub."""
        from loyalty_hub.tokens import member_token

        return member_token(self.hub.store, member_id, datetime.fromtimestamp(unix_time, UTC))  # type: ignore[attr-defined]

    def close(self) -> None:
        self.hub.close()  # type: ignore[attr-defined]
        shutil.rmtree(self.root, ignore_errors=True)


def start_demo(language: str = "ru", root: Path | None = None, camera: str = "") -> DemoEnvironment:
    """Start the embedded hub with the demo seed and configure one terminal for it.

    The terminal's caches are filled once before the window opens, so the demo starts ready.
    """
    try:
        from loyalty_hub.seed import demo_seed, load_seed
        from loyalty_hub.server import EmbeddedHub
    except ImportError as exc:
        raise SystemExit(
            f"pos-client: demo mode needs the hub extra ({exc.name} is missing): "
            "pip install -e '.[hub]'"
        ) from exc
    root = root or Path(tempfile.mkdtemp(prefix="pos-client-demo-"))
    root.mkdir(parents=True, exist_ok=True)
    hub = EmbeddedHub(root / "hub.sqlite3")
    load_seed(hub.store, demo_seed())
    terminal_id, token = hub.store.add_terminal(DEMO_OUTLET, DEMO_TERMINAL)
    hub.start()
    config = TerminalConfig(
        api_url=hub.url,
        outlet_id=DEMO_OUTLET,
        terminal_id=terminal_id,
        token=token,
        data_dir=root / "terminal",
        language=language,
        sync_interval_s=10.0,
        camera=camera,
        printer=PrinterTarget("file", str(root / "receipts.prn")),  # the demo's receipt roll
    )
    db = open_database(config.db_path)
    with HubClient(config.api_url, config.token) as client:
        SyncEngine(
            client,
            Journal(db),
            Caches(db),
            lambda: datetime.now(UTC),
            phone_key=SecretFile(config.phone_key_path),
            terminal=config.identity,
        ).sync_once()
    db.close()
    return DemoEnvironment(root=root, config=config, hub=hub)
