"""The story-lock transaction: insert articles, catch up, read candidates, place in stories.

See ``storage.stories`` for the lock and why it makes a watermark catch-up safe.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import cache

import sqlalchemy as sa

from storage.among import among, listed
from storage.articles import insert_article_rows
from storage.models import UTCDateTime
from storage.story_types import IndexRows, Placed, Placement, StoredEvidence, StoryState
from storage.tables import articles, evidences, feeds, splits, stories
from storage.types import NewArticle

_CHUNK = 500
b = sa.bindparam

# Built once: building a statement costs about as much as running a small one.
ROWS_SINCE = (  # index rows after an article, oldest first
    sa.select(evidences.c.article_id, evidences.c.slots)
    .where(evidences.c.article_id > b("after"))
    .order_by(evidences.c.article_id)
)
SPLITS_SINCE = (  # articles an administrator split out of their story, after a split
    sa.select(splits.c.id, splits.c.article_id)
    .where(splits.c.id > b("after"))
    .order_by(splits.c.id)
)
_COPIES = (
    sa.select(articles.c.content_hash, sa.func.min(articles.c.story_id))
    .where(
        articles.c.content_hash.in_(b("hashes", expanding=True)), articles.c.story_id.is_not(None)
    )
    .group_by(articles.c.content_hash)
)
_STORE_EVIDENCE = evidences.insert()
_SET_STORY = articles.update().where(articles.c.id == b("b_id")).values(story_id=b("b_story"))
_members = articles.c.story_id == b("b_story")
COUNTS = {  # a story's articles and outlets, counted again (the story is bound as b_story)
    "articles": sa.select(sa.func.count()).select_from(articles).where(_members).scalar_subquery(),
    "outlets": sa.select(sa.func.count(sa.distinct(feeds.c.name)))
    .select_from(articles)
    .join(feeds, feeds.c.id == articles.c.feed_id)
    .where(_members)
    .scalar_subquery(),
}
_RECOUNT = (
    stories.update()
    .where(stories.c.id == b("b_story"))
    .values(**COUNTS, latest_at=b("b_now", type_=UTCDateTime()))
)


@cache
def _evidence_of(dialect: str) -> sa.Select[int, int, bytes]:
    e = evidences
    return sa.select(e.c.article_id, e.c.story_id, e.c.evidence).where(
        among(dialect, e.c.article_id, "ids")
    )


@cache
def _states_of(dialect: str) -> sa.Select[int, bool, str | None, int]:
    s, e = stories, evidences
    return (
        sa.select(s.c.id, s.c.announced, e.c.lang, sa.func.count(e.c.lang))  # from the index
        .select_from(s)
        .outerjoin(e, e.c.story_id == s.c.id)
        .where(among(dialect, s.c.id, "ids"))
        .group_by(s.c.id, s.c.announced, e.c.lang)
    )


@cache
def _announce(dialect: str) -> sa.Update:
    return stories.update().where(among(dialect, stories.c.id, "ids")).values(announced=True)


@cache
def _start_stories(dialect: str) -> sa.Insert:
    """Each new story from its first article's own row (title, link, outlet, when seen)."""
    source = (
        sa.select(
            articles.c.id,
            articles.c.title,
            articles.c.url,
            feeds.c.name,
            articles.c.seen_at,
            b("now", type_=UTCDateTime()),
            sa.literal(1),
            sa.literal(1),
            articles.c.relevant,
            among(dialect, articles.c.id, "announcing"),
        )
        .join(feeds, feeds.c.id == articles.c.feed_id)
        .where(among(dialect, articles.c.id, "starting"))
        .order_by(articles.c.id)
    )
    columns = ["first_article_id", "title", "url", "outlet", "first_seen_at"]
    columns += ["latest_at", "articles", "outlets", "relevant", "announced"]
    insert = stories.insert().from_select(columns, source)
    return insert.returning(stories.c.first_article_id, stories.c.id)


