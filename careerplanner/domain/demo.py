"""A realistic sample plan, relative to a given day, for `careerplanner demo` and first runs.

Jordan is a registered nurse in Texas: a BSN about five years ago, an RN license since
shortly after, a year of bedside nursing, then hospital case management and, for the last
months, utilization review at a health insurer (hours that CCM counts but ACM does not).
The planned work: the insurer until the end of the fifth month after today, two weeks off,
then back to hospital case management under a CCM. A master's in healthcare
administration is planned. Everything is computed from `today`, so
the sample stays current; nothing is random.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from careerplanner.domain.dates import add_years
from careerplanner.domain.model import (
    Activity,
    CeActivity,
    CeTopic,
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

HOSPITAL = "Bayview Medical Center"
INSURER = "Gulf Coast Health Plan"
FREE_CLINIC = "Harbor Community Free Clinic"

BEDSIDE_WEEKS = 52  # weeks of bedside nursing before the move into case management
HOSPITAL_CM_WEEKS = 78  # then hospital case management; the rest at the insurer
CCM_SUPERVISOR_FROM_WEEK = 95  # a CCM-certified manager supervises from this week on
VACATION_WEEK = 20  # weeks with index % 26 == this are holidays: two a year
WEEKLY_HOURS = (36.0, 40.0, 38.0, 36.0, 40.0, 37.5, 39.0)
VOLUNTEER_SATURDAYS = 6
VOLUNTEER_HOURS = 4.0

_CM, _ETHICS, _GENERAL = CeTopic.CASE_MANAGEMENT, CeTopic.ETHICS, CeTopic.GENERAL
_NURSES, _CMS, _ONLINE = "State nurses association", "Case management chapter", "Online CE"
_INHOUSE = "Bayview Medical Center education"

# (days before today, hours, topic, title, provider)
CE_ACTIVITIES: tuple[tuple[int, float, CeTopic, str, str], ...] = (
    (1040, 3.0, _GENERAL, "Sepsis recognition update", _INHOUSE),
    (900, 2.0, _ETHICS, "Ethics in discharge planning", _INHOUSE),
    (800, 6.0, _CM, "Foundations of hospital case management", _NURSES),
    (700, 4.0, _CM, "Utilization review essentials", _CMS),
    (560, 1.5, _ETHICS, "Confidentiality in care coordination", _ONLINE),
    (450, 5.0, _CM, "Transitions of care", _CMS),
    (330, 2.0, _GENERAL, "Pain management update", _ONLINE),
    (240, 3.0, _CM, "Motivational interviewing for case managers", _NURSES),
    (120, 3.0, _ETHICS, "Professional boundaries", _ONLINE),
    (45, 4.0, _CM, "Medical necessity criteria in utilization review", INSURER),
)


def demo_plan(today: date) -> Plan:
    """Jordan's plan as it stands on `today`: every logged date is on or before it."""
    bsn_end = add_years(today, -5).replace(day=15)
    rn_issued = bsn_end + timedelta(days=120)
    rn_expires = rn_issued
    while rn_expires <= today:  # Texas RN licenses renew every two years
        rn_expires = add_years(rn_expires, 2)

    profile = Profile(
        name="Jordan Rivera (sample)",
        track=Track.NURSE,
        state="TX",
        weekly_hours=36.0,
        ce_hours_per_year=12.0,
        current_salary=78_000.0,
        raise_percent=2.0,
    )
    degrees = (
        Degree(
            level=DegreeLevel.BACHELOR,
            field=DegreeField.NURSING,
            status=DegreeStatus.COMPLETED,
            start=add_years(bsn_end, -4) + timedelta(days=100),
            end=bsn_end,
            accredited=True,
            field_experience=True,
            institution="Coastal State University School of Nursing",
        ),
        Degree(
            level=DegreeLevel.MASTER,
            field=DegreeField.HEALTHCARE_ADMIN,
            status=DegreeStatus.PLANNED,
            start=today + timedelta(days=90),
            end=add_years(today, 2) + timedelta(days=90),
            accredited=True,
            institution="Coastal State University (online MHA)",
        ),
    )
    licenses = (
        License(
            type=LicenseType.RN,
            issued=rn_issued,
            expires=rn_expires,
            state="TX",
            number="RN-884213",
        ),
    )
    goals = (
        Goal(cert_id="CCM", target=today + timedelta(days=240)),
        Goal(cert_id="ACM-RN"),
        Goal(cert_id="CMGT-BC", target=today + timedelta(days=180)),  # behind: CE is short
    )
    ce = tuple(
        CeActivity(
            date=today - timedelta(days=days),
            hours=hours,
            topic=topic,
            title=title,
            provider=provider,
        )
        for days, hours, topic, title, provider in CE_ACTIVITIES
    )
    entries = _work_entries(today)
    return Plan(
        profile=profile,
        degrees=degrees,
        licenses=licenses,
        exams=(),
        entries=entries,
        ce=ce,
        goals=goals,
        work_periods=_work_periods(today, entries),
    )


