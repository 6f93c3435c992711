"""The poller's grace: a new holder of the PostgreSQL lock polls only after ``GRACE`` more tries;
on SQLite the one instance polls at once. A lock whose answers the test chooses, no database."""

from __future__ import annotations

from typing import cast

from drawdown.ops.poller import GRACE, Poller
from storage.instances import SessionLock


class Lock:
    """Answers ``acquire`` and ``held`` from a list, one answer a try."""

    def __init__(self, answers: list[bool], *, shared: bool = True) -> None:
        self.answers = answers
        self.shared = shared

    def acquire(self) -> bool:
        return self.answers.pop(0)

    def held(self) -> bool:
        return self.answers.pop(0)

    def release(self) -> None:
        pass


def poller(lock: Lock, started: list[str]) -> Poller:
    async def start() -> None:
        started.append("start")

    async def stop() -> None:
        started.append("stop")

    return Poller(cast(SessionLock, lock), start, stop, every=0)


async def test_a_new_holder_polls_only_after_its_grace() -> None:
    started: list[str] = []
    p = poller(Lock([True] * (GRACE + 1)), started)
    for _ in range(GRACE):
        await p._step()
        assert started == []  # a former holder may not have seen its session die yet
    await p._step()
    assert started == ["start"]


async def test_losing_the_lock_while_waiting_starts_the_grace_again() -> None:
    started: list[str] = []
    p = poller(Lock([True, False, *[True] * GRACE, True]), started)
    for _ in range(1 + 1 + GRACE):
        await p._step()
    assert started == []
    await p._step()
    assert started == ["start"]


async def test_on_sqlite_the_one_instance_polls_at_once() -> None:
    started: list[str] = []
    p = poller(Lock([True], shared=False), started)
    await p._step()
    assert started == ["start"]
