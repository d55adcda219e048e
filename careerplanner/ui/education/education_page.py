"""The Education & Licenses page: degrees, licenses and passed exams, with expiry warnings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.labels import degree_name, member_label
from careerplanner.domain.license_standing import Standing, license_standing
from careerplanner.domain.model import Degree, Exam, License
from careerplanner.services.bus import ChangeKind
from careerplanner.ui.common import deleting
from careerplanner.ui.common.widgets import describe_distance, format_date, heading, muted
from careerplanner.ui.education.education_dialogs import (
    DegreeDialog,
    ExamDialog,
    LicenseDialog,
    RecordDialog,
    new_degree,
    new_exam,
    new_license,
)
from careerplanner.ui.education.planned_work import PlannedWorkSection
from careerplanner.ui.education.record_section import TONES, RecordSection
from careerplanner.ui.hours.page import today_of
from careerplanner.ui.pages import Page

if TYPE_CHECKING:
    from careerplanner.services import Services


def license_status(lic: License, today: date) -> tuple[str, str]:
    """What the license's dates mean today, and its tone ("", "warning" or "expired")."""
    standing = license_standing(lic, today)
    if standing is Standing.PLANNED:
        return f"Planned from {format_date(lic.issued)}", ""
    if lic.expires is None:  # Standing.NO_EXPIRY
        return "Active (no expiry date recorded)", ""
    if standing is Standing.EXPIRED:
        return f"Expired {describe_distance(today, lic.expires)} — renew it", "expired"
    if standing is Standing.EXPIRING:
        advice = "renew soon" if lic.renewal_assumed else "not being renewed"
        return f"Expires {describe_distance(today, lic.expires)} — {advice}", "warning"
    return f"Active until {format_date(lic.expires)}", ""


def degree_row(d: Degree) -> tuple[str, ...]:
    notes = [
        text
        for flag, text in ((d.accredited, "accredited"), (d.field_experience, "field experience"))
        if flag
    ]
    return (
        degree_name(d),
        member_label(d.status),
        format_date(d.start, ""),
        format_date(d.end, ""),
        d.institution,
        ", ".join(notes).capitalize(),
    )


def renewal_text(lic: License) -> str:
    """What projections assume about the license's renewal."""
    if lic.expires is None:
        return "No expiry recorded"
    return "Assumed on time" if lic.renewal_assumed else "Not being renewed"


def license_row(lic: License, today: date) -> tuple[str, ...]:
    return (
        member_label(lic.type),
        lic.state or "",
        lic.number,
        format_date(lic.issued),
        format_date(lic.expires, "—"),
        renewal_text(lic),
        license_status(lic, today)[0],
    )


def exam_row(e: Exam) -> tuple[str, ...]:
    return (member_label(e.type), format_date(e.passed))


class EducationPage(Page):
    """Everything CareerPlanner needs to know about your degrees, licenses and exams."""

    kinds = frozenset({ChangeKind.DEGREES, ChangeKind.LICENSES, ChangeKind.EXAMS, ChangeKind.WORK})
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
            ("License", "State", "Number", "First issued", "Expires", "Renewal", "Status"),
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
        self.work = PlannedWorkSection(
            services.work, self.today, lambda: self.status_message.emit("Saved")
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
                "Degrees, licenses and exams decide which certifications you can apply for; "
                "planned work decides when. Planned items count on their expected dates."
            )
        )
        layout.addWidget(self.banner)
        for section in (self.degrees, self.licenses, self.exams, self.work):
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
        self.work.refresh()
        warnings = [
            f"Your {member_label(lic.type)} license: {text.lower()}."
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
