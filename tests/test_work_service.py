"""Planned work periods and the first-run setup, through real transactions on a real file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerplanner.domain.errors import NotFoundError, ValidationError
from careerplanner.domain.model import (
    Activity,
    Degree,
    DegreeField,
    DegreeLevel,
    DegreeStatus,
    Goal,
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
from careerplanner.domain.validation import validate_work_period
from careerplanner.services import Change, Services

JOB = WorkPeriod(
    0,
    date(2026, 1, 5),
    date(2027, 6, 30),
    36,
    Activity.CASE_MANAGEMENT,
    Setting.INSURANCE,
    Supervision.RN,
    employer="Acme Health Plan",
)
NEXT = WorkPeriod(
    0, date(2027, 7, 1), None, 40, Activity.CASE_MANAGEMENT, Setting.HOSPITAL, Supervision.RN
)


def dump(services: Services) -> list[str]:
    with services.db.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        return list(raw.iterdump())  # type: ignore[attr-defined]


def test_add_list_update_remove_publish_work(services: Services) -> None:
    seen: list[Change] = []
    services.bus.subscribe(seen.append)
    later = services.work.add(NEXT)
    first = services.work.add(replace(JOB, employer="  Acme Health Plan "))
    assert first.id > 0 and first.employer == "Acme Health Plan"
    assert services.work.list() == (first, later)  # by first day
    moved = services.work.update(replace(later, start=date(2027, 8, 1), weekly_hours=20))
    assert services.work.get(later.id) == moved
    assert services.work.remove(first.id) == first
    assert services.work.list() == (moved,)
    assert [c.kinds for c in seen] == [frozenset({"work"})] * 4
    assert services.plan.snapshot().work_periods == (moved,)
    with pytest.raises(NotFoundError, match="there is no work period with id 999"):
        services.work.remove(999)


@pytest.mark.parametrize(
    ("period", "message"),
    [
        (
            replace(NEXT, start=date(2027, 6, 1)),
            "the period from 2027-06-01 on overlaps the period from 2026-01-05 until 2027-06-30"
            " (work periods cannot overlap)",
        ),
        (
            replace(NEXT, start=date(2025, 1, 1), end=date(2026, 1, 5)),
            "the period from 2026-01-05 until 2027-06-30 overlaps the period from 2025-01-01"
            " until 2026-01-05 (work periods cannot overlap)",
        ),
        (
            replace(NEXT, end=date(2027, 6, 30)),
            "the until date (2027-06-30) is before the from date (2027-07-01)",
        ),
        (replace(NEXT, weekly_hours=0), "weekly hours must be more than 0"),
        (
            replace(NEXT, weekly_hours=168.5),
            "weekly hours must be between 0 and 168 h (not 168.5)",
        ),
    ],
)
def test_bad_periods_are_refused_and_nothing_changes(
    services: Services, period: WorkPeriod, message: str
) -> None:
    services.work.add(JOB)
    before = dump(services)
    with pytest.raises(ValidationError) as refused:
        services.work.add(period)
    assert str(refused.value) == message
    assert dump(services) == before


def test_an_update_may_not_overlap_another_but_may_keep_its_own_days(services: Services) -> None:
    job = services.work.add(JOB)
    later = services.work.add(NEXT)
    services.work.update(replace(job, weekly_hours=20))  # same days as itself: fine
    with pytest.raises(ValidationError, match="overlaps"):
        services.work.update(replace(later, start=date(2027, 6, 30)))
    assert services.work.get(later.id) == later


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hours=st.floats(allow_nan=True, allow_infinity=True))
def test_weekly_hours_outside_0_to_168_are_always_refused(hours: float) -> None:
    period = replace(NEXT, weekly_hours=hours)
    if 0 < hours <= 168:
        assert validate_work_period(period).weekly_hours == hours
    else:
        with pytest.raises(ValidationError, match="weekly hours"):
            validate_work_period(period)


# --- apply_setup ----------------------------------------------------------------------------

SETUP = Plan(
    profile=Profile("Ana", Track.NURSE, "TX", 40, 12),
    degrees=(
        Degree(
            DegreeLevel.BACHELOR,
            DegreeField.NURSING,
            DegreeStatus.COMPLETED,
            end=date(2024, 5, 10),
            accredited=True,
            field_experience=True,
        ),
    ),
    licenses=(License(LicenseType.RN, date(2024, 8, 1), date(2027, 7, 31), "TX"),),
    entries=(WorkEntry(date(2026, 11, 2), 40, date(2026, 11, 6)),),
    work_periods=(replace(NEXT, start=date(2026, 9, 1)),),
    goals=(Goal("CCM"), Goal("ACM-RN"), Goal("CMGT-BC")),
)


def test_apply_setup_stores_everything_in_one_transaction(services: Services) -> None:
    seen: list[Change] = []
    services.bus.subscribe(seen.append)
    stored = services.plan.apply_setup(SETUP)
    assert stored == services.plan.snapshot()
    assert [g.cert_id for g in stored.goals] == ["CCM", "ACM-RN", "CMGT-BC"]
    assert len(stored.work_periods) == 1 and stored.work_periods[0].id > 0
    assert stored.licenses[0].renewal_assumed and stored.entries[0].hours == 40
    assert len(seen) == 1 and seen[0].kinds >= {"profile", "entries", "work", "goals"}


@pytest.mark.parametrize(
    ("plan", "message"),
    [
        (  # a refused late part: nothing of the earlier parts is stored
            replace(SETUP, goals=(Goal("CCM"), Goal("CCM"))),
            "there is already a goal for CCM",
        ),
        (
            replace(SETUP, work_periods=(NEXT, replace(NEXT, start=date(2028, 1, 1)))),
            "the period from 2028-01-01 on overlaps the period from 2027-07-01 on"
            " (work periods cannot overlap)",
        ),
        (
            replace(
                SETUP, entries=(WorkEntry(date(2026, 11, 2), 20), WorkEntry(date(2026, 11, 2), 5))
            ),
            "2026-11-02 would have 25 h (more than 24 h in a day)",
        ),
        (replace(SETUP, goals=(Goal("XYZ"),)), "unknown certification 'XYZ'"),
    ],
)
def test_a_refused_setup_stores_nothing(services: Services, plan: Plan, message: str) -> None:
    before = dump(services)
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        services.plan.apply_setup(plan)
    assert dump(services) == before
    assert services.plan.is_empty()


def test_finishing_twice_stores_the_hours_once(services: Services) -> None:
    services.plan.apply_setup(SETUP)
    before = dump(services)
    with pytest.raises(ValidationError, match="already holds data"):
        services.plan.apply_setup(SETUP)
    assert dump(services) == before
    assert len(services.hours.list()) == 1
