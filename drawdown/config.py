"""config.toml: read, validated with pydantic, and every mistake reported as one line.

Secrets never come from the file: the bot token is read from ``TELEGRAM_BOT_TOKEN`` only.
``DRAWDOWN_CONFIG`` names the file and ``DRAWDOWN_DATABASE_URL`` overrides ``[storage] url``.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from drawdown.errors import ConfigError

DEFAULT_PATH = Path("config.toml")
FREE_RATE = 30  # Telegram's bulk limit without paid broadcasts
MIN_LEASE = 3.0  # [delivery] lease, seconds

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$")
_UNIT_SECONDS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, None: 1}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|KiB|MiB|GiB)?\s*$", re.IGNORECASE)
_UNIT_BYTES = {
    "b": 1, "kb": 1000, "mb": 1000**2, "gb": 1000**3, "kib": 1024, "mib": 1024**2, "gib": 1024**3,
}  # fmt: skip


def parse_duration(value: Any) -> float:
    """Seconds from an int/float (seconds) or a string like "90s", "5m", "1h", "250ms"."""
    if isinstance(value, bool):
        raise ValueError("a duration is a number of seconds or a string like '90s', '5m', '1h'")
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str) and (m := _DURATION.match(value)):
        return float(m.group(1)) * _UNIT_SECONDS[m.group(2)]
    raise ValueError(
        f"{value!r} is not a duration: use seconds (90) or a string like '90s', '5m', '1h'"
    )


def parse_size(value: Any) -> int:
    """Bytes from an int or a string like "10MB", "512KiB"."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and (m := _SIZE.match(value)):
        return int(float(m.group(1)) * _UNIT_BYTES[(m.group(2) or "b").lower()])
    raise ValueError(f"{value!r} is not a size: use bytes (1048576) or a string like '10MB'")


def _positive(value: float) -> float:
    if value <= 0:
        raise ValueError("must be greater than zero")
    return value


Seconds = Annotated[float, BeforeValidator(parse_duration), AfterValidator(_positive)]
Bytes = Annotated[int, BeforeValidator(parse_size), Field(gt=0)]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


DATABASES = ("sqlite", "postgresql", "postgresql+psycopg", "postgres")
_DATABASE_HELP = "sqlite:///path/to/drawdown.db or postgresql://user:password@host/database"


class StorageConfig(_Section):
    url: str = "sqlite:///data/drawdown.db"

    @field_validator("url")
    @classmethod
    def _a_database_this_service_uses(cls, url: str) -> str:
        try:
            parsed = make_url(url)
        except (ArgumentError, ValueError):
            raise ValueError(f"not a database URL: use {_DATABASE_HELP}") from None
        if parsed.drivername not in DATABASES:
            raise ValueError(
                f"{parsed.drivername!r} is not a database this service uses: {_DATABASE_HELP}"
            )
        if parsed.drivername == "sqlite" and not parsed.database:
            raise ValueError(f"a SQLite URL names its file: {_DATABASE_HELP}")
        return url


class TelegramConfig(_Section):
    api_base_url: str = Field(default="https://api.telegram.org", pattern=r"^https?://\S+$")
    admins: tuple[int, ...] = ()
    max_retries: int = Field(default=3, ge=0, le=10)
    request_timeout: Seconds = 20.0
    # Webhook mode, for instances behind a load balancer: Telegram posts each update to this
    # address, and any instance takes it. Empty: long polling, one instance at a time.
    webhook_url: str = Field(default="", pattern=r"^(https?://[^\s/]+(/\S*)?)?$")
    webhook_listen: str = Field(default="0.0.0.0", min_length=1)  # where this instance listens
    webhook_port: int = Field(default=8443, ge=1, le=65535)

    @field_validator("api_base_url")
    @classmethod
    def _without_bot(cls, url: str) -> str:
        if url.rstrip("/").endswith("/bot"):
            raise ValueError(
                f"{url!r} ends in /bot: give the server's address alone "
                f"({url.rstrip('/').removesuffix('/bot') or 'https://api.telegram.org'}); "
                "the service adds /bot<token> itself"
            )
        return url


