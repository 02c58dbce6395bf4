"""Terminal configuration: a TOML file in the platform config directory, overridden by env."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from pos_client.core.identity import SCALE_PREFIXES, IdentityRules
from pos_client.core.phone import DEFAULT_REGION, is_known_region
from pos_client.printing.target import DEFAULT_PROFILE, PrinterTarget, parse_target
from pos_client.scanner.wedge import DEFAULT_MAX_GAP_MS, DEFAULT_MIN_LENGTH
from pos_client.sync.errors import TerminalIdentity
from pos_client.token_store import KEYRING, keyring_token

APP_NAME = "pos-client"
LANGUAGES = ("ru", "en")
THEMES = ("standard", "high-contrast")
ENV_PREFIX = "POS_CLIENT_"
ENV_KEYS = (
    "api_url",
    "outlet_id",
    "terminal_id",
    "token",
    "data_dir",
    "language",
    "camera",
    "printer",
    "cash_drawer",
    "customer_display",
    "theme",
    "scale_prefixes",
)
CUSTOMER_DISPLAY_USAGE = (
    'customer_display must be "window" or "screen:N" (N counts the screens from 1)'
)


class ConfigError(Exception):
    """The terminal cannot start with this configuration; the message says what to fix."""


@dataclass(frozen=True, slots=True)
class TerminalConfig:
    api_url: str
    outlet_id: str
    terminal_id: str
    token: str
    data_dir: Path
    language: str = "ru"
    theme: str = "standard"  # or "high-contrast"
    channel: str = "store"
    sync_interval_s: float = 30.0
    camera: str = ""  # "" none, "0" or "/dev/video2" a webcam, "file:PATH", "synthetic"
    camera_width: int = 1280
    camera_height: int = 720
    phone_region: str = DEFAULT_REGION  # where numbers typed without a country code are from
    wedge_max_gap_ms: float = DEFAULT_MAX_GAP_MS  # slower keys are a person typing
    wedge_min_length: int = DEFAULT_MIN_LENGTH  # shorter bursts are a person typing
    token_source: str = ""  # where the token came from (for `config show`), never the token
    printer: PrinterTarget | None = None  # None: receipts are shown on screen only
    printer_profile: str = DEFAULT_PROFILE  # python-escpos printer profile (code pages, width)
    cash_drawer: bool = False  # a drawer on the printer's kick port: it opens when cash moves
    customer_display: str = ""  # "" none, "window", "screen:N" (full screen on the Nth screen)
    scale_prefixes: tuple[str, ...] = SCALE_PREFIXES  # of the labels the outlet's scales print

    @property
    def db_path(self) -> Path:
        return self.data_dir / "terminal.sqlite3"

    @property
    def identity(self) -> TerminalIdentity:
        """Who this till is, as the hub must know its token."""
        return TerminalIdentity(self.terminal_id, self.outlet_id)

    @property
    def identity_rules(self) -> IdentityRules:
        """How this till tells codes apart: its phone region and its scales' label prefixes."""
        return IdentityRules(phone_region=self.phone_region, scale_prefixes=self.scale_prefixes)

    @property
    def phone_key_path(self) -> Path:
        """The outlet's phone HMAC key: beside the database, never in it (mode 0600)."""
        return self.data_dir / "phone.key"


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME))


