"""A story folded into another (``story_fold``): its articles and evidence move, the story
takes in its announcement, /latest lists it no more, and every story index moves what it
cached of it; through the service's own path, a report that bridges two stories folds them."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from storage.splits import Splits
from storage.store import Store
from storage.stories import Stories
from storage.story_types import Placement
from tests.integration.storage.test_stories import NOW, article, feeds
from tests.story_texts import same_story_other_outlet
from watchers.ingest import Ingest
from watchers.process import Batch
from watchers.stories.matcher import StoryMatcher
from watchers.stories.similar.codec import encode, slots
from watchers.worker import Prepared


def _two_stories(store: Store) -> tuple[int, int, int, int]:
    """Two stored stories of one report each (the second not announced): (first article,
    its story, second article, its story)."""
    report, copy = same_story_other_outlet()
    feed_ids = feeds(store)
    with store.batch() as tx:
        a, b = tx.insert_articles([article(feed_ids[0], 0), article(feed_ids[1], 1)], NOW)
        assert a is not None
        assert b is not None
        one = tx.place([Placement(a, None, encode(report), slots(report), True, "vi")], NOW)
        two = tx.place([Placement(b, None, encode(copy), slots(copy), False, "vi")], NOW)
    return a, one[0].story_id, b, two[0].story_id


def _stories(store: Store) -> dict[int, int | None]:
    with store.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT id, story_id FROM article ORDER BY id")).all()
    return {row[0]: row[1] for row in rows}


def test_a_fold_moves_the_articles_of_a_story_and_every_index_follows(store: Store) -> None:
    first, story, second, folded = _two_stories(store)
    matcher = StoryMatcher(Stories(store.engine))
    _, copy = same_story_other_outlet()

    def found() -> dict[int, int]:
        with store.batch() as tx:
            matcher.catch_up(tx)
            return {c.article_id: c.story_id for c in matcher.candidates(tx, [(0, copy)], 64)[0]}

    assert found() == {first: story, second: folded}  # and now cached
    later, outlet = NOW + timedelta(minutes=5), feeds(store)[2]
    with store.batch() as tx:
        (third,) = tx.insert_articles([article(outlet, 2)], later)
        assert third is not None
        bridged = Placement(third, folded, encode(copy), slots(copy), lang="vi", folds=(story,))
        (done,) = tx.place([bridged], later)
    assert done.story_id == folded
    assert _stories(store) == {first: folded, second: folded, third: folded}
    assert found() == {first: folded, second: folded, third: folded}  # the cached one moved
    with store.batch() as tx:
        ((fold_id, old, into),) = tx.folds_since(0)
        states = tx.states_of([story, folded])
    assert (old, into, matcher.fold_watermark) == (story, folded, fold_id)
    assert states[folded].announced  # it took in the announcement of the story folded in
    assert states[folded].reports == {"vi": 3}
    latest = Stories(store.engine).latest()
    assert [(s.id, s.articles, s.outlets) for s in latest] == [(folded, 3, 3)]


def test_a_report_bridging_two_stories_folds_them_through_the_service_path(
    store: Store,
) -> None:
    _, story, _, folded = _two_stories(store)
    report, _ = same_story_other_outlet()
    ingest = Ingest(store)
    new = article(feeds(store)[2], 2)
    later = NOW + timedelta(minutes=5)
    batch = Batch(feeds(store)[2], "VietnamPlus", False, [Prepared(new, None, report)])
    done = ingest(batch, later, backlog_window=timedelta(days=1))
    (placed,) = done.intents.placements
    assert placed.folds
    third = done.applied.ids[0]
    assert third is not None
    assert len(set(_stories(store).values())) == 1
    assert _stories(store)[third] in (story, folded)


def test_two_stories_an_administrator_split_apart_are_not_folded(store: Store) -> None:
    report, copy = same_story_other_outlet()
    feed_ids = feeds(store)
    with store.batch() as tx:
        a, b = tx.insert_articles([article(feed_ids[0], 0), article(feed_ids[1], 1)], NOW)
        assert a is not None
        assert b is not None
        (started,) = tx.place([Placement(a, None, encode(report), slots(report))], NOW)
        tx.place([Placement(b, started.story_id, encode(copy), slots(copy))], NOW)
    later = NOW + timedelta(minutes=5)
    split = Splits(store.engine).split(["https://example.com/1"], 7, later, interval_s=60)
    assert split.story_id is not None
    with store.batch() as tx:
        (c,) = tx.insert_articles([article(feed_ids[2], 2)], later)
        assert c is not None
        folds = (started.story_id,)
        tx.place([Placement(c, split.story_id, encode(copy), slots(copy), folds=folds)], later)
        assert tx.folds_since(0) == []
    assert _stories(store) == {a: started.story_id, b: split.story_id, c: split.story_id}
