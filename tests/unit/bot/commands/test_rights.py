"""Who may change a chat's settings: its user, a group's administrators, the group itself."""

from __future__ import annotations

from typing import Any

from telegram import Bot, ChatMemberAdministrator, ChatMemberMember, Update, User
from telegram.error import NetworkError

from bot.commands.rights import Rights

GROUP = -100777


class Members:
    """Stands in for the Bot: answers getChatMember from a table, counting the questions."""

    def __init__(self, admins: set[int], *, down: bool = False) -> None:
        self.admins = admins
        self.down = down
        self.asked = 0

    async def get_chat_member(self, chat_id: int, user_id: int) -> Any:
        self.asked += 1
        if self.down:
            raise NetworkError("Bad Gateway")
        user = User(user_id, "Test", is_bot=False)
        if user_id in self.admins:
            return ChatMemberAdministrator(
                user, can_be_edited=False, is_anonymous=False, can_manage_chat=True,
                can_delete_messages=True, can_manage_video_chats=True,
                can_restrict_members=True, can_promote_members=False, can_change_info=True,
                can_invite_users=True, can_post_stories=False, can_edit_stories=False,
                can_delete_stories=False,
            )  # fmt: skip
        return ChatMemberMember(user)


def message(chat_type: str, user_id: int | None, sender_chat: int | None = None) -> Update:
    data: dict[str, Any] = {
        "message_id": 1,
        "date": 0,
        "chat": {"id": GROUP if chat_type != "private" else 5, "type": chat_type},
        "text": "/unsubscribe",
    }
    if user_id is not None:
        data["from"] = {"id": user_id, "is_bot": False, "first_name": "T"}
    if sender_chat is not None:
        data["sender_chat"] = {"id": sender_chat, "type": "supergroup"}
    key = "channel_post" if chat_type == "channel" else "message"
    return Update.de_json({"update_id": 1, key: data}, None)


async def verdict(rights: Rights, update: Update, members: Members) -> str:
    bot: Bot = members  # type: ignore[assignment]  # only getChatMember is used
    return await rights.verdict(update, bot)


async def test_a_private_chat_and_a_channel_post_need_no_question() -> None:
    members = Members(set())
    assert await verdict(Rights(), message("private", 5), members) == "allowed"
    assert await verdict(Rights(), message("channel", None), members) == "allowed"
    assert members.asked == 0


async def test_in_a_group_an_admin_may_and_a_plain_member_may_not() -> None:
    rights, members = Rights(), Members({71})
    assert await verdict(rights, message("supergroup", 71), members) == "allowed"
    assert await verdict(rights, message("group", 72), members) == "refused"


async def test_an_anonymous_admin_speaks_as_the_group_and_another_chat_does_not() -> None:
    members = Members(set())
    anonymous = message("supergroup", 1087968824, sender_chat=GROUP)
    assert await verdict(Rights(), anonymous, members) == "allowed"
    channel = message("supergroup", 136817688, sender_chat=-100999)  # a linked channel
    assert await verdict(Rights(), channel, members) == "refused"
    assert members.asked == 0


async def test_an_answer_is_kept_for_a_minute() -> None:
    now = [0.0]
    rights, members = Rights(monotonic=lambda: now[0]), Members({71})
    for _ in range(3):
        await verdict(rights, message("supergroup", 71), members)
    assert members.asked == 1
    now[0] = 61.0
    await verdict(rights, message("supergroup", 71), members)
    assert members.asked == 2


async def test_when_telegram_does_not_say_the_change_is_refused_as_unknown() -> None:
    members = Members({71}, down=True)
    assert await verdict(Rights(), message("supergroup", 71), members) == "unknown"
