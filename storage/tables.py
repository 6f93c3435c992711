"""The SQLAlchemy Core tables behind the SQLModel rows, for the query modules."""

from __future__ import annotations

from typing import cast

import sqlalchemy as sa
from sqlmodel import SQLModel

from storage.models import (
    Alert,
    Article,
    ArticleTrace,
    ArticleVersion,
    Delivery,
    Feed,
    Instance,
    LedgerEntry,
    Mute,
    Story,
    StoryEvidence,
    StorySplit,
    Subscriber,
    SubscriberFilter,
)


def _table(model: type[SQLModel]) -> sa.Table:
    return cast(sa.Table, model.__table__)  # type: ignore[attr-defined]  # set by SQLModel's metaclass


feeds = _table(Feed)
articles = _table(Article)
subscribers = _table(Subscriber)
alerts = _table(Alert)
deliveries = _table(Delivery)
filters = _table(SubscriberFilter)
mutes = _table(Mute)
traces = _table(ArticleTrace)
instances = _table(Instance)
stories = _table(Story)
versions = _table(ArticleVersion)
evidences = _table(StoryEvidence)
entries = _table(LedgerEntry)
splits = _table(StorySplit)
