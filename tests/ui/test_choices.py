"""One chooser and one set of words for each stored choice: the wizard, the record dialogs and
the Hours page read the same, and every chooser hands back the value it shows."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

import pytest

from careerplanner.domain.labels import degree_name, exam_name, member_label
from careerplanner.domain.model import (
    Activity,
    CeTopic,
    Degree,
    DegreeField,
    DegreeLevel,
    DegreeStatus,
    ExamType,
    LicenseType,
    Setting,
    Supervision,
)
from careerplanner.ui.common.choices import enum_combo
from careerplanner.ui.education.education_dialogs import DegreeDialog, new_degree
from careerplanner.ui.wizard.wizard_lists import BacklogPage, DegreesPage, LicensesPage

CHOICES: tuple[type[StrEnum], ...] = (
    Activity,
    Setting,
    Supervision,
    CeTopic,
    DegreeLevel,
    DegreeField,
    DegreeStatus,
    LicenseType,
    ExamType,
)


def _texts(combo: Any) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


@pytest.mark.parametrize("enum_cls", CHOICES, ids=lambda e: e.__name__)
def test_every_choice_has_its_own_words_and_hands_back_its_value(
    qtbot: Any, enum_cls: type[StrEnum]
) -> None:
    combo = enum_combo(enum_cls)
    assert len(set(_texts(combo))) == len(enum_cls)
    for index, member in enumerate(enum_cls):
        combo.setCurrentIndex(index)
        assert enum_cls(combo.currentData()) is member
        assert combo.currentText() == member_label(member)
    last = list(enum_cls)[-1]
    assert enum_combo(enum_cls, last).currentText() == member_label(last)


def test_the_words_people_read() -> None:
    assert member_label(DegreeLevel.ASSOCIATE) == "Associate degree"
    assert member_label(DegreeLevel.MASTER) == "Master's"
    assert member_label(LicenseType.LCSW) == "LCSW"
    assert member_label(LicenseType.OTHER) == "Other"
    assert member_label(Supervision.LICENSED_SW) == "Licensed social worker"
    assert member_label(Setting.HOME_HEALTH) == "Home health"
    assert exam_name(ExamType.ASWB_MASTERS) == "ASWB Masters exam"
    degree = Degree(DegreeLevel.BACHELOR, DegreeField.HEALTHCARE_ADMIN, DegreeStatus.COMPLETED)
    assert degree_name(degree) == "Bachelor's in healthcare administration"


def test_the_wizard_reads_like_the_record_dialogs(qtbot: Any) -> None:
    today = date(2026, 12, 1)
    wizard_degrees, dialog = DegreesPage(), DegreeDialog(new_degree(), lambda _: None)
    qtbot.addWidget(wizard_degrees)
    qtbot.addWidget(dialog)
    assert _texts(wizard_degrees.level) == _texts(dialog.level)
    licenses = LicensesPage(today)
    qtbot.addWidget(licenses)
    assert licenses.state.itemText(licenses.state.findData("TX")) == "TX — Texas"
    backlog = BacklogPage(today)
    qtbot.addWidget(backlog)
    assert _texts(backlog.supervision) == [member_label(s) for s in Supervision]
