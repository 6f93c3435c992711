"""/healthz says "degraded" when the service runs but brings nothing new: no feed checked
successfully for too long, or a reading worker stuck past its budget."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from drawdown.config import HealthConfig
from drawdown.ops.health import Health
from storage.maintenance import DatabaseProbe

NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


class Answering(DatabaseProbe):
    def __init__(self) -> None:
        pass

    def check(self, timeout: float = 5.0) -> str:
        return "head"


def health(*, silent: float = 0, busy: float = 0, budget: float = 30) -> Health:
    h = Health(
        HealthConfig(feeds_silent=600),
        probe=Answering(),
        last_tick=lambda: NOW,
        telegram=None,
        clock=lambda: NOW,
        last_feed_ok=lambda: NOW - timedelta(seconds=silent),
        worker_busy=lambda: (busy, budget),
    )
    h.started = True
    return h


async def test_feeds_checked_recently_and_an_idle_worker_are_healthy() -> None:
    healthy, lines = await health(silent=30).check()
    assert healthy
    assert "feeds ok: a feed was checked successfully 30 s ago" in lines
    assert health().problem() is None


async def test_no_successful_check_for_too_long_is_degraded() -> None:
    h = health(silent=601)
    healthy, lines = await h.check()
    assert not healthy
    assert (
        "feeds FAIL: degraded: no feed checked successfully for 601 s (feeds_silent is 600 s)"
        in lines
    )
    assert h.problem() is not None  # the systemd watchdog is withheld too


async def test_a_worker_stuck_past_its_budget_is_degraded() -> None:
    assert (await health(busy=45).check())[0]  # over budget, about to be replaced: fine
    healthy, lines = await health(busy=61).check()
    assert not healthy
    assert any(line.startswith("worker FAIL: degraded: ") for line in lines)
