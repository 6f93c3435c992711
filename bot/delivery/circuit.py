"""The circuit breaker: how long sending pauses while Telegram is unreachable or failing.

A network error or a 5xx opens the circuit: sending pauses ``first`` seconds, and each
failure while it is open doubles the pause up to ``longest`` (``[delivery] outage_backoff``).
While it is open the outbox probes with one message at a time; the first success closes it.
Only the failure that opens the circuit counts as an attempt of its message, so an outage
does not use up the messages' ``max_attempts``. Times are ``time.monotonic()`` seconds,
passed in by the caller.
"""

from __future__ import annotations

from dataclasses import dataclass

FIRST_PAUSE = 1.0
LONGEST_PAUSE = 30.0


@dataclass
class Circuit:
    """Open (``pause > 0``) from the first transient failure until the next success."""

    first: float = FIRST_PAUSE
    longest: float = LONGEST_PAUSE
    pause: float = 0.0  # the current pause; > 0 while the circuit is open
    paused_until: float = 0.0

    @property
    def is_open(self) -> bool:
        return self.pause > 0.0

    def trip(self, now: float) -> bool:
        """A send failed for want of Telegram: open the circuit, or double its pause.
        True if this failure opened it (and so counts as an attempt)."""
        opening = not self.is_open
        self.pause = min(self.longest, self.first if opening else self.pause * 2)
        self.paused_until = now + self.pause
        return opening

    def close(self) -> None:
        """Telegram answered: send at the full rate again."""
        self.pause = 0.0
