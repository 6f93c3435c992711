"""Subscribers' settings, filters and mutes, feeds added at runtime, and article traces, on
SQLite and PostgreSQL."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from storage.ledger import Ledger
from storage.ledger_types import NewFigureEntry
from storage.preference_types import ChatRules, Filter, NewTrace
from storage.preferences import FiltersFull, Preferences
from storage.sources import Sources
from storage.store import Store
from storage.tables import articles, deliveries, stories
from storage.traces import Traces
from storage.types import AlertIntent, FeedSpec, NewArticle

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
LEASE = timedelta(minutes=2)


def article(feed_id: int, guid: str, *, relevant: bool = True) -> NewArticle:
    url = f"https://vnexpress.net/{guid}.html"
    return NewArticle(
        feed_id=feed_id, guid=guid, url=url, canonical_url=url, content_hash=guid,
        title=f"Mỹ rút quân khỏi Iraq {guid}", summary="Binh sĩ Mỹ rời Iraq.",
        published_at=NOW, relevant=relevant, matched=("rút quân", "Iraq"),
    )  # fmt: skip


def story(article_id: int | None, title: str = "Mỹ rút quân") -> AlertIntent:
    return AlertIntent(
        kind="story", priority=1, article_id=article_id, title=title, outlet="VnExpress",
        url=None, published_at=NOW, matched=(),
    )  # fmt: skip


def statuses(store: Store, chat: int) -> list[tuple[str, str | None]]:
    query = (
        sa.select(deliveries.c.status, deliveries.c.last_error)
        .where(deliveries.c.chat_id == chat)
        .order_by(deliveries.c.id)
    )
    with store.engine.connect() as conn:
        return [(row[0], row[1]) for row in conn.execute(query)]


def test_a_chat_that_sets_a_language_before_subscribing_keeps_it(store: Store) -> None:
    prefs = Preferences(store.engine)
    assert prefs.chosen_language(5) is None
    settings = prefs.change(5, now=NOW, chat_type="private", name="An", language="vi",
                            language_chosen=True)  # fmt: skip
    assert (settings.active, settings.language) == (False, "vi")
    assert not store.is_subscribed(5)
    assert store.enqueue_alert(story(None), NOW)  # an inactive chat gets nothing
    assert statuses(store, 5) == []
    assert store.subscribe(5, chat_type="private", name="An", language="vi", now=NOW)
    assert prefs.chosen_language(5) == "vi"
    assert prefs.settings(5).active


def test_leaving_digests_releases_the_held_stories_and_new_quiet_hours_free_waiting_ones(
    store: Store,
) -> None:
    prefs = Preferences(store.engine)
    store.subscribe(5, chat_type="private", name="", language="en", now=NOW)
    prefs.change(5, now=NOW, chat_type="private", name="", mode="digest", digest_hours="8")
    first, second = store.enqueue_alert(story(None), NOW), store.enqueue_alert(story(None), NOW)
    rows = store.claim_due_deliveries(NOW, 10)
    store.hold(rows[0].id)
    store.mark_retry(rows[1].id, "quiet hours", NOW + timedelta(hours=8), count=False)
    assert first < second
    prefs.change(5, now=NOW, chat_type="private", name="", mode="instant", quiet_hours="")
    assert statuses(store, 5) == [("pending", None), ("pending", None)]
    assert len(store.claim_due_deliveries(NOW, 10)) == 2


def test_filters_are_kept_once_each_and_removed_by_id(store: Store) -> None:
    prefs = Preferences(store.engine)
    erbil = prefs.add_filter(5, "include", "Erbil", NOW)
    assert erbil is not None
    assert prefs.add_filter(5, "include", "Erbil", NOW) is None
    syria = prefs.add_filter(5, "exclude", "Syria", NOW)
    assert prefs.filters(5) == [erbil, syria]
    assert prefs.remove_filter(6, erbil.id) is None  # another chat's filter
    assert prefs.remove_filter(5, erbil.id) == erbil
    assert prefs.clear_filters(5) == 1
    assert prefs.filters(5) == []


def test_the_filter_cap_holds_when_sixty_adds_arrive_at_once(store: Store) -> None:
    prefs = Preferences(store.engine)

    def add(n: int) -> str:
        try:
            added = prefs.add_filter(9, "include", f"word{n}", NOW, at_most=20)
        except FiltersFull:
            return "full"
        return "exists" if added is None else "added"

    with ThreadPoolExecutor(max_workers=12) as pool:
        outcomes = list(pool.map(add, range(60)))
    assert outcomes.count("added") == 20
    assert outcomes.count("full") == 40
    kept = prefs.filters(9)
    assert len(kept) == 20
    # one the chat has (which twenty won the race is the database's): the same, not full
    assert prefs.add_filter(9, "include", kept[0].phrase, NOW, at_most=20) is None
    with pytest.raises(FiltersFull):
        prefs.add_filter(9, "include", "another", NOW, at_most=20)
    assert prefs.add_filter(10, "include", "word0", NOW, at_most=20) is not None  # per chat


def test_rules_gather_what_each_chat_asked_for_and_mutes_spare_what_waits(store: Store) -> None:
    prefs = Preferences(store.engine)
    store.sync_feeds([FeedSpec("https://vnexpress.net/rss", "VnExpress", "vi", 60)], NOW)
    (feed,) = store.claim_due_feeds(NOW, worker="t", lease=LEASE, limit=1)
    (article_id,) = store.insert_articles([article(feed.id, "a")], NOW)
    assert article_id is not None
    for chat in (5, 6, 7):
        store.subscribe(chat, chat_type="private", name="", language="vi", now=NOW)
    prefs.change(6, now=NOW, chat_type="private", name="", receive="chosen",
                 chosen=("troops/", "deadline/coalition leaves Iraq"))  # fmt: skip
    prefs.add_filter(7, "exclude", "Syria", NOW)
    alert = store.enqueue_alert(story(article_id), NOW)
    store.enqueue_alert(story(article_id, "again"), NOW)
    assert prefs.mute(7, alert, NOW) == article_id
    assert prefs.mute(7, alert, NOW) == article_id  # twice: still one mute
    assert prefs.mute(7, store.enqueue_alert(story(None), NOW), NOW) is None
    assert prefs.rules_for([5, 6, 7, 8]) == {
        6: ChatRules("chosen", ("troops/", "deadline/coalition leaves Iraq")),
        7: ChatRules(filters=(Filter(1, "exclude", "Syria"),), muted=frozenset({article_id})),
    }
    assert statuses(store, 7) == [("filtered", "muted"), ("filtered", "muted"), ("pending", None)]
    found = prefs.alert_articles([alert, 999])
    assert list(found) == [alert]
    assert found[alert].title == "Mỹ rút quân khỏi Iraq a"
    (first, *_) = store.claim_due_deliveries(NOW, 10)
    prefs.mark_filtered([(first.id, "receive=chosen")])
    assert ("filtered", "receive=chosen") in statuses(store, first.chat_id)


def test_an_unmute_lets_the_story_through_again_and_frees_what_the_mute_kept_back(
    store: Store,
) -> None:
    prefs = Preferences(store.engine)
    store.sync_feeds([FeedSpec("https://vnexpress.net/rss", "VnExpress", "vi", 60)], NOW)
    (feed,) = store.claim_due_feeds(NOW, worker="t", lease=LEASE, limit=1)
    (article_id,) = store.insert_articles([article(feed.id, "a")], NOW)
    assert article_id is not None
    store.subscribe(7, chat_type="private", name="", language="en", now=NOW)
    alert = store.enqueue_alert(story(article_id), NOW)
    assert prefs.mute(7, alert, NOW) == article_id
    assert [m.title for m in prefs.mutes(7)] == ["Mỹ rút quân khỏi Iraq a"]
    assert statuses(store, 7) == [("filtered", "muted")]
    assert prefs.unmute_alert(7, alert) == article_id
    assert statuses(store, 7) == [("pending", None)]
    assert prefs.mutes(7) == []
    assert prefs.rules_for([7]) == {}
    assert not prefs.unmute(7, article_id)  # not muted any more


def test_a_muted_story_holds_back_every_article_of_it_until_it_is_unmuted(store: Store) -> None:
    """The mute button is on one alert; an update or a figure from another report of the
    same story is held back too, and an unmute lets them all through."""
    prefs = Preferences(store.engine)
    store.sync_feeds([FeedSpec("https://vnexpress.net/rss", "VnExpress", "vi", 60)], NOW)
    (feed,) = store.claim_due_feeds(NOW, worker="t", lease=LEASE, limit=1)
    ids = store.insert_articles([article(feed.id, g) for g in ("a", "b", "c")], NOW)
    first, second, other = (i for i in ids if i is not None)
    row = {"title": "Mỹ rút quân", "outlet": "VnExpress", "first_seen_at": NOW, "latest_at": NOW}
    with store.engine.begin() as conn:
        story_id = conn.execute(stories.insert().values(row).returning(stories.c.id)).scalar_one()
        conn.execute(
            articles.update().where(articles.c.id.in_((first, second))).values(story_id=story_id)
        )
    store.subscribe(7, chat_type="private", name="", language="vi", now=NOW)
    alert = store.enqueue_alert(story(first), NOW)
    update = store.enqueue_alert(story(second, "update"), NOW)
    store.enqueue_alert(story(other, "another story"), NOW)
    assert prefs.mute(7, alert, NOW) == first
    assert statuses(store, 7) == [("filtered", "muted"), ("filtered", "muted"), ("pending", None)]
    assert prefs.rules_for([7])[7].muted_stories == {story_id}
    assert prefs.alert_articles([update])[update].story_id == story_id
    assert prefs.mute(7, update, NOW) == second  # muted from its update too
    assert prefs.unmute(7, first)  # still muted from the update: nothing is let through
    assert statuses(store, 7) == [("filtered", "muted"), ("filtered", "muted"), ("pending", None)]
    assert prefs.unmute(7, second)
    assert statuses(store, 7) == [("pending", None)] * 3
    assert prefs.rules_for([7]) == {}


def test_a_new_chat_takes_its_clients_time_zone_and_keeps_its_outlets(store: Store) -> None:
    prefs = Preferences(store.engine)
    store.subscribe(5, chat_type="private", name="", language="vi", now=NOW)
    store.subscribe(6, chat_type="private", name="", language="en", now=NOW)
    assert (prefs.time_zone(5), prefs.time_zone(6), prefs.time_zone(7)) == (
        "Asia/Ho_Chi_Minh", "UTC", None,
    )  # fmt: skip
    settings = prefs.change(7, now=NOW, chat_type="private", name="", client_language="vi",
                            language="en", language_chosen=True)  # fmt: skip
    assert settings.timezone == "Asia/Ho_Chi_Minh"  # the client's language decides
    changed = prefs.change(
        6, now=NOW, chat_type="private", name="", outlets_off=frozenset({3, 12}),
        languages_off=frozenset({"en"}),
    )  # fmt: skip
    assert (changed.outlets_off, changed.languages_off) == (frozenset({3, 12}), frozenset({"en"}))
    assert prefs.rules_for([5, 6]) == {
        6: ChatRules(outlets_off=frozenset({3, 12}), languages_off=frozenset({"en"}))
    }


def test_runtime_feeds_survive_the_configuration_and_paused_feeds_are_not_claimed(
    store: Store,
) -> None:
    sources = Sources(store.engine)
    configured = FeedSpec("https://vnexpress.net/rss", "VnExpress", "vi", 60)
    store.sync_feeds([configured], NOW)
    assert sources.add("https://vov.vn/rss", "VOV", "vi", 300, NOW) == "added"
    assert sources.add("https://vov.vn/rss", "VOV", "vi", 300, NOW) == "exists"
    store.sync_feeds([configured], NOW)  # a restart
    vnexpress, vov = sources.listing()
    assert (vov.name, vov.origin, vov.paused) == ("VOV", "runtime", False)
    assert sources.remove(vnexpress.id) == "config"
    assert sources.pause(vnexpress.id, True, NOW)
    claimed = store.claim_due_feeds(NOW, worker="t", lease=LEASE, limit=10)
    assert [f.url for f in claimed] == ["https://vov.vn/rss"]
    assert sources.remove(vov.id) == "removed"
    assert sources.remove(vov.id) == "unknown"
    assert [s.name for s in sources.listing()] == ["VnExpress"]
    assert sources.add("https://vov.vn/rss", "VOV", "vi", 300, NOW) == "restored"
    store.sync_feeds([configured, FeedSpec("https://vov.vn/rss", "VOV", "vi", 60)], NOW)
    store.sync_feeds([configured], NOW)  # now configured, then gone from the configuration
    assert [s.name for s in sources.listing()] == ["VnExpress"]


def test_why_finds_an_article_by_any_of_its_links_and_a_republication_by_its_own(
    store: Store,
) -> None:
    traces = Traces(store.engine)
    store.sync_feeds([FeedSpec("https://vnexpress.net/rss", "VnExpress", "vi", 60)], NOW)
    (feed,) = store.claim_due_feeds(NOW, worker="t", lease=LEASE, limit=1)
    kept, dropped = store.insert_articles(
        [article(feed.id, "a"), article(feed.id, "b", relevant=False)], NOW
    )
    assert kept is not None
    assert dropped is not None
    store.subscribe(5, chat_type="private", name="", language="en", now=NOW)
    alert = store.enqueue_alert(story(kept), NOW)
    Ledger(store.engine).record([NewFigureEntry(
        key="troops/US/Iraq", value="2500", precision="exact", level="2500", kind="stale",
        article_id=kept, outlet="VnExpress", source=None, url=None, published_at=NOW, quote="",
    )], NOW)  # fmt: skip
    link = "https://vnexpress.net/a.html"
    republished = "https://vnexpress.net/a-sua.html"
    traces.record([
        NewTrace(link, feed.id, kept, link, "a", link, "new", "on topic"),
        NewTrace(republished, feed.id, None, republished, "a", republished, "duplicate_guid",
                 "on topic"),
    ], NOW)  # fmt: skip
    traces.record([NewTrace(link, feed.id, None, link, "a", link, "duplicate_url", None)], NOW)

    found = traces.explain([link], 5)
    assert found is not None
    assert (found.article.id, found.article.reason, found.duplicate) == (kept, "new", None)
    assert [f.kind for f in found.figures] == ["stale"]
    assert [(a.alert_id, a.kind, a.status) for a in found.alerts] == [(alert, "story", "pending")]
    again = traces.explain([republished], 5)
    assert again is not None
    assert again.article.id == kept
    assert again.duplicate is not None
    assert (again.duplicate.outlet, again.duplicate.reason) == ("VnExpress", "duplicate_guid")
    untraced = traces.explain(["https://vnexpress.net/b.html"], 6)
    assert untraced is not None
    assert (untraced.article.reason, untraced.alerts) == ("not_relevant", ())
    assert traces.explain(["https://example.com/x"], 5) is None
