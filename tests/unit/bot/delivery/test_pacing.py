"""Telegram's limits as clock arithmetic: the token bucket and when each chat may be sent to."""

from __future__ import annotations

from collections.abc import Iterable

from bot.delivery.pacing import GROUP_GAP, PRIVATE_GAP, ChatClock, TokenBucket


def test_a_private_chat_waits_a_second_and_a_group_three() -> None:
    chats = ChatClock()
    assert chats.sent(1, "private", now=10.0) == 10.0 + PRIVATE_GAP
    assert chats.sent(-5, "supergroup", now=10.0) == 10.0 + GROUP_GAP


def test_a_flood_wait_delays_only_its_chat() -> None:
    chats = ChatClock()
    chats.sent(1, "private", now=0.0)
    chats.sent(2, "private", now=0.0)
    chats.flood(1, now=0.0, retry_after=30.0)
    assert (chats.ready_at(1), chats.ready_at(2)) == (30.0, PRIVATE_GAP)


def remembered(chats: ChatClock, ids: Iterable[int]) -> int:
    """How many of ``ids`` the clock still holds a time for (a forgotten chat reads 0.0)."""
    return sum(1 for chat in ids if chats.ready_at(chat) != 0.0)


def test_forgetting_keeps_only_the_chats_not_free_yet() -> None:
    chats = ChatClock()
    chats.sent(1, "private", now=0.0)
    chats.sent(-5, "group", now=0.0)
    chats.flood(2, now=0.0, retry_after=30.0)
    chats.forget_before(2.0)
    assert chats.ready_at(1) == 0.0  # a forgotten chat is free, as it was
    assert (chats.ready_at(-5), chats.ready_at(2)) == (GROUP_GAP, 30.0)
    chats.forget_before(31.0)
    assert remembered(chats, (1, -5, 2)) == 0


def test_the_map_stays_small_however_many_chats_are_paced_over_time() -> None:
    chats = ChatClock()
    for second in range(1000):  # 30 new chats a second, forgotten at each refill (2 s)
        for n in range(30):
            chats.sent(second * 30 + n, "private" if n % 2 else "group", now=float(second))
        if second % 2 == 0:
            chats.forget_before(float(second))
        if second % 100 == 99:
            seen = range((second + 1) * 30)
            assert remembered(chats, seen) <= 30 * (2 + GROUP_GAP)  # not growing with ``seen``


def test_the_bucket_starts_with_one_token_and_refills_at_the_rate() -> None:
    bucket = TokenBucket(rate=10.0, burst=1.0)
    assert bucket.reserve(0.0) == 0.0
    assert bucket.reserve(0.0) == 0.1
    assert bucket.reserve(1.0) == 0.0
