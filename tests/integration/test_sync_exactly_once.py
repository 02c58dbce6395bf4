"""The real terminal store and sync against the real hub over loopback, with faults."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest

from loyalty_hub.server import EmbeddedHub
from pos_client.checkout import Checkout, Till
from pos_client.core.sale import Sale
from pos_client.store.caches import Caches
from pos_client.store.journal import Journal
from pos_client.sync.engine import SyncEngine, SyncReport
from pos_client.sync.errors import HubBadAnswer, HubRefused, HubUnavailable
from pos_client.sync.loop import SyncLoop
from pos_client.sync.status import SyncStatus
from tests.conftest import CAPPUCCINO, CROISSANT, GOLD_CARD, OUTLET, TERMINAL
from tests.integration.conftest import EngineFactory
from tests.integration.fault_proxy import FaultProxy

pytestmark = pytest.mark.integration


def utc_now() -> datetime:
    return datetime.now(UTC)


def hub_sales(hub: EmbeddedHub) -> list[str]:
    return [
        row["key"] for row in hub.store.query("SELECT key FROM transactions WHERE kind = 'sale'")
    ]


def hub_points(hub: EmbeddedHub, member_id: str = "M-00004") -> int:
    return int(
        hub.store.query("SELECT points FROM members WHERE member_id = ?", (member_id,))[0][0]
    )


def sell(journal: Journal, caches: Caches) -> Sale:
    checkout = Checkout(journal=journal, caches=caches, till=Till(OUTLET, TERMINAL), clock=utc_now)
    checkout.scan(CAPPUCCINO)
    checkout.scan(CROISSANT)
    checkout.identify_card(GOLD_CARD)
    return checkout.pay("card", 0)


@pytest.fixture
def proxied(
    hub: EmbeddedHub, hub_token: str, make_engine: EngineFactory
) -> Iterator[tuple[FaultProxy, SyncEngine]]:
    """A terminal that reaches the hub through a fault proxy and has synced once."""
    with FaultProxy(hub.url) as proxy:
        engine = make_engine(proxy.url, hub_token)
        engine.sync_once()
        yield proxy, engine


def test_sale_made_while_the_hub_is_down_arrives_once_when_it_returns(
    hub: EmbeddedHub, primed: SyncEngine, journal: Journal, caches: Caches
) -> None:
    points_before = hub_points(hub)
    hub.stop()
    sale = sell(journal, caches)
    assert sale.points_earned > 0
    with pytest.raises(HubUnavailable):
        primed.sync_once()
    assert journal.queue_state().waiting == 1
    assert journal.outbox_batch(1)[0].attempts == 1

    hub.start()
    report = primed.sync_once()
    assert (report.sent, report.applied) == (1, 1)
    assert journal.queue_state().waiting == 0
    assert primed.sync_once().sent == 0
    assert hub_sales(hub) == [sale.sale_id]
    assert hub_points(hub) == points_before + sale.points_earned
    cached = caches.member_by_card(GOLD_CARD)
    assert cached is not None
    # what the member earned is pending on both sides until the return window has passed
    assert (cached.points, cached.pending_points) == (points_before, sale.points_earned)
    assert cached.points + cached.pending_points == hub_points(hub)


def test_answer_lost_after_the_hub_applied_the_batch_is_not_counted_twice(
    hub: EmbeddedHub, journal: Journal, caches: Caches, proxied: tuple[FaultProxy, SyncEngine]
) -> None:
    proxy, engine = proxied
    points_before = hub_points(hub)
    sale = sell(journal, caches)
    proxy.inject("/v1/transactions", "drop_answer")
    with pytest.raises(HubUnavailable):
        engine.sync_once()
    assert hub_sales(hub) == [sale.sale_id]  # applied, but the terminal never heard
    assert journal.queue_state().waiting == 1

    report = engine.sync_once()
    assert (report.sent, report.duplicate, report.applied) == (1, 1, 0)
    assert journal.queue_state().waiting == 0
    assert hub_sales(hub) == [sale.sale_id]
    assert hub_points(hub) == points_before + sale.points_earned
    assert proxy.seen["POST /v1/transactions"] == 2


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        ("503", HubUnavailable),
        ("reset", HubUnavailable),
        ("garbage", HubBadAnswer),
        ("truncated", HubBadAnswer),
    ],
)
def test_a_failed_push_keeps_the_sale_queued(
    hub: EmbeddedHub,
    journal: Journal,
    caches: Caches,
    proxied: tuple[FaultProxy, SyncEngine],
    fault: str,
    error: type,
) -> None:
    proxy, engine = proxied
    sell(journal, caches)
    proxy.inject("/v1/transactions", fault)
    with pytest.raises(error):
        engine.sync_once()
    assert journal.queue_state().waiting == 1
    engine.sync_once()
    assert journal.queue_state().waiting == 0
    assert len(hub_sales(hub)) == 1


@pytest.mark.parametrize("path", ["/v1/ruleset", "/v1/catalog", "/v1/members"])
def test_a_garbage_cache_answer_keeps_the_previous_cache(
    caches: Caches, proxied: tuple[FaultProxy, SyncEngine], path: str
) -> None:
    proxy, engine = proxied
    before = (caches.ruleset_document(), caches.product_by_barcode(CAPPUCCINO))
    proxy.inject(path, "garbage")
    with pytest.raises(HubBadAnswer):
        engine.sync_once()
    assert (caches.ruleset_document(), caches.product_by_barcode(CAPPUCCINO)) == before
    assert caches.member_by_card(GOLD_CARD) is not None


def test_a_refused_token_is_reported_as_such(hub: EmbeddedHub, make_engine: EngineFactory) -> None:
    with pytest.raises(HubRefused):
        make_engine(hub.url, "wrong-token").sync_once()


def test_a_rejected_sale_goes_to_the_dead_letters(
    hub: EmbeddedHub,
    primed: SyncEngine,
    journal: Journal,
    caches: Caches,
    terminal_db,  # type: ignore[no-untyped-def]
) -> None:
    hub.store.query("DELETE FROM members WHERE member_id = 'M-00004'")
    sell(journal, caches)
    report = primed.sync_once()
    assert report.rejected == 1
    state = journal.queue_state()
    assert (state.waiting, state.dead_letters) == (0, 1)
    reason = terminal_db.execute("SELECT reason FROM dead_letters").fetchone()[0]
    assert reason == "unknown_member"


class StatusLog:
    """Collects the loop's statuses; lets a test wait for one without sleeping blindly."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self.latest = SyncStatus()

    def __call__(self, status: SyncStatus) -> None:
        with self._changed:
            self.latest = status
            self._changed.notify_all()

    def wait_for(self, predicate: Callable[[SyncStatus], bool], timeout: float = 15) -> SyncStatus:
        with self._changed:
            assert self._changed.wait_for(lambda: predicate(self.latest), timeout), self.latest
            return self.latest


