"""Reminders due within 90 days: boundaries, keys, and each kind of reminder."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from catalog_stub import stub_catalog

from careerplanner.domain.model import Goal, GoalStatus, License, LicenseType, Plan
from careerplanner.domain.reminders import (
    OVERDUE_DAYS,
    due_reminders,
    next_application,
    window_dates,
)
from careerplanner.domain.results import CertificationResult, Eligibility

CATALOG = stub_catalog()
TODAY = date(2026, 11, 26)


def rn_expiring(days: int, **kw: object) -> Plan:
    lic = License(LicenseType.RN, date(2020, 1, 1), TODAY + timedelta(days=days), "TX", id=3)
    return Plan(licenses=(lic,))


@pytest.mark.parametrize(
    ("days", "due"),
    [
        (0, True),
        (1, True),
        (90, True),
        (91, False),
        (-1, True),
        (-OVERDUE_DAYS, True),
        (-OVERDUE_DAYS - 1, False),
    ],
)
def test_license_expiry_boundaries(days: int, due: bool) -> None:
    reminders = due_reminders(rn_expiring(days), CATALOG, TODAY)
    assert bool(reminders) is due
    if due:
        (reminder,) = reminders
        expires = TODAY + timedelta(days=days)
        assert reminder.key == f"license:3:{expires.isoformat()}"
        assert reminder.overdue(TODAY) is (days < 0)
        assert ("expired" in reminder.text) is (days < 0)


def test_license_texts() -> None:
    (today,) = due_reminders(rn_expiring(0), CATALOG, TODAY)
    assert today.text.startswith("Your RN license (TX) expires on November 26, 2026 (today).")
    (soon,) = due_reminders(rn_expiring(12), CATALOG, TODAY)
    assert "(in 12 days)" in soon.text and soon.days_left(TODAY) == 12
    (late,) = due_reminders(rn_expiring(-3), CATALOG, TODAY)
    assert "expired on November 23, 2026 (3 days ago)" in late.text


def test_renewed_license_no_longer_reminds() -> None:
    old = License(LicenseType.RN, date(2020, 1, 1), TODAY + timedelta(days=10), "TX", id=1)
    new = License(LicenseType.RN, TODAY, date(2028, 11, 30), "TX", id=2)
    assert due_reminders(Plan(licenses=(old, new)), CATALOG, TODAY) == ()


def held_ccm(valid_through: date) -> Plan:
    goal = Goal("CCM", status=GoalStatus.EARNED, expires_on=valid_through)
    return Plan(goals=(goal,))


def test_renewal_window_opening_then_closing() -> None:
    # valid through 2027-05-31: window opens 2027-02-28, 94 days away: only later reminders
    assert due_reminders(held_ccm(date(2027, 5, 31)), CATALOG, TODAY) == ()
    # valid through 2027-02-24: opens 2026-11-24 (past), due in 90 days
    (closing,) = due_reminders(held_ccm(date(2027, 2, 24)), CATALOG, TODAY)
    assert closing.kind == "renewal-due" and closing.key == "renewal-due:CCM:2027-02-24"
    assert closing.text == (
        "Your CCM renewal is due by February 24, 2027 (in 90 days); "
        "80 CE hours still needed, 8 of them ethics."
    )
    # valid through 2027-02-26: opens today, due in 92 days
    (opening,) = due_reminders(held_ccm(date(2027, 2, 26)), CATALOG, TODAY)
    assert opening.kind == "renewal-opens" and opening.due == TODAY
    assert opening.text.startswith("The CCM renewal window opens on November 26, 2026 (today)")


def test_overdue_renewal() -> None:
    (late,) = due_reminders(held_ccm(TODAY - timedelta(days=1)), CATALOG, TODAY)
    assert late.overdue(TODAY) and "was due by November 25, 2026 (yesterday)" in late.text


def test_window_dates_across_the_new_year() -> None:
    april, august, december = CATALOG.get("CCM").exam.windows
    assert window_dates(april, 2027) == (date(2026, 12, 1), date(2027, 2, 15), date(2027, 4, 1))
    assert window_dates(december, 2026) == (date(2026, 8, 1), date(2026, 10, 15), date(2026, 12, 1))
    assert next_application((april, august, december), TODAY)[1] == date(2027, 2, 15)
    assert next_application((april, august, december), date(2027, 2, 16))[1] == date(2027, 6, 15)


def ccm_ready(on: date | None, today: date) -> Eligibility:
    """CCM projected for `on` (eligible when `on` is `today`; None: not reachable)."""
    result = CertificationResult("CCM", "CCM", on == today, on, None if on else "no license", ())
    return Eligibility(today, 30, 0, (result,))


@pytest.mark.parametrize(
    ("today", "deadline"),
    [
        (date(2026, 11, 17), date(2027, 2, 15)),  # day 90: due
        (date(2027, 2, 15), date(2027, 2, 15)),  # the deadline is today
        (date(2026, 11, 16), None),  # day 91: not yet
    ],
)
def test_ccm_application_deadline(today: date, deadline: date | None) -> None:
    plan = Plan(goals=(Goal("CCM"),))
    reminders = due_reminders(plan, CATALOG, today, ccm_ready(today, today))
    if deadline is None:
        assert reminders == ()
        return
    (reminder,) = reminders
    assert reminder.key == f"application:CCM:{deadline.isoformat()}"
    assert "to take the CCM exam in the April 2027 testing window" in reminder.text


@pytest.mark.parametrize(
    ("ready", "deadline"),
    [
        # eligible on the deadline itself (Feb 15): the April window is still open to apply
        (date(2027, 2, 15), date(2027, 2, 15)),
        # eligible a day later: the next deadline is Jun 15 (August window), 201 days away
        (date(2027, 2, 16), None),
        # not reachable at all: no deadline to offer
        (None, None),
    ],
)
def test_application_deadline_follows_projected_eligibility(
    ready: date | None, deadline: date | None
) -> None:
    plan = Plan(goals=(Goal("CCM"),))
    reminders = due_reminders(plan, CATALOG, TODAY, ccm_ready(ready, TODAY))
    assert [r.key for r in reminders] == (
        [f"application:CCM:{deadline.isoformat()}"] if deadline else []
    )


def test_no_application_deadline_without_a_projection() -> None:
    assert due_reminders(Plan(goals=(Goal("CCM"),)), CATALOG, date(2027, 2, 1)) == ()


def test_no_application_reminder_once_earned() -> None:
    plan = Plan(goals=(Goal("CCM", status=GoalStatus.EARNED),))
    assert due_reminders(plan, CATALOG, date(2027, 2, 1), ccm_ready(date(2027, 2, 1), TODAY)) == ()


def eligibility(projected: date | None, blocking: str | None = None) -> Eligibility:
    result = CertificationResult("ACM-RN", "ACM", False, projected, blocking, ())
    return Eligibility(TODAY, 30, 0, (result,))


@pytest.mark.parametrize(
    ("projected", "at_risk"),
    [
        (TODAY + timedelta(days=60), False),  # on the target day
        (TODAY + timedelta(days=61), True),
        (None, True),
    ],
)
def test_target_at_risk(projected: date | None, at_risk: bool) -> None:
    plan = Plan(goals=(Goal("ACM-RN", target=TODAY + timedelta(days=60)),))
    reminders = due_reminders(plan, CATALOG, TODAY, eligibility(projected, "no RN license"))
    assert bool(reminders) is at_risk
    if at_risk:
        assert reminders[0].key == "target:ACM-RN:2027-01-25"
        assert reminders[0].text.startswith("Your target for ACM-RN is January 25, 2027")


def test_far_target_is_not_due_and_sorting_is_by_date() -> None:
    plan = Plan(
        goals=(Goal("ACM-RN", target=TODAY + timedelta(days=91)),),
        licenses=rn_expiring(5).licenses,
    )
    reminders = due_reminders(plan, CATALOG, TODAY, eligibility(None))
    assert [r.kind for r in reminders] == ["license"]
    plan = Plan(goals=(Goal("ACM-RN", target=TODAY + timedelta(days=2)),), licenses=plan.licenses)
    reminders = due_reminders(plan, CATALOG, TODAY, eligibility(None))
    assert [r.kind for r in reminders] == ["target", "license"]