def _work_periods(today: date, entries: tuple[WorkEntry, ...]) -> tuple[WorkPeriod, ...]:
    """The insurer job (since its first logged week) to the end of the fifth month after
    today, two weeks off, then hospital case management under a CCM from the 15th."""
    at_insurer = [e.start for e in entries if e.setting is Setting.INSURANCE]
    since = min(at_insurer, default=today)
    month = today.month + 6
    first_of_next = date(today.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    last_at_insurer = first_of_next - timedelta(days=1)
    back = first_of_next + timedelta(days=14)
    insurer = WorkPeriod(
        0,
        since,
        last_at_insurer,
        38.0,
        Activity.CASE_MANAGEMENT,
        Setting.INSURANCE,
        Supervision.RN,
        employer=INSURER,
    )
    hospital = WorkPeriod(
        0,
        back,
        None,
        36.0,
        Activity.CASE_MANAGEMENT,
        Setting.HOSPITAL,
        Supervision.CCM,
        employer=HOSPITAL,
    )
    return (insurer, hospital)


def _work_entries(today: date) -> tuple[WorkEntry, ...]:
    start = add_years(today, -3)
    monday = start + timedelta(days=(7 - start.weekday()) % 7)
    entries: list[WorkEntry] = []
    week = 0
    while monday + timedelta(days=4) <= today:
        if week % 26 != VACATION_WEEK:
            entries.append(_week_entry(week, monday))
        week += 1
        monday += timedelta(days=7)
    first_cm = next(i for i, e in enumerate(entries) if e.activity == Activity.CASE_MANAGEMENT)
    for offset in (0, 1):  # the first two case-management weeks were signed off
        entry = entries[first_cm + offset]
        entries[first_cm + offset] = _replace_verified(entry, entry.last_day + timedelta(days=14))
    # Saturday volunteering at a free clinic, unpaid, during the hospital case-management years.
    first_saturday = entries[first_cm].start + timedelta(days=5)
    for n in range(VOLUNTEER_SATURDAYS):
        day = first_saturday + timedelta(days=56 * n)
        if day <= today:
            entries.append(
                WorkEntry(
                    start=day,
                    hours=VOLUNTEER_HOURS,
                    activity=Activity.CASE_MANAGEMENT,
                    setting=Setting.CLINIC,
                    supervision=Supervision.OTHER_LICENSED,
                    paid=False,
                    employer=FREE_CLINIC,
                    notes="Volunteer care coordination for uninsured patients",
                )
            )
    entries.sort(key=lambda e: (e.start, e.last_day))
    return tuple(entries)


def _week_entry(week: int, monday: date) -> WorkEntry:
    hours = WEEKLY_HOURS[week % len(WEEKLY_HOURS)]
    friday = monday + timedelta(days=4)
    if week < BEDSIDE_WEEKS:
        return WorkEntry(
            start=monday,
            end=friday,
            hours=hours,
            activity=Activity.OTHER,
            setting=Setting.HOSPITAL,
            supervision=Supervision.RN,
            employer=HOSPITAL,
            notes="Bedside nursing, medical-surgical unit",
        )
    if week < BEDSIDE_WEEKS + HOSPITAL_CM_WEEKS:
        supervision = Supervision.CCM if week >= CCM_SUPERVISOR_FROM_WEEK else Supervision.RN
        return WorkEntry(
            start=monday,
            end=friday,
            hours=hours,
            activity=Activity.CASE_MANAGEMENT,
            setting=Setting.HOSPITAL,
            supervision=supervision,
            employer=HOSPITAL,
            notes="Discharge planning and care coordination",
        )
    return WorkEntry(
        start=monday,
        end=friday,
        hours=hours,
        activity=Activity.CASE_MANAGEMENT,
        setting=Setting.INSURANCE,
        supervision=Supervision.RN,
        employer=INSURER,
        notes="Utilization review",
    )


def _replace_verified(entry: WorkEntry, on: date) -> WorkEntry:
    return replace(
        entry, verified_by="Dana Whitfield", verified_credential="RN, CCM", verified_on=on
    )
