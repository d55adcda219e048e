"""The shared date field: typing into set and "Not set" fields, clearing, the calendar, Tab."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from careerplanner.domain.errors import ValidationError
from careerplanner.ui.common.date_field import DateField, parse_local_date

TODAY = date(2026, 3, 4)


@pytest.fixture(autouse=True)
def us_locale() -> Iterator[None]:
    """Local dates are read as in the United States (M/d/yy) during these tests."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


def field(qtbot: Any, day: date | None = None, **kwargs: Any) -> DateField:
    widget = DateField(day, today=lambda: TODAY, **kwargs)
    qtbot.addWidget(widget)
    widget.show()
    widget.setFocus()
    return widget


def test_typing_into_a_not_set_field_gives_that_date(qtbot: Any) -> None:
    edit = field(qtbot)
    assert edit.date() is None
    assert edit.text() == ""
    assert edit.placeholderText() == "Not set"
    qtbot.keyClicks(edit, "2020-05-15")
    assert edit.text() == "2020-05-15"
    assert edit.date() == date(2020, 5, 15)


def test_select_all_then_typing_replaces_a_set_date(qtbot: Any) -> None:
    edit = field(qtbot, date(2026, 3, 4))
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, "2020-08-01")
    assert edit.date() == date(2020, 8, 1)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("20200515", date(2020, 5, 15)),
        ("5/15/2020", date(2020, 5, 15)),
        ("5/15/20", date(2020, 5, 15)),
        ("12/31/99", date(1999, 12, 31)),
        (" 2021-02-28 ", date(2021, 2, 28)),
    ],
)
def test_locale_and_compact_forms_are_read(qtbot: Any, typed: str, expected: date) -> None:
    edit = field(qtbot)
    qtbot.keyClicks(edit, typed)
    assert edit.date() == expected
    edit.editingFinished.emit()
    assert edit.text() == expected.isoformat()


def test_text_that_names_no_date_is_refused_and_kept(qtbot: Any) -> None:
    edit = field(qtbot, field="Until")
    qtbot.keyClicks(edit, "2020-13-01")
    with pytest.raises(ValidationError) as refused:
        edit.date()
    assert str(refused.value) == "Until: '2020-13-01' is not a date; type it as 2020-05-15"
    assert refused.value.field == "Until"
    edit.editingFinished.emit()
    assert edit.text() == "2020-13-01"
    assert not edit.is_valid()


def test_delete_or_an_empty_field_means_not_set(qtbot: Any) -> None:
    edit = field(qtbot, date(2026, 3, 4))
    qtbot.keyClick(edit, Qt.Key.Key_End)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    assert edit.date() is None
    edit.set_date(date(2025, 1, 2))
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    assert edit.text() == ""
    assert edit.date() is None
    edit.set_date(date(2025, 1, 2))
    qtbot.keyClick(edit, Qt.Key.Key_Home)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)  # mid-text, Delete deletes one character
    assert edit.text() == "025-01-02"


def test_required_field_refuses_empty(qtbot: Any) -> None:
    edit = field(qtbot, date(2026, 3, 4), required=True, field="Start")
    edit.clear()
    with pytest.raises(ValidationError) as refused:
        edit.date()
    assert str(refused.value) == "Start is empty: type a date such as 2020-05-15"
    qtbot.keyClicks(edit, "2026-03-05")
    assert edit.date() == date(2026, 3, 5)


def test_arrow_keys_step_one_day(qtbot: Any) -> None:
    edit = field(qtbot, date(2026, 2, 28))
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    assert edit.date() == date(2026, 3, 1)
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    assert edit.date() == date(2026, 2, 27)


def test_date_changed_reports_each_new_value_once(qtbot: Any) -> None:
    edit = field(qtbot)
    seen: list[date | None] = []
    edit.dateChanged.connect(seen.append)
    qtbot.keyClicks(edit, "2020-05-15")
    edit.clear()
    assert seen == [date(2020, 5, 15), None]  # "2020-05-1" on the way names no date


def test_calendar_opens_at_the_fields_date_or_today(qtbot: Any) -> None:
    empty = field(qtbot)
    empty.open_calendar()
    assert empty.calendar is not None
    assert empty.calendar.selectedDate() == QDate(2026, 3, 4)
    set_one = field(qtbot, date(2019, 7, 9))
    qtbot.keyClick(set_one, Qt.Key.Key_F4)
    assert set_one.calendar is not None
    assert set_one.calendar.selectedDate() == QDate(2019, 7, 9)
    set_one.calendar.clicked.emit(QDate(2019, 7, 20))
    assert set_one.date() == date(2019, 7, 20)


def test_tab_moves_to_the_next_field(qtbot: Any) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    first, second = DateField(date(2026, 3, 4)), DateField()
    layout.addWidget(first)
    layout.addWidget(second)
    form.show()
    qtbot.waitExposed(form)
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    qtbot.waitUntil(second.hasFocus)
    assert first.date() == date(2026, 3, 4)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(day=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_any_typed_iso_date_round_trips(qtbot: Any, day: date) -> None:
    edit = DateField(today=lambda: TODAY)
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit, day.isoformat())
    assert edit.date() == day
    assert parse_local_date(f"{day.month}/{day.day}/{day.year}", TODAY) == day
