"""Start the real service (``python -m drawdown run``) as a process against the local servers."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from types import TracebackType

from drawdown.config import load_config
from drawdown.service import open_store
from storage.types import FeedStatus
from tests.servers import FakeBotApi
from tests.waiting import until, within

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "123456789:AAFakeTokenForTestsOnly-abcdefghijklmno"


def topic_section() -> str:
    """The shipped config's [topic] tables, so the tests match what users get."""
    text = (ROOT / "config.toml").read_text(encoding="utf-8")
    start = text.index("[topic]")
    end = text.index("[[feeds]]")
    return text[start:end]


def shipped_config(directory: Path) -> Path:
    """The shipped config.toml, copied to ``directory`` with one change: ``[health] port = 0``
    (a free port), so a port already taken — by a running service, or by tests side by side —
    cannot stop the test."""
    text, changed = re.subn(
        r"^port = \d+", "port = 0", (ROOT / "config.toml").read_text(encoding="utf-8"), flags=re.M
    )
    assert changed == 1, "the shipped config.toml no longer has one [health] port line"
    path = directory / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def write_config(
    directory: Path,
    *,
    feeds: Sequence[tuple[str, str]],
    api_base_url: str = "http://127.0.0.1:9",
    interval: float = 1,
    rate: float = 30,
    admins: Sequence[int] = (),
    outage_backoff: str | None = None,
    extra: str = "",
    private_feeds: bool = True,  # /feeds add may name the local feed server (127.0.0.1)
    database_url: str | None = None,
    telegram: str = "",
    schedule: str = "",
) -> Path:
    """A config.toml for a test: a SQLite file in ``directory`` (or ``database_url``), fast
    ticks, the given feeds; ``telegram`` and ``schedule`` are more lines of those sections."""
    database = database_url or f"sqlite:///{directory / 'drawdown.db'}"
    lines = [
        "[storage]",
        f'url = "{database}"',
        "[telegram]",
        f'api_base_url = "{api_base_url}"',
        "max_retries = 3",
        f"admins = [{', '.join(str(a) for a in admins)}]",
        'request_timeout = "5s"',
        telegram,
        "[schedule]",
        'tick = "200ms"',
        f"default_interval = {interval}",
        "jitter = 0",
        f"allow_private_feeds = {'true' if private_feeds else 'false'}",
        'fetch_timeout = "3s"',
        schedule,
        "[delivery]",
        f"rate = {rate}",
        f"allow_paid_broadcast = {'true' if rate > 30 else 'false'}",
        "" if outage_backoff is None else f'outage_backoff = "{outage_backoff}"',
        extra,
        "" if "[health]" in extra else "[health]\nport = 0  # a free port: tests run side by side",
        topic_section(),
    ]
    for name, url in feeds:
        lines += ["[[feeds]]", f'name = "{name}"', f'url = "{url}"', 'lang = "vi"']
    path = directory / "config.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@contextlib.contextmanager
def table_away(database: Path, table: str) -> Iterator[None]:
    """A running service's SQLite ``database`` without ``table`` (renamed), and with it again
    after: what the service reads or writes there fails meanwhile, as on a damaged file."""
    with contextlib.closing(sqlite3.connect(database, timeout=30)) as conn:
        conn.execute(f"ALTER TABLE {table} RENAME TO {table}_away")
        conn.commit()
        try:
            yield
        finally:
            conn.execute(f"ALTER TABLE {table}_away RENAME TO {table}")
            conn.commit()


def delivery_counts(config: Path) -> dict[str, int]:
    """The outbox's rows by status, read from the service's database."""
    store = open_store(load_config(config))
    try:
        return store.delivery_counts()
    finally:
        store.engine.dispose()


def feed_statuses(config: Path) -> list[FeedStatus]:
    """Every enabled feed's recorded health (what /stats and /status read)."""
    store = open_store(load_config(config))
    try:
        return store.feed_statuses()
    finally:
        store.engine.dispose()


