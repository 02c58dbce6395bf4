"""One sync round: push the outbox in batches, then pull ruleset, catalog, keys and members
(with the outlet's phone key, which is kept outside the database)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from pos_client.core.catalog import CatalogError, Product
from pos_client.core.identity import public_key_from_text
from pos_client.core.loyalty import Member, MemberError
from pos_client.core.ruleset import RulesetError, parse_ruleset
from pos_client.store.caches import Caches
from pos_client.store.journal import Journal
from pos_client.store.secret_file import SecretFile, SecretFileError
from pos_client.sync.client import HubClient
from pos_client.sync.errors import HubBadAnswer
from pos_client.sync.models import (
    CatalogAnswer,
    KeysAnswer,
    MemberCacheAnswer,
    PhoneKeyAnswer,
    RulesetAnswer,
)

DEFAULT_BATCH = 50
LAST_SYNC_KEY = "last_sync_at"


@dataclass
class SyncReport:
    sent: int = 0
    applied: int = 0
    duplicate: int = 0
    rejected: int = 0
    pulled: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


class SyncEngine:
    def __init__(
        self,
        client: HubClient,
        journal: Journal,
        caches: Caches,
        clock: Callable[[], datetime],
        *,
        batch_size: int = DEFAULT_BATCH,
        phone_key: SecretFile | None = None,
    ) -> None:
        self._client = client
        self._journal = journal
        self._caches = caches
        self._clock = clock
        self._batch_size = batch_size
        self._phone_key = phone_key

    def sync_once(self) -> SyncReport:
        """Push everything waiting, then refresh the caches. Raises HubError when the hub fails.

        A cache whose payload does not validate is kept as it was, with a warning.
        """
        report = SyncReport()
        self.push_all(report)
        self._pull(report)
        self._caches.set_meta(LAST_SYNC_KEY, self._clock().isoformat())
        return report

    def push_all(self, report: SyncReport) -> None:
        while batch := self._journal.outbox_batch(self._batch_size):
            keys = [item.key for item in batch]
            try:
                results = self._client.push(batch)
            except Exception as exc:
                self._journal.note_failed_attempt(keys, str(exc))
                raise
            sent_keys = set(keys)
            results = [r for r in results if r.key in sent_keys]
            self._journal.apply_results(results, keys, self._clock())
            report.sent += len(batch)
            for result in results:
                if result.status == "applied":
                    report.applied += 1
                elif result.status == "duplicate":
                    report.duplicate += 1
                else:
                    report.rejected += 1
            if not results:
                # Nothing settled: stop rather than resend the same batch in a loop.
                raise HubBadAnswer("the hub settled none of the items sent")

    def _pull(self, report: SyncReport) -> None:
        now = self._clock()
        ruleset_doc = self._client.get_json("/v1/ruleset")
        try:
            version = RulesetAnswer.model_validate(ruleset_doc).version
            parse_ruleset(ruleset_doc)
        except (RulesetError, ValueError) as exc:
            report.warnings.append(f"ruleset refused, the previous one stays: {exc}")
        else:
            if version != self._caches.version("ruleset"):
                self._caches.replace_ruleset(version, ruleset_doc, now)
            report.pulled["ruleset"] = version

        catalog_doc = self._client.get_json("/v1/catalog")
        try:
            catalog = CatalogAnswer.model_validate(catalog_doc)
            products = [Product.from_dict(p) for p in catalog.products]
        except (CatalogError, ValueError) as exc:
            report.warnings.append(f"catalog refused, the previous one stays: {exc}")
        else:
            if catalog.version != self._caches.version("catalog"):
                self._caches.replace_catalog(catalog.version, products, now)
            report.pulled["catalog"] = catalog.version

        keys_doc = self._client.get_json("/v1/keys")
        try:
            keys = KeysAnswer.model_validate(keys_doc).keys
            for text in keys.values():
                public_key_from_text(text)
        except ValueError as exc:
            report.warnings.append(f"app code keys refused, the previous ones stay: {exc}")
        else:
            self._caches.replace_app_keys(keys)
            report.pulled["keys"] = len(keys)

        if self._phone_key is not None:
            self._pull_phone_key(self._phone_key, report)
        members_doc = self._client.get_json("/v1/members")
        try:
            cache = MemberCacheAnswer.model_validate(members_doc)
            members = [Member.from_dict(m) for m in cache.members]
        except (MemberError, ValueError) as exc:
            report.warnings.append(f"member cache refused, the previous one stays: {exc}")
        else:
            self._caches.replace_members(cache.version, members, now)
            report.pulled["members"] = cache.version

    def _pull_phone_key(self, secret: SecretFile, report: SyncReport) -> None:
        """The outlet's phone HMAC key, kept in its own file (written only when it changes)."""
        try:
            key = PhoneKeyAnswer.model_validate(self._client.get_json("/v1/phone-key")).key
        except ValueError as exc:
            report.warnings.append(f"phone key refused, the previous one stays: {exc}")
            return
        try:
            if secret.read() != key:
                secret.write(key)
        except SecretFileError as exc:
            report.warnings.append(str(exc))
