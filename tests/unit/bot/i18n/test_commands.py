"""The command table feeds /help and Telegram's command menus, in every language."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any, cast

import sqlalchemy as sa
from telegram import BotCommand, BotCommandScopeChat
from telegram.ext import BaseHandler, CommandHandler

from bot.commands.admin import AdminCommands, set_admin_commands
from bot.commands.menu import COMMANDS, help_lines, menu
from bot.commands.settings import SettingsCommands
from bot.commands.subscriber import Commands, set_commands
from bot.commands.why import ReadingCommands
from bot.i18n import LANGUAGES, tr
from bot.render import replies

EVERYONE = [c.name for c in COMMANDS if c.audience == "everyone"]
ADMIN = [c.name for c in COMMANDS if c.audience == "admin"]


class MenuBot:
    """Records setMyCommands: (language code, scope, [(command, description)])."""

    def __init__(self) -> None:
        self.menus: list[tuple[str | None, object, list[tuple[str, str]]]] = []

    async def set_my_commands(
        self,
        commands: list[BotCommand],
        scope: object = None,
        language_code: str | None = None,
    ) -> bool:
        self.menus.append((language_code, scope, [(c.command, c.description) for c in commands]))
        return True


def app(bot: MenuBot) -> Any:
    return cast(Any, SimpleNamespace(bot=bot))


def test_help_lists_everyones_commands_from_the_table_in_each_language() -> None:
    assert EVERYONE[0] == "subscribe"
    assert ADMIN == ["stats", "feeds", "broadcast", "split"]
    for language in LANGUAGES:
        about, blank, *listed = replies.start(language).split("\n")
        assert about == tr("start.about", language)
        assert blank == ""
        assert listed == help_lines(language)
        assert replies.text("help", language) == "\n".join(listed)
        names = [line.split(" — ")[0].split(" ")[0] for line in listed[:-1]]
        assert names == [f"/{name}" for name in EVERYONE]
    assert help_lines("en")[0] == "/subscribe — get an alert for every new story"
    assert help_lines("en")[3] == (
        "/filters [add|exclude &lt;words&gt; · remove &lt;number&gt; · clear] — "
        + tr("command.filters", "en")
    )
    assert help_lines("vi")[-2] == "/help — bot làm gì"
    assert help_lines("vi")[-1] == "Phần trong [ngoặc]: không bắt buộc."
    assert replies.text("start", "vi") == replies.start("vi")


async def test_the_menus_are_the_same_commands_described_in_each_language() -> None:
    bot = MenuBot()
    await set_commands(app(bot))
    assert [(code, scope) for code, scope, _ in bot.menus] == [(None, None), ("vi", None)]
    english, vietnamese = (dict(commands) for _, _, commands in bot.menus)
    assert list(english) == list(vietnamese) == EVERYONE
    assert english["subscribe"] == "Get an alert for every new story"
    assert vietnamese["settings"] == "Nhận gì, khi nào, ngôn ngữ"
    assert vietnamese["status"] == "Các nguồn đang theo dõi và lần kiểm tra gần nhất"
    for line, description in zip(help_lines("vi")[:-1], vietnamese.values(), strict=True):
        assert line.endswith(" — " + description[0].lower() + description[1:])


async def test_an_admins_menu_adds_their_commands_in_each_language() -> None:
    bot = MenuBot()
    await set_admin_commands(app(bot), [7])
    assert [code for code, _, _ in bot.menus] == ["", "vi"]
    for code, scope, commands in bot.menus:
        assert scope == BotCommandScopeChat(7)
        assert [name for name, _ in commands] == [*EVERYONE, *ADMIN]
        language = code or "en"
        assert commands == [(c.command, c.description) for c in menu(language, admin=True)]
    assert dict(bot.menus[1][2])["broadcast"] == "Gửi thông báo đến mọi người đăng ký"
    assert dict(bot.menus[0][2])["stats"] == "Feeds, errors, queue, delivery failures"


def clock() -> datetime:
    return datetime.now(UTC)


def test_the_table_lists_every_command_the_bot_answers_but_start() -> None:
    store = cast(Any, SimpleNamespace(engine=sa.create_engine("sqlite://")))
    handlers: list[BaseHandler[Any, Any, Any]] = []
    app = cast(Any, SimpleNamespace(add_handler=handlers.append))
    Commands(store, clock=clock).install(app)
    SettingsCommands(store, clock=clock).install(app)
    ReadingCommands(store, clock=clock).install(app)
    AdminCommands(store, [7], clock=clock).install(app)
    answered = {c for h in handlers if isinstance(h, CommandHandler) for c in h.commands}
    assert answered == {c.name for c in COMMANDS} | {"start"}
