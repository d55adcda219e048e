"""The rule engine against every row of rules.md, with exact numbers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from careerplanner.catalog import load_catalog
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
    WorkEntry,
)
from careerplanner.domain.rules import evaluate

CATALOG = load_catalog()
AS_OF = date(2026, 11, 26)
RN = License(LicenseType.RN, date(2015, 6, 1))


def entry(start: date, end: date | None, hours: float, **kw: object) -> WorkEntry:
    return WorkEntry(start=start, end=end, hours=hours, **kw)  # type: ignore[arg-type]


def year_of_hours(hours: float, **kw: object) -> WorkEntry:
    """`hours` spread over 2024 (366 days), inside every window of the as-of date."""
    return entry(date(2024, 1, 1), date(2024, 12, 31), hours, **kw)


def bsw(end: date, *, accredited: bool = True, status: DegreeStatus = DegreeStatus.COMPLETED):
    return Degree(
        DegreeLevel.BACHELOR, DegreeField.SOCIAL_WORK, status, end=end, accredited=accredited
    )


def msw(end: date, status: DegreeStatus = DegreeStatus.COMPLETED) -> Degree:
    return Degree(DegreeLevel.MASTER, DegreeField.SOCIAL_WORK, status, end=end, accredited=True)


def result(plan: Plan, cert: str, as_of: date = AS_OF, **kw: float):
    return evaluate(plan, CATALOG, as_of, **kw).get(cert)


def req(plan: Plan, cert: str, req_id: str, as_of: date = AS_OF, **kw: float):
    return next(r for r in result(plan, cert, as_of, **kw).requirements if r.id == req_id)


def deductions(requirement) -> dict[str, float]:
    return {d.reason: round(d.hours, 2) for d in requirement.deductions}


def test_all_six_in_catalog_order() -> None:
    ids = [c.id for c in evaluate(Plan(), CATALOG, AS_OF).certifications]
    assert ids == ["CCM", "ACM-RN", "ACM-SW", "C-SWCM", "C-ASWCM", "CMGT-BC"]


# CCM -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours", "activity", "supervision", "eligible"),
    [
        (2080, Activity.CASE_MANAGEMENT, Supervision.CCM, True),  # (1) supervised by a CCM
        (2079, Activity.CASE_MANAGEMENT, Supervision.CCM, False),
        (4160, Activity.CASE_MANAGEMENT, Supervision.NONE, True),  # (2) any supervision
        (4159, Activity.CASE_MANAGEMENT, Supervision.RN, False),
        (2080, Activity.SUPERVISING, Supervision.NONE, True),  # (3) supervising
        (2079, Activity.SUPERVISING, Supervision.NONE, False),
    ],
)
def test_ccm_experience_alternatives(hours, activity, supervision, eligible) -> None:
    plan = Plan(
        licenses=(RN,),
        entries=(year_of_hours(hours, activity=activity, supervision=supervision),),
    )
    assert result(plan, "CCM").eligible is eligible


@pytest.mark.parametrize(
    ("license_type", "met"),
    [(t, True) for t in ("RN", "LCSW", "LMSW", "LPC", "CRC", "CDMS")]
    + [(t, False) for t in ("LPN", "LBSW", "other")],
)
def test_ccm_license_route(license_type: str, met: bool) -> None:
    plan = Plan(licenses=(License(LicenseType(license_type), date(2020, 1, 1)),))
    assert req(plan, "CCM", "prerequisite").met is met


@pytest.mark.parametrize(
    ("level", "field", "experience", "accredited", "met"),
    [
        (DegreeLevel.BACHELOR, DegreeField.PSYCHOLOGY, True, True, True),
        (DegreeLevel.DOCTORATE, DegreeField.PUBLIC_HEALTH, True, True, True),
        # rules v2: "from an accredited institution"
        (DegreeLevel.BACHELOR, DegreeField.NURSING, True, False, False),
        (DegreeLevel.BACHELOR, DegreeField.PSYCHOLOGY, False, True, False),  # no field experience
        (DegreeLevel.ASSOCIATE, DegreeField.NURSING, True, True, False),  # below a bachelor's
        (DegreeLevel.MASTER, DegreeField.HEALTHCARE_ADMIN, True, True, False),  # not health/human
        (DegreeLevel.MASTER, DegreeField.OTHER, True, True, False),
    ],
)
def test_ccm_degree_route(level, field, experience, accredited, met) -> None:
    degree = Degree(
        level,
        field,
        DegreeStatus.COMPLETED,
        end=date(2020, 5, 1),
        field_experience=experience,
        accredited=accredited,
    )
    prerequisite = req(Plan(degrees=(degree,)), "CCM", "prerequisite")
    assert prerequisite.met is met
    if not met:
        assert "accredited bachelor's or higher" in prerequisite.detail


def test_ccm_deductions_unpaid_and_other_activity() -> None:
    plan = Plan(
        licenses=(RN,),
        entries=(
            year_of_hours(1000, supervision=Supervision.CCM),
            year_of_hours(300, supervision=Supervision.CCM, paid=False),
            year_of_hours(200, activity=Activity.OTHER, supervision=Supervision.CCM),
            year_of_hours(100),
        ),
    )
    ccm = req(plan, "CCM", "experience-ccm-supervised")
    assert (ccm.recorded, ccm.current, ccm.met) == (1600, 1000, False)
    assert deductions(ccm) == {
        "not case-management work": 200,
        "unpaid — CCM counts only paid work": 300,
        "not supervised by a CCM": 100,
    }


# ACM-RN / ACM-SW ---------------------------------------------------------------------------


def test_acm_rn_counts_only_supervised_paid_health_delivery_hours() -> None:
    plan = Plan(
        licenses=(RN,),
        entries=(
            year_of_hours(1500, setting=Setting.HOSPITAL, supervision=Supervision.RN),
            year_of_hours(612, setting=Setting.INSURANCE, supervision=Supervision.RN),
            year_of_hours(40, setting=Setting.SOCIAL_SERVICES, supervision=Supervision.RN),
            year_of_hours(20, setting=Setting.OTHER, supervision=Supervision.RN),
            year_of_hours(300, setting=Setting.CLINIC, supervision=Supervision.NONE),
            year_of_hours(25, setting=Setting.CLINIC, supervision=Supervision.RN, paid=False),
        ),
    )
    experience = req(plan, "ACM-RN", "experience")
    assert experience.current == 1500
    assert experience.recorded == 2497
    assert deductions(experience) == {
        "at an insurer — ACM counts only health-delivery-system settings": 612,
        "at a social-services agency — ACM counts only health-delivery-system settings": 40,
        "in other settings — ACM counts only health-delivery-system settings": 20,
        "unsupervised — ACM counts only supervised work": 300,
        "unpaid — ACM counts only paid work": 25,
    }
    assert experience.recorded == pytest.approx(
        experience.current + sum(d.hours for d in experience.deductions)
    )
    # The same insurer hours count toward CCM's any-supervision route.
    assert req(plan, "CCM", "experience-any-supervision").current == 2472


@pytest.mark.parametrize(
    "setting",
    ["hospital", "rehabilitation", "home-health", "skilled-nursing", "clinic", "behavioral-health"],
)
def test_acm_rn_eligible_in_every_health_delivery_setting(setting: str) -> None:
    plan = Plan(
        licenses=(RN,),
        entries=(year_of_hours(2080, setting=Setting(setting), supervision=Supervision.CCM),),
    )
    assert result(plan, "ACM-RN").eligible


def test_acm_rn_needs_an_active_rn_license() -> None:
    hours = (year_of_hours(2080, setting=Setting.HOSPITAL, supervision=Supervision.RN),)
    expired = License(LicenseType.RN, date(2015, 1, 1), expires=date(2026, 11, 25))
    valid_today = License(LicenseType.RN, date(2015, 1, 1), expires=AS_OF)
    assert not result(Plan(licenses=(expired,), entries=hours), "ACM-RN").eligible
    assert result(Plan(licenses=(valid_today,), entries=hours), "ACM-RN").eligible
    future = License(LicenseType.RN, date(2026, 11, 27))
    assert not result(Plan(licenses=(future,), entries=hours), "ACM-RN").eligible


@pytest.mark.parametrize(
    ("plan", "met"),
    [
        (Plan(degrees=(bsw(date(2020, 5, 1)),)), True),
        # rules v2: "from an accredited school of social work"
        (Plan(degrees=(bsw(date(2020, 5, 1), accredited=False),)), False),
        (Plan(degrees=(msw(date(2020, 5, 1)),)), True),
        (Plan(licenses=(License(LicenseType.LBSW, date(2020, 1, 1)),)), True),
        (Plan(licenses=(License(LicenseType.LPC, date(2020, 1, 1)),)), False),
        (Plan(degrees=(bsw(date(2027, 5, 1), status=DegreeStatus.PLANNED),)), False),
    ],
)
def test_acm_sw_prerequisite(plan: Plan, met: bool) -> None:
    assert req(plan, "ACM-SW", "prerequisite").met is met


# C-SWCM ------------------------------------------------------------------------------------

SUPERVISED = {"supervision": Supervision.LICENSED_SW}


def test_c_swcm_counts_hours_strictly_after_bsw_completion_prorated() -> None:
    completed = date(2024, 1, 4)
    plan = Plan(
        degrees=(bsw(completed),),
        exams=(Exam(ExamType.ASWB_BACHELORS, date(2024, 3, 1)),),
        entries=(
            entry(date(2024, 1, 1), date(2024, 1, 10), 80, **SUPERVISED),  # 4 days before
            entry(completed, None, 8, **SUPERVISED),  # on the completion day: not after it
            entry(date(2024, 1, 5), None, 8, **SUPERVISED),  # the day after: counts
        ),
    )
    experience = req(plan, "C-SWCM", "experience")
    assert experience.current == pytest.approx(48 + 8)
    assert deductions(experience) == {"before your BSW was completed": 32 + 8}


def test_c_swcm_needs_accredited_bsw_and_license_or_exam() -> None:
    hours = (entry(date(2020, 1, 1), date(2024, 12, 31), 4500, **SUPERVISED),)
    base = Plan(degrees=(bsw(date(2019, 5, 1)),), entries=hours)
    assert not result(base, "C-SWCM").eligible
    with_exam = Plan(
        degrees=base.degrees, entries=hours, exams=(Exam(ExamType.ASWB_BACHELORS, AS_OF),)
    )
    assert result(with_exam, "C-SWCM").eligible
    with_license = Plan(
        degrees=base.degrees,
        entries=hours,
        licenses=(License(LicenseType.LBSW, date(2019, 8, 1)),),
    )
    assert result(with_license, "C-SWCM").eligible
    unaccredited = Plan(
        degrees=(bsw(date(2019, 5, 1), accredited=False),),
        entries=hours,
        licenses=with_license.licenses,
    )
    assert not result(unaccredited, "C-SWCM").eligible
    masters_exam = Plan(
        degrees=base.degrees, entries=hours, exams=(Exam(ExamType.ASWB_MASTERS, AS_OF),)
    )
    assert not result(masters_exam, "C-SWCM").eligible


def test_c_swcm_without_bsw_charges_every_hour_to_the_missing_degree() -> None:
    plan = Plan(entries=(year_of_hours(1000, **SUPERVISED),))
    experience = req(plan, "C-SWCM", "experience")
    assert experience.current == 0
    assert deductions(experience) == {"no completed BSW yet": 1000}
    assert result(plan, "C-SWCM").blocking == "no completed accredited BSW recorded or planned"


# C-ASWCM -----------------------------------------------------------------------------------


def test_c_aswcm_needs_msw_license_hours_after_msw_and_20_ce() -> None:
    plan = Plan(
        degrees=(msw(date(2021, 5, 15)),),
        licenses=(License(LicenseType.LMSW, date(2021, 8, 1)),),
        entries=(
            entry(date(2021, 5, 1), date(2021, 5, 30), 300, **SUPERVISED),  # 15 of 30 days after
            entry(date(2022, 1, 1), date(2023, 12, 31), 2850, **SUPERVISED),
        ),
        ce=(CeActivity(date(2019, 1, 1), 12, CeTopic.GENERAL),),
    )
    cert = result(plan, "C-ASWCM")
    experience = next(r for r in cert.requirements if r.id == "experience")
    assert experience.current == pytest.approx(3000)
    assert deductions(experience) == {"before your MSW was completed": 150}
    ce = next(r for r in cert.requirements if r.id == "ce")
    assert (ce.current, ce.met) == (12, False)
    assert not cert.eligible
    more = Plan(
        degrees=plan.degrees,
        licenses=plan.licenses,
        entries=plan.entries,
        ce=(*plan.ce, CeActivity(date(2026, 1, 1), 8, CeTopic.ETHICS)),
    )
    assert result(more, "C-ASWCM").eligible


def test_c_aswcm_accepts_the_masters_exam_but_not_lbsw() -> None:
    hours = (entry(date(2022, 1, 1), date(2024, 12, 31), 3000, **SUPERVISED),)
    ce = (CeActivity(date(2024, 1, 1), 20, CeTopic.GENERAL),)
    degrees = (msw(date(2021, 5, 15)),)
    exam = Plan(degrees=degrees, entries=hours, ce=ce, exams=(Exam(ExamType.ASWB_MASTERS, AS_OF),))
    lbsw = Plan(
        degrees=degrees,
        entries=hours,
        ce=ce,
        licenses=(License(LicenseType.LBSW, date(2021, 8, 1)),),
    )
    assert result(exam, "C-ASWCM").eligible
    assert not result(lbsw, "C-ASWCM").eligible


# CMGT-BC -----------------------------------------------------------------------------------

CM_CE = (CeActivity(date(2026, 1, 1), 30, CeTopic.CASE_MANAGEMENT),)


@pytest.mark.parametrize(
    ("issued", "met"), [(date(2024, 11, 26), True), (date(2024, 11, 27), False)]
)
def test_cmgt_bc_rn_for_two_years_boundary(issued: date, met: bool) -> None:
    plan = Plan(licenses=(License(LicenseType.RN, issued),))
    years = req(plan, "CMGT-BC", "rn-years")
    assert years.met is met
    assert years.projected_date == (AS_OF if met else date(2026, 11, 27))


@pytest.mark.parametrize(("day", "counted"), [(date(2023, 11, 26), 0), (date(2023, 11, 27), 8)])
def test_cmgt_bc_window_is_the_three_years_before_as_of(day: date, counted: float) -> None:
    plan = Plan(licenses=(RN,), entries=(entry(day, None, 8),))
    experience = req(plan, "CMGT-BC", "experience")
    assert experience.current == counted
    if not counted:
        assert deductions(experience) == {"older than 3 years": 8}


def test_cmgt_bc_counts_unpaid_and_unsupervised_but_only_after_first_rn_license() -> None:
    plan = Plan(
        licenses=(
            License(LicenseType.RN, date(2024, 1, 11), expires=date(2025, 1, 1)),
            License(LicenseType.RN, date(2025, 1, 2)),
        ),
        entries=(
            entry(date(2024, 1, 1), date(2024, 1, 20), 100, paid=False),  # 10 of 20 days after
            entry(date(2025, 6, 1), None, 8, setting=Setting.INSURANCE),
        ),
        ce=(*CM_CE, CeActivity(date(2026, 2, 1), 5, CeTopic.ETHICS)),
    )
    cert = result(plan, "CMGT-BC")
    experience = next(r for r in cert.requirements if r.id == "experience")
    assert experience.current == pytest.approx(58)
    assert deductions(experience) == {"before your first RN license": 50}
    ce = next(r for r in cert.requirements if r.id == "ce")
    assert (ce.current, ce.recorded) == (30, 35)
    assert deductions(ce) == {"not case-management CE": 5}


def window_plan() -> Plan:
    return Plan(
        licenses=(RN,),
        entries=(
            entry(date(2023, 1, 1), date(2023, 12, 31), 1000),  # 35 of 365 days in the window
            entry(date(2024, 6, 1), date(2025, 12, 31), 1900),
        ),
        ce=CM_CE,
    )


def test_cmgt_bc_prorates_a_span_straddling_the_window() -> None:
    experience = req(window_plan(), "CMGT-BC", "experience", weekly_hours=0)
    assert round(experience.current, 2) == round(1900 + 1000 * 35 / 365, 2) == 1995.89
    assert deductions(experience) == {"older than 3 years": round(1000 * 330 / 365, 2)}


def test_projection_with_hours_dropping_out_of_the_window() -> None:
    plan = window_plan()
    # 2 h a day: lose 1000/365 h a day for 35 days while gaining 2, then gain 2 a day.
    assert result(plan, "CMGT-BC", weekly_hours=14).projected_date == AS_OF + timedelta(days=50)
    assert result(plan, "CMGT-BC", weekly_hours=70).projected_date == AS_OF + timedelta(days=1)
    stalled = result(plan, "CMGT-BC", weekly_hours=0)
    assert stalled.projected_date is None
    assert "no weekly hours are planned" in (stalled.blocking or "")


# Projection ---------------------------------------------------------------------------------


def test_projected_date_is_as_of_when_eligible() -> None:
    plan = Plan(licenses=(RN,), entries=(year_of_hours(4160),))
    cert = result(plan, "CCM")
    assert cert.eligible and cert.projected_date == AS_OF and cert.blocking is None


def test_projection_accrues_weekly_hours_like_the_latest_entry() -> None:
    plan = Plan(
        profile=Profile(weekly_hours=35),
        licenses=(RN,),
        entries=(
            entry(
                date(2026, 11, 2),
                date(2026, 11, 6),
                40,
                setting=Setting.HOSPITAL,
                supervision=Supervision.RN,
            ),
        ),
    )
    # 2,040 h to go at 5 h a day: 408 days.
    assert result(plan, "ACM-RN").projected_date == AS_OF + timedelta(days=408)
    assert result(plan, "ACM-RN", weekly_hours=70).projected_date == AS_OF + timedelta(days=204)


def test_projection_counts_planned_degree_from_its_expected_date() -> None:
    plan = Plan(
        profile=Profile(weekly_hours=35),
        degrees=(bsw(date(2027, 5, 15), status=DegreeStatus.IN_PROGRESS),),
        exams=(Exam(ExamType.ASWB_BACHELORS, date(2027, 7, 1)),),
        entries=(entry(date(2026, 11, 1), None, 5, **SUPERVISED),),
    )
    cert = result(plan, "C-SWCM")
    assert not cert.eligible
    # 4,500 h at 5 h a day, counted from the day after the BSW: 900 days after 2027-05-15.
    assert cert.projected_date == date(2027, 5, 15) + timedelta(days=900)
    bsw_req = next(r for r in cert.requirements if r.id == "bsw")
    assert bsw_req.projected_date == date(2027, 5, 15)


def test_no_projection_names_the_blocking_requirement() -> None:
    cert = result(Plan(profile=Profile(weekly_hours=40)), "ACM-RN")
    assert cert.projected_date is None
    assert cert.blocking == "no active RN license recorded or planned"


def test_recorded_equals_countable_plus_deductions_for_every_hours_requirement() -> None:
    from careerplanner.domain.demo import demo_plan

    plan = demo_plan(AS_OF)
    for cert in evaluate(plan, CATALOG, AS_OF).certifications:
        for r in cert.requirements:
            if r.recorded is not None:
                assert r.recorded == pytest.approx(r.current + sum(d.hours for d in r.deductions))


def test_appended_entries_extend_the_cached_columns_and_give_the_same_answer() -> None:
    from dataclasses import replace

    from careerplanner.domain.encoding import encode_entries, plan_columns

    plan = window_plan()
    plan_columns(plan)
    longer = replace(plan, entries=(*plan.entries, entry(date(2026, 11, 20), None, 8)))
    columns = plan_columns(longer)
    assert columns.source is longer.entries
    assert list(columns.start) == list(encode_entries(longer.entries).start)
    fresh = replace(longer, encoded=None)
    assert evaluate(longer, CATALOG, AS_OF) == evaluate(fresh, CATALOG, AS_OF)
