"""One delete rule on every page: the button and the Delete key ask first, name what goes, and
locked rows cannot be deleted; Unlock is offered as soon as entries are verified."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date
from typing import Any

from hours_fixtures import TODAY, entry, hours_page, hours_services  # noqa: F401
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from careerplanner.domain.model import (
    CeActivity,
    CeTopic,
    Degree,
    DegreeField,
    DegreeLevel,
    DegreeStatus,
    Goal,
)
from careerplanner.services import Services
from careerplanner.ui.ce.ce_page import CePage
from careerplanner.ui.certifications.certifications_page import CertificationsPage
from careerplanner.ui.common import deleting
from careerplanner.ui.education.education_page import EducationPage


class Asked:
    """Records each question and answers it."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.questions: list[tuple[str, ...]] = []

    def __call__(self, *question: str) -> bool:
        self.questions.append(question)
        return self.answer


def test_hours_delete_key_asks_then_deletes_with_undo(
    qtbot: Any,
    hours_page: Any,  # noqa: F811
    hours_services: Services,  # noqa: F811
) -> None:
    hours_services.hours.add(entry(2, 8))
    hours_page.refresh()
    hours_page.table.selectRow(0)
    hours_page.table.setFocus()
    declined = Asked(False)
    hours_page.actions_.confirm = declined
    qtbot.keyClick(hours_page.table, Qt.Key.Key_Delete)
    assert declined.questions == [("Delete 1 entry (8 h)?", "Ctrl+Z brings it back.")]
    assert len(hours_services.hours.list()) == 1
    hours_page.actions_.confirm = Asked(True)
    qtbot.keyClick(hours_page.table, Qt.Key.Key_Delete)
    assert hours_services.hours.list() == ()
    hours_page.undo_stack.undo()
    assert len(hours_services.hours.list()) == 1


def test_the_delete_key_in_a_field_edits_the_field_not_the_table(
    qtbot: Any,
    hours_page: Any,  # noqa: F811
    hours_services: Services,  # noqa: F811
) -> None:
    hours_services.hours.add(entry(2, 8))
    hours_page.refresh()
    hours_page.table.selectRow(0)
    asked = Asked(True)
    hours_page.actions_.confirm = asked
    notes = hours_page.quick_add.notes
    notes.setText("ab")
    notes.setFocus()
    notes.setCursorPosition(0)
    qtbot.keyClick(notes, Qt.Key.Key_Delete)
    assert notes.text() == "b" and asked.questions == []
    assert len(hours_services.hours.list()) == 1


def test_locked_rows_cannot_be_deleted_and_unlock_is_offered_at_once(
    qtbot: Any,
    hours_page: Any,  # noqa: F811
    hours_services: Services,  # noqa: F811
) -> None:
    stored = hours_services.hours.add(entry(2, 8))
    hours_page.refresh()
    hours_page.table.selectRow(0)
    assert hours_page.buttons["delete"].isEnabled()
    assert not hours_page.buttons["unlock"].isEnabled()
    hours_page.buttons["verify"].click()
    dialog = hours_page.actions_.dialog
    dialog.by.setText("Dana Ortiz")
    dialog.try_accept()
    assert hours_services.hours.get(stored.id).verified
    assert hours_page.buttons["unlock"].isEnabled()
    assert not hours_page.buttons["delete"].isEnabled()
    asked = Asked(True)
    hours_page.actions_.confirm = asked
    hours_page.table.setFocus()
    qtbot.keyClick(hours_page.table, Qt.Key.Key_Delete)
    assert asked.questions == [] and len(hours_services.hours.list()) == 1
    assert hours_page.message.text().startswith("The entry of 8 h on 2026-03-02 was verified")


def test_education_delete_key_asks_first(qtbot: Any, hours_services: Services) -> None:  # noqa: F811
    degree = Degree(DegreeLevel.BACHELOR, DegreeField.NURSING, DegreeStatus.COMPLETED,
                    end=date(2015, 5, 20))  # fmt: skip
    hours_services.education.add_degree(degree)
    page = EducationPage(hours_services)
    qtbot.addWidget(page)
    asked = Asked(True)
    page.confirm = asked
    page.show()
    qtbot.waitExposed(page)
    page.degrees.select_row(0)
    page.degrees.table.setFocus()
    qtbot.waitUntil(page.degrees.table.hasFocus)
    assert page.degrees.remove_button.text() == "Delete…"
    qtbot.keyClick(page.degrees.table, Qt.Key.Key_Delete)
    assert asked.questions == [("Delete this degree?",)]
    assert hours_services.education.degrees() == ()


def test_ce_delete_key_asks_first(qtbot: Any, hours_services: Services) -> None:  # noqa: F811
    hours_services.ce.add(CeActivity(date(2026, 2, 10), 1.5, CeTopic.ETHICS, "Ethics", "CMSA"))
    page = CePage(hours_services)
    qtbot.addWidget(page)
    asked: list[str] = []
    page.confirm_remove = lambda activity: asked.append(activity.title) or True  # type: ignore[method-assign]
    page.show()
    qtbot.waitExposed(page)
    page.select_row(0)
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    assert page.remove_button.text() == "Delete…"
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert asked == ["Ethics"] and hours_services.ce.list() == ()


def test_removing_a_goal_asks_first(qtbot: Any, services: Services) -> None:
    services.goals.add(Goal("CCM"))
    page = CertificationsPage(services)
    qtbot.addWidget(page)
    page.select("CCM")
    declined = Asked(False)
    page.confirm = declined
    page.goal_box.remove_button.click()
    assert declined.questions == [("Remove CCM from your goals?",)]
    assert [g.cert_id for g in services.goals.list()] == ["CCM"]
    page.confirm = Asked(True)
    page.goal_box.remove_button.click()
    assert services.goals.list() == ()


def test_the_question_offers_delete_and_cancel(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[tuple[str, str, list[str]]] = []

    def answer(choice: str) -> None:
        (box,) = [b for b in parent.findChildren(QMessageBox) if b.isVisible()]
        buttons = [b.text().replace("&", "") for b in box.findChildren(QPushButton)]
        seen.append((box.text(), box.informativeText(), sorted(buttons)))
        next(b for b in box.findChildren(QPushButton) if choice in b.text()).click()

    QTimer.singleShot(0, lambda: answer("Delete"))
    assert deleting.ask(parent, "Delete 2 entries (16 h)?", "Ctrl+Z brings them back.")
    QTimer.singleShot(0, lambda: answer("Cancel"))
    assert not deleting.ask(parent, "Delete this degree?", deleting.FINAL)
    assert seen[0] == ("Delete 2 entries (16 h)?", "Ctrl+Z brings them back.", ["Cancel", "Delete"])
    assert seen[1][:2] == ("Delete this degree?", "This can't be undone.")
