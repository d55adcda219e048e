"""Messages next to fields: cleared once the input is fixed, sentences, entries named by date
and hours, plurals, and source notes said once."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date
from typing import Any

import pytest
from hours_fixtures import TODAY, entry, hours_page, hours_services  # noqa: F401
from PySide6.QtCore import Qt

from careerplanner.domain.errors import ValidationError
from careerplanner.services import Services
from careerplanner.ui.certifications.certification_detail import source_note
from careerplanner.ui.common.widgets import plural, sentence
from careerplanner.ui.hours.entry_dialog import EntryDialog


def test_quick_add_error_goes_once_the_hours_are_a_number(qtbot: Any, hours_page: Any) -> None:  # noqa: F811
    bar = hours_page.quick_add
    bar.hours.setText("eight")
    qtbot.keyClick(bar.hours, Qt.Key.Key_Return)
    error = bar.errors["hours"]
    assert not error.isHidden() and error.text() == "'eight' is not a number"
    qtbot.keyClicks(bar.hours, "x")  # still not a number: the message stays
    assert not error.isHidden()
    bar.hours.selectAll()
    qtbot.keyClicks(bar.hours, "8")
    assert error.isHidden()


def test_entry_dialog_date_error_goes_once_the_date_is_one(qtbot: Any) -> None:
    saved: list[object] = []
    dialog = EntryDialog(entry(2), saved.append)
    qtbot.addWidget(dialog)
    dialog.end.setText("2026-02-30")
    dialog.try_save()
    error = dialog.errors["end"]
    assert error.text() == "Until: '2026-02-30' is not a date; type it as 2020-05-15"
    assert not error.isHidden() and saved == []
    dialog.end.setText("2026-03-0")
    assert not error.isHidden()
    dialog.end.setText("2026-03-06")
    assert error.isHidden()
    dialog.try_save()
    assert [e.end for e in saved] == [date(2026, 3, 6)]  # type: ignore[attr-defined]


def test_refusals_name_entries_by_date_and_hours(hours_services: Services) -> None:  # noqa: F811
    stored = hours_services.hours.add(entry(2, 7.5))
    hours_services.hours.verify([stored.id], "Dana Ortiz", "RN", TODAY)
    with pytest.raises(ValidationError) as refused:
        hours_services.hours.verify([stored.id], "Dana Ortiz", "RN", TODAY)
    assert str(refused.value).startswith(
        "the entry of 7.5 h on 2026-03-02 at Bayview Medical Center is already verified by "
        "Dana Ortiz on 2026-03-16"
    )
    with pytest.raises(ValidationError) as locked:
        hours_services.hours.remove(stored.id)
    assert str(locked.value).startswith("the entry of 7.5 h on 2026-03-02 at Bayview")


def test_sentences_and_plurals() -> None:
    assert sentence("the plan is already empty") == "The plan is already empty"
    assert sentence("'x' is not a number") == "'x' is not a number"
    assert sentence("") == ""
    assert [plural(n, "entry") for n in (0, 1, 3, 1204)] == [
        "0 entries", "1 entry", "3 entries", "1,204 entries",
    ]  # fmt: skip
    assert plural(2, "day") == "2 days" and plural(1, "CE activity") == "1 CE activity"


def test_a_source_note_is_not_repeated() -> None:
    assert source_note("C-SWCM requirements (secondary)", "SECONDARY") == ""
    assert source_note("CCM exam format (secondary; agrees with two others)", "SECONDARY") == ""
    assert source_note("Renewal rules", "SECONDARY") == " <i>(secondary)</i>"
    assert source_note("CCMC handbook", "OFFICIAL") == ""
