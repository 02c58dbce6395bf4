"""Who a card, a phone number or an app code names, from the terminal's member cache (Qt-free).

Checkout puts the member it finds on the receipt; every lookup either finds one or raises
CheckoutError saying why not, and changes nothing.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from datetime import datetime

from pos_client.checkout_errors import CheckoutError, printable, store_call
from pos_client.core.identity import (
    MAX_NUMBER_LENGTH,
    IdentityRules,
    TokenRejected,
    public_key_from_text,
    verify_token,
)
from pos_client.core.loyalty import Member
from pos_client.core.phone import PhoneError, mask_phone, normalize_phone, phone_digest
from pos_client.store.caches import Caches
from pos_client.store.secret_file import SecretFile, SecretFileError
from pos_client.store.seen_tokens import SeenTokens


class MemberLookup:
    def __init__(
        self,
        caches: Caches,
        clock: Callable[[], datetime],
        rules: IdentityRules,
        seen_tokens: SeenTokens | None = None,
        phone_key: SecretFile | None = None,
    ) -> None:
        self._caches = caches
        self._clock = clock
        self._rules = rules
        self._seen_tokens = seen_tokens
        self._phone_key = phone_key

    def by_card(self, card: str) -> Member:
        card = card.strip()
        if not card or len(card) > MAX_NUMBER_LENGTH or not card.isascii() or not card.isalnum():
            raise CheckoutError("bad_card", card=printable(card))
        member = store_call(lambda: self._caches.member_by_card(card))
        if member is None:
            raise CheckoutError("unknown_card", card=card)
        return member

    def phone_number(self, text: str) -> str:
        """The typed number in E.164, or bad_phone naming why it is not one."""
        try:
            return normalize_phone(text, self._rules.phone_region)
        except PhoneError as exc:
            raise CheckoutError("bad_phone", reason=exc.reason) from None

    def by_phone(self, text: str) -> Member:
        """The cache keeps numbers only as HMACs with the outlet's key. unknown_phone (with the
        number masked) when the cache does not have it: the caller may ask the hub."""
        e164 = self.phone_number(text)
        digest = self.phone_digest(e164)
        member = store_call(lambda: self._caches.member_by_phone(digest))
        if member is None:
            raise CheckoutError("unknown_phone", phone=mask_phone(e164))
        return member

    def phone_digest(self, e164: str) -> str:
        """The number as the member cache keys it ("" before the outlet's key is here)."""
        key = self._phone_key_bytes()
        return phone_digest(key, e164) if key else ""

    def _phone_key_bytes(self) -> bytes | None:
        """The outlet's phone key; None before the first sync or if its file is unreadable
        (the sync round reports that), so lookups go to the hub."""
        if self._phone_key is None:
            return None
        try:
            text = self._phone_key.read()
            return base64.urlsafe_b64decode(text + "=") if text else None
        except (SecretFileError, ValueError):
            return None

    def by_app_code(self, text: str) -> Member:
        """The member whose app shows this signed code: genuine, current, first seen here."""
        seen = self._seen_tokens
        keys = store_call(self._caches.app_keys)
        try:
            token = verify_token(
                text,
                {key_id: public_key_from_text(key) for key_id, key in keys.items()},
                now=self._clock().timestamp(),
                seen=seen.seen if seen else lambda _token: False,
            )
        except TokenRejected as exc:
            raise CheckoutError(f"app_code_{exc.reason}") from None
        member = store_call(lambda: self._caches.member_by_id(token.member_id))
        if member is None:
            raise CheckoutError("unknown_member", member=token.member_id)
        if seen is not None and not store_call(lambda: seen.claim(token, self._clock())):
            raise CheckoutError("app_code_replayed")
        return member
