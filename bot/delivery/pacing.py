"""Telegram's sending limits as arithmetic on a clock: no I/O, no sleeping.

- Overall: ``rate`` messages per second across all chats (30 by default; up to 1,000 with
  paid broadcasts). A token bucket holding ``burst`` tokens lets a late event loop catch up a
  little without ever exceeding ``rate + burst`` in any one-second window.
- Per chat: one message per second to a private chat, twenty per minute to a group,
  supergroup or channel (sent evenly, one every three seconds), counted from when a message
  is handed to the network and again from its answer (Telegram counts from its arrival).
- Flood waits: a 429 for one chat delays only that chat, until ``now + retry_after``.

Times are ``time.monotonic()`` seconds, passed in by the caller.
"""

from __future__ import annotations

from dataclasses import dataclass

PRIVATE_GAP = 1.0
GROUP_GAP = 60.0 / 20


def concurrency_for(rate: float) -> int:
    """Sends in flight at once: enough to cover Telegram's latency at ``rate``, few enough that
    nothing waits long in a queue when a stop is asked for."""
    return max(4, min(100, int(rate / 8)))


def gap_for(chat_type: str) -> float:
    """Seconds between two messages to one chat of this type."""
    return PRIVATE_GAP if chat_type == "private" else GROUP_GAP


@dataclass
class TokenBucket:
    """``rate`` tokens per second, at most ``burst`` saved up; starts empty (no opening burst)."""

    rate: float
    burst: float
    tokens: float = 0.0
    updated: float | None = None

    def reserve(self, now: float) -> float:
        """Take one token; return how long to wait before using it (0 if it is there now)."""
        if self.updated is None:
            self.updated, self.tokens = now, 1.0
        self.tokens = min(self.burst, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        self.tokens -= 1.0
        return 0.0 if self.tokens >= 0 else -self.tokens / self.rate


class ChatClock:
    """When each chat may be sent to next."""

    def __init__(self) -> None:
        self._ready_at: dict[int, float] = {}

    def ready_at(self, chat_id: int) -> float:
        return self._ready_at.get(chat_id, 0.0)

    def sent(self, chat_id: int, chat_type: str, now: float) -> float:
        """Record a send at ``now``; returns when the chat may be sent to again."""
        ready = max(self.ready_at(chat_id), now + gap_for(chat_type))
        self._ready_at[chat_id] = ready
        return ready

    def flood(self, chat_id: int, now: float, retry_after: float) -> float:
        """Telegram asked us to wait ``retry_after`` seconds for this chat."""
        ready = max(self.ready_at(chat_id), now + retry_after)
        self._ready_at[chat_id] = ready
        return ready

    def forget_before(self, now: float) -> None:
        """Drop chats that are free again, so the map holds only the recently used ones."""
        self._ready_at = {chat: t for chat, t in self._ready_at.items() if t > now}
