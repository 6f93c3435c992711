"""When a feed is checked next: interval with jitter, exponential backoff, Retry-After."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from watchers.pipeline import next_check_at

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def delay(**kwargs: float) -> float:
    settings: dict[str, float] = {
        "interval_s": 300,
        "failures": 0,
        "jitter": 0.0,
        "max_backoff_s": 3600,
    }
    settings.update(kwargs)
    return (next_check_at(NOW, **settings) - NOW).total_seconds()  # type: ignore[arg-type]


def test_a_healthy_feed_waits_its_interval() -> None:
    assert delay() == 300


def test_jitter_adds_up_to_its_fraction_of_the_interval() -> None:
    assert delay(jitter=0.1, rand=0.5) == 315


def test_failures_double_the_wait_up_to_the_cap() -> None:
    assert [delay(failures=n) for n in (1, 2, 3, 4)] == [600, 1200, 2400, 3600]


def test_the_cap_is_never_below_the_interval() -> None:
    assert delay(interval_s=7200, failures=3) == 7200


def test_retry_after_is_honoured() -> None:
    assert delay(failures=1, retry_after_s=5000) == 5000


@given(st.integers(min_value=0, max_value=10_000), st.floats(min_value=0, max_value=0.999))
def test_a_failing_feed_is_always_tried_again(failures: int, rand: float) -> None:
    wait = (
        next_check_at(
            NOW, interval_s=60, failures=failures, jitter=0.1, max_backoff_s=21600, rand=rand
        )
        - NOW
    )
    assert timedelta(seconds=60) <= wait <= timedelta(seconds=21600 * 1.1)
