"""The outbox's claims on a real database: a sender sends only while its claims surely hold."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from bot.delivery.claims import Claims
from storage.store import Store
from storage.types import AlertIntent

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


class Monotonic:
    """A clock the test moves."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def with_rows(store: Store, chats: int) -> None:
    for chat in range(1, chats + 1):
        store.subscribe(chat, chat_type="private", name="", language="vi", now=NOW)
    store.enqueue_alert(
        AlertIntent(
            kind="story", priority=1, article_id=None, title="Mỹ rút quân", outlet="VnExpress",
            url="https://vnexpress.net/a.html", published_at=NOW, matched=("rút quân",),
        ),
        NOW,
    )  # fmt: skip


async def test_claims_are_held_until_the_lease_less_a_sixth_and_renewals_extend_them(
    store: Store,
) -> None:
    with_rows(store, 3)
    clock = Monotonic()
    claims = Claims(store, "a:1:x", lease=6.0, clock=lambda: NOW, monotonic=clock)
    assert not claims.holding(clock.now)  # nothing claimed yet
    assert len(await claims.claim(10, per_chat=3, fresh=True)) == 3
    clock.now += 4.9
    assert claims.holding(clock.now)
    clock.now += 0.2
    assert not claims.holding(clock.now)  # within a sixth of the lease: not surely ours
    claims.covered_until = clock.now + 6.0
    started = clock.now
    clock.now += 1.0
    claims.renewed(started, held=3)  # ended in time: covered from its start
    assert claims.covered_until == started + 6.0


async def test_a_renewal_that_ends_too_late_leaves_the_claims_lapsed(store: Store) -> None:
    with_rows(store, 2)
    clock = Monotonic()
    claims = Claims(store, "a:1:x", lease=6.0, clock=lambda: NOW, monotonic=clock)
    await claims.claim(10, per_chat=3, fresh=True)
    started = clock.now + 4.0
    clock.now += 5.5  # the renewal waited for a stalled loop
    claims.renewed(started, held=2)
    assert not claims.holding(clock.now)
    await claims.claim(10, per_chat=3, fresh=True)  # a fresh claim covers again
    assert claims.holding(clock.now)


async def test_a_stopping_sender_frees_its_rows_for_the_others(store: Store) -> None:
    with_rows(store, 2)
    claims = Claims(store, "a:1:x", lease=30.0, clock=lambda: NOW, monotonic=Monotonic())
    await claims.claim(10, per_chat=3, fresh=True)
    assert store.claim_due_deliveries(NOW, 10, worker="b:2:y") == []
    await claims.release()
    assert len(store.claim_due_deliveries(NOW, 10, worker="b:2:y")) == 2


class AwayStore(Store):
    """The database went away: freeing claims fails."""

    def release_delivery_claims(self, worker: str) -> int:
        raise sa.exc.OperationalError("UPDATE delivery", {}, Exception("connection refused"))


async def test_freeing_claims_with_the_database_away_leaves_them_to_their_lease(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    with_rows(store, 1)
    away = AwayStore(store.engine)
    claims = Claims(away, "a:1:x", lease=30.0, clock=lambda: NOW, monotonic=Monotonic())
    await claims.claim(10, per_chat=3, fresh=True)
    await claims.release()  # logged, not raised: the service stops all the same
    assert "delivery.release_failed" in caplog.text
    assert store.claim_due_deliveries(NOW + timedelta(seconds=31), 10, worker="b:2:y")
