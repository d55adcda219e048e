"""The sample plan: valid on any day, dated on or before that day, deterministic, as intended."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest

from careerplanner.domain import validation as v
from careerplanner.domain.day_totals import validate_day_totals
from careerplanner.domain.demo import demo_plan
from careerplanner.domain.model import (
    Activity,
    CeTopic,
    DegreeStatus,
    LicenseType,
    Setting,
    Supervision,
    Track,
)

TODAYS = [
    date(2026, 11, 26),  # a Thursday
    date(2024, 2, 29),  # leap day
    date(2025, 1, 5),  # a Sunday
    date(2027, 6, 7),  # a Monday
]


@pytest.mark.parametrize("today", TODAYS)
def test_every_record_validates_and_is_not_after_today(today: date) -> None:
    plan = demo_plan(today)
    assert v.validate_profile(plan.profile) == plan.profile
    for degree in plan.degrees:
        v.validate_degree(degree)
    for lic in plan.licenses:
        v.validate_license(lic)
    for entry in plan.entries:
        v.validate_entry(entry, today)
        assert entry.last_day <= today
    for activity in plan.ce:
        v.validate_ce(activity, today)
        assert activity.date <= today
    ids = ("CCM", "ACM-RN", "ACM-SW", "C-SWCM", "C-ASWCM", "CMGT-BC")
    for goal in plan.goals:
        v.validate_goal(goal, ids)
    spans = [(e.start, e.last_day, e.hours) for e in plan.entries]
    validate_day_totals(spans, [(e.start, e.last_day) for e in plan.entries])
    days: Counter[date] = Counter()
    for e in plan.entries:
        for n in range(e.span_days):
            days[e.start + timedelta(days=n)] += e.hours / e.span_days
    assert max(days.values()) <= 24


@pytest.mark.parametrize("today", TODAYS)
def test_counts_are_as_intended(today: date) -> None:
    plan = demo_plan(today)
    profile = plan.profile
    assert (profile.track, profile.state, profile.weekly_hours) == (Track.NURSE, "TX", 36.0)
    assert (profile.ce_hours_per_year, profile.current_salary) == (12.0, 78_000.0)

    bsn, mha = plan.degrees
    assert bsn.status is DegreeStatus.COMPLETED and bsn.accredited and bsn.field_experience
    assert bsn.end is not None and 4.5 * 365 < (today - bsn.end).days < 5.5 * 365
    assert mha.status is DegreeStatus.PLANNED and mha.end is not None and mha.end > today

    (rn,) = plan.licenses
    assert rn.type is LicenseType.RN
    assert 4 * 365 < (today - rn.issued).days < 5 * 365
    assert rn.expires is not None and today < rn.expires <= today + timedelta(days=2 * 366)

    weekly = [e for e in plan.entries if e.end is not None]
    assert 140 <= len(weekly) <= 156
    for e in weekly:
        assert e.start.weekday() == 0 and e.span_days == 5 and 36 <= e.hours <= 40
    oldest = min(e.start for e in plan.entries)
    assert 3 * 365 - 7 <= (today - oldest).days <= 3 * 365 + 1
    by_kind = Counter((e.activity, e.setting) for e in weekly)
    assert by_kind[(Activity.CASE_MANAGEMENT, Setting.INSURANCE)] >= 20
    assert by_kind[(Activity.CASE_MANAGEMENT, Setting.HOSPITAL)] >= 70
    assert by_kind[(Activity.OTHER, Setting.HOSPITAL)] >= 45
    assert {e.supervision for e in weekly} == {Supervision.RN, Supervision.CCM}
    unpaid = [e for e in plan.entries if not e.paid]
    assert 3 <= len(unpaid) <= 6
    assert sum(e.verified for e in plan.entries) == 2

    assert len(plan.ce) == 10
    assert sum(c.topic is CeTopic.ETHICS for c in plan.ce) == 3
    assert [g.cert_id for g in plan.goals] == ["CCM", "ACM-RN", "CMGT-BC"]
    ccm = plan.goals[0]
    assert ccm.target is not None and 200 < (ccm.target - today).days < 270


def test_deterministic() -> None:
    assert demo_plan(date(2026, 3, 1)) == demo_plan(date(2026, 3, 1))
    assert demo_plan(date(2026, 3, 1)) != demo_plan(date(2026, 3, 2))


@pytest.mark.parametrize("today", TODAYS)
def test_eligibility_tells_an_interesting_story(today: date) -> None:
    """CCM soon and before its target, ACM-RN now with insurer hours deducted, CMGT-BC later,
    the social-work certifications out of reach."""
    from careerplanner.catalog import load_catalog
    from careerplanner.domain.rules import evaluate

    plan = demo_plan(today)
    result = evaluate(plan, load_catalog(), today)
    ccm = result.get("CCM")
    assert not ccm.eligible
    assert ccm.projected_date is not None and plan.goals[0].target is not None
    assert today < ccm.projected_date < plan.goals[0].target
    acm = result.get("ACM-RN")
    assert acm.eligible
    reasons = [d.reason for r in acm.requirements for d in r.deductions]
    assert any("insur" in reason.lower() for reason in reasons)
    cmgt = result.get("CMGT-BC")
    assert not cmgt.eligible and cmgt.projected_date is not None
    assert plan.goals[2].target is not None and plan.goals[2].target < cmgt.projected_date
    for cert_id in ("ACM-SW", "C-SWCM", "C-ASWCM"):
        assert result.get(cert_id).projected_date is None


@pytest.mark.parametrize("today", TODAYS)
def test_planned_work_is_the_insurer_then_two_weeks_off_then_the_hospital(today: date) -> None:
    plan = demo_plan(today)
    insurer, hospital = v.check_no_overlap(v.validate_work_period(p) for p in plan.work_periods)
    assert insurer.setting is Setting.INSURANCE and insurer.start <= today
    assert insurer.start == min(e.start for e in plan.entries if e.setting is Setting.INSURANCE)
    assert insurer.end is not None and insurer.end > today + timedelta(days=120)
    assert (insurer.end + timedelta(days=1)).day == 1  # the last day of a month
    assert (hospital.start - insurer.end).days == 15  # 14 days off between the two
    assert hospital.end is None and hospital.setting is Setting.HOSPITAL
    assert hospital.supervision is Supervision.CCM and hospital.weekly_hours == 36