def load_config(path: Path | None = None, env: Mapping[str, str] | None = None) -> TerminalConfig:
    """Read the config file (if any) and apply POS_CLIENT_* environment overrides.

    The token comes from POS_CLIENT_TOKEN, from `token_file` (a file only the service user
    can read), or from the OS keyring under the terminal id (see `pos-client provision`).
    """
    env = os.environ if env is None else env
    path = path or default_config_path()
    values: dict[str, object] = {}
    if path.exists():
        try:
            values.update(tomllib.loads(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read {path}: {exc}") from exc
    token_source = "config file" if values.get("token") else ""
    for key in ENV_KEYS:
        if (ENV_PREFIX + key.upper()) in env:
            values[key] = env[ENV_PREFIX + key.upper()]
    if ENV_PREFIX + "TOKEN" in env:
        token_source = ENV_PREFIX + "TOKEN"
    if "token" not in values and "token_file" in values:
        token_path = Path(str(values["token_file"]))
        try:
            values["token"] = token_path.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ConfigError(f"cannot read the token file {token_path}: {exc}") from exc
        token_source = str(token_path)
    if "token" not in values and values.get("terminal_id"):
        values["token"] = keyring_token(str(values["terminal_id"])) or ""
        token_source = KEYRING
    missing = [k for k in ("api_url", "outlet_id", "terminal_id", "token") if not values.get(k)]
    if missing:
        raise ConfigError(
            f"the terminal is not configured: {', '.join(missing)} missing. Set it up with "
            "`pos-client provision --api URL --outlet ID --terminal-id ID --token TOKEN` "
            f"(it writes {path}), or set "
            f"{', '.join(ENV_PREFIX + k.upper() for k in missing)}; "
            "or run `pos-client --demo` to try the product."
        )
    language = str(values.get("language", "ru"))
    if language not in LANGUAGES:
        raise ConfigError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    theme = str(values.get("theme", "standard"))
    if theme not in THEMES:
        raise ConfigError(f"theme must be one of {', '.join(THEMES)}, not {theme!r}")
    region = str(values.get("phone_region", DEFAULT_REGION)).upper()
    if region != DEFAULT_REGION and not is_known_region(region):  # the default costs no import
        raise ConfigError(
            f"phone_region must be a two-letter country code such as RU, not {region!r}"
        )
    return TerminalConfig(
        api_url=str(values["api_url"]).rstrip("/"),
        outlet_id=str(values["outlet_id"]),
        terminal_id=str(values["terminal_id"]),
        token=str(values["token"]),
        data_dir=Path(str(values.get("data_dir") or default_data_dir())),
        language=language,
        theme=theme,
        sync_interval_s=_number(values, "sync_interval_s", 30.0, 1.0, 86400.0),
        camera=str(values.get("camera", "")),
        camera_width=int(_number(values, "camera_width", 1280, 160, 7680, whole=True)),
        camera_height=int(_number(values, "camera_height", 720, 120, 4320, whole=True)),
        phone_region=region,
        wedge_max_gap_ms=_number(values, "wedge_max_gap_ms", DEFAULT_MAX_GAP_MS, 1.0, 500.0),
        token_source=token_source,
        scale_prefixes=_scale_prefixes(values),
        **_devices(values),
        wedge_min_length=int(
            _number(values, "wedge_min_length", DEFAULT_MIN_LENGTH, 1, 64, whole=True)
        ),
    )


def _number(
    values: Mapping[str, object],
    key: str,
    default: float,
    low: float,
    high: float,
    *,
    whole: bool = False,
) -> float:
    """A numeric setting within [low, high]; anything else is a ConfigError naming it."""
    text = str(values.get(key, default))
    try:
        number = int(text) if whole else float(text)
    except ValueError:
        number = None
    if number is None or not low <= number <= high:
        kind = "a whole number" if whole else "a number"
        raise ConfigError(f"{key} must be {kind} from {low:g} to {high:g}, not {text!r}")
    return number


def _devices(values: Mapping[str, object]) -> dict[str, Any]:
    """The receipt printer and the customer display, checked (ConfigError names a bad one)."""
    printer = str(values.get("printer", "")).strip()
    display = str(values.get("customer_display", "")).strip()
    try:
        target = parse_target(printer) if printer else None
        if display:
            display_screen(display)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    drawer = _flag(values, "cash_drawer")
    if drawer and target is None:
        raise ConfigError("cash_drawer needs a printer: the drawer opens through its kick port")
    return {
        "printer": target,
        "printer_profile": str(values.get("printer_profile", DEFAULT_PROFILE)),
        "cash_drawer": drawer,
        "customer_display": display,
    }


def _scale_prefixes(values: Mapping[str, object]) -> tuple[str, ...]:
    """The two-digit prefixes of scale labels: a list in the file, "21,22" from the
    environment. In-store numbers (20-29) only, and none the programme's cards begin with."""
    value = values.get("scale_prefixes", SCALE_PREFIXES)
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list | tuple):
        raise ConfigError(f'scale_prefixes must be a list such as ["21", "22"], not {value!r}')
    prefixes = tuple(str(item).strip() for item in items if str(item).strip())
    cards = IdentityRules().card_prefixes
    for prefix in prefixes:
        if len(prefix) != 2 or not prefix.isascii() or not prefix.isdigit() or prefix[0] != "2":
            raise ConfigError(f"a scale prefix is two digits from 20 to 29, not {prefix!r}")
        if any(card.startswith(prefix) for card in cards):
            raise ConfigError(f"scale prefix {prefix} is where the programme's cards begin")
    return prefixes


def _flag(values: Mapping[str, object], key: str) -> bool:
    """A yes/no setting: true or false in the file, 1/0, true/false, yes/no from the
    environment."""
    value = values.get(key, False)
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off", ""):
        return False
    raise ConfigError(f"{key} must be true or false, not {value!r}")


def display_screen(text: str) -> int | None:
    """Which screen the customer display fills (0-based), or None for an ordinary window."""
    if text == "window":
        return None
    kind, _, number = text.partition(":")
    if kind != "screen" or not number.isdigit() or int(number) < 1:
        raise ValueError(f"{CUSTOMER_DISPLAY_USAGE}, not {text!r}")
    return int(number) - 1
