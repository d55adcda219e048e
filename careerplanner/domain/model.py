"""The user's plan as frozen dataclasses: profile, education, licenses, exams, hours, planned
work periods, CE, goals."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from careerplanner.domain.encoding import EncodedEntries


class Track(StrEnum):
    NURSE = "nurse"
    SOCIAL_WORK = "social-work"
    OTHER = "other"


class DegreeLevel(StrEnum):
    ASSOCIATE = "associate"
    BACHELOR = "bachelor"
    MASTER = "master"
    DOCTORATE = "doctorate"


class DegreeField(StrEnum):
    NURSING = "nursing"
    SOCIAL_WORK = "social-work"
    COUNSELING = "counseling"
    PSYCHOLOGY = "psychology"
    REHABILITATION = "rehabilitation"
    PUBLIC_HEALTH = "public-health"
    HEALTH_SCIENCES = "health-sciences"
    HUMAN_SERVICES = "human-services"
    HEALTHCARE_ADMIN = "healthcare-admin"
    OTHER = "other"


class DegreeStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    COMPLETED = "completed"


class LicenseType(StrEnum):
    RN = "RN"
    LPN = "LPN"
    LBSW = "LBSW"
    LMSW = "LMSW"
    LCSW = "LCSW"
    LPC = "LPC"
    CRC = "CRC"
    CDMS = "CDMS"
    OTHER = "other"


class ExamType(StrEnum):
    ASWB_BACHELORS = "ASWB-BACHELORS"
    ASWB_MASTERS = "ASWB-MASTERS"


class Activity(StrEnum):
    CASE_MANAGEMENT = "case-management"
    SUPERVISING = "supervising"
    OTHER = "other"


class Setting(StrEnum):
    HOSPITAL = "hospital"
    REHABILITATION = "rehabilitation"
    HOME_HEALTH = "home-health"
    SKILLED_NURSING = "skilled-nursing"
    CLINIC = "clinic"
    BEHAVIORAL_HEALTH = "behavioral-health"
    INSURANCE = "insurance"
    SOCIAL_SERVICES = "social-services"
    OTHER = "other"


HEALTH_DELIVERY_SETTINGS: frozenset[Setting] = frozenset(
    {
        Setting.HOSPITAL,
        Setting.REHABILITATION,
        Setting.HOME_HEALTH,
        Setting.SKILLED_NURSING,
        Setting.CLINIC,
        Setting.BEHAVIORAL_HEALTH,
    }
)


class Supervision(StrEnum):
    NONE = "none"
    CCM = "ccm"
    LICENSED_SW = "licensed-sw"
    RN = "rn"
    OTHER_LICENSED = "other-licensed"


class CeTopic(StrEnum):
    CASE_MANAGEMENT = "case-management"
    ETHICS = "ethics"
    GENERAL = "general"


class GoalStatus(StrEnum):
    PLANNING = "planning"
    APPLIED = "applied"
    EXAM_SCHEDULED = "exam-scheduled"
    EARNED = "earned"


@dataclass(frozen=True, slots=True)
class Profile:
    name: str = ""
    track: Track = Track.OTHER
    state: str | None = None
    weekly_hours: float = 0.0
    ce_hours_per_year: float = 0.0
    current_salary: float | None = None
    raise_percent: float = 2.0


@dataclass(frozen=True, slots=True)
class Degree:
    level: DegreeLevel
    field: DegreeField
    status: DegreeStatus
    start: date | None = None
    end: date | None = None
    accredited: bool = False
    field_experience: bool = False
    institution: str = ""
    id: int = 0


@dataclass(frozen=True, slots=True)
class License:
    type: LicenseType
    issued: date
    expires: date | None = None
    state: str | None = None
    number: str = ""
    id: int = 0
    # False: the user marked it as not being renewed, so projections stop at its expiry.
    renewal_assumed: bool = True


@dataclass(frozen=True, slots=True)
class Exam:
    type: ExamType
    passed: date
    id: int = 0


@dataclass(frozen=True, slots=True)
class WorkEntry:
    """Hours worked on one day, or spread evenly over the days of a span (start..end inclusive)."""

    start: date
    hours: float
    end: date | None = None
    activity: Activity = Activity.CASE_MANAGEMENT
    setting: Setting = Setting.OTHER
    supervision: Supervision = Supervision.NONE
    paid: bool = True
    employer: str = ""
    notes: str = ""
    verified_by: str = ""
    verified_credential: str = ""
    verified_on: date | None = None
    id: int = 0
    # Clock times (one day only): hours are then end - start - break.
    start_time: time | None = None
    end_time: time | None = None
    break_minutes: int = 0
    supervisor_id: int | None = None  # the Supervisor record; supervision follows its credential
    employer_id: int | None = None  # the Employer record; `employer` keeps its name

    @property
    def timed(self) -> bool:
        return self.start_time is not None

    @property
    def last_day(self) -> date:
        return self.end or self.start

    @property
    def span_days(self) -> int:
        return (self.last_day - self.start).days + 1

    @property
    def verified(self) -> bool:
        return self.verified_on is not None


@dataclass(frozen=True, slots=True)
class WorkPeriod:
    """How the user works, or will work, from `start` to `end` (inclusive; None: open-ended).

    Projections accrue weekly_hours / 7 on each day after the as-of date inside the period."""

    id: int
    start: date
    end: date | None
    weekly_hours: float
    activity: Activity
    setting: Setting
    supervision: Supervision
    paid: bool = True
    employer: str = ""


@dataclass(frozen=True, slots=True)
class CeActivity:
    date: date
    hours: float
    topic: CeTopic
    title: str = ""
    provider: str = ""
    certificate: str = ""
    id: int = 0


@dataclass(frozen=True, slots=True)
class Goal:
    cert_id: str
    target: date | None = None
    status: GoalStatus = GoalStatus.PLANNING
    earned_on: date | None = None
    expires_on: date | None = None
    id: int = 0


@dataclass(frozen=True, slots=True)
class Plan:
    """Everything the rule engine needs about one user, as of one read of the database."""

    profile: Profile = field(default_factory=Profile)
    degrees: tuple[Degree, ...] = ()
    licenses: tuple[License, ...] = ()
    exams: tuple[Exam, ...] = ()
    # a tuple, or the lazily read records of a snapshot (lazy_entries.LazyEntries)
    entries: Sequence[WorkEntry] = ()
    ce: tuple[CeActivity, ...] = ()
    goals: tuple[Goal, ...] = ()
    work_periods: tuple[WorkPeriod, ...] = ()  # planned work, by first day
    # `entries` as columns, when the storage layer built them while loading (encoding.py).
    encoded: EncodedEntries | None = field(default=None, compare=False, repr=False)
