"""The service's metrics: counted where things happen, on a registry of their own."""

from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families

from drawdown.ops.metrics import Metrics


def samples(metrics: Metrics) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    text = metrics.render().decode()
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def test_feed_checks_count_by_outcome_with_the_share_of_304s_and_each_feeds_streak() -> None:
    metrics = Metrics()
    metrics.feed_checked("https://a.example/rss", "ok", 0.2, 0)
    metrics.feed_checked("https://a.example/rss", "not_modified", 0.01, 0)
    metrics.feed_checked("https://a.example/rss", "not_modified", 0.01, 0)
    metrics.feed_checked("https://b.example/rss", "error", 3.0, 1)
    metrics.feed_checked("https://b.example/rss", "error", 3.0, 2)
    got = samples(metrics)
    assert got[("drawdown_feed_checks_total", (("status", "ok"),))] == 1
    assert got[("drawdown_feed_checks_total", (("status", "not_modified"),))] == 2
    assert got[("drawdown_feed_checks_total", (("status", "error"),))] == 2
    assert got[("drawdown_feed_not_modified_ratio", ())] == 2 / 5
    assert got[("drawdown_feed_fetch_seconds_count", ())] == 5
    assert got[("drawdown_feed_error_streak", (("feed", "https://b.example/rss"),))] == 2
    assert got[("drawdown_feed_error_streak", (("feed", "https://a.example/rss"),))] == 0

    metrics.forget_feed("https://b.example/rss")
    assert ("drawdown_feed_error_streak", (("feed", "https://b.example/rss"),)) not in samples(
        metrics
    )


def test_alerts_sends_flood_waits_and_latency() -> None:
    metrics = Metrics()
    metrics.items_matched(3)
    metrics.alert_enqueued("story")
    metrics.alert_enqueued("story")
    metrics.alert_enqueued("figure")
    metrics.message_sent("story", 4.0)
    metrics.message_sent("figure", 40.0)
    metrics.message_sent("digest", None)  # a digest has no single article to time
    metrics.flood_wait()
    metrics.set_outbox_depth({0: 2, 1: 5, 7: 1})
    got = samples(metrics)
    assert got[("drawdown_items_matched_total", ())] == 3
    assert got[("drawdown_stories_total", ())] == 2
    assert got[("drawdown_figure_changes_total", ())] == 1
    assert got[("drawdown_messages_sent_total", (("kind", "story"),))] == 1
    assert got[("drawdown_messages_sent_total", (("kind", "digest"),))] == 1
    assert got[("drawdown_telegram_429_responses_total", ())] == 1
    assert got[("drawdown_alert_latency_seconds_count", ())] == 2
    assert got[("drawdown_alert_latency_seconds_sum", ())] == 44.0
    assert got[("drawdown_alert_latency_seconds_bucket", (("le", "5.0"),))] == 1
    assert got[("drawdown_outbox_depth", (("lane", "figure"),))] == 2
    assert got[("drawdown_outbox_depth", (("lane", "story"),))] == 5
    assert got[("drawdown_outbox_depth", (("lane", "routine"),))] == 0
    assert got[("drawdown_outbox_depth", (("lane", "priority7"),))] == 1


def test_two_services_never_share_counts() -> None:
    first, second = Metrics(), Metrics()
    first.flood_wait()
    assert samples(second)[("drawdown_telegram_429_responses_total", ())] == 0
