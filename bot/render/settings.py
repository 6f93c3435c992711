"""/settings and /filters: their texts and inline keyboards, in the reader's language. Pure.

The settings message is edited in place as the user moves through it: each page is the
summary of the chat's settings, a question, and the buttons answering it. Callback data is
``s:<page>`` to open a page and ``s:<page>:<choice>`` to choose (see ``bot.render.keyboards``).
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import LANGUAGES, ntr, tr
from bot.render.figures import figure_label
from bot.render.keyboards import LANGUAGE_NAMES, number
from bot.render.markup import escape
from storage.preference_types import Filter, Muted, Settings
from storage.sources import Source

DIGEST_CHOICES = ("8", "8,20", "20")
QUIET_CHOICES = ("22-7", "23-6", "21-8")
TIMEZONES = ("UTC", "Asia/Ho_Chi_Minh", "Asia/Baghdad", "Europe/London", "America/New_York")
FAMILIES = ("troops/", "deadline/")
MAX_FILTERS = 20
MAX_PHRASE = 60
MAX_WORDS = 6

_ZONES = {
    "UTC": "zone.utc",
    "Asia/Ho_Chi_Minh": "zone.vietnam",
    "Asia/Baghdad": "zone.iraq",
    "Europe/London": "zone.london",
    "America/New_York": "zone.new_york",
}
_FAMILIES = {"troops/": "settings.family.troops", "deadline/": "settings.family.deadline"}


def figure_token(key: str) -> str:
    """A short, stable token for a figure key in callback data (keys can be long)."""
    return f"{zlib.crc32(key.encode()):08x}"


def hours(spec: str) -> str:
    """ "8,20" -> "08:00, 20:00" (a button label)."""
    return ", ".join(f"{int(h):02d}:00" for h in spec.split(",") if h)


def quiet(spec: str, language: str) -> str:
    """ "22-7" -> "22:00–07:00"; "" -> off."""
    if not spec:
        return tr("settings.off", language)
    start, _, end = spec.partition("-")
    return f"{int(start):02d}:00–{int(end):02d}:00"


def zone(name: str, language: str) -> str:
    return tr(_ZONES[name], language) if name in _ZONES else name


def receive_line(settings: Settings, language: str) -> str:
    if settings.receive == "figures":
        return tr("settings.receive.figures", language)
    if settings.receive == "chosen":
        if not settings.chosen:
            return tr("settings.receive.none_chosen", language)
        names = ", ".join(chosen_name(key, language) for key in settings.chosen)
        return tr("settings.receive.chosen", language, figures=names)
    return tr("settings.receive.all", language)


def family(key: str, language: str) -> str:
    """A family of figures as a button says it: "Every troop count"."""
    return tr(_FAMILIES[key], language)


def chosen_name(key: str, language: str) -> str:
    if key in FAMILIES:
        return family(key, language).lower()
    return figure_label(key, language)


def outlets_line(settings: Settings, language: str) -> str:
    """ "every outlet", "2 outlets off, none in English"."""
    parts = []
    if settings.outlets_off:
        count = len(settings.outlets_off)
        parts.append(ntr("settings.outlets.off", count, language, count=count))
    for code in sorted(settings.languages_off):
        name = _language_name(code)
        parts.append(tr("settings.outlets.language_off", language, name=name))
    return ", ".join(parts) or tr("settings.outlets.all", language)


def _language_name(code: str) -> str:
    """A language by its own name, without its flag: "English", "Tiếng Việt"."""
    return LANGUAGE_NAMES[code].split(" ", 1)[1] if code in LANGUAGE_NAMES else code


def delivery_line(settings: Settings, language: str) -> str:
    if settings.mode != "digest" or not settings.digest_hours:
        return tr("settings.instant", language)
    times = [f"{int(h):02d}:00" for h in settings.digest_hours.split(",") if h]
    joined = f" {tr('settings.and', language)} ".join(times)
    return tr("settings.digest_at", language, hours=joined)


def filters_line(filters: Sequence[Filter], language: str) -> str:
    if not filters:
        return tr("settings.no_filters", language)
    include = sum(1 for f in filters if f.kind == "include")
    parts = []
    if include:
        parts.append(tr("settings.includes", language, count=include))
    if len(filters) - include:
        parts.append(tr("settings.excludes", language, count=len(filters) - include))
    return ", ".join(parts)


def summary(
    settings: Settings, filters: Sequence[Filter], language: str, muted: Sequence[Muted] = ()
) -> str:
    """The chat's settings, one per line, HTML."""
    subscribed = "settings.subscribed" if settings.active else "settings.not_subscribed"
    mutes = str(len(muted)) if muted else tr("settings.no_mutes", language)
    lines = [
        tr("settings.title", language),
        f"{tr('settings.subscription', language)}: {tr(subscribed, language)}",
        f"{tr('settings.receive', language)}: {escape(receive_line(settings, language))}",
        f"{tr('settings.delivery', language)}: {delivery_line(settings, language)}",
        f"{tr('settings.quiet', language)}: {quiet(settings.quiet_hours, language)}",
        f"{tr('settings.timezone', language)}: {zone(settings.timezone, language)}",
        f"{tr('settings.language', language)}: {LANGUAGE_NAMES[language].split(' ', 1)[1]}",
        f"{tr('settings.outlets', language)}: {outlets_line(settings, language)}",
        f"{tr('settings.filters', language)}: {filters_line(filters, language)} — /filters",
        f"{tr('settings.mutes', language)}: {mutes}",
    ]
    return "\n".join(lines)


