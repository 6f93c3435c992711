"""delivery.claimed_by/claimed_until and the instance table: several services on one database

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storage.models import UTCDateTime

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMNs (no table rebuild): a pending row without a claim is free, as before.
    op.add_column("delivery", sa.Column("claimed_by", sa.String(), nullable=True))
    op.add_column("delivery", sa.Column("claimed_until", UTCDateTime(), nullable=True))
    op.create_index("ix_delivery_chat_claim", "delivery", ["chat_id", "claimed_until"])
    op.create_table(
        "instance",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("seen_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )


def downgrade() -> None:
    op.drop_table("instance")
    op.drop_index("ix_delivery_chat_claim", table_name="delivery")
    with op.batch_alter_table("delivery", schema=None) as batch_op:
        batch_op.drop_column("claimed_until")
        batch_op.drop_column("claimed_by")
