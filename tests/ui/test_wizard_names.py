"""Every input of the wizard and of the planned-work and scenario dialogs has a name of its
own: a buddy label, its own text, or an accessible name, never just its current value."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from careerplanner.ui.education.planned_work import WorkPeriodDialog
from careerplanner.ui.education.work_form import blank_period
from careerplanner.ui.timeline.scenario_dialog import ScenarioDialog
from careerplanner.ui.wizard.wizard import SetupWizard

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractButton, QAbstractItemView)


@pytest.fixture(autouse=True)
def _delete_wizards() -> Iterator[None]:
    """Delete every wizard a test leaves: a hidden QWizard crashes a later theme switch."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, SetupWizard) and shiboken6.isValid(widget):
            shiboken6.delete(widget)


def _value(widget: QWidget) -> str:
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    return ""


def _part_of_another(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox)):
            return True
        parent = parent.parentWidget()
    return False


def unnamed(root: QWidget) -> list[str]:
    """Inputs that nothing names, described by class and value."""
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if _part_of_another(widget):
            continue  # a combo box's pop-up list, a date edit's line edit: named with it
        own = widget.text() if isinstance(widget, QAbstractButton) else ""
        name = widget.accessibleName() or own
        if id(widget) in buddies or (name and name != _value(widget)):
            continue
        missing.append(f"{type(widget).__name__}({_value(widget)!r})")
    return missing


def test_every_wizard_input_is_named(qtbot: Any, services: Any) -> None:
    wizard = SetupWizard(services)
    qtbot.addWidget(wizard)
    assert unnamed(wizard) == []


def test_every_planned_work_and_scenario_input_is_named(qtbot: Any, services: Any) -> None:
    dialog = WorkPeriodDialog(blank_period(services.today()), lambda _p: None, services.today)
    scenario = ScenarioDialog(services)
    for widget in (dialog, scenario):
        qtbot.addWidget(widget)
        assert unnamed(widget) == []
