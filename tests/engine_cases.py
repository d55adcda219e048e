"""Plans the rule engine's recorded results are kept for (tests/data/engine_results.json).

Each case is rebuilt from its seed by `random.Random`, so a case means the same plan on every
run and every machine. A case's record holds the whole `Eligibility` and, per hours
requirement, the countable hours `timeline.countable_on` gives on a few days, with every float
exactly (JSON keeps a float's shortest repr, which reads back to the same float).

Every record was made by the engine as it was before its speed-up of issue 12 (the commit
that added this file), so the fixture is a reference, not a copy of the current output.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from enum import Enum
from typing import Any

from careerplanner.domain.catalog import Catalog, HoursRequirement
from careerplanner.domain.demo import demo_plan
from careerplanner.domain.model import (
    Activity,
    CeActivity,
    CeTopic,
    Degree,
    DegreeField,
    DegreeLevel,
    DegreeStatus,
    Exam,
    ExamType,
    License,
    LicenseType,
    Plan,
    Profile,
    Setting,
    Supervision,
    Track,
    WorkEntry,
    WorkPeriod,
)
from careerplanner.domain.rules import evaluate
from careerplanner.domain.timeline import countable_on

AS_OF = date(2026, 12, 1)
SMALL_SEEDS = range(60)  # up to 150 entries each
LARGE_SEEDS = (1000, 1001, 1002)  # 4,000 to 20,000 entries: summation order matters here
ONE_DAY_SEEDS = {2000: 150, 2001: 150, 2002: 20_000}  # seed: most entries, each of one day
NO_ENTRY_SEEDS = range(3000, 3010)  # the other records and planned work, but no entries
RECENT_SEEDS = range(4000, 4010)  # entries of the last two years only: inside every window
FIXTURE = "data/engine_results.json"


@dataclass(frozen=True)
class Case:
    name: str
    plan: Plan
    as_of: date
    weekly_hours: float | None = None
    ce_hours_per_year: float | None = None


def cases() -> list[Case]:
    demo = demo_plan(AS_OF)
    found = [
        Case("demo", demo, AS_OF),
        Case("demo-weekly-0", demo, AS_OF, weekly_hours=0.0),
        Case("demo-weekly-25-ce-0", demo, AS_OF, weekly_hours=25.0, ce_hours_per_year=0.0),
    ]
    found += [_random_case(seed, 150) for seed in SMALL_SEEDS]
    found += [_random_case(seed, 20_000) for seed in LARGE_SEEDS]
    found += [_random_case(seed, most, spans=False) for seed, most in ONE_DAY_SEEDS.items()]
    found += [_random_case(seed, 0) for seed in NO_ENTRY_SEEDS]
    found += [_random_case(seed, 150, since=-700) for seed in RECENT_SEEDS]
    return found


def record(case: Case, catalog: Catalog) -> dict[str, Any]:
    """What the engine and the timeline's countable hours give for the case, as JSON values."""
    eligibility = evaluate(
        case.plan,
        catalog,
        case.as_of,
        weekly_hours=case.weekly_hours,
        ce_hours_per_year=case.ce_hours_per_year,
    )
    days = [case.as_of + timedelta(days=d) for d in (-3000, -400, -1, 0, 1, 200, 900, 3000)]
    countable = {
        f"{cert.id}/{req.id}": countable_on(case.plan, cert, req.id, eligibility, days)
        for cert in catalog.certifications
        for req in cert.requirements
        if isinstance(req, HoursRequirement)
    }
    return {"eligibility": _jsonable(asdict(eligibility)), "countable_on": countable}


def _jsonable(value: object) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def _random_case(seed: int, most_entries: int, *, spans: bool = True, since: int = -3000) -> Case:
    rng = random.Random(seed)
    as_of = AS_OF - timedelta(days=rng.randint(0, 400))
    weekly = rng.choice([None, None, None, 0.0, 12.5, 40.0])
    ce_rate = rng.choice([None, None, 0.0, 20.0])
    plan = _plan(rng, as_of, most_entries, spans, since)
    return Case(f"seed-{seed}", plan, as_of, weekly, ce_rate)


