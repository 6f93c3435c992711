"""Every message the bot writes, as Telegram HTML in the reader's language. Pure: no I/O.

The texts themselves are in the catalogs (``bot.i18n``); the modules beside this one put
them together by subject, and this module names them all in one place for the callers:

- ``bot.render.alerts``: story alerts, edits, digests, announcements, and the terminal's;
- ``bot.render.figures``: figure change alerts, the figures of /status, /history;
- ``bot.render.status``: /status;
- ``bot.render.replies``: /start, /help, /subscribe, /unsubscribe;
- ``bot.render.formats``: numbers, dates and durations in the reader's convention;
- ``bot.render.markup``: escaping, and cutting a message at Telegram's length limit.
"""

from __future__ import annotations

from bot.i18n import LANGUAGES, language_of
from bot.render.alerts import (
    ALSO_SHOWN,
    alert,
    alert_plain,
    also_reported,
    broadcast,
    digest,
    keywords,
    render,
)
from bot.render.figures import (
    figure_alert,
    figure_alert_plain,
    figure_history,
    figure_label,
    figure_list,
    figure_value,
    figures_status,
    reported_by,
    reporter,
    sources,
)
from bot.render.formats import ago, day, number, when
from bot.render.markup import MAX_TITLE, escape, split_message, strip_tags, table
from bot.render.replies import text
from bot.render.status import status

__all__ = [
    "ALSO_SHOWN",
    "LANGUAGES",
    "MAX_TITLE",
    "ago",
    "alert",
    "alert_plain",
    "also_reported",
    "broadcast",
    "day",
    "digest",
    "escape",
    "figure_alert",
    "figure_alert_plain",
    "figure_history",
    "figure_label",
    "figure_list",
    "figure_value",
    "figures_status",
    "keywords",
    "language_of",
    "number",
    "render",
    "reported_by",
    "reporter",
    "sources",
    "split_message",
    "status",
    "strip_tags",
    "table",
    "text",
    "when",
]
