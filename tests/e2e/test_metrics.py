"""/metrics of a scripted run: every counter matches what the feed server and Telegram saw."""

from __future__ import annotations

from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.e2e.http import get
from tests.e2e.service import ServiceProcess, write_config
from tests.e2e.test_figure_alerts import (
    FIRST_TIMETABLE,
    SAME_TIMETABLE_RETOLD,
    TIMETABLE_PUSHED_BACK,
)
from tests.servers import FakeBotApi, FeedServer, rss
from tests.waiting import until

pytestmark = pytest.mark.slow

Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def scrape(url: str) -> Samples:
    status, text = get(url)
    assert status == 200, text
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def test_metrics_count_a_scripted_run(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    feed_server.set_feed("/a", rss([]))
    feed_server.set_status("/b", 404)
    config = write_config(tmp_path, feeds=[("A", feed_server.url("/a"))], api_base_url=bot_api.url)
    broken = feed_server.url("/b")
    with config.open("a", encoding="utf-8") as out:  # checked once: its streak stays at 1
        out.write(f'[[feeds]]\nname = "B"\nurl = "{broken}"\nlang = "en"\ninterval = "1h"\n')

    with ServiceProcess(tmp_path, config) as service:
        metrics = service.health_url() + "/metrics"
        for chat in (1, 2):
            bot_api.user_sends(chat, "/subscribe")
            bot_api.wait_for_messages(1, chat, timeout=20)
        feed_server.wait_for_requests(1, "/a")  # an empty backlog
        bot_api.flood(2, retry_after=1, times=1)  # one 429 for chat 2's first alert

        feed_server.set_feed("/a", rss([FIRST_TIMETABLE]))  # a story
        for chat in (1, 2):
            bot_api.wait_for_messages(2, chat, timeout=15)
        feed_server.set_feed(  # a deadline change, reported twice: one more story
            "/a", rss([SAME_TIMETABLE_RETOLD, TIMETABLE_PUSHED_BACK, FIRST_TIMETABLE])
        )
        for chat in (1, 2):
            bot_api.wait_for_messages(4, chat, timeout=15)

        # Checks go on every second, confirmations are written every 0.1 s: scrape when all
        # is written and no check is under way.
        story_sent = ("drawdown_messages_sent_total", (("kind", "story"),))
        got: Samples = {}
        served: dict[str, int] = {}
        counted: dict[str, float] = {}

        def settled() -> bool:
            nonlocal got, served, counted
            got = scrape(metrics)
            served = {
                status: sum(1 for r in feed_server.requests() if r.status == code)
                for status, code in (("ok", 200), ("not_modified", 304), ("error", 404))
            }
            counted = {s: got[("drawdown_feed_checks_total", (("status", s),))] for s in served}
            sent = got[story_sent]
            waiting = sum(v for (name, _), v in got.items() if name == "drawdown_outbox_depth")
            return counted == served and sent == 4 and not waiting

        until(
            lambda: f"checks {served} counted ({counted}), 4 stories sent ({got.get(story_sent)})",
            settled,
            timeout=15,
        )
        assert service.stop() == 0

    assert counted == served
    assert served["ok"] == 3  # the empty feed, then each change
    assert served["not_modified"] >= 1
    assert served["error"] == 1
    total = sum(served.values())
    assert got[("drawdown_feed_not_modified_ratio", ())] == pytest.approx(
        served["not_modified"] / total
    )
    assert got[("drawdown_feed_fetch_seconds_count", ())] == total
    assert got[("drawdown_feed_error_streak", (("feed", broken),))] == 1
    assert got[("drawdown_feed_error_streak", (("feed", feed_server.url("/a")),))] == 0
    assert got[("drawdown_items_matched_total", ())] == 3
    assert got[("drawdown_stories_total", ())] == 2
    assert got[("drawdown_figure_changes_total", ())] == 1
    assert got[("drawdown_messages_sent_total", (("kind", "story"),))] == 4
    assert got[("drawdown_messages_sent_total", (("kind", "figure"),))] == 2
    assert got[("drawdown_telegram_429_responses_total", ())] == 1 == bot_api.too_many_requests()
    for lane in ("figure", "story", "routine"):
        assert got[("drawdown_outbox_depth", (("lane", lane),))] == 0
    # From each item's first sighting to Telegram's confirmation: six alerts, all quick,
    # the flood-waited one at least its one-second wait.
    assert got[("drawdown_alert_latency_seconds_count", ())] == 6
    assert got[("drawdown_alert_latency_seconds_bucket", (("le", "10.0"),))] == 6
    assert got[("drawdown_alert_latency_seconds_bucket", (("le", "0.5"),))] <= 5
    assert got[("drawdown_alert_latency_seconds_sum", ())] >= 1.0
    assert got[("drawdown_last_tick_timestamp_seconds", ())] > 0
