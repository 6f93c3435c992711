"""Commands for the operators listed in ``[telegram] admins``: /stats, /feeds, /broadcast,
/split. Everyone else is refused.

/feeds adds a feed only after fetching it once (``watchers.feeds.probe``); feeds added, removed or
paused here are kept in the feed table (``storage.sources``) and survive restarts.
/broadcast stores an alert of kind "broadcast" in the routine lane for every active
subscriber: the outbox sends it like any alert, at Telegram's limits.
/split takes an article out of the story it joined (``storage.splits``): a development the
matching merged into an older story gets its own alert, and the story it left no longer
counts it. The same is a button under an update sent to an administrator.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
from collections.abc import Awaitable, Callable, Collection
from datetime import datetime

from telegram import BotCommandScopeChat, Message, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

from bot.commands.answered import AnsweredFailure, answered
from bot.commands.links import given_link, stored_forms
from bot.commands.menu import menus, usage
from bot.i18n import ntr, tr
from bot.i18n.language import Languages
from bot.render import feeds as feeds_format
from bot.render import keyboards
from bot.render.formats import every, number
from bot.render.markup import escape, split_message
from storage.deliveries import ROUTINE_PRIORITY
from storage.preferences import Preferences
from storage.sources import Source, Sources
from storage.splits import Split, Splits
from storage.store import Store
from storage.types import AlertIntent, FeedStatus
from watchers.pipeline import FeedReport

log = logging.getLogger(__name__)

CheckFeed = Callable[[str, str], Awaitable[FeedReport]]  # (name, url) -> one fetch's report
LANES = {
    0: "stats.lane.figures",
    1: "stats.lane.stories",
    2: "stats.lane.routine",
}


def stats_text(
    feeds: list[FeedStatus],
    lanes: dict[int, int],
    statuses: dict[str, int],
    failures: list[tuple[int, int, str]],
    language: str,
) -> str:
    """Feeds and their errors, the outbox's depth per lane, deliveries, the latest failures."""
    failing = [f for f in feeds if f.error_count]
    lines = [
        tr("stats.title", language),
        tr("stats.feeds", language, count=len(feeds), failing=len(failing)),
    ]
    for feed in failing[:10]:
        error = html.escape((feed.last_error or "")[:100])
        lines.append(f"  🔴 {html.escape(feed.name)} ×{feed.error_count}: {error}")
    lines.append(tr("stats.queue", language))
    for lane, key in LANES.items():
        lines.append(f"  {tr(key, language)}: {number(lanes.get(lane, 0), language)}")
    sent = number(statuses.get("sent", 0), language)
    failed = number(statuses.get("failed", 0), language)
    lines.append(tr("stats.deliveries", language, sent=sent, failed=failed))
    for alert_id, chat_id, reason in failures[:5]:
        failure = tr(
            "stats.failure",
            language,
            alert=alert_id,
            chat=chat_id,
            reason=html.escape(reason[:120]),
        )
        lines.append(f"  {failure}")
    return "\n".join(lines)


