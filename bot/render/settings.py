"""/settings and /filters: their texts and inline keyboards, in Vietnamese and English. Pure.

The settings message is edited in place as the user moves through it: each page is the
summary of the chat's settings, a question, and the buttons answering it. Callback data is
``s:<page>`` to open a page and ``s:<page>:<choice>`` to choose (see ``bot.render.keyboards``).
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.render import messages as format
from bot.render.keyboards import LANGUAGE_NAMES
from storage.preference_types import Filter, Settings

DIGEST_CHOICES = ("8", "8,20", "20")
QUIET_CHOICES = ("22-7", "23-6", "21-8")
TIMEZONES = ("UTC", "Asia/Ho_Chi_Minh", "Asia/Baghdad", "Europe/London", "America/New_York")
FAMILIES = ("troops/", "deadline/")
MAX_FILTERS = 20
MAX_PHRASE = 60
MAX_WORDS = 6

_T: dict[str, dict[str, str]] = {
    "title": {"en": "⚙️ <b>Settings</b>", "vi": "⚙️ <b>Cài đặt</b>"},
    "receive": {"en": "📥 Receive", "vi": "📥 Nhận"},
    "delivery": {"en": "⏱ Delivery", "vi": "⏱ Cách gửi"},
    "quiet": {"en": "🌙 Quiet hours", "vi": "🌙 Giờ yên lặng"},
    "timezone": {"en": "🕒 Time zone", "vi": "🕒 Múi giờ"},
    "language": {"en": "🌐 Language", "vi": "🌐 Ngôn ngữ"},
    "filters": {"en": "🔎 Filters", "vi": "🔎 Bộ lọc"},
    "all": {"en": "every story and figure change", "vi": "mọi tin mới và thay đổi số liệu"},
    "figures": {"en": "figure changes only", "vi": "chỉ thay đổi số liệu"},
    "chosen": {"en": "only changes of", "vi": "chỉ thay đổi của"},
    "none_chosen": {
        "en": "chosen figures (none chosen yet)",
        "vi": "số liệu đã chọn (chưa chọn số liệu nào)",
    },
    "instant": {"en": "instant", "vi": "ngay lập tức"},
    "digest": {"en": "a digest at", "vi": "tin tổng hợp lúc"},
    "and": {"en": "and", "vi": "và"},
    "off": {"en": "off", "vi": "tắt"},
    "no_filters": {"en": "none", "vi": "chưa có"},
    "include_n": {"en": "include", "vi": "cần có"},
    "exclude_n": {"en": "exclude", "vi": "loại trừ"},
    "ask_r": {"en": "What should I send you?", "vi": "Bạn muốn nhận gì?"},
    "ask_k": {
        "en": "Tap the figures whose changes you follow (✓ = followed):",
        "vi": "Chọn các số liệu bạn muốn theo dõi (✓ = đang theo dõi):",
    },
    "ask_d": {
        "en": "When should stories arrive? Figure changes always arrive at once.",
        "vi": "Khi nào gửi tin? Thay đổi số liệu luôn được gửi ngay.",
    },
    "ask_q": {
        "en": "Nothing is sent during quiet hours (in your time zone); it waits until they end.",
        "vi": "Trong giờ yên lặng (theo múi giờ của bạn) không gửi gì; tin chờ đến khi hết giờ.",
    },
    "ask_t": {
        "en": "Your time zone, for quiet hours and digests:",
        "vi": "Múi giờ của bạn, cho giờ yên lặng và tin tổng hợp:",
    },
    "no_figures": {
        "en": "No figures have been reported yet.",
        "vi": "Chưa có số liệu nào.",
    },
    "b_receive": {"en": "📥 What to receive", "vi": "📥 Nhận gì"},
    "b_delivery": {"en": "⏱ Delivery", "vi": "⏱ Cách gửi"},
    "b_quiet": {"en": "🌙 Quiet hours", "vi": "🌙 Giờ yên lặng"},
    "b_timezone": {"en": "🕒 Time zone", "vi": "🕒 Múi giờ"},
    "b_all": {"en": "Every story and figure change", "vi": "Mọi tin và thay đổi số liệu"},
    "b_figures": {"en": "Figure changes only", "vi": "Chỉ thay đổi số liệu"},
    "b_chosen": {"en": "Chosen figures…", "vi": "Chọn số liệu…"},
    "b_instant": {"en": "⚡ Instant", "vi": "⚡ Gửi ngay"},
    "b_digest": {"en": "🗞 Digest", "vi": "🗞 Tổng hợp"},
    "b_off": {"en": "Off", "vi": "Tắt"},
    "b_back": {"en": "« Back", "vi": "« Quay lại"},
    "troops/": {"en": "Every troop count", "vi": "Mọi con số quân số"},
    "deadline/": {"en": "Every deadline", "vi": "Mọi thời hạn"},
    "saved": {"en": "✓ Saved", "vi": "✓ Đã lưu"},
    "stale": {
        "en": "This button is out of date. Send /settings.",
        "vi": "Nút này đã cũ. Hãy gửi /settings.",
    },
    "muted": {
        "en": "🔇 Muted: nothing more about this story will reach you.",
        "vi": "🔇 Đã tắt: bạn sẽ không nhận thêm gì về tin này.",
    },
    "nothing_to_mute": {"en": "There is no story to mute here.", "vi": "Không có tin nào để tắt."},
    "unknown_command": {
        "en": "I do not know {command}. /help lists what I can do.",
        "vi": "Tôi không hiểu lệnh {command}. Gửi /help để xem các lệnh.",
    },
    "figures_only": {
        "en": "📊 From now on: only figure changes. /settings to change it.",
        "vi": "📊 Từ giờ: chỉ nhận thay đổi số liệu. Đổi lại trong /settings.",
    },
}
_ZONES = {
    "UTC": {"en": "UTC", "vi": "UTC"},
    "Asia/Ho_Chi_Minh": {"en": "Vietnam (UTC+7)", "vi": "Việt Nam (UTC+7)"},
    "Asia/Baghdad": {"en": "Iraq (UTC+3)", "vi": "Iraq (UTC+3)"},
    "Europe/London": {"en": "London", "vi": "London"},
    "America/New_York": {"en": "New York", "vi": "New York"},
}


def t(key: str, language: str) -> str:
    return _T[key]["vi" if language == "vi" else "en"]


def figure_token(key: str) -> str:
    """A short, stable token for a figure key in callback data (keys can be long)."""
    return f"{zlib.crc32(key.encode()):08x}"


def hours(spec: str) -> str:
    """ "8,20" -> "08:00, 20:00" (a button label)."""
    return ", ".join(f"{int(h):02d}:00" for h in spec.split(",") if h)


def quiet(spec: str, language: str) -> str:
    """ "22-7" -> "22:00–07:00"; "" -> off."""
    if not spec:
        return t("off", language)
    start, _, end = spec.partition("-")
    return f"{int(start):02d}:00–{int(end):02d}:00"


def zone(name: str, language: str) -> str:
    return _ZONES.get(name, {}).get("vi" if language == "vi" else "en", name)


def receive_line(settings: Settings, language: str) -> str:
    if settings.receive == "figures":
        return t("figures", language)
    if settings.receive == "chosen":
        if not settings.chosen:
            return t("none_chosen", language)
        names = [chosen_name(key, language) for key in settings.chosen]
        return f"{t('chosen', language)}: {', '.join(names)}"
    return t("all", language)


def chosen_name(key: str, language: str) -> str:
    if key in FAMILIES:
        return t(key, language).lower()
    return format.figure_label(key, language)


def delivery_line(settings: Settings, language: str) -> str:
    if settings.mode != "digest" or not settings.digest_hours:
        return t("instant", language)
    times = [f"{int(h):02d}:00" for h in settings.digest_hours.split(",") if h]
    joined = f" {t('and', language)} ".join(times)
    return f"{t('digest', language)} {joined}"


def filters_line(filters: Sequence[Filter], language: str) -> str:
    if not filters:
        return t("no_filters", language)
    include = sum(1 for f in filters if f.kind == "include")
    parts = []
    if include:
        parts.append(f"{include} {t('include_n', language)}")
    if len(filters) - include:
        parts.append(f"{len(filters) - include} {t('exclude_n', language)}")
    return ", ".join(parts)


def summary(settings: Settings, filters: Sequence[Filter], language: str) -> str:
    """The chat's settings, one per line, HTML."""
    lines = [
        t("title", language),
        f"{t('receive', language)}: {format.escape(receive_line(settings, language))}",
        f"{t('delivery', language)}: {delivery_line(settings, language)}",
        f"{t('quiet', language)}: {quiet(settings.quiet_hours, language)}",
        f"{t('timezone', language)}: {zone(settings.timezone, language)}",
        f"{t('language', language)}: {LANGUAGE_NAMES[language].split(' ', 1)[1]}",
        f"{t('filters', language)}: {filters_line(filters, language)} — /filters",
    ]
    return "\n".join(lines)


