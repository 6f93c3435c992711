"""Who may change a chat's subscription, settings and filters.

In a private chat, its user. In a group or supergroup, only its administrators: a plain member's
/unsubscribe must not stop the alerts an admin subscribed the group to. An administrator is
asked of Telegram (getChatMember) and the answer kept for a minute. Telegram shows two more
senders as the group itself: an anonymous administrator (the message's ``sender_chat`` is the
group) and a channel post (the chat is a channel: only its admins can post there). A member
whose rights cannot be read (Telegram unreachable) is refused, and told to try again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Literal

from telegram import Bot, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError

from bot.i18n import tr

log = logging.getLogger(__name__)

KEPT_SECONDS = 60.0  # how long an answer of getChatMember is trusted
KEPT_MOST = 10_000  # answers kept at once
GROUPS = frozenset({ChatType.GROUP, ChatType.SUPERGROUP})
ADMINS = frozenset({ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR})

Verdict = Literal["allowed", "refused", "unknown"]


class Rights:
    """Decides whether the sender of an update may change its chat's settings."""

    def __init__(self, *, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.monotonic = monotonic
        self._known: dict[tuple[int, int], tuple[float, bool]] = {}  # (chat, user) -> (at, admin)

    async def verdict(self, update: Update, bot: Bot) -> Verdict:
        """``allowed``, ``refused`` (a plain member of a group) or ``unknown`` (Telegram did
        not say)."""
        chat = update.effective_chat
        if chat is None:
            return "refused"
        if chat.type not in GROUPS:
            return "allowed"  # a private chat is its user's; a channel's posts are its admins'
        message = update.effective_message if update.callback_query is None else None
        if message is not None and message.sender_chat is not None:
            return "allowed" if message.sender_chat.id == chat.id else "refused"  # anonymous admin
        user = update.effective_user
        if user is None:
            return "refused"
        key = (chat.id, user.id)
        now = self.monotonic()
        kept = self._known.get(key)
        if kept is not None and now - kept[0] < KEPT_SECONDS:
            return "allowed" if kept[1] else "refused"
        try:
            member = await bot.get_chat_member(chat.id, user.id)
        except TelegramError as e:
            log.warning("rights.unknown chat=%d user=%d error=%s", chat.id, user.id, e)
            return "unknown"
        admin = member.status in ADMINS
        if len(self._known) >= KEPT_MOST:
            self._known.clear()
        self._known[key] = (now, admin)
        return "allowed" if admin else "refused"

    async def refusal(self, update: Update, bot: Bot, language: str) -> str | None:
        """None if the sender may change the chat's settings; else the one line to answer."""
        verdict = await self.verdict(update, bot)
        if verdict == "allowed":
            return None
        chat = update.effective_chat
        log.info("rights.refused chat=%d verdict=%s", chat.id if chat else 0, verdict)
        return tr("rights.admins_only" if verdict == "refused" else "rights.unknown", language)
