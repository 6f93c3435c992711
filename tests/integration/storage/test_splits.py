"""/split's storage: an article out of its story, on a real SQLite file and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import sqlalchemy as sa

from storage.preference_types import SplitFrom
from storage.preferences import Preferences
from storage.splits import Split, Splits
from storage.store import Store
from storage.story_types import Placement
from storage.tables import alerts, evidences
from storage.traces import Traces
from storage.types import AlertIntent
from tests.integration.storage.test_stories import (
    NOW,
    announce,
    article,
    feeds,
    place_three_reports,
)

ADMIN = 7
LATER = NOW + timedelta(minutes=10)


def test_a_report_split_out_is_a_story_of_its_own_and_sends_its_alert(store: Store) -> None:
    stories, ids, story = place_three_reports(store)
    store.subscribe(1, chat_type="private", name="", language="vi", now=NOW)
    store.subscribe(2, chat_type="private", name="", language="en", now=NOW)
    announce(store, story)
    sent = store.claim_due_deliveries(NOW, 10)
    store.mark_sent([(d.id, 100 + d.chat_id) for d in sent], NOW)
    latest_before = stories.latest()[0].latest_at

    done = Splits(store.engine).split(["https://example.com/2"], ADMIN, LATER, interval_s=60)

    assert done.outcome == "split"
    assert (done.title, done.outlet, done.from_story, done.subscribers) == (
        "Mỹ rút quân khỏi Iraq 2",
        "VietnamPlus",
        story,
        2,
    )
    assert done.left_title == "Mỹ rút quân khỏi Iraq 0"
    new = done.story_id
    assert new is not None
    assert new != story
    assert stories.story_of(ids[2]) == new
    assert stories.outlets(story) == ["VnExpress", "Tuổi Trẻ"]
    assert stories.outlets(new) == ["VietnamPlus"]
    by_id = {s.id: s for s in stories.latest()}
    assert (by_id[story].articles, by_id[story].outlets) == (2, 2)
    assert by_id[story].latest_at == latest_before  # a split is not a report
    assert (by_id[new].articles, by_id[new].outlets) == (1, 1)
    assert by_id[new].latest_at == NOW + timedelta(minutes=2)  # when the article was seen
    with store.engine.connect() as conn:
        moved = conn.execute(
            sa.select(evidences.c.story_id).where(evidences.c.article_id == ids[2])
        ).scalar_one()
        announced = conn.execute(sa.text("SELECT announced FROM story WHERE id = :s"), {"s": new})
        assert bool(announced.scalar_one())
        kinds = conn.execute(
            sa.select(alerts.c.kind, alerts.c.story_id, alerts.c.article_id).order_by(alerts.c.id)
        ).all()
    assert moved == new
    assert [tuple(k) for k in kinds[1:]] == [("story", new, ids[2]), ("edit", story, None)]
    due = store.claim_due_deliveries(LATER, 10)
    alert = sorted((d.chat_id, d.alert.kind, d.alert.title, d.edit_message_id) for d in due)
    assert alert == [
        (1, "edit", "Mỹ rút quân khỏi Iraq", 101),  # the old story's message loses the outlet
        (1, "story", "Mỹ rút quân khỏi Iraq 2", None),
        (2, "edit", "Mỹ rút quân khỏi Iraq", 102),
        (2, "story", "Mỹ rút quân khỏi Iraq 2", None),
    ]
    assert split_one(store, 2).outcome == "already"  # asked again
    explained = Traces(store.engine).explain(["https://example.com/2"], 1)
    assert explained is not None
    assert explained.story is None  # the first report of its own story now
    assert explained.split == SplitFrom("Mỹ rút quân khỏi Iraq 0", "VnExpress", LATER)
    assert [a.kind for a in explained.alerts] == ["story"]
    with store.batch() as tx:
        ((split_id, split_article),) = tx.splits_since(0)
        assert split_article == ids[2]
        assert tx.splits_since(split_id) == []


def split_one(store: Store, n: int) -> Split:
    return Splits(store.engine).split([f"https://example.com/{n}"], ADMIN, LATER, interval_s=60)


def test_copies_of_the_report_go_with_it_and_a_mute_stays_with_the_story(store: Store) -> None:
    stories, ids, story = place_three_reports(store)
    feed_ids = feeds(store)
    copy = replace(article(feed_ids[0], 3), content_hash="hash-2")  # report 2's text, again
    with store.batch() as tx:
        (copy_id,) = tx.insert_articles([copy], NOW)
        assert copy_id is not None
        tx.place([Placement(copy_id, story, b"evidence", bytes(4))], NOW)
    store.subscribe(1, chat_type="private", name="", language="vi", now=NOW)
    store.subscribe(2, chat_type="private", name="", language="vi", now=NOW)
    store.subscribe(3, chat_type="private", name="", language="vi", now=NOW)
    figure = AlertIntent("figure", 0, ids[2], "Mỹ rút quân 2", "VietnamPlus", None, NOW, ())
    muted_from = store.enqueue_alert(figure, NOW)  # a figure change report 2 brought
    first = AlertIntent("figure", 0, ids[0], "Mỹ rút quân 0", "VnExpress", None, NOW, ())
    of_copy = AlertIntent("figure", 0, copy_id, "Mỹ rút quân 2", "VnExpress", None, NOW, ())
    prefs = Preferences(store.engine)
    for chat in (1, 2, 3):  # "mute this story", pressed on report 2's figure alert
        assert prefs.mute(chat, muted_from, NOW) == ids[2]
    assert prefs.mute(2, store.enqueue_alert(first, NOW), NOW) == ids[0]  # and on report 0's
    assert prefs.mute(3, store.enqueue_alert(of_copy, NOW), NOW) == copy_id  # and the copy's

    splits = Splits(store.engine)
    done = splits.split_alert(muted_from, ADMIN, LATER, interval_s=60)  # the update's button

    assert done.story_id is not None
    assert stories.story_of(copy_id) == done.story_id
    assert stories.outlets(done.story_id) == ["VietnamPlus", "VnExpress"]  # first reporter first
    assert stories.outlets(story) == ["VnExpress", "Tuổi Trẻ"]
    with store.batch() as tx:
        assert sorted(a for _, a in tx.splits_since(0)) == sorted([ids[2], copy_id])
    rules = prefs.rules_for([1, 2, 3])
    for chat in (1, 2, 3):  # the story it left is still muted, once; the new one is not
        assert (rules[chat].muted, rules[chat].muted_stories) == (
            frozenset({ids[0]}),
            frozenset({story}),
        )
    assert prefs.unmute_alert(1, muted_from) == ids[0]  # its button finds the mute
    assert 1 not in prefs.rules_for([1])
    assert splits.split_alert(muted_from, ADMIN, LATER, interval_s=60).outcome == "already"
    broadcast = AlertIntent("broadcast", 2, None, "Xin chào", "", None, None, ())
    about_nothing = store.enqueue_alert(broadcast, NOW)
    assert splits.split_alert(about_nothing, ADMIN, LATER, interval_s=60) == Split("unknown")


def test_a_first_report_or_an_unknown_link_is_said_and_nothing_changes(store: Store) -> None:
    stories, ids, story = place_three_reports(store)
    splits = Splits(store.engine)
    unknown = splits.split(["https://example.com/nothing"], ADMIN, LATER, interval_s=60)
    assert unknown == Split("unknown")
    first = splits.split(["https://example.com/0"], ADMIN, LATER, interval_s=60)
    assert (first.outcome, first.title) == ("first", "Mỹ rút quân khỏi Iraq 0")
    (feed_id, *_) = feeds(store)
    with store.batch() as tx:
        (alone,) = tx.insert_articles([article(feed_id, 5)], NOW)
        assert alone is not None
        tx.place([Placement(alone, None, b"evidence", bytes(4))], NOW)
    assert splits.split(["https://example.com/5"], ADMIN, LATER, interval_s=60).outcome == "first"
    with store.batch() as tx:
        copy, off_topic = tx.insert_articles(
            [
                replace(article(feed_id, 6), content_hash="hash-0"),  # the first report's text
                article(feed_id, 7, relevant=False),
            ],
            NOW,
        )
        assert copy is not None
        assert off_topic is not None
        tx.place([Placement(copy, story), Placement(off_topic, story)], NOW)
    assert split_one(store, 6).outcome == "copy"
    assert split_one(store, 7).outcome == "off_topic"
    assert {stories.story_of(i) for i in ids} == {story}
    with store.batch() as tx:
        assert tx.splits_since(0) == []


def test_the_report_whose_alert_announced_the_story_stays_in_it(store: Store) -> None:
    """The first report was backlog: the second's alert announced the story. Splitting it
    would leave the story's alert about an article that is not in it."""
    stories, ids, story = place_three_reports(store)
    intent = AlertIntent("story", 1, ids[1], "Mỹ rút quân khỏi Iraq 1", "Tuổi Trẻ", None, NOW, ())
    store.enqueue_alert(replace(intent, story_id=story), NOW)
    assert split_one(store, 1).outcome == "announced"
    assert stories.story_of(ids[1]) == story
