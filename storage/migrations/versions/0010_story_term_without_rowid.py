"""story_term on SQLite: a table clustered on its key (WITHOUT ROWID)

The document frequencies are read and upserted for a few hundred keys per article placed.
As a rowid table with a separate primary-key index, each key cost two B-tree searches and
each upsert dirtied a page of each tree; clustered on ``term``, one of each. PostgreSQL's
table is unchanged.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _rebuild(clause: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    # SQLite commits a CREATE TABLE at once: an earlier try cut short may have left it
    op.execute("DROP TABLE IF EXISTS story_term_new")
    op.execute(
        "CREATE TABLE story_term_new (term BIGINT NOT NULL, articles INTEGER NOT NULL, "
        f"PRIMARY KEY (term)){clause}"
    )
    op.execute("INSERT INTO story_term_new (term, articles) SELECT term, articles FROM story_term")
    op.execute("DROP TABLE story_term")
    op.execute("ALTER TABLE story_term_new RENAME TO story_term")


def upgrade() -> None:
    _rebuild(" WITHOUT ROWID")


def downgrade() -> None:
    _rebuild("")
