"""Every stored value is checked against the models: hostile values are always named, sound
ones never are. Each example edits one cell of a real database file with its CHECK
constraints ignored, as a tool that bypasses them would."""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerplanner.domain.model import Activity, WorkEntry
from careerplanner.storage import Database
from careerplanner.storage.repositories import ENTRIES, add
from careerplanner.storage.verify import value_problems

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ACTIVITIES = {a.value for a in Activity}
INT_MIN, INT_MAX = -(2**63), 2**63 - 1  # what SQLite stores as an integer
EXAMPLES = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A database file holding one work entry (id 1)."""
    folder = tmp_path_factory.mktemp("template")
    with Database.open(folder) as db, db.session() as session:
        add(session, ENTRIES, WorkEntry(start=date(2026, 1, 5), hours=2.0))
    yield folder / "careerplanner.sqlite3"


def _problems_after(template: Path, tmp_path: Path, column: str, value: object) -> list[str]:
    path = tmp_path / "edited.sqlite3"
    shutil.copyfile(template, path)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA ignore_check_constraints=ON")
        connection.execute(f'UPDATE work_entry SET "{column}" = ? WHERE id = 1', (value,))
        return value_problems(connection)
    finally:
        connection.close()


def _is_real_date(text: str) -> bool:
    if not ISO_DATE.fullmatch(text):
        return False
    try:
        return date.fromisoformat(text) >= date(1, 1, 1)
    except ValueError:
        return False


@EXAMPLES
@given(st.text(max_size=30).filter(lambda t: t not in ACTIVITIES))
def test_an_unknown_activity_is_named(template: Path, tmp_path: Path, value: str) -> None:
    problems = _problems_after(template, tmp_path, "activity", value)
    assert problems == ['1 row of work_entry: breaks the rule "activity" IN (' + _values() + ")"]


def _numeric(text: str) -> bool:
    """True for text SQLite may turn into a number in a REAL column (and more)."""
    try:
        float(text)
    except ValueError:
        return False
    return True


def _values() -> str:
    return ", ".join(f"'{a.value}'" for a in Activity)


@EXAMPLES
@given(st.text(max_size=30).filter(lambda t: not _is_real_date(t)))
def test_a_start_that_is_not_a_real_date_is_named(
    template: Path, tmp_path: Path, value: str
) -> None:
    problems = _problems_after(template, tmp_path, "start", value)
    assert "1 row of work_entry: start is not a date" in problems


@EXAMPLES
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_a_real_start_date_is_never_named(template: Path, tmp_path: Path, value: date) -> None:
    assert _problems_after(template, tmp_path, "start", value.isoformat()) == []


@EXAMPLES
@given(
    st.one_of(
        st.text(max_size=20).filter(lambda t: not _numeric(t)),  # SQLite keeps it as text
        st.floats(max_value=0, allow_nan=False),
        st.integers(min_value=INT_MIN, max_value=0),
    )
)
def test_hours_that_are_not_a_positive_number_are_named(
    template: Path, tmp_path: Path, value: object
) -> None:
    problems = _problems_after(template, tmp_path, "hours", value)
    assert any(p.startswith("1 row of work_entry: ") and "hours" in p for p in problems), problems


@EXAMPLES
@given(st.integers(min_value=INT_MIN, max_value=INT_MAX).filter(lambda n: n not in (0, 1)))
def test_paid_that_is_not_yes_or_no_is_named(template: Path, tmp_path: Path, value: int) -> None:
    problems = _problems_after(template, tmp_path, "paid", value)
    assert problems == ["1 row of work_entry: paid is not yes or no"]
