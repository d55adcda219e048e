"""Reminders: dismissed ones can be listed and restored, and the start-up notice shows at
most once a day."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from catalog_stub import stub_catalog
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow

from careerplanner.domain.model import License, LicenseType
from careerplanner.services import Services
from careerplanner.storage import Database
from careerplanner.ui.overview.reminders_card import NOTICE_KEY, RemindersCard, startup_tasks

DAYS = [date(2026, 11, 26)]  # the services' today; a test moves it on


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    DAYS[:] = [date(2026, 11, 26)]
    database = Database.open(tmp_path / "data")
    found = Services(database, stub_catalog(), today=lambda: DAYS[-1])
    found.education.add_license(License(LicenseType.RN, date(2020, 1, 1), date(2027, 1, 10), "TX"))
    yield found
    database.close()


class Window(QMainWindow):
    """What startup_tasks needs of the main window: settings, a status line, pages."""

    def __init__(self, settings: QSettings) -> None:
        super().__init__()
        self.settings = settings
        self.messages: list[str] = []

    def show_status(self, message: str) -> None:
        self.messages.append(message)

    def show_page(self, name: str) -> None:
        self.messages.append(f"page {name}")


def test_dismissed_reminders_are_listed_and_restored(qtbot: Any, services: Services) -> None:
    card = RemindersCard(services)
    qtbot.addWidget(card)
    card.show()
    (key,) = card.rows
    assert not card.show_dismissed.isVisible()
    card.rows[key].click()
    assert card.rows == {} and services.reminders.list() == ()
    assert card.show_dismissed.isVisible() and card.show_dismissed.text() == "Show dismissed (1)"
    assert card.restore_rows == {}
    card.show_dismissed.click()
    assert list(card.restore_rows) == [key]
    assert card.show_dismissed.text() == "Hide dismissed"
    card.restore_rows[key].click()
    assert [r.key for r in services.reminders.list()] == [key]
    assert list(card.rows) == [key] and card.restore_rows == {}
    assert not card.show_dismissed.isVisible()


def test_the_notice_shows_at_most_once_a_day(
    qtbot: Any, services: Services, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = Window(settings)
    qtbot.addWidget(window)
    first = startup_tasks(window, services)
    assert first is not None and first.isVisible()
    first.close()
    assert settings.value(NOTICE_KEY) == "2026-11-26"
    assert startup_tasks(window, services) is None  # started again the same day
    DAYS.append(DAYS[-1] + timedelta(days=1))
    again = startup_tasks(window, services)
    assert again is not None and again.isVisible()
    assert settings.value(NOTICE_KEY) == "2026-11-27"
    again.close()
