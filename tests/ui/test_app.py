"""The app as a whole: start-up, refused databases, single instance, navigation, refresh."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from careerplanner.app import LOCK_NAME, SETTINGS_NAME, Running, launch, main_gui
from careerplanner.paths import DATABASE_NAME
from careerplanner.ui.common.dialogs import DATABASE_TITLE, LOCKED_TITLE
from careerplanner.ui.common.error_report import LOG_NAME
from careerplanner.ui.main_window import GEOMETRY_KEY, PAGE_NAMES


def test_pages_are_in_navigation_order() -> None:
    core = ("overview", "hours", "education", "certifications", "settings")
    assert [name for name in PAGE_NAMES if name in core] == list(core)
    assert PAGE_NAMES[0] == "overview" and PAGE_NAMES[-1] == "settings"


def test_starts_on_overview_and_builds_other_pages_only_when_shown(running: Running) -> None:
    window = running.window
    assert window.current_name() == "overview"
    assert set(window.pages) == {"overview"}
    settings_page = window.show_page("settings")
    assert window.current_page() is settings_page
    assert set(window.pages) == {"overview", "settings"}


def test_ctrl_digit_actions_switch_pages(running: Running) -> None:
    window = running.window
    actions = {
        a.shortcut().toString(): a for a in window.findChildren(type(window.menuBar().actions()[0]))
    }
    actions[f"Ctrl+{PAGE_NAMES.index('settings') + 1}"].trigger()
    assert window.current_name() == "settings"
    actions["Ctrl+1"].trigger()
    assert window.current_name() == "overview"


def test_a_change_marks_hidden_pages_stale_and_they_refresh_when_shown(
    running: Running, qtbot: Any
) -> None:
    window = running.window
    overview = window.pages["overview"]
    window.show_page("settings")
    calls: list[int] = []
    overview.refresh = lambda: calls.append(1)  # type: ignore[method-assign]
    profile = running.services.profile.get()
    running.services.profile.update(replace(profile, name="Robin"))
    assert "overview" in window.stale
    assert calls == []  # not refreshed while hidden
    window.show_page("overview")
    assert calls == [1]
    assert "overview" not in window.stale


def test_a_change_of_unrelated_kind_leaves_pages_alone(running: Running) -> None:
    window = running.window
    window.show_page("settings")
    running.services.goals.remove(running.services.goals.list()[0].id)
    assert "settings" not in window.stale


def test_second_instance_is_refused_while_the_first_runs(
    running: Running, shown_dialogs: list[dict[str, Any]]
) -> None:
    assert launch(running.database.data_dir) is None
    assert [d["title"] for d in shown_dialogs] == [LOCKED_TITLE]
    assert "already" in shown_dialogs[0]["text"]


def test_lock_is_released_on_close(qtbot: Any, demo_dir: Path) -> None:
    first = launch(demo_dir)
    assert first is not None
    first.close()
    second = launch(demo_dir)
    assert second is not None
    second.close()
    assert (demo_dir / LOCK_NAME).exists() is False


def _other_sqlite(path: Path) -> bytes:
    import sqlite3

    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.commit()
    connection.close()
    return path.read_bytes()


def _damaged(path: Path) -> bytes:
    content = bytearray(path.read_bytes())
    content[4096:12288] = b"\xa5" * 8192
    path.write_bytes(bytes(content))
    return bytes(content)


@pytest.mark.parametrize("kind", ["not-sqlite", "other-sqlite", "damaged"])
def test_unreadable_database_shows_dialog_and_is_left_byte_identical(
    qtbot: Any, demo_dir: Path, kind: str, shown_dialogs: list[dict[str, Any]]
) -> None:
    data_dir = demo_dir
    path = data_dir / DATABASE_NAME
    if kind == "damaged":
        content = _damaged(path)
    else:
        path.unlink()
        if kind == "not-sqlite":
            content = b"this is not a database at all" * 100
            path.write_bytes(content)
        else:
            content = _other_sqlite(path)
    before = sorted(p.name for p in data_dir.iterdir())
    assert launch(data_dir) is None
    assert [d["title"] for d in shown_dialogs] == [DATABASE_TITLE]
    assert path.read_bytes() == content
    side_files = {f"{DATABASE_NAME}-wal", f"{DATABASE_NAME}-shm", LOG_NAME}
    after = {p.name for p in data_dir.iterdir()} - side_files
    assert sorted(after) == before  # nothing new beside SQLite's read-only side files and the log


def test_main_gui_exits_1_without_starting_on_a_damaged_database(
    qtbot: Any,
    data_dir: Path,
    shown_dialogs: list[dict[str, Any]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A screenshot has no one to answer a dialog: the refusal is printed instead."""
    data_dir.mkdir(parents=True)
    (data_dir / DATABASE_NAME).write_bytes(b"garbage" * 50)
    out = data_dir.parent / "shot.png"
    code = main_gui(["--data-dir", str(data_dir), "--screenshot", str(out)])
    assert code == 1
    assert not out.exists()
    assert shown_dialogs == []
    assert "is not a CareerPlanner database" in capsys.readouterr().err


