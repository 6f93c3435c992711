"""The service's Prometheus metrics, on a registry of their own (never the global one).

One :class:`Metrics` per running service: the pipeline reports to it through
``watchers.observe.PipelineObserver``, the outbox calls it for each confirmation and flood
wait, and ``/metrics`` (drawdown/ops/health.py) renders it after refreshing the gauges read from the
database. Each test builds its own, so counts never leak between tests.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Mapping

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

FETCH_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0, 30.0)
# From an item's first sight in a feed to Telegram's confirmation: the promise is "within a
# minute", so the buckets are finest around it.
LATENCY_BUCKETS = (0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 60.0, 120.0, 300.0, 900.0, 3600.0)
LANES = {0: "figure", 1: "story", 2: "routine"}


def lane_name(priority: int) -> str:
    return LANES.get(priority, f"priority{priority}")


class Metrics:
    """Counters, gauges and histograms of one running service."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry if registry is not None else CollectorRegistry()
        r = self.registry
        self.feed_checks = Counter(
            "drawdown_feed_checks", "Feed checks by outcome (ok, not_modified, error)",
            ["status"], registry=r,
        )  # fmt: skip
        self.not_modified_ratio = Gauge(
            "drawdown_feed_not_modified_ratio",
            "Share of the feed checks since start that were answered 304 Not Modified",
            registry=r,
        )
        self.fetch_seconds = Histogram(
            "drawdown_feed_fetch_seconds", "Time to check one feed (fetch, parse, store)",
            buckets=FETCH_BUCKETS, registry=r,
        )  # fmt: skip
        self.error_streak = Gauge(
            "drawdown_feed_error_streak", "Failed checks in a row, per feed", ["feed"], registry=r
        )
        self.items_matched_total = Counter(
            "drawdown_items_matched", "New feed items on the topic, stored", registry=r
        )
        self.stories = Counter("drawdown_stories", "Story alerts written to the outbox", registry=r)
        self.figure_changes = Counter(
            "drawdown_figure_changes",
            "Figure alerts (changes and conflicts) written to the outbox",
            registry=r,
        )
        self.outbox_depth = Gauge(
            "drawdown_outbox_depth", "Deliveries waiting to be sent, per lane", ["lane"], registry=r
        )
        self.messages_sent = Counter(
            "drawdown_messages_sent", "Deliveries Telegram confirmed, per alert kind", ["kind"],
            registry=r,
        )  # fmt: skip
        self.flood_waits = Counter(
            "drawdown_telegram_429_responses",
            "429 Too Many Requests answers received from Telegram",
            registry=r,
        )
        self.alert_latency = Histogram(
            "drawdown_alert_latency_seconds",
            "From an item's first appearance in a feed to Telegram's confirmation of its alert",
            buckets=LATENCY_BUCKETS, registry=r,
        )  # fmt: skip
        self.last_tick = Gauge(
            "drawdown_last_tick_timestamp_seconds", "When the scheduler last ticked (Unix time)",
            registry=r,
        )  # fmt: skip
        self.telegram_failing = Gauge(
            "drawdown_telegram_failing_seconds",
            "How long Telegram calls have been failing (0 while the last call succeeded)",
            registry=r,
        )
        self.instances = Gauge(
            "drawdown_instances", "Live instances on the database, this one included", registry=r
        )
        self.polling = Gauge(
            "drawdown_polling", "1 while this instance takes Telegram's updates", registry=r
        )
        for status in ("ok", "not_modified", "error"):
            self.feed_checks.labels(status)  # present at 0 from the start
        for lane in LANES.values():
            self.outbox_depth.labels(lane)
        self._lock = threading.Lock()
        self._checks = 0
        self._not_modified = 0

    # --- watchers.observe.PipelineObserver -------------------------------------------------

    def feed_checked(self, url: str, status: str, seconds: float, failures: int) -> None:
        self.feed_checks.labels(status).inc()
        self.fetch_seconds.observe(seconds)
        self.error_streak.labels(url).set(failures)
        with self._lock:
            self._checks += 1
            self._not_modified += status == "not_modified"
            self.not_modified_ratio.set(self._not_modified / self._checks)

    def items_matched(self, count: int) -> None:
        self.items_matched_total.inc(count)

    def alert_enqueued(self, kind: str) -> None:
        (self.figure_changes if kind == "figure" else self.stories).inc()

    # --- the outbox ------------------------------------------------------------------------

    def message_sent(self, kind: str, latency: float | None) -> None:
        """Telegram confirmed a delivery; ``latency`` from the article's first sight, if any."""
        self.messages_sent.labels(kind).inc()
        if latency is not None:
            self.alert_latency.observe(max(0.0, latency))

    def flood_wait(self) -> None:
        self.flood_waits.inc()

    # --- gauges refreshed when scraped -----------------------------------------------------

    def set_outbox_depth(self, pending_by_priority: Mapping[int, int]) -> None:
        depths = dict.fromkeys(LANES.values(), 0)
        for priority, count in pending_by_priority.items():
            lane = lane_name(priority)
            depths[lane] = depths.get(lane, 0) + count
        for lane, count in depths.items():
            self.outbox_depth.labels(lane).set(count)

    def forget_feed(self, url: str) -> None:
        """A feed left the configuration: drop its series."""
        with contextlib.suppress(KeyError):
            self.error_streak.remove(url)

    def render(self) -> bytes:
        """The Prometheus text exposition of every metric."""
        return generate_latest(self.registry)
