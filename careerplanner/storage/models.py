"""The database tables as SQLAlchemy rows (`*Row`); enum values are stored as their strings."""

from __future__ import annotations

from datetime import date, datetime, time
from enum import Enum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Connection,
    Date,
    DateTime,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    Time,
    event,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from careerplanner.domain.logbook import Credential
from careerplanner.domain.model import (
    Activity,
    CeTopic,
    DegreeField,
    DegreeLevel,
    DegreeStatus,
    ExamType,
    GoalStatus,
    LicenseType,
    Setting,
    Supervision,
    Track,
)
from careerplanner.storage.schema import ENTRY_COLUMNS_TRIGGER_SQL

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def one_of(column: str, enum_cls: type[Enum]) -> CheckConstraint:
    """CHECK that a column holds one of an enum's values (named `<column>_valid`)."""
    values = ", ".join(f"'{member.value}'" for member in enum_cls)
    return CheckConstraint(f'"{column}" IN ({values})', name=f"{column}_valid")


def positive(column: str) -> CheckConstraint:
    return CheckConstraint(f'"{column}" > 0', name=f"{column}_positive")


def ordered(first: str, last: str) -> CheckConstraint:
    return CheckConstraint(f'"{last}" IS NULL OR "{last}" >= "{first}"', name=f"{last}_order")


class ProfileRow(Base):
    __tablename__ = "profile"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        one_of("track", Track),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, default="")
    track: Mapped[str] = mapped_column(String(20))
    state: Mapped[str | None] = mapped_column(String(2))
    weekly_hours: Mapped[float] = mapped_column(Float)
    ce_hours_per_year: Mapped[float] = mapped_column(Float)
    current_salary: Mapped[float | None] = mapped_column(Float)
    raise_percent: Mapped[float] = mapped_column(Float)


