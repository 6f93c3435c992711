"""Three instances on one PostgreSQL database, and none of them special.

Relevant reports keep arriving for 1,000 subscribers. The instance holding the poller is killed
(SIGKILL) in the middle of a broadcast, later the one that took the polling over: every
subscriber gets every alert, the only messages sent twice are deliveries a killed instance had
in flight, no feed is fetched twice at once, never two getUpdates at a time, the commands sent
during each takeover are answered, and the instances' sum of send rates never draws a 429.
"""

from __future__ import annotations

import socket
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from drawdown.config import load_config
from drawdown.service import open_store
from storage.tables import alerts, deliveries
from tests.e2e.http import get
from tests.e2e.service import ServiceProcess, write_config
from tests.e2e.test_delivery import no_collector_pauses  # noqa: F401 -- a fixture
from tests.e2e.test_stories import DEVELOPMENTS, development
from tests.servers import FakeBotApi, FeedServer, rss
from tests.servers.botapi_wire import SentMessage
from tests.waiting import until

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

SUBSCRIBERS = range(1, 1001)
RATE = 500
FEED = "/tin.rss"
POLLING = "telegram.polling holder=this"
ASKING = iter(range(9001, 9100))  # chats that send /status during a takeover


@dataclass(frozen=True, slots=True)
class Kill:
    """An instance killed: when, and the rows it had claimed and not recorded, by chat."""

    at: float
    held: Counter[int | str]  # chat -> rows


def subscriber_messages(bot_api: FakeBotApi) -> int:
    return sum(1 for m in bot_api.sent() if m.chat_id in SUBSCRIBERS)


def broadcasting(bot_api: FakeBotApi) -> Callable[[], bool]:
    """True once 300 more messages reached subscribers than now."""
    before = subscriber_messages(bot_api)
    return lambda: subscriber_messages(bot_api) > before + 300


def pollers(services: list[ServiceProcess]) -> list[ServiceProcess]:
    """The live instances that say they poll."""
    alive = [s for s in services if s.process and s.process.poll() is None]
    return [s for s in alive if POLLING in s.stderr()]


def kill(service: ServiceProcess, engine: sa.Engine) -> Kill:
    """SIGKILL, then the chats of the pending rows it still held (frozen until their lease
    runs out: nobody else may send to those chats before)."""
    assert service.process is not None
    claimant = f"{socket.gethostname()}:{service.process.pid}:%"
    service.kill()
    at = time.monotonic()
    with engine.connect() as conn:
        chats = conn.execute(
            sa.select(deliveries.c.chat_id).where(
                deliveries.c.status == "pending", deliveries.c.claimed_by.like(claimant)
            )
        ).scalars()
        return Kill(at=at, held=Counter(chats))


def ask_status(bot_api: FakeBotApi) -> list[int]:
    chats = [next(ASKING) for _ in range(3)]
    for chat in chats:
        bot_api.user_sends(chat, "/status")
    return chats


