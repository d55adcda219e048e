"""The CE & Renewals page: CE table, add/edit/remove with certificates, renewals, reminders."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from catalog_stub import stub_catalog
from PySide6.QtWidgets import QLabel, QProgressBar

from careerplanner.domain.model import (
    CeActivity,
    CeTopic,
    Goal,
    GoalStatus,
    License,
    LicenseType,
)
from careerplanner.services import Services
from careerplanner.storage import Database
from careerplanner.ui.ce.ce_page import CePage
from careerplanner.ui.ce.ce_widgets import CeTableModel, RenewalCard
from careerplanner.ui.overview.reminders_card import RemindersNotice, startup_tasks

TODAY = date(2026, 11, 26)


@pytest.fixture
def ce_services(tmp_path: Path) -> Iterator[Services]:
    database = Database.open(tmp_path / "data")
    yield Services(database, stub_catalog(), today=lambda: TODAY)
    database.close()


@pytest.fixture
def page(qtbot: Any, ce_services: Services) -> CePage:
    widget = CePage(ce_services)
    qtbot.addWidget(widget)
    ce_services.bus.subscribe(lambda change: widget.refresh())  # as the main window does
    widget.resize(1100, 900)
    widget.show()
    return widget


def texts(widget: Any) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def held_ccm(services: Services) -> None:
    services.goals.add(Goal("CCM", status=GoalStatus.EARNED, earned_on=date(2025, 1, 15)))
    services.ce.add(CeActivity(date(2025, 6, 1), 2, CeTopic.ETHICS, "Ethics in care"))
    services.ce.add(CeActivity(date(2026, 2, 1), 10, CeTopic.CASE_MANAGEMENT, "Transitions"))


def test_empty_page_explains_what_to_do(page: CePage) -> None:
    shown = texts(page)
    assert "No CE yet" in shown
    assert "Nothing is due in the next 90 days." in shown
    assert "When you mark a certification goal as earned" in shown


def test_held_credential_shows_cycle_buckets_and_bars(
    qtbot: Any, page: CePage, ce_services: Services
) -> None:
    held_ccm(ce_services)
    page.refresh()
    (card,) = page.renewal_cards
    assert isinstance(card, RenewalCard)
    shown = texts(card)
    assert "Cycle Jan 15, 2025 to Jan 14, 2030" in shown
    assert "68 CE hours still needed, 6 of them ethics." in shown
    assert "All topics: 12 of 80 h done — 68 h needed" in shown
    assert "Ethics: 2 of 8 h done — 6 h needed" in shown
    bars = card.findChildren(QProgressBar)
    assert [b.value() for b in bars] == [150, 250]
    model = page.model
    assert model.rowCount() == 2
    assert model.index(0, CeTableModel.TITLE).data() == "Transitions"  # newest first
    assert model.index(0, CeTableModel.COUNTS).data() == "CCM"


def test_add_with_certificate_then_open_and_remove(
    qtbot: Any, page: CePage, ce_services: Services, tmp_path: Path
) -> None:
    scan = tmp_path / "my scan.pdf"
    scan.write_bytes(b"%PDF-1.4 certificate")
    dialog = page.new_entry()
    dialog.pick_path = lambda: str(scan)  # type: ignore[method-assign]
    dialog.choose.click()
    dialog.hours.setValue(3)
    dialog.title.setText("Ethics in discharge planning")
    dialog.topic.setCurrentIndex(dialog.topic.findData("ethics"))
    dialog.try_accept()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    (stored,) = ce_services.ce.list()
    assert stored.certificate and stored.certificate != scan.name
    path = ce_services.ce_files.path(stored)
    assert path is not None and path.read_bytes() == scan.read_bytes()
    assert path.parent == ce_services.db.data_dir / "certificates"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    page.select_row(0)
    opened: list[Path] = []
    page.open_path = opened.append  # type: ignore[method-assign]
    assert page.open_button.isEnabled()
    page.open_button.click()
    assert opened == [path]
    page.confirm_remove = lambda activity: True  # type: ignore[method-assign]
    page.remove_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert not path.exists() and ce_services.ce.list() == ()


def test_bad_input_is_shown_next_to_the_field(qtbot: Any, page: CePage) -> None:
    dialog = page.new_entry()
    dialog.hours.setValue(0)
    dialog.try_accept()
    assert dialog.isVisible()
    assert dialog.errors["hours"].isVisible() and dialog.errors["hours"].text()


def test_edit_replaces_the_certificate(
    qtbot: Any, page: CePage, ce_services: Services, tmp_path: Path
) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    first.write_bytes(b"one")
    second.write_bytes(b"two")
    ce_services.ce_files.add(CeActivity(date(2026, 3, 1), 1, CeTopic.GENERAL, "Course"), first)
    page.refresh()
    page.select_row(0)
    old = ce_services.ce_files.path(ce_services.ce.list()[0])
    dialog = page.edit_selected()
    assert dialog is not None
    dialog.pick_path = lambda: str(second)  # type: ignore[method-assign]
    dialog.choose.click()
    dialog.try_accept()
    (stored,) = ce_services.ce.list()
    new = ce_services.ce_files.path(stored)
    assert new is not None and new.read_bytes() == b"two"
    assert old is not None and not old.exists()


def test_reminders_listed_and_dismissed_for_good(
    qtbot: Any, page: CePage, ce_services: Services
) -> None:
    ce_services.education.add_license(
        License(LicenseType.RN, date(2020, 1, 1), date(2027, 1, 10), "TX")
    )
    page.refresh()
    card = page.reminders
    (key,) = card.rows
    assert key.startswith("license:") and "Your RN license (TX) expires on" in texts(card)
    card.rows[key].click()
    qtbot.waitUntil(lambda: "Nothing is due" in texts(card))
    assert ce_services.reminders.list() == ()
    assert len(ce_services.reminders.all()) == 1


def test_startup_backs_up_and_shows_a_notice(qtbot: Any, ce_services: Services) -> None:
    from PySide6.QtWidgets import QMainWindow

    class Window(QMainWindow):
        def __init__(self) -> None:
            super().__init__()
            self.messages: list[str] = []
            self.shown: list[str] = []

        def show_status(self, message: str) -> None:
            self.messages.append(message)

        def show_page(self, name: str) -> None:
            self.shown.append(name)

    window = Window()
    qtbot.addWidget(window)
    assert startup_tasks(window, ce_services) is None  # nothing stored, nothing due
    ce_services.education.add_license(
        License(LicenseType.RN, date(2020, 1, 1), date(2026, 12, 1), "TX")
    )
    notice = startup_tasks(window, ce_services)
    assert isinstance(notice, RemindersNotice) and notice.isVisible()
    assert not notice.isModal()
    notice.show_page.click()
    assert window.shown == ["ce"] and not notice.isVisible()