class ScheduleConfig(_Section):
    tick: Seconds = 5.0
    default_interval: Seconds = 300.0
    jitter: float = Field(default=0.1, ge=0, le=1, description="fraction of the interval")
    max_backoff: Seconds = 6 * 3600.0
    lease: Seconds = 120.0
    concurrency: int = Field(default=50, ge=1, le=1000)
    per_host: int = Field(default=6, ge=1, le=100)
    fetch_timeout: Seconds = 20.0
    max_body: Bytes = 10_000_000
    backlog_window: Seconds = 24 * 3600.0
    read_timeout: Seconds = 30.0  # reading one feed's items longer than this fails the feed
    # /feeds add may name loopback, private and link-local addresses (your own feeds)
    allow_private_feeds: bool = False


class DeliveryConfig(_Section):
    rate: float = Field(default=30.0, gt=0, le=1000, description="messages per second, all chats")
    allow_paid_broadcast: bool = False
    max_attempts: int = Field(default=8, ge=1, le=100)
    batch: int = Field(default=500, ge=1, le=10_000)
    edit_interval: Seconds = 60.0  # a story alert is edited at most this often
    # While Telegram is unreachable, sending pauses 1 s, doubling up to this (delivery/circuit.py)
    outage_backoff: Seconds = 30.0
    # An instance's claim on the rows it sends: another instance sends them when it runs out
    lease: Seconds = 30.0

    @field_validator("lease")
    @classmethod
    def _lease_outlasts_renewals(cls, lease: float) -> float:
        if lease < MIN_LEASE:
            raise ValueError(
                f"{lease:g} s is too short: at least {MIN_LEASE:g} s (a claim is renewed a third "
                "of the way through, and a chat is kept 3 s after a send)"
            )
        return lease

    @model_validator(mode="after")
    def _paid_beyond_thirty(self) -> DeliveryConfig:
        if self.rate > FREE_RATE and not self.allow_paid_broadcast:
            raise ValueError(
                f"rate {self.rate:g} is over Telegram's {FREE_RATE} messages per second; "
                "set allow_paid_broadcast = true (paid in Stars) or lower the rate"
            )
        return self


class HealthConfig(_Section):
    """The HTTP listener for /healthz and /metrics (drawdown/ops/health.py)."""

    enabled: bool = True
    host: str = Field(default="127.0.0.1", min_length=1)
    port: int = Field(default=9847, ge=0, le=65535, description="0 picks a free port")
    stale_tick: Seconds = 60.0
    telegram_down: Seconds = 300.0
    db_timeout: Seconds = 5.0
    # degraded when no feed has been checked successfully for this long (all failing, or none due)
    feeds_silent: Seconds = 1800.0


class RetentionConfig(_Section):
    """What the service prunes, and how often (storage/maintenance.py)."""

    article_bodies: Seconds = 90 * 86400.0
    sent_deliveries: Seconds = 30 * 86400.0
    every: Seconds = 6 * 3600.0


def _terms(values: tuple[str, ...]) -> tuple[str, ...]:
    for value in values:
        if not value.strip() or value.strip() == "*":
            raise ValueError("keywords must not be empty")
    return values


Terms = Annotated[tuple[str, ...], AfterValidator(_terms)]


class TopicConfig(_Section):
    # At least one group: with none, every article of every feed would be on the topic.
    required: tuple[str, ...] = Field(default=("iraq", "withdrawal"), min_length=1)
    exclude: Terms = ()
    terms: dict[str, Terms] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _required_groups_exist(self) -> TopicConfig:
        for group in self.required:
            if group not in self.terms:
                known = ", ".join(sorted(self.terms)) or "none"
                raise ValueError(
                    f"required group {group!r} has no [topic.terms] entry (defined: {known})"
                )
        return self


class FeedConfig(_Section):
    url: str = Field(pattern=r"^https?://\S+$")
    name: str = Field(min_length=1)
    lang: Literal["vi", "en"]
    interval: Seconds | None = None


