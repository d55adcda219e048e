"""Scenarios: CRUD through real transactions, exact comparisons, and actual vs a saved plan."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from rules_catalog import catalog_for_tests

from careerplanner.domain.dates import add_years
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
    Profile,
    Setting,
    Supervision,
    Track,
    WorkEntry,
    WorkPeriod,
)
from careerplanner.domain.scenarios import Scenario, apply_scenario, compare, salary_in
from careerplanner.domain.timeline import build_timeline
from careerplanner.services import Change, Services
from careerplanner.storage import Database

CATALOG = catalog_for_tests()
TODAY = date(2026, 11, 26)


class Clock:
    def __init__(self) -> None:
        self.today = TODAY

    def __call__(self) -> date:
        return self.today


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def svc(db: Database, clock: Clock) -> Services:
    services = Services(db, CATALOG, today=clock)
    services.profile.update(
        Profile(track=Track.SOCIAL_WORK, state="CA", weekly_hours=20, ce_hours_per_year=10)
    )
    services.education.add_degree(
        Degree(
            DegreeLevel.BACHELOR,
            DegreeField.SOCIAL_WORK,
            DegreeStatus.COMPLETED,
            end=date(2022, 5, 15),
            accredited=True,
        )
    )
    services.education.add_degree(
        Degree(
            DegreeLevel.MASTER,
            DegreeField.SOCIAL_WORK,
            DegreeStatus.PLANNED,
            end=date(2028, 5, 15),
            accredited=True,
        )
    )
    services.education.add_license(License(LicenseType.LBSW, date(2022, 8, 1), state="CA"))
    for k in range(1, 53):
        start = TODAY - timedelta(days=7 * k)
        services.hours.add(week(start, 30))
    services.goals.add(Goal("C-SWCM"))
    services.goals.add(Goal("C-ASWCM"))
    return services


def week(start: date, hours: float) -> WorkEntry:
    return WorkEntry(
        start=start,
        end=start + timedelta(days=6),
        hours=hours,
        setting=Setting.HOSPITAL,
        supervision=Supervision.LICENSED_SW,
    )


def msw_id(svc: Services) -> int:
    return next(d.id for d in svc.education.degrees() if d.level is DegreeLevel.MASTER)


def test_create_list_get_copy_rename_delete(svc: Services) -> None:
    changes: list[Change] = []
    svc.bus.subscribe(changes.append)
    created = svc.scenarios.create(
        Scenario(
            "Full time",
            weekly_hours=40,
            raise_percent=3,
            degree_dates={msw_id(svc): date(2027, 12, 15)},
        )
    )
    assert created.id > 0 and created.saved_at is not None
    assert created.saved_projection is not None
    assert created.saved_projection.as_of == TODAY
    assert svc.scenarios.get(" full TIME ") == created
    copied = svc.scenarios.copy("Full time", "Full time + CE")
    assert copied.weekly_hours == 40 and copied.degree_dates == created.degree_dates
    renamed = svc.scenarios.rename("Full time + CE", "Evenings")
    assert renamed.id == copied.id and renamed.saved_projection == copied.saved_projection
    assert [s.name for s in svc.scenarios.list()] == ["Evenings", "Full time"]
    removed = svc.scenarios.delete("evenings")
    assert removed.name == "Evenings"
    assert [s.name for s in svc.scenarios.list()] == ["Full time"]
    assert [c.kinds for c in changes] == [frozenset({"scenarios"})] * 4


def test_refused_writes_leave_the_database_as_it_was(svc: Services) -> None:
    svc.scenarios.create(Scenario("A", weekly_hours=10))
    for bad in (
        Scenario("a"),  # the same name, another case
        Scenario(" "),
        Scenario("B", weekly_hours=200),
        Scenario("B", state="ZZ"),
        Scenario("B", degree_dates={999: date(2027, 1, 1)}),
    ):
        with pytest.raises(ValidationError):
            svc.scenarios.create(bad)
    with pytest.raises(ValidationError):
        svc.scenarios.rename("A", "a ")  # same name is fine only for itself
        svc.scenarios.create(Scenario("A"))
    with pytest.raises(NotFoundError):
        svc.scenarios.delete("nope")
    assert [s.name for s in svc.scenarios.list()] in (["A"], ["a"])


def test_apply_scenario_overrides_profile_and_planned_degrees(svc: Services) -> None:
    plan = svc.plan.snapshot()
    scenario = Scenario(
        "x", weekly_hours=40, state="NY", degree_dates={msw_id(svc): date(2027, 12, 15)}
    )
    changed = apply_scenario(plan, scenario)
    assert changed.profile.weekly_hours == 40 and changed.profile.state == "NY"
    assert changed.profile.ce_hours_per_year == plan.profile.ce_hours_per_year
    masters = next(d for d in changed.degrees if d.level is DegreeLevel.MASTER)
    assert masters.end == date(2027, 12, 15)
    bachelors = next(d for d in changed.degrees if d.level is DegreeLevel.BACHELOR)
    assert bachelors == next(d for d in plan.degrees if d.level is DegreeLevel.BACHELOR)


def test_a_scenario_with_its_own_work_periods_what_if_a_hospital_job_in_july(
    svc: Services,
) -> None:
    # ACM-SW: the LBSW holds; 52 logged weeks of 30 h at a hospital = 1,560 h of 2,080. The
    # plan as is (no periods: 20 h a week like the latest entry, a hospital) needs 520 h more
    # at 20/7 h a day: 182 days, Nov 26, 2026 + 182 = May 27, 2027.
    # The scenario: a social-services agency until Jun 30, 2027 (no ACM hours), then a
    # hospital from Jul 1 at 35 h (5 h a day): 104 days, Jul 1 + 103 = Oct 12, 2027.
    agency = WorkPeriod(
        0, TODAY + timedelta(days=1), date(2027, 6, 30), 20, Activity.CASE_MANAGEMENT,
        Setting.SOCIAL_SERVICES, Supervision.LICENSED_SW,
    )  # fmt: skip
    hospital = WorkPeriod(
        0, date(2027, 7, 1), None, 35, Activity.CASE_MANAGEMENT, Setting.HOSPITAL,
        Supervision.LICENSED_SW,
    )  # fmt: skip
    svc.scenarios.create(Scenario("Hospital in July", work_periods=(hospital, agency)))
    stored = svc.scenarios.get("Hospital in July")
    assert stored.work_periods is not None
    assert [(p.id, p.start) for p in stored.work_periods] == [
        (1, agency.start),
        (2, hospital.start),
    ]
    rows = {r.key: r for r in svc.scenarios.compare(None, "Hospital in July").rows}
    assert (rows["eligibility:ACM-SW"].a, rows["eligibility:ACM-SW"].b) == (
        date(2027, 5, 27),
        date(2027, 10, 12),
    )
    # The scenario's weekly hours replace every period's: 70 h = 10 h a day from Jul 1, 2027,
    # 52 days: Aug 21, 2027.
    faster = apply_scenario(svc.plan.snapshot(), replace(stored, weekly_hours=70))
    assert [p.weekly_hours for p in faster.work_periods] == [70, 70]
    assert build_timeline(faster, CATALOG, TODAY).eligibility.get("ACM-SW").projected_date == (
        date(2027, 8, 21)
    )
    with pytest.raises(ValidationError, match="overlaps"):
        svc.scenarios.create(Scenario("Clash", work_periods=(hospital, replace(hospital, id=9))))


def test_comparison_numbers_are_exact(svc: Services) -> None:
    svc.scenarios.create(Scenario("Slow", weekly_hours=10))
    svc.scenarios.create(
        Scenario(
            "Fast", weekly_hours=40, raise_percent=3, degree_dates={msw_id(svc): date(2027, 12, 15)}
        )
    )
    result = svc.scenarios.compare("Slow", "Fast")
    plan = svc.plan.snapshot()
    slow = build_timeline(apply_scenario(plan, svc.scenarios.get("Slow")), CATALOG, TODAY)
    fast = build_timeline(apply_scenario(plan, svc.scenarios.get("Fast")), CATALOG, TODAY)
    assert result.rows == compare(slow, fast)
    rows = {r.key: r for r in result.rows}
    assert len(rows) == len(CATALOG.certifications) + 2
    for cert in CATALOG.ids:
        a, b = slow.eligibility.get(cert).projected_date, fast.eligibility.get(cert).projected_date
        row = rows[f"eligibility:{cert}"]
        assert (row.a, row.b) == (a, b)
        assert row.difference == (float((b - a).days) if a and b else None)
    swcm = rows["eligibility:C-SWCM"]
    assert isinstance(swcm.difference, float) and swcm.difference < 0  # faster at 40 h a week
    for years in (5, 10):
        day = add_years(TODAY, years)
        expected_a = [p.salary for p in slow.salary if p.day <= day][-1]
        row = rows[f"salary:{years}"]
        assert row.a == expected_a == salary_in(slow, years)
        assert row.difference == pytest.approx(row.b - row.a)  # type: ignore[operator]
    assert (result.a_name, result.b_name) == ("Slow", "Fast")


def test_compare_against_the_plan_as_is(svc: Services) -> None:
    svc.scenarios.create(Scenario("Same"))
    result = svc.scenarios.compare(None, "Same")
    assert result.a_name == "Plan as is"
    assert all(r.difference in (0.0, None) for r in result.rows)


@pytest.mark.parametrize(("hours", "status"), [(30, "on plan"), (60, "ahead"), (10, "behind")])
def test_actual_vs_plan_after_later_entries(
    svc: Services, clock: Clock, hours: float, status: str
) -> None:
    svc.scenarios.create(Scenario("Thirty", weekly_hours=30))
    clock.today = TODAY + timedelta(days=28)
    for k in range(4):
        svc.hours.add(week(TODAY + timedelta(days=1 + 7 * k), hours))
    result = svc.scenarios.actual_vs_plan("Thirty")
    assert result is not None
    assert result.cert_id == "C-SWCM"
    assert result.since == TODAY and result.as_of == clock.today
    assert result.planned_hours == pytest.approx(30 / 7 * 28)
    assert result.actual_hours == pytest.approx(4 * hours)
    assert result.hours_ahead == pytest.approx(4 * hours - 120, abs=1e-6)
    assert result.status == status
    assert result.days_ahead == round((4 * hours - 120) / (30 / 7))
    assert result.describe().lower().startswith(status)


def test_timeline_of_a_scenario(svc: Services) -> None:
    svc.scenarios.create(Scenario("Forty", weekly_hours=40))
    base = svc.scenarios.timeline()
    forty = svc.scenarios.timeline("Forty", cert_id="C-SWCM")
    assert forty.eligibility.weekly_hours == 40 and base.eligibility.weekly_hours == 20
    assert forty.hours[-1].cumulative > base.hours[-1].cumulative


def test_names_that_differ_only_in_case_are_one_name_in_every_alphabet(svc: Services) -> None:
    """SQLite's lower() folds only A-Z: the rule is Python's casefold, in one place."""
    svc.scenarios.create(Scenario("Über Plan", weekly_hours=10))
    before = svc.scenarios.list()
    with pytest.raises(ValidationError, match="already a scenario named 'Über Plan'"):
        svc.scenarios.create(Scenario("über plan"))
    assert svc.scenarios.list() == before
    assert svc.scenarios.get(" ÜBER PLAN ").name == "Über Plan"
    svc.scenarios.create(Scenario("straße"))
    with pytest.raises(ValidationError):
        svc.scenarios.rename("Über Plan", "STRASSE")
    svc.scenarios.create(Scenario("Évening", weekly_hours=5))
    svc.scenarios.create(Scenario("apple"))
    assert [s.name for s in svc.scenarios.list()] == ["apple", "Évening", "straße", "Über Plan"]
    assert svc.scenarios.delete("évening").name == "Évening"
