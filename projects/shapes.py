"""Queries of one project whose shape the code alone decides.

Some reads are quick for the database but slow for the ORM to build: a union
over every recorded model, a row of two dozen EXISTS tests. Their SQL depends
only on the code (the registered models, the facts asked for), with the
project's id as the one value that varies, so it is compiled once per process
and database and reused with each project's id. What is kept is SQL text,
never data: a change to a project is seen by the next read.
"""

from collections.abc import Callable, Hashable
from functools import cache

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet

# Stands for the project's id while the SQL is compiled; no project has it.
_PLACEHOLDER = -2_000_000_011

Build = Callable[[int], QuerySet]


@cache
def _compiled(build: Build, key: Hashable, using: str) -> tuple[str, tuple, tuple[int, ...]]:
    """(SQL, its parameters, the places of the project id among them)."""
    sql, params = build(_PLACEHOLDER).query.get_compiler(using).as_sql()
    slots = tuple(i for i, value in enumerate(params) if value == _PLACEHOLDER)
    if not slots:
        raise ValueError(f"{build.__qualname__} does not filter by the project id it is given")
    return sql, tuple(params), slots


def _statement(build: Build, project_id: int, key: Hashable, using: str):
    sql, params, slots = _compiled(build, key, using)
    values = list(params)
    for slot in slots:
        values[slot] = project_id
    return sql, values


def rows(
    build: Build,
    project_id: int,
    *,
    key: Hashable = None,
    limit: int | None = None,
    offset: int = 0,
    using: str = DEFAULT_DB_ALIAS,
) -> list[tuple]:
    """The rows of `build(project_id)` as tuples of its selected columns, in
    their order, as the database gives them (no field converters run).

    `build` must filter by the id it is given and otherwise depend only on
    `key` (e.g. how many models are registered); `limit` and `offset` read a
    window of an ordered query."""
    sql, values = _statement(build, project_id, key, using)
    if limit is not None:
        sql, values = f"{sql} LIMIT %s OFFSET %s", [*values, limit, offset]
    with connections[using].cursor() as cursor:
        cursor.execute(sql, values)
        found = cursor.fetchall()
    return found if limit is not None else found[offset:]


def count(
    build: Build, project_id: int, *, key: Hashable = None, using: str = DEFAULT_DB_ALIAS
) -> int:
    """How many rows `build(project_id)` has."""
    sql, values = _statement(build, project_id, key, using)
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) shaped", values)
        return cursor.fetchone()[0]
