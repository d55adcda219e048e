"""Values other tools write (durations, dates, clock times), the column mapping, and the
count-by-count duplicate match. The properties write a value the way a tool does and read it
back: the strategies only draw values that exist, so they cannot fail by chance."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import WorkEntry
from careerplanner.io.csv_detect import hours_layout
from careerplanner.io.csv_read import CsvRecord, CsvTable
from careerplanner.io.csv_rows import ImportedEntry
from careerplanner.io.csv_values import (
    DateFormat,
    clock_hours,
    parse_clock,
    parse_day,
    parse_duration,
    slash_orders,
)
from careerplanner.io.import_checks import entry_key, group_problems, split_duplicates

DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 23), st.integers(0, 59), st.integers(0, 59), st.booleans())
def test_h_mm_ss_durations_read_as_hours(hours: int, minutes: int, seconds: int, pad: bool) -> None:
    exact = hours + minutes / 60 + seconds / 3600
    text = f"{hours:02d}:{minutes:02d}:{seconds:02d}" if pad else f"{hours}:{minutes}:{seconds}"
    assert parse_duration(text, "Hours", "hours", False) == pytest.approx(exact, abs=1e-12)
    assert parse_duration(f"{hours}:{minutes:02d}", "Hours", "hours", False) == pytest.approx(
        hours + minutes / 60, abs=1e-12
    )


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 999), st.integers(0, 99), st.sampled_from(["hours", "minutes", "seconds"]))
def test_decimal_commas_and_units(whole: int, cents: int, unit: str) -> None:
    per_hour = {"hours": 1, "minutes": 60, "seconds": 3600}[unit]
    expected = (whole + cents / 100) / per_hour
    text = f"{whole},{cents:02d}"
    assert parse_duration(text, "Hours", unit, True) == pytest.approx(expected, rel=1e-12)
    assert parse_duration(f"{whole}.{cents:02d}", "Hours", unit, False) == pytest.approx(
        expected, rel=1e-12
    )


@settings(max_examples=200, deadline=None)
@given(DAYS, st.sampled_from(list(DateFormat)), st.booleans())
def test_every_date_format_reads_back_the_day(day: date, form: DateFormat, with_time: bool) -> None:
    text = {
        DateFormat.ISO: day.isoformat(),
        DateFormat.US: f"{day.month}/{day.day}/{day.year}",
        DateFormat.EU: f"{day.day:02d}/{day.month:02d}/{day.year}",
        DateFormat.DOTTED: f"{day.day:02d}.{day.month:02d}.{day.year}",
        DateFormat.US_SHORT: f"{day.month}/{day.day}/{day.year % 100:02d}",
        DateFormat.EU_SHORT: f"{day.day}/{day.month}/{day.year % 100:02d}",
    }[form]
    if with_time:
        text += " 09:15" if form is not DateFormat.ISO else "T09:15:00"
    assert parse_day(text, "Date", form) == day
    if form in (DateFormat.US, DateFormat.US_SHORT) and day.day > 12:
        assert slash_orders([text]) == {DateFormat.US}  # a day over 12 tells the order


def test_slash_dates_without_an_order_are_not_guessed() -> None:
    assert slash_orders(["03/04/2024", "2024-05-06", "15.03.2024"]) == {
        DateFormat.US,
        DateFormat.EU,
    }
    for order in (None, DateFormat.ISO):
        with pytest.raises(ValidationError, match="needs a date format"):
            parse_day("03/04/2024", "Date", order)
    assert parse_day("15.03.2024", "Date", None) == date(2024, 3, 15)  # dots: day first
    with pytest.raises(ValidationError, match="no such day"):
        parse_day("31.02.2024", "Date", None)


@settings(max_examples=200, deadline=None)
@given(st.times(), st.times(), st.sampled_from([0.0, 0.25, 0.5]))
def test_clock_times_give_the_hours_between_them(start: time, end: time, pause: float) -> None:
    start, end = start.replace(microsecond=0), end.replace(microsecond=0)
    found = clock_hours(parse_clock(start.isoformat(), "From"), parse_clock(end.isoformat(), "To"))
    seconds = (end.hour - start.hour) * 3600 + (end.minute - start.minute) * 60
    seconds += end.second - start.second
    assert found == pytest.approx((seconds if seconds > 0 else seconds + 86400) / 3600)
    assert clock_hours(start, end, pause) == pytest.approx(found - pause)


def test_twelve_hour_clock() -> None:
    assert parse_clock("1:00 PM", "From") == time(13, 0)
    assert parse_clock("12:30 am", "From") == time(0, 30)
    assert parse_clock("2014-04-17 09:15", "From") == time(9, 15)
    with pytest.raises(ValidationError, match="not a time of day"):
        parse_clock("25:00", "From")


def _table(columns: list[str], *rows: list[str]) -> CsvTable:
    return CsvTable(columns, [CsvRecord(n, list(r)) for n, r in enumerate(rows, 2)])


def test_a_taken_alias_moves_on_to_the_next_spelling() -> None:
    table = _table(["Date", "Start", "Hours"], ["2024-01-05", "2024-01-02", "3"])
    layout = hours_layout(table, {"verified_on": "Date"})
    assert layout.index["start"] == 1 and layout.index["verified_on"] == 0


def test_clock_columns_are_not_dates_and_not_span_ends() -> None:
    table = _table(["Datum", "Start", "Ende", "Ist_h"], ["02.01.2025", "08:00", "17:00", "8,5"])
    layout = hours_layout(table)
    assert layout.index == {"start": 0, "start_time": 1, "end_time": 2, "hours": 3}


def test_duplicates_match_count_by_count_and_by_clock_time_first() -> None:
    day = date(2024, 1, 2)
    stored = [WorkEntry(day, 1.0, id=7), WorkEntry(day, 1.0, id=8)]
    rows = [WorkEntry(day, 1.0)] * 3
    kept, lines, duplicates = split_duplicates(rows, [2, 3, 4], stored, entry_key)
    assert kept == [rows[2]]
    assert (lines, duplicates) == ([4], [(2, 7), (3, 8)])
    timed = [
        ImportedEntry(day, 1.0, start_time=time(9), end_time=time(10), id=1),
        ImportedEntry(day, 1.0, start_time=time(14), end_time=time(15), id=2),
    ]
    afternoon = ImportedEntry(day, 1.0, start_time=time(14), end_time=time(15))
    evening = ImportedEntry(day, 1.0, start_time=time(19), end_time=time(20))
    _, lines, duplicates = split_duplicates([afternoon, evening], [2, 3], timed, entry_key)
    assert (duplicates, lines) == ([(2, 2)], [3])  # other times are another session
    untimed = [WorkEntry(day, 1.0, id=9)]  # stored before entries kept clock times
    assert split_duplicates([evening], [2], untimed, entry_key)[2] == [(2, 9)]
    assert split_duplicates([afternoon], [2], [], entry_key)[0] == [afternoon]


def test_a_repeated_problem_is_said_once_with_its_count() -> None:
    problems = [(n, "Hours", f"'{v}' is not a number") for n, v in ((2, "a"), (3, "b"), (5, "c"))]
    problems.append((4, "Date", "'x' is not a date"))
    assert group_problems(problems) == [
        ("Hours: 'a' is not a number", 3, [2, 3, 5]),
        ("Date: 'x' is not a date", 1, [4]),
    ]
