"""What a scanned code is, and whether a member's app code is genuine.

Classification is a pure function of the text and the terminal's settings: a member app
token, a member card, a coupon, a product barcode, a receipt barcode (for returns), or
unknown with the reason.

The app code (documented in the README, "Member app codes"):

    LP1.<key id>.<member id>.<time step>.<signature>

`LP1` is the format's prefix and version; the key id and member id are 1-32 characters of
A-Z a-z 0-9 _ -; the time step is the Unix time divided by 30 s, in decimal; the signature
is Ed25519 over the ASCII bytes of everything before the last dot, in unpadded base64url
(86 characters). The app shows a new code every step; the terminal verifies it offline
with the public keys the hub publishes, accepts the current step and `skew_steps` either
side, and refuses a code it has seen before.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from pos_client.core.catalog import is_valid_ean
from pos_client.core.scale import parse_label

if TYPE_CHECKING:  # loaded by the first app code: cryptography is not needed to start the till
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )

TOKEN_PREFIX = "LP1"
STEP_SECONDS = 30
MAX_CODE_LENGTH = 256
MAX_NUMBER_LENGTH = 64  # of a barcode or card number, scanned or typed
_ID = r"[A-Za-z0-9_-]{1,32}"
_TOKEN = re.compile(rf"{TOKEN_PREFIX}\.({_ID})\.({_ID})\.(\d{{1,12}})\.([A-Za-z0-9_-]{{86}})")
_DIGITS = re.compile(r"\d+")
_BADGE = re.compile(r"[A-Z0-9]{1,16}")


class CodeKind(StrEnum):
    MEMBER_TOKEN = "member_token"
    MEMBER_CARD = "member_card"
    COUPON = "coupon"
    PRODUCT = "product"
    WEIGHED = "weighed"  # a scale label: a product sold by weight and its weight
    RECEIPT = "receipt"
    STAFF_BADGE = "staff_badge"
    UNKNOWN = "unknown"


SCALE_PREFIXES = ("20", "21", "22", "23", "24", "25", "26", "28", "29")


@dataclass(frozen=True, slots=True)
class IdentityRules:
    """The terminal's settings for telling codes apart (from its config and ruleset)."""

    card_prefixes: tuple[str, ...] = ("278",)  # EAN-13 numbers of the programme's cards
    card_patterns: tuple[str, ...] = (r"LC[0-9]{8}",)  # Code128 cards, whole-text regexes
    coupon_pattern: str = r"[A-Z][A-Z0-9]{1,15}(-[A-Z0-9]{1,16}){0,2}"
    receipt_prefix: str = "RT-"  # RT-<terminal id>-<receipt number>, printed on receipts
    badge_prefix: str = "ST-"  # staff badges: ST-<letters and digits>
    phone_region: str = "RU"  # numbers typed without a country code are from this region
    # EAN-13 prefixes the outlet's scales print labels with (the in-store range, not the cards')
    scale_prefixes: tuple[str, ...] = SCALE_PREFIXES


@dataclass(frozen=True, slots=True)
class Classified:
    kind: CodeKind
    text: str  # the code as the terminal uses it (a UPC-A read as its EAN-13)
    # for UNKNOWN: empty, too_long, control_characters, bad_check_digit, unknown_plu (a scale
    # label for goods the catalog does not have)
    reason: str = ""


def classify(
    text: str,
    rules: IdentityRules,
    *,
    is_product: Callable[[str], bool],
    is_weighed: Callable[[str], bool] = lambda _plu: False,
    coupons: Collection[str] = (),
) -> Classified:
    """Tell what a scanned text is. Never raises; unknown comes with its reason."""
    if len(text) > MAX_CODE_LENGTH:
        return Classified(CodeKind.UNKNOWN, "", "too_long")
    code = text.strip()
    if not code:
        return Classified(CodeKind.UNKNOWN, "", "empty")
    if not code.isprintable() or not code.isascii():
        return Classified(CodeKind.UNKNOWN, "", "control_characters")
    if code.startswith(TOKEN_PREFIX + "."):
        return Classified(CodeKind.MEMBER_TOKEN, code)
    if _DIGITS.fullmatch(code):
        return _classify_number(code, rules, is_product, is_weighed)
    if code.startswith(rules.receipt_prefix) and receipt_parts(code[len(rules.receipt_prefix) :]):
        return Classified(CodeKind.RECEIPT, code)
    if code.startswith(rules.badge_prefix) and _BADGE.fullmatch(code[len(rules.badge_prefix) :]):
        return Classified(CodeKind.STAFF_BADGE, code)
    if any(re.fullmatch(pattern, code) for pattern in rules.card_patterns):
        return Classified(CodeKind.MEMBER_CARD, code)
    if code in coupons or re.fullmatch(rules.coupon_pattern, code):
        return Classified(CodeKind.COUPON, code)
    return Classified(CodeKind.UNKNOWN, code)


