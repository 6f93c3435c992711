"""Subscriber delivery settings: forum topic, timezone, digest mode and hours, quiet hours

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storage.models import UTCDateTime

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("subscriber", schema=None) as batch_op:
        batch_op.add_column(sa.Column("thread_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("timezone", sa.String(), nullable=False, server_default="UTC")
        )
        batch_op.add_column(
            sa.Column("mode", sa.String(), nullable=False, server_default="instant")
        )
        batch_op.add_column(
            sa.Column("digest_hours", sa.String(), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("quiet_hours", sa.String(), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("next_digest_at", UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("subscriber", schema=None) as batch_op:
        for column in (
            "next_digest_at",
            "quiet_hours",
            "digest_hours",
            "mode",
            "timezone",
            "thread_id",
        ):
            batch_op.drop_column(column)
