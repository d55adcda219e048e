"""The Education & Licenses page: degrees, licenses and passed exams, with expiry warnings."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import Degree, Exam, License
from careerplanner.services.bus import ChangeKind
from careerplanner.ui import deleting
from careerplanner.ui.deleting import delete_key
from careerplanner.ui.education_dialogs import (
    DegreeDialog,
    ExamDialog,
    LicenseDialog,
    RecordDialog,
    enum_name,
    new_degree,
    new_exam,
    new_license,
)
from careerplanner.ui.hours.page import today_of
from careerplanner.ui.pages import Page
from careerplanner.ui.widgets import Card, describe_distance, format_date, heading, muted

if TYPE_CHECKING:
    from careerplanner.services import Services

WARN_DAYS = 90
TONES = {  # background, text: readable on light and dark themes alike
    "warning": ("#fff3cd", "#664d03"),
    "expired": ("#f8d7da", "#842029"),
}


def license_status(lic: License, today: date) -> tuple[str, str]:
    """What the license's dates mean today, and its tone ("", "warning" or "expired")."""
    if lic.issued > today:
        return f"Planned from {format_date(lic.issued)}", ""
    if lic.expires is None:
        return "Active (no expiry date recorded)", ""
    if lic.expires < today:
        return f"Expired {describe_distance(today, lic.expires)} — renew it", "expired"
    if (lic.expires - today).days <= WARN_DAYS:
        return f"Expires {describe_distance(today, lic.expires)} — renew soon", "warning"
    return f"Active until {format_date(lic.expires)}", ""


def degree_row(d: Degree) -> tuple[str, ...]:
    notes = [
        text
        for flag, text in ((d.accredited, "accredited"), (d.field_experience, "field experience"))
        if flag
    ]
    return (
        f"{enum_name(d.level)} in {enum_name(d.field).lower()}",
        enum_name(d.status),
        format_date(d.start, ""),
        format_date(d.end, ""),
        d.institution,
        ", ".join(notes).capitalize(),
    )


def license_row(lic: License, today: date) -> tuple[str, ...]:
    return (
        enum_name(lic.type),
        lic.state or "",
        lic.number,
        format_date(lic.issued),
        format_date(lic.expires, "—"),
        license_status(lic, today)[0],
    )


def exam_row(e: Exam) -> tuple[str, ...]:
    return (enum_name(e.type), format_date(e.passed))