def test_newer_schema_is_refused(
    qtbot: Any, demo_dir: Path, shown_dialogs: list[dict[str, Any]]
) -> None:
    import sqlite3

    path = demo_dir / DATABASE_NAME
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = path.read_bytes()
    assert launch(demo_dir) is None
    assert "newer version" in shown_dialogs[0]["text"]
    assert path.read_bytes() == before


def test_geometry_is_kept_in_settings(qtbot: Any, demo_dir: Path) -> None:
    app = launch(demo_dir)
    assert app is not None
    app.window.resize(1010, 707)
    saved = app.window.saveGeometry()
    app.close()
    settings = QSettings(str(demo_dir / SETTINGS_NAME), QSettings.Format.IniFormat)
    assert settings.value(GEOMETRY_KEY) == saved


def test_new_entry_shortcut_goes_to_the_hours_page(running: Running, monkeypatch: Any) -> None:
    from careerplanner.ui.hours import HoursPage

    hours_class = HoursPage
    called: list[bool] = []
    monkeypatch.setattr(hours_class, "new_entry", lambda self: called.append(True))
    running.window.new_entry()
    assert running.window.current_name() == "hours"
    assert called == [True]


def test_filter_shortcut_delegates_to_the_page(running: Running, monkeypatch: Any) -> None:
    hours = running.window.show_page("hours")
    called: list[bool] = []
    monkeypatch.setattr(hours, "focus_filter", lambda: called.append(True))
    running.window.focus_filter()
    assert called == [True]


def test_unknown_page_exits_2(capsys: Any, tmp_path: Path) -> None:
    code = main_gui(["--data-dir", str(tmp_path), "--screenshot", "x.png", "--page", "nowhere"])
    assert code == 2
    assert capsys.readouterr().err.startswith("error: ")


def test_bad_size_exits_2(tmp_path: Path) -> None:
    assert main_gui(["--data-dir", str(tmp_path), "--screenshot", "x.png", "--size", "big"]) == 2


def test_a_write_from_the_hours_page_refreshes_it_once(
    running: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerplanner.ui.hours import HoursPage

    page = running.window.show_page("hours")
    assert isinstance(page, HoursPage)
    refreshed: list[object] = []
    original = HoursPage.refresh
    monkeypatch.setattr(HoursPage, "refresh", lambda self: (refreshed.append(self), original(self)))
    before = page.model.rowCount()
    page.quick_add.hours.setText("2.5")
    page.quick_add.submit()
    assert page.model.rowCount() == before + 1
    assert refreshed == [page]  # by itself, as the change's origin; not again by the window
    assert "overview" in running.window.stale  # the other pages showing entries catch up later


def test_filter_is_offered_once_the_first_entry_is_added(qtbot: Any, data_dir: Path) -> None:
    app = launch(data_dir)
    assert app is not None
    qtbot.addWidget(app.window)
    try:
        from careerplanner.ui.hours import HoursPage

        page = app.window.show_page("hours")
        assert isinstance(page, HoursPage)
        assert not app.window.filter_action.isEnabled()
        page.quick_add.hours.setText("3")
        page.quick_add.submit()
        assert app.window.filter_action.isEnabled()
    finally:
        app.close()


def test_the_garbage_collector_runs_again_once_start_up_is_over(
    qtbot: Any, demo_dir: Path, tmp_path: Path
) -> None:
    import gc

    assert main_gui(["--data-dir", str(demo_dir), "--screenshot", str(tmp_path / "s.png")]) == 0
    assert gc.isenabled()  # paused during start-up only