class AdminCommands:
    """/stats, /feeds, /broadcast and /split, for admin chats only."""

    def __init__(
        self,
        store: Store,
        admins: Collection[int],
        *,
        clock: Callable[[], datetime],
        check_feed: CheckFeed | None = None,
        interval_s: int = 300,
        edit_interval: float = 60.0,
        on_alert: Callable[[], None] = lambda: None,
    ) -> None:
        self.store = store
        self.admins = frozenset(admins)
        self.clock = clock
        self.check_feed = check_feed
        self.interval_s = interval_s
        self.edit_interval = edit_interval
        self.on_alert = on_alert
        self.sources = Sources(store.engine)
        self.splits = Splits(store.engine)
        self.languages = Languages(Preferences(store.engine))

    def install(self, app: Application) -> None:  # type: ignore[type-arg]  # PTB's generics
        app.add_handler(CommandHandler("stats", self.stats))
        app.add_handler(CommandHandler("feeds", self.feeds))
        app.add_handler(CommandHandler("broadcast", self.broadcast))
        app.add_handler(CommandHandler("split", self.split))
        app.add_handler(CallbackQueryHandler(self.on_split, pattern=r"^c:"))

    def allowed(self, update: Update) -> bool:
        user = update.effective_user
        chat = update.effective_chat
        return bool((user and user.id in self.admins) or (chat and chat.id in self.admins))

    async def stats(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        language = await self._admitted(update, "stats")
        message = update.effective_message
        if language is None or message is None:
            return
        feeds, lanes, statuses, failures = await asyncio.gather(
            asyncio.to_thread(self.store.feed_statuses),
            asyncio.to_thread(self.store.queue_depth),
            asyncio.to_thread(self.store.delivery_counts),
            asyncio.to_thread(self.store.failed_deliveries),
        )
        text = stats_text(feeds, lanes, statuses, failures, language)
        for part in split_message(text):
            await message.reply_text(part, parse_mode=ParseMode.HTML)

    async def feeds(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/feeds: list; add <url> [vi|en] [name]; pause, resume or remove <number|url>."""
        language = await self._admitted(update, "feeds")
        message = update.effective_message
        if language is None or message is None:
            return
        command = feeds_format.parse(context.args or ())
        if command.action == "add":
            reply = await self._add_feed(command, language)
        else:
            listing = await asyncio.to_thread(self.sources.listing)
            if command.action == "list":
                reply = feeds_format.listing_text(listing, language)
            elif command.action == "usage":
                reply = tr("feeds.usage", language)
            else:
                reply = await self._change_feed(command, listing, language)
        for part in split_message(reply):
            await message.reply_text(part, parse_mode=ParseMode.HTML)

    async def _add_feed(self, command: feeds_format.FeedsCommand, language: str) -> str:
        assert self.check_feed is not None, "the service gives /feeds a way to fetch a feed"
        report = await self.check_feed(command.name, command.target)
        if report.status == "error":
            log.info("feed.refused url=%s error=%s", command.target, report.error)
            return tr("feeds.refused", language, error=escape(report.error or "—"))
        outcome = await asyncio.to_thread(
            self.sources.add,
            command.target,
            command.name,
            command.lang,
            self.interval_s,
            self.clock(),
        )
        log.info("feed.%s url=%s origin=runtime", outcome, command.target)
        return feeds_format.outcome(
            outcome,
            language,
            items=report.items,
            name=command.name,
            lang=command.lang,
            matched=report.matched,
            every=every(self.interval_s, language),
        )

    async def _change_feed(
        self, command: feeds_format.FeedsCommand, listing: list[Source], language: str
    ) -> str:
        source = feeds_format.find(listing, command.target)
        if source is None:
            return feeds_format.outcome("unknown", language, target=command.target)
        if command.action == "remove":
            outcome = await asyncio.to_thread(self.sources.remove, source.id)
        else:
            paused = command.action == "pause"
            await asyncio.to_thread(self.sources.pause, source.id, paused, self.clock())
            outcome = "paused" if paused else "resumed"
        log.info("feed.%s url=%s", outcome, source.url)
        return feeds_format.outcome(outcome, language, name=source.name, target=command.target)

    async def broadcast(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        """/broadcast <text>: an announcement to every active subscriber, through the outbox."""
        language = await self._admitted(update, "broadcast")
        message = update.effective_message
        if language is None or message is None:
            return
        announcement = (message.text or "").partition(" ")[2].strip()
        if not announcement:
            await message.reply_text(tr("broadcast.usage", language), parse_mode=ParseMode.HTML)
            return
        intent = AlertIntent(
            kind="broadcast",
            priority=ROUTINE_PRIORITY,
            article_id=None,
            title=announcement,
            outlet="",
            url=None,
            published_at=None,
            matched=(),
        )
        # counted first: once it is queued, nothing may fail before the answer but Telegram
        count = (await asyncio.to_thread(self.store.overview)).subscribers
        alert_id = await asyncio.to_thread(self.store.enqueue_alert, intent, self.clock())
        self.on_alert()
        log.info("broadcast.enqueued alert=%d subscribers=%d", alert_id, count)
        reply = ntr("broadcast.queued", count, language, count=number(count, language))
        await message.reply_text(reply, parse_mode=ParseMode.HTML)

    async def split(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/split <link>: the article under that link leaves the story it joined."""
        language = await self._admitted(update, "split")
        message, chat = update.effective_message, update.effective_chat
        if language is None or message is None or chat is None:
            return
        link = given_link(context.args or [])
        if not link:
            await message.reply_text(usage("split", language), parse_mode=ParseMode.HTML)
            return
        done = await asyncio.to_thread(
            self.splits.split,
            stored_forms(link),
            chat.id,
            self.clock(),
            interval_s=self.edit_interval,
        )
        await self._split_done(done, message, split_text(done, language), f"link={link}")

    @answered
    async def on_split(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        """c:<alert id>, "its own story" on an update an administrator received: /split of
        the alert's article; the answer is a message under it, and the button goes."""
        query, chat = update.callback_query, update.effective_chat
        assert query is not None
        language = await self._admitted(update, "split")
        if language is None:
            return
        alert = keyboards.number(keyboards.parse(query.data)[1])
        message = query.message
        if alert is None or chat is None or not isinstance(message, Message):
            await query.answer(tr("settings.stale", language), show_alert=True)
            return
        await query.answer()  # at once: the split may wait for a batch to leave the story lock
        try:
            done = await asyncio.to_thread(
                self.splits.split_alert, alert, chat.id, self.clock(), interval_s=self.edit_interval
            )
        except Exception as e:  # the press was answered: say so under the update
            await message.reply_text(tr("split.failed", language))
            raise AnsweredFailure from e  # logged by @answered, which answers no more
        text = split_text(done, language, unknown="split.no_article")
        await self._split_done(done, message, text, f"alert={alert}")
        if message.reply_markup is not None:  # an update's one button: it goes
            with contextlib.suppress(TelegramError):  # the answer above is what matters
                await query.edit_message_reply_markup(None)

    async def _split_done(self, done: Split, message: Message, text: str, asked: str) -> None:
        """Wake the outbox for the split story's alert, log, and answer under ``message``."""
        if done.outcome == "split":
            self.on_alert()
        log.info("story.split outcome=%s %s story=%s from=%s",
                 done.outcome, asked, done.story_id, done.from_story)  # fmt: skip
        await message.reply_text(text, parse_mode=ParseMode.HTML)

    async def _admitted(self, update: Update, command: str) -> str | None:
        """The language to answer an admin in, or None after refusing anyone else (a button
        press is answered, a command replied to)."""
        language = await self.languages.of(update)
        if self.allowed(update):
            return language
        user = update.effective_user
        log.warning("admin.refused command=%s user=%s", command, user.id if user else "-")
        if update.callback_query is not None:
            await update.callback_query.answer(refusal(language), show_alert=True)
        elif update.effective_message is not None:
            await update.effective_message.reply_text(refusal(language))
        return None


SPLIT_REFUSED = {
    "already": "split.already",
    "first": "split.first",
    "announced": "split.announced",
    "copy": "split.copy",
    "off_topic": "split.off_topic",
}


def split_text(done: Split, language: str, *, unknown: str = "split.unknown") -> str:
    """The answer to /split (HTML); ``unknown``: the text's key when no article was found
    (a link, or an alert about none)."""
    if done.outcome == "unknown":
        return tr(unknown, language)
    title, outlet = escape(done.title), escape(done.outlet)
    if done.outcome != "split":
        return tr(SPLIT_REFUSED[done.outcome], language, title=title, outlet=outlet)
    count = number(done.subscribers, language)
    story = escape(done.left_title)
    return ntr(
        "split.done", done.subscribers, language, title=title, outlet=outlet, count=count,
        story=story,
    )  # fmt: skip


def refusal(language: str) -> str:
    return tr("admin.refused", language)


async def set_admin_commands(
    app: Application,  # type: ignore[type-arg]  # PTB's generics
    admins: Collection[int],
) -> None:
    """The admins' own command menu (``bot.commands.menu``): everyone's commands and theirs,
    in every language. An admin the bot has never talked to is skipped (Telegram knows no
    such chat yet)."""
    for admin in admins:
        scope = BotCommandScopeChat(admin)
        try:
            for code, commands in menus(admin=True):
                await app.bot.set_my_commands(commands, scope=scope, language_code=code)
        except TelegramError as e:
            log.info("admin.menu_skipped chat=%d error=%s", admin, e)
