"""One sync round: push the outbox in batches, then pull ruleset (unless unchanged, by its
ETag), catalog and member cache (as deltas since the last cursor), keys, the outlet's staff,
and the outlet's phone key (kept outside the database). The hub's Date header tells how far the
clocks differ."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from pos_client.core.catalog import CatalogError, Product
from pos_client.core.identity import public_key_from_text
from pos_client.core.loyalty import Member, MemberError
from pos_client.core.ruleset import RulesetError, parse_ruleset
from pos_client.core.staff import StaffMember
from pos_client.store.caches import (
    Caches,
    CacheUpdate,
    CatalogUpdate,
    KeysUpdate,
    MemberUpdate,
    RulesetUpdate,
    StaffUpdate,
)
from pos_client.store.journal import Journal
from pos_client.store.secret_file import SecretFile, SecretFileError
from pos_client.sync.client import HubClient
from pos_client.sync.errors import HubBadAnswer, TerminalIdentity
from pos_client.sync.models import (
    CatalogAnswer,
    KeysAnswer,
    MemberCacheAnswer,
    PhoneKeyAnswer,
    RulesetAnswer,
    StaffAnswer,
)

DEFAULT_BATCH = 50
LAST_SYNC_KEY = "last_sync_at"


@dataclass
class SyncReport:
    sent: int = 0
    applied: int = 0
    duplicate: int = 0
    rejected: int = 0
    conflicts: int = 0
    pulled: dict[str, int | str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    clock_skew_s: float | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "sent": self.sent,
            "applied": self.applied,
            "duplicate": self.duplicate,
            "rejected": self.rejected,
            "conflicts": self.conflicts,
            "pulled": self.pulled,
            "warnings": self.warnings,
            "clock_skew_s": self.clock_skew_s,
        }


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
        terminal: TerminalIdentity | None = None,
    ) -> None:
        self._client = client
        self._unconfirmed = terminal  # asked of the hub before the first push
        self._journal = journal
        self._caches = caches
        self._clock = clock
        self._batch_size = batch_size
        self._phone_key = phone_key

    def sync_once(self) -> SyncReport:
        """Push everything waiting, then refresh the caches. Raises HubError when the hub fails,
        and HubWrongTerminal, sending nothing, when the hub knows the token as another till.

        A cache whose payload does not validate is kept as it was, with a warning.
        """
        report = SyncReport()
        if self._unconfirmed is not None:
            self._client.confirm_terminal(self._unconfirmed)
            self._unconfirmed = None
        self.push_all(report)
        self.pull(report)
        self._caches.set_meta(LAST_SYNC_KEY, self._clock().isoformat())
        report.clock_skew_s = self._client.clock_skew_s
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
                if "conflict" in (result.status, result.first_status):
                    report.conflicts += 1
                if result.status in ("applied", "conflict"):
                    report.applied += 1
                elif result.status == "duplicate":
                    report.duplicate += 1
                else:
                    report.rejected += 1
            if not results:
                # Nothing settled: stop rather than resend the same batch in a loop.
                raise HubBadAnswer("the hub settled none of the items sent")

    def pull(self, report: SyncReport) -> None:
        """Fetch every cache, validate each whole, and swap the good ones in one transaction."""
        updates: list[CacheUpdate] = []
        for name, fetch in (
            ("ruleset", self._ruleset),
            ("catalog", self._catalog),
            ("keys", self._keys),
            ("members", self._members),
            ("staff", self._staff),
        ):
            try:
                update = fetch()
            except (CatalogError, MemberError, RulesetError, ValueError) as exc:
                report.warnings.append(f"{name} refused, the previous one stays: {exc}")
                continue
            if update is not None:
                updates.append(update)
            report.pulled[name] = self._version_of(name, update)
        if self._phone_key is not None:
            self._pull_phone_key(self._phone_key, report)
        self._caches.swap(updates, self._clock())

    def _version_of(self, name: str, update: CacheUpdate | None) -> int | str:
        if isinstance(update, RulesetUpdate):
            return update.version
        if isinstance(update, CatalogUpdate | MemberUpdate):
            return update.cursor
        if isinstance(update, KeysUpdate):
            return len(update.keys)
        if isinstance(update, StaffUpdate):
            return len(update.staff)
        return self._caches.version(name) or 0

    def _ruleset(self) -> RulesetUpdate | None:
        etag, _ = self._caches.state("ruleset")
        fetched = self._client.fetch("/v1/ruleset", etag=etag)
        if fetched.data is None:
            return None
        version = RulesetAnswer.model_validate(fetched.data).version
        parse_ruleset(fetched.data)
        return RulesetUpdate(version, fetched.data, fetched.etag)

    def _catalog(self) -> CatalogUpdate:
        _, cursor = self._caches.state("catalog")
        data = self._client.get_json("/v1/catalog", since=int(cursor or 0))
        answer = CatalogAnswer.model_validate(data)
        products = tuple(Product.from_dict(p) for p in answer.products)
        return CatalogUpdate(answer.cursor, answer.full, products, tuple(answer.removed))

    def _keys(self) -> KeysUpdate:
        keys = KeysAnswer.model_validate(self._client.get_json("/v1/keys")).keys
        for text in keys.values():
            public_key_from_text(text)
        return KeysUpdate(keys)

    def _members(self) -> MemberUpdate:
        _, cursor = self._caches.state("members")
        data = self._client.get_json("/v1/members", since=cursor or "")
        answer = MemberCacheAnswer.model_validate(data)
        members = tuple(Member.from_dict(m) for m in answer.members)
        return MemberUpdate(answer.cursor, answer.full, members, tuple(answer.removed))

    def _staff(self) -> StaffUpdate:
        answer = StaffAnswer.model_validate(self._client.get_json("/v1/staff"))
        return StaffUpdate(tuple(StaffMember.from_dict(person) for person in answer.staff))

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