def _plan(rng: random.Random, as_of: date, most_entries: int, spans: bool, since: int) -> Plan:
    return Plan(
        profile=Profile(
            track=rng.choice(list(Track)),
            weekly_hours=rng.choice([0.0, 20.0, 32.5, 40.0]),
            ce_hours_per_year=rng.choice([0.0, 8.0, 15.0]),
        ),
        degrees=tuple(_degree(rng, as_of) for _ in range(rng.randint(0, 3))),
        licenses=tuple(_license(rng, as_of) for _ in range(rng.randint(0, 3))),
        exams=tuple(
            Exam(rng.choice(list(ExamType)), _day(rng, as_of, -3000, 30))
            for _ in range(rng.randint(0, 2))
        ),
        entries=_entries(rng, as_of, rng.randint(most_entries // 5, most_entries), spans, since),
        ce=tuple(
            CeActivity(
                _day(rng, as_of, -2500, 120),
                rng.choice([0.5, 1.0, 1.5, 3.0, 6.0, 2.25]),
                rng.choice(list(CeTopic)),
            )
            for _ in range(rng.randint(0, 30))
        ),
        work_periods=_periods(rng, as_of),
    )


def _day(rng: random.Random, as_of: date, lo: int, hi: int) -> date:
    return as_of + timedelta(days=rng.randint(lo, hi))


def _degree(rng: random.Random, as_of: date) -> Degree:
    status = rng.choice(list(DegreeStatus))
    end = _day(rng, as_of, -4000, -1) if status is DegreeStatus.COMPLETED else None
    if status is not DegreeStatus.COMPLETED and rng.random() < 0.8:
        end = _day(rng, as_of, 1, 1500)
    return Degree(
        rng.choice(list(DegreeLevel)),
        rng.choice([DegreeField.NURSING, DegreeField.SOCIAL_WORK, *DegreeField]),
        status,
        end=end,
        accredited=rng.random() < 0.8,
        field_experience=rng.random() < 0.5,
    )


def _license(rng: random.Random, as_of: date) -> License:
    issued = _day(rng, as_of, -3650, 300)
    expires = None if rng.random() < 0.3 else issued + timedelta(days=rng.randint(200, 4000))
    return License(
        rng.choice([LicenseType.RN, LicenseType.LCSW, LicenseType.LMSW, *LicenseType]),
        issued,
        expires,
        state="TX",
        renewal_assumed=rng.random() < 0.8,
    )


def _entries(
    rng: random.Random, as_of: date, count: int, spans: bool, since: int
) -> tuple[WorkEntry, ...]:
    """`count` entries starting from `since` days before `as_of` to 40 days after it."""
    entries = []
    for i in range(count):
        start = _day(rng, as_of, since, 40)
        days = 1 if rng.random() < 0.75 or not spans else rng.randint(1, 120)
        activity = Activity.CASE_MANAGEMENT if rng.random() < 0.8 else rng.choice(list(Activity))
        entries.append(
            WorkEntry(
                start=start,
                hours=round(rng.uniform(0.25, 9.0) * days, 2),
                end=start + timedelta(days=days - 1) if days > 1 or rng.random() < 0.1 else None,
                activity=activity,
                setting=rng.choice(list(Setting)),
                supervision=rng.choice(list(Supervision)),
                paid=rng.random() < 0.85,
                id=i + 1,
            )
        )
    return tuple(sorted(entries, key=lambda e: (e.start, e.id)))


def _periods(rng: random.Random, as_of: date) -> tuple[WorkPeriod, ...]:
    periods = []
    start = _day(rng, as_of, -500, 60)
    for i in range(rng.choice([0, 0, 1, 2, 3])):
        end = start + timedelta(days=rng.randint(30, 900))
        periods.append(
            WorkPeriod(
                i + 1,
                start,
                end,
                rng.choice([0.0, 16.0, 30.0, 40.0, 37.5]),
                Activity.CASE_MANAGEMENT if rng.random() < 0.8 else rng.choice(list(Activity)),
                rng.choice(list(Setting)),
                rng.choice(list(Supervision)),
                paid=rng.random() < 0.85,
            )
        )
        start = end + timedelta(days=rng.randint(1, 90))
    if periods and rng.random() < 0.5:
        periods[-1] = WorkPeriod(**{**asdict(periods[-1]), "end": None})
    return tuple(periods)
