"""What a reload can apply at once, and what it names as needing a restart."""

from __future__ import annotations

from drawdown.config import Config
from drawdown.ops.reload import needs_restart

TOPIC = {"required": ["iraq"], "terms": {"iraq": ["Iraq"]}}


def config(**sections: object) -> Config:
    return Config.model_validate({"topic": TOPIC, **sections})


def test_intervals_thresholds_and_feeds_apply_without_a_restart() -> None:
    old = config()
    new = config(
        schedule={"default_interval": "10m", "fetch_timeout": "5s"},
        delivery={"max_attempts": 3},
        health={"stale_tick": "2m"},
        retention={"article_bodies": "30d"},
        feeds=[{"url": "https://a.example/rss", "name": "A", "lang": "vi"}],
    )
    assert needs_restart(old, new) == []


def test_what_is_bound_at_start_is_named() -> None:
    old = config()
    new = config(
        storage={"url": "postgresql://127.0.0.1/drawdown"},
        telegram={"api_base_url": "http://127.0.0.1:8081"},
        schedule={"tick": "10s", "concurrency": 10},
        delivery={"rate": 20, "outage_backoff": "5s", "lease": "1m"},
        health={"port": 9000},
    )
    assert needs_restart(old, new) == [
        "storage.url",
        "telegram.api_base_url",
        "schedule.tick",
        "schedule.concurrency",
        "delivery.rate",
        "delivery.outage_backoff",
        "delivery.lease",
        "health.port",
    ]
