"""``drawdown db backup``, ``db prune`` and ``db reindex`` on the database a real service wrote."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel

from storage.db import create_engine
from storage.store import Store
from storage.tables import evidences
from tests.e2e.commands import drawdown
from tests.e2e.http import wait_for_status
from tests.e2e.service import ServiceProcess, write_config
from tests.servers import FeedItem, FeedServer, rss
from tests.waiting import until
from watchers.stories.similar import BANDS, codec

pytestmark = pytest.mark.slow

STORY = FeedItem(
    guid="vnx-1",
    link="https://vnexpress.net/my-rut-quan-1.html",
    title="Mỹ và Iraq đạt được thỏa thuận về kế hoạch rút quân",
    description="Khoảng 2.500 binh sĩ Mỹ sẽ rời Iraq vào tháng 9-2025.",
    published=datetime.now(UTC),
)


def everything(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows but the running instances' heartbeats (``instance``: a row while
    the service runs, none once it has stopped)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {
                t.name: [tuple(r) for r in conn.execute(t.select().order_by(*t.primary_key))]
                for t in SQLModel.metadata.sorted_tables
                if t.name != "instance"
            }
    finally:
        engine.dispose()


def wait_until_checked(service: ServiceProcess, database: Path) -> None:
    """The first check's outcome is written to the feed's row (at the next tick)."""
    service.wait_for_log("service.started")
    store = Store(create_engine(f"sqlite:///{database}"))

    def checked() -> bool:
        statuses = store.feed_statuses()
        return bool(statuses) and all(f.last_checked_at for f in statuses)

    try:
        until("every feed's first check written", checked, timeout=10)
    finally:
        store.engine.dispose()


def test_a_backup_of_the_running_service_restores_to_the_same_data(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.set_feed("/f", rss([STORY]))
    config = write_config(tmp_path, feeds=[("VnExpress", feed_server.url("/f"))], interval=3600)
    database = tmp_path / "drawdown.db"
    backups = tmp_path / "backups"
    backups.mkdir()
    with ServiceProcess(tmp_path, config, token=None) as service:
        wait_until_checked(service, database)
        assert STORY.title in service.stdout()
        result = drawdown("db", "backup", "--config", str(config), str(backups), token=None)
        assert result.returncode == 0, result.stderr
        assert service.stop() == 0
    (copy,) = backups.glob("drawdown-*.db")
    assert result.stdout.startswith(f"backed up to {copy} (")
    assert "1 article" in result.stdout
    assert everything(f"sqlite:///{copy}") == everything(f"sqlite:///{database}")

    # The README's restore: the service stopped, the copy in place, the old log removed.
    damage = sa.create_engine(f"sqlite:///{database}")
    with damage.begin() as conn:
        conn.execute(sa.text("DELETE FROM alert"))  # what the backup must bring back
        conn.execute(sa.text("DELETE FROM article"))
    damage.dispose()
    shutil.copy(copy, database)
    for log in ("drawdown.db-wal", "drawdown.db-shm"):
        (tmp_path / log).unlink(missing_ok=True)
    with ServiceProcess(tmp_path, config, token=None) as service:
        wait_for_status(service.health_url() + "/healthz", 200)
        assert service.stop() == 0
    assert service.stdout().count(STORY.title) == 1  # known again: not alerted twice
    restored = everything(f"sqlite:///{database}")
    assert [row[6] for row in restored["article"]] == [STORY.title]


def test_the_service_prunes_on_its_timer_and_the_command_line_at_once(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.set_feed("/f", rss([STORY]))
    config = write_config(
        tmp_path,
        feeds=[("VnExpress", feed_server.url("/f"))],
        interval=3600,
        extra='[retention]\narticle_bodies = "1ms"\nevery = "1s"',
    )
    with ServiceProcess(tmp_path, config, token=None) as service:
        service.wait_for_log("db.pruned bodies=1 deliveries=0")
        assert service.stop() == 0
    (article,) = everything(f"sqlite:///{tmp_path / 'drawdown.db'}")["article"]
    assert article[6] == STORY.title  # the story stays
    assert article[7] == ""  # its body is gone

    result = drawdown("db", "prune", "--config", str(config), token=None)

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("emptied 0 article bodies older than ")


def test_a_postgresql_backup_is_left_to_pg_dump(tmp_path: Path) -> None:
    config = write_config(tmp_path, feeds=[("A", "https://a.example/rss")])
    url = "postgresql://drawdown:secret@127.0.0.1:5432/drawdown"

    result = drawdown(
        "db", "backup", "--config", str(config), "drawdown.dump",
        token=None, env={"DRAWDOWN_DATABASE_URL": url},
    )  # fmt: skip

    assert result.returncode == 1
    assert "is not a SQLite file" in result.stderr
    assert "pg_dump --format=custom --file=drawdown.dump" in result.stderr
    assert "pg_restore" in result.stderr
    assert "secret" not in result.stderr


def test_reindex_writes_again_the_index_rows_an_older_version_stored_and_says_so(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.set_feed("/f", rss([STORY]))
    config = write_config(tmp_path, feeds=[("VnExpress", feed_server.url("/f"))], interval=3600)
    database = tmp_path / "drawdown.db"
    with ServiceProcess(tmp_path, config, token=None) as service:
        wait_until_checked(service, database)
        assert service.stop() == 0
    engine = create_engine(f"sqlite:///{database}")
    with engine.begin() as conn:  # the rows as the last version stored them: 16 bands
        ((evidence, slots),) = conn.execute(sa.select(evidences.c.evidence, evidences.c.slots))
        assert slots == codec.slots(codec.decode(evidence))
        old = slots[: 16 * 4] + slots[BANDS * 4 :]
        conn.execute(evidences.update().values(slots=old))

    told = drawdown("doctor", "--config", str(config), token=None)
    first = drawdown("db", "reindex", "--config", str(config), token=None)
    again = drawdown("db", "reindex", "--config", str(config), token=None)
    after = drawdown("doctor", "--config", str(config), token=None)

    assert "warn  index     1 of the 1 oldest stored articles have story index rows" in told.stdout
    assert "fix: `drawdown db reindex`, then restart the service" in told.stdout
    assert "warn  index" not in after.stdout

    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("read the index rows of 1 stored articles; wrote 1 again.")
    assert "Start the service to load them" in first.stdout
    assert again.stdout.startswith("read the index rows of 1 stored articles; wrote 0 again.")
    with engine.connect() as conn:
        assert conn.execute(sa.select(evidences.c.slots)).scalar_one() == slots
    damaged = evidence[: evidence.index(b'{"lang"')] + b'{"anchors":[]}'  # no language
    with engine.begin() as conn:  # evidence this version cannot read keeps its rows
        conn.execute(evidences.update().values(evidence=damaged, slots=old))
    kept = drawdown("db", "reindex", "--config", str(config), token=None)
    assert kept.returncode == 1
    assert "error: kept the index rows of 1 stored articles whose evidence" in kept.stderr
    with engine.connect() as conn:
        assert conn.execute(sa.select(evidences.c.slots)).scalar_one() == old
    engine.dispose()
