"""/feeds add refuses addresses inside the service's network unless the operator allows them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conversation import User
from tests.e2e.service import ServiceProcess, write_config
from tests.servers import FakeBotApi, FeedServer, rss

pytestmark = pytest.mark.slow

ADMIN = 7


def test_feeds_add_refuses_loopback_and_link_local_targets(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    feed_server.set_feed("/vnexpress", rss([]))
    feed_server.set_feed("/inside", rss([]))
    config = write_config(
        tmp_path, feeds=[("VnExpress", feed_server.url("/vnexpress"))], api_base_url=bot_api.url,
        admins=[ADMIN], private_feeds=False,
    )  # fmt: skip
    admin = User(bot_api, ADMIN, "en", None)
    with ServiceProcess(tmp_path, config) as service:
        inside = feed_server.url("/inside")
        (reply,) = admin.says(f"/feeds add {inside}", timeout=20)
        assert reply.text.startswith("❌ Not added: ")
        assert "refused: the host is a loopback address" in reply.text
        (reply,) = admin.says("/feeds add http://169.254.169.254/latest/meta-data/")
        assert "refused: the host is a link-local address" in reply.text
        (reply,) = admin.says("/feeds add file:///etc/passwd")
        assert not reply.text.startswith("✅")
        assert service.stop() == 0
    assert feed_server.requests("/inside") == []