def page(
    name: str,
    settings: Settings,
    filters: Sequence[Filter],
    figures: Sequence[str],
    language: str,
) -> tuple[str, InlineKeyboardMarkup]:
    """One page of the settings message: "m" (main), "r" (what to receive), "k" (chosen
    figures; ``figures`` are the keys known), "d" (delivery), "q" (quiet hours), "t" (zone)."""
    text = summary(settings, filters, language)
    back = [InlineKeyboardButton(t("b_back", language), callback_data="s:m")]

    def choice(label: str, data: str, ticked: bool) -> list[InlineKeyboardButton]:
        return [InlineKeyboardButton(f"✓ {label}" if ticked else label, callback_data=data)]

    if name == "r":
        rows = [
            choice(t("b_all", language), "s:r:all", settings.receive == "all"),
            choice(t("b_figures", language), "s:r:figures", settings.receive == "figures"),
            choice(t("b_chosen", language), "s:k", settings.receive == "chosen"),
            back,
        ]
        return f"{text}\n\n{t('ask_r', language)}", InlineKeyboardMarkup(rows)
    if name == "k":
        picked = settings.chosen if settings.receive == "chosen" else ()
        keys = [*FAMILIES, *figures]
        rows = [
            choice(chosen_name(k, language) if k not in FAMILIES else t(k, language),
                   f"s:k:{figure_token(k)}", k in picked)
            for k in keys
        ]  # fmt: skip
        ask = t("ask_k", language)
        if not figures:
            ask += "\n" + t("no_figures", language)
        rows.append([InlineKeyboardButton(t("b_back", language), callback_data="s:r")])
        return f"{text}\n\n{ask}", InlineKeyboardMarkup(rows)
    if name == "d":
        digest = settings.digest_hours if settings.mode == "digest" else None
        rows = [choice(t("b_instant", language), "s:d:i", digest is None)]
        rows += [
            choice(f"{t('b_digest', language)} {hours(h)}", f"s:d:{h}", digest == h)
            for h in DIGEST_CHOICES
        ]
        rows.append(back)
        return f"{text}\n\n{t('ask_d', language)}", InlineKeyboardMarkup(rows)
    if name == "q":
        rows = [choice(t("b_off", language), "s:q:off", not settings.quiet_hours)]
        rows += [
            choice(quiet(q, language), f"s:q:{q}", settings.quiet_hours == q) for q in QUIET_CHOICES
        ]
        rows.append(back)
        return f"{text}\n\n{t('ask_q', language)}", InlineKeyboardMarkup(rows)
    if name == "t":
        rows = [
            choice(zone(z, language), f"s:t:{i}", settings.timezone == z)
            for i, z in enumerate(TIMEZONES)
        ]
        rows.append(back)
        return f"{text}\n\n{t('ask_t', language)}", InlineKeyboardMarkup(rows)
    other = "en" if language == "vi" else "vi"
    rows = [
        [
            InlineKeyboardButton(t("b_receive", language), callback_data="s:r"),
            InlineKeyboardButton(t("b_delivery", language), callback_data="s:d"),
        ],
        [
            InlineKeyboardButton(t("b_quiet", language), callback_data="s:q"),
            InlineKeyboardButton(t("b_timezone", language), callback_data="s:t"),
        ],
        [InlineKeyboardButton(f"🌐 {LANGUAGE_NAMES[other]}", callback_data=f"s:l:{other}")],
    ]
    return text, InlineKeyboardMarkup(rows)


