"""story_fold: a story folded into another when a new report bridged the two

A new report that joins one story and matches a report of another as surely as a translation
shows both are one event: the other's articles move to the story it joined. A row per fold
tells each process's story index which cached candidates changed story
(``watchers.stories.matcher``).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storage.models import UTCDateTime

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "story_fold",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("from_story_id", sa.Integer(), nullable=False),
        sa.Column("to_story_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["from_story_id"], ["story.id"]),
        sa.ForeignKeyConstraint(["to_story_id"], ["story.id"]),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"]),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("story_fold")
