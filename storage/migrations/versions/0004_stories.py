"""stories: every article belongs to one story; article versions; story evidence; edits

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storage.models import UTCDateTime

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "story",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_article_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("url", sa.String(), nullable=True),
        sa.Column("outlet", sa.String(), nullable=False),
        sa.Column("first_seen_at", UTCDateTime(), nullable=False),
        sa.Column("latest_at", UTCDateTime(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.Column("outlets", sa.Integer(), nullable=False),
        sa.Column("relevant", sa.Boolean(), nullable=False),
        sa.Column("announced", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("story", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_story_latest_at"), ["latest_at"], unique=False)

    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.add_column(sa.Column("story_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_article_story_id"), ["story_id"], unique=False)
        batch_op.create_foreign_key("fk_article_story_id", "story", ["story_id"], ["id"])
    with op.batch_alter_table("alert", schema=None) as batch_op:
        batch_op.add_column(sa.Column("story_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_alert_story_id"), ["story_id"], unique=False)
        batch_op.create_foreign_key("fk_alert_story_id", "story", ["story_id"], ["id"])
    with op.batch_alter_table("delivery", schema=None) as batch_op:
        batch_op.add_column(sa.Column("edit_message_id", sa.Integer(), nullable=True))

    op.create_table(
        "article_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("summary", sa.String(), nullable=False),
        sa.Column("published_at", UTCDateTime(), nullable=True),
        sa.Column("seen_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("article_version", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_article_version_article_id"), ["article_id"], unique=False
        )

    op.create_table(
        "story_evidence",
        sa.Column("article_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("evidence", sa.LargeBinary(), nullable=False),
        sa.Column("slots", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"]),
        sa.ForeignKeyConstraint(["story_id"], ["story.id"]),
        sa.PrimaryKeyConstraint("article_id"),
    )

    # Every article stored before stories existed is a story of its own.
    _backfill()


def _backfill() -> None:
    op.execute(
        "INSERT INTO story (first_article_id, title, url, outlet, first_seen_at, latest_at,"
        " articles, outlets, relevant, announced)"
        " SELECT article.id, article.title, article.url, feed.name, article.seen_at,"
        " article.seen_at, 1, 1, article.relevant,"
        " EXISTS (SELECT 1 FROM alert WHERE alert.article_id = article.id"
        " AND alert.kind = 'story')"
        " FROM article JOIN feed ON feed.id = article.feed_id ORDER BY article.id"
    )
    op.execute(
        "UPDATE article SET story_id ="
        " (SELECT story.id FROM story WHERE story.first_article_id = article.id)"
    )


def downgrade() -> None:
    op.drop_table("story_evidence")
    with op.batch_alter_table("article_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_version_article_id"))
    op.drop_table("article_version")
    with op.batch_alter_table("delivery", schema=None) as batch_op:
        batch_op.drop_column("edit_message_id")
    with op.batch_alter_table("alert", schema=None) as batch_op:
        batch_op.drop_constraint("fk_alert_story_id", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_alert_story_id"))
        batch_op.drop_column("story_id")
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_constraint("fk_article_story_id", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_article_story_id"))
        batch_op.drop_column("story_id")
    with op.batch_alter_table("story", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_story_latest_at"))
    op.drop_table("story")
