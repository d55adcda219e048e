"""The window paints before the database layer loads: what start-up imports stays light."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from careerplanner.app import opens_cleanly, window_only
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


def _heavy_after(argv: list[str]) -> list[str]:
    """The heavy modules loaded by the time the command `argv` has run (in a fresh process)."""
    code = (
        "import sys\nfrom careerplanner.cli import run\ncode = run(sys.argv[1:])\n"
        f"print('LOADED=' + ','.join(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)\n"
        "sys.exit(code)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *argv], capture_output=True, text=True, check=True
    )
    line = [ln for ln in done.stderr.splitlines() if ln.startswith("LOADED=")][-1]
    return [m for m in line.removeprefix("LOADED=").split(",") if m]


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
