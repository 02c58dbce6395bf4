"""A secret kept beside the database, readable by the service user only (mode 0600).

Used for the outlet's phone HMAC key: it must not live in the database it protects, so a
copy of `terminal.sqlite3` alone does not reveal whose numbers are cached.
"""

from __future__ import annotations

import os
from pathlib import Path

SECRET_MODE = 0o600


class SecretFileError(Exception):
    """The secret cannot be read or written; the message names the file."""


class SecretFile:
    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> str | None:
        """The secret, or None when there is none yet."""
        try:
            return self.path.read_text(encoding="ascii").strip() or None
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as exc:
            raise SecretFileError(f"cannot read {self.path}: {exc}") from exc

    def write(self, secret: str) -> None:
        """Replace the secret atomically; the file is never readable by others, even briefly."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(self.path.name + ".new")
        try:
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, SECRET_MODE)
            with os.fdopen(descriptor, "w", encoding="ascii") as file:
                file.write(secret)
                file.flush()
                os.fsync(file.fileno())
            os.chmod(temporary, SECRET_MODE)
            os.replace(temporary, self.path)
        except OSError as exc:
            raise SecretFileError(f"cannot write {self.path}: {exc}") from exc
