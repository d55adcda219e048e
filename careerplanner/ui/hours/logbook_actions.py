"""What the Hours page gains from the hours log's records: "Supervisors…", "Week view…" and
"History…" buttons, the employer names quick-add completes from (records first), and choosing an
employer record in quick-add filling in its setting and pay."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from careerplanner.ui.hours.fields import select_value
from careerplanner.ui.hours.history_dialog import HistoryDialog
from careerplanner.ui.hours.week_view import WeekDialog
from careerplanner.ui.logbook.logbook_page import LogbookDialog

if TYPE_CHECKING:
    from careerplanner.services import Services


def logbook_buttons(page: Any) -> list[tuple[str, str, str, Callable[[], None]]]:
    """(key, text, tooltip, slot) of the buttons to add to the page's toolbar; also makes
    quick-add follow the employer chosen."""
    quick = page.quick_add
    quick.employer.editingFinished.connect(lambda: follow_employer(page.services, quick))

    def week() -> None:
        page.week_dialog = WeekDialog(page.services, page.today(), page)
        page.week_dialog.finished.connect(lambda *_: page.refresh())
        page.week_dialog.open()

    def history() -> None:
        entry = page.current_entry()
        if entry is not None:
            page.history_dialog = HistoryDialog(page.services, entry, page)
            page.history_dialog.open()

    def people() -> None:
        page.logbook_dialog = LogbookDialog(page.services, page)
        page.logbook_dialog.finished.connect(lambda *_: page.refresh())
        page.logbook_dialog.open()

    return [
        ("people", "Supervisors…", "Supervisors and employers, as records", people),
        ("week", "Week view…", "One week as a timesheet: days across, entries down", week),
        ("history", "History…", "Every change to the selected entry", history),
    ]


def employer_names(services: Services, logged: Iterable[str]) -> list[str]:
    """The employer records' names, then any other name logged (case-insensitively new)."""
    names = [e.name for e in services.employers.list()]
    seen = {n.casefold() for n in names}
    for name in logged:
        if name and name.strip().casefold() not in seen:
            seen.add(name.strip().casefold())
            names.append(name)
    return names


def follow_employer(services: Services, quick: Any) -> None:
    """Quick-add's setting and pay from the employer record its employer field names."""
    wanted = quick.employer.text().strip().casefold()
    for employer in services.employers.list():
        if employer.name.casefold() == wanted:
            if employer.setting is not None:
                select_value(quick.setting, employer.setting.value)
            quick.paid.setChecked(employer.paid)
            return


def title_row(page: Any, title: QWidget) -> QHBoxLayout:
    """The page title with the logbook buttons at its right (kept in `page.buttons`)."""
    row = QHBoxLayout()
    row.addWidget(title, 1)
    for key, text, tip, slot in logbook_buttons(page):
        page.buttons[key] = button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        row.addWidget(button)
    return row
