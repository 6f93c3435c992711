"""feed.moved_from: the URL a feed had before a permanent redirect moved it

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN and a unique index: no table rebuild, so the rows that refer to
    # feeds (articles) are never touched.
    op.add_column("feed", sa.Column("moved_from", sa.String(), nullable=True))
    op.create_index("uq_feed_moved_from", "feed", ["moved_from"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_feed_moved_from", table_name="feed")
    with op.batch_alter_table("feed", schema=None) as batch_op:
        batch_op.drop_column("moved_from")
