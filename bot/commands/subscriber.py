"""The bot's commands: /start, /subscribe, /unsubscribe, /status, /history, /timeline, /latest,
/help.

/settings and /filters are in ``bot.commands.settings``, /why and /sources in
``bot.commands.why``; every reply is in the chat's chosen language (``bot.i18n.language``).
In a group, only its administrators subscribe or unsubscribe it (``bot.commands.rights``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.ext import Application, CommandHandler, ContextTypes

from bot.commands.menu import menus
from bot.commands.rights import Rights
from bot.i18n import LANGUAGES, tr
from bot.i18n.language import Languages
from bot.render import charts, keyboards
from bot.render import messages as format
from bot.render.replies import Reply
from bot.render.stories import latest
from storage.ledger import Ledger
from storage.ledger_types import FigureEntry
from storage.preferences import Preferences
from storage.store import Store
from storage.stories import Stories
from watchers.topic.text import words

log = logging.getLogger(__name__)

LATEST = 10  # stories /latest shows


class Commands:
    """Command callbacks bound to one store; each reply is in the user's language."""

    def __init__(
        self, store: Store, *, clock: Callable[[], datetime], rights: Rights | None = None
    ) -> None:
        self.store = store
        self.clock = clock
        self.rights = rights if rights is not None else Rights()
        self.ledger = Ledger(store.engine)
        self.stories = Stories(store.engine)
        self.languages = Languages(Preferences(store.engine))

    def install(self, app: Application) -> None:  # type: ignore[type-arg]  # PTB's generics
        app.add_handler(CommandHandler("start", self.start))
        app.add_handler(CommandHandler("help", self.help))
        app.add_handler(CommandHandler("subscribe", self.subscribe))
        app.add_handler(CommandHandler("unsubscribe", self.unsubscribe))
        app.add_handler(CommandHandler("status", self.status))
        app.add_handler(CommandHandler("history", self.history))
        app.add_handler(CommandHandler("timeline", self.timeline))
        app.add_handler(CommandHandler("latest", self.latest))

    async def start(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        """What the bot does, and the language choice (the client's, until one is chosen)."""
        language = await self.languages.of(update)
        await self._reply(update, format.text("start", language), keyboards.languages(language))

    async def help(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        """Every command with its arguments, in the reader's language."""
        language = await self.languages.of(update)
        await self._reply(update, format.text("help", language))

    async def subscribe(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat = update.effective_chat
        if chat is None:
            return
        language = await self.languages.of(update)
        if refusal := await self.rights.refusal(update, context.bot, language):
            await self._reply(update, refusal)
            return
        name = chat.title or chat.full_name or chat.username or ""
        message = update.effective_message
        topic = message.message_thread_id if message and message.is_topic_message else None
        added = await asyncio.to_thread(
            self.store.subscribe,
            chat.id,
            chat_type=chat.type,
            name=name,
            language=language,
            now=self.clock(),
            thread_id=topic,
        )
        if added:
            log.info("subscriber.added chat=%d", chat.id)
        await self._reply(
            update, format.text("subscribed" if added else "already_subscribed", language)
        )

    async def unsubscribe(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat = update.effective_chat
        if chat is None:
            return
        language = await self.languages.of(update)
        if refusal := await self.rights.refusal(update, context.bot, language):
            await self._reply(update, refusal)
            return
        removed = await asyncio.to_thread(self.store.deactivate, chat.id, "unsubscribed")
        if removed:
            log.info("subscriber.removed chat=%d", chat.id)
        reply: Reply = "unsubscribed" if removed else "not_subscribed"
        await self._reply(update, format.text(reply, language))

    async def status(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        overview = await asyncio.to_thread(self.store.overview)
        language, zone = await self.languages.reader(update)
        text = format.status(overview, language, self.clock())
        figures = await asyncio.to_thread(self.ledger.current)
        await self._reply(update, f"{text}\n\n{format.figures_status(figures, language, zone)}")

    async def history(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/history lists the figures; /history 12, /history quân số or /history Erbil shows
        one's timeline, as text and as a chart."""
        language, zone = await self.languages.reader(update)
        numbers = await asyncio.to_thread(self.ledger.numbers)
        query = " ".join(context.args or ()).strip()
        found = find_figures(numbers, query) if query else []
        if len(found) != 1:
            listed = sorted(found or numbers, key=numbers.__getitem__)
            numbered = [(numbers[k], k) for k in listed]
            unknown = query if query and not found else None
            await self._reply(update, format.figure_list(numbered, language, unknown=unknown))
            return
        key = found[0]
        entries = await asyncio.to_thread(self.ledger.history, key)
        await self._reply(update, format.figure_history(key, entries, language, zone))
        points = _points(entries, language)
        chart = await asyncio.to_thread(charts.figure_chart, key, points, language, zone)
        await self._photo(update, chart)

    async def timeline(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        """/timeline: the withdrawal timetable as a chart, each milestone's dates over time."""
        language, zone = await self.languages.reader(update)
        numbers = await asyncio.to_thread(self.ledger.numbers)
        wanted = [k for k in numbers if k.startswith(("deadline/", "reached/"))]
        timelines = await asyncio.to_thread(self.ledger.timelines, wanted)
        milestones = {
            key: _points(entries, language)
            for key, entries in sorted(timelines.items())
            if key.startswith("deadline/")
        }
        if not milestones:
            await self._reply(update, tr("timeline.none", language))
            return
        reached = {
            "deadline/" + key.removeprefix("reached/"): entries[0].published_at
            for key, entries in timelines.items()
            if key.startswith("reached/")
        }
        chart = await asyncio.to_thread(charts.timeline_chart, milestones, reached, language, zone)
        await self._photo(update, chart)

    async def latest(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        """/latest: the last stories with their outlet counts."""
        summaries = await asyncio.to_thread(self.stories.latest, LATEST)
        language = await self.languages.of(update)
        await self._reply(update, latest(summaries, language, self.clock()))

    async def _photo(self, update: Update, chart: charts.Chart) -> None:
        if update.effective_message is not None:
            await update.effective_message.reply_photo(chart.png, caption=chart.caption)

    async def _reply(
        self, update: Update, text: str, markup: InlineKeyboardMarkup | None = None
    ) -> None:
        if update.effective_message is not None:
            await update.effective_message.reply_text(
                text, parse_mode=ParseMode.HTML, reply_markup=markup
            )


async def set_commands(app: Application) -> None:  # type: ignore[type-arg]  # PTB's generics
    """Telegram's command menu (``bot.commands.menu``): in English by default, and in each
    other language for the clients in that language."""
    for code, commands in menus():
        if code:
            await app.bot.set_my_commands(commands, language_code=code)
        else:
            await app.bot.set_my_commands(commands)


def _points(entries: Sequence[FigureEntry], language: str) -> list[charts.Point]:
    return [
        charts.point(e.key, e.published_at, e.value, e.precision, e.level, e.kind, language)
        for e in entries
    ]


def find_figures(numbers: Mapping[str, int], query: str) -> list[str]:
    """The figures a /history argument names: its stable number (``Ledger.numbers``), or words.

    Words are matched without case or diacritics against the key, the figure's name in every
    language and its family's words in every language ("quân số", "troops", "hạn chót",
    "deadline", "Erbil", "rời Erbil"). Past counts are found by their number only.
    """
    if query.isdigit():
        return [key for key, number in numbers.items() if number == int(query)]
    wanted = words(query)
    found = []
    for key in numbers:
        if key.endswith("/past"):
            continue
        family = "search.troops" if key.startswith("troops/") else "search.deadline"
        names = set(words(key))
        for language in LANGUAGES:
            names.update(words(f"{format.figure_label(key, language)} {tr(family, language)}"))
        if wanted and all(w in names for w in wanted):
            found.append(key)
    counts = [k for k in found if k.startswith("troops/") and k.count("/") == 2]
    return counts if len(found) > 1 and len(counts) == 1 else found  # "troops": the count now
