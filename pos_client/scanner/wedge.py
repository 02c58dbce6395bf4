"""Telling a keyboard-wedge scanner from a person typing, by the timing of the keys.

A scanner types its code as a burst of keystrokes a few milliseconds apart and ends it with
Enter. Keys are held while they might be such a burst; when the burst breaks (a slow key, a
timeout, or an Enter after too few characters) they are released to whoever has the focus,
so a person typing loses nothing. Qt-free: the UI feeds it keys and a clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")

DEFAULT_MAX_GAP_MS = 30.0
DEFAULT_MIN_LENGTH = 6


@dataclass
class WedgeDetector(Generic[T]):
    """Holds keys of type T (a Qt event, a character in tests) while they look like a scan."""

    max_gap_ms: float = DEFAULT_MAX_GAP_MS
    min_length: int = DEFAULT_MIN_LENGTH
    _held: list[tuple[str, T]] = field(default_factory=list)
    _last_ms: float = 0.0

    @property
    def holding(self) -> bool:
        return bool(self._held)

    def key(self, text: str, item: T, now_ms: float) -> list[T]:
        """Hold a printable key; returns earlier keys to release if the burst broke."""
        released = self.release() if self._held and now_ms - self._last_ms > self.max_gap_ms else []
        self._held.append((text, item))
        self._last_ms = now_ms
        return released

    def enter(self, now_ms: float) -> tuple[str | None, list[T]]:
        """Enter pressed: (the scanned code, []) for a burst, else (None, keys to release)."""
        code = "".join(text for text, _ in self._held)
        in_time = now_ms - self._last_ms <= self.max_gap_ms
        if self._held and in_time and len(code) >= self.min_length:
            self._held.clear()
            return code, []
        return None, self.release()

    def release(self) -> list[T]:
        """Give back every held key (the burst is over and was a person typing)."""
        items = [item for _, item in self._held]
        self._held.clear()
        return items
