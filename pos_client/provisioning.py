"""Setting a till up for its outlet: `pos-client provision` and `pos-client config show`.

Everything is checked before anything is written; the token goes to the OS keyring (or a
0600 file), the rest to the TOML config in the platform config directory.
"""

from __future__ import annotations

import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx
import tomli_w

from pos_client.config import TerminalConfig
from pos_client.sync.client import HubClient
from pos_client.sync.errors import HubError, TerminalIdentity
from pos_client.token_store import KEYRING, TokenStoreError, save_token

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
TOKEN_PATTERN = re.compile(r"[\x21-\x7e]{16,512}")  # printable ASCII, no spaces
CONFIG_MODE = 0o644
CHECK_TIMEOUT = httpx.Timeout(5.0, connect=3.0)


class ProvisionError(Exception):
    """Provisioning refused; nothing was written. The message says what to fix; `field` names
    the setting at fault when it is one of them (api_url, outlet_id, terminal_id, token)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class Provisioned:
    config_path: Path
    token_stored: str  # "keyring" or the path of the token file


@dataclass(frozen=True, slots=True)
class Settings:
    api_url: str
    outlet_id: str
    terminal_id: str
    token: str
    language: str = "ru"

    def check(self) -> None:
        """Raise ProvisionError naming the first bad field."""
        url = _parsed_url(self.api_url)
        if url is None or url.scheme not in ("http", "https") or not url.host:
            raise ProvisionError(
                f"--api must be an http:// or https:// address, not {self.api_url!r}", "api_url"
            )
        for name, field, value in (
            ("--outlet", "outlet_id", self.outlet_id),
            ("--terminal-id", "terminal_id", self.terminal_id),
        ):
            if not ID_PATTERN.fullmatch(value):
                raise ProvisionError(
                    f"{name} must be 1-64 letters, digits, '.', '_' or '-', not {value!r}", field
                )
        if not TOKEN_PATTERN.fullmatch(self.token):
            raise ProvisionError(
                "--token must be the 16-512 character token `loyalty-hub terminal add` printed",
                "token",
            )


def check_connection(settings: Settings) -> str:
    """Ask the hub whether it answers and knows the token as this terminal of this outlet; a
    sentence saying how it went. Raises HubError (unavailable, refused, bad answer, wrong
    terminal) when it does not."""
    api_url = settings.api_url.rstrip("/")
    with HubClient(api_url, settings.token, timeout=CHECK_TIMEOUT) as client:
        client.health()
        client.confirm_terminal(TerminalIdentity(settings.terminal_id, settings.outlet_id))
    return f"the hub at {api_url} answers and accepts this terminal's token"


def provision(
    settings: Settings, config_path: Path, *, force: bool = False, check: bool = False
) -> Provisioned:
    settings.check()
    if config_path.exists() and not force:
        raise ProvisionError(
            f"{config_path} exists: this till is provisioned already. Add --force to replace "
            "its settings (queued sales stay in the journal and are sent with the new token)."
        )
    if check:
        try:
            check_connection(settings)
        except HubError as exc:
            raise ProvisionError(f"connection test failed: {exc}") from exc
    try:
        stored = save_token(settings.terminal_id, settings.token, config_path.parent / "token")
    except TokenStoreError as exc:
        raise ProvisionError(f"cannot store the token: {exc}") from exc
    values = {
        "api_url": settings.api_url.rstrip("/"),
        "outlet_id": settings.outlet_id,
        "terminal_id": settings.terminal_id,
        "language": settings.language,
    }
    if stored != KEYRING:
        values["token_file"] = stored
    _write_atomically(config_path, tomli_w.dumps(values))
    return Provisioned(config_path, stored)


def shown_config(config: TerminalConfig, config_path: Path) -> dict[str, object]:
    """The effective settings as `config show` prints them: the token only as where it is."""
    shown: dict[str, object] = {"config_file": str(config_path)}
    for key, value in asdict(config).items():
        shown[key] = str(value) if isinstance(value, Path) else value
    shown["token"] = f"(hidden, {len(config.token)} characters)"
    shown["printer"] = str(config.printer or "")
    shown["db_path"] = str(config.db_path)
    shown["phone_key_path"] = str(config.phone_key_path)
    return shown


def _parsed_url(text: str) -> httpx.URL | None:
    try:
        return httpx.URL(text)
    except (httpx.InvalidURL, TypeError):
        return None


def _write_atomically(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".new")
        temporary.write_text(text, encoding="utf-8")
        os.chmod(temporary, CONFIG_MODE)
        os.replace(temporary, path)
    except OSError as exc:
        raise ProvisionError(f"cannot write {path}: {exc}") from exc
