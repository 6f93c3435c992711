"""The story queries, on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import command

from storage.db import _alembic_config, create_engine, upgrade
from storage.store import Store
from storage.stories import Stories
from storage.story_types import NewVersion, Placement, StoryState
from storage.types import AlertIntent, FeedSpec, NewArticle
from tests.waiting import until

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
OUTLETS = ("VnExpress", "Tuổi Trẻ", "VietnamPlus")


def feeds(store: Store) -> list[int]:
    store.sync_feeds([FeedSpec(f"https://{n}.example/rss", n, "vi", 300) for n in OUTLETS], NOW)
    with store.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT id, name FROM feed")).all()
    by_name = {name: feed_id for feed_id, name in rows}
    return [by_name[n] for n in OUTLETS]


def article(feed_id: int, n: int, *, relevant: bool = True, text: str = "") -> NewArticle:
    return NewArticle(
        feed_id=feed_id,
        guid=f"g-{n}",
        url=f"https://example.com/{n}",
        canonical_url=f"https://example.com/{n}",
        content_hash=f"hash-{n}",
        title=f"Mỹ rút quân khỏi Iraq {n}",
        summary=text or f"Tin số {n}",
        published_at=NOW,
        relevant=relevant,
        matched=("rút quân",),
    )


def place_three_reports(store: Store) -> tuple[Stories, list[int], int]:
    """One story carried by three outlets: (stories, article ids, story id)."""
    stories = Stories(store.engine)
    ids: list[int] = []
    story = None
    for n, feed_id in enumerate(feeds(store)):
        with store.batch() as tx:
            (article_id,) = tx.insert_articles([article(feed_id, n)], NOW + timedelta(minutes=n))
            assert article_id is not None
            placement = Placement(article_id, story, b"evidence", bytes([n, 0, 0, 0]))
            (done,) = tx.place([placement], NOW + timedelta(minutes=n))
        assert done.new == (story is None)
        story = done.story_id
        ids.append(article_id)
    assert story is not None
    return stories, ids, story


def test_a_story_counts_its_articles_and_outlets_and_lists_them_first_reporter_first(
    store: Store,
) -> None:
    stories, ids, story = place_three_reports(store)
    assert stories.outlets(story) == list(OUTLETS)
    (summary,) = stories.latest()
    assert (summary.id, summary.outlets, summary.articles) == (story, 3, 3)
    assert summary.outlet == "VnExpress"
    assert summary.latest_at == NOW + timedelta(minutes=2)
    assert {stories.story_of(i) for i in ids} == {story}


def test_not_relevant_articles_start_stories_of_their_own_and_stay_out_of_latest(
    store: Store,
) -> None:
    (feed_id, *_) = feeds(store)
    stories = Stories(store.engine)
    with store.batch() as tx:
        ids = tx.insert_articles([article(feed_id, n, relevant=False) for n in range(3)], NOW)
        placed = tx.place([Placement(i, None) for i in ids if i is not None], NOW)
    assert [p.new for p in placed] == [True, True, True]
    assert len({p.story_id for p in placed}) == 3
    assert stories.count() == 3
    assert stories.latest() == []


def test_an_index_catches_up_with_the_rows_stored_after_its_watermark(store: Store) -> None:
    stories, ids, story = place_three_reports(store)
    first_feed = feeds(store)[0]
    with store.batch() as tx:
        assert [r.article_id for r in tx.rows_since(ids[0])] == ids[1:]
        assert [r.slots for r in tx.rows_since(ids[1])] == [bytes([2, 0, 0, 0])]
        found = tx.evidence_of(ids)
        assert {(e.article_id, e.story_id, e.evidence) for e in found} == {
            (i, story, b"evidence") for i in ids
        }
        assert tx.stories_of_hashes(["hash-1", "hash-9"]) == {"hash-1": story}
        # rows without a language (as an instance before the column stores them) count as ""
        assert tx.states_of([story, story + 1000]) == {story: StoryState(False, {"": 3})}
        (fourth, fifth) = tx.insert_articles(
            [article(first_feed, 9), article(first_feed, 10, relevant=False)], NOW
        )
        assert fourth is not None
        assert fifth is not None
        joining = Placement(fourth, story, b"evidence", bytes(4), announces=True, lang="vi")
        _, started = tx.place([joining, Placement(fifth, None)], NOW)
        states = tx.states_of([story, started.story_id])
        assert states == {
            story: StoryState(True, {"": 3, "vi": 1}),
            started.story_id: StoryState(False, {}),  # a story without evidence
        }
    chunks = list(stories.index_rows(0, chunk=2))
    assert [[r.article_id for r in chunk] for chunk in chunks] == [ids[:2], [ids[2], fourth]]


def test_evidence_stored_by_an_instance_before_languages_counts_without_one(store: Store) -> None:
    """During a rolling upgrade an instance that does not know ``story_evidence.lang`` yet
    inserts rows without it: they read as "" (``choose.best_story`` counts them as before)."""
    _, _, story = place_three_reports(store)
    (feed_id, *_) = feeds(store)
    with store.batch() as tx:
        (article_id,) = tx.insert_articles([article(feed_id, 7)], NOW)
        tx.conn.execute(
            sa.text(
                "INSERT INTO story_evidence (article_id, story_id, evidence, slots) "
                "VALUES (:a, :s, :e, :x)"
            ),
            {"a": article_id, "s": story, "e": b"evidence", "x": bytes(4)},
        )
        assert tx.states_of([story]) == {story: StoryState(False, {"": 4})}


WAITING_FOR_AN_ADVISORY_LOCK = sa.text(
    "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
    "WHERE d.datname = current_database() AND l.locktype = 'advisory' AND NOT l.granted"
)


def wait_until_blocked(store: Store, asked: threading.Event) -> None:
    """Until the second writer asks for the story lock: its first statement has started (on
    SQLite that statement waits for the write lock), and on PostgreSQL its advisory lock is
    seen waiting."""
    assert asked.wait(10), "the second writer never asked for the story lock"
    if store.engine.dialect.name != "postgresql":
        return
    with store.engine.connect() as conn:

        def waiting() -> bool:
            conn.rollback()  # a fresh snapshot of pg_locks
            return bool(conn.execute(WAITING_FOR_AN_ADVISORY_LOCK).scalar_one())

        until("the second writer waits for the lock", waiting, timeout=10)


def test_the_story_lock_lets_one_writer_in_at_a_time(store: Store) -> None:
    entered: list[tuple[str, float]] = []
    inside, release, asked = threading.Event(), threading.Event(), threading.Event()

    def hold(name: str, until: threading.Event | None = None) -> None:
        with store.batch():
            entered.append((name, time.monotonic()))
            if until is not None:  # the first writer keeps the lock until the test lets go
                inside.set()
                assert until.wait(10), "the test never let the first writer go"
            entered.append((name, time.monotonic()))

    def statement(*_: object) -> None:
        if threading.current_thread().name == "second":
            asked.set()

    first = threading.Thread(target=hold, args=("first", release), name="first")
    second = threading.Thread(target=hold, args=("second",), name="second")
    sa.event.listen(store.engine, "before_cursor_execute", statement)
    try:
        first.start()
        assert inside.wait(10), "the first writer never got the story lock"
        second.start()
        wait_until_blocked(store, asked)
        assert [name for name, _ in entered] == ["first"]
    finally:
        release.set()
        first.join(10)
        second.join(10)
        sa.event.remove(store.engine, "before_cursor_execute", statement)
    assert [name for name, _ in entered] == ["first", "first", "second", "second"]
    assert entered[2][1] >= entered[1][1]


def announce(store: Store, story: int) -> int:
    return store.enqueue_alert(
        AlertIntent(
            kind="story",
            priority=1,
            article_id=None,
            title="Mỹ rút quân khỏi Iraq",
            outlet="VnExpress",
            url=None,
            published_at=NOW,
            matched=(),
            story_id=story,
        ),
        NOW,
    )


def test_edits_are_one_per_message_and_at_most_once_a_minute(store: Store) -> None:
    stories, _, story = place_three_reports(store)
    assert stories.enqueue_edits(story, NOW, interval_s=60) is None  # never announced
    store.subscribe(1, chat_type="private", name="", language="vi", now=NOW)
    store.subscribe(2, chat_type="private", name="", language="en", now=NOW)
    announce(store, story)
    due = store.claim_due_deliveries(NOW, 10)
    store.mark_sent([(d.id, 100 + d.chat_id) for d in due], NOW)

    assert stories.enqueue_edits(story, NOW, interval_s=60) == 2
    edits = store.claim_due_deliveries(NOW, 10)
    assert sorted((e.chat_id, e.edit_message_id, e.priority) for e in edits) == [
        (1, 101, 2),
        (2, 102, 2),
    ]
    assert {e.alert.kind for e in edits} == {"edit"}
    assert {e.alert.story_id for e in edits} == {story}
    store.mark_sent([(e.id, e.edit_message_id or 0) for e in edits], NOW)

    later = NOW + timedelta(seconds=10)
    assert stories.enqueue_edits(story, later, interval_s=60) == 2  # due a minute after
    assert store.claim_due_deliveries(later, 10) == []
    assert stories.enqueue_edits(story, later, interval_s=60) == 0  # still waiting: coalesced
    assert len(store.claim_due_deliveries(NOW + timedelta(seconds=60), 10)) == 2


def test_an_alert_not_confirmed_yet_is_edited_once_its_message_is_known(store: Store) -> None:
    stories, _, story = place_three_reports(store)
    store.subscribe(1, chat_type="private", name="", language="vi", now=NOW)
    announce(store, story)
    assert stories.story_message(story, 1) == ("pending", None)
    assert stories.enqueue_edits(story, NOW, interval_s=60) == 0  # stored now: not rendered
    later = NOW + timedelta(seconds=1)
    assert stories.enqueue_edits(story, later, interval_s=60) == 1
    (alert, edit) = store.claim_due_deliveries(later, 10)
    assert (alert.alert.kind, edit.alert.kind, edit.edit_message_id) == ("story", "edit", 0)
    store.mark_sent([(alert.id, 77)], NOW)
    assert stories.story_message(story, 1) == ("sent", 77)


def test_an_edited_article_is_a_new_version_of_it(store: Store) -> None:
    (feed_id, *_) = feeds(store)
    stories = Stories(store.engine)
    with store.batch() as tx:
        (article_id,) = tx.insert_articles([article(feed_id, 1)], NOW)
        assert article_id is not None
        tx.place([Placement(article_id, None)], NOW)
    (first,) = stories.current_versions(["g-1"], []).values()
    assert (first.article_id, first.version, first.content_hash) == (article_id, 1, "hash-1")
    edit = NewVersion(article_id, "hash-1b", "Mỹ rút quân", "Tin đã sửa", NOW)
    assert stories.add_versions([edit], NOW) == [2]
    now = stories.current_versions([], ["https://example.com/1"])
    assert now[("url", "https://example.com/1")].content_hash == "hash-1b"
    assert now[("url", "https://example.com/1")].version == 2


def test_articles_stored_before_stories_existed_get_a_story_each(database_url: str) -> None:
    engine = create_engine(database_url)
    command.upgrade(_alembic_config(engine), "0003")
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO feed (url, name, lang, interval_s, enabled, next_check_at,"
                " error_count, backlog_done, items_seen)"
                " VALUES ('https://a.example/rss', 'VnExpress', 'vi', 300, true,"
                " '2026-11-22 09:00:00', 0, true, 0)"
            )
        )
        for n in (1, 2):
            conn.execute(
                sa.text(
                    "INSERT INTO article (feed_id, guid, content_hash, title, summary, seen_at,"
                    " relevant, matched) SELECT id, :guid, :hash, 'Tin', '', '2026-11-22 09:00:00',"
                    " true, '' FROM feed"
                ),
                {"guid": f"g-{n}", "hash": f"h-{n}"},
            )
    upgrade(engine)
    stories = Stories(engine)
    with engine.connect() as conn:
        ids = [row[0] for row in conn.execute(sa.text("SELECT id FROM article ORDER BY id"))]
    assert len({stories.story_of(i) for i in ids}) == 2
    assert [s.outlets for s in stories.latest()] == [1, 1]
    engine.dispose()
