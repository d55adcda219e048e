"""Fixtures for the Hours page tests: services over a fresh database with a pinned today."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from catalog_stub import stub_catalog

from careerplanner.domain.model import Setting, Supervision, WorkEntry
from careerplanner.services import Services
from careerplanner.storage import Database
from careerplanner.ui.hours import HoursPage

TODAY = date(2026, 3, 16)


@pytest.fixture
def hours_services(tmp_path: Path) -> Iterator[Services]:
    database = Database.open(tmp_path / "hours-data")
    yield Services(database, stub_catalog(), today=lambda: TODAY)
    database.close()


@pytest.fixture
def hours_page(qtbot, hours_services: Services) -> HoursPage:  # type: ignore[no-untyped-def]
    page = HoursPage(hours_services)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.refresh()
    page.show()
    return page


def entry(day: int, hours: float = 8.0, **fields: object) -> WorkEntry:
    """An entry on March `day` of the pinned year."""
    values: dict[str, object] = {
        "setting": Setting.HOSPITAL,
        "supervision": Supervision.CCM,
        "employer": "Bayview Medical Center",
    }
    values.update(fields)
    return WorkEntry(start=date(2026, 3, day), hours=hours, **values)  # type: ignore[arg-type]
