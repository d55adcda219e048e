"""Supervisors & employers: who signs your hours off (with what credential) and where you
work, as records the Hours page and the verification report use. A page widget, shown in a
dialog from the Hours page (`LogbookDialog`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from careerplanner.domain.clock import hhmm
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.labels import choice_label
from careerplanner.services.bus import ChangeKind
from careerplanner.ui.common.widgets import Card, FieldError, format_date, heading, muted
from careerplanner.ui.logbook.logbook_dialogs import EmployerDialog, SupervisorDialog
from careerplanner.ui.logbook.schedule_dialog import ScheduleDialog

if TYPE_CHECKING:
    from careerplanner.services import Services

SUPERVISOR_HEADERS = ("Name", "Credential", "License no.", "State", "Email", "From", "Until")
EMPLOYER_HEADERS = ("Name", "Setting", "Paid", "Started", "Ended")
SCHEDULE_HEADERS = ("Days", "Times", "Break", "From", "Until", "Supervisor", "Employer")


class RecordTable(Card):
    """A titled table of records with Add, Edit and Remove."""

    def __init__(
        self, title: str, headers: Sequence[str], empty: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, parent)
        self.records: list[Any] = []
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(90)
        self.empty = muted(empty)
        self.buttons = {name: QPushButton(name) for name in ("Add…", "Edit…", "Remove")}
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.addWidget(self.empty, 1)  # takes the table's room while there is none
        self.body.addWidget(self.table, 1)
        self.table.itemSelectionChanged.connect(self._update)

    def set_rows(self, records: Sequence[Any], cells: Callable[[Any], Sequence[str]]) -> None:
        self.records = list(records)
        self.table.setRowCount(len(records))
        for r, record in enumerate(records):
            for c, text in enumerate(cells(record)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.empty.setVisible(not records)
        self.table.setVisible(bool(records))
        self._update()

    def current(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        return self.records[rows[0].row()] if rows else None

    def _update(self) -> None:
        chosen = self.current() is not None
        self.buttons["Edit…"].setEnabled(chosen)
        self.buttons["Remove"].setEnabled(chosen)


class LogbookPage(QWidget):
    kinds = frozenset(
        {ChangeKind.SUPERVISORS, ChangeKind.EMPLOYERS, ChangeKind.ENTRIES, ChangeKind.SCHEDULES}
    )
    status_message = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None, **_kw: object) -> None:
        super().__init__(parent)
        self.services = services
        self.message = FieldError(self)
        self.supervisors = RecordTable(
            "Supervisors",
            SUPERVISOR_HEADERS,
            "No supervisors yet. Add the people who sign off your hours: their credential "
            "decides what the hours count as.",
        )
        self.employers = RecordTable(
            "Employers and placements",
            EMPLOYER_HEADERS,
            "No employers yet. Add where you work; an entry at an employer takes its setting.",
        )
        self.schedules = RecordTable(
            "Regular schedules",
            SCHEDULE_HEADERS,
            "No schedule. Add your regular week and the app offers to log it each week.",
        )
        self.schedules.buttons["Edit…"].hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 12)
        layout.setSpacing(10)
        layout.addWidget(heading("Supervisors & employers"))
        layout.addWidget(
            muted(
                "Name a supervisor on an entry and its supervision follows their credential; "
                "the verification report prints one signature block per supervisor."
            )
        )
        layout.addWidget(self.message)
        layout.addWidget(self.supervisors, 3)
        layout.addWidget(self.employers, 2)
        layout.addWidget(self.schedules, 2)
        self.note = QLabel()
        self.note.setObjectName("muted")
        layout.addWidget(self.note)
        self._connect(self.supervisors, SupervisorDialog, self.services.supervisors)
        self._connect(self.employers, EmployerDialog, self.services.employers)
        self.schedules.buttons["Add…"].clicked.connect(
            lambda: self._open(ScheduleDialog(self.services, self.services.today(), self))
        )
        self.schedules.buttons["Remove"].clicked.connect(
            lambda: self._remove(self.schedules, self.services.schedules)
        )
        self.refresh()

    def _connect(self, card: RecordTable, dialog: type, service: Any) -> None:
        card.buttons["Add…"].clicked.connect(lambda: self._open(dialog(self.services, None, self)))
        card.buttons["Edit…"].clicked.connect(
            lambda: self._open(dialog(self.services, card.current(), self))
        )
        card.buttons["Remove"].clicked.connect(lambda: self._remove(card, service))
        card.table.doubleClicked.connect(
            lambda *_: self._open(dialog(self.services, card.current(), self))
        )

    def _open(self, dialog: Any) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.message.clear_error()
            self.status_message.emit(dialog.result_text)
            self.note.setText(dialog.result_text)

    def _remove(self, card: RecordTable, service: Any) -> None:
        record = card.current()
        if record is None:
            return
        try:
            service.remove(record.id)
        except ValidationError as error:
            self.message.show_error(error.message)
            return
        self.status_message.emit(f"Removed {getattr(record, 'name', 'the schedule')}")

    def refresh(self) -> None:
        self.supervisors.set_rows(
            self.services.supervisors.list(),
            lambda s: (
                s.name,
                s.credential.value,
                s.license_number,
                s.state or "",
                s.email,
                format_date(s.active_from, ""),
                format_date(s.active_to, ""),
            ),
        )
        self.employers.set_rows(
            self.services.employers.list(),
            lambda e: (
                e.name,
                choice_label(e.setting) if e.setting else "(entries give their own)",
                "yes" if e.paid else "no",
                format_date(e.start, ""),
                format_date(e.end, ""),
            ),
        )
        names = {s.id: s.name for s in self.services.supervisors.list()}
        places = {e.id: e.name for e in self.services.employers.list()}
        self.schedules.set_rows(
            self.services.schedules.list(),
            lambda s: (
                s.weekdays.replace(",", ", "),
                f"{hhmm(s.start_time)}–{hhmm(s.end_time)}",
                f"{s.break_minutes} min",
                format_date(s.start, ""),
                format_date(s.end, "open"),
                names.get(s.supervisor_id or 0, ""),
                places.get(s.employer_id or 0, ""),
            ),
        )


class LogbookDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Supervisors & employers")
        self.resize(980, 700)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.page = LogbookPage(services, self)
        layout.addWidget(self.page)
        self._unsubscribe = services.bus.subscribe(lambda _change: self.page.refresh())
        self.finished.connect(lambda *_: self._unsubscribe())
