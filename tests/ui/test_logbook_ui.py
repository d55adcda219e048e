"""The GUI of the hours log's records, offscreen with real services (today pinned to Monday
2026-03-16): the Supervisors page and its dialogs, the fill prompt, the week view, History."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date, time, timedelta

from hours_fixtures import TODAY, entry, hours_page, hours_services  # noqa: F401

from careerplanner.domain.logbook import Credential, Employer, Schedule, Supervisor
from careerplanner.domain.model import Setting, Supervision, WorkEntry
from careerplanner.ui.hours.history_dialog import HistoryDialog
from careerplanner.ui.hours.week_view import WeekView
from careerplanner.ui.logbook.fill_prompt import FillPrompt, last_sunday
from careerplanner.ui.logbook.logbook_dialogs import EmployerDialog, SupervisorDialog
from careerplanner.ui.logbook.logbook_page import LogbookPage


def test_supervisor_dialog_adds_and_a_credential_edit_says_how_many(qtbot, hours_services) -> None:  # noqa: F811
    page = LogbookPage(hours_services)
    qtbot.addWidget(page)
    dialog = SupervisorDialog(hours_services, None, page)
    dialog.name.setText("Ann Lee")
    dialog.credential.setCurrentIndex(1)  # LCSW
    dialog.license_number.setText("L-77")
    dialog.state.setText("tx")
    dialog.try_accept()
    (ann,) = hours_services.supervisors.list()
    assert (ann.credential, ann.state) == (Credential.LCSW, "TX")
    hours_services.hours.add(WorkEntry(date(2026, 3, 2), 8.0, supervisor_id=ann.id))
    page.refresh()
    assert page.supervisors.table.item(0, 0).text() == "Ann Lee"
    edit = SupervisorDialog(hours_services, ann, page)
    edit.credential.setCurrentIndex(0)  # CCM
    edit.try_accept()
    assert edit.result_text == "Saved Ann Lee; 1 unverified entries now count as ccm supervision"
    assert hours_services.hours.list()[0].supervision is Supervision.CCM
    bad = SupervisorDialog(hours_services, None, page)
    bad.try_accept()
    assert bad.errors["name"].text() == "Give the supervisor's name"  # shown as a sentence
    assert len(hours_services.supervisors.list()) == 1


def test_employer_dialog_and_remove_refused_while_named(qtbot, hours_services) -> None:  # noqa: F811
    page = LogbookPage(hours_services)
    qtbot.addWidget(page)
    dialog = EmployerDialog(hours_services, None, page)
    dialog.name.setText("Mercy Hospital")
    dialog.setting.setCurrentIndex(1)  # hospital
    dialog.try_accept()
    (mercy,) = hours_services.employers.list()
    assert mercy.setting is Setting.HOSPITAL
    hours_services.hours.add(WorkEntry(date(2026, 3, 2), 8.0, employer="Mercy Hospital"))
    page.refresh()
    page.employers.table.selectRow(0)
    page.employers.buttons["Remove"].click()
    assert "named by 1 entries" in page.message.text()
    assert hours_services.employers.list() == (mercy,)


def _schedule(services) -> None:  # type: ignore[no-untyped-def]
    mercy = services.employers.add(Employer("Mercy Hospital", Setting.HOSPITAL))
    services.schedules.add(
        Schedule(
            "mon-thu",
            time(8),
            time(16, 30),
            date(2026, 3, 2),
            break_minutes=30,
            employer_id=mercy.id,
        )
    )


def test_fill_prompt_logs_the_days_kept_and_skips_the_rest(qtbot, hours_services) -> None:  # noqa: F811
    _schedule(hours_services)
    assert last_sunday(TODAY) == date(2026, 3, 15)
    prompt = FillPrompt(hours_services, TODAY)
    qtbot.addWidget(prompt)
    assert prompt.count.text() == "8 days, 64 h"
    prompt.review.click()
    assert prompt.days.isVisibleTo(prompt)
    prompt.boxes[date(2026, 3, 12)].setChecked(False)
    assert prompt.count.text() == "7 days, 56 h"
    prompt.log.click()
    assert prompt.result_text == "Logged 7 days, 56 h from your schedule; 1 skipped"
    days = [e.start.day for e in hours_services.hours.list()]
    assert days == [2, 3, 4, 5, 9, 10, 11]
    assert FillPrompt(hours_services, TODAY).pending == ()


def test_fill_prompt_skip_marks_every_day(qtbot, hours_services) -> None:  # noqa: F811
    _schedule(hours_services)
    prompt = FillPrompt(hours_services, TODAY)
    qtbot.addWidget(prompt)
    prompt.skip.click()
    assert hours_services.hours.list() == ()
    assert FillPrompt(hours_services, TODAY).pending == ()


def test_week_view_shows_days_and_corrects_an_entry(qtbot, hours_services) -> None:  # noqa: F811
    first = hours_services.hours.add(
        entry(9, start_time=time(8), end_time=time(12), break_minutes=0)
    )
    hours_services.hours.add(entry(9, start_time=time(13), end_time=time(15)))
    hours_services.hours.add(entry(11, 7.5))
    view = WeekView(hours_services, date(2026, 3, 12))
    qtbot.addWidget(view)
    header = [view.grid.horizontalHeaderItem(c).text() for c in range(7)]
    assert header[0] == "Mon Mar 9 · 6 h" and header[2] == "Wed Mar 11 · 7.5 h"
    assert view.grid.item(0, 0).text() == "08:00-12:00 (4 h)"
    assert view.grid.item(1, 0).text() == "13:00-15:00 (2 h)"
    view.grid.item(0, 0).setText("08:00-12:30")
    assert hours_services.hours.get(first.id).hours == 4.5
    view.grid.item(0, 0).setText("08:00-14:00")
    assert "overlaps entry" in view.error.text()
    assert hours_services.hours.get(first.id).hours == 4.5
    view.move_week(-7)
    assert view.grid.horizontalHeaderItem(0).text() == "Mon Mar 2 · 0 h"


def test_history_dialog_lists_each_change(qtbot, hours_page, hours_services) -> None:  # noqa: F811
    added = hours_services.hours.add(entry(9, 8.0))
    hours_services.hours.update(WorkEntry(**{**_fields(added), "hours": 6.0}))
    dialog = HistoryDialog(hours_services, added)
    qtbot.addWidget(dialog)
    assert [dialog.table.item(r, 1).text() for r in range(2)] == ["Added", "Changed"]
    assert dialog.table.item(1, 2).text() == "hours: 8 → 6"
    hours_page.refresh()
    hours_page.select_ids({added.id})
    assert hours_page.buttons["history"].isEnabled()
    hours_page.buttons["history"].click()
    assert hours_page.history_dialog.table.rowCount() == 2


def test_the_hours_page_opens_supervisors_and_the_week_view(
    qtbot,
    hours_page,  # noqa: F811
    hours_services,  # noqa: F811
) -> None:
    hours_page.buttons["people"].click()
    dialog = hours_page.logbook_dialog
    assert dialog.page.supervisors.empty.isVisibleTo(dialog)
    hours_services.supervisors.add(Supervisor("Ann Lee", Credential.RN))
    assert dialog.page.supervisors.table.rowCount() == 1  # refreshed on the change
    dialog.close()
    hours_page.buttons["week"].click()
    assert hours_page.week_dialog.view.monday == date(2026, 3, 16)


def test_quick_add_completes_from_employer_records_and_fills_the_setting(
    qtbot,
    hours_services,  # noqa: F811
) -> None:
    hours_services.employers.add(Employer("Harbor Clinic", Setting.CLINIC, paid=False))
    from careerplanner.ui.hours import HoursPage

    page = HoursPage(hours_services)
    qtbot.addWidget(page)
    completer = page.quick_add.employer.completer()
    assert "Harbor Clinic" in completer.model().stringList()
    page.quick_add.employer.setText("harbor clinic")
    page.quick_add.employer.editingFinished.emit()
    assert page.quick_add.setting.currentData() == Setting.CLINIC.value
    assert not page.quick_add.paid.isChecked()


def _fields(e: WorkEntry) -> dict[str, object]:
    return {name: getattr(e, name) for name in WorkEntry.__dataclass_fields__}


def test_entry_dialog_saves_clock_times_and_a_supervisor(qtbot, hours_page, hours_services) -> None:  # noqa: F811
    ann = hours_services.supervisors.add(Supervisor("Ann Lee", Credential.LMSW))
    hours_services.hours.add(entry(9, start_time=time(13), end_time=time(15)))
    hours_page.refresh()
    hours_page.buttons["new"].click()
    dialog = hours_page.actions_.dialog
    dialog.start.set_date(dialog.start.required_date() - timedelta(days=7))  # March 9
    dialog.hours.setText("")
    dialog.clock.start_time.setText("08:00")
    dialog.clock.end_time.setText("13:30")
    dialog.clock.break_minutes.setValue(30)
    dialog.clock.supervisor.setCurrentIndex(dialog.clock.supervisor.findData(ann.id))
    dialog.try_save()
    assert "overlaps entry" in dialog.errors["start time"].text()
    dialog.clock.end_time.setText("12:30")
    dialog.try_save()
    saved = [e for e in hours_services.hours.list() if e.supervisor_id == ann.id]
    assert [(e.hours, e.supervision, e.break_minutes) for e in saved] == [
        (4.0, Supervision.LICENSED_SW, 30)
    ]


def test_schedule_dialog_adds_a_week_the_prompt_then_offers(qtbot, hours_services) -> None:  # noqa: F811
    from careerplanner.ui.logbook.schedule_dialog import ScheduleDialog

    page = LogbookPage(hours_services)
    qtbot.addWidget(page)
    dialog = ScheduleDialog(hours_services, date(2026, 3, 2), page)
    dialog.days["fri"].setChecked(False)
    dialog.end_time.setText("07:00")
    dialog.try_accept()
    assert "is not after the start time" in dialog.errors["end time"].text()
    dialog.end_time.setText("16:30")
    dialog.try_accept()
    (made,) = hours_services.schedules.list()
    assert (made.weekdays, made.break_minutes, made.start) == (
        "mon,tue,wed,thu",
        30,
        date(2026, 3, 2),
    )
    page.refresh()
    assert page.schedules.table.item(0, 1).text() == "08:00–16:30"
    assert FillPrompt(hours_services, TODAY).count.text() == "8 days, 64 h"