def page(
    name: str,
    settings: Settings,
    filters: Sequence[Filter],
    figures: Sequence[str],
    language: str,
    muted: Sequence[Muted] = (),
    outlets: Sequence[Source] = (),
) -> tuple[str, InlineKeyboardMarkup]:
    """One page of the settings message: "m" (main), "r" (what to receive), "k" (chosen
    figures; ``figures`` are the keys known), "d" (delivery), "q" (quiet hours), "t" (zone),
    "u" (the muted stories, a button to unmute each), "o" (outlets; ``outlets`` are the
    feeds watched)."""
    text = summary(settings, filters, language, muted)
    back = [InlineKeyboardButton(tr("settings.button.back", language), callback_data="s:m")]

    def choice(label: str, data: str, ticked: bool) -> list[InlineKeyboardButton]:
        return [InlineKeyboardButton(f"✓ {label}" if ticked else label, callback_data=data)]

    if name == "r":
        rows = [
            choice(tr("settings.button.all", language), "s:r:all", settings.receive == "all"),
            choice(
                tr("settings.button.figures", language),
                "s:r:figures",
                settings.receive == "figures",
            ),
            choice(tr("settings.button.chosen", language), "s:k", settings.receive == "chosen"),
            back,
        ]
        return f"{text}\n\n{tr('settings.ask.receive', language)}", InlineKeyboardMarkup(rows)
    if name == "k":
        picked = settings.chosen if settings.receive == "chosen" else ()
        keys = [*FAMILIES, *figures]
        rows = [
            choice(family(k, language) if k in FAMILIES else chosen_name(k, language),
                   f"s:k:{figure_token(k)}", k in picked)
            for k in keys
        ]  # fmt: skip
        ask = f"{tr('settings.ask.chosen', language)}\n{tr('settings.chosen_note', language)}"
        if not figures:
            ask += "\n" + tr("figures.none", language)
        rows.append(
            [InlineKeyboardButton(tr("settings.button.back", language), callback_data="s:r")]
        )
        return f"{text}\n\n{ask}", InlineKeyboardMarkup(rows)
    if name == "d":
        digest = settings.digest_hours if settings.mode == "digest" else None
        rows = [choice(tr("settings.button.instant", language), "s:d:i", digest is None)]
        rows += [
            choice(tr("settings.button.digest", language, hours=hours(h)), f"s:d:{h}", digest == h)
            for h in DIGEST_CHOICES
        ]
        rows.append(back)
        return f"{text}\n\n{tr('settings.ask.delivery', language)}", InlineKeyboardMarkup(rows)
    if name == "q":
        rows = [choice(tr("settings.button.off", language), "s:q:off", not settings.quiet_hours)]
        rows += [
            choice(quiet(q, language), f"s:q:{q}", settings.quiet_hours == q) for q in QUIET_CHOICES
        ]
        rows.append(back)
        return f"{text}\n\n{tr('settings.ask.quiet', language)}", InlineKeyboardMarkup(rows)
    if name == "o":
        codes = sorted({o.lang for o in outlets} | set(settings.languages_off))
        rows = [
            choice(tr("settings.outlets.every", language, name=_language_name(code)),
                   f"s:o:l-{code}", code not in settings.languages_off)
            for code in codes
        ]  # fmt: skip
        rows += [
            choice(_short(o.name), f"s:o:{o.id}",
                   o.id not in settings.outlets_off and o.lang not in settings.languages_off)
            for o in outlets
        ]  # fmt: skip
        rows.append(back)
        return f"{text}\n\n{tr('settings.ask.outlets', language)}", InlineKeyboardMarkup(rows)
    if name == "u":
        rows = [
            [InlineKeyboardButton(f"🔔 {_short(m.title)}", callback_data=f"s:u:{m.article_id}")]
            for m in muted
        ]
        rows.append(back)
        return f"{text}\n\n{tr('settings.ask.mutes', language)}", InlineKeyboardMarkup(rows)
    if name == "t":
        rows = [
            choice(zone(z, language), f"s:t:{i}", settings.timezone == z)
            for i, z in enumerate(TIMEZONES)
        ]
        rows.append(back)
        return f"{text}\n\n{tr('settings.ask.timezone', language)}", InlineKeyboardMarkup(rows)
    other = next(code for code in LANGUAGES if code != language)
    rows = [
        [
            InlineKeyboardButton(tr("settings.button.receive", language), callback_data="s:r"),
            InlineKeyboardButton(tr("settings.delivery", language), callback_data="s:d"),
        ],
        [
            InlineKeyboardButton(tr("settings.quiet", language), callback_data="s:q"),
            InlineKeyboardButton(tr("settings.timezone", language), callback_data="s:t"),
        ],
        [
            InlineKeyboardButton(tr("settings.outlets", language), callback_data="s:o"),
            InlineKeyboardButton(tr("settings.mutes", language), callback_data="s:u"),
        ],
        [InlineKeyboardButton(f"🌐 {LANGUAGE_NAMES[other]}", callback_data=f"s:l:{other}")],
    ]
    return text, InlineKeyboardMarkup(rows)


