"""Proves a database file sound before it is used: SQLite's checks, then the file vs the models.

`problems(connection)` runs the full `integrity_check` and `foreign_key_check`, reads the
application id and the schema revision, compares every table and column with the SQLAlchemy
models, and checks every stored value against what the models declare: NOT NULL, the column's
type, real dates, the CHECK constraints (enum values, positive hours, ordered dates) and unique
columns. A forged or hand-edited file that lacks the constraints is caught by the last part,
because the conditions come from the models, not from the file.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    Integer,
    String,
    Table,
    Text,
)

from careerplanner.storage.models import Base
from careerplanner.storage.schema import APPLICATION_ID, HEAD_REVISION, VERSION_TABLE

MAX_SHOWN = 20


def problems(connection: sqlite3.Connection) -> list[str]:
    """Everything wrong with the database behind `connection`, in words; empty when sound."""
    found = sqlite_problems(connection)
    if found:
        return found  # a damaged file cannot be read further with any confidence
    found += identity_problems(connection)
    schema = schema_problems(connection)
    found += schema
    if not schema:
        found += value_problems(connection)
    return found


def sqlite_problems(connection: sqlite3.Connection) -> list[str]:
    """SQLite's own full integrity check and its foreign key check."""
    rows = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
    found = [row for row in rows if row != "ok"][:MAX_SHOWN]
    for table, rowid, parent, _ in connection.execute("PRAGMA foreign_key_check"):
        found.append(f"{table} row {rowid} refers to a missing {parent} row")
    return found


def identity_problems(connection: sqlite3.Connection) -> list[str]:
    """The application id and exactly one schema revision, the current one."""
    found: list[str] = []
    app_id = connection.execute("PRAGMA application_id").fetchone()[0]
    if app_id != APPLICATION_ID:
        found.append(f"the application id is {app_id}, not CareerPlanner's")
    if VERSION_TABLE not in _columns_by_table(connection):
        return [*found, "it records no schema revision"]
    revisions = [row[0] for row in connection.execute(f"SELECT version_num FROM {VERSION_TABLE}")]
    if not revisions:
        found.append("it records no schema revision")
    elif revisions != [HEAD_REVISION]:
        found.append(f"the schema revision is {revisions}, expected {HEAD_REVISION}")
    return found


def schema_problems(connection: sqlite3.Connection) -> list[str]:
    """Tables and columns missing from the file, or present in it but unknown to the models."""
    stored = _columns_by_table(connection)
    found: list[str] = []
    for table in _tables():
        if table.name not in stored:
            found.append(f"the table {table.name} is missing")
            continue
        expected = {column.name for column in table.columns}
        missing = sorted(expected - stored[table.name])
        extra = sorted(stored[table.name] - expected)
        if missing:
            found.append(f"the table {table.name} lacks the columns {', '.join(missing)}")
        if extra:
            found.append(f"the table {table.name} has unknown columns {', '.join(extra)}")
    known = {table.name for table in _tables()} | {VERSION_TABLE}
    unknown = sorted(name for name in stored if name not in known)
    if unknown:
        found.append(f"it holds tables CareerPlanner does not know: {', '.join(unknown)}")
    return found


def value_problems(connection: sqlite3.Connection) -> list[str]:
    """Stored values that break what the models declare, with how many rows do."""
    found: list[str] = []
    for table in _tables():
        conditions = _conditions(table)
        sums = ", ".join(f"coalesce(sum({sql}), 0)" for _, sql in conditions)
        counts = connection.execute(f'SELECT {sums} FROM "{table.name}"').fetchone()
        for (what, _), count in zip(conditions, counts, strict=True):
            if count:
                rows = "row" if count == 1 else "rows"
                found.append(f"{count:,} {rows} of {table.name}: {what}")
    return found


def _tables() -> list[Table]:
    return [table for table in Base.metadata.sorted_tables if isinstance(table, Table)]


def _columns_by_table(connection: sqlite3.Connection) -> dict[str, set[str]]:
    names = [
        str(row[0])
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        name: {str(row[1]) for row in connection.execute(f'PRAGMA table_info("{name}")')}
        for name in names
    }


def _conditions(table: Table) -> list[tuple[str, str]]:
    """(what is wrong, an SQL condition true for a row where it is) for every declared rule."""
    conditions: list[tuple[str, str]] = []
    for column in table.columns:
        conditions += _column_conditions(column)
    for constraint in table.constraints:
        if isinstance(constraint, CheckConstraint):
            rule = str(constraint.sqltext)
            conditions.append((f"breaks the rule {rule}", f"NOT ({rule})"))
    return conditions


def _column_conditions(column: Column[object]) -> list[tuple[str, str]]:
    name = f'"{column.name}"'
    given = f"{name} IS NOT NULL AND "
    found: list[tuple[str, str]] = []
    if not column.nullable and not column.primary_key:
        found.append((f"{column.name} is empty", f"{name} IS NULL"))
    kind = column.type
    if isinstance(kind, DateTime):
        real = f"datetime({name}, '+0 days')"  # a modifier makes SQLite roll Feb 30 over
        bad = f"typeof({name}) <> 'text' OR {real} IS NULL OR {real} IS NOT substr({name}, 1, 19)"
        bad += f" OR {name} < '0001'"
        found.append((f"{column.name} is not a date and time", f"{given}({bad})"))
    elif isinstance(kind, Date):
        real = f"date({name}, '+0 days')"
        bad = f"typeof({name}) <> 'text' OR {real} IS NOT {name} OR {name} < '0001'"
        found.append((f"{column.name} is not a date", f"{given}({bad})"))
    elif isinstance(kind, Boolean):
        found.append((f"{column.name} is not yes or no", f"{given}{name} NOT IN (0, 1)"))
    elif isinstance(kind, Integer):
        found.append(
            (f"{column.name} is not a whole number", f"{given}typeof({name}) <> 'integer'")
        )
    elif isinstance(kind, Float):
        bad = f"typeof({name}) NOT IN ('integer', 'real') OR abs({name}) > 1e300"
        found.append((f"{column.name} is not a number", f"{given}({bad})"))
    elif isinstance(kind, String | Text):
        found.append((f"{column.name} is not text", f"{given}typeof({name}) <> 'text'"))
    if column.unique:
        table = f'"{column.table.name}"'
        duplicates = f"{name} IN (SELECT {name} FROM {table} GROUP BY {name} HAVING count(*) > 1)"
        found.append((f"{column.name} is not unique", f"{given}{duplicates}"))
    return found
