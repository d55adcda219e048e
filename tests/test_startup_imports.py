"""The window paints before the database layer loads: what start-up imports stays light."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from careerplanner.app import opens_cleanly
from careerplanner.gui_options import window_only
from careerplanner.paths import DATABASE_NAME

HEAVY = ("sqlalchemy", "alembic", "pyqtgraph", "numpy")


@pytest.mark.parametrize(
    "module", ["careerplanner.cli", "careerplanner.ui.main_window", "careerplanner.app"]
)
def test_start_up_modules_import_nothing_heavy(module: str) -> None:
    code = f"import sys, {module}\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == ""


def test_opens_cleanly_only_for_a_new_or_sound_database(tmp_path: Path) -> None:
    assert opens_cleanly(tmp_path / "new")
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / DATABASE_NAME).write_text("not a database\n")
    assert not opens_cleanly(foreign)
    a_file = tmp_path / "file"
    a_file.write_text("x")
    assert not opens_cleanly(a_file)


def _loaded_after(argv: list[str]) -> list[str]:
    """Every module loaded by the time the command `argv` has run (in a fresh process)."""
    code = (
        "import sys\nfrom careerplanner.cli import run\ncode = run(sys.argv[1:])\n"
        "print('LOADED=' + ','.join(sys.modules), file=sys.stderr)\n"
        "sys.exit(code)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *argv], capture_output=True, text=True, check=True
    )
    line = [ln for ln in done.stderr.splitlines() if ln.startswith("LOADED=")][-1]
    return line.removeprefix("LOADED=").split(",")


def _heavy_after(argv: list[str]) -> list[str]:
    """The heavy modules loaded by the time the command `argv` has run (in a fresh process)."""
    loaded = set(_loaded_after(argv))
    return [m for m in HEAVY if m in loaded]


def _ours(loaded: list[str], packages: tuple[str, ...]) -> list[str]:
    """The modules of `loaded` in (or equal to) any of `packages`."""
    return sorted(m for m in loaded if any(m == p or m.startswith(f"{p}.") for p in packages))


def test_reading_needs_no_sqlalchemy_and_logging_hours_no_numpy(tmp_path: Path) -> None:
    folder = ["--data-dir", str(tmp_path / "data")]
    assert _heavy_after([*folder, "demo"]) == ["sqlalchemy", "numpy"]
    assert _heavy_after([*folder, "eligibility", "--json"]) == ["numpy"]
    assert _heavy_after([*folder, "hours", "add", "--date", "2026-01-05", "--hours", "2"]) == [
        "sqlalchemy"
    ]
    shot = str(tmp_path / "overview.png")
    assert "sqlalchemy" not in _heavy_after([*folder, "--screenshot", shot, "--page", "overview"])


def test_offering_to_fill_a_plan_without_schedules_needs_no_sqlalchemy(tmp_path: Path) -> None:
    """The window asks this at every start-up, before the user does anything."""
    folder = ["--data-dir", str(tmp_path / "data")]
    _heavy_after([*folder, "demo"])
    fill = ["schedule", "fill", "--through", "2026-01-05", "--dry-run"]
    assert "sqlalchemy" not in _heavy_after([*folder, *fill])


@pytest.mark.parametrize(
    ("argv", "window"),
    [
        ([], True),
        (["--data-dir", "d", "--size", "1280x800"], True),
        (["--data-dir=d", "--page", "hours", "--screenshot", "s.png"], True),
        (["--size", "tiny"], False),  # refused by the window, through the command line
        (["--data-dir", "d", "eligibility"], False),
        (["--help"], False),
        (["--version"], False),
        (["--data", "d"], False),  # no abbreviations, as on the command line
        (["--data-dir"], False),
        (["--data-dir", "  "], False),
        (["--data-dir", "caf\udce9"], False),
    ],
)
def test_only_window_options_skip_the_command_line(argv: list[str], window: bool) -> None:
    assert window_only(argv) is window


def test_the_window_starts_without_loading_the_commands(tmp_path: Path) -> None:
    shot = tmp_path / "overview.png"
    code = (
        "import sys\nfrom careerplanner.__main__ import main\n"
        f"code = main(['--data-dir', {str(tmp_path / 'data')!r}, '--screenshot', {str(shot)!r}])\n"
        "print(sorted(m for m in sys.modules if m.startswith('careerplanner.cli')), code)"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert done.stdout.strip() == "[] 0"
    assert shot.exists()


# What `hours add` (a write-only command) used to import and needs none of: the catalog and its
# TOML, the other commands' modules, import/export and reports, the eligibility and scenario
# services, and the code that copies certificates into a backup (only the daily check runs).
NOT_FOR_LOGGING_HOURS = (
    "numpy",
    "alembic",
    "tomllib",
    "careerplanner.catalog",
    "careerplanner.domain.catalog",
    "careerplanner.domain.results",
    "careerplanner.io",
    "careerplanner.cli.logbook_commands",
    "careerplanner.cli.report_commands",
    "careerplanner.cli.status_commands",
    "careerplanner.cli.timeline_commands",
    "careerplanner.cli.work_commands",
    "careerplanner.services.backup_certificates",
    "careerplanner.services.ce",
    "careerplanner.services.ce_files",
    "careerplanner.services.goals",
    "careerplanner.services.import_export",
    "careerplanner.services.plan",
    "careerplanner.services.reminders",
    "careerplanner.services.reports",
    "careerplanner.services.scenarios",
)


def test_logging_hours_imports_only_what_it_uses(tmp_path: Path) -> None:
    folder = ["--data-dir", str(tmp_path / "data")]
    _loaded_after([*folder, "demo"])  # data to back up: the daily check finds none from today
    add = ["hours", "add", "--date", "2026-01-05", "--hours", "2"]
    first = _loaded_after([*folder, *add])  # makes today's automatic backup
    assert (tmp_path / "data" / "backups").is_dir()
    made_backup = _ours(first, NOT_FOR_LOGGING_HOURS)
    assert made_backup == [
        "careerplanner.services.backup_certificates",
        "careerplanner.services.ce_files",
    ]
    again = _loaded_after([*folder, *add[:3], "2026-01-06", *add[4:]])
    assert _ours(again, NOT_FOR_LOGGING_HOURS) == []


def test_help_imports_no_command_module_and_no_service() -> None:
    loaded = _loaded_after(["--help"])
    assert _ours(loaded, ("careerplanner.cli",)) == [
        "careerplanner.cli",
        "careerplanner.cli.commands",
        "careerplanner.cli.context",
    ]
    assert _ours(loaded, ("careerplanner.services", "careerplanner.storage")) == [
        "careerplanner.services",
        "careerplanner.services.errors",
        "careerplanner.storage",
        "careerplanner.storage.errors",
    ]
