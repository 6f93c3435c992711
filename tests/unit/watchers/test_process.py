"""The reading step: a batch and what is known in, intents out — decided without any I/O."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from storage.ledger_types import FigureEntry
from storage.story_types import StoredVersion, StoryState
from storage.types import KnownIdentities, NewArticle
from watchers.identity.keys import content_hash
from watchers.process import Batch, Known, process
from watchers.worker import Prepared, read

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)
NOTHING = Known(KnownIdentities(frozenset(), frozenset()))


def article(n: int, title: str, body: str, *, age: timedelta = timedelta(hours=1)) -> Prepared:
    return read(
        NewArticle(
            feed_id=1,
            guid=f"g-{n}",
            url=f"https://news.example/{n}",
            canonical_url=f"https://news.example/{n}",
            content_hash=content_hash(title, body),
            title=title,
            summary=body,
            published_at=NOW - age,
            relevant=True,
            matched=("Iraq", "rút quân"),
        )
    )


TIMETABLE = article(
    1,
    "Mỹ công bố lịch rút quân khỏi Iraq",
    "Liên minh do Mỹ dẫn đầu sẽ rời khỏi Iraq vào cuối năm 2027, Lầu Năm Góc cho biết hôm thứ Hai.",
    age=10 * DAY,
)
PUSHED_BACK = article(
    2,
    "Mỹ lùi thời hạn rút quân khỏi Iraq sang năm 2028",
    "Theo Reuters, liên minh do Mỹ dẫn đầu sẽ rời khỏi Iraq vào cuối năm 2028 thay vì 2027.",
)


def batch(*items: Prepared, first_fetch: bool = False) -> Batch:
    return Batch(feed_id=1, outlet="VnExpress", first_fetch=first_fetch, items=items)


def run(b: Batch, known: Known = NOTHING) -> tuple[list[str], list[str]]:
    """(alert kinds in order, figure decision kinds)."""
    intents = process(b, known, now=NOW, backlog_window=DAY)
    return [p.alert.kind for p in intents.alerts], [f.entry.kind for f in intents.figures]


def test_a_new_article_starts_a_story_that_alerts_and_records_its_figures_quietly() -> None:
    intents = process(batch(TIMETABLE), NOTHING, now=NOW, backlog_window=DAY)
    assert [a.guid for a in intents.articles] == ["g-1"]
    (placement,) = intents.placements
    assert (placement.story, placement.joins, placement.announces) == (None, None, True)
    assert [(p.alert.kind, p.article) for p in intents.alerts] == [("story", 0)]
    assert [(f.entry.key, f.entry.kind, f.article) for f in intents.figures] == [
        ("deadline/coalition leaves Iraq", "new", 0)
    ]
    assert [t.article for t in intents.traces] == [0]


def test_a_later_article_of_the_same_batch_is_judged_against_an_earlier_one() -> None:
    alerts, kinds = run(batch(PUSHED_BACK, TIMETABLE))  # feed order: newest first
    assert kinds == ["new", "changed"]  # judged oldest first
    assert alerts == ["figure", "story", "story"]  # the change goes ahead of the stories


def test_a_change_is_judged_against_the_ledger_as_storage_knows_it() -> None:
    stored = FigureEntry(
        id=7, key="deadline/coalition leaves Iraq", value="2027", precision="year-end",
        level="2027-12-31", kind="new", article_id=1, outlet="Tuổi Trẻ", source=None,
        url=None, published_at=NOW - 10 * DAY, quote="…", recorded_at=NOW - 10 * DAY,
    )  # fmt: skip
    known = replace(NOTHING, timelines={stored.key: (stored,)})
    intents = process(batch(PUSHED_BACK), known, now=NOW, backlog_window=DAY)
    (figure, story) = intents.alerts
    assert figure.alert.figure is not None
    assert (figure.alert.figure.old_value, figure.alert.figure.value) == ("2027", "2028")
    assert (figure.article, story.alert.kind) == (0, "story")


def test_on_a_feeds_first_fetch_old_items_are_kept_without_alerts() -> None:
    intents = process(batch(TIMETABLE, first_fetch=True), NOTHING, now=NOW, backlog_window=DAY)
    assert [d.reason for d in intents.decisions] == ["backlog"]
    assert len(intents.articles) == 1
    assert intents.alerts == ()
    assert not intents.placements[0].announces


def test_an_exact_copy_joins_the_stored_story_and_edits_its_alert() -> None:
    copy = replace(
        TIMETABLE, article=replace(TIMETABLE.article, guid="other", url="https://b.example/1",
                                   canonical_url="https://b.example/1"),
    )  # fmt: skip
    copies = {TIMETABLE.article.content_hash: 42}
    known = replace(NOTHING, copies=copies, stories={42: StoryState(True, {})})
    intents = process(batch(copy), known, now=NOW, backlog_window=DAY)
    (placement,) = intents.placements
    assert (placement.story, placement.announces) == (42, False)
    assert intents.edits == (42,)
    assert [p.alert.kind for p in intents.alerts] == []


def test_two_copies_in_one_batch_make_one_story_and_one_alert() -> None:
    copy = replace(
        TIMETABLE, article=replace(TIMETABLE.article, guid="other", url="https://b.example/1",
                                   canonical_url="https://b.example/1"),
    )  # fmt: skip
    intents = process(batch(TIMETABLE, copy), NOTHING, now=NOW, backlog_window=DAY)
    first, second = intents.placements
    assert (first.story, first.joins, first.announces) == (None, None, True)
    assert (second.story, second.joins, second.announces) == (None, 0, False)
    assert intents.edits == ()  # the story's alert is not sent yet: nothing to edit
    assert [p.alert.kind for p in intents.alerts] == ["story"]


def test_a_repost_with_new_text_is_a_version_not_an_article() -> None:
    edited = replace(
        TIMETABLE,
        article=replace(TIMETABLE.article, summary="Bản đã sửa.", content_hash="changed"),
    )
    stored = StoredVersion(article_id=5, story_id=3, version=1, content_hash="old", relevant=True)
    known = Known(
        KnownIdentities(frozenset({"g-1"}), frozenset()), versions={("guid", "g-1"): stored}
    )
    intents = process(batch(edited), known, now=NOW, backlog_window=DAY)
    assert intents.articles == ()
    assert [(v.version.article_id, v.version.content_hash) for v in intents.versions] == [
        (5, "changed")
    ]
    assert intents.alerts == ()


def test_a_repost_with_the_same_text_changes_nothing() -> None:
    stored = StoredVersion(5, 3, 1, TIMETABLE.article.content_hash, True)
    known = Known(
        KnownIdentities(frozenset({"g-1"}), frozenset()), versions={("guid", "g-1"): stored}
    )
    intents = process(batch(TIMETABLE), known, now=NOW, backlog_window=DAY)
    assert (intents.articles, intents.versions, intents.alerts) == ((), (), ())
    assert [d.reason for d in intents.decisions] == ["duplicate_guid"]


def test_the_same_batch_and_knowledge_give_the_same_intents() -> None:
    b = batch(PUSHED_BACK, TIMETABLE)
    assert process(b, NOTHING, now=NOW, backlog_window=DAY) == process(
        b, NOTHING, now=NOW, backlog_window=DAY
    )


def test_a_vietnamese_report_is_read_on_hanois_day() -> None:
    """Published at 06:30 in Hanoi, 23:30 UTC the day before: its "ngày 6/10" is today."""
    early = datetime(2027, 10, 5, 23, 30, tzinfo=UTC)
    lead = "Lầu Năm Góc ngày 6/10 cho biết Mỹ sẽ rút khoảng 400 binh sĩ khỏi Iraq."
    prepared = read(replace(TIMETABLE.article, summary=lead, published_at=early))
    assert prepared.evidence is not None
    assert (prepared.evidence.published, prepared.evidence.dated) == (date(2027, 10, 6), True)
