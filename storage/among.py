"""``column IN (many integers)`` with one bound parameter, so that a statement is compiled
once whatever the number of values (an expanded ``IN`` is rendered again at each execution,
which costs more than running the query on a few hundred values), and statements built once
per dialect (building a statement costs as much as running a small one).

SQLite reads the values from a JSON array (``json_each``), PostgreSQL from an array
(``= ANY``): ``among(dialect, column, name)`` is the condition, ``listed(conn, values)``
the value to bind to ``name``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

__all__ = ["among", "listed", "postgres"]


def postgres(conn: sa.Connection) -> bool:
    return conn.dialect.name == "postgresql"


def among(dialect: str, column: sa.ColumnElement[int], name: str) -> sa.ColumnElement[bool]:
    """``column`` is one of the integers bound to ``name`` (see ``listed``)."""
    if dialect == "postgresql":
        return column == sa.any_(sa.bindparam(name, type_=postgresql.ARRAY(sa.BigInteger)))
    each = sa.func.json_each(sa.bindparam(name, type_=sa.String)).table_valued("value")
    return column.in_(sa.select(each.c.value))


def listed(conn: sa.Connection, values: Iterable[int]) -> str | list[int]:
    """The value of an ``among`` parameter: these integers, once each."""
    ints = sorted(set(values))
    return ints if postgres(conn) else json.dumps(ints)
