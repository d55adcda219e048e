"""Which hours columns show: Time and Supervisor once an entry has clock times or a
supervisor; otherwise the user's choice from the header's menu, kept by column name."""

from __future__ import annotations

import json
from datetime import time
from pathlib import Path
from typing import Any

from hours_fixtures import entry, hours_services  # noqa: F401
from PySide6.QtCore import QSettings

from careerplanner.domain.logbook import Credential, Supervisor
from careerplanner.ui.hours import HoursPage
from careerplanner.ui.hours.shown_columns import KEY
from careerplanner.ui.hours.table_model import HEADERS


def _hidden(page: HoursPage) -> list[str]:
    return [name for i, name in enumerate(HEADERS) if page.table.isColumnHidden(i)]


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_time_and_supervisor_show_once_an_entry_has_them(
    qtbot: Any,
    hours_services: Any,  # noqa: F811
) -> None:
    hours_services.hours.add(entry(2))
    page = HoursPage(hours_services)
    qtbot.addWidget(page)
    assert _hidden(page) == ["Time", "Supervisor"]
    hours_services.hours.add(entry(3, 4, start_time=time(8), end_time=time(12)))
    page.refresh()  # as the window does after a change: the new row is inserted
    assert _hidden(page) == ["Supervisor"]
    lee = hours_services.supervisors.add(Supervisor("Dana Lee", Credential.RN))
    hours_services.hours.add(entry(4, supervisor_id=lee.id))
    page.refresh()
    assert _hidden(page) == []


def test_the_users_choice_is_kept_by_name_and_wins(
    qtbot: Any,
    hours_services: Any,  # noqa: F811
    tmp_path: Path,
) -> None:
    hours_services.hours.add(entry(2, start_time=time(8), end_time=time(12)))
    settings = _settings(tmp_path)
    page = HoursPage(hours_services, settings=settings)
    qtbot.addWidget(page)
    menu = page.shown_columns.menu()
    names = [a.text() for a in menu.actions()]
    assert names == [h for h in HEADERS if h not in ("Date", "Hours")]  # a row needs those two
    checked = {a.text(): a.isChecked() for a in menu.actions()}
    assert checked["Time"] and not checked["Supervisor"] and checked["Notes"]
    next(a for a in menu.actions() if a.text() == "Time").setChecked(False)
    next(a for a in menu.actions() if a.text() == "Supervisor").setChecked(True)
    next(a for a in menu.actions() if a.text() == "Until").setChecked(False)
    assert _hidden(page) == ["Until", "Time"]
    assert json.loads(str(settings.value(KEY))) == {
        "Time": False,
        "Supervisor": True,
        "Until": False,
    }
    again = HoursPage(hours_services, settings=_settings(tmp_path))
    qtbot.addWidget(again)
    assert _hidden(again) == ["Until", "Time"]


def test_unreadable_choices_fall_back_to_the_defaults(
    qtbot: Any,
    hours_services: Any,  # noqa: F811
    tmp_path: Path,
) -> None:
    hours_services.hours.add(entry(2))
    settings = _settings(tmp_path)
    for stored in ("not json", json.dumps([1, 2]), json.dumps({"Date": False, "Notes": "no"})):
        settings.setValue(KEY, stored)
        page = HoursPage(hours_services, settings=settings)
        qtbot.addWidget(page)
        assert _hidden(page) == ["Time", "Supervisor"]  # Date always shows; "no" is no choice
