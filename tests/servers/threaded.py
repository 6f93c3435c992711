"""A home for a test HTTP server: its own asyncio loop in a daemon thread, on a loopback port.

Tests reach the servers from anywhere — a sync test, an async test running its own loop, or a
service started as a subprocess — so every control method on a server is a plain, thread-safe sync
method, and waiting for something to happen comes in two flavours: a blocking ``wait_…`` for sync
code and an ``await_…`` coroutine for async tests (blocking inside an async test would freeze the
very code under test that is meant to make the thing happen).
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import Self, TypeVar

from aiohttp import web

T = TypeVar("T")

_START_TIMEOUT = 10.0
_STOP_TIMEOUT = 10.0
# How long a stopping server lets in-flight handlers finish before cancelling them: long polls and
# deliberate delays are woken or cancelled, so nothing useful waits longer than this.
_SHUTDOWN_GRACE = 0.2


class Changes:
    """A lock around a server's recorded state that sync and async callers can wait on.

    Writers do ``with changes: …mutate…; changes.notify()``. Readers wait until a probe — called
    with the lock held — returns something other than ``None``.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = set()

    def __enter__(self) -> Self:
        self._cond.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self._cond.release()

    def notify(self) -> None:
        """Wake every waiter; call with the lock held."""
        self._cond.notify_all()
        for loop, event in list(self._waiters):
            with contextlib.suppress(RuntimeError):  # that waiter's loop is already closed
                loop.call_soon_threadsafe(event.set)

    def wait(self, probe: Callable[[], T | None], describe: Callable[[], str], seconds: float) -> T:
        """Block until ``probe()`` returns a value; AssertionError with ``describe()`` when
        ``seconds`` pass first."""
        deadline = time.monotonic() + seconds
        with self._cond:
            while True:
                found = probe()
                if found is not None:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"timed out after {seconds:g} s: {describe()}")
                self._cond.wait(remaining)

    async def until(
        self, probe: Callable[[], T | None], describe: Callable[[], str], seconds: float
    ) -> T:
        """Like :meth:`wait`, without blocking the caller's event loop."""
        loop = asyncio.get_running_loop()
        event = asyncio.Event()
        waiter = (loop, event)
        deadline = loop.time() + seconds
        with self._cond:
            self._waiters.add(waiter)
        try:
            while True:
                event.clear()
                with self._cond:
                    found = probe()
                if found is not None:
                    return found
                remaining = deadline - loop.time()
                if remaining <= 0:
                    raise AssertionError(f"timed out after {seconds:g} s: {describe()}")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(event.wait(), remaining)
        finally:
            with self._cond:
                self._waiters.discard(waiter)


