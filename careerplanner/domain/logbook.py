"""The records around the hours log: supervisors, employers and regular schedules.

A supervisor's credential decides what the supervision of their entries counts as (CCM →
`ccm`, LCSW or LMSW → `licensed-sw`, RN → `rn`, other-licensed → `other-licensed`, none →
`none`). An employer's setting is the setting of its entries unless an entry gives its own. A
schedule names weekdays, clock times and a break from a first day (to a last one), and
`scheduled_days` lists the days it covers.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, time, timedelta
from enum import StrEnum

from careerplanner.domain.clock import check_times
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import Activity, Setting, Supervision
from careerplanner.domain.validation import check_date, check_order, parse_state, parse_text


class Credential(StrEnum):
    CCM = "CCM"
    LCSW = "LCSW"
    LMSW = "LMSW"
    RN = "RN"
    OTHER_LICENSED = "other-licensed"
    NONE = "none"


SUPERVISION_BY_CREDENTIAL: dict[Credential, Supervision] = {
    Credential.CCM: Supervision.CCM,
    Credential.LCSW: Supervision.LICENSED_SW,
    Credential.LMSW: Supervision.LICENSED_SW,
    Credential.RN: Supervision.RN,
    Credential.OTHER_LICENSED: Supervision.OTHER_LICENSED,
    Credential.NONE: Supervision.NONE,
}

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True, slots=True)
class Supervisor:
    name: str
    credential: Credential = Credential.NONE
    license_number: str = ""
    state: str | None = None
    email: str = ""
    active_from: date | None = None
    active_to: date | None = None
    id: int = 0

    @property
    def supervision(self) -> Supervision:
        return SUPERVISION_BY_CREDENTIAL[self.credential]


@dataclass(frozen=True, slots=True)
class Employer:
    name: str
    setting: Setting | None = None  # None: entries keep their own setting
    paid: bool = True  # the default for its entries
    start: date | None = None
    end: date | None = None
    id: int = 0


@dataclass(frozen=True, slots=True)
class Schedule:
    """A regular week: `weekdays` as "mon,tue,..." (in week order), times and a break."""

    weekdays: str
    start_time: time
    end_time: time
    start: date
    end: date | None = None
    break_minutes: int = 0
    supervisor_id: int | None = None
    employer_id: int | None = None
    activity: Activity = Activity.CASE_MANAGEMENT
    setting: Setting | None = None  # None: the employer's, else other
    id: int = 0

    @property
    def days(self) -> frozenset[int]:
        """The weekdays as numbers (Monday 0)."""
        return frozenset(WEEKDAYS.index(d) for d in self.weekdays.split(","))


def parse_weekdays(text: str) -> str:
    """'mon,tue' (any case, any order, 'mon-thu' ranges) as the canonical "mon,tue"."""
    chosen: set[int] = set()
    for part in (p.strip().lower() for p in text.replace(" ", "").split(",") if p.strip()):
        chosen.update(_weekday_range(part) if "-" in part else [_weekday(part)])
    if not chosen:
        raise ValidationError("name at least one weekday (mon,tue,...)", "weekdays")
    return ",".join(WEEKDAYS[i] for i in sorted(chosen))


def _weekday_range(part: str) -> range:
    first, _, last = part.partition("-")
    return range(_weekday(first), _weekday(last) + 1)


def _weekday(word: str) -> int:
    key = word.strip().lower()[:3]
    if key not in WEEKDAYS:
        raise ValidationError(f"'{word}' is not a weekday (use mon, tue, ... sun)", "weekdays")
    return WEEKDAYS.index(key)


def validate_supervisor(s: Supervisor) -> Supervisor:
    name = parse_text(s.name, "name").strip()
    if not name:
        raise ValidationError("give the supervisor's name", "name")
    check_date(s.active_from, "active from")
    check_date(s.active_to, "active to")
    check_order(s.active_from, s.active_to, "active to")
    state = parse_state(s.state, "state") if s.state else None
    return replace(
        s,
        name=name,
        credential=Credential(s.credential),
        license_number=parse_text(s.license_number, "license number").strip(),
        state=state,
        email=parse_text(s.email, "email").strip(),
    )


def validate_employer(e: Employer) -> Employer:
    name = parse_text(e.name, "name").strip()
    if not name:
        raise ValidationError("give the employer's name", "name")
    check_date(e.start, "start")
    check_date(e.end, "end")
    check_order(e.start, e.end)
    return replace(e, name=name, paid=bool(e.paid))


def validate_schedule(s: Schedule) -> Schedule:
    weekdays = parse_weekdays(s.weekdays)
    check_date(s.start, "from")
    check_date(s.end, "until")
    check_order(s.start, s.end, "until")
    check_times(s.start_time, s.end_time, s.break_minutes)
    return replace(s, weekdays=weekdays)


def scheduled_days(schedule: Schedule, first: date, last: date) -> Iterator[date]:
    """The schedule's days from max(first, its start) to min(last, its end), in order."""
    day = max(first, schedule.start)
    stop = min(last, schedule.end) if schedule.end else last
    days = schedule.days
    while day <= stop:
        if day.weekday() in days:
            yield day
        day += timedelta(days=1)
