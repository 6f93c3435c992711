"""The figure ledger's queries, on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

from storage.db import create_engine, upgrade
from storage.ledger import Ledger
from storage.ledger_types import FigureChange, NewFigureEntry
from storage.store import Store
from storage.types import AlertIntent

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def report(
    key: str = "troops/US/Iraq",
    value: str = "2500",
    *,
    level: str | None = None,
    outlet: str = "VnExpress",
    source: str | None = None,
    published: datetime = NOW,
    kind: str = "new",
) -> NewFigureEntry:
    return NewFigureEntry(
        key=key,
        value=value,
        precision="approx",
        level=level or value,
        kind=kind,
        article_id=None,
        outlet=outlet,
        source=source,
        url="https://vnexpress.net/a.html",
        published_at=published,
        quote=f"khoảng {value} binh sĩ Mỹ ở Iraq",
    )


def test_the_hand_written_migrations_build_exactly_the_models(database_url: str) -> None:
    engine = create_engine(database_url)
    upgrade(engine)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), SQLModel.metadata) == []
    engine.dispose()


def test_a_timeline_is_in_publication_order_whatever_the_recording_order(store: Store) -> None:
    ledger = Ledger(store.engine)
    ledger.record([report(value="3000", published=NOW)], NOW)
    ledger.record([report(value="2500", published=NOW - 30 * DAY, kind="stale")], NOW)
    ledger.record([report("troops/US/Syria", "900")], NOW)
    timelines = ledger.timelines(["troops/US/Iraq", "deadline/coalition leaves Iraq"])
    assert list(timelines) == ["troops/US/Iraq"]
    assert [(e.value, e.kind) for e in timelines["troops/US/Iraq"]] == [
        ("2500", "stale"),
        ("3000", "new"),
    ]
    first = timelines["troops/US/Iraq"][0]
    assert first.published_at == NOW - 30 * DAY
    assert first.recorded_at == NOW
    assert first.quote == "khoảng 2500 binh sĩ Mỹ ở Iraq"


def test_reports_published_together_keep_the_order_they_were_recorded_in(store: Store) -> None:
    ledger = Ledger(store.engine)
    ids = ledger.record([report(value="2500"), report(value="3000", kind="conflict")], NOW)
    assert ids == sorted(ids)
    (timeline,) = ledger.timelines(["troops/US/Iraq"]).values()
    assert [e.id for e in timeline] == ids


def test_current_values_count_distinct_reporters_of_that_value(store: Store) -> None:
    ledger = Ledger(store.engine)
    ledger.record(
        [
            report(value="2500", outlet="VnExpress", source="Reuters", published=NOW - 3 * DAY),
            report(value="2500", outlet="Tuổi Trẻ", source="Reuters", published=NOW - 2 * DAY),
            report(value="2500", outlet="Dân trí", published=NOW - DAY),
            report(value="2500", outlet="Dân trí", published=NOW - DAY),
            report("deadline/coalition leaves Iraq", "2026", level="2026-12-31"),
        ],
        NOW,
    )
    current = {n.entry.key: n for n in ledger.current()}
    assert list(current) == ["deadline/coalition leaves Iraq", "troops/US/Iraq"]
    troops = current["troops/US/Iraq"]
    assert (troops.entry.outlet, troops.entry.published_at, troops.sources) == (
        "Dân trí",
        NOW - DAY,
        2,
    )
    assert current["deadline/coalition leaves Iraq"].sources == 1


def test_history_gives_the_last_reports_oldest_first(store: Store) -> None:
    ledger = Ledger(store.engine)
    ledger.record([report(value=str(v), published=NOW + v * DAY) for v in range(5)], NOW)
    assert [e.value for e in ledger.history("troops/US/Iraq", limit=3)] == ["2", "3", "4"]
    assert ledger.history("troops/US/Syria") == []
    assert ledger.count() == 5


def test_a_figure_alert_keeps_its_change_through_the_outbox(store: Store) -> None:
    change = FigureChange(
        key="deadline/coalition leaves Erbil",
        kind="changed",
        value="2026",
        precision="year-end",
        source="Reuters",
        sources=3,
        old_key="deadline/coalition leaves Erbil",
        old_value="2026-09",
        old_precision="month",
        old_outlet="Tuổi Trẻ",
        old_source=None,
        old_published_at=NOW - 50 * DAY,
    )
    store.subscribe(1, chat_type="private", name="", language="vi", now=NOW)
    story = AlertIntent("story", 1, None, "Tin", "VnExpress", None, NOW, ("Iraq",))
    store.enqueue_alert(story, NOW)
    figure = AlertIntent("figure", 0, None, "Tin", "VnExpress", None, NOW, (), figure=change)
    store.enqueue_alert(figure, NOW)
    first, second = store.claim_due_deliveries(NOW, 10)
    assert (first.alert.kind, first.alert.figure) == ("figure", change)
    assert (second.alert.kind, second.alert.figure) == ("story", None)
