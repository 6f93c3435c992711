"""A subscriber's rules at send time: send, hold for the digest, or skip with a reason. Pure.

The outbox asks :func:`decide` about each due delivery, with the chat's :class:`ChatRules`
(what to receive, its own filters, its mutes) and the article the alert is about:

- **broadcasts and digests** are always sent (a digest's stories were judged one by one);
- **mutes**: nothing more about a muted story, from its article or any other of the story
  (story, update or figure alert);
- **what to receive**: "figures" keeps every story back, "chosen" also every figure outside
  the chosen ones (a chosen key ending in "/" is a family: "troops/" is every troop count);
- **outlets**: a story from an outlet the chat turned off, or in a language of outlets it
  turned off, is kept back;
- **filters** choose among stories: a story containing an exclude phrase is kept back, and
  so is one containing none of the include phrases when the chat has any;
- a story for a digest subscriber is held for the next digest.

Phrases match whole words in order, without case or diacritics ("rut quan" finds "Rút
quân"), in the title or in the summary, never across the two. Subscribers never supply a
regular expression: matching is a linear scan of folded words.

The reason of a skip is stored with the delivery (status "filtered") for /why:
``muted``, ``receive=figures``, ``receive=chosen``, ``outlet``, ``exclude=<phrase>``,
``include``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa

from storage.preference_types import AlertArticle, ChatRules, Filter
from storage.preferences import Preferences
from storage.types import DueDelivery
from watchers.topic.text import words

Action = Literal["send", "hold", "skip"]
ALWAYS = frozenset({"broadcast", "digest"})
DEFAULT = ChatRules()


@dataclass(frozen=True, slots=True)
class Verdict:
    action: Action
    reason: str = ""


SEND = Verdict("send")
HOLD = Verdict("hold")


def send_verdict(delivery: DueDelivery, rules: ChatRules, article: AlertArticle | None) -> Verdict:
    """What to do with one due delivery for its chat. Does no I/O."""
    alert = delivery.alert
    if alert.kind in ALWAYS:
        return SEND
    if article is not None and (
        article.article_id in rules.muted or article.story_id in rules.muted_stories
    ):
        return Verdict("skip", "muted")
    if alert.figure is not None:
        if rules.receive == "chosen" and not chosen(alert.figure.key, rules.chosen):
            return Verdict("skip", "receive=chosen")
        return SEND
    if alert.kind in ("story", "update"):
        if rules.receive != "all":
            return Verdict("skip", f"receive={rules.receive}")
        if article is not None and (
            article.feed_id in rules.outlets_off or article.lang in rules.languages_off
        ):
            return Verdict("skip", "outlet")
        title, summary = (article.title, article.summary) if article else (alert.title, "")
        if (reason := filtered(rules.filters, title, summary)) is not None:
            return Verdict("skip", reason)
        if delivery.mode == "digest":
            return HOLD
    return SEND


def chosen(key: str, keys: Sequence[str]) -> bool:
    """Whether a figure is among the chosen ones (a key ending in "/" is a whole family)."""
    return any(key == k or (k.endswith("/") and key.startswith(k)) for k in keys)


def filtered(chat_filters: Sequence[Filter], title: str, summary: str) -> str | None:
    """Why the chat's filters keep a story back, or None if they let it through."""
    if not chat_filters:
        return None
    texts = (words(title), words(summary))
    includes = False
    found_include = False
    for f in chat_filters:
        hit = any(contains(text, words(f.phrase)) for text in texts)
        if f.kind == "exclude" and hit:
            return f"exclude={f.phrase}"
        if f.kind == "include":
            includes = True
            found_include = found_include or hit
    return "include" if includes and not found_include else None


def contains(text: Sequence[str], phrase: Sequence[str]) -> bool:
    """Whether the words of ``phrase`` occur in ``text`` one after the other (both folded)."""
    if not phrase:
        return False
    first, size = phrase[0], len(phrase)
    return any(
        word == first and list(text[i : i + size]) == list(phrase) for i, word in enumerate(text)
    )


class SendRules:
    """Reads the chats' rules for a window of due deliveries and judges each one."""

    def __init__(self, engine: sa.Engine) -> None:
        self.preferences = Preferences(engine)

    async def verdicts(self, rows: Sequence[DueDelivery]) -> dict[int, Verdict]:
        """delivery id -> verdict, for every row that is not simply sent."""
        if not rows:
            return {}
        rules = await asyncio.to_thread(self.preferences.rules_for, {d.chat_id for d in rows})
        wanted = {d.alert.id for d in rows if _reads_articles(rules.get(d.chat_id))}
        found = await asyncio.to_thread(self.preferences.alert_articles, wanted) if wanted else {}
        verdicts = {}
        for delivery in rows:
            verdict = send_verdict(
                delivery, rules.get(delivery.chat_id, DEFAULT), found.get(delivery.alert.id)
            )
            if verdict is not SEND:
                verdicts[delivery.id] = verdict
        return verdicts

    async def skip(self, skipped: Sequence[tuple[int, str]]) -> None:
        """Record the deliveries kept back, with their reasons."""
        if skipped:
            await asyncio.to_thread(self.preferences.mark_filtered, skipped)


def _reads_articles(rules: ChatRules | None) -> bool:
    """Whether judging a chat's deliveries needs their articles (for filters and mutes)."""
    return rules is not None and bool(
        rules.filters or rules.muted or rules.outlets_off or rules.languages_off
    )
