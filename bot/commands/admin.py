"""Commands for the operators listed in ``[telegram] admins``: /stats, /feeds, /broadcast.
Everyone else is refused.

/feeds adds a feed only after fetching it once (``watchers.feeds.probe``); feeds added, removed or
paused here are kept in the feed table (``storage.sources``) and survive restarts.
/broadcast stores an alert of kind "broadcast" in the routine lane for every active
subscriber: the outbox sends it like any alert, at Telegram's limits.
"""

from __future__ import annotations

import asyncio
import html
import logging
from collections.abc import Awaitable, Callable, Collection
from datetime import datetime

from telegram import BotCommand, BotCommandScopeChat, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import Application, CommandHandler, ContextTypes

from bot.commands.subscriber import COMMANDS
from bot.i18n.language import Languages
from bot.render import feeds as feeds_format
from bot.render import messages as format
from storage.deliveries import ROUTINE_PRIORITY
from storage.preferences import Preferences
from storage.sources import Source, Sources
from storage.store import Store
from storage.types import AlertIntent, FeedStatus
from watchers.pipeline import FeedReport

log = logging.getLogger(__name__)

CheckFeed = Callable[[str, str], Awaitable[FeedReport]]  # (name, url) -> one fetch's report
ADMIN_COMMANDS = {
    "en": [
        BotCommand("stats", "Feeds, errors, queue, delivery failures"),
        BotCommand("feeds", "Add, remove or pause a feed"),
        BotCommand("broadcast", "Send an announcement to every subscriber"),
    ],
    "vi": [
        BotCommand("stats", "Nguồn, lỗi, hàng đợi, gửi thất bại"),
        BotCommand("feeds", "Thêm, bỏ hoặc tạm dừng một nguồn"),
        BotCommand("broadcast", "Gửi thông báo đến mọi người đăng ký"),
    ],
}
LANES = {
    0: ("figure changes", "thay đổi số liệu"),
    1: ("stories", "tin mới"),
    2: ("edits, digests", "sửa tin, tin tổng hợp"),
}


def stats_text(
    feeds: list[FeedStatus],
    lanes: dict[int, int],
    statuses: dict[str, int],
    failures: list[tuple[int, int, str]],
    language: str,
) -> str:
    """Feeds and their errors, the outbox's depth per lane, deliveries, the latest failures."""
    vi = language == "vi"
    failing = [f for f in feeds if f.error_count]
    lines = [
        "📊 <b>Thống kê</b>" if vi else "📊 <b>Stats</b>",
        (f"Nguồn: {len(feeds)}, đang lỗi: {len(failing)}" if vi
         else f"Feeds: {len(feeds)}, failing: {len(failing)}"),
    ]  # fmt: skip
    for feed in failing[:10]:
        error = html.escape((feed.last_error or "")[:100])
        lines.append(f"  🔴 {html.escape(feed.name)} ×{feed.error_count}: {error}")
    lines.append("Hàng đợi:" if vi else "Queue:")
    for lane, (en, vn) in LANES.items():
        lines.append(f"  {vn if vi else en}: {format.number(lanes.get(lane, 0), language)}")
    sent = format.number(statuses.get("sent", 0), language)
    failed = format.number(statuses.get("failed", 0), language)
    lines.append(f"Đã gửi: {sent}, thất bại: {failed}" if vi else f"Sent: {sent}, failed: {failed}")
    for alert_id, chat_id, reason in failures[:5]:
        lines.append(f"  ✖ alert {alert_id} → {chat_id}: {html.escape(reason[:120])}")
    return "\n".join(lines)


