"""Planned work: a table of work periods with Add, Edit and Remove, over any period store.

The same section edits the plan's periods (through the work service, on Education & Licenses
and Settings) and a scenario's own periods (kept in memory until the scenario is saved).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Protocol

from PySide6.QtWidgets import QMessageBox, QWidget

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.labels import member_label
from careerplanner.domain.model import WorkPeriod
from careerplanner.domain.validation import check_no_overlap, fmt_number, validate_work_period
from careerplanner.ui.common.widgets import format_date
from careerplanner.ui.education.education_dialogs import RecordDialog
from careerplanner.ui.education.record_section import RecordSection
from careerplanner.ui.education.work_form import SUPERVISION_SHORT, WorkPeriodForm, blank_period

HEADERS = ("From", "Until", "Hours a week", "Setting", "Supervised by", "Paid", "Employer")
EMPTY = (
    "No planned work yet. Add the job you have now, and any change you expect (a new job, a "
    "leave): projections count future hours only from planned work."
)


class PeriodStore(Protocol):
    def list(self) -> tuple[WorkPeriod, ...]: ...
    def add(self, period: WorkPeriod) -> WorkPeriod: ...
    def update(self, period: WorkPeriod) -> WorkPeriod: ...
    def remove(self, period_id: int) -> WorkPeriod: ...


class MemoryPeriods:
    """A scenario's periods while its dialog is open, checked as the work service checks them."""

    def __init__(self, periods: tuple[WorkPeriod, ...]) -> None:
        self.periods = {i: replace(p, id=i) for i, p in enumerate(periods, 1)}

    def list(self) -> tuple[WorkPeriod, ...]:
        return tuple(sorted(self.periods.values(), key=lambda p: p.start))

    def add(self, period: WorkPeriod) -> WorkPeriod:
        return self.update(replace(period, id=max(self.periods, default=0) + 1))

    def update(self, period: WorkPeriod) -> WorkPeriod:
        clean = validate_work_period(period)
        check_no_overlap([*(p for i, p in self.periods.items() if i != clean.id), clean])
        self.periods[clean.id] = clean
        return clean

    def remove(self, period_id: int) -> WorkPeriod:
        return self.periods.pop(period_id)


def period_row(p: WorkPeriod) -> tuple[str, ...]:
    return (
        format_date(p.start),
        format_date(p.end, "open-ended"),
        fmt_number(p.weekly_hours),
        member_label(p.setting),
        SUPERVISION_SHORT[p.supervision],
        "Yes" if p.paid else "No",
        p.employer,
    )


class WorkPeriodDialog(RecordDialog):
    def __init__(
        self,
        period: WorkPeriod,
        save: Callable[[WorkPeriod], None],
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "Add planned work" if period.id == 0 else "Edit planned work",
            "A job, or a stretch of one, with the hours you plan. Leave Until empty for work "
            "with no end planned. Days outside every period count no hours (a leave).",
            save,
            parent,
        )
        self.fields = WorkPeriodForm(period, today, self)
        self.form.addRow(self.fields)
        self.finish("Save")

    def record(self) -> WorkPeriod:
        return self.fields.period()


class PlannedWorkSection(RecordSection):
    """The periods of `store`, soonest first; a refused change is shown in the dialog."""

    def __init__(
        self, store: PeriodStore, today: Callable[[], date], changed: Callable[[], None]
    ) -> None:
        super().__init__("Planned work", HEADERS, EMPTY, "period")
        self.store = store
        self.today = today
        self.changed = changed
        self.dialog: WorkPeriodDialog | None = None
        self.confirm: Callable[[str], bool] = self._ask
        self.add_button.setText("Add planned work…")
        self.add_button.clicked.connect(lambda: self.open_dialog(blank_period(today())))
        self.edit_button.clicked.connect(self._edit)
        self.table.doubleClicked.connect(lambda _i: self._edit())
        self.remove_button.clicked.connect(self.remove_selected)
        self.refresh()

    def refresh(self) -> None:
        periods = self.store.list()
        self.set_rows(periods, [period_row(p) for p in periods])

    def open_dialog(self, period: WorkPeriod) -> WorkPeriodDialog:
        store = self.store.add if period.id == 0 else self.store.update

        def save(value: WorkPeriod) -> None:
            store(value)
            self.refresh()
            self.changed()

        self.dialog = WorkPeriodDialog(period, save, self.today, self)
        self.dialog.open()
        return self.dialog

    def _edit(self) -> None:
        period = self.selected()
        if period is not None:
            self.open_dialog(period)

    def remove_selected(self) -> None:
        period = self.selected()
        if period is None or not self.confirm("Remove this planned work?"):
            return
        try:
            self.store.remove(period.id)
        except ValidationError as error:
            QMessageBox.warning(self, "Couldn't remove", error.message)
            return
        self.refresh()
        self.changed()

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, "Remove", question)
        return answer == QMessageBox.StandardButton.Yes
