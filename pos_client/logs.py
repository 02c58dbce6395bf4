"""Rotating log files in the platform log directory, with personal data and secrets masked.

Modules log ids and counts, never numbers a person could be found by; the redacting filter is
the safety net: secrets it is given (the terminal token), bearer tokens, member app codes and
anything shaped like a card or phone number are masked before a record is written.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
from collections.abc import Iterable
from pathlib import Path

import platformdirs

LOG_NAME = "pos-client.log"
MAX_BYTES = 2 * 2**20
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s"
_PATTERNS = (
    (re.compile(r"(?i)(bearer\s+)\S+"), r"\1***"),
    (re.compile(r"LP1\.[A-Za-z0-9_.-]+"), "LP1.***"),
)
_NUMBER = re.compile(r"\+?\d[\d ()-]{5,}\d")  # a card or phone number, maybe grouped
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MIN_DIGITS = 7


class Redactor(logging.Filter):
    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if len(s) >= 8]

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage(), self._secrets)
        record.args = None
        return True


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    for secret in secrets:
        text = text.replace(secret, "***")
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return _NUMBER.sub(_masked_number, text)


def _masked_number(match: re.Match[str]) -> str:
    """Seven digits or more: only the last four stay. Dates are left alone."""
    found = match.group(0)
    digits = [ch for ch in found if ch.isdigit()]
    if len(digits) < MIN_DIGITS or _DATE.match(found):
        return found
    return "***" + "".join(digits[-4:])


def default_log_dir() -> Path:
    return Path(platformdirs.user_log_dir("pos-client"))


def setup_logging(log_dir: Path | None = None, secrets: Iterable[str] = ()) -> Path | None:
    """Log INFO and up from pos_client to a rotating file; returns the file's path.

    A log folder that cannot be written does not stop the till: it logs to stderr instead,
    says so there, and returns None.
    """
    log_dir = log_dir or default_log_dir()
    path: Path | None = log_dir / LOG_NAME
    handler: logging.Handler
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            log_dir / LOG_NAME, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError as exc:
        print(f"pos-client: cannot write logs in {log_dir} ({exc}); logging here", file=sys.stderr)
        handler, path = logging.StreamHandler(sys.stderr), None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(Redactor(secrets))
    logger = logging.getLogger("pos_client")
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    return path


def stop_logging() -> None:
    """Flush and close the log files (at shutdown, and between tests)."""
    logger = logging.getLogger("pos_client")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
