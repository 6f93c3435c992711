"""How many stored relevant articles have each word, name and number: document frequencies.

Story matching weighs shared evidence by its rarity (``watchers.stories.similar.rarity``):
this table keeps, for every key (a term hash, or a name's or number's key), the number of
stored relevant articles that have it, and under ``ARTICLES`` the number of those articles.
The batch's transaction adds the keys of the articles it places (``count_articles``), so the
counts are always those of the rows committed with them; the reading step gets the counts of
the keys it compares (``read_counts``). On SQLite and PostgreSQL alike (an upsert).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import SQLModel

__all__ = ["ARTICLES", "count_articles", "read_counts", "term_frequencies"]

ARTICLES = -1  # the key whose count is the number of articles counted
_CHUNK = 500

term_frequencies = sa.Table(
    "story_term",
    SQLModel.metadata,
    sa.Column("term", sa.BigInteger(), primary_key=True, autoincrement=False),
    sa.Column("articles", sa.Integer(), nullable=False),
)


def count_articles(conn: sa.Connection, keys: Sequence[Iterable[int]]) -> None:
    """Count one more article for each key of each article (its keys counted once)."""
    if not keys:
        return
    added: dict[int, int] = {ARTICLES: len(keys)}
    for article in keys:
        for key in set(article):
            added[key] = added.get(key, 0) + 1
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    statement = insert(term_frequencies)
    statement = statement.on_conflict_do_update(
        index_elements=[term_frequencies.c.term],
        set_={"articles": term_frequencies.c.articles + statement.excluded.articles},
    )
    rows = [{"term": k, "articles": n} for k, n in sorted(added.items())]
    conn.execute(statement, rows)


def read_counts(conn: sa.Connection, keys: Iterable[int]) -> tuple[int, dict[int, int]]:
    """The number of articles counted, and the counts of these keys (those counted at all)."""
    wanted = sorted(set(keys) | {ARTICLES})
    found: dict[int, int] = {}
    for start in range(0, len(wanted), _CHUNK):
        query = sa.select(term_frequencies.c.term, term_frequencies.c.articles).where(
            term_frequencies.c.term.in_(wanted[start : start + _CHUNK])
        )
        found.update((int(r[0]), int(r[1])) for r in conn.execute(query))
    return found.pop(ARTICLES, 0), found
