"""The bot's commands, listed once: /help and Telegram's command menus (setMyCommands, per
language, and the administrators' own) are all built from :data:`COMMANDS`.

Each command's description is a catalog key whose text is a phrase in lower case ("get an
alert for every new story"): /help shows it after the command, a menu with its first letter
capitalized, as Telegram's clients show menu entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from telegram import BotCommand

from bot.i18n import DEFAULT, LANGUAGES, tr
from bot.render.markup import capitalized

Audience = Literal["everyone", "admin"]


@dataclass(frozen=True, slots=True)
class Command:
    name: str  # without the slash
    description: str  # a catalog key
    audience: Audience = "everyone"
    syntax: str = ""  # a catalog key: its arguments, for /help and the answer to a mistake


COMMANDS = (
    Command("subscribe", "command.subscribe"),
    Command("unsubscribe", "command.unsubscribe"),
    Command("settings", "command.settings"),
    Command("filters", "command.filters", syntax="syntax.filters"),
    Command("status", "command.status"),
    Command("sources", "command.sources"),
    Command("why", "command.why", syntax="syntax.why"),
    Command("history", "command.history", syntax="syntax.history"),
    Command("timeline", "command.timeline"),
    Command("latest", "command.latest"),
    Command("help", "command.help"),
    Command("stats", "command.stats", "admin"),
    Command("feeds", "command.feeds", "admin"),
    Command("broadcast", "command.broadcast", "admin"),
    Command("split", "command.split", "admin", syntax="syntax.split"),
)


def listed(*, admin: bool = False) -> list[Command]:
    """Everyone's commands, then (for an administrator) theirs, in the table's order."""
    return [c for c in COMMANDS if c.audience == "everyone" or admin]


def help_lines(language: str) -> list[str]:
    """ "/subscribe — get an alert for every new story", one line per everyone's command, its
    arguments after it ("/why &lt;link&gt; — …"); HTML."""
    return [
        f"/{c.name}{' ' + tr(c.syntax, language) if c.syntax else ''} — "
        f"{tr(c.description, language)}"
        for c in listed()
    ] + [tr("help.syntax", language)]


def usage(name: str, language: str) -> str:
    """The answer to a command used wrongly: how it is used (HTML)."""
    command = next(c for c in COMMANDS if c.name == name)
    return tr("usage.wrong", language, command=name, syntax=tr(command.syntax, language))


def menu(language: str, *, admin: bool = False) -> list[BotCommand]:
    """Telegram's command menu in ``language``: everyone's commands, and an admin's too."""
    return [
        BotCommand(c.name, capitalized(tr(c.description, language))) for c in listed(admin=admin)
    ]


def menus(*, admin: bool = False) -> list[tuple[str, list[BotCommand]]]:
    """(language code, menu) for setMyCommands: the default language's first, with the code
    "" (Telegram shows it to clients in every language without a menu of its own)."""
    others = [language for language in LANGUAGES if language != DEFAULT]
    return [("", menu(DEFAULT, admin=admin))] + [(code, menu(code, admin=admin)) for code in others]