@pytest.mark.usefixtures("no_collector_pauses")
def test_three_instances_two_killed_mid_broadcast_everyone_gets_everything_once(
    tmp_path: Path, postgres_url: str, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    items = [development(0, t, b, 2 + 2 * n) for n, (t, b) in enumerate(DEVELOPMENTS)]
    feed_server.set_feed(FEED, rss([]))
    feed_server.set_delay(FEED, 0.2)  # a fetch lasts: two at once would overlap
    config = write_config(
        tmp_path, feeds=[("Tin", feed_server.url(FEED))], api_base_url=bot_api.url, rate=RATE,
        database_url=postgres_url, extra='lease = "5s"',
        schedule="lease = 3",  # a feed claim of a killed instance is free in 3 s
    )  # fmt: skip
    store = open_store(load_config(config))
    now = datetime.now(UTC)
    for chat in SUBSCRIBERS:
        store.subscribe(chat, chat_type="private", name="", language="vi", now=now)
    bot_api.enforce_limits(per_second=RATE * 1.05)
    services = [ServiceProcess(tmp_path / name, config) for name in "abc"]
    for service in services:
        service.directory.mkdir()
        service.start()
    try:
        for service in services:
            service.wait_for_log("instance.peers live=3", timeout=30)
            _, metrics = get(service.health_url() + "/metrics")
            assert "drawdown_instances 3.0" in metrics
        until("one instance polls", lambda: pollers(services))
        kills: list[Kill] = []
        asked: list[int] = []
        for n in range(2):  # a report, its broadcast cut short by killing the poller's holder
            feed_server.set_feed(FEED, rss(items[: n + 1]))
            until("a broadcast under way", broadcasting(bot_api))
            (holder,) = pollers(services)
            kills.append(kill(holder, store.engine))
            asked += ask_status(bot_api)  # answered by the instance that takes the polling over
            services.remove(holder)
            until("another instance polls", lambda: pollers(services))
            assert len(pollers(services)) == 1
        feed_server.set_feed(FEED, rss(items))  # the last report: the one instance left
        until("everything delivered", lambda: _all_sent(store.engine, 3), timeout=60)
        for chat in asked:
            bot_api.wait_for_messages(1, chat, timeout=20)
        assert [s.stop() for s in services] == [0]
    finally:
        for service in services:
            service.__exit__(None, None, None)
    engine = store.engine
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(deliveries.c.chat_id, deliveries.c.message_id, alerts.c.kind)
            .join(alerts, alerts.c.id == deliveries.c.alert_id)
            .where(deliveries.c.status == "sent")
        ).all()
        per_alert = conn.execute(
            sa.select(
                deliveries.c.alert_id, sa.func.count(sa.distinct(deliveries.c.chat_id))
            ).group_by(deliveries.c.alert_id)
        ).all()
    engine.dispose()
    assert len(per_alert) >= 3
    assert {count for _, count in per_alert} == {len(SUBSCRIBERS)}  # every alert, everyone
    recorded = {(chat, message) for chat, message, kind in rows if kind != "edit"}
    sent = [m for m in bot_api.sent() if m.chat_id in SUBSCRIBERS]
    assert recorded <= {(m.chat_id, m.message_id) for m in sent}  # each one really arrived
    twice = [m for m in sent if (m.chat_id, m.message_id) not in recorded]
    # A message sent twice is a row a killed instance held, which reached Telegram before
    # its death (nobody else may send to that chat until the row's lease runs out).
    # Each is the doing of the first kill after it (within a second: the fake API stamps a
    # message when it answers), and that instance must have held a row for its chat.
    by_kill = [next((i for i, k in enumerate(kills) if m.time < k.at + 1), -1) for m in twice]
    unexplained = [
        m for m, i in zip(twice, by_kill, strict=True) if i < 0 or m.chat_id not in kills[i].held
    ]
    assert not unexplained, f"sent twice, no killed instance had them: {explain(twice, kills)}"
    # At most once per row it held: how many of them had reached Telegram depends on how far
    # its confirmations (written every 0.1 s) lagged behind, which a loaded machine stretches.
    for n, k in enumerate(kills):
        again = Counter(m.chat_id for m, i in zip(twice, by_kill, strict=True) if i == n)
        assert all(count <= k.held[chat] for chat, count in again.items()), explain(twice, kills)
    assert bot_api.conflicts() == 0
    assert bot_api.too_many_requests() == 0
    assert feed_server.overlaps() == 0
    per_chat = Counter(m.chat_id for m in bot_api.sent() if m.chat_id in SUBSCRIBERS)
    assert len(per_chat) == len(SUBSCRIBERS)


def _all_sent(engine: sa.Engine, stories: int) -> bool:
    with engine.connect() as conn:
        counts: dict[str, int] = dict(
            conn.execute(
                sa.select(deliveries.c.status, sa.func.count()).group_by(deliveries.c.status)
            ).all()
        )
        made = conn.execute(
            sa.select(sa.func.count()).select_from(alerts).where(alerts.c.kind == "story")
        ).scalar_one()
    return made >= stories and not counts.get("pending") and bool(counts.get("sent"))


def explain(twice: list[SentMessage], kills: list[Kill]) -> str:
    """The first messages sent twice, their times after the first kill, the kills."""
    start = kills[0].at if kills else 0.0
    shown = [(m.chat_id, m.message_id, round(m.time - start, 2), m.text[:30]) for m in twice[:5]]
    return f"{len(twice)} {shown}; kills {[(round(k.at - start, 2), len(k.held)) for k in kills]}"


def test_a_second_instance_on_one_sqlite_file_says_why_it_cannot_run(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    feed_server.set_feed(FEED, rss([]))
    config = write_config(
        tmp_path, feeds=[("Tin", feed_server.url(FEED))], api_base_url=bot_api.url
    )
    second_dir = tmp_path / "second"
    second_dir.mkdir()
    with ServiceProcess(tmp_path, config) as first:
        first.wait_for_log("service.started", timeout=30)
        second = ServiceProcess(second_dir, config).start()
        assert second.wait(30) == 2
        assert "another instance of the service (pid " in second.stderr()
        assert "SQLite database serves one instance" in second.stderr()
        assert "PostgreSQL to run several" in second.stderr()
        bot_api.user_sends(4242, "/status")  # the first one runs on, polling as before
        bot_api.wait_for_messages(1, 4242, timeout=20)
        _, metrics = get(first.health_url() + "/metrics")
        assert "drawdown_instances 1.0" in metrics
        assert "drawdown_polling 1.0" in metrics
        assert first.stop() == 0
    assert POLLING in first.stderr()