class RecordTableModel(QAbstractTableModel):
    """A few records as rows of display text, with an optional warning tone per row."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = tuple(headers)
        self.records: list[Any] = []
        self.rows: list[tuple[str, ...]] = []
        self.tones: list[str] = []

    def set_rows(
        self, records: Sequence[Any], rows: Sequence[tuple[str, ...]], tones: Sequence[str]
    ) -> None:
        self.beginResetModel()
        self.records, self.rows, self.tones = list(records), list(rows), list(tones)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[row][column]
        tone = TONES.get(self.tones[row])
        if tone and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(tone[0]))
        if tone and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(tone[1]))
        return None


SHORT_COLUMNS = {"Status", "Started", "Completed", "State", "Number", "First issued", "Expires"}
SHORT_COLUMNS |= {"Passed", "Passed on", "Exam date", "Date"}


class RecordSection(Card):
    """A card with a table of records, Add/Edit/Delete buttons and a friendly empty state."""

    def __init__(self, title: str, headers: Sequence[str], empty: str, noun: str) -> None:
        super().__init__(title)
        self.noun = noun
        self.model = RecordTableModel(headers, self)
        self.table = QTableView()
        self.table.setAccessibleName(title)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # names and notes share
        for column, name in enumerate(headers):
            if name in SHORT_COLUMNS:  # dates, codes and states: as wide as they are
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        self.empty = muted(empty)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.body.addWidget(self.stack)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(f"Add {noun}…")
        self.edit_button = QPushButton("Edit…")
        self.remove_button = QPushButton("Delete…")
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        delete_key(self.table, self.remove_button.click)

    def set_rows(
        self, records: Sequence[Any], rows: Sequence[tuple[str, ...]], tones: Sequence[str] = ()
    ) -> None:
        self.model.set_rows(records, rows, list(tones) or [""] * len(rows))
        self.stack.setCurrentWidget(self.table if records else self.empty)
        header_height = self.table.horizontalHeader().sizeHint().height()
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.stack.setFixedHeight(
            header_height + row_height * max(2, len(records)) + 6
            if records
            else self.empty.sizeHint().height() + 8
        )
        self._update_buttons()

    def selected(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.records[rows[0].row()] if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _update_buttons(self, *_args: object) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)


class EducationPage(Page):
    """Everything CareerPlanner needs to know about your degrees, licenses and exams."""

    kinds = frozenset({ChangeKind.DEGREES, ChangeKind.LICENSES, ChangeKind.EXAMS})
    status_message = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None, **_kw: object) -> None:
        super().__init__(parent)
        self.services = services
        self.today = today_of(services)
        self.dialog: RecordDialog | None = None
        self.confirm: Callable[[str], bool] = self._ask
        self.degrees = RecordSection(
            "Degrees",
            ("Degree", "Status", "Started", "Completed", "School", "Notes"),
            "No degrees yet. Add the degrees you hold — and the ones you plan: a planned degree "
            "counts in projections from its expected completion date.",
            "degree",
        )
        self.licenses = RecordSection(
            "Licenses",
            ("License", "State", "Number", "First issued", "Expires", "Status"),
            "No licenses yet. Add your RN or social-work license with its expiry date; some "
            "certifications need a license held for a number of years.",
            "license",
        )
        self.exams = RecordSection(
            "Passed exams",
            ("Exam", "Passed on"),
            "No exams yet. Social workers: add the ASWB exam you passed (or plan to pass).",
            "exam",
        )
        self.banner = QLabel()
        self.banner.setObjectName("warningBanner")
        self.banner.setWordWrap(True)
        background, text = TONES["warning"]
        self.banner.setStyleSheet(
            f"background:{background}; color:{text}; padding:8px; border-radius:4px;"
        )
        self.banner.hide()
        self._build()
        self._connect()
        self.refresh()

    def _build(self) -> None:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addWidget(heading("Education & Licenses"))
        layout.addWidget(
            muted(
                "Degrees, licenses and exams decide which certifications you can apply for. "
                "Planned items count on their expected dates."
            )
        )
        layout.addWidget(self.banner)
        for section in (self.degrees, self.licenses, self.exams):
            layout.addWidget(section)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _connect(self) -> None:
        education = self.services.education
        today = self.today
        for section, dialog_cls, blank, add, update, remove in (
            (
                self.degrees,
                DegreeDialog,
                new_degree,
                education.add_degree,
                education.update_degree,
                education.remove_degree,
            ),
            (
                self.licenses,
                LicenseDialog,
                lambda: new_license(today()),
                education.add_license,
                education.update_license,
                education.remove_license,
            ),
            (
                self.exams,
                ExamDialog,
                lambda: new_exam(today()),
                education.add_exam,
                education.update_exam,
                education.remove_exam,
            ),
        ):
            section.add_button.clicked.connect(
                lambda _=False, d=dialog_cls, b=blank, a=add: self.open_dialog(d, b(), a)
            )
            section.edit_button.clicked.connect(
                lambda _=False, s=section, d=dialog_cls, u=update: self._edit(s, d, u)
            )
            section.table.doubleClicked.connect(
                lambda _i, s=section, d=dialog_cls, u=update: self._edit(s, d, u)
            )
            section.remove_button.clicked.connect(
                lambda _=False, s=section, r=remove: self.remove_selected(s, r)
            )

    # --- the page contract ------------------------------------------------------------------

    def refresh(self) -> None:
        education = self.services.education
        today = self.today()
        degrees = education.degrees()
        licenses = education.licenses()
        exams = education.exams()
        self.degrees.set_rows(degrees, [degree_row(d) for d in degrees])
        statuses = [license_status(lic, today) for lic in licenses]
        self.licenses.set_rows(
            licenses, [license_row(lic, today) for lic in licenses], [s[1] for s in statuses]
        )
        self.exams.set_rows(exams, [exam_row(e) for e in exams])
        warnings = [
            f"Your {enum_name(lic.type)} license: {text.lower()}."
            for lic, (text, tone) in zip(licenses, statuses, strict=True)
            if tone
        ]
        self.banner.setText(" ".join(warnings))
        self.banner.setVisible(bool(warnings))

    # --- actions ------------------------------------------------------------------------

    def open_dialog(
        self, dialog_cls: type[RecordDialog], record: Any, store: Callable[[Any], Any]
    ) -> RecordDialog:
        def save(value: Any) -> None:
            store(value)
            self.refresh()
            self.status_message.emit("Saved")

        dialog = dialog_cls(record, save, self)  # type: ignore[call-arg]
        self.dialog = dialog
        dialog.finished.connect(self._dialog_closed)
        dialog.open()
        return dialog

    def _dialog_closed(self) -> None:
        self.dialog = None

    def _edit(
        self, section: RecordSection, dialog_cls: type[RecordDialog], update: Callable[[Any], Any]
    ) -> None:
        record = section.selected()
        if record is not None:
            self.open_dialog(dialog_cls, record, update)

    def remove_selected(self, section: RecordSection, remove: Callable[[int], Any]) -> None:
        record = section.selected()
        if record is None or not self.confirm(f"Delete this {section.noun}?"):
            return
        try:
            remove(record.id)
        except ValidationError as error:
            QMessageBox.warning(self, "Couldn't remove", error.message)
            return
        self.refresh()
        self.status_message.emit(f"Deleted the {section.noun}")

    def _ask(self, question: str) -> bool:
        return deleting.ask(self, question, deleting.FINAL)
