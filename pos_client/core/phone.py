"""Members' phone numbers: what a cashier types, how it is shown, and how a cache keys it.

A number is normalised to E.164 (libphonenumber rules, a default region for numbers typed
without the country code), shown masked, and kept in caches only as a keyed HMAC, so a copy
of the terminal's database does not give away customers' numbers.

libphonenumber is imported by the first function that needs it: its import would be a tenth
of the till's start, and most starts never see a phone number before the first customer.
"""

from __future__ import annotations

import hashlib
import hmac

MAX_PHONE_INPUT = 32
DEFAULT_REGION = "RU"


class PhoneError(ValueError):
    """Not a phone number a member could have; `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def normalize_phone(text: str, region: str = DEFAULT_REGION) -> str:
    """The number in E.164 ("+79161234567"), or PhoneError (empty, too_long, not_a_number,
    invalid). "8 (916) 123-45-67", "+7 916 1234567" and "9161234567" are the same number."""
    import phonenumbers

    text = text.strip()
    if not text:
        raise PhoneError("empty")
    if len(text) > MAX_PHONE_INPUT:
        raise PhoneError("too_long")
    if any(not (ch.isascii() and (ch.isdigit() or ch in " +-().")) for ch in text):
        raise PhoneError("not_a_number")
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        raise PhoneError("not_a_number") from None
    if not phonenumbers.is_valid_number(number):
        raise PhoneError("invalid")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def mask_phone(e164: str) -> str:
    """The number as the till shows it: country code and the last four digits only,
    e.g. "+7 *** ***-45-67"."""
    import phonenumbers

    number = phonenumbers.parse(e164, None)
    shown = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    prefix = f"+{number.country_code}"
    national = shown[len(prefix) :]
    total = sum(ch.isdigit() for ch in national)
    masked, seen = [], 0
    for ch in national:
        if ch.isdigit():
            seen += 1
            masked.append(ch if seen > total - 4 else "*")
        else:
            masked.append(ch)
    return prefix + "".join(masked)


def phone_digest(key: bytes, e164: str) -> str:
    """The cache key of a number: HMAC-SHA256 with the outlet's phone key, hex."""
    return hmac.new(key, e164.encode("ascii"), hashlib.sha256).hexdigest()


def format_as_typed(text: str, region: str = DEFAULT_REGION) -> str:
    """What the phone field shows while the cashier types: the digits (and a leading +)
    grouped the region's way, e.g. "89161234567" -> "8 916 123-45-67"."""
    import phonenumbers

    formatter = phonenumbers.AsYouTypeFormatter(region)
    shown = ""
    for ch in text[: MAX_PHONE_INPUT * 2]:
        if ch.isascii() and (ch.isdigit() or (ch == "+" and not shown)):
            shown = formatter.input_digit(ch)
    return shown


def example_phone(region: str = DEFAULT_REGION) -> str:
    """A mobile number of the region as the field's placeholder, e.g. "+7 912 345-67-89"."""
    import phonenumbers

    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    if example is None:
        return ""
    return phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def is_known_region(region: str) -> bool:
    """A two-letter region libphonenumber has a numbering plan for ("RU", "KZ", ...)."""
    import phonenumbers

    return region in phonenumbers.SUPPORTED_REGIONS