def change_of(
    page: str,
    choice: str,
    settings: Settings,
    figures: Sequence[str] = (),
    outlets: Sequence[Source] = (),
) -> dict[str, Any] | None:
    """The settings a button changes ({} for a button that only opens a page; "unmute" for
    the muted stories' page), or None for data this version does not know. ``figures`` are
    the figure keys offered, ``outlets`` the feeds watched."""
    if page in ("m", "r", "k", "d", "q", "t", "u", "o") and not choice:
        return {}
    if page == "u" and (article := number(choice)) is not None:
        return {"unmute": article}
    if page == "r" and choice in ("all", "figures"):
        return {"receive": choice}
    if page == "k":
        known = {figure_token(k): k for k in (*FAMILIES, *figures, *settings.chosen)}
        key = known.get(choice)
        if key is None:
            return None
        picked = list(settings.chosen if settings.receive == "chosen" else ())
        picked = [k for k in picked if k != key] if key in picked else [*picked, key]
        return {"receive": "chosen", "chosen": picked}
    if page == "o" and choice.startswith("l-"):
        code = choice.removeprefix("l-")
        if code not in {o.lang for o in outlets} | set(settings.languages_off):
            return None
        return {"languages_off": settings.languages_off ^ {code}}
    if page == "o" and (feed := number(choice)) is not None:
        if feed not in {o.id for o in outlets} | set(settings.outlets_off):
            return None
        return {"outlets_off": settings.outlets_off ^ {feed}}
    if page == "d" and choice == "i":
        return {"mode": "instant"}
    if page == "d" and choice in DIGEST_CHOICES:
        return {"mode": "digest", "digest_hours": choice}
    if page == "q" and choice in ("off", *QUIET_CHOICES):
        return {"quiet_hours": "" if choice == "off" else choice}
    if page == "t" and choice.isdigit() and int(choice) < len(TIMEZONES):
        return {"timezone": TIMEZONES[int(choice)]}
    if page == "l" and choice in LANGUAGE_NAMES:
        return {"language": choice, "language_chosen": True}
    return None


def _short(title: str, limit: int = 40) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"


# --- /filters ---------------------------------------------------------------------------------


def filters_message(
    filters: Sequence[Filter], language: str, note: str | None = None
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The chat's filters, numbered, with a remove button for each."""
    lines = [note] if note else []
    lines += [tr("filters.title", language), tr("filters.about", language)]
    if not filters:
        lines.append(tr("filters.none", language))
    numbered = list(enumerate(filters, start=1))
    for kind, key in (("include", "filters.includes"), ("exclude", "filters.excludes")):
        mine = [f"{n}. “{escape(f.phrase)}”" for n, f in numbered if f.kind == kind]
        if mine:
            lines.append(tr(key, language, filters=", ".join(mine)))
    lines.append(tr("filters.usage", language))
    buttons = [
        [InlineKeyboardButton(f"✖ {n}. {f.phrase}", callback_data=f"x:{f.id}")] for n, f in numbered
    ]
    return "\n".join(lines), InlineKeyboardMarkup(buttons) if buttons else None
