"""Renewal cycles of held credentials: windows, CE buckets, one activity toward many."""

from __future__ import annotations

from datetime import date

from catalog_stub import stub_catalog

from careerplanner.domain.model import CeActivity, CeTopic, Goal, GoalStatus, Plan
from careerplanner.domain.renewals import (
    add_months,
    credentials_for,
    describe_needed,
    renewal_statuses,
    undated_credentials,
)

CATALOG = stub_catalog()
TODAY = date(2026, 11, 26)


def earned(cert_id: str, on: date | None = None, expires: date | None = None) -> Goal:
    return Goal(cert_id, status=GoalStatus.EARNED, earned_on=on, expires_on=expires)


def ce(day: date, hours: float, topic: CeTopic = CeTopic.CASE_MANAGEMENT) -> CeActivity:
    return CeActivity(day, hours, topic)


def test_ccm_cycle_from_earned_date_with_ethics_bucket() -> None:
    plan = Plan(
        goals=(earned("CCM", date(2024, 3, 10)),),
        ce=(
            ce(date(2024, 3, 9), 50),  # the day before: outside the cycle
            ce(date(2024, 3, 10), 20),
            ce(date(2026, 1, 5), 3, CeTopic.ETHICS),
            ce(date(2026, 6, 1), 10, CeTopic.GENERAL),
        ),
    )
    (status,) = renewal_statuses(plan, CATALOG, TODAY)
    assert (status.cycle_start, status.cycle_end) == (date(2024, 3, 10), date(2029, 3, 9))
    assert status.window_opens == date(2028, 12, 9)
    assert status.total.required == 80 and status.total.completed == 33
    ethics = status.buckets[1]
    assert (ethics.label, ethics.required, ethics.completed, ethics.needed) == ("Ethics", 8, 3, 5)
    assert status.hours_needed == 47 and not status.complete
    assert describe_needed(status) == "47 CE hours still needed, 5 of them ethics"
    assert len(status.activities) == 3


def test_later_cycle_rolls_forward_from_earned_date() -> None:
    plan = Plan(goals=(earned("C-SWCM", date(2020, 11, 26)),), ce=(ce(date(2026, 11, 26), 4),))
    (status,) = renewal_statuses(plan, CATALOG, TODAY)
    assert (status.cycle_start, status.cycle_end) == (date(2026, 11, 26), date(2028, 11, 25))
    assert status.total.completed == 4
    assert status.assumption and "unverified" in status.assumption


def test_recorded_expiry_is_the_due_date() -> None:
    plan = Plan(goals=(earned("ACM-RN", date(2023, 2, 1), date(2027, 1, 31)),))
    (status,) = renewal_statuses(plan, CATALOG, TODAY)
    assert (status.cycle_start, status.cycle_end, status.due) == (
        date(2023, 2, 1),
        date(2027, 1, 31),
        date(2027, 1, 31),
    )
    assert status.overdue(date(2027, 2, 1)) and not status.overdue(date(2027, 1, 31))


def test_buckets_met_and_surplus_in_one_bucket_does_not_fill_another() -> None:
    plan = Plan(
        goals=(earned("CCM", date(2025, 1, 1)),),
        ce=(ce(date(2025, 2, 1), 90),),
    )
    (status,) = renewal_statuses(plan, CATALOG, TODAY)
    assert status.total.met and not status.buckets[1].met
    assert status.hours_needed == 8
    plan = Plan(goals=plan.goals, ce=(*plan.ce, ce(date(2025, 3, 1), 8, CeTopic.ETHICS)))
    (status,) = renewal_statuses(plan, CATALOG, TODAY)
    assert status.complete and describe_needed(status) == "all CE hours for this cycle are done"


def test_one_activity_counts_toward_every_credential() -> None:
    activity = ce(date(2026, 5, 1), 6)
    plan = Plan(
        goals=(earned("CCM", date(2025, 1, 1)), earned("ACM-RN", date(2025, 6, 1))),
        ce=(activity,),
    )
    statuses = renewal_statuses(plan, CATALOG, TODAY)
    assert [s.cert_id for s in statuses] == ["ACM-RN", "CCM"]  # soonest due first
    assert all(s.total.completed == 6 for s in statuses)
    assert credentials_for(activity, statuses) == ("ACM-RN", "CCM")
    assert credentials_for(ce(date(2025, 3, 1), 1), statuses) == ("CCM",)


def test_goals_not_earned_or_without_dates_have_no_cycle() -> None:
    plan = Plan(goals=(Goal("CCM"), earned("ACM-RN")))
    assert renewal_statuses(plan, CATALOG, TODAY) == ()
    assert undated_credentials(plan) == ("ACM-RN",)


def test_add_months_clips_to_month_end() -> None:
    assert add_months(date(2027, 5, 31), -3) == date(2027, 2, 28)
    assert add_months(date(2027, 1, 15), 12) == date(2028, 1, 15)
    assert add_months(date(2027, 1, 15), -1) == date(2026, 12, 15)
