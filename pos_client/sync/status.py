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
    last_sync_at: datetime | None = None
    last_error: str | None = None
    error_kind: str | None = None
    ruleset_version: int | None = None
    warnings: tuple[str, ...] = ()
