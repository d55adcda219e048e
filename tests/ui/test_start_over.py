"""File → Start over: a backup first, then an empty plan and the wizard; the menus around it."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from careerplanner.app import Running
from careerplanner.services.backup_files import BEFORE_START_OVER
from careerplanner.ui.files import start_over
from careerplanner.ui.main_window import PAGES


@pytest.fixture
def wizards(running: Running, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The wizard is recorded, not shown: a shown and closed wizard makes a later theme
    switch crash Qt in the same process (see the report); test_wizard.py covers it."""
    opened: list[str] = []
    monkeypatch.setattr(running.window, "open_wizard", lambda: opened.append("wizard"))
    return opened


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(start_over, "tell", lambda _p, title, text: messages.append((title, text)))
    return messages


def menu_actions(running: Running, menu_title: str) -> dict[str, Any]:
    for action in running.window.menuBar().actions():
        if action.text() == menu_title:
            return {a.text(): a for a in action.menu().actions() if a.text()}
    raise AssertionError(menu_title)


def test_start_over_backs_up_empties_and_opens_the_wizard(
    running: Running,
    told: list[tuple[str, str]],
    wizards: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services = running.services
    before = services.plan.snapshot()
    assert len(before.entries) > 50
    monkeypatch.setattr(start_over, "confirm", lambda _parent: True)
    menu_actions(running, "&File")["Start &over…"].trigger()
    assert services.plan.is_empty()
    backups = [b for b in services.backups.list() if b.kind == BEFORE_START_OVER]
    assert len(backups) == 1
    backup = backups[0]
    assert backup.entries == len(before.entries) and backup.sound
    with sqlite3.connect(backup.path) as copy:
        assert copy.execute("SELECT COUNT(*) FROM work_entry").fetchone() == (len(before.entries),)
    assert told == [("Started over", start_over.done_message(backup))]
    assert backup.path.name in told[0][1]
    assert wizards == ["wizard"]
    assert running.window.undo_stack.count() == 0


def test_declining_changes_nothing(
    running: Running,
    told: list[tuple[str, str]],
    wizards: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services = running.services
    entries = len(services.plan.snapshot().entries)
    backups = len(services.backups.list())
    monkeypatch.setattr(start_over, "confirm", lambda _parent: False)
    assert running.window.start_over() is None
    assert len(services.plan.snapshot().entries) == entries
    assert len(services.backups.list()) == backups
    assert told == [] and wizards == []


def test_an_empty_plan_is_not_started_over(
    running: Running,
    told: list[tuple[str, str]],
    wizards: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(start_over, "confirm", lambda _parent: True)
    running.window.start_over()
    assert wizards == ["wizard"]
    backups = len(running.services.backups.list())
    assert running.window.start_over() is None
    assert told[-1] == (
        "Nothing to start over",
        "The plan is already empty; there is nothing to start over.",
    )
    assert len(running.services.backups.list()) == backups


def test_go_menu_shows_ampersands_and_filter_is_enabled_only_where_it_filters(
    running: Running,
) -> None:
    go = menu_actions(running, "&Go")
    assert "Education && Licenses" in go and "CE && Renewals" in go
    assert len(go) == len(PAGES)
    filter_action = menu_actions(running, "&Edit")["&Filter…"]
    for spec in PAGES:
        running.window.show_page(spec.name)
        assert filter_action.isEnabled() == (spec.name == "hours"), spec.name
    running.window.show_page("hours")
    running.services.backups.start_over()
    assert not filter_action.isEnabled()  # no entries: nothing to filter