class Config(_Section):
    storage: StorageConfig = StorageConfig()
    telegram: TelegramConfig = TelegramConfig()
    schedule: ScheduleConfig = ScheduleConfig()
    delivery: DeliveryConfig = DeliveryConfig()
    health: HealthConfig = HealthConfig()
    retention: RetentionConfig = RetentionConfig()
    topic: TopicConfig
    feeds: tuple[FeedConfig, ...] = ()

    @model_validator(mode="after")
    def _feed_urls_unique(self) -> Config:
        seen: set[str] = set()
        for feed in self.feeds:
            if feed.url in seen:
                raise ValueError(f"feed {feed.url!r} is listed twice")
            seen.add(feed.url)
        return self

    @model_validator(mode="after")
    def _stale_tick_beyond_tick(self) -> Config:
        if self.health.stale_tick <= self.schedule.tick:
            raise ValueError(
                f"health.stale_tick ({self.health.stale_tick:g} s) must be longer than "
                f"schedule.tick ({self.schedule.tick:g} s), or /healthz fails between two ticks"
            )
        return self

    def interval_of(self, feed: FeedConfig) -> int:
        return round(feed.interval or self.schedule.default_interval)


def config_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The file to read: the argument, else ``DRAWDOWN_CONFIG``, else ./config.toml."""
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("DRAWDOWN_CONFIG") or DEFAULT_PATH)


def load_config(path: str | os.PathLike[str] | None = None) -> Config:
    """Read and validate the configuration; raise ConfigError naming the file and the key."""
    file = config_path(path)
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(
            str(file), "-", "file not found (set DRAWDOWN_CONFIG or --config)"
        ) from None
    except UnicodeDecodeError as e:
        raise ConfigError(str(file), "-", f"not UTF-8 text: {e.reason}") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(str(file), "-", f"not valid TOML: {e}") from None
    if "token" in data.get("telegram", {}):
        raise ConfigError(
            str(file), "telegram.token", "the token is a secret: set TELEGRAM_BOT_TOKEN instead"
        )
    if url := os.environ.get("DRAWDOWN_DATABASE_URL"):
        data.setdefault("storage", {})["url"] = url
    try:
        return Config.model_validate(data)
    except ValidationError as e:
        problems = [(_key(error["loc"]), _message(error)) for error in e.errors()]
        raise ConfigError.many(str(file), problems) from None


def _key(loc: tuple[int | str, ...]) -> str:
    key = ""
    for part in loc:
        if isinstance(part, int):
            key += f"[{part}]"
        elif not part.startswith("function-"):
            key += f".{part}" if key else part
    return key or "-"


# pydantic's words for a mistake, in this project's: the key's own when it has one.
_PATTERN = {
    "url": "must be an http:// or https:// address without spaces, not {input!r}",
    "api_base_url": "must be an http:// or https:// address without spaces, not {input!r}",
    "webhook_url": "must be empty (long polling) or an http:// or https:// address without "
    "spaces, not {input!r}",
}
_TOO_SHORT = {
    "required": "name at least one group of [topic.terms]: with none, every article of every "
    "feed would be on the topic",
    "name": "must not be empty",
}


def _message(error: Any) -> str:
    message = str(error["msg"]).removeprefix("Value error, ")
    kind, loc, value = error["type"], error.get("loc", ()), error.get("input")
    last = str(loc[-1]) if loc else ""
    if kind == "extra_forbidden":
        return "unknown key (check its spelling)"
    if kind == "literal_error":
        return message.replace("Input should be", "must be")
    if kind == "missing":
        if len(loc) == 1:
            return f"the [{last}] table is missing (the shipped config.toml has one to copy)"
        return "is missing: add it"
    if kind == "string_pattern_mismatch":
        return _PATTERN.get(last, "has the wrong form: {input!r}").format(input=value)
    if kind in ("too_short", "string_too_short"):
        return _TOO_SHORT.get(last, "must not be empty")
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        return message.replace("Input should be", "must be") + f", not {value!r}"
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return message.replace("Input should be", "must be") + f", not {value!r}"
    return message
