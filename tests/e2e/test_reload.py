"""SIGHUP: the service re-reads config.toml, applies a valid one and refuses a broken one."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests.e2e.http import wait_for_status
from tests.e2e.service import ServiceProcess, write_config
from tests.servers import FeedItem, FeedServer, rss
from tests.waiting import until

pytestmark = pytest.mark.slow

NEW_TERM = "xuất quân khỏi"
BEFORE = FeedItem(
    guid="b-1", link="https://b.example/1.html", title="Binh sĩ Mỹ xuất quân khỏi Iraq trong đêm"
)
AFTER = FeedItem(
    guid="b-2", link="https://b.example/2.html", title="Lữ đoàn Mỹ cuối cùng xuất quân khỏi Iraq"
)


def test_sighup_adds_and_removes_feeds_and_a_broken_config_leaves_the_old_one(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    for path in ("/a", "/b"):
        feed_server.set_feed(path, rss([]))
    a, b = feed_server.url("/a"), feed_server.url("/b")
    config = write_config(tmp_path, feeds=[("A", a)], interval=0.5)
    with ServiceProcess(tmp_path, config, token=None) as service:
        feed_server.wait_for_requests(1, "/a")

        write_config(tmp_path, feeds=[("A", a), ("B", b)], interval=0.5)  # a feed added
        service.signal(signal.SIGHUP)
        service.wait_for_log("config.reloaded ", count=1)
        assert f"config.reloaded path={config} feeds=2 added=1 removed=0 changed=0" in (
            service.stderr()
        )
        feed_server.wait_for_requests(2, "/b", timeout=5)  # polled, at its interval

        # The topic changes: a phrasing it did not know is on the topic from now on.
        feed_server.set_feed("/b", rss([BEFORE]))
        feed_server.wait_for_requests(feed_server.request_count("/b") + 2, "/b", timeout=5)
        assert BEFORE.title not in service.stdout()
        wider = config.read_text(encoding="utf-8").replace(
            '"withdraw*",', f'"withdraw*", "{NEW_TERM}",'
        )
        config.write_text(wider, encoding="utf-8")
        service.signal(signal.SIGHUP)
        service.wait_for_log("config.reloaded ", count=2)
        assert "config.topic_changed" in service.stderr()
        feed_server.set_feed("/b", rss([BEFORE, AFTER]))
        until("the new phrasing is on the topic", lambda: AFTER.title in service.stdout(), 10)
        assert BEFORE.title not in service.stdout()  # stored before: not judged again

        write_config(tmp_path, feeds=[("B", b)], interval=0.5)  # a feed removed
        service.signal(signal.SIGHUP)
        service.wait_for_log("config.reloaded ", count=3)
        # a check of /a that had started has sent its request once /b is polled again
        feed_server.wait_for_requests(feed_server.request_count("/b") + 1, "/b", timeout=5)
        left = feed_server.request_count("/a")
        polled = feed_server.request_count("/b")
        feed_server.wait_for_requests(polled + 2, "/b", timeout=5)
        assert feed_server.request_count("/a") == left

        broken = config.read_text(encoding="utf-8").replace('tick = "200ms"', 'tick = "often"')
        config.write_text(broken, encoding="utf-8")
        service.signal(signal.SIGHUP)
        service.wait_for_log("config.reload_refused ", count=1)
        assert (
            f"config.reload_refused path={config} error={config}: schedule.tick: 'often' is not "
            "a duration"
        ) in service.stderr()
        polled = feed_server.request_count("/b")
        feed_server.wait_for_requests(polled + 2, "/b", timeout=5)  # the old config goes on
        assert feed_server.request_count("/a") == left
        wait_for_status(service.health_url() + "/healthz", 200)
        assert service.process is not None
        assert service.process.poll() is None
        assert service.stop() == 0
    assert service.stderr().count("config.reloaded ") == 3
