"""The one error tree of Drawdown Watch.

    DrawdownError
    ├── ConfigError(path, key, message)   a config.toml mistake; the service does not start
    ├── FeedError(url, reason)            one feed failed; the others go on
    │   ├── FetchError                    network, HTTP status, size cap, timeout
    │   └── ParseError                    not a feed, no entries
    └── StorageError                      the database refused or is missing

``str(error)`` is written for the person reading the log: it names what failed and why,
and never contains the bot token.
"""

from __future__ import annotations


class DrawdownError(Exception):
    """Base of every error the service raises on purpose."""


class ConfigError(DrawdownError):
    """Mistakes in the configuration file: which file, which key, what is allowed.

    ``str(error)`` is one line per mistake: ``config.toml: feeds[2].interval: ...``; a
    mistake of the whole file (key ``-``: not found, not TOML) is ``config.toml: ...``.
    """

    def __init__(self, path: str, key: str, message: str) -> None:
        self.path = path
        self.key = key
        self.message = message
        self.problems: tuple[tuple[str, str], ...] = ((key, message),)
        super().__init__(_line(path, key, message))

    @classmethod
    def many(cls, path: str, problems: list[tuple[str, str]]) -> ConfigError:
        """One error carrying every mistake found, the first one as its key and message."""
        error = cls(path, *problems[0])
        error.problems = tuple(problems)
        error.args = ("\n".join(_line(path, key, message) for key, message in problems),)
        return error


def _line(path: str, key: str, message: str) -> str:
    return f"{path}: {message}" if key == "-" else f"{path}: {key}: {message}"


class FeedError(DrawdownError):
    """One feed could not be read; the other feeds are not affected."""

    verb = "read"

    def __init__(
        self, url: str, reason: str, *, status: int | None = None, retry_after: float | None = None
    ) -> None:
        self.url = url
        self.reason = reason
        self.status = status
        self.retry_after = retry_after
        super().__init__(f"cannot {self.verb} {url!r}: {reason}")

    def __reduce__(self) -> tuple[object, ...]:
        # Rebuilt from its fields when it crosses a process boundary (the parse worker).
        state = {"status": self.status, "retry_after": self.retry_after}
        return (type(self), (self.url, self.reason), state)


class FetchError(FeedError):
    """The feed could not be downloaded (network, HTTP status, size cap, timeout).

    ``status`` is the HTTP status when there was one; ``retry_after`` the seconds the
    server asked us to wait (429/503 ``Retry-After``).
    """

    verb = "fetch"


class ParseError(FeedError):
    """The body was downloaded but is not a usable feed."""

    verb = "parse"


class StorageError(DrawdownError):
    """The database is missing, locked or refused a statement."""
