"""A subscriber's own settings, keyword filters and mutes (``storage.mutes``), and the rules
the outbox reads.

Like ``storage.store``, every method is synchronous and short, opens its own transaction, and
returns the dataclasses of ``storage.preference_types``. A chat that changes a setting before
subscribing gets an inactive subscriber row, so its choice is there when it subscribes.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from storage.db import redacted
from storage.mutes import MuteQueries
from storage.preference_types import (
    AlertArticle,
    ChatRules,
    Filter,
    Receive,
    Settings,
    is_filter_kind,
    zone_for,
)
from storage.tables import alerts, articles, deliveries, feeds, filters, mutes, subscribers

_CHUNK = 500
_SETTABLE = frozenset(
    {"language", "language_chosen", "receive", "chosen", "mode", "digest_hours", "quiet_hours",
     "timezone", "outlets_off", "languages_off"}
)  # fmt: skip
QUIET_WAIT = (
    "quiet hours"  # bot.delivery.outbox's last_error while a row waits for quiet hours to end
)


class FiltersFull(Exception):
    """The chat already has as many filters as it may."""


class Preferences(MuteQueries):
    """The chats' settings, filters and mutes, on the service's engine."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def __repr__(self) -> str:
        return f"Preferences({redacted(str(self.engine.url))})"

    # --- settings ------------------------------------------------------------------------------

    def settings(self, chat_id: int) -> Settings:
        """The chat's settings; the defaults if the bot never stored the chat."""
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(subscribers).where(subscribers.c.chat_id == chat_id)
            ).first()
        return Settings(chat_id) if row is None else _settings(row)

    def time_zone(self, chat_id: int) -> str | None:
        """The chat's time zone, or None for a chat the bot never stored."""
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(subscribers.c.timezone).where(subscribers.c.chat_id == chat_id)
            ).first()
        return None if row is None else str(row[0])

    def chosen_language(self, chat_id: int) -> str | None:
        """The language the chat picked in the bot, or None (then the client's is used)."""
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(subscribers.c.language).where(
                    subscribers.c.chat_id == chat_id, subscribers.c.language_chosen
                )
            ).first()
        return None if row is None else str(row[0])

    def change(
        self,
        chat_id: int,
        *,
        now: datetime,
        chat_type: str,
        name: str,
        client_language: str = "en",
        **values: Any,
    ) -> Settings:
        """Change some of a chat's settings (``_SETTABLE`` names); returns the new settings.

        Switching to instant delivery releases the stories held for a digest; switching to
        a digest starts its schedule afresh; changing quiet hours or the time zone lets
        messages waiting for the old quiet hours go at once (the outbox judges them again).
        A chat stored here first gets the time zone of its Telegram client's language
        (``client_language``) unless the change sets a zone.
        """
        unknown = set(values) - _SETTABLE
        if unknown:
            raise ValueError(f"not a setting: {', '.join(sorted(unknown))}")
        if "chosen" in values:
            values["chosen"] = "\n".join(values["chosen"])
        for joined in ("outlets_off", "languages_off"):  # sets: stored sorted
            if joined in values:
                values[joined] = "\n".join(str(v) for v in sorted(values[joined]))
        if values.get("mode") == "digest":
            values["next_digest_at"] = None
        with self.engine.begin() as conn:
            exists = conn.execute(
                sa.select(subscribers.c.chat_id).where(subscribers.c.chat_id == chat_id)
            ).first()
            if exists is None:
                conn.execute(
                    subscribers.insert().values(
                        chat_id=chat_id,
                        chat_type=chat_type,
                        name=name,
                        active=False,
                        subscribed_at=now,
                        **{"timezone": zone_for(client_language)} | values,
                    )
                )
            else:
                conn.execute(
                    subscribers.update().where(subscribers.c.chat_id == chat_id).values(**values)
                )
            mine = deliveries.c.chat_id == chat_id
            if values.get("mode") == "instant":
                conn.execute(
                    deliveries.update()
                    .where(mine, deliveries.c.status == "held")
                    .values(status="pending", next_attempt_at=now)
                )
            if "quiet_hours" in values or "timezone" in values:
                conn.execute(
                    deliveries.update()
                    .where(
                        mine,
                        deliveries.c.status == "pending",
                        deliveries.c.last_error == QUIET_WAIT,
                    )
                    .values(next_attempt_at=now, last_error=None)
                )
            row = conn.execute(sa.select(subscribers).where(subscribers.c.chat_id == chat_id)).one()
        return _settings(row)

    # --- filters -------------------------------------------------------------------------------

    def filters(self, chat_id: int) -> list[Filter]:
        """The chat's filters, in the order they were added."""
        query = (
            sa.select(filters.c.id, filters.c.kind, filters.c.phrase)
            .where(filters.c.chat_id == chat_id)
            .order_by(filters.c.id)
        )
        with self.engine.connect() as conn:
            return [Filter(row.id, row.kind, row.phrase) for row in conn.execute(query)]

    def add_filter(
        self, chat_id: int, kind: str, phrase: str, now: datetime, *, at_most: int | None = None
    ) -> Filter | None:
        """Add a filter; None if the chat already has the same one. With ``at_most``, raises
        FiltersFull when the chat has that many already: the count and the insert are one
        statement (SQLite runs writes one at a time; PostgreSQL takes a lock per chat first),
        so adds at the same moment cannot pass the cap together."""
        if not is_filter_kind(kind):
            raise ValueError(f"a filter is include or exclude, not {kind!r}")
        mine = filters.c.chat_id == chat_id
        same = sa.and_(mine, filters.c.kind == kind, filters.c.phrase == phrase)
        columns = filters.c
        wanted = sa.select(
            sa.literal(chat_id, columns.chat_id.type),
            sa.literal(kind, columns.kind.type),
            sa.literal(phrase, columns.phrase.type),
            sa.literal(now, columns.created_at.type),
        ).where(~sa.exists().where(same))
        if at_most is not None:
            count = sa.select(sa.func.count()).where(mine).scalar_subquery()
            wanted = wanted.where(count < at_most)
        insert = (
            filters.insert()
            .from_select(["chat_id", "kind", "phrase", "created_at"], wanted)
            .returning(filters.c.id)
        )
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(sa.select(sa.func.pg_advisory_xact_lock(chat_id)))
            filter_id = conn.execute(insert).scalar_one_or_none()
            if filter_id is None and conn.execute(sa.select(filters.c.id).where(same)).first():
                return None
        if filter_id is None:
            raise FiltersFull(f"chat {chat_id} has {at_most} filters already")
        return Filter(int(filter_id), kind, phrase)

    def remove_filter(self, chat_id: int, filter_id: int) -> Filter | None:
        """Remove one of the chat's filters; None if it has no such filter."""
        mine = sa.and_(filters.c.chat_id == chat_id, filters.c.id == filter_id)
        with self.engine.begin() as conn:
            row = conn.execute(sa.select(filters.c.kind, filters.c.phrase).where(mine)).first()
            if row is None:
                return None
            conn.execute(filters.delete().where(mine))
        return Filter(filter_id, row.kind, row.phrase)

    def clear_filters(self, chat_id: int) -> int:
        """Remove every filter of the chat; how many there were."""
        with self.engine.begin() as conn:
            return int(conn.execute(filters.delete().where(filters.c.chat_id == chat_id)).rowcount)

    # --- what the outbox reads -----------------------------------------------------------------

    def rules_for(self, chat_ids: Collection[int]) -> dict[int, ChatRules]:
        """The rules of the chats that asked for anything beyond the defaults."""
        wanted = sorted(set(chat_ids))
        settings: dict[int, tuple[Receive, tuple[str, ...], str, str]] = {}
        chat_filters: dict[int, list[Filter]] = {}
        muted: dict[int, set[int]] = {}
        muted_stories: dict[int, set[int]] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(wanted), _CHUNK):
                some = wanted[start : start + _CHUNK]
                s = subscribers.c
                for row in conn.execute(
                    sa.select(s.chat_id, s.receive, s.chosen, s.outlets_off, s.languages_off)
                    .where(s.chat_id.in_(some),
                           sa.or_(s.receive != "all", s.outlets_off != "", s.languages_off != ""))
                ):  # fmt: skip
                    settings[row.chat_id] = (
                        row.receive,
                        _keys(row.chosen),
                        row.outlets_off,
                        row.languages_off,
                    )
                for f in conn.execute(
                    sa.select(filters.c.chat_id, filters.c.id, filters.c.kind, filters.c.phrase)
                    .where(filters.c.chat_id.in_(some))
                    .order_by(filters.c.id)
                ):
                    chat_filters.setdefault(f.chat_id, []).append(Filter(f.id, f.kind, f.phrase))
                for m in conn.execute(
                    sa.select(mutes.c.chat_id, mutes.c.article_id, articles.c.story_id)
                    .join(articles, articles.c.id == mutes.c.article_id)
                    .where(mutes.c.chat_id.in_(some))
                ):
                    muted.setdefault(m.chat_id, set()).add(m.article_id)
                    if m.story_id is not None:
                        muted_stories.setdefault(m.chat_id, set()).add(m.story_id)
        rules = {}
        for chat in set(settings) | set(chat_filters) | set(muted):
            receive, chosen, outlets_off, languages_off = settings.get(chat, ("all", (), "", ""))
            rules[chat] = ChatRules(
                receive=receive,
                chosen=chosen,
                filters=tuple(chat_filters.get(chat, ())),
                muted=frozenset(muted.get(chat, ())),
                muted_stories=frozenset(muted_stories.get(chat, ())),
                outlets_off=_ids(outlets_off),
                languages_off=frozenset(_keys(languages_off)),
            )
        return rules

    def alert_articles(self, alert_ids: Collection[int]) -> dict[int, AlertArticle]:
        """The article of each of these alerts that has one: alert id -> article."""
        wanted = sorted(set(alert_ids))
        found: dict[int, AlertArticle] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(wanted), _CHUNK):
                query = (
                    sa.select(alerts.c.id, articles.c.id.label("article"), articles.c.title,
                              articles.c.summary, articles.c.feed_id, feeds.c.lang,
                              articles.c.story_id)
                    .join(articles, articles.c.id == alerts.c.article_id)
                    .outerjoin(feeds, feeds.c.id == articles.c.feed_id)
                    .where(alerts.c.id.in_(wanted[start : start + _CHUNK]))
                )  # fmt: skip
                for row in conn.execute(query):
                    found[row.id] = AlertArticle(
                        row.article, row.title, row.summary, row.feed_id, row.lang or "",
                        row.story_id,
                    )  # fmt: skip
        return found

    def mark_filtered(self, skipped: Sequence[tuple[int, str]]) -> None:
        """Record deliveries the chats' settings kept back: ``(delivery id, reason)``."""
        if not skipped:
            return
        b = sa.bindparam
        statement = (
            deliveries.update()
            .where(deliveries.c.id == b("b_id"), deliveries.c.status == "pending")
            .values(status="filtered", last_error=b("b_reason"))
        )
        with self.engine.begin() as conn:
            conn.execute(statement, [{"b_id": d, "b_reason": r} for d, r in skipped])


def _keys(joined: str) -> tuple[str, ...]:
    return tuple(key for key in joined.split("\n") if key)


def _ids(joined: str) -> frozenset[int]:
    return frozenset(int(key) for key in _keys(joined) if key.isdigit())


def _settings(row: Any) -> Settings:
    return Settings(
        chat_id=row.chat_id,
        active=bool(row.active),
        language=row.language,
        language_chosen=bool(row.language_chosen),
        receive=row.receive,
        chosen=_keys(row.chosen),
        mode=row.mode,
        digest_hours=row.digest_hours,
        quiet_hours=row.quiet_hours,
        timezone=row.timezone,
        outlets_off=_ids(row.outlets_off),
        languages_off=frozenset(_keys(row.languages_off)),
    )
