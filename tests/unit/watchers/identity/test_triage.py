"""The decider: identity first, then relevance, then the first-fetch backlog rule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from storage.types import KnownIdentities, NewArticle
from watchers.identity.triage import triage

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
DAY = timedelta(hours=24)
NOTHING = KnownIdentities(frozenset(), frozenset())


def item(
    guid: str | None = "g1",
    url: str | None = "https://vnexpress.net/a",
    *,
    relevant: bool = True,
    age: timedelta | None = timedelta(hours=1),
) -> NewArticle:
    return NewArticle(
        feed_id=1,
        guid=guid,
        url=url,
        canonical_url=url,
        content_hash="h",
        title="Mỹ rút quân khỏi Iraq",
        summary="",
        published_at=NOW - age if age is not None else None,
        relevant=relevant,
        matched=("rút quân", "Iraq") if relevant else (),
    )


def reasons(
    items: list[NewArticle], known: KnownIdentities = NOTHING, first: bool = False
) -> list[str]:
    return [d.reason for d in triage(items, known, first_fetch=first, now=NOW, backlog_window=DAY)]


def test_a_new_relevant_item_is_stored_and_alerted() -> None:
    (decision,) = triage([item()], NOTHING, first_fetch=False, now=NOW, backlog_window=DAY)
    assert (decision.store, decision.alert, decision.reason) == (True, True, "new")


def test_an_irrelevant_item_is_stored_without_alert() -> None:
    (decision,) = triage(
        [item(relevant=False)], NOTHING, first_fetch=False, now=NOW, backlog_window=DAY
    )
    assert (decision.store, decision.alert, decision.reason) == (True, False, "not_relevant")


def test_a_known_guid_is_a_republication() -> None:
    known = KnownIdentities(frozenset({"g1"}), frozenset())
    assert reasons([item(url="https://other/x")], known) == ["duplicate_guid"]


def test_a_known_canonical_url_is_a_republication() -> None:
    known = KnownIdentities(frozenset(), frozenset({"https://vnexpress.net/a"}))
    assert reasons([item(guid="new-guid")], known) == ["duplicate_url"]


def test_duplicates_within_one_batch_alert_once() -> None:
    batch = [item(), item(guid="g2"), item(guid="g1", url="https://x/y"), item(guid=None)]
    assert reasons(batch) == ["new", "duplicate_url", "duplicate_guid", "duplicate_url"]


def test_first_fetch_alerts_only_items_of_the_last_day() -> None:
    batch = [
        item("a", "https://a", age=timedelta(hours=2)),
        item("b", "https://b", age=timedelta(hours=30)),
        item("c", "https://c", age=None),
    ]
    assert reasons(batch, first=True) == ["new", "backlog", "backlog"]
    assert reasons(batch, first=False) == ["new", "new", "new"]


def test_on_a_first_fetch_an_item_dated_in_the_future_is_backlog_not_news() -> None:
    future = item(age=-timedelta(days=365 * 70))  # dated 2096
    ahead = item("g2", "https://vnexpress.net/b", age=-timedelta(minutes=30))  # a clock ahead
    assert reasons([future, ahead], first=True) == ["backlog", "new"]
    assert reasons([future]) == ["new"]  # after the first fetch every new item is news
