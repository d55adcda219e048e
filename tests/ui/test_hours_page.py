"""The Hours page end to end: quick add, undo/redo, edit, duplicate, delete, sign-off, filters."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date

from hours_fixtures import TODAY, entry, hours_page, hours_services  # noqa: F401
from PySide6.QtCore import Qt

from careerplanner.ui.hours.table_model import COL_HOURS, COL_NOTES


def _hours(services) -> list[float]:  # type: ignore[no-untyped-def]
    return sorted(e.hours for e in services.hours.list())


def _select_all(page) -> None:  # type: ignore[no-untyped-def]
    page.table.selectAll()


def test_quick_add_then_undo_then_redo(qtbot, hours_page, hours_services) -> None:  # noqa: F811
    bar = hours_page.quick_add
    assert bar.date.date() == TODAY
    bar.hours.setText("7.5")
    bar.employer.setText("Bayview Medical Center")
    qtbot.keyClick(bar.hours, Qt.Key.Key_Return)
    assert _hours(hours_services) == [7.5]
    assert hours_page.model.rowCount() == 1
    assert "7.5 h" in hours_page.footer.text()
    hours_page.undo_stack.undo()
    assert hours_services.hours.list() == ()
    added = hours_services.hours.list
    hours_page.undo_stack.redo()
    assert [e.hours for e in added()] == [7.5]
    assert hours_page.model.rowCount() == 1


def test_quick_add_shows_errors_next_to_the_field(qtbot, hours_page, hours_services) -> None:  # noqa: F811
    bar = hours_page.quick_add
    bar.hours.setText("eight")
    bar.submit()
    assert bar.errors["hours"].isVisible()
    assert "not a number" in bar.errors["hours"].text()
    hours_services.hours.add(entry(16, 20))
    hours_page.refresh()
    bar.hours.setText("6")
    bar.submit()
    assert "more than 24 h" in bar.errors["hours"].text()
    assert _hours(hours_services) == [20]


def test_quick_add_defaults_to_the_last_entry(qtbot, hours_services) -> None:  # noqa: F811
    from careerplanner.ui.hours import HoursPage

    hours_services.hours.add(entry(2, 6, employer="Harbor Clinic"))
    page = HoursPage(hours_services)
    qtbot.addWidget(page)
    page.refresh()
    assert page.quick_add.hours.text() == "6"
    assert page.quick_add.employer.text() == "Harbor Clinic"


def test_edit_duplicate_and_delete_with_undo(qtbot, hours_page, hours_services) -> None:  # noqa: F811
    stored = hours_services.hours.add(entry(2, 8))
    hours_page.refresh()
    model = hours_page.proxy
    assert model.setData(model.index(0, COL_HOURS), "6", Qt.ItemDataRole.EditRole)
    assert hours_services.hours.get(stored.id).hours == 6
    hours_page.undo_stack.undo()
    assert hours_services.hours.get(stored.id).hours == 8
    hours_page.undo_stack.redo()
    assert hours_services.hours.get(stored.id).hours == 6

    hours_page.table.selectRow(0)
    hours_page.actions_.duplicate_selected()
    assert _hours(hours_services) == [6, 6]
    hours_page.undo_stack.undo()
    assert _hours(hours_services) == [6]

    hours_page.table.selectRow(0)
    hours_page.actions_.confirm = lambda _question, _consequence: True
    hours_page.actions_.delete_selected()
    assert hours_services.hours.list() == ()
    hours_page.undo_stack.undo()
    assert [e.id for e in hours_services.hours.list()] == [stored.id]


def test_edit_dialog_saves_a_span_and_refuses_bad_input(qtbot, hours_page, hours_services) -> None:  # noqa: F811
    hours_services.hours.add(entry(2, 8))
    hours_page.refresh()
    hours_page.table.selectRow(0)
    hours_page.actions_.edit_selected()
    dialog = hours_page.actions_.dialog
    dialog.hours.setText("-3")
    dialog.try_save()
    assert dialog.isVisible() and "more than 0" in dialog.errors["hours"].text()
    dialog.end.set_date(date(2026, 3, 6))
    dialog.hours.setText("40")
    dialog.notes.setPlainText("A whole week")
    dialog.try_save()
    qtbot.waitUntil(lambda: hours_page.actions_.dialog is None)
    (saved,) = hours_services.hours.list()
    assert (saved.end, saved.hours, saved.notes) == (date(2026, 3, 6), 40, "A whole week")


def test_verify_then_refused_edit_then_unlock_then_edit(qtbot, hours_page, hours_services) -> None:  # noqa: F811
    stored = hours_services.hours.add(entry(2, 8))
    hours_page.refresh()
    hours_page.table.selectRow(0)
    hours_page.actions_.verify_clicked()
    dialog = hours_page.actions_.dialog
    dialog.try_accept()
    assert "supervisor" in dialog.errors["verified by"].text()
    dialog.by.setText("Dana Ortiz")
    dialog.credential.setText("RN, CCM")
    dialog.try_accept()
    qtbot.waitUntil(lambda: hours_page.actions_.dialog is None)
    assert hours_services.hours.get(stored.id).verified_by == "Dana Ortiz"

    model = hours_page.proxy
    assert not model.flags(model.index(0, COL_HOURS)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, COL_HOURS), "5", Qt.ItemDataRole.EditRole)
    assert "locked" in hours_page.message.text()
    assert hours_services.hours.get(stored.id).hours == 8

    hours_page.table.selectRow(0)
    assert hours_page.buttons["unlock"].isEnabled()
    hours_page.actions_.unlock_clicked()
    unlock = hours_page.actions_.dialog
    unlock.try_accept()
    assert unlock.errors["reason"].isVisible()
    unlock.reason.setText("hours were entered for the wrong day")
    unlock.try_accept()
    qtbot.waitUntil(lambda: hours_page.actions_.dialog is None)
    events = hours_services.hours.events(stored.id)
    assert any("wrong day" in e.detail for e in events)
    assert model.setData(model.index(0, COL_NOTES), "fixed", Qt.ItemDataRole.EditRole)
    assert hours_services.hours.get(stored.id).notes == "fixed"


def test_filter_totals_in_the_footer(qtbot, hours_page, hours_services) -> None:  # noqa: F811
    hours_services.hours.add_many(
        [entry(2, 8), entry(3, 6, employer="Gulf Coast Health Plan"), entry(4, 4, notes="backlog")]
    )
    hours_page.refresh()
    assert "3 entries" in hours_page.footer.text() and "18 h" in hours_page.footer.text()
    hours_page.filter_bar.text.setText("gulf")
    assert "Showing 1 of 3" in hours_page.footer.text() and "6 h" in hours_page.footer.text()
    hours_page.filter_bar.clear()
    hours_page.filter_bar.since.set_date(date(2026, 3, 3))
    assert "10 h" in hours_page.footer.text()
    hours_page.filter_bar.text.setText("nothing like this")
    assert "No entries match" in hours_page.footer.text()


def test_empty_page_explains_what_to_do(hours_page) -> None:  # noqa: F811
    assert hours_page.stack.currentWidget() is hours_page.empty
    assert "No hours logged yet" in hours_page.empty.text()
