"""Articles: inserting new ones, and which identities (GUID, canonical URL) are stored.

Functions on a connection, so that one batch's transaction (``storage.batch``) and the
store's own methods share them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import cache

import sqlalchemy as sa

from storage.db import insert_for
from storage.tables import articles
from storage.types import KnownIdentities, NewArticle

# SQLite allows 32,766 bound parameters per statement; an article row binds 12.
CHUNK = 1000

_KNOWN = sa.select(articles.c.guid, articles.c.canonical_url).where(
    sa.or_(
        articles.c.guid.in_(sa.bindparam("guids", expanding=True)),
        articles.c.canonical_url.in_(sa.bindparam("urls", expanding=True)),
    )
)

MATCHED = "\n"  # the keywords an article matched, joined in one column


@cache
def _insert(dialect: str) -> sa.Executable:
    return (
        insert_for(dialect, articles)
        .on_conflict_do_nothing()
        .returning(articles.c.id, articles.c.guid, articles.c.canonical_url)
    )


def known_identities(
    conn: sa.Connection, guids: Iterable[str], urls: Iterable[str]
) -> KnownIdentities:
    """Which of these GUIDs and canonical URLs are already stored."""
    guid_list, url_list = sorted(set(guids)), sorted(set(urls))
    found_guids: set[str] = set()
    found_urls: set[str] = set()
    for start in range(0, max(len(guid_list), len(url_list)), CHUNK):
        some_guids = guid_list[start : start + CHUNK]
        some_urls = url_list[start : start + CHUNK]
        given = {"guids": some_guids, "urls": some_urls}
        for guid, url in conn.execute(_KNOWN, given).all():
            if guid in some_guids:
                found_guids.add(guid)
            if url in some_urls:
                found_urls.add(url)
    return KnownIdentities(guids=frozenset(found_guids), urls=frozenset(found_urls))


def insert_article_rows(
    conn: sa.Connection, new: Sequence[NewArticle], now: datetime
) -> list[int | None]:
    """Insert articles; for each, its new id, or None if an equal GUID or URL was stored first.

    "Equal" is decided by the unique constraints, so a concurrent writer cannot make the
    same article new twice. One statement, executed for many rows.
    """
    if not new:
        return []
    rows = [
        {
            "feed_id": a.feed_id,
            "guid": a.guid,
            "url": a.url,
            "canonical_url": a.canonical_url,
            "content_hash": a.content_hash,
            "title": a.title,
            "summary": a.summary,
            "published_at": a.published_at,
            "seen_at": now,
            "relevant": a.relevant,
            "matched": MATCHED.join(a.matched),
        }
        for a in new
    ]
    statement = _insert(conn.dialect.name)
    ids = {_identity(r.guid, r.canonical_url): r.id for r in conn.execute(statement, rows).all()}
    return [ids.get(_identity(a.guid, a.canonical_url)) for a in new]


def matched_of(stored: str) -> tuple[str, ...]:
    """The keywords an article matched, as ``insert_article_rows`` stored them."""
    return tuple(m for m in stored.split(MATCHED) if m)


def _identity(guid: str | None, canonical_url: str | None) -> tuple[str, str]:
    return ("guid", guid) if guid else ("url", canonical_url or "")
