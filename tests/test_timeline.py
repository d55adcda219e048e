"""The timeline's data agrees with the rule engine: hours, thresholds, milestones and lanes."""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rules_catalog import catalog_for_tests

from careerplanner.domain.demo import demo_plan
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import (
    Activity,
    Degree,
    DegreeField,
    DegreeLevel,
    DegreeStatus,
    Goal,
    GoalStatus,
    License,
    LicenseType,
    Plan,
    Profile,
    Setting,
    Supervision,
    Track,
    WorkEntry,
)
from careerplanner.domain.rules import evaluate
from careerplanner.domain.timeline import (
    KINDS,
    Milestone,
    TimelineData,
    assign_lanes,
    build_timeline,
)

CATALOG = catalog_for_tests()
AS_OF = date(2026, 11, 26)


def nurse_plan(goals: tuple[Goal, ...] = (Goal("CCM"), Goal("CMGT-BC"))) -> Plan:
    """An RN logging a week of supervised hospital case management every week for 3 years."""
    weeks = [AS_OF - timedelta(days=7 * k + 6) for k in range(156)]
    entries = tuple(
        WorkEntry(
            start=start,
            end=start + timedelta(days=6),
            hours=32,
            setting=Setting.HOSPITAL,
            supervision=Supervision.RN if k % 3 else Supervision.CCM,
            id=k + 1,
        )
        for k, start in enumerate(weeks)
    )
    return Plan(
        profile=Profile(track=Track.NURSE, state="CA", weekly_hours=30, ce_hours_per_year=12),
        degrees=(
            Degree(
                DegreeLevel.BACHELOR,
                DegreeField.NURSING,
                DegreeStatus.COMPLETED,
                end=date(2019, 5, 20),
                id=1,
            ),
            Degree(
                DegreeLevel.MASTER,
                DegreeField.SOCIAL_WORK,
                DegreeStatus.PLANNED,
                end=date(2029, 5, 15),
                accredited=True,
                id=2,
            ),
        ),
        licenses=(
            License(LicenseType.RN, date(2019, 8, 1), expires=date(2027, 7, 31), state="CA"),
        ),
        entries=entries,
        goals=goals,
    )


PLANS = {
    "demo": lambda: demo_plan(AS_OF),
    "nurse": nurse_plan,
    "no goals": lambda: nurse_plan(goals=()),
}


def lanes_apart(data: TimelineData | tuple[Milestone, ...], gap: int) -> None:
    marks = data.milestones if isinstance(data, TimelineData) else data
    by_lane: dict[int, list[date]] = defaultdict(list)
    for mark in marks:
        by_lane[mark.lane].append(mark.day)
    for days in by_lane.values():
        days.sort()
        assert all((b - a).days >= gap for a, b in itertools.pairwise(days))


@pytest.mark.parametrize("name", PLANS)
@pytest.mark.parametrize("cert", [None, "CCM", "ACM-RN", "CMGT-BC", "C-ASWCM"])
def test_hours_agree_with_evaluate_and_cross_on_the_projected_date(
    name: str, cert: str | None
) -> None:
    plan = PLANS[name]()
    data = build_timeline(plan, CATALOG, AS_OF, cert_id=cert)
    req = data.requirement
    assert req is not None and data.cert_id is not None
    engine = evaluate(plan, CATALOG, AS_OF).get(data.cert_id)
    assert req in engine.requirements
    past = [p for p in data.hours if not p.projected]
    projected = [p for p in data.hours if p.projected]
    assert past[-1].day == AS_OF == projected[0].day
    assert past[-1].cumulative == req.current  # exactly the engine's figure
    assert projected[0].cumulative == req.current
    assert all(a.day < b.day for a, b in itertools.pairwise(past))
    assert all(a.day < b.day for a, b in itertools.pairwise(projected))
    assert projected[-1].day == data.end
    due = req.projected_date
    if due is not None and AS_OF < due <= data.end:
        value = {p.day: p.cumulative for p in projected}
        assert value[due] >= req.required - 1e-6
        assert value[due - timedelta(days=1)] < req.required - 1e-6
        assert all(p.cumulative < req.required - 1e-6 for p in projected if p.day < due)


def test_default_requirement_is_the_first_goal_and_the_soonest_alternative() -> None:
    data = build_timeline(nurse_plan(), CATALOG, AS_OF)
    assert data.cert_id == "CCM"
    ccm = evaluate(nurse_plan(), CATALOG, AS_OF).get("CCM")
    hours = [r for r in ccm.requirements if r.kind == "hours"]
    soonest = min(r.projected_date or date.max for r in hours)
    assert data.requirement is not None and data.requirement.projected_date == soonest


def test_without_goals_the_soonest_certification_is_drawn() -> None:
    plan = nurse_plan(goals=())
    data = build_timeline(plan, CATALOG, AS_OF)
    results = evaluate(plan, CATALOG, AS_OF).certifications
    soonest = min(
        (r for r in results if r.projected_date), key=lambda r: r.projected_date or date.max
    )
    assert data.cert_id == soonest.id


