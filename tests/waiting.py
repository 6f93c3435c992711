"""Bounded waiting: the one polling loop of the tests.

Tests never sleep for time to pass. Where a process, a thread or a task changes state with no
event to wait on, they look again every 0.05 s until the condition holds, for at most a given
time: ``until`` fails naming what was awaited, ``within`` says whether it came (for callers
whose time running out is an answer, not a failure). The ``_async`` variants let the event loop
run between the looks.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Protocol

EVERY = 0.05  # seconds between two looks


def within(
    timeout: float, check: Callable[[], object], *, unless: Callable[[], object] | None = None
) -> bool:
    """Whether ``check()`` came true within ``timeout`` seconds; False at once when
    ``unless()`` is true first (a process that ended: nothing will change any more)."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() >= deadline or (unless is not None and unless()):
            return False
        time.sleep(EVERY)
    return True


def until(what: str | Callable[[], str], check: Callable[[], object], timeout: float = 30) -> None:
    """Until ``check()`` is true; fails naming ``what`` (or what ``what()`` says then) after
    ``timeout`` seconds."""
    if not within(timeout, check):
        raise AssertionError(f"{_said(what)}: not within {timeout:g} s")


async def within_async(
    seconds: float, check: Callable[[], object], *, unless: Callable[[], object] | None = None
) -> bool:
    """``within``, letting the event loop run between the looks (``seconds``: ruff keeps the
    name ``timeout`` for ``asyncio.timeout``)."""
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() >= deadline or (unless is not None and unless()):
            return False
        await asyncio.sleep(EVERY)
    return True


async def until_async(
    what: str | Callable[[], str], check: Callable[[], object], seconds: float = 30
) -> None:
    """``until``, letting the event loop run between the looks."""
    if not await within_async(seconds, check):
        raise AssertionError(f"{_said(what)}: not within {seconds:g} s")


class Runs(Protocol):
    """Something that runs until told to stop (the outbox)."""

    async def run(self) -> None: ...

    def stop(self) -> None: ...


async def run_until(runner: Runs, done: Callable[[], object], seconds: float = 30) -> None:
    """Runs ``runner`` as a task until ``done()``, then stops it and waits for its end; fails
    (with its error, if it had one) when it ends first, or after ``seconds``."""
    task = asyncio.create_task(runner.run())
    try:
        if not await within_async(seconds, done, unless=task.done):
            assert not task.done(), task.exception()
            raise AssertionError(f"{type(runner).__name__} not done within {seconds:g} s")
    finally:
        runner.stop()
        await task


def _said(what: str | Callable[[], str]) -> str:
    return what if isinstance(what, str) else what()
