"""``drawdown doctor``: check everything the service needs, once, and say how to fix it.

The configuration (read as ``run`` reads it), the bot token and Telegram (getMe), the
database (reachable, at which migration, the story index rows of its oldest articles
current), the /healthz listener's port, and every feed
(fetched once, as ``check-feeds`` does). Each finding is one line — ``ok``, ``warn`` or
``FAIL`` — and a problem is followed by a ``fix:`` line. Nothing is written anywhere: the
database file is not created, no migration is applied.
"""

from __future__ import annotations

import asyncio
import os
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import aiohttp
import sqlalchemy as sa
from telegram import Bot
from telegram.error import InvalidToken, TelegramError
from telegram.request import HTTPXRequest

from drawdown.config import Config, config_path, load_config
from drawdown.errors import ConfigError, DrawdownError, StorageError
from drawdown.ops.logs import redact
from drawdown.service import matcher_for, not_a_bot
from storage import maintenance
from storage.db import (
    create_engine,
    current_revision,
    head_revision,
    redacted,
    require_existing,
    sqlite_file,
)
from watchers.feeds.fetch import make_session
from watchers.feeds.probe import probe
from watchers.pipeline import FeedReport
from watchers.stories.similar import codec

Level = Literal["ok", "warn", "FAIL"]
OK: Level = "ok"
WARN: Level = "warn"
FAIL: Level = "FAIL"


@dataclass(frozen=True, slots=True)
class Finding:
    """One line of the report, and what to do about it."""

    level: Level
    topic: str
    text: str
    fix: str | None = None


async def diagnose(explicit_path: str | None, token: str | None) -> list[Finding]:
    """Every check, in the order a reader would fix them."""
    path = config_path(explicit_path)
    try:
        config = load_config(path)
    except ConfigError as e:
        return [
            Finding(
                FAIL, "config", line, "edit the file: the line names the key and what is allowed"
            )
            for line in str(e).splitlines()
        ]
    findings = [
        Finding(
            OK,
            "config",
            f"{path}: {len(config.feeds)} feeds, topic {', '.join(config.topic.required)}",
        )
    ]
    findings += await _telegram(config, token)
    findings += await asyncio.to_thread(_database, config)
    findings += await _listener(config)
    findings += await _feeds(config)
    return findings


def render(findings: list[Finding]) -> str:
    lines = []
    for finding in findings:
        lines.append(f"{finding.level:<5} {finding.topic:<9} {finding.text}")
        if finding.fix:
            lines.append(f"{'':<15} fix: {finding.fix}")
    failures = sum(1 for f in findings if f.level == FAIL)
    warnings = sum(1 for f in findings if f.level == WARN)
    lines.append("")
    if failures:
        lines.append(f"{failures} problem(s) to fix, {warnings} warning(s).")
    elif warnings:
        lines.append(f"No problem; {warnings} warning(s).")
    else:
        lines.append("Everything is in order.")
    return "\n".join(lines)


async def _telegram(config: Config, token: str | None) -> list[Finding]:
    if token is None:
        return [
            Finding(
                WARN,
                "telegram",
                "TELEGRAM_BOT_TOKEN is not set: alerts would only be printed",
                "put TELEGRAM_BOT_TOKEN=<token from @BotFather> in the environment (the "
                "EnvironmentFile /etc/drawdown/drawdown.env under systemd)",
            )
        ]
    base = config.telegram.api_base_url.rstrip("/")
    timeout = config.telegram.request_timeout
    request = HTTPXRequest(connect_timeout=timeout, read_timeout=timeout, write_timeout=timeout)
    bot = Bot(token, base_url=f"{base}/bot", base_file_url=f"{base}/file/bot", request=request)
    try:
        async with bot:
            username = bot.username
            menus = await _menus(bot)
    except InvalidToken:
        return [
            Finding(
                FAIL,
                "telegram",
                f"{base} refused the bot token (getMe)",
                "copy the token again from @BotFather (/mybots → API Token) into "
                "TELEGRAM_BOT_TOKEN",
            )
        ]
    except TelegramError as e:
        message = redact(str(e), [token])
        return [
            Finding(
                FAIL,
                "telegram",
                f"cannot reach {base} (getMe): {message}",
                "check the network, a firewall or proxy, and [telegram] api_base_url; the "
                "service would start and keep trying",
            )
        ]
    except (TypeError, KeyError, ValueError, AttributeError) as e:  # PTB reading getMe's answer
        return [
            Finding(
                FAIL,
                "telegram",
                redact(not_a_bot(e), [token]),
                "the service would not start: point [telegram] api_base_url at a Bot API server",
            )
        ]
    return [Finding(OK, "telegram", f"getMe answered: the bot is @{username}"), *menus]