class DegreeRow(Base):
    __tablename__ = "degree"
    __table_args__ = (
        one_of("level", DegreeLevel),
        one_of("field", DegreeField),
        one_of("status", DegreeStatus),
        ordered("start", "end"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    level: Mapped[str] = mapped_column(String(20))
    field: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    start: Mapped[date | None] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)
    accredited: Mapped[bool] = mapped_column(Boolean)
    field_experience: Mapped[bool] = mapped_column(Boolean)
    institution: Mapped[str] = mapped_column(Text)


class LicenseRow(Base):
    __tablename__ = "license"
    __table_args__ = (one_of("type", LicenseType), ordered("issued", "expires"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(20))
    state: Mapped[str | None] = mapped_column(String(2))
    issued: Mapped[date] = mapped_column(Date)
    expires: Mapped[date | None] = mapped_column(Date)
    number: Mapped[str] = mapped_column(Text)
    renewal_assumed: Mapped[bool] = mapped_column(Boolean, server_default=text("1"))


class ExamRow(Base):
    __tablename__ = "exam"
    __table_args__ = (one_of("type", ExamType),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(20))
    passed: Mapped[date] = mapped_column(Date)


class WorkEntryRow(Base):
    __tablename__ = "work_entry"
    __table_args__ = (
        one_of("activity", Activity),
        one_of("setting", Setting),
        one_of("supervision", Supervision),
        positive("hours"),
        ordered("start", "end"),
        # The 24-hour check finds the spans reaching into a day by their last day.
        Index("ix_work_entry_end", "end", sqlite_where=text('"end" IS NOT NULL')),
        {"sqlite_autoincrement": True},  # ids are never reused: the audit log names them
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    start: Mapped[date] = mapped_column(Date, index=True)
    end: Mapped[date | None] = mapped_column(Date)
    hours: Mapped[float] = mapped_column(Float)
    activity: Mapped[str] = mapped_column(String(20))
    setting: Mapped[str] = mapped_column(String(20))
    supervision: Mapped[str] = mapped_column(String(20))
    paid: Mapped[bool] = mapped_column(Boolean)
    employer: Mapped[str] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text)
    verified_by: Mapped[str] = mapped_column(Text)
    verified_credential: Mapped[str] = mapped_column(Text)
    verified_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=text("CURRENT_TIMESTAMP"))
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    break_minutes: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    supervisor_id: Mapped[int | None] = mapped_column(Integer, index=True)
    employer_id: Mapped[int | None] = mapped_column(Integer, index=True)


class WorkPeriodRow(Base):
    """A planned work period: how the user works, or will work, over a span of days."""

    __tablename__ = "work_periods"
    __table_args__ = (
        one_of("activity", Activity),
        one_of("setting", Setting),
        one_of("supervision", Supervision),
        positive("weekly_hours"),
        CheckConstraint('"weekly_hours" <= 168', name="weekly_hours_at_most_168"),
        ordered("start", "end"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)
    weekly_hours: Mapped[float] = mapped_column(Float)
    activity: Mapped[str] = mapped_column(String(20))
    setting: Mapped[str] = mapped_column(String(20))
    supervision: Mapped[str] = mapped_column(String(20))
    paid: Mapped[bool] = mapped_column(Boolean)
    employer: Mapped[str] = mapped_column(Text)


class EntryEventRow(Base):
    """Audit log of a work entry: who verified it, why it was unlocked, when it was removed.

    `entry_id` is deliberately not a foreign key: the log outlives a removed entry.
    """

    __tablename__ = "entry_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(Integer, index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    action: Mapped[str] = mapped_column(String(20))
    detail: Mapped[str] = mapped_column(Text)
    fields: Mapped[str] = mapped_column(Text, server_default=text("'{}'"))  # JSON: old, new
    source: Mapped[str] = mapped_column(Text, server_default=text("''"))  # an import's file


class SupervisorRow(Base):
    __tablename__ = "supervisor"
    __table_args__ = (one_of("credential", Credential), ordered("active_from", "active_to"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    credential: Mapped[str] = mapped_column(String(20))
    license_number: Mapped[str] = mapped_column(Text)
    state: Mapped[str | None] = mapped_column(String(2))
    email: Mapped[str] = mapped_column(Text)
    active_from: Mapped[date | None] = mapped_column(Date)
    active_to: Mapped[date | None] = mapped_column(Date)


class EmployerRow(Base):
    __tablename__ = "employer"
    __table_args__ = (
        CheckConstraint(
            '"setting" IS NULL OR "setting" IN ('
            + ", ".join(f"'{m.value}'" for m in Setting)
            + ")",
            name="setting_valid",
        ),
        ordered("start", "end"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    setting: Mapped[str | None] = mapped_column(String(20))
    paid: Mapped[bool] = mapped_column(Boolean)
    start: Mapped[date | None] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)


class ScheduleRow(Base):
    """A regular week of work, from which `schedule fill` creates entries."""

    __tablename__ = "schedule"
    __table_args__ = (one_of("activity", Activity), ordered("start", "end"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    weekdays: Mapped[str] = mapped_column(Text)  # "mon,tue,..."
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)
    break_minutes: Mapped[int] = mapped_column(Integer)
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)
    supervisor_id: Mapped[int | None] = mapped_column(Integer)
    employer_id: Mapped[int | None] = mapped_column(Integer)
    activity: Mapped[str] = mapped_column(String(20))
    setting: Mapped[str | None] = mapped_column(String(20))


class ScheduleDayRow(Base):
    """A scheduled day already dealt with ("filled" or "skipped"): a fill never repeats it."""

    __tablename__ = "schedule_day"

    schedule_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    outcome: Mapped[str] = mapped_column(String(10))
    entry_id: Mapped[int | None] = mapped_column(Integer)


class CeActivityRow(Base):
    __tablename__ = "ce_activity"
    __table_args__ = (one_of("topic", CeTopic), positive("hours"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    date: Mapped[date] = mapped_column(Date, index=True)
    hours: Mapped[float] = mapped_column(Float)
    topic: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    provider: Mapped[str] = mapped_column(Text)
    certificate: Mapped[str] = mapped_column(Text)


class GoalRow(Base):
    __tablename__ = "goal"
    __table_args__ = (one_of("status", GoalStatus),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cert_id: Mapped[str] = mapped_column(String(20), unique=True)
    target: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    earned_on: Mapped[date | None] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)


class ScenarioRow(Base):
    __tablename__ = "scenario"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    weekly_hours: Mapped[float | None] = mapped_column(Float)
    ce_hours_per_year: Mapped[float | None] = mapped_column(Float)
    state: Mapped[str | None] = mapped_column(String(2))
    raise_percent: Mapped[float | None] = mapped_column(Float)
    degree_dates: Mapped[str] = mapped_column(Text)  # JSON: {"<degree id>": "YYYY-MM-DD"}
    work_periods: Mapped[str | None] = mapped_column(Text)  # JSON list; NULL: the plan's own
    saved_at: Mapped[datetime] = mapped_column(DateTime)
    saved_projection: Mapped[str | None] = mapped_column(Text)  # JSON, as last computed


class ReminderDismissalRow(Base):
    __tablename__ = "reminder_dismissal"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    dismissed_on: Mapped[date] = mapped_column(Date)


class EntryColumnsRow(Base):
    """A copy of every work entry's number columns as one BLOB (storage/entry_columns.py), so a
    start-up need not read the entries' rows. Not something the user entered: triggers on
    work_entry delete it whenever an entry changes, and no export or archive holds it."""

    __tablename__ = "entry_columns"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    layout: Mapped[int] = mapped_column(Integer)  # entry_columns.LAYOUT of the BLOB
    count: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


@event.listens_for(Base.metadata, "after_create")
def _create_triggers(_metadata: MetaData, connection: Connection, **_kw: object) -> None:
    """A new file gets the triggers that migration 0004 makes."""
    for sql in ENTRY_COLUMNS_TRIGGER_SQL:
        connection.exec_driver_sql(sql)


USER_TABLES = (
    ProfileRow,
    DegreeRow,
    LicenseRow,
    ExamRow,
    WorkEntryRow,
    WorkPeriodRow,
    EntryEventRow,
    SupervisorRow,
    EmployerRow,
    ScheduleRow,
    ScheduleDayRow,
    CeActivityRow,
    GoalRow,
    ScenarioRow,
    ReminderDismissalRow,
)
