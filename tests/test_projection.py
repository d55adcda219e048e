"""Rules v2 projections: planned work periods, the renewal assumption, and what a date rests on.

Every date is worked by hand in the comments. As-of is Thursday 2026-11-26; a 35 h week
accrues exactly 5 h a day, so N hours take N / 5 days, counted from the first day that accrues.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from careerplanner.catalog import load_catalog
from careerplanner.domain.model import (
    Activity,
    CeActivity,
    CeTopic,
    License,
    LicenseType,
    Plan,
    Profile,
    Setting,
    Supervision,
    WorkEntry,
    WorkPeriod,
)
from careerplanner.domain.rules import evaluate

CATALOG = load_catalog()
AS_OF = date(2026, 11, 26)
RN = License(LicenseType.RN, date(2015, 6, 1), state="TX")


def period(
    start: date,
    end: date | None = None,
    weekly: float = 35,
    setting: Setting = Setting.HOSPITAL,
    supervision: Supervision = Supervision.RN,
    **kw: object,
) -> WorkPeriod:
    return WorkPeriod(
        0,
        start,
        end,
        weekly,
        Activity.CASE_MANAGEMENT,
        setting,
        supervision,
        **kw,  # type: ignore[arg-type]
    )


def result(plan: Plan, cert: str, **kw: float):
    return evaluate(plan, CATALOG, AS_OF, **kw).get(cert)


# --- planned work ---------------------------------------------------------------------------


def test_a_job_change_between_two_periods() -> None:
    # Until Jun 30, 2027 at an insurer (no ACM hours), then at a hospital from Jul 1, 2027.
    # ACM-RN: 2,080 h / 5 = 416 days from Jul 1, 2027, the 416th being Jul 1, 2027 + 415 days:
    # Jul 1, 2028 is 366 days on (Feb 29, 2028), and 49 days more is Aug 19, 2028.
    insurer = period(date(2026, 11, 27), date(2027, 6, 30), setting=Setting.INSURANCE)
    hospital = period(date(2027, 7, 1), employer="St. Mary's")
    plan = Plan(licenses=(RN,), work_periods=(insurer, hospital))
    acm = result(plan, "ACM-RN")
    assert acm.projected_date == date(2028, 8, 19)
    # CCM (4,160 h, any setting, any supervision) counts both jobs from Nov 27, 2026:
    # 832 days, Nov 27, 2026 + 831 = Nov 27, 2028 (731 days) + 100 days = Mar 7, 2029.
    assert result(plan, "CCM").projected_date == date(2029, 3, 7)
    # Only the hospital job is what ACM's date rests on.
    assert acm.assumptions == (
        "assumes you work 35 h a week from Jul 1, 2027 on: case-management work at a hospital"
        " for St. Mary's, supervised by an RN, paid",
    )


def test_a_leave_gap_accrues_nothing() -> None:
    # Nov 27, 2026 – Feb 28, 2027 is 4 + 31 + 31 + 28 = 94 days: 470 h. Leave in March to May.
    # From Jun 1, 2027: 1,610 h more = 322 days, Jun 1, 2027 + 321 days = Apr 17, 2028.
    before = period(date(2026, 11, 27), date(2027, 2, 28))
    after = period(date(2027, 6, 1))
    plan = Plan(licenses=(RN,), work_periods=(before, after))
    assert result(plan, "ACM-RN").projected_date == date(2028, 4, 17)
    # Without the gap: 416 days from Nov 27, 2026 = Jan 16, 2028 (92 days earlier: the leave).
    steady = replace(plan, work_periods=(period(date(2026, 11, 27)),))
    assert result(steady, "ACM-RN").projected_date == date(2028, 1, 16)


def test_a_period_that_started_before_as_of_accrues_from_the_day_after() -> None:
    # The job began Jan 1, 2026; its past days are the logged entry (40 h, Nov 2–6), not the
    # period. 2,040 h to go at 5 h a day from Nov 27: 408 days, Nov 26, 2026 + 408 = Jan 8, 2028.
    logged = WorkEntry(
        date(2026, 11, 2),
        40,
        end=date(2026, 11, 6),
        setting=Setting.HOSPITAL,
        supervision=Supervision.RN,
    )
    plan = Plan(licenses=(RN,), entries=(logged,), work_periods=(period(date(2026, 1, 1)),))
    acm = result(plan, "ACM-RN")
    assert next(r for r in acm.requirements if r.id == "experience").current == 40
    assert acm.projected_date == date(2028, 1, 8)


def test_the_weekly_hours_override_replaces_every_periods_hours() -> None:
    # 70 h a week = 10 h a day in each period; the insurer job still counts nothing for ACM:
    # 208 days from Jul 1, 2027 = Jul 1 + 207 = Jan 24, 2028.
    insurer = period(date(2026, 11, 27), date(2027, 6, 30), weekly=20, setting=Setting.INSURANCE)
    hospital = period(date(2027, 7, 1), weekly=10)
    plan = Plan(licenses=(RN,), work_periods=(insurer, hospital))
    assert result(plan, "ACM-RN", weekly_hours=70).projected_date == date(2028, 1, 24)
    stopped = result(plan, "ACM-RN", weekly_hours=0)
    assert stopped.projected_date is None
    assert "no work is planned" in (stopped.blocking or "")


def test_no_planned_work_that_counts_is_named() -> None:
    plan = Plan(
        licenses=(RN,), work_periods=(period(date(2026, 12, 1), setting=Setting.INSURANCE),)
    )
    acm = result(plan, "ACM-RN")
    assert acm.projected_date is None
    assert acm.blocking == (
        "1 year (2,080 h) of paid, supervised case management in a health delivery system: "
        "0 of 2,080 h, and no planned work counts here: ACM needs a health-delivery-system setting"
    )


def test_with_no_periods_the_v1_fallback_is_case_management_unsupervised_in_other() -> None:
    # No entries and no periods: future hours are case management, other setting, no
    # supervision, paid. CCM (any supervision) then counts 4,160 h / 5 = 832 days: Mar 7, 2029.
    plan = Plan(profile=Profile(weekly_hours=35), licenses=(RN,))
    ccm = result(plan, "CCM")
    assert ccm.projected_date == date(2029, 3, 7)
    assert ccm.assumptions == (
        "assumes you work 35 h a week from now on (your weekly hours, like your latest entry): "
        "case-management work in another setting, unsupervised, paid",
    )
    assert "like your latest entry" in (result(plan, "ACM-RN").blocking or "")


# --- license renewal ------------------------------------------------------------------------

EXPIRING = License(LicenseType.RN, date(2020, 1, 1), expires=date(2027, 1, 31), state="TX")
HOSPITAL_PLAN = Plan(licenses=(EXPIRING,), work_periods=(period(date(2026, 11, 27)),))


def test_a_license_valid_on_as_of_is_assumed_renewed_on_time() -> None:
    # The RN license expires Jan 31, 2027, long before the hours are reached (416 days from
    # Nov 27, 2026 = Jan 16, 2028); renewed on time by assumption, the date stands.
    acm = result(HOSPITAL_PLAN, "ACM-RN")
    assert acm.projected_date == date(2028, 1, 16)
    assert acm.assumptions[0] == (
        "assumes your RN license (TX), expiring Jan 31, 2027, is renewed on time"
    )
    assert acm.assumptions[1].startswith("assumes you work 35 h a week from Nov 27, 2026 on")


def test_a_license_marked_not_renewed_blocks_and_is_named() -> None:
    lapsing = replace(EXPIRING, renewal_assumed=False)
    acm = result(replace(HOSPITAL_PLAN, licenses=(lapsing,)), "ACM-RN")
    assert acm.projected_date is None
    assert acm.blocking == (
        "your RN license (TX) ends Jan 31, 2027 and is marked as not renewed"
        " (the other requirements are met later)"
    )
    # CCM's only route here is the RN license too: blocked the same way.
    ccm = result(replace(HOSPITAL_PLAN, licenses=(lapsing,)), "CCM")
    assert "RN license (TX) ends Jan 31, 2027 and is marked as not renewed" in (ccm.blocking or "")


def test_an_already_expired_license_is_not_renewed_by_assumption() -> None:
    expired = replace(EXPIRING, expires=date(2026, 10, 31))
    acm = result(replace(HOSPITAL_PLAN, licenses=(expired,)), "ACM-RN")
    assert not acm.eligible and acm.projected_date is None
    assert acm.blocking == "your RN license (TX) expired Oct 31, 2026 (record its renewal)"


def test_a_planned_license_is_renewed_too() -> None:
    # Issued Mar 1, 2027 (planned), expiring Feb 28, 2029 before the CCM date of Mar 7, 2029:
    # renewed by assumption, so CCM's 832 days from Nov 27, 2026 stand.
    planned = License(LicenseType.RN, date(2027, 3, 1), expires=date(2029, 2, 28))
    plan = replace(HOSPITAL_PLAN, licenses=(planned,))
    ccm = result(plan, "CCM")
    assert ccm.projected_date == date(2029, 3, 7)
    assert "assumes your RN license, expiring Feb 28, 2029, is renewed on time" in ccm.assumptions


def test_an_eligible_certification_rests_on_nothing() -> None:
    done = WorkEntry(
        date(2024, 1, 1),
        2080,
        end=date(2024, 12, 31),
        setting=Setting.HOSPITAL,
        supervision=Supervision.RN,
    )
    acm = result(replace(HOSPITAL_PLAN, entries=(done,)), "ACM-RN")
    assert acm.eligible and acm.assumptions == ()


def test_ce_assumption_is_listed_when_the_date_rests_on_planned_ce() -> None:
    # CMGT-BC: RN since 2015, 2,000 h at 5 h a day = 400 days; 30 CE h at 36.5 a year = 0.1 a
    # day = 300 days. The hours come last: Nov 26, 2026 + 400 = Dec 31, 2027.
    plan = Plan(
        profile=Profile(ce_hours_per_year=36.5),
        licenses=(RN,),
        ce=(CeActivity(date(2026, 1, 5), 0.5, CeTopic.GENERAL),),
        work_periods=(period(date(2026, 11, 27)),),
    )
    cmgt = result(plan, "CMGT-BC")
    assert cmgt.projected_date == date(2027, 12, 31)
    assert "assumes 36.5 CE hours a year of case-management topics" in cmgt.assumptions


# --- v1 compatibility -----------------------------------------------------------------------

KINDS = st.sampled_from(
    [
        (Activity.CASE_MANAGEMENT, Setting.HOSPITAL, Supervision.RN, True),
        (Activity.CASE_MANAGEMENT, Setting.INSURANCE, Supervision.CCM, True),
        (Activity.CASE_MANAGEMENT, Setting.CLINIC, Supervision.NONE, False),
        (Activity.SUPERVISING, Setting.OTHER, Supervision.LICENSED_SW, True),
    ]
)


@st.composite
def logged_entries(draw: st.DrawFn) -> tuple[WorkEntry, ...]:
    out = []
    # Distinct first days: "the most recent logged entry" is then never a tie.
    offsets = draw(st.lists(st.integers(0, 3 * 365), min_size=1, max_size=6, unique=True))
    for offset in offsets:
        first = AS_OF - timedelta(days=offset)
        days = draw(st.integers(0, 60))
        activity, setting, supervision, paid = draw(KINDS)
        hours = draw(st.integers(1, 8)) * (days + 1)
        end = min(first + timedelta(days=days), AS_OF)
        out.append(WorkEntry(first, hours, end, activity, setting, supervision, paid))
    return tuple(out)


@settings(max_examples=40, deadline=None)
@given(
    entries=logged_entries(),
    weekly=st.integers(1, 80),
    started=st.integers(1, 400),
    override=st.none() | st.integers(0, 60),
)
def test_one_period_like_the_v1_fallback_gives_the_v1_dates(
    entries: tuple[WorkEntry, ...], weekly: int, started: int, override: int | None
) -> None:
    """One open period with the profile's weekly hours and the latest entry's kind of work,
    begun on or before the day after as-of, projects exactly what v1 did without periods."""
    v1 = Plan(
        profile=Profile(weekly_hours=weekly, ce_hours_per_year=10), licenses=(RN,), entries=entries
    )
    latest = max(entries, key=lambda e: (e.last_day, e.start))
    same = WorkPeriod(
        7,
        AS_OF + timedelta(days=1) - timedelta(days=started - 1),
        None,
        weekly,
        latest.activity,
        latest.setting,
        latest.supervision,
        latest.paid,
    )
    v2 = replace(v1, work_periods=(same,))
    old = evaluate(v1, CATALOG, AS_OF, weekly_hours=override)
    new = evaluate(v2, CATALOG, AS_OF, weekly_hours=override)
    assert [c.projected_date for c in new.certifications] == [
        c.projected_date for c in old.certifications
    ]


def test_an_expired_license_among_other_routes_names_both() -> None:
    expired = replace(EXPIRING, expires=date(2026, 10, 31))
    ccm = result(replace(HOSPITAL_PLAN, licenses=(expired,)), "CCM")
    assert ccm.projected_date is None
    assert ccm.blocking == (
        "your RN license (TX) expired Oct 31, 2026 (record its renewal), and no active RN, LCSW,"
        " LMSW, LPC, CRC or CDMS license or a completed accredited bachelor's or higher in a"
        " health or human services field with supervised field experience recorded or planned"
    )
