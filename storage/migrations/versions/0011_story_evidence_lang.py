"""story_evidence.lang: a story's reports counted per language

A new article holds together with a story when half the story's reports in its best match's
language score high enough with it (``watchers.stories.choose.fits``); counting every report
made a story told mostly in one language refuse a report in the other. Rows stored before
(and rows an instance not yet upgraded inserts) keep "": they count with the match's
language, less the story's candidates in other languages, as every row did before
(``choose.best_story``). The index serves the count by story and language.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN with a default (no table rebuild): an instance not yet upgraded
    # inserts rows without the language, which read as "".
    op.add_column(
        "story_evidence", sa.Column("lang", sa.String(), nullable=False, server_default="")
    )
    op.create_index("ix_story_evidence_story_lang", "story_evidence", ["story_id", "lang"])


def downgrade() -> None:
    op.drop_index("ix_story_evidence_story_lang", table_name="story_evidence")
    with op.batch_alter_table("story_evidence", schema=None) as batch_op:
        batch_op.drop_column("lang")
