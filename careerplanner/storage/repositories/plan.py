"""The whole plan at once: a snapshot for computing, an insert for sample data, emptiness,
and emptying it."""

from __future__ import annotations

import sqlite3

from sqlalchemy import Table, delete
from sqlalchemy.orm import Session

from careerplanner.domain.model import Plan
from careerplanner.storage import reader
from careerplanner.storage.models import USER_TABLES
from careerplanner.storage.repositories.profile import save_profile
from careerplanner.storage.repositories.records import (
    CE,
    DEGREES,
    ENTRIES,
    EXAMS,
    GOALS,
    LICENSES,
    WORK_PERIODS,
    add_many,
    count,
)


def load_plan(session: Session) -> Plan:
    """Everything the rule engine needs, read inside the session's transaction (through the
    snapshot reader, on the driver's own connection)."""
    raw = session.connection().connection.dbapi_connection
    assert isinstance(raw, sqlite3.Connection)
    return reader.read_plan(raw, begin=False)


def insert_plan(session: Session, plan: Plan) -> None:
    """Store every part of a plan as new records (ids are assigned by the database)."""
    save_profile(session, plan.profile)
    add_many(session, DEGREES, plan.degrees)
    add_many(session, LICENSES, plan.licenses)
    add_many(session, EXAMS, plan.exams)
    add_many(session, ENTRIES, plan.entries)
    add_many(session, CE, plan.ce)
    add_many(session, GOALS, plan.goals)
    add_many(session, WORK_PERIODS, plan.work_periods)


def clear_plan(session: Session) -> None:
    """Delete every record the user stored (dependent tables first)."""
    for row_cls in reversed(USER_TABLES):
        table = row_cls.__table__
        assert isinstance(table, Table)
        session.execute(delete(table))


def is_empty(session: Session) -> bool:
    """True when the user has stored nothing at all, not even a profile."""
    for row_cls in USER_TABLES:
        table = row_cls.__table__
        assert isinstance(table, Table)
        if count(session, table):
            return False
    return True