@pytest.mark.parametrize("name", PLANS)
def test_eligibility_milestones_are_the_projected_dates(name: str) -> None:
    plan = PLANS[name]()
    data = build_timeline(plan, CATALOG, AS_OF)
    goals = {g.cert_id for g in plan.goals} or set(CATALOG.ids)
    expected = {
        r.id: r.projected_date
        for r in evaluate(plan, CATALOG, AS_OF).certifications
        if r.id in goals and r.projected_date and r.projected_date <= data.end
    }
    found = {m.cert: m.day for m in data.milestones if m.kind == "eligibility"}
    assert found == expected
    assert {t.cert for t in data.thresholds} >= set(goals) & {c.id for c in CATALOG.certifications}


def test_milestones_cover_degrees_licenses_targets_windows_and_stages() -> None:
    plan = replace(nurse_plan(), goals=(Goal("CCM", target=date(2027, 6, 1)), Goal("CMGT-BC")))
    data = build_timeline(plan, CATALOG, AS_OF)
    kinds = {m.kind for m in data.milestones}
    assert {"degree", "license", "license-expiry", "eligibility", "target", "exam-window"} <= kinds
    assert set(kinds) <= set(KINDS)
    windows = [m for m in data.milestones if m.kind == "exam-window"]
    ccm_date = data.eligibility.get("CCM").projected_date
    assert ccm_date is not None
    assert {m.day.month for m in windows} == {4, 8, 12}
    assert all(
        m.day.day == 1 and m.cert == "CCM" and m.day >= ccm_date.replace(day=1) for m in windows
    )
    assert (date(2027, 6, 1), "CCM target date") in {(m.day, m.label) for m in data.milestones}
    stages = [(m.day, m.label) for m in data.milestones if m.kind == "stage"]
    assert len(stages) == len(data.stage_changes) - 1


def test_exam_windows_only_for_ccm_when_shown() -> None:
    data = build_timeline(nurse_plan(goals=(Goal("ACM-RN"),)), CATALOG, AS_OF)
    assert not [m for m in data.milestones if m.kind == "exam-window"]


def test_renewals_of_an_earned_credential() -> None:
    earned = Goal("CCM", status=GoalStatus.EARNED, earned_on=date(2024, 3, 1))
    data = build_timeline(nurse_plan(goals=(earned,)), CATALOG, AS_OF, years=10)
    renewals = [m.day for m in data.milestones if m.kind == "renewal"]
    assert renewals == [date(2029, 3, 1), date(2034, 3, 1)]
    assert (date(2024, 3, 1), "CCM earned") in {(m.day, m.label) for m in data.milestones}


def test_salary_series_comes_from_the_salary_model() -> None:
    data = build_timeline(nurse_plan(), CATALOG, AS_OF, raise_percent=3, state="CA")
    assert data.salary[0].day == AS_OF
    assert data.salary[-1].day == data.end
    assert all(p.low < p.salary < p.high for p in data.salary)
    assert any("3%" in a for a in data.assumptions)


def test_bad_years_and_cert_are_refused() -> None:
    with pytest.raises(ValidationError):
        build_timeline(nurse_plan(), CATALOG, AS_OF, years=0)
    with pytest.raises(ValidationError):
        build_timeline(nurse_plan(), CATALOG, AS_OF, cert_id="XYZ")


def test_an_empty_plan_still_has_a_timeline() -> None:
    data = build_timeline(Plan(), CATALOG, AS_OF)
    assert data.salary and data.hours[-1].cumulative == 0.0


@pytest.mark.parametrize("name", PLANS)
def test_lanes_keep_labels_apart(name: str) -> None:
    data = build_timeline(PLANS[name](), CATALOG, AS_OF)
    lanes_apart(data, data.lane_gap_days)
    assert data.lane_count == len({m.lane for m in data.milestones})
    order = [KINDS.index(m.kind) for m in sorted(data.milestones, key=lambda m: m.lane)]
    assert order == sorted(order)  # a lane holds one kind, kinds in KINDS order


marks = st.builds(
    Milestone,
    day=st.dates(date(2020, 1, 1), date(2040, 1, 1)),
    kind=st.sampled_from(KINDS),
    label=st.text(max_size=3),
    cert=st.none(),
)


@given(st.lists(marks, max_size=40), st.integers(1, 800))
def test_assign_lanes_never_crowds_a_lane(items: list[Milestone], gap: int) -> None:
    laid = assign_lanes(items, gap)
    assert len(laid) == len(items)
    lanes_apart(laid, gap)
    assert {m.lane for m in laid} == set(range(len({m.lane for m in laid})))
    assert assign_lanes(reversed(items), gap) == laid  # deterministic, whatever the order


def test_no_countable_activity_gives_a_flat_line() -> None:
    plan = replace(
        nurse_plan(),
        entries=tuple(replace(e, activity=Activity.OTHER) for e in nurse_plan().entries),
    )
    data = build_timeline(plan, CATALOG, AS_OF, cert_id="ACM-RN")
    assert {p.cumulative for p in data.hours} == {0.0}
