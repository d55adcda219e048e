"""The salary model and career stages, with exact numbers from given assumptions."""

from __future__ import annotations

from datetime import date

import pytest

from careerplanner.domain.catalog import Figure, SalaryAssumptions
from careerplanner.domain.model import (
    Degree,
    DegreeField,
    DegreeLevel,
    DegreeStatus,
    Goal,
    GoalStatus,
    Plan,
    Profile,
    Track,
    WorkEntry,
)
from careerplanner.domain.results import CertificationResult, Eligibility
from careerplanner.domain.salary import Stage, project_salary, state_factor

AS_OF = date(2026, 11, 26)


def fig(value: float) -> Figure:
    return Figure(value, "test source")


MODEL = SalaryAssumptions(
    typical={Track.NURSE: fig(80_000), Track.SOCIAL_WORK: fig(58_000), Track.OTHER: fig(80_000)},
    ceiling={Track.NURSE: fig(98_000), Track.SOCIAL_WORK: fig(77_000), Track.OTHER: fig(99_999)},
    advanced_ceiling=fig(100_000),
    raise_percent=fig(2),
    certification_step_percent=fig(5),
    masters_step_percent=fig(8),
    band_percent=fig(12),
    us_mean={Track.NURSE: fig(89_010), Track.SOCIAL_WORK: fig(67_430), Track.OTHER: fig(134_440)},
    state_means={Track.NURSE: {"CA": fig(133_340)}, Track.SOCIAL_WORK: {}},
)


def eligibility(projected: dict[str, date | None], weekly: float = 0.0) -> Eligibility:
    results = tuple(
        CertificationResult(cert, cert, day == AS_OF, day, None, ())
        for cert, day in projected.items()
    )
    return Eligibility(AS_OF, weekly, 0.0, results)


def test_state_factor_is_state_mean_over_us_mean() -> None:
    factor, note = state_factor(MODEL, Track.NURSE, "CA")
    assert factor == pytest.approx(133_340 / 89_010)
    assert "CA" in note
    assert state_factor(MODEL, Track.NURSE, "MS")[0] == 1.0
    assert state_factor(MODEL, Track.SOCIAL_WORK, None)[0] == 1.0


def test_raises_compound_yearly_up_to_the_ceiling() -> None:
    plan = Plan(profile=Profile(track=Track.NURSE, current_salary=90_000, raise_percent=2))
    projection = project_salary(plan, MODEL, eligibility({}), years=6)
    salaries = [round(p.salary, 2) for p in projection.points]
    assert salaries[:5] == [90_000, 91_800, 93_636, 95_508.72, 97_418.89]
    assert salaries[5:] == [98_000, 98_000]  # capped at the nurse ceiling
    first = projection.points[0]
    assert (first.low, first.high) == (pytest.approx(79_200), pytest.approx(100_800))


def test_typical_start_times_state_factor_without_a_current_salary() -> None:
    plan = Plan(profile=Profile(track=Track.NURSE, state="CA", raise_percent=0))
    projection = project_salary(plan, MODEL, eligibility({}), years=1)
    assert projection.points[0].salary == pytest.approx(80_000 * 133_340 / 89_010)


def test_certification_and_masters_steps_lift_salary_and_ceiling() -> None:
    plan = Plan(
        profile=Profile(track=Track.SOCIAL_WORK, current_salary=60_000, raise_percent=0),
        degrees=(
            Degree(
                DegreeLevel.MASTER,
                DegreeField.SOCIAL_WORK,
                DegreeStatus.PLANNED,
                end=date(2028, 5, 15),
            ),
        ),
        goals=(Goal("C-SWCM"),),
    )
    projection = project_salary(plan, MODEL, eligibility({"C-SWCM": date(2027, 3, 1)}), years=3)
    assert projection.at(date(2027, 2, 28)).salary == 60_000
    assert projection.at(date(2027, 3, 1)).salary == pytest.approx(63_000)
    assert projection.at(date(2028, 5, 15)).salary == pytest.approx(63_000 * 1.08)
    assert [e.kind for e in projection.events] == ["certification", "masters"]
    stages = dict(projection.stage_changes)
    assert stages[date(2027, 3, 1)] is Stage.MID
    assert stages[date(2028, 5, 15)] is Stage.ADVANCED


def test_stages_follow_case_management_experience() -> None:
    three_years = WorkEntry(start=date(2023, 11, 27), end=AS_OF, hours=6240)
    plan = Plan(profile=Profile(track=Track.NURSE), entries=(three_years,))
    projection = project_salary(plan, MODEL, eligibility({}, weekly=40), years=4)
    assert projection.stage_changes[0] == (AS_OF, Stage.MID)
    earned = Plan(
        profile=plan.profile,
        entries=plan.entries,
        goals=(Goal("CCM", status=GoalStatus.EARNED, earned_on=date(2025, 1, 1)),),
    )
    stages = project_salary(earned, MODEL, eligibility({"CCM": AS_OF}, weekly=40), years=4)
    assert stages.stage_changes[0] == (AS_OF, Stage.MID)
    assert stages.stage_changes[-1][1] is Stage.ADVANCED  # 6 years of experience and certified