def _classify_number(
    code: str,
    rules: IdentityRules,
    is_product: Callable[[str], bool],
    is_weighed: Callable[[str], bool],
) -> Classified:
    if len(code) == 12:  # UPC-A is an EAN-13 with a leading zero
        code = "0" + code
    if len(code) in (8, 13) and not is_valid_ean(code):
        return Classified(CodeKind.UNKNOWN, code, "bad_check_digit")
    if len(code) == 13 and code.startswith(rules.card_prefixes):
        return Classified(CodeKind.MEMBER_CARD, code)
    if is_product(code):
        return Classified(CodeKind.PRODUCT, code)
    label = parse_label(code, rules.scale_prefixes)
    if label is not None:
        if is_weighed(label.plu):
            return Classified(CodeKind.WEIGHED, code)
        return Classified(CodeKind.UNKNOWN, code, "unknown_plu")
    return Classified(CodeKind.UNKNOWN, code)


def receipt_parts(rest: str) -> tuple[str, int] | None:
    """(terminal id, receipt number) from a receipt code without its prefix, or None."""
    terminal, _, number = rest.rpartition("-")
    if re.fullmatch(_ID, terminal) and _DIGITS.fullmatch(number) and len(number) <= 9:
        return terminal, int(number)
    return None


def receipt_code(terminal_id: str, number: int, rules: IdentityRules | None = None) -> str:
    """The barcode text printed on a receipt, read back by `classify` for returns."""
    return f"{(rules or IdentityRules()).receipt_prefix}{terminal_id}-{number}"


# -- signed member app codes -------------------------------------------------------------------


class TokenRejected(Exception):
    """The app code is not accepted; `reason` is one of REJECTIONS."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


REJECTIONS = ("malformed", "unknown_key", "bad_signature", "expired", "replayed")


@dataclass(frozen=True, slots=True)
class AppToken:
    key_id: str
    member_id: str
    step: int

    @property
    def signed_text(self) -> str:
        return f"{TOKEN_PREFIX}.{self.key_id}.{self.member_id}.{self.step}"


def time_step(unix_seconds: float) -> int:
    return int(unix_seconds // STEP_SECONDS)


def sign_token(token: AppToken, private_key: Ed25519PrivateKey) -> str:
    if not (re.fullmatch(_ID, token.key_id) and re.fullmatch(_ID, token.member_id)):
        raise ValueError("key and member ids are 1-32 characters of A-Z a-z 0-9 _ -")
    signature = private_key.sign(token.signed_text.encode("ascii"))
    return f"{token.signed_text}.{_b64(signature)}"


def parse_token(text: str) -> tuple[AppToken, bytes]:
    """The token and its signature, or TokenRejected("malformed")."""
    match = _TOKEN.fullmatch(text.strip()) if len(text) <= MAX_CODE_LENGTH else None
    if match is None:
        raise TokenRejected("malformed")
    key_id, member_id, step, signature = match.groups()
    try:
        raw = base64.urlsafe_b64decode(signature + "==")
    except (binascii.Error, ValueError) as exc:
        raise TokenRejected("malformed") from exc
    if len(raw) != 64:
        raise TokenRejected("malformed")
    return AppToken(key_id, member_id, int(step)), raw


def verify_token(
    text: str,
    keys: Mapping[str, Ed25519PublicKey],
    *,
    now: float,
    skew_steps: int = 1,
    seen: Callable[[AppToken], bool] = lambda _token: False,
) -> AppToken:
    """The genuine, current, first-seen token in `text`, or TokenRejected naming why not.

    `now` is Unix time from the caller's clock (core keeps none); `seen` tells whether the
    terminal has accepted this token before (the caller remembers accepted ones).
    """
    from cryptography.exceptions import InvalidSignature

    token, signature = parse_token(text)
    key = keys.get(token.key_id)
    if key is None:
        raise TokenRejected("unknown_key")
    try:
        key.verify(signature, token.signed_text.encode("ascii"))
    except InvalidSignature as exc:
        raise TokenRejected("bad_signature") from exc
    if abs(token.step - time_step(now)) > skew_steps:
        raise TokenRejected("expired")
    if seen(token):
        raise TokenRejected("replayed")
    return token


def public_key_from_text(text: str) -> Ed25519PublicKey:
    """A public key as the hub publishes it: 32 raw bytes in unpadded base64url."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise ValueError("not base64url") from exc
    if len(raw) != 32:
        raise ValueError("an Ed25519 public key is 32 bytes")
    return Ed25519PublicKey.from_public_bytes(raw)


def public_key_text(key: Ed25519PublicKey) -> str:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return _b64(key.public_bytes(Encoding.Raw, PublicFormat.Raw))


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")
