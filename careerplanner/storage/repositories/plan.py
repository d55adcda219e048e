"""The whole plan at once: a snapshot for computing, an insert for sample data, emptiness."""

from __future__ import annotations

from sqlalchemy import Table
from sqlalchemy.orm import Session

from careerplanner.domain.defaults import NEW_USER_PROFILE
from careerplanner.domain.encoding import EncodedEntries
from careerplanner.domain.model import Plan
from careerplanner.storage.models import USER_TABLES
from careerplanner.storage.repositories.profile import get_profile, save_profile
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
    list_all,
)


def load_plan(session: Session) -> Plan:
    """Everything the rule engine needs, read in one transaction (Core, no ORM objects).

    The work entries also come as columns of numbers, built from the fetched values."""
    records, columns = ENTRIES.fetch_columns(session)
    entries = tuple(records)
    order = ("start", "end", "hours", "activity", "setting", "supervision", "paid", "id")
    return Plan(
        profile=get_profile(session) or NEW_USER_PROFILE,
        degrees=list_all(session, DEGREES),
        licenses=list_all(session, LICENSES),
        exams=list_all(session, EXAMS),
        entries=entries,
        ce=list_all(session, CE),
        goals=list_all(session, GOALS),
        work_periods=list_all(session, WORK_PERIODS),
        encoded=EncodedEntries.from_columns(entries, [columns[name] for name in order]),
    )


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


def is_empty(session: Session) -> bool:
    """True when the user has stored nothing at all, not even a profile."""
    for row_cls in USER_TABLES:
        table = row_cls.__table__
        assert isinstance(table, Table)
        if count(session, table):
            return False
    return True
