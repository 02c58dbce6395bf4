"""A customer joins the programme at the till, Qt-free.

Online or not, the new member is journaled with the consent and queued for the hub like a
sale, and is at once in this till's member cache: the purchase they are making earns points.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from pos_client.checkout import Checkout
from pos_client.checkout_errors import CheckoutError, store_call
from pos_client.core.enrolment import Enrolment, EnrolmentError, clean_name, consent
from pos_client.core.identity import CodeKind, classify
from pos_client.core.loyalty import Member
from pos_client.core.phone import mask_phone
from pos_client.store.caches import Caches
from pos_client.store.journal import Journal

NEW_MEMBER_TIER = "basic"


@dataclass(frozen=True, slots=True)
class EnrolForm:
    """What the cashier typed and ticked, as it came."""

    name: str
    phone: str
    card: str = ""  # a plastic card scanned to link, or ""
    terms_accepted: bool = False
    marketing: bool = False


class EnrolDesk:
    def __init__(
        self,
        checkout: Checkout,
        journal: Journal,
        caches: Caches,
        clock: Callable[[], datetime],
        new_id: Callable[[], str] = lambda: uuid.uuid4().hex,
    ) -> None:
        self._checkout = checkout
        self._journal = journal
        self._caches = caches
        self._clock = clock
        self._new_id = new_id

    @property
    def terms_version(self) -> str:
        return self._checkout.ruleset.programme.terms_version

    def enrol(self, form: EnrolForm) -> Member:
        """Journal the new member and put them on the open receipt.

        Refused (CheckoutError, nothing written) without the terms consent, with a name that
        is not one, a number that is not a phone or already a member's here, or a card that
        is not the programme's or already someone's.
        """
        if self._checkout.member is not None:
            raise CheckoutError("enrol_member_on_receipt", name=self._checkout.member.name)
        now = self._clock()
        try:
            given = consent(form.terms_accepted, form.marketing, self.terms_version, now)
            name = clean_name(form.name)
        except EnrolmentError as exc:
            raise CheckoutError(f"enrol_{exc.reason}") from None
        e164 = self._checkout.members.phone_number(form.phone)
        digest = self._checkout.members.phone_digest(e164)
        known = store_call(lambda: self._caches.member_by_phone(digest)) if digest else None
        if known is not None:
            raise CheckoutError("enrol_phone_known", phone=mask_phone(e164), name=known.name)
        card = self._plastic_card(form.card)
        enrolment_id = self._new_id()
        member_id = f"M-{enrolment_id[:12].upper()}"
        checkout = self._checkout
        till = checkout.till
        enrolment = Enrolment(
            enrolment_id=enrolment_id,
            member_id=member_id,
            name=name,
            phone=e164,
            card=card,
            consent=given,
            outlet_id=till.outlet_id,
            terminal_id=till.terminal_id,
            channel=till.channel,
            cashier_id=checkout.cashier_id(),
        )
        member = Member(
            member_id=member_id,
            card=card or member_id,  # the app's virtual card until a plastic one is linked
            name=name,
            tier=NEW_MEMBER_TIER,
            points=0,
            purchases=0,
            phone_masked=mask_phone(e164),
            phone_hmac=digest,
            marketing_consent=given.marketing,
        )
        store_call(lambda: self._journal.record_enrolment(enrolment, member))
        checkout.use_member(member)
        return member

    def _plastic_card(self, text: str) -> str:
        card = text.strip()
        if not card:
            return ""
        found = classify(card, self._checkout.identity_rules, is_product=lambda _code: False)
        if found.kind is not CodeKind.MEMBER_CARD:
            raise CheckoutError("enrol_bad_card", card=card[:32])
        owner = store_call(lambda: self._caches.member_by_card(found.text))
        if owner is not None:
            raise CheckoutError("enrol_card_taken", card=found.text)
        return found.text
