"""The UPDATEs that record a feed check's outcome on its row (``Store.finish_checks``)."""

from __future__ import annotations

import logging
from typing import Any

import sqlalchemy as sa

from storage.models import UTCDateTime
from storage.tables import feeds

log = logging.getLogger("storage.store")  # the feed events keep the store's logger


def finish_statement(status: str) -> sa.Update:
    """The UPDATE recording one kind of check outcome (parameters prefixed ``b_``)."""
    b = sa.bindparam
    values: dict[str, Any] = {
        "last_checked_at": b("b_at", type_=UTCDateTime()),
        "last_status": status,
        "next_check_at": b("b_next", type_=UTCDateTime()),
        "claimed_by": None,
        "claimed_until": None,
    }
    if status in ("error", "gone"):
        values.update(error_count=feeds.c.error_count + 1, last_error=b("b_error"))
    else:
        values.update(error_count=0, last_error=None, backlog_done=True)
    if status == "gone":
        values.update(paused=True)  # not polled again until an administrator resumes it
    if status == "ok":
        values.update(
            etag=b("b_etag"),
            last_modified=b("b_modified"),
            items_seen=feeds.c.items_seen + b("b_items", type_=sa.Integer()),
        )
    return feeds.update().where(feeds.c.id == b("b_id")).values(**values)


FINISH = {s: finish_statement(s) for s in ("ok", "not_modified", "error", "gone")}


def move(conn: sa.Connection, feed_id: int, new_url: str) -> None:
    """A feed answered with permanent redirects: poll the new URL from now on, and remember
    the old one (the configuration may still name it). A feed already at the new URL wins."""
    taken = conn.execute(sa.select(feeds.c.id).where(feeds.c.url == new_url)).first()
    if taken is not None:
        log.warning(
            "feed.move_skipped feed_id=%d to=%s reason=another feed has it", feed_id, new_url
        )
        return
    old = conn.execute(sa.select(feeds.c.url).where(feeds.c.id == feed_id)).scalar_one()
    conn.execute(feeds.update().where(feeds.c.id == feed_id).values(url=new_url, moved_from=old))
    log.info("feed.moved feed_id=%d from=%s to=%s", feed_id, old, new_url)