class StoryWriter:
    """The story queries of one batch's transaction (``storage.batch.batch_transaction``)."""

    def __init__(self, conn: sa.Connection) -> None:
        self.conn = conn

    def insert_articles(self, new: Sequence[NewArticle], now: datetime) -> list[int | None]:
        """Insert articles without a story yet (``place`` gives them one, in this transaction);
        for each, its new id, or None if an equal GUID or URL was stored first."""
        return insert_article_rows(self.conn, new, now)

    def rows_since(self, article_id: int) -> list[IndexRows]:
        """Index rows of the relevant articles stored after ``article_id``, oldest first."""
        rows = self.conn.execute(ROWS_SINCE, {"after": article_id}).all()
        return [IndexRows(row[0], bytes(row[1])) for row in rows]

    def splits_since(self, split_id: int) -> list[tuple[int, int]]:
        """(split id, article id) of the splits after ``split_id`` (``storage.splits``):
        articles whose story changed after they were placed."""
        return [(row[0], row[1]) for row in self.conn.execute(SPLITS_SINCE, {"after": split_id})]

    def evidence_of(self, article_ids: Iterable[int]) -> list[StoredEvidence]:
        """The stored evidence of these articles (those that have some)."""
        query = _evidence_of(self.conn.dialect.name)
        rows = self.conn.execute(query, {"ids": listed(self.conn, article_ids)}).all()
        return [StoredEvidence(r[0], r[1], bytes(r[2])) for r in rows]

    def states_of(self, story_ids: Iterable[int]) -> dict[int, StoryState]:
        """Whether each of these stories already sent its alert (by one of its articles), and
        how many reports with evidence it has in each language."""
        query = _states_of(self.conn.dialect.name)
        announced: dict[int, bool] = {}
        reports: dict[int, dict[str, int]] = {}
        for story_id, alerted, lang, count in self.conn.execute(
            query, {"ids": listed(self.conn, story_ids)}
        ):
            announced[story_id] = bool(alerted)
            counts = reports.setdefault(story_id, {})
            if lang is not None:  # None: a story without evidence (the outer join)
                counts[lang] = count
        return {i: StoryState(announced[i], reports[i]) for i in announced}

    def stories_of_hashes(self, hashes: Iterable[str]) -> dict[str, int]:
        """The story of a stored article with each of these content hashes (exact copies)."""
        wanted = sorted(set(hashes))
        found: dict[str, int] = {}
        for start in range(0, len(wanted), _CHUNK):
            rows = self.conn.execute(_COPIES, {"hashes": wanted[start : start + _CHUNK]}).all()
            found.update({row[0]: row[1] for row in rows})
        return found

    def place(self, placements: Sequence[Placement], now: datetime) -> list[Placed]:
        """Give each new article its story: a new one (from the article's own title, link,
        outlet) or the one it joins; store the evidence of relevant articles."""
        if not placements:
            return []
        starting = [p.article_id for p in placements if p.story_id is None]
        announcing = [p.article_id for p in placements if p.story_id is None and p.announces]
        new_story: dict[int, int] = {}
        if starting:
            ids = {
                "starting": listed(self.conn, starting),
                "announcing": listed(self.conn, announcing),
            }
            returned = self.conn.execute(
                _start_stories(self.conn.dialect.name), {**ids, "now": now}
            )
            new_story = {row[0]: row[1] for row in returned.all()}
        placed = [
            Placed(p.article_id, new_story[p.article_id], True, p.announces)
            if p.story_id is None
            else Placed(p.article_id, p.story_id, False, p.announces)
            for p in placements
        ]
        announced = sorted({p.story_id for p in placed if p.announces and not p.new})
        if announced:
            self.conn.execute(
                _announce(self.conn.dialect.name), {"ids": listed(self.conn, announced)}
            )
        self.conn.execute(
            _SET_STORY, [{"b_id": p.article_id, "b_story": p.story_id} for p in placed]
        )
        stored = [
            {
                "article_id": p.article_id,
                "story_id": done.story_id,
                "evidence": p.evidence,
                "slots": p.slots,
                "lang": p.lang,
            }
            for p, done in zip(placements, placed, strict=True)
            if p.evidence
        ]
        if stored:
            self.conn.execute(_STORE_EVIDENCE, stored)
        self._recount({p.story_id for p in placed if not p.new}, now)
        return placed

    def _recount(self, story_ids: set[int], now: datetime) -> None:
        """A joined story's article and outlet counts, and when it was last reported."""
        if story_ids:
            rows = [{"b_story": story_id, "b_now": now} for story_id in sorted(story_ids)]
            self.conn.execute(_RECOUNT, rows)
