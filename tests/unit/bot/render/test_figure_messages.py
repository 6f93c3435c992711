"""Figure alerts, /status figures and /history, in Vietnamese and English, as Telegram HTML."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from bot.commands.subscriber import find_figures
from bot.render import messages as format
from storage.ledger_types import FigureChange, FigureEntry, FigureNow
from storage.types import StoredAlert

NOW = datetime(2026, 11, 22, 9, 5, tzinfo=UTC)
ERBIL = "deadline/coalition leaves Erbil"

DEADLINE_PUSHED_BACK = FigureChange(
    key=ERBIL,
    kind="changed",
    value="2026",
    precision="year-end",
    source="Reuters",
    sources=3,
    old_key=ERBIL,
    old_value="2026-09",
    old_precision="month",
    old_outlet="Tuổi Trẻ",
    old_source=None,
    old_published_at=datetime(2026, 10, 2, 7, 0, tzinfo=UTC),
)
TROOP_COUNTS_DIFFER = dataclasses.replace(
    DEADLINE_PUSHED_BACK,
    key="troops/US/Iraq",
    kind="conflict",
    value="3000",
    precision="exact",
    source=None,
    sources=1,
    old_key="troops/US/Iraq",
    old_value="2500",
    old_precision="approx",
    old_source="AP",
    old_published_at=datetime(2026, 11, 21, tzinfo=UTC),
)


def alert(change: FigureChange, **changes: object) -> StoredAlert:
    values: dict[str, object] = {
        "id": 1,
        "kind": "figure",
        "title": "Liên minh lùi thời hạn rời Erbil",
        "outlet": "VnExpress",
        "url": "https://vnexpress.net/a.html?x=1&y=2",
        "published_at": NOW,
        "matched": (),
        "created_at": NOW,
        "figure": change,
    }
    values.update(changes)
    return StoredAlert(**values)  # type: ignore[arg-type]


def entry(key: str, value: str, precision: str, **changes: object) -> FigureEntry:
    values: dict[str, object] = {
        "id": 1,
        "key": key,
        "value": value,
        "precision": precision,
        "level": value,
        "kind": "new",
        "article_id": None,
        "outlet": "Hà Nội Mới",
        "source": "Reuters",
        "url": None,
        "published_at": datetime(2024, 9, 7, tzinfo=UTC),
        "quote": "...",
        "recorded_at": NOW,
    }
    values.update(changes)
    return FigureEntry(**values)  # type: ignore[arg-type]


def test_a_deadline_change_reads_old_to_new_with_source_date_and_source_count() -> None:
    assert format.render(alert(DEADLINE_PUSHED_BACK), "en") == (
        "⚠️ Deadline changed — coalition leaves Erbil: end of 2026 (was September 2026) · "
        "Reuters via VnExpress, 22 Nov 2026 · 3 sources\n"
        "Before: Tuổi Trẻ, 2 Oct 2026\n"
        '<a href="https://vnexpress.net/a.html?x=1&amp;y=2">Read the article</a>'
    )


def test_a_deadline_change_in_vietnamese() -> None:
    assert format.render(alert(DEADLINE_PUSHED_BACK), "vi") == (
        "⚠️ Thời hạn thay đổi — liên minh rời Erbil: cuối năm 2026 (trước là tháng 9/2026) · "
        "Reuters qua VnExpress, 22/11/2026 · 3 nguồn\n"
        "Trước đó: Tuổi Trẻ, 02/10/2026\n"
        '<a href="https://vnexpress.net/a.html?x=1&amp;y=2">Đọc bài</a>'
    )


def test_a_conflict_is_marked_unconfirmed_in_both_languages() -> None:
    english = format.render(alert(TROOP_COUNTS_DIFFER, url=None), "en")
    assert english == (
        "❓ Troop count unconfirmed, reports differ — US troops in Iraq: 3,000 "
        "(other report: about 2,500) · VnExpress, 22 Nov 2026 · 1 source\n"
        "Other report: AP via Tuổi Trẻ, 21 Nov 2026"
    )
    vietnamese = format.render(alert(TROOP_COUNTS_DIFFER, url=None), "vi")
    assert vietnamese.startswith(
        "❓ Quân số chưa xác nhận, các nguồn chưa khớp — binh sĩ Mỹ ở Iraq: 3.000 "
        "(nguồn khác: khoảng 2.500) · VnExpress, 22/11/2026 · 1 nguồn\n"
        "Nguồn khác: AP qua Tuổi Trẻ, 21/11/2026"
    )


def test_a_change_from_another_deadline_of_the_family_names_it() -> None:
    change = dataclasses.replace(
        DEADLINE_PUSHED_BACK,
        key="deadline/coalition leaves Iraq",
        old_key="deadline/US combat mission ends in Iraq",
        old_value="2021",
        old_precision="year-end",
        old_outlet="Vietnam+ (TTXVN)",
    )
    lines = format.render(alert(change), "en").splitlines()
    assert lines[0].startswith("⚠️ Deadline changed — coalition leaves Iraq: end of 2026 (was end")
    assert lines[1] == (
        "Before: US combat mission ends in Iraq: end of 2021 · Vietnam+ (TTXVN), 2 Oct 2026"
    )
    vietnamese = format.render(alert(change), "vi").splitlines()[1]
    assert vietnamese.startswith("Trước đó: Mỹ kết thúc sứ mệnh chiến đấu ở Iraq: cuối năm 2021")


def test_feed_text_in_a_figure_alert_never_breaks_the_markup() -> None:
    change = dataclasses.replace(DEADLINE_PUSHED_BACK, source="<i>R&R</i>", old_outlet="A<B>")
    text = format.render(alert(change, outlet="Tin & Tức", url='https://x/"><script>'), "en")
    assert "&lt;i&gt;R&amp;R&lt;/i&gt; via Tin &amp; Tức" in text
    assert "Before: A&lt;B&gt;" in text
    assert 'href="https://x/&quot;&gt;&lt;script&gt;"' in text


def test_a_figure_alert_for_the_terminal_has_no_markup() -> None:
    text = format.alert_plain(alert(DEADLINE_PUSHED_BACK))
    assert text.splitlines()[0].startswith("⚠️ Deadline changed — coalition leaves Erbil")
    assert text.splitlines()[-1] == "   https://vnexpress.net/a.html?x=1&y=2"


@pytest.mark.parametrize(
    ("key", "value", "precision", "english", "vietnamese"),
    [
        ("troops/US/Iraq", "2500", "approx", "about 2,500", "khoảng 2.500"),
        ("troops/US/Iraq/planned", "3000", "exact", "3,000", "3.000"),
        (ERBIL, "2026", "year-end", "end of 2026", "cuối năm 2026"),
        (ERBIL, "2025-09", "month", "September 2025", "tháng 9/2025"),
        (ERBIL, "2021-12-31", "day", "31 December 2021", "31/12/2021"),
        (ERBIL, "2026", "year", "2026", "năm 2026"),
    ],
)
def test_values_read_naturally_in_each_language(
    key: str, value: str, precision: str, english: str, vietnamese: str
) -> None:
    assert format.figure_value(key, value, precision, "en") == english
    assert format.figure_value(key, value, precision, "vi") == vietnamese


def test_status_lists_each_figures_current_value_source_and_date() -> None:
    current = [
        FigureNow(entry("deadline/coalition leaves Iraq", "2026", "year-end"), 2),
        FigureNow(entry("troops/US/Iraq", "2500", "approx", source=None), 4),
        FigureNow(entry("troops/US/Iraq/past", "5200", "exact"), 1),
    ]
    assert format.figures_status(current, "en") == (
        "📊 <b>Figures</b>\n"
        "• coalition leaves Iraq: end of 2026 · Reuters via Hà Nội Mới, 7 Sep 2024 · 2 sources\n"
        "• US troops in Iraq: about 2,500 · Hà Nội Mới, 7 Sep 2024 · 4 sources\n"
        "/history — a figure's timeline"
    )
    assert "• binh sĩ Mỹ ở Iraq: khoảng 2.500 · Hà Nội Mới, 07/09/2024 · 4 nguồn" in (
        format.figures_status(current, "vi")
    )
    assert format.figures_status([], "en") == "📊 <b>Figures</b>\n—"


def test_history_shows_a_figures_timeline_with_how_each_report_was_judged() -> None:
    entries = [
        entry("troops/US/Iraq", "2500", "exact", source=None, outlet="Vietnam+"),
        entry("troops/US/Iraq", "3000", "exact", kind="conflict", outlet="<b>X</b>"),
    ]
    assert format.figure_history("troops/US/Iraq", entries, "en") == (
        "📈 <b>US troops in Iraq</b>\n"
        "• 7 Sep 2024 — 2,500 · Vietnam+ (first report)\n"
        "• 7 Sep 2024 — 3,000 · Reuters via &lt;b&gt;X&lt;/b&gt; (disputed)"
    )


def test_history_finds_a_figure_by_its_stable_number_or_by_words_in_either_language() -> None:
    keys = ["deadline/coalition leaves Erbil", "deadline/coalition leaves Iraq", "troops/US/Iraq"]
    numbers = {keys[0]: 4, keys[1]: 17, keys[2]: 9, "troops/US/Iraq/planned": 30}
    assert find_figures(numbers, "17") == ["deadline/coalition leaves Iraq"]
    assert find_figures(numbers, "2") == []
    assert find_figures(numbers, "ERBIL") == ["deadline/coalition leaves Erbil"]
    assert find_figures(numbers, "binh sĩ mỹ") == ["troops/US/Iraq"]
    assert find_figures(numbers, "leaves") == keys[:2]
    for words in ("quân số", "troops", "quan so"):  # the count now, before the planned one
        assert find_figures(numbers, words) == ["troops/US/Iraq"]
    for words in ("hạn chót", "deadline", "rời Iraq"):
        assert "deadline/coalition leaves Iraq" in find_figures(numbers, words)
    assert find_figures(numbers, "planned") == ["troops/US/Iraq/planned"]
    listing = format.figure_list([(1, keys[0]), (3, keys[2])], "en", unknown="<x>")
    assert listing.splitlines() == [
        "No figure matches “&lt;x&gt;”.",
        "📈 <b>Figure timelines</b>",
        "1. coalition leaves Erbil",
        "3. US troops in Iraq",
        "Send /history 1 to see one.",
    ]