async def _menus(bot: Bot) -> list[Finding]:
    """Whether Telegram answers about the command menus (read only: nothing is set)."""
    try:
        await bot.get_my_commands()
    except TelegramError as e:
        return [
            Finding(
                WARN,
                "telegram",
                f"the command menus cannot be read (getMyCommands): {e.message}",
                "nothing to do if it passes: the service starts anyway and sets the menus "
                "when Telegram takes them",
            )
        ]
    return []


def _database(config: Config) -> list[Finding]:
    url = config.storage.url
    shown = redacted(url)
    try:
        engine = create_engine(url)
    except DrawdownError as e:
        return [Finding(FAIL, "database", str(e), "fix [storage] url or DRAWDOWN_DATABASE_URL")]
    try:
        file = sqlite_file(engine)
        try:
            require_existing(engine)
        except StorageError as e:
            return [Finding(FAIL, "database", str(e), "the service would not start")]
        if file is not None and not file.exists():
            writable = _writable_folder(file)
            if writable is not None:
                return [
                    Finding(
                        FAIL,
                        "database",
                        f"{file} does not exist and {writable} is not writable",
                        f"let the service's user write to {writable} (StateDirectory= does it "
                        "under systemd), or point [storage] url elsewhere",
                    )
                ]
            return [
                Finding(
                    WARN,
                    "database",
                    f"{file} does not exist yet",
                    "`drawdown db upgrade` creates it (`drawdown run` does it too)",
                )
            ]
        try:
            current = current_revision(engine)
        except sa.exc.SQLAlchemyError as e:
            reason = str(getattr(e, "orig", None) or e).strip().splitlines()[0]
            return [
                Finding(
                    FAIL,
                    "database",
                    f"{shown} does not answer: {reason}",
                    "check that the database server runs and the URL, user and rights in "
                    "[storage] url / DRAWDOWN_DATABASE_URL",
                )
            ]
        head = head_revision()
        if current == head:
            found = Finding(OK, "database", f"{shown} answers, at migration {current} (latest)")
            return [found, *_story_index(engine)]
        if current is None:
            return [
                Finding(
                    WARN,
                    "database",
                    f"{shown} answers but is empty",
                    "`drawdown db upgrade` creates the tables (`drawdown run` does it too)",
                )
            ]
        if current < head:
            return [
                Finding(
                    WARN,
                    "database",
                    f"{shown} is at migration {current}; this version needs {head}",
                    "`drawdown db backup`, then `drawdown db upgrade` (`drawdown run` does it too)",
                )
            ]
        return [
            Finding(
                FAIL,
                "database",
                f"{shown} is at migration {current}, newer than this version knows ({head})",
                "install the newer Drawdown Watch again, or restore a backup made by this one",
            )
        ]
    finally:
        engine.dispose()


def _story_index(engine: sa.Engine) -> list[Finding]:
    """A warning when the oldest stored articles' index rows are not what this version makes
    (stored by an older one): re-posts of them are found less often until a reindex."""
    sampled, behind = maintenance.index_behind(engine, codec.stored_slots)
    if not behind:
        return []
    return [
        Finding(
            WARN,
            "index",
            f"{behind} of the {sampled} oldest stored articles have story index rows of an "
            "older version: re-posts of them are found less often",
            "`drawdown db reindex`, then restart the service",
        )
    ]


