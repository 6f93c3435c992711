"""How many stored relevant articles have each word, name and number: document frequencies.

Story matching weighs shared evidence by its rarity (``watchers.stories.similar.rarity``):
this table keeps, for every key (a term hash, or a name's or number's key), the number of
stored relevant articles that have it, and under ``ARTICLES`` the number of those articles.
The batch's transaction adds the keys of the articles it places (``count_articles``), so the
counts are always those of the rows committed with them; the reading step gets the counts of
the keys it compares (``read_counts``). On SQLite and PostgreSQL alike (an upsert).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import SQLModel

from storage.among import among

__all__ = ["ARTICLES", "count_articles", "read_counts", "term_frequencies"]

ARTICLES = -1  # the key whose count is the number of articles counted

term_frequencies = sa.Table(
    "story_term",
    SQLModel.metadata,
    sa.Column("term", sa.BigInteger(), primary_key=True, autoincrement=False),
    sa.Column("articles", sa.Integer(), nullable=False),
)


def count_articles(conn: sa.Connection, keys: Sequence[Iterable[int]]) -> None:
    """Count one more article for each key of each article (its keys counted once): one
    upsert statement for every key, whose rows come from one bound parameter."""
    if not keys:
        return
    added: dict[int, int] = {ARTICLES: len(keys)}
    for article in keys:
        for key in set(article):
            added[key] = added.get(key, 0) + 1
    terms = sorted(added)
    counts = [added[k] for k in terms]
    conn.execute(_upsert_postgresql(terms, counts) if conn.dialect.name == "postgresql"
                 else _upsert_sqlite(terms, counts))  # fmt: skip


def _upsert_postgresql(terms: list[int], counts: list[int]) -> postgresql.Insert:
    t = term_frequencies
    arrays = [sa.bindparam(None, v, postgresql.ARRAY(sa.BigInteger), unique=True)
              for v in (terms, counts)]  # fmt: skip
    given = sa.func.unnest(*arrays).table_valued("term", "articles").render_derived()
    statement = postgresql.insert(t).from_select(["term", "articles"], sa.select(given))
    return statement.on_conflict_do_update(
        index_elements=[t.c.term], set_={"articles": t.c.articles + statement.excluded.articles}
    )


def _upsert_sqlite(terms: list[int], counts: list[int]) -> sqlite.Insert:
    """The rows from a JSON object {"term": count}; the WHERE is SQLite's: an upsert after a
    SELECT needs one."""
    t = term_frequencies
    text = json.dumps(dict(zip(map(str, terms), counts, strict=True)))
    given = sa.func.json_each(sa.bindparam(None, text, sa.String, unique=True))
    pairs = given.table_valued("key", "value")
    rows = sa.select(sa.cast(pairs.c.key, sa.BigInteger), pairs.c.value).where(sa.true())
    statement = sqlite.insert(t).from_select(["term", "articles"], rows)
    return statement.on_conflict_do_update(
        index_elements=[t.c.term], set_={"articles": t.c.articles + statement.excluded.articles}
    )


def read_counts(conn: sa.Connection, keys: Iterable[int]) -> tuple[int, dict[int, int]]:
    """The number of articles counted, and the counts of these keys (those counted at all)."""
    t = term_frequencies
    query = sa.select(t.c.term, t.c.articles).where(among(conn, t.c.term, {*keys, ARTICLES}))
    found: dict[int, int] = {row[0]: row[1] for row in conn.execute(query).all()}
    return found.pop(ARTICLES, 0), found
