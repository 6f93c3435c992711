"""``column IN (many integers)`` with one bound parameter, so that the statement is compiled
and cached once whatever the number of values (an expanded ``IN`` is rendered again at each
execution, which costs more than running the query on a few hundred values).

SQLite reads the values from a JSON array (``json_each``), PostgreSQL from an array
(``= ANY``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

__all__ = ["among"]


def among(
    conn: sa.Connection, column: sa.ColumnElement[int], values: Iterable[int]
) -> sa.ColumnElement[bool]:
    """``column`` is one of ``values``."""
    listed = sorted(set(values))
    if conn.dialect.name == "postgresql":
        array = sa.bindparam(None, listed, type_=postgresql.ARRAY(sa.BigInteger), unique=True)
        return column == sa.any_(array)
    each = sa.func.json_each(sa.bindparam(None, json.dumps(listed), sa.String, unique=True))
    return column.in_(sa.select(each.table_valued("value").c.value))