# --- /filters ---------------------------------------------------------------------------------

_F: dict[str, dict[str, str]] = {
    "title": {"en": "🔎 <b>Your filters</b>", "vi": "🔎 <b>Bộ lọc của bạn</b>"},
    "about": {
        "en": "On top of the topic's keywords; whole words, without case or diacritics.",
        "vi": "Thêm vào từ khóa của chủ đề; khớp cả từ, không phân biệt dấu và chữ hoa.",
    },
    "include": {"en": "✅ Must contain one of", "vi": "✅ Phải có một trong"},
    "exclude": {"en": "🚫 Must not contain", "vi": "🚫 Không được có"},
    "none": {
        "en": "You have no filters: every story on the topic reaches you.",
        "vi": "Bạn chưa có bộ lọc nào: mọi tin đúng chủ đề đều được gửi.",
    },
    "usage": {
        "en": "Add: /filters add Erbil · Exclude: /filters exclude Syria\n"
        "Remove: the buttons below, /filters remove 1, or /filters clear",
        "vi": "Thêm: /filters add Erbil · Loại trừ: /filters exclude Syria\n"
        "Xóa: bấm nút bên dưới, /filters remove 1, hoặc /filters clear",
    },
    "added": {"en": "✓ Added", "vi": "✓ Đã thêm"},
    "removed": {"en": "✓ Removed", "vi": "✓ Đã xóa"},
    "cleared": {"en": "✓ All filters removed.", "vi": "✓ Đã xóa mọi bộ lọc."},
    "exists": {"en": "You already have this filter.", "vi": "Bạn đã có bộ lọc này."},
    "bad": {
        "en": f"A filter is 1 to {MAX_WORDS} words of letters or digits, "
        f"at most {MAX_PHRASE} characters.",
        "vi": f"Một bộ lọc gồm 1 đến {MAX_WORDS} từ (chữ hoặc số), tối đa {MAX_PHRASE} ký tự.",
    },
    "full": {
        "en": f"You have {MAX_FILTERS} filters, the most allowed: remove one first.",
        "vi": f"Bạn đã có {MAX_FILTERS} bộ lọc, mức tối đa: hãy xóa bớt một bộ lọc.",
    },
    "unknown": {
        "en": "There is no such filter. Send /filters to see yours.",
        "vi": "Không có bộ lọc này. Gửi /filters để xem các bộ lọc của bạn.",
    },
}


def f_text(key: str, language: str) -> str:
    return _F[key]["vi" if language == "vi" else "en"]


def filters_message(
    filters: Sequence[Filter], language: str, note: str | None = None
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The chat's filters, numbered, with a remove button for each."""
    lines = [note] if note else []
    lines += [f_text("title", language), f_text("about", language)]
    if not filters:
        lines.append(f_text("none", language))
    numbered = list(enumerate(filters, start=1))
    for kind in ("include", "exclude"):
        mine = [f"{n}. “{format.escape(f.phrase)}”" for n, f in numbered if f.kind == kind]
        if mine:
            lines.append(f"{f_text(kind, language)}: {', '.join(mine)}")
    lines.append(f_text("usage", language))
    buttons = [
        [InlineKeyboardButton(f"✖ {n}. {f.phrase}", callback_data=f"x:{f.id}")] for n, f in numbered
    ]
    return "\n".join(lines), InlineKeyboardMarkup(buttons) if buttons else None
