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
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import SQLModel

from storage.among import among, listed, postgres

__all__ = ["ARTICLES", "count_articles", "read_counts", "term_frequencies"]

ARTICLES = -1  # the key whose count is the number of articles counted

term_frequencies = sa.Table(
    "story_term",
    SQLModel.metadata,
    sa.Column("term", sa.BigInteger(), primary_key=True, autoincrement=False),
    sa.Column("articles", sa.Integer(), nullable=False),
    sqlite_with_rowid=False,  # clustered on the key (migration 0010)
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
    if postgres(conn):
        rows: dict[str, Any] = {"terms": terms, "counts": [added[k] for k in terms]}
    else:
        rows = {"rows": json.dumps({str(k): added[k] for k in terms})}
    conn.execute(_upsert(conn.dialect.name), rows)


def read_counts(conn: sa.Connection, keys: Iterable[int]) -> tuple[int, dict[int, int]]:
    """The number of articles counted, and the counts of these keys (those counted at all)."""
    wanted = listed(conn, {*keys, ARTICLES})
    rows = conn.execute(_counts(conn.dialect.name), {"keys": wanted}).all()
    found: dict[int, int] = {row[0]: row[1] for row in rows}
    return found.pop(ARTICLES, 0), found


@cache
def _counts(dialect: str) -> sa.Select[int, int]:
    t = term_frequencies
    return sa.select(t.c.term, t.c.articles).where(among(dialect, t.c.term, "keys"))


@cache
def _upsert(dialect: str) -> sa.Insert:
    """PostgreSQL: the rows from two arrays (terms, counts); SQLite: from a JSON object
    {"term": count} (the WHERE is SQLite's: an upsert after a SELECT needs one)."""
    t = term_frequencies
    insert: postgresql.Insert | sqlite.Insert
    if dialect == "postgresql":
        arrays = [sa.bindparam(name, type_=postgresql.ARRAY(sa.BigInteger))
                  for name in ("terms", "counts")]  # fmt: skip
        given = sa.func.unnest(*arrays).table_valued("term", "articles").render_derived()
        insert = postgresql.insert(t).from_select(["term", "articles"], sa.select(given))
    else:
        pairs = sa.func.json_each(sa.bindparam("rows", type_=sa.String))
        pair = pairs.table_valued("key", "value")
        rows = sa.select(sa.cast(pair.c.key, sa.BigInteger), pair.c.value).where(sa.true())
        insert = sqlite.insert(t).from_select(["term", "articles"], rows)
    return insert.on_conflict_do_update(
        index_elements=[t.c.term], set_={"articles": t.c.articles + insert.excluded.articles}
    )
