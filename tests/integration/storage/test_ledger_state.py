"""The ledger's current values are the decider's: stale and unconfirmed reports are history."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from storage.db import create_engine, upgrade
from storage.ledger import Ledger
from tests.integration.storage.test_ledger import report

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def test_stale_and_unconfirmed_reports_never_become_the_current_value(database_url: str) -> None:
    engine = create_engine(database_url)
    upgrade(engine)
    ledger = Ledger(engine)
    ledger.record(
        [
            report(value="2500", published=NOW - 90 * DAY, outlet="AP"),
            report(value="2000", published=NOW - 30 * DAY, outlet="Reuters", kind="changed"),
            report(value="2500", published=NOW - 2 * DAY, outlet="Dân trí", kind="stale"),
            report(value="1500", published=NOW - DAY, outlet="Tuổi Trẻ", kind="unconfirmed"),
        ],
        NOW,
    )
    (now,) = ledger.current()
    assert (now.entry.value, now.entry.kind, now.entry.outlet) == ("2000", "changed", "Reuters")
    assert [(e.value, e.kind) for e in ledger.history("troops/US/Iraq")] == [
        ("2500", "new"),
        ("2000", "changed"),
        ("2500", "stale"),
        ("1500", "unconfirmed"),
    ]
    engine.dispose()


def test_a_key_with_only_history_shows_its_latest_report(database_url: str) -> None:
    engine = create_engine(database_url)
    upgrade(engine)
    ledger = Ledger(engine)
    ledger.record([report(value="1500", kind="unconfirmed")], NOW)
    (now,) = ledger.current()
    assert now.entry.value == "1500"
    engine.dispose()