def _writable_folder(file: Path) -> Path | None:
    """The first existing folder above ``file``, if the service could not create it there."""
    folder = file.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return None if os.access(folder, os.W_OK) else folder


async def _listener(config: Config) -> list[Finding]:
    health = config.health
    if not health.enabled:
        return [Finding(WARN, "health", "/healthz and /metrics are off ([health] enabled)")]
    if health.port == 0:
        return [Finding(OK, "health", "/healthz will listen on a free port ([health] port = 0)")]
    url = f"http://{health.host}:{health.port}/healthz"
    try:
        async with (
            aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5)) as client,
            client.get(url) as response,
        ):
            body = await response.text()
    except (aiohttp.ClientError, TimeoutError):
        pass
    else:
        first = body.strip().splitlines()[0] if body.strip() else ""
        if response.status == 200:
            return [Finding(OK, "health", f"a running service answers {url}: {first}")]
        return [
            Finding(
                FAIL,
                "health",
                f"{url} answers {response.status}: "
                + "; ".join(line for line in body.splitlines() if "FAIL" in line),
                "the line says which check fails; the service's log has the details",
            )
        ]
    try:
        with socket.create_server((health.host, health.port)):
            pass
    except OSError as e:
        return [
            Finding(
                FAIL,
                "health",
                f"cannot listen on {health.host}:{health.port}: {e.strerror or e}",
                "another program uses the port: choose another [health] port",
            )
        ]
    return [Finding(OK, "health", f"{health.host}:{health.port} is free for /healthz")]


async def _feeds(config: Config) -> list[Finding]:
    if not config.feeds:
        return [Finding(WARN, "feeds", "no [[feeds]] configured: nothing will be watched")]
    matcher = matcher_for(config)
    schedule = config.schedule
    async with make_session(
        max_connections=schedule.concurrency, per_host=schedule.per_host
    ) as client:
        reports = await asyncio.gather(
            *(probe(client, f.name, f.url, schedule, matcher) for f in config.feeds)
        )
    if offline(reports):
        return [
            Finding(
                FAIL,
                "feeds",
                f"no feed's host name resolves ({len(reports)} of {len(reports)}): this machine "
                "seems offline, or its DNS does not answer",
                "check the network and the DNS resolver (/etc/resolv.conf, a VPN or firewall); "
                "the feed URLs themselves need no change",
            )
        ]
    findings = []
    for index, report in enumerate(reports):
        ms = f"{report.seconds * 1000:.0f} ms"
        if report.status == "error":
            findings.append(
                Finding(
                    FAIL,
                    "feed",
                    f"feeds[{index}] {report.name}: {report.error}",
                    f"open {report.url} in a browser; correct its url in the config or remove "
                    "the [[feeds]] table (it would be retried with backoff forever)",
                )
            )
        else:
            findings.append(
                Finding(
                    OK,
                    "feed",
                    f"{report.name}: {report.items} items, {report.matched} on the topic ({ms})",
                )
            )
    return findings


_DNS_FAILURES = ("ClientConnectorDNSError", "Name or service not known",
                 "Temporary failure in name resolution", "nodename nor servname")  # fmt: skip


def offline(reports: Sequence[FeedReport]) -> bool:
    """Every feed failed to resolve its host, and there are several hosts: the machine's
    network or DNS is down, not each feed."""
    hosts = {urlsplit(r.url).hostname for r in reports}
    return len(hosts) > 1 and all(
        r.status == "error" and any(words in (r.error or "") for words in _DNS_FAILURES)
        for r in reports
    )


def exit_code(findings: list[Finding]) -> int:
    """0 when nothing failed, 2 for a configuration mistake, 1 for any other failure."""
    if any(f.level == FAIL and f.topic == "config" for f in findings):
        return 2
    return 1 if any(f.level == FAIL for f in findings) else 0
