"""Document frequencies of story evidence, on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from storage.store import Store
from storage.term_frequency import count_articles, read_counts


def test_counts_grow_with_the_articles_of_each_batch(store: Store) -> None:
    with store.batch() as tx:
        count_articles(tx.conn, [[1, 2, 2], [2, 1 << 32]])
    with store.batch() as tx:
        count_articles(tx.conn, [[2, 3]])
        assert tx.term_counts([1, 2, 3, 1 << 32, 99]) == (3, {1: 1, 2: 3, 3: 1, 1 << 32: 1})


def test_a_rolled_back_batch_counts_nothing(store: Store) -> None:
    try:
        with store.batch() as tx:
            count_articles(tx.conn, [[7]])
            raise RuntimeError("crash before the commit")
    except RuntimeError:
        pass
    with store.engine.connect() as conn:
        assert read_counts(conn, [7]) == (0, {})


def test_many_keys_in_one_statement(store: Store) -> None:
    """Thousands of keys (one bound parameter, whatever their number), ARTICLES among them."""
    keys = [-5, 0, *range(1, 3000, 3), (1 << 33) + 7]
    with store.batch() as tx:
        count_articles(tx.conn, [keys, keys[::2]])
    with store.engine.connect() as conn:
        articles, counts = read_counts(conn, [*keys, 2, 5])
    assert articles == 2
    assert counts == {k: 2 if i % 2 == 0 else 1 for i, k in enumerate(keys)}


def test_on_sqlite_the_counts_are_clustered_on_their_key(store: Store) -> None:
    """One B-tree for the keys (migration 0010): no rowid table beside a primary-key index."""
    if store.engine.dialect.name != "sqlite":
        pytest.skip("a SQLite table layout")
    with store.engine.connect() as conn:
        sql = conn.execute(
            sa.text("SELECT sql FROM sqlite_master WHERE name = 'story_term'")
        ).scalar_one()
    assert "WITHOUT ROWID" in sql
