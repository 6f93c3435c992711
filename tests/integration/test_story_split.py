"""A story index after a /split: what it cached of the article's story is read again."""

from __future__ import annotations

from datetime import timedelta

from storage.splits import Splits
from storage.store import Store
from storage.stories import Stories
from storage.story_types import Placement
from tests.integration.storage.test_stories import NOW, article, feeds
from tests.story_texts import same_story_other_outlet
from watchers.stories.matcher import StoryMatcher
from watchers.stories.similar.codec import encode, slots


def test_an_index_forgets_the_story_it_knew_of_an_article_split_out_of_it(store: Store) -> None:
    report, copy = same_story_other_outlet()
    feed_ids = feeds(store)
    with store.batch() as tx:
        first, second = tx.insert_articles([article(feed_ids[0], 0), article(feed_ids[1], 1)], NOW)
        assert first is not None
        assert second is not None
        (started,) = tx.place([Placement(first, None, encode(report), slots(report))], NOW)
        story = started.story_id
        tx.place([Placement(second, story, encode(copy), slots(copy))], NOW)
    matcher = StoryMatcher(Stories(store.engine))

    def stories_found() -> dict[int, int]:
        with store.batch() as tx:
            matcher.catch_up(tx)
            found = matcher.candidates(tx, [(0, copy)], 64)[0]
        return {c.article_id: c.story_id for c in found}

    assert stories_found() == {first: story, second: story}  # and now cached
    later = NOW + timedelta(minutes=5)
    done = Splits(store.engine).split(["https://example.com/1"], 7, later, interval_s=60)
    assert done.story_id is not None
    assert stories_found() == {first: story, second: done.story_id}
    with store.batch() as tx:
        ((split_id, _),) = tx.splits_since(0)
    assert matcher.split_watermark == split_id
    assert stories_found() == {first: story, second: done.story_id}
