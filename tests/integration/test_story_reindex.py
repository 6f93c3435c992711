"""``drawdown db reindex``'s purpose: an article stored with the last version's index rows
(16 bands) is found by a re-post years later once its rows are written again."""

from __future__ import annotations

from storage.maintenance import reindex
from storage.store import Store
from storage.stories import Stories
from storage.story_types import Placement
from tests.integration.storage.test_stories import NOW, article, feeds
from tests.story_texts import re_posts
from watchers.stories.matcher import StoryMatcher
from watchers.stories.similar import BANDS, Evidence, band_keys
from watchers.stories.similar.codec import encode, slots, stored_slots

OLD_BANDS = 16  # what the last version stored


def found_by_new_bands_only(article: Evidence, repost: Evidence) -> bool:
    shared = [
        a == b
        for a, b in zip(band_keys(article.signature), band_keys(repost.signature), strict=True)
    ]
    return not any(shared[:OLD_BANDS]) and any(shared[OLD_BANDS:])


def test_an_article_stored_with_the_old_rows_is_found_by_its_re_post_once_reindexed(
    store: Store,
) -> None:
    article_ev, repost = next(p for p in re_posts(150) if found_by_new_bands_only(*p))
    current = slots(article_ev)
    old = current[: OLD_BANDS * 4] + current[BANDS * 4 :]  # a slot is 4 bytes, bands first
    (feed_id, *_) = feeds(store)
    with store.batch() as tx:
        (stored,) = tx.insert_articles([article(feed_id, 0)], NOW)
        assert stored is not None
        tx.place([Placement(stored, None, encode(article_ev), old)], NOW)

    def found() -> bool:
        matcher = StoryMatcher(Stories(store.engine))  # a service starting
        matcher.warm_up()
        with store.batch() as tx:
            matcher.catch_up(tx)
            return stored in {c.article_id for c in matcher.candidates(tx, [(0, repost)], 64)[0]}

    assert not found()
    report = reindex(store.engine, stored_slots)
    assert (report.read, report.written, report.unreadable) == (1, 1, 0)
    assert found()
