"""The Settings page: pace and salary assumptions, planned work, data folder, colour theme."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import Track
from careerplanner.domain.validation import US_STATES, fmt_number, parse_number
from careerplanner.services.bus import ChangeKind
from careerplanner.ui.common.theme import THEME_KEY, THEMES, apply_theme, saved_choice
from careerplanner.ui.common.widgets import Card, FieldError, heading, muted
from careerplanner.ui.education.planned_work import PlannedWorkSection
from careerplanner.ui.pages import Page

if TYPE_CHECKING:
    from careerplanner.services import Services

TRACK_LABELS = {Track.NURSE: "Nurse", Track.SOCIAL_WORK: "Social work", Track.OTHER: "Other"}
THEME_LABELS = {"system": "Follow the system", "light": "Light", "dark": "Dark"}
# profile attribute -> (label, field name used in validation messages, optional)
NUMBER_FIELDS = {
    "weekly_hours": ("Hours a week when no work is planned", "weekly hours", False),
    "ce_hours_per_year": ("CE hours you plan each year", "CE hours per year", False),
    "current_salary": ("Current yearly salary ($, optional)", "salary", True),
    "raise_percent": ("Expected yearly raise (%)", "raise percent", False),
}


class SettingsPage(Page):
    """Each field is saved as soon as it is left with a valid value; errors show beside it."""

    kinds = frozenset({ChangeKind.PROFILE, ChangeKind.WORK})
    status_message = Signal(str)

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
        data_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = settings or QSettings()
        self.data_dir = data_dir or Path(services.db.data_dir)
        self.errors: dict[str, FieldError] = {}
        self.edits: dict[str, QLineEdit] = {}
        content = QWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.setSpacing(16)
        layout.addWidget(heading("Settings"))
        layout.addWidget(self._plan_card())
        self.work = PlannedWorkSection(
            services.work, services.today, lambda: self.status_message.emit("Settings saved.")
        )
        layout.addWidget(self.work)
        layout.addWidget(self._appearance_card())
        layout.addWidget(self._data_card())
        layout.addStretch(1)
        scroll.setWidget(content)
        self.refresh()

    # --- building ---------------------------------------------------------------------------
    def _plan_card(self) -> Card:
        card = Card("Your plan")
        card.body.addWidget(muted("Projections use these figures. Changes are saved as you go."))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.track = QComboBox()
        for track, text in TRACK_LABELS.items():
            self.track.addItem(text, track)
        self.track.currentIndexChanged.connect(lambda _i: self.save("track"))
        self.state = QComboBox()
        self.state.addItem("Not set", None)
        for code in sorted(US_STATES):
            self.state.addItem(code, code)
        self.state.currentIndexChanged.connect(lambda _i: self.save("state"))
        form.addRow("Career track", self._with_error("track", self.track))
        form.addRow("State", self._with_error("state", self.state))
        for attr, (text, _field, _optional) in NUMBER_FIELDS.items():
            edit = QLineEdit()
            edit.setMaximumWidth(160)
            edit.editingFinished.connect(lambda a=attr: self.save(a))
            self.edits[attr] = edit
            form.addRow(text, self._with_error(attr, edit))
        card.body.addLayout(form)
        return card

    def _with_error(self, key: str, field: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        self.errors[key] = FieldError()
        column.addWidget(self.errors[key])
        return box

    def _appearance_card(self) -> Card:
        card = Card("Appearance")
        self.theme = QComboBox()
        for name in THEMES:
            self.theme.addItem(THEME_LABELS[name], name)
        self.theme.setCurrentIndex(THEMES.index(saved_choice(self.settings)))
        self.theme.currentIndexChanged.connect(self.save_theme)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow("Theme", self.theme)
        card.body.addLayout(form)
        return card

    def _data_card(self) -> Card:
        card = Card("Your data")
        card.body.addWidget(
            muted("Everything you enter stays in this folder on this computer, with backups.")
        )
        row = QHBoxLayout()
        self.folder_label = QLabel(str(self.data_dir))
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.folder_label, 1)
        open_button = QPushButton("Open folder")
        open_button.clicked.connect(self.open_folder)
        row.addWidget(open_button)
        card.body.addLayout(row)
        return card

    # --- loading and saving -----------------------------------------------------------------
    def refresh(self) -> None:
        self.work.refresh()
        profile = self.services.profile.get()
        for widget in (self.track, self.state, *self.edits.values()):
            widget.blockSignals(True)
        self.track.setCurrentIndex(max(0, self.track.findData(profile.track)))
        self.state.setCurrentIndex(max(0, self.state.findData(profile.state)))
        for attr, edit in self.edits.items():
            value = getattr(profile, attr)
            edit.setText("" if value is None else fmt_number(value))
        for widget in (self.track, self.state, *self.edits.values()):
            widget.blockSignals(False)
        for error in self.errors.values():
            error.clear_error()

    def save(self, key: str) -> bool:
        """Validate one field and store the profile with it; show the reason if refused."""
        self.errors[key].clear_error()
        try:
            value = self._value(key)
            if getattr(self.services.profile.get(), key) == value:
                return True
            self.services.profile.change(**{key: value})  # this field only, in one transaction
        except ValidationError as error:
            self.errors[self._error_key(error, key)].show_error(error.message)
            return False
        self.status_message.emit("Settings saved.")
        return True

    def _value(self, key: str) -> object:
        if key == "track":
            return self.track.currentData()
        if key == "state":
            return self.state.currentData()
        _label, field, optional = NUMBER_FIELDS[key]
        text = self.edits[key].text()
        if optional and not text.strip():
            return None
        return parse_number(text, field)

    def _error_key(self, error: ValidationError, fallback: str) -> str:
        for attr, (_label, field, _optional) in NUMBER_FIELDS.items():
            if error.field == field:
                return attr
        return error.field if error.field in self.errors else fallback

    def save_theme(self) -> None:
        choice = self.theme.currentData()
        self.settings.setValue(THEME_KEY, choice)
        self.settings.sync()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, choice)

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))
