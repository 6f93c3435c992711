"""Subscriber preferences, keyword filters, mutes, article traces for /why, runtime feeds

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storage.models import UTCDateTime

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("feed", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("origin", sa.String(), nullable=False, server_default="config")
        )
        batch_op.add_column(sa.Column("paused", sa.Boolean(), nullable=False, server_default="0"))
    with op.batch_alter_table("subscriber", schema=None) as batch_op:
        batch_op.add_column(sa.Column("receive", sa.String(), nullable=False, server_default="all"))
        batch_op.add_column(sa.Column("chosen", sa.String(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("language_chosen", sa.Boolean(), nullable=False, server_default="0")
        )
    op.create_table(
        "subscriber_filter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("phrase", sa.String(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("chat_id", "kind", "phrase", name="uq_subscriber_filter"),
    )
    with op.batch_alter_table("subscriber_filter", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_subscriber_filter_chat_id"), ["chat_id"], unique=False)
    op.create_table(
        "mute",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("story_id", sa.Integer(), nullable=True),
        sa.Column("alert_id", sa.Integer(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["alert_id"], ["alert.id"]),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("chat_id", "article_id", name="uq_mute_chat_article"),
    )
    with op.batch_alter_table("mute", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mute_chat_id"), ["chat_id"], unique=False)
    op.create_table(
        "article_trace",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("link", sa.String(), nullable=False),
        sa.Column("feed_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("url", sa.String(), nullable=True),
        sa.Column("guid", sa.String(), nullable=True),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("duplicate_of", sa.Integer(), nullable=True),
        sa.Column("relevance", sa.String(), nullable=True),
        sa.Column("seen_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"]),
        sa.ForeignKeyConstraint(["duplicate_of"], ["article.id"]),
        sa.ForeignKeyConstraint(["feed_id"], ["feed.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("link", name="uq_article_trace_link"),
    )
    with op.batch_alter_table("article_trace", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_article_trace_article_id"), ["article_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("article_trace", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_trace_article_id"))
    op.drop_table("article_trace")
    with op.batch_alter_table("mute", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mute_chat_id"))
    op.drop_table("mute")
    with op.batch_alter_table("subscriber_filter", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_subscriber_filter_chat_id"))
    op.drop_table("subscriber_filter")
    with op.batch_alter_table("subscriber", schema=None) as batch_op:
        for column in ("language_chosen", "chosen", "receive"):
            batch_op.drop_column(column)
    with op.batch_alter_table("feed", schema=None) as batch_op:
        for column in ("paused", "origin"):
            batch_op.drop_column(column)