def until_each_chat_has(
    bot_api: FakeBotApi, chats: Collection[int], per_chat: int = 1, timeout: float = 30
) -> Counter[int | str]:
    """How many messages each chat got, once every one of ``chats`` has ``per_chat``."""
    counts: Counter[int | str] = Counter()

    def each_chat_has() -> bool:
        nonlocal counts
        counts = Counter(m.chat_id for m in bot_api.sent())
        return all(counts[chat] >= per_chat for chat in chats)

    def short() -> str:
        fewer = sum(1 for chat in chats if counts[chat] < per_chat)
        return f"{fewer} chats got fewer than {per_chat} messages: {dict(counts)}"

    until(short, each_chat_has, timeout)
    return counts


class ServiceProcess:
    """``drawdown run`` in a child process; its stdout and stderr go to files in ``directory``.
    Without ``config`` it reads ./config.toml in ``directory``, as a newcomer's ``drawdown run``."""

    def __init__(
        self,
        directory: Path,
        config: Path | None,
        *,
        token: str | None = TOKEN,
        env: dict[str, str] | None = None,
    ) -> None:
        self.directory = directory
        self.config = config
        self.token = token
        self.env = env or {}  # set for this process only (e.g. DRAWDOWN_CRASH_AT)
        self.process: subprocess.Popen[bytes] | None = None
        self.stdout_path = directory / "stdout.log"
        self.stderr_path = directory / "stderr.log"
        self._log_offset = 0  # where this run's log starts (a restart appends)

    def start(self) -> ServiceProcess:
        self._log_offset = len(self.stderr()) if self.stderr_path.exists() else 0
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DRAWDOWN_", "TELEGRAM_"))}
        env["PYTHONUNBUFFERED"] = "1"
        if self.token:
            env["TELEGRAM_BOT_TOKEN"] = self.token
        env.update(self.env)
        command = [sys.executable, "-m", "drawdown", "run"]
        if self.config is not None:
            command += ["--config", str(self.config)]
        with self.stdout_path.open("ab") as out, self.stderr_path.open("ab") as err:
            self.process = subprocess.Popen(
                command,
                cwd=self.directory,
                env=env,
                stdout=out,
                stderr=err,
            )
        return self

    def signal(self, signum: int) -> None:
        assert self.process is not None
        self.process.send_signal(signum)

    def stop(self, timeout: float = 20) -> int:
        """SIGTERM, then the exit code (killing it if it does not stop in time)."""
        assert self.process is not None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError(f"the service did not stop within {timeout} s") from None

    def wait(self, timeout: float = 20) -> int:
        """The exit code of a process that ends by itself."""
        assert self.process is not None
        return self.process.wait(timeout)

    def kill(self) -> None:
        """SIGKILL: no clean-up at all, as in a crash."""
        assert self.process is not None
        self.process.kill()
        self.process.wait()

    def wait_for_log(self, text: str, timeout: float = 15, *, count: int = 1) -> None:
        """Until ``text`` is in the log ``count`` times; fails with the log if the process ends."""
        if not within(timeout, lambda: self.stderr().count(text) >= count, unless=self._ended):
            raise AssertionError(f"{text!r} never appeared in the log:\n{self.stderr()[-3000:]}")

    def health_url(self, timeout: float = 15) -> str:
        """The /healthz listener's base URL, from this run's ``health.listening`` event."""
        found: list[str] = []

        def listening() -> bool:
            log = self.stderr()[self._log_offset :]
            found[:] = re.findall(r"health\.listening url=(http://\S+?)/healthz", log)[:1]
            return bool(found)

        if not within(timeout, listening, unless=self._ended):
            log = self.stderr()[self._log_offset :]
            raise AssertionError(f"the service never listened for /healthz:\n{log[-3000:]}")
        return found[0]

    def _ended(self) -> bool:
        return self.process is not None and self.process.poll() is not None

    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def stdout(self) -> str:
        return self.stdout_path.read_text(encoding="utf-8", errors="replace")

    def __enter__(self) -> ServiceProcess:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