@pytest.fixture
def loop_and_log(
    hub: EmbeddedHub, hub_token: str, tmp_path
) -> Iterator[tuple[SyncLoop, StatusLog]]:  # type: ignore[no-untyped-def]
    log = StatusLog()
    loop = SyncLoop(
        db_path=tmp_path / "terminal.sqlite3",
        api_url=hub.url,
        token=hub_token,
        clock=utc_now,
        on_status=log,
        interval_s=300,
    )
    loop.start()
    yield loop, log
    loop.stop()


def test_the_loop_drains_the_queue_after_working_offline(
    hub: EmbeddedHub, loop_and_log: tuple[SyncLoop, StatusLog], journal: Journal, caches: Caches
) -> None:
    loop, log = loop_and_log
    log.wait_for(lambda s: s.online is True)
    loop.set_working_offline(True)
    log.wait_for(lambda s: s.working_offline and s.online is False)
    sale = sell(journal, caches)
    loop.wake()
    loop.wake(force=True)
    log.wait_for(lambda s: s.waiting == 1 and s.online is False)
    assert hub_sales(hub) == []

    loop.set_working_offline(False)
    status = log.wait_for(lambda s: s.online is True and s.waiting == 0)
    assert status.last_sync_at is not None and not status.working_offline
    assert hub_sales(hub) == [sale.sale_id]


def test_the_loop_reports_a_refused_token(hub: EmbeddedHub, tmp_path) -> None:  # type: ignore[no-untyped-def]
    log = StatusLog()
    loop = SyncLoop(
        db_path=tmp_path / "t.sqlite3", api_url=hub.url, token="nope", clock=utc_now, on_status=log
    )
    loop.start()
    try:
        status = log.wait_for(lambda s: s.error_kind is not None)
    finally:
        loop.stop()
    assert status.error_kind == "refused" and status.online is False


def mismatches(hub: EmbeddedHub) -> list[str]:
    hub.reprice_waiting()
    return [row["transaction_key"] for row in hub.store.query("SELECT * FROM pricing_mismatches")]


def test_the_hub_reprices_each_sale_and_records_differences(
    hub: EmbeddedHub,
    primed: SyncEngine,
    journal: Journal,
    caches: Caches,
    terminal_db,  # type: ignore[no-untyped-def]
) -> None:
    agreed = sell(journal, caches)
    assert agreed.discount > 0 and agreed.points_earned > 0
    primed.push_all(SyncReport())
    assert mismatches(hub) == []

    terminal_db.execute("DELETE FROM cache_state WHERE name = 'ruleset'")  # a till without rules
    differed = sell(journal, caches)
    primed.push_all(SyncReport())
    assert mismatches(hub) == [differed.sale_id]
    assert sorted(hub_sales(hub)) == sorted([agreed.sale_id, differed.sale_id])
