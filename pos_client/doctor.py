"""`pos-client doctor`: is this till fit to sell? One line per check, an exit code for monitoring.

Every check is read-only: the journal is opened read-only, the camera is read for one frame,
the printer is looked for (connected to, never printed on), the hub is asked twice (health,
then an authenticated call). Status per check and overall:
ok (0), degraded (1: selling works, something needs attention), broken (2: it does not).
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from pos_client.config import TerminalConfig
from pos_client.printing.target import PrinterTarget
from pos_client.scanner.decoders import QR_CODE, Decoder, PyzbarDecoder, ZxingDecoder
from pos_client.scanner.sources import CameraError, source_for
from pos_client.scanner.synthetic import render_code
from pos_client.store.schema import MIGRATIONS
from pos_client.sync.client import HubClient
from pos_client.sync.errors import HubError, HubRefused
from pos_client.sync.models import HealthAnswer

OK, DEGRADED, BROKEN = "ok", "degraded", "broken"
EXIT_CODES = {OK: 0, DEGRADED: 1, BROKEN: 2}
LOW_DISK_MB, NO_DISK_MB = 1024, 100
STALE_HOURS = 24.0
MAX_SKEW_S = 120.0
CACHES = ("ruleset", "catalog", "members")


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    status: str
    detail: str


def overall(checks: list[Check]) -> str:
    worst = max(EXIT_CODES[check.status] for check in checks)
    return next(status for status, code in EXIT_CODES.items() if code == worst)


def run_checks(
    config: TerminalConfig, now: Callable[[], datetime] = lambda: datetime.now(UTC)
) -> list[Check]:
    checks = [
        check_disk(config.data_dir),
        check_decoders(),
        check_camera(config),
        check_printer(config.printer),
    ]
    checks += check_journal(config.db_path, now())
    checks += check_hub(config, now())
    return checks


def check_disk(data_dir: Path) -> Check:
    where = next((p for p in (data_dir, *data_dir.parents) if p.exists()), Path("/"))
    free_mb = shutil.disk_usage(where).free // 2**20
    status = BROKEN if free_mb < NO_DISK_MB else DEGRADED if free_mb < LOW_DISK_MB else OK
    return Check("disk", status, f"{free_mb} MB free at {where}")


def check_decoders() -> Check:
    sample = render_code("LP1.doctor", QR_CODE)
    failed = [
        name
        for name, decoder in (("zxing-cpp", ZxingDecoder()), ("pyzbar", PyzbarDecoder()))
        if not _reads(decoder, sample)
    ]
    if len(failed) == 2:
        return Check("decoders", BROKEN, "neither zxing-cpp nor pyzbar reads a test code")
    if failed:
        return Check("decoders", DEGRADED, f"{failed[0]} does not read a test code")
    return Check("decoders", OK, "zxing-cpp and pyzbar read a test code")


def _reads(decoder: Decoder, image: np.ndarray) -> bool:
    try:
        return any(code.text == "LP1.doctor" for code in decoder.decode(image))
    except Exception:  # a broken native library may raise anything
        return False


def check_camera(config: TerminalConfig) -> Check:
    camera = config.camera
    if not camera:
        return Check("camera", OK, "none configured (scanner and keyboard only)")
    try:
        source = source_for(camera, config.camera_width, config.camera_height)
        try:
            frame = source.read()
        finally:
            source.close()
    except CameraError as exc:
        return Check("camera", DEGRADED, str(exc))
    if frame is None:
        return Check("camera", DEGRADED, f"{camera}: no picture")
    height, width = frame.shape[:2]
    return Check("camera", OK, f"{camera}: {width}x{height}")


def check_printer(target: PrinterTarget | None) -> Check:
    """The receipt printer answers (nothing is printed); selling goes on without one."""
    if target is None:
        return Check("printer", OK, "none configured (receipts are shown on screen)")
    from pos_client.printing.device import MissingLibrary, probe

    try:
        problem = probe(target)
    except MissingLibrary as exc:
        return Check("printer", BROKEN, f"{target}: {exc}")
    if problem is not None:
        return Check("printer", DEGRADED, problem)
    return Check("printer", OK, f"{target}: ready")


def check_journal(db_path: Path, now: datetime) -> list[Check]:
    if not db_path.exists():
        return [Check("journal", DEGRADED, f"no journal yet at {db_path}: the till makes it")]
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            return _journal_checks(conn, db_path, now)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return [Check("journal", BROKEN, f"{db_path}: {exc}")]


def _journal_checks(conn: sqlite3.Connection, db_path: Path, now: datetime) -> list[Check]:
    integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    if integrity != "ok":
        return [Check("journal", BROKEN, f"{db_path}: integrity check says {integrity}")]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        return [Check("journal", BROKEN, f"schema {version} is newer than this program's")]
    if version < len(MIGRATIONS):
        detail = f"schema {version}; the till upgrades it to {len(MIGRATIONS)} when it starts"
        return [Check("journal", DEGRADED, detail)]
    checks = [Check("journal", OK, f"{db_path}: integrity ok, schema {version}")]
    states = {
        name: datetime.fromisoformat(updated)
        for name, updated in conn.execute("SELECT name, updated_at FROM cache_state")
    }
    for name in CACHES:
        if name not in states:
            checks.append(Check(f"cache {name}", DEGRADED, "never pulled from the hub"))
            continue
        hours = (now - states[name]).total_seconds() / 3600
        status = DEGRADED if hours > STALE_HOURS else OK
        checks.append(Check(f"cache {name}", status, f"updated {hours:.1f} h ago"))
    waiting, oldest = conn.execute("SELECT COUNT(*), MIN(created_at) FROM outbox").fetchone()
    dead = conn.execute("SELECT COUNT(*) FROM dead_letters").fetchone()[0]
    hours = (now - datetime.fromisoformat(oldest)).total_seconds() / 3600 if oldest else 0.0
    detail = f"{waiting} waiting to sync" + (f", oldest {hours:.1f} h" if oldest else "")
    checks.append(Check("queue", DEGRADED if hours > STALE_HOURS else OK, detail))
    checks.append(Check("rejected", DEGRADED if dead else OK, f"{dead} rejected by the hub"))
    conflicts = conn.execute("SELECT COUNT(*) FROM conflicts").fetchone()[0]
    detail = f"{conflicts} settled differently by the hub"
    checks.append(Check("conflicts", DEGRADED if conflicts else OK, detail))
    return checks


def check_hub(config: TerminalConfig, now: datetime) -> list[Check]:
    with HubClient(config.api_url, config.token) as client:
        try:
            health = client.health()
        except HubError as exc:
            return [Check("hub", DEGRADED, f"{config.api_url}: {exc} (the till sells offline)")]
        checks = [Check("hub", OK, f"{config.api_url} answers"), _clock(health, now)]
        identity = config.identity
        try:
            client.confirm_terminal(identity)
        except HubRefused as exc:  # unknown, revoked, or another till's
            checks.append(Check("token", BROKEN, str(exc)))
        except HubError as exc:
            checks.append(Check("token", DEGRADED, str(exc)))
        else:
            checks.append(Check("token", OK, f"accepted as {identity}"))
    return checks


def _clock(health: HealthAnswer, now: datetime) -> Check:
    try:
        skew = (now - datetime.fromisoformat(health.time)).total_seconds()
    except ValueError:
        return Check("clock", DEGRADED, f"the hub's time {health.time!r} is not ISO 8601")
    status = DEGRADED if abs(skew) > MAX_SKEW_S else OK
    return Check("clock", status, f"{skew:+.1f} s against the hub")