class ThreadedServer:
    """An aiohttp application served from a background thread on ``host:port``.

    ``port=0`` picks a free port on the first :meth:`start`; later starts reuse it, so a test can
    :meth:`stop` the server and :meth:`start` it again at the same address (or :meth:`pause` it).
    Recorded state lives on the instance and survives a restart.
    """

    def __init__(self, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self._host = host
        self._port = port
        self._lifecycle = threading.RLock()
        self._started = threading.Condition(self._lifecycle)  # notified on every start
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._resume_timer: threading.Timer | None = None
        self._generation = 0  # bumped by every start/stop so a stale resume timer does nothing

    # -- subclass hooks ----------------------------------------------------------------------------

    def _build_app(self) -> web.Application:
        raise NotImplementedError

    async def _on_started(self) -> None:
        """Runs in the server loop once it listens."""

    async def _on_stopping(self) -> None:
        """Runs in the server loop before connections are closed: wake long-running handlers."""

    # -- addresses ---------------------------------------------------------------------------------

    @property
    def host(self) -> str:
        return self._host

    @property
    def port(self) -> int:
        if self._port == 0:
            raise RuntimeError(f"{type(self).__name__} has no port until it is started")
        return self._port

    @property
    def origin(self) -> str:
        """``http://127.0.0.1:PORT`` with no trailing slash."""
        return f"http://{self._host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._thread is not None

    def wait_until_running(self, timeout: float = 5.0) -> None:
        """Block until the server listens (again), e.g. when a :meth:`pause` ends."""
        with self._started:
            if not self._started.wait_for(lambda: self._thread is not None, timeout):
                raise AssertionError(f"{self!r} did not start within {timeout:g} s")

    def connections(self) -> int:
        """Client connections open now, counting one whose request is still being answered;
        0 once a client that went away (or died) has closed them all."""
        loop = self._loop
        if loop is None:
            return 0

        async def count() -> int:
            server = self._runner.server if self._runner is not None else None
            return len(server.connections) if server is not None else 0

        return asyncio.run_coroutine_threadsafe(count(), loop).result(_STOP_TIMEOUT)

    @property
    def loop(self) -> asyncio.AbstractEventLoop | None:
        """The server's own loop while it runs (for ``call_soon_threadsafe``), else ``None``."""
        return self._loop

    # -- lifecycle ---------------------------------------------------------------------------------

    def start(self) -> Self:
        """Listen (again) and return self; starting a running server does nothing."""
        with self._lifecycle:
            self._cancel_resume()
            if self._thread is None:
                self._start_locked()
        return self

    def stop(self) -> None:
        """Close the port and every connection; recorded state is kept. Idempotent."""
        with self._lifecycle:
            self._cancel_resume()
            self._stop_locked()

    def pause(self, seconds: float) -> None:
        """Go away now (connections refused) and come back on the same port after ``seconds``."""
        with self._lifecycle:
            self._cancel_resume()
            self._stop_locked()
            generation = self._generation
            timer = threading.Timer(seconds, self._resume, args=(generation,))
            timer.daemon = True
            self._resume_timer = timer
            timer.start()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        where = self.origin if self._port else "not started"
        state = "running" if self.running else "stopped"
        return f"<{type(self).__name__} {where} {state}>"

    def _resume(self, generation: int) -> None:
        with self._lifecycle:
            if generation == self._generation and self._thread is None:
                self._resume_timer = None
                self._start_locked()

    def _cancel_resume(self) -> None:
        if self._resume_timer is not None:
            self._resume_timer.cancel()
            self._resume_timer = None

    def _start_locked(self) -> None:
        self._generation += 1
        loop = asyncio.new_event_loop()
        thread = threading.Thread(
            target=_run_loop, args=(loop,), name=f"{type(self).__name__}-loop", daemon=True
        )
        thread.start()
        try:
            asyncio.run_coroutine_threadsafe(self._serve(), loop).result(_START_TIMEOUT)
        except BaseException:
            loop.call_soon_threadsafe(loop.stop)
            thread.join(_STOP_TIMEOUT)
            raise
        self._loop, self._thread = loop, thread
        self._started.notify_all()

    def _stop_locked(self) -> None:
        self._generation += 1
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        try:
            asyncio.run_coroutine_threadsafe(self._shutdown(), loop).result(_STOP_TIMEOUT)
        finally:
            loop.call_soon_threadsafe(loop.stop)
            thread.join(_STOP_TIMEOUT)
            self._loop = self._thread = None

    async def _serve(self) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        runner = web.AppRunner(self._build_app(), access_log=None, shutdown_timeout=_SHUTDOWN_GRACE)
        try:
            # Same port after a restart even while old connections sit in TIME_WAIT.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((self._host, self._port))
            sock.setblocking(False)
            self._port = sock.getsockname()[1]
            await runner.setup()
            await self._on_started()
            await web.SockSite(runner, sock).start()
        except BaseException:
            await runner.cleanup()
            sock.close()
            raise
        self._runner = runner

    async def _shutdown(self) -> None:
        await self._on_stopping()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None


def _run_loop(loop: asyncio.AbstractEventLoop) -> None:
    asyncio.set_event_loop(loop)
    try:
        loop.run_forever()
        pending = asyncio.all_tasks(loop)
        for task in pending:
            task.cancel()
        if pending:
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        # A connection accepted as the server stopped reaches no server's list, so its cleanup
        # never closes it: close what the loop still holds (a socket left open is a warning
        # that fails whichever test happens to collect it).
        for transport in list(getattr(loop, "_transports", {}).values()):
            if not transport.is_closing():
                transport.close()
        loop.run_until_complete(asyncio.sleep(0))  # their connection_lost callbacks
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.run_until_complete(loop.shutdown_default_executor())
    finally:
        asyncio.set_event_loop(None)
        loop.close()
