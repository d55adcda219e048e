"""Validation: every value the user types is either accepted or refused in their words."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerplanner.domain.day_totals import validate_day_totals
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import (
    CeActivity,
    CeTopic,
    Degree,
    DegreeField,
    DegreeLevel,
    DegreeStatus,
    Exam,
    ExamType,
    Goal,
    License,
    LicenseType,
    Profile,
    Setting,
    WorkEntry,
)
from careerplanner.domain.validation import (
    parse_choice,
    parse_date,
    parse_number,
    parse_state,
    parse_text,
    validate_ce,
    validate_degree,
    validate_entry,
    validate_exam,
    validate_goal,
    validate_license,
    validate_profile,
)

TODAY = date(2026, 11, 26)
CERTS = ("CCM", "ACM-RN", "ACM-SW", "C-SWCM", "C-ASWCM", "CMGT-BC")


def refused(message: str):
    return pytest.raises(ValidationError, match=f"^{message}$")


def test_dates() -> None:
    assert parse_date(" 2026-02-28 ", "start") == date(2026, 2, 28)
    with refused(r"2026-02-30 is not a date \(use YYYY-MM-DD\)"):
        parse_date("2026-02-30", "start")
    with refused(r"'02/03/2026' is not a date \(use YYYY-MM-DD\)"):
        parse_date("02/03/2026", "start")
    with refused(r"start is empty \(use YYYY-MM-DD\)"):
        parse_date("  ", "start")


@pytest.mark.parametrize(
    ("text", "value"), [("8", 8.0), (" 7.5 ", 7.5), ("2,080", 2080.0), ("-3", -3.0), (".5", 0.5)]
)
def test_numbers(text: str, value: float) -> None:
    assert parse_number(text, "hours") == value


@pytest.mark.parametrize("text", ["abc", "nan", "inf", "-Infinity", "1,00", "1e", "--1", "0x10"])
def test_not_numbers(text: str) -> None:
    with refused(f"'{text}' is not a number"):
        parse_number(text, "hours")


def test_huge_number_is_refused() -> None:
    with pytest.raises(ValidationError, match="too large"):
        parse_number("1e400", "hours")


def test_text() -> None:
    assert parse_text("  hello ", "notes") == "hello"
    with refused(r"notes is longer than 2,000 characters \(2,345\)"):
        parse_text("x" * 2345, "notes")
    with refused(r"title contains a control character \(NUL\); remove it"):
        parse_text("a\x00b", "title")


def test_choices_and_states() -> None:
    assert parse_choice("Home Health", Setting, "setting") is Setting.HOME_HEALTH
    assert parse_choice("rn", LicenseType, "license type") is LicenseType.RN
    with refused(r"unknown setting 'spa' \(choose hospital, rehabilitation, .*\)"):
        parse_choice("spa", Setting, "setting")
    assert parse_state(" ny ", "state") == "NY"
    with pytest.raises(ValidationError, match="unknown state 'XX'"):
        parse_state("XX", "state")


def test_entry_rules() -> None:
    ok = validate_entry(WorkEntry(date(2026, 3, 2), 8, end=date(2026, 3, 2)), TODAY)
    assert ok.end is None and ok.hours == 8.0
    with refused("hours must be more than 0"):
        validate_entry(WorkEntry(date(2026, 3, 2), 0), TODAY)
    with refused("40 h over 1 day is more than 24 h a day"):
        validate_entry(WorkEntry(date(2026, 3, 2), 40), TODAY)
    assert validate_entry(WorkEntry(date(2026, 3, 2), 48, end=date(2026, 3, 3)), TODAY)
    with refused(r"the end \(2026-01-01\) is before the start \(2026-02-01\)"):
        validate_entry(WorkEntry(date(2026, 2, 1), 8, end=date(2026, 1, 1)), TODAY)
    with refused(r"hours can't be logged for a day after today \(2026-11-26\)"):
        validate_entry(WorkEntry(date(2026, 11, 27), 8), TODAY)
    with pytest.raises(ValidationError, match="must be a number"):
        validate_entry(WorkEntry(date(2026, 3, 2), float("nan")), TODAY)


def test_degree_license_exam() -> None:
    completed = Degree(DegreeLevel.BACHELOR, DegreeField.SOCIAL_WORK, DegreeStatus.COMPLETED)
    with refused("a completed degree needs its completion date"):
        validate_degree(completed)
    assert validate_degree(Degree(DegreeLevel.MASTER, DegreeField.NURSING, DegreeStatus.PLANNED))
    with refused("the license expires before it was issued"):
        validate_license(License(LicenseType.RN, date(2024, 1, 1), date(2023, 1, 1)))
    assert validate_license(License(LicenseType.RN, date(2024, 1, 1), state="tx")).state == "TX"
    assert validate_exam(Exam(ExamType.ASWB_MASTERS, date(2027, 6, 1)), TODAY)  # planned
    with pytest.raises(ValidationError, match="more than 20 years ahead"):
        validate_exam(Exam(ExamType.ASWB_MASTERS, date(2090, 6, 1)), TODAY)


def test_profile_ranges() -> None:
    assert validate_profile(Profile(weekly_hours=40, state="ca")).state == "CA"
    for profile, field in [
        (Profile(weekly_hours=169), "weekly hours"),
        (Profile(ce_hours_per_year=2001), "CE hours per year"),
        (Profile(raise_percent=-51), "raise percent"),
        (Profile(raise_percent=101), "raise percent"),
        (Profile(current_salary=10_000_001), "salary"),
        (Profile(current_salary=-1), "salary"),
    ]:
        with pytest.raises(ValidationError) as info:
            validate_profile(profile)
        assert info.value.field == field


def test_ce_and_goals() -> None:
    with refused(r"CE can't be recorded for a day after today \(2026-11-26\)"):
        validate_ce(CeActivity(date(2026, 12, 1), 2, CeTopic.ETHICS), TODAY)
    with pytest.raises(ValidationError, match="file name"):
        validate_ce(CeActivity(date(2026, 1, 1), 2, CeTopic.ETHICS, certificate="../x"), TODAY)
    assert validate_goal(Goal("ccm"), CERTS).cert_id == "CCM"
    with refused(r"unknown certification 'XYZ' \(choose CCM, ACM-RN, .*\)"):
        validate_goal(Goal("XYZ"), CERTS)


def test_day_totals() -> None:
    day = date(2026, 3, 2)
    spans = [(day, day, 20.0), (date(2026, 3, 1), date(2026, 3, 4), 26.0)]
    with refused(r"2026-03-02 would have 26.5 h \(more than 24 h in a day\)"):
        validate_day_totals(spans, [(day, day)])
    validate_day_totals(spans, [(date(2026, 3, 4), date(2026, 3, 4))])  # that day has 6.5 h


@given(st.text(max_size=60))
def test_any_text_parses_or_is_refused(text: str) -> None:
    for parse in (parse_number, parse_date, parse_state):
        try:
            parse(text, "value")
        except ValidationError as error:
            assert error.message and error.field == "value"
    with contextlib.suppress(ValidationError):
        parse_choice(text, Setting, "setting")


@given(st.from_regex(r"[+-]?[0-9,._eEinfa]{0,12}", fullmatch=True))
def test_number_like_strings(text: str) -> None:
    try:
        value = parse_number(text, "hours")
    except ValidationError:
        return
    assert value == value and abs(value) != float("inf")


@given(st.floats(allow_nan=True, allow_infinity=True), st.integers(0, 30))
def test_entries_of_any_hours(hours: float, span: int) -> None:
    start = date(2026, 1, 1)
    entry = WorkEntry(start, hours, end=date.fromordinal(start.toordinal() + span))
    try:
        clean = validate_entry(entry, TODAY)
    except ValidationError:
        return
    assert 0 < clean.hours <= 24 * (span + 1)
