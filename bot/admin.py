"""Commands for the operators listed in ``[telegram] admins``: /stats. Everyone else is refused."""

from __future__ import annotations

import asyncio
import html
import logging
from collections.abc import Callable, Collection
from datetime import datetime

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, CommandHandler, ContextTypes

from bot import format
from storage.store import Store
from storage.types import FeedStatus

log = logging.getLogger(__name__)

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
        lines.append(f"  {vn if vi else en}: {lanes.get(lane, 0):,}")
    sent, failed = statuses.get("sent", 0), statuses.get("failed", 0)
    lines.append(
        f"Đã gửi: {sent:,}, thất bại: {failed:,}" if vi else f"Sent: {sent:,}, failed: {failed:,}"
    )
    for alert_id, chat_id, reason in failures[:5]:
        lines.append(f"  ✖ alert {alert_id} → {chat_id}: {html.escape(reason[:120])}")
    return "\n".join(lines)


class AdminCommands:
    """/stats, for admin chats only."""

    def __init__(
        self, store: Store, admins: Collection[int], *, clock: Callable[[], datetime]
    ) -> None:
        self.store = store
        self.admins = frozenset(admins)
        self.clock = clock

    def install(self, app: Application) -> None:  # type: ignore[type-arg]  # PTB's generics
        app.add_handler(CommandHandler("stats", self.stats))

    def allowed(self, update: Update) -> bool:
        user = update.effective_user
        chat = update.effective_chat
        return bool((user and user.id in self.admins) or (chat and chat.id in self.admins))

    async def stats(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        user = update.effective_user
        language = format.language_of(user.language_code if user else None)
        message = update.effective_message
        if message is None:
            return
        if not self.allowed(update):
            log.warning("admin.refused command=stats user=%s", user.id if user else "-")
            refused = (
                "Lệnh này chỉ dành cho quản trị viên."
                if language == "vi"
                else "This command is for administrators only."
            )
            await message.reply_text(refused)
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
