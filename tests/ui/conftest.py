"""Fixtures for the offscreen UI tests: services, the sample plan, a running app.

`data_dir` and `catalog` come from tests/conftest.py.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from careerplanner.app import Running, launch
from careerplanner.domain.catalog import Catalog
from careerplanner.services import Services
from careerplanner.storage import Database
from careerplanner.ui.common import dialogs


@pytest.fixture(scope="session", autouse=True)
def fusion_style(qapp: Any) -> None:
    """The style the app sets at start, before any test's widget exists (see use_fusion)."""
    from careerplanner.ui.common.theme import use_fusion

    use_fusion(qapp)


TODAY = date(2026, 11, 26)  # a Thursday, as in tests/conftest.py


@pytest.fixture
def app_services(data_dir: Path, catalog: Catalog) -> Iterator[Services]:
    """Services on a fixed today (the sample plan is dated relative to it)."""
    database = Database.open(data_dir)
    yield Services(database, catalog, today=lambda: TODAY)
    database.close()


@pytest.fixture
def demo_dir(data_dir: Path, catalog: Catalog) -> Path:
    """A data folder holding the sample plan as of TODAY (closed, ready for the app to open)."""
    with Database.open(data_dir) as database:
        Services(database, catalog, today=lambda: TODAY).plan.load_demo()
    return data_dir


@pytest.fixture
def shown_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Error dialogs record what they say instead of blocking the test."""
    shown: list[dict[str, Any]] = []

    def record(self: dialogs.DatabaseErrorDialog) -> int:
        shown.append({"title": self.windowTitle(), "text": self.text()})
        return 0

    monkeypatch.setattr(dialogs.DatabaseErrorDialog, "exec", record)
    return shown


@pytest.fixture
def running(qtbot: Any, demo_dir: Path) -> Iterator[Running]:
    """The whole app on the sample plan, shown offscreen, on the fixed TODAY."""
    app = launch(demo_dir, today=lambda: TODAY)
    assert app is not None
    qtbot.addWidget(app.window)
    app.window.show_page("overview")
    app.window.show()
    qtbot.waitExposed(app.window)
    yield app
    app.close()
