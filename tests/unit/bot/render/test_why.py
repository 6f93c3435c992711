"""/why and /sources as a reader gets them, in both languages."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from bot.render import why as why_format
from storage.ledger_types import FigureEntry
from storage.preference_types import Explanation, SeenArticle, SentTo, Sighting
from storage.sources import Source

NOW = datetime(2026, 11, 22, 10, 2, tzinfo=UTC)
ARTICLE = SeenArticle(
    id=1, title="Mỹ lùi thời hạn <rút quân>", outlet="VnExpress", url=None,
    published_at=NOW - timedelta(hours=1), seen_at=NOW, relevant=True,
    matched=("Iraq*", "rút quân"), reason="new", relevance="on topic",
)  # fmt: skip
STORY = SentTo(1, "story", None, NOW, "sent", NOW, NOW, None)


def explain(**changes: object) -> Explanation:
    values: dict[str, object] = {
        "article": ARTICLE, "duplicate": None, "figures": (), "alerts": (STORY,),
    }  # fmt: skip
    values.update(changes)
    return Explanation(**values)  # type: ignore[arg-type]


def test_a_kept_and_sent_article_names_its_keywords_and_when_it_was_sent() -> None:
    assert why_format.why(explain(), "en") == (
        "🔍 <b>Mỹ lùi thời hạn &lt;rút quân&gt;</b>\n"
        "VnExpress · published 22 Nov 2026 09:02 UTC · seen 22 Nov 2026 10:02 UTC\n"
        "✅ Kept: on the topic (keywords: Iraq, rút quân).\n"
        "📰 Story alert: sent to you 22 Nov 2026 10:02 UTC"
    )
    assert why_format.why(explain(), "vi").splitlines()[1:] == [
        "VnExpress · đăng 22/11/2026 09:02 UTC · ghi nhận lúc 22/11/2026 10:02 UTC",
        "✅ Giữ lại: đúng chủ đề (từ khóa: Iraq, rút quân).",
        "📰 Tin mới: đã gửi cho bạn lúc 22/11/2026 10:02 UTC",
    ]


def test_a_dropped_article_says_which_rule_dropped_it() -> None:
    dropped = dataclasses.replace(
        ARTICLE, relevant=False, reason="not_relevant", relevance="about elsewhere",
        matched=("Iraq",),
    )  # fmt: skip
    assert why_format.why(explain(article=dropped, alerts=()), "en").splitlines()[-1] == (
        "❌ Dropped: not about troops leaving Iraq — it is about another theatre (found: Iraq)."
    )
    backlog = dataclasses.replace(ARTICLE, reason="backlog")
    assert why_format.why(explain(article=backlog, alerts=()), "vi").splitlines()[-1] == (
        "⏸ Lưu lại, không gửi: bài đã có sẵn trong nguồn khi nguồn được kiểm tra lần đầu."
    )


def test_a_republication_names_the_article_it_repeats() -> None:
    seen = Sighting("Tuổi Trẻ", NOW, "duplicate_url")
    first = why_format.why(explain(duplicate=seen), "en").splitlines()[0]
    assert first == (
        "♻️ Seen 22 Nov 2026 10:02 UTC in Tuổi Trẻ as a re-publication (the same address) of the "
        "article below: not stored again, no second alert."
    )


def test_figures_and_each_alerts_fate_for_the_reader() -> None:
    stale = FigureEntry(
        id=1, key="deadline/coalition leaves Iraq", value="2027", precision="year-end",
        level="2027-12-31", kind="stale", article_id=1, outlet="VnExpress", source=None,
        url=None, published_at=NOW, quote="", recorded_at=NOW,
    )  # fmt: skip
    alerts = (
        SentTo(2, "figure", "deadline/coalition leaves Iraq", NOW, "filtered", None, NOW,
               "receive=chosen"),
        dataclasses.replace(STORY, status="filtered", last_error="exclude=Syria & co"),
        dataclasses.replace(STORY, status="held"),
        dataclasses.replace(STORY, status="pending", last_error="quiet hours",
                            next_attempt_at=NOW + timedelta(hours=7)),
        dataclasses.replace(STORY, status="failed", last_error="bad request: <x>"),
        dataclasses.replace(STORY, status=None),
    )  # fmt: skip
    lines = why_format.why(explain(figures=(stale,), alerts=alerts), "en").splitlines()[3:]
    assert lines == [
        "📊 Figures in it:",
        "• coalition leaves Iraq: end of 2027 — older than the current figure: kept, not alerted",
        "📊 Figure alert (coalition leaves Iraq): not sent to you: filtered by your settings "
        "(only your chosen figures)",
        "📰 Story alert: not sent to you: filtered by your settings (excluded “Syria &amp; co”)",
        "📰 Story alert: held for your next digest",
        "📰 Story alert: waiting for your quiet hours to end (22 Nov 2026 17:02 UTC)",
        "📰 Story alert: could not be sent: bad request: &lt;x&gt;",
        "📰 Story alert: sent 22 Nov 2026 10:02 UTC, when you were not subscribed",
    ]


def test_every_kind_the_ledger_decides_is_explained_in_both_languages() -> None:
    from watchers.figures.judge import KINDS

    base = FigureEntry(
        id=1, key="troops/US/Iraq", value="2000", precision="approx", level="2000", kind="new",
        article_id=1, outlet="VnExpress", source=None, url=None, published_at=NOW, quote="",
        recorded_at=NOW,
    )  # fmt: skip
    for kind in KINDS:
        entry = dataclasses.replace(base, kind=kind)
        for language in ("en", "vi"):
            text = why_format.why(explain(figures=(entry,)), language)
            assert f"— {kind}" not in text, (kind, language)  # a sentence, never the raw kind


def test_sources_show_health_and_what_share_is_on_the_topic() -> None:
    ok = Source(1, "VnExpress", "https://v", "vi", "config", False, 300, NOW - timedelta(minutes=3),
                "ok", 0, None, 2500, 1200)  # fmt: skip
    down = dataclasses.replace(ok, name="BBC", lang="en", last_status="error", error_count=3,
                               last_error="cannot fetch: HTTP 503")  # fmt: skip
    paused = dataclasses.replace(ok, name="VOV", paused=True)
    new = dataclasses.replace(ok, name="Dân trí", last_checked_at=None)
    assert why_format.sources([ok, down, paused, new], "vi", NOW) == (
        "📡 <b>Nguồn tin</b> (4)\n"
        "🟢 VnExpress (vi) — kiểm tra 3 phút trước · 1.200/2.500 bài đúng chủ đề\n"
        "🔴 BBC (en) — đang lỗi ×3 (3 phút trước): cannot fetch: HTTP 503\n"
        "⏸ VOV (vi) — tạm dừng\n"
        "⚪ Dân trí (vi) — chưa kiểm tra"
    )
    assert why_format.sources([ok], "en", NOW).splitlines()[1] == (
        "🟢 VnExpress (vi) — checked 3 min ago · 1,200 of 2,500 on the topic"
    )
