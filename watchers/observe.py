"""What the watchers report as they work, for whoever counts it (the service's metrics).

The watchers never import the bot: they call a :class:`PipelineObserver` they are given, and
:data:`NO_OBSERVER` when nobody listens (check-feeds, analyze, benchmarks, most tests).
Calls may come from worker threads; an observer must be thread-safe and must not block.
"""

from __future__ import annotations

from typing import Protocol


class PipelineObserver(Protocol):
    def feed_checked(self, url: str, status: str, seconds: float, failures: int) -> None:
        """One check of a feed ended: "ok" | "not_modified" | "error", how long it took, and
        the feed's failures in a row after it (0 after a success)."""

    def items_matched(self, count: int) -> None:
        """``count`` new items on the topic were stored."""

    def alert_enqueued(self, kind: str) -> None:
        """An alert was written to the outbox: "story" or "figure"."""


class _Nobody:
    def feed_checked(self, url: str, status: str, seconds: float, failures: int) -> None:
        pass

    def items_matched(self, count: int) -> None:
        pass

    def alert_enqueued(self, kind: str) -> None:
        pass


NO_OBSERVER: PipelineObserver = _Nobody()
