"""What the sync thread reports to the window."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the status bar shows. `online` is None until the first round has finished."""

    online: bool | None = None
    working_offline: bool = False
    waiting: int = 0
    dead_letters: int = 0
    conflicts: int = 0
    clock_skew_s: float | None = None  # the hub's clock minus ours
    last_sync_at: datetime | None = None
    last_error: str | None = None
    error_kind: str | None = None
    ruleset_version: int | None = None
    warnings: tuple[str, ...] = ()


SKEW_WARNING_S = 120.0  # receipts and app codes carry times; beyond this the clock is wrong


def clock_is_off(skew_s: float | None) -> bool:
    return skew_s is not None and abs(skew_s) > SKEW_WARNING_S


def skew_text(skew_s: float) -> str:
    side = "behind" if skew_s > 0 else "ahead of"
    return f"this terminal's clock is {abs(skew_s):.0f} s {side} the hub's"
