"""subscriber.outlets_off and subscriber.languages_off: the outlets, and the languages of
outlets, a reader turned off in /settings

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMNs with a default: no table rebuild, every reader keeps every outlet.
    op.add_column(
        "subscriber", sa.Column("outlets_off", sa.String(), nullable=False, server_default="")
    )
    op.add_column(
        "subscriber", sa.Column("languages_off", sa.String(), nullable=False, server_default="")
    )


def downgrade() -> None:
    with op.batch_alter_table("subscriber", schema=None) as batch_op:
        batch_op.drop_column("languages_off")
        batch_op.drop_column("outlets_off")