class AdminCommands:
    """/stats, /feeds and /broadcast, for admin chats only."""

    def __init__(
        self,
        store: Store,
        admins: Collection[int],
        *,
        clock: Callable[[], datetime],
        check_feed: CheckFeed | None = None,
        interval_s: int = 300,
        on_alert: Callable[[], None] = lambda: None,
    ) -> None:
        self.store = store
        self.admins = frozenset(admins)
        self.clock = clock
        self.check_feed = check_feed
        self.interval_s = interval_s
        self.on_alert = on_alert
        self.sources = Sources(store.engine)
        self.languages = Languages(Preferences(store.engine))

    def install(self, app: Application) -> None:  # type: ignore[type-arg]  # PTB's generics
        app.add_handler(CommandHandler("stats", self.stats))
        app.add_handler(CommandHandler("feeds", self.feeds))
        app.add_handler(CommandHandler("broadcast", self.broadcast))

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
        for part in format.split_message(text):
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
                reply = feeds_format.text("usage", language)
            else:
                reply = await self._change_feed(command, listing, language)
        for part in format.split_message(reply):
            await message.reply_text(part, parse_mode=ParseMode.HTML)

    async def _add_feed(self, command: feeds_format.FeedsCommand, language: str) -> str:
        assert self.check_feed is not None, "the service gives /feeds a way to fetch a feed"
        report = await self.check_feed(command.name, command.target)
        if report.status == "error":
            log.info("feed.refused url=%s error=%s", command.target, report.error)
            return feeds_format.text("refused", language, error=report.error or "—")
        outcome = await asyncio.to_thread(
            self.sources.add,
            command.target,
            command.name,
            command.lang,
            self.interval_s,
            self.clock(),
        )
        log.info("feed.%s url=%s origin=runtime", outcome, command.target)
        return feeds_format.text(
            outcome,
            language,
            name=command.name,
            lang=command.lang,
            items=report.items,
            matched=report.matched,
            every=feeds_format.every(self.interval_s, language),
        )

    async def _change_feed(
        self, command: feeds_format.FeedsCommand, listing: list[Source], language: str
    ) -> str:
        source = feeds_format.find(listing, command.target)
        if source is None:
            return feeds_format.text("unknown", language, target=command.target)
        if command.action == "remove":
            outcome = await asyncio.to_thread(self.sources.remove, source.id)
        else:
            paused = command.action == "pause"
            await asyncio.to_thread(self.sources.pause, source.id, paused, self.clock())
            outcome = "paused" if paused else "resumed"
        log.info("feed.%s url=%s", outcome, source.url)
        return feeds_format.text(outcome, language, name=source.name, target=command.target)

    async def broadcast(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        """/broadcast <text>: an announcement to every active subscriber, through the outbox."""
        language = await self._admitted(update, "broadcast")
        message = update.effective_message
        if language is None or message is None:
            return
        announcement = (message.text or "").partition(" ")[2].strip()
        if not announcement:
            await message.reply_text(
                feeds_format.text("broadcast_usage", language), parse_mode=ParseMode.HTML
            )
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
        alert_id = await asyncio.to_thread(self.store.enqueue_alert, intent, self.clock())
        self.on_alert()
        count = (await asyncio.to_thread(self.store.overview)).subscribers
        log.info("broadcast.enqueued alert=%d subscribers=%d", alert_id, count)
        reply = feeds_format.text("broadcast", language, count=format.number(count, language))
        await message.reply_text(reply, parse_mode=ParseMode.HTML)

    async def _admitted(self, update: Update, command: str) -> str | None:
        """The language to answer an admin in, or None after refusing anyone else."""
        language = await self.languages.of(update)
        if self.allowed(update):
            return language
        user = update.effective_user
        log.warning("admin.refused command=%s user=%s", command, user.id if user else "-")
        if update.effective_message is not None:
            await update.effective_message.reply_text(refusal(language))
        return None


def refusal(language: str) -> str:
    return (
        "Lệnh này chỉ dành cho quản trị viên."
        if language == "vi"
        else "This command is for administrators only."
    )


async def set_admin_commands(
    app: Application,  # type: ignore[type-arg]  # PTB's generics
    admins: Collection[int],
) -> None:
    """The admins' own command menu: everyone's commands and theirs, in both languages. An
    admin the bot has never talked to is skipped (Telegram knows no such chat yet)."""
    for admin in admins:
        scope = BotCommandScopeChat(admin)
        try:
            for language, commands in COMMANDS.items():
                code = "" if language == "en" else language
                await app.bot.set_my_commands(
                    [*commands, *ADMIN_COMMANDS[language]], scope=scope, language_code=code
                )
        except TelegramError as e:
            log.info("admin.menu_skipped chat=%d error=%s", admin, e)
