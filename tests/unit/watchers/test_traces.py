"""Which items of a fetch get a trace for /why."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from storage.types import KnownIdentities, NewArticle
from watchers.identity.triage import triage
from watchers.traces import traces_of

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def item(guid: str | None, url: str | None, *, relevant: bool = True) -> NewArticle:
    return NewArticle(
        feed_id=1, guid=guid, url=url, canonical_url=url, content_hash=f"{guid}{url}",
        title="t", summary="s", published_at=NOW, relevant=relevant, matched=(),
        relevance="on topic" if relevant else "missing terms",
    )  # fmt: skip


def test_stored_articles_and_republications_under_a_new_link_are_traced_once() -> None:
    items = [
        item("a", "https://x.vn/a"),
        item("b", "https://x.vn/b", relevant=False),
        item("a", "https://x.vn/a-edited"),  # the same GUID in this batch, another link
        item("c", "https://x.vn/c"),  # stored before: a re-listing
        item("z", "https://x.vn/a"),  # another GUID, a stored link
        item("guid-only", None),
    ]
    known = KnownIdentities(guids=frozenset({"c"}), urls=frozenset({"https://x.vn/c"}))
    decisions = triage(items, known, first_fetch=False, now=NOW, backlog_window=timedelta(days=1))
    kept = [d for d in decisions if d.store]
    traces = traces_of(1, decisions, kept, [10, 11, None], known)
    assert [(t.link, t.article_id, t.reason, t.relevance) for t in traces] == [
        ("https://x.vn/a", 10, "new", "on topic"),
        ("https://x.vn/b", 11, "not_relevant", "missing terms"),
        ("https://x.vn/a-edited", None, "duplicate_guid", "on topic"),
    ]  # the guid-only item lost its insert to another writer: no trace
