"""The store's queries, on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

import dataclasses
import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from storage.db import create_engine, current_revision, head_revision, upgrade
from storage.store import Store
from storage.types import AlertIntent, CheckOutcome, CheckStatus, FeedSpec, NewArticle

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
LEASE = timedelta(minutes=2)


def feeds(n: int) -> list[FeedSpec]:
    return [FeedSpec(f"http://127.0.0.1/feed/{i}", f"Feed {i}", "vi", 60) for i in range(n)]


def article(
    feed_id: int, guid: str | None, url: str | None, *, relevant: bool = True
) -> NewArticle:
    return NewArticle(
        feed_id=feed_id,
        guid=guid,
        url=url,
        canonical_url=url,
        content_hash=f"hash-{guid}-{url}",
        title=f"Title {guid}",
        summary="Mỹ rút quân khỏi Iraq",
        published_at=NOW - timedelta(hours=1),
        relevant=relevant,
        matched=("rút quân", "Iraq"),
    )


def intent(article_id: int | None = None, priority: int = 1) -> AlertIntent:
    return AlertIntent(
        kind="story",
        priority=priority,
        article_id=article_id,
        title="Mỹ rút quân <khỏi> Iraq & Syria",
        outlet="VnExpress",
        url="https://vnexpress.net/a.html",
        published_at=NOW,
        matched=("rút quân",),
    )


def test_migrations_create_the_schema_and_are_idempotent(database_url: str) -> None:
    engine = create_engine(database_url)
    upgrade(engine)
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    tables = set(sa.inspect(engine).get_table_names())
    assert {"feed", "article", "subscriber", "alert", "delivery", "ledger_entry"} <= tables
    engine.dispose()


def test_sync_feeds_adds_updates_and_disables(store: Store) -> None:
    store.sync_feeds(feeds(3), NOW)
    changed = [FeedSpec("http://127.0.0.1/feed/0", "Renamed", "en", 300), feeds(3)[1]]
    store.sync_feeds(changed, NOW)
    statuses = {s.url: s for s in store.feed_statuses()}
    assert set(statuses) == {"http://127.0.0.1/feed/0", "http://127.0.0.1/feed/1"}
    assert statuses["http://127.0.0.1/feed/0"].name == "Renamed"


def test_claim_takes_due_feeds_once_until_the_lease_expires(store: Store) -> None:
    store.sync_feeds(feeds(5), NOW)
    first = store.claim_due_feeds(NOW, worker="a", lease=LEASE, limit=3)
    second = store.claim_due_feeds(NOW, worker="b", lease=LEASE, limit=10)
    assert len(first) == 3
    assert len(second) == 2
    assert not {f.id for f in first} & {f.id for f in second}
    assert store.claim_due_feeds(NOW, worker="c", lease=LEASE, limit=10) == []
    later = store.claim_due_feeds(
        NOW + LEASE + timedelta(seconds=1), worker="c", lease=LEASE, limit=10
    )
    assert len(later) == 5


def test_concurrent_claims_never_share_a_feed(store: Store) -> None:
    store.sync_feeds(feeds(200), NOW)
    claimed: list[list[int]] = []
    lock = threading.Lock()

    def claim(worker: str) -> None:
        mine: list[int] = []
        while batch := store.claim_due_feeds(NOW, worker=worker, lease=LEASE, limit=7):
            mine.extend(f.id for f in batch)
        with lock:
            claimed.append(mine)

    threads = [threading.Thread(target=claim, args=(f"w{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = [feed_id for mine in claimed for feed_id in mine]
    assert len(every) == 200
    assert len(set(every)) == 200


def test_finish_check_records_errors_and_validators(store: Store) -> None:
    store.sync_feeds(feeds(1), NOW)
    (feed,) = store.claim_due_feeds(NOW, worker="a", lease=LEASE, limit=1)
    later = NOW + timedelta(minutes=5)
    failed = CheckOutcome(feed.id, "error", NOW, later, error="cannot fetch: HTTP 500")
    store.finish_checks([failed])
    store.finish_checks([dataclasses.replace(failed, error="cannot fetch: HTTP 502")])
    (status,) = store.feed_statuses()
    assert (status.error_count, status.last_error) == (2, "cannot fetch: HTTP 502")
    assert status.next_check_at == later
    assert store.claim_due_feeds(later, worker="a", lease=LEASE, limit=1)[0].error_count == 2
    outcome = CheckOutcome(
        feed.id, "ok", later, later, etag='W/"abc"', last_modified="Sun, 22 Nov 2026 09:00:00 GMT"
    )
    store.finish_checks([outcome])
    (again,) = store.claim_due_feeds(later, worker="a", lease=LEASE, limit=1)
    assert (again.etag, again.last_modified) == ('W/"abc"', "Sun, 22 Nov 2026 09:00:00 GMT")
    assert (again.error_count, again.backlog_done) == (0, True)


def test_many_outcomes_are_recorded_at_once(store: Store) -> None:
    store.sync_feeds(feeds(30), NOW)
    claimed = store.claim_due_feeds(NOW, worker="a", lease=LEASE, limit=30)
    later = NOW + timedelta(minutes=1)
    kinds: tuple[CheckStatus, ...] = ("ok", "not_modified", "error")
    store.finish_checks(
        [CheckOutcome(f.id, kinds[f.id % 3], NOW, later, error="x") for f in claimed]
    )
    statuses = store.feed_statuses()
    assert sorted(s.last_status or "" for s in statuses) == sorted(kinds * 10)
    assert all(s.next_check_at == later for s in statuses)
    assert len(store.claim_due_feeds(later, worker="b", lease=LEASE, limit=30)) == 30


def test_not_modified_keeps_the_validators(store: Store) -> None:
    store.sync_feeds(feeds(1), NOW)
    (feed,) = store.claim_due_feeds(NOW, worker="a", lease=LEASE, limit=1)
    store.finish_checks([CheckOutcome(feed.id, "ok", NOW, NOW, etag='"v1"')])
    store.finish_checks([CheckOutcome(feed.id, "not_modified", NOW, NOW)])
    (again,) = store.claim_due_feeds(NOW, worker="a", lease=LEASE, limit=1)
    assert again.etag == '"v1"'


def test_insert_articles_reports_which_were_new(store: Store) -> None:
    store.sync_feeds(feeds(1), NOW)
    first = store.insert_articles(
        [article(1, "g1", "https://a/1"), article(1, None, "https://a/2")], NOW
    )
    assert all(isinstance(i, int) for i in first)
    again = store.insert_articles(
        [article(1, "g1", "https://a/9"), article(1, "g2", "https://a/2"), article(1, "g3", None)],
        NOW,
    )
    assert again[0] is None  # same GUID
    assert again[1] is None  # same canonical URL
    assert isinstance(again[2], int)
    known = store.known_identities(["g1", "g3", "zz"], ["https://a/2", "https://nope"])
    assert known.guids == frozenset({"g1", "g3"})
    assert known.urls == frozenset({"https://a/2"})
    assert store.count_articles() == (3, 3)


def test_enqueue_fans_out_to_active_subscribers_only(store: Store) -> None:
    for chat in (1, 2, 3):
        store.subscribe(chat, chat_type="private", name="", language="vi", now=NOW)
    assert store.subscribe(1, chat_type="private", name="", language="vi", now=NOW) is False
    assert store.deactivate(3, "unsubscribed") is True
    assert store.deactivate(3, "unsubscribed") is False
    alert_id = store.enqueue_alert(intent(), NOW)
    due = store.claim_due_deliveries(NOW, 10)
    assert sorted(d.chat_id for d in due) == [1, 2]
    assert {d.alert.id for d in due} == {alert_id}
    assert due[0].alert.title == "Mỹ rút quân <khỏi> Iraq & Syria"
    assert due[0].alert.published_at == NOW
    assert due[0].language == "vi"


def test_due_deliveries_put_priority_first_and_respect_retry_time(store: Store) -> None:
    store.subscribe(1, chat_type="private", name="", language="en", now=NOW)
    routine = store.enqueue_alert(intent(priority=1), NOW)
    urgent = store.enqueue_alert(intent(priority=0), NOW)
    assert [d.alert.id for d in store.claim_due_deliveries(NOW, 10)] == [urgent, routine]
    first = store.claim_due_deliveries(NOW, 10)[0]
    store.mark_retry(first.id, "flood wait", NOW + timedelta(seconds=30))
    assert [d.alert.id for d in store.claim_due_deliveries(NOW, 10)] == [routine]
    retried = store.claim_due_deliveries(NOW + timedelta(seconds=31), 10)
    assert retried[0].attempts == 1


def test_sent_and_failed_deliveries_leave_the_queue(store: Store) -> None:
    for chat in (1, 2, 3):
        store.subscribe(chat, chat_type="private", name="", language="en", now=NOW)
    store.enqueue_alert(intent(), NOW)
    one, two, three = store.claim_due_deliveries(NOW, 10)
    store.mark_sent([(one.id, 42)], NOW)
    store.mark_failed(two.id, "bad request: message is too long")
    store.deactivate(three.chat_id, "forbidden: bot was blocked by the user")
    assert store.claim_due_deliveries(NOW, 10) == []
    assert store.delivery_counts() == {"sent": 1, "failed": 2}
    assert store.overview().subscribers == 2


def test_migrated_chat_keeps_its_subscription_and_pending_alerts(store: Store) -> None:
    store.subscribe(-100, chat_type="group", name="Newsroom", language="en", now=NOW)
    store.enqueue_alert(intent(), NOW)
    store.migrate_chat(-100, -1001234)
    (due,) = store.claim_due_deliveries(NOW, 10)
    assert due.chat_id == -1001234
    assert store.is_subscribed(-1001234)
    assert not store.is_subscribed(-100)


def test_terminal_reads_alerts_in_order(store: Store) -> None:
    assert store.last_alert_id() == 0
    a = store.enqueue_alert(intent(), NOW)
    b = store.enqueue_alert(intent(), NOW)
    assert [x.id for x in store.alerts_after(0)] == [a, b]
    assert [x.id for x in store.alerts_after(a)] == [b]
    assert store.last_alert_id() == b


def test_a_long_queue_for_one_chat_does_not_hide_the_others(store: Store) -> None:
    for chat in (1, 2):
        store.subscribe(chat, chat_type="private", name="", language="en", now=NOW)
    store.deactivate(2, "paused")
    for _ in range(10):
        store.enqueue_alert(intent(), NOW)
    store.subscribe(2, chat_type="private", name="", language="en", now=NOW)
    store.enqueue_alert(intent(), NOW)
    due = store.claim_due_deliveries(NOW, 100, per_chat=3)
    assert [d.chat_id for d in due] == [1, 1, 1, 2]


def test_a_flood_wait_or_quiet_hours_are_not_failed_attempts(store: Store) -> None:
    store.subscribe(1, chat_type="private", name="", language="en", now=NOW)
    store.enqueue_alert(intent(), NOW)
    (due,) = store.claim_due_deliveries(NOW, 10)
    store.mark_retry(due.id, "quiet hours", NOW + timedelta(hours=1), count=False)
    (later,) = store.claim_due_deliveries(NOW + timedelta(hours=1), 10)
    assert later.attempts == 0


def test_held_stories_become_one_digest_for_that_chat(store: Store) -> None:
    store.subscribe(1, chat_type="private", name="", language="vi", now=NOW)
    store.subscribe(2, chat_type="supergroup", name="", language="en", now=NOW, thread_id=7)
    for _ in range(3):
        store.enqueue_alert(intent(), NOW)
    for delivery in store.claim_due_deliveries(NOW, 10):
        if delivery.chat_id == 1:
            store.hold(delivery.id)
    assert store.make_digest(1, NOW, NOW + timedelta(hours=12), send=False) is None
    assert store.make_digest(1, NOW, NOW + timedelta(hours=12)) is None  # not due before then
    later = NOW + timedelta(hours=12)
    digest = store.make_digest(1, later, later + timedelta(hours=12))
    assert digest is not None
    mine = [d for d in store.claim_due_deliveries(later, 10, per_chat=10) if d.chat_id == 1]
    assert [d.alert.kind for d in mine] == ["digest"]
    assert len(mine[0].alert.items) == 3
    assert mine[0].alert.items[0].title == "Mỹ rút quân <khỏi> Iraq & Syria"
    assert store.delivery_counts()["digested"] == 3
    group = [d for d in store.claim_due_deliveries(NOW, 10, per_chat=10) if d.chat_id == 2]
    assert {(d.chat_type, d.thread_id) for d in group} == {("supergroup", 7)}


def test_digest_subscribers_are_due_when_their_hour_comes(store: Store) -> None:
    store.subscribe(1, chat_type="private", name="", language="en", now=NOW)
    store.subscribe(2, chat_type="private", name="", language="en", now=NOW)
    with store.engine.begin() as conn:
        conn.execute(sa.text("UPDATE subscriber SET mode = 'digest', digest_hours = '8,20'"))
    assert {row[0] for row in store.due_digests(NOW)} == {1, 2}
    store.make_digest(1, NOW, NOW + timedelta(hours=1), send=False)
    assert {row[0] for row in store.due_digests(NOW)} == {2}
    assert {row[0] for row in store.due_digests(NOW + timedelta(hours=1))} == {1, 2}


def test_failures_are_listed_newest_first(store: Store) -> None:
    store.subscribe(1, chat_type="private", name="", language="en", now=NOW)
    first = store.enqueue_alert(intent(), NOW)
    second = store.enqueue_alert(intent(), NOW)
    for delivery in store.claim_due_deliveries(NOW, 10, per_chat=10):
        store.mark_failed(delivery.id, f"bad request: {delivery.alert.id}")
    assert store.failed_deliveries() == [
        (second, 1, f"bad request: {second}"),
        (first, 1, f"bad request: {first}"),
    ]


def test_a_due_delivery_knows_when_its_article_was_first_seen(store: Store) -> None:
    store.sync_feeds(feeds(1), NOW)
    (article_id,) = store.insert_articles([article(1, "g1", "https://a.example/1")], NOW)
    store.subscribe(1, chat_type="private", name="", language="vi", now=NOW)
    store.enqueue_alert(intent(article_id), NOW + timedelta(seconds=5))
    store.enqueue_alert(intent(None), NOW + timedelta(seconds=5))  # a digest has no article
    due = store.claim_due_deliveries(NOW + timedelta(seconds=5), 10)
    seen = {d.alert.id: d.seen_at for d in due}
    assert sorted(seen.values(), key=str) == [NOW, None]


def test_pending_deliveries_are_counted_per_priority_lane(store: Store) -> None:
    for chat in (1, 2):
        store.subscribe(chat, chat_type="private", name="", language="vi", now=NOW)
    store.enqueue_alert(intent(priority=0), NOW)
    store.enqueue_alert(intent(priority=1), NOW)
    store.enqueue_alert(intent(priority=1), NOW)
    first = store.claim_due_deliveries(NOW, 10)[0]
    store.mark_sent([(first.id, 7)], NOW)
    assert store.queue_depth() == {0: 1, 1: 4}


def test_a_feed_paused_while_it_is_being_claimed_is_not_claimed(store: Store) -> None:
    """On SQLite the due feeds are read, then claimed: a pause landing in between (an admin's
    /feeds pause, a reload) stops the claim. (PostgreSQL reads and claims in one statement.)"""
    if store.shared:
        pytest.skip("PostgreSQL claims in one statement: nothing lands in between")
    store.sync_feeds(feeds(1), NOW)

    paused: list[str] = []

    def pause_after_reading(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and not paused:
            paused.append(statement)
            with store.engine.begin() as other:
                other.execute(sa.text("UPDATE feed SET paused = 1"))

    sa.event.listen(store.engine, "after_cursor_execute", pause_after_reading)
    try:
        assert store.claim_due_feeds(NOW, worker="a", lease=LEASE, limit=1) == []
    finally:
        sa.event.remove(store.engine, "after_cursor_execute", pause_after_reading)
    assert paused, "the claim read nothing before writing"
