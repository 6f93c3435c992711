"""story_split: an administrator's /split of an article out of the story it had joined

The article becomes a story of its own and sends its alert. A row per split tells each
process's story index which cached candidates changed story (``watchers.stories.matcher``)
and /why what happened.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storage.models import UTCDateTime

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "story_split",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("from_story_id", sa.Integer(), nullable=False),
        sa.Column("to_story_id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"]),
        sa.ForeignKeyConstraint(["from_story_id"], ["story.id"]),
        sa.ForeignKeyConstraint(["to_story_id"], ["story.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_story_split_article_id", "story_split", ["article_id"])


def downgrade() -> None:
    op.drop_index("ix_story_split_article_id", table_name="story_split")
    op.drop_table("story_split")
